"""The crawler header: ``key: value`` lines above a ``=== 正文 ===`` rule."""

from __future__ import annotations

from gsilint import document
from gsilint.parse.page import Page
from gsilint.patterns import lazy
from gsilint.positions import Span

_HEADER_RULE = lazy(r"^=+\s*正文\s*=+\s*$")
_HEADER_FIELD = lazy(r"^([^:：\s]{1,10})[:：]\s?(.*)$")


def read_header(page: Page, doc: document.Document) -> int:
    """Fill ``doc.metadata`` from a crawler header; the index of the first body line."""
    for i, line in enumerate(page.lines[:40]):
        if (
            line.kind == "paragraph"
            and page.text.startswith("=", line.start)  # what the rule starts with: a cheap test
            and _HEADER_RULE.match(page.text[line.start : line.end])
        ):
            for prev in page.lines[:i]:
                s, e = page.content(prev)
                m = _HEADER_FIELD.match(page.text[s:e])
                if m:
                    doc.metadata[m.group(1)] = document.Field(
                        m.group(1), m.group(2).strip(), Span(s, e)
                    )
            return i + 1
    return 0
