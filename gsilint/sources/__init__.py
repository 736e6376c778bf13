"""Inputs: paths, stdin and editor buffers become :class:`Source` objects.

Readers are chosen by file suffix from :data:`READERS`. A reader takes the raw
bytes and returns a :class:`Source`; format modules (HTML, DOCX, PDF) register
themselves here. Plain text and Markdown are read by :func:`read_text_source`.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from gsilint.sources.base import (
    InputError,
    Source,
    SourceMap,
    Undecodable,
    damaged,
    not_a_file,
    os_error,
)
from gsilint.sources.decode import (
    MAX_BYTES,
    MAX_PDF_BYTES,
    decode_bytes,
    decode_report,
    misnamed,
    too_large,
)
from gsilint.sources.reflow import reflow

__all__ = [
    "InputError",
    "Source",
    "SourceMap",
    "Undecodable",
    "READERS",
    "load_path",
    "original_text",
    "source_from_text",
    "read_text_source",
    "read_bytes",
    "is_report_path",
]

Reader = Callable[[str, bytes, "str | None"], Source]


def source_from_text(
    text: str, path: str = "<text>", kind: str = "text", encoding: str = "utf-8"
) -> Source:
    """A Source for text already decoded (stdin, an editor buffer, a test)."""
    if not text.strip():
        raise InputError("文件为空", "empty file")
    flat, smap = reflow(text)
    return Source(path=path, text=flat, original=text, kind=kind, encoding=encoding, map=smap)


def read_text_source(path: str, data: bytes, encoding: str | None = None) -> Source:
    text, used, undecodable = decode_report(data, encoding)
    kind = "markdown" if path.lower().endswith((".md", ".markdown")) else "text"
    source = source_from_text(text, path, kind=kind, encoding=used)
    source.undecodable = undecodable
    return source


def read_pdf_source(path: str, data: bytes, encoding: str | None = None) -> Source:
    from gsilint.sources.pdf import read_pdf_source as read  # loaded only for PDF files

    return read(path, data, encoding)


def read_doc_source(path: str, data: bytes, encoding: str | None = None) -> Source:
    """Legacy binary Word files are not read: the user is told to save as .docx."""
    raise InputError(
        "旧版 Word（.doc）文件不能直接检查：请另存为 .docx 或文本后再检查",
        "legacy Word (.doc) files are not read: save the report as .docx or text first",
    )


def _read_html(path: str, data: bytes, encoding: str | None = None) -> Source:
    from gsilint.sources.html import read_html_source  # loaded only for pages

    return read_html_source(path, data, encoding)


def _read_docx(path: str, data: bytes, encoding: str | None = None) -> Source:
    from gsilint.sources.docx import read_docx_source  # loaded only for Word documents

    return read_docx_source(path, data, encoding)


#: Reader per lower-case suffix.
READERS: dict[str, Reader] = {
    ".txt": read_text_source,
    ".md": read_text_source,
    ".markdown": read_text_source,
    ".html": _read_html,
    ".htm": _read_html,
    ".docx": _read_docx,
    ".doc": read_doc_source,
    ".pdf": read_pdf_source,
}


def is_report_path(path: Path) -> bool:
    """Whether a file found while walking a directory is one we lint."""
    return path.suffix.lower() in READERS


def load_path(path: str, encoding: str | None = None, read_from: str | None = None) -> Source:
    """Read one file into a Source; raises :class:`InputError` for bad input.

    ``read_from``: where the file is when ``path`` (its name in findings) is not
    where this process can read it (a relative path on another machine's worker).
    """
    p = Path(read_from or path)
    reader = READERS.get(p.suffix.lower(), read_text_source)
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):
            raise not_a_file(st.st_mode)
        limit = MAX_PDF_BYTES if reader is read_pdf_source else MAX_BYTES
        if st.st_size > limit:
            raise too_large(st.st_size, limit)
        data = p.read_bytes()
    except OSError as exc:
        raise os_error(exc) from None
    if not data.strip():
        raise InputError("文件为空", "empty file")
    wrong = misnamed(p.suffix, data)
    if wrong is not None:
        raise wrong
    try:
        return reader(path, data, encoding)
    except InputError:
        raise
    except Exception:  # a reader's bug or a damaged file: say what to do, not the internals
        raise damaged(p.suffix) from None


def read_bytes(path: str, data: bytes, encoding: str | None = None) -> Source:
    """A Source from bytes already read (stdin), by the reader of ``path``'s suffix."""
    if not data.strip():
        raise InputError("文件为空", "empty file")
    suffix = Path(path).suffix
    wrong = misnamed(suffix, data, stdin=path == "-")
    if wrong is not None:
        raise wrong
    return READERS.get(suffix.lower(), read_text_source)(path, data, encoding)


def original_text(path: str, encoding: str | None = None) -> str:
    """The decoded text of a file as :func:`load_path` gives it in ``Source.original``.

    Plain text is only decoded (no reflow, no parse); other formats are read in full.
    """
    reader = READERS.get(Path(path).suffix.lower(), read_text_source)
    if reader is not read_text_source:
        return load_path(path, encoding).original
    data = Path(path).read_bytes()
    if not data.strip():
        raise InputError("文件为空", "empty file")
    return decode_bytes(data, encoding)[0]
