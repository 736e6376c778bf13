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


def _within_last_digit(part: Decimal, base: Decimal, printed: Decimal, decimals: int) -> bool:
    """The printed share is less than one unit of its last digit from the exact value: cut off
    instead of rounded (35/805 = 4.348% printed 4.34%), or rounded the wrong way."""
    exact = part * Decimal(100) / base
    return abs(exact - printed) < Decimal(1).scaleb(-decimals)


def _other_base(ctx, b, p):
    """A count of the same paragraph (or the breakdown's other parts) of which the share is right:
    the share was computed against the wrong total ("11.42%" = 4041/35382, not 4041/43953)."""
    if p.share.decimals < 1:
        return None  # whole percentages match too many counts by chance
    sents = ctx.facts.sentences
    para = next((s.paragraph for s in sents if s.span.start <= p.span.start < s.span.end), None)
    pool = [*b.parts] + [
        q for s in sents if s.paragraph == para for q in s.quantities if q.is_count
    ]
    seen = set()
    for q in pool:
        if q.span in seen or q.span in (p.span, b.total.span) or q.unit != p.unit:
            continue
        seen.add(q.span)
        if q.approximate or q.value <= p.value:
            continue
        if share_matches(p.value, q.value, p.share.value, p.share.decimals):
            return q
    return None


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
    （35/805 = 4.348%，保留两位应为4.35%）。只检查总数明确的列表；列表中有两个以上
    占比时，至少要有一个与总数相符才检查其余的，以免把以其他基数计算的占比（“较去年
    回落12.3%”“占全市的x%”）误报。与正确值相差不到末位一个单位（4.34%对4.35%，截断
    而非四舍五入）只是警告；占比恰好等于该分项除以同段另一个数时，消息指出可能用错了
    基数（“11.42%”= 4041/35382，而非4041/43953）。

    A share printed after a count ("N件，占x%", "N件（x%）") must equal the part
    divided by the total, rounded half up to the printed decimals (35/805 =
    4.348%: "4.35%" at two decimals). Only lists with a known total are
    checked, and when a list prints two or more shares at least one must match
    the total before the others are judged — so shares of another base are not
    reported. A share less than one unit of its last digit off (4.34% for
    4.35%: cut off instead of rounded) is only a warning; a share that is the
    part divided by another count of the paragraph is said to be computed
    against the wrong total.

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
            where_zh = f"（分项“{_short_label(p)}”，总数“{_short_label(b.total)}”）"
            where_en = f"(part '{_short_label(p)}', total '{_short_label(b.total)}')"
            severity = None
            hint_zh = hint_en = ""
            related = [
                (p.span, f"分项：{_short_label(p)}{_q(p)}", f"part: {_short_label(p)} {_q(p)}"),
                (
                    b.total.span,
                    f"总数：{_short_label(b.total)}{_q(b.total)}",
                    f"total: {_short_label(b.total)} {_q(b.total)}",
                ),
            ]
            if _within_last_digit(p.value, total, p.share.value, p.share.decimals):
                severity = Severity.WARNING
                hint_zh = "，差在末位的舍入（应四舍五入）"
                hint_en = " — a rounding slip in the last digit (round half up)"
            elif (other := _other_base(ctx, b, p)) is not None:
                hint_zh = (
                    f"；{_fmt(p.share.value)}%恰是{p.text}/{_fmt(other.value)}"
                    f"（“{_short_label(other)}”），是否用错了基数？"
                )
                hint_en = (
                    f"; {_fmt(p.share.value)}% is {p.text}/{_fmt(other.value)} "
                    f"('{_short_label(other)}'): computed against the wrong total?"
                )
                related.append(
                    (
                        other.span,
                        f"另一基数：{_short_label(other)}{_q(other)}",
                        f"other base: {_short_label(other)} {_q(other)}",
                    )
                )
            yield Issue(
                p.share.span,
                f"占比不符：{p.text}/{_fmt(total)} = {want:f}%，报告为{_fmt(p.share.value)}%，"
                f"相差{_fmt(abs(diff))}个百分点{where_zh}{hint_zh}",
                f"share mismatch: {p.text}/{_fmt(total)} = {want:f}%, "
                f"reported {_fmt(p.share.value)}%, {_fmt(abs(diff))} points apart "
                f"{where_en}{hint_en}",
                related=tuple(related),
                severity=severity,
            )
