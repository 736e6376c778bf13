"""The prose the T rules read (the fact ``hygiene_prose``), and the helpers their
messages and fixes share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gsilint.facts.prose_text import ProseText
from gsilint.positions import Span

if TYPE_CHECKING:
    from gsilint.rules.context import Context


def prose(ctx: Context) -> list[ProseText]:
    """Title, paragraphs and headings (title with its run-on body) in document order.

    Heading numbers (一、 （一） (1)) are never part of a piece; the fact
    ``hygiene_prose`` (gsilint/facts/prose_text.py) computes them once per document.
    """
    return ctx.facts.hygiene_prose


def safe_fix(ctx: Context, span: Span, replacement: str) -> tuple[Span, str] | None:
    """A fix for ``span`` only when the original file has exactly that text there.

    Reflowed crawler copies carry inserted line breaks and HTML has entities:
    if the parsed text and the original differ over the span, the fix would
    edit something else, so no fix is offered.
    """
    src = ctx.source
    a, b = src.to_original(span.start), src.to_original(span.end)
    if b - a != span.end - span.start or src.original[a:b] != ctx.doc.text[span.start : span.end]:
        return None
    return span, replacement


def clip(text: str, at: int, width: int = 12) -> str:
    """A short excerpt around ``at`` for messages (line breaks shown as spaces)."""
    return text[max(0, at - width) : at + width].replace("\n", " ")
