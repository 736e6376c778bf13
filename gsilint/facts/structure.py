"""Structure facts: the outline, which heading is which required section,
the parts the intro declares, heading numbering and the closing block.

Headings that are really table content (a row label such as "（一）予以公开"
left outside its table by a flattened copy, or a label followed by its numbers)
are not outline headings: :func:`is_row_like` keeps them out of every fact.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from gsilint import document
from gsilint.facts import Facts, fact
from gsilint.normalize import norm_label
from gsilint.positions import Span
from gsilint.templates import SectionSpec, topic_of

_ROW_TITLE = regex.compile(
    r"^(?:本年新收|上年结转|本年度办理结果|结转下年度|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计$)"
)
_TRAILING_NUMBERS = regex.compile(r"(?:\d{3,}|(?:\s+[+\-]?\d+(?:\.\d+)?){2,})\s*$")


def is_row_like(sec: document.Section) -> bool:
    """A numbered line that is a table row label, not a heading."""
    title = sec.title.strip()
    return not title or bool(_ROW_TITLE.match(title)) or bool(_TRAILING_NUMBERS.search(title))


def outline_sections(doc: document.Document) -> list[document.Section]:
    """Every heading's section in document order, table row labels left out."""
    return [s for s in doc.all_sections() if not is_row_like(s)]


@fact("top_sections")
def top_sections(f: Facts) -> list[document.Section]:
    """Level-1 sections (一、二、…) in order."""
    return [s for s in f.doc.sections if s.level == 1 and not is_row_like(s)]


def _assign(
    specs: tuple[SectionSpec, ...], sections: list[document.Section]
) -> dict[str, document.Section]:
    """Spec key → the first section matching it; exact wording is assigned first."""
    out: dict[str, document.Section] = {}
    used: set[int] = set()
    for exact in (True, False):
        for spec in specs:
            if spec.key in out:
                continue
            for sec in sections:
                if id(sec) in used:
                    continue
                if spec.exact(sec.title) if exact else spec.matches(sec.title):
                    out[spec.key] = sec
                    used.add(id(sec))
                    break
    return out


@fact("section_matches", show=False)
def section_matches(f: Facts) -> dict[str, document.Section]:
    """Template section key → the level-1 section whose heading matches it."""
    return _assign(f.template.sections, f.top_sections)


@dataclass(frozen=True)
class Coverage:
    """How a template topic is covered: by a heading, by a statement, or not."""

    key: str
    title: str
    required: bool
    heading: document.Section | None = None
    statement: Span | None = None

    @property
    def covered(self) -> bool:
        return self.heading is not None or self.statement is not None


@fact("topic_coverage")
def topic_coverage(f: Facts) -> list[Coverage]:
    """Each template section and what covers it.

    National formats: the level-1 heading matching it. The 2008 template: a
    heading at any level, else a body statement matching one of the section's
    ``statements`` patterns outside the intro's declaration of parts.
    """
    tpl = f.template
    if tpl.id != "2008":
        m = f.section_matches
        return [Coverage(s.key, s.title, s.required, m.get(s.key)) for s in tpl.sections]
    # outer headings first: "六、…存在的主要问题及改进情况" before its "（一）存在的主要问题："
    heads: dict[str, document.Section] = {}
    secs = outline_sections(f.doc)
    for level in sorted({sec.level for sec in secs}):
        rest = tuple(sp for sp in tpl.sections if sp.key not in heads)
        heads.update(_assign(rest, [sec for sec in secs if sec.level == level]))
    declared = f.declared_parts
    skip = declared.span if declared else None
    text = f.doc.simplified
    out = []
    for spec in tpl.sections:
        stmt = None
        if spec.key not in heads:
            for rx in spec.statement_patterns:
                for m in rx.finditer(text):
                    if skip and m.start() < skip.end and m.end() > skip.start:
                        continue
                    stmt = Span(m.start(), m.end())
                    break
                if stmt:
                    break
        out.append(Coverage(spec.key, spec.title, spec.required, heads.get(spec.key), stmt))
    return out


# -- declared parts -----------------------------------------------------------

