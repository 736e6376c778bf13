"""Library API: lint text or paths without touching the terminal.

The CLI, the editor server, batch jobs and tests all go through these
functions, so they see exactly the same findings.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from gsilint.config import Config
from gsilint.findings import Finding
from gsilint.parallel import check_files
from gsilint.resolve import input_error_finding
from gsilint.run import FileResult
from gsilint.sources import InputError, is_report_path, source_from_text

#: Files a directory walk passes over: repository documents, not reports.
_NOT_REPORTS = ("README", "LICENSE", "CHANGELOG", "CONTRIBUTING")


def lint_text(text: str, path: str | None = None, config: Config | None = None) -> list[Finding]:
    """Findings for report text already in memory."""
    from gsilint.engine import lint_source

    config = config or Config()
    path = path or "<text>"
    try:
        source = source_from_text(text, path)
    except InputError as exc:
        return [input_error_finding(path, exc.message_zh, exc.message_en, config)]
    return lint_source(source, config)


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files to check: files as given, directories walked recursively (sorted)."""
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.upper().startswith(_NOT_REPORTS):
                        continue
                    full = Path(root) / name
                    if is_report_path(full):
                        found.append(str(full))
            yield from sorted(found)
        else:
            yield p


def check_paths(
    paths: Iterable[str], config: Config | None = None, jobs: int = 1
) -> list[FileResult]:
    """Check files and directories with one config (``jobs`` > 1: in worker processes).

    ``config.previous``: last year's reports, read for the cross-year rules, never returned.
    """
    config = config or Config()
    previous = [(p, config) for p in expand_paths(config.previous)]
    return check_files(
        [(p, config) for p in expand_paths(paths)], jobs=jobs, progress=False, previous=previous
    )


def lint_paths(paths: Iterable[str], config: Config | None = None, jobs: int = 1) -> list[Finding]:
    """Findings for files and directories, sorted by file, line, column, code."""
    findings = [f for r in check_paths(paths, config, jobs) for f in r.findings]
    findings.sort(key=Finding.sort_key)
    return findings
