"""Output formats. Each module registers a writer with :func:`output_format`.

A writer is ``write(results, stream, options)``: ``results`` is the list of
:class:`~gsilint.run.FileResult` of the run (sorted), ``stream`` a text
stream, ``options`` an :class:`OutputOptions`. Machine formats write only
their data to ``stream``; anything for humans goes to stderr.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from gsilint.findings import Severity

if TYPE_CHECKING:
    from gsilint.run import FileResult


@dataclass(frozen=True)
class OutputOptions:
    lang: str = "zh"
    color: bool | None = None  # None: decide by the stream
    fail_on: Severity = Severity.ERROR
    statistics: bool = False


Writer = Callable[[list["FileResult"], TextIO, OutputOptions], None]
FORMATS: dict[str, Writer] = {}


def output_format(name: str) -> Callable[[Writer], Writer]:
    def register(fn: Writer) -> Writer:
        FORMATS[name] = fn
        return fn

    return register


def load_formats() -> dict[str, Writer]:
    for mod in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{mod.name}")
    return FORMATS


def summary_counts(results: list[FileResult]) -> dict[Severity, int]:
    counts = {s: 0 for s in Severity}
    for r in results:
        for f in r.findings:
            counts[f.severity] += 1
    return counts
