"""The command line: exit codes, bad input, stdin, formats, rules, inspect."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import seed_path, seed_text

from gsilint import __version__
from gsilint.cli import main


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def missing_section(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(seed_text(3).replace("六、其他需要报告的事项", "本节。"), encoding="utf-8")
    return p


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and __version__ in r.output


def test_findings_exit_1_and_clean_exit_0(missing_section, tmp_path):
    r = run("check", str(missing_section), "--select", "S101", "--format", "concise")
    assert r.exit_code == 1
    assert (
        f"{missing_section}:" in r.output
        and "S101 [error] 缺少栏目“其他需要报告的事项”" in r.output
    )
    clean = run("check", str(seed_path(3)), "--select", "S101")
    assert clean.exit_code == 0, clean.output


def test_fail_on_threshold(tmp_path):
    p = tmp_path / "glued.txt"
    crawler = (
        "一、总体情况\n" + "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
        "规章 000行政规范性文件693665\n"
    )
    p.write_text(crawler, encoding="utf-8")
    assert run("check", str(p), "--select", "E004").exit_code == 0  # info does not fail by default
    assert run("check", str(p), "--select", "E004", "--fail-on", "info").exit_code == 1


def test_missing_path_and_bad_options_exit_2(tmp_path):
    assert run("check", str(tmp_path / "nope.txt")).exit_code == 2
    assert run("check", str(seed_path(3)), "--select", "Q999").exit_code == 2
    assert run("check", str(seed_path(3)), "--format", "xml").exit_code == 2
    assert run("rule", "Z123").exit_code == 2


def test_bad_files_are_e001_and_do_not_stop_others(tmp_path, missing_section):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    r = run("check", str(tmp_path), "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.output)
    by_file = {}
    for item in data:
        by_file.setdefault(item["file"].rsplit("/", 1)[-1], []).append(item)
    assert [i["code"] for i in by_file["empty.txt"]] == ["E001"]
    assert "空" in by_file["empty.txt"][0]["message"]
    assert [i["code"] for i in by_file["binary.txt"]] == ["E001"]
    assert by_file["binary.txt"][0]["message"].startswith("这是 PNG 图片，不是报告文本")
    assert [i["code"] for i in by_file["latin.txt"]] == ["E001"]
    assert any(i["code"] == "S101" for i in by_file["r.txt"])
    assert "Traceback" not in r.output


def test_json_keys_are_stable(missing_section):
    r = run("check", str(missing_section), "--select", "S101", "--format", "json")
    [item] = json.loads(r.output)
    assert set(item) >= {
        "file",
        "code",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
    }
    assert (item["code"], item["rule"], item["severity"]) == ("S101", "missing-section", "error")
    # after the last present section: the end of its last line
    last_line = missing_section.read_text(encoding="utf-8").split("\n")[item["line"] - 1]
    assert (item["line"], item["column"]) == (107, len(last_line) + 1)


def test_gb18030_file_and_stdin(tmp_path):
    text = seed_text(3).replace("六、其他需要报告的事项", "本节。")
    p = tmp_path / "gbk.txt"
    p.write_bytes(text.encode("gb18030"))
    a = run("check", str(p), "--select", "S101", "--format", "concise")
    b = run("check", "-", "--select", "S101", "--format", "concise", input=text.encode("utf-8"))
    assert a.exit_code == b.exit_code == 1
    assert a.output.split(":", 1)[1] == b.output.split(":", 1)[1]


def test_text_format_marks_the_span_under_cjk(missing_section):
    r = run("check", str(missing_section), "--select", "S101", "--no-color")
    lines = r.output.splitlines()
    i = next(n for n, line in enumerate(lines) if "S101" in line)
    assert lines[i + 1].strip().startswith("101 |") or "|" in lines[i + 1]
    assert "^" in lines[i + 2]
    assert "共检查 1 个文件" in r.output


def test_english_messages(missing_section):
    r = run(
        "check", str(missing_section), "--select", "S101", "--format", "concise", "--lang", "en"
    )
    assert "missing section '其他需要报告的事项'" in r.output


def test_rules_list_and_rule_explanation():
    r = run("rules")
    assert r.exit_code == 0
    assert any(line.startswith("S101  missing-section") for line in r.output.splitlines())
    e = run("rule", "S101")
    assert e.exit_code == 0
    assert "错误示例" in e.output and "正确示例" in e.output and "Bad" in e.output
    assert run("rule", "missing-section").output == e.output


def test_inspect_shows_outline_and_facts():
    r = run("inspect", str(seed_path(2)), "--format", "json")
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data["title"] == "掌起镇人民政府2017年信息公开工作年度报告"
    assert data["facts"]["report_year"]["value"] == 2017
    assert [s["heading"] for s in data["outline"]][:2] == ["一、概述", "二、主动公开政府信息情况"]
    assert data["closing"]["date"]["text"] == "二○一八年一月十五日"
    text = run("inspect", str(seed_path(3)))
    assert "三、收到和处理政府信息公开申请情况" in text.output and "table" in text.output


def test_deadline_flag_overrides_the_legal_deadline():
    # seed 001 is signed 2019-02-14: on time under the 2008 law (3月31日), late against 01-31
    assert run("check", str(seed_path(1)), "--select", "Y203").exit_code == 0
    r = run(
        "check", str(seed_path(1)), "--select", "Y203", "--deadline", "01-31", "--format", "concise"
    )
    assert "Y203" in r.output and "2019-02-14" in r.output
    assert run("check", str(seed_path(1)), "--deadline", "02-30").exit_code == 2
