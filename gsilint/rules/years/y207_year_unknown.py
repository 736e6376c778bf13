"""Y207 year-unknown: the report year cannot be determined, so the year rules are skipped."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule
from gsilint.rules.years._common import _year


@rule(
    "Y207",
    "year-unknown",
    Severity.INFO,
    "无法确定报告年份",
    "the report year cannot be determined",
)
def year_unknown(ctx):
    """
    标题、网页标题、引言、统计期限和正文都没有写明报告年份时，年份类检查（Y201–Y205）
    无法进行。在标题中写明年份（“××镇2018年政府信息公开工作年度报告”），或用
    ``--year`` 或配置项 ``year``（编辑器里也适用；按文件可用 ``[tool.gsilint.per-file]``）指定。

    When neither the title, the header, the introduction, the statistics
    period nor the body states the report year, the year rules (Y201–Y205)
    are skipped. State the year in the title, or pass ``--year`` or set ``year``
    in the configuration (which editors read too; per file under
    ``[tool.gsilint.per-file]``).

    错误示例 / Bad:
        政府信息公开工作年度报告
        …
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
    """
    if _year(ctx) is None and (ctx.facts.top_sections or any(True for _ in ctx.doc.tables())):
        # (without any heading or table the text is not read as a report at all: E002 speaks)
        yield Issue(
            Span(0, 0),
            "无法确定报告年份，年份检查（Y201–Y205）已跳过；可用 --year 或配置项 year 指定",
            "cannot determine the report year; year checks (Y201–Y205) skipped — "
            "pass --year or set year in the configuration",
        )
