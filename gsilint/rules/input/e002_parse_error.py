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
    文本无法解析，或解析后既没有一级标题（一、二、…）也没有表格（不像一份年度报告），在无法继续的位置报告。
    只有下级编号（（一）、1.、（1））而没有一级标题的文本同样报告：年度报告的栏目以“一、”“二、”…编号，
    这样的文本无法与模板的栏目对照。

    The text could not be parsed, or it has neither level-1 headings (一、二、…)
    nor tables, so it does not look like an annual report. A text whose only
    headings are lower levels (（一）, 1., （1）) is reported too: a report's
    sections are numbered 一、二、…, and such a text cannot be compared with
    the template. Reported where parsing stopped, at the first lower-level
    heading, or at the start of the file.

    错误示例 / Bad:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        （1）总体情况
        2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
    """
    doc = ctx.doc
    if ctx.facts.top_sections or any(True for _ in doc.tables()):
        return
    lower = next(iter(doc.sections), None)
    if lower is None or lower.level == 1:  # nothing, or only table-row-like 一、 lines
        yield Issue(
            Span(0, 0),
            "未识别出报告结构：没有编号标题（一、 （一） 1.）也没有表格",
            "no report structure recognised: no numbered headings (一、 （一） 1.) and no tables",
        )
        return
    mark = lower.heading.mark.text
    yield Issue(
        Span(lower.heading.span.start, lower.heading.span.start),
        f"未识别出报告结构：没有一级标题（一、二、…）也没有表格，只有“{mark}”这样的下级编号；"
        "年度报告的栏目应以“一、”“二、”…编号",
        f"no report structure recognised: no level-1 headings (一、二、…) and no tables, "
        f"only lower-level numbers such as '{mark}'; a report's sections are numbered 一、二、…",
    )
