"""The startup cache keeps pure start-up work between runs and only ever skips work."""

from __future__ import annotations

import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
from conftest import SEEDS
from test_patterns import _every_lazy_pattern

from gsilint import patterns, startup_cache
from gsilint.patterns import for_stdlib, kept_stdlib
from gsilint.startup_cache import StartupCache, cache_path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """A process cache in ``tmp_path``, and a way to load a new one from the same file."""
    path = tmp_path / "startup.marshal"
    monkeypatch.setattr(startup_cache, "_CACHE", StartupCache(path))

    def reload() -> StartupCache:
        startup_cache._CACHE.save()
        monkeypatch.setattr(startup_cache, "_CACHE", StartupCache(path))
        return startup_cache._CACHE

    return reload


def test_a_value_is_made_once_and_read_back_by_the_next_run(tmp_path):
    path = tmp_path / "c.marshal"
    made = []
    first = StartupCache(path)
    assert first.get(("k", 1), lambda: made.append(1) or [1, 2]) == [1, 2]
    assert first.get(("k", 1), lambda: made.append(1) or [9]) == [1, 2]
    first.save()
    second = StartupCache(path)
    assert second.get(("k", 1), lambda: made.append(1) or [9]) == [1, 2]
    assert made == [1]


def test_nothing_is_written_when_nothing_was_added(tmp_path):
    path = tmp_path / "c.marshal"
    first = StartupCache(path)
    first.get("k", lambda: 1)
    first.save()
    stamp = path.stat().st_mtime_ns
    path.touch()
    second = StartupCache(path)
    second.get("k", lambda: 2)
    second.save()
    assert path.stat().st_mtime_ns >= stamp
    assert StartupCache(path).get("k", lambda: 3) == 1


def test_a_corrupt_file_is_ignored_and_rewritten(tmp_path):
    path = tmp_path / "c.marshal"
    path.write_bytes(b"\x00not marshal at all")
    cache = StartupCache(path)
    assert cache.get("k", lambda: "made") == "made"
    cache.save()
    assert StartupCache(path).get("k", lambda: "again") == "made"


def test_a_folder_that_cannot_be_written_only_costs_the_saving(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = StartupCache(blocker / "sub" / "c.marshal")  # a file where a folder must be
    assert cache.get("k", lambda: 5) == 5
    cache.save()  # no exception
    assert not (blocker / "sub").exists()


def test_a_value_marshal_cannot_write_is_left_out(tmp_path):
    path = tmp_path / "c.marshal"
    cache = StartupCache(path)
    cache.get("good", lambda: (1, "a"))
    cache.get("bad", lambda: object())
    cache.save()
    again = StartupCache(path)
    assert again.get("good", lambda: None) == (1, "a")
    assert again.get("bad", lambda: "made again") == "made again"


def test_past_the_limit_only_what_this_run_used_is_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(startup_cache, "MAX_ENTRIES", 3)
    path = tmp_path / "c.marshal"
    old = StartupCache(path)
    for k in "abcd":
        old.get(k, lambda k=k: k)
    old.save()  # 4 entries, all used by that run: all kept
    run = StartupCache(path)
    run.get("a", lambda: "?")
    run.get("e", lambda: "e")
    run.save()
    assert StartupCache(path).get("b", lambda: "made") == "made"
    assert StartupCache(path).get("e", lambda: "made") == "e"


def test_unused_entries_are_dropped_when_they_outnumber_the_used_ones(tmp_path):
    path = tmp_path / "c.marshal"

    def run(keys: str) -> None:
        cache = StartupCache(path)
        for k in keys:
            cache.get(k, lambda k=k: k)
        cache.save()

    def kept() -> str:
        entries = StartupCache(path)._load()
        return "".join(sorted(entries))

    run("abcd")
    run("abe")  # c and d unused, but fewer than the three used: kept
    assert kept() == "abcde"
    run("f")  # five unused, one used: only f is kept
    assert kept() == "f"


def test_the_file_is_per_python_and_the_environment_names_or_disables_it(monkeypatch, tmp_path):
    monkeypatch.setenv("GSILINT_STARTUP_CACHE", str(tmp_path))
    path = cache_path()
    assert path.parent == tmp_path and sys.implementation.cache_tag in path.name
    monkeypatch.setenv("GSILINT_STARTUP_CACHE", "")
    assert cache_path() is None
    monkeypatch.delenv("GSILINT_STARTUP_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_path().parent == tmp_path / "xdg" / "gsilint"


def test_a_disabled_cache_makes_every_value_and_writes_nothing(tmp_path):
    cache = StartupCache(None)
    assert cache.get("k", lambda: 1) == 1
    cache.save()
    assert list(tmp_path.iterdir()) == []


# --- patterns: a kept pattern is the pattern re.compile makes ---------------------------


def _sample_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))[:3])


