"""The result cache: a file whose content, settings and gsilint are unchanged is not re-linted.

Like ruff's cache, one entry per checked file, in ``.gsilint_cache/`` next to
the nearest configuration file (or in the working directory; ``cache-dir`` in
the configuration moves it). An entry holds the file's findings, the notes
its cross-file rules took and its suppression regions, so the run's
cross-file phase works from cached files exactly as from linted ones.

An entry is used only when its key matches: a hash of the file's bytes, the
path as given, every :class:`~gsilint.config.Config` value that changes
findings (rule packs by content), and gsilint itself — its version, its
modules (by size and modification time), the rule data and grammar (by
content) and the installed rule plugins. Entries are written to a temporary
file and renamed into place, so concurrent runs never see half an entry; an
entry that is corrupt, foreign or from another key is ignored and rewritten.
The cache only ever skips work: a run with it gives the same output as
``--no-cache``.

Entries are pickles, and unpickling runs code, so an entry is opened only
when it carries an HMAC made with this user's secret key
(``~/.cache/gsilint/secret``, or under ``$XDG_CACHE_HOME``; created on first
use, readable by the user only). A cache folder planted in a repository of
reports cannot carry a valid HMAC and is ignored like a corrupt entry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import io
import os
import pickle
import sys
from pathlib import Path

from gsilint.config import Config
from gsilint.excerpts import Excerpts
from gsilint.records import dataclass
from gsilint.run import FileResult

CACHE_DIR_NAME = ".gsilint_cache"
#: Bumped when the entry layout changes; entries of other layouts are never read.
_MAGIC = b"gsilint-cache-2\n"
_KEY_LEN = 32
_MAC_LEN = 32
#: Config fields that do not change a file's findings (where settings came from, when to fail,
#: which files the walk picks, which other files the run reads: notes never depend on them).
_NOT_IN_KEY = {
    "config_file",
    "fail_on",
    "cache_dir",
    "exclude",
    "extend_exclude",
    "respect_gitignore",
    "previous",
}


@dataclass(frozen=True)
class Slot:
    """Where a file's entry lives and the key it must carry."""

    entry: Path
    key: bytes


def cache_root(config: Config) -> Path:
    """The cache directory for files checked with ``config``."""
    if config.cache_dir:
        return Path(config.cache_dir)
    if config.config_file:
        return Path(config.config_file).resolve().parent / CACHE_DIR_NAME
    return Path.cwd() / CACHE_DIR_NAME


class ResultCache:
    """Looks up and stores per-file results for one run."""

    def __init__(self) -> None:
        self._gsilint: bytes | None = None
        #: id(config) → (config, settings hash); configs are shared per config file
        self._settings: dict[int, tuple[Config, bytes]] = {}

    def lookup(self, path: str, config: Config) -> tuple[FileResult | None, Slot | None]:
        """The cached result of ``path`` (None on a miss), and the slot to store it in.

        The slot is None when the file cannot be read: its E001 finding is not cached.
        """
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None, None
        key = hashlib.sha256(
            b"\0".join(
                (
                    self._gsilint_hash(),
                    self._settings_hash(config),
                    path.encode("utf-8", "surrogateescape"),
                    hashlib.sha256(data).digest(),
                )
            )
        ).digest()
        name = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogateescape"))
        slot = Slot(cache_root(config) / "entries" / name.hexdigest()[:40], key)
        return _read_entry(slot, path, config), slot

    def store(self, slot: Slot, result: FileResult) -> None:
        """Write ``result``'s findings, notes and suppressions; a failure only costs a re-lint."""
        try:
            slim = result.without_source()
            buffer = io.BytesIO()
            pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = _REDUCERS
            pickler.dump((slim.findings, slim.notes, slim.suppressed, slim.excerpts))
            payload = buffer.getvalue()
            _prepare(slot.entry.parent.parent)
            fd, tmp = _new_private_file(slot.entry.parent, ".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_MAGIC + slot.key + _mac(slot.key, payload) + payload)
                os.replace(tmp, slot.entry)
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass

    def _gsilint_hash(self) -> bytes:
        if self._gsilint is None:
            self._gsilint = gsilint_fingerprint()
        return self._gsilint

    def _settings_hash(self, config: Config) -> bytes:
        known = self._settings.get(id(config))
        if known is None or known[0] is not config:
            known = (config, settings_fingerprint(config))
            self._settings[id(config)] = known
        return known[1]


class _Reducers(dict):
    """Pickle frozen, slotted dataclasses as a call with their fields.

    The default for slotted dataclasses restores each object through a Python
    ``__setstate__`` that looks up the fields every time: several times slower
    to load than calling the class.
    """

    def __missing__(self, cls: type):
        if not (dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__):
            raise KeyError(cls)
        names = [f.name for f in dataclasses.fields(cls)]
        if not all(f.init for f in dataclasses.fields(cls)):
            raise KeyError(cls)

        def reduce(obj):
            return cls, tuple([getattr(obj, n) for n in names])

        self[cls] = reduce
        return reduce


_REDUCERS = _Reducers()


def _secret_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gsilint" / "secret"


_SECRET: bytes | None = None


def _secret() -> bytes:
    """This user's key for signing entries: read, or created readable by the user only.
    Where it cannot be stored, a key for this process alone (the cache then lasts one run)."""
    global _SECRET
    if _SECRET is None:
        path = _secret_path()
        try:
            _SECRET = path.read_bytes()
        except OSError:
            _SECRET = b""
        if len(_SECRET) < 32:
            _SECRET = os.urandom(32)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = _new_private_file(path.parent, ".secret-")
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_SECRET)
                os.replace(tmp, path)
            except OSError:
                pass
    return _SECRET


