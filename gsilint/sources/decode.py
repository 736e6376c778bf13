"""Bytes → str for report files: BOMs, UTF-8, GB18030; binary refused."""

from __future__ import annotations

from gsilint.sources.base import InputError

#: Files larger than this are refused before decoding (E001 names the limit).
MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError`.

    Without ``encoding`` the order is: BOM, strict UTF-8, strict GB18030 (which
    also covers GBK and GB2312). A NUL byte outside UTF-16 means binary.
    """
    if len(data) > MAX_BYTES:
        raise InputError(
            f"文件过大（{len(data) // 1024 // 1024} MB），超过 {MAX_BYTES // 1024 // 1024} MB 上限",
            f"file too large ({len(data) // 1024 // 1024} MB); the limit is {MAX_BYTES // 1024 // 1024} MB",
        )
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(
                f"无法按指定编码 {encoding} 解码：{exc}", f"cannot decode as {encoding}: {exc}"
            ) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise InputError(f"带 BOM 的文件无法解码：{exc}", f"cannot decode BOM-marked file: {exc}") from None
            return text.lstrip("\ufeff"), name
    if b"\x00" in data[:8192]:
        raise InputError("二进制文件，不是文本报告", "binary file, not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise InputError(
            f"无法识别的文本编码（既不是 UTF-8 也不是 GB18030，第 {exc.start} 字节）",
            f"unrecognised text encoding (neither UTF-8 nor GB18030, at byte {exc.start})",
        ) from None
