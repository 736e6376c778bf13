"""Library API: lint text or paths without touching the terminal.

The CLI, the editor server, batch jobs and tests all go through these
functions, so they see exactly the same findings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from gsilint.config import Config
from gsilint.engine import input_error_finding, lint_source
from gsilint.findings import Finding
from gsilint.sources import InputError, Source, is_report_path, load_path, source_from_text


#: Files a directory walk passes over: repository documents, not reports.
_NOT_REPORTS = ("README", "LICENSE", "CHANGELOG", "CONTRIBUTING")


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    #: the decoded input (None when it could not be read)
    source: Source | None = None


@dataclass
class Run:
    """State shared by the files of one run (cross-year rules look here)."""

    results: dict[str, FileResult] = field(default_factory=dict)


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
        return FileResult(path, [input_error_finding(path, f"无法读取：{exc}", f"cannot read: {exc}", config)])
    return FileResult(path, lint_source(source, config, run), source)


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


def check_paths(paths: Iterable[str], config: Config | None = None) -> list[FileResult]:
    config = config or Config()
    run = Run()
    results = []
    for path in expand_paths(paths):
        result = check_file(path, config, run)
        run.results[path] = result
        results.append(result)
    return results


def lint_paths(paths: Iterable[str], config: Config | None = None) -> list[Finding]:
    """Findings for files and directories, sorted by file, line, column, code."""
    findings = [f for r in check_paths(paths, config) for f in r.findings]
    findings.sort(key=Finding.sort_key)
    return findings
