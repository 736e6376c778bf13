"""The fast versions of hot code paths equal their plain reference versions.

Some facts and rules are written for speed rather than in the most obvious
way (stdlib ``re`` instead of ``regex``, remembered counts, binary searches).
Each test here keeps the obvious version as a reference and checks, on random
and on large inputs, that the fast one gives the same answer.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import REPEATED_WORD_TEXTS, as_pieces, text_start_floor

from gsilint.datetext import _Taken
from gsilint.facts import quantities
from gsilint.facts.prose_text import ProseText
from gsilint.han import HAN
from gsilint.rules import RULES, load_rules
from gsilint.rules.hygiene import t501_repeated_word as t501
from gsilint.rules.hygiene._data import common_words
from gsilint.rules.hygiene.t501_repeated_word import _data


def _ranges(codepoints: list[int]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for cp in codepoints:
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return [(a, b) for a, b in out]


def test_han_class_is_exactly_regex_script_han():
    han_re = re.compile(HAN)
    han_regex = regex.compile(r"\p{Han}")
    expected = [cp for cp in range(0x110000) if han_regex.match(chr(cp))]
    got = [cp for cp in range(0x110000) if han_re.match(chr(cp))]
    assert got == expected, "regenerate gsilint/han.py with these ranges: " + ", ".join(
        f"{a:04X}-{b:04X}" for a, b in _ranges(expected)
    )


# -- T501 ------------------------------------------------------------------------------


def _t501_reference(pieces: list[ProseText]) -> list[tuple[int, int, str]]:
    """T501 as first written: ``regex``'s \\p{Han} and a fresh ``body.count`` per candidate."""
    allowed, numerals, singles = _data()
    words = common_words()
    doubled = regex.compile(r"(\p{Han}{1,4})\1")
    body = "\n".join(p.text for p in pieces)
    out = []
    for piece in pieces:
        text = piece.text
        pos = 0
        while (m := doubled.search(text, pos)) is not None:
            unit = m.group(1)
            if len(unit) == 1:
                unless = singles.get(unit)
                found = unless is not None and not (unless and text.startswith(unless, m.end()))
            else:
                found = (
                    m.group(0) not in allowed
                    and not set(unit) <= numerals
                    and t501._is_a_word(unit, words)
                    and (
                        (len(unit) == 2 and unit in words)
                        or body.count(unit) > body.count(m.group(0)) * 2
                    )
                )
            if found and t501._on_word_boundary(text, m.start(), m.end(), unit):
                found = False
            if not found:
                pos = m.start() + 1
                continue
            out.append((piece.start + m.start(), piece.start + m.end(), unit))
            pos = m.end()
    return out


def _t501(pieces: list[ProseText]) -> list[tuple[int, int, str]]:
    load_rules()
    ctx = SimpleNamespace(facts=SimpleNamespace(hygiene_prose=pieces))
    return [(i.span.start, i.span.end, i.en.split("'")[1]) for i in RULES["T501"].check(ctx)]


@settings(max_examples=400, deadline=None)
@given(REPEATED_WORD_TEXTS)
def test_t501_equals_its_reference(texts):
    pieces = as_pieces(texts)
    assert _t501(pieces) == _t501_reference(pieces)


def test_t501_with_thousands_of_candidates_equals_its_reference(monkeypatch):
    # 3,000 doublings of 300 different units, each also standing alone elsewhere; the units
    # are not dictionary words, so the dictionary checks are taken out of this measure
    monkeypatch.setattr(t501, "_is_a_word", lambda unit, words: True)
    monkeypatch.setattr(t501, "_on_word_boundary", lambda text, start, end, unit: False)
    units = [chr(0x4E00 + 7 * i) + chr(0x4E01 + 7 * i) for i in range(300)]
    text = "，".join(u + u + "。" + u for u in units * 10)
    pieces = as_pieces([text[i : i + 2000] for i in range(0, len(text), 2000)])
    found = _t501(pieces)
    assert len(found) > 2000
    assert found == _t501_reference(pieces)


# -- find_dates: ranges already taken ---------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=30))
def test_taken_ranges_answer_like_a_scan_of_them_all(ranges):
    # find_dates adds a range only when it overlaps none taken, so the ranges stay disjoint
    taken, plain = _Taken(), []
    for s, length in ranges:
        e = s + length
        expected = any(a < e and s < b for a, b in plain)
        assert taken.overlaps(s, e) == expected
        if not expected:
            taken.add(s, e)
            plain.append((s, e))


