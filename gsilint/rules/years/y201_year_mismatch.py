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

    报告年份按证据确定：先看标题和网页标题；没有标题时，由引言、统计期限、各处陈述和
    下一年计划（计划年份算作其前一年）多数决定，写了少数年份的地方（包括引言）各报一处，
    并把多数一方的证据列为相关位置。两种年份证据相当时无法判断，不报。

    A report covers one year. A statement of that year's work or data that
    opens with a year, or names it after the body's own name, must name the
    report year; the title, the page header and the introduction must agree.
    Comparisons, next-year plans, cumulative figures, document names and
    dates of past events are not mismatches. The message names both years
    and where the report states its year.

    The report year is decided by evidence: the title and the page header
    first; without them, the majority of the intro, the statistics period,
    the statements and the plans (a plan counts for the year before it).
    Each place in the minority — the intro included — is one finding, with
    the majority's evidence as related locations. A tie is not reported.

    错误示例 / Bad:
        2023年，我区在政府网站平台主动发布各类政府信息2428条。
    正确示例 / Good:
        2024年，我区在政府网站平台主动发布各类政府信息2428条。
    """  # noqa: E501 (an example line is kept whole)
    year = _year(ctx)
    if year is None:
        return
    claim_zh, claim_en = _claim(ctx, year)
    if year.source == "majority":
        related = _support(ctx, year)
        plans = sum(1 for s in year.support if s.source == "plan")
        stated = sum(1 for s in year.support if s.source != "plan")
        said_zh = f"正文{stated}处陈述写的是{year.value}年" + (
            f"、{plans}处计划写的是{year.value + 1}年" if plans else ""
        )
        said_en = f"{stated} statements in the body name {year.value}" + (
            f" and {plans} plan(s) name {year.value + 1}" if plans else ""
        )
        for other in year.disagreements:
            zh, en = SOURCE_NAMES[other.source]
            yield Issue(
                other.span,
                f"{zh}写的是{other.value}年，但{said_zh}，报告年份应是{year.value}年",
                f"{en} says {other.value}, but {said_en}: the report year is {year.value}",
                related=related,
            )
    else:
        related = (
            ((year.span, f"报告年份{year.value}年", f"report year {year.value}"),)
            if year.source != "config"
            else ()
        )
        for other in year.disagreements:
            zh, en = SOURCE_NAMES[other.source]
            yield Issue(
                other.span,
                f"{zh}写的是{other.value}年，但{claim_zh}写的是{year.value}年",
                f"{en} says {other.value} but {claim_en} says {year.value}",
                related=related,
            )
    if year.source == "body" or year.contested:
        return  # the year is only the body's fallback: no claim to hold statements against
    claims = {e.span for e in year.evidence if e.source != "body"}
    for use in ctx.facts.year_uses:
        d = use.mention
        if use.kind != "statement" or d.year == year.value or d.year_span in claims:
            continue
        if use.last_year_problems and d.year == year.value - 1:
            continue  # last year's problems and how they were fixed
        if use.intent and d.year == year.value + 1:
            continue  # next year's intentions: a plan in any wording
        yield Issue(
            d.year_span,
            f"此处陈述的是{d.year}年的工作，但报告年份是{year.value}年（{claim_zh}）",
            f"this statement is about {d.year}, but the report year is {year.value} ({claim_en})",
            related=related,
        )


#: How many places of the majority a finding lists.
_SUPPORT_SHOWN = 8


def _support(ctx, year):
    """The majority's evidence as related locations (the first few)."""
    out = []
    for s in year.support[:_SUPPORT_SHOWN]:
        zh, en = SOURCE_NAMES[s.source]
        shown = s.value + 1 if s.source == "plan" else s.value
        out.append((s.span, f"{zh}：{shown}年", f"{en}: {shown}"))
    return tuple(out)
