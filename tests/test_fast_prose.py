"""The fast prose facts equal their plain reference versions.

The prose facts (quantities, enumerations, the gazetteer, the outline …) are
written for speed: cheap ``in`` tests before patterns, lookups keyed by what a
match must end with, one pass where there were several. Each test keeps the
plain version as first written as a reference and checks, on random text and
on every report of the fixtures and the shared corpus, that the fast one gives
the same answer.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import pytest
import regex
from conftest import FIXTURES, REAL
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import text_start_floor

from gsilint import document, gazetteer, numerals
from gsilint.config import Config
from gsilint.facts import (
    Facts,
    body,
    breakdowns,
    claims,
    copying,
    declared_parts,
    enumerations,
    numbering,
    outline,
    prose_text,
    quantities,
    report,
)
from gsilint.facts.prose_text import ProseText
from gsilint.parse import parse
from gsilint.positions import Span
from gsilint.sources import InputError, is_report_path, load_path
from gsilint.tables.labels import match_label
from gsilint.tables.spec import format_ids
from gsilint.templates import get_template
from gsilint.vocabulary import ARABIC_MARK_NUMERAL, CN_MARK_NUMERAL


@cache
def _documents() -> tuple[Facts, ...]:
    """Facts of every report of the fixtures and (when present) of the shared corpus."""
    folders = [
        FIXTURES / "real",
        FIXTURES / "seeds",
        FIXTURES / "html",
        REAL,
        REAL.parent / "seeds",
    ]
    out = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(Path(folder).rglob("*")):
            if not path.is_file() or not is_report_path(path):
                continue
            try:
                source = load_path(str(path))
            except InputError:
                continue
            out.append(Facts(parse(source.text), Config(), str(path)))
    return tuple(out)


# -- quantities: one paragraph's scan -------------------------------------------------------


def _decimal_reference(num: str, frac: str | None) -> Decimal:
    try:
        return Decimal(num.replace(",", "") + ("." + frac if frac else ""))
    except InvalidOperation:
        return Decimal(0)


def _in_parens_reference(text: str, positions: list[int]) -> set[int]:
    inside: set[int] = set()
    marks = [
        (m.start(), 1 if m.group() in "（(" else -1) for m in regex.finditer(r"[（()）]", text)
    ]
    depth, k = 0, 0
    for pos in positions:
        while k < len(marks) and marks[k][0] < pos:
            depth = max(0, depth + marks[k][1])
            k += 1
        if depth > 0:
            inside.add(pos)
    return inside


_SHARE_AFTER_AS_FIRST_WRITTEN = regex.compile(
    r"\G\s*(?:[，,]\s*)?(?:占(?:比|比为|比达)?\s*(?P<p>\d+(?:\.\d+)?)\s*%"
    r"|[（(]\s*(?:占(?:比)?\s*)?(?P<p>\d+(?:\.\d+)?)\s*%"
    r"|(?P<p>\d+(?:\.\d+)?)\s*%\s*占)"
)
_LAST_CLAUSE_BREAK_AS_FIRST_WRITTEN = regex.compile(r"(?r)[，,；;：:、。！？!?（）()“”\"]")


def _label_reference(text: str, start: int, floor: int) -> tuple[str, int]:
    """``quantities._label`` as first written: ``regex`` searching backwards."""
    brk = _LAST_CLAUSE_BREAK_AS_FIRST_WRITTEN.search(text, floor, start)
    i = brk.end() if brk else floor
    return regex.sub(r"\s+", "", text[i:start]), i


@settings(max_examples=1500, deadline=None)
@given(text_start_floor())
def test_label_equals_its_reference(case):
    text, start, floor = case
    assert quantities._label(text, start, floor) == _label_reference(text, start, floor)


def _scan_reference(text: str, base: int) -> list[quantities.Quantity]:
    """``quantities._scan`` as first written (one group read at a time, every bracket walked)."""
    q = quantities
    found = []
    last_end = 0
    for m in q._QTY.finditer(text):
        s = m.start("num")
        floor, last_end = last_end, m.end()
        if q._after_ordinal(text, s):
            continue
        frac = m.group("frac")
        approx = q._approximate_before(text, s, floor) or bool(m.group("approx_after"))
        found.append(
            (
                s,
                m.end(),
                m.end(),
                _decimal_reference(m.group("num"), frac),
                len(frac or ""),
                m.group("unit"),
                approx,
            )
        )
    if "数" in text:
        for m in q._BARE.finditer(text):
            frac = m.group("frac")
            found.append(
                (
                    m.start("num"),
                    m.end(),
                    m.end(),
                    _decimal_reference(m.group("num"), frac),
                    len(frac or ""),
                    "",
                    False,
                )
            )
    found.sort()
    bracketed = _in_parens_reference(text, [f[0] for f in found])
    out: list[quantities.Quantity] = []
    prev_end = 0
    for s, e, _, value, decimals, unit, approx in found:
        if s < prev_end:
            continue
        if (
            unit == "%"
            and out
            and out[-1].share is not None
            and out[-1].share.span.start == base + s
        ):
            prev_end = e
            continue
        label, lstart = _label_reference(text, s, prev_end)
        share = None
        if unit != "%":
            sm = _SHARE_AFTER_AS_FIRST_WRITTEN.match(text, e)
            if sm:
                p = sm.group("p")
                share = q.Share(
                    Decimal(p),
                    len(p.partition(".")[2]),
                    Span(base + sm.start("p"), base + sm.end()),
                )
        out.append(
            q.Quantity(
                value=value,
                unit=unit,
                span=Span(base + s, base + e),
                label=label,
                label_span=Span(base + lstart, base + s),
                decimals=decimals,
                approximate=approx,
                in_parens=s in bracketed,
                share=share,
            )
        )
        prev_end = share.span.end - base if share is not None else e
    return out


_NUMERIC_PROSE = list(
    "0123456789,.%％ \n\u3000约近超过逾余多件条项次万元数第表占比（）()，。；：申请公开"
)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_NUMERIC_PROSE, max_size=60), st.integers(0, 50))
def test_scan_equals_its_reference(text, base):
    assert quantities._scan(text, base) == _scan_reference(text, base)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=list("（()）ab，"), max_size=30), st.data())
def test_in_parens_equals_its_reference(text, data):
    positions = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=6))))
    assert quantities._in_parens(text, positions) == _in_parens_reference(text, positions)


def test_scan_equals_its_reference_on_every_report():
    for facts in _documents():
        text = facts.numeric_text
        for span in facts.prose_spans:
            chunk = text[span.start : span.end]
            assert quantities._scan(chunk, span.start) == _scan_reference(chunk, span.start)


def _sentences_reference(f: Facts) -> list[quantities.Sentence]:
    """``quantities.sentences`` as first written, with the reference scan."""
    text = f.numeric_text
    out = []
    for pi, span in enumerate(f.prose_spans):
        ps, pe = span.start, span.end
        chunk = text[ps:pe]
        if not regex.search(r"\d", chunk):
            continue
        found = _scan_reference(chunk, ps)
        if not found:
            continue
        start, bounds = 0, []
        for m in regex.finditer(r"[。！？!?]|\n\s*\n", chunk):
            bounds.append((start, m.end()))
            start = m.end()
        if start < len(chunk):
            bounds.append((start, len(chunk)))
        qi = 0
        for s, e in bounds:
            qs = []
            while qi < len(found) and found[qi].span.start < ps + e:
                qs.append(found[qi])
                qi += 1
            if qs:
                out.append(quantities.Sentence(Span(ps + s, ps + e), tuple(qs), pi))
    return out


def test_sentences_equal_their_reference_on_every_report():
    for facts in _documents():
        assert quantities.sentences(facts) == _sentences_reference(facts)


def test_every_space_but_the_ascii_one_is_unprintable():
    # quantities._label substitutes spaces only in a label with " " or an unprintable character
    spaces = [cp for cp in range(0x110000) if regex.match(r"\s", chr(cp))]
    assert all(cp == 0x20 or not chr(cp).isprintable() for cp in spaces)


def test_no_share_follows_a_han_character_but_zhan():
    for cp in range(0x4E00, 0xA000):
        ch = chr(cp)
        assert quantities._may_share("1件" + ch, 2) == (ch == "占")
        if ch != "占":
            assert quantities._SHARE_AFTER.match("1件" + ch + "，占5%", 2) is None


def test_quantity_is_still_a_frozen_value():
    a = quantities.Quantity(Decimal(3), "件", Span(0, 2), "申请", Span(0, 0))
    b = quantities.Quantity(
        value=Decimal(3), unit="件", span=Span(0, 2), label="申请", label_span=Span(0, 0)
    )
    assert a == b and hash(a) == hash(b)
    assert (a.decimals, a.approximate, a.in_parens, a.share) == (0, False, False, None)
    with pytest.raises(AttributeError):
        a.unit = "条"


# -- enumerations ------------------------------------------------------------------------

_HEADING_INSIDE_REFERENCE = regex.compile(
    rf"(?<=[。；;！？!?\s])(?:[（(]{CN_MARK_NUMERAL}[）)]|{ARABIC_MARK_NUMERAL}[、．.](?![0-9０-９])"
    rf"|{CN_MARK_NUMERAL}、)"
)


def test_space_class_is_exactly_regex_space():
    space = re.compile(f"[{enumerations.SPACE_CLASS}]")
    got = [cp for cp in range(0x110000) if space.match(chr(cp))]
    assert got == [cp for cp in range(0x110000) if regex.match(r"\s", chr(cp))]


def _cuts_reference(s: str) -> list[int]:
    return [m.start() for m in _HEADING_INSIDE_REFERENCE.finditer(s)]


def _cuts(s: str) -> list[int]:
    return [m.start("mark") for m in enumerations._HEADING_INSIDE.finditer(s)]


_ENUM_PROSE = list("一二三四五六十是否第（）()、．.12１０，。；：\n \u3000①②⑩统唯工作推进") + [
    "\x1c"
]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_ENUM_PROSE, max_size=40))
def test_heading_marks_inside_a_run_equal_the_lookbehind_pattern(text):
    assert _cuts(text) == _cuts_reference(text)


def _marks_reference(text: str, start: int) -> list[list[enumerations.EnumMark]]:
    """``enumeration_marks`` as first written: every style's pattern on every run."""
    out = []
    for style, rx in enumerations._STYLES:
        marks = []
        for m in rx.finditer(text):
            n = enumerations._number(style, m.group(1))
            if n is None or n < 1:
                continue
            marks.append(
                enumerations.EnumMark(
                    Span(start + m.start(), start + m.end()), m.group(0), style, n
                )
            )
        if len(marks) >= 2:
            out.append(marks)
    return out


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_ENUM_PROSE, max_size=40))
def test_enumeration_marks_equal_their_reference(text):
    assert enumerations.enumeration_marks(text, 3) == _marks_reference(text, 3)


