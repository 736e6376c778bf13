"""Helpers shared by the S rules: heading text, whether a structure was found."""

from __future__ import annotations

from gsilint import document


def _head(h: document.Heading) -> str:
    return f"{h.mark.text}{h.title}"


def _has_structure(ctx) -> bool:
    """Whether any heading or table was recognised (else E002 speaks, not S)."""
    return bool(ctx.facts.top_sections) or any(True for _ in ctx.doc.tables())
