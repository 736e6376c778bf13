"""S106 empty-section: a required section has a heading and nothing under it."""

from __future__ import annotations

from gsilint.facts.outline import has_content
from gsilint.findings import Issue, Severity
from gsilint.rules import rule


@rule("S106", "empty-section", Severity.ERROR, "栏目没有内容", "a required section has no content")
def empty_section(ctx):
    """
    模板要求的栏目有标题却没有任何内容（没有文字、表格或有内容的小节）。即使本年度没有
    相关情况，也应写明，例如“本年度无其他需要报告的事项”。

    A required section has a heading but nothing under it (no text, no table,
    no subsection with content). Even when there is nothing to report, the
    section should say so, e.g. "本年度无其他需要报告的事项".

    错误示例 / Bad:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        六、其他需要报告的事项
        淮安市洪泽区人民政府办公室
        2025年1月20日
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        六、其他需要报告的事项
        全年收取政府信息公开信息处理费0元。
        淮安市洪泽区人民政府办公室
        2025年1月20日
    """
    for cov in ctx.facts.topic_coverage:
        sec = cov.heading
        if not cov.required or sec is None or has_content(sec):
            continue
        yield Issue(
            sec.heading.span,
            f"栏目“{sec.title}”没有内容（如无相关情况，应写明“无”）",
            f"section '{sec.title}' is empty (if there is nothing to report, say so)",
        )
