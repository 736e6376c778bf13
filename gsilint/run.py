"""One run over many files: each file's result, then the cross-file phase.

:func:`check_file` reads and lints one file (with ``fix``, after fixing it in
memory, see :mod:`gsilint.fix`); it is what a worker process runs, so its
:class:`FileResult` is plain, picklable data. :func:`finish_run` is the end of
every run — local, ``--jobs`` or ``--fix`` alike: each cross-file rule
compares the notes its files left (:mod:`gsilint.rules.crossfile`), and its
findings are resolved with each file's configuration and suppressions like
any other finding. The result never depends on file order or ``--jobs``.
"""

from __future__ import annotations

from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gsilint.config import Config
from gsilint.excerpts import Excerpts, take_excerpts
from gsilint.findings import Finding
from gsilint.positions import LineIndex
from gsilint.records import dataclass
from gsilint.resolve import input_error_finding, make_run_finding
from gsilint.sources import InputError, Source, load_path, original_text, read_bytes
from gsilint.sources.base import damaged, os_error
from gsilint.suppress import SuppressedRange, drop_suppressed

if TYPE_CHECKING:
    from gsilint.discovery import Unreadable
    from gsilint.fix import FixResult


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    #: the decoded input (None when it could not be read)
    source: Source | None = None
    #: the note each cross-file rule took of this file, by rule code
    notes: dict[str, Any] = field(default_factory=dict)
    #: the configuration the file was checked with (its cross-file findings use it too)
    config: Config | None = None
    #: the file's suppression regions, for its cross-file findings
    suppressed: tuple[SuppressedRange, ...] = ()
    #: what ``--fix``/``--diff`` did to the file (None when not fixing)
    fixed: FixResult | None = None
    #: what output needs of the text when ``source`` is not kept (workers, the cache)
    excerpts: Excerpts | None = None
    _lines: LineIndex | None = field(default=None, repr=False, compare=False)
    _lines_read: bool = field(default=False, repr=False, compare=False)

    def without_source(self) -> FileResult:
        """This result with its Source replaced by the excerpts output needs (small, picklable)."""
        if self.source is None:
            return self
        excerpts = take_excerpts(self.source.index, self.findings)
        return replace(self, source=None, excerpts=excerpts)

    def line_count(self) -> int | None:
        if self.source is None and self.excerpts is not None:
            return self.excerpts.line_count
        lines = self.line_index()
        return lines.line_count if lines is not None else None

    def line_text(self, line: int) -> str | None:
        """The text of 0-based ``line`` of the original file."""
        if self.source is None and self.excerpts is not None and line in self.excerpts.lines:
            return self.excerpts.lines[line]
        lines = self.line_index()
        return lines.line_text(line) if lines is not None and line < lines.line_count else None

    def position(self, offset: int) -> tuple[int, int] | None:
        """1-based (line, column) of an offset in the original file."""
        if self.source is None and self.excerpts is not None:
            known = self.excerpts.positions.get(offset)
            if known is not None:
                return known
        lines = self.line_index()
        return lines.position(offset) if lines is not None else None

    def line_index(self) -> LineIndex | None:
        """Lines of the original file; without a Source, the file is read again on first use.

        None when it can no longer be read.
        """
        if self.source is not None:
            return self.source.index
        if not self._lines_read and self.path not in ("-", "<text>"):
            self._lines_read = True
            encoding = self.config.encoding if self.config is not None else None
            try:
                self._lines = LineIndex(original_text(self.path, encoding))
            except Exception:  # gone or unreadable since it was checked: no excerpt
                self._lines = None
        return self._lines


@dataclass
class Run:
    """The results of one run, by path, in the order the files were given."""

    results: dict[str, FileResult] = field(default_factory=dict)


def check_source(source: Source, config: Config) -> FileResult:
    """Lint a decoded input."""
    from gsilint.engine import lint_file

    lint = lint_file(source, config)
    return FileResult(source.path, lint.findings, source, lint.notes, config, lint.suppressed)


