"""The closing block: 特此报告, the organisation and the date at the end of a report."""

from __future__ import annotations

from gsilint import document
from gsilint.parse.lines import Line
from gsilint.parse.page import Page
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.vocabulary import CHROME_LINES

#: A line of website chrome ("打印本页", "- 3 -"): neither title nor closing.
CHROME = lazy(r"^[\s\u3000]*" + CHROME_LINES + r"[\s\u3000]*$")
#: A line that is only a date: "2024年1月20日", "二〇二四年一月二十日".
DATE_LINE = lazy(
    r"^[\s\u3000]*(?:\d{4}|[〇○OＯ零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十元]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,4}\s*日[\s\u3000]*$"
)
_CLAUSE_PUNCT = lazy(r"[。，,；;]")
_REMARK = lazy(r"特此报告[。.]?")


def read_closing(page: Page, lines: list[Line]) -> tuple[document.Closing | None, list[Line]]:
    """The closing block at the end of ``lines``, and the lines without it."""
    idx = len(lines) - 1

    def skip_back(i: int) -> int:
        while i >= 0 and (
            lines[i].kind == "blank"
            or (
                lines[i].kind in ("paragraph", "directive")
                and CHROME.match(page.text[lines[i].start : lines[i].end])
            )
            or lines[i].kind == "directive"
        ):
            i -= 1
        return i

    idx = skip_back(idx)
    date = org = remark = None
    end_idx = idx + 1
    if idx >= 0 and lines[idx].kind == "paragraph":
        s, e = page.content(lines[idx])
        if DATE_LINE.match(page.text[s:e]):
            date = page.paragraph(s, e)
            idx = skip_back(idx - 1)
            if idx >= 0 and lines[idx].kind == "paragraph":
                s, e = page.content(lines[idx])
                cand = page.s(s, e)
                if len(cand) <= 40 and not _CLAUSE_PUNCT.search(cand) and "特此报告" not in cand:
                    org = page.paragraph(s, e)
                    idx = skip_back(idx - 1)
    if idx >= 0 and lines[idx].kind == "paragraph":
        s, e = page.content(lines[idx])
        if _REMARK.fullmatch(page.s(s, e).strip()):
            remark = page.paragraph(s, e)
            idx -= 1
    if not (date or org or remark):
        return None, lines
    parts = [p for p in (remark, org, date) if p]
    span = Span(parts[0].span.start, parts[-1].span.end)
    return document.Closing(span=span, remark=remark, organisation=org, date=date), lines[
        : idx + 1
    ] + lines[end_idx:]
