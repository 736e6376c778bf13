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


# -- stdlib patterns --------------------------------------------------------

#: Characters where ``regex`` and ``re`` could disagree: every kind of space and
#: separator, digits of several scripts, and the words the patterns look for.
PATTERN_TEXT = st.lists(
    st.sampled_from(
        list(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u202f\u3000")
        + list("0123456789０９٣.．%+-－/—–无一二三十（()）、。，；！？")
        + ["行政复议", "行政诉讼", "结果维持", "结果纠正", "第二十条", "第", "（", "信息内容"]
        + ["本年", "本列数据的勾稽关系", "申请人情况", "总计", "其他", "本年度新收", "总体情况"]
    ),
    max_size=12,
).map("".join)


def _std_patterns():
    """The parser's lazy patterns that run on stdlib ``re`` (see gsilint/patterns.py)."""
    import re

    from gsilint.parse import blocks, tables
    from gsilint.patterns import LazyPattern

    for module in (tables, blocks):
        for name, value in vars(module).items():
            if isinstance(value, LazyPattern) and isinstance(value.compiled(), re.Pattern):
                yield f"{module.__name__}.{name}", value


def test_the_parser_has_stdlib_patterns():
    assert len(list(_std_patterns())) >= 8


@settings(max_examples=400, deadline=None)
@given(PATTERN_TEXT)
def test_stdlib_patterns_match_what_regex_matches(text):
    import regex

    for name, pattern in _std_patterns():
        reference = regex.compile(pattern._source)
        for method in ("match", "search", "fullmatch"):
            got = getattr(pattern, method)(text)
            want = getattr(reference, method)(text)
            assert (got and got.span()) == (want and want.span()), (name, method)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in reference.finditer(text)
        ], name


# -- table rows -------------------------------------------------------------


def reference_space_row(page, start: int, end: int) -> document.Row:
    """A row of PDF text as it was read before (every cell through ``Page.cell``)."""
    import regex

    tokens = [
        (m.start() + start, m.end() + start) for m in regex.finditer(r"\S+", page.text[start:end])
    ]
    numeric = regex.compile(r"^(?:[+\-－]?[0-9０-９]+(?:[.．][0-9０-９]+)?%?|[/—\-－–无])$")
    k = len(tokens)
    while k > 0 and numeric.match(page.text[tokens[k - 1][0] : tokens[k - 1][1]]):
        k -= 1
    if k == len(tokens):
        cells = [page.cell(a, b) for a, b in tokens]
    else:
        cells = [page.cell(tokens[0][0], tokens[k - 1][1])] if k > 0 else []
        cells.extend(page.cell(a, b) for a, b in tokens[k:])
    return document.Row(cells, Span(start, end))


def _page(text: str):
    from gsilint.normalize import simplify
    from gsilint.parse.lines import parse_lines
    from gsilint.parse.page import Page

    return Page(text, simplify(text), parse_lines(text))


@settings(max_examples=300, deadline=None)
@given(PATTERN_TEXT)
def test_space_row_is_the_reference_row(text):
    from gsilint.parse.tables import space_row

    page = _page("前" + text + "后")
    for start, end in ((0, len(page.text)), (1, len(page.text) - 1), (2, len(page.text) // 2 + 1)):
        if start <= end:
            assert space_row(page, start, end) == reference_space_row(page, start, end)


def _space_rows_of(source: Source) -> int:

    doc = parse(source.text)
    page = _page(source.text)
    rows = 0
    for table in doc.tables():
        if table.kind == "space":
            for row in table.rows:
                assert row == reference_space_row(page, row.span.start, row.span.end)
                rows += 1
    return rows


@needs_corpus
def test_space_rows_of_the_corpus_are_the_reference_rows():
    assert sum(_space_rows_of(s) for s in corpus_sources()) > 100


def reference_is_glued_table(page, start: int, end: int) -> bool:
    """The glued-table test without the five-digit first test."""
    import regex

    from gsilint.tables.spec import table_words

    s = page.s(start, end)
    anchor = regex.compile(
        r"^[\s\u3000]*(?:"
        + "|".join(table_words("t2", "region_openers") + table_words("t3", "region_openers"))
        + ")"
    )
    t4 = regex.compile("|".join(table_words("t4", "region_openers")))
    return bool((anchor.search(s) or t4.search(s)) and regex.search(r"[^\d\s][0-9]{5,}", s))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["行政复议 行政诉讼", "申请人情况", "第二十条第（", "x"]), max_size=2),
    PATTERN_TEXT,
    st.text("0123456789a ", max_size=8),
)
def test_glued_table_is_the_reference_test(head, middle, digits):
    from gsilint.parse.tables import is_glued_table

    page = _page("".join(head) + middle + digits)
    assert is_glued_table(page, 0, len(page.text)) == reference_is_glued_table(
        page, 0, len(page.text)
    )


