"""S112 thin-section: 存在的主要问题及改进情况 says only 无, or next to nothing."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule

#: Fewer words than this (spaces and punctuation not counted) is a thin section.
#: TODO: make it a per-rule option once the configuration has a place for rule options.
MIN_CHARS = 40


@rule(
    "S112",
    "thin-section",
    Severity.WARNING,
    "“存在的主要问题及改进情况”只写了“无”或寥寥数语",
    "the problems and improvements section says only 无 or next to nothing",
)
def thin_section(ctx):
    """
    “存在的主要问题及改进情况”要写出本年度工作的不足和下一步的改进措施。只写“无”，
    或者一两句话（不计空格和标点少于40字）就带过，第三方评估会扣分，也说明报告是
    应付了事。

    The problems and improvements section must name the year's shortcomings and
    how they will be addressed. A section that says only "无", or fewer than 40
    characters (spaces and punctuation not counted), is marked down by
    assessors.

    错误示例 / Bad:
        莆田市应急管理局2024年政府信息公开工作年度报告
        …
        五、存在的主要问题及改进情况
        无。
        六、其他需要报告的事项
        本年度未收取信息处理费。
    正确示例 / Good:
        莆田市应急管理局2024年政府信息公开工作年度报告
        …
        五、存在的主要问题及改进情况
        2024年，我局政府信息公开工作取得了一定成效，但也存在政策解读形式单一、信息更新不够及时等问题。2025年，我局将丰富解读形式，建立信息更新台账，确保信息及时准确发布。
        六、其他需要报告的事项
        本年度未收取信息处理费。
    """  # noqa: E501 (an example line is kept whole)
    sec = ctx.facts.problems_section_text
    if sec is None or not sec.words:
        return  # no heading: S101; a heading and nothing under it: S106
    title = sec.section.title.strip()
    if sec.says_nothing:
        yield Issue(
            sec.section.heading.span,
            f"“{title}”只写了“{sec.words}”：应写明本年度工作存在的主要问题和改进措施",
            f"'{title}' says only '{sec.words}': name the year's main problems and the "
            "improvements planned",
        )
    elif len(sec.words) < MIN_CHARS:
        yield Issue(
            sec.section.heading.span,
            f"“{title}”只有{len(sec.words)}个字（不计空格和标点，少于{MIN_CHARS}字），"
            "内容过于简略：应写明主要问题和改进措施",
            f"'{title}' has only {len(sec.words)} characters (spaces and punctuation not "
            f"counted, fewer than {MIN_CHARS}): name the main problems and the improvements",
        )
