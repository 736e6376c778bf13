"""Helpers shared by the S rules: Chinese numerals, heading text, whether a structure was found."""

from __future__ import annotations

from gsilint import document

_CN = "〇一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")


def _head(h: document.Heading) -> str:
    return f"{h.mark.text}{h.title}"


def _has_structure(ctx) -> bool:
    """Whether any heading or table was recognised (else E002 speaks, not S)."""
    return bool(ctx.facts.top_sections) or any(True for _ in ctx.doc.tables())
