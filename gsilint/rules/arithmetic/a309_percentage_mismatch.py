"""A309 percentage-mismatch: a printed share does not match its part and whole."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from gsilint.facts.breakdowns import share_matches
from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.arithmetic._common import _fmt, _q, _short_label


def _rounded(part: Decimal, base: Decimal, decimals: int) -> Decimal:
    exact = part * Decimal(100) / base
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


@rule(
    "A309",
    "percentage-mismatch",
    Severity.ERROR,
    "正文中的占比与其数值不符",
    "a printed share does not match its part and whole",
)
def percentage_mismatch(ctx):
    """
    “N件，占x%”或“N件（x%）”中的百分比必须等于分项除以总数，按印出的小数位数四舍五入
    （35/805 = 4.348%，保留两位应为4.35%，印成4.34%即为不符）。只检查总数明确的列表；
    列表中有两个以上占比时，至少要有一个与总数相符才检查其余的，以免把以其他基数
    计算的占比（“较去年回落12.3%”“占全市的x%”）误报。

    A share printed after a count ("N件，占x%", "N件（x%）") must equal the part
    divided by the total, rounded half up to the printed decimals (35/805 =
    4.348%: "4.34%" is wrong at two decimals, "4.35%" is right). Only lists with
    a known total are checked, and when a list prints two or more shares at
    least one must match the total before the others are judged — so shares of
    another base are not reported.

    错误示例 / Bad:
        2024年，我区主动发布各类政府信息2428条，其中政府文件243条，占12.5%。
    正确示例 / Good:
        2024年，我区主动发布各类政府信息2428条，其中政府文件243条，占10%。
    """
    for b in ctx.facts.breakdowns:
        total = b.total.value
        if total <= 0:
            continue
        shared = [p for p in b.parts if p.share is not None]
        if not shared:
            continue
        ok = [share_matches(p.value, total, p.share.value, p.share.decimals) for p in shared]
        if len(shared) >= 2 and not any(ok):
            continue  # the shares are of another base
        for p, good in zip(shared, ok):
            if good:
                continue
            want = _rounded(p.value, total, p.share.decimals)
            diff = p.share.value - want
            yield Issue(
                p.share.span,
                f"占比不符：{p.text}/{_fmt(total)} = {want:f}%，报告为{_fmt(p.share.value)}%，"
                f"相差{_fmt(abs(diff))}个百分点（分项“{_short_label(p)}”，总数“{_short_label(b.total)}”）",
                f"share mismatch: {p.text}/{_fmt(total)} = {want:f}%, "
                f"reported {_fmt(p.share.value)}%, {_fmt(abs(diff))} points apart "
                f"(part '{_short_label(p)}', total '{_short_label(b.total)}')",
                related=(
                    (p.span, f"分项：{_short_label(p)}{_q(p)}", f"part: {_short_label(p)} {_q(p)}"),
                    (
                        b.total.span,
                        f"总数：{_short_label(b.total)}{_q(b.total)}",
                        f"total: {_short_label(b.total)} {_q(b.total)}",
                    ),
                ),
            )