def unreadable(path: str, exc: Exception, config: Config) -> FileResult:
    """The result of a file that cannot be read: one E001 finding."""
    if isinstance(exc, InputError):
        zh, en = exc.message_zh, exc.message_en
    elif isinstance(exc, OSError):
        err = os_error(exc)
        zh, en = err.message_zh, err.message_en
    else:  # never Python internals in a message: say what to do
        err = damaged(Path(path).suffix)
        zh, en = err.message_zh, err.message_en
    return FileResult(path, [input_error_finding(path, zh, en, config)], config=config)


def unreadable_path(problem: Unreadable, config: Config) -> FileResult:
    """The E001 of a path the file discovery could not read (missing, a pipe, a folder).

    Its text is never read again for an excerpt (a pipe would block).
    """
    finding = input_error_finding(problem.path, problem.zh, problem.en, config)
    return FileResult(problem.path, [finding], config=config, _lines_read=True)


def check_file(
    path: str, config: Config, fix: str | None = None, read_from: str | None = None
) -> FileResult:
    """Read and lint one file; unreadable input becomes an E001 finding.

    ``fix``: None to only check; ``"write"`` to fix the file and write it back;
    ``"diff"`` to compute the fixes without writing (``--diff``). ``read_from``:
    where to read the file named ``path`` (see :func:`gsilint.sources.load_path`).
    """
    if fix is not None:
        return _fix_and_check(path, config, write=fix == "write")
    try:
        source = load_path(path, config.encoding, read_from)
    except Exception as exc:  # never a traceback for one bad file
        return unreadable(path, exc, config)
    return check_source(source, config)


def _fix_and_check(path: str, config: Config, write: bool) -> FileResult:
    """``check --fix`` / ``--diff`` for one file: what is left to fix by hand.

    ``result.fixed`` says what was (or would be) fixed. Unreadable input is
    reported exactly as ``check`` reports it.
    """
    from gsilint.fix import fix_file, write_back

    fixed = fix_file(path, config)
    if fixed.refused is not None and fixed.refused.startswith("cannot read"):
        result = check_file(path, config)
        result.fixed = fixed
        return result
    if write:
        write_back(fixed)
    result = FileResult(path, fixed.findings, fixed.source, config=config, fixed=fixed)
    if fixed.lint is not None:
        result.notes, result.suppressed = fixed.lint.notes, fixed.lint.suppressed
    return result


def check_stdin(data: bytes, config: Config, path: str = "-") -> FileResult:
    """Lint bytes read from stdin; ``path`` (``--stdin-filename``) chooses the reader."""
    try:
        source = read_bytes(path, data, config.encoding)
    except Exception as exc:  # never a traceback for bad input
        return unreadable(path, exc, config)
    return check_source(source, config)


def finish_run(run: Run) -> None:
    """The cross-file phase: compare the notes and add the findings to their files."""
    by_code: dict[str, dict[str, Any]] = {}
    for path, result in run.results.items():
        for code, note in result.notes.items():
            by_code.setdefault(code, {})[path] = note
    touched: set[str] = set()
    for code in sorted(by_code):
        rule = _cross_file_rule(code, by_code[code])
        for issue in rule.compare(by_code[code]):
            result = run.results[issue.path]
            finding = make_run_finding(issue, rule, result.config or Config())
            found = drop_suppressed([finding], result.suppressed)
            result.findings.extend(found)
            touched.add(issue.path)
    for path in touched:
        run.results[path].findings.sort(key=Finding.sort_key)


def _cross_file_rule(code: str, notes: dict[str, Any]):
    """The rule that took ``notes``: its own module is enough when every file came from the cache.

    A note's class is defined next to its rule; importing that module registers the
    rule without loading every rule. Otherwise (or if that fails) all rules are loaded.
    """
    from importlib import import_module

    from gsilint.rules import RULES, load_rules

    if code not in RULES:
        try:
            import_module(type(next(iter(notes.values()))).__module__)
        except Exception:  # a note of a built-in type, a module that will not import alone
            pass
    return RULES[code] if code in RULES else load_rules()[code]
