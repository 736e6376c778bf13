"""Which files a run checks: named paths, folders walked, exclusions, ``.gitignore``.

Like ruff's file selection:

- a named file is always checked, whatever its suffix or the exclusions (a
  named pipe, device or socket is not read: it gets E001, as does a missing
  path);
- a named folder is walked recursively, in sorted order; a file found there is
  checked when its suffix has a reader (:func:`gsilint.sources.is_report_path`)
  and it is a regular file (pipes and devices in a folder are passed over,
  reading one would block the run); a folder that cannot be listed gets E001;
- while walking, a file or folder is passed over when it matches ``exclude``
  (default :data:`DEFAULT_EXCLUDE`: hidden files and folders, ``node_modules``,
  Office lock files ``~$*``) or ``extend-exclude``, or when ``.gitignore``
  ignores it (``respect-gitignore``, on by default). A pattern without ``/``
  matches a file or folder name anywhere; one with ``/`` matches the path
  relative to the configuration file that gave it (or to the working
  directory, on the command line); ``*`` also crosses ``/``.

``.gitignore`` files are read with pathspec's git-wildmatch implementation
(negations, anchored and directory-only patterns as git has them): those of
the walked folders, and those of the folders above a named one up to the root
of its git repository, with ``.git/info/exclude``. A deeper ``.gitignore``
wins over a shallower one, as in git. The user's global excludes file is not
read.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import field
from functools import lru_cache
from pathlib import Path

from gsilint.config import Config
from gsilint.records import dataclass
from gsilint.sources import READERS
from gsilint.sources.base import not_a_file, os_error

#: Passed over while walking unless ``exclude`` is set: hidden files and folders,
#: node_modules, Office lock files (``~$报告.docx``, not documents).
DEFAULT_EXCLUDE = (".*", "node_modules", "~$*")
#: Files a directory walk passes over: repository documents, not reports.
NOT_REPORTS = ("README", "LICENSE", "CHANGELOG", "CONTRIBUTING")


@dataclass(frozen=True)
class Unreadable:
    """A named path or a folder that could not be read: it gets one E001."""

    path: str
    zh: str
    en: str


@dataclass
class Discovery:
    """The files to check, in order, and the paths that could not be read."""

    files: list[str] = field(default_factory=list)
    problems: list[Unreadable] = field(default_factory=list)
    #: named folders in which no file to check was found
    empty: list[str] = field(default_factory=list)


def anchor_patterns(patterns: Iterable[str], base: str) -> tuple[str, ...]:
    """Patterns as stored in a Config: one with ``/`` made absolute under ``base``."""
    out = []
    for p in patterns:
        p = p.strip().replace("\\", "/").rstrip("/")
        if not p:
            continue
        if "/" in p and not os.path.isabs(p):
            p = os.path.abspath(os.path.join(base, p)).replace("\\", "/")
        out.append(p)
    return tuple(out)


def _posix(path: str) -> str:
    return path if os.sep == "/" else path.replace(os.sep, "/")


@lru_cache(maxsize=64)
def _exclusion(exclude: tuple[str, ...] | None, extend: tuple[str, ...]):
    """(name matcher, absolute-path matcher) of a Config's exclusions: one regex each."""
    patterns = (*(DEFAULT_EXCLUDE if exclude is None else exclude), *extend)
    names = [fnmatch.translate(p) for p in patterns if "/" not in p]
    paths = [fnmatch.translate(q) for p in patterns if "/" in p for q in (p, p + "/*")]
    return (
        re.compile("|".join(names)).match if names else None,
        re.compile("|".join(paths)).match if paths else None,
    )


def excluded(path: str, config: Config, absolute: str | None = None) -> bool:
    """Whether the walk passes over ``path`` (a file or a folder) under ``config``.

    ``absolute``: the path made absolute, in ``/`` form, when the caller has it.
    """
    by_name, by_path = _exclusion(config.exclude, config.extend_exclude)
    if by_name is not None and by_name(os.path.basename(path)):
        return True
    if by_path is None:
        return False
    return bool(by_path(absolute or _posix(os.path.abspath(path))))


