"""Automatic fixes: apply the safe ones (``check --fix``) or show them (``--diff``).

Rules attach a fix to a finding when the correction is certain (T503 URL
separator, T505 full-width punctuation, T506 stray space); the engine stores
its offsets in the *original* file's coordinates, so a reflowed crawler copy
is edited where the reader sees the text. Here:

- non-overlapping fixes are applied, first in the file first; a fix that
  overlaps one already taken waits for the next pass;
- the text is linted again and fixed again until nothing changes (at most
  :data:`MAX_PASSES`), so running ``--fix`` twice changes nothing the second
  time;
- the file is written back atomically (temporary file + rename) in its own
  encoding, BOM and line endings; a file whose decoded text does not encode
  back to the same bytes (or a format that is not text, such as DOCX) is
  never written.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path

from gsilint.config import Config
from gsilint.engine import FileLint, lint_file
from gsilint.findings import Finding, Fix
from gsilint.records import dataclass
from gsilint.sources import READERS, InputError, Source, read_text_source

#: Lint-and-fix passes before giving up on reaching a fixed point.
MAX_PASSES = 10
#: Source kinds whose ``original`` is the file's own text (so it can be written back).
WRITABLE_KINDS = ("text", "markdown", "html")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@dataclass
class FixResult:
    """What fixing one file did (or would do)."""

    path: str
    before: str = ""
    after: str = ""
    applied: int = 0
    #: findings of the fixed text (what is left to do by hand)
    findings: list[Finding] = field(default_factory=list)
    encoding: str = "utf-8"
    #: why the file cannot be fixed in place (None: it can)
    refused: str | None = None
    raw: bytes = b""
    #: the last lint of the fixed text (with the notes of cross-file rules)
    lint: FileLint | None = None
    #: the fixed text as read back
    source: Source | None = None

    @property
    def changed(self) -> bool:
        return self.after != self.before


def select_fixes(fixes: Iterable[Fix]) -> list[Fix]:
    """Non-overlapping fixes in file order; of two that overlap, the earlier wins."""
    chosen: list[Fix] = []
    end = -1
    for fx in sorted(set(fixes), key=lambda f: (f.start, f.end, f.replacement)):
        if fx.start < end:
            continue
        if chosen and fx.start == fx.end == chosen[-1].start == chosen[-1].end:
            continue  # two insertions at one point: order unknown, leave one for the next pass
        chosen.append(fx)
        end = max(end, fx.end)
    return chosen


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """``text`` with the selected fixes applied, and how many were applied."""
    chosen = select_fixes(fixes)
    parts: list[str] = []
    last = 0
    for fx in chosen:
        parts.append(text[last : fx.start])
        parts.append(fx.replacement)
        last = fx.end
    parts.append(text[last:])
    return "".join(parts), len(chosen)


def encode_like(text: str, encoding: str, raw: bytes) -> bytes:
    """Encode ``text`` as the file ``raw`` was: same codec, same byte-order mark."""
    data = text.encode(encoding)
    for bom in _BOMS:
        if raw.startswith(bom) and not data.startswith(bom):
            return bom + data
    return data


def _reader(path: str):
    return READERS.get(Path(path).suffix.lower(), read_text_source)


def fix_source(source: Source, config: Config, raw: bytes | None = None) -> FixResult:
    """Lint and fix ``source`` in memory until no fix is left (nothing is written)."""
    result = FixResult(
        source.path, before=source.original, after=source.original, encoding=source.encoding
    )
    if raw is not None:
        result.raw = raw
        if source.kind not in WRITABLE_KINDS:
            result.refused = f"{source.kind} files are not rewritten"
        elif source.undecodable is not None:
            result.refused = "it holds bytes that are not valid UTF-8 (see E001): mend them first"
        else:
            try:
                if encode_like(source.original, source.encoding, raw) != raw:
                    result.refused = "the decoded text does not encode back to the same bytes"
            except (UnicodeEncodeError, LookupError):
                result.refused = f"cannot encode back to {source.encoding}"
    lint = lint_file(source, config)
    findings = lint.findings
    if result.refused is not None:
        result.findings, result.lint, result.source = findings, lint, source
        return result
    reader = _reader(source.path)
    for _ in range(MAX_PASSES):
        fixes = [f.fix for f in findings if f.fix is not None]
        if not fixes:
            break
        text, n = apply_fixes(source.original, fixes)
        if text == source.original:
            break
        result.applied += n
        try:
            data = encode_like(text, source.encoding, raw or b"")
            source = reader(source.path, data, source.encoding)
        except (InputError, UnicodeError, LookupError) as exc:  # a fix must never lose the file
            result.refused = f"fixed text cannot be read back: {exc}"
            result.after = result.before
            return result
        lint = lint_file(source, config)
        findings = lint.findings
    result.after = source.original
    result.findings, result.lint, result.source = findings, lint, source
    return result


def fix_file(path: str, config: Config) -> FixResult:
    """Read ``path`` and compute its fixed text (nothing is written)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return FixResult(path, refused=f"cannot read: {exc.strerror or exc}")
    return fix_bytes(path, raw, config)


