"""The fast rule and engine code equals its plain reference versions.

Rule selection is remembered per selection, the source map clamps with
comparisons; the T rules ask their cheap questions first (T501 asks jieba's
dictionary last, T506 the genre's words before the clause, T508 the template's
other wordings only for a near miss) and skip what cannot match (T502 searches
the joined prose once, T503 lowers only a piece holding a p, T504 converts only
a piece outside Big5, T505 runs a pattern only where its marks are). Each test
keeps the plain version as first written and checks, on random text and on
every report of the fixtures and the shared corpus, that the fast one gives the
same answer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from pathlib import Path

import pytest
from conftest import FIXTURES, REAL
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import REPEATED_WORD_TEXTS, as_pieces, prose_texts

from gsilint.config import Config, matches, per_file_ignores
from gsilint.facts import Facts
from gsilint.han import HAN
from gsilint.parse import parse
from gsilint.rules import load_rules
from gsilint.rules.context import Context
from gsilint.rules.hygiene import (
    _dictionary,
    t501_repeated_word,
    t502_placeholder,
    t503_malformed_url,
    t504_mixed_script,
    t505_halfwidth_punctuation,
    t506_stray_space,
    t508_misspelt_label,
)
from gsilint.selection import selected_rules
from gsilint.sources import InputError, is_report_path, load_path
from gsilint.sources.base import SourceMap


@cache
def _contexts() -> tuple[Context, ...]:
    """A context for every report of the fixtures and (when present) of the shared corpus."""
    out = []
    for folder in (FIXTURES / "real", FIXTURES / "seeds", FIXTURES / "html", REAL):
        if not folder.is_dir():
            continue
        for path in sorted(Path(folder).rglob("*")):
            if not path.is_file() or not is_report_path(path):
                continue
            try:
                source = load_path(str(path))
            except InputError:
                continue
            facts = Facts(parse(source.text), Config(), str(path))
            out.append(Context(facts.doc, facts, Config(), source))
    return tuple(out)


# --- rule selection -----------------------------------------------------------------


def _reference_selected(config: Config, path: str | None) -> list:
    rules = load_rules()
    chosen = []
    ignores = list(config.ignore)
    if path is not None:
        ignores.extend(per_file_ignores(config, path))
    for code in sorted(rules):
        selected = matches(code, config.select) if config.select else True
        selected = selected or matches(code, config.extend_select)
        if selected and not matches(code, tuple(ignores)):
            chosen.append(rules[code])
    return chosen


_PATTERNS = st.lists(
    st.sampled_from(["ALL", "all", "T", "T5", "T501", "X4", "s1", " E ", "A3", "Y", "Z9"]),
    max_size=3,
).map(tuple)


@settings(max_examples=200, deadline=None)
@given(_PATTERNS, _PATTERNS, _PATTERNS, _PATTERNS, st.sampled_from([None, "a.txt", "old/b.txt"]))
def test_selected_rules_equal_the_reference(select, extend, ignore, per_file, path):
    config = Config(
        select=select,
        extend_select=extend,
        ignore=ignore,
        per_file_ignores={"old/*.txt": per_file} if per_file else {},
    )
    for _ in range(2):  # the second answer comes from what was remembered
        assert selected_rules(config, path) == _reference_selected(config, path)


# --- the source map -----------------------------------------------------------------


def _reference_to_original(m: SourceMap, offset: int) -> int:
    i = bisect_right(m._flat, offset) - 1
    result = m._orig[i] + (offset - m._flat[i])
    if i + 1 < len(m._flat) and m._orig[i + 1] >= m._orig[i]:
        result = min(result, m._orig[i + 1])
    return max(0, min(result, m._orig_len))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8),
    st.integers(0, 70),
    st.lists(st.integers(-3, 80), min_size=1, max_size=20),
)
def test_source_map_equals_the_reference(segments, length, offsets):
    m = SourceMap(segments, length)
    for offset in offsets:
        assert m.to_original(offset) == _reference_to_original(m, offset)


# --- T501 asks the dictionary last ---------------------------------------------------


class _Ctx:
    def __init__(self, pieces):
        self.facts = type("F", (), {"hygiene_prose": pieces})()


@settings(max_examples=200, deadline=None)
@given(REPEATED_WORD_TEXTS)
def test_t501_findings_do_not_depend_on_the_order_of_its_tests(texts):
    """The reference reads the dictionary before the counts; the rule reads it last."""
    ctx = _Ctx(as_pieces(texts))
    fast = [(i.span, i.zh) for i in t501_repeated_word.repeated_word(ctx)]
    assert fast == [(i.span, i.zh) for i in _reference_t501(ctx)]


def _reference_t501(ctx):
    from gsilint.rules.hygiene.t501_repeated_word import (
        Issue,
        _counter,
        _data,
        _is_a_word,
        _on_word_boundary,
        common_words,
    )

    allowed, numerals, singles = _data()
    words = common_words()
    doubled = re.compile(f"({HAN}{{1,4}})\\1")  # a unit of one to four, twice
    pieces = ctx.facts.hygiene_prose
    count = _counter("\n".join(p.text for p in pieces))
    for piece in pieces:
        text, pos = piece.text, 0
        while (m := doubled.search(text, pos)) is not None:
            unit = m.group(1)
            if len(unit) == 1:
                unless = singles.get(unit)
                found = unless is not None and not (unless and text.startswith(unless, m.end()))
            else:
                found = (
                    m.group(0) not in allowed
                    and not set(unit) <= numerals
                    and _is_a_word(unit, words)
                    and ((len(unit) == 2 and unit in words) or count(unit) > count(m.group(0)) * 2)
                )
            if found and _on_word_boundary(text, m.start(), m.end(), unit):
                found = False
            if not found:
                pos = m.start() + 1
                continue
            yield Issue(
                piece.span(m.start(), m.end()),
                f"“{unit}”连写了两遍（“{m.group(0)}”），应删去一个",
                "",
            )
            pos = m.end()


def test_t501_does_not_ask_the_dictionary_about_a_unit_it_would_not_report(monkeypatch):
    asked = []
    monkeypatch.setattr(t501_repeated_word, "is_word", lambda s: asked.append(s) or s == "资金")
    monkeypatch.setattr(t501_repeated_word, "dictionary_available", lambda: True)
    # 业创 (企业|创业|创新) is no word of the genre and stands nowhere else: never looked up
    ctx = _Ctx(as_pieces(["鼓励企业创业创新。"]))
    assert list(t501_repeated_word.repeated_word(ctx)) == []
    assert asked == []
    # 资金 is a word of the genre: reported, the dictionary asked only about the boundaries
    ctx = _Ctx(as_pieces(["统筹资金资金使用。"]))
    assert len(list(t501_repeated_word.repeated_word(ctx))) == 1
    assert asked == ["筹资金", "资金使"]


def test_t501_equals_the_reference_on_every_report():
    for ctx in _contexts():
        fast = [(i.span, i.zh) for i in t501_repeated_word.repeated_word(ctx)]
        assert fast == [(i.span, i.zh) for i in _reference_t501(ctx)], ctx.facts.path


# --- T503 looks for "ttp" only where a p is ----------------------------------------------


def test_only_p_lowers_to_a_p():
    assert [c for c in map(chr, range(0x110000)) if "p" in c.lower()] == ["P", "p"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="httpHTTPs:/ .wgov公开\u0130\u212a", max_size=30))
def test_t503_scheme_gate_equals_lowering(text):
    assert t503_malformed_url._may_hold_scheme(text) == ("ttp" in text.lower())


# --- T508 reads the template's other wordings last ---------------------------------------


def _reference_t508_rows(ctx):
    from gsilint.rules.hygiene.t508_misspelt_label import (
        _TABLES,
        _listed_variant,
        _locate,
        _match,
        label_key,
        last_label,
        table_format,
    )

    for name in ("t2", "t3"):
        grid = getattr(ctx.facts, name)
        if grid is None:
            continue
        spec = getattr(table_format(grid.layout), name)
        labels = tuple(r.label for r in spec.rows)
        for key, written in (grid.written or grid.row_labels).items():
            row = spec.row(key)
            if row is None or key not in grid.row_spans or _listed_variant(row, written):
                continue
            seg = last_label(written)
            m = _match(seg, labels)
            if m is None or m.exact or m.label != row.label:
                continue
            span = grid.row_spans[key]
            if grid.written:
                span = type(span)(grid.span.start, span.end)
            yield _locate(ctx.doc, span, label_key(seg)), f"{_TABLES[name]}栏目名称“{seg}”"


def test_t508_rows_equal_the_reference_on_every_report():
    for ctx in _contexts():
        fast = [(i.span, i.zh.split("有误")[0]) for i in t508_misspelt_label._rows(ctx)]
        assert fast == list(_reference_t508_rows(ctx)), ctx.facts.path


# --- T504 -------------------------------------------------------------------------------

_MIXED = st.text(alphabet="公开報告规范規範著于於后後干乾《》“”「」，。a①\n", max_size=60)


@settings(max_examples=300, deadline=None)
@given(_MIXED, _MIXED)
def test_t504_differences_equal_a_plain_comparison(a, b):
    n = min(len(a), len(b))
    assert list(t504_mixed_script._differences(a, b)) == [i for i in range(n) if a[i] != b[i]]


@settings(max_examples=300, deadline=None)
@given(_MIXED, st.sampled_from(["t", "s"]))
def test_t504_marks_equal_the_reference(text, kind):
    from gsilint.normalize import to_simplified, to_traditional

    other = (to_simplified() if kind == "t" else to_traditional()).convert(text)
    quoted = [(m.start(), m.end()) for m in t504_mixed_script._QUOTED.finditer(text)]
    reference = [
        (i, kind)
        for i in range(min(len(text), len(other)))
        if text[i] != other[i]
        and t504_mixed_script.script_of(text[i]) == kind
        and not any(s <= i < e for s, e in quoted)
    ]
    assert t504_mixed_script._marks(text, other, kind) == reference


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_t504_character_sets_tell_a_piece_without_marks(text):
    kinds = {t504_mixed_script.script_of(ch) for ch in text}
    if t504_mixed_script._encodable(text, "gb2312"):
        assert "t" not in kinds
    if t504_mixed_script._encodable(text, "big5"):
        assert "s" not in kinds


# --- T505 scans a block with a pattern only when it holds that pattern's marks ----------


def _reference_bad_marks(text: str, pos: int, endpos: int) -> list[int]:
    from gsilint.rules.hygiene.t505_halfwidth_punctuation import _HAN, _MARK, _PARENS

    at = [m.start() for m in _MARK.finditer(text, pos, endpos)]
    for m in _PARENS.finditer(text, pos, endpos):
        inner = m.group(1)
        before = text[m.start() - 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        if _HAN.search(inner) or (_HAN.match(before) and _HAN.match(after)):
            at.extend((m.start(), m.end() - 1))
    return sorted(set(at))


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="公开工作,;:?!()（）]1２% 　\nab/", max_size=50),
    st.integers(0, 50),
    st.integers(0, 50),
)
def test_t505_bad_marks_equal_the_reference(text, a, b):
    pos, endpos = min(a, b, len(text)), min(max(a, b), len(text))
    fast = t505_halfwidth_punctuation._bad_marks(text, pos, endpos)
    assert fast == _reference_bad_marks(text, pos, endpos)


def test_t505_bad_marks_equal_the_reference_on_every_report():
    for ctx in _contexts():
        text = ctx.doc.text
        for piece in ctx.facts.hygiene_prose:
            end = piece.start + len(piece.text)
            assert t505_halfwidth_punctuation._bad_marks(
                text, piece.start, end
            ) == _reference_bad_marks(text, piece.start, end)


# --- T502 searches the joined prose first --------------------------------------------------


def test_t502_shipped_patterns_are_joinable():
    from gsilint.rules.hygiene._data import hygiene_data

    pats = hygiene_data()["placeholder"]["pattern"]
    assert all(t502_placeholder._joinable(p["regex"]) for p in pats)
    assert t502_placeholder._patterns()[2]


def test_t502_reads_its_patterns_as_re_reads_them():
    # the cases of each pattern shape are in test_pattern_shapes.py
    assert t502_placeholder._joinable(r"(?<!a)某某")
    assert t502_placeholder._joinable(r"XX(?![a-z\s])") is False  # regex's \s, a class
    assert t502_placeholder._joinable(r"\p{Han}X") is False  # re cannot read it


_PLACEHOLDER_TEXTS = prose_texts(
    "XＸx.某○〇二年此处填写请补充（(名称)）《》 \n公开a", max_size=30, max_pieces=5
)


@settings(max_examples=400, deadline=None)
@given(_PLACEHOLDER_TEXTS)
def test_t502_a_match_in_a_piece_is_a_match_in_the_joined_pieces(texts):
    pattern = t502_placeholder._patterns()[0]
    if any(pattern.search(t) for t in texts):
        assert pattern.search("\n".join(texts)) is not None


@settings(max_examples=200, deadline=None)
@given(_PLACEHOLDER_TEXTS)
def test_t502_equals_reading_each_piece(texts):
    ctx = _Ctx(as_pieces(texts))
    pattern = t502_placeholder._patterns()[0]
    reference = [
        (p.span(m.start(), m.end()), m.group(0))
        for p in as_pieces(texts)
        for m in pattern.finditer(p.text)
    ]
    fast = [(i.span, i.zh.split("”")[0].split("“")[1]) for i in t502_placeholder.placeholder(ctx)]
    assert fast == reference


# --- T506 looks a gap's word up before its clause ----------------------------------------


def _reference_t506(ctx):
    from gsilint.rules.hygiene.t506_stray_space import (
        _CLAUSE_BOUNDARY,
        _GAP,
        _HAN1,
        _only_space_of_its_clause,
        common_words,
    )

    simplified = ctx.doc.simplified
    words = common_words()
    for piece in ctx.facts.hygiene_prose:
        text = piece.text
        gaps = [m.start() for m in _GAP.finditer(text)]
        bounds = [m.start() for m in _CLAUSE_BOUNDARY.finditer(text)]
        for i in gaps:
            if not _only_space_of_its_clause(text, i, bounds):
                continue
            a = piece.start + i
            word = simplified[a - 1] + simplified[a + 1]
            if word not in words or word not in simplified:
                continue
            if text[i + 2 : i + 3] in ("：", ":") and not _HAN1.match(text[i - 2 : i - 1]):
                continue
            yield piece.span(i, i + 1)


def test_t506_equals_the_reference_on_every_report():
    for ctx in _contexts():
        fast = [i.span for i in t506_stray_space.stray_space(ctx)]
        assert fast == list(_reference_t506(ctx)), ctx.facts.path


@settings(max_examples=300, deadline=None)
@given(prose_texts("发 展资 金公开，。　电话：:工作", max_size=30))
def test_t506_equals_the_reference_on_random_text(texts):
    ctx = _Ctx(as_pieces(texts))
    ctx.doc = type("D", (), {"simplified": "\n".join(texts), "text": "\n".join(texts)})()
    ctx.source = type(
        "S", (), {"to_original": staticmethod(lambda o: o), "original": "\n".join(texts)}
    )()
    fast = [i.span for i in t506_stray_space.stray_space(ctx)]
    assert fast == list(_reference_t506(ctx))


# --- jieba's dictionary read into a set by one scan -------------------------------------


def _reference_word_set(text: bytes) -> frozenset[bytes]:
    return frozenset(line.split(b" ", 1)[0] for line in text.split(b"\n") if b" " in line)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="公开工作 \n\r3nvx", max_size=60))
def test_dictionary_word_set_equals_splitting_each_line(text):
    data = b"\n" + text.encode()
    assert _dictionary._word_set(data) == _reference_word_set(data)


def test_dictionary_word_set_equals_splitting_each_line_of_jieba():
    data = _dictionary._dictionary_text()
    if not data:
        pytest.skip("jieba's dictionary is not installed")
    assert _dictionary._word_set(data) == _reference_word_set(data)
