"""gsilint — a linter for 政府信息公开工作年度报告.

>>> from gsilint import lint_text
>>> findings = lint_text(open("report.txt", encoding="utf-8").read())
"""

from gsilint.api import check_paths, lint_paths, lint_text
from gsilint.config import Config
from gsilint.findings import Finding, Severity
from gsilint.run import FileResult
from gsilint.version import __version__

__all__ = [
    "Config",
    "FileResult",
    "Finding",
    "Severity",
    "__version__",
    "check_paths",
    "lint_paths",
    "lint_text",
]
