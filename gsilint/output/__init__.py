"""Output formats. Each module registers a writer with :func:`output_format`.

A writer is ``write(results, stream, options)``: ``results`` is the list of
:class:`~gsilint.run.FileResult` of the run (sorted), ``stream`` a text
stream, ``options`` an :class:`OutputOptions`. Machine formats write only
their data to ``stream``; anything for humans goes to stderr.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from gsilint.findings import Severity
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.run import FileResult


@dataclass(frozen=True)
class OutputOptions:
    lang: str = "zh"
    color: bool | None = None  # None: decide by the stream
    fail_on: Severity = Severity.ERROR
    statistics: bool = False


#: severity words as people read them, per language
SEVERITY_WORDS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}

Writer = Callable[[list["FileResult"], TextIO, OutputOptions], None]
FORMATS: dict[str, Writer] = {}


def output_format(name: str) -> Callable[[Writer], Writer]:
    def register(fn: Writer) -> Writer:
        FORMATS[name] = fn
        return fn

    return register


def load_formats() -> dict[str, Writer]:
    """Every output format, by name (imports every module of this package)."""
    for mod in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{mod.name}")
    return FORMATS


def load_format(name: str) -> Writer | None:
    """The writer of format ``name``, importing only its module; None for an unknown name.

    Each format lives in the module of its own name (``--format sarif`` in
    ``sarif.py``), so a run imports one writer, not all eight.
    """
    if name not in FORMATS and name.isidentifier():
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError:
            return None
    return FORMATS.get(name)


def summary_counts(results: list[FileResult]) -> dict[Severity, int]:
    counts = {s: 0 for s in Severity}
    for r in results:
        for f in r.findings:
            counts[f.severity] += 1
    return counts


#: formats ``--fix`` never writes back (their findings may carry a fix for the text view)
_NOT_REWRITTEN = (".docx", ".pdf")


def can_fix(result: FileResult, finding) -> bool:
    """Whether ``--fix`` would apply ``finding``'s fix (not in a DOCX or PDF file)."""
    return finding.fix is not None and not result.path.lower().endswith(_NOT_REWRITTEN)


def fixable_count(results: list[FileResult]) -> int:
    """Findings of the run that ``--fix`` can fix."""
    return sum(1 for r in results for f in r.findings if can_fix(r, f))


def fixable_line(count: int, lang: str) -> str:
    """The summary line saying how many findings ``--fix`` can fix (marked ``[*]``)."""
    if lang == "en":
        return f"[*] {count} fixable with the --fix option (--diff shows the changes)."
    return f"[*] 其中 {count} 处可用 --fix 自动修复（--diff 先看改动）。"


def color_from_environment(color: bool | None) -> bool | None:
    """The colour choice: an explicit ``--color``/``--no-color`` wins; otherwise a non-empty
    ``NO_COLOR`` turns colour off and a non-empty ``FORCE_COLOR`` on (no-color.org);
    ``None`` leaves it to whether the stream is a terminal."""
    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return None
