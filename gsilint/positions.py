"""Offsets, lines and columns.

One truth: 0-based code-point offsets into a text. Lines are split on "\\n"
only (never ``str.splitlines``, which also splits on U+2028 and friends); a
"\\r" before the "\\n" belongs to the line break, not to the line.
Conversions happen at output: 1-based line/column in code points for humans,
SARIF and GitHub; 0-based line and UTF-16 code units for LSP.
"""

from __future__ import annotations

from bisect import bisect_right

from gsilint.records import dataclass


@dataclass(frozen=True, slots=True, init=False)
class Span:
    """A half-open range [start, end) of code-point offsets."""

    start: int
    end: int

    # Spans are made by the ten thousand per report: the check is inline and the
    # fields are set through their slots (what a frozen dataclass's own
    # ``__init__`` does through ``object.__setattr__``, at twice the cost).
    def __init__(self, start: int, end: int) -> None:
        if start < 0 or end < start:
            raise ValueError(f"bad span {start}..{end}")
        _set_start(self, start)
        _set_end(self, end)

    def __len__(self) -> int:
        return self.end - self.start

    def shift(self, delta: int) -> Span:
        return Span(self.start + delta, self.end + delta)

    def cover(self, other: Span) -> Span:
        a, b = self.start, other.start
        c, d = self.end, other.end
        return Span(a if a < b else b, c if c > d else d)


_set_start = Span.start.__set__
_set_end = Span.end.__set__


class LineIndex:
    """Maps offsets of one text to lines and columns and back."""

    __slots__ = ("text", "_starts", "_length")

    def __init__(self, text: str) -> None:
        self.text = text
        self._length = len(text)
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        """0-based line containing ``offset`` (clamped into the text)."""
        offset = max(0, min(offset, len(self.text)))
        return bisect_right(self._starts, offset) - 1

    def line_start(self, line: int) -> int:
        return self._starts[line]

    def line_end(self, line: int) -> int:
        """Offset of the end of ``line``'s content (before "\\r\\n" or "\\n")."""
        end = self._starts[line + 1] - 1 if line + 1 < len(self._starts) else len(self.text)
        if end > self._starts[line] and self.text[end - 1] == "\r":
            end -= 1
        return end

    def line_text(self, line: int) -> str:
        return self.text[self._starts[line] : self.line_end(line)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in code points (``offset`` clamped into the text)."""
        if offset < 0:
            offset = 0
        elif offset > self._length:
            offset = self._length
        starts = self._starts
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position` (1-based line and column)."""
        return self._starts[line - 1] + column - 1

    def utf16_position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) with the character in UTF-16 code units (LSP)."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start = self._starts[line]
        return line, utf16_len(self.text[start:offset])


def utf16_len(s: str) -> int:
    """Length of ``s`` in UTF-16 code units."""
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def display_width(s: str) -> int:
    """Terminal cells taken by ``s``: CJK wide and full-width characters take two."""
    import unicodedata

    width = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width
