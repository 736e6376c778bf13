"""Y206 invalid-date: a date that cannot exist."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule


@rule("Y206", "invalid-date", Severity.ERROR, "日期不存在", "a date that does not exist")
def invalid_date(ctx):
    """
    不存在的日期（2月30日、13月、4月31日）多是笔误，会让读者无从核对。

    Dates that cannot exist (30 February, month 13, 31 April) are typos.

    错误示例 / Bad:
        区政府于2024年2月30日印发《2024年政务公开工作要点》。
    正确示例 / Good:
        区政府于2024年2月28日印发《2024年政务公开工作要点》。
    """
    for d in ctx.facts.date_mentions:
        if d.valid:
            continue
        zh, en = d.problem or ("日期不存在", "the date does not exist")
        yield Issue(
            d.span, f"日期“{d.text}”不存在：{zh}", f"the date '{d.text}' does not exist: {en}"
        )