def _enumeration_issues_reference(f: Facts) -> list[enumerations.EnumIssue]:
    """``enumeration_issues`` as first written (lookbehind cuts, no character tests)."""
    text = f.doc.simplified
    out = []
    for piece in f.hygiene_prose:
        if piece.kind == "title":
            continue
        s = text[piece.start : piece.start + len(piece.text)]
        cuts = [0, *_cuts_reference(s), len(s)]
        for a, b in zip(cuts, cuts[1:]):
            run = s[a:b]
            if any(ch in run for ch in "是第（(①②③④⑤⑥⑦⑧⑨"):
                for marks in _marks_reference(run, piece.start + a):
                    out += enumerations.series_issues(marks)

    def leading(para):
        s = text[para.span.start : para.span.end]
        lead = len(s) - len(s.lstrip(" \t\u3000"))
        for style, rx in enumerations._STYLES:
            m = rx.match(s, lead)
            if m:
                n = enumerations._number(style, m.group(1))
                if n:
                    span = Span(para.span.start + m.start(), para.span.start + m.end())
                    return enumerations.EnumMark(span, m.group(0), style, n)
        return None

    for children in [f.doc.preamble, *(sec.children for sec in f.doc.all_sections())]:
        run = []
        for child in [*children, None]:
            mark = leading(child) if isinstance(child, document.Paragraph) else None
            if mark is not None and (not run or run[-1].style == mark.style):
                run.append(mark)
                continue
            if len(run) >= 2:
                out += enumerations.series_issues(run)
            run = [mark] if mark is not None else []
    out.sort(key=lambda i: i.mark.span.start)
    return out


