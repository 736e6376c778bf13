"""A304 results-total: a column of table III whose (7) total is not the sum of the results."""

from __future__ import annotations

from gsilint.findings import Severity
from gsilint.rules import rule
from gsilint.rules.arithmetic._common import _identity_findings


@rule(
    "A304",
    "results-total",
    Severity.ERROR,
    "表三（七）总计不等于各办理结果之和",
    "table III (7) total is not the sum of the results",
)
def results_total(ctx):
    """
    表三每一列的“（七）总计”必须等于全部办理结果叶子行之和：（一）予以公开、（二）部分公开、
    （三）不予公开 1–8、（四）无法提供 1–3、（五）不予处理 1–5、（六）其他处理（2021 年格式
    分 1–3 三行，共 21 项；2019 年格式为一行，共 19 项）。

    In every column of table III, (7) total must equal the sum of all result
    leaf rows: (1), (2), (3) 1–8, (4) 1–3, (5) 1–5 and (6) (three rows in the
    2021 format, 21 leaves; one row in the 2019 format, 19 leaves).

    网页抓取副本丢了单元格边界（数字粘连、相同单元格被合并）时，若该版式允许的每一种读法下
    此勾稽关系都不成立，也按此规则报告，并说明“每一种读法下都是错的”。

    When a crawler copy lost the cell boundaries (glued digits, merged equal
    cells) and the identity fails under every reading the layout allows, it
    is reported here too, saying so.

    错误示例 / Bad:
        （一）予以公开 51 0 0 0 0 0 51
    正确示例 / Good:
        （一）予以公开 50 0 0 0 0 0 50
    """
    yield from _identity_findings(ctx, "A304")
