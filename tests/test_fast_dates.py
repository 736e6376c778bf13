"""The fast paths of dates, years, copy detection and the hygiene/crosscheck rules equal
their plain reference versions (on random text and on the corpus)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gsilint import datetext
from gsilint.facts import copying
from gsilint.facts.prose_text import ProseText
from gsilint.findings import Location
from gsilint.parse import parse
from gsilint.positions import Span
from gsilint.rules.crossfile import Place
from gsilint.sources import InputError, is_report_path, load_path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
SHARED = Path("/work/shared/corpus")


def _corpus_texts() -> list[str]:
    """Reports of the test fixtures (and of the shared corpus where it is present)."""
    paths = sorted(CORPUS.glob("real/*.txt")) + sorted(CORPUS.glob("seeds/*.txt"))
    if SHARED.is_dir():
        paths += sorted(SHARED.glob("real/*.txt"))[:40]
    return [p.read_text(encoding="utf-8") for p in paths]


# -- X405: hashed sentences --------------------------------------------------------------


def _kept_reference(normalised: str) -> bool:
    """``_kept`` as first written: every table label tried on every long sentence."""
    if len(normalised) < copying.MIN_CHARS:
        return False
    if normalised.count("#") * 4 > len(normalised):
        return False
    labels, openers = copying._genre_sentences()
    if normalised in labels:
        return False
    head = normalised[:120]
    if (
        openers is not None
        and any(w in head for w in copying._OPENER_WORDS)
        and openers.match(head)
    ):
        return False
    if len(normalised) < 16 or normalised.count("#") < 2:
        return True
    return sum(1 for label in copying._table_labels() if label in normalised) < 2


def _hashed_reference(f) -> list[copying.HashedSentence]:
    """``hashed_sentences`` as first written: one paragraph at a time, every sentence placed."""
    out = []
    simplified = f.doc.simplified
    for piece in f.hygiene_prose:
        if piece.kind != "paragraph":
            continue
        start = 0
        text = simplified[piece.start : piece.start + len(piece.text)]
        bounds = [(m.start(), m.end()) for m in copying._SENTENCE_END.finditer(text)]
        ends = [*bounds, (len(text), len(text))]
        for (end, after), normalised in zip(ends, copying.normalise_sentences(text)):
            raw = text[start:end]
            begin = start
            start = after
            if not _kept_reference(normalised):
                continue
            lead = len(raw) - len(raw.lstrip())
            out.append(
                copying.HashedSentence(
                    copying.digest(normalised), len(normalised), piece.span(begin + lead, end)
                )
            )
    return out


_PROSE_CHARS = st.sampled_from(
    list("公开信息政府申请办理工作年度报告条例统计期限本机关全年共收到")
    + list("0123456789二〇一九十。！？!?；; \t\u3000\x00\x01ａＡaB#")
)
_PARAGRAPH = st.text(_PROSE_CHARS, max_size=60)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*copying._table_labels()[:12], *sorted(copying._genre_sentences()[0])[:12]]
            + ["#", "##", "本报告", "统计期限", "根据", "公开", "信息", "申请", "年度报告"]
        )
        | st.text(_PROSE_CHARS, max_size=6),
        max_size=12,
    )
)
def test_kept_equals_the_reference(parts):
    normalised = "".join(parts)
    assert copying._kept(normalised) == _kept_reference(normalised)


def _facts_of(paragraphs: list[tuple[str, str]]):
    """A stand-in for ``Facts``: the text and its prose pieces (kind, text), one per line."""
    pieces, at = [], 0
    for kind, text in paragraphs:
        pieces.append(ProseText(text, at, kind))
        at += len(text) + 1
    simplified = "\n".join(text for _, text in paragraphs)
    return SimpleNamespace(doc=SimpleNamespace(simplified=simplified), hygiene_prose=pieces)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["paragraph", "heading"]), _PARAGRAPH), max_size=8))
def test_hashed_sentences_equal_the_paragraph_by_paragraph_reference(paragraphs):
    f = _facts_of(paragraphs)
    assert copying.hashed_sentences(f) == _hashed_reference(f)


def test_hashed_sentences_equal_the_reference_on_the_corpus():
    from gsilint.config import Config
    from gsilint.facts import Facts

    checked = 0
    for text in _corpus_texts():
        f = Facts(parse(text), Config(), None)
        fast = copying.hashed_sentences(f)
        assert fast == _hashed_reference(f)
        checked += bool(fast)
    assert checked > 10


# -- dates: a long text read in its date runs ------------------------------------------

_DATE_FRAGMENTS = st.sampled_from(
    [
        *"0123456789０１２３４５６７８９",
        *"〇○OＯ零一二三四五六七八九十廿卅元正年月日号度至到起止",
        *"-/.．－:：近第约满每逾超余共件，。、（）",
        " ",
        "\t",
        "\u3000",
        "\u00a0",
        "\n",
        "\r\n",
        "\x00",
        "٣",
        "\U0001d7d9",
        "\U00010d43",
        "2019年",
        "二〇一八年",
        "20\n19\n年",
        "2015\n年\n1\n月\n1\n日起至\n12\n月\n31\n日",
        "2019-01-31",
        "2019.1.31",
        "12月31日",
        "20年度",
        "公开信息",
    ]
)


def _direct(text: str, offset: int):
    return datetext._find_dates_joined(text, lambda a, b: Span(offset + a, offset + b))


@settings(max_examples=500, deadline=None)
@given(st.lists(_DATE_FRAGMENTS, max_size=80), st.integers(0, 50))
def test_dates_read_in_runs_equal_dates_read_in_the_whole_text(fragments, offset):
    text = "".join(fragments)
    assert datetext._find_dates_in_runs(text, offset) == _direct(text, offset)


def test_dates_read_in_runs_equal_the_whole_text_on_the_corpus():
    found = 0
    for text in _corpus_texts():
        simplified = parse(text).simplified
        fast = datetext.find_dates(simplified, 3)
        assert fast == _direct(simplified, 3)
        found += len(fast)
    assert found > 100


# -- X405: where the sentences start ---------------------------------------------------


def _point_reference(ctx, start: int) -> Place:
    """A sentence's start as X405 first placed it: a Location and the source's excerpt."""
    source = ctx.source
    at = source.to_original(start)
    line, column = source.index.position(at)
    location = Location(at, at, line, column, line, column, source.label_at(at))
    return Place(location, source.excerpt(location))


def test_sentence_starts_give_the_places_of_the_reference():
    from gsilint.config import Config
    from gsilint.facts import Facts
    from gsilint.rules.context import Context
    from gsilint.rules.crosscheck import x405_copied_from_last_year as x405

    paths = sorted(CORPUS.glob("*/*.*"))
    if SHARED.is_dir():
        paths += sorted(SHARED.glob("real/*"))[:30]
    checked = 0
    for path in paths:
        if not is_report_path(path):
            continue
        try:
            source = load_path(str(path))
        except InputError:
            continue
        doc = parse(source.text)
        ctx = Context(doc, Facts(doc, Config(), source.path), Config(), source)
        starts = [s.span.start for s in ctx.facts.hashed_sentences]
        places = [x405._place(p) for p in x405._starts(ctx, starts)]
        assert places == [_point_reference(ctx, s) for s in starts]
        checked += len(places)
    assert checked > 100


# -- T501: the dictionary as a set -----------------------------------------------------


def test_dictionary_words_as_a_set_answer_what_the_search_answers(monkeypatch):
    from gsilint.rules.hygiene import _dictionary

    text = _dictionary._dictionary_text()
    if not text:
        pytest.skip("jieba's dictionary is not installed")
    words = _dictionary._word_set(text)
    sample = [w.decode() for w in list(words)[::997]]
    probes = sample + [w[:-1] for w in sample] + [w + "们" for w in sample]
    probes += ["工作量", "业创", "公开", "公开公开", "目的", "的统一", "AT&T", "a b", "", "\n"]
    for probe in probes:
        assert (probe.encode() in words and " " not in probe and "\n" not in probe) == (
            bool(probe) and _dictionary._search(probe)
        ), probe
    # is_word answers the same before and after it switches to the set
    monkeypatch.setattr(_dictionary, "_SEARCHES_BEFORE_A_SET", 5)
    monkeypatch.setattr(_dictionary._Lookups, "searches", 0)
    monkeypatch.setattr(_dictionary._Lookups, "words", None)
    _dictionary.is_word.cache_clear()
    try:
        answers = [_dictionary.is_word(p) for p in probes]
        assert _dictionary._Lookups.words is not None
        assert answers == [bool(p) and _dictionary._search(p) for p in probes]
    finally:
        _dictionary.is_word.cache_clear()


# -- T506: the one space of a clause ----------------------------------------------------


def _lone_gaps_reference(text: str) -> list[int]:
    """T506's candidates as first written: each clause's spaces, a clause with one only."""
    import regex

    from gsilint.rules.hygiene import t506_stray_space as t506

    out = []
    for clause in regex.finditer(r"[^，。；：、！？,;:!?\n（）()《》“”]+", text):
        spaces = [
            m.start()
            for m in regex.finditer(r"[ \u3000\u00a0\t]", text[: clause.end()])
            if m.start() >= clause.start()
        ]
        if len(spaces) == 1 and t506._GAP.match(text, spaces[0]):
            out.append(spaces[0])
    return out


def _lone_gaps(text: str) -> list[int]:
    from gsilint.rules.hygiene import t506_stray_space as t506

    bounds = [m.start() for m in t506._CLAUSE_BOUNDARY.finditer(text)]
    return [
        m.start()
        for m in t506._GAP.finditer(text)
        if t506._only_space_of_its_clause(text, m.start(), bounds)
    ]


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        st.sampled_from(list("发展经济和社会 \u3000\u00a0\t，。；：、,;:!?\n（）()《》“”ab1")),
        max_size=60,
    )
)
def test_lone_gaps_equal_the_clause_by_clause_reference(text):
    assert _lone_gaps(text) == _lone_gaps_reference(text)


def test_lone_gaps_equal_the_reference_on_the_corpus():
    from gsilint.config import Config
    from gsilint.facts import Facts

    found = 0
    for text in _corpus_texts():
        for piece in Facts(parse(text), Config(), None).hygiene_prose:
            fast = _lone_gaps(piece.text)
            assert fast == _lone_gaps_reference(piece.text)
            found += len(fast)
    assert found > 0


# -- T505: a piece without an ASCII mark -------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list(",;:()?!，；：（）？！.a公开 \n")), max_size=30))
def test_the_ascii_mark_search_finds_what_the_character_tests_find(text):
    from gsilint.rules.hygiene import t505_halfwidth_punctuation as t505

    assert bool(t505._ASCII_MARK.search(text)) == any(c in text for c in ",;:()?!")


# -- T507: a paragraph whose brackets pair up --------------------------------------------


def _unbalanced_reference(text: str) -> list[tuple[int, str]]:
    """T507's bracket matching as first written: every bracket through the stack."""
    from gsilint.rules.hygiene.t507_unbalanced_brackets import _ANY, CLOSERS, PAIRS

    stack: list[int] = []
    bad: list[tuple[int, str]] = []
    for m in _ANY.finditer(text):
        ch, i = m.group(0), m.start()
        if ch in PAIRS:
            stack.append(i)
            continue
        opener = CLOSERS[ch]
        for k in range(len(stack) - 1, -1, -1):
            if text[stack[k]] == opener:
                bad.extend((j, "open") for j in stack[k + 1 :])
                del stack[k:]
                break
        else:
            bad.append((i, "close"))
    bad.extend((j, "open") for j in stack)
    return sorted(bad)


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from(list("《》（）“”【】公a")), max_size=24))
def test_unbalanced_equals_the_stack_reference(text):
    from gsilint.rules.hygiene.t507_unbalanced_brackets import unbalanced

    assert unbalanced(text) == _unbalanced_reference(text)