def test_enumeration_issues_equal_their_reference_on_every_report():
    for facts in _documents():
        fresh = Facts(facts.doc, facts.config, facts.path)
        assert fresh.enumeration_issues == _enumeration_issues_reference(facts)


# -- gazetteer: full names found where a unit word ends ----------------------------------


def _find_names_reference(text: str) -> list[tuple[int, int, tuple]]:
    """``find_names`` as first written: every length from the longest name down, at each end."""
    names = gazetteer._by_name()
    longest = max((len(n) for n in names), default=0)
    out = []
    for m in regex.finditer(r"[省市县区旗盟州]", text):
        end = m.end()
        for size in range(min(longest, end), 1, -1):
            hit = names.get(text[end - size : end])
            if hit:
                out.append((end - size, end, hit))
                break
    kept = []
    for item in out:
        if kept and item[0] < kept[-1][1]:
            if item[1] - item[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = item
            continue
        kept.append(item)
    return kept


@cache
def _place_words() -> list[str]:
    """Pieces of real division names, unit words and ordinary words, to build text from."""
    names = sorted(gazetteer._by_name())[::50]
    return [
        *names,
        *(n[1:] for n in names[::3]),
        "省",
        "市",
        "县",
        "区",
        "全市",
        "我县",
        "的",
        "，",
    ]


@settings(max_examples=800, deadline=None)
@given(st.data())
def test_find_names_equals_its_reference(data):
    words = data.draw(st.lists(st.sampled_from(_place_words()), max_size=12))
    text = "".join(words)
    assert gazetteer.find_names(text) == _find_names_reference(text)


def test_find_names_equals_its_reference_on_every_report():
    for facts in _documents():
        for piece in facts.hygiene_prose:
            assert gazetteer.find_names(piece.text) == _find_names_reference(piece.text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("我本全省市州盟县区旗镇乡街道基安 \n"), max_size=30))
