"""The result cache: the same output as without it, and only unchanged files are skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_text_table import _year_report

import gsilint.cache
import gsilint.parallel
from gsilint.cache import CACHE_DIR_NAME
from gsilint.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
FORMATS = ["text", "concise", "json", "jsonl", "sarif", "github", "lsp"]


@pytest.fixture(autouse=True)
def user_secret(tmp_path, monkeypatch):
    """Each test's user has a secret key of their own (not the real ~/.cache)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(gsilint.cache, "_SECRET", None)
    return tmp_path / "user-cache" / "gsilint" / "secret"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """Reports (seeds, a page, an X403 pair) in a working directory of their own."""
    reports = tmp_path / "reports"
    reports.mkdir()
    for seed in sorted((FIXTURES / "seeds").glob("*.txt"))[:4]:
        shutil.copy(seed, reports)
    shutil.copy(sorted((FIXTURES / "html").glob("*.html"))[0], reports)
    (reports / "a_2021.txt").write_text(
        _year_report(2021, new=3, granted=1, forward=2), encoding="utf-8"
    )
    (reports / "b_2022.txt").write_text(
        _year_report(2022, new=0, carried=1, granted=1), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def linted(monkeypatch):
    """The paths the run actually lints (not taken from the cache)."""
    seen: list[str] = []
    real = gsilint.parallel.check_file

    def counting(path, config, fix=None):
        seen.append(Path(path).name)
        return real(path, config, fix)

    monkeypatch.setattr(gsilint.parallel, "check_file", counting)
    return seen


def run(*args: str) -> str:
    result = CliRunner().invoke(
        main, ["check", "reports", "--jobs", "1", "--fail-on", "info", *args]
    )
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cached_run_writes_what_an_uncached_one_does(tree, linted, fmt):
    uncached = run("--format", fmt, "--no-cache")
    assert not (tree / CACHE_DIR_NAME).exists()
    assert run("--format", fmt) == uncached  # fills the cache
    linted.clear()
    assert run("--format", fmt) == uncached  # from the cache
    assert linted == []
    assert (tree / CACHE_DIR_NAME / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_the_outputs_hold_excerpts_fixes_and_x403(tree):
    text = run("--format", "text")
    assert "X403" in text and " | " in text  # a cross-file finding and source excerpts
    assert '"fix"' in run("--format", "json")


def test_an_edited_file_is_linted_again(tree, linted):
    run()
    report = tree / "reports" / "b_2022.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\n本报告未完。\n", encoding="utf-8")
    linted.clear()
    assert run("--format", "json") == run("--format", "json", "--no-cache")
    assert linted[0] == "b_2022.txt"


def test_a_config_change_invalidates_every_entry(tree, linted):
    run()
    (tree / "gsilint.toml").write_text('ignore = ["T"]\n', encoding="utf-8")
    linted.clear()
    cached = run("--format", "json")
    assert len(linted) == 7
    assert cached == run("--format", "json", "--no-cache")
    assert '"T5' not in cached


def test_x403_fires_from_cached_notes(tree, linted):
    first = run("--format", "concise", "--select", "X403")
    linted.clear()
    again = run("--format", "concise", "--select", "X403")
    assert linted == [] and again == first
    assert "b_2022.txt" in again and "X403" in again


def test_a_corrupt_or_foreign_entry_is_ignored(tree, linted):
    expected = run("--format", "json", "--no-cache")
    run()
    entries = sorted((tree / CACHE_DIR_NAME / "entries").iterdir())
    entries[0].write_bytes(b"not a cache entry")
    entries[1].write_bytes(entries[2].read_bytes())  # another file's entry
    entries[3].write_bytes(entries[3].read_bytes()[:-20])  # truncated
    linted.clear()
    assert run("--format", "json") == expected
    assert len(linted) == 3


class _Planted:
    """Unpickling this would create a file: a stand-in for code a planted entry would run."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path(self.marker).touch, ())


def test_a_planted_entry_is_never_unpickled(tree, linted, user_secret):
    import pickle

    expected = run("--format", "json", "--no-cache")
    run()
    assert user_secret.is_file() and (user_secret.stat().st_mode & 0o077) == 0
    marker = tree / "pwned"
    for entry in (tree / CACHE_DIR_NAME / "entries").iterdir():
        data = entry.read_bytes()
        head = data[: len(gsilint.cache._MAGIC) + 32]  # magic and the right key
        # a pickle that runs code, with a MAC made without this user's secret
        entry.write_bytes(head + b"\0" * 32 + pickle.dumps(_Planted(str(marker))))
    linted.clear()
    assert run("--format", "json") == expected
    assert not marker.exists()
    assert len(linted) == len(list((tree / "reports").iterdir()))


def test_another_users_entries_are_relinted(tree, linted, monkeypatch, tmp_path):
    run()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    monkeypatch.setattr(gsilint.cache, "_SECRET", None)
    linted.clear()
    run()
    assert len(linted) == len(list((tree / "reports").iterdir()))


def test_cache_dir_in_the_config_file(tree):
    (tree / "gsilint.toml").write_text('cache-dir = "build/lint-cache"\n', encoding="utf-8")
    run()
    assert (tree / "build" / "lint-cache" / "entries").is_dir()
    assert not (tree / CACHE_DIR_NAME).exists()


@pytest.mark.parametrize("color", [False, None, True])
def test_text_lines_without_colour_are_what_rich_writes(color):
    import io

    from rich.console import Console
    from rich.text import Text

    from gsilint.output.text import _Lines

    pieces = [("表三\r第\x07二行：", "bold"), (" 全角ＡＢ ", ""), ("\t制表符", "dim"), ("", "")]
    for line in ([pieces[0]], pieces[:2], pieces, []):
        fast, slow = io.StringIO(), io.StringIO()
        _Lines(fast, color).write(*line, base="dim")
        Console(
            file=slow,
            force_terminal=color,
            no_color=color is False,
            highlight=False,
            soft_wrap=True,
            emoji=False,
        ).print(Text.assemble(*line, style="dim"))
        assert fast.getvalue() == slow.getvalue()


def test_editing_a_plugin_changes_its_stamp(tmp_path, monkeypatch):
    import os

    pkg = tmp_path / "myplugin"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "rules.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = gsilint.cache._module_files_stamp("myplugin")
    assert b"rules.py" in before
    (pkg / "rules.py").write_text("X = 22\n", encoding="utf-8")
    os.utime(pkg / "rules.py", ns=(1, 1))
    assert gsilint.cache._module_files_stamp("myplugin") != before
    assert gsilint.cache._module_files_stamp("no_such_plugin_module") == b"<unfindable>" or (
        gsilint.cache._module_files_stamp("no_such_plugin_module") == b"<no source>"
    )
