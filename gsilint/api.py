"""Library API: lint text or paths without touching the terminal.

The CLI, the editor server, batch jobs and tests all go through these
functions, so they see exactly the same findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gsilint.config import Config
from gsilint.discovery import NOT_REPORTS, discover
from gsilint.findings import Finding
from gsilint.parallel import check_files
from gsilint.resolve import input_error_finding
from gsilint.run import FileResult, unreadable_path
from gsilint.sources import InputError, source_from_text

#: kept for importers (the editor server): see gsilint.discovery.NOT_REPORTS
_NOT_REPORTS = NOT_REPORTS


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
    """Files to check: files as given, directories walked recursively (sorted).

    Paths that cannot be read are yielded too (checking them gives their E001);
    see :mod:`gsilint.discovery` for what a walk passes over.
    """
    found = discover(paths)
    yield from found.files
    yield from (u.path for u in found.problems)


def check_paths(
    paths: Iterable[str], config: Config | None = None, jobs: int = 1
) -> list[FileResult]:
    """Check files and directories with one config (``jobs`` > 1: in worker processes).

    ``config.previous``: last year's reports, read for the cross-year rules, never returned.
    """
    config = config or Config()
    found = discover(paths, lambda _folder: config)
    previous = [(p, config) for p in discover(config.previous, lambda _folder: config).files]
    results = check_files(
        [(p, config) for p in found.files], jobs=jobs, progress=False, previous=previous
    )
    return results + [unreadable_path(u, config) for u in found.problems]


def lint_paths(paths: Iterable[str], config: Config | None = None, jobs: int = 1) -> list[Finding]:
    """Findings for files and directories, sorted by file, line, column, code."""
    findings = [f for r in check_paths(paths, config, jobs) for f in r.findings]
    findings.sort(key=Finding.sort_key)
    return findings