def test_self_word_pattern_equals_the_regex_alternation(text):
    reference = regex.compile(r"(?P<who>我|本|全)(?P<level>省|市|州|盟|县|区|旗|镇|乡|街道)")
    got = [(m.span(), m.group("who", "level")) for m in body._SELF_WORD.finditer(text)]
    assert got == [(m.span(), m.group("who", "level")) for m in reference.finditer(text)]


# -- outline: which heading is which template section ------------------------------------


def _assign_reference(specs, sections) -> dict:
    """``outline._assign`` as first written: every spec's test on every heading, per pass."""
    out: dict = {}
    used: set[int] = set()
    for how in ("exact", "keywords", "misspelt"):
        for spec in specs:
            if spec.key in out:
                continue
            for sec in sections:
                if id(sec) in used:
                    continue
                if how == "exact":
                    fits = spec.exact(sec.title)
                elif how == "keywords":
                    fits = spec.matches(sec.title)
                else:
                    fits = match_label(sec.title, (spec.title,), spec.variants) is not None
                if fits:
                    out[spec.key] = sec
                    used.add(id(sec))
                    break
    return out


_TEMPLATES = ("2008", "2019", "2021")


@cache
def _heading_words() -> list[str]:
    """Titles, variants and keywords of every template's sections, cut into pieces and
    misspelt (a middle character left out or replaced)."""
    words: set[str] = set()
    for tid in _TEMPLATES:
        for spec in get_template(tid).sections:
            for label in (spec.title, *spec.variants, *(k for g in spec.keywords for k in g)):
                mid = len(label) // 2
                words.update((label, label[:-1], label[1:], label[:mid]))
                words.update(
                    (label[:mid] + label[mid + 1 :], label[:mid] + "某" + label[mid + 1 :])
                )
    return sorted(w for w in words if w)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(_TEMPLATES),
    st.lists(
        st.lists(st.sampled_from(_heading_words()), min_size=1, max_size=3).map("".join),
        max_size=12,
    ),
)
def test_assign_equals_its_reference(tid, titles):
    specs = get_template(tid).sections
    sections = [SimpleNamespace(title=t) for t in titles]
    assert outline._assign(specs, sections) == _assign_reference(specs, sections)


def test_assign_equals_its_reference_on_every_report():
    for facts in _documents():
        secs = outline.outline_sections(facts.doc)
        for tid in _TEMPLATES:
            specs = get_template(tid).sections
            for level in {sec.level for sec in secs}:
                group = [sec for sec in secs if sec.level == level]
                assert outline._assign(specs, group) == _assign_reference(specs, group)


# -- breakdowns ------------------------------------------------------------------------------

_BREAKDOWN_PROSE = list("其中涉及分别为是包括主要类别有：:，,、 \n主动公开政府信息的内容") + [
    "1",
    "2",
]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=_BREAKDOWN_PROSE, max_size=30))
def test_markers_and_main_categories_hold_their_words(text):
    if breakdowns._MARKER.search(text):
        assert any(w in text for w in breakdowns._MARKER_WORDS)
    if breakdowns._MAIN_CATEGORIES.search(text):
        assert "主要" in text


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_counts_equal_the_plain_filter(data):
    facts = data.draw(st.sampled_from([f for f in _documents() if f.sentences]))
    sent = data.draw(st.sampled_from(facts.sentences))
    start = data.draw(
        st.sampled_from([0, sent.span.start, *(q.span.start for q in sent.quantities)])
    )
    end = data.draw(
        st.sampled_from([None, sent.span.end, *(q.span.start for q in sent.quantities)])
    )
    expected = [
        q
        for q in sent.quantities
        if q.is_count
        and not q.in_parens
        and q.span.start >= start
        and (end is None or q.span.start < end)
    ]
    assert breakdowns._counts(sent.quantities, start, end) == expected