# -- T508: label matches remembered ------------------------------------------------------


def test_remembered_label_matches_equal_match_label():
    from gsilint.rules.hygiene.t508_misspelt_label import _match
    from gsilint.tables.labels import match_label
    from gsilint.tables.spec import format_ids, table_format

    checked = 0
    for fmt in format_ids():
        spec = table_format(fmt)
        for table in (spec.t2, spec.t3):
            labels = [r.label for r in table.rows]
            for label in labels:
                for written in (label, label[1:], label[:-1], label[:2] + label[3:], label + "的"):
                    for _ in range(2):  # the second answer comes from the memo
                        assert _match(written, tuple(labels)) == match_label(written, labels)
                    checked += 1
    assert checked > 100


# -- year_uses: its plain ``re`` patterns read like ``regex`` ----------------------------

_YEAR_USE_PATTERNS = [
    "_CLAUSE_END",
    "_WEAK_PLAN",
    "_EXTERNAL",
    "_LAST_YEAR_PROBLEMS",
    "_NEXT_STEP",
    "_INTENT",
    "_PLAN",
    "_NOT_STATEMENT_BEFORE",
    "_NAME_AFTER",
    "_PLAN_NOUN_AFTER",
    "_NOT_STATEMENT_AFTER",
    "_SPAN_EDGE_AFTER",
    "_SPAN_EDGE_BEFORE",
]


