"""Helpers shared by the A rules.

Numbers stated in the prose (A301, A302, A309): how a quantity is shown in a message and the
tolerance its printed decimals allow. Counts are compared exactly; amounts with decimals within
the printed precision.

The national tables (A303–A308): the names of their cells in messages, and the findings of a
failed identity (the 勾稽关系 of ``rules/tables/*.toml``, evaluated by
:mod:`gsilint.tables.identities`).
"""

from __future__ import annotations

from decimal import Decimal

from gsilint.facts.quantities import Quantity, quote_label
from gsilint.findings import Issue
from gsilint.tables.spec import table_spec
from gsilint.vocabulary import STYLES

# -- numbers stated in the prose ------------------------------------------------


def _fmt(v: Decimal) -> str:
    v = v.normalize() if v == v.to_integral_value() else v
    return f"{v:f}"


def _q(q: Quantity) -> str:
    return f"{q.text}{q.unit}"


def _short_label(q: Quantity, n: int = 16) -> str:
    return quote_label(q.label, n)


def _half_units(qs: list[Quantity]) -> Decimal:
    return sum(
        (Decimal(5) / (Decimal(10) ** (q.decimals + 1)) for q in qs if q.decimals), Decimal(0)
    )


# -- the national tables ------------------------------------------------------

_TABLE_ZH = {"t2": "表二", "t3": "表三", "t4": "表四", "old": "统计表"}
_TABLE_EN = {"t2": "table II", "t3": "table III", "t4": "table IV", "old": "statistics table"}


def _group_mark(table, group: str) -> str:
    """The mark of a result group's title: "（三）" for "（三）不予公开"."""
    title = table.group_title(group)
    m = STYLES["paren_cn"].reader.match(title) if title else None
    return m.group(0) if m else ""


def _row_name(grid, key: str) -> str:
    """A row as messages name it: its short label, a leaf row with its group's mark."""
    table = table_spec(grid.name, grid.layout)
    row = table.row(key)
    if row is None:
        return key
    parts = key.split(".")
    if grid.name == "t3" and len(parts) == 4:
        return _group_mark(table, parts[2]) + row.quoted
    return row.quoted


def _col_name(grid, key: str, row: str | None = None) -> str:
    spec = table_spec(grid.name, grid.layout)
    cols = spec.columns
    if not cols and row is not None:  # table 二: columns per row
        rs = spec.row(row)
        cols = rs.columns if rs else ()
    col = next((c for c in cols if c.key == key), None)
    return col.label if col else key


def _cell_name(grid, k) -> str:
    if grid.name == "t4":
        return _col_name(grid, k[1])
    return f"{_row_name(grid, k[0])}·{_col_name(grid, k[1], k[0])}"


def _related(grid, keys):
    out = []
    for k in keys:
        c = grid.value(*k)
        if c is None:
            continue
        shown = c.text if c.reported else "未填报"
        name = _cell_name(grid, k)
        out.append(
            (
                c.span,
                f"{name} = {shown}",
                f"{name} = {c.text if c.reported else 'not reported'}",
            )
        )
    return tuple(out)


def _side(grid, keys, total, name_zh, name_en):
    vals = [str(grid.value(*k).value) for k in keys]
    if 1 < len(keys) <= 6:
        return (
            f"{name_zh} = {' + '.join(vals)} = {total}",
            f"{name_en} = {' + '.join(vals)} = {total}",
        )
    return f"{name_zh} = {total}", f"{name_en} = {total}"


def _scope(grid, chk) -> tuple[str, str]:
    t_zh, t_en = _TABLE_ZH[grid.name], _TABLE_EN[grid.name]
    if chk.spec.each == "column":
        # the statutory labels are Chinese: English messages quote them as printed
        col = _col_name(grid, chk.instance)
        return f"{t_zh}“{col}”列", f"{t_en} column “{col}”"
    if chk.spec.each == "row":
        row = _row_name(grid, chk.instance)
        return f"{t_zh}“{row}”行", f"{t_en} row “{row}”"
    return t_zh, t_en


def _split(name: str) -> tuple[str, str, str]:
    """'行政复议：总计 = a + b' → ('行政复议', '总计', 'a + b'); also 'a ≥ b'."""
    head = ""
    for sep in ("：", ": "):
        if sep in name:
            head, name = name.split(sep, 1)
            break
    left, _, right = name.partition(" ≥ " if " ≥ " in name else " = ")
    return head, left, right


def _identity_findings(ctx, code: str):
    for grid, checks, where in ctx.facts.table_checks.values():
        for i, chk in enumerate(checks):
            if chk.status != "fail" or chk.spec.rule != code:
                continue
            cell = grid.value(*where[i])
            head_zh, l_zh, r_zh = _split(chk.spec.name)
            head_en, l_en, r_en = _split(chk.spec.name_en)
            lz, le = _side(grid, chk.lhs, chk.lhs_sum, l_zh, l_en)
            rz, re_ = _side(grid, chk.rhs, chk.rhs_sum, r_zh, r_en)
            sz, se = _scope(grid, chk)
            if head_zh:
                sz, se = f"{sz} {head_zh}", f"{se} ({head_en})"
            if chk.spec.relation == "ge":  # a part larger than its whole
                zh = f"{sz}：部分大于整体，{rz}，大于 {lz}，多 {chk.difference}"
                en = (
                    f"{se}: a part is larger than its whole, {re_} exceeds {le} by {chk.difference}"
                )
            else:
                zh = f"{sz}：{lz}，但 {rz}，相差 {chk.difference}"
                en = f"{se}: {le}, but {re_}, difference {chk.difference}"
            yield Issue(cell.span, zh, en, related=_related(grid, chk.operands))
    # a table or row of a lossy layout (glued digits, merged cells) that no reading
    # makes consistent: the identity fails whatever the layout lost
    for name in ("t2", "t3", "t4"):
        grid = getattr(ctx.facts, name)
        for p in grid.broken if grid is not None else ():
            if p.rule == code:
                yield Issue(p.span, p.zh, p.en)
