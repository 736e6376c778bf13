"""A small report with CRLF line ends and characters outside the BMP, and findings on it.

The findings are made by the engine's own ``make_finding`` from rule issues, so
positions go through the same mapping as real rule findings.
"""

from __future__ import annotations

from gsilint import Config
from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.resolve import make_finding
from gsilint.rules import load_rules
from gsilint.run import FileResult
from gsilint.sources import source_from_text

# line 3 (1-based): "𠮷𠮷本年收到申请12件，办结11件。" —
# 𠮷 is U+20BB7 (two UTF-16 units, four UTF-8 bytes)
TEXT = (
    "某某局2021年政府信息公开工作年度报告\r\n"
    "一、总体情况\r\n"
    "𠮷𠮷本年收到申请12件，办结11件。\r\n"
    "二、主动公开政府信息情况\r\n"
)


def crlf_result(
    path: str = "reports/a.txt", message: str | None = None, text: str = TEXT
) -> FileResult:
    source = source_from_text(text, path)
    rules = load_rules()
    at = text.index("12件")
    other = text.index("11件")
    issue = Issue(
        Span(at, at + 2),
        message or "收到12件，办结11件，相差1",
        "received 12, closed 11, off by 1",
        related=((Span(other, other + 2), "办结数 11", "closed 11"),),
        fix=(Span(other, other + 2), "12"),
    )
    heading = text.index("二、")
    s101 = Issue(
        Span(heading, heading), "缺少栏目“示例”", "missing section", severity=Severity.WARNING
    )
    findings = [
        make_finding(source, rules["S101"], issue, Config()),
        make_finding(source, rules["S101"], s101, Config()),
    ]
    return FileResult(path, findings, source)
