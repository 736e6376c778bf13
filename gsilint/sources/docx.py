"""Word drafts (``.docx``) → line-based report text, with places named for people.

The package is checked before python-docx opens it (a zip bomb or a corrupt
file is an E001, never a crash or a memory blow-up): at most
:data:`MAX_MEMBERS` members and :data:`MAX_UNCOMPRESSED` bytes once
unpacked, as declared by the zip directory (the zip reader never inflates a
member past its declared size). python-docx parses the XML with entity
resolution off.

The body is read in document order, tables interleaved with paragraphs:

- each non-empty paragraph is a line (a manual line break starts a new line;
  an in-paragraph tab becomes a space so a paragraph never looks like a
  table row), labelled ``段落 N`` (N counts the non-empty body paragraphs);
  tracked changes are read as accepted (insertions in, deletions out);
- each table row is a tab-separated line; horizontally merged cells
  (gridSpan) and vertically merged cells (vMerge) are expanded into the grid
  with the merged area's other cells empty, then staggered grid columns are
  folded (:mod:`gsilint.sources.cell_grid`); each cell is labelled
  ``表T 第R行第C列`` (T counts the body's tables, C the Word grid column).

A DOCX has no lines of its own: the flattened text *is* the original of the
:class:`Source`, findings carry the label, and JSON lines refer to the
flattened text.
"""

from __future__ import annotations

import io
import zipfile

from gsilint.sources.base import InputError, Source, damaged
from gsilint.sources.cell_grid import MAX_TABLE_CELLS, Anchor, compact, row_lines, too_many_cells
from gsilint.sources.flatten import Flattener, Fragment, join_runs

#: Members of the zip package.
MAX_MEMBERS = 2000
#: Total unpacked size of the package.
MAX_UNCOMPRESSED = 100 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check_package(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise InputError(
                    f"Word 文件包含 {len(infos)} 个部件，"
                    f"超过 {MAX_MEMBERS} 个上限（可能是恶意压缩包）",
                    f"Word file has {len(infos)} parts; "
                    f"the limit is {MAX_MEMBERS} (possibly a zip bomb)",
                )
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED:
                mb = MAX_UNCOMPRESSED // 1024 // 1024
                raise InputError(
                    f"Word 文件解压后 {total / 1024 / 1024:.0f} MB，"
                    f"超过 {mb} MB 上限（可能是恶意压缩包）",
                    f"Word file unpacks to {total / 1024 / 1024:.0f} MB; "
                    f"the limit is {mb} MB (possibly a zip bomb)",
                )
            if "word/document.xml" not in {i.filename for i in infos}:
                raise InputError(
                    "不是 Word 文档：缺少 word/document.xml",
                    "not a Word document: word/document.xml is missing",
                )
    except zipfile.BadZipFile:
        raise damaged(".docx") from None


#: Run content in document order: text, tabs and breaks of the paragraph's runs, including
#: runs inside tracked insertions, hyperlinks and fields (deleted text is w:delText, field
#: codes w:instrText: neither is read), excluding text boxes anchored in the paragraph.
_RUN_CONTENT = (
    "(.//w:r/w:t | .//w:r/w:tab | .//w:r/w:br | .//w:r/w:cr)[not(ancestor::w:txbxContent)]"
)


def _paragraph_text(p) -> str:
    """The paragraph as the draft reads with its tracked changes accepted."""
    parts = []
    for el in p.xpath(_RUN_CONTENT):
        tag = el.tag
        if tag == _W + "t":
            parts.append(el.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_runs(tc) -> list[list[Fragment]]:
    """The paragraphs of a cell (nested tables read row by row) as runs of one piece."""
    runs: list[list[Fragment]] = []
    for child in tc.iterchildren():
        if child.tag == _W + "p":
            runs.append([Fragment(_paragraph_text(child).replace("\t", " ").replace("\n", " "), 0)])
        elif child.tag == _W + "tbl":
            for tr in child.iterchildren(_W + "tr"):
                for inner in tr.iterchildren(_W + "tc"):
                    runs.extend(_cell_runs(inner))
    return runs


class _Reader:
    def __init__(self) -> None:
        self.flat = Flattener()
        self.paragraphs = 0
        self.tables = 0

    def block(self, el) -> None:
        tag = el.tag
        if tag == _W + "p":
            self.paragraph(el)
        elif tag == _W + "tbl":
            self.table(el)
        elif tag == _W + "sdt":  # a content control wrapping body content
            content = el.find(_W + "sdtContent")
            if content is not None:
                for child in content.iterchildren():
                    self.block(child)

    def paragraph(self, p) -> None:
        text = _paragraph_text(p)
        if not text.strip():
            return
        self.paragraphs += 1
        label = f"段落 {self.paragraphs}"
        for part in text.replace("\r", "\n").split("\n"):
            self.flat.add_line([Fragment(part.replace("\t", " "), 0, True, label)])

    def table(self, tbl) -> None:
        self.tables += 1
        t = self.tables
        grid: list[list[Anchor | None]] = []
        cells = 0
        for r, tr in enumerate(tbl.iterchildren(_W + "tr"), start=1):
            row: list[Anchor | None] = [None] * tr.grid_before
            for tc in tr.iterchildren(_W + "tc"):
                span = max(1, min(tc.grid_span, 1000))
                cells += span
                if cells > MAX_TABLE_CELLS:
                    raise too_many_cells()
                if tc.vMerge == "continue":  # part of a merged cell above: empty here, but named
                    row.append(
                        Anchor([], 0, span, f"表{t} 第{r}行第{len(row) + 1}列", continuation=True)
                    )
                    row.extend([None] * (span - 1))
                    continue
                pieces = join_runs(_cell_runs(tc))
                row.append(Anchor(pieces, 0, span, f"表{t} 第{r}行第{len(row) + 1}列"))
                row.extend([None] * (span - 1))
            if any(c is not None and not c.continuation for c in row):
                grid.append(row)
        width = max((len(row) for row in grid), default=0)
        for row in grid:
            row.extend([None] * (width - len(row)))
        for line in row_lines(compact(grid)):
            if any(p.text == "\t" for p in line):
                self.flat.lines.append(line)
            else:
                self.flat.add_line(line)


def read_docx_source(path: str, data: bytes, encoding: str | None = None) -> Source:
    """Read a .docx (``encoding`` does not apply)."""
    _check_package(data)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        reader = _Reader()
        for child in document.element.body.iterchildren():
            reader.block(child)
    except InputError:
        raise
    except Exception:  # corrupt XML, missing parts, bad relationships… (no internals shown)
        raise damaged(".docx") from None
    if not reader.flat.lines:
        raise InputError("Word 文件中没有文字", "the Word file has no text")
    text, _, labels = reader.flat.result(0)
    return Source(path=path, text=text, original=text, kind="docx", encoding="docx", labels=labels)
