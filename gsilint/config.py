"""Run settings: which rules, what severity fails, language, template, year.

The CLI builds a :class:`Config` from its flags; configuration files
(``[tool.gsilint]`` in pyproject.toml or ``gsilint.toml``) produce the same
object, and flags given on the command line win over the file.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import field, replace

from gsilint.findings import Severity
from gsilint.records import dataclass

TEMPLATES = ("auto", "2008", "2019", "2021")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # empty: every rule
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: glob pattern → codes or prefixes ignored in matching files
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: code or prefix → severity override
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    lang: str = "zh"
    template: str = "auto"
    year: int | None = None
    #: publication deadline override, "MM-DD" (e.g. "03-31")
    deadline: str | None = None
    #: extra TOML rule data files (a province's additional requirements)
    rule_packs: tuple[str, ...] = ()
    #: encoding forced for every input (None: detect)
    encoding: str | None = None
    #: the configuration file these settings came from (None: defaults/flags only)
    config_file: str | None = None
    #: directory ``per-file-ignores`` patterns are relative to (the config file's)
    root: str | None = None
    #: where the result cache lives (None: ``.gsilint_cache`` next to the config file)
    cache_dir: str | None = None
    #: last year's reports (files or directories) read only for the cross-year rules' notes
    previous: tuple[str, ...] = ()
    #: X405: the share (percent) of this year's sentences found in last year's report that
    #: makes the report "copied"
    copy_threshold: int = 50
    #: globs a folder walk passes over (None: gsilint.discovery.DEFAULT_EXCLUDE);
    #: a glob with "/" is absolute (anchored where it was given)
    exclude: tuple[str, ...] | None = None
    #: globs passed over in addition to ``exclude``
    extend_exclude: tuple[str, ...] = ()
    #: whether a folder walk passes over what .gitignore ignores
    respect_gitignore: bool = True
    #: glob → settings (year, template, deadline, encoding) for matching files
    per_file: dict[str, dict] = field(default_factory=dict)

    def with_(self, **changes) -> Config:
        return replace(self, **changes)


def matches(code: str, patterns: tuple[str, ...]) -> bool:
    """Whether ``code`` is selected by any of ``patterns`` (codes or prefixes, or ALL)."""
    for p in patterns:
        p = p.strip().upper()
        if p == "ALL" or code.startswith(p):
            return True
    return False


def per_file_ignores(config: Config, path: str) -> tuple[str, ...]:
    """Codes ``config.per_file_ignores`` switches off for ``path``.

    A pattern is a glob (``*`` also crosses ``/``). It is tried against the
    path as given, the path relative to ``config.root`` (the directory of the
    configuration file), and — for a pattern without ``/`` — the file name.
    """
    if not config.per_file_ignores:
        return ()
    out: list[str] = []
    for pattern in matching_globs(config, path, config.per_file_ignores):
        out.extend(config.per_file_ignores[pattern])
    return tuple(out)


def matching_globs(config: Config, path: str, patterns) -> list[str]:
    """The globs of ``patterns`` that match ``path`` (see :func:`per_file_ignores`), in order."""
    posix = path.replace("\\", "/").removeprefix("./")
    candidates = {posix, posix.rsplit("/", 1)[-1]}
    if config.root is not None and path not in ("-", "<text>"):
        try:
            rel = os.path.relpath(os.path.abspath(path), config.root).replace("\\", "/")
        except ValueError:  # another drive (Windows)
            rel = None
        if rel and not rel.startswith("../"):
            candidates.add(rel)
    return [
        pattern
        for pattern in patterns
        if any(fnmatch.fnmatchcase(c, pattern.replace("\\", "/")) for c in candidates)
    ]


def per_file_settings(config: Config, path: str) -> dict:
    """The ``per-file`` settings of ``config`` for ``path``: later globs win."""
    out: dict = {}
    for pattern in matching_globs(config, path, config.per_file):
        out.update(config.per_file[pattern])
    return out


def longest_match(code: str, patterns: dict[str, Severity]) -> Severity | None:
    best = None
    best_len = -1
    for p, sev in patterns.items():
        if code.startswith(p.upper()) and len(p) > best_len:
            best, best_len = sev, len(p)
    return best
