"""X402 claim-contradiction: a claim in words ("未收到申请", "均获维持") is denied by the tables."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.crosscheck._common import (
    _T4_COL_EN,
    _T4_COL_ZH,
    _T4_EN,
    _T4_ZH,
    _row_total,
    _t3_row,
    _usable,
    related,
)


@rule(
    "X402",
    "claim-contradiction",
    Severity.ERROR,
    "正文的文字表述与表格矛盾",
    "a claim in words is denied by the tables",
)
def claim_contradiction(ctx):
    """
    正文中不带数字的表述也要与表格一致：“未收到政府信息公开申请”而表三“一、本年新收”大于0；
    “未发生行政复议/行政诉讼”而表四相应总计大于0；“均获维持”而表四结果纠正或尚未审结
    大于0；“所有申请均已办理完成”而表三“四、结转下年度继续办理”大于0；“申请…均予以公开”
    而表三有部分公开、不予公开等其他结果；“无不予公开情况”而表三（三）不予公开大于0。
    2018年及以前的报告：“未收到申请”“未发生行政复议/行政诉讼”与统计表本年度数比较。

    Claims in words must agree with the tables: "no requests received" while
    table III row 1 is above 0; "no review / lawsuit" while table IV counts
    some; "all upheld" while table IV has corrected or pending cases; "all
    requests closed" while table III row 4 (carried forward) is above 0; "all
    granted" while table III has partial grants, refusals or other results;
    "none refused" while table III (3) counts refusals. Reports up to 2018:
    "no requests", "no review", "no lawsuit" against the statistics table's
    count for the year.

    错误示例 / Bad:
        本年度未收到政府信息公开申请。
    正确示例 / Good:
        本年度收到政府信息公开申请95件，均已按期答复。
    """
    t3, t4 = ctx.facts.t3, ctx.facts.t4
    for claim in ctx.facts.word_claims:
        if claim.kind == "no_applications" and t3 is not None:
            got = _row_total(t3, "t3.new")
            if got is not None and got.value > 0:
                yield Issue(
                    claim.span,
                    f"正文称“{claim.text}”，"
                    f"但表三“{_t3_row('t3.new', t3.layout).label}”为{got.value}",
                    f"the text says '{claim.text}' (no requests), "
                    f"but table III row 1 (new requests) counts {got.value}",
                    related=related(got.operands),
                )
        elif claim.kind in ("no_review", "no_litigation") and t4 is not None:
            groups = (
                ("review",) if claim.kind == "no_review" else ("direct_suit", "suit_after_review")
            )
            cells = [(g, t4.value("t4.cases", f"{g}.total")) for g in groups]
            if all(_usable(c) for _, c in cells) and sum(c.value for _, c in cells) > 0:
                n = sum(c.value for _, c in cells)
                what_zh = "行政复议" if claim.kind == "no_review" else "行政诉讼"
                yield Issue(
                    claim.span,
                    f"正文称“{claim.text}”（无{what_zh}），但表四{what_zh}总计为{n}",
                    f"the text says '{claim.text}' (none), but table IV counts {n} "
                    f"{'reviews' if claim.kind == 'no_review' else 'lawsuits'}",
                    related=tuple(
                        (
                            c.span,
                            f"表四 {_T4_ZH[g]}总计 = {c.value}",
                            f"table IV {_T4_EN[g]}, total = {c.value}",
                        )
                        for g, c in cells
                    ),
                )
        elif claim.kind == "all_upheld" and t4 is not None:
            groups = [
                g
                for grp in claim.groups
                for g in (("review",) if grp == "review" else ("direct_suit", "suit_after_review"))
            ]
            bad = []
            for g in groups:
                for col in ("corrected", "pending"):
                    c = t4.value("t4.cases", f"{g}.{col}")
                    if _usable(c) and c.value > 0:
                        bad.append((g, col, c))
            if bad:
                lst = "，".join(f"{_T4_ZH[g]}{_T4_COL_ZH[col]}{c.value}" for g, col, c in bad)
                yield Issue(
                    claim.span,
                    f"正文称“{claim.text}”，但表四有{lst}",
                    f"the text says '{claim.text}' (all upheld), but table IV has "
                    + ", ".join(f"{_T4_EN[g]} {_T4_COL_EN[col]} {c.value}" for g, col, c in bad),
                    related=tuple(
                        (
                            c.span,
                            f"表四 {_T4_ZH[g]}{_T4_COL_ZH[col]} = {c.value}",
                            f"table IV {_T4_EN[g]}, {_T4_COL_EN[col]} = {c.value}",
                        )
                        for g, col, c in bad
                    ),
                )
        elif claim.kind == "all_closed" and t3 is not None:
            got = _row_total(t3, "t3.carry_forward")
            if got is None:
                continue
            if got.value > 0:
                yield Issue(
                    claim.span,
                    f"正文称“{claim.text}”，"
                    f"但表三“{_t3_row('t3.carry_forward', t3.layout).label}”为{got.value}",
                    f"the text says '{claim.text}' (all closed), "
                    f"but table III row 4 carries {got.value} forward",
                    related=related(got.operands),
                )
        elif claim.kind in ("all_granted", "no_refusal") and t3 is not None:
            yield from _results_denied(t3, claim)
    if t3 is None and t4 is None:
        yield from _old_table_denies(ctx)


#: claims in words the old statistics table (up to 2018) can deny: its row, its name
_OLD_DENIES = {
    "no_applications": ("old.requests", "受理申请总数", "requests accepted"),
    "no_review": ("old.review", "行政复议数", "administrative reviews"),
    "no_litigation": ("old.litigation", "行政诉讼数", "lawsuits"),
}


def _old_table_denies(ctx):
    """ "未收到政府信息公开申请" while the old statistics table counts some this year."""
    grid = getattr(ctx.facts, "old_table", None)
    if grid is None:
        return
    for claim in ctx.facts.word_claims:
        if claim.kind not in _OLD_DENIES:
            continue
        row, zh, en = _OLD_DENIES[claim.kind]
        cell = grid.value(row, "year")
        if not _usable(cell) or cell.value == 0:
            continue
        yield Issue(
            claim.span,
            f"正文称“{claim.text}”，但统计表“{zh}”本年度为{cell.value}",
            f"the text says '{claim.text}' (none), but the statistics table counts "
            f"{cell.value} {en} this year",
            related=((cell.span, f"统计表“{zh}”本年度 = {cell.value}", f"{en} = {cell.value}"),),
        )


#: result rows that deny "all granted" (anything but （一）予以公开) and "none refused"
_NOT_GRANTED = ("partial", "refused", "unable", "not_processed", "other")


def _results_denied(t3, claim):
    groups = _NOT_GRANTED if claim.kind == "all_granted" else ("refused",)
    found = []
    for g in groups:
        rows = [k for k in t3.rows if k == f"t3.results.{g}" or k.startswith(f"t3.results.{g}.")]
        for row in rows:
            got = _row_total(t3, row)
            if got is not None and got.value > 0:
                found.append(got)
    if not found:
        return
    n = sum(g.value for g in found)
    what_zh = "不予公开" if claim.kind == "no_refusal" else "予以公开以外的办理结果"
    what_en = "refusals" if claim.kind == "no_refusal" else "results other than granted"
    yield Issue(
        claim.span,
        f"正文称“{claim.text}”，但表三{what_zh}共{n}件",
        f"the text says '{claim.text}', but table III counts {n} {what_en}",
        related=related(o for g in found for o in g.operands),
    )