# -- quantities: the approximate words before a number ----------------------------------

#: the quantity pattern as first written, with the approximate words in the pattern
_QTY_REFERENCE = regex.compile(
    r"(?P<approx_before>约|近|超过?|逾|达到?)?\s*"
    + quantities._NUMBER
    + r"\s*(?P<approx_after>余|多)?\s*(?P<unit>"
    + "|".join(quantities.UNITS)
    + r")"
)


def _quantities_reference(text: str) -> list[tuple[int, int, str, bool]]:
    out = []
    for m in _QTY_REFERENCE.finditer(text):
        before = m.group("approx_before")
        out.append(
            (m.start("num"), m.end(), m.group("unit"), bool(before) and before[0] in "约近超逾")
        )
    return out


def _quantities_fast(text: str) -> list[tuple[int, int, str, bool]]:
    out, last_end = [], 0
    for m in quantities._QTY.finditer(text):
        floor, last_end = last_end, m.end()
        s = m.start("num")
        out.append((s, m.end(), m.group("unit"), quantities._approximate_before(text, s, floor)))
    return out


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=list("约近超过逾达到余多 \n\u3000\x1c1203,.件条万元%第数"), max_size=40))
def test_approximate_words_are_read_as_the_pattern_read_them(text):
    assert _quantities_fast(text) == _quantities_reference(text)


@settings(max_examples=500, deadline=None)
@given(text_start_floor())
def test_label_is_the_text_after_the_last_clause_break(case):
    text, start, floor = case
    i = start  # the label as first written: step back one character at a time
    while i > floor and not quantities._CLAUSE_BREAK.match(text, i - 1):
        i -= 1
    assert quantities._label(text, start, floor) == (regex.sub(r"\s+", "", text[i:start]), i)


@settings(max_examples=500, deadline=None)
@given(text_start_floor(max_size=12))
def test_ordinal_test_equals_its_pattern(case):
    text, start, _ = case
    expected = bool(quantities._ORDINAL_BEFORE.search(text, max(0, start - 4), start))
    assert quantities._after_ordinal(text, start) == expected


# -- datetext: line breaks inside dates, found by the regex engine ----------------------

_BREAK_REF = regex.compile(r"[ \t\u3000]*(?:\r?\n[ \t\u3000]*)+")


def _breaks_reference(text: str) -> list[tuple[int, int]]:
    """Every line break looked at in Python (the scan before the candidate pattern)."""
    from gsilint.datetext import _DIGITS as digits

    out = []
    for m in _BREAK_REF.finditer(text):
        a, b = m.start(), m.end()
        if a == 0 or b >= len(text):
            continue
        left, right = text[a - 1], text[b]
        if left in digits and right in digits:
            i = a
            while i > 0 and text[i - 1] in digits:
                i -= 1
            j = b
            while j < len(text) and text[j] in digits:
                j += 1
            rest = _BREAK_REF.match(text, j)
            k = rest.end() if rest else j
            year = text[i:a] + text[b:j]
            if (
                len(year) == 4
                and year[:2] in ("19", "20", "１９", "２０")
                and (i == 0 or text[i - 1] in "\n\r \t\u3000" or text[i - 1] not in digits)
                and text[k : k + 1] == "年"
            ):
                out.append((a, b))
        elif (
            (left in digits and right in "年月日号")
            or (left in "年月" and right in digits)
            or (left in "至到起" and right in digits)
            or (left == "日" and right in "起至到止")
        ):
            out.append((a, b))
    return out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list("20191年月日号至到起止x \n\r\t\u3000１９"), max_size=40))
def test_breaks_inside_a_date_equal_their_reference(text):
    from gsilint.datetext import _breaks_inside_a_date

    assert _breaks_inside_a_date(text) == _breaks_reference(text)


# -- copying: a paragraph's sentences normalised at once ---------------------------------


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list("公开信息２0一二年月。！？!?；;，、 Ab#\x00\n𠀀"), max_size=60))
def test_paragraph_normalisation_equals_per_sentence(text):
    from gsilint.facts.copying import _SENTENCE_END, normalise_sentence, normalise_sentences

    start, each = 0, []
    for m in _SENTENCE_END.finditer(text):
        each.append(normalise_sentence(text[start : m.start()], simplified=True))
        start = m.end()
    each.append(normalise_sentence(text[start:], simplified=True))
    assert normalise_sentences(text) == each
