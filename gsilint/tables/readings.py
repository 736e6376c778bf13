"""Rows of a crawler copy that dropped repeated adjacent lines: the readings the layout allows.

A crawler that keeps one line per table cell but drops a line equal to the
one before prints a run of equal cells once (an all-zero row as a single
``0``). A row with ``k`` numbers for ``n`` columns then has one reading per
way of cutting the ``n`` columns into ``k`` runs, each run taking one number.
The row's own identities (table 三: 总计 = the applicant columns; table 四:
each group's 总计 = its results) choose among them:

- the cells on which every surviving reading agrees are known;
- the others are not checkable (the grid leaves them out; E004 says why);
- when no reading survives, the row is inconsistent under every reading of
  the layout: that is a proven error, reported as such.

The same copies break a number over two lines ("1" / "62" for 162): a row
with more numbers than columns is read by joining adjacent numbers
(:func:`read_split`), the identities choosing as above.
"""

from __future__ import annotations

import itertools

from gsilint import document
from gsilint.records import dataclass
from gsilint.tables.spec import ColSpec, FormatSpec
from gsilint.tables.values import read_value


@dataclass(frozen=True, slots=True)
class Reading:
    """What the identities leave of a collapsed row."""

    #: column index → the cell it takes, where every surviving reading agrees
    known: dict[int, document.Cell]
    #: how many readings the layout allows, and how many the identities keep
    allowed: int
    kept: int
    #: the identities (by name) that fail when no reading satisfies them all: those
    #: that fail under every reading, else every one that fails under some reading
    broken: tuple[str, ...] = ()
    #: the rule code (A303–A306) of the first of them
    rule: str = ""


def _groups(k: int, n: int):
    """Every cut of ``k`` cells into ``n`` non-empty consecutive groups, as (start, end) pairs."""
    for cuts in itertools.combinations(range(1, k), n - 1):
        bounds = (0, *cuts, k)
        yield tuple((bounds[i], bounds[i + 1]) for i in range(n))


def _joined(cells: list[document.Cell], a: int, b: int) -> document.Cell | None:
    """Cells ``a:b`` read as one number broken over lines; None if they cannot be one."""
    if b - a == 1:
        return cells[a]
    parts = [c.text.strip() for c in cells[a:b]]
    if not all(p.isdigit() for p in parts) or parts[0].startswith("0"):
        return None
    return document.Cell("".join(parts), cells[a].span.cover(cells[b - 1].span))


def read_split(cells: list[document.Cell], cols: tuple[ColSpec, ...], identities) -> Reading:
    """The readings of ``cells`` (more than ``cols``) as numbers broken over lines."""
    options = []
    for groups in _groups(len(cells), len(cols)):
        joined = [_joined(cells, a, b) for a, b in groups]
        if all(c is not None for c in joined):
            options.append(joined)
    return _choose(options, cols, identities)


def _runs(k: int, n: int):
    """Every cut of ``n`` columns into ``k`` non-empty runs, as the cell index per column."""
    for cuts in itertools.combinations(range(1, n), k - 1):
        bounds = (0, *cuts, n)
        yield tuple(i for i in range(k) for _ in range(bounds[i + 1] - bounds[i]))


#: (id of the format, table) → (the format, its row identities); the entry holds the
#: format, so its id stays its own while the entry is kept
_ROW_IDENTITIES: dict[tuple[int, str], tuple[FormatSpec, tuple]] = {}


def row_identities(fmt: FormatSpec, table: str) -> tuple:
    """The identities of ``table`` whose operands are the columns of one row (picked once
    per format: every lossy row asks)."""
    entry = _ROW_IDENTITIES.get((id(fmt), table))
    if entry is None:
        found = tuple(i for i in fmt.identities if i.table == table and i.each in ("row", "none"))
        entry = _ROW_IDENTITIES[(id(fmt), table)] = (fmt, found)
    return entry[1]


def _holds(ident, value_of) -> bool:
    lhs = [value_of(k) for k in ident.lhs]
    rhs = [value_of(k) for k in ident.rhs]
    if any(v is None for v in lhs + rhs):
        return True  # not evaluable: it does not choose
    if getattr(ident, "relation", "eq") == "ge":
        return sum(lhs) >= sum(rhs)
    return sum(lhs) == sum(rhs)


#: (cell texts, id of the columns, ids of the identities) → (the columns and the
#: identities, the :class:`Reading` of the cells, each known cell given as its index among
#: them). The entry holds the columns and identities themselves, so their ids stay theirs
#: while it is kept.
_COLLAPSED: dict[tuple, tuple[tuple, dict[int, int], Reading]] = {}


def read_collapsed(cells: list[document.Cell], cols: tuple[ColSpec, ...], identities) -> Reading:
    """The readings of ``cells`` (fewer than ``cols``) that the identities allow.

    The answer depends only on the cells' texts, the columns and the identities, and the
    same rows (an all-zero row printed as one "0") come back report after report: it is
    worked out once per texts and kept for the process.
    """
    identities = tuple(identities)
    memo = (tuple([c.text for c in cells]), id(cols), tuple(map(id, identities)))
    entry = _COLLAPSED.get(memo)
    if entry is None:
        if len(_COLLAPSED) > 50_000:
            _COLLAPSED.clear()
        reading = _collapsed(cells, cols, identities)
        index = {id(c): i for i, c in enumerate(cells)}
        known = {j: index[id(c)] for j, c in reading.known.items()}
        entry = _COLLAPSED[memo] = ((cols, identities), known, reading)
    _, known, reading = entry
    return Reading(
        {j: cells[i] for j, i in known.items()},
        reading.allowed,
        reading.kept,
        reading.broken,
        reading.rule,
    )


def _collapsed(cells: list[document.Cell], cols: tuple[ColSpec, ...], identities) -> Reading:
    options = [[cells[i] for i in reading] for reading in _runs(len(cells), len(cols))]
    return _choose(options, cols, identities)


def _choose(options: list[list[document.Cell]], cols: tuple[ColSpec, ...], identities) -> Reading:
    """Keep the readings (a cell per column) under which every identity holds."""
    index = {c.key: j for j, c in enumerate(cols)}
    allowed = kept = 0
    agree: dict[int, document.Cell] | None = None
    failing: dict[str, object] = {}
    always: set[str] | None = None
    for reading in options:
        allowed += 1
        values = [read_value(cell.text, col.kind) for cell, col in zip(reading, cols)]

        def value_of(key, values=values):
            v, reported, problem = values[index[key]]
            return v if reported and problem is None else None

        broken = [i for i in identities if not _holds(i, value_of)]
        if broken:
            failing.update((i.name, i) for i in broken)
            names = {i.name for i in broken}
            always = names if always is None else always & names
            continue
        always = set()
        kept += 1
        if agree is None:
            agree = dict(enumerate(reading))
        else:
            agree = {j: c for j, c in agree.items() if c.text.strip() == reading[j].text.strip()}
    if not kept:
        names = [n for n in failing if n in always] if always else list(failing)
        rule = failing[names[0]].rule if names else ""
        return Reading({}, allowed, 0, tuple(sorted(names)), rule)
    return Reading(agree or {}, allowed, kept)
