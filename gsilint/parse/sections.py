"""Nest the flat blocks into sections by the rank of their heading marks."""

from __future__ import annotations

from gsilint import document
from gsilint.positions import Span
from gsilint.vocabulary import STYLE_RANK


def nest(doc: document.Document, blocks: list[object]) -> None:
    """Append ``blocks`` to ``doc``: each heading opens a section inside the last
    section of a lower rank; other blocks join the open section (or the preamble)."""
    stack: list[document.Section] = []
    ranks: list[int] = []  # the level of each section on the stack
    for b in blocks:
        if isinstance(b, document.Heading):
            sec = document.Section(b, [], b.span)
            rank = STYLE_RANK[b.mark.style]
            while ranks and ranks[-1] >= rank:
                stack.pop()
                ranks.pop()
            (stack[-1].children if stack else doc.sections).append(sec)
            stack.append(sec)
            ranks.append(rank)
        else:
            (stack[-1].children if stack else doc.preamble).append(b)  # type: ignore[arg-type]

    # section spans cover their children (one span made per section, not one per child)
    def close(sec: document.Section) -> Span:
        span = sec.heading.span
        start, end = span.start, span.end
        for c in sec.children:
            cs = close(c) if type(c) is document.Section else c.span
            if cs.start < start:
                start = cs.start
            if cs.end > end:
                end = cs.end
        if start != span.start or end != span.end:
            span = Span(start, end)
        sec.span = span
        return span

    for sec in doc.sections:
        close(sec)
