"""check --fix / --diff: safe fixes applied atomically, stable, encoding and line endings kept."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from conftest import REAL, seed_path, seed_text
from hypothesis import given, settings
from hypothesis import strategies as st

from gsilint import Config
from gsilint.cli import main
from gsilint.findings import Fix
from gsilint.fix import apply_fixes, fix_file, fix_source, select_fixes
from gsilint.sources import source_from_text

CRAWLER = REAL / "pingtan_syq_2019.txt"
T = Config(select=("T",))


def run(*args):
    return CliRunner().invoke(main, ["check", *args])


def test_select_fixes_keeps_the_earlier_of_overlapping():
    fixes = [Fix(5, 9, "x"), Fix(0, 6, "y"), Fix(9, 10, "z"), Fix(9, 10, "z")]
    assert select_fixes(fixes) == [Fix(0, 6, "y"), Fix(9, 10, "z")]
    assert apply_fixes("abcdefghijkl", fixes) == ("yghizkl", 2)


def test_fix_seed_000_stray_space(tmp_path):
    p = tmp_path / "r.txt"
    shutil.copy(seed_path(0), p)
    r = run("--select", "T506", "--fix", str(p))
    assert r.exit_code == 0, r.output
    text = p.read_text(encoding="utf-8")
    assert "经济和社会发展统计信息类" in text and "发 展" not in text
    assert text == seed_text(0).replace("发 展", "发展")


def test_fix_twice_changes_nothing_the_second_time(tmp_path):
    p = tmp_path / "r.txt"
    shutil.copy(seed_path(1), p)
    first = run("--select", "T", "--fix", str(p))
    assert "fixed" in first.output
    once = p.read_bytes()
    assert once != seed_path(1).read_bytes()
    second = run("--select", "T", "--fix", str(p))
    assert p.read_bytes() == once
    assert "fixed 0 issue(s)" in second.output
    # every half-width mark of seed 001 outside heading numbers is gone, the numbers stay
    text = once.decode("utf-8")
    assert "(一)健全組織機構。" in text and "全文由概述，主動公開" in text
    assert run("--select", "T505", str(p)).exit_code == 0
    assert fix_file(str(p), Config(select=("T505",))).findings == []


def test_diff_shows_without_writing(tmp_path):
    p = tmp_path / "r.txt"
    shutil.copy(seed_path(2), p)
    before = p.read_bytes()
    r = run("--select", "T503", "--diff", str(p))
    assert r.exit_code == 1
    assert "-" + "年报的电子版" not in r.output  # lines are shown whole, with their prefix
    assert "（http:∥zhangqi.cixi.gov.cn）" in r.output and "+本年度报告" in r.output
    assert "（http://zhangqi.cixi.gov.cn）" in r.output
    assert r.output.startswith(f"--- {p}\n+++ {p}\n@@ ")
    assert p.read_bytes() == before
    run("--select", "T503", "--fix", str(p))
    again = run("--select", "T503", "--diff", str(p))
    assert again.exit_code == 0 and "@@" not in again.output


def test_encoding_bom_and_crlf_are_kept(tmp_path):
    body = (
        "一、总体情况\r\n全文由概述,主动公开情况等部分组成。\r\n"
        "经济社会发展，经济和社会发 展统计信息22条。\r\n"
    )
    gb = tmp_path / "gb.txt"
    gb.write_bytes(body.encode("gb18030"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert run("--select", "T", "--fix", str(gb), str(bom)).exit_code == 0
    want = body.replace("概述,", "概述，").replace("发 展", "发展")
    assert gb.read_bytes() == want.encode("gb18030")
    assert bom.read_bytes() == b"\xef\xbb\xbf" + want.encode("utf-8")


def test_tables_and_heading_numbers_are_not_touched(tmp_path):
    text = (
        "一、总体情况\n(一)概述,全年公开。\n二、主动公开政府信息情况\n信息内容\t本年新制作数量\n"
        "规章,规范\t3\n规范性文件\t5\n"
    )
    p = tmp_path / "r.txt"
    p.write_text(text, encoding="utf-8")
    run("--select", "T", "--fix", str(p))
    assert p.read_text(encoding="utf-8") == text.replace("概述,", "概述，")


def test_reflowed_crawler_copy_is_fixed_in_its_original_line(tmp_path):
    if not CRAWLER.exists():
        return
    p = tmp_path / CRAWLER.name
    shutil.copy(CRAWLER, p)
    before = p.read_text(encoding="utf-8")
    result = fix_file(str(p), T)
    assert result.refused is None and result.applied == 3
    after = result.after
    # only punctuation changed: same lines, same length, every change is , -> ，
    assert after.count("\n") == before.count("\n") and len(after) == len(before)
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert changed and set(changed) <= {(",", "，"), (":", "：")}
    assert "完善工作机制，细化职责分工" in after


def test_docx_like_sources_are_never_rewritten():
    src = source_from_text("一、总体情况\n全文由概述,主动公开情况组成。\n", "x.docx")
    src.kind = "docx"
    result = fix_source(src, T, raw=b"PK\x03\x04")
    assert result.refused and not result.changed
    assert any(f.code == "T505" for f in result.findings)


def test_fix_on_stdin_prints_the_fixed_text_and_takes_no_other_path(tmp_path):
    text = seed_text(0)
    r = CliRunner().invoke(
        main, ["check", "--select", "T506", "--fix", "-"], input=text.encode("utf-8")
    )
    assert r.exit_code == 0, r.output
    assert r.stdout == text.replace("发 展", "发展")
    assert "fixed 1 issue(s) in 1 file(s)" in r.stderr
    mixed = CliRunner().invoke(main, ["check", "--fix", "-", str(seed_path(0))], input=text)
    assert mixed.exit_code == 2 and "give no other path" in mixed.output


_ALPHABET = (
    list("发展公开工作信息报告政府条例")
    + list(",;:()?! 　\n")
    + list("，。（）《》“”0123456789ab/")
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=60), min_size=1, max_size=5))
def test_fixing_reaches_a_fixed_point_and_keeps_the_words(paragraphs):
    text = (
        "一、总体情况\n"
        + "\n".join(p.replace("\n", " ") for p in paragraphs)
        + "\n经济社会发展，公开工作。\n"
    )
    src = source_from_text(text, "h.txt")
    once = fix_source(src, T)
    assert once.refused is None
    again = fix_source(source_from_text(once.after, "h.txt"), T)
    assert again.after == once.after  # a second --fix changes nothing

    # fixes only swap punctuation for its full-width form or drop a space
    def strip(s: str) -> str:
        return "".join(c for c in s if c not in " 　,;:()?!，；：（）？！")

    assert strip(once.after) == strip(text)
