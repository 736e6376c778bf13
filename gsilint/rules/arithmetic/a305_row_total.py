"""A305 row-total: a row of table III whose total is not the sum of its applicant columns."""

from __future__ import annotations

from gsilint.findings import Severity
from gsilint.rules import rule
from gsilint.rules.arithmetic._common import _identity_findings


@rule(
    "A305",
    "row-total",
    Severity.ERROR,
    "表三某行总计不等于各类申请人之和",
    "a table III row total is not the sum of its applicant columns",
)
def row_total(ctx):
    """
    表三每一行的“总计”必须等于“自然人”与五类“法人或其他组织”（商业企业、科研机构、
    社会公益组织、法律服务机构、其他）之和。

    In every row of table III, the total column must equal natural persons
    plus the five organisation columns (commercial, research, public
    interest, legal service, other).

    网页抓取副本丢了单元格边界（数字粘连、相同单元格被合并）时，若该版式允许的每一种读法下
    此勾稽关系都不成立，也按此规则报告，并说明“每一种读法下都是错的”。

    When a crawler copy lost the cell boundaries (glued digits, merged equal
    cells) and the identity fails under every reading the layout allows, it
    is reported here too, saying so.

    错误示例 / Bad:
        （一）予以公开 50 0 0 0 0 0 51
    正确示例 / Good:
        （一）予以公开 50 0 0 0 0 0 50
    """
    yield from _identity_findings(ctx, "A305")
