"""A301 breakdown-sum: the parts of a total listed in the text do not add up to it."""

from __future__ import annotations

from decimal import Decimal

from gsilint.facts.breakdowns import Breakdown, share_matches
from gsilint.facts.quantities import Quantity
from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.arithmetic._common import _fmt, _half_units, _q, _short_label

#: Operands shown in a message before "…" (all are in ``related``).
_SHOWN = 10


def _sum_expr(parts: tuple[Quantity, ...]) -> str:
    shown = "+".join(p.text for p in parts[:_SHOWN])
    if len(parts) > _SHOWN:
        shown += f"+…（共{len(parts)}项）"
    return shown


def _sum_expr_en(parts: tuple[Quantity, ...]) -> str:
    shown = "+".join(p.text for p in parts[:_SHOWN])
    if len(parts) > _SHOWN:
        shown += f"+… ({len(parts)} parts)"
    return shown


def _part_related(b: Breakdown) -> tuple:
    return tuple(
        (p.span, f"分项：{_short_label(p)}{_q(p)}", f"part: {_short_label(p)} {_q(p)}")
        for p in b.parts
    )


def _nearly_complete(b: Breakdown) -> bool:
    """A list that reads as complete without saying so: every part (at least three) prints its
    share, at least two thirds of the shares are of the total, they add up to 95% or more, and
    nothing calls it partial."""
    shared = [p for p in b.parts if p.share is not None]
    if b.declared_partial or len(shared) < 3 or any(p.share is None and p.value for p in b.parts):
        return False  # a part of 0 may go without a share
    # most shares must be of this total (a share or two may be wrong: sanming 2016 copied
    # 0.78% and 1.56% from the year before)
    hits = sum(
        share_matches(p.value, b.total.value, p.share.value, p.share.decimals) for p in shared
    )
    if hits * 3 < len(shared) * 2:
        return False
    return sum((p.share.value for p in shared), Decimal(0)) >= 95


_WHY_ZH = {
    "其他": "列表含“其他”类，应为全部分项",
    "shares": "各项占比合计为100%，应为全部分项",
    "split": "各项构成完整划分",
    "分别为": "“分别为”列出的应为全部分项",
}
_WHY_EN = {
    "其他": "the list has an 'other' part, so it is complete",
    "shares": "the printed shares add up to 100%, so the list is complete",
    "split": "the parts are a complete split",
    "分别为": "'分别为' lists every part",
}


@rule(
    "A301",
    "breakdown-sum",
    Severity.ERROR,
    "正文中分项之和与总数不符",
    "the listed parts of a total in the text do not add up to it",
)
def breakdown_sum(ctx):
    """
    正文写出总数及其分项（“其中：……”“涉及……”“主要类别有：……”）时，各分项之和
    必须与总数一致。分项之和大于总数一定是错误；分项之和小于总数只在分项已列全时
    才是错误：列表含“其他”类、各项占比合计为100%、或构成完整划分（县直……乡镇……；
    主动公开……依申请公开……不予公开……；自然人……法人……）。只列出“主要类别”的
    部分列表不报告。分项可以跨句列出（“其中，县直单位公开812条，占61%。各乡镇公开
    519条，占39%。”），也可以写在总数后的括号里（“1331条（其中…）”）。其他括号内的数
    （“（含上年结转18件）”）和约数（“5500余条”）不计入。
    如果只有一个分项就大于总数，由 A302 报告。

    When the text gives a total and its parts ("其中：…", "涉及…", "主要类别有：…"),
    the parts must add up to the total. Parts adding up to *more* are always an
    error; parts adding up to *less* only when the list is complete (it has an
    "other" part, its shares add up to 100%, or it is a complete split such as
    county departments + townships). A partial list of main categories is not
    reported. The parts may run on over the next sentences ("其中，县直单位公开
    812条，占61%。各乡镇公开519条，占39%。") or stand in brackets after the
    total ("1331条（其中…）"). Bracketed and approximate numbers are left out. A single part
    larger than the total is A302's.

    分项均印有占比（为0的分项可不印）、至少三分之二的占比与总数相符、合计达95%以上，
    但未列“其他”也未说“主要”时，短少的部分以警告报告：可能漏列，也可能总数有误。

    A list that reads as complete without saying so — every non-zero part
    prints a share, two thirds of them of this total, the shares add up to 95%
    or more, nothing says "main" — and falls short of the total is reported as
    a warning.

    错误示例 / Bad:
        2024年，我区在政府网站平台主动发布各类政府信息2428条，其中：政府文件1200条，通知公告800条，其他信息500条。
    正确示例 / Good:
        2024年，我区在政府网站平台主动发布各类政府信息2428条，其中：政府文件1200条，通知公告800条，其他信息428条。
    """
    for b in ctx.facts.breakdowns:
        if len(b.parts) < 2 or any(p.value > b.total.value for p in b.parts):
            continue
        total = b.total.value
        got = b.parts_sum
        tol = _half_units([b.total, *b.parts])
        diff = got - total
        if diff > tol:
            over = [p for p in b.parts if p.value == diff]
            hint_zh = (
                f"；相差之数恰等于“{_short_label(over[0])}”一项，是否重复计入？"
                if len(over) == 1
                else ""
            )
            hint_en = (
                f"; the difference equals the part '{_short_label(over[0])}' — counted twice?"
                if len(over) == 1
                else ""
            )
            zh = (
                f"分项之和大于总数：{_sum_expr(b.parts)} = {_fmt(got)}，"
                f"而总数“{_short_label(b.total)}”为{_fmt(total)}，多{_fmt(diff)}{hint_zh}"
            )
            en = (
                f"the parts add up to more than the total: {_sum_expr_en(b.parts)} = {_fmt(got)}, "
                f"but the total '{_short_label(b.total)}' is {_fmt(total)}, "
                f"{_fmt(diff)} more{hint_en}"
            )
        elif -diff > tol and b.exhaustive is not None:
            zh = (
                f"分项之和小于总数：{_sum_expr(b.parts)} = {_fmt(got)}，"
                f"而总数“{_short_label(b.total)}”为{_fmt(total)}，少{_fmt(-diff)}（{_WHY_ZH[b.exhaustive]}）"
            )
            en = (
                f"the parts add up to less than the total: {_sum_expr_en(b.parts)} = {_fmt(got)}, "
                f"but the total '{_short_label(b.total)}' is {_fmt(total)}, "
                f"{_fmt(-diff)} less ({_WHY_EN[b.exhaustive]})"
            )
        elif -diff > tol and _nearly_complete(b):
            shares = sum((p.share.value for p in b.parts if p.share is not None), Decimal(0))
            zh = (
                f"分项之和小于总数：{_sum_expr(b.parts)} = {_fmt(got)}，"
                f"而总数“{_short_label(b.total)}”为{_fmt(total)}，"
                f"少{_fmt(-diff)}；各项占比合计{shares:f}%，未列“其他”类——若已列全，则总数或分项有误"
            )
            en = (
                f"the parts add up to less than the total: {_sum_expr_en(b.parts)} = {_fmt(got)}, "
                f"but the total '{_short_label(b.total)}' is {_fmt(total)}, {_fmt(-diff)} less; "
                f"the shares add up to {shares:f}% and no 'other' part is listed — "
                "if the list is complete, the total or a part is wrong"
            )
            yield Issue(b.total.span, zh, en, related=_part_related(b), severity=Severity.WARNING)
            continue
        else:
            continue
        yield Issue(b.total.span, zh, en, related=_part_related(b))
