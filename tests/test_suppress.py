"""Inline suppressions: disable / enable / disable-next-line / end-of-line, and E003."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import brief, seed_text
from conftest import lint as lint_all

from gsilint.cli import main
from gsilint.config import Config
from gsilint.parse import parse
from gsilint.run import check_file

SECTION_3 = "三、收到和处理政府信息公开申请情况"
SECTION_4 = "四、政府信息公开行政复议、行政诉讼情况"


#: The cross-file rules: their findings come from the run phase, after each file's pass.
CROSS_FILE = ("X403", "X404", "X405")


def lint(text: str, select: str | None = "S101,E003", **cfg):
    """Seed 3 has real findings of other rules: look at S101 and E003 unless told otherwise."""
    return lint_all(text, select=select, **cfg)


def report(
    before_4: list[str] | None = None, top: list[str] | None = None, end: list[str] | None = None
) -> str:
    """Seed 3 with section 三 removed (S101 at the 四 heading), plus extra lines."""
    lines = seed_text(3).split("\n")
    lines[lines.index(SECTION_3)] = "本段内容。"
    i = lines.index(SECTION_4)
    lines[i:i] = before_4 or []
    lines[0:0] = top or []
    lines.extend(end or [])
    return "\n".join(lines)


def line_of(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


def test_unsuppressed_finding_is_reported():
    text = report()
    assert brief(lint(text)) == [("S101", line_of(text, SECTION_4), 1)]


def test_disable_next_line_suppresses_that_line_only():
    text = report(
        before_4=["<!-- gsilint-disable-next-line S101 -- 第三部分并入第二部分，已报备 -->"]
    )
    assert brief(lint(text)) == []


def test_disable_next_line_skips_blank_lines():
    text = report(before_4=["<!-- gsilint-disable-next-line S101 -->", ""])
    assert brief(lint(text)) == []


def test_disable_next_line_in_the_wrong_place_is_unused():
    text = report(top=["<!-- gsilint-disable-next-line S101 -- 放错了位置 -->"])
    findings = lint(text)
    assert brief(findings) == [("E003", 1, 1), ("S101", line_of(text, SECTION_4), 1)]
    e003 = findings[0]
    assert e003.name == "unused-suppression"
    assert e003.severity.label == "warning"
    assert "S101" in e003.message and "下一行" in e003.message
    [en] = [f for f in lint(text, lang="en") if f.code == "E003"]
    assert en.message == "unused suppression: no S101 finding on the next line"


def test_disable_until_enable():
    text = report(
        top=["<!-- gsilint-disable S101 -- 历史格式 -->"], end=["<!-- gsilint-enable S101 -->"]
    )
    assert brief(lint(text)) == []


def test_disable_without_enable_runs_to_the_end():
    text = report(before_4=["<!-- gsilint-disable S1 -->"])
    assert brief(lint(text)) == []


def test_region_closed_before_the_finding_does_not_suppress_it():
    text = report(top=["<!-- gsilint-disable S101 -->", "<!-- gsilint-enable S101 -->"])
    findings = lint(text)
    assert brief(findings) == [("E003", 1, 1), ("S101", line_of(text, SECTION_4), 1)]
    assert "此范围内" in findings[0].message


def test_disable_without_codes_suppresses_every_rule():
    plain = report()
    n = line_of(plain, SECTION_4)
    assert sorted(f.code for f in lint(plain, select=None) if f.line == n) == ["S101", "S103"]
    text = report(before_4=["<!-- gsilint-disable-next-line -->"])
    findings = lint(text, select=None)
    assert [f for f in findings if f.line == n + 1] == []
    assert not [f for f in findings if f.code == "E003"]
    # the other findings of the file are untouched
    assert len(findings) == len(lint(plain, select=None)) - 2


def test_unused_blanket_disable_is_reported_when_all_rules_ran():
    text = "<!-- gsilint-disable -->\n<!-- gsilint-enable -->\n" + seed_text(3)
    # every rule but the cross-file ones (X403–X405), whose findings come later from the run
    # phase (see the test below)
    findings = [f for f in lint(text, select=None, ignore=CROSS_FILE) if f.code == "E003"]
    assert brief(findings) == [("E003", 1, 1)]
    assert "没有任何问题" in findings[0].message


def test_unused_blanket_disable_is_not_judged_on_a_partial_selection():
    text = "<!-- gsilint-disable -->\n<!-- gsilint-enable -->\n" + seed_text(3)
    assert brief(lint(text, select="S101,E003")) == []


def test_codes_of_rules_that_did_not_run_are_not_called_unused():
    text = report(before_4=["<!-- gsilint-disable-next-line S101,E004 -->"])
    assert brief(lint(text, select="S101,E003")) == []
    # with E004 running and nothing for it to suppress, E004 is unused; S101 was used
    findings = lint(text, select="S101,E003,E004")
    assert brief(findings) == [("E003", line_of(text, SECTION_4) - 1, 1)]
    assert "E004" in findings[0].message and "S101" not in findings[0].message


def test_e003_is_not_reported_when_not_selected():
    text = report(top=["<!-- gsilint-disable-next-line S101 -->"])
    assert brief(lint(text, select="S101")) == [("S101", line_of(text, SECTION_4), 1)]


def test_unknown_code_enable_without_disable_and_unreadable_comment():
    text = report(
        before_4=["<!-- gsilint-disable-next-line S101,Q999 -->"],
        end=["<!-- gsilint-enable T101 -->", "<!-- gsilint-disabel S101 -->", "<!-- 普通注释 -->"],
    )
    findings = lint(text)
    by_line = {f.line: f for f in findings if f.code == "E003"}
    n = len(text.split("\n"))
    assert sorted(by_line) == [line_of(text, SECTION_4) - 1, n - 2, n - 1]
    assert "Q999" in by_line[line_of(text, SECTION_4) - 1].message
    assert "不存在" in by_line[line_of(text, SECTION_4) - 1].message
    assert "之前没有对应的 gsilint-disable" in by_line[n - 2].message
    assert "无法识别" in by_line[n - 1].message
    # the S101 finding itself was suppressed (S101 is listed and matched)
    assert not [f for f in findings if f.code == "S101"]


def test_end_of_line_comment_suppresses_its_line_and_leaves_the_text_alone():
    lines = seed_text(3).split("\n")
    lines[lines.index(SECTION_3)] = "本段内容。"
    i = lines.index(SECTION_4)
    lines[i] = SECTION_4 + "  <!-- gsilint-disable S101 -- 已报备 -->"
    text = "\n".join(lines)
    assert brief(lint(text)) == []
    # the heading is still recognised with its title (the comment is not part of it):
    # removing section 四 instead now makes S101 name 四, not 五
    other = (
        seed_text(3)
        .replace(SECTION_4, "本段。")
        .replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况 <!-- 备注 -->")
    )
    [f] = lint(other, select="S101")
    assert "行政复议" in f.message


def test_end_of_line_comment_on_another_line_is_unused():
    text = report(top=["标题行 <!-- gsilint-disable S101 -->"])
    findings = lint(text)
    assert brief(findings) == [("E003", 1, 5), ("S101", line_of(text, SECTION_4), 1)]
    assert "本行" in findings[0].message


def test_crlf_and_markdown_file(tmp_path):
    text = report(before_4=["<!-- gsilint-disable-next-line S101 -->"])
    md = tmp_path / "report.md"
    md.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    config = Config(select=("S101", "E003"))
    assert check_file(str(md), config).findings == []
    txt = tmp_path / "report.txt"
    txt.write_bytes(
        report(top=["<!-- gsilint-disable-next-line S101 -->"])
        .replace("\n", "\r\n")
        .encode("gb18030")
    )
    assert [f.code for f in check_file(str(txt), config).findings] == ["E003", "S101"]


def test_cli_exit_code_follows_suppression(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(report(), encoding="utf-8")
    ok = tmp_path / "ok.txt"
    ok.write_text(report(before_4=["<!-- gsilint-disable-next-line S101 -->"]), encoding="utf-8")
    runner = CliRunner()
    r1 = runner.invoke(
        main, ["check", "--isolated", "--select", "S101,E003", "--format", "concise", str(bad)]
    )
    assert r1.exit_code == 1 and "S101" in r1.stdout
    r2 = runner.invoke(
        main, ["check", "--isolated", "--select", "S101,E003", "--format", "concise", str(ok)]
    )
    assert r2.exit_code == 0 and r2.stdout == ""


def test_rule_e003_is_documented():
    r = CliRunner().invoke(main, ["rule", "E003"])
    assert r.exit_code == 0
    assert "unused-suppression" in r.stdout and "错误示例" in r.stdout and "Good" in r.stdout


def test_html_comment_in_a_page_suppresses(tmp_path):
    """HTML pages keep their comments in the flattened text (gsilint/sources/html.py)."""
    from test_sources_html import PAGE

    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    config = Config(select=("S101", "E003"))
    assert check_file(str(page), config).findings == []
    page.write_text(
        PAGE.replace("<!-- gsilint-disable S101 -->", "<!-- 普通注释 -->"), encoding="utf-8"
    )
    assert [f.code for f in check_file(str(page), config).findings] == ["S101"] * 4
    # a suppression for a rule with nothing to suppress, in HTML:
    # E003 at the comment's line and column
    page.write_text(
        PAGE.replace("gsilint-disable S101", "gsilint-disable-next-line S101"), encoding="utf-8"
    )
    findings = check_file(str(page), config).findings
    at = PAGE.split("\n").index("<!-- gsilint-disable S101 -->") + 1
    assert [(f.code, f.line, f.column) for f in findings] == [("E003", at, 1)] + [
        ("S101", 19, 16)
    ] * 4


def test_suppressions_of_cross_file_rules_are_not_judged_per_file():
    """X403 findings are made after all files (the run phase): a file's pass must not call
    its suppression unused."""
    from gsilint.rules import load_rules

    assert load_rules()["X403"].compare is not None
    text = report(before_4=["<!-- gsilint-disable-next-line X403,S101 -->"])
    assert brief(lint(text, select="X403,S101,E003")) == []
    # a blanket disable may be there for X403 too: not judged while cross-file rules run
    blank = "<!-- gsilint-disable -->\n<!-- gsilint-enable -->\n" + seed_text(3)
    assert [f for f in lint(blank, select=None) if f.code == "E003"] == []


def test_compact_spelling_without_spaces():
    text = report(before_4=["<!--gsilint-disable-next-line S101-->"])
    assert brief(lint(text)) == []
    text = report(top=["<!--gsilint-disable-->", "<!--gsilint-enable-->"])
    assert [f.code for f in lint(text, select=None, ignore=CROSS_FILE) if f.code == "E003"] == [
        "E003"
    ]


def test_directives_are_read_at_their_places_among_many_lines():
    """Comments on a few of 400 lines: directive lines (also indented), comments ending a
    heading, a paragraph and a tab row; "<!--" that opens no comment ending its line is
    none."""
    lines = [f"第{i}段正文，本年度主动公开政府信息{i}条。" for i in range(400)]
    lines[10] = "<!-- gsilint-disable S101 -- 原因 -->"
    lines[120] = "## 二、主动公开政府信息情况 <!-- gsilint-disable-next-line A1 -->"
    lines[200] = "项目\t10\t20 <!-- 注 -->"
    lines[250] = "一段提到 <!-- 的正文"
    lines[260] = "前 <!-- 中间的注释 --> 后"
    lines[300] = "  <!-- gsilint-enable S101 -->"
    lines[399] = "本段结束。<!-- gsilint-disable-next-line Y201 -->  "
    text = "\n".join(lines)

    def line_start(n: int) -> int:
        return sum(len(line) + 1 for line in lines[:n])

    def inline(n: int, comment: str) -> tuple[str, int, int, bool]:
        start = line_start(n) + lines[n].index(comment)
        return (comment, start, start + len(comment), True)

    doc = parse(text)
    assert [(d.text, d.span.start, d.span.end, d.inline) for d in doc.directives] == [
        (lines[10], line_start(10), line_start(10) + len(lines[10]), False),
        inline(120, "<!-- gsilint-disable-next-line A1 -->"),
        inline(200, "<!-- 注 -->"),
        (lines[300].strip(), line_start(300), line_start(300) + len(lines[300]), False),
        inline(399, "<!-- gsilint-disable-next-line Y201 -->"),
    ]