class _GitIgnores:
    """The ``.gitignore`` specs in force in one folder, deepest last, by absolute base."""

    def __init__(self, specs: tuple[tuple[str, object], ...] = ()) -> None:
        self.specs = specs

    def below(self, directory: str) -> _GitIgnores:
        spec = _read_spec(os.path.join(directory, ".gitignore"))
        if spec is None:
            return self
        base = _posix(os.path.abspath(directory)).rstrip("/") + "/"
        return _GitIgnores((*self.specs, (base, spec)))

    def ignored(self, absolute: str, is_dir: bool) -> bool:
        """Whether git ignores ``absolute`` (``/`` form): the deepest deciding file wins."""
        for base, spec in reversed(self.specs):
            if not absolute.startswith(base):
                continue
            rel = absolute[len(base) :]
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                return bool(result.include)
        return False


def _read_spec(path: str):
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    if not lines:
        return None
    import pathspec  # only where there is a .gitignore

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _above(directory: str) -> _GitIgnores:
    """The ignore files of the folders above ``directory``, up to its git repository's root."""
    ancestors = [os.path.abspath(directory)]
    while not os.path.exists(os.path.join(ancestors[-1], ".git")):
        parent = os.path.dirname(ancestors[-1])
        if parent == ancestors[-1]:
            return _GitIgnores()  # not in a git repository: only the walked folders' files
        ancestors.append(parent)
    root = ancestors[-1]
    info = _read_spec(os.path.join(root, ".git", "info", "exclude"))
    ignores = _GitIgnores(((root, info),)) if info is not None else _GitIgnores()
    for folder in reversed(ancestors[1:]):  # the root first; the named folder is walked
        ignores = ignores.below(folder)
    return ignores


def discover(paths: Iterable[str], settings: Callable[[str], Config] | None = None) -> Discovery:
    """Files to check under ``paths`` (``-`` is left to the caller).

    ``settings(folder)`` is the Config in force in a folder (its exclusions and
    ``respect_gitignore``); default: :class:`Config` defaults everywhere.
    """
    settings = settings or (lambda _folder: Config())
    found = Discovery()
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normpath(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    for p in paths:
        if p == "-":
            continue
        try:
            mode = os.stat(p).st_mode
        except OSError as exc:
            if os.path.islink(p):
                found.problems.append(
                    Unreadable(
                        p,
                        "符号链接指向的文件不存在：请检查链接",
                        "the symbolic link points to nothing: check the link",
                    )
                )
            else:
                err = os_error(exc)
                found.problems.append(Unreadable(p, err.message_zh, err.message_en))
            continue
        if stat.S_ISDIR(mode):
            config = settings(p)
            ignores = _above(p) if config.respect_gitignore else _GitIgnores()
            before = len(found.files)
            walked: list[str] = []
            _walk(str(Path(p)), settings, ignores, walked, found.problems)
            for f in sorted(walked):
                add(f)
            if len(found.files) == before:
                found.empty.append(p)
        elif stat.S_ISREG(mode):
            add(p)
        else:
            err = not_a_file(mode)
            found.problems.append(Unreadable(p, err.message_zh, err.message_en))
    return found


def _walk(
    folder: str,
    settings: Callable[[str], Config],
    ignores: _GitIgnores,
    out: list[str],
    problems: list[Unreadable],
) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        problems.append(_folder_problem(folder, exc))
        return
    config = settings(folder)
    if config.respect_gitignore:
        ignores = ignores.below(folder)
    base = _posix(os.path.abspath(folder)).rstrip("/") + "/"
    for entry in entries:
        name = entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if not is_dir and (
            name.upper().startswith(NOT_REPORTS) or os.path.splitext(name)[1].lower() not in READERS
        ):
            continue  # the cheap test first: most files in a tree are not reports
        full = name if folder == "." else os.path.join(folder, name)
        absolute = base + name
        if excluded(full, config, absolute):
            continue
        if config.respect_gitignore and ignores.ignored(absolute, is_dir):
            continue
        if is_dir:
            _walk(full, settings, ignores, out, problems)
            continue
        try:
            mode = os.stat(full).st_mode
        except OSError:
            problems.append(
                Unreadable(
                    full,
                    "符号链接指向的文件不存在：请检查链接",
                    "the symbolic link points to nothing: check the link",
                )
            )
            continue
        if stat.S_ISREG(mode):  # a pipe or a device named *.txt would block the run
            out.append(full)


def _folder_problem(folder: str, exc: OSError) -> Unreadable:
    err = os_error(exc)
    return Unreadable(
        folder,
        f"无法读取文件夹，其中的文件没有检查：{err.message_zh}",
        f"cannot read the folder; its files were not checked: {err.message_en}",
    )
