"""``--format text`` (default): each finding with its source line and a marker.

The marker under the span is measured in terminal cells, so it lines up under
CJK text (two cells per character). Colours only on a terminal.
"""

from __future__ import annotations

import re
from typing import TextIO

from gsilint.findings import Severity
from gsilint.output import OutputOptions, output_format, summary_counts
from gsilint.positions import display_width

#: the control characters rich removes from text it prints
_CONTROL_CODES = re.compile("[\x07\x08\x0b\x0c\r]")
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WORD = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}


def _marker_line(line_text: str, col: int, end_col: int | None) -> tuple[str, str]:
    """(padding, carets) to put under ``line_text`` from ``col`` to ``end_col`` (1-based)."""
    before = line_text[: col - 1]
    span = line_text[col - 1 : (end_col - 1) if end_col else col]
    if "\t" in before:
        pad = "".join("\t" if ch == "\t" else " " * display_width(ch) for ch in before)
    else:
        pad = " " * display_width(before)
    return pad, "^" * max(1, display_width(span))


class _Lines:
    """Writes lines of styled pieces through rich, or straight to the stream without colour.

    Rich writes a line without colour as its text with control codes removed
    and tabs expanded; the fast path does the same and leaves lines with tabs
    to rich, so both give the same bytes.
    """

    def __init__(self, out: TextIO, color: bool | None) -> None:
        from rich.console import Console  # rich loads only for this format

        self._console = Console(
            file=out,
            force_terminal=color,
            no_color=color is False,
            highlight=False,
            soft_wrap=True,
            emoji=False,
        )
        self._plain = self._console.no_color or self._console.color_system is None
        self._out = out

    def write(self, *pieces: tuple[str, str], base: str = "") -> None:
        """One line; ``base`` styles the whole line under the pieces' own styles."""
        text = "".join(p for p, _ in pieces)
        if self._plain and "\t" not in text:
            self._out.write(_CONTROL_CODES.sub("", text) + "\n")
        else:
            from rich.text import Text

            self._console.print(Text.assemble(*pieces, style=base))


@output_format("text")
def write_text(results, out: TextIO, options: OutputOptions) -> None:
    lines = _Lines(out, options.color)
    words = _WORD.get(options.lang, _WORD["zh"])
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
                # keep long crawler lines readable: show a window around the span
                start = 0
                if len(line_text) > 100:
                    start = max(0, f.column - 31)
                    line_text = line_text[start : start + 100]
                col = f.column - start
                end = (end_col - start) if end_col else None
                if end is not None:
                    end = min(end, len(line_text) + 1)
                gutter = f"{f.line:>5} | "
                lines.write((gutter, ""), (line_text.replace("\t", "    "), ""), base="dim")
                pad, carets = _marker_line(line_text, col, end)
                pad = pad.replace("\t", "    ")
                lines.write((" " * (len(gutter) - 2) + "| ", ""), (pad + carets, style), base="dim")
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
