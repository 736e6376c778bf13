"""Page geometry → report lines: text lines, running heads removed, paragraphs, table grids.

Pure geometry, no PDF library: :mod:`gsilint.sources.pdf` extracts each
page's characters and ruled-table cells and hands them over as
:class:`Glyph` and :class:`TableBox` objects.

- **Lines**: characters are grouped into lines by vertical overlap, ordered
  left to right; a gap wider than half a character becomes a space.
- **Running heads and page numbers**: the outermost lines of a page (top or
  bottom 15 % of its height) are dropped when they read as a page number
  ("- 3 -", "第3页 共9页", "3/9") or when the same text, digits aside, heads or
  foots at least half of the pages (and two at least).
- **Paragraphs**: the body's left edge is the commonest line start and its
  right edge the furthest line end (per page size). A line continues the
  paragraph above unless it starts indented (a first-line indent, a centred
  or right-aligned line), starts with a heading mark ("一、", "（二）", "3.",
  "第四章"), changes font size, follows a wider gap than the usual leading,
  or the line above ended before the right edge by more than the first word
  of this line would have needed (so it was not wrapped). Wrapped lines join
  without a space, except between two Latin letters.
- **Tables**: a ruled table's cells become a grid (merged cells expanded as
  in HTML and DOCX, see :mod:`gsilint.sources.cell_grid`); a table that ends
  a page and one that starts the next page with the same columns are one
  table (a repeated header row on the second page is dropped).

Labels: a text line is ``第N页 第M行`` (M counts the page's text lines, running
heads and tables not counted); a table cell ``第N页 表T 第R行第C列`` (T counts
the document's tables, R the rows of the joined table).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import field

import regex

from gsilint.patterns import lazy
from gsilint.records import dataclass
from gsilint.sources.cell_grid import Anchor, CellGrid, compact, row_lines
from gsilint.sources.flatten import Flattener, Fragment

#: Share of the page height at the top and at the bottom where running heads are looked for.
HEAD_ZONE = 0.15

_HEADING = lazy(
    r"""^\s*(?:
        \#
      | [一二三四五六七八九十百]+\s*[、.．]
      | [（(]\s*[一二三四五六七八九十百]+\s*[）)]
      | \d{1,2}\s*[、.．](?![\d.．])
      | [（(]\s*\d{1,2}\s*[）)]
      | 第[一二三四五六七八九十百\d]+[章节部分条]
      | [①-⑳]
    )""",
    regex.X,
)
_DASH = r"[\s\-–—－_·•]*"
_PAGE_NO = lazy(
    rf"""^{_DASH}(?:
        第\s*\d{{1,4}}\s*页(?:\s*[,，/／]?\s*共\s*\d{{1,4}}\s*页)?
      | 共\s*\d{{1,4}}\s*页\s*[,，]?\s*第\s*\d{{1,4}}\s*页
      | \d{{1,4}}(?:\s*[/／]\s*\d{{1,4}})?
      | (?i:page)\s*\d{{1,4}}(?:\s*(?i:of)\s*\d{{1,4}})?
    ){_DASH}$""",
    regex.X,
)
_CLOSING = set("，。、；：？！）》」』”’,.;:?!)%％")


@dataclass(slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(slots=True)
class Line:
    glyphs: list[Glyph]
    page: int = 0
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    number: int = 0  # M in 第N页 第M行


@dataclass(slots=True)
class Cell:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str = ""


@dataclass(slots=True)
class TableBox:
    """A ruled table of one page: its cells (merged ones span several grid columns/rows)."""

    cells: list[Cell]
    page: int = 0

    @property
    def top(self) -> float:
        return min(c.top for c in self.cells)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.cells)

    def columns(self) -> list[float]:
        return _edges([c.x0 for c in self.cells])


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[TableBox] = field(default_factory=list)


def _edges(values: list[float], tol: float = 1.0) -> list[float]:
    """Distinct coordinates (within ``tol``), sorted."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _is_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def join_text(left: str, right: str) -> str:
    """Two wrapped pieces of one paragraph or cell: a space only between Latin letters."""
    if left and right and _is_letter(left[-1]) and _is_letter(right[0]):
        return left + " " + right
    return left + right


