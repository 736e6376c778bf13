"""Helpers shared by the X rules: the table cells they read and how messages name them.

Row labels, group titles and column names come from ``rules/tables/*.toml``.
"""

from __future__ import annotations

from gsilint.tables.spec import RowSpec, format_ids, table_format

_APPLICANTS = (
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
)

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
#: Table 四's columns are "group·result" ("行政复议·结果维持"): the two halves by key.
_T4_ZH = {
    c.key.partition(".")[0]: c.label.partition("·")[0] for fmt in _FORMATS for c in fmt.t4.columns
}
_T4_COL_ZH = {
    c.key.partition(".")[2]: c.label.partition("·")[2] for fmt in _FORMATS for c in fmt.t4.columns
}


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


def _row_total(grid, row: str, cols: tuple[str, ...] | None = None):
    """Sum of ``row`` over ``cols`` (default: the 总计 cell, else the six applicant columns)."""
    if row in _NAMED_BY_SPEC:
        name = _t3_row(row, grid.layout).quoted
    else:
        name = grid.row_labels.get(row, row)
    if cols is None:
        c = grid.value(row, "total")
        if _usable(c):
            return c.value, [(c.span, f"表三 {name}（总计）= {c.value}")]
        cols = _APPLICANTS
    cells = [grid.value(row, col) for col in cols]
    if not all(_usable(c) for c in cells):
        return None
    return sum(c.value for c in cells), [
        (c.span, f"表三 {name}（{_COL_ZH[col]}）= {c.value}") for c, col in zip(cells, cols)
    ]
