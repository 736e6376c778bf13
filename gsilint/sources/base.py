"""What every input becomes: the text the parser reads, and a way back.

A :class:`Source` carries two texts. ``original`` is the file as a person sees
it (decoded); ``text`` is what the grammar parses. For plain text they are the
same string. For a crawler copy whose line breaks were lost, an HTML page or a
DOCX draft, ``text`` is a flattened form and :class:`SourceMap` maps each of
its offsets back into ``original``, so findings point at the real file.
"""

from __future__ import annotations

import errno
import stat
from bisect import bisect_right
from dataclasses import field

from gsilint.findings import Location
from gsilint.positions import LineIndex, Span
from gsilint.records import dataclass


class InputError(Exception):
    """A file that cannot be read as a report (binary, empty, undecodable, too large)."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en


def os_error(exc: OSError) -> InputError:
    """What a user is told when a path cannot be opened (no Python exception text)."""
    if exc.errno == errno.ENOENT:
        return InputError(
            "文件或文件夹不存在：请检查路径", "no such file or folder: check the path"
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(
            "没有读取权限：请检查文件权限", "permission denied: check the file's permissions"
        )
    if exc.errno == errno.EISDIR:
        return InputError("这是文件夹，不是文件", "this is a folder, not a file")
    reason = exc.strerror or exc.__class__.__name__
    return InputError(f"无法读取：{reason}", f"cannot read: {reason}")


def not_a_file(mode: int) -> InputError:
    """A named path that is a pipe, a device or a socket: reading it could block forever."""
    if stat.S_ISFIFO(mode):
        zh, en = "命名管道（FIFO）", "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        zh, en = "设备文件", "a device file"
    elif stat.S_ISSOCK(mode):
        zh, en = "套接字", "a socket"
    elif stat.S_ISDIR(mode):
        return InputError("这是文件夹，不是文件", "this is a folder, not a file")
    else:
        zh, en = "特殊文件", "a special file"
    return InputError(
        f"这是{zh}，不是普通文件，没有读取：请给出报告文件本身",
        f"this is {en}, not a regular file, and was not read: name the report file itself",
    )


def damaged(suffix: str) -> InputError:
    """A file its reader failed on for an unforeseen reason: what to do about it."""
    if suffix.lower() == ".docx":
        return InputError(
            "Word 文件已损坏或格式不标准，无法读取：请用 Word 打开后另存为 .docx 再检查",
            "the Word file is damaged or non-standard and cannot be read: "
            "open it in Word, save it as .docx again and check that",
        )
    return InputError(
        f"文件无法按 {suffix or '文本'} 格式读取，可能已损坏：请重新导出或另存后再检查",
        f"the file cannot be read as {suffix or 'text'}; it may be damaged: "
        "export or save it again and check that",
    )


@dataclass(frozen=True)
class Undecodable:
    """Bytes of a UTF-8 file that did not decode and were replaced by U+FFFD."""

    #: how many bytes could not be decoded
    count: int
    #: 0-based byte offset of the first one in the file
    first_byte: int
    #: code-point offset of its replacement character in ``Source.original``
    first_offset: int
    #: U+FFFD characters the file itself held before that one
    literal_before: int = 0


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
        flat, orig = self._flat, self._orig
        i = bisect_right(flat, offset) - 1
        result = orig[i] + (offset - flat[i])
        if i + 1 < len(flat):
            following = orig[i + 1]
            if following >= orig[i] and result > following:
                # an inserted run maps onto its origin, not past the next segment
                result = following
        # clamped into the original (comparisons: ``max``/``min`` calls cost more)
        if result > self._orig_len:
            return self._orig_len
        return result if result > 0 else 0


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
    #: undecodable bytes replaced while decoding (None: the file decoded cleanly)
    undecodable: Undecodable | None = None
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
        if self.text is self.original:  # no map: the offsets are the original's
            start, end = span.start, span.end
        else:
            to_original = self.map.to_original
            start = to_original(span.start)
            end = to_original(span.end)
            if end < start:
                end = start
        position = (self._index or self.index).position
        line, col = position(start)
        end_line, end_col = position(end) if end != start else (line, col)
        label = self.label_at(start) if self.labels else None
        return Location(start, end, line, col, end_line, end_col, label)

    def excerpt(self, location: Location) -> str:
        """The text at a finding (up to 40 characters), for fingerprints and baselines."""
        o = self.original
        return (
            o[location.start : min(location.end, location.start + 40)]
            or o[location.start : location.start + 20]
        )
