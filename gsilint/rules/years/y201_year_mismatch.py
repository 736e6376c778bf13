"""Y201 year-mismatch: a statement, the title or the intro names another year than the report's."""

from __future__ import annotations

from gsilint.facts.dates import SOURCE_NAMES
from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.years._common import _claim, _year


@rule(
    "Y201",
    "year-mismatch",
    Severity.ERROR,
    "正文或标题中的年份与报告年份不一致",
    "a statement names a year other than the report year",
)
def year_mismatch(ctx):
    """
    报告只讲一个年度的工作。以年份开头陈述本年度工作或数据的句子（“2017年，我镇主动公开
    政府信息1084条”“本镇2017年没有受理…”）必须写报告年份；标题、网页标题和引言所写的
    年份也必须一致。与往年的比较（“比2015年增长”）、下一年的计划（“2018年，我镇将…”）、
    累计数（“截至…”）、文件名（《…2019年…》）和“于2012年成立”之类不算。提示会同时写出两个
    年份和报告声明其年份的位置（标题、引言……），一看便知是引言错了还是正文错了——常见于
    照搬上一年报告只改了部分年份。

    A report covers one year. A statement of that year's work or data that
    opens with a year, or names it after the body's own name, must name the
    report year; the title, the page header and the introduction must agree.
    Comparisons, next-year plans, cumulative figures, document names and
    dates of past events are not mismatches. The message names both years
    and where the report states its year.

    错误示例 / Bad:
        2023年，我区在政府网站平台主动发布各类政府信息2428条。
    正确示例 / Good:
        2024年，我区在政府网站平台主动发布各类政府信息2428条。
    """  # noqa: E501 (an example line is kept whole)
    year = _year(ctx)
    if year is None:
        return
    claim_zh, claim_en = _claim(ctx, year)
    for other in year.disagreements:
        zh, en = SOURCE_NAMES[other.source]
        yield Issue(
            other.span,
            f"{zh}写的是{other.value}年，但{claim_zh}写的是{year.value}年",
            f"{en} says {other.value} but {claim_en} says {year.value}",
            related=((year.span, f"报告年份{year.value}年", f"report year {year.value}"),)
            if year.source != "config"
            else (),
        )
    if year.source == "body":
        return  # the year is only the body's majority: no claim to hold statements against
    claims = {e.span for e in year.evidence if e.source != "body"}
    for use in ctx.facts.year_uses:
        d = use.mention
        if use.kind != "statement" or d.year == year.value or d.year_span in claims:
            continue
        yield Issue(
            d.year_span,
            f"此处陈述的是{d.year}年的工作，但报告年份是{year.value}年（{claim_zh}）",
            f"this statement is about {d.year}, but the report year is {year.value} ({claim_en})",
            related=((year.span, f"报告年份{year.value}年", f"report year {year.value}"),)
            if year.source != "config"
            else (),
        )
