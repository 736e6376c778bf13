"""Y203 late-publication: signed or published after the legal deadline."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.years._common import _KIND_NAMES, _dated_lines


@rule(
    "Y203",
    "late-publication",
    Severity.WARNING,
    "年度报告晚于法定期限发布",
    "the report was published after the legal deadline",
)
def late_publication(ctx):
    """
    2008年条例：年度报告每年3月31日前公布（适用于2018年及以前的报告）。2019年修订的条例：
    县级以上政府部门1月31日前、本级政府3月31日前公布（2019年及以后的报告）。落款日期或网页
    发布时间晚于期限的报告会被通报。部门与政府按标题中的机关名称区分（人民政府、管委会、
    实验区等为本级政府，局、委、办等为部门）；乡镇、街道按地方规定，仅作提示。可用配置
    ``deadline = "MM-DD"`` 指定期限。

    2008 Regulations: reports are published by 31 March (reports for 2018 and
    earlier). 2019 Regulations: departments by 31 January, governments by 31
    March. The signature date or the page's publication date is compared
    with the deadline; the body's kind comes from its name. Townships follow
    local rules (warning only). ``deadline = "MM-DD"`` overrides.

    错误示例 / Bad:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        淮安市洪泽区人民政府办公室
        2025年4月11日
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        淮安市洪泽区人民政府办公室
        2025年3月20日
    """
    year, due = ctx.facts.report_year, ctx.facts.publication_deadline
    if year is None or due is None:  # no report year: Y207 says why
        return
    kind, last, law_zh, law_en = due.body_kind, due.date, due.law_zh, due.law_en
    for dl in _dated_lines(ctx):
        when = dl.date.as_date()
        if when <= last:
            continue
        zh, en = _KIND_NAMES[dl.kind]
        note_zh = "（乡镇、街道按地方规定的期限）" if kind == "township" else ""
        note_en = " (townships follow local deadlines)" if kind == "township" else ""
        yield Issue(
            dl.span,
            f"{zh}{when.isoformat()}晚于{year.value}年度报告的发布期限{last.isoformat()}（{law_zh}）{note_zh}",
            f"{en} {when.isoformat()} is after the deadline {last.isoformat()} "
            f"for a {year.value} report ({law_en}){note_en}",
            severity=Severity.WARNING if kind == "township" else None,
        )