def _year_use_alphabet() -> list[str]:
    from gsilint.facts import year_statements as ys

    chars = {ch for name in _YEAR_USE_PATTERNS for ch in getattr(ys, name).pattern}
    return sorted(chars - set("\\[]()?:*+{}^$|!=<") | set("2019年我镇将继续 \u3000\n，。工作中"))


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_year_use_patterns_match_as_regex_does(data):
    import regex

    from gsilint.facts import year_statements as ys

    text = data.draw(st.text(st.sampled_from(_year_use_alphabet()), max_size=30))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for name in _YEAR_USE_PATTERNS:
        fast = getattr(ys, name)
        slow = regex.compile(fast.pattern)
        for method in ("search", "match"):
            a = getattr(fast, method)(text, start, end)
            b = getattr(slow, method)(text, start, end)
            assert (a and a.span()) == (b and b.span()), (name, method, text)


def test_year_uses_read_the_corpus_as_with_regex(monkeypatch):
    import regex

    from gsilint.config import Config
    from gsilint.facts import Facts
    from gsilint.facts import year_statements as ys

    docs = [parse(text) for text in _corpus_texts()]
    fast = [ys.year_uses(Facts(doc, Config(), None)) for doc in docs]
    for name in _YEAR_USE_PATTERNS:
        monkeypatch.setattr(ys, name, regex.compile(getattr(ys, name).pattern))
    assert fast == [ys.year_uses(Facts(doc, Config(), None)) for doc in docs]
    assert sum(map(len, fast)) > 50