_DECLARATION = regex.compile(
    r"(?:由|包括|包含|分为)\s*(?P<list>(?:(?!由|包括|包含|分为)[^。；;！？])*?)\s*(?:等|共|计)?\s*"
    r"(?P<n>[一二三四五六七八九十两]|\d{1,2})\s*个?\s*部\s*分"
)
#: the subject of a declaration: "本报告由…", "全文由…", "年报由…", "报告全文包括…"
_DECLARER = regex.compile(r"(?:报告|年报|全文|本文|正文)[^。；;！？]{0,6}$")
_SEP = regex.compile(r"\s*(?:[、，,；;]|以及)\s*")
#: a part name ends like a heading: "…情况", "…措施", "概述", "…统计表"
_NAME_END = regex.compile(
    r"(?:情况|措施|事项|概述|统计表|附表|附件|问题|建设|管理|方面|工作|保障)$"
)
_CN_NUM = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}


@dataclass(frozen=True)
class DeclaredPart:
    name: str
    span: Span
    #: template topic the name is about (overview, proactive, …), if any
    topic: str | None = None


@dataclass(frozen=True)
class DeclaredParts:
    """The intro's "全文由…等五部分组成": the count and the names, with places."""

    count: int
    count_span: Span
    parts: tuple[DeclaredPart, ...]
    #: the whole declaration
    span: Span

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parts)


