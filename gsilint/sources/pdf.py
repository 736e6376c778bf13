"""Published PDF reports (``.pdf``) → line-based report text, with page-and-line labels.

pdfplumber (on pdfminer.six) reads each page's characters — Chinese fonts
included, through their ToUnicode or CID maps — and finds ruled tables with
their cell boxes; :mod:`gsilint.sources.pdf_layout` turns the geometry into
paragraphs and table rows (running heads and page numbers dropped, merged
cells expanded, a table carried over a page break joined).

A PDF has no lines of its own: as for DOCX, the flattened text *is* the
original of the :class:`Source`, each finding carries a label (``第3页 第12行``,
``第5页 表2 第4行第3列``) and JSON/SARIF add the page number.

Refused with an E001 (never a traceback), each with its own message: a file
that is not a PDF or cannot be parsed, an encrypted one that needs a password,
one with more than :data:`MAX_PAGES` pages, a scan (no text layer), text in
fonts without a Unicode map, a page with more than :data:`MAX_PAGE_OBJECTS`
characters or lines, a data stream that inflates past :data:`MAX_STREAM` bytes
(a compression bomb), and a file that takes more than :data:`TIME_BUDGET`
seconds, and a file over :data:`gsilint.sources.decode.MAX_PDF_BYTES` (64 MB:
fonts, seals and photos are embedded, only the text is read).
"""

from __future__ import annotations

import io
import itertools
import logging
import time
import zlib

from gsilint.sources.base import InputError, Source
from gsilint.sources.decode import MAX_PDF_BYTES, too_large
from gsilint.sources.pdf_layout import (
    Cell,
    Glyph,
    Page,
    TableBox,
    assign_to_cells,
    flatten,
    group_lines,
    remove_running_heads,
)

#: Pages read at most (a report has tens; more is refused).
MAX_PAGES = 300
#: Characters, or drawn lines and boxes, on one page.
MAX_PAGE_OBJECTS = 50_000
#: Vertical × horizontal strokes on a page beyond which no table is looked for (a ruled
#: table has tens of each once collinear pieces are joined; a chart or hatching has thousands).
MAX_EDGE_PAIRS = 250_000
#: Bytes one data stream may inflate to.
MAX_STREAM = 16 * 1024 * 1024
#: Seconds one file may take to read (checked after each page).
TIME_BUDGET = 60.0
#: Larger files without a cross-reference table are refused, not rebuilt (that reads every byte).
REPAIR_BYTES = 4 * 1024 * 1024


class _StreamTooLarge(Exception):
    pass


class _BoundedInflate:
    """``zlib.decompressobj`` whose output stops at :data:`MAX_STREAM` bytes."""

    def __init__(self) -> None:
        self._d = zlib.decompressobj()
        self._total = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._d.decompress(data, MAX_STREAM + 1 - self._total)
        self._total += len(out)
        if self._total > MAX_STREAM or self._d.unconsumed_tail:
            raise _StreamTooLarge
        return out

    def flush(self, *args) -> bytes:
        return self._d.flush(*args)

    def __getattr__(self, name: str):
        return getattr(self._d, name)