# -- T504: the places where a text and its conversion differ -----------------------------


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("规范範性文件體体")), max_size=300), st.data())
def test_differences_by_chunks_equal_the_character_by_character_reference(text, data):
    from gsilint.rules.hygiene.t504_mixed_script import _differences

    other = data.draw(st.text(st.sampled_from(list("规范範性文件體体")), max_size=300))
    expected = [i for i, (a, b) in enumerate(zip(text, other)) if a != b]
    assert list(_differences(text, other)) == expected


# -- X401: a row's place among its group's rows ------------------------------------------


def _row_en_reference(key: str, rows: tuple[str, ...]) -> str:
    """``_row_en`` as first written: the group's rows listed again for each row named."""
    from gsilint.rules.crosscheck._common import _GROUP_EN, _ROW_EN

    if key in _ROW_EN:
        return _ROW_EN[key]
    parts = key.split(".")
    if len(parts) >= 3 and parts[2] in _GROUP_EN:
        name = _GROUP_EN[parts[2]]
        if len(parts) > 3:
            prefix = ".".join(parts[:3]) + "."
            siblings = [k for k in rows if k.startswith(prefix)]
            if key in siblings:
                name += f", item {siblings.index(key) + 1}"
        return name
    return "a row"


_ROW_PARTS = st.sampled_from(["t3", "results", "refused", "other", "a", "b", "", "1"])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.lists(_ROW_PARTS, min_size=1, max_size=5).map(".".join), max_size=12),
    st.lists(_ROW_PARTS, min_size=1, max_size=5).map(".".join),
)
def test_row_names_equal_the_sibling_listing_reference(rows, key):
    from gsilint.rules.crosscheck._common import _row_en

    rows = tuple(rows)
    grid = SimpleNamespace(rows=rows)
    for k in (key, *rows):
        assert _row_en(k, grid) == _row_en_reference(k, rows)


def test_the_date_digits_hold_every_digit_regex_reads():
    import re

    import regex

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    digits = regex.findall(r"\d", every)
    date_digit = re.compile(f"[{datetext._DATE_DIGITS}]")
    assert len(digits) > 600
    assert [d for d in digits if not date_digit.match(d)] == []


# -- T501: Han of the BMP only, for a text without astral characters ---------------------


