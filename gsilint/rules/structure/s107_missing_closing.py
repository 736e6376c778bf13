"""S107 missing-closing: no closing block with the organisation and the date."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule
from gsilint.rules.structure._common import _has_structure


@rule(
    "S107",
    "missing-closing",
    Severity.INFO,
    "缺少落款（机关名称和日期）",
    "no closing block with the organisation and date",
)
def missing_closing(ctx):
    """
    报告末尾应有落款：发布机关名称和成文日期（可先写“特此报告”）。没有落款的报告无法
    确认发布主体和发布时间，也无法核对发布期限。网页副本中落款可能夹在正文与附件之间，
    同样认可。

    A report should end with a closing block: the publishing organisation and
    the date (optionally after 特此报告). Without it the publisher and the
    publication date cannot be checked. In a flattened web copy a signature
    between the text and the attachments counts as well. The national format
    does not require a signature, and web and crawler copies usually carry the
    publisher and date in the page rather than the text, so this is an info by
    default; for a DOCX draft (the text about to be published) it is a warning.
    A per-code severity in the config changes either.

    错误示例 / Bad:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        淮安市洪泽区人民政府办公室
        2025年1月20日
    """
    info = ctx.facts.closing_block
    if info is None and not _has_structure(ctx):
        return
    # a draft is about to be published: its missing signature matters more than a web copy's
    severity = Severity.WARNING if ctx.source.kind == "docx" else None
    end = len(ctx.doc.text.rstrip())
    if info is None:
        yield Issue(
            Span(end, end),
            "报告末尾没有落款（发布机关名称和日期）",
            "the report has no closing block (organisation and date)",
            severity=severity,
        )
    elif info.date is None and info.organisation is None:
        yield Issue(
            info.span,
            "落款只有“特此报告”，缺少发布机关名称和日期",
            "the closing has only 特此报告: no organisation and no date",
            severity=severity,
        )
    elif info.date is None:
        yield Issue(info.span, "落款缺少日期", "the closing block has no date", severity=severity)
