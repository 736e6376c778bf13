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
from collections.abc import Iterator
from dataclasses import field

from gsilint.records import dataclass
from gsilint.tables.grid import CellValue, Grid
from gsilint.tables.spec import IdentitySpec, identities_of

Key = tuple[str, str]


@dataclass(slots=True)
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


def _involves(spec: IdentitySpec, inst: str, grid: Grid, rows: frozenset[str]) -> bool:
    if spec.each == "column":
        return not rows.isdisjoint(spec.lhs) or not rows.isdisjoint(spec.rhs)
    if spec.each == "row":
        return inst in rows
    return grid.rows[0] in rows


#: One identity instance: its spec, instance name, operands (lhs, rhs, both) and ``at``.
#: The operand lists are shared by every Check made from the instance: read them, never
#: change them.
Instance = tuple[IdentitySpec, str, list[Key], list[Key], list[Key], Key]

#: (table, layout, rows, columns, printed rows, involved rows) → the instances to check
_PLANS: dict[tuple, tuple[Instance, ...]] = {}


def plan(grid: Grid, rows: set[str] | frozenset[str] | None = None) -> tuple[Instance, ...]:
    """The identity instances of the grid's table (those involving ``rows``, if given).

    They depend only on the table's shape and on which rows it prints, never on the
    cells, so they are worked out once per shape and kept for the process.
    """
    involved = None if rows is None else frozenset(rows)
    memo = (grid.name, grid.layout, grid.rows, grid.columns, frozenset(grid.row_spans), involved)
    found = _PLANS.get(memo)
    if found is None:
        if len(_PLANS) > 10_000:
            _PLANS.clear()
        found = _PLANS[memo] = tuple(_plan(grid, involved))
    return found


def _plan(grid: Grid, rows: frozenset[str] | None) -> Iterator[Instance]:
    for spec in identities_of(grid.name, grid.layout):
        if not _applies(spec, grid):
            continue
        for inst, lhs, rhs, at in _instances(spec, grid):
            if rows is not None and not _involves(spec, inst, grid, rows):
                continue
            if spec.printed_only:  # the table's own breakdown: rows it does not print are left out
                lhs, rhs = _printed(lhs, grid), _printed(rhs, grid)
                if not lhs or not rhs:
                    continue
            yield spec, inst, lhs, rhs, lhs + rhs, at


def evaluate(grid: Grid) -> list[Check]:
    """Every identity instance of the grid's table, with its status."""
    get = grid.cells.get
    return [_check(instance, get) for instance in plan(grid)]


def fails(instances: tuple[Instance, ...], cells: dict[Key, CellValue]) -> bool:
    """Whether one of ``instances`` (see :func:`plan`) fails on ``cells`` (stops at the
    first): what a search over the readings of some rows asks of each reading."""
    get = cells.get
    for spec, _inst, lhs, rhs, _operands, _at in instances:
        lhs_sum = _usable_sum(lhs, get)
        if lhs_sum is None:
            continue
        rhs_sum = _usable_sum(rhs, get)
        if rhs_sum is not None and not _holds(spec, lhs_sum, rhs_sum):
            return True
    return False


def _usable_sum(keys: list[Key], get):
    """The sum of the values at ``keys`` when every cell there is usable (present,
    reported, valid), else None: one pass, no list of the values."""
    total = 0
    for k in keys:
        c = get(k)
        if c is None or not c.reported or c.problem is not None or c.value is None:
            return None
        total += c.value
    return total


def _not_reported(operands: list[Key], get) -> list[Key] | None:
    """For an instance with an operand that is not usable: the operands not reported, or
    None when one is missing or invalid (then the check is skipped)."""
    not_reported = []
    for k in operands:
        c = get(k)
        if c is None:
            return None
        if c.reported:
            if c.problem is not None or c.value is None:
                return None
        else:
            not_reported.append(k)
    return not_reported


def _holds(spec: IdentitySpec, lhs_sum, rhs_sum) -> bool:
    return lhs_sum >= rhs_sum if spec.relation == "ge" else lhs_sum == rhs_sum


def _check(instance: Instance, get) -> Check:
    spec, inst, lhs, rhs, operands, at = instance
    lhs_sum = _usable_sum(lhs, get)
    rhs_sum = _usable_sum(rhs, get) if lhs_sum is not None else None
    if rhs_sum is not None:  # every operand usable: the identity holds or fails
        status = "ok" if _holds(spec, lhs_sum, rhs_sum) else "fail"
        return Check(spec, inst, lhs, rhs, at, status, lhs_sum, rhs_sum)
    not_reported = _not_reported(operands, get)
    if not_reported is None:
        return Check(spec, inst, lhs, rhs, at, "skipped")
    return Check(spec, inst, lhs, rhs, at, "not_evaluable", not_reported=not_reported)


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
