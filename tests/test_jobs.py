"""--jobs: worker processes give byte-identical output; the cross-file phase.

The progress bar stays on a terminal's stderr.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gsilint.api import check_paths
from gsilint.cli import main
from gsilint.config import Config
from gsilint.findings import Finding, Severity
from gsilint.parallel import check_files
from gsilint.positions import Span
from gsilint.rules import RULES, Rule, load_rules
from gsilint.rules.crossfile import RunIssue

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def tree(tmp_path):
    """Seeds, HTML pages and an unreadable file in nested directories (12 files)."""
    for i, seed in enumerate(sorted((FIXTURES / "seeds").glob("*.txt"))):
        shutil.copy(seed, tmp_path / f"s{i}.txt")
        (tmp_path / "sub").mkdir(exist_ok=True)
        shutil.copy(seed, tmp_path / "sub" / f"copy{i}.md")
    for page in sorted((FIXTURES / "html").glob("*.html")):
        shutil.copy(page, tmp_path / page.name)
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    return tmp_path


@pytest.mark.parametrize("fmt", ["concise", "json", "sarif", "text"])
def test_output_is_byte_identical_with_one_or_many_jobs(tree, fmt):
    runner = CliRunner()
    one = runner.invoke(main, ["check", "--isolated", "--format", fmt, "--jobs", "1", str(tree)])
    many = runner.invoke(main, ["check", "--isolated", "--format", fmt, "--jobs", "3", str(tree)])
    default = runner.invoke(main, ["check", "--isolated", "--format", fmt, str(tree)])
    assert one.exit_code == many.exit_code == default.exit_code == 1
    assert one.stdout_bytes == many.stdout_bytes == default.stdout_bytes
    assert len(one.stdout_bytes) > 1000


def test_parallel_results_match_sequential_results(tree):
    seq = check_paths([str(tree)], Config(), jobs=1)
    par = check_paths([str(tree)], Config(), jobs=4)
    assert [r.path for r in seq] == [r.path for r in par] and len(seq) == 14
    assert [r.findings for r in seq] == [r.findings for r in par]
    # workers send back no Source, only what output needs of the text
    assert all(r.source is None for r in par) and any(r.source is not None for r in seq)
    lines = [[r.line_text(f.line - 1) for f in r.findings] for r in seq]
    assert [[r.line_text(f.line - 1) for f in r.findings] for r in par] == lines
    assert any(text for texts in lines for text in texts)
    # the empty file is an E001 finding in both, and the run went on
    empty = next(r for r in par if r.path.endswith("empty.txt"))
    assert [f.code for f in empty.findings] == ["E001"]


def test_each_file_keeps_its_own_config_in_workers(tree):
    files = sorted(str(p) for p in tree.glob("s*.txt"))
    items = [
        (p, Config(select=("S101",)) if i % 2 else Config(select=("T",)))
        for i, p in enumerate(files)
    ]
    seq = check_files(items, jobs=1, progress=False)
    par = check_files(items, jobs=2, progress=False)
    assert [r.findings for r in seq] == [r.findings for r in par]
    for (_path, config), r in zip(items, par):
        assert all(f.code.startswith(config.select[0]) for f in r.findings)


def test_cross_file_rules_see_every_file_in_both_modes(tree, monkeypatch):
    """A cross-file rule's compare phase sees every file's note, whatever --jobs."""

    def collect(ctx):
        return ctx.place(Span(0, 1))

    def compare(notes):
        for path, place in sorted(notes.items()):
            yield RunIssue(path, place, f"共{len(notes)}个文件", f"run of {len(notes)}")

    load_rules()
    counting = Rule("X499", "run-count", Severity.INFO, "计数", "count", "", collect, compare)
    monkeypatch.setitem(RULES, "X499", counting)
    for jobs in (1, 3):
        results = check_paths([str(tree)], Config(select=("X499",), lang="en"), jobs=jobs)
        readable = [r for r in results if "X499" in r.notes]
        assert len(readable) == 13
        assert all([f.message for f in r.findings] == ["run of 13"] for r in readable)
        # re-sorted after the run phase
        assert all(r.findings == sorted(r.findings, key=Finding.sort_key) for r in results)


def test_no_progress_bar_when_stderr_is_not_a_terminal(tree):
    r = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", str(tree)])
    assert r.exit_code == 1
    assert r.stderr == ""


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal_goes_to_stderr_only(tree):
    """stderr on a pty shows the bar; stdout (a pipe) is exactly what a plain run prints."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "100", "TERM": "xterm"}
    cmd = [
        sys.executable,
        "-m",
        "gsilint",
        "check",
        "--isolated",
        "--no-cache",
        "--format",
        "concise",
    ]
    cmd.append(str(tree))
    plain = subprocess.run(cmd, capture_output=True, env=env, timeout=120)
    master, slave = os.openpty()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=slave, env=env, timeout=120)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the other side is closed
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == plain.returncode == 1
    assert proc.stdout == plain.stdout and b"\x1b" not in proc.stdout
    assert plain.stderr == b""
    assert "gsilint" in terminal and "14" in terminal  # "gsilint ━━━ 14/14"
