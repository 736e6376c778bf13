"""A303 table-identity: in a column of table III, I + II is not (7) total + IV; in the old
statistics table, a total is not the sum of its breakdown."""

from __future__ import annotations

from gsilint.findings import Severity
from gsilint.rules import rule
from gsilint.rules.arithmetic._common import _identity_findings


@rule(
    "A303",
    "table-identity",
    Severity.ERROR,
    "表格勾稽关系不成立：表三一 + 二 ≠ （七）总计 + 四，或旧版统计表总数 ≠ 分项之和",
    "table identity fails: table III I + II ≠ (7) total + IV, or an old table total ≠ its parts",
)
def table_identity(ctx):
    """
    表三左上角印明本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和，即每一列
    “一、本年新收” + “二、上年结转” = “（七）总计” + “四、结转下年度继续办理”。不成立时在
    出错的单元格（通常是总计）报告，列出各项数值与差额，并指向每个相关单元格。

    Table III states its own identity: in every column, I (new this year) +
    II (carried over) = (7) total + IV (carried forward). A failure is
    reported at the cell that breaks it (usually the total) with every
    operand, the two sums and their difference.

    2018 年及以前的旧版“政府信息公开情况统计表”（附表）按行名对应（各省指标不同，不按位置），
    在“本年度”和“历年累计”两列分别核对：各申请渠道（当面、网络、信函（传真）、其他）之和 =
    受理申请总数；同意公开 + 同意部分公开 + 否决公开 + 其他类型 = 答复总数；否决公开的各项理由
    之和 = 否决公开答复总数；其他类型各项之和 = 其他类型答复数；列有“其他方式公开数”时，
    政府网站 + 政府公报 + 其他方式 = 主动公开文件数。只计表中印出的分项。

    The old statistics table (reports ≤ 2018) is mapped by row label and
    checked in both its 本年度 and 历年累计 columns: channels = requests
    received; granted + partly granted + refused + other kinds = replies;
    the refusal reasons = refused; the other kinds = other replies; website
    + gazette + other ways = published when an "other ways" row is printed.
    Only the rows the table prints are summed.

    网页抓取副本丢了单元格边界（数字粘连、相同单元格被合并）时，若该版式允许的每一种读法下
    此勾稽关系都不成立，也按此规则报告，并说明“每一种读法下都是错的”。

    When a crawler copy lost the cell boundaries (glued digits, merged equal
    cells) and the identity fails under every reading the layout allows, it
    is reported here too, saying so.

    错误示例 / Bad:
        四、结转下年度继续办理 1 0 0 0 0 0 1
    正确示例 / Good:
        一、本年新收政府信息公开申请数量 96 0 0 0 0 0 96
        四、结转下年度继续办理 1 0 0 0 0 0 1
    """  # noqa: E501 (an example line is kept whole)
    yield from _identity_findings(ctx, "A303")
