"""Facts that classify year mentions in prose: statements of the year's work,
plans, comparisons, names.

A year written in a report is not always the report year. "比2015年增长",
"较上年", "2018年，我镇将…", "截至2019年…", 《…2019年…》 and "于2012年成立"
name other years legitimately. What does not: a statement of the year's
work or data that opens with a year ("2017年，我镇主动公开政府信息1084条") or
puts it after the body's name ("本镇2017年没有受理…"). These are
``year_statements``. Plans ("2018年，我镇将…", "确保2023年…") are
``year_plans``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from gsilint import document
from gsilint.datetext import DateMention
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.facts import Facts

# The patterns read around each year are plain ``re`` (a call costs half what a ``regex``
# call costs, and they are called a few times per year written); the two with \d or \s,
# whose classes ``re`` draws differently, stay ``regex``.

#: Before a year: nothing but a clause start — a sentence's or a clause's, after a comma
#: ("…取得了明显成效， 2016年全镇共发布…") — or an enumeration word …
_CLAUSE_START = lazy(
    r"(?:^|[。；;！？!?：:，,\n])[ \t\u3000]*"
    r"(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．])?[ \t\u3000]*$"
)
#: … or the body's own name: 我镇 / 本镇 / 我局 / 本单位 (with nothing else in between).
_SELF_NAME = lazy(
    r"(?:^|[，,。；;：:\s])(?:现就|现将)?[我本]"
    r"(?:镇|乡|县|区|市|局|委|办|厅|街道|单位|机关|部门|中心|省|州|旗|院|署|府"
    r"|政府|镇政府|县政府|区政府|市政府)[ \t\u3000]*$"
)
#: After a year (and 年/年度): words that make it a span, a comparison or a name.
_NOT_STATEMENT_AFTER = lazy(
    r"^(?:度)?(?:以来|起|开始|结束|至今|以前|之前|前|后|以后|底前|的|版|同期|相比|比|相较|同比|和|与|及|、|至|到|—|-|～|~|－|《|》|”|\")"
)
#: After a year: the name of a document ("2017年度部门决算", "2017年政府信息公开工作年度报告").
_NAME_AFTER = lazy(
    r"(?:度)?[^，,。；;：:]{0,14}?(?:预算|决算|报告|年报|要点|规划|方案|名单|目录|指南|白皮书|公报)(?![^，,。；;：:]{0,3}(?:工作|中))"
)
#: A statement about someone else's act (the State Council, a revised law), not the body's year.
_EXTERNAL = lazy(r"国务院|党中央|中共中央|全国人大|修订|施行|颁布")
#: Last year's problems and how they were fixed (the 2021 format asks for them in part 五).
_LAST_YEAR_PROBLEMS = lazy(r"整改|改进|针对")
#: Markers of a plan (future) in a clause. 将 alone may be the preposition (将…列入), so it only
#: counts before a verb or adverb of intent.
_PLAN = lazy(
    r"拟|力争|确保|争取|预计|打算|下一步|下步|明年|来年|计划(?:于|在|将|年内|全年|开展|推进|完成)"
    r"|将(?:继续|进一步|持续|着力|重点|不断|切实|全面|认真|围绕|按照|紧紧|努力|加大|加强|做好|抓好|深入|积极|严格|大力|坚持|进行|开展|推进|完善|采取|通过|聚焦|以)"
)
#: "2019年工作计划" / "2016年政府信息公开工作的重点": the year names a plan.
_PLAN_NOUN_AFTER = lazy(
    r"^(?:度)?[^，。；]{0,12}?(?:工作)?(?:的)?(?:计划|打算|思路|重点|安排|目标|要点)(?:[：:]|$)"
)
#: How far from the year a plan marker may be (after it / before it, same clause).
_PLAN_AFTER, _PLAN_BEFORE = 25, 4
_WEAK_PLAN = lazy(r"将(?!近)")
#: Before a year: a comparison, a span's edge, a cut-off, an event's date.
_NOT_STATEMENT_BEFORE = lazy(
    r"(?:比|较|同|与|和|及|、|至|到|自|从|截至|截止|于|对|为|在)[ \t\u3000]*$"
)
#: "到2025年", "2025年前": a long-term target, not next year's plan.
_SPAN_EDGE_AFTER = lazy(r"^(?:度)?(?:以来|以前|之前|前|底前|底)")
_SPAN_EDGE_BEFORE = lazy(r"(?:到|至)[ \t\u3000]*$")
_CLAUSE_END = lazy(r"[。；;！？!?\n]")
#: Words of intention after a year: with the year after the report year, a plan.
_INTENT = lazy(
    r"要(?!求|点|素|件|闻)|继续|持续|不断|目标|着力|力求|努力|争创|争取|力争|需要|进一步"
    r"|会(?!议|同|商|签|上|计|务|员)"
)
_INTENT_AFTER = 20
#: Before a year in its sentence: the next step ("下一步，2019年…", "今后…").
_NEXT_STEP = lazy(r"下一步|下步|明年|来年|今后|接下来")


@dataclass(frozen=True)
class YearUse:
    """A year-only mention in prose and how it is used."""

    mention: DateMention
    paragraph: document.Paragraph
    #: statement | plan
    kind: str
    #: the section the paragraph is in (None: preamble)
    section: document.Section | None
    #: the mention is in a heading's title ("六、2016年政府信息公开工作的重点");
    #: ``paragraph`` is then the title
    heading: bool = False
    #: a statement about problems found before and how they were fixed ("2020年…问题已全部整改"):
    #: in a report for the year after the year it names, it is not a mismatch
    last_year_problems: bool = False
    #: the clause may state an intention ("2019年，我局要…", "…继续…", "下一步，2019年…"):
    #: naming the year after the report year, it is a plan, not a mismatch
    intent: bool = False


def _in_quotes(text: str, start: int, para_start: int) -> bool:
    find = text.rfind
    return find("《", para_start, start) > find("》", para_start, start) or find(
        "“", para_start, start
    ) > find("”", para_start, start)


def _paragraph_sections(doc: document.Document, holds: Callable[[Span], bool]):
    """(paragraph, innermost section) in order; sections whose span ``holds`` nothing
    are not entered (a section's span covers its heading and all it holds)."""
    for b in doc.preamble:
        if isinstance(b, document.Paragraph):
            yield b, None

    def walk(sec: document.Section):
        if not holds(sec.span):
            return
        if sec.heading.body is not None:
            yield sec.heading.body, sec
        for c in sec.children:
            if isinstance(c, document.Paragraph):
                yield c, sec
            elif isinstance(c, document.Section):
                yield from walk(c)

    for s in doc.sections:
        yield from walk(s)


def _years_in(years: list[DateMention], starts: list[int], span: Span) -> list[DateMention]:
    """The years alone (``years``, sorted, with their ``starts``) inside ``span``: what
    ``mentions_in`` finds there that is a year alone (mentions do not overlap, so the
    first that ends past ``span`` is the last that starts in it)."""
    i = bisect_left(starts, span.start)
    found = []
    while i < len(years) and years[i].span.end <= span.end:
        found.append(years[i])
        i += 1
    return found


def year_uses(f: Facts) -> list[YearUse]:
    """Year-only mentions in prose that state the year's work (statement) or a plan."""
    doc = f.doc
    text = doc.simplified
    out: list[YearUse] = []
    # most paragraphs write no year alone: only the years alone are looked up
    year_only = [d for d in f.date_mentions if d.year is not None and d.month is None]
    if not year_only:
        return out
    year_only_starts = [d.span.start for d in year_only]

    def has_year_only(span: Span) -> bool:
        i = bisect_left(year_only_starts, span.start)
        return i < len(year_only_starts) and year_only_starts[i] < span.end

    def years_in(span: Span) -> list[DateMention]:
        return _years_in(year_only, year_only_starts, span)

    for para, sec in _paragraph_sections(doc, has_year_only):
        if not has_year_only(para.span):
            continue
        for d in years_in(para.span):
            if d.year_span is None:
                continue
            if _in_quotes(text, d.span.start, para.span.start):
                continue
            after = text[d.span.end : min(para.span.end, d.span.end + 6)]
            before = text[max(para.span.start, d.span.start - 12) : d.span.start]
            if d.span.start - para.span.start <= 12:
                before = "\n" + text[para.span.start : d.span.start]
            stop = _CLAUSE_END.search(text, d.span.end, para.span.end)
            clause_end = stop.start() if stop else para.span.end
            clause_start = max(para.span.start, d.span.start - 30)
            prev = (
                _CLAUSE_END.search(text[clause_start : d.span.start][::-1])
                if clause_start < d.span.start
                else None
            )
            if prev:
                clause_start = d.span.start - prev.start()
            window = text[
                max(clause_start, d.span.start - _PLAN_BEFORE) : min(
                    clause_end, d.span.end + _PLAN_AFTER
                )
            ]
            if _PLAN.search(window) or _PLAN_NOUN_AFTER.match(text[d.span.end : clause_end]):
                if not _SPAN_EDGE_AFTER.match(after) and not _SPAN_EDGE_BEFORE.search(before):
                    out.append(YearUse(d, para, "plan", sec))
                continue
            if _WEAK_PLAN.search(text, d.span.end, clause_end):
                continue  # maybe a plan, maybe not: neither a statement nor a plan
            if (
                _NAME_AFTER.match(text, d.span.end, clause_end)
                or _NOT_STATEMENT_AFTER.match(after)
                or _NOT_STATEMENT_BEFORE.search(before)
            ):
                continue
            if not (_CLAUSE_START.search(before) or _SELF_NAME.search(before)):
                continue
            clause = text[clause_start:clause_end]
            if _EXTERNAL.search(clause):
                continue
            problems = bool(_LAST_YEAR_PROBLEMS.search(clause))
            intent = bool(
                _INTENT.search(text, d.span.end, min(clause_end, d.span.end + _INTENT_AFTER))
                or _NEXT_STEP.search(text, clause_start, d.span.start)
            )
            out.append(
                YearUse(d, para, "statement", sec, last_year_problems=problems, intent=intent)
            )
    # headings only name plans ("2016年工作重点"); a heading's year is not read as a statement
    for sec in doc.all_sections():
        h = sec.heading
        if not has_year_only(h.title_span):
            continue
        for d in years_in(h.title_span):
            if _in_quotes(text, d.span.start, h.title_span.start):
                continue
            rest = text[d.span.end : h.title_span.end]
            if _PLAN_NOUN_AFTER.match(rest) or _PLAN.search(
                text, h.title_span.start, h.title_span.end
            ):
                out.append(
                    YearUse(d, document.Paragraph(h.title, h.title_span), "plan", sec, heading=True)
                )
    out.sort(key=lambda u: u.mention.span.start)
    return out
