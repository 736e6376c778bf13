"""S104 numbering-restart: a heading number restarts, repeats or goes back."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.structure._common import _head


@rule(
    "S104",
    "numbering-restart",
    Severity.ERROR,
    "标题编号重新开始或重复",
    "a heading number restarts or repeats",
)
def numbering_restart(ctx):
    """
    同一层级的编号应一直接续。常见错误是“一、总体情况”之下的小标题又用“一、二、三、”
    编号，随后法定栏目接着写“二、主动公开政府信息情况”：小标题应改用（一）（二）（三）。
    编号重复（两个“三、”）或倒退也报出。

    Numbering at one level must continue. A common defect: the subsections
    of 一、总体情况 are numbered 一、二、三、 again and the statutory sections
    then go on with 二、主动公开政府信息情况 — the subsections should use
    （一）（二）（三）. A repeated or decreasing number is reported as well.

    错误示例 / Bad:
        一、统一认识，加强领导
        政务公开与群众切身利益息息相关。
        二、突出重点，明确形式
        讲求实效，突出重点，创新形式。
    正确示例 / Good:
        （一）统一认识，加强领导
        政务公开与群众切身利益息息相关。
        （二）突出重点，明确形式
        讲求实效，突出重点，创新形式。
    """  # noqa: E501 (an example line is kept whole)
    for iss in ctx.facts.numbering_issues:
        if iss.kind == "gap":
            continue
        h, p = iss.heading, iss.previous
        pl = ctx.line_of(p.span)
        related = [(p.mark.span, "前一个同级标题", "the previous sibling heading")]
        if iss.kind == "restart":
            zh = f"编号重新从“{h.mark.text}”开始：前一个同级标题是“{_head(p)}”（第{pl}行）"
            en = f"numbering restarts at '{h.mark.text}' after '{_head(p)}' (line {pl})"
            if iss.resumed is not None:
                r = iss.resumed
                rl = ctx.line_of(r.span)
                zh += (
                    f"，而第{rl}行“{_head(r)}”又接续原来的编号——"
                    f"这组标题应是“{_head(p)}”的下级，宜用（一）（二）…编号"
                )
                en += (
                    f", and '{_head(r)}' (line {rl}) continues the earlier numbering: "
                    f"these headings belong under '{_head(p)}' and should be numbered （一）（二）…"
                )
                related.append(
                    (
                        r.mark.span,
                        "接续原编号的标题",
                        "the heading that continues the earlier numbering",
                    )
                )
        elif iss.kind == "repeat":
            zh = f"编号重复：“{h.mark.text}”与前一个同级标题“{_head(p)}”（第{pl}行）相同"
            en = f"repeated number: '{h.mark.text}' repeats '{_head(p)}' (line {pl})"
        else:
            zh = f"编号倒退：“{h.mark.text}”排在“{_head(p)}”（第{pl}行）之后"
            en = f"numbering goes back: '{h.mark.text}' follows '{_head(p)}' (line {pl})"
        yield Issue(h.mark.span, zh, en, related=tuple(related))
