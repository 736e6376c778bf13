"""S111 inline-enumeration: 一是…二是… in a paragraph skips, repeats or goes back."""

from __future__ import annotations

from gsilint.facts.enumerations import render
from gsilint.findings import Issue, Severity
from gsilint.rules import rule


@rule(
    "S111",
    "inline-enumeration",
    Severity.WARNING,
    "段内列举（一是、二是……）编号跳号或重复",
    "an inline enumeration (一是, 二是 …) skips or repeats a number",
)
def inline_enumeration(ctx):
    """
    段落里的列举（一是…二是…三是、第一，…第二，、（1）（2）、①②）和标题一样应连续
    编号。“一是…三是”漏了二是；“四是…四是”重复；“三是…二是”倒退。一段里新起的一组
    列举从“一是”重新开始不算错（新的小题目或下一层列举）；但“一是推进…。一是按照…”
    紧接着用同一编号，读者分不清层级——下一层列举宜改用（1）（2）等编号。

    Inline enumerations in a paragraph (一是…二是…, 第一，…第二，, （1）（2）, ①②)
    are numbered like headings: "一是…三是" skips 二是, "四是…四是" repeats,
    "三是…二是" goes back. A new series starting again at 一是 is not an error
    (a new sub-topic or a nested list); the same number twice in a row is,
    because the reader cannot tell the levels apart.

    错误示例 / Bad:
        存在的问题主要有以下几个方面：一是部分单位信息发布属性界定还不够精确；三是开拓创新不够有力；三是政策解读的质量有待提高。
    正确示例 / Good:
        存在的问题主要有以下几个方面：一是部分单位信息发布属性界定还不够精确；二是开拓创新不够有力；三是政策解读的质量有待提高。
    """  # noqa: E501 (an example line is kept whole)
    for iss in ctx.facts.enumeration_issues:
        m, p = iss.mark, iss.previous
        line = ctx.line_of(p.span)
        related = ((p.span, "前一项", "the previous item"),)
        if iss.kind == "gap":
            missing = "、".join(f"“{render(m.style, n)}”" for n in iss.missing)
            missing_en = ", ".join(render(m.style, n) for n in iss.missing)
            yield Issue(
                m.span,
                f"列举跳号：“{p.text}”（第{line}行）之后是“{m.text}”，缺少{missing}",
                f"enumeration gap: '{m.text}' follows '{p.text}' (line {line}); "
                f"{missing_en} is missing",
                related=related,
            )
        elif iss.kind == "back":
            yield Issue(
                m.span,
                f"列举编号倒退：“{p.text}”（第{line}行）之后是“{m.text}”",
                f"enumeration goes back: '{m.text}' follows '{p.text}' (line {line})",
                related=related,
            )
        else:
            hint_zh = "；若是下一层列举，宜改用（1）（2）等编号" if m.number == 1 else ""
            hint_en = "; a nested list reads better as （1）（2）" if m.number == 1 else ""
            yield Issue(
                m.span,
                f"列举编号重复：前一项（第{line}行）也是“{p.text}”{hint_zh}",
                f"enumeration repeats '{m.text}': the previous item (line {line}) is "
                f"'{p.text}' too{hint_en}",
                related=related,
            )
