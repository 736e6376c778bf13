"""What a pattern can match, read from ``re``'s parse (gsilint.pattern_shapes).

Exact answers on chosen patterns, the safe answers when the private parser is
missing or gives an unexpected tree, and on random patterns the two promises the
callers rely on: a match starts with one of :func:`first_chars`, and a match in a
piece of text is still a match once the piece stands between other lines when
the pattern is :func:`joinable`.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gsilint import pattern_shapes
from gsilint.pattern_shapes import first_chars, joinable

# -- first_chars -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("[#＃]{1,6}", {"#", "＃"}),
        ("甲|乙丙|[丁戊]", {"甲", "乙", "丁", "戊"}),
        ("(?:ab|[c-e])x?", {"a", "c", "d", "e"}),
        ("(\\*\\*)?[一二]", {"*", "一", "二"}),
        ("(?![#])#+", {"#"}),
        ("\\b(?<=x)a", {"a"}),
        ("a*b", {"a", "b"}),
        ("a*?b", {"a", "b"}),
        ("a*+b", {"a", "b"}),
        ("(?:a|)b", {"a", "b"}),
        ("[a-e]", {"a", "b", "c", "d", "e"}),
        ("(a)\\1", {"a"}),
    ],
)
def test_first_chars_of_a_pattern(pattern, expected):
    assert first_chars(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        "\\s+",  # a category
        "[^a]",  # a negated set
        ".",
        "[\\x00-\\uffff]",  # a range too wide to spell out
        "a?",  # may match nothing
        "a|",
        "(?=a)",
        "",
        "(?i)a",  # a flag: "A" too
        "(?i:a)b",
        "(?x)a",
        "(?>a)",  # an atomic group: not looked into
        "(a)?(?(1)b|c)",  # a conditional
        "[",  # refused by the parser
    ],
)
def test_first_chars_are_not_known(pattern):
    assert first_chars(pattern) is None


# -- joinable ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    [
        "某某",
        "XX(?![a-z])",
        "(?<!a)某某",
        "(?<![ab])X",
        "X(?![\\x00-\\x09])",  # a range that stops before the line break
        "(x)\\1",
        "a.b[^c]",
        "(?=X)X",
        "(?<=X)X",
        "(?:某某|XX)+?",
        "[\\s]",  # a class consumes a character: it looks at nothing else
    ],
)
def test_joinable(pattern):
    assert joinable(pattern) is True


@pytest.mark.parametrize(
    "pattern",
    [
        "^XX",
        "XX$",
        "\\AXX",
        "XX\\Z",
        "\\bXX",
        "XX\\B",
        "(?<![^a])XX",  # a negated set holds the line break
        "(?<!\\s)XX",  # so does a category
        "XX(?!\\n)",
        "(?<![\\n])XX",
        "X(?![\\x00-\\x7f])",
        "(?<!ab)XX",  # two characters may straddle the line break
        "(?=XX$)X",
        "(?:a|\\b)XX",
        "(a)?(?(1)\\b|c)",  # a conditional: not looked into
        "(?>a)X",  # an atomic group: not looked into
        "某[^。]*+(?!。)",  # a possessive repeat keeps the line break it swallowed
        "[",  # refused by the parser
    ],
)
def test_not_joinable(pattern):
    assert joinable(pattern) is False


def test_why_a_possessive_repeat_is_not_joinable():
    # in its own piece "请填某" the pattern finds 某; joined to the next piece it finds nothing
    pattern = re.compile("某[^。]*+(?!。)")
    assert pattern.search("请填某") and not pattern.search("请填某\n。")


# -- without the private parser, or with one of another shape --------------------------


def test_without_the_parser_nothing_is_known(monkeypatch):
    monkeypatch.setattr(pattern_shapes, "_re_parser", None)
    assert first_chars("a") is None
    assert joinable("a") is False


class _OtherParser:
    """A parser whose trees have a shape the readings do not expect."""

    class _Tree(list):
        class state:
            flags = 0

    def parse(self, pattern):
        return self._Tree([("LITERAL",)])


def test_a_tree_of_another_shape_is_not_known(monkeypatch):
    monkeypatch.setattr(pattern_shapes, "_re_parser", _OtherParser())
    assert first_chars("a") is None
    assert joinable("a") is False


# -- on random patterns ------------------------------------------------------------------

#: Characters a set of first characters can list; classes it cannot; assertions.
_LISTED = ["a", "b", "\\n", " ", "[ab]", "[a-c]", "[ \\n]"]
_CLASSES = ["[^a]", "\\s", "."]
_ASSERTIONS = ["^", "$", "\\b", "\\B", "\\A", "\\Z", "(?=a)", "(?!a)", "(?<=a)", "(?<!a)"] + [
    "(?<!\\n)",
    "(?![\\n])",
    "(?<![^b])",
    "(?!ab)",
    "(?<!ab)",
]


def _compound(parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return (
        st.lists(parts, min_size=1, max_size=3).map("".join)
        | st.lists(parts, min_size=2, max_size=3).map(lambda alts: "(?:" + "|".join(alts) + ")")
        | st.tuples(
            parts, st.sampled_from(["?", "*", "+", "{0,2}", "{1,2}", "*?", "+?", "*+"])
        ).map(lambda pr: f"(?:{pr[0]}){pr[1]}")
        | parts.map(lambda p: f"({p})")
        | st.tuples(st.sampled_from(["?=", "?!"]), parts, parts).map(
            lambda look: f"({look[0]}{look[1]}){look[2]}"
        )
    )


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _patterns(atoms: list[str]) -> st.SearchStrategy[str]:
    return st.recursive(st.sampled_from(atoms), _compound, max_leaves=8).filter(_compiles)


#: Patterns of every kind of piece.
PATTERNS = _patterns(_LISTED + _CLASSES + _ASSERTIONS)
#: Patterns of listed characters and assertions, whose first characters are mostly known.
LISTED_PATTERNS = _patterns(_LISTED * 3 + _ASSERTIONS)
TEXT = st.text(alphabet="ab \n", max_size=10)


@settings(max_examples=1500, deadline=None)
@given(LISTED_PATTERNS, TEXT)
def test_a_match_starts_with_one_of_the_first_chars(pattern, text):
    first = first_chars(pattern)
    if first is None:
        return
    for start in range(len(text) + 1):
        m = re.compile(pattern).match(text, start)
        if m is not None:
            assert m.end() > start, "first_chars said a match is never empty"
            assert text[start] in first


@settings(max_examples=1500, deadline=None)
@given(PATTERNS, TEXT, TEXT, TEXT)
def test_a_match_of_a_joinable_pattern_stays_a_match_among_other_lines(
    pattern, before, piece, after
):
    if not joinable(pattern):
        return
    compiled = re.compile(pattern)
    joined = before + "\n" + piece + "\n" + after
    offset = len(before) + 1
    for m in compiled.finditer(piece):
        assert compiled.match(joined, offset + m.start()) is not None


def test_the_line_break_tests_are_not_vacuous():
    """A pattern that is not joinable has a match that the joined lines lose."""
    joined = "a\nX\nb"
    for pattern in ["^X", "\\AX", "X$", "X\\Z", "(?<![^a])X", "X(?!\\n)", "(?<!a\\n)X"]:
        assert not joinable(pattern)
        assert re.match(pattern, "X") is not None
        assert re.compile(pattern).match(joined, 2) is None, pattern