# -- lines ------------------------------------------------------------------


def test_a_prose_line_makes_its_token_when_asked():
    from gsilint.parse.lines import parse_lines
    from gsilint.parse.tokens import Line, Token

    text = "标题\n　　正文一行。\n一、总体情况"
    lines = parse_lines(text)
    prose = lines[0]
    assert prose._tokens is None and prose.content_start() == 0
    [tok] = prose.tokens
    assert (tok.type, tok.value, tok.start_pos, tok.end_pos) == ("TEXT", "标题", 0, 2)
    assert (tok.line, tok.column, tok.end_line, tok.end_column) == (1, 1, 1, 3)
    assert prose.tokens is prose.tokens  # made once
    assert prose == Line("paragraph", [Token("TEXT", "标题", 0, 1, 1, 1, 3, 2)], 0, 2)
    assert lines[1].content_start() == text.index("正文")  # after its INDENT token
    assert lines[2].content_start() == text.index("一、")


def reference_content(page, line) -> tuple[int, int]:
    """A line's content span by walking its tokens, as ``Page.content`` did."""
    for tok in line.tokens:
        if tok.type not in ("INDENT", "HASHES"):
            start = tok.start_pos
            break
    else:
        return line.end, line.end
    end = line.end
    while end > start and page.text[end - 1] in " \u3000\t\u00a0":
        end -= 1
    return start, end


def _same_contents(text: str) -> None:
    from gsilint.parse.lines import parse_lines

    page = _page(text)
    for line in parse_lines(text):  # fresh lines: prose tokens not made yet
        assert page.content(line) == reference_content(page, line)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#一、（）1. \u3000\t|<!-->a\n")), max_size=30))
def test_content_is_the_token_walk(text):
    _same_contents(text)


def test_content_is_the_token_walk_on_the_fixtures():
    for source in fixture_sources():
        _same_contents(source.text)


def reference_opens_table_region(simple: str) -> bool:
    """The two anchor tests, one after the other, as they were made before."""
    import regex

    from gsilint.tables.spec import table_words

    anchor = regex.compile(
        r"^[\s\u3000]*(?:"
        + "|".join(table_words("t2", "region_openers") + table_words("t3", "region_openers"))
        + ")"
    )
    t4 = regex.compile("|".join(table_words("t4", "region_openers")))
    return bool(anchor.match(simple) or (t4.match(simple) and len(simple) < 40))


@settings(max_examples=500, deadline=None)
@given(PATTERN_TEXT, st.integers(0, 50))
def test_opens_table_region_is_the_two_anchor_tests(text, pad):
    from gsilint.parse.tables import opens_table_region

    for simple in (text, text + "字" * pad, text + "\n" * (pad % 3) + "字" * pad):
        assert opens_table_region(simple) == reference_opens_table_region(simple), simple


