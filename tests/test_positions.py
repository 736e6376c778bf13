"""Offsets, lines and columns: CRLF, astral characters, U+2028, display width."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gsilint.positions import LineIndex, Span, display_width, utf16_len
from gsilint.sources.base import SourceMap


def test_lines_split_on_newline_only():
    text = "甲\u2028乙\n丙"
    idx = LineIndex(text)
    assert idx.line_count == 2
    assert idx.position(text.index("乙")) == (1, 3)
    assert idx.position(text.index("丙")) == (2, 1)


def test_crlf_line_end_excludes_cr():
    idx = LineIndex("一、总体\r\n二、主动\r\n")
    assert idx.line_text(0) == "一、总体"
    assert idx.position(6) == (2, 1)


def test_astral_characters_count_once_in_code_points_twice_in_utf16():
    text = "𠮷野家\n𠮷𠮷x"
    idx = LineIndex(text)
    x = text.index("x")
    assert idx.position(x) == (2, 3)
    assert idx.utf16_position(x) == (1, 4)
    assert utf16_len("𠮷") == 2


def test_display_width_of_cjk():
    assert display_width("公开a") == 5
    assert display_width("（１）") == 6


def test_span_validates():
    assert len(Span(2, 5)) == 3
    try:
        Span(5, 2)
    except ValueError:
        pass
    else:  # pragma: no cover
        raise AssertionError("reversed span accepted")


def test_source_map_inserted_newlines():
    # original "ab。二、c"; a "\n" inserted before "二" at original offset 3
    smap = SourceMap([(0, 0), (4, 3)], 6)
    assert [smap.to_original(i) for i in range(8)] == [0, 1, 2, 3, 3, 4, 5, 6]


@given(st.text(alphabet=st.sampled_from("ab\n\r𠮷公\u2028\t "), max_size=60), st.data())
def test_line_column_round_trip(text, data):
    idx = LineIndex(text)
    offset = data.draw(st.integers(0, len(text)))
    line, col = idx.position(offset)
    assert idx.offset(line, col) == offset
    l16, c16 = idx.utf16_position(offset)
    assert l16 == line - 1
    assert c16 == utf16_len(text[idx.line_start(line - 1) : offset])
