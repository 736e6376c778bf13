"""The text being parsed, its typed lines, and the offsets helpers every part of the parser uses."""

from __future__ import annotations

from dataclasses import field
from functools import lru_cache

from gsilint.document import Cell, Paragraph
from gsilint.parse.tokens import Line
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.vocabulary import read_mark

#: :func:`gsilint.vocabulary.read_mark`, remembered: a report repeats a handful of marks.
mark_of = lru_cache(maxsize=1024)(read_mark)

#: What :meth:`Page.content` strips from a line's end.
TRAILING_SPACE = " \u3000\t\u00a0"


@dataclass(slots=True)
class Page:
    text: str
    #: ``text`` in simplified script, character for character
    simplified: str
    lines: list[Line]
    #: whether ``text`` holds a character of U+001C..U+001F (asked once, then remembered)
    _c0: bool | None = field(default=None, repr=False)

    def has_c0_separators(self) -> bool:
        """Whether the text holds U+001C..U+001F: spaces to ``str.split``, not to ``\\S``."""
        c0 = self._c0
        if c0 is None:
            text = self.text
            c0 = self._c0 = any(ch in text for ch in "\x1c\x1d\x1e\x1f")
        return c0

    def s(self, start: int, end: int) -> str:
        """Simplified text between two offsets."""
        return self.simplified[start:end]

    def content(self, line: Line) -> tuple[int, int]:
        """Span of a line without indentation, hashes and trailing spaces."""
        start = line.content_start()
        end = line.end
        text = self.text
        while end > start and text[end - 1] in TRAILING_SPACE:
            end -= 1
        return start, end

    def paragraph(self, start: int, end: int) -> Paragraph | None:
        text = self.text
        while start < end and text[start] in " \u3000\u00a0\t*":
            start += 1
        while end > start and text[end - 1] in " \u3000\u00a0\t*":
            end -= 1
        if start >= end:
            return None
        return Paragraph(text[start:end], Span(start, end))

    def cell(self, start: int, end: int) -> Cell:
        text = self.text
        while start < end and text[start] in " \u3000\u00a0":
            start += 1
        while end > start and text[end - 1] in " \u3000\u00a0\r":
            end -= 1
        return Cell(text[start:end], Span(start, end))