def _new_private_file(folder: Path, prefix: str) -> tuple[int, str]:
    """A new file of mode 0600 with a unique name in ``folder``, opened for writing.

    What ``tempfile.mkstemp`` does, without importing ``tempfile`` (with
    ``shutil``, ``random``, ``bz2`` and ``lzma``) into every run.
    """
    while True:
        name = os.path.join(folder, f"{prefix}{os.getpid()}-{os.urandom(6).hex()}")
        try:
            return os.open(
                name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
            ), name
        except FileExistsError:
            continue


def _mac(key: bytes, payload: bytes) -> bytes:
    return hmac.new(_secret(), key + payload, hashlib.sha256).digest()


def _read_entry(slot: Slot, path: str, config: Config) -> FileResult | None:
    try:
        with open(slot.entry, "rb") as fh:
            head = fh.read(len(_MAGIC) + _KEY_LEN)
            if head != _MAGIC + slot.key:
                return None
            mac = fh.read(_MAC_LEN)
            payload = fh.read()
        # never unpickle what this user's gsilint did not write
        if not hmac.compare_digest(mac, _mac(slot.key, payload)):
            return None
        findings, notes, suppressed, excerpts = pickle.loads(payload)
    except Exception:  # missing, corrupt or foreign: lint the file again
        return None
    if not (
        isinstance(findings, list)
        and isinstance(notes, dict)
        and isinstance(suppressed, tuple)
        and isinstance(excerpts, Excerpts | None)
    ):
        return None
    return FileResult(path, findings, None, notes, config, suppressed, excerpts=excerpts)


def _prepare(root: Path) -> None:
    """Create the cache directory with a ``.gitignore`` that keeps it out of version control."""
    entries = root / "entries"
    if entries.is_dir():
        return
    entries.mkdir(parents=True, exist_ok=True)
    ignore = root / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# created by gsilint\n*\n", encoding="utf-8")


def settings_fingerprint(config: Config) -> bytes:
    """A hash of every Config value that changes findings (rule packs by their content)."""
    h = hashlib.sha256()
    for f in dataclasses.fields(Config):
        if f.name in _NOT_IN_KEY:
            continue
        value = getattr(config, f.name)
        if isinstance(value, dict):
            value = sorted(value.items())
        h.update(f"{f.name}={value!r}\n".encode())
    for pack in config.rule_packs:
        try:
            h.update(Path(pack).read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    return h.digest()


def gsilint_fingerprint() -> bytes:
    """A hash of this gsilint: version, Python, modules, rule data, grammar and rule plugins."""
    from gsilint.plugins import plugin_entry_points
    from gsilint.resources import data_dir
    from gsilint.version import __version__

    h = hashlib.sha256(f"{__version__}\n{sys.version}\n".encode())
    package = os.path.dirname(os.path.abspath(__file__))
    for root, dirs, files in os.walk(package):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(root, name))
                h.update(f"{root[len(package) :]}/{name} {st.st_size} {st.st_mtime_ns}\n".encode())
    for name in ("rules", "grammars"):
        root = data_dir(name)
        for data in sorted(p for p in root.rglob("*") if p.is_file()):
            h.update(str(data.relative_to(root)).encode() + b"\0" + data.read_bytes())
    for ep in plugin_entry_points():
        dist = ep.dist
        h.update(f"{ep.name}={ep.value} {dist.version if dist else ''}\n".encode())
        h.update(_module_files_stamp(ep.module))
    return h.digest()


def _module_files_stamp(module: str) -> bytes:
    """Size and modification time of a plugin's source files, so that editing a plugin
    without a new version still invalidates the cache."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return b"<unfindable>"
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        return b"<no source>"
    paths = [spec.origin]
    if spec.submodule_search_locations:  # a package: all its modules
        for location in spec.submodule_search_locations:
            for root, dirs, files in os.walk(location):
                dirs.sort()
                paths += [os.path.join(root, f) for f in sorted(files) if f.endswith(".py")]
    out = []
    for p in dict.fromkeys(paths):
        try:
            st = os.stat(p)
        except OSError:
            continue
        out.append(f"{p} {st.st_size} {st.st_mtime_ns}\n")
    return "".join(out).encode("utf-8", "surrogateescape")