def _part_whole_reference(f: Facts) -> list[breakdowns.PartWhole]:
    """``part_whole_pairs`` as first written: the carry-over read for every sentence."""
    b = breakdowns
    text = f.numeric_text
    out = []
    for sent in f.sentences:
        counts = [q for q in b._counts(sent.quantities) if not q.approximate]
        carry = b._CARRY.search(text, sent.span.start, sent.span.end) is not None
        for whole, part in zip(counts, counts[1:]):
            if whole.unit != part.unit:
                continue
            if b._SUBMITTED.search(whole.label) and (km := b._ADOPTED.search(part.label)):
                relation = "报送/采用"
            elif (
                not carry
                and b._RECEIVED.search(whole.label)
                and (km := b._CLOSED.search(part.label))
            ):
                relation = "受理/办结"
            else:
                continue
            kstart = part.label_span.start + b._label_offset(text, part, km.start())
            out.append(b.PartWhole(whole, part, Span(kstart, part.span.end), relation))
    return out


def test_part_whole_pairs_equal_their_reference_on_every_report():
    for facts in _documents():
        assert breakdowns.part_whole_pairs(facts) == _part_whole_reference(facts)


# -- claims -------------------------------------------------------------------------------------


@cache
def _old_label_words() -> list[str]:
    """Labels the old table's patterns read, and pieces of them."""
    words = [
        "主动公开政府信息",
        "累计",
        "以来",
        "网站",
        "受理",
        "申请",
        "当面",
        "网上",
        "信函",
        "传真",
    ]
    words += [
        "电子邮件",
        "同意公开",
        "同意部分公开",
        "不予公开",
        "其中：",
        "2015年",
        "全县",
        "乡镇",
    ]
    words += ["答复", "共", "信息", "的", "，"]
    return words


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_old_label_words()), max_size=6).map("".join))
def test_old_labels_union_finds_a_label_iff_one_of_its_patterns_does(label):
    expected = any(rx.search(label) for rx, _, _ in claims._OLD)
    assert bool(claims._old_any().search(label)) == expected


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=list("1920年度去上同比累计以来截至止结转申请 "), max_size=16),
    st.integers(2015, 2024),
)
def test_other_year_equals_its_reference(label, year):
    reference = bool(claims._OTHER_TIME.search(label)) or any(
        int(y) != year for y in claims._YEAR.findall(label)
    )
    assert claims._other_year(label, year) == reference
    assert claims._other_year(label, None) == bool(claims._OTHER_TIME.search(label))


def _count_claims_reference(f: Facts) -> list[claims.CountClaim]:
    """``count_claims`` as first written: every count classified, its paragraph cut each time."""
    text = f.numeric_text
    year = f.report_year.value if f.report_year is not None else None
    out, by_span = [], {}
    for sent in f.sentences:
        s = text[sent.span.start : sent.span.end]
        para = f.prose_spans[sent.paragraph]
        for q in sent.quantities:
            if not q.is_count or claims._other_year(q.label, year):
                continue
            kind = claims.classify(q, s, claims._tail(text, q), text[para.start : para.end])
            if kind is not None:
                carry = bool(claims._MENTIONS_CARRY.search(s)) and "新收" not in q.label
                claim = claims.CountClaim(kind, q, with_carry=carry)
                out.append(claim)
                by_span[q.span] = claim
    for b in f.breakdowns:
        parent = by_span.get(b.total.span)
        if parent is None:
            continue
        for p in b.parts:
            sub = claims._sub_kind(parent.kind, p.label)
            if sub is None:
                continue
            claim = claims.CountClaim(sub, p, parent, parent.with_carry)
            if p.span in by_span:
                out.remove(by_span[p.span])
            by_span[p.span] = claim
            out.append(claim)
    out.sort(key=lambda c: c.quantity.span.start)
    return out


def test_count_claims_equal_their_reference_on_every_report():
    for facts in _documents():
        assert claims.count_claims(facts) == _count_claims_reference(facts)


