"""A308 not-evaluable: identities skipped because the cells they need are not reported."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.arithmetic._common import _TABLE_EN, _TABLE_ZH, _cell_name, _related


@rule(
    "A308",
    "not-evaluable",
    Severity.INFO,
    "单元格未填报，勾稽关系无法核对",
    "identities skipped because cells are not reported",
)
def not_evaluable(ctx):
    """
    空白、“/”、“—”、“-”、“无”表示未填报，不等于 0。需要这些单元格的勾稽关系无法核对：
    每张表只提示一次，列出无法核对的关系数和未填报的单元格，不作为错误。

    A blank, "/", "—", "-" or "无" cell is not reported, which is not zero.
    The identities that need such a cell cannot be evaluated; this is said
    once per table (how many were skipped, which cells are blank), never as
    an error.

    错误示例 / Bad:
        （一）予以公开 50 / / / / / 50
    正确示例 / Good:
        （一）予以公开 50 0 0 0 0 0 50
    """
    for name, (grid, checks, _) in ctx.facts.table_checks.items():
        skipped = [c for c in checks if c.status == "not_evaluable"]
        if not skipped:
            continue
        blanks = []
        for c in skipped:
            for k in c.not_reported:
                if k not in blanks:
                    blanks.append(k)
        first = grid.value(*blanks[0])
        names = "、".join(_cell_name(grid, k) for k in blanks[:4]) + (
            "等" if len(blanks) > 4 else ""
        )
        yield Issue(
            first.span,
            f"{_TABLE_ZH[name]}有 {len(blanks)} 个单元格未填报（{names}），"
            f"{len(skipped)} 项勾稽关系无法核对",
            f"{_TABLE_EN[name]} has {len(blanks)} cell(s) not reported; "
            f"{len(skipped)} identity check(s) cannot be evaluated",
            related=_related(grid, blanks[:20]),
        )
