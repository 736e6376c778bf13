"""The third round's fast paths of table_grids and T501 equal their plain references.

T501 searches units of two to four characters with its pattern and the doubled single
characters it reports with ``str.find`` (the plain search tries a unit of one at every
position). Tables 二 and 三 work out their dead columns (cells no data row fills) only when
a row has more values than columns, the only rows whose fit reads them. A key is searched
for glued digits from just before its first six digits in a row. The mappers' per-row
searches (table openers, the first template row a label identifies) are plain loops
instead of a generator per row. Each test keeps
the plain version and checks, on random input (hypothesis) and on every report of the
shared corpus and the fixtures, that the fast one gives the same answer.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from test_fast_tables import (  # the reports parsed once; find_regions as first written
    _find_regions_reference,
    _reports,
)

from gsilint import document
from gsilint.han import HAN
from gsilint.positions import Span
from gsilint.rules.hygiene import t501_repeated_word as t501
from gsilint.tables import mapping
from gsilint.tables import stream as stream_module
from gsilint.tables.grid import CellValue
from gsilint.tables.labels import holds_any
from gsilint.tables.mapping import _fit
from gsilint.tables.spec import table_format
from gsilint.tables.stream import StreamRow, dead_columns, split_row, table_stream


def test_the_corpus_is_there():
    assert len(_reports()) > 30


# -- T501: the doubled units it may report -----------------------------------------------


def _reported_at(text: str, start: int, end: int) -> bool:
    """A stand-in for the rule's tests, which decide whether the search goes on after the
    doubling (reported) or from the next character (not): some of each."""
    return (ord(text[start]) + end) % 3 == 0


#: a unit of one to four Han characters written twice: the search the rule's two stand for
_DOUBLED = re.compile(f"({HAN}{{1,4}})\\1")


def _doublings_reference(text: str) -> list[tuple[int, int]]:
    """The plain search: a unit of one to four Han characters twice, from the rule's
    position, a unit of one kept only when it is a character the rule reports (the rule
    skips the others at once)."""
    singles = t501._data()[2]
    out, pos = [], 0
    while (m := _DOUBLED.search(text, pos)) is not None:
        if len(m.group(1)) == 1 and m.group(1) not in singles:
            pos = m.start() + 1
            continue
        out.append(m.span())
        pos = m.end() if _reported_at(text, *m.span()) else m.start() + 1
    return out


def _doublings_fast(text: str, longer) -> list[tuple[int, int]]:
    out, pos = [], 0
    while (found := t501._next_doubled(text, pos, longer, t501._single_pairs())) is not None:
        out.append(found)
        pos = found[1] if _reported_at(text, *found) else found[0] + 1
    return out


#: Han text rich in doubled units: repeated characters and pairs, 的 (reported doubled,
#: unless 确 follows), numerals, punctuation and a character above U+FFFF.
_DOUBLING_TEXT = st.lists(
    st.sampled_from(
        [
            "的",
            "的的",
            "确",
            "公开",
            "工作",
            "公开公开",
            "一二",
            "常常",
            "信息",
            "，",
            "a",
            "\n",
            "𠀀",
        ]
    )
    | st.text(alphabet="的确公开工作资金常人一二三，。 a𠀀", max_size=6),
    max_size=25,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_DOUBLING_TEXT)
def test_t501_finds_the_doublings_of_the_plain_search(text):
    assert _doublings_fast(text, t501._LONGER) == _doublings_reference(text)
    if t501._bmp_only(text):
        assert _doublings_fast(text, t501._LONGER_BMP) == _doublings_reference(text)


def test_t501_finds_the_doublings_of_the_plain_search_in_every_report():
    for facts in _reports():
        for piece in facts.hygiene_prose:
            text = piece.text
            longer = t501._LONGER_BMP if t501._bmp_only(text) else t501._LONGER
            assert _doublings_fast(text, longer) == _doublings_reference(text), facts.path


def test_t501_single_pairs_are_the_reported_characters_doubled():
    assert t501._single_pairs() == tuple(c + c for c in t501._data()[2])


# -- tables: dead columns only for a row with more values than columns -------------------


def _fits_alike_without_dead_columns(rows) -> bool:
    """A row with no more values than ``n`` columns is fitted alike with and without the
    dead columns of its table (the rows the mappers fit without them)."""
    dead = dead_columns(rows)
    for r in rows:
        for n in range(len(r.values), len(r.values) + 3):
            if _fit(r.values, n, r, None) != _fit(r.values, n, r, dead):
                return False
    return True


_CELL_TEXTS = st.sampled_from(["", " ", "0", "12", "/", "—", "件", "（一）予以公开", "合计"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.lists(_CELL_TEXTS, min_size=1, max_size=9), st.integers(0, 1))),
    st.sampled_from(["tab", "pipe", "html", "lines", "space"]),
)
def test_rows_that_fit_their_columns_ignore_dead_columns(rows, kind):
    stream = []
    for texts, table in rows:
        cells = [document.Cell(t, Span(i, i + 1)) for i, t in enumerate(texts)]
        stream.append(split_row(document.Row(cells, Span(0, len(texts))), kind, table))
    assert _fits_alike_without_dead_columns(stream)


def test_rows_that_fit_their_columns_ignore_dead_columns_on_the_corpus():
    for facts in _reports():
        assert _fits_alike_without_dead_columns(table_stream(facts.doc)), facts.path


# -- tables: glued digits searched from the first six digits in a row ---------------------


def _glued_reference(text: str) -> bool:
    return stream_module._GLUED.search(text) is not None


_KEY_TEXT = st.lists(
    st.sampled_from(["1", "0", "123", "000000", "9999999", "数量", "二、", "万元", "件", "条"])
    | st.sampled_from([" ", "\n", ".", "．", "/", "%", "a", "１２３４５６"]),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_KEY_TEXT)
def test_glued_digits_are_found_as_the_whole_search_finds_them(text):
    assert stream_module._has_glued(text) == _glued_reference(text)


def test_glued_digits_are_found_as_the_whole_search_finds_them_on_the_corpus():
    found = 0
    for facts in _reports():
        stream = table_stream(facts.doc)
        keys = [r.key for r in stream]
        for text in [*keys, "\n".join(keys), facts.doc.text]:
            assert stream_module._has_glued(text) == _glued_reference(text), facts.path
            found += _glued_reference(text)
    assert found


# -- tables: every cell the mappers make ----------------------------------------------------

_FIELDS = ("value", "span", "reported", "text", "problem")


def test_the_cells_of_every_report_are_cell_values():
    """Every cell the mappers made is a CellValue equal to one the constructor makes."""
    count = 0
    for facts in _reports():
        for grid in facts.table_grids.values():
            if grid is None:
                continue
            for cell in grid.cells.values():
                assert type(cell) is CellValue
                assert cell == CellValue(*(getattr(cell, f) for f in _FIELDS))
                count += 1
    assert count > 1000


# -- tables: loops instead of a generator per row ---------------------------------------


_ANCHOR_PARTS = st.sampled_from(
    [*mapping._T3_ANCHOR, *mapping._T4_ANCHOR, *mapping._T2_ANCHOR, "本年新收", "其他", "x" * 11]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.lists(_ANCHOR_PARTS, max_size=3).map("".join), st.booleans())))
def test_table_openers_are_found_as_the_generators_find_them(rows):
    stream = [StreamRow([], [], Span(0, 1), "tab", k, data) for k, data in rows]
    assert mapping.find_regions(stream) == _find_regions_reference(stream)


def test_table_openers_are_found_as_the_generators_find_them_on_the_corpus():
    for facts in _reports():
        stream = table_stream(facts.doc)
        assert mapping.find_regions(stream) == _find_regions_reference(stream), facts.path


def _first_match_reference(specs, start, stop, texts, joined):
    return next(
        (
            i
            for i in range(start, min(stop, len(specs)))
            if mapping._matches(specs[i], texts, joined)
        ),
        None,
    )


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["2019", "2021"]),
    st.integers(0, 30),
    st.integers(0, 30),
    st.data(),
)
def test_the_first_template_row_a_label_names_is_found_as_the_generator_finds_it(
    layout, start, stop, data
):
    specs = table_format(layout).t3.rows
    labels = [s.label for s in specs]
    joined = mapping._cell_key(data.draw(st.sampled_from([*labels, "合计", ""])))[1]
    texts = data.draw(st.sampled_from([(), (joined,), [joined, "其他"]]))
    got = mapping._first_match(specs, start, stop, texts, joined)
    assert got == _first_match_reference(specs, start, stop, texts, joined)


def test_label_texts_are_the_label_cells_joined():
    for facts in _reports():
        for r in table_stream(facts.doc):
            assert r.label_text == " ".join(c.text for c in r.labels)


_WORDS = st.lists(st.sampled_from(["公开", "申请", "复议", "", "a", "公开申请"]), max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="公开申请复议a ", max_size=12), _WORDS)
def test_holds_any_is_any_word_in_the_text(text, words):
    assert holds_any(text, words) == any(w in text for w in words)
    assert holds_any(text, tuple(words)) == any(w in text for w in words)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["2019", "2021"]), st.data())
def test_the_first_unmapped_row_a_label_names_is_found_as_the_generator_finds_it(layout, data):
    specs = table_format(layout).t2.rows
    keys = [s.key for s in specs]
    mapped = dict.fromkeys(data.draw(st.lists(st.sampled_from(keys), max_size=len(keys))))
    labels = [s.label for s in specs]
    joined = mapping._cell_key(data.draw(st.sampled_from([*labels, "其他", ""])))[1]
    texts = data.draw(st.sampled_from([(), (joined,), [joined]]))
    want = next(
        (s for s in specs if s.key not in mapped and mapping._matches(s, texts, joined)), None
    )
    assert mapping._first_unmapped(specs, mapped, texts, joined) is want


@settings(max_examples=200, deadline=None)
@given(st.lists(_CELL_TEXTS, max_size=8))
def test_any_blank_is_any_cell_blank(texts):
    cells = [document.Cell(t, Span(i, i + 1)) for i, t in enumerate(texts)]
    assert mapping._any_blank(cells) == any(c.is_blank for c in cells)
