"""Facts about years and dates: every mention, the statistics period, the
signature and publication dates, and the report year with its evidence.

The report year is read from several places, each recorded with where it
was found: the title line, the crawler header's 标题, the intro ("现就我镇
2016年…报告如下"), the statistics period, and the body (the year most
statements of the year's work name). ``--year`` overrides all of them. The
title wins, then the header. Without either, the evidence is weighed: the
majority of the intro, the period, the statements of the year's work and
the plans (a plan counts for the year before it) decides; sources that
disagree with the winner are listed in ``ReportYear.disagreements`` so a
rule can report them, with the majority's evidence in ``ReportYear.support``.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left
from collections import Counter
from typing import TYPE_CHECKING

import regex

from gsilint import document
from gsilint.datetext import (
    DateMention,
    DateRange,
    cn_number,
    find_dates,
    find_ranges,
    parse_date,
)
from gsilint.numerals import read_digits
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.facts import Facts

#: Where a report year was read, strongest first.
SOURCE_NAMES = {
    "config": ("--year 参数", "--year"),
    "title": ("标题", "the title"),
    "header": ("网页标题", "the page header"),
    "intro": ("引言", "the introduction"),
    "period": ("统计期限", "the statistics period"),
    "body": ("正文", "the body"),
    "majority": ("正文多数陈述", "most statements in the body"),
    "statement": ("正文陈述", "a statement"),
    "plan": ("下一年计划", "a plan for the next year"),
}


@dataclass(frozen=True)
class YearFact:
    """One statement of the report year: its value, where it was read, its span."""

    value: int
    #: config | title | header | intro | period | body | majority (a vote); in a vote's
    #: support also statement | plan (a plan counts for the year before the one it names)
    source: str
    span: Span


@dataclass(frozen=True)
class ReportYear(YearFact):
    """The report year chosen, with every source read and those that disagree."""

    evidence: tuple[YearFact, ...] = ()
    disagreements: tuple[YearFact, ...] = ()
    #: without a title: the evidence of the majority year (statements, plans, the intro)
    support: tuple[YearFact, ...] = ()
    #: without a title, two years have as much evidence: no statement is held against either
    contested: bool = False


@dataclass(frozen=True)
class Period:
    """The statistics period the report states (统计期限自…至…)."""

    span: Span
    start: DateMention | None
    end: DateMention | None
    #: the sentence has the words but the dates are left blank (自 年 月 日至 年 月 日)
    blank: bool = False

    @property
    def year(self) -> int | None:
        for d in (self.start, self.end):
            if d is not None and d.year is not None:
                return d.year
        return None


@dataclass(frozen=True)
class DatedLine:
    """The signature date (落款) or the publication date (发布时间)."""

    date: DateMention
    #: signature | publication
    kind: str

    @property
    def span(self) -> Span:
        return self.date.span


_YEAR_IN_TITLE = lazy(
    r"(?<!\d)((?:19|20)\d\d)[ \t\u3000]*年|([一二][〇○零OＯ一二三四五六七八九]{3})[ \t\u3000]*年"
)
_INTRO_YEAR = (
    lazy(r"(?:现就|现将|现公布|汇总|公布)[^。]{0,20}?((?:19|20)\d\d)[ \t\u3000]*年"),
    lazy(
        r"((?:19|20)\d\d)[ \t\u3000]*年度?(?:政府|政务)?(?:信息公开|政务公开)"
        r"(?:工作)?(?:年度)?(?:报告|情况)"
    ),
)
_PERIOD_KEY = lazy(
    r"统计(?:期限|周期|时限|时间|区间|时段|期间|范围)|数据(?:的)?(?:统计)?(?:期限|时限|时间范围)"
)
_PERIOD_BLANK = lazy(r"年[ \t\u3000_＿]*月[ \t\u3000_＿]*日")
_MONTH_RANGE = lazy(
    r"(?<!\d)((?:19|20)\d\d)[ \t\u3000]*年[ \t\u3000]*(1|01|一)[ \t\u3000]*月?(?:份)?"
    r"[ \t\u3000]*(?:至|到|—+|－|-|~|～)"
    r"[ \t\u3000]*(?:((?:19|20)\d\d)[ \t\u3000]*年)?[ \t\u3000]*"
    r"(\d{1,2}|十[一二]?|[一二三四五六七八九])[ \t\u3000]*月"
)
_SENTENCE_END = lazy(r"[。；;！？!?\n]")
#: A crawler header line the parser left in the text: "发布时间：2016-01-01".
_HEADER_PUBLISHED = lazy(r"(?m)^[ \t]*发布时间[：:][ \t]*(\S[^\n\r]*)")
#: How far into the text a crawler header may reach.
_HEADER_REACH = 600
_PERIOD_END = lazy(r"[。；;！？!?]|\n[ \t\u3000\r]*\n")
#: Between the key and its dates: "统计期限自", "统计时间为⏎", "统计期限从".
_PERIOD_LEAD = lazy(r"[\s\u3000]*(?:为|是|自|从|：|:)?[\s\u3000]*(?:自|从)?[\s\u3000]*")
#: A period with no dates at all: "自  至  止", "自 年 月 日至 年 月 日".
_PERIOD_NO_DATES = lazy(
    r"[\s\u3000_＿]*(?:年[\s\u3000_＿]*月[\s\u3000_＿]*日)?[\s\u3000_＿]*(?:起)?[\s\u3000_＿]*"
    r"(?:至|到)[\s\u3000_＿]*(?:年[\s\u3000_＿]*月[\s\u3000_＿]*日)?[\s\u3000_＿]*(?:止)?[\s\u3000]*"
)
#: After the first date: the second left blank ("至  年 月 日止", "至    止").
_PERIOD_OPEN_END = lazy(
    r"[\s\u3000]*(?:起)?[\s\u3000]*(?:至|到|—+|－|-|~|～)[\s\u3000_＿]*"
    r"(?:年[\s\u3000_＿]*月[\s\u3000_＿]*日)?[\s\u3000_＿]*(?:止)?[\s\u3000]*(?:[。；;，,]|$)"
)


def date_mentions(f: Facts) -> list[DateMention]:
    """Every year and date written in the report, with its span (ISO in ``inspect``)."""
    return find_dates(f.doc.simplified)


def date_starts(f: Facts) -> list[int]:
    return [m.span.start for m in f.date_mentions]


def date_ranges(f: Facts) -> list[DateRange]:
    return find_ranges(f.doc.simplified, f.date_mentions)


def _intro_paragraphs(doc: document.Document) -> list[document.Paragraph]:
    intro = [b for b in doc.preamble if isinstance(b, document.Paragraph)]
    if not intro:
        intro = list(doc.paragraphs())[:2]
    return intro[:4]


def mentions_in(f: Facts, span: Span) -> list[DateMention]:
    """Mentions inside ``span`` (binary search over the sorted mentions)."""
    ms = f.date_mentions
    i = bisect_left(f.date_starts, span.start)
    out = []
    while i < len(ms) and ms[i].span.end <= span.end:
        out.append(ms[i])
        i += 1
    return out


def statistics_period(f: Facts) -> Period | None:
    """统计期限 as stated (start and end dates, ISO), or None when the report does not state one."""
    doc = f.doc
    text = doc.simplified
    for key in _PERIOD_KEY.finditer(text):
        stop = _SENTENCE_END.search(text, key.end())
        end = stop.start() if stop else len(text)
        end = min(end, key.end() + 80)
        sentence = Span(key.start(), end)
        # crawler copies break the dates over lines ("统计期限自⏎2015⏎年⏎1⏎月…"): read on
        # past line ends when the dates follow the key directly
        stop = _PERIOD_END.search(text, key.end())
        far = min(stop.start() if stop else len(text), key.end() + 80)
        for r in f.date_ranges:
            if r.span.start < key.end() or r.span.end > far:
                continue
            if r.span.end <= end or _PERIOD_LEAD.fullmatch(text, key.end(), r.span.start):
                return Period(sentence.cover(r.span), r.start, r.end)
        lead = _PERIOD_LEAD.match(text, key.end(), far)
        after = text[lead.end() : far] if lead else ""
        if lead and _PERIOD_NO_DATES.fullmatch(after) and regex.search(r"[为自从：:]", lead[0]):
            # the key and no dates: "统计期限自  至  止。"
            return Period(Span(key.start(), far), None, None, blank=True)
        if lead:
            start = next((d for d in mentions_in(f, Span(lead.end(), far)) if d.is_date), None)
            if (
                start is not None
                and start.span.start == lead.end()
                and _PERIOD_OPEN_END.match(text, start.span.end, far)
            ):
                # one end written, the other left blank: "自2017年1月1日至 年 月 日"
                return Period(Span(key.start(), far), start, None, blank=True)
        m = _MONTH_RANGE.search(text, key.end(), end)
        if m:
            y1 = int(m.group(1))
            y2 = int(m.group(3)) if m.group(3) else y1
            m2 = cn_number(m.group(4)) or 12
            start = DateMention(
                Span(m.start(), m.start(4)), m.group(0), y1, 1, 1, Span(m.start(1), m.end(1))
            )
            last = calendar.monthrange(y2, m2)[1] if 1 <= m2 <= 12 else 31
            stop_d = DateMention(
                Span(m.start(4), m.end()),
                m.group(4) + "月",
                y2,
                m2,
                last,
                Span(m.start(3), m.end(3)) if m.group(3) else None,
                valid=1 <= m2 <= 12,
                inferred_year=not m.group(3),
            )
            return Period(sentence.cover(Span(m.start(), m.end())), start, stop_d)
        if _PERIOD_BLANK.search(text, key.end(), end) and not mentions_in(f, sentence):
            return Period(sentence, None, None, blank=True)
    return None


def signature_date(f: Facts) -> DatedLine | None:
    """The date under the closing signature (落款日期)."""
    closing = f.doc.closing
    if closing is not None:
        parts = (closing.date, closing.organisation)
    else:
        # no closing block recognised: a short last line that ends with a date
        # ("某镇人民政府  2019年2月14日")
        last = next(reversed(list(f.doc.paragraphs())), None)
        if last is None or len(last.text.strip()) > 40:
            return None
        dates = [d for d in mentions_in(f, last.span) if d.is_date]
        if not dates or f.doc.text[dates[-1].span.end : last.span.end].strip():
            return None
        parts = (last,)
    # the date line, else a date on the organisation's line
    for part in parts:
        if part is None:
            continue
        dates = [d for d in mentions_in(f, part.span) if d.is_date]
        if dates:
            return DatedLine(dates[-1], "signature")
    return None


def publication_date(f: Facts) -> DatedLine | None:
    """The crawler header's 发布时间 (when the page was published).

    A header written with full-width colons ("发布时间：2016-01-01"), which the
    parser does not read as a header, is read here from the report's first lines.
    """
    fld = f.doc.metadata.get("发布时间")
    if fld is not None and fld.value:
        value, off = fld.value, fld.span.end - len(fld.value)
    else:
        m = _HEADER_PUBLISHED.search(f.doc.simplified, 0, _HEADER_REACH)
        if m is None:
            return None
        value, off = m.group(1), m.start(1)
    d = parse_date(value)
    if d is None or not d.is_date or d.span.start != 0:
        return None
    return DatedLine(
        DateMention(
            d.span.shift(off),
            d.text,
            d.year,
            d.month,
            d.day,
            d.year_span.shift(off) if d.year_span else None,
            d.valid,
            d.problem,
        ),
        "publication",
    )


# -- the report year ---------------------------------------------------------


def _title_year(doc: document.Document, span: Span, source: str) -> YearFact | None:
    s = doc.slice(span)
    m = _YEAR_IN_TITLE.search(s)
    if not m:
        return None
    g = 1 if m.group(1) else 2
    value = read_digits(m.group(g))
    if value is None or not 1990 <= value <= 2199:
        return None
    return YearFact(value, source, Span(span.start + m.start(g), span.start + m.end(g)))


def _inside_title_marks(s: str, i: int) -> bool:
    """Whether offset ``i`` of ``s`` is inside 《…》 (a document's name, not the report's year)."""
    return s.rfind("《", 0, i) > s.rfind("》", 0, i)


def year_candidates(f: Facts) -> list[YearFact]:
    """Every statement of the report year, strongest source first."""
    doc = f.doc
    out: list[YearFact] = []
    if doc.title is not None:
        y = _title_year(doc, doc.title.span, "title")
        if y:
            out.append(y)
    hdr = doc.metadata.get("标题")
    if hdr is not None and hdr.value:
        off = hdr.span.end - len(hdr.value)
        y = _title_year(doc, Span(off, hdr.span.end), "header")
        if y:
            out.append(y)
    for para in _intro_paragraphs(doc):
        s = doc.slice(para.span)
        for rx in _INTRO_YEAR:
            m = next((m for m in rx.finditer(s) if not _inside_title_marks(s, m.start(1))), None)
            if m:
                out.append(
                    YearFact(
                        int(m.group(1)),
                        "intro",
                        Span(para.span.start + m.start(1), para.span.start + m.end(1)),
                    )
                )
                break
        else:
            continue
        break
    period = f.statistics_period
    if period is not None and period.year is not None:
        d = (
            period.start
            if period.start is not None and period.start.year is not None
            else period.end
        )
        out.append(YearFact(d.year, "period", d.year_span or d.span))
    statements = [u for u in f.year_uses if u.kind == "statement"]
    if statements:
        counts = Counter(u.mention.year for u in statements)
        value, n = counts.most_common(1)[0]
        first = next(u.mention for u in statements if u.mention.year == value)
        out.append(YearFact(value, "body", first.year_span or first.span))
    return out


def _votes(f: Facts, cands: list[YearFact]) -> list[YearFact]:
    """The evidence a report without a title gives for its year, one entry per vote.

    The intro and the statistics period count twice (they state the year on
    purpose), each statement of the year's work once, and each plan once for
    the year before the year it names ("2018年，我镇将…" is evidence of 2017).
    A statement that may state an intention ("2018年，我镇要…") does not vote.
    A statement written where the intro states the year is the intro.
    """
    out: list[YearFact] = []
    for c in cands:
        if c.source in ("intro", "period"):
            out += [c, c]
    taken = {c.span for c in cands if c.source != "body"}
    for u in f.year_uses:
        d = u.mention
        span = d.year_span or d.span
        if span in taken or d.year is None:
            continue
        if u.kind == "statement" and not u.last_year_problems and not u.intent:
            out.append(YearFact(d.year, "statement", span))
        elif u.kind == "plan" and not u.heading:
            out.append(YearFact(d.year - 1, "plan", span))
    return out


def report_year(f: Facts) -> ReportYear | None:
    """The year the report covers, where it was read, and the sources that disagree.

    ``--year`` overrides; else the title, else the crawler header. Without
    either, the evidence votes (:func:`_votes`): the intro, the statistics
    period, the statements of the year's work and the plans for the next
    year. The majority wins; an intro in the minority is a disagreement, and
    ``support`` lists the majority's evidence. A tie is ``contested``: the
    year of the first source is used, and no statement is held against it.
    """
    cands = year_candidates(f)
    support: tuple[YearFact, ...] = ()
    contested = False
    claims = [c for c in cands if c.source in ("title", "header")]
    if f.config.year:
        win = YearFact(f.config.year, "config", Span(0, 0))
    elif claims:
        win = claims[0]
    elif cands:
        win = cands[0]
        votes = _votes(f, cands)
        tally = Counter(v.value for v in votes)
        ranked = tally.most_common()
        if len({v.value for v in votes}) > 1:
            best = ranked[0][1]
            top = [y for y, n in ranked if n == best]
            if len(top) > 1:
                contested = True
                value = win.value if win.value in top else top[0]
            else:
                value = top[0]
            support = tuple(v for v in votes if v.value == value and v.source != "period")
            # one entry per place: the intro voted twice
            support = tuple(dict.fromkeys(support))
            if not contested:
                first = support[0] if support else win
                win = YearFact(value, "majority", first.span)
    else:
        return None
    if win.source == "majority":
        disagree = tuple(c for c in cands if c.value != win.value and c.source == "intro")
    else:
        # The body's majority is a fallback, not a claim: its disagreement is found
        # statement by statement.
        disagree = tuple(
            c for c in cands if c.value != win.value and c.source in ("title", "header", "intro")
        )
    return ReportYear(
        win.value,
        win.source,
        win.span,
        evidence=tuple(cands),
        disagreements=disagree,
        support=support,
        contested=contested,
    )
