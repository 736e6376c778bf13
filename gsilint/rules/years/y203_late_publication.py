"""Y203 late-publication: signed or published after the legal deadline."""

from __future__ import annotations

from datetime import date

import regex

from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.years._common import _KIND_NAMES, _dated_lines, _year

_DEPARTMENT = regex.compile(
    r"(?:局|委员会|委|办公室|办公厅|办|厅|中心|院|所|队|站|署|处|部|司|馆|会|室|公司|支队|大队|分局|总局)$"
)
_GOVERNMENT = regex.compile(
    r"(?:人民政府|政府|管委会|管理委员会|实验区|新区|开发区|示范区|自治[州县旗]|区|县|市|镇|乡|旗|街道|街道办事处)$"
)
_TOWNSHIP = regex.compile(r"(?:镇|乡|街道|街道办事处|镇人民政府|乡人民政府|镇政府|乡政府)$")


def body_kind(org: str | None) -> str:
    """government | department | township | unknown, from the publishing body's name."""
    if not org:
        return "unknown"
    org = regex.sub(r"\s+", "", org)
    if _TOWNSHIP.search(org):
        return "township"
    if _GOVERNMENT.search(org) and not regex.search(r"(?:人民政府|政府)(?:办公室|办公厅|办)$", org):
        return "government"
    if _DEPARTMENT.search(org):
        return "department"
    return "unknown"


def deadline(year: int, kind: str, override: str | None) -> tuple[date, str, str]:
    """The last day to publish a report for ``year``, and the law that sets it (zh, en)."""
    if override:
        mm, _, dd = override.partition("-")
        try:
            return date(year + 1, int(mm), int(dd)), "配置的期限", "the configured deadline"
        except ValueError:
            pass
    if year <= 2018:
        return date(year + 1, 3, 31), "2008年条例第三十一条", "2008 Regulations art. 31"
    if kind == "department":
        return (
            date(year + 1, 1, 31),
            "2019年条例第四十九条（部门）",
            "2019 Regulations art. 49 (departments)",
        )
    return (
        date(year + 1, 3, 31),
        "2019年条例第四十九条（本级政府）",
        "2019 Regulations art. 49 (governments)",
    )


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

    错误示例 / Bad (2011 report):
        发布时间: 2012-04-11
    正确示例 / Good:
        发布时间: 2012-03-20
    """
    year = _year(ctx)
    if year is None:
        return
    kind = body_kind(ctx.facts.organisation)
    last, law_zh, law_en = deadline(year.value, kind, ctx.config.deadline)
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