@settings(max_examples=500, deadline=None)
@given(PATTERN_TEXT, st.integers(0, 3), st.integers(0, 3))
def test_words_are_the_non_space_runs(text, cut_start, cut_end):
    import regex

    from gsilint.parse.tables import _words

    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    runs = regex.compile(r"\S+").finditer(text, start, end)
    assert _words(text, start, end) == [(m.group(), m.start(), m.end()) for m in runs]


# -- headings ---------------------------------------------------------------


def reference_long_title_cut(rest: str, cut: int) -> int:
    """Both cut patterns searched every time, as before."""
    import regex

    for rx in (
        regex.compile(r"(?<=\S{2})(?=(?:19|20)\d\d\s*年)"),
        regex.compile(r"(?<=\S{4}(?:情况|事项|措施|概述))(?=\S)(?!统计表|表)"),
    ):
        y = rx.search(rest, 0, min(cut, 40))
        if y:
            cut = min(cut, y.start())
    return cut


TITLE_TEXT = st.lists(
    st.sampled_from(
        ["年", "2020", "2021年", "19", "20", "99", " ", "\u3000", "情况", "事项", "措施", "概述"]
        + ["统计表", "表", "工作", "公开", "本机关", "。", "a", "情", "况"]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=800, deadline=None)
@given(TITLE_TEXT, st.integers(11, 60))
def test_long_title_cut_is_the_two_searches(rest, cut):
    from gsilint.parse.headings import _long_title_cut

    cut = min(cut, len(rest)) if len(rest) > 10 else cut
    assert _long_title_cut(rest, cut) == reference_long_title_cut(rest, cut)


def test_long_title_cut_cuts_before_a_year_and_after_a_head_noun():
    from gsilint.parse.headings import _long_title_cut

    year = "本机关认真落实2020年度各项工作"
    assert _long_title_cut(year, len(year)) == year.index("2020")
    noun = "存在的主要问题及改进情况目前我县政务公开"
    assert _long_title_cut(noun, len(noun)) == noun.index("目前")
    plain = "本机关认真落实各项工作要求不断深化公开"
    assert _long_title_cut(plain, len(plain)) == len(plain)


def reference_opens_cell_region(texts: list[str]) -> str:
    """The cell-region test with the lines ahead looked at one by one, as before."""
    import regex

    from gsilint.parse.tables import is_cell_line, is_number_line, opens_table_region

    head = ""
    for t in texts[:4]:
        if len(t) > 12:
            break
        head += t
        if opens_table_region(head):
            return "spread"
    window = texts[:8]
    if (
        len(window) < 8
        or is_number_line(window[0])
        or window[0][0] in "条件个项次人篇万元%％、，。；：）)”"
    ):
        return ""
    if any(len(t) > 40 or regex.search(r"[。，；！？]", t) for t in texts[:16]):
        return ""
    return "dense" if sum(1 for t in window if is_cell_line(t)) >= 3 else ""


CELL_LINE = st.sampled_from(
    [
        "12",
        "3.5",
        "无",
        "—",
        "条",
        "件",
        "行政复议",
        "行政诉讼",
        "申请人情况",
        "合计",
        "其中：",
        "a",
    ]
    + ["本年新收政府信息公开申请数量", "结果维持", "十", "说明，", "完成。", "x" * 41, "1,2"]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(CELL_LINE, min_size=1, max_size=18))
def test_opens_cell_region_is_the_line_by_line_test(texts):
    from gsilint.parse.tables import opens_cell_region

    assert opens_cell_region(texts) == reference_opens_cell_region(texts)


# -- nesting ----------------------------------------------------------------


def _flat_blocks(doc: document.Document) -> list[object]:
    """The blocks ``nest`` was given: sections read back as their headings."""
    return [n.heading if isinstance(n, document.Section) else n for n in doc.walk()]


def _shape(blocks: list[object]) -> list:
    return [
        (id(b.heading), _shape(b.children)) if isinstance(b, document.Section) else id(b)
        for b in blocks
    ]


def reference_nest(blocks: list[object]) -> tuple[list, list]:
    """Nesting by each open section's ``level`` property, as ``nest`` did before."""
    preamble: list = []
    sections: list = []
    stack: list[document.Section] = []
    for b in blocks:
        if isinstance(b, document.Heading):
            sec = document.Section(b, [], b.span)
            while stack and stack[-1].level >= sec.level:
                stack.pop()
            (stack[-1].children if stack else sections).append(sec)
            stack.append(sec)
        else:
            (stack[-1].children if stack else preamble).append(b)
    return preamble, sections


def _same_nesting(source: Source) -> None:
    doc = parse(source.text)
    preamble, sections = reference_nest(_flat_blocks(doc))
    assert _shape(doc.preamble) == _shape(preamble)
    assert _shape(doc.sections) == _shape(sections)


def test_nesting_is_the_reference_nesting_on_the_fixtures():
    for source in fixture_sources():
        _same_nesting(source)


@needs_corpus
def test_nesting_is_the_reference_nesting_on_the_corpus():
    for source in corpus_sources():
        _same_nesting(source)


# -- title end ------------------------------------------------


def reference_title_end():
    """The title-end pattern without its leading look-ahead, as it was searched before."""
    import regex

    from gsilint.vocabulary import CN_MARK_NUMERAL

    return regex.compile(
        r"[。；;！？!?]|[：:](?=.)|(?<=\S{2})[ \u3000\t]+(?=\S)"
        rf"|(?<=\S{{2}})(?=[（(](?:{CN_MARK_NUMERAL}|\d{{1,2}})[）)])"
        r"|(?<=\S{4})(?=[一二三四五六七八九十]是)|(?<=[^\d\s]{4})(?=\d{1,2}[.．、](?!\d))"
    )


HEADING_REST = st.lists(
    st.sampled_from(
        list("。；;！？!?：: \u3000\t\n（()）一二三十是0123456789.．、a情况")
        + ["总体情况", "1.", "（一）", "(12)", "三是", "２", "٣", "\xa0", "\x1c"]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(HEADING_REST)
def test_title_end_is_the_pattern_without_its_look_ahead(rest):
    from gsilint.parse.headings import _TITLE_END

    got, want = _TITLE_END.search(rest), reference_title_end().search(rest)
    assert (got and got.span()) == (want and want.span())


def test_headings_of_the_fixtures_end_where_the_reference_ends():
    from gsilint.parse.headings import _TITLE_END

    reference = reference_title_end()
    titles = 0
    for source in fixture_sources():
        for line in _page(source.text).lines:
            if line.kind == "heading":
                rest = source.text[line.tokens[-1].start_pos : line.end]
                got, want = _TITLE_END.search(rest), reference.search(rest)
                assert (got and got.span()) == (want and want.span())
                titles += 1
    assert titles > 100


# -- spans of tables and sections --------------------------------------------


def reference_section_span(sec: document.Section) -> Span:
    """A section's span by covering its heading and children one by one."""
    span = sec.heading.span
    for child in sec.children:
        span = span.cover(
            reference_section_span(child) if isinstance(child, document.Section) else child.span
        )
    return span


def _same_spans(source: Source) -> None:
    from gsilint.parse.blocks import _cover_rows

    doc = parse(source.text)
    for sec in doc.all_sections():
        assert sec.span == reference_section_span(sec)
    for table in doc.tables():
        if not table.rows:
            continue
        for opened in (
            table.rows[0].span,
            Span(table.rows[0].span.start, table.rows[0].span.start),
        ):
            want = opened
            for row in table.rows:
                want = want.cover(row.span)
            copy = document.Table(list(table.rows), opened, table.kind)
            _cover_rows(copy)
            assert copy.span == want


def test_spans_are_the_covers_one_by_one_on_the_fixtures():
    for source in fixture_sources():
        _same_spans(source)


@needs_corpus
def test_spans_are_the_covers_one_by_one_on_the_corpus():
    for source in corpus_sources():
        _same_spans(source)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("12 \u3000件条无—。a\n")), max_size=40))