class _BoundedZlib:
    """Stands in for ``zlib`` inside pdfminer's stream decoder (inflation is bounded)."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args) -> bytes:
        d = _BoundedInflate()
        out = d.decompress(data)
        if not d.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*args) -> _BoundedInflate:
        return _BoundedInflate()


def _refuse(zh: str, en: str) -> InputError:
    return InputError(f"PDF 文件不能检查：{zh}", f"PDF file cannot be checked: {en}")


def _open(data: bytes):
    import pdfminer.pdftypes
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    pdfminer.pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]
    # pdfminer logs every oddity of a malformed file; the E001 says what matters
    log = logging.getLogger("pdfminer")
    if not log.handlers:
        log.addHandler(logging.NullHandler())
        log.setLevel(logging.ERROR)
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise _refuse(
                "文件已加密，需要密码才能读取；请提供未加密的文件",
                "the file is encrypted and needs a password; provide an unencrypted copy",
            ) from None
        raise _corrupt(cause) from None


def _corrupt(exc: BaseException) -> InputError:
    if isinstance(exc, _StreamTooLarge):
        mb = MAX_STREAM // 1024 // 1024
        return _refuse(
            f"有数据流解压后超过 {mb} MB（可能是恶意文件）",
            f"a data stream inflates past {mb} MB (possibly a compression bomb)",
        )
    if isinstance(exc, RecursionError):
        return _refuse("对象嵌套过深（可能是恶意文件）", "objects nested too deeply")
    detail = f"{exc.__class__.__name__}: {exc}"[:200]
    return _refuse(f"文件已损坏或不是 PDF（{detail}）", f"corrupt or not a PDF ({detail})")


def _page_count(pdf) -> int:
    from pdfminer.pdfpage import PDFPage

    return sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), MAX_PAGES + 1))


def _edges(obj, height: float, out: list[dict]) -> None:
    """The horizontal and vertical strokes of a drawn line, box or path, as table edges."""
    from pdfminer.layout import LTCurve, LTLine, LTRect

    if isinstance(obj, LTRect):
        x0, y0, x1, y1 = obj.bbox
        segments = [
            ((x0, y0), (x1, y0)),
            ((x0, y1), (x1, y1)),
            ((x0, y0), (x0, y1)),
            ((x1, y0), (x1, y1)),
        ]
    elif isinstance(obj, LTLine | LTCurve):
        pts = list(obj.pts)
        segments = list(zip(pts, pts[1:]))
    else:
        return
    for (ax, ay), (bx, by) in segments:
        if ay == by:
            orientation = "h"
        elif ax == bx:
            orientation = "v"
        else:
            continue
        x0, x1 = min(ax, bx), max(ax, bx)
        top, bottom = height - max(ay, by), height - min(ay, by)
        out.append(
            {
                "object_type": "line_edge",
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "width": x1 - x0,
                "height": bottom - top,
                "orientation": orientation,
            }
        )


def _collect(layout, height: float, glyphs: list[Glyph], edges: list[dict], seen: set) -> None:
    from pdfminer.layout import LTChar, LTFigure

    for obj in layout:
        if isinstance(obj, LTChar):
            text = obj.get_text()
            if text.startswith("(cid:"):  # a glyph without a Unicode value: not "(", ":", ")"
                text = "\ufffd"
            top = height - obj.y1
            key = (text, round(obj.x0), round(top))
            # fake bold: the same text drawn twice, offset a little; rotated text: a watermark
            if text and obj.upright and key not in seen:
                seen.add(key)
                glyphs.append(Glyph(text, obj.x0, obj.x1, top, height - obj.y0, obj.size))
        elif isinstance(obj, LTFigure):
            _collect(obj, height, glyphs, edges, seen)
        else:
            _edges(obj, height, edges)
        if len(glyphs) > MAX_PAGE_OBJECTS or len(edges) > 4 * MAX_PAGE_OBJECTS:
            return


def _tables(edges: list[dict]) -> list[TableBox]:
    """Ruled tables from the page's strokes (pdfplumber's lattice: snap, join, intersect)."""
    from pdfplumber.table import (
        DEFAULT_JOIN_TOLERANCE,
        DEFAULT_SNAP_TOLERANCE,
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )
    from pdfplumber.utils import filter_edges

    edges = merge_edges(
        [e for e in edges if (e["width"] if e["orientation"] == "h" else e["height"]) >= 1],
        DEFAULT_SNAP_TOLERANCE,
        DEFAULT_SNAP_TOLERANCE,
        DEFAULT_JOIN_TOLERANCE,
        DEFAULT_JOIN_TOLERANCE,
    )
    edges = filter_edges(edges, min_length=3)
    vertical = sum(1 for e in edges if e["orientation"] == "v")
    if vertical * (len(edges) - vertical) > MAX_EDGE_PAIRS:
        return []  # a drawing (chart, hatching), not a table: every pair would be tried
    cells = intersections_to_cells(edges_to_intersections(edges, 3, 3))
    return [
        TableBox([Cell(*b) for b in group]) for group in cells_to_tables(cells) if len(group) >= 2
    ]


def _read_page(page, number: int) -> Page:
    layout = page.layout  # pdfminer's objects, already relative to the (rotated) page box
    height = float(layout.height)
    glyphs: list[Glyph] = []
    edges: list[dict] = []
    _collect(layout, height, glyphs, edges, set())
    if len(glyphs) > MAX_PAGE_OBJECTS or len(edges) > 4 * MAX_PAGE_OBJECTS:
        raise _refuse(
            f"第{number}页对象过多（超过 {MAX_PAGE_OBJECTS} 个字符或线条）",
            f"page {number} has more than {MAX_PAGE_OBJECTS} characters or lines",
        )
    result = Page(number, float(layout.width), height)
    boxes = _tables(edges) if len(edges) >= 4 else []
    free = assign_to_cells(glyphs, boxes)
    result.tables = boxes
    result.lines = group_lines(free)
    return result


def read_pdf_source(path: str, data: bytes, encoding: str | None = None) -> Source:
    """Read a .pdf (``encoding`` does not apply)."""
    if len(data) > MAX_PDF_BYTES:
        raise too_large(len(data), MAX_PDF_BYTES)
    if b"%PDF-" not in data[:1024]:
        raise _refuse("不是 PDF 文件（缺少 %PDF- 文件头）", "not a PDF file (no %PDF- header)")
    if len(data) > REPAIR_BYTES and b"startxref" not in data[-2048:]:
        # no cross-reference table: pdfminer would rebuild it by reading every byte
        raise _refuse(
            "文件已损坏（缺少交叉引用表 startxref）", "corrupt file (no startxref cross-reference)"
        )
    started = time.monotonic()
    pdf = _open(data)
    pages: list[Page] = []
    encrypted = getattr(pdf.doc, "encryption", None) is not None  # readable, but restricted
    try:
        count = _page_count(pdf)
        if count > MAX_PAGES:
            raise _refuse(f"超过 {MAX_PAGES} 页上限", f"more than {MAX_PAGES} pages (the limit)")
        for number, page in enumerate(pdf.pages, start=1):
            pages.append(_read_page(page, number))
            page.close()  # drop the page's layout objects
            if time.monotonic() - started > TIME_BUDGET:
                raise _refuse(
                    f"读取超过 {TIME_BUDGET:.0f} 秒上限（第{number}页）",
                    f"reading took more than {TIME_BUDGET:.0f} s (page {number})",
                )
    except InputError:
        raise
    except Exception as exc:  # pdfminer on a broken or hostile file
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        raise _corrupt(cause) from None
    finally:
        try:
            pdf.close()
        except Exception:  # closing walks the page tree again: a broken one fails here too
            pass
    unmapped = sum(1 for p in pages for ln in p.lines if "\ufffd" in ln.text)
    if pages and unmapped * 2 > sum(len(p.lines) for p in pages):
        zh, en = (
            ("（文件设有权限密码）", " (the file has a permissions password)")
            if encrypted
            else ("", "")
        )
        raise _refuse(
            f"文字层无法识别（字体缺少 Unicode 映射）{zh}；请提供文字版或 Word 文档",
            f"the text layer cannot be decoded (fonts without a Unicode map){en}; "
            "provide a text or Word copy",
        )
    remove_running_heads(pages)
    flat = flatten(pages)
    if not any(p.text.strip() for line in flat.lines for p in line):
        raise _refuse(
            "扫描件，无文字层；请提供文字版或先做 OCR",
            "a scan with no text layer: provide a text copy or run OCR first",
        )
    text, _, labels = flat.result(0)
    return Source(path=path, text=text, original=text, kind="pdf", encoding="pdf", labels=labels)
