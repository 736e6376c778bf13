"""The publication deadline: the last day to publish the report, and why.

2008 Regulations (reports for 2018 and earlier): 31 March. 2019 Regulations:
departments of governments at county level and above by 31 January, the
governments themselves by 31 March. Which kind of body publishes the report
is read from its name (:func:`body_kind`); ``deadline = "MM-DD"`` in the
configuration overrides.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from gsilint.patterns import lazy
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.facts import Facts

_DEPARTMENT = lazy(
    r"(?:局|委员会|委|办公室|办公厅|办|厅|中心|院|所|队|站|署|处|部|司|馆|会|室|公司|支队|大队|分局|总局)$"
)
_GOVERNMENT = lazy(
    r"(?:人民政府|政府|管委会|管理委员会|实验区|新区|开发区|示范区|自治[州县旗]|区|县|市|镇|乡|旗|街道|街道办事处)$"
)
_TOWNSHIP = lazy(r"(?:镇|乡|街道|街道办事处|镇人民政府|乡人民政府|镇政府|乡政府)$")
_GOVERNMENT_OFFICE = lazy(r"(?:人民政府|政府)(?:办公室|办公厅|办)$")
_SPACES = lazy(r"\s+")


@dataclass(frozen=True)
class PublicationDeadline:
    """The last day to publish, the kind of body it applies to, and what sets it (zh, en)."""

    date: date
    #: government | department | township | unknown
    body_kind: str
    law_zh: str
    law_en: str


def body_kind(org: str | None) -> str:
    """government | department | township | unknown, from the publishing body's name."""
    if not org:
        return "unknown"
    org = _SPACES.sub("", org)
    if _TOWNSHIP.search(org):
        return "township"
    if _GOVERNMENT.search(org) and not _GOVERNMENT_OFFICE.search(org):
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


def publication_deadline(f: Facts) -> PublicationDeadline | None:
    """The last day to publish this report (None without a report year)."""
    year = f.report_year
    if year is None:
        return None
    kind = body_kind(f.organisation)
    last, law_zh, law_en = deadline(year.value, kind, f.config.deadline)
    return PublicationDeadline(last, kind, law_zh, law_en)
