"""Test PDFs made from report text: wrapped paragraphs, ruled tables, running header, page numbers.

:func:`to_pdf` typesets a report the way a published PDF looks: each text line
is a paragraph wrapped at the right margin (Chinese breaks between any two
characters, never inside an English word or next to a space), optionally with
a two-character first-line indent; each run of tab rows (or Markdown pipe
rows) is a ruled table with every grid line drawn, cell text wrapped inside
its cell, and rows that do not fit carried onto the next page (the table's
first row repeated there when ``repeat_header``). Every page gets a running
header and a centred page number ("- N -"). The text is drawn with
reportlab's built-in CID font STSong-Light (UniGB-UCS2-H), which every PDF
reader maps back to Unicode.
"""

from __future__ import annotations

import io
import re

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
PAGE = (595.0, 842.0)  # A4 in points
MARGIN = 72.0
_PIPE_SEP = re.compile(r"^\|?[\s:|\-]+\|?\s*$")
_registered = False


def blocks(text: str):
    """("p", line) and ("table", rows) in order; blank lines dropped."""
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if line.lstrip().startswith("|"):
            if not _PIPE_SEP.match(line):
                rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if rows:
            yield "table", rows
            rows = []
        if line.strip():
            yield "p", line
    if rows:
        yield "table", rows


def _font() -> str:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        _registered = True
    return FONT


def _letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _breakable(a: str, b: str) -> bool:
    """A line may end between ``a`` and ``b`` (what a reader joins back without loss)."""
    return not (a.isspace() or b.isspace() or (_letter(a) and _letter(b)))


def wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy wrap of ``text`` into lines no wider than ``width``."""
    font = _font()
    lines: list[str] = []
    start = 0
    while start < len(text):
        w = 0.0
        end = start
        last_break = None
        while end < len(text):
            cw = pdfmetrics.stringWidth(text[end], font, size)
            if w + cw > width and end > start:
                break
            w += cw
            end += 1
            if end < len(text) and _breakable(text[end - 1], text[end]):
                last_break = end
        if end < len(text) and last_break is not None and last_break > start:
            end = last_break
        lines.append(text[start:end])
        start = end
    return lines or [""]


class _Writer:
    def __init__(self, size: float, header: str | None, numbers: bool, indent: bool, **kw) -> None:
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=PAGE, **kw)
        self.size = size
        self.lead = size * 1.6
        self.header = header
        self.numbers = numbers
        self.indent = indent
        self.page = 0
        self.width = PAGE[0] - 2 * MARGIN
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        self.c.setFont(_font(), 9)
        if self.header:
            self.c.drawCentredString(PAGE[0] / 2, PAGE[1] - 40, self.header)
        if self.numbers:
            self.c.drawCentredString(PAGE[0] / 2, 40, f"- {self.page} -")
        self.c.setFont(_font(), self.size)
        self.y = PAGE[1] - MARGIN  # baseline area starts below the top margin

    def room(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.new_page()

    def paragraph(self, line: str) -> None:
        text = line.strip().replace(
            "\xa0", " "
        )  # the font has no no-break space: a writer sets a space
        first = 2 * self.size if self.indent else 0.0
        lines = wrap(text, self.width - first, self.size)
        if len(lines) > 1:
            rest = wrap(text[len(lines[0]) :], self.width, self.size)
            lines = [lines[0], *rest]
        for i, part in enumerate(lines):
            self.room(self.lead)
            self.y -= self.lead
            self.c.drawString(MARGIN + (first if i == 0 else 0.0), self.y + 4, part)

    def table(self, rows: list[list[str]], repeat_header: bool) -> None:
        ncols = max(len(r) for r in rows)
        rows = [[c.strip().replace("\xa0", " ") for c in r] + [""] * (ncols - len(r)) for r in rows]
        pad = 3.0
        cell_size = self.size * 0.85
        natural = [
            max(pdfmetrics.stringWidth(r[j], _font(), cell_size) for r in rows) + 2 * pad
            for j in range(ncols)
        ]
        least = 2 * cell_size + 2 * pad
        widths = [max(least, w) for w in natural]
        if sum(widths) > self.width:  # shrink the wide columns, never below two characters
            spare = self.width - least * ncols
            extra = [w - least for w in widths]
            total = sum(extra) or 1.0
            widths = [least + max(0.0, spare) * e / total for e in extra]
        xs = [MARGIN]
        for w in widths:
            xs.append(xs[-1] + w)
        lead = cell_size * 1.3
        wrapped = [
            [wrap(c, w - 2 * pad, cell_size) if c else [] for c, w in zip(r, widths)] for r in rows
        ]
        heights = [max(1, *(len(c) for c in r)) * lead + 2 * pad for r in wrapped]
        self.c.setFont(_font(), cell_size)
        started = False
        for cells, h in zip(wrapped, heights):
            if self.y - h < MARGIN:
                self.new_page()
                self.c.setFont(_font(), cell_size)
                if repeat_header and started:
                    self._row(wrapped[0], heights[0], xs, lead, pad)
            self._row(cells, h, xs, lead, pad)
            started = True
        self.c.setFont(_font(), self.size)
        self.y -= self.lead / 2

    def _row(self, cells, h, xs, lead, pad) -> None:
        top, bottom = self.y, self.y - h
        self.c.line(xs[0], top, xs[-1], top)
        self.c.line(xs[0], bottom, xs[-1], bottom)
        for x in xs:
            self.c.line(x, top, x, bottom)
        for j, lines in enumerate(cells):
            for k, part in enumerate(lines):
                self.c.drawString(xs[j] + pad, top - pad - (k + 1) * lead + 2.5, part)
        self.y = bottom

    def result(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def to_pdf(
    text: str,
    *,
    size: float = 10.5,
    header: str | None = "示例县人民政府信息公开工作年度报告",
    numbers: bool = True,
    indent: bool = True,
    repeat_header: bool = False,
    encrypt: str | None = None,
) -> bytes:
    """The report ``text`` typeset as a PDF (see the module docstring)."""
    kw = {"encrypt": encrypt} if encrypt is not None else {}
    w = _Writer(size, header, numbers, indent, **kw)
    for kind, block in blocks(text):
        if kind == "p":
            w.paragraph(block)
        else:
            w.table(block, repeat_header)
    return w.result()