# -- numbering and the outline ----------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("0123456789１２ .+-\t\u3000年件条一二三（）"), max_size=12))
def test_row_like_titles_equal_the_plain_test(title):
    sec = SimpleNamespace(title=title)
    stripped = title.strip()
    expected = (
        not stripped
        or bool(outline._ROW_TITLE.match(stripped))
        or bool(outline._TRAILING_NUMBERS.search(stripped))
    )
    assert outline.is_row_like(sec) == expected


def test_numbering_reads_the_text_around_headings_only_when_a_run_needs_it():
    for facts in _documents():
        around = numbering._Surroundings(facts.doc)
        assert around.before == numbering._text_before_headings(facts.doc)
        assert around.prose == numbering._prose_spans(facts.doc)


# -- format labels ------------------------------------------------------------------------------


def _label_pairs():
    return [pair for fmt in reversed(format_ids()) for pair in report._label_patterns(fmt)]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["本年新制作数量", "本年", "第二十条第（九）项", "第二十条第(九)项", "第二十条第"]
        )
        | st.text(alphabet=list("本年第二十条（(九)）项制发件数 \n"), max_size=4),
        max_size=8,
    ).map("".join)
)
def test_label_occurrences_equal_finditer(text):
    for needle, pattern in _label_pairs():
        expected = [Span(m.start(), m.end()) for m in pattern.finditer(text)]
        assert report._occurrences(text, needle, pattern) == expected


def test_format_labels_equal_finditer_on_every_report():
    for facts in _documents():
        text = facts.doc.simplified
        expected = {
            fmt: [
                Span(m.start(), m.end())
                for _, pattern in report._label_patterns(fmt)
                for m in pattern.finditer(text)
            ]
            for fmt in reversed(format_ids())
        }
        assert report.format_labels(facts) == expected


# -- numeric text, declared parts ---------------------------------------------------------------

_WIDE = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": "."})


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("０１２３４５６７８９％．0123456789%.年件 "), max_size=30))
def test_numeric_text_equals_translate(text):
    facts = SimpleNamespace(doc=SimpleNamespace(simplified=text))
    assert quantities.numeric_text(facts) == text.translate(_WIDE)


def test_numeric_text_equals_translate_on_every_report():
    for facts in _documents():
        assert facts.numeric_text == facts.doc.simplified.translate(_WIDE)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("全文由包括概述、和情况等五六部 分组成。2"), max_size=30))
def test_every_declaration_holds_bu(text):
    if declared_parts._DECLARATION.search(text):
        assert "部" in text


def _hygiene_prose_reference(f: Facts) -> list[ProseText]:
    """``hygiene_prose`` as first written: any node with a heading is a heading."""
    doc = f.doc
    pieces = []
    if doc.title is not None:
        pieces.append(ProseText(doc.title.text, doc.title.span.start, "title"))
    for node in doc.walk():
        heading = getattr(node, "heading", None)
        if heading is not None:
            start = (
                heading.title_span.start
                if heading.title
                else (heading.body.span.start if heading.body else None)
            )
            if start is not None:
                end = heading.body.span.end if heading.body is not None else heading.title_span.end
                kind = "paragraph" if heading.body else "heading"
                pieces.append(ProseText(doc.text[start:end], start, kind))
        elif isinstance(node, document.Paragraph):
            pieces.append(ProseText(node.text, node.span.start, "paragraph"))
    return pieces


def test_hygiene_prose_equals_its_reference_on_every_report():
    for facts in _documents():
        assert prose_text.hygiene_prose(facts) == _hygiene_prose_reference(facts)
    piece = ProseText("申请", 3, "paragraph")
    with pytest.raises(AttributeError):
        piece.start = 4


def test_quantity_patterns_number_their_groups_as_the_scan_reads_them():
    assert quantities._QTY.groupindex == {"num": 1, "frac": 2, "approx_after": 3, "unit": 4}
    assert quantities._BARE.groupindex == {"num": 1, "frac": 2}
    assert quantities._SHARE_AFTER.groups == 3  # the percentage: one group per alternative


# -- body: what follows and precedes a place ---------------------------------------------------

_BODY_WORDS = [
    *"赴学习考察交流，。；\n县市区",
    "人民政府网",
    "政府网",
    "门户网站",
    "新闻网",
    "融媒体中心",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_BODY_WORDS), max_size=12).map("".join), st.data())
