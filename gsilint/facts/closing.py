"""The closing block: the signature's organisation and date, in a block or run into the text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.facts import Facts

_DATE = (
    r"(?:(?:19|20)\d\d|[〇○零OＯ一二][〇○零OＯ一二三四五六七八九]{3})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日"
)
#: a signature date run into a flattened page: "…日常化。 平潭县人民政府 2013年1月16日 附件1："
#: How the name of a publishing body ends.
_ORG_ENDING = lazy(r"(?:政府|委员会|管委会|办公室|办公厅|局|厅|委|院|中心|街道|镇|乡|部)$")
_INLINE_CLOSING = lazy(
    r"(?:^|(?<=[。！\s]))(?:(?P<org>[^\s。，,；;：:]{2,40}?)\s+)?(?P<date>"
    + _DATE
    + r")(?=\s*(?:附件|附表|\S{0,40}统计表|\Z))"
)


@dataclass(frozen=True)
class ClosingInfo:
    """The signature block: organisation and date (either may be missing)."""

    span: Span
    organisation: Span | None
    date: Span | None
    #: "block" (the parser's closing block) or "inline" (found in flattened text)
    source: str = "block"


def closing_block(f: Facts) -> ClosingInfo | None:
    """The closing (organisation, date), or None when the report has none."""
    doc = f.doc
    c = doc.closing
    if c is not None and (c.organisation or c.date):
        return ClosingInfo(
            c.span,
            c.organisation.span if c.organisation else None,
            c.date.span if c.date else None,
            "block",
        )
    # A flattened copy keeps the signature inside the last line(s), before the
    # attachments: look after the start of the last level-1 section.
    tops = f.top_sections
    start = tops[-1].heading.span.start if tops else 0
    last = None
    for m in _INLINE_CLOSING.finditer(doc.simplified, start):
        last = m
    if last is None:
        return c and ClosingInfo(c.span, None, None, "block")
    org = Span(last.start("org"), last.end("org")) if last.group("org") else None
    if org is not None and not _ORG_ENDING.search(last.group("org")):
        org = None
    return ClosingInfo(
        Span(last.start(), last.end()), org, Span(last.start("date"), last.end("date")), "inline"
    )
