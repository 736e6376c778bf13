"""Stable fingerprints of findings: rule, file and normalised context.

A fingerprint must survive edits elsewhere in the file (lines added above a
finding move it, but do not make it a new finding), so it never uses line or
column numbers. It hashes the rule code, the file path (POSIX form, relative
to the working directory when it lies under it) and the finding's context
(``Finding.context``: the text at the finding) with whitespace collapsed and
compatibility forms folded (NFKC). Identical findings in one file are told
apart by their order of occurrence. Used by SARIF ``partialFingerprints``
and usable by baselines.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Iterable

from gsilint.findings import Finding
from gsilint.patterns import re_compile

_SPACE = re_compile(r"\s+")


def normalise_context(text: str) -> str:
    """Context text with NFKC folding and all whitespace runs removed."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def normalise_path(path: str) -> str:
    """POSIX path, relative to the working directory when the file is under it."""
    if path in ("-", "<text>") or "://" in path:
        return path
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = path
    if rel.startswith(".."):
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def fingerprint(code: str, path: str, context: str, occurrence: int = 0) -> str:
    """Hex digest identifying one finding independently of its line."""
    key = "\x1f".join((code, normalise_path(path), normalise_context(context), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """Fingerprints of ``findings`` (in the given order), duplicates numbered by occurrence."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for f in findings:
        key = (f.code, normalise_path(f.path), normalise_context(f.context))
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(fingerprint(f.code, f.path, f.context, n))
    return out
