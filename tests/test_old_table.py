"""The old statistics table (2008–2018): the same values whatever the layout.

The table is rendered from one list of (label, unit, 本年度, 历年累计) rows,
in the layouts real copies have: one cell per line (三明市 crawler copies),
tab-separated, and spaces inside one paragraph (平潭 crawler copies); each is
mapped by label onto the rows of ``rules/tables/2008.toml``.
"""

from __future__ import annotations

import pytest
from conftest import lint

from gsilint import Config
from gsilint.facts import Facts
from gsilint.parse import parse
from gsilint.sources import source_from_text

HEAD = """三明市2015年政府信息公开工作年度报告
一、概述
2015年，我市认真贯彻落实政府信息公开工作要点。
二、主动公开政府信息的情况
2015年，全市各级各部门主动公开政府信息33696条。
三、依申请公开政府信息办理情况
2015年，各级各部门受理依申请公开信息128条。
四、依申请公开政府信息的收费及减免情况
2015年，未收取依申请公开信息费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
2015年，全市未发生因政府信息公开产生的行政复议、行政诉讼案件。
六、政府信息公开工作存在的主要问题及改进措施
公开质量与人民群众的期望还有差距，部分单位公开不够及时、内容不够全面。下一步将加强培训和督查，提高公开质量。
七、附表
"""
TAIL = "三明市政府信息公开工作领导小组\n2016年1月12日\n"

ROWS = [
    ("主动公开文件数", "条", "33696", "295231"),
    ("其中：1.政府网站公开数", "条", "31648", "243760"),
    ("2.政府公报公开数", "条", "0", "0"),
    ("受理政府信息公开申请总数", "条", "128", "1540"),
    ("其中：1.当面申请数", "条", "67", "993"),
    ("2.网上申请数", "条", "39", "253"),
    ("3.信函、传真申请数", "条", "22", "294"),
    ("对申请的答复总数", "条", "128", "1540"),
    ("其中：1.同意公开答复数", "条", "35", "1326"),
    ("2.同意部分公开答复数", "条", "9", "83"),
    ("3.不予公开答复数", "条", "1", "11"),
    ("4.其他类型答复数", "条", "83", "120"),
    ("政府信息公开收费减免金额", "元", "0", "0"),
    ("接受行政申诉、举报数", "件", "0", "1"),
    ("行政复议数", "件", "0", "0"),
    ("行政诉讼数", "件", "0", "0"),
]
HEADER = ("指 标 名 称", "计量单位", "2015年", "历年累计")

EXPECTED = {
    "old.proactive": (33696, 295231),
    "old.proactive.website": (31648, 243760),
    "old.proactive.gazette": (0, 0),
    "old.requests": (128, 1540),
    "old.requests.in_person": (67, 993),
    "old.requests.online": (39, 253),
    "old.requests.letter_fax": (22, 294),
    "old.replies": (128, 1540),
    "old.replies.granted": (35, 1326),
    "old.replies.partial": (9, 83),
    "old.replies.refused": (1, 11),
    "old.replies.other": (83, 120),
    "old.fees": (0, 0),
    "old.appeals": (0, 1),
    "old.review": (0, 0),
    "old.litigation": (0, 0),
}


KINDS = ["lines", "tab", "space", "pipe"]


def render(kind: str, rows=ROWS) -> str:
    table = [HEADER, *rows]
    if kind == "lines":
        body = "".join(f"{c}\n" for r in table for c in r)
    elif kind == "tab":
        body = "".join("\t".join(r) + "\n" for r in table)
    elif kind == "pipe":
        body = "".join(
            f"| {' | '.join(r)} |\n" + ("|---|---|---|---|\n" if r is HEADER else "") for r in table
        )
    else:  # a crawler copy with the whole table in one paragraph, cells separated by spaces
        body = " ".join(" ".join(r) for r in table) + "\n"
    return HEAD + body + TAIL


def facts(text: str) -> Facts:
    src = source_from_text(text, "t.txt")
    return Facts(parse(src.text), Config())


def values(text: str) -> dict:
    grid = facts(text).old_table
    assert grid is not None
    return {
        row: tuple(grid.value(row, col).value for col in ("year", "cumulative"))
        for row in grid.row_spans
    }


@pytest.mark.parametrize("kind", KINDS)
def test_every_layout_maps_the_same_values(kind):
    assert values(render(kind)) == EXPECTED