def group_lines(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs → lines (top to bottom), each left to right with gap spaces."""
    lines: list[Line] = []
    for g in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        mid = (g.top + g.bottom) / 2
        if lines and lines[-1].top <= mid <= lines[-1].bottom:
            line = lines[-1]
            line.glyphs.append(g)
            line.bottom = max(line.bottom, g.bottom)
        else:
            lines.append(Line([g], top=g.top, bottom=g.bottom))
    out = []
    for line in lines:
        line.glyphs.sort(key=lambda g: g.x0)
        parts: list[str] = []
        prev: Glyph | None = None
        for g in line.glyphs:
            if (
                prev is not None
                and g.x0 - prev.x1 > 0.5 * max(g.size, prev.size)
                and not g.text.isspace()
                and not prev.text.isspace()
            ):
                parts.append(" ")
            parts.append(g.text)
            prev = g
        text = "".join(parts).strip()
        if not text:
            continue
        ink = [g for g in line.glyphs if not g.text.isspace()]
        line.text = text
        line.x0 = ink[0].x0
        line.x1 = ink[-1].x1
        sizes = sorted(g.size for g in ink)
        line.size = sizes[len(sizes) // 2]
        out.append(line)
    return out


def cell_text(glyphs: list[Glyph]) -> str:
    text = ""
    for line in group_lines(glyphs):
        text = join_text(text, line.text)
    return text


def assign_to_cells(glyphs: list[Glyph], tables: list[TableBox]) -> list[Glyph]:
    """Put each glyph inside a table into its cell's text; return the glyphs outside tables."""
    if not tables:
        return glyphs
    grids = []
    for table in tables:
        xs = _edges([c.x0 for c in table.cells] + [c.x1 for c in table.cells])
        ys = _edges([c.top for c in table.cells] + [c.bottom for c in table.cells])
        slots: dict[tuple[int, int], Cell] = {}
        for cell in table.cells:
            for r in range(bisect_left(ys, cell.top - 1), bisect_left(ys, cell.bottom - 1)):
                for c in range(bisect_left(xs, cell.x0 - 1), bisect_left(xs, cell.x1 - 1)):
                    slots[(r, c)] = cell
        grids.append((xs, ys, slots))
    inside: dict[int, list[Glyph]] = {}
    free: list[Glyph] = []
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        for xs, ys, slots in grids:
            if not (xs[0] <= cx <= xs[-1] and ys[0] <= cy <= ys[-1]):
                continue
            cell = slots.get((bisect_right(ys, cy) - 1, bisect_right(xs, cx) - 1))
            if cell is not None:
                inside.setdefault(id(cell), []).append(g)
                break
        else:
            free.append(g)
    for table in tables:
        for cell in table.cells:
            cell.text = cell_text(inside.get(id(cell), []))
    return free


def _key(text: str) -> str:
    return regex.sub(r"\d+", "#", regex.sub(r"\s+", "", text))


def remove_running_heads(pages: list[Page]) -> None:
    """Drop running headers/footers and page numbers (see the module docstring)."""
    candidates: list[tuple[Page, Line, float]] = []  # (page, line, gap to its neighbours)
    for page in pages:
        items = sorted(
            [(ln.top, ln.bottom, ln) for ln in page.lines]
            + [(t.top, t.bottom, None) for t in page.tables],
            key=lambda x: x[0],
        )
        n = len(items)
        for order in (range(min(2, n)), range(n - 1, max(n - 3, -1), -1)):
            for j in order:
                top, bottom, line = items[j]
                if line is None:
                    break  # never past a table
                if not (bottom < page.height * HEAD_ZONE or top > page.height * (1 - HEAD_ZONE)):
                    break
                gaps = [top - items[j - 1][1]] if j > 0 else []
                gaps += [items[j + 1][0] - bottom] if j + 1 < n else []
                candidates.append((page, line, min(gaps, default=1e9)))
    pages_of: dict[str, set[int]] = {}
    for page, line, _ in candidates:
        pages_of.setdefault(_key(line.text), set()).add(page.number)
    repeated = {k for k, n in pages_of.items() if len(n) >= 2 and len(n) * 2 >= len(pages)}
    drop = {
        id(line)
        for _, line, gap in candidates
        if _key(line.text) in repeated or (_PAGE_NO.match(line.text) and gap >= 0.8 * line.size)
    }
    for page in pages:
        page.lines = [ln for ln in page.lines if id(ln) not in drop]


def _unit_width(line: Line) -> float:
    """Width of the line's first unbreakable piece (a character or Latin word + closing marks)."""
    ink = [g for g in line.glyphs if not g.text.isspace()]
    i = 1
    if ink[0].text.isascii() and ink[0].text.isalnum():
        while i < len(ink) and ink[i].text.isascii() and ink[i].text.isalnum():
            i += 1
    while i < len(ink) and ink[i].text in _CLOSING:
        i += 1
    return ink[i - 1].x1 - ink[0].x0


class _Margins:
    """Left and right edge of the body text for each page size."""

    def __init__(self, pages: list[Page]) -> None:
        groups: dict[tuple[int, int], list[Line]] = {}
        self.key = {}
        for p in pages:
            k = (round(p.width), round(p.height))
            self.key[p.number] = k
            groups.setdefault(k, []).extend(p.lines)
        self.left: dict[tuple[int, int], float] = {}
        self.right: dict[tuple[int, int], float] = {}
        widths = {self.key[p.number]: p.width for p in pages}
        for k, lines in groups.items():
            if not lines:
                continue
            starts = Counter(round(ln.x0) for ln in lines)
            best = max(starts.values())
            left = min(x for x, n in starts.items() if n == best)
            right = max(ln.x1 for ln in lines)
            near = sum(1 for ln in lines if ln.x1 >= right - 0.5 * ln.size)
            size = sorted(ln.size for ln in lines)[len(lines) // 2]
            if near < 2 or (widths[k] - right) - left > 2 * size + 18:
                # no wrapped lines to learn the right edge from, or lines that stop far
                # short of a margin like the left one (short paragraphs of equal length)
                right = max(right, widths[k] - left)
            self.left[k] = left
            self.right[k] = right

    def of(self, page: int) -> tuple[float, float]:
        k = self.key[page]
        return self.left[k], self.right[k]


def _usual_gap(pages: list[Page]) -> float:
    gaps = sorted(
        b.top - a.bottom
        for p in pages
        for a, b in zip(p.lines, p.lines[1:])
        if 0 <= b.top - a.bottom < 3 * a.size
    )
    return gaps[len(gaps) // 2] if gaps else 0.0


def starts_paragraph(prev: Line, cur: Line, margins: _Margins, usual_gap: float) -> bool:
    left, _ = margins.of(cur.page)
    _, right = margins.of(prev.page)
    size = max(prev.size, cur.size)
    if cur.x0 > left + 0.5 * cur.size:
        return True  # indented, centred or right-aligned
    if _HEADING.match(cur.text):
        return True
    if abs(cur.size - prev.size) > 0.15 * size:
        return True
    if cur.page == prev.page and cur.top - prev.bottom > max(
        1.5 * usual_gap, usual_gap + 0.5 * size
    ):
        return True
    return right - prev.x1 > _unit_width(cur) + 0.5 * prev.size


def _same_table(a: TableBox, b: TableBox) -> bool:
    """Same outline left and right, and the column starts of one among the other's."""
    ax = (min(c.x0 for c in a.cells), max(c.x1 for c in a.cells))
    bx = (min(c.x0 for c in b.cells), max(c.x1 for c in b.cells))
    if abs(ax[0] - bx[0]) > 3 or abs(ax[1] - bx[1]) > 3:
        return False
    ca, cb = a.columns(), b.columns()
    small, big = sorted((ca, cb), key=len)
    return all(any(abs(x - y) <= 3 for y in big) for x in small)


def _grid(tables: list[TableBox], number: int) -> CellGrid:
    """The joined table's grid of anchors (merged areas: anchor + None / continuation)."""
    grid: CellGrid = []
    first_row: list[str] | None = None
    # one set of columns for the parts on every page (a page's rows may merge some)
    xs = _edges([c.x0 for t in tables for c in t.cells], tol=3.0)
    for part, table in enumerate(tables):
        ys = _edges([c.top for c in table.cells])
        rows: list[list[Anchor | None]] = [[None] * len(xs) for _ in ys]
        spans: dict[tuple[int, int], tuple[int, int, Cell]] = {}
        for cell in table.cells:
            c = min(range(len(xs)), key=lambda i: abs(xs[i] - cell.x0))
            r = min(range(len(ys)), key=lambda i: abs(ys[i] - cell.top))
            colspan = max(1, sum(1 for x in xs if cell.x0 - 3 <= x < cell.x1 - 3))
            rowspan = max(1, sum(1 for y in ys if cell.top - 1 <= y < cell.bottom - 1))
            spans[(r, c)] = (colspan, rowspan, cell)
        texts = [[""] * len(xs) for _ in ys]
        for (r, c), (_, _, cell) in spans.items():
            texts[r][c] = cell.text
        skip = 0
        if part and first_row is not None and texts and texts[0] == first_row:
            skip = 1  # the header row repeated on the next page
        for r in range(len(ys)):
            for c in range(len(xs)):
                if (r, c) not in spans:
                    continue
                colspan, rowspan, cell = spans[(r, c)]
                for rr in range(r + 1, min(r + rowspan, len(ys))):
                    rows[rr][c] = Anchor([], 0, colspan, None, continuation=True)
        base = len(grid) - skip
        for r, row in enumerate(rows):
            if r < skip:
                continue
            out: list[Anchor | None] = []
            for c, slot in enumerate(row):
                label = f"第{table.page}页 表{number} 第{base + r + 1}行第{c + 1}列"
                if (r, c) in spans:
                    colspan, _, cell = spans[(r, c)]
                    pieces = [Fragment(cell.text, 0)] if cell.text else []
                    out.append(Anchor(pieces, 0, colspan, label))
                elif slot is not None:
                    out.append(Anchor([], 0, slot.colspan, label, continuation=True))
                else:
                    out.append(None)
            # a horizontally merged area covers the slots after its anchor
            for c, slot in enumerate(out):
                if slot is not None and not slot.continuation:
                    for k in range(c + 1, min(c + slot.colspan, len(out))):
                        out[k] = None
            if any(a is not None and not a.continuation for a in out):
                grid.append(out)
        if first_row is None:
            first_row = texts[0] if texts else None
    width = max((len(r) for r in grid), default=0)
    for row in grid:
        row.extend([None] * (width - len(row)))
    return grid


def flatten(pages: list[Page]) -> Flattener:
    """The report lines of the pages (after :func:`remove_running_heads`)."""
    items: list[tuple[int, float, object]] = []
    for page in pages:
        n = 0
        for line in sorted(page.lines, key=lambda ln: ln.top):
            n += 1
            line.page, line.number = page.number, n
        for t in page.tables:
            t.page = page.number
        for obj in [*page.lines, *page.tables]:
            items.append((page.number, obj.top, obj))
    items.sort(key=lambda x: (x[0], x[1]))
    margins = _Margins(pages)
    usual = _usual_gap(pages)
    flat = Flattener()
    paragraph: list[Fragment] = []
    text = ""
    prev: Line | None = None
    tables = 0
    pending: list[TableBox] = []
    last_on_page = {
        p.number: max(([*p.lines, *p.tables]), key=lambda o: o.bottom, default=None) for p in pages
    }

    def end_paragraph() -> None:
        nonlocal paragraph, text
        if paragraph:
            flat.add_line(paragraph)
        paragraph, text = [], ""

    def end_table() -> None:
        nonlocal pending, tables
        if not pending:
            return
        tables += 1
        for row in row_lines(compact(_grid(pending, tables))):
            if any(p.text == "\t" for p in row):
                flat.lines.append(row)
            else:
                flat.add_line(row)
        pending = []

    for _, _, obj in items:
        if isinstance(obj, TableBox):
            end_paragraph()
            prev = None
            if pending and not (
                obj.page == pending[-1].page + 1
                and last_on_page[pending[-1].page] is pending[-1]
                and _first_on_page(pages, obj)
                and _same_table(pending[-1], obj)
            ):
                end_table()
            pending.append(obj)
            continue
        end_table()
        line = obj
        label = f"第{line.page}页 第{line.number}行"
        if prev is not None and not starts_paragraph(prev, line, margins, usual):
            joined = join_text(text, line.text)
            if len(joined) > len(text) + len(line.text):
                paragraph.append(Fragment(" ", 0, False))
            paragraph.append(Fragment(line.text, 0, True, label))
            text = joined
        else:
            end_paragraph()
            paragraph = [Fragment(line.text, 0, True, label)]
            text = line.text
        prev = line
    end_paragraph()
    end_table()
    return flat


def _first_on_page(pages: list[Page], table: TableBox) -> bool:
    page = next(p for p in pages if p.number == table.page)
    return all(o.top >= table.top for o in [*page.lines, *page.tables])
