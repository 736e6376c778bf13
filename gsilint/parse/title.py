"""The report's title among its first lines (also run on, wrapped, or behind site navigation)."""

from __future__ import annotations

from gsilint import document
from gsilint.parse.lines import Line
from gsilint.parse.page import Page
from gsilint.patterns import lazy
from gsilint.positions import Span

_TITLE_WORDS = lazy(r"(?:年度?报告|年报|工作报告)")
_HAS_YEAR = lazy(r"(?:19|20)\d\d|[〇○零OＯ一二][〇○零OＯ一二三四五六七八九]{3}年")
#: Site navigation a crawler kept before the report: "当前位置：首页… -->".
_NAV_PREFIX = lazy(r"^当前位置[：:].*?-->\s*")
_TITLE_RUN_ON = lazy(r"^(.{4,60}?(?:年度报告|年报))[ \u3000]+(?=\S)")


def read_title(page: Page, doc: document.Document, line: Line, s: int, e: int, simple: str):
    """Recognise the title among the first lines: returns None (not a title),
    () (the whole line was the title) or (start, end) of run-on text."""
    nav = _NAV_PREFIX.match(simple)
    if nav:
        return (s + nav.end(), e)
    if (
        len(simple) <= 80
        and _TITLE_WORDS.search(simple)
        and _HAS_YEAR.search(simple)
        and "。" not in simple
        and "，" not in simple
    ):
        doc.title = page.paragraph(s, e)
        return ()
    m = _TITLE_RUN_ON.match(simple)
    if m and _HAS_YEAR.search(m.group(1)):
        doc.title = page.paragraph(s, s + m.end(1))
        return (s + m.end(), e)
    # a title wrapped over two lines: "2024 年上海市科委政府信息公开工作" + "年度报告"
    idx = page.lines.index(line)
    nxt = page.lines[idx + 1] if idx + 1 < len(page.lines) else None
    if (
        nxt is not None
        and nxt.kind == "paragraph"
        and len(simple) <= 40
        and "。" not in simple
        and "，" not in simple
    ):
        ns, ne = page.content(nxt)
        joined = simple + page.s(ns, ne)
        if (
            len(joined) <= 80
            and _TITLE_WORDS.search(joined)
            and _HAS_YEAR.search(joined)
            and "。" not in joined
            and "，" not in joined
        ):
            doc.title = document.Paragraph(page.text[s:ne], Span(s, ne))
            nxt.kind = "consumed"
            return ()
    return None
