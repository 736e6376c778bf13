"""Bytes → str for report files: BOMs, UTF-8, GB18030 or Big5; binary refused.

Detection, without a forced ``encoding``:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. a NUL byte in the first 8 KB means binary (UTF-16 without a BOM is not
   guessed: reports are not written that way);
3. strict UTF-8 — legacy Chinese encodings practically never form valid
   UTF-8 over a sentence, so valid UTF-8 is UTF-8;
4. otherwise the bytes are decoded strictly as GB18030 (covers GBK and
   GB2312) and as Big5 (cp950, then Big5-HKSCS), and each decoding is scored
   by :func:`chinese_score`: the share of its non-ASCII characters that are
   common Chinese characters or punctuation. Both double-byte codes accept
   much of each other's byte space, but decoding the wrong way yields rare
   characters, kana, box drawing and private-use code points, while the right
   way yields the common characters every report is written in, so the right
   decoding scores near 1 and the wrong one far lower.
5. UTF-8 with a few broken bytes (at most 2% of the non-ASCII bytes, and
   credible Chinese otherwise) is UTF-8 with damage: each run of undecodable
   bytes becomes one U+FFFD and :class:`Undecodable` says how many bytes and
   where the first one is (E001 reports it as a warning; the report is
   checked anyway). A legacy file read as UTF-8 breaks at nearly every
   Chinese character, far above that share.
6. If no candidate decodes to credible Chinese, the file is refused (E001)
   with the byte where UTF-8 broke, and ``--encoding`` is suggested.

A forced ``encoding`` is strict: a byte it cannot decode refuses the file.

No third-party detector is needed for this closed set of encodings; the
scoring tables come from the codecs themselves (GB2312 level 1 and Big5's
常用字 block are, by construction, the most frequent characters).
"""

from __future__ import annotations

import codecs
from functools import lru_cache

from gsilint.patterns import re_compile
from gsilint.sources.base import InputError, Undecodable

#: Files larger than this are refused before decoding (E001 names the limit).
MAX_BYTES = 20 * 1024 * 1024
#: The limit for PDF files (fonts, seals and photos are embedded; only the text is read).
MAX_PDF_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Legacy double-byte candidates, in order of preference on a tie.
_LEGACY = (("gb18030",), ("cp950", "big5hkscs"))
#: A decoding must score at least this to be believed.
MIN_SCORE = 0.6
#: Characters scored per candidate (enough for a verdict, bounded work).
_SAMPLE = 20000

#: Broken bytes tolerated in a UTF-8 file, as a share of its non-ASCII bytes.
MAX_BROKEN_SHARE = 0.02
_ESCAPED = re_compile("[\udc80-\udcff]+")
_HIGH_BYTES = bytes(range(0x80, 0x100))

_COMMON_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·％／－＋＝０１２３４５６７８９　"


