"""Tables 二/三/四: mapping (facts t2/t3/t4) and the rules A303–A308, S108, S109."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import brief, lint, seed_text
from hypothesis import given, settings
from hypothesis import strategies as st
from tables_helpers import COLS, T2_2019, T2_2021, T3_2019, T3_2021, T4_COLS, build

from gsilint import Config
from gsilint.facts import Facts
from gsilint.findings import Severity
from gsilint.parse import parse
from gsilint.sources import source_from_text

SEL = "A303,A304,A305,A306,A307,A308,S108,S109"


def facts(text: str) -> Facts:
    src = source_from_text(text, "t.txt")
    return Facts(parse(src.text), Config())


def changed(b, key, col, value):
    t3 = {k: list(v) for k, v in b.t3.items()}
    t4 = list(b.t4)
    if key == "t4.cases":
        t4[T4_COLS.index(col)] = value
    else:
        t3[key][COLS.index(col)] = value
    return t3, t4


# -- mapping ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["tab", "space", "pipe", "lines"])
@pytest.mark.parametrize("year", [2023, 2020])
def test_consistent_report_maps_every_cell_and_has_no_findings(kind, year):
    b = build(year, kind=kind)
    f = facts(b.text)
    layout = "2021" if year >= 2021 else "2019"
    rows = T3_2021 if layout == "2021" else T3_2019
    assert f.t3.layout == layout and f.t3.row_keys() == tuple(k for k, _ in rows)
    for key, _ in rows:
        for c, col in enumerate(COLS):
            cell = f.t3.value(key, col)
            assert cell.reported and cell.value == b.t3[key][c]
    assert [f.t4.value("t4.cases", c).value for c in T4_COLS] == b.t4
    assert f.t2.value("t2.regulations", "in_force").value == 3
    if layout == "2021":
        assert f.t2.value("t2.fees", "amount").value == Decimal("12.5")
    else:
        assert f.t2.value("t2.licensing", "change").value == -2
        assert f.t2.value("t2.penalty", "change").value == 1
    assert lint(b.text, select=SEL) == []


def test_cell_spans_point_at_the_cell():
    b = build(2023)
    f = facts(b.text)
    cell = f.t3.value("t3.results.refused.inquiry", "total")
    assert f.doc.text[cell.span.start : cell.span.end] == str(b.t3["t3.results.refused.inquiry"][6])


def test_no_tables_in_an_old_report():
    f = facts("某县2015年政府信息公开工作年度报告\n\n一、概述\n\n本年度主动公开信息100条。\n")
    assert f.t2 is None and f.t3 is None and f.t4 is None


def test_pdf_text_with_wrapped_vertical_and_split_labels():
    b = build(2023, kind="space")
    lines = b.text.split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("（二）部分公开"))
    # label wrapped onto the next line, numbers after the continuation
    lines[i] = lines[i].replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）",
    )
    j = next(i for i, line in enumerate(lines) if line.startswith("（六）其他处理 1."))
    nums = lines[j].split(" ")[-7:]
    # label over three lines, numbers alone on the fourth, a page marker in between
    lines[j] = (
        "（六）其\n他处理\n1、申请人无正当理由逾期不补\n"
        "正、行政机关不再处理其政府信\n- 4 -\n息公开申请\n" + " ".join(nums)
    )
    text = "\n".join(lines)
    f = facts(text)
    assert f.t3.value("t3.results.partial", "total").value == b.t3["t3.results.partial"][6]
    assert (
        f.t3.value("t3.results.other.no_correction", "natural_person").value
        == b.t3["t3.results.other.no_correction"][0]
    )
    assert (
        f.t3.value("t3.results.other.unpaid", "total").value == b.t3["t3.results.other.unpaid"][6]
    )
    assert lint(text, select=SEL) == []


# -- seed 003 -------------------------------------------------------------------


def test_seed_003_maps_and_reports_only_the_rows_with_ten_numbers():
    findings = lint(seed_text(3), select=SEL)
    assert brief(findings) == [("S109", 86, 1), ("S109", 87, 1), ("S109", 88, 1)]
    assert all("10 个数值，应为 7 个" in f.message for f in findings)
    assert "(七) 总计" in findings[1].message
    f = facts(seed_text(3))
    assert (
        f.t3.value("t3.new", "total").value == 0
        and f.t4.value("t4.cases", "review.total").value == 0
    )
    assert f.t3.value("t3.results.total", "total") is None  # the malformed row is not mapped


# -- A303 / A304 / A305 / A306 --------------------------------------------------


def test_a303_and_a305_at_the_changed_carry_forward_cell():
    b = build(2023)
    old = b.t3["t3.carry_forward"][0]
    t3, t4 = changed(b, "t3.carry_forward", "natural_person", old + 1)
    findings = lint(build(2023, t3=t3, t4=t4).text, select=SEL)
    line, col = b.where[("t3.carry_forward", "natural_person")]
    assert brief(findings) == [("A303", line, col), ("A305", line, col)]
    a303 = findings[0]
    new, carried, total = (b.t3[k][0] for k in ("t3.new", "t3.carried_over", "t3.results.total"))
    assert f"一 + 二 = {new} + {carried} = {new + carried}" in a303.message
    assert f"（七）总计 + 四 = {total} + {old + 1} = {total + old + 1}" in a303.message
    assert "“自然人”列" in a303.message and "相差 1" in a303.message
    assert len(a303.related) == 4 and {r.location.line for r in a303.related} == {
        b.where[(k, "natural_person")][0]
        for k in ("t3.new", "t3.carried_over", "t3.results.total", "t3.carry_forward")
    }


def test_a304_at_the_changed_leaf_cell():
    b = build(2023)
    t3, t4 = changed(
        b,
        "t3.results.refused.third_party",
        "research",
        b.t3["t3.results.refused.third_party"][2] + 3,
    )
    findings = lint(build(2023, t3=t3, t4=t4).text, select=SEL)
    line, col = b.where[("t3.results.refused.third_party", "research")]
    assert brief(findings) == [("A304", line, col), ("A305", line, col)]
    a304 = findings[0]
    assert "“科研机构”列" in a304.message and "相差 3" in a304.message
    assert f"（七）总计 = {b.t3['t3.results.total'][2]}" in a304.message
    assert len(a304.related) == 22


def test_a305_and_a304_at_a_changed_total_cell():
    b = build(2023)
    t3, t4 = changed(b, "t3.results.granted", "total", b.t3["t3.results.granted"][6] + 2)
    findings = lint(build(2023, t3=t3, t4=t4).text, select=SEL)
    line, col = b.where[("t3.results.granted", "total")]
    assert brief(findings) == [("A304", line, col), ("A305", line, col)]
    a305 = findings[1]
    assert (
        "“（一）予以公开”行" in a305.message
        and f"总计 = {b.t3['t3.results.granted'][6] + 2}" in a305.message
    )
    assert "相差 2" in a305.message and len(a305.related) == 7


def test_a306_at_the_group_total():
    b = build(2023)
    t3, t4 = changed(b, "t4.cases", "direct_suit.corrected", b.t4[6] + 4)
    b2 = build(2023, t3=t3, t4=t4)
    findings = lint(b2.text, select=SEL)
    assert brief(findings) == [("A306", *b2.where[("t4.cases", "direct_suit.total")])]
    assert "未经复议直接起诉" in findings[0].message and "相差 4" in findings[0].message
    assert b.where[("t4.cases", "direct_suit.corrected")][1] in {
        r.location.column for r in findings[0].related
    }


def test_a306_hongzequ_totals_zero():
    b = build(2023)
    t4 = [10, 1, 0, 0, 0] + [0] * 5 + [5, 0, 0, 0, 0]
    findings = lint(build(2023, t3=b.t3, t4=t4).text, select=SEL)
    assert [f.code for f in findings] == ["A306", "A306"]
    assert "总计 = 0" in findings[0].message and "10 + 1 + 0 + 0 = 11" in findings[0].message


@settings(max_examples=60, deadline=None)
@given(
    layout=st.sampled_from(["2019", "2021"]),
    kind=st.sampled_from(["tab", "space", "pipe", "lines"]),
    data=st.data(),
)
def test_changing_one_cell_reports_exactly_the_broken_identities_at_that_cell(layout, kind, data):
    year = 2023 if layout == "2021" else 2020
    base = build(year, layout, kind)
    rows = [k for k, _ in (T3_2021 if layout == "2021" else T3_2019)] + ["t4.cases"]
    key = data.draw(st.sampled_from(rows))
    col = data.draw(st.sampled_from(T4_COLS if key == "t4.cases" else COLS))
    idx = (T4_COLS if key == "t4.cases" else COLS).index(col)
    old = base.t4[idx] if key == "t4.cases" else base.t3[key][idx]
    new = data.draw(st.integers(min_value=0, max_value=5000).filter(lambda v: v != old))
    t3, t4 = changed(base, key, col, new)
    b2 = build(year, layout, kind, t3=t3, t4=t4)
    findings = lint(b2.text, select=SEL)
    if key == "t4.cases":
        group = col.split(".")[0]
        assert brief(findings) == [("A306", *b2.where[(key, f"{group}.total")])]
        return
    expected = {"A305"}
    if key in ("t3.new", "t3.carried_over", "t3.results.total", "t3.carry_forward"):
        expected.add("A303")
    if key.startswith("t3.results."):
        expected.add("A304")
    assert sorted(f.code for f in findings) == sorted(expected)
    assert {(f.line, f.column) for f in findings} == {base.where[(key, col)]}
    assert all(f"相差 {abs(new - old)}" in f.message for f in findings)


# -- A307 / A308 ------------------------------------------------------------------


def test_a307_negative_count_and_no_cascade():
    b = build(2023)
    t3, t4 = changed(b, "t3.results.granted", "commercial", -3)
    findings = lint(build(2023, t3=t3, t4=t4).text, select=SEL)
    assert brief(findings) == [("A307", *b.where[("t3.results.granted", "commercial")])]
    assert "“-3”是负数" in findings[0].message and "（一）予以公开·商业企业" in findings[0].message


def test_a307_fraction():
    b = build(2023)
    t3, t4 = changed(b, "t4.cases", "review.pending", "1.5")
    findings = lint(build(2023, t3=t3, t4=t4).text, select=SEL)
    assert [(f.code, "不是整数" in f.message) for f in findings] == [("A307", True)]


def test_a308_blank_total_column_is_info_not_error():
    b = build(2023)
    t3 = {
        k: (v[:6] + [None] if k.startswith("t3.results.") and k != "t3.results.total" else list(v))
        for k, v in b.t3.items()
    }
    findings = lint(build(2023, t3=t3, t4=b.t4).text, select=SEL)
    assert [(f.code, f.severity.label) for f in findings] == [("A308", "info")]
    first = b.where[("t3.results.granted", "total")]
    assert (findings[0].line, findings[0].column) == first
    assert (
        "21 个单元格未填报" in findings[0].message
        and "22 项勾稽关系无法核对" in findings[0].message
    )


def test_slash_is_not_reported_not_zero():
    b = build(2023)
    t3, t4 = changed(b, "t3.carried_over", "research", "/")
    f = facts(build(2023, t3=t3, t4=t4).text)
    cell = f.t3.value("t3.carried_over", "research")
    assert not cell.reported and cell.value is None and cell.text == "/"
    codes = [x.code for x in lint(build(2023, t3=t3, t4=t4).text, select=SEL)]
    assert codes == ["A308"]


# -- S108 ----------------------------------------------------------------------------


def test_s108_2023_report_with_the_2019_table_three():
    t3, t4 = build(2020).t3, build(2020).t4
    b = build(2023, layout="2019", t3=t3, t4=t4)
    findings = lint(b.text, select=SEL)
    line = b.where[("t3.results.other", "natural_person")][0]
    # once for table 二's 2019 labels (at the first one), once for table 三's single （六） row
    assert brief(findings) == [("S108", 10, 6), ("S108", line, 1)]
    assert "表二使用了 2019 年格式的栏目“本年新制作数量”" in findings[0].message
    assert "（六）其他处理”只有一行" in findings[1].message


def test_s108_2021_table_two_in_a_2020_report():
    b = build(2020)
    text = b.text.replace(
        "本年新制作数量\t本年新公开数量\t对外公开总数量", "本年制发件数\t本年废止件数\t现行有效件数"
    )
    findings = lint(text, select="S108")
    assert [f.code for f in findings] == ["S108"]
    assert "“本年制发件数”" in findings[0].message and "2019 年格式" in findings[0].message


def test_s108_silent_for_the_right_format():
    assert (
        lint(build(2023).text, select="S108") == [] and lint(build(2020).text, select="S108") == []
    )


# -- S109 ----------------------------------------------------------------------------


def test_s109_missing_row():
    b = build(2023)
    text = "\n".join(line for line in b.text.split("\n") if "重复申请" not in line)
    findings = lint(text, select=SEL)
    # the missing row is reported once; the identities that need it are not evaluated
    assert [f.code for f in findings] == ["S109"]
    assert "缺少 1 行：2.重复申请" in findings[0].message
    # located where the row belongs: at the next row (one line up, the line was removed)
    assert findings[0].line == b.where[("t3.results.not_processed.publication", "total")][0] - 1


def test_s109_wrong_number_of_cells_in_table_four():
    b = build(2023)
    t4_line = b.where[("t4.cases", "review.upheld")][0]
    lines = b.text.split("\n")
    lines[t4_line - 1] = "\t".join(lines[t4_line - 1].split("\t")[:14])
    findings = lint("\n".join(lines), select=SEL)
    assert brief(findings) == [("S109", t4_line, 1)]
    assert "有 14 个数值，应为 15 个" in findings[0].message


def test_s109_unmappable_table_is_one_finding():
    b = build(2023)
    lines = b.text.split("\n")
    start = b.where[("t3.results.granted", "total")][0]
    # keep only three data rows of table 三
    keep = [line for i, line in enumerate(lines, 1) if not (start <= i < start + 20)]
    findings = lint("\n".join(keep), select=SEL)
    assert [f.code for f in findings] == ["S109"]
    assert "无法与模板对应" in findings[0].message


# -- the real corpus (INDEX.tsv notes) --------------------------------------------------

CORPUS = __import__("pathlib").Path("/work/shared/corpus/real")


def _corpus(name):
    from gsilint.run import check_file

    return [
        (f.code, f.line)
        for f in check_file(str(CORPUS / name), Config(select=tuple(SEL.split(",")))).findings
    ]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize(
    "name,expected",
    [
        # fully consistent PDF text: page markers, vertical and split labels
        ("huaian_shi_2024_pdf.txt", []),
        # table 四 totals 0 with 维持10 纠正1 / 维持5: real errors;
        # （六） as one row in a 2023 report
        ("huaian_hongzequ_2023.txt", [("S108", 109), ("A306", 131), ("A306", 131)]),
        ("huaian_hongzequ_2024.txt", [("S108", 109)]),
        # 结转 row total cell empty: not evaluable, not an error
        ("shanghai_kewei_2024.md", [("A308", 178)]),
        # 表二 rows missing a column
        ("shanghai_szfbgt_2025.md", [("S109", 97), ("S109", 100)]),
        ("shuyang_xian_2025.md", []),
    ],
)
def test_corpus(name, expected):
    assert _corpus(name) == expected


# -- glued crawler copies -------------------------------------------------------------


def glued_report(b, t4=None):
    """Tables 三 and 四 of ``b`` flattened as a crawler does: one line, cells run together."""
    t3 = (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
    )
    for key, label in T3_2021:
        t3 += label + "".join(str(v) for v in b.t3[key])
    t4 = (
        "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
        + "结果维持结果纠正其他结果尚未审结总计" * 2
        + "".join(str(v) for v in (t4 or b.t4))
    )
    return (
        "标题: 某县人民政府2023年政府信息公开工作年度报告\n=== 正文 ===\n"
        "一、总体情况 2023年，某县认真贯彻落实条例。三、收到和处理政府信息公开申请情况 "
        + t3
        + "\n四、政府信息公开行政复议、行政诉讼情况 "
        + t4
        + "\n五、存在的主要问题及改进情况 一是培训不足。\n"
    )


def test_glued_tables_with_one_consistent_split_are_read():
    b = build(2023)
    text = glued_report(b, t4=[1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0])
    f = facts(text)
    assert f.t3 is not None and f.t3.glued
    for key, _ in T3_2021:
        assert [f.t3.value(key, c).value for c in COLS] == b.t3[key]
    assert [f.t4.value("t4.cases", c).value for c in T4_COLS] == [
        1,
        0,
        2,
        0,
        3,
        12,
        0,
        0,
        0,
        12,
        0,
        0,
        0,
        0,
        0,
    ]
    cell = f.t4.value("t4.cases", "direct_suit.total")
    assert f.doc.text[cell.span.start : cell.span.end] == "12"
    # read, so not reported as unreadable
    assert [x.code for x in lint(text, select=SEL + ",E004")] == []


def test_glued_table_with_two_consistent_splits_stays_unread():
    b = build(2023)
    # "1100011" is 1+10+0+0 = 11 and 11+0+0+0 = 11: two readings, no guess
    text = glued_report(b).replace("".join(str(v) for v in b.t4), "11000110000000000")
    f = facts(text)
    assert f.t4 is None
    findings = lint(text, select=SEL + ",E004")
    assert [x.code for x in findings] == ["E004"] and findings[0].message.startswith("1 个表格")


def test_glued_table_four_that_no_split_adds_up_is_an_error():
    b = build(2023)
    # "1111111111111111" (16 ones): no cut into three groups of four results and their
    # total adds up, however the digits are read
    text = glued_report(b).replace("".join(str(v) for v in b.t4), "1" * 16)
    assert facts(text).t4.cells == {}
    findings = lint(text, select=SEL + ",E004")
    assert [(x.code, x.severity) for x in findings] == [("A306", Severity.ERROR)]
    assert "无论怎样拆分" in findings[0].message and "不能同时成立" in findings[0].message
    loc = findings[0].location
    assert text[loc.start : loc.end] == "1" * 16


def test_glued_table_three_inconsistent_under_every_split_names_the_identity():
    b = build(2023)
    granted = b.t3["t3.results.granted"]
    # one more applicant counted in 予以公开 (row and its total): each row still adds up,
    # but no split of the rows makes the (7) total the sum of the results
    b.t3["t3.results.granted"] = [granted[0] + 1, *granted[1:6], granted[6] + 1]
    findings = lint(glued_report(b), select=SEL + ",E004")
    assert [(x.code, x.severity) for x in findings] == [("A304", Severity.ERROR)]
    assert "每一种读法" in findings[0].message and "（七）总计" in findings[0].message
    # the row's own total wrong too: that row has no reading at all
    b.t3["t3.results.granted"][6] += 1
    findings = lint(glued_report(b), select=SEL + ",E004")
    assert [(x.code, x.severity) for x in findings] == [("A305", Severity.ERROR)]
    assert "（一）予以公开" in findings[0].message and "无论怎样拆分" in findings[0].message


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize(
    "name,row,col,value",
    [
        ("pingtan_syq_2021.txt", "t3.results.total", "total", 69),
        ("pingtan_syq_2022.txt", "t3.new", "natural_person", 71),
        ("pingtan_syq_2024.txt", "t3.new", "total", 218),
        ("pingtan_syq_2025.txt", "t3.carry_forward", "total", 6),
    ],
)
def test_corpus_glued_table_three(name, row, col, value):
    from gsilint.sources import load_path

    src = load_path(str(CORPUS / name))
    f = Facts(parse(src.text), Config())
    assert f.t3.value(row, col).value == value


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize(
    "name,values",
    [
        ("pingtan_syq_2021.txt", [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]),
        ("pingtan_syq_2022.txt", [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]),
        ("pingtan_syq_2023.txt", [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]),
        ("pingtan_syq_2024.txt", [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]),
        ("pingtan_syq_2025.txt", [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3]),
    ],
)
def test_corpus_glued_table_four(name, values):
    from gsilint.sources import load_path

    src = load_path(str(CORPUS / name))
    f = Facts(parse(src.text), Config())
    assert [f.t4.value("t4.cases", c).value for c in T4_COLS] == values


# -- real grids (HTML / Word tables flattened to tab rows) -------------------------------------


def test_grid_row_left_blank_is_not_reported_and_merged_columns_are_dropped():
    b = build(2023)
    lines = b.text.split("\n")
    i = b.where[("t3.results.refused.inquiry", "total")][0] - 1
    label_cells = lines[i].split("\t")[:3]
    lines[i] = "\t".join(label_cells + [""] * 7)  # a labelled row left entirely blank
    j = b.where[("t3.results.granted", "total")][0] - 1
    cells = lines[j].split("\t")
    lines[j] = "\t".join(cells[:4] + [""] + cells[4:])  # a merged-cell column inside the values
    # the column is spurious in every row of that width: only this row has it here
    text = "\n".join(lines)
    f = facts(text)
    cell = f.t3.value("t3.results.refused.inquiry", "natural_person")
    assert cell is not None and not cell.reported
    assert [f.t3.value("t3.results.granted", c).value for c in COLS] == b.t3["t3.results.granted"]
    findings = lint(text, select=SEL)
    assert [x.code for x in findings] == ["A308"]
    assert "7 个单元格未填报" in findings[0].message


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(min_value=0, max_value=10_000),
    year=st.sampled_from([2020, 2022]),
    kind=st.sampled_from(["tab", "space", "pipe"]),
)
def test_untouched_consistent_reports_have_no_findings(seed, year, kind):
    assert lint(build(year, kind=kind, seed=seed).text, select=SEL) == []


def test_header_merged_into_the_first_row():
    b = build(2023, kind="space")
    lines = b.text.split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("商业企业"))
    lines[i : i + 2] = [lines[i] + " " + lines[i + 1]]  # "…法律服务机构 其他 一、本年新收… 1 2 …"
    text = "\n".join(lines)
    f = facts(text)
    assert [f.t3.value("t3.new", c).value for c in COLS] == b.t3["t3.new"]
    assert lint(text, select=SEL) == []


def test_extra_data_row_after_the_last_row():
    b = build(2023)
    lines = b.text.split("\n")
    i = b.where[("t3.carry_forward", "total")][0]
    lines.insert(i, "\t".join(["", "", ""] + ["0"] * 7))
    findings = lint("\n".join(lines), select=SEL)
    assert brief(findings) == [("S109", i + 1, 1)] and "多余的数据行" in findings[0].message


def test_s108_2020_report_with_the_2021_table_three():
    b = build(2020, layout="2021", t3=build(2023).t3, t4=build(2023).t4)
    text = b.text.replace(T2_2021, T2_2019)  # table 二 in the right (2019) format
    findings = lint(text, select=SEL)
    line = (
        b.where[("t3.results.other.no_correction", "natural_person")][0]
        + T2_2019.count("\n")
        - T2_2021.count("\n")
    )
    assert [(f.code, f.line) for f in findings] == [("S108", line)]
    assert "分为三行（2021 年格式）" in findings[0].message


def test_a307_in_table_two():
    b = build(2023)
    text = b.text.replace("行政许可\t120", "行政许可\t-120")
    findings = lint(text, select=SEL)
    line = next(i for i, row in enumerate(text.split("\n"), 1) if row.startswith("行政许可"))
    assert (
        brief(findings) == [("A307", line, 6)]
        and "表二“行政许可·本年处理决定数量”" in findings[0].message
    )


def test_signed_change_is_valid_in_the_2019_table_two():
    b = build(2020)
    assert "行政许可\t40\t-2\t120" in b.text and lint(b.text, select="A307") == []


def test_group_subtotal_rows_are_not_template_rows():
    b = build(2023)
    lines = b.text.split("\n")
    i = b.where[("t3.results.refused.state_secret", "total")][0] - 1
    refused = [k for k, _ in T3_2021 if k.startswith("t3.results.refused.")]
    sub = [sum(b.t3[k][c] for k in refused) for c in range(7)]
    lines[i] = lines[i].replace("（三）不予公开", "")
    lines.insert(i, "\t".join(["", "（三）不予公开", ""] + [str(v) for v in sub]))
    text = "\n".join(lines)
    f = facts(text)
    assert [f.t3.value("t3.results.refused.state_secret", c).value for c in COLS] == b.t3[
        "t3.results.refused.state_secret"
    ]
    assert lint(text, select=SEL) == []


def test_glued_table_with_a_misspelt_row_label_is_read_and_the_label_reported():
    b = build(2023)
    text = glued_report(b).replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    f = facts(text)
    assert f.t3 is not None and f.t3.glued and f.t3.cells
    assert f.t3.row_labels["t3.results.refused.other_law"] == "2.其他法律行政法规禁止公开"
    [finding] = lint(text, select="T508")
    assert "“其他法律行政止公开”有误，应为“其他法律行政法规禁止公开”" in finding.message
    loc = finding.location
    assert text[loc.start : loc.end] == "其他法律行政止公开"
    # no fragment of the row left (行政查询 → 行政查旬): read by the misspelt label
    text = glued_report(b).replace("8.属于行政查询事项", "8.属于行政查旬事项")
    values = {k: c.value for k, c in facts(text).t3.cells.items()}
    assert values == {k: c.value for k, c in f.t3.cells.items()}
    assert [x.code for x in lint(text, select="T508")] == ["T508"]
    # a label that is neither a fragment nor a misspelling still leaves the table unread
    text = glued_report(b).replace("2.其他法律行政法规禁止公开", "2.另有规定")
    assert facts(text).t3 is None
