"""Y202 period-mismatch: the statistics period is not the whole report year."""

from __future__ import annotations

from datetime import date

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule
from gsilint.rules.years._common import _claim, _year


@rule(
    "Y202",
    "period-mismatch",
    Severity.ERROR,
    "统计期限不是报告年度的1月1日至12月31日",
    "the statistics period is not 1 January–31 December of the report year",
)
def period_mismatch(ctx):
    """
    年度报告的统计期限是报告年度的1月1日至12月31日。期限写成别的年份、留空
    （“自 年 月 日至 年 月 日”“自  至  止”）、只写了一端，或者在年底前截止
    （“截止12月15日”“截止到2015年12月15日”），都会少报或错报全年数据。

    The statistics period is the report year's 1 January to 31 December. A
    period of another year, a blank or half-written period, or a cut-off before year end
    ("截止12月15日") misreports the year's figures.

    错误示例 / Bad:
        报告中所列数据统计期限自2024年1月1日起至2024年12月15日止。
    正确示例 / Good:
        报告中所列数据统计期限自2024年1月1日起至2024年12月31日止。
    """
    year = _year(ctx)
    if year is None:
        return
    y = year.value
    period = ctx.facts.statistics_period
    reported: set[int] = set()
    if period is not None:
        if period.blank and period.start is not None:
            yield Issue(
                period.span,
                f"统计期限只写了起始日期，截止日期留空，应为{y}年1月1日至{y}年12月31日",
                f"the statistics period has no end date; it should be {y}-01-01 to {y}-12-31",
            )
        elif period.blank:
            yield Issue(
                period.span,
                f"统计期限留空，应为{y}年1月1日至{y}年12月31日",
                f"the statistics period is left blank; it should be {y}-01-01 to {y}-12-31",
            )
        elif period.start is not None and period.end is not None:
            want_start, want_end = date(y, 1, 1), date(y, 12, 31)
            s, e = period.start.as_date(), period.end.as_date()
            if s is not None and e is not None and (s, e) != (want_start, want_end):
                span = Span(period.start.span.start, period.end.span.end)
                reported.add(period.end.span.start)
                yield Issue(
                    span,
                    f"统计期限为{s.isoformat()}至{e.isoformat()}，应为报告年份{y}年的"
                    f"{want_start.isoformat()}至{want_end.isoformat()}（{_claim(ctx, year)[0]}）",
                    f"the statistics period is {s.isoformat()} to {e.isoformat()}; "
                    f"it should be {want_start.isoformat()} to {want_end.isoformat()} "
                    f"for report year {y} ({_claim(ctx, year)[1]})",
                )
    for c in ctx.facts.period_cutoffs:
        if c.year not in (None, y):
            continue
        if c.day is None:
            yield Issue(
                c.span,
                f"数据截止到11月底，统计期限应到{y}年12月31日",
                f"the figures stop at the end of November; the statistics period runs to {y}-12-31",
            )
            continue
        if c.span.start in reported or c.month < 11 or (c.month, c.day) == (12, 31):
            continue
        shown = f"{y}-{c.month:02d}-{c.day:02d}"
        yield Issue(
            c.span,
            f"数据截止到{c.month}月{c.day}日（{shown}），统计期限应到{y}年12月31日",
            f"the figures stop on {shown}; the statistics period runs to {y}-12-31",
        )
