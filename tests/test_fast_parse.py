"""The parser's and the engine's fast paths give what their simple reference versions give.

Each fast path (a memoised walk, a one-clamp position lookup, a map-free
``locate``, …) is held equal to a plain version written here, on generated
text and on every report of the fixtures and the shared corpus.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from conftest import CORPUS, needs_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from gsilint import document
from gsilint.findings import Location
from gsilint.parse import parse
from gsilint.positions import LineIndex, Span
from gsilint.sources import InputError, Source, SourceMap, is_report_path, load_path

TESTS = Path(__file__).parent


def _sources(folder: Path) -> list[Source]:
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and is_report_path(path) and not path.name.upper().startswith("README"):
            try:
                out.append(load_path(str(path)))
            except InputError:
                pass
    return out


@cache
def fixture_sources() -> list[Source]:
    return _sources(TESTS)


@cache
def corpus_sources() -> list[Source]:
    return _sources(CORPUS)


# -- Document traversal ---------------------------------------------------


def reference_walk(doc: document.Document) -> list[object]:
    """Every block in document order, by recursion."""
    out: list[object] = []

    def visit(node: object) -> None:
        out.append(node)
        if isinstance(node, document.Section):
            for child in node.children:
                visit(child)

    for node in doc.preamble + doc.sections:
        visit(node)
    return out


def _same_traversal(doc: document.Document) -> None:
    order = reference_walk(doc)
    for _ in range(2):  # the first walk lists the order, the second reads it back
        assert [id(n) for n in doc.walk()] == [id(n) for n in order]
    assert list(doc.all_sections()) == [n for n in order if isinstance(n, document.Section)]
    assert list(doc.tables()) == [n for n in order if isinstance(n, document.Table)]
    prose = []
    for n in order:
        if isinstance(n, document.Paragraph):
            prose.append(n)
        elif isinstance(n, document.Section) and n.heading.body is not None:
            prose.append(n.heading.body)
    assert [id(p) for p in doc.paragraphs()] == [id(p) for p in prose]


def test_walk_is_the_recursive_order_on_the_fixtures():
    for source in fixture_sources():
        _same_traversal(parse(source.text))


@needs_corpus
def test_walk_is_the_recursive_order_on_the_corpus():
    for source in corpus_sources():
        _same_traversal(parse(source.text))


def test_paragraphs_follow_a_heading_body_dropped_after_the_first_walk():
    doc = parse("一、总体情况。正文在此。\n二、主动公开\n第二段。\n")
    bodies = [p.text for p in doc.paragraphs()]
    assert "正文在此。" in bodies
    doc.sections[0].heading.body = None
    assert "正文在此。" not in [p.text for p in doc.paragraphs()]


# -- positions ------------------------------------------------------------


def reference_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column by counting the line breaks before ``offset``."""
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


LINES_TEXT = st.text(alphabet=st.sampled_from("ab公\n\r\u2028𠮷"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(LINES_TEXT, st.lists(st.integers(-5, 70), max_size=10))
def test_position_is_the_counted_line_and_column(text, offsets):
    index = LineIndex(text)
    for offset in offsets:
        assert index.position(offset) == reference_position(text, offset)


def reference_locate(source: Source, span: Span) -> Location:
    """The location through ``Source.to_original``, as it was resolved before the fast path."""
    start = source.to_original(span.start)
    end = max(start, source.to_original(span.end))
    index = LineIndex(source.original)
    return Location(
        start,
        end,
        *index.position(start),
        *index.position(end),
        source.label_at(start),
    )


@settings(max_examples=200, deadline=None)
@given(LINES_TEXT, st.lists(st.tuples(st.integers(0, 70), st.integers(0, 10)), max_size=8))
def test_locate_without_a_map_is_the_mapped_location(text, spans):
    source = Source("r.txt", text, text)
    for start, length in spans:
        span = Span(start, start + length)
        assert source.locate(span) == reference_locate(source, span)


def test_locate_through_a_map_and_labels():
    original = "第一行\n第二行\n第三行"
    flat = original.replace("\n", "")
    source = Source(
        "r.docx",
        flat,
        original,
        map=SourceMap([(0, 0), (3, 4), (6, 8)], len(original)),
        labels=[(0, "段落 1"), (4, "段落 2"), (8, "段落 3")],
    )
    for start in range(len(flat) + 1):
        for end in range(start, len(flat) + 1):
            span = Span(start, end)
            assert source.locate(span) == reference_locate(source, span)
    assert source.locate(Span(4, 5)).label == "段落 2"
