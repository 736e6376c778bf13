"""Library API: lint text or paths without touching the terminal.

The CLI, the editor server, batch jobs and tests all go through these
functions, so they see exactly the same findings.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gsilint.config import Config
from gsilint.engine import lint_source
from gsilint.findings import Finding
from gsilint.resolve import input_error_finding
from gsilint.sources import InputError, Source, is_report_path, load_path, source_from_text

#: Files a directory walk passes over: repository documents, not reports.
_NOT_REPORTS = ("README", "LICENSE", "CHANGELOG", "CONTRIBUTING")


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    #: the decoded input (None when it could not be read)
    source: Source | None = None
    #: what rules noted for the run hooks (plain picklable data, keyed by rule code)
    notes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Run:
    """State shared by the files of one run (cross-year rules look here).

    While files are checked one by one (``--jobs 1``) ``facts.run`` holds the
    results so far; with worker processes each file is checked alone. A
    cross-file check that must give the same answer either way registers a
    run hook (:data:`RUN_HOOKS`): it is called once with every result.
    """

    results: dict[str, FileResult] = field(default_factory=dict)


#: ``hook(run)`` called after all files of a run are checked; it may add
#: findings to ``run.results[path].findings`` (cross-file checks). Findings
#: are re-sorted afterwards.
RUN_HOOKS: list[Callable[[Run], None]] = []


def finish_run(run: Run) -> None:
    """Run the cross-file hooks over a finished run."""
    if not RUN_HOOKS:
        return
    for hook in RUN_HOOKS:
        hook(run)
    for result in run.results.values():
        result.findings.sort(key=Finding.sort_key)


def lint_text(text: str, path: str | None = None, config: Config | None = None) -> list[Finding]:
    """Findings for report text already in memory."""
    config = config or Config()
    path = path or "<text>"
    try:
        source = source_from_text(text, path)
    except InputError as exc:
        return [input_error_finding(path, exc.message_zh, exc.message_en, config)]
    return lint_source(source, config)


def check_file(path: str, config: Config, run: Run | None = None) -> FileResult:
    """Read and lint one file; unreadable input becomes an E001 finding."""
    try:
        source = load_path(path, config.encoding)
    except InputError as exc:
        return FileResult(path, [input_error_finding(path, exc.message_zh, exc.message_en, config)])
    except Exception as exc:  # never a traceback for one bad file
        return FileResult(
            path, [input_error_finding(path, f"无法读取：{exc}", f"cannot read: {exc}", config)]
        )
    result = FileResult(path, [], source)
    result.findings = lint_source(source, config, run, result.notes)
    return result


def check_stdin(data: bytes, config: Config, path: str = "-") -> FileResult:
    from gsilint.sources import read_text_source

    try:
        source = read_text_source(path, data, config.encoding)
    except InputError as exc:
        return FileResult(path, [input_error_finding(path, exc.message_zh, exc.message_en, config)])
    return FileResult(path, lint_source(source, config), source)


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
    """Check files and directories with one config (``jobs`` > 1: in worker processes)."""
    from gsilint.parallel import check_files

    config = config or Config()
    return check_files([(p, config) for p in expand_paths(paths)], jobs=jobs, progress=False)


def lint_paths(paths: Iterable[str], config: Config | None = None, jobs: int = 1) -> list[Finding]:
    """Findings for files and directories, sorted by file, line, column, code."""
    findings = [f for r in check_paths(paths, config, jobs) for f in r.findings]
    findings.sort(key=Finding.sort_key)
    return findings
