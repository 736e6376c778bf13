"""Build flattened report text piece by piece, remembering where each piece came from.

HTML pages and DOCX drafts are turned into the line-based text the grammar
reads: one line per paragraph or heading, one tab-separated line per table
row. :class:`Flattener` collects *pieces* — text copied from the original
(``linear``: offset ``k`` of the piece is offset ``origin + k`` of the
original) or inserted characters (a space, a tab, a decoded entity: they map
onto one original offset) — and produces the flat text with a
:class:`~gsilint.sources.base.SourceMap` built from one segment per piece.
"""

from __future__ import annotations

from gsilint.records import dataclass
from gsilint.sources.base import SourceMap

#: Horizontal whitespace trimmed at the two ends of a line.
_TRIM = " \t\u00a0\u3000"


@dataclass(slots=True)
class Fragment:
    text: str
    origin: int
    linear: bool = True
    #: a name for the place this piece starts (DOCX: "段落 41"),
    #: collected by :meth:`Flattener.result`
    label: str | None = None


def is_cjk(ch: str) -> bool:
    """CJK ideographs and full-width punctuation: joined without a space."""
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x3FFFF
    )


def join_runs(runs: list[list[Fragment]]) -> list[Fragment]:
    """Join the text runs of one cell (its paragraphs) into one run.

    Chinese runs join directly ("本年新收" + "申请数量"); other runs get a
    space between them. Empty runs are dropped.
    """
    out: list[Fragment] = []
    for run in runs:
        run = trim(run)
        if not run:
            continue
        if out:
            left, right = out[-1].text[-1], run[0].text[0]
            if not (is_cjk(left) or is_cjk(right)):
                out.append(Fragment(" ", run[0].origin, False))
        out.extend(run)
    return out


def trim(pieces: list[Fragment]) -> list[Fragment]:
    """Drop leading and trailing whitespace (split pieces keep their origins)."""
    pieces = [p for p in pieces if p.text]
    while pieces and not pieces[0].text.lstrip(_TRIM):
        pieces.pop(0)
    while pieces and not pieces[-1].text.rstrip(_TRIM):
        pieces.pop()
    if pieces:
        first = pieces[0]
        stripped = first.text.lstrip(_TRIM)
        if len(stripped) != len(first.text):
            cut = len(first.text) - len(stripped)
            pieces[0] = Fragment(
                stripped,
                first.origin + cut if first.linear else first.origin,
                first.linear,
                first.label,
            )
        last = pieces[-1]
        stripped = last.text.rstrip(_TRIM)
        if len(stripped) != len(last.text):
            pieces[-1] = Fragment(stripped, last.origin, last.linear, last.label)
    return pieces


class Flattener:
    """Accumulates lines of pieces; :meth:`result` gives ``(text, map)``."""

    def __init__(self) -> None:
        self.lines: list[list[Fragment]] = []

    def add_line(self, pieces: list[Fragment]) -> bool:
        """Add one line (trimmed; tabs and line breaks inside must not occur).

        Empty lines are skipped.
        """
        pieces = trim(pieces)
        if not pieces:
            return False
        self.lines.append(pieces)
        return True

    def result(self, original_length: int) -> tuple[str, SourceMap, list[tuple[int, str]]]:
        """The flat text, its map, and the labels of labelled pieces as ``(flat offset, label)``."""
        parts: list[str] = []
        segments: list[tuple[int, int]] = []
        labels: list[tuple[int, str]] = []
        flat = 0
        for i, line in enumerate(self.lines):
            if i:
                # the line break maps to the end of the previous line's last piece
                prev = self.lines[i - 1][-1]
                segments.append((flat, prev.origin + (len(prev.text) if prev.linear else 1)))
                parts.append("\n")
                flat += 1
            for p in line:
                if p.label is not None and not (labels and labels[-1][1] == p.label):
                    labels.append((flat, p.label))
                parts.append(p.text)
                if p.linear:
                    segments.append((flat, p.origin))
                    flat += len(p.text)
                else:
                    # inserted characters: every one maps onto the same origin
                    for _ in p.text:
                        segments.append((flat, p.origin))
                        flat += 1
        text = "".join(parts)
        return text, SourceMap(_dedupe(segments), original_length), labels


def _dedupe(segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the last segment for each flat offset (empty pieces add none)."""
    out: list[tuple[int, int]] = []
    for f, o in segments:
        if out and out[-1][0] == f:
            out[-1] = (f, o)
        else:
            out.append((f, o))
    return out