def test_words_around_a_place_equal_the_sliced_patterns(text, data):
    at = data.draw(st.integers(0, len(text)))
    media = regex.match(
        r"^(?:人民政府网|政府网|门户网站|新闻网|电视台|广播电视台|融媒体中心|日报)", text[at:]
    )
    site = body._MEDIA_AFTER.match(text, at)
    assert (site.end() - at if site else None) == (media.end() if media else None)
    partner = regex.match(
        r"^.{0,12}?(?:学习|考察|调研|交流|经验|来我|莅临|参观|指导|帮扶)", text[at:]
    )
    assert bool(body._PARTNER_AFTER.match(text, at)) == bool(partner)
    cut = max((m.end() for m in regex.finditer(r"[，,；;：:。！？!?\n]", text[:at])), default=0)
    assert body._clause_before(text, at) == text[cut:at]


# -- numerals, enumeration marks ----------------------------------------------------------------


def _read_cn_reference(text: str) -> int | None:
    """``numerals.read_cn`` as first written (no shortcut for a single digit)."""
    if not text:
        return None
    if text[0] in numerals.ARABIC:
        try:
            return int(text)
        except ValueError:
            return None
    s = text.replace("廿", "二十").replace("卅", "三十")
    if len(s) == 1 and s in numerals.DIGITS:
        return numerals.DIGITS[s]
    total, digit, last_unit = 0, None, None
    for ch in s:
        if ch in numerals.DIGITS:
            if digit is not None and not (digit == 0 and last_unit is not None):
                return None
            digit = numerals.DIGITS[ch]
        elif ch in numerals.UNITS:
            unit = numerals.UNITS[ch]
            if (last_unit is not None and unit >= last_unit) or (digit is None and unit != 10):
                return None
            digit = 1 if digit is None else digit
            if digit == 0:
                return None
            total += digit * unit
            digit, last_unit = None, unit
        else:
            return None
    return total + (digit or 0)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=list("〇○零OＯo一二两三四五六七八九十百千廿卅12３x"), max_size=4))
def test_read_cn_equals_its_reference(text):
    assert numerals.read_cn(text) == _read_cn_reference(text)


def test_enum_mark_is_still_a_frozen_value():
    a = enumerations.EnumMark(Span(0, 2), "一是", "shi", 1)
    assert a == enumerations.EnumMark(Span(0, 2), "一是", "shi", 1)
    assert hash(a) == hash(enumerations.EnumMark(Span(0, 2), "一是", "shi", 1))
    with pytest.raises(AttributeError):
        a.number = 2


def test_media_words_start_with_their_first_characters():
    words = body._MEDIA_AFTER.pattern.strip("(?:)").split("|")
    assert {w[0] for w in words} == body._MEDIA_FIRST


# -- quantities: the number pattern starts with a lookahead the engine can skip with ------


_QTY_AS_FIRST_WRITTEN = regex.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(?P<frac>\d+))?"
    r"\s*(?P<approx_after>余|多)?\s*(?P<unit>" + "|".join(quantities.UNITS) + r")"
)


_BARE_AS_FIRST_WRITTEN = regex.compile(
    r"(?<=数\s*)(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(?P<frac>\d+))?"
    r"(?=\s*[。，,；;）)]|\s*$)"
)


def _qty_matches(pattern, text: str) -> list[tuple]:
    return [(m.span(), m.start(1), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_NUMERIC_PROSE + list("٣۴"), max_size=60))
def test_quantity_pattern_matches_as_first_written(text):
    assert _qty_matches(quantities._QTY, text) == _qty_matches(_QTY_AS_FIRST_WRITTEN, text)
    assert _qty_matches(quantities._BARE, text) == _qty_matches(_BARE_AS_FIRST_WRITTEN, text)


def test_quantity_pattern_matches_as_first_written_on_every_report():
    for facts in _documents():
        text = facts.numeric_text
        assert _qty_matches(quantities._QTY, text) == _qty_matches(_QTY_AS_FIRST_WRITTEN, text)
        assert _qty_matches(quantities._BARE, text) == _qty_matches(_BARE_AS_FIRST_WRITTEN, text)


# -- copying: the template-sentence openers read by ``re`` as by ``regex`` ---------------


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.sampled_from(["本报告", "报告", "根据", "中华人民共和国政府信息公开条例", "统计期限"])
        | st.sampled_from(["数据", "全文", "共由", "组成", "分为", "#", "个部分", "特此报告"])
        | st.text(alphabet=list("本年度是依据的所列公开信息ab#\n"), max_size=8),
        max_size=10,
    ).map("".join)
)
def test_openers_match_as_regex_reads_them(head):
    openers = copying._genre_sentences()[1]
    slow = regex.compile(openers.pattern)
    fast = openers.match(head)
    assert (fast and fast.span()) == (slow.match(head) and slow.match(head).span())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("一二。！？!?；;\x00 "), max_size=20))