def test_ahead_counts_the_lone_cells(text):
    from gsilint.parse.blocks import _Ahead
    from gsilint.parse.tables import is_number_line

    texts = [t.strip() or None for t in text.split("\n")]
    ahead = _Ahead(texts)
    nonblank = [t for t in texts if t]
    counted = [0]
    for t in nonblank:
        lone = len(t) <= 16 and (
            t in ("条", "件", "个", "项", "次", "人", "篇", "家", "元", "万元") or is_number_line(t)
        )
        counted.append(counted[-1] + lone)
    assert ahead.cells == counted
    assert ahead.nonblank_texts == nonblank


# -- line reader ------------------------------------------------------------


def reference_parse_lines(text: str) -> list:
    """Every line through the line pattern, with all its tokens made at once."""
    from gsilint.parse.lines import _line, _line_pattern

    lines = []
    for m in _line_pattern().finditer(text):
        start, end = m.span()
        line_start = text.rfind("\n", 0, start) + 1
        line_no = text.count("\n", 0, start) + 1
        regs = m.regs
        lines.append(
            _line(text, start, end, regs[1][1], regs[2][1], regs[3][1], line_no, line_start)
        )
    return lines


LINE_TEXT = st.lists(
    st.sampled_from(
        list(" \u3000\t\r\n|<#*a。(（\xa0\u2002\u2003")
        + ["\n", "\r\n", "一、", "（二）", "3.", "①", "<!-- x -->", "## ", "**", "\ufeff"]
        + ["（1）", "(2)", "１２.", "⑳", "十一、"]
    ),
    max_size=16,
).map("".join)


