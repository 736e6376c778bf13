"""S103 numbering-gap: a heading number is skipped among siblings."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.structure._common import _head
from gsilint.vocabulary import render_mark


@rule("S103", "numbering-gap", Severity.ERROR, "标题编号跳号", "a heading number is skipped")
def numbering_gap(ctx):
    """
    同一层级、同一编号样式的标题应连续编号。（一）（二）之后直接出现（四），说明漏了（三）
    或编号写错。一是、二是等行内列举不是标题，表格中的行标签（“（一）予以公开”）也不计。

    Sibling headings of one style must be numbered without gaps: （一）（二）
    followed by （四） means （三） is missing or misnumbered. Inline "一是…二是"
    enumerations and table row labels are not headings and are not checked.

    错误示例 / Bad:
        （一）进一步增强公开意识
        加强对《条例》的学习和领会。
        （三）进一步规范依申请公开
        全面梳理和优化工作流程。
    正确示例 / Good:
        （一）进一步增强公开意识
        加强对《条例》的学习和领会。
        （二）进一步规范依申请公开
        全面梳理和优化工作流程。
    """
    for iss in ctx.facts.numbering_issues:
        if iss.kind != "gap":
            continue
        h, p = iss.heading, iss.previous
        style = h.mark.style
        missing = "".join(render_mark(style, n) for n in iss.missing)
        missing_en = ", ".join(render_mark(style, n) for n in iss.missing)
        yield Issue(
            h.mark.span,
            f"编号跳号：“{_head(p)}”（第{ctx.line_of(p.span)}行）之后是“{h.mark.text}”，缺少{missing}",
            f"numbering gap: '{h.mark.text}' follows '{_head(p)}' (line {ctx.line_of(p.span)}); "
            f"{missing_en} is missing",
            related=((p.mark.span, "前一个同级标题", "the previous sibling heading"),),
        )