def test_the_bmp_han_class_is_han_on_the_bmp():
    import re

    from gsilint.han import HAN
    from gsilint.rules.hygiene.t501_repeated_word import _bmp_class

    han, bmp = re.compile(HAN), re.compile(_bmp_class(HAN))
    assert [c for c in range(0x10000) if bool(han.match(chr(c))) != bool(bmp.match(chr(c)))] == []


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        st.sampled_from(list("公开工作的的一二〇，。 \n资金a") + ["\u3005", "\u2e80"]), max_size=40
    )
)
def test_doubled_units_of_a_bmp_text_are_found_alike(text):
    from gsilint.rules.hygiene.t501_repeated_word import _LONGER, _LONGER_BMP

    assert [m.span() for m in _LONGER_BMP.finditer(text)] == [
        m.span() for m in _LONGER.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from(["a", "公", "\ud800", "\udfff", "\uffff", "\U00010000", "\U0002a6df"]))
)
def test_a_bmp_only_text_is_told_by_its_utf16_length(text):
    from gsilint.rules.hygiene.t501_repeated_word import _bmp_only

    assert _bmp_only(text) == all(ord(c) <= 0xFFFF for c in text)


# -- dates: month-days found with stdlib re, mentions made through their slots ----------

#: ``datetext._MD`` as first written, for ``regex``: the look-behind in the pattern.
_MD_REFERENCE = (
    r"(?<![0-9０-９一二三四五六七八九十年〇○OＯ零][ \t\u3000\u00a0]*)"
    r"(?P<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|元)[ \t\u3000\u00a0]*月[ \t\u3000\u00a0]*"
    r"(?P<d>[0-9０-９]{1,2}|[一二三四五六七八九十廿卅]{1,4})[ \t\u3000\u00a0]*[日号]"
)


def _anchored_and_reference():
    """(what ``_find_dates`` reads each pattern with, the ``regex`` pattern first written)."""
    import regex

    return [
        (
            lambda text: datetext._anchored(
                datetext._YMD, text, datetext._offsets(text, "年"), datetext._year_start
            ),
            regex.compile(datetext._YMD.pattern),
        ),
        (
            lambda text: datetext._anchored(
                datetext._MD, text, datetext._offsets(text, "月"), datetext._month_day_start
            ),
            regex.compile(_MD_REFERENCE),
        ),
        (
            lambda text: datetext._anchored(
                datetext._TRUNCATED, text, datetext._offsets(text, "年"), datetext._truncated_start
            ),
            regex.compile(datetext._TRUNCATED.pattern),
        ),
        (
            lambda text: datetext._anchored(
                datetext._DATE_BREAK, text, datetext._offsets(text, "\n"), datetext._break_start
            ),
            regex.compile(datetext._DATE_BREAK.pattern),
        ),
    ]


def _matches(found) -> list:
    return [(m.span(), m.groupdict()) for m in found]


@settings(max_examples=1000, deadline=None)
@given(st.lists(_DATE_FRAGMENTS, max_size=40))
def test_anchored_matches_are_the_matches_of_a_search_at_every_character(fragments):
    text = "".join(fragments)
    for anchored, reference in _anchored_and_reference():
        assert _matches(anchored(text)) == _matches(reference.finditer(text)), reference.pattern


def test_anchored_matches_on_the_corpus_are_those_of_a_search_at_every_character():
    found = 0
    pairs = _anchored_and_reference()
    for text in _corpus_texts():
        for anchored, reference in pairs:
            fast = _matches(anchored(text))
            assert fast == _matches(reference.finditer(text))
            found += len(fast)
    assert found > 300


def test_a_mention_made_through_its_slots_holds_every_field():
    import dataclasses

    values = dict(
        span=Span(3, 9),
        text="2月30日",
        year=2019,
        month=2,
        day=30,
        year_span=Span(1, 2),
        valid=False,
        problem=("p", "q"),
        inferred_year=True,
        truncated=True,
    )
    by_name = datetext.DateMention(**values)
    by_place = datetext.DateMention(*values.values())
    for d in (by_name, by_place):
        assert {f.name: getattr(d, f.name) for f in dataclasses.fields(d)} == values
    assert by_name == by_place and hash(by_name) == hash(by_place)
    short = datetext.DateMention(Span(0, 5), "2019年", 2019)
    assert (short.month, short.day, short.year_span, short.valid, short.problem) == (
        None,
        None,
        None,
        True,
        None,
    )
    assert not short.inferred_year and not short.truncated
    moved = dataclasses.replace(short, year=2020, inferred_year=True)
    assert (moved.year, moved.inferred_year, moved.text) == (2020, True, "2019年")
    with pytest.raises(dataclasses.FrozenInstanceError):
        short.year = 2000  # type: ignore[misc]


