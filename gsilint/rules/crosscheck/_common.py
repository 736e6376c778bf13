"""Helpers shared by the X rules: the table cells they read and how messages name them.

Row labels, group titles and column names come from ``rules/tables/*.toml``; the
English names below are for ``--lang en`` (no template key ever reaches a message).
"""

from __future__ import annotations

from functools import lru_cache

from gsilint.facts.quantities import quote_label
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.tables.spec import RowSpec, format_ids, table_format

#: Rows of table 三 that messages name by the table's own label, not the report's wording.
_NAMED_BY_SPEC = (
    "t3.new",
    "t3.carried_over",
    "t3.results.granted",
    "t3.results.partial",
    "t3.results.total",
    "t3.carry_forward",
)
_FORMATS = tuple(table_format(f) for f in format_ids())
#: Table 三's columns by key (the same in every format).
_COL_ZH = {c.key: c.label for fmt in _FORMATS for c in fmt.t3.columns}
#: Its applicant columns, in the table's order: natural persons, then the five kinds of
#: organisation (every column but the total; from rules/tables, not typed again here).
_APPLICANTS = tuple(c.key for c in _FORMATS[0].t3.columns if c.key != "total")
_COL_EN = {
    "natural_person": "natural persons",
    "commercial": "businesses",
    "research": "research institutions",
    "public_interest": "public-interest organisations",
    "legal_service": "legal-service organisations",
    "other_org": "other organisations",
    "total": "total",
}
#: Table 三's rows in English, by key (leaf rows are named by their group).
_ROW_EN = {
    "t3.new": "row 1 (new requests)",
    "t3.carried_over": "row 2 (carried over from last year)",
    "t3.results.granted": "(1) granted",
    "t3.results.partial": "(2) partly granted",
    "t3.results.total": "(7) total",
    "t3.carry_forward": "row 4 (carried forward)",
}
_GROUP_EN = {
    "refused": "(3) refused",
    "unable": "(4) unable to provide",
    "not_processed": "(5) not processed",
    "other": "(6) other handling",
}
#: Table 四's columns are "group·result" ("行政复议·结果维持"): the two halves by key.
_T4_ZH = {
    c.key.partition(".")[0]: c.label.partition("·")[0] for fmt in _FORMATS for c in fmt.t4.columns
}
_T4_COL_ZH = {
    c.key.partition(".")[2]: c.label.partition("·")[2] for fmt in _FORMATS for c in fmt.t4.columns
}
_T4_EN = {
    "review": "administrative review",
    "direct_suit": "lawsuits filed directly",
    "suit_after_review": "lawsuits after review",
}
_T4_COL_EN = {
    "upheld": "upheld",
    "corrected": "corrected",
    "other": "other result",
    "pending": "pending",
    "total": "total",
}


@dataclass(frozen=True)
class Operand:
    """One table cell a comparison reads: where it is and how messages name it."""

    span: Span
    zh: str
    en: str


@dataclass(frozen=True)
class Sum:
    """The sum of some table cells. ``missing``: cells not reported (blank, "/"): the sum of the
    reported ones is then only a lower bound (counts are never negative)."""

    value: int
    operands: tuple[Operand, ...]
    missing: int = 0


def _t3_row(key: str, layout: str | None = None) -> RowSpec:
    """A row of table 三 in ``layout`` (default: the newest format)."""
    row = table_format(layout or format_ids()[-1]).t3.row(key)
    assert row is not None, key
    return row


def _group_title(group: str, layout: str) -> str:
    """The printed title of a result group of table 三: "（三）不予公开"."""
    title = table_format(layout).t3.group_title(group)
    assert title is not None, group
    return title


def _usable(cell) -> bool:
    return cell is not None and cell.usable and isinstance(cell.value, int)


def _row_en(key: str, grid=None) -> str:
    """A row of table 三 in English: "(3) refused, item 6" for a leaf row."""
    if key in _ROW_EN:
        return _ROW_EN[key]
    parts = key.split(".")
    if len(parts) >= 3 and parts[2] in _GROUP_EN:
        name = _GROUP_EN[parts[2]]
        if len(parts) > 3 and grid is not None:
            item = _items(grid.rows).get(key)
            if item is not None:
                name += f", item {item}"
        return name
    return "a row"


@lru_cache(maxsize=64)
def _items(rows: tuple[str, ...]) -> dict[str, int]:
    """Each row's place (from 1) among the rows of its group (the rows that share the
    key's first three parts): worked out once per table layout, not once per row named."""
    out: dict[str, int] = {}
    counts: dict[str, int] = {}
    for key in rows:
        parts = key.split(".")
        if len(parts) > 3:
            prefix = ".".join(parts[:3]) + "."
            counts[prefix] = counts.get(prefix, 0) + 1
            out.setdefault(key, counts[prefix])
    return out


def _row_sum(grid, row: str, cols: tuple[str, ...] | None = None, bound: bool = False):
    """Sum of ``row`` over ``cols`` (default: the 总计 cell, else the six applicant columns).

    None when a cell is invalid or not mapped, or (unless ``bound``) not reported. With
    ``bound``, not-reported cells are skipped and counted in :attr:`Sum.missing`.
    """
    if row in _NAMED_BY_SPEC:
        name = _t3_row(row, grid.layout).quoted
    else:
        name = grid.row_labels.get(row, row)
    en = f"table III {_row_en(row, grid)}"
    if cols is None:
        c = grid.value(row, "total")
        if _usable(c):
            return Sum(
                c.value,
                (Operand(c.span, f"表三 {name}（总计）= {c.value}", f"{en} (total) = {c.value}"),),
            )
        cols = _APPLICANTS
    cells = [grid.value(row, col) for col in cols]
    if any(c is None or (c.reported and not _usable(c)) for c in cells):
        return None
    missing = sum(1 for c in cells if not c.reported)
    if missing and (not bound or missing == len(cells)):
        return None
    used = [(c, col) for c, col in zip(cells, cols) if c.reported]
    return Sum(
        sum(c.value for c, _ in used),
        tuple(
            Operand(
                c.span,
                f"表三 {name}（{_COL_ZH[col]}）= {c.value}",
                f"{en} ({_COL_EN[col]}) = {c.value}",
            )
            for c, col in used
        ),
        missing,
    )


def _row_total(grid, row: str, cols: tuple[str, ...] | None = None) -> Sum | None:
    """Sum of ``row`` over ``cols`` when every cell it needs is reported."""
    return _row_sum(grid, row, cols)


def related(operands) -> tuple:
    """``related`` locations of a finding: each operand once, in order."""
    seen: set[Span] = set()
    out = []
    for o in operands:
        if o.span in seen:
            continue
        seen.add(o.span)
        out.append((o.span, o.zh, o.en))
    return tuple(out)


def quote(label: str, n: int = 20) -> str:
    """The clause before a number as a message quotes it (see :func:`quote_label`)."""
    return quote_label(label, n)
