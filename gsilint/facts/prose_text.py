"""The running text the T (hygiene) rules read, as pieces with their places.

Text hygiene looks at running text only: the report title, paragraphs
(including the run-on body of a heading) and heading titles — never table
cells, heading numbers, crawler headers or the navigation a crawler kept.
A ``\\n`` inside a paragraph is a line wrap of PDF-extracted text, not a
character of the sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gsilint.document import Paragraph, Section
from gsilint.positions import Span
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.facts import Facts


@dataclass(frozen=True, slots=True)
class ProseText:
    """A run of prose: its text and where it starts in ``doc.text``."""

    text: str
    start: int
    kind: str  # title | paragraph | heading

    def span(self, a: int, b: int) -> Span:
        """Span of ``text[a:b]`` in document coordinates."""
        return Span(self.start + a, self.start + b)


def hygiene_prose(f: Facts) -> list[ProseText]:
    """Title, paragraphs and headings (title with its run-on body) in document order.

    Heading numbers (一、 （一） (1)) are never part of a piece.
    """
    doc = f.doc
    pieces: list[ProseText] = []
    if doc.title is not None:
        pieces.append(ProseText(doc.title.text, doc.title.span.start, "title"))
    for node in doc.walk():
        if isinstance(node, Paragraph):
            pieces.append(ProseText(node.text, node.span.start, "paragraph"))
        elif isinstance(node, Section):  # only a section has a heading
            heading = node.heading
            # a heading's title and its run-on body read as one paragraph ("政府網站:依托…")
            start = (
                heading.title_span.start
                if heading.title
                else (heading.body.span.start if heading.body else None)
            )
            if start is not None:
                end = heading.body.span.end if heading.body is not None else heading.title_span.end
                pieces.append(
                    ProseText(
                        doc.text[start:end], start, "paragraph" if heading.body else "heading"
                    )
                )
    return pieces
