"""S105 declared-parts-mismatch: the parts the intro declares do not match the body."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.numerals import write_cn
from gsilint.rules import rule
from gsilint.rules.structure._common import _head


@rule(
    "S105",
    "declared-parts-mismatch",
    Severity.ERROR,
    "引言声明的组成部分与正文不符",
    "the parts declared in the intro do not match the body",
)
def declared_parts_mismatch(ctx):
    """
    引言常写“全文由概述、主动公开政府信息情况……等五部分组成”。声明的部分数必须等于列出的
    名称数和正文的一级栏目数，列出的每个名称都应在正文中有对应的栏目（措辞可以不同，
    按主题比较；附在文末的“统计表”按正文中出现的表名计）。

    Intros often declare the parts ("全文由概述、…等五部分组成"). The declared
    count must equal the number of names listed and the number of level-1
    parts in the body, and every listed name must have a matching part in the
    body (compared by topic, so wording may differ; an appended 统计表 counts
    when the body names it).

    错误示例 / Bad:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况等五部分组成。
        …
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。
        …
    """
    dp = ctx.facts.declared_parts
    if dp is None:
        return
    tops = ctx.facts.top_sections
    names = dp.parts
    if dp.count != len(names):
        yield Issue(
            dp.count_span,
            f"引言声明共{write_cn(dp.count)}部分，但列出了{len(names)}个名称："
            + "、".join(p.name for p in names),
            f"the intro declares {dp.count} parts but lists {len(names)} names: "
            + ", ".join(p.name for p in names),
        )
    found = ctx.facts.declared_parts_in_body
    missing = [p.part for p in found if not p.found]
    used = {id(p.section) for p in found if p.section is not None}
    extra_parts = sum(1 for p in found if p.section is None and p.mention is not None)
    for part in missing:
        yield Issue(
            part.span,
            f"引言列出的部分“{part.name}”在正文中没有对应的栏目",
            f"the part '{part.name}' listed in the intro has no matching section in the body",
        )
    restarts = any(i.kind != "gap" and i.heading.level == 1 for i in ctx.facts.numbering_issues)
    body_count = len(tops) + extra_parts
    if not missing and not restarts and dp.count == len(names) and body_count != dp.count:
        undeclared = [s for s in tops if id(s) not in used]
        listing = "、".join(f"“{s.heading.mark.text}{s.title}”" for s in undeclared)
        yield Issue(
            dp.count_span,
            f"引言声明共{write_cn(dp.count)}部分，正文有{body_count}个部分"
            + (f"，未声明的有{listing}" if listing else ""),
            f"the intro declares {dp.count} parts but the body has {body_count}"
            + (
                f"; not declared: {', '.join(_head(s.heading) for s in undeclared)}"
                if undeclared
                else ""
            ),
            related=tuple(
                (s.heading.span, "未声明的部分", "a part not declared") for s in undeclared
            ),
        )
