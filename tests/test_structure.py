"""Structure rules S101–S107 on the seeds and on small bad/good fixtures.

Each rule: a failing fixture (code, line, column and message asserted) and a
passing one. Seeds: 001 S103 at （四）, 002 clean, 003 S104, 004 S101 收费.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import HEADINGS, brief, lint, seed_text

from gsilint import Config
from gsilint.cli import main
from gsilint.findings import Severity
from gsilint.templates import get_template


def report(
    headings=HEADINGS, closing=("某某县人民政府", "2024年1月20日"), intro="", bodies=None
) -> str:
    """A small 2023 report in the 2021 format: one paragraph under each heading."""
    lines = ["某某县人民政府2023年政府信息公开工作年度报告", ""]
    if intro:
        lines += [intro, ""]
    for i, h in enumerate(headings):
        lines.append(h)
        body = bodies[i] if bodies is not None else f"本部分第{i + 1}段内容。"
        if body:
            lines.append(body)
        lines.append("")
    lines += list(closing)
    return "\n".join(lines) + "\n"


def only(findings, code):
    return [f for f in findings if f.code == code]


# -- the seeds -----------------------------------------------------------------


def test_seed_001_gap_at_the_fourth_subheading_and_no_s105():
    fs = lint(seed_text(1), select="S103,S104,S105")
    assert brief(fs) == [("S103", 17, 1)]
    assert "(二)主動公開政府信息的形式" in fs[0].message and "缺少（三）" in fs[0].message


def test_seed_002_declares_six_parts_and_has_them():
    assert brief(lint(seed_text(2), select="S101,S105")) == []


def test_seed_003_restart_is_one_finding_at_the_repeated_first_number():
    fs = lint(seed_text(3), select="S103,S104")
    assert brief(fs) == [("S104", 9, 1)]
    msg = fs[0].message
    assert (
        "重新从“一、”开始" in msg
        and "一、总体情况" in msg
        and "第39行" in msg
        and "二、主动公开政府信息情况" in msg
    )
    assert [r.message for r in fs[0].related] == ["前一个同级标题", "接续原编号的标题"]


def test_seed_003_table_rows_numbered_like_headings_are_not_headings():
    # rows "一、本年新收…", "（一）予以公开" … in table 三 must not break the numbering
    fs = lint(seed_text(3), select="S103,S104")
    assert all(f.line < 60 for f in fs)


def test_seed_004_names_fees_and_not_review_covered_by_a_sentence():
    fs = lint(seed_text(4), select="S101")
    assert brief(fs) == [("S101", 32, 1)]
    assert "收费及减免" in fs[0].message and fs[0].severity == Severity.WARNING
    assert "存在的主要问题" in fs[0].message  # where it belongs


def test_seed_004_without_the_sentence_review_is_missing_too():
    text = seed_text(4).replace("行政复议或者行政诉讼", "意见")
    msgs = [f.message for f in lint(text, select="S101")]
    assert any("行政复议" in m for m in msgs) and any("收费及减免" in m for m in msgs)


# -- S101 ------------------------------------------------------------------------


def test_s101_complete_new_report_is_clean():
    # (one line per section: S112 would rightly call the problems section thin)
    assert brief(lint(report(), select="S1", ignore=("S112",))) == []


@pytest.mark.parametrize("i", range(6))
def test_s101_each_removed_heading_is_named(i):
    heads = HEADINGS[:i] + HEADINGS[i + 1 :]
    bodies = [f"正文{j}。" for j in range(5)]
    fs = lint(report(heads, bodies=bodies), select="S101")
    title = HEADINGS[i].split("、", 1)[1]
    assert [f.code for f in fs] == ["S101"] and f"缺少栏目“{title}”" in fs[0].message
    assert fs[0].severity == Severity.ERROR
    text = report(heads, bodies=bodies).split("\n")
    if i < 5:  # at the next heading
        assert (fs[0].line, fs[0].column) == (text.index(heads[i]) + 1, 1)
        assert HEADINGS[i + 1].split("、", 1)[1] in fs[0].message


def test_s101_accepts_real_variants_and_traditional_script():
    heads = list(HEADINGS)
    heads[3] = "四、因政府信息公開工作被申請行政復議和提起行政訴訟情況"
    heads[4] = "五、政府信息公开工作存在的主要问题及改进情况"
    assert brief(lint(report(heads), select="S101")) == []


def test_s101_old_template_topic_covered_by_statement():
    text = (
        "某镇2016年政府信息公开工作年度报告\n"
        "一、概述\n本年度工作概述。\n"
        "二、主动公开政府信息情况\n全年主动公开政府信息30条。\n"
        "三、依申请公开政府信息情况\n本年度未收到政府信息公开申请。\n"
        "四、存在的主要问题及改进措施\n存在的问题是人员不足。\n"
        "本年度未收取任何费用，未发生因政府信息公开申请行政复议、行政诉讼的情况。\n"
        "某镇人民政府\n2017年3月1日\n"
    )
    assert brief(lint(text, select="S101")) == []
    bad = text.replace("本年度未收取任何费用，", "")
    fs = lint(bad, select="S101")
    assert brief(fs) == [("S101", 8, 1)] and "收费及减免" in fs[0].message


def test_s101_declaration_in_the_intro_does_not_count_as_coverage():
    text = seed_text(4).replace(
        "现将我镇2015年", "全文由概述、政府信息公开的收费及减免情况等二部分组成。现将我镇2015年", 1
    )
    assert any("收费及减免" in f.message for f in lint(text, select="S101"))


# -- rule packs --------------------------------------------------------------------

PACK = """
name = "某省补充要求"
templates = ["2021"]
[[section]]
key = "assessment"
title = "工作考核、社会评议和责任追究结果情况"
keywords = [["考核"], ["社会评议"]]
after = "problems"
"""


def test_rule_pack_adds_a_required_section(tmp_path):
    pack = tmp_path / "province.toml"
    pack.write_text(PACK, encoding="utf-8")
    tpl = get_template("2021", (str(pack),))
    assert [s.key for s in tpl.sections][4:6] == ["problems", "assessment"] and tpl.packs == (
        "某省补充要求",
    )
    fs = lint(report(), select="S101", rule_packs=(str(pack),))
    assert brief(fs) == [("S101", report().split("\n").index(HEADINGS[5]) + 1, 1)]
    assert (
        "工作考核、社会评议和责任追究结果情况" in fs[0].message
        and "其他需要报告的事项" in fs[0].message
    )
    heads = HEADINGS[:5] + ["六、工作考核、社会评议和责任追究结果情况", "七、其他需要报告的事项"]
    assert brief(lint(report(heads), select="S101,S102", rule_packs=(str(pack),))) == []


def test_rule_pack_extends_variants_of_an_existing_section(tmp_path):
    pack = tmp_path / "wording.toml"
    pack.write_text(
        '[[section]]\nkey = "problems"\ntitle = "x"\nvariants = ["不足与整改"]\n', encoding="utf-8"
    )
    heads = HEADINGS[:4] + ["五、不足与整改"] + HEADINGS[5:]
    assert [f.code for f in lint(report(heads), select="S101")] == ["S101"]
    assert brief(lint(report(heads), select="S101", rule_packs=(str(pack),))) == []


def test_rule_pack_for_another_template_is_ignored_and_a_bad_pack_never_crashes(tmp_path):
    other = tmp_path / "old.toml"
    other.write_text(PACK.replace('["2021"]', '["2008"]'), encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[section]]\nkey = 3\n", encoding="utf-8")
    packs = (str(other), str(bad), str(tmp_path / "missing.toml"))
    tpl = get_template("2021", packs)
    assert len(tpl.problems) == 2 and "assessment" not in [s.key for s in tpl.sections]
    assert brief(lint(report(), select="S1", ignore=("S112",), rule_packs=packs)) == []


# -- S102 --------------------------------------------------------------------------


@pytest.mark.parametrize("i", range(5))
def test_s102_swapping_two_sections(i):
    heads = list(HEADINGS)
    a, b = heads[i].split("、", 1), heads[i + 1].split("、", 1)
    heads[i], heads[i + 1] = f"{a[0]}、{b[1]}", f"{b[0]}、{a[1]}"  # numbers stay, titles swap
    text = report(heads)
    fs = lint(text, select="S101,S102")
    assert [f.code for f in fs] == ["S102"], fs
    lines = text.split("\n")
    f = fs[0]
    assert f.column == 1 and lines[f.line - 1] in (heads[i], heads[i + 1])
    assert "顺序不对" in f.message and a[1] in f.message and b[1] in f.message


def test_s102_in_order_is_clean_and_old_template_is_not_ordered():
    assert brief(lint(report(), select="S102")) == []
    assert brief(lint(seed_text(1), select="S102")) == []


# -- S103 / S104 -------------------------------------------------------------------


def test_s103_gap_names_the_missing_numbers():
    text = report(bodies=["（一）甲\n（二）乙\n（五）丙", "a", "b", "c", "d", "e"])
    fs = lint(text, select="S103")
    assert brief(fs) == [("S103", 6, 1)]
    assert (
        "（二）乙" in fs[0].message
        and "缺少（三）（四）" in fs[0].message
        and "第5行" in fs[0].message
    )
    en = lint(text, select="S103", lang="en")[0].message
    assert "（三）, （四） is missing" in en


def test_s103_consecutive_numbering_and_inline_enumerations_are_clean():
    text = report(
        bodies=["（一）甲\n（二）乙\n（三）丙", "一是甲。三是乙。三是丙。", "b", "c", "d", "e"]
    )
    assert brief(lint(text, select="S103,S104")) == []


def test_s103_list_starting_inside_its_parent_heading_is_not_a_gap():
    # flattened copies run "1、" into the parent heading: the visible list starts at 2
    text = report(
        bodies=[
            "（一）进一步规范行为1、加强培训\n2、规范行为。\n3、做好巡查。",
            "a",
            "b",
            "c",
            "d",
            "e",
        ]
    )
    assert brief(lint(text, select="S103")) == []


def test_s104_repeat_and_back():
    text = report(bodies=["（一）甲\n（二）乙\n（二）丙\n（一）丁", "a", "b", "c", "d", "e"])
    fs = lint(text, select="S104")
    assert brief(fs) == [("S104", 6, 1), ("S104", 7, 1)]
    assert "编号重复" in fs[0].message and "（二）乙" in fs[0].message
    assert "重新从“（一）”开始" in fs[1].message


def test_s104_fixed_numbering_is_clean():
    text = seed_text(3)
    for old, new in (
        ("一、统一认识", "（一）统一认识"),
        ("二、突出重点", "（二）突出重点"),
        ("三、创新思路", "（三）创新思路"),
    ):
        text = text.replace(old, new)
    assert brief(lint(text, select="S103,S104")) == []


# -- S105 --------------------------------------------------------------------------

INTRO = (
    "全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
    "存在的主要问题及改进情况和其他需要报告的事项等六个部分组成。"
)


def test_s105_declaration_matches_the_body():
    fs = lint(report(intro=INTRO), select="S105")
    assert brief(fs) == []


def test_s105_wrong_count():
    fs = lint(report(intro=INTRO.replace("六个部分", "五个部分")), select="S105")
    assert brief(fs) == [("S105", 3, INTRO.index("六") + 1)]
    assert "声明共五部分，但列出了6个名称" in fs[0].message


def test_s105_declared_part_missing_from_the_body():
    heads = HEADINGS[:4] + ["五、其他需要报告的事项"]
    fs = lint(report(heads, intro=INTRO), select="S105")
    assert brief(fs) == [("S105", 3, INTRO.index("存在的主要问题") + 1)]
    assert "“存在的主要问题及改进情况”在正文中没有对应的栏目" in fs[0].message


def test_s105_body_has_more_parts_than_declared():
    intro = "全文由概述、主动公开政府信息情况、依申请公开政府信息情况等三部分组成。"
    text = (
        "某镇2016年政府信息公开工作年度报告\n"
        + intro
        + "\n一、概述\n甲。\n二、主动公开政府信息情况\n乙。\n"
        "三、依申请公开政府信息情况\n丙。\n四、政府信息公开的收费及减免情况\n未收费。\n某镇人民政府\n2017年1月5日\n"
    )
    fs = lint(text, select="S105")
    assert brief(fs) == [("S105", 2, intro.index("三部分") + 1)]
    assert "正文有4个部分" in fs[0].message and "四、政府信息公开的收费及减免情况" in fs[0].message


def test_s105_appended_statistics_table_counts_as_a_part():
    intro = "本报告由概述、主动公开政府信息情况和政府信息公开情况统计表共三个部分组成。"
    text = (
        "某区2012年政府信息公开工作年度报告\n"
        + intro
        + "\n一、概述\n甲。\n二、主动公开政府信息情况\n乙。\n"
        "二〇一三年二月一日\n附件：政府信息公开情况统计表\n"
    )
    assert brief(lint(text, select="S105")) == []


# -- S106 --------------------------------------------------------------------------


def test_s106_empty_required_section():
    bodies = ["a", "b", "c", "d", "e", ""]
    text = report(bodies=bodies)
    fs = lint(text, select="S106")
    assert brief(fs) == [("S106", text.split("\n").index(HEADINGS[5]) + 1, 1)]
    assert "“其他需要报告的事项”没有内容" in fs[0].message


def test_s106_section_with_only_a_subsection_with_text_is_not_empty():
    assert (
        brief(lint(report(bodies=["（一）甲\n内容。", "b", "c", "d", "e", "无。"]), select="S106"))
        == []
    )


# -- S107 --------------------------------------------------------------------------


def test_s107_no_closing():
    text = report(closing=())
    fs = lint(text, select="S107")
    last = text.rstrip("\n").split("\n")
    assert brief(fs) == [("S107", len(last), len(last[-1]) + 1)]
    # web and crawler copies rarely carry the signature in the text: an info
    assert fs[0].severity == Severity.INFO and "没有落款" in fs[0].message


def test_s107_closing_present():
    assert brief(lint(report(), select="S107")) == []
    assert (
        brief(
            lint(report(closing=("特此报告。", "某某县人民政府", "2024年1月20日")), select="S107")
        )
        == []
    )


def test_s107_only_tecibaogao():
    fs = lint(report(closing=("特此报告",)), select="S107")
    assert [f.code for f in fs] == ["S107"] and "只有“特此报告”" in fs[0].message


def test_s107_signature_inside_a_flattened_page_counts():
    body = "。".join(["政府信息公开工作有序推进"] * 40)
    flat = (
        f"一、概述 {body}。二、主动公开政府信息情况 {body}。 平潭县人民政府 2013年1月16日 "
        "附件1：平潭县人民政府2012年政府信息公开情况统计表 指标名称 计量单位"
    )
    assert brief(lint(flat, select="S107", template="2008")) == []


# -- documentation -----------------------------------------------------------------


@pytest.mark.parametrize("code", ["S101", "S102", "S103", "S104", "S105", "S106", "S107"])
def test_rule_documentation_is_bilingual_with_examples(code):
    r = CliRunner().invoke(main, ["rule", code])
    assert r.exit_code == 0
    assert "错误示例 / Bad" in r.output and "正确示例 / Good" in r.output
    doc = r.output.split("错误示例")[0]
    assert (
        sum("\u4e00" <= c <= "\u9fff" for c in doc) > 40
        and sum(c.isascii() and c.isalpha() for c in doc) > 100
    )


def test_config_default_has_no_packs():
    assert Config().rule_packs == ()


# -- facts shown by ``gsilint inspect`` ---------------------------------------------


def _facts(text: str, **cfg):
    from gsilint.engine import analyse
    from gsilint.sources import source_from_text

    _, facts, _ = analyse(source_from_text(text, "t.txt"), Config(**cfg))
    return facts


def test_declared_parts_fact_has_count_names_and_spans():
    text = seed_text(1)
    dp = _facts(text).declared_parts
    assert dp.count == 5 and len(dp.parts) == 5
    assert (
        dp.parts[3].name == "因政府信息公開申請行政復議、提起行政訴訟的情況"
    )  # the 、 inside a name is kept
    assert [p.topic for p in dp.parts] == [
        "overview",
        "proactive",
        "applications",
        "review_litigation",
        "problems",
    ]
    for p in dp.parts:
        assert text[p.span.start : p.span.end] == p.name
    assert text[dp.count_span.start : dp.count_span.end] == "五"


def test_declared_parts_split_at_he_between_two_whole_names():
    text = report(intro=INTRO)
    names = _facts(text).declared_parts.names
    assert names[-2:] == ("存在的主要问题及改进情况", "其他需要报告的事项") and len(names) == 6


def test_topic_coverage_fact_records_the_covering_statement():
    text = seed_text(4)
    cov = {c.key: c for c in _facts(text).topic_coverage}
    rl = cov["review_litigation"]
    assert rl.heading is None and "行政复议" in text[rl.statement.start : rl.statement.end]
    assert not cov["fees"].covered and cov["problems"].heading.title == "存在的主要问题"


def test_heading_with_trailing_colon_is_an_exact_match():
    heads = HEADINGS[:5] + ["六、其他需要报告的事项："]
    assert brief(lint(report(heads), select="S101")) == []


def test_pinyin_inserted_by_mirror_copies_does_not_hide_a_heading():
    heads = list(HEADINGS)
    heads[1] = "二、主动公(gong)開(kai)政府信息情况"
    assert brief(lint(report(heads), select="S101,S102")) == []


def test_cli_rule_pack_option(tmp_path):
    pack = tmp_path / "province.toml"
    pack.write_text(PACK, encoding="utf-8")
    f = tmp_path / "r.txt"
    f.write_text(report(), encoding="utf-8")
    r = CliRunner().invoke(
        main, ["check", str(f), "--select", "S101", "--format", "concise", "--rule-pack", str(pack)]
    )
    assert (
        r.exit_code == 1
        and "S101 [error] 缺少栏目“工作考核、社会评议和责任追究结果情况”" in r.output
    )
    r = CliRunner().invoke(main, ["check", str(f), "--rule-pack", str(tmp_path / "nope.toml")])
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_s105_an_enumeration_that_is_not_about_the_report_is_not_a_declaration():
    bodies = ["公开内容主要包括机构职能、政策文件、财政信息等三个部分。", "b", "c", "d", "e", "f"]
    assert _facts(report(bodies=bodies)).declared_parts is None
    assert brief(lint(report(bodies=bodies), select="S105")) == []


def test_s105_declared_name_in_slightly_different_words_matches():
    intro = "全文由概述、审批事项及处理情况等二部分组成。"
    text = (
        "某局2013年信息公开年度报告\n"
        + intro
        + "\n一、概述\n甲。\n二、审批事项处理情况\n乙。\n某局\n2014年1月5日\n"
    )
    assert brief(lint(text, select="S105")) == []
    bad = text.replace("二、审批事项处理情况", "二、工作人员情况")
    fs = lint(bad, select="S105")
    assert (
        brief(fs) == [("S105", 2, intro.index("审批") + 1)]
        and "审批事项及处理情况" in fs[0].message
    )


def test_s106_items_numbered_as_subheadings_are_content_and_outer_heading_wins():
    # seed 002: 六、…存在的主要问题及改进情况 / （一）存在的主要问题： / 1、… 2、…
    assert brief(lint(seed_text(2), select="S106")) == []
    cov = {c.key: c for c in _facts(seed_text(2)).topic_coverage}
    assert cov["problems"].heading.title.startswith("政府信息公开存在的主要问题及改进情况")


def test_labels_broken_out_of_a_table_are_not_headings():
    # PDF→markdown copy (shanghai_szfbgt_2025):
    # vertical cell "三、本年度办理结果" reads "三、本法提供"
    heads = list(HEADINGS)
    bodies = [
        "a",
        "b",
        "申请人情况\n法人或其他组织\n"
        "| （一）予以公开 | 201 | 5 | 0 | 0 | 0 | 0 | 206 |\n\n三、本法提供\n年度办\n"
        "5.要求行政机关确认或重新出具\n1.申请人无正当理由逾期不补正、\n（六）其\n2.申请人逾期未按收费通知要求",
        "d",
        "e",
        "f",
    ]
    assert brief(lint(report(heads, bodies=bodies), select="S103,S104")) == []


def test_two_numbering_systems_like_a_real_report():
    # shanghai_kewei_2024: 一…六 for 总体情况's topics,
    # then 一、主动公开 … 三、复议 and 五、其他 (no 存在问题)
    heads = [
        "一、总体情况",
        "二、工作机制保障",
        "三、主动公开工作情况",
        "一、主动公开政府信息情况",
        "二、收到和处理政府信息公开申请情况",
        "三、政府信息公开行政复议、行政诉讼情况",
        "五、其他需要报告的事项",
    ]
    intro = INTRO.replace("全文由", "报告全文包括").replace("组成", "")
    text = report(heads, intro=intro)
    fs = lint(text, select="S1")
    lines = text.split("\n")
    assert brief(fs) == [
        ("S105", 3, intro.index("存在的主要问题") + 1),
        ("S104", lines.index(heads[3]) + 1, 1),
        ("S101", lines.index(heads[6]) + 1, 1),
        ("S103", lines.index(heads[6]) + 1, 1),
    ]
    assert "缺少四、" in fs[3].message and "三、主动公开工作情况" in fs[1].message


def test_s101_old_template_fee_statement_needs_a_real_negation():
    base = (
        "某镇2016年政府信息公开工作年度报告\n"
        "一、主动公开政府信息情况\n全年主动公开政府信息30条，不断完善行政事业性收费信息公开。\n"
        "二、依申请公开政府信息情况\n本年度未收到政府信息公开申请。\n"
        "三、存在的主要问题及改进措施\n存在的问题是人员不足。未发生行政复议、行政诉讼。\n"
        "某镇人民政府\n2017年3月1日\n"
    )
    fs = lint(base, select="S101")
    assert [f.code for f in fs] == ["S101"] and "收费及减免" in fs[0].message
    assert (
        brief(lint(base.replace("人员不足。", "人员不足。本年度不收取任何费用。"), select="S101"))
        == []
    )


def test_second_list_under_one_heading_is_not_a_restart():
    bodies = [
        "a",
        "b",
        "c",
        "d",
        "存在的问题：\n1.甲不足。\n2.乙不足。\n改进措施：\n1.加强甲。\n2.加强乙。",
        "f",
    ]
    assert brief(lint(report(bodies=bodies), select="S103,S104")) == []
    bodies[4] = (
        "（一）存在问题\n甲。\n（二）原因\n乙。\n改进措施如下：\n（一）加强甲。\n（二）加强乙。"
    )
    assert brief(lint(report(bodies=bodies), select="S104")) == []
    bodies[4] = "（一）存在问题\n甲。\n（二）原因\n乙。\n（一）加强甲。\n（二）加强乙。"
    assert [f.code for f in lint(report(bodies=bodies), select="S104")] == ["S104"]


def test_a_skipped_number_written_inline_is_not_a_gap():
    # flattened copy: "3." stays inside item 2's line after "；"
    bodies = ["a", "1.网站公开。\n2.查阅点公开；3.公开栏公开。\n4.新媒体公开。", "c", "d", "e", "f"]
    assert brief(lint(report(bodies=bodies), select="S103")) == []
    bodies[1] = "1.网站公开。\n2.查阅点公开。\n4.新媒体公开。"
    assert brief(lint(report(bodies=bodies), select="S103")) == [("S103", 9, 1)]


def test_a_skipped_number_in_a_table_row_is_still_a_gap():
    heads = HEADINGS[:2] + HEADINGS[3:]
    bodies = [
        "a",
        "一、本年新收政府信息公开申请数量\t1\t0\n三、本年度办理结果\t1\t0",
        "c",
        "d",
        "e",
    ]
    text = report(heads, bodies=bodies)
    fs = lint(text, select="S103")
    assert (
        brief(fs) == [("S103", text.split("\n").index(HEADINGS[3]) + 1, 1)]
        and "缺少三、" in fs[0].message
    )


@pytest.mark.parametrize(
    "heading",
    ["五、工作中存在的不足及改进方向", "五、存在问题和改进措施", "五、主要问题及改进措施"],
)
def test_s101_problem_section_wordings(heading):
    heads = HEADINGS[:4] + [heading] + HEADINGS[5:]
    assert brief(lint(report(heads), select="S101,S102")) == []
