"""What output needs of a file's text once its Source is gone.

A result from a worker process or the result cache carries no
:class:`~gsilint.sources.Source` (the parent would otherwise receive every
input twice over). Output still shows the line of each finding (text) and
turns fix offsets into lines and columns (json, jsonl, sarif): an
:class:`Excerpts` keeps exactly that, taken from the Source when the file
was linted. Anything it lacks — a cross-file finding added at the end of the
run — is read from the file by :meth:`gsilint.run.FileResult.line_text`.
"""

from __future__ import annotations

from dataclasses import field

from gsilint.findings import Finding
from gsilint.positions import LineIndex
from gsilint.records import dataclass


@dataclass(frozen=True, slots=True)
class Excerpts:
    #: lines in the original file
    line_count: int
    #: 0-based line → its text, for the lines findings start on
    lines: dict[int, str] = field(default_factory=dict)
    #: original offset → 1-based (line, column), for the ends of fixes
    positions: dict[int, tuple[int, int]] = field(default_factory=dict)


def take_excerpts(index: LineIndex, findings: list[Finding]) -> Excerpts:
    """The lines and fix positions of ``findings`` in a file whose lines are ``index``."""
    lines: dict[int, str] = {}
    positions: dict[int, tuple[int, int]] = {}
    count = index.line_count
    for f in findings:
        if 0 < f.line <= count and f.line - 1 not in lines:
            lines[f.line - 1] = index.line_text(f.line - 1)
        if f.fix is not None:
            for offset in (f.fix.start, f.fix.end):
                positions[offset] = index.position(offset)
    return Excerpts(count, lines, positions)
