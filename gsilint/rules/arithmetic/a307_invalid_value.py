"""A307 invalid-value: a count in a national table is not a non-negative integer."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.arithmetic._common import _TABLE_EN, _TABLE_ZH, _cell_name

_PROBLEM = {
    "negative": ("是负数", "is negative"),
    "fraction": ("不是整数", "is not a whole number"),
    "percent": ("是百分比而不是件数", "is a percentage, not a count"),
    "not_number": ("不是数字", "is not a number"),
}


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
    收费金额可有小数）。负数、小数、百分比都是填报错误；相关勾稽关系不再核对。

    Counts in tables II, III and IV must be non-negative integers (the 2019
    "本年增/减" change may be signed, amounts may have decimals). A negative,
    fractional or percentage count is a data-entry error; identities that use
    it are not checked.

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
            yield Issue(
                cell.span,
                f"{_TABLE_ZH[name]}“{_cell_name(grid, (row, col))}”的值“{cell.text}”{zh}，"
                "件数应为非负整数",
                f"{_TABLE_EN[name]} {row} × {col} value '{cell.text}' {en}; "
                "counts are non-negative integers",
            )