def test_topic_coverage_reads_the_levels_as_the_level_by_level_filter_does():
    from gsilint.config import Config
    from gsilint.facts import Facts, outline

    checked = 0
    for text in _corpus_texts():
        f = Facts(parse(text), Config(), None)
        if f.template.id != "2008":
            continue
        heads: dict = {}
        secs = outline.outline_sections(f.doc)
        for level in sorted({sec.level for sec in secs}):
            rest = tuple(sp for sp in f.template.sections if sp.key not in heads)
            heads.update(outline._assign(rest, [sec for sec in secs if sec.level == level]))
        assert {c.key: c.heading for c in f.topic_coverage} == {
            sp.key: heads.get(sp.key) for sp in f.template.sections
        }
        checked += 1
    assert checked > 5


#: The clusters of date anchors as first found: one ``re`` search for the anchors' class.
_CLUSTER_REFERENCE = (
    f"[{datetext._DATE_ANCHORS}](?:[^{datetext._DATE_ANCHORS}]{{0,{datetext._NEAR}}}"
    f"[{datetext._DATE_ANCHORS}])*[{datetext._DATE_OTHERS}{datetext._DATE_ANCHORS}]*"
)


def _clusters_reference(text: str) -> list[tuple[int, int]]:
    import re

    return [(m.start(), m.end()) for m in re.finditer(_CLUSTER_REFERENCE, text)]


_GAPS = st.text(st.sampled_from(list("公开信息 0\n")), min_size=15, max_size=25)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(_DATE_FRAGMENTS, _GAPS), max_size=60))
def test_anchor_clusters_are_those_of_the_class_search(fragments):
    text = "".join(fragments)
    assert list(datetext._anchor_clusters(text)) == _clusters_reference(text)


def test_anchor_clusters_on_the_corpus_are_those_of_the_class_search():
    found = 0
    for text in _corpus_texts():
        simplified = parse(text).simplified
        fast = list(datetext._anchor_clusters(simplified))
        assert fast == _clusters_reference(simplified)
        found += len(fast)
    assert found > 300


def test_a_spec_s_wording_is_remembered_by_the_spec_and_equals_a_new_one():
    from gsilint.facts import outline
    from gsilint.templates import SectionSpec

    specs = [
        SectionSpec(f"k{i}", f"一、标题{i}", variants=(f"标题{i}",), keywords=(("标", "题"),))
        for i in range(outline._WORDINGS_KEPT + 5)
    ]
    for spec in specs:
        w = outline._wording(spec)
        assert w is outline._wording(spec)
        assert w == outline._new_wording(spec) and w.spec is spec
    assert len(outline._WORDINGS) <= outline._WORDINGS_KEPT


def test_year_uses_enter_only_sections_that_hold_a_year_as_when_every_one_is_entered(
    monkeypatch,
):
    from gsilint.config import Config
    from gsilint.facts import Facts
    from gsilint.facts import year_statements as ys

    docs = [parse(text) for text in _corpus_texts()]
    fast = [ys.year_uses(Facts(doc, Config(), None)) for doc in docs]
    walk = ys._paragraph_sections
    monkeypatch.setattr(ys, "_paragraph_sections", lambda doc, holds: walk(doc, lambda s: True))
    assert fast == [ys.year_uses(Facts(doc, Config(), None)) for doc in docs]
    assert sum(map(len, fast)) > 50


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from(list("《》“”a")), max_size=20), st.data())
def test_in_quotes_reads_the_text_as_its_slice_would(text, data):
    from gsilint.facts import year_statements as ys

    start = data.draw(st.integers(0, len(text)))
    para_start = data.draw(st.integers(0, len(text)))
    before = text[para_start:start]
    expected = before.rfind("《") > before.rfind("》") or before.rfind("“") > before.rfind("”")
    assert ys._in_quotes(text, start, para_start) == expected


def test_years_alone_in_a_span_are_those_mentions_in_finds_there():
    from gsilint.config import Config
    from gsilint.facts import Facts
    from gsilint.facts import year_statements as ys
    from gsilint.facts.dates import mentions_in

    checked = 0
    for text in _corpus_texts():
        f = Facts(parse(text), Config(), None)
        years = [d for d in f.date_mentions if d.year_only]
        starts = [d.span.start for d in years]
        spans = [p.span for p in f.doc.paragraphs()]
        spans += [s.heading.title_span for s in f.doc.all_sections()]
        spans += [Span(d.span.start, d.span.end + k) for d in f.date_mentions for k in (0, 3)]
        for span in spans:
            expected = [d for d in mentions_in(f, span) if d.year_only]
            assert ys._years_in(years, starts, span) == expected
            checked += bool(expected)
    assert checked > 100
