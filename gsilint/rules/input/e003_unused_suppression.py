"""E003 unused-suppression: inline suppressions that suppress nothing (see gsilint/suppress.py).

The findings are made by :mod:`gsilint.suppress` after the other rules; this module holds the
rule's registration and documentation.
"""

from __future__ import annotations

from gsilint.findings import Severity
from gsilint.rules import rule


@rule(
    "E003",
    "unused-suppression",
    Severity.WARNING,
    "抑制注释未起作用",
    "a suppression comment suppresses nothing",
)
def unused_suppression(ctx):
    """
    `<!-- gsilint-disable 代码 -- 原因 -->`、`<!-- gsilint-disable-next-line 代码 -->`
    注释用于在报告中有意保留某个问题。若它覆盖的范围内没有该规则的问题（问题已修正、
    代码写错、位置放错），注释本身就成了误导，应删除或改正。规则代码不存在、
    `gsilint-enable` 之前没有对应的 `gsilint-disable`、无法识别的 `gsilint` 注释也在此报告。
    只检查本次运行了的规则；此规则的问题不能再用注释抑制（可在配置中关闭 E003）。

    A `gsilint-disable` or `gsilint-disable-next-line` comment keeps a finding on
    purpose. When nothing in its range is reported by the rules it names (the
    problem was fixed, the code is mistyped, the comment is in the wrong place)
    it misleads the next reviewer: remove or correct it. Unknown rule codes, a
    `gsilint-enable` without an earlier `gsilint-disable`, and unreadable
    `gsilint` comments are reported here too. Only rules that ran are judged;
    this rule's own findings cannot be suppressed by a comment (switch E003 off
    in the configuration instead).

    错误示例 / Bad:
        <!-- gsilint-disable-next-line T105 -- 原文如此，照录 -->
        认真贯彻落实上级关于政务公开公开工作的一系列方针。
    正确示例 / Good:
        <!-- gsilint-disable-next-line T501 -- 原文如此，照录 -->
        认真贯彻落实上级关于政务公开公开工作的一系列方针。
    """
    return ()
