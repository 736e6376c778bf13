"""Merged-cell tables (HTML, DOCX) → the plain grid the table rules read.

A table with rowspan/colspan is expanded into a rectangle: the merged area's
first cell holds the text, its other cells are empty (as a Word table copied
to text looks). Word-made tables often have *staggered* column grids (a
header cell spans columns 3–4, the value below it spans 4–5): the expanded
grid then has columns that no value starts in. :func:`compact` folds such
columns into their left neighbour, per block of the table (blocks are split
at full-width title rows such as "第二十条第（一）项"), so each value sits under
its header as in the published table. Each row then becomes one
tab-separated line (:func:`row_lines`).
"""

from __future__ import annotations

from gsilint.patterns import lazy
from gsilint.records import dataclass
from gsilint.sources.base import InputError
from gsilint.sources.flatten import Fragment

#: Expanded cells in one table (E001 beyond).
MAX_TABLE_CELLS = 10_000

_VALUE = lazy(r"[+\-－]?\d[\d,，.]*%?(?:元|万元|件|条)?")


@dataclass(slots=True)
class Anchor:
    """The cell that starts a merged area (or an ordinary cell)."""

    pieces: list[Fragment]
    origin: int  # where the cell starts in the original (its tab maps here)
    colspan: int = 1
    #: a name for the cell (DOCX: "表2 第5行第3列")
    label: str | None = None
    #: an empty stand-in for a vertically merged cell (DOCX vMerge): named, but no cell of its own
    continuation: bool = False

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


CellGrid = list[list["Anchor | None"]]


def too_many_cells() -> InputError:
    return InputError(
        f"表格过大：超过 {MAX_TABLE_CELLS} 个单元格上限",
        f"table too large: more than {MAX_TABLE_CELLS} cells",
    )


def expand(rows: list[list[tuple[Anchor, int]]]) -> CellGrid:
    """Expand rows of ``(anchor, rowspan)`` (colspan in the anchor) into a grid."""
    grid: CellGrid = []
    pending: dict[int, int] = {}  # column → rows still covered by a rowspan from above
    cells = 0
    for r, row in enumerate(rows):
        out: list[Anchor | None] = []
        col = 0
        for anchor, rowspan in row:
            while pending.get(col, 0) > 0:
                out.append(None)
                col += 1
            rowspan = max(1, min(rowspan, len(rows) - r))
            cells += anchor.colspan * rowspan
            if cells > MAX_TABLE_CELLS:
                raise too_many_cells()
            out.append(anchor)
            out.extend([None] * (anchor.colspan - 1))
            for k in range(col, col + anchor.colspan):
                pending[k] = max(pending.get(k, 0), rowspan)
            col += anchor.colspan
        covered = max((k for k, v in pending.items() if v > 0), default=-1)
        while col <= covered:  # rowspans from above that reach past this row's last cell
            out.append(None)
            col += 1
        for k in list(pending):
            pending[k] -= 1
            if pending[k] <= 0:
                del pending[k]
        if any(c is not None for c in out):
            grid.append(out)
    width = max((len(row) for row in grid), default=0)
    for row in grid:
        row.extend([None] * (width - len(row)))
    return grid


def _starts(cell: Anchor | None) -> bool:
    return cell is not None and not cell.continuation


def _is_title_row(row: list[Anchor | None]) -> bool:
    anchors = [c for c in row if _starts(c)]
    return len(anchors) == 1 and row[0] is anchors[0] and anchors[0].colspan >= len(row) > 1


def _is_value(anchor: Anchor) -> bool:
    return bool(_VALUE.fullmatch(anchor.text.strip()))


def compact(grid: CellGrid) -> CellGrid:
    """Fold the columns no value starts in into their left neighbour, block by block."""
    out: CellGrid = []
    block: CellGrid = []
    for row in grid + [None]:  # type: ignore[list-item]
        if row is None or _is_title_row(row):
            out.extend(_compact_block(block))
            block = []
            if row is not None:
                out.append(row)
        else:
            block.append(row)
    return out


def _compact_block(block: CellGrid) -> CellGrid:
    data = [row for row in block if any(c is not None and _is_value(c) for c in row)]
    if not data:
        return block
    width = len(block[0])
    keep = {0} | {i for row in data for i, c in enumerate(row) if _starts(c)}
    if len(keep) == width:
        return block
    target = []  # new column of each old column
    n = -1
    for i in range(width):
        if i in keep:
            n += 1
        target.append(max(n, 0))
    result: CellGrid = []
    for row in block:
        new: list[Anchor | None] = [None] * (n + 1)
        for i, cell in enumerate(row):
            if cell is None:
                continue
            # a cell starting in a folded column moves to the first kept column it spans
            inside = next((k for k in range(i, min(i + cell.colspan, width)) if k in keep), None)
            t = target[inside] if inside is not None else target[i]
            if new[t] is None or not new[t].text:
                new[t] = cell
            elif cell.text:  # two texts meet in one column: keep both
                new[t] = Anchor(
                    new[t].pieces + [Fragment(" ", cell.origin, False)] + cell.pieces,
                    new[t].origin,
                    1,
                    new[t].label,
                )
        result.append(new)
    return result


def row_lines(grid: CellGrid) -> list[list[Fragment]]:
    """One line of pieces per row, cells separated by tabs mapped to the next cell.

    Labels: a cell's label sits on its first character; an empty cell has
    none, so its label sits on the tab that follows it (the place it is).
    """
    lines = []
    for row in grid:
        anchor = next(c.origin for c in row if c is not None)
        pieces: list[Fragment] = []
        waiting: str | None = None  # label of an empty cell, for the next tab
        for i, cell in enumerate(row):
            if cell is not None:
                anchor = cell.origin
            if i:
                pieces.append(Fragment("\t", anchor, False, waiting))
            texts = (
                [p for p in cell.pieces if "\t" not in p.text and "\n" not in p.text]
                if cell
                else []
            )
            label = cell.label if cell is not None else None
            if texts and label is not None:
                texts[0] = Fragment(texts[0].text, texts[0].origin, texts[0].linear, label)
            waiting = None if texts else label
            pieces.extend(texts)
        lines.append(pieces)
    return lines
