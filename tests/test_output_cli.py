"""CLI: --format sarif/github/lsp/jsonl end to end, --output FILE and --statistics."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import seed_text

from gsilint.cli import main


@pytest.fixture
def reports(tmp_path, monkeypatch):
    """A directory with one report missing section 六 (S101) and one clean report."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "bad.txt").write_text(
        seed_text(3).replace("六、其他需要报告的事项", "本段。"), encoding="utf-8"
    )
    (tmp_path / "reports" / "good.txt").write_text(seed_text(3), encoding="utf-8")
    return tmp_path


def run(*args):
    # only S101: seed 003 also has real S104/S107 findings, not what these tests are about
    return CliRunner().invoke(main, ["check", *args, "--select", "S101"])


def test_statistics_go_to_stderr_for_machine_formats(reports):
    res = run("reports", "--format", "json", "--statistics")
    assert res.exit_code == 1
    data = json.loads(res.stdout)  # stdout is still pure JSON
    assert [(d["file"], d["code"]) for d in data] == [("reports/bad.txt", "S101")]
    assert res.stderr == "1  S101  missing-section  [错误]\n"


def test_statistics_follow_concise_output(reports):
    res = run("reports", "--format", "concise", "--statistics", "--lang", "en")
    lines = res.stdout.splitlines()
    assert lines[0].startswith("reports/bad.txt:")
    assert " S101 [error] missing section '其他需要报告的事项'" in lines[0]
    assert lines[1] == "1  S101  missing-section  [error]"
    assert res.stderr == ""


def test_statistics_with_no_findings(reports):
    res = run("reports/good.txt", "--format", "sarif", "--statistics")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["runs"][0]["results"] == []
    assert res.stderr == "没有发现问题\n"


def test_output_file_receives_the_report_and_stdout_stays_empty(reports):
    res = run("reports", "--format", "sarif", "--output", "out/gsilint.sarif")
    assert res.exit_code == 2  # the directory does not exist: a usage error, no traceback
    assert "cannot write out/gsilint.sarif" in res.stderr
    (reports / "out").mkdir()
    res = run("reports", "--format", "sarif", "--output", "out/gsilint.sarif")
    assert res.exit_code == 1 and res.stdout == ""
    log = json.loads((reports / "out" / "gsilint.sarif").read_text(encoding="utf-8"))
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "reports/bad.txt",
        "uriBaseId": "%SRCROOT%",
    }


def test_github_jsonl_and_lsp_formats_from_the_cli(reports):
    gh = run("reports", "--format", "github").stdout.splitlines()
    assert gh[0].startswith("::error file=reports/bad.txt,line=")
    assert ",title=S101::缺少栏目“其他需要报告的事项”" in gh[0]
    assert gh[-1] == "gsilint：共检查 2 个文件，1 个有问题，发现 1 处：错误 1，警告 0，提示 0"
    [line] = run("reports", "--format", "jsonl").stdout.splitlines()
    assert json.loads(line)["code"] == "S101"
    items = json.loads(run("reports", "--format", "lsp").stdout)
    assert [i["uri"].rsplit("/", 1)[1] for i in items] == ["bad.txt", "good.txt"]
    assert [d["code"] for d in items[0]["diagnostics"]] == ["S101"] and items[1][
        "diagnostics"
    ] == []


def test_unknown_format_is_a_usage_error(reports):
    res = run("reports", "--format", "xml")
    assert res.exit_code == 2 and "unknown format 'xml'" in res.stderr