def _same_lines(text: str) -> None:
    from gsilint.parse.lines import parse_lines

    fast = parse_lines(text)
    assert [ln.content_start() for ln in fast] == [
        ln.content_start() for ln in reference_parse_lines(text)
    ]
    # the tokens made lazily are the eager tokens, with all their offsets
    assert _line_fields(fast) == _line_fields(reference_parse_lines(text))


def _line_fields(lines) -> list:
    return [
        (ln.kind, ln.start, ln.end)
        + tuple(
            (t.type, t.value, t.start_pos, t.end_pos, t.line, t.column, t.end_line, t.end_column)
            for t in ln.tokens
        )
        for ln in lines
    ]


@settings(max_examples=800, deadline=None)
@given(LINE_TEXT)
def test_lines_are_the_pattern_lines(text):
    _same_lines(text)


def test_lines_are_the_pattern_lines_on_the_fixtures():
    for source in fixture_sources():
        _same_lines(source.text)


@needs_corpus
def test_lines_are_the_pattern_lines_on_the_corpus():
    for source in corpus_sources():
        _same_lines(source.text)


@settings(max_examples=800, deadline=None)
@given(LINE_TEXT.map(lambda t: t.lstrip("\n")), st.sampled_from(["INDENT", "HASHES", "MARK"]))
def test_a_terminal_starts_with_one_of_its_first_characters(text, name):
    import re

    from gsilint.parse.grammar import terminal_pattern
    from gsilint.parse.lines import _starters
    from gsilint.pattern_shapes import first_chars

    first = first_chars(terminal_pattern(name))
    assert first is not None and first <= _starters()
    m = re.match(terminal_pattern(name), text)
    if m and m.end() > 0:
        assert text[0] in first


# -- cheap first tests of the table cues --------------------------------------


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u202f\u3000")
            + list("0123456789０٣.+-a总计")
        ),
        max_size=14,
    ).map("".join)
)
def test_trailing_numbers_end_in_a_digit_after_spaces(rest):
    from gsilint.parse.tables import _TRAILING_NUMBERS

    if _TRAILING_NUMBERS.search(rest):
        assert rest.rstrip()[-1:].isdecimal()


