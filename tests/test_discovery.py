"""File selection: folders walked, exclusions, .gitignore, pipes, missing and unreadable paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import seed_text

from gsilint.cli import main
from gsilint.config import Config
from gsilint.discovery import anchor_patterns, discover


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def tree(root: Path, *names: str) -> None:
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(seed_text(3), encoding="utf-8")


def rel(root: Path, files: list[str]) -> list[str]:
    return [Path(f).relative_to(root).as_posix() for f in files]


def test_walk_skips_hidden_node_modules_lock_files_and_repository_documents(tmp_path):
    tree(
        tmp_path,
        "a.txt",
        "sub/b.md",
        ".hidden/c.txt",
        ".d.txt",
        "node_modules/pkg/e.txt",
        "~$草稿.docx",
        "README.md",
        "notes.csv",
    )
    found = discover([str(tmp_path)])
    assert rel(tmp_path, found.files) == ["a.txt", "sub/b.md"]
    assert found.problems == [] and found.empty == []


def test_exclude_replaces_the_default_and_extend_exclude_adds(tmp_path):
    tree(tmp_path, "a.txt", "drafts/b.txt", "2023/old.txt", ".hidden/c.txt")
    extend = Config(extend_exclude=anchor_patterns(["drafts", "2023/*.txt"], str(tmp_path)))
    assert rel(tmp_path, discover([str(tmp_path)], lambda _: extend).files) == ["a.txt"]
    replace = Config(exclude=("drafts",))
    assert rel(tmp_path, discover([str(tmp_path)], lambda _: replace).files) == [
        ".hidden/c.txt",
        "2023/old.txt",
        "a.txt",
    ]


def test_gitignore_is_respected_with_negation_and_nesting(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n*.md\n!keep.md\n", encoding="utf-8")
    tree(tmp_path, "a.txt", "build/b.txt", "x.md", "keep.md", "sub/y.txt", "sub/z.txt")
    (tmp_path / "sub" / ".gitignore").write_text("y.txt\n", encoding="utf-8")
    files = discover([str(tmp_path)]).files
    assert rel(tmp_path, files) == ["a.txt", "keep.md", "sub/z.txt"]
    # a folder named below the repository root still obeys the root's .gitignore
    assert rel(tmp_path, discover([str(tmp_path / "sub")]).files) == ["sub/z.txt"]
    off = Config(respect_gitignore=False)
    assert len(discover([str(tmp_path)], lambda _: off).files) == 6


def test_named_files_are_checked_whatever_the_exclusions(tmp_path):
    tree(tmp_path, ".hidden/c.txt", "node_modules/n.txt")
    named = [str(tmp_path / ".hidden/c.txt"), str(tmp_path / "node_modules/n.txt")]
    assert discover(named).files == named


def test_missing_path_is_a_problem_and_the_rest_is_found(tmp_path):
    tree(tmp_path, "a.txt")
    found = discover([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")])
    assert rel(tmp_path, found.files) == ["a.txt"]
    [problem] = found.problems
    assert (problem.path, problem.zh) == (
        str(tmp_path / "missing.txt"),
        "文件或文件夹不存在：请检查路径",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_pipes_in_folders_are_passed_over_and_a_named_one_is_a_problem(tmp_path):
    tree(tmp_path, "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    assert rel(tmp_path, discover([str(tmp_path)]).files) == ["a.txt"]
    found = discover([str(tmp_path / "pipe.txt")])
    assert found.files == []
    assert (
        found.problems[0].zh == "这是命名管道（FIFO），不是普通文件，没有读取：请给出报告文件本身"
    )


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="POSIX device")
def test_a_named_device_is_a_problem():
    found = discover(["/dev/null"])
    assert found.files == []
    assert found.problems[0].zh == "这是设备文件，不是普通文件，没有读取：请给出报告文件本身"


def test_broken_symlink_in_a_folder_is_a_problem(tmp_path):
    tree(tmp_path, "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    found = discover([str(tmp_path)])
    assert rel(tmp_path, found.files) == ["a.txt"]
    assert [(Path(u.path).name, u.zh) for u in found.problems] == [
        ("gone.txt", "符号链接指向的文件不存在：请检查链接")
    ]


def test_unreadable_folder_is_a_problem(tmp_path, monkeypatch):
    tree(tmp_path, "a.txt", "locked/b.txt")
    real = os.scandir

    def scandir(path):
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr("gsilint.discovery.os.scandir", scandir)
    found = discover([str(tmp_path)])
    assert rel(tmp_path, found.files) == ["a.txt"]
    [problem] = found.problems
    assert problem.path == str(tmp_path / "locked")
    assert problem.zh == "无法读取文件夹，其中的文件没有检查：没有读取权限：请检查文件权限"


def test_empty_folder_is_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    tree(tmp_path, "other/a.csv")
    found = discover([str(tmp_path / "empty"), str(tmp_path / "other")])
    assert found.files == [] and found.empty == [str(tmp_path / "empty"), str(tmp_path / "other")]


def test_the_same_file_named_twice_is_checked_once(tmp_path):
    tree(tmp_path, "a.txt")
    assert discover([str(tmp_path / "a.txt"), str(tmp_path)]).files == [str(tmp_path / "a.txt")]


# --- through the command line ------------------------------------------------------------


def test_cli_exclude_gitignore_and_show_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    tree(tmp_path, "a.txt", "drafts/b.txt", "ignored/c.txt", "sub/d.txt")
    r = run("check", "--show-files")  # the default path is .
    assert r.exit_code == 0 and r.output.splitlines() == ["a.txt", "drafts/b.txt", "sub/d.txt"]
    r = run("check", "--show-files", "--exclude", "drafts,sub/*.txt")
    assert r.output.splitlines() == ["a.txt"]
    r = run("check", "--show-files", "--no-respect-gitignore", "--extend-exclude", "drafts")
    assert r.output.splitlines() == ["a.txt", "ignored/c.txt", "sub/d.txt"]


def test_config_exclude_is_relative_to_the_config_file(tmp_path, monkeypatch):
    (tmp_path / "gsilint.toml").write_text(
        'extend-exclude = ["drafts/*.txt"]\nrespect-gitignore = false\n', encoding="utf-8"
    )
    tree(tmp_path, "a.txt", "drafts/b.txt", "sub/drafts/c.txt")
    monkeypatch.chdir(tmp_path / "sub")
    r = run("check", "--show-files", str(tmp_path))
    assert rel(tmp_path, r.output.splitlines()) == ["a.txt", "sub/drafts/c.txt"]
    (tmp_path / "gsilint.toml").write_text('exclude = "x"\nrespect-gitignore = 1\n', "utf-8")
    bad = run("check", str(tmp_path))
    assert bad.exit_code == 2 and "'respect-gitignore' must be true or false" in bad.output


def test_cli_missing_path_among_others(tmp_path):
    tree(tmp_path, "a.txt")
    a, missing = str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")
    r = run("check", a, missing, "--format", "concise", "--select", "E001,S101")
    assert r.exit_code == 1
    assert f"{missing}:1:1: E001 [error] 文件或文件夹不存在：请检查路径" in r.output
    assert f"{a}:" not in r.output  # a.txt was checked: a complete report, no finding
    only = run("check", missing, "--format", "concise")
    assert only.exit_code == 2
    assert f"{missing}:1:1: E001 [error] 文件或文件夹不存在" in only.output
    assert "Traceback" not in only.output


def test_cli_empty_folder_exits_2_unless_allow_empty(tmp_path):
    (tmp_path / "empty").mkdir()
    r = run("check", str(tmp_path / "empty"))
    assert r.exit_code == 2
    empty = tmp_path / "empty"
    assert r.stderr == f"gsilint: 没有找到可检查的文件（{empty}） / no files to check in {empty}\n"
    ok = run("check", str(tmp_path / "empty"), "--allow-empty")
    assert ok.exit_code == 0 and "没有找到可检查的文件" in ok.stderr
    tree(tmp_path, "notes/readme.csv")
    assert run("check", str(tmp_path / "notes")).exit_code == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_cli_pipe_named_or_in_a_folder_never_hangs(tmp_path):
    tree(tmp_path, "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    r = run("check", str(tmp_path), "--format", "concise", "--select", "E001")
    assert r.exit_code == 0 and r.output == "", r.output
    named = run("check", str(tmp_path / "pipe.txt"), "--format", "concise", "--no-cache")
    assert named.exit_code == 2
    assert "E001 [error] 这是命名管道（FIFO），不是普通文件" in named.output


def test_cli_jsonl_streams_the_problems_too(tmp_path):
    tree(tmp_path, "a.txt")
    missing = str(tmp_path / "missing.txt")
    r = run("check", str(tmp_path / "a.txt"), missing, "--format", "jsonl", "--select", "E001")
    assert r.exit_code == 1
    assert '"code": "E001"' in r.output and "missing.txt" in r.output
