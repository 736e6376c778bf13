"""A307 invalid-value: a count in a national table is not a non-negative integer."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.arithmetic._common import _TABLE_EN, _TABLE_ZH, _cell_name, _col_name, _row_name

_PROBLEM = {
    "negative": ("是负数", "is negative"),
    "fraction": ("不是整数", "is not a whole number"),
    "percent": ("是百分比而不是件数", "is a percentage, not a count"),
    "not_number": ("不是数字", "is not a number"),
}


def _where(grid, row: str, col: str) -> tuple[str, str]:
    """A cell as messages name it: "“行政处罚·本年处理决定数量”" / "row '行政处罚', column '…'"."""
    if col:
        name = _cell_name(grid, (row, col))
        r, c = _row_name(grid, row), _col_name(grid, col, row)
        if grid.name == "t4":
            return f"“{name}”", f"column '{c}'"
        return f"“{name}”", f"row '{r}', column '{c}'"
    r = _row_name(grid, row)
    return f"“{r}”一行", f"row '{r}'"


@rule(
    "A307",
    "invalid-value",
    Severity.ERROR,
    "表格件数不是非负整数",
    "a table count is not a non-negative integer",
)
def invalid_value(ctx):
    """
    表二、三、四中的件数必须是非负整数（表二 2019 年格式的“本年增/减”可带正负号，
    收费金额可有小数但不能为负）。负数、小数、百分比、文字（“若干”）都是填报错误；
    相关勾稽关系不再核对。表二的每一格都应填数字（没有的填0）：“/”、“—”或空白
    以警告报告，因为正文中的数字无法与它核对。

    Counts in tables II, III and IV must be non-negative integers (the 2019
    "本年增/减" change may be signed, amounts may have decimals but are never
    negative). A negative, fractional or percentage count, or a word
    ("若干") where a count belongs, is a data-entry error; identities that use
    it are not checked. Every cell of table II takes a number (0 for none): a
    "/", "—" or blank there is a warning, as the text cannot be checked
    against it.

    错误示例 / Bad:
        2.重复申请 -1 0 0 0 0 0 -1
    正确示例 / Good:
        2.重复申请 0 0 0 0 0 0 0
    """
    for name in ("t2", "t3", "t4", "old"):
        grid = ctx.facts.table_grids.get(name)
        if grid is None:
            continue
        for (row, col), cell in grid.cells.items():
            if cell.problem is None:
                continue
            zh, en = _PROBLEM[cell.problem]
            wz, we = _where(grid, row, col)
            yield Issue(
                cell.span,
                f"{_TABLE_ZH[name]}{wz}的值“{cell.text}”{zh}，件数应为非负整数",
                f"{_TABLE_EN[name]} {we}: the value '{cell.text}' {en}; "
                "counts are non-negative integers",
            )
    grid = ctx.facts.t2
    for gap in ctx.facts.table_two_gaps:
        wz, we = _where(grid, gap.row, gap.column)
        if gap.kind == "not_reported":
            shown = f"“{gap.text}”" if gap.text else "空白"
            yield Issue(
                gap.span,
                f"表二{wz}未填数字（{shown}）：表二每一格都应填数字，没有的填0",
                f"table II {we} holds no number ({gap.text or 'blank'}): every cell of "
                "table II takes a number, 0 for none",
                severity=Severity.WARNING,
            )
        else:
            zh, en = _PROBLEM[gap.kind]
            what = "金额不能为负数" if gap.kind == "negative" else "应填数字"
            yield Issue(
                gap.span,
                f"表二{wz}的值“{gap.text}”{zh}，{what}",
                f"table II {we}: the value '{gap.text}' {en}; "
                + (
                    "amounts are never negative"
                    if gap.kind == "negative"
                    else "a number belongs here"
                ),
            )
