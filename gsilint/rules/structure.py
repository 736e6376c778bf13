"""S: structure — the template's sections, in order, numbered and declared correctly."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule


@rule("S101", "missing-section", Severity.ERROR, "缺少模板要求的栏目", "a section required by the template is missing")
def missing_section(ctx):
    """
    2019、2021 年格式的年度报告必须包含六个栏目：一、总体情况；二、主动公开政府信息情况；
    三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；
    五、存在的主要问题及改进情况；六、其他需要报告的事项。标题经规范化（全半角、空格、
    繁简）后与模板及常见变体比较；缺少的栏目会被点名，位置指向它应出现的地方。

    Reports in the 2019 and 2021 national formats must have six sections
    (总体情况, 主动公开, 收到和处理申请, 行政复议/诉讼, 问题及改进, 其他事项).
    Headings are compared with the template and its accepted variants after
    normalisation; each missing section is named, located where it belongs.

    错误示例 / Bad:
        一、总体情况 … 二、主动公开政府信息情况 … 四、政府信息公开行政复议、行政诉讼情况 …
    正确示例 / Good:
        一、总体情况 … 二、主动公开政府信息情况 … 三、收到和处理政府信息公开申请情况 …
    """
    tpl = ctx.facts.template
    if tpl.id not in ("2019", "2021"):
        return
    matches = ctx.facts.section_matches
    specs = [s for s in tpl.sections if s.required]
    doc_end = len(ctx.doc.text)
    for i, spec in enumerate(specs):
        if spec.key in matches:
            continue
        after = next((matches[s.key] for s in specs[i + 1 :] if s.key in matches), None)
        before = next((matches[s.key] for s in reversed(specs[:i]) if s.key in matches), None)
        if after is not None:
            at = Span(after.heading.span.start, after.heading.span.start)
            where_zh, where_en = f"应位于“{after.title}”之前", f"expected before '{after.title}'"
        elif before is not None:
            at = Span(before.span.end, before.span.end)
            where_zh, where_en = f"应位于“{before.title}”之后", f"expected after '{before.title}'"
        else:
            at = Span(min(doc_end, 0), min(doc_end, 0))
            where_zh, where_en = "", ""
        yield Issue(
            at,
            f"缺少栏目“{spec.title}”" + (f"（{where_zh}）" if where_zh else ""),
            f"missing section '{spec.title}'" + (f" ({where_en})" if where_en else ""),
        )
