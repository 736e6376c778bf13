"""Heading numbering: gaps, restarts, repeats and steps back among sibling headings."""

from __future__ import annotations

import bisect
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from gsilint import document
from gsilint.facts.outline import is_row_like
from gsilint.numerals import write_cn
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.vocabulary import MARK_STYLES, STYLES

if TYPE_CHECKING:
    from gsilint.facts import Facts


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


#: mark styles of deep lists (1. （1） ①): below the two Chinese-numbered levels
_DEEP = tuple(s.name for s in MARK_STYLES if s.rank >= 3)
_LEAD_IN = lazy(r"[：:]\s*$")


def _mark_pattern(style: str, n: int) -> regex.Pattern:
    """How number ``n`` of a mark style can be written inline."""
    if style in ("cn", "paren_cn"):
        return regex.compile(STYLES[style].template.replace("{n}", write_cn(n)))
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


class _Surroundings:
    """What a run of headings may need to know about the text around them, read from
    the document on first use (most runs have no gap and no restart)."""

    def __init__(self, doc: document.Document) -> None:
        self.doc = doc

    @cached_property
    def before(self) -> dict[int, str]:
        return _text_before_headings(self.doc)

    @cached_property
    def prose(self) -> list[Span]:
        return _prose_spans(self.doc)


def _check_run(heads: list[document.Heading], around: _Surroundings) -> list[NumberingIssue]:
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
            between = _prose_between(around.prose, around.doc, prev.span.start, h.span.start)
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
            if _LEAD_IN.search(around.before.get(id(h), "")):
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


def numbering_issues(f: Facts) -> list[NumberingIssue]:
    """Gaps, restarts and repeats in the numbering of sibling headings.

    Siblings are grouped by mark style (一、 / （一） / 1. / （1） / ①); table row
    labels are left out. A list that does not start at 1 is not reported (its
    first item is often run into the parent heading of a flattened copy), nor
    a skipped number written inline before the next heading, nor a new list
    after a lead-in ending with "：".
    """
    out: list[NumberingIssue] = []
    around = _Surroundings(f.doc)
    for sibs in _siblings(f.doc):
        by_style: dict[str, list[document.Heading]] = {}
        for sec in sibs:
            if is_row_like(sec) or sec.heading.mark.number is None:
                continue
            by_style.setdefault(sec.heading.mark.style, []).append(sec.heading)
        for heads in by_style.values():
            out.extend(_check_run(heads, around))
    out.sort(key=lambda i: i.heading.span.start)
    return out
