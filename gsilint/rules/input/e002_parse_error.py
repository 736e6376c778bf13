"""E002 parse-error: no report structure recognised.

The engine also emits it where parsing fails, and for a rule that crashed.
"""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule


@rule("E002", "parse-error", Severity.ERROR, "无法识别报告结构", "report structure not recognised")
def parse_error(ctx):
    """
    文本无法解析，或解析后既没有编号标题也没有表格（不像一份年度报告），在无法继续的位置报告。

    The text could not be parsed, or it has neither numbered headings nor
    tables, so it does not look like an annual report. Reported where parsing
    stopped (for an unrecognised structure, at the start of the file).

    错误示例 / Bad:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
    """
    doc = ctx.doc
    if not doc.sections and not any(True for _ in doc.tables()):
        yield Issue(
            Span(0, 0),
            "未识别出报告结构：没有编号标题（一、 （一） 1.）也没有表格",
            "no report structure recognised: no numbered headings (一、 （一） 1.) and no tables",
        )
