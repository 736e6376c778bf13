"""The text being parsed, its typed lines, and the offsets helpers every part of the parser uses."""

from __future__ import annotations

from dataclasses import dataclass

from gsilint import document
from gsilint.parse.tokens import Line
from gsilint.positions import Span


@dataclass(slots=True)
class Page:
    text: str
    #: ``text`` in simplified script, character for character
    simplified: str
    lines: list[Line]

    def s(self, start: int, end: int) -> str:
        """Simplified text between two offsets."""
        return self.simplified[start:end]

    def content(self, line: Line) -> tuple[int, int]:
        """Span of a line without indentation, hashes and trailing spaces."""
        toks = [t for t in line.tokens if t.type not in ("INDENT", "HASHES")]
        if not toks:
            return line.end, line.end
        start, end = toks[0].start_pos, line.end
        while end > start and self.text[end - 1] in " \u3000\t\u00a0":
            end -= 1
        return start, end

    def paragraph(self, start: int, end: int) -> document.Paragraph | None:
        while start < end and self.text[start] in " \u3000\u00a0\t*":
            start += 1
        while end > start and self.text[end - 1] in " \u3000\u00a0\t*":
            end -= 1
        if start >= end:
            return None
        return document.Paragraph(self.text[start:end], Span(start, end))

    def cell(self, start: int, end: int) -> document.Cell:
        while start < end and self.text[start] in " \u3000\u00a0":
            start += 1
        while end > start and self.text[end - 1] in " \u3000\u00a0\r":
            end -= 1
        return document.Cell(self.text[start:end], Span(start, end))
