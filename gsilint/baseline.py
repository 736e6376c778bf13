"""Baselines: adopt gsilint on a repository of old reports without fixing them first.

``gsilint check --write-baseline FILE`` records every current finding;
``gsilint check --baseline FILE`` then reports only findings that are not in
it. A finding is identified by a fingerprint of

- its rule code,
- its file path, relative to the baseline file's directory (POSIX form),
- its normalised context (``Finding.context``, the text at the finding,
  NFKC-folded, whitespace removed), and
- its occurrence index among findings with the same three values in that
  file (so two identical findings stay two),

and never by line or column: adding or removing lines above a finding keeps
it baselined. The file is JSON, sorted, one entry per finding, so it diffs
well in review.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gsilint.findings import Finding
from gsilint.fingerprints import normalise_context  # the same normalisation as SARIF fingerprints
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.run import FileResult

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written."""


def relative_path(path: str, base_dir: str) -> str:
    """``path`` relative to ``base_dir`` in POSIX form (``-`` and ``<text>`` as they are)."""
    if path in ("-", "<text>"):
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base_dir))
    except ValueError:  # another drive (Windows)
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def fingerprint(code: str, path: str, context: str, index: int) -> str:
    key = "\x1f".join((code, path, context, str(index)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    rule: str
    path: str
    context: str
    index: int


def entries(findings: Iterable[Finding], base_dir: str) -> list[Entry]:
    """One entry per finding, duplicates numbered in position order."""
    return [e for _, e in _paired(findings, base_dir)]


def _paired(findings: Iterable[Finding], base_dir: str) -> list[tuple[Finding, Entry]]:
    out = []
    seen: Counter[tuple[str, str, str]] = Counter()
    for f in sorted(findings, key=Finding.sort_key):
        path = relative_path(f.path, base_dir)
        ctx = normalise_context(f.context)
        key = (f.code, path, ctx)
        index = seen[key]
        seen[key] += 1
        out.append((f, Entry(fingerprint(f.code, path, ctx, index), f.code, path, ctx, index)))
    return out


def write_baseline(file: str, results: Iterable[FileResult]) -> int:
    """Record every finding of ``results``; returns how many."""
    base_dir = os.path.dirname(os.path.abspath(file))
    found = entries((f for r in results for f in r.findings), base_dir)
    found.sort(key=lambda e: (e.path, e.rule, e.context, e.index))
    data = {
        "gsilint-baseline": VERSION,
        "findings": [
            {
                "fingerprint": e.fingerprint,
                "rule": e.rule,
                "path": e.path,
                "context": e.context,
                "index": e.index,
            }
            for e in found
        ],
    }
    try:
        with open(file, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    except OSError as exc:
        raise BaselineError(f"{file}: cannot write the baseline: {exc.strerror or exc}") from None
    return len(found)


@dataclass(frozen=True)
class Baseline:
    base_dir: str
    fingerprints: frozenset[str]

    def is_known(self, entry: Entry) -> bool:
        return entry.fingerprint in self.fingerprints


def read_baseline(file: str) -> Baseline:
    try:
        with open(file, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise BaselineError(f"{file}: cannot read the baseline: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise BaselineError(f"{file}: not a gsilint baseline (invalid JSON: {exc})") from None
    if (
        not isinstance(data, dict)
        or data.get("gsilint-baseline") != VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(
            f"{file}: not a gsilint baseline (version {VERSION}; write one with --write-baseline)"
        )
    try:
        prints = frozenset(str(e["fingerprint"]) for e in data["findings"])
    except (TypeError, KeyError):
        raise BaselineError(f"{file}: a baseline entry has no fingerprint") from None
    return Baseline(os.path.dirname(os.path.abspath(file)), prints)


def filter_results(results: list[FileResult], baseline: Baseline) -> int:
    """Drop baselined findings from ``results`` in place; returns how many were dropped."""
    dropped = 0
    for r in results:
        if not r.findings:
            continue
        known = {id(f) for f, e in _paired(r.findings, baseline.base_dir) if baseline.is_known(e)}
        if known:
            dropped += len(known)
            r.findings = [f for f in r.findings if id(f) not in known]
    return dropped
