"""S102 section-order: the required sections are not in the template's order."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule


def _out_of_order(positions: list[int]) -> set[int]:
    """Indexes not in one longest increasing subsequence of ``positions``."""
    n = len(positions)
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if positions[j] < positions[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    k = max(range(n), key=lambda i: best[i]) if n else -1
    keep = set()
    while k != -1:
        keep.add(k)
        k = prev[k]
    return set(range(n)) - keep


@rule(
    "S102",
    "section-order",
    Severity.ERROR,
    "栏目顺序与模板不符",
    "required sections are out of order",
)
def section_order(ctx):
    """
    2019、2021 年格式的六个栏目必须按模板顺序出现：总体情况、主动公开、收到和处理申请、
    行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项。所有栏目都在但
    顺序颠倒时，报出位置不对的栏目，并指明它应在哪个栏目之前或之后。

    The six sections of the 2019 and 2021 formats must appear in the
    template's order. When they are all there but out of order, the
    misplaced section is reported with the section it should precede or follow.

    错误示例 / Bad:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        一、总体情况
        二、收到和处理政府信息公开申请情况
        三、主动公开政府信息情况
        四、政府信息公开行政复议、行政诉讼情况
        五、存在的主要问题及改进情况
        六、其他需要报告的事项
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        一、总体情况
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
        五、存在的主要问题及改进情况
        六、其他需要报告的事项
    """
    tpl = ctx.facts.template
    if tpl.id == "2008":
        return
    matches = ctx.facts.section_matches
    present = [(s, matches[s.key]) for s in tpl.sections if s.key in matches]
    bad = _out_of_order([sec.heading.span.start for _, sec in present])
    for i in sorted(bad):
        spec, sec = present[i]
        nxt = next((present[j] for j in range(i + 1, len(present)) if j not in bad), None)
        prv = next((present[j] for j in range(i - 1, -1, -1) if j not in bad), None)
        start = sec.heading.span.start
        # name the neighbour whose order is violated: an earlier template
        # section that comes later, else a later one that comes earlier
        if prv is not None and start < prv[1].heading.span.start or nxt is None:
            other = prv[1]
            zh, en = f"应位于“{other.title}”之后", f"should come after '{other.title}'"
        else:
            other = nxt[1]
            zh, en = f"应位于“{other.title}”之前", f"should come before '{other.title}'"
        yield Issue(
            sec.heading.span,
            f"栏目“{sec.title}”顺序不对：按模板{zh}（第{ctx.line_of(other.heading.span)}行）",
            f"section '{sec.title}' is out of order: "
            f"by the template it {en} (line {ctx.line_of(other.heading.span)})",
            related=((other.heading.span, f"“{other.title}”在这里", f"'{other.title}' is here"),),
        )
