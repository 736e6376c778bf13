"""gsilint — a linter for 政府信息公开工作年度报告.

>>> from gsilint import lint_text
>>> findings = lint_text(open("report.txt", encoding="utf-8").read())

The public names are imported on first use, so ``gsilint --version`` and a
run whose files all come from the result cache never load the linter itself.
"""

from importlib import import_module

from gsilint.version import __version__

#: public name → the module that defines it
_PUBLIC = {
    "Config": "gsilint.config",
    "FileResult": "gsilint.run",
    "Finding": "gsilint.findings",
    "Severity": "gsilint.findings",
    "check_paths": "gsilint.api",
    "lint_paths": "gsilint.api",
    "lint_text": "gsilint.api",
}

__all__ = [*sorted(_PUBLIC), "__version__"]


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'gsilint' has no attribute {name!r}")
    return getattr(import_module(_PUBLIC[name]), name)