def test_literal_heads_start_every_match():
    import re

    from gsilint.parse.tables import _T4_HEADS, _literal_head
    from gsilint.tables.spec import table_words

    assert _literal_head("行政复议\\s*行政诉讼") == "行政复议"
    assert _literal_head("ab?c") == "a"
    assert _literal_head("ab{0,2}") == "a"
    assert _literal_head("ab+") == "ab"
    assert _literal_head("a|b") == ""
    assert _literal_head("[（(]?本列") == ""
    words = table_words("t4", "region_openers")
    assert _T4_HEADS is not None and len(_T4_HEADS) == len(words)
    for word, head in zip(words, _T4_HEADS):
        sample = re.sub(r"\\s\*", " ", word)
        assert re.match(word, sample) and sample.startswith(head)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a \u3000\x1c\x1d\x1e\x1f\x1b1")), max_size=12))
def test_c0_separators_are_found_in_the_page(text):
    import re

    page = _page(text)
    assert page.has_c0_separators() == bool(re.search("[\x1c-\x1f]", text))
    assert page.has_c0_separators() == bool(re.search("[\x1c-\x1f]", text))  # remembered
    for start in range(len(text)):  # a row of one word, and the others, as the reference reads them
        from gsilint.parse.tables import space_row

        assert space_row(page, start, len(text)) == reference_space_row(page, start, len(text))


@settings(max_examples=800, deadline=None)
@given(PATTERN_TEXT)
def test_number_lines_are_the_pattern_test(text):
    import regex

    from gsilint.parse.tables import is_cell_line, is_number_line

    number = r"(?:[+\-－]?[0-9０-９]+(?:[.．][0-9０-９]+)?%?|[/—\-－–无])"
    reference = regex.compile(rf"^[\s\u3000]*{number}[\s\u3000]*$")
    for simple in (text, text.strip(), text[:3]):
        want = reference.match(simple) is not None
        assert is_number_line(simple) == want
        units = {"条", "件", "个", "项", "次", "人", "篇", "家", "元", "万元"}
        assert is_cell_line(simple) == (len(simple) <= 16 and (simple in units or want))


def reference_join_cell_lines(table: document.Table, spread: bool) -> None:
    """Each number joined to the row above as the rows are read, as it was done before."""
    from gsilint.parse.tables import is_number_line

    units = {"条", "件", "个", "项", "次", "人", "篇", "家", "元", "万元"}
    rows: list[document.Row] = []
    one_cell = False
    joined = 0
    for row in table.rows:
        single = len(row.cells) == 1
        text = row.cells[0].text if single else ""
        if single and one_cell and rows and (is_number_line(text) or text in units):
            last = rows[-1]
            rows[-1] = document.Row(last.cells + row.cells, last.span.cover(row.span))
            joined += text not in units
        else:
            rows.append(row)
        one_cell = single
    if joined >= 3 or (spread and joined):
        table.rows = rows
        table.kind = "lines"


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["12", "3.5", "无", "条", "件", "合计", "行政复议", "a"]),
            min_size=1,
            max_size=3,
        ),
        min_size=1,
        max_size=14,
    ),
    st.booleans(),
)
def test_join_cell_lines_is_the_row_by_row_join(texts, spread):
    from gsilint.parse.tables import join_cell_lines

    def table() -> document.Table:
        rows, pos = [], 0
        for cells in texts:
            start = pos
            row_cells = []
            for t in cells:
                row_cells.append(document.Cell(t, Span(pos, pos + len(t))))
                pos += len(t) + 1
            rows.append(document.Row(row_cells, Span(start, pos - 1)))
        return document.Table(rows, Span(0, pos), "space")

    fast, reference = table(), table()
    join_cell_lines(fast, spread)
    reference_join_cell_lines(reference, spread)
    assert (fast.kind, fast.rows, fast.span) == (reference.kind, reference.rows, reference.span)
