"""S109 table-shape: the rows or columns of a national table do not match the template."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule


@rule(
    "S109",
    "table-shape",
    Severity.ERROR,
    "表格行列与模板不符",
    "table rows or columns do not match the template",
)
def table_shape(ctx):
    """
    表二、三、四的行和列由模板规定。缺行、多出的数据行、单元格个数不对的行都会报告；
    这样的行不参与勾稽关系核对（不再重复报告）。整张表无法对应模板时只报告一次。

    The rows and columns of tables II, III and IV are fixed by the template.
    Missing rows, extra data rows and rows with the wrong number of cells are
    reported; such rows are left out of the identity checks (no cascade). A
    table that cannot be matched at all is reported once.

    错误示例 / Bad:
        （七）总计 95 0 0 0 0 0 0 0 0 95
    正确示例 / Good:
        （七）总计 95 0 0 0 0 0 95
    """
    for name in ("t2", "t3", "t4", "old"):
        grid = ctx.facts.table_grids.get(name)
        if grid is None:
            continue
        for p in grid.problems:
            yield Issue(Span(p.span.start, min(p.span.end, p.span.start + 200)), p.zh, p.en)