def _split_names(text: str, start: int) -> list[tuple[int, int]]:
    """Name spans (absolute) of a declared list; fragments that do not end like
    a name ("因…申请行政复议" + "提起行政诉讼的情况") are joined to the next."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _SEP.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    # "…改进情况和政府信息公开情况统计表": split at 和/及 between two whole names
    split: list[tuple[int, int]] = []
    for a, b in pieces:
        frag = text[a:b]
        cut = None
        for m in regex.finditer(r"和", frag):
            left, right = frag[: m.start()], frag[m.end() :]
            if (
                _NAME_END.search(norm_label(left))
                and _NAME_END.search(norm_label(right))
                and len(norm_label(right)) >= 6
            ):
                cut = m
        if cut is not None:
            split.append((a, a + cut.start()))
            split.append((a + cut.end(), b))
        else:
            split.append((a, b))
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for i, (a, b) in enumerate(split):
        frag = norm_label(text[a:b])
        if not frag:
            continue
        s = a if carry is None else carry
        if not _NAME_END.search(frag) and i < len(split) - 1:
            carry = s
            continue
        merged.append((start + s, start + b))
        carry = None
    return merged


def _intro_paragraphs(doc: document.Document) -> list[document.Paragraph]:
    """The paragraphs before the first heading, else the first few of the body."""
    intro = [b for b in doc.preamble if isinstance(b, document.Paragraph)]
    if not intro:
        intro = []
        for p in doc.paragraphs():
            intro.append(p)
            if len(intro) >= 3:
                break
    return intro[:6]


@fact("declared_parts")
def declared_parts(f: Facts) -> DeclaredParts | None:
    """The parts the intro declares ("全文由概述、…等五部分组成"), if it does."""
    doc = f.doc
    for para in _intro_paragraphs(doc):
        s = doc.slice(para.span)
        for m in _DECLARATION.finditer(s):
            if not _DECLARER.search(s, max(0, m.start() - 12), m.start()):
                continue
            body = m.group("list")
            if not _SEP.search(body):
                continue
            n = m.group("n")
            count = int(n) if n.isdigit() else _CN_NUM.get(n)
            if not count or count < 2:
                continue
            base = para.span.start + m.start("list")
            parts = tuple(
                DeclaredPart(doc.text[a:b], Span(a, b), topic_of(doc.simplified[a:b], f.template))
                for a, b in _split_names(body, base)
            )
            if len(parts) < 2:
                continue
            return DeclaredParts(
                count,
                Span(para.span.start + m.start("n"), para.span.start + m.end("n")),
                parts,
                Span(para.span.start + m.start(), para.span.start + m.end()),
            )
    return None


# -- numbering ----------------------------------------------------------------


@dataclass(frozen=True)
class NumberingIssue:
    """A break in the numbering of sibling headings of one mark style.

    ``kind``: ``gap`` (（二）→（四）: ``missing`` lists the skipped numbers),
    ``restart`` (back to 1), ``repeat`` (the same number twice) or ``back``
    (a smaller number). ``previous`` is the sibling before; for a restart,
    ``resumed`` is the later heading that continues the numbering from before
    the restart (一、总体情况 → 一、二、三 → 二、主动公开…).
    """

    kind: str
    heading: document.Heading
    previous: document.Heading
    missing: tuple[int, ...] = ()
    resumed: document.Heading | None = None


def _siblings(doc: document.Document):
    yield doc.sections
    for sec in doc.all_sections():
        kids = list(sec.sections())
        if kids:
            yield kids


_DEEP = ("num", "paren_num", "circled")
_CN_DIGIT = "〇一二三四五六七八九十"
_LEAD_IN = regex.compile(r"[：:]\s*$")


def _cn_numeral(n: int) -> str:
    if n <= 10:
        return _CN_DIGIT[n]
    return ("" if n < 20 else _CN_DIGIT[n // 10]) + "十" + (_CN_DIGIT[n % 10] if n % 10 else "")


def _mark_pattern(style: str, n: int) -> regex.Pattern:
    """How number ``n`` of a mark style can be written inline."""
    if style == "cn":
        return regex.compile(_cn_numeral(n) + "[、．]")
    if style == "paren_cn":
        return regex.compile("[（(]" + _cn_numeral(n) + "[）)]")
    if style == "num":
        return regex.compile(rf"(?<![0-9０-９.．]){n}(?:、|[.．](?![0-9]))")
    if style == "paren_num":
        return regex.compile(rf"[（(]{n}[）)]")
    return regex.compile(regex.escape(chr(ord("①") + n - 1)) if 1 <= n <= 20 else "(?!)")


def _prose_spans(doc: document.Document) -> list[Span]:
    """Paragraphs, heading titles and run-on bodies in document order (no tables)."""
    out: list[Span] = []
    for node in doc.walk():
        if isinstance(node, document.Paragraph):
            out.append(node.span)
        elif isinstance(node, document.Section):
            out.append(node.heading.title_span)
            if node.heading.body is not None:
                out.append(node.heading.body.span)
    return out


def _prose_between(prose: list[Span], doc: document.Document, start: int, end: int) -> str:
    """The prose text in [start, end), table cells left out ("三、本年度办理结果")."""
    i = bisect.bisect_left([sp.end for sp in prose], start + 1)
    parts = []
    while i < len(prose) and prose[i].start < end:
        sp = prose[i]
        parts.append(doc.simplified[max(sp.start, start) : min(sp.end, end)])
        i += 1
    return "\n".join(parts)


def _check_run(
    heads: list[document.Heading], doc: document.Document, before: dict[int, str], prose: list[Span]
) -> list[NumberingIssue]:
    out: list[NumberingIssue] = []
    lead_ins: set[int] = set()
    prev: document.Heading | None = None
    #: the heading before the last restart, and the issue reporting it
    outer: tuple[document.Heading, int] | None = None
    for h in heads:
        n = h.mark.number
        if prev is None:
            prev = h
            continue
        p = prev.mark.number
        style = h.mark.style
        if n == p + 1:
            pass
        elif n > p + 1:
            # a flattened copy keeps items after "；" inline: "2.甲；3.乙。4.丙" → not a gap
            between = _prose_between(prose, doc, prev.span.start, h.span.start)
            missing = tuple(
                k for k in range(p + 1, n) if not _mark_pattern(style, k).search(between)
            )
            if missing:
                out.append(NumberingIssue("gap", h, prev, missing))
        elif n == 1:
            # a new list after a lead-in ("改进措施：") or a second list of items
            # under one heading is not a restart; an embedded list is (below)
            out.append(NumberingIssue("restart", h, prev))
            outer = (prev, len(out) - 1)
            if _LEAD_IN.search(before.get(id(h), "")):
                lead_ins.add(id(h))
        elif outer is not None and n == outer[0].mark.number + 1:
            # the numbering from before the restart goes on: the restarted
            # run was an embedded list of subsections (one finding, not two)
            i = outer[1]
            r = out[i]
            out[i] = NumberingIssue(r.kind, r.heading, r.previous, r.missing, h)
            outer = None
        elif n == p:
            out.append(NumberingIssue("repeat", h, prev))
        else:
            out.append(NumberingIssue("back", h, prev))
        prev = h
    # deep lists (1. （1） ①) often start again under one heading, and a list
    # may start again after a lead-in ("改进措施："): such a restart is reported
    # only when the outer numbering resumes after it (an embedded list)
    return [
        i
        for i in out
        if not (
            i.kind == "restart"
            and i.resumed is None
            and (i.heading.mark.style in _DEEP or id(i.heading) in lead_ins)
        )
    ]


def _text_before_headings(doc: document.Document) -> dict[int, str]:
    """Heading id → the text of the block just before it (for lead-ins)."""
    out: dict[int, str] = {}
    last = ""
    for node in doc.walk():
        if isinstance(node, document.Section):
            out[id(node.heading)] = last
            h = node.heading
            last = h.body.text if h.body is not None else h.title
        elif isinstance(node, document.Paragraph):
            last = node.text
        elif isinstance(node, document.Table):
            last = ""
    return out


@fact("numbering_issues")
def numbering_issues(f: Facts) -> list[NumberingIssue]:
    """Gaps, restarts and repeats in the numbering of sibling headings.

    Siblings are grouped by mark style (一、 / （一） / 1. / （1） / ①); table row
    labels are left out. A list that does not start at 1 is not reported (its
    first item is often run into the parent heading of a flattened copy), nor
    a skipped number written inline before the next heading, nor a new list
    after a lead-in ending with "：".
    """
    out: list[NumberingIssue] = []
    before = _text_before_headings(f.doc)
    prose = _prose_spans(f.doc)
    for sibs in _siblings(f.doc):
        by_style: dict[str, list[document.Heading]] = {}
        for sec in sibs:
            if is_row_like(sec) or sec.heading.mark.number is None:
                continue
            by_style.setdefault(sec.heading.mark.style, []).append(sec.heading)
        for heads in by_style.values():
            out.extend(_check_run(heads, f.doc, before, prose))
    out.sort(key=lambda i: i.heading.span.start)
    return out


# -- closing ------------------------------------------------------------------

_DATE = (
    r"(?:(?:19|20)\d\d|[〇○零OＯ一二][〇○零OＯ一二三四五六七八九]{3})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日"
)
#: a signature date run into a flattened page: "…日常化。 平潭县人民政府 2013年1月16日 附件1："
_INLINE_CLOSING = regex.compile(
    r"(?:^|(?<=[。！\s]))(?:(?P<org>[^\s。，,；;：:]{2,40}?)\s+)?(?P<date>"
    + _DATE
    + r")(?=\s*(?:附件|附表|\S{0,40}统计表|\Z))"
)


@dataclass(frozen=True)
class ClosingInfo:
    """The signature block: organisation and date (either may be missing)."""

    span: Span
    organisation: Span | None
    date: Span | None
    #: "block" (the parser's closing block) or "inline" (found in flattened text)
    source: str = "block"


@fact("closing_block")
def closing_block(f: Facts) -> ClosingInfo | None:
    """The closing (organisation, date), or None when the report has none."""
    doc = f.doc
    c = doc.closing
    if c is not None and (c.organisation or c.date):
        return ClosingInfo(
            c.span,
            c.organisation.span if c.organisation else None,
            c.date.span if c.date else None,
            "block",
        )
    # A flattened copy keeps the signature inside the last line(s), before the
    # attachments: look after the start of the last level-1 section.
    tops = f.top_sections
    start = tops[-1].heading.span.start if tops else 0
    last = None
    for m in _INLINE_CLOSING.finditer(doc.simplified, start):
        last = m
    if last is None:
        return c and ClosingInfo(c.span, None, None, "block")
    org = Span(last.start("org"), last.end("org")) if last.group("org") else None
    if org is not None and not regex.search(
        r"(?:政府|委员会|管委会|办公室|办公厅|局|厅|委|院|中心|街道|镇|乡|部)$", last.group("org")
    ):
        org = None
    return ClosingInfo(
        Span(last.start(), last.end()), org, Span(last.start("date"), last.end("date")), "inline"
    )


def has_content(sec: document.Section) -> bool:
    """Text, a table or a titled subsection under a heading."""
    if sec.heading.body is not None and sec.heading.body.text.strip():
        return True
    for child in sec.children:
        if isinstance(child, document.Section):
            # a numbered item is content too ("1、政府信息主动公开的成效有待提升。")
            if child.title.strip() or has_content(child):
                return True
        elif isinstance(child, document.Table):
            return True
        elif isinstance(child, document.Paragraph) and child.text.strip():
            return True
    return False
