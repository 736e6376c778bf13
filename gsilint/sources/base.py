"""What every input becomes: the text the parser reads, and a way back.

A :class:`Source` carries two texts. ``original`` is the file as a person sees
it (decoded); ``text`` is what the grammar parses. For plain text they are the
same string. For a crawler copy whose line breaks were lost, an HTML page or a
DOCX draft, ``text`` is a flattened form and :class:`SourceMap` maps each of
its offsets back into ``original``, so findings point at the real file.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from gsilint.findings import Location
from gsilint.positions import LineIndex, Span


class InputError(Exception):
    """A file that cannot be read as a report (binary, empty, undecodable, too large)."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en


class SourceMap:
    """Piecewise-linear map from flattened offsets to original offsets.

    Built from segments ``(flat_start, original_start)``: from ``flat_start``
    up to the next segment, offsets advance together. Inserted characters (a
    recovered line break) map onto the original offset they were inserted at.
    """

    __slots__ = ("_flat", "_orig", "_orig_len")

    def __init__(self, segments: list[tuple[int, int]], original_length: int) -> None:
        segments = sorted(segments) or [(0, 0)]
        if segments[0][0] != 0:
            segments.insert(0, (0, 0))
        self._flat = [f for f, _ in segments]
        self._orig = [o for _, o in segments]
        self._orig_len = original_length

    @classmethod
    def identity(cls, length: int) -> SourceMap:
        return cls([(0, 0)], length)

    def to_original(self, offset: int) -> int:
        i = bisect_right(self._flat, offset) - 1
        result = self._orig[i] + (offset - self._flat[i])
        if i + 1 < len(self._flat) and self._orig[i + 1] >= self._orig[i]:
            # an inserted run maps onto its origin, not past the next segment
            result = min(result, self._orig[i + 1])
        return max(0, min(result, self._orig_len))


@dataclass
class Source:
    """A decoded input ready for parsing."""

    path: str
    text: str
    original: str
    kind: str = "text"  # text | markdown | html | docx | pdf
    encoding: str = "utf-8"
    map: SourceMap | None = None
    #: Human names for places in formats without lines (DOCX: "段落 41", "表2 第5行第3列"):
    #: ``(offset, label)`` sorted by offset; a label holds up to the next one.
    labels: list[tuple[int, str]] = field(default_factory=list)
    _index: LineIndex | None = field(default=None, repr=False)
    _label_offsets: list[int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.map is None:
            self.map = SourceMap.identity(len(self.original))

    @property
    def index(self) -> LineIndex:
        """Line index of the *original* text (where findings are reported)."""
        if self._index is None:
            self._index = LineIndex(self.original)
        return self._index

    def label_at(self, offset: int) -> str | None:
        """The label of the place holding ``offset`` in the *original* text, if any."""
        if not self.labels:
            return None
        if self._label_offsets is None:
            self._label_offsets = [o for o, _ in self.labels]
        i = bisect_right(self._label_offsets, offset) - 1
        return self.labels[i][1] if i >= 0 else None

    def to_original(self, offset: int) -> int:
        return offset if self.text is self.original else self.map.to_original(offset)

    def locate(self, span: Span) -> Location:
        """Where ``span`` (parsed-text offsets) is in the original file."""
        start = self.to_original(span.start)
        end = max(start, self.to_original(span.end))
        line, col = self.index.position(start)
        end_line, end_col = self.index.position(end)
        return Location(start, end, line, col, end_line, end_col, self.label_at(start))

    def excerpt(self, location: Location) -> str:
        """The text at a finding (up to 40 characters), for fingerprints and baselines."""
        o = self.original
        return (
            o[location.start : min(location.end, location.start + 40)]
            or o[location.start : location.start + 20]
        )
