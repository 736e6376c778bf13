"""Evaluate the 勾稽关系 of ``rules/tables/*.toml`` on mapped grids.

An identity ``sum(lhs) = sum(rhs)`` is checked once per column
(``each = "column"``: operands are row keys), once per row (``each = "row"``:
operands are column keys) or once (``each = "none"``: operands are column
keys of the table's single row). Each instance is a :class:`Check`:

- ``ok`` — it holds; ``fail`` — it does not (A303–A306);
- ``not_evaluable`` — an operand is not reported (blank, "/", "—"…: A308);
- ``skipped`` — an operand's row is missing or unreadable (S109 says so) or
  its value is invalid (A307 says so): nothing more is reported.

:func:`locate` picks where a failure is reported: the operand shared by the
most failing checks of the table (a single wrong cell breaks every identity
that contains it and only those, so that cell is found), else the identity's
``at`` operand (the total).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from gsilint.tables.grid import CellValue, Grid
from gsilint.tables.spec import IdentitySpec, identities_of

Key = tuple[str, str]


@dataclass
class Check:
    spec: IdentitySpec
    #: the column (each=column) or row (each=row) the instance is for, else ""
    instance: str
    lhs: list[Key]
    rhs: list[Key]
    at: Key
    status: str = "ok"
    lhs_sum: int = 0
    rhs_sum: int = 0
    not_reported: list[Key] = field(default_factory=list)

    @property
    def operands(self) -> list[Key]:
        return self.lhs + self.rhs

    @property
    def difference(self) -> int:
        return abs(self.lhs_sum - self.rhs_sum)


def _instances(spec: IdentitySpec, grid: Grid):
    if spec.each == "column":
        for col in grid.columns:
            yield col, [(r, col) for r in spec.lhs], [(r, col) for r in spec.rhs], (spec.at, col)
    elif spec.each == "row":
        for row in grid.rows:
            yield row, [(row, c) for c in spec.lhs], [(row, c) for c in spec.rhs], (row, spec.at)
    else:
        row = grid.rows[0]
        yield "", [(row, c) for c in spec.lhs], [(row, c) for c in spec.rhs], (row, spec.at)


def _applies(spec: IdentitySpec, grid: Grid) -> bool:
    printed = grid.row_spans
    return all(k in printed for k in spec.when) and not any(k in printed for k in spec.unless)


def _printed(keys: list[Key], grid: Grid) -> list[Key]:
    return [k for k in keys if k[0] in grid.row_spans]


def evaluate(grid: Grid) -> list[Check]:
    """Every identity instance of the grid's table, with its status."""
    get = grid.cells.get
    checks = []
    for spec in identities_of(grid.name, grid.layout):
        if not _applies(spec, grid):
            continue
        for inst, lhs, rhs, at in _instances(spec, grid):
            if spec.printed_only:  # the table's own breakdown: rows it does not print are left out
                lhs, rhs = _printed(lhs, grid), _printed(rhs, grid)
                if not lhs or not rhs:
                    continue
            chk = Check(spec, inst, lhs, rhs, at)
            cells: list[CellValue | None] = [get(k) for k in chk.operands]
            if any(c is None or (c.reported and not c.usable) for c in cells):
                chk.status = "skipped"
            else:
                chk.not_reported = [k for k, c in zip(chk.operands, cells) if not c.reported]
                if chk.not_reported:
                    chk.status = "not_evaluable"
                else:
                    n = len(lhs)
                    chk.lhs_sum = sum(c.value for c in cells[:n])
                    chk.rhs_sum = sum(c.value for c in cells[n:])
                    holds = (
                        chk.lhs_sum >= chk.rhs_sum
                        if spec.relation == "ge"
                        else chk.lhs_sum == chk.rhs_sum
                    )
                    chk.status = "ok" if holds else "fail"
            checks.append(chk)
    return checks


def locate(checks: list[Check]) -> dict[int, Key]:
    """For each failing check (by index), the cell to report it at."""
    failing = [(i, c) for i, c in enumerate(checks) if c.status == "fail"]
    counts = Counter(k for _, c in failing for k in set(c.operands))
    out = {}
    for i, c in failing:
        best = max(counts[k] for k in c.operands)
        top = [k for k in c.operands if counts[k] == best]
        out[i] = top[0] if best > 1 and len(set(top)) == 1 else c.at
    return out