@pytest.mark.parametrize("kind", KINDS)
def test_a_consistent_table_has_no_finding(kind):
    assert [f.code for f in lint(render(kind))] == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_broken_channel_sum_is_found_in_every_layout(kind):
    rows = [r if r[0] != "3.信函、传真申请数" else (*r[:3], "123") for r in ROWS]
    found = [(f.code, f.message) for f in lint(render(kind, rows))]
    assert found == [
        (
            "A303",
            "统计表“历年累计”列：受理申请总数 = 1540，但 各申请渠道之和 = 993 + 253 + 123 = 1369，"
            "相差 171",
        )
    ]


def test_rows_are_matched_by_label_not_position():
    shuffled = [ROWS[i] for i in (13, 0, 2, 1, 15, 3, 6, 5, 4, 7, 11, 8, 10, 9, 12, 14)]
    assert values(render("tab", shuffled)) == EXPECTED


def test_a_copy_that_drops_repeated_lines_prints_an_equal_pair_once():
    """莆田 crawler copies: "0" / "0" shows as one "0"; the mark "4" of the next
    label and the date after the table stand on lines of their own."""
    text = HEAD + "\n".join(
        [
            "指", "标", "名", "称", "计量 单位", "2012", "年度", "历年", "累计",
            "主动公开信息数", "条", "48", "154",
            "其中：", "1.", "政府网站公开数", "条", "48", "154",
            "2.", "政府公报公开数", "条", "0",
            "受理依申请公开信息总数", "条", "0",
            "其中：", "1.", "当面申请数", "条", "0",
            "对申请的答复总数", "条", "0",
            "其中：", "1.", "同意公开答复数", "条", "0",
            "3.", "不予公开答复总数", "条", "0",
            "4", "、其他类型答复数", "条", "0",
            "行政申诉数", "件", "0",
            "2013", "年", "1", "月", "4", "日",
        ]
    )  # fmt: skip
    got = values(text + "\n")
    assert got["old.proactive"] == (48, 154)
    assert got["old.proactive.gazette"] == (0, 0)
    assert got["old.replies.refused"] == (0, 0)  # not (0, 4): "4" numbers the next label
    assert got["old.replies.other"] == (0, 0)
    assert got["old.appeals"] == (0, 0)  # not (0, 2013): the date after the table


def test_one_value_where_the_copy_keeps_repeats_is_not_checkable():
    """平潭 2013: "2、政府公报公开 条 0" with an empty cell; which one cannot be told."""
    rows = [r if r[0] != "2.政府公报公开数" else r[:3] for r in ROWS]
    grid = facts(render("space", rows)).old_table
    assert grid.value("old.proactive.gazette", "year") is None
    assert [p.zh for p in grid.lost] == [
        "统计表“2.政府公报公开数”一行只有 1 个数值（应为 2 个：本年度、历年累计），"
        "无法确定哪一栏空缺，该行未核对"
    ]


NATIONAL = [
    ("统计指标", "单位", "统计数"),
    ("一、主动公开情况", "", ""),
    ("（一）主动公开政府信息数", "条", "1200"),
    ("其中：主动公开规范性文件数", "条", "35"),
    ("（二）通过不同渠道和方式公开政府信息的情况", "", ""),
    ("1.政府公报公开政府信息数", "条", "20"),
    ("2.政府网站公开政府信息数", "条", "1180"),
    ("三、依申请公开情况", "", ""),
    ("（一）收到申请数", "件", "12"),
    ("1.当面申请数", "件", "2"),
    ("2.传真申请数", "件", "0"),
    ("3.网络申请数", "件", "9"),
    ("4.信函申请数", "件", "1"),
    ("（二）申请办结数", "件", "12"),
    ("1.按时办结数", "件", "12"),
    ("2.延期办结数", "件", "0"),
    ("（三）申请答复数", "件", "12"),
    ("1.属于已主动公开范围数", "件", "3"),
    ("2.同意公开答复数", "件", "5"),
    ("3.同意部分公开答复数", "件", "1"),
    ("4.不同意公开答复数", "件", "1"),
    ("其中：涉及国家秘密", "件", "0"),
    ("涉及商业秘密", "件", "0"),
    ("涉及个人隐私", "件", "1"),
    ("危及国家安全、公共安全、经济安全和社会稳定", "件", "0"),
    ("不是《条例》所指政府信息", "件", "0"),
    ("法律法规规定的其他情形", "件", "0"),
    ("5.不属于本行政机关公开数", "件", "1"),
    ("6.申请信息不存在数", "件", "1"),
    ("7.告知作出更改补充数", "件", "0"),
    ("8.告知通过其他途径办理数", "件", "0"),
    ("四、行政复议数量", "件", "1"),
    ("（一）维持具体行政行为数", "件", "1"),
    ("（二）被依法纠错数", "件", "0"),
    ("（三）其他情形数", "件", "0"),
    ("五、行政诉讼数量", "件", "2"),
    ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "1"),
    ("（二）被依法纠错数", "件", "0"),
    ("（三）其他情形数", "件", "1"),
    ("六、举报投诉数量", "件", "0"),
    ("七、依申请公开信息收取的费用", "万元", "0"),
    ("八、机构建设和保障经费情况", "", ""),
    ("（三）从事政府信息公开工作人员数", "人", "5"),
    ("1.专职人员数", "人", "1"),
    ("2.兼职人员数", "人", "4"),
]


