"""How ``gsilint inspect`` writes a fact value that has a short form of its own.

:func:`summary` is dispatched on the value's type: a quantity, a breakdown,
a claim, a cut-off or a deadline becomes one line; a mapped table becomes
one line per row. ``pos`` turns a span into "line:column" in the original
file. Values without a short form are left to the generic conversion in
:mod:`gsilint.inspection`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import singledispatch
from typing import Any

from gsilint.facts.breakdowns import Breakdown, PartWhole
from gsilint.facts.claims import CountClaim, WordClaim
from gsilint.facts.cutoffs import Cutoff
from gsilint.facts.deadline import PublicationDeadline
from gsilint.facts.declared_parts import PartInBody
from gsilint.facts.quantities import Quantity
from gsilint.positions import Span
from gsilint.tables.grid import Grid

Pos = Callable[[Span], str]


@singledispatch
def summary(value: Any, pos: Pos) -> Any:
    """The short form of ``value``, or None when its type has none."""
    return None


@summary.register
def _quantity(q: Quantity, pos: Pos) -> str:
    """1084条 占5.2% @25:120 «我镇主动公开政府信息» 约"""
    flags = "".join(f" {w}" for w, on in (("约", q.approximate), ("括号内", q.in_parens)) if on)
    share = f" 占{q.share.value}%" if q.share is not None else ""
    return f"{q.text}{q.unit}{share} @{pos(q.span)} «{q.label}»{flags}"


@summary.register
def _breakdown(b: Breakdown, pos: Pos) -> str:
    """1084条 @25:120 «…» vs 43+47+… = 1120 (其中, possibly partial)"""
    parts = "+".join(p.text for p in b.parts)
    how = f"complete: {b.exhaustive}" if b.exhaustive else "possibly partial"
    return (
        f"{b.total.text}{b.total.unit} @{pos(b.total.span)} «{b.total.label}» vs "
        f"{parts} = {b.parts_sum:f} ({b.kind}, {how})"
    )


@summary.register
def _part_whole(pw: PartWhole, pos: Pos) -> str:
    """报送/采用: 36篇 @12:5 / 53篇 @12:20"""
    return (
        f"{pw.relation}: {pw.whole.text}{pw.whole.unit} @{pos(pw.whole.span)} / "
        f"{pw.part.text}{pw.part.unit} @{pos(pw.part.span)}"
    )


@summary.register
def _count_claim(c: CountClaim, pos: Pos) -> str:
    """received = 75 @30:8 «共收到政府信息公开申请»"""
    q = c.quantity
    return f"{c.kind} = {q.text} @{pos(q.span)} «{q.label}»"


@summary.register
def _word_claim(w: WordClaim, pos: Pos) -> str:
    """all_upheld @40:2 «均获维持» (review)"""
    return f"{w.kind} @{pos(w.span)} «{w.text}»" + (f" ({', '.join(w.groups)})" if w.groups else "")


@summary.register
def _cutoff(c: Cutoff, pos: Pos) -> str:
    """2015-12-15 @12:3, or 2015-11 月底 @12:3 for a month-end cut-off (? for no year)"""
    year = c.year if c.year is not None else "?"
    day = f"-{c.day:02d}" if c.day is not None else " 月底"
    return f"{year}-{c.month:02d}{day} @{pos(c.span)}"


@summary.register
def _deadline(d: PublicationDeadline, pos: Pos) -> str:
    """2018-03-31 (government: 2019年条例第四十九条（本级政府）)"""
    return f"{d.date.isoformat()} ({d.body_kind}: {d.law_zh})"


@summary.register
def _part_in_body(p: PartInBody, pos: Pos) -> str:
    """概述 → 一、概述 @9:1 | named @80:3 | not found"""
    if p.section is not None:
        where = f"{p.section.heading.mark.text}{p.section.title} @{pos(p.section.heading.span)}"
    elif p.mention is not None:
        where = f"named @{pos(Span(p.mention, p.mention))}"
    else:
        where = "not found"
    return f"{p.part.name} → {where}"


@summary.register
def _grid(grid: Grid, pos: Pos) -> dict:
    """A mapped table: each template row with its cells as written, and the problems."""
    rows = {}
    for key in grid.rows:
        if key not in grid.row_spans:
            if grid.name != "old":  # the old table's variants print only some of its rows
                rows[key] = "<missing>"
            continue
        cells = []
        for col in grid.columns_of(key):
            c = grid.cells.get((key, col))
            if c is None:
                cells.append("?")
            elif not c.reported:
                cells.append(c.text or "∅")
            else:
                cells.append(c.text if c.problem is None else f"{c.text}!")
        rows[key] = f"{pos(grid.row_spans[key])}  " + " ".join(cells)
    out = {"layout": grid.layout, "at": pos(grid.span), "columns": list(grid.columns), "rows": rows}
    if grid.problems:
        out["problems"] = [f"{pos(p.span)} {p.zh}" for p in grid.problems]
    return out