def too_large(size: int, limit: int = MAX_BYTES) -> InputError:
    mb = limit // 1024 // 1024
    return InputError(
        f"文件过大（{size / 1024 / 1024:.1f} MB），超过 {mb} MB 上限",
        f"file too large ({size / 1024 / 1024:.1f} MB); the limit is {mb} MB",
    )


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """GB2312 level-1 hanzi (B0A1–D7F9) ∪ Big5 常用字 (A440–C67E) ∪ punctuation."""
    chars = set(_COMMON_PUNCT)
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            if lead == 0xC6 and trail > 0x7E:
                break
            try:
                chars.add(bytes((lead, trail)).decode("cp950"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def chinese_score(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are common Chinese.

    Returns 0.0 when there is no non-ASCII character at all (nothing to judge).
    """
    common = _common_chars()
    total = hits = 0
    for ch in text[:_SAMPLE]:
        if ch < "\x80":
            continue
        total += 1
        if ch in common:
            hits += 1
    return hits / total if total else 0.0


def _check_text(text: str, name: str) -> tuple[str, str]:
    if "\x00" in text[:8192]:
        raise InputError("二进制文件，不是文本报告", "binary file, not a text report")
    return text, name


def unknown_encoding(encoding: str) -> str | None:
    """None when ``encoding`` names a text codec Python knows, else what is wrong."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, TypeError, ValueError):
        return f"unknown encoding '{encoding}' (e.g. utf-8, gb18030, big5)"
    if not getattr(info, "_is_text_encoding", True):
        return f"'{encoding}' is not a text encoding (e.g. utf-8, gb18030, big5)"
    return None


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError` (see the module doc)."""
    text, used, _ = decode_report(data, encoding)
    return text, used


def _damaged_utf8(data: bytes) -> tuple[str, Undecodable] | None:
    """UTF-8 with a few undecodable bytes: the text (each run → U+FFFD) and where they are."""
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    # a lower bound of the broken bytes, in C: legacy files are turned away here, cheaply
    at_least = data.decode("utf-8", "replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if at_least > non_ascii * MAX_BROKEN_SHARE:
        return None
    escaped = data.decode("utf-8", "surrogateescape")
    runs = list(_ESCAPED.finditer(escaped))
    broken = sum(len(m.group()) for m in runs)
    if not runs or broken > non_ascii * MAX_BROKEN_SHARE:
        return None
    text = _ESCAPED.sub("\ufffd", escaped)
    if chinese_score(text) < MIN_SCORE:
        return None
    first = runs[0].start()
    first_byte = len(escaped[:first].encode("utf-8", "surrogateescape"))
    # the replacement characters before the first broken run that were in the file itself
    literal = text.count("\ufffd", 0, first)
    return text, Undecodable(broken, first_byte, first, literal)


def decode_report(data: bytes, encoding: str | None = None) -> tuple[str, str, Undecodable | None]:
    """``(text, encoding, undecodable)``: :func:`decode_bytes` plus the damage it replaced."""
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"无法按指定编码 {encoding} 解码（第 {exc.start} 字节）："
                "请确认文件的编码，或不指定编码让 gsilint 自动识别",
                f"cannot decode as {encoding} (at byte {exc.start}): "
                "check the file's encoding, or leave it out to let gsilint detect it",
            ) from None
        except LookupError:
            raise InputError(
                f"未知的编码 {encoding}（如 utf-8、gb18030、big5）",
                f"unknown encoding {encoding} (e.g. utf-8, gb18030, big5)",
            ) from None
        return (*_check_text(text.lstrip("\ufeff"), encoding), None)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(name)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"带 {name} BOM 的文件无法解码（第 {exc.start + len(bom)} 字节）",
                    f"cannot decode {name} BOM-marked file (at byte {exc.start + len(bom)})",
                ) from None
            return (*_check_text(text, name + "-sig" if name == "utf-8" else name), None)
    if b"\x00" in data[:8192]:
        raise InputError("二进制文件，不是文本报告", "binary file, not a text report")
    try:
        return (*_check_text(data.decode("utf-8"), "utf-8"), None)
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return (*_check_text(damaged[0], "utf-8"), damaged[1])
    best: tuple[float, str, str] | None = None
    for names in _LEGACY:
        for name in names:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            score = chinese_score(text)
            if best is None or score > best[0]:
                best = (score, text, name)
            break
    if best is not None and best[0] >= MIN_SCORE:
        return (*_check_text(best[1], best[2]), None)
    raise InputError(
        f"无法识别的文本编码：不是有效的 UTF-8（第 {utf8_error} 字节），"
        "也不像 GB18030 或 Big5 中文；"
        "可用 --encoding 指定编码",
        f"unrecognised text encoding: not valid UTF-8 (at byte {utf8_error}) "
        "and not credible GB18030 or Big5 "
        "Chinese; use --encoding to force one",
    )


# ---------------------------------------------------------------------------
# What a file really is: magic bytes, for files whose name says otherwise

#: magic prefix → (kind, Chinese name, English name)
_MAGIC = (
    (b"%PDF-", "pdf", "PDF 文件", "a PDF file"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "ole",
        "旧版 Word/Excel 文件（.doc/.xls）",
        "a legacy Word/Excel file (.doc/.xls)",
    ),
    (b"{\\rtf", "rtf", "RTF 文档", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "image", "PNG 图片", "a PNG image"),
    (b"\xff\xd8\xff", "image", "JPEG 图片", "a JPEG image"),
    (b"GIF8", "image", "GIF 图片", "a GIF image"),
    (b"Rar!\x1a\x07", "archive", "RAR 压缩包", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive", "7z 压缩包", "a 7z archive"),
    (b"\x1f\x8b", "archive", "gzip 压缩文件", "a gzip file"),
)
#: the suffix to give a file of each kind, when gsilint reads that kind
_SUFFIX_OF = {"pdf": ".pdf", "docx": ".docx", "text": ".txt", "html": ".html"}
#: the kind a reader expects, by suffix
KIND_OF_SUFFIX = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".doc": "ole",
    ".pdf": "pdf",
}


def sniff(data: bytes) -> tuple[str, str, str] | None:
    """``(kind, name_zh, name_en)`` of a file recognised by its first bytes, else None.

    Zip packages are told apart by their members (Word, Excel, PowerPoint,
    OFD, OpenDocument, any other zip).
    """
    for magic, kind, zh, en in _MAGIC:
        if data.startswith(magic):
            return kind, zh, en
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html", "网页（HTML）文件", "an HTML page"
    return None


def _zip_kind(data: bytes) -> tuple[str, str, str]:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist()[:2000])
            mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
    except Exception:  # a damaged package: still a zip by its first bytes
        return "damaged-zip", "损坏的压缩包（ZIP）", "a damaged zip archive"
    if "word/document.xml" in names:
        return "docx", "Word 文档（.docx）", "a Word document (.docx)"
    if any(n.startswith("xl/") for n in names):
        return "archive", "Excel 表格（.xlsx）", "an Excel workbook (.xlsx)"
    if any(n.startswith("ppt/") for n in names):
        return "archive", "PowerPoint 演示文稿（.pptx）", "a PowerPoint file (.pptx)"
    if "OFD.xml" in names:
        return "archive", "OFD 版式文件", "an OFD document"
    if b"opendocument.text" in mimetype:
        return "archive", "OpenDocument 文档（.odt）", "an OpenDocument text (.odt)"
    return "zip", "ZIP 压缩包", "a zip archive"


def _decodes_as_text(data: bytes) -> bool:
    try:
        decode_report(data[:65536] if len(data) > 65536 else data)
    except InputError:
        return False
    return True


def misnamed(suffix: str, data: bytes, stdin: bool = False) -> InputError | None:
    """The error for a file whose content is not what its suffix says, else None.

    Only a content gsilint recognises is named (a PDF called .txt, a .doc
    called .docx, a text file called .docx); anything else is left to the
    suffix's reader and its own messages. ``stdin``: the bytes came from stdin
    without ``--stdin-filename`` (the advice is to give one).
    """
    expected = KIND_OF_SUFFIX.get(suffix.lower(), "text")
    found = sniff(data)
    if found is None:
        if expected in ("docx", "ole") and _decodes_as_text(data):
            found = ("text", "文本文件", "a text file")
        else:
            return None
    kind, zh, en = found
    zh = " " + zh if zh[0].isascii() else zh  # 这是 PDF 文件 / 这是文本文件
    if kind == expected or (kind, expected) in (
        ("html", "text"),
        ("damaged-zip", "docx"),
        ("zip", "docx"),  # the Word reader says what is missing
    ):
        return None
    shown = suffix or "（无）"
    target = _SUFFIX_OF.get(kind)
    if stdin and target is not None:
        return InputError(
            f"标准输入的内容是{zh}：请用 --stdin-filename 给出带 {target} 扩展名的文件名",
            f"stdin holds {en}: give a file name ending in {target} with --stdin-filename",
        )
    if target is not None:
        return InputError(
            f"这是{zh}，扩展名却是 {shown}：请改名为 {target} 后再检查",
            f"this is {en} named {suffix or '(no suffix)'}: rename it to {target} and check again",
        )
    if kind == "ole":
        return InputError(
            f"这是{zh}，扩展名却是 {shown}：请用 Word 另存为 .docx（或文本）后再检查",
            f"this is {en} named {suffix or '(no suffix)'}: "
            "save it as .docx (or text) in Word and check again",
        )
    return InputError(
        f"这是{zh}，不是报告文本：请检查报告的正文文件（.txt、.md、.html、.docx）",
        f"this is {en}, not a report: check the report's own file (.txt, .md, .html, .docx)",
    )