def test_every_package_pattern_read_back_from_the_cache_matches_as_re_compiles_it(fresh_cache):
    sources = []
    for p in _every_lazy_pattern():
        source = for_stdlib(p._source)
        if source is not None and patterns.stdlib_compiled(p._source, p._flags) is not None:
            sources.append((source, p._flags))
    assert len(sources) > 50
    fresh_cache()  # saved; the next compiles come from the file
    text = _sample_text()
    for source, flags in sources:
        kept, plain = kept_stdlib(source, flags), re.compile(source, flags)
        assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == (
            plain.pattern,
            plain.flags,
            plain.groups,
            plain.groupindex,
        )
        assert [(m.span(), m.groups()) for m in kept.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ], source


def test_a_pattern_compiled_with_a_flag_enum_is_kept_too(fresh_cache):
    assert kept_stdlib("ab", re.I).match("AB")
    cache = fresh_cache()
    assert kept_stdlib("ab", re.I).match("aB") and not cache._added


def test_a_pattern_re_refuses_or_warns_about_stays_refused_from_the_cache(fresh_cache):
    for source in ("[[a]b]", "(unclosed", "a{2,1}"):
        assert kept_stdlib(source) is None
    fresh_cache()
    for source in ("[[a]b]", "(unclosed", "a{2,1}"):
        assert kept_stdlib(source) is None


def test_without_the_private_compiler_patterns_compile_as_usual(monkeypatch, fresh_cache):
    monkeypatch.setattr(patterns, "_sre", None)
    assert kept_stdlib(r"(?P<n>\d+)条").search("共12条").group("n") == "12"
    assert kept_stdlib("[[a]") is None


def test_an_unexpected_compiler_falls_back_to_re_compile(monkeypatch, fresh_cache):
    def broken(*args):
        raise TypeError("another signature")

    monkeypatch.setattr(patterns, "_sre_compiler", types.SimpleNamespace(_code=broken))
    assert kept_stdlib(r"(\d+)件").search("3件").group(1) == "3"


# --- the whole program ------------------------------------------------------------------


def _check(cache_dir: str, report: Path, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gsilint", "check", str(report), "--no-cache", "--format", "json"],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(ROOT),
            "GSILINT_STARTUP_CACHE": cache_dir,
            "HOME": str(home),
        },
        check=False,
    )


def test_a_run_from_the_cache_reports_what_a_run_without_it_reports(tmp_path):
    report = sorted(SEEDS.glob("*.txt"))[0]
    folder = tmp_path / "cache"
    filling = _check(str(folder), report, tmp_path)
    files = list(folder.iterdir())
    assert len(files) == 1 and files[0].stat().st_size > 10_000
    from_cache = _check(str(folder), report, tmp_path)
    without = _check("", report, tmp_path)  # the cache turned off
    assert filling.stdout == from_cache.stdout == without.stdout
    assert filling.returncode == from_cache.returncode == without.returncode
    assert from_cache.stderr == ""
