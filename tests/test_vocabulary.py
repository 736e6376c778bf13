"""Heading mark styles and genre words (gsilint/vocabulary.py) and the grammar built from them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gsilint.parse import parse
from gsilint.parse.lines import MARK_STYLES_SLOT, grammar_parser, grammar_text
from gsilint.resources import data_dir
from gsilint.vocabulary import (
    MARK_STYLES,
    STATUTORY_WORDS,
    STYLE_RANK,
    mark_lexer_pattern,
    read_mark,
    render_mark,
)


@pytest.mark.parametrize(
    "style, n, text",
    [
        ("cn", 3, "三、"),
        ("paren_cn", 3, "（三）"),
        ("num", 3, "3."),
        ("paren_num", 3, "（3）"),
        ("circled", 3, "③"),
        ("cn", 13, "十三、"),
    ],
)
def test_render_mark(style, n, text):
    assert render_mark(style, n) == text


@given(st.sampled_from(MARK_STYLES), st.integers(min_value=1, max_value=20))
def test_rendered_marks_read_back(style, n):
    assert read_mark(render_mark(style.name, n)) == (style.name, n)


@given(st.sampled_from(MARK_STYLES), st.integers(min_value=1, max_value=20))
def test_rendered_marks_parse_as_headings_of_their_rank(style, n):
    doc = parse(f"{render_mark(style.name, n)}总体情况\n")
    (section,) = doc.sections
    assert (section.heading.mark.style, section.heading.mark.number) == (style.name, n)
    assert section.level == style.rank


@pytest.mark.parametrize("text", ["（一）", "(一)", "1．", "1、", "(1)", "**一、"])
def test_other_ways_of_writing_a_mark(text):
    assert read_mark(text)[1] == 1


def test_ranks_are_the_nesting_order():
    assert [s.rank for s in MARK_STYLES] == list(range(1, len(MARK_STYLES) + 1))
    assert STYLE_RANK == {"cn": 1, "paren_cn": 2, "num": 3, "paren_num": 4, "circled": 5}


def test_grammar_mark_comes_from_the_styles():
    raw = (data_dir("grammars") / "report.lark").read_text(encoding="utf-8")
    assert raw.count(MARK_STYLES_SLOT) == 1
    assert f"MARK.3: /(\\*\\*)?{mark_lexer_pattern()}/" in grammar_text()
    mark = next(t for t in grammar_parser().terminals if t.name == "MARK")
    assert mark.pattern.value == f"(\\*\\*)?{mark_lexer_pattern()}"


def test_statutory_words_come_from_the_data_file():
    assert STATUTORY_WORDS.startswith("(?:总体情况|概述|")
    assert "存在的主要问题" in STATUTORY_WORDS
