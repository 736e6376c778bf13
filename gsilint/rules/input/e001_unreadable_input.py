"""E001 unreadable-input: the file cannot be read as report text.

The engine and the run emit it for a file that cannot be read at all; the
check here reports, as a warning, a UTF-8 file read despite a few undecodable
bytes (:class:`gsilint.sources.Undecodable`).
"""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule


@rule(
    "E001",
    "unreadable-input",
    Severity.ERROR,
    "文件无法读取为报告文本",
    "file cannot be read as report text",
)
def unreadable_input(ctx):
    """
    文件为空、是二进制文件、编码无法识别、过大、不存在或无法打开时报告（错误），其他文件照常检查。
    文件的实际格式与扩展名不符（如改名为 .txt 的 PDF 或 Word 文档）时，指出实际格式和应改的扩展名。
    UTF-8 文件中个别字节无法解码时，这些字节以“�”代替、报告照常检查，并以警告报出
    无法解码的字节数和第一处的位置（用 --encoding 指定编码时按该编码严格解码）。

    Reported as an error when a file is empty, binary, in an unrecognised
    encoding, too large, missing or cannot be opened; the other files of the
    run are still checked. A file whose content is another format than its
    name says (a PDF or Word document renamed .txt) is named for what it is,
    with the suffix to give it. A UTF-8 file with a few undecodable bytes is
    checked anyway with each broken run replaced by U+FFFD, and this warning
    names how many bytes and where the first one is (an explicit
    ``--encoding`` decodes strictly).

    错误示例 / Bad:
        （一个 0 字节的空文件）
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
    """
    bad = ctx.source.undecodable
    if bad is None:
        return
    at = _replacement_in_text(ctx.source, bad)
    yield Issue(
        Span(at, at + 1),
        f"有 {bad.count} 个字节不是有效的 UTF-8，已用“\ufffd”代替后照常检查；"
        f"第一处在第 {bad.first_byte} 字节（此处）。请核对该处文字，"
        "或用 --encoding 指定文件的实际编码",
        f"{bad.count} byte(s) are not valid UTF-8 and were replaced by U+FFFD; the report was "
        f"checked anyway. The first is at byte {bad.first_byte} (here): check the text there, "
        "or give the file's real encoding with --encoding",
        severity=Severity.WARNING,
    )


def _replacement_in_text(source, bad) -> int:
    """Where the first replacement character is in the checked text (0 if it is not there).

    A reflowed copy keeps every character; an HTML page's text leaves out its tags and
    scripts, where the broken bytes may be: the offset is found through the source map.
    """
    if source.text is source.original:
        return bad.first_offset
    text = source.text
    at = text.find("\ufffd")
    while at >= 0:
        if source.to_original(at) == bad.first_offset:
            return at
        at = text.find("\ufffd", at + 1)
    return 0
