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
seconds. The size limit is the one every input has
(:data:`gsilint.sources.decode.MAX_BYTES`).
"""

from __future__ import annotations

import io
import itertools
import time
import zlib

from gsilint.sources.base import InputError, Source
from gsilint.sources.decode import MAX_BYTES, too_large
from gsilint.sources.pdf_layout import (
    Cell,
    Glyph,
    Page,
    TableBox,
    cell_text,
    flatten,
    group_lines,
    remove_running_heads,
)

#: Pages read at most (a report has tens; more is refused).
MAX_PAGES = 300
#: Characters, or drawn lines and boxes, on one page.
MAX_PAGE_OBJECTS = 50_000
#: Bytes one data stream may inflate to.
MAX_STREAM = 16 * 1024 * 1024
#: Seconds one file may take to read (checked after each page).
TIME_BUDGET = 60.0

_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


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


def _read_page(page, number: int) -> Page:
    chars = page.chars
    edges = len(page.lines) + len(page.rects) + len(page.curves)
    if len(chars) > MAX_PAGE_OBJECTS or edges > MAX_PAGE_OBJECTS:
        raise _refuse(
            f"第{number}页对象过多（超过 {MAX_PAGE_OBJECTS} 个字符或线条）",
            f"page {number} has more than {MAX_PAGE_OBJECTS} characters or lines",
        )
    if len(chars) > 1:
        chars = page.dedupe_chars().chars  # fake bold: the same text drawn twice
    glyphs = [
        Glyph(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c.get("size") or 10.0)
        for c in chars
        if c["text"]
    ]
    result = Page(number, float(page.width), float(page.height))
    boxes = []
    if edges:
        for table in page.find_tables(_TABLE_SETTINGS):
            cells = [Cell(*bbox) for bbox in table.cells]
            if len(cells) >= 2:
                boxes.append(TableBox(cells))
    inside: dict[int, list[Glyph]] = {}
    free: list[Glyph] = []
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        for box in boxes:
            cell = next(
                (c for c in box.cells if c.x0 <= cx <= c.x1 and c.top <= cy <= c.bottom), None
            )
            if cell is not None:
                inside.setdefault(id(cell), []).append(g)
                break
        else:
            free.append(g)
    for box in boxes:
        for cell in box.cells:
            cell.text = cell_text(inside.get(id(cell), []))
    result.tables = boxes
    result.lines = group_lines(free)
    return result


def read_pdf_source(path: str, data: bytes, encoding: str | None = None) -> Source:
    """Read a .pdf (``encoding`` does not apply)."""
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    if b"%PDF-" not in data[:1024]:
        raise _refuse("不是 PDF 文件（缺少 %PDF- 文件头）", "not a PDF file (no %PDF- header)")
    started = time.monotonic()
    pdf = _open(data)
    pages: list[Page] = []
    try:
        count = _page_count(pdf)
        if count > MAX_PAGES:
            raise _refuse(f"超过 {MAX_PAGES} 页上限", f"more than {MAX_PAGES} pages (the limit)")
        for number, page in enumerate(pdf.pages, start=1):
            pages.append(_read_page(page, number))
            page.close()
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
    unmapped = sum(1 for p in pages for ln in p.lines if "(cid:" in ln.text)
    if pages and unmapped * 2 > sum(len(p.lines) for p in pages):
        raise _refuse(
            "文字层无法识别（字体缺少 Unicode 映射）；请提供文字版或 Word 文档",
            "the text layer cannot be decoded (fonts without a Unicode map); "
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
