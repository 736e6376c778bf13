"""Y206 invalid-date: a date that cannot exist."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule


@rule("Y206", "invalid-date", Severity.ERROR, "日期不存在", "a date that does not exist")
def invalid_date(ctx):
    """
    不存在的日期（2月30日、13月、4月31日）多是笔误，会让读者无从核对。年份只剩两三位
    （“20年度我局主动公开…”“20年1月13日”）的，是录入时漏字或网页抓取时被截断，读者
    无从知道是哪一年。

    Dates that cannot exist (30 February, month 13, 31 April) are typos. A
    year cut short to two or three digits ("20年度", "20年1月13日") lost its
    digits to a typo or a crawler: the reader cannot tell which year it is.

    错误示例 / Bad:
        区政府于2024年2月30日印发《2024年政务公开工作要点》。
    正确示例 / Good:
        区政府于2024年2月28日印发《2024年政务公开工作要点》。
    """
    for d in ctx.facts.date_mentions:
        if d.valid:
            continue
        zh, en = d.problem or ("日期不存在", "the date does not exist")
        if d.truncated:
            yield Issue(
                d.span,
                f"“{d.text}”的{zh}（录入漏字或抓取截断）",
                f"'{d.text}': {en} (a typo or a crawler cut it short)",
            )
            continue
        yield Issue(
            d.span, f"日期“{d.text}”不存在：{zh}", f"the date '{d.text}' does not exist: {en}"
        )
