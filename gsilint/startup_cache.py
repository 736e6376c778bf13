"""What every start of gsilint would compute again, kept between runs like Python's bytecode.

A ``gsilint check`` of one file spends most of its time before it reads the
file: compiling the methods of about a hundred dataclasses, compiling about a
hundred regular expressions and parsing the TOML rule data. Each of these is
a pure function of a text (a method's source, a pattern and its flags, a
TOML file's bytes), so its result is kept here, keyed by that text, and the
next start loads it instead (``marshal``, as ``.pyc`` files are loaded).

The cache is one file per Python version in the user's cache folder
(``~/.cache/gsilint/`` or ``$XDG_CACHE_HOME/gsilint/``;
``$GSILINT_STARTUP_CACHE`` names another folder, and an empty value turns the
cache off). It is read once, on first use, and written at exit only when
something new was computed: to a temporary file renamed into place, so
concurrent runs never read half a file. Keys are the inputs themselves, so
an entry can never be wrong; a save drops the entries this run did not ask
for when they outnumber those it did (or the file holds more than
:data:`MAX_ENTRIES`), so entries of old versions do not pile up. A file that cannot be read or
written is ignored: the cache only ever skips work.

What is kept: compiled code (:func:`compiled_code`, for :mod:`gsilint.records`),
what ``re`` compiles a pattern to (:func:`gsilint.patterns.kept_stdlib`) and
parsed TOML (:func:`kept_toml`).

Like ``__pycache__``, the file holds code that gsilint runs, so it lives in
the user's own cache folder (mode 0700) and never in a project folder.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import sys
import tomllib
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

#: past this many entries, a save keeps only what the current run used (see the module)
MAX_ENTRIES = 4000

_UNSET: Any = object()


class StartupCache:
    """Results of pure start-up work, by key, loaded from and saved to one file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[Hashable, Any] | None = None
        self._used: set[Hashable] = set()
        self._added = False

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value kept for ``key``, or ``make()`` (then kept for later runs)."""
        entries = self._entries if self._entries is not None else self._load()
        value = entries.get(key, _UNSET)
        if value is _UNSET:
            value = make()
            entries[key] = value
            self._added = True
        self._used.add(key)
        return value

    def _load(self) -> dict[Hashable, Any]:
        entries: dict[Hashable, Any] = {}
        if self.path is not None:
            try:
                loaded = marshal.loads(self.path.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                loaded = None
            if isinstance(loaded, dict):
                entries = loaded
        self._entries = entries
        return entries

    def save(self) -> None:
        """Write the entries when this run added any (see the module docstring)."""
        if self.path is None or not self._added or self._entries is None:
            return
        entries = self._entries
        stale = len(entries) - len(self._used)
        if stale > len(self._used) or len(entries) > MAX_ENTRIES:
            # more entries unused by this run than used: keep what this run used
            entries = {k: v for k, v in entries.items() if k in self._used}
        try:
            data = marshal.dumps(entries)
        except ValueError:  # an entry marshal cannot write: keep only those it can
            data = marshal.dumps({k: v for k, v in entries.items() if _marshallable((k, v))})
        folder = self.path.parent
        tmp = folder / f".{self.path.name}.{os.getpid()}.tmp"
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            return
        self._added = False


def _marshallable(value: Any) -> bool:
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


def cache_path() -> Path | None:
    """This Python's cache file, or None when ``$GSILINT_STARTUP_CACHE`` is set empty."""
    folder = os.environ.get("GSILINT_STARTUP_CACHE")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "gsilint")
    elif not folder:
        return None
    tag = sys.implementation.cache_tag or "python"
    return Path(folder) / f"startup-{tag}-{sys.hexversion:x}.marshal"


_CACHE: StartupCache | None = None


def startup_cache() -> StartupCache:
    """The process's cache (made on first use; saved at exit)."""
    global _CACHE
    if _CACHE is None:
        _CACHE = StartupCache(cache_path())
        atexit.register(_CACHE.save)
    return _CACHE


def kept_toml(path: str | os.PathLike) -> dict[str, Any]:
    """``tomllib.load`` of the file at ``path``, kept between runs (keyed by its bytes).

    The same dict is returned to every caller of a process: do not change it."""
    data = Path(path).read_bytes()
    key = ("toml", hashlib.blake2b(data, digest_size=16).digest())
    return startup_cache().get(key, lambda: tomllib.loads(data.decode()))


def compiled_code(source: str, filename: str = "<gsilint>") -> Any:
    """``compile(source, filename, "exec")``, kept between runs."""
    digest = hashlib.blake2b(source.encode(), digest_size=16).digest()
    return startup_cache().get(
        ("code", filename, digest), lambda: compile(source, filename, "exec")
    )
