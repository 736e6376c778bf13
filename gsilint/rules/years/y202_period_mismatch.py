"""Y202 period-mismatch: the statistics period is not the whole report year."""

from __future__ import annotations

from datetime import date

import regex

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule
from gsilint.rules.years._common import _claim, _year

_CUTOFF = regex.compile(r"(?:截止|截至)(?:到|至)?[ \t\u3000]*$")
#: "截至11月底" / "截止到2015年11月末": a month-end cut-off (a month, no day).
_CUTOFF_MONTH_END = regex.compile(
    r"(?:截止|截至)(?:到|至)?[ \t\u3000]*(?:((?:19|20)\d\d)[ \t\u3000]*年[ \t\u3000]*)?"
    r"(11|十一)[ \t\u3000]*月[ \t\u3000]*(?:底|末)"
)


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
    （“自 年 月 日至 年 月 日”），或者在年底前截止（“截止12月15日”“截止到2015年12月15日”），
    都会少报或错报全年数据。

    The statistics period is the report year's 1 January to 31 December. A
    period of another year, a blank period, or a cut-off before year end
    ("截止12月15日") misreports the year's figures.

    错误示例 / Bad (2015 report):
        截止到2015年12月15日，我镇政府主动公开信息56条。
    正确示例 / Good:
        本报告所列数据统计期限自2015年1月1日至2015年12月31日。
    """
    year = _year(ctx)
    if year is None:
        return
    y = year.value
    period = ctx.facts.statistics_period
    reported: set[int] = set()
    if period is not None:
        if period.blank:
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
    text = ctx.doc.simplified
    for d in ctx.facts.date_mentions:
        if d.month is None or d.day is None or not d.valid or d.span.start in reported:
            continue
        if d.year not in (None, y) or d.month < 11 or (d.month, d.day) == (12, 31):
            continue
        if not _CUTOFF.search(text, max(0, d.span.start - 6), d.span.start):
            continue
        shown = f"{y}-{d.month:02d}-{d.day:02d}"
        yield Issue(
            d.span,
            f"数据截止到{d.month}月{d.day}日（{shown}），统计期限应到{y}年12月31日",
            f"the figures stop on {shown}; the statistics period runs to {y}-12-31",
        )
    for m in _CUTOFF_MONTH_END.finditer(text):
        if m.group(1) and int(m.group(1)) != y:
            continue
        start = m.start(1) if m.group(1) else m.start(2)
        yield Issue(
            Span(start, m.end()),
            f"数据截止到11月底，统计期限应到{y}年12月31日",
            f"the figures stop at the end of November; the statistics period runs to {y}-12-31",
        )