def national(rows=NATIONAL) -> str:
    head = HEAD.replace("七、附表", "七、附表：政府信息公开情况统计表")
    # the text agrees with this table (X401/X402 compare them): 12 requests, 1 review, 2 suits
    head = head.replace("受理依申请公开信息128条", "受理依申请公开信息12条").replace(
        "全市未发生因政府信息公开产生的行政复议、行政诉讼案件",
        "全市发生因政府信息公开产生的行政复议1件、行政诉讼2件",
    )
    return head + "".join("\t".join(r) + "\n" for r in rows) + TAIL


def test_the_national_family_is_mapped_by_label_and_its_sub_rows_by_their_group():
    grid = facts(national()).old_table
    assert grid.columns == ("year",)
    got = {row: grid.value(row, "year").value for row in grid.row_spans}
    assert got["old.closed.on_time"] == 12
    assert got["old.replies.other.already_public"] == 3
    assert (got["old.review.upheld"], got["old.review.other"]) == (1, 0)
    assert (got["old.litigation.upheld"], got["old.litigation.other"]) == (1, 1)
    assert got["old.staff.part_time"] == 4
    assert [f.code for f in lint(national())] == []


def test_a_national_family_group_that_does_not_add_up_is_found():
    rows = [r if r[0] != "（三）其他情形数" or r[2] != "1" else (*r[:2], "3") for r in NATIONAL]
    assert [(f.code, f.message) for f in lint(national(rows))] == [
        (
            "A303",
            "统计表“本年度”列：行政诉讼数 = 2，但 维持 + 纠错 + 其他情形 = 1 + 0 + 3 = 4，相差 2",
        )
    ]


def test_two_numbers_a_row_without_a_cumulative_header_are_not_guessed():
    """ "2015年 | 2014年" is not "本年度 | 历年累计": nothing is checked, E004 says why."""
    text = render("tab").replace("2015年\t历年累计", "2015年\t2014年")
    text = text.replace("3.信函、传真申请数\t条\t22\t294", "3.信函、传真申请数\t条\t22\t123")
    assert [(f.code, f.message) for f in lint(text)] == [
        ("E004", "统计表每行有多个数值，但表头没有“历年累计”栏，无法确定各栏含义，未核对")
    ]


XIAN_2011 = (
    "指标名称计量单位2011年度历年累计主动公开信息数条4251516其中：1.网站公开条41815092.政府公报公开"
    "条77受理依申请公开信息总数条00其中：1.当面申请数条002.传真申请数条003.电子邮件申请数条00"
    "4.网上申请数条005.信函申请数条006.其它形式申请数条00对申请的答复数条00其中：1.同意公开答复数条00"
    "2.同意部分公开答复数条003.否决公开答复数条00行政复议数条00行政诉讼数条00行政申诉数条00"
)


def test_glued_digits_are_split_where_the_identities_allow_one_split():
    """平潭县 2011: "条4251516" is 425 | 1516 only: 4 | 251516 and 42 | 51516 break 主动公开 ≥
    its channels; the "2" before ".政府公报公开" is that row's mark."""
    got = values(HEAD + XIAN_2011 + "\n" + TAIL)
    assert got["old.proactive"] == (425, 1516)
    assert got["old.proactive.website"] == (418, 1509)
    assert got["old.proactive.gazette"] == (7, 7)
    assert got["old.requests.other"] == (0, 0)


def test_glued_digits_with_several_splits_are_not_checkable():
    """平潭 2018: "条206912106" twice: 20 | 6912106, 206 | 912106 and 2069 | 12106 all hold."""
    text = XIAN_2011.replace("条4251516", "条206912106").replace("条41815092.", "条2069121062.")
    text = text.replace("条77受理", "条00受理")
    grid = facts(HEAD + text + "\n" + TAIL).old_table
    assert grid.value("old.proactive", "year") is None
    assert grid.value("old.requests", "cumulative").value == 0
    assert [p.zh for p in grid.lost] == [
        "统计表的数字粘连在一起（网页抓取副本）：“主动公开文件数（206912106）”“政府网站公开数"
        "（206912106）”有 3 种拆分都满足勾稽关系，这些行未核对"
    ]
