"""Every parsed table of a document as one stream of rows: label text + value cells.

Real copies split one national table over several parsed tables (a caption
or a page marker in between, a PDF → Markdown conversion that alternates
pipe rows and loose lines), so the mapping reads all table rows in document
order and finds the national tables in that stream by their anchors. The
row split is the same for every table kind: the value cells are the cells
after the last label cell (for PDF text, the numbers after the label).
"""

from __future__ import annotations

from functools import lru_cache

from gsilint import document
from gsilint.normalize import norm_label
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.tables.values import is_value_text

#: "- 4 -", "— 6 —", "第 3 页": page markers inside tables.
_PAGE_MARK = lazy(r"^(?:[-—–]+\d{1,3}[-—–]+|第\d{1,3}页(?:共\d{1,3}页)?|\d{1,3}/\d{1,3})$")
_GLUED = lazy(r"[^\d\s.．/%][0-9]{6,}|[0-9]{6,}[^\d\s.．%万元件条]")
#: Six digits in a row, which every match of :data:`_GLUED` holds: searched first (a
#: search for a digit skips the other characters quickly; most keys have no such run).
_SIX_DIGITS = lazy(r"[0-9]{6}")


@dataclass(slots=True)
class StreamRow:
    #: label cells (non-blank, not values) as (text, span)
    labels: list[document.Cell]
    #: value cells after the last label cell (blank cells included, leading blanks dropped)
    values: list[document.Cell]
    span: Span
    kind: str
    #: normalised label text, all label cells joined
    key: str
    #: whether the row has at least one non-blank value cell
    is_data: bool = False
    #: index of the first value cell in the parsed row
    first: int = 0
    #: every cell after the last label cell (blank ones included)
    tail: tuple = ()
    #: which parsed table the row came from, and how many cells the row has
    table: int = 0
    ncells: int = 0

    @property
    def label_text(self) -> str:
        return " ".join([c.text for c in self.labels])


def split_row(row: document.Row, kind: str, table: int = 0) -> StreamRow:
    cells = row.cells
    if len(cells) == 1:
        return _split_one(row, kind, table)
    last = _last_label(cells)
    labels = [c for c in cells[: last + 1] if c.text and not c.text.isspace()]
    start = last + 1
    while start < len(cells) and (not cells[start].text or cells[start].text.isspace()):
        start += 1
    values = cells[start:]
    key = norm_label("".join([c.text for c in labels])) if labels else ""
    return StreamRow(
        labels,
        values,
        row.span,
        kind,
        key,
        start < len(cells),
        start,
        tuple(cells[last + 1 :]),
        table,
        len(cells),
    )


def _split_one(row: document.Row, kind: str, table: int) -> StreamRow:
    """:func:`split_row` of a row of one cell (one cell per line: half the rows of such
    copies): a blank, a value or a label."""
    cell = row.cells[0]
    text = cell.text
    if not text or text.isspace():
        return StreamRow([], [], row.span, kind, "", False, 1, (cell,), table, 1)
    if text.isdigit() or is_value_text(text):
        return StreamRow([], [cell], row.span, kind, "", True, 0, (cell,), table, 1)
    return StreamRow([cell], [], row.span, kind, norm_label(text), False, 1, (), table, 1)


def _last_label(cells: list[document.Cell]) -> int:
    """The index of the last cell that is neither blank nor a value, else -1."""
    for i in range(len(cells) - 1, -1, -1):
        text = cells[i].text
        if text and not text.isdigit() and not text.isspace() and not is_value_text(text):
            return i
    return -1


#: Table kinds with real cells, where a blank cell is a cell left empty.
CELL_KINDS = frozenset({"tab", "pipe", "html", "docx"})


def dead_columns(rows: list[StreamRow]) -> dict[tuple[int, int], frozenset[int]]:
    """Per (table, row length): cell positions that hold a value in no data row.

    Grids expanded from merged HTML/Word cells have such spurious columns;
    they are dropped from a row only when it has more value cells than the
    template has columns.
    """
    used: dict[tuple[int, int], set[int]] = {}
    span: dict[tuple[int, int], int] = {}
    for r in rows:
        if not r.is_data or r.kind not in CELL_KINDS:
            continue
        key = (r.table, r.ncells)
        span[key] = min(span.get(key, r.first), r.first)
        u = used.setdefault(key, set())
        u.update(r.first + i for i, c in enumerate(r.values) if c.text and not c.text.isspace())
    return {k: frozenset(range(span[k], k[1])) - u for k, u in used.items()}


def is_page_marker(row: StreamRow) -> bool:
    if len(row.labels) + len(row.values) > 3:
        return False
    parts = row.labels + row.values
    return _is_page_mark(parts[0].text if len(parts) == 1 else "".join([c.text for c in parts]))


@lru_cache(maxsize=4096)
def _is_page_mark(text: str) -> bool:
    """Whether a short row's text is a page marker (remembered: one-cell-per-line copies
    repeat their short rows, "0", "1", "件", in every table)."""
    return bool(_PAGE_MARK.match(norm_label(text)))


def looks_glued(row: StreamRow) -> bool:
    """A crawler row whose digits run into the label ("数量713000074二、")."""
    return _has_glued(row.key)


def any_glued(rows: list[StreamRow]) -> bool:
    """Whether one of ``rows`` :func:`looks_glued`: one search over their keys joined at
    line breaks (no key holds one, and a glued run can neither span nor end at one)."""
    return _has_glued("\n".join([r.key for r in rows]))


def _has_glued(text: str) -> bool:
    """Whether :data:`_GLUED` matches in ``text``: searched from just before its first six
    digits in a row (a match starts at most one character before them), if it has any."""
    six = _SIX_DIGITS.search(text)
    return six is not None and _GLUED.search(text, max(0, six.start() - 1)) is not None


def table_stream(doc: document.Document) -> list[StreamRow]:
    out: list[StreamRow] = []
    for n, table in enumerate(doc.tables()):
        if table.glued:
            continue
        kind = table.kind
        for row in table.rows:
            if len(row.cells) == 1:
                # one cell: a value is no page marker (none is a lone number or mark), and a
                # label's key is the cell's text normalised, what a page marker is matched in
                sr = _split_one(row, kind, n)
                if sr.is_data or (sr.labels and not _PAGE_MARK.match(sr.key)):
                    out.append(sr)
                continue
            sr = split_row(row, kind, n)
            if (sr.labels or sr.is_data) and not is_page_marker(sr):
                out.append(sr)
    return out
