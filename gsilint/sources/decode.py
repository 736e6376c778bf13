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
5. If no candidate decodes to credible Chinese, the file is refused (E001)
   with the byte where UTF-8 broke, and ``--encoding`` is suggested.

No third-party detector is needed for this closed set of encodings; the
scoring tables come from the codecs themselves (GB2312 level 1 and Big5's
常用字 block are, by construction, the most frequent characters).
"""

from __future__ import annotations

import codecs
from functools import lru_cache

from gsilint.sources.base import InputError

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


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError` (see the module doc)."""
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(
                f"无法按指定编码 {encoding} 解码：{exc}", f"cannot decode as {encoding}: {exc}"
            ) from None
        return _check_text(text.lstrip("\ufeff"), encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(name)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"带 {name} BOM 的文件无法解码（第 {exc.start + len(bom)} 字节）",
                    f"cannot decode {name} BOM-marked file (at byte {exc.start + len(bom)})",
                ) from None
            return _check_text(text, name + "-sig" if name == "utf-8" else name)
    if b"\x00" in data[:8192]:
        raise InputError("二进制文件，不是文本报告", "binary file, not a text report")
    try:
        return _check_text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
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
        return _check_text(best[1], best[2])
    raise InputError(
        f"无法识别的文本编码：不是有效的 UTF-8（第 {utf8_error} 字节），"
        "也不像 GB18030 或 Big5 中文；"
        "可用 --encoding 指定编码",
        f"unrecognised text encoding: not valid UTF-8 (at byte {utf8_error}) "
        "and not credible GB18030 or Big5 "
        "Chinese; use --encoding to force one",
    )
