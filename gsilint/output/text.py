"""``--format text`` (default): each finding with its source line and a marker.

The marker under the span is measured in terminal cells, so it lines up under
CJK text (two cells per character). Colours only on a terminal.
"""

from __future__ import annotations

import os
import shutil
from typing import TextIO

from gsilint.findings import Severity
from gsilint.output import (
    SEVERITY_WORDS,
    OutputOptions,
    can_fix,
    color_from_environment,
    fixable_count,
    fixable_line,
    output_format,
    summary_counts,
)
from gsilint.output.line_window import line_window
from gsilint.patterns import re_compile
from gsilint.positions import display_width

#: the control characters rich removes from text it prints
_CONTROL_CODES = re_compile("[\x07\x08\x0b\x0c\r]")
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def excerpt_width(out: TextIO) -> int:
    """Cells available for an excerpt line: ``COLUMNS``, else the terminal's width, else 120."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    isatty = getattr(out, "isatty", None)
    if isatty is not None and isatty():
        return shutil.get_terminal_size((120, 24)).columns
    return 120


class _Lines:
    """Writes lines of styled pieces through rich, or straight to the stream without colour.

    Without colour (``--no-color``, ``NO_COLOR``, or not a terminal) rich is
    not even imported: a line is its text with control codes removed and tabs
    expanded to 8-cell stops, exactly what rich writes for it (tested).
    """

    def __init__(self, out: TextIO, color: bool | None) -> None:
        color = color_from_environment(color)
        isatty = getattr(out, "isatty", None)
        self._out = out
        self._console = None
        self._plain = color is False or (color is None and not (isatty and isatty()))
        if not self._plain:
            from rich.console import Console  # rich loads only for a terminal

            self._console = Console(
                file=out,
                force_terminal=color,
                no_color=color is False,
                highlight=False,
                soft_wrap=True,
                emoji=False,
            )
            self._plain = self._console.no_color or self._console.color_system is None

    def write(self, *pieces: tuple[str, str], base: str = "") -> None:
        """One line; ``base`` styles the whole line under the pieces' own styles."""
        text = "".join(p for p, _ in pieces)
        if self._plain:
            text = _CONTROL_CODES.sub("", text)
            self._out.write((_expand_tabs(text) if "\t" in text else text) + "\n")
        else:
            from rich.text import Text

            self._console.print(Text.assemble(*pieces, style=base))


def _expand_tabs(text: str, size: int = 8) -> str:
    """Tabs to spaces up to the next multiple of ``size`` terminal cells (as rich does)."""
    out, cell = [], 0
    for ch in text:
        if ch == "\t":
            pad = size - cell % size
            out.append(" " * pad)
            cell += pad
        else:
            out.append(ch)
            cell += display_width(ch)
    return "".join(out)


@output_format("text")
def write_text(results, out: TextIO, options: OutputOptions) -> None:
    lines = _Lines(out, options.color)
    words = SEVERITY_WORDS.get(options.lang, SEVERITY_WORDS["zh"])
    width = excerpt_width(out)
    files_with = 0
    for r in results:
        if r.findings:
            files_with += 1
        for f in r.findings:
            style = _STYLE[f.severity]
            head = [
                (f"{f.path}:{f.line}:{f.column}", "bold"),
                (" ", ""),
                (f.code, style),
                (" [*]" if can_fix(r, f) else "", style),
                (f" [{words[f.severity]}] ", style),
                (f.message, ""),
            ]
            if f.location.label:
                head.append((f"  ({f.location.label})", "dim"))
            lines.write(*head)
            line_count = r.line_count()
            line_text = r.line_text(f.line - 1) if line_count and f.line <= line_count else None
            if line_text is not None:
                end_col = f.end_column if f.end_line == f.line and f.end_column > f.column else None
                gutter = f"{f.line:>5} | "
                window = line_window(line_text, f.column, end_col, width - len(gutter))
                lines.write((gutter, ""), (window.text, ""), base="dim")
                lines.write(
                    (" " * (len(gutter) - 2) + "| ", ""), (window.marker, style), base="dim"
                )
            for rel in f.related[:8]:
                lines.write(
                    (
                        f"      ↳ {f.path}:{rel.location.line}:{rel.location.column} {rel.message}",
                        "dim",
                    )
                )
            lines.write()
    counts = summary_counts(results)
    total = sum(counts.values())
    if options.lang == "en":
        line = (
            f"{total} finding(s) in {files_with} of {len(results)} file(s): "
            f"{counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), "
            f"{counts[Severity.INFO]} info"
        )
    else:
        line = (
            f"共检查 {len(results)} 个文件，{files_with} 个有问题，发现 {total} 处："
            f"错误 {counts[Severity.ERROR]}，警告 {counts[Severity.WARNING]}，"
            f"提示 {counts[Severity.INFO]}"
        )
    lines.write((line, "bold"))
    fixable = fixable_count(results)
    if fixable:
        lines.write((fixable_line(fixable, options.lang), ""))