def fix_bytes(path: str, raw: bytes, config: Config) -> FixResult:
    """Compute the fixed text of ``raw``, read as the file ``path`` (stdin: its
    ``--stdin-filename``)."""
    from gsilint.sources import read_bytes

    try:
        source = read_bytes(path, raw, config.encoding)
    except InputError as exc:
        return FixResult(path, refused=f"cannot read: {exc.message_en}", raw=raw)
    except Exception:  # a reader's bug: the file is checked (and reported) without fixing
        return FixResult(path, refused="cannot read: the reader failed", raw=raw)
    return fix_source(source, config, raw)


def fixed_bytes(result: FixResult) -> bytes:
    """The bytes to write for ``result``: the fixed text, or the input unchanged."""
    if result.refused is not None or not result.changed:
        return result.raw
    return encode_like(result.after, result.encoding, result.raw)


def write_back(result: FixResult) -> None:
    """Write the fixed text over the file atomically, keeping encoding, BOM and mode."""
    if result.refused is not None or not result.changed:
        return
    data = encode_like(result.after, result.encoding, result.raw)
    # a symbolic link stays a link: the file it points to is rewritten
    target = Path(os.path.realpath(result.path))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".gsilint", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        except OSError:
            pass
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _lines(text: str) -> list[str]:
    """Lines split on "\n" only (U+2028 and friends stay inside their line)."""
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def unified_diff(result: FixResult) -> str:
    """The change as a unified diff (empty when nothing changes)."""
    if not result.changed:
        return ""
    lines = difflib.unified_diff(
        _lines(result.before),
        _lines(result.after),
        fromfile=result.path,
        tofile=result.path,
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def report_fixes(results: list[FixResult], out, err, diff: bool) -> bool:
    """Print diffs (``--diff``) or a summary of what was fixed.

    True when anything changes, or a fix exists that cannot be applied in place
    (a DOCX): ``--diff`` exits 1 for both.
    """
    changed = [r for r in results if r.changed and r.refused is None]
    if diff:
        for r in sorted(changed, key=lambda r: r.path):
            out.write(unified_diff(r))
        out.flush()
    pending = False
    for r in results:
        if r.refused is not None and not r.refused.startswith("cannot read"):
            fixable = sum(1 for f in r.findings if f.fix is not None)
            if fixable:
                pending = True
                err.write(f"gsilint: {r.path}: {fixable} fix(es) not applied ({r.refused})\n")
    n = sum(r.applied for r in changed)
    verb = "would fix" if diff else "fixed"
    if changed or not diff:
        err.write(f"gsilint: {verb} {n} issue(s) in {len(changed)} file(s)\n")
    err.flush()
    return bool(changed) or pending
