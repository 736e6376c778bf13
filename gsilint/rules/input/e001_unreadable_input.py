"""E001 unreadable-input: the file cannot be read as report text.

The engine emits it; this module holds the rule's registration and documentation.
"""

from __future__ import annotations

from gsilint.findings import Severity
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
    文件为空、是二进制文件、编码无法识别、过大或无法打开时报告，其他文件照常检查。

    Reported when a file is empty, binary, in an unrecognised encoding, too
    large or cannot be opened. The other files of the run are still checked.

    错误示例 / Bad:
        （一个 0 字节的空文件）
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
    """
    return ()
