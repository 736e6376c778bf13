"""The part of a source line the text output shows under a finding, and its caret.

Lines of real reports are long (a crawler copy is often one line per
paragraph, thousands of characters). The text output shows a window of the
line around the finding's span that fits the terminal, measured in terminal
cells (a CJK character takes two), marks each cut with ``…``, and expands
tabs to tab stops first so that the caret under the span lines up with what
the terminal shows.
"""

from __future__ import annotations

from gsilint.positions import display_width
from gsilint.records import dataclass

#: tab stops of the shown line, in cells
TAB_SIZE = 4
#: what marks a cut at either end of the window (one cell)
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class LineWindow:
    #: the text to print (tabs expanded, cuts marked)
    text: str
    #: cells before the first caret
    caret_start: int
    #: number of carets (at least one)
    caret_width: int

    @property
    def marker(self) -> str:
        return " " * self.caret_start + "^" * self.caret_width


def _cells(line: str) -> list[tuple[str, int, int]]:
    """Each character as (shown text, first cell, width), tabs expanded to ``TAB_SIZE`` stops."""
    out: list[tuple[str, int, int]] = []
    cell = 0
    for ch in line:
        if ch == "\t":
            width = TAB_SIZE - cell % TAB_SIZE
            out.append((" " * width, cell, width))
        else:
            width = display_width(ch)
            out.append((ch, cell, width))
        cell += width
    return out


def line_window(line: str, column: int, end_column: int | None, width: int) -> LineWindow:
    """The window of ``line`` to show for a span from ``column`` to ``end_column`` (1-based,
    exclusive end; ``None``: one character) in at most ``width`` cells (at least 20)."""
    width = max(20, width)
    cells = _cells(line)
    total = cells[-1][1] + cells[-1][2] if cells else 0
    start_i = min(max(column - 1, 0), len(cells))
    end_i = min(max((end_column or column + 1) - 1, start_i + 1), len(cells))
    span_start = cells[start_i][1] if start_i < len(cells) else total
    span_end = cells[end_i - 1][1] + cells[end_i - 1][2] if end_i > start_i else span_start + 1

    if total <= width:
        first, last = 0, total
    else:
        room = width - 2  # a cell for the ellipsis at each cut end
        context = min(room // 3, span_start)
        first = span_start - context
        last = first + room
        if last > total:
            last = total
            first = max(0, total - room)
    shown = [(text, cell, w) for text, cell, w in cells if cell >= first and cell + w <= last]
    if not shown:
        return LineWindow("", 0, 1)
    lead = ELLIPSIS if shown[0][1] > 0 else ""
    tail = ELLIPSIS if shown[-1][1] + shown[-1][2] < total else ""
    origin = shown[0][1] - len(lead)
    caret_from = max(span_start, shown[0][1])
    caret_to = min(span_end, shown[-1][1] + shown[-1][2] + len(tail))
    return LineWindow(
        lead + "".join(t for t, _, _ in shown) + tail,
        max(0, caret_from - origin),
        max(1, caret_to - caret_from),
    )
