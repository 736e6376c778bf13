"""The command line: exit codes, bad input, stdin, formats, rules, inspect."""

from __future__ import annotations

import json
import os

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


# --- batch and input robustness (issue 17) ------------------------------------------------


def test_unknown_encoding_is_a_usage_error(tmp_path):
    r = run("check", str(seed_path(3)), "--encoding", "foo")
    assert r.exit_code == 2
    assert "Invalid value for '--encoding': unknown encoding 'foo'" in r.output
    r = run("inspect", str(seed_path(3)), "--encoding", "rot13")
    assert r.exit_code == 2 and "'rot13' is not a text encoding" in r.output
    (tmp_path / "gsilint.toml").write_text('encoding = "foo"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(seed_text(3), encoding="utf-8")
    r = run("check", str(tmp_path / "r.txt"))
    assert r.exit_code == 2 and "'encoding': unknown encoding 'foo'" in r.output


def test_a_pdf_named_txt_says_what_it_is(tmp_path):
    p = tmp_path / "report.txt"
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n")
    r = run("check", str(p), "--format", "concise")
    assert r.exit_code == 1
    assert r.output == (
        f"{p}:1:1: E001 [error] 这是 PDF 文件，扩展名却是 .txt：请改名为 .pdf 后再检查\n"
    )
    en = run("check", str(p), "--format", "concise", "--lang", "en")
    assert "this is a PDF file named .txt: rename it to .pdf and check again" in en.output


def test_stdin_diff_and_stdin_filename(tmp_path, monkeypatch):
    text = seed_text(0)
    r = run(
        "check", "-", "--diff", "--select", "T506", "--stdin-filename", "r/seed.txt", input=text
    )
    assert r.exit_code == 1
    assert r.stdout.startswith("--- r/seed.txt\n+++ r/seed.txt\n@@")
    assert "-" + next(line for line in text.split("\n") if "发 展" in line) in r.stdout
    assert "would fix 1 issue(s) in 1 file(s)" in r.stderr
    clean = run("check", "-", "--diff", "--select", "T506", input=text.replace("发 展", "发展"))
    assert clean.exit_code == 0 and clean.stdout == ""
    # the name gives findings their path and the nearest config its say
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "gsilint.toml").write_text('lang = "en"\n', encoding="utf-8")
    args = ("check", "-", "--select", "T506", "--format", "concise", "--fail-on", "warning")
    c = run(*args, input=text)
    assert c.exit_code == 1 and c.output.startswith("-:") and "中间多了一个空格" in c.output
    d = run(*args, "--stdin-filename", "sub/r.txt", input=text)
    assert d.exit_code == 1 and d.output.startswith("sub/r.txt:") and "space" in d.output


def _docx_with_a_fix(path):
    import docx

    d = docx.Document()
    for line in seed_text(3).split("\n")[:20]:
        d.add_paragraph(line)
    d.add_paragraph("全文由概述,主动公开情况组成。")
    d.save(path)


def test_diff_on_a_docx_exits_1_when_something_would_be_fixed(tmp_path):
    p = tmp_path / "r.docx"
    _docx_with_a_fix(p)
    before = p.read_bytes()
    r = run("check", str(p), "--diff", "--select", "T505")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert f"gsilint: {p}: 1 fix(es) not applied (docx files are not rewritten)" in r.stderr
    assert p.read_bytes() == before


def test_fix_through_a_symlink_rewrites_the_target(tmp_path):
    target = tmp_path / "real" / "r.txt"
    target.parent.mkdir()
    target.write_text(seed_text(0), encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    r = run("check", str(link), "--fix", "--select", "T506")
    assert r.exit_code == 0, r.output
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == seed_text(0).replace("发 展", "发展")


def test_year_in_config_and_per_file(tmp_path):
    (tmp_path / "gsilint.toml").write_text(
        'year = 2019\n[per-file."old/*.txt"]\nyear = 2017\n', encoding="utf-8"
    )
    (tmp_path / "old").mkdir()
    for p in (tmp_path / "r.txt", tmp_path / "old" / "r.txt"):
        p.write_text(seed_text(3), encoding="utf-8")

    def year(path, *flags):
        r = run("inspect", str(path), "--format", "json", *flags)
        assert r.exit_code == 0, r.output
        got = json.loads(r.output)["facts"]["report_year"]
        return got["value"], got["source"]

    assert year(tmp_path / "r.txt") == (2019, "config")
    assert year(tmp_path / "old" / "r.txt") == (2017, "config")
    assert year(tmp_path / "old" / "r.txt", "--year", "2020")[0] == 2020  # the flag wins
    (tmp_path / "gsilint.toml").write_text('[per-file."*.txt"]\nyaer = 2019\n', "utf-8")
    r = run("check", str(tmp_path / "r.txt"))
    assert r.exit_code == 2
    assert "'per-file.*.txt': unknown key 'yaer' (did you mean 'year'?)" in r.output
    (tmp_path / "gsilint.toml").write_text("year = 19\n", "utf-8")
    r = run("check", str(tmp_path / "r.txt"))
    assert r.exit_code == 2 and "'year' must be a year from 1990 to 2100 (got 19)" in r.output


def test_headings_only_lower_level_is_not_a_clean_pass(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(
        "淮安市洪泽区人民政府2024年政府信息公开工作年度报告\n（1）总体情况\n"
        "2024年，区政府办受理政府信息公开申请17件。\n（2）主动公开政府信息情况\n主动公开文件20件。\n",
        encoding="utf-8",
    )
    r = run("check", str(p), "--format", "concise")
    assert r.exit_code == 1
    assert (
        f"{p}:2:1: E002 [error] 未识别出报告结构：没有一级标题（一、二、…）也没有表格" in r.output
    )


def test_fix_leaves_a_file_with_broken_bytes_alone(tmp_path):
    p = tmp_path / "r.txt"
    raw = seed_text(0).encode("utf-8")
    at = raw.index(b"\n", 40)
    raw = raw[:at] + b"\xff" + raw[at:]
    p.write_bytes(raw)
    r = run("check", str(p), "--fix", "--select", "T506,E001", "--format", "concise")
    assert p.read_bytes() == raw
    assert "1 fix(es) not applied (it holds bytes that are not valid UTF-8" in r.stderr
    assert "E001 [warning] 有 1 个字节不是有效的 UTF-8" in r.stdout
    assert r.exit_code == 0


def test_stdin_in_another_format_asks_for_a_file_name(tmp_path):
    p = tmp_path / "r.docx"
    _docx_with_a_fix(p)
    r = run("check", "-", "--format", "concise", input=p.read_bytes())
    assert r.exit_code == 1
    assert r.output == (
        "-:1:1: E001 [error] 标准输入的内容是 Word 文档（.docx）："
        "请用 --stdin-filename 给出带 .docx 扩展名的文件名\n"
    )
    named = run(
        "check", "-", "--stdin-filename", "r.docx", "--select", "T505", input=p.read_bytes()
    )
    assert named.exit_code == 0 and "T505" in named.output