def test_sentence_ends_are_marked_as_the_pattern_marks_them(text):
    assert copying._mark_ends(text) == regex.sub("[。！？!?；;]", copying._END, text)


# -- enumerations: 一是 and 第一 patterns start with a lookahead the engine skips with -----


_SHI_AS_FIRST_WRITTEN = regex.compile(
    rf"(?<![统唯同单第万之不划逐专归合再了为其惟星一二三四五六七八九十])"
    rf"({CN_MARK_NUMERAL})是(?!否)"
)
_DI_AS_FIRST_WRITTEN = regex.compile(
    rf"(?:^|(?<=[。；;！？!?：:，,\s]))第({CN_MARK_NUMERAL})(?=[，,、：:])"
)


def _mark_matches(pattern, text: str) -> list[tuple]:
    return [(m.span(), m.group(1)) for m in pattern.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_ENUM_PROSE + list("第是统一十"), max_size=40))
def test_shi_and_di_patterns_match_as_first_written(text):
    assert _mark_matches(enumerations._SHI, text) == _mark_matches(_SHI_AS_FIRST_WRITTEN, text)
    assert _mark_matches(enumerations._DI, text) == _mark_matches(_DI_AS_FIRST_WRITTEN, text)


def test_shi_and_di_patterns_match_as_first_written_on_every_report():
    for facts in _documents():
        text = facts.doc.simplified
        for fast, slow in (
            (enumerations._SHI, _SHI_AS_FIRST_WRITTEN),
            (enumerations._DI, _DI_AS_FIRST_WRITTEN),
        ):
            assert _mark_matches(fast, text) == _mark_matches(slow, text)


# -- body: the places named are read only where an office or a medium can follow ---------


def _foreign_mentions_reference(f: Facts) -> list[body.ForeignMention]:
    """``foreign_mentions`` as first written: every piece's places read, every test run."""
    own = f.reporting_body
    if own is None:
        return []
    out = []
    for piece in f.hygiene_prose:
        if piece.kind == "title":
            continue
        out += body._self_words(own, piece.text, piece.start)
        names = gazetteer.find_names(piece.text) if own.places else []
        out += body._other_bodies(own, piece.text, piece.start, names)
        out += body._media(own, piece.text, piece.start, names)
    out.sort(key=lambda m: (m.span.start, m.span.end))
    return out


#: bodies of every kind: a government, offices (one with an alias), a town, a zone, unknown
_BODIES = [
    "淮安市洪泽区人民政府",
    "平潭综合实验区地方税务局",
    "莆田市科技局",
    "定安县住房和城乡建设局",
    "城关镇人民政府",
    "沐阳县人民政府",
    "某某单位",
]


def test_foreign_mentions_equal_their_reference_on_every_report_for_any_body():
    for facts in _documents():
        for name in [None, *_BODIES]:
            f = Facts(facts.doc, facts.config, facts.path)
            if name is not None:
                f.__dict__["reporting_body"] = body.parse_body(name)
            assert body.foreign_mentions(f) == _foreign_mentions_reference(f)


# -- sentences and hashed sentences: still frozen values, set through their slots ---------


def test_sentence_and_hashed_sentence_are_still_frozen_values():
    q = quantities.Quantity(Decimal(3), "件", Span(0, 2), "申请", Span(0, 0))
    a = quantities.Sentence(Span(0, 5), (q,), 2)
    b = quantities.Sentence(span=Span(0, 5), quantities=(q,), paragraph=2)
    assert a == b and hash(a) == hash(b) and a.paragraph == 2
    assert repr(a).startswith("Sentence(span=Span(start=0, end=5), quantities=(")
    with pytest.raises(AttributeError):
        a.paragraph = 3
    h = copying.HashedSentence(7, 12, Span(1, 3))
    assert h == copying.HashedSentence(digest=7, chars=12, span=Span(1, 3))
    assert hash(h) == hash(copying.HashedSentence(7, 12, Span(1, 3)))
    assert (h.digest, h.chars, h.span) == (7, 12, Span(1, 3))
    with pytest.raises(AttributeError):
        h.chars = 1
