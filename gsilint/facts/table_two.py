"""Fact ``table_two_gaps``: cells of table 二 that hold no usable number.

The national format wants a number in every cell of table 二 (0 when there
is nothing). The mapped grid (:mod:`gsilint.facts.tables`) says "not
reported" for "/", "—" and blank cells and leaves out rows it could not
read; this fact names each such cell once, so a rule can say what is wrong
with it instead of the row silently dropping out of every check:

- ``not_reported``: "/", "—" or a blank cell in a row that has other values,
  or a row whose label stands with no value at all;
- ``not_number``: a word where a count belongs ("若干", "多件", "不详"), in a
  row the mapper could not read because of it;
- ``negative``: a negative 收费金额 (amount).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import regex

from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.tables.spec import table_format

if TYPE_CHECKING:
    from gsilint.facts import Facts

#: What a reporter writes instead of a count.
_WORDS = lazy(
    r"若干件?|不详|未统计|不明|数件|[约近]\d+[余多]?件?|\d+[余多]件?|[一二三四五六七八九十百千万两]+件?"
)
_SPLIT = lazy(r"[\t|｜]+|\s{2,}")


@dataclass(frozen=True, slots=True)
class TableTwoGap:
    """One cell of table 二 without a usable number: which row and column, why, and where."""

    row: str
    #: column key, or "" when the row's cells cannot be told apart
    column: str
    kind: str  # not_reported | not_number | negative
    text: str
    span: Span


def table_two_gaps(f: Facts) -> list[TableTwoGap]:
    """Cells of table 二 holding "/", a blank, a word or a negative amount (module docstring)."""
    grid = f.t2
    if grid is None or grid.glued:
        return []
    out: list[TableTwoGap] = []
    lost = {r for p in (*grid.lost, *grid.broken) for r in p.rows}
    for (row, col), cell in grid.cells.items():
        if row in lost:
            continue
        if not cell.reported:
            out.append(TableTwoGap(row, col, "not_reported", cell.text, cell.span))
        elif isinstance(cell.value, Decimal) and cell.value < 0:
            out.append(TableTwoGap(row, col, "negative", cell.text, cell.span))
    text = f.doc.simplified
    for problem in grid.problems:
        for row in problem.rows:
            if row in lost:
                continue
            line = text[problem.span.start : problem.span.end]
            cells = [c.strip() for c in _SPLIT.split(line)][1:]
            base = problem.span.start
            for c in cells:
                if c and _WORDS.fullmatch(c):
                    at = base + line.index(c)
                    out.append(TableTwoGap(row, "", "not_number", c, Span(at, at + len(c))))
    # a row whose label stands alone in the table: every cell blank
    spec = table_format(grid.layout).t2
    region = text[grid.span.start : grid.span.end]
    for r in spec.rows:
        if r.key in grid.row_spans or r.key in lost:
            continue
        m = regex.search(rf"(?m)^[ \t]*{regex.escape(r.label)}[ \t|｜]*$", region)
        if m:
            at = grid.span.start + m.start() + (len(m.group()) - len(m.group().lstrip()))
            out.append(TableTwoGap(r.key, "", "not_reported", "", Span(at, at + len(r.label))))
    out.sort(key=lambda g: g.span.start)
    return out
