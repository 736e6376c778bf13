"""A306 review-litigation-total: a group of table IV whose total is not the sum of its results."""

from __future__ import annotations

from gsilint.findings import Severity
from gsilint.rules import rule
from gsilint.rules.arithmetic._common import _identity_findings


@rule(
    "A306",
    "review-litigation-total",
    Severity.ERROR,
    "表四总计不等于各结果之和",
    "a table IV total is not the sum of its results",
)
def review_litigation_total(ctx):
    """
    表四的行政复议、未经复议直接起诉、复议后起诉三组，每组的“总计”必须等于结果维持、
    结果纠正、其他结果、尚未审结四项之和。

    In table IV, for each of the three groups (administrative review, suit
    without review, suit after review), total = upheld + corrected + other
    + pending. Each cell is in only one of these sums, so the cell at fault
    cannot be told apart: the finding is at the group's total and points
    at the four parts. 每个单元格只出现在一个等式中，无法判断哪一格填错，
    因此在该组“总计”处报告，并指向四个分项。

    网页抓取副本丢了单元格边界（数字粘连、相同单元格被合并）时，若该版式允许的每一种读法下
    此勾稽关系都不成立，也按此规则报告，并说明“每一种读法下都是错的”。

    When a crawler copy lost the cell boundaries (glued digits, merged equal
    cells) and the identity fails under every reading the layout allows, it
    is reported here too, saying so.

    错误示例 / Bad:
        1 1 0 0 3 1 0 0 0 1 2 0 1 0 3
    正确示例 / Good:
        1 1 0 0 2 1 0 0 0 1 2 0 1 0 3
    """
    yield from _identity_findings(ctx, "A306")
