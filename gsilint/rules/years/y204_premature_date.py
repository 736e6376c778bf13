"""Y204 premature-date: signed or published before the statistics period ended."""

from __future__ import annotations

from datetime import date

from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.years._common import _KIND_NAMES, _dated_lines, _year


@rule(
    "Y204",
    "premature-date",
    Severity.WARNING,
    "落款或发布日期早于统计期限结束",
    "signed or published before the statistics period ended",
)
def premature_date(ctx):
    """
    年度报告总结的是整个报告年度，只能在次年签发、发布。落款或发布日期在报告年度
    12月31日之前，说明日期写错了，或者报告在年度结束前就写好、数据不全。

    A report on year Y can only be signed and published in Y+1. A date before
    Y-12-31 is a wrong date or a report written before the year ended.

    错误示例 / Bad:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        淮安市洪泽区人民政府办公室
        2024年12月15日
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        淮安市洪泽区人民政府办公室
        2025年1月15日
    """
    year = _year(ctx)
    if year is None:
        return
    end = date(year.value, 12, 31)
    for dl in _dated_lines(ctx):
        when = dl.date.as_date()
        if when > end:
            continue
        zh, en = _KIND_NAMES[dl.kind]
        yield Issue(
            dl.span,
            f"{zh}{when.isoformat()}早于{year.value}年度统计期限结束（{end.isoformat()}）",
            f"{en} {when.isoformat()} is before the {year.value} period ended ({end.isoformat()})",
        )
