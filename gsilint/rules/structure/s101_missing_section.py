"""S101 missing-section: a section the template requires (in old reports, a topic) is missing."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule
from gsilint.rules.structure._common import _has_structure


def _point(span: Span) -> Span:
    return Span(span.start, span.start)


@rule(
    "S101",
    "missing-section",
    Severity.ERROR,
    "缺少模板要求的栏目",
    "a section required by the template is missing",
)
def missing_section(ctx):
    """
    2019、2021 年格式的年度报告必须包含六个栏目（一级标题）：一、总体情况；
    二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；
    五、存在的主要问题及改进情况；六、其他需要报告的事项。标题经规范化（全半角、空格、
    引号、繁简）后与模板、常见变体和关键词比较；缺少的栏目会被点名，位置指向它应出现的地方。

    2018 年及以前的旧版报告按 2008 年条例第三十二条，应涉及：主动公开、依申请公开、
    收费及减免、因政府信息公开申请行政复议和提起行政诉讼、存在的主要问题及改进情况。
    某一内容有任何措辞的标题，或正文中有明确说明（如“未发生因政府信息公开申请行政复议、
    行政诉讼的情况”），即视为已涉及；两者都没有的内容以警告报出。
    旧版报告提到附表或统计表（“见附表”“附件1：…统计表”“…和政府信息公开情况统计表共六个
    部分组成”），报告中却没有这张表（无论何种排版，包括数字粘连的抓取副本），也以警告报出。
    规则包（配置项 rule-packs）可以增加必备栏目。

    Reports in the 2019 and 2021 national formats must have six sections
    (level-1 headings) (总体情况, 主动公开, 收到和处理申请, 行政复议/诉讼, 问题及改进,
    其他事项). Headings are compared with the template, its accepted variants
    and keywords after normalisation; each missing section is named and
    located where it belongs. Old reports (≤ 2018) must cover the topics of
    第三十二条 of the 2008 regulation — by a heading in any wording or by an
    explicit statement in the body; a topic covered by neither is a warning.
    An old report that announces a 附表/统计表 ("见附表", "附件1：…统计表") that is
    not there in any layout is a warning too.
    Rule packs (config ``rule-packs``) can add required sections.

    错误示例 / Bad:
        新开镇人民政府2016年政府信息公开工作年度报告
        一、概述
        二、主动公开政府信息情况
        三、依申请公开政府信息情况
        四、因政府信息公开申请行政复议、提起行政诉讼的情况
        五、政府信息公开工作存在的主要问题及改进措施
    正确示例 / Good:
        新开镇人民政府2016年政府信息公开工作年度报告
        一、概述
        二、主动公开政府信息情况
        三、依申请公开政府信息情况
        四、政府信息公开的收费及减免情况
        2016年度我镇未收取政府信息公开费用。
        五、因政府信息公开申请行政复议、提起行政诉讼的情况
        六、政府信息公开工作存在的主要问题及改进措施
    """
    if not _has_structure(ctx):
        return
    announced = ctx.facts.table_announced
    if announced is not None:
        name = ctx.doc.slice(announced)
        yield Issue(
            announced,
            f"报告提到“{name}”，但报告中没有这张统计表",
            f"the report announces a statistics table ({name}) that is not there",
            severity=Severity.WARNING,
        )
    tpl = ctx.facts.template
    coverage = ctx.facts.topic_coverage
    old = tpl.id == "2008"
    required = [c for c in coverage if c.required]
    doc_end = len(ctx.doc.text)
    for i, cov in enumerate(required):
        if cov.covered:
            continue
        after = next((c.heading for c in required[i + 1 :] if c.heading is not None), None)
        before = next((c.heading for c in reversed(required[:i]) if c.heading is not None), None)
        if after is not None:
            at = _point(after.heading.span)
            where_zh, where_en = f"应位于“{after.title}”之前", f"expected before '{after.title}'"
        elif before is not None:
            at = Span(before.span.end, before.span.end)
            where_zh, where_en = f"应位于“{before.title}”之后", f"expected after '{before.title}'"
        else:
            first = ctx.facts.top_sections
            at = _point(first[0].heading.span) if first else Span(doc_end, doc_end)
            where_zh = where_en = ""
        if old:
            yield Issue(
                at,
                f"未涉及条例第三十二条要求的内容“{cov.title}”：既无相应标题，也无明确说明"
                + (f"（{where_zh}）" if where_zh else ""),
                f"the report does not cover '{cov.title}' (article 32 of the 2008 regulation): "
                "no heading and no statement about it" + (f" ({where_en})" if where_en else ""),
                severity=Severity.WARNING,
            )
        else:
            yield Issue(
                at,
                f"缺少栏目“{cov.title}”" + (f"（{where_zh}）" if where_zh else ""),
                f"missing section '{cov.title}'" + (f" ({where_en})" if where_en else ""),
            )
