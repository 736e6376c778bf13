"""Y205 plan-year: a plan names a year other than the year after the report year."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.patterns import lazy
from gsilint.rules import rule
from gsilint.rules.years._common import _claim, _year

_PLAN_SECTION = lazy(r"问题|改进|计划|打算|下一步|思路|展望|工作重点|努力方向|工作安排")


def _in_plan_section(ctx, use) -> bool:
    sec = use.section
    if use.heading or (sec is not None and _PLAN_SECTION.search(sec.title)):
        return True
    for top in ctx.facts.top_sections:
        if top.span.start <= use.mention.span.start < top.span.end:
            return bool(_PLAN_SECTION.search(top.title))
    return False


@rule(
    "Y205",
    "plan-year",
    Severity.WARNING,
    "改进计划写的不是下一年度",
    "a plan names a year other than the next year",
)
def plan_year(ctx):
    """
    “存在的主要问题及改进情况”里的工作计划针对报告年度的下一年（2016年度报告写
    “2017年，我镇将…”）。写成本年度或别的年份，多是照搬往年报告没改年份。

    Plans in the problems and improvements section are for the year after
    the report year. Another year is usually a copied plan.

    错误示例 / Bad:
        2026年，我区将继续扎实推进依申请公开工作。
    正确示例 / Good:
        2025年，我区将继续扎实推进依申请公开工作。
    """
    year = _year(ctx)
    if year is None:
        return
    want = year.value + 1
    claim_zh, claim_en = _claim(ctx, year)
    for use in ctx.facts.year_uses:
        d = use.mention
        if use.kind != "plan" or d.year == want or not _in_plan_section(ctx, use):
            continue
        yield Issue(
            d.year_span,
            f"计划写的是{d.year}年，{year.value}年度报告的计划应是{want}年（报告年份见{claim_zh}）",
            f"the plan is for {d.year}; a {year.value} report plans for {want} "
            f"(report year from {claim_en})",
        )
