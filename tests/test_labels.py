"""Tolerant matching of written labels to the template's (gsilint.tables.labels)."""

from __future__ import annotations

import pytest

from gsilint.tables.labels import LabelMatch, label_key, last_label, match_label

ROWS = [
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
]
HEADINGS = ["政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]


def test_punctuation_numbering_and_script_do_not_count():
    assert label_key("信函、传真") == label_key("信函（传真）") == "信函传真"
    assert label_key("（三） 2. 其他法律行政法规禁止公开") == "其他法律行政法规禁止公开"
    assert match_label("屬於國家秘密", ROWS) == LabelMatch("1.属于国家秘密", True)


def test_last_label_drops_the_group_title_in_front():
    assert last_label("（三）不予公开 1.属于国家秘密") == "属于国家秘密"
    assert last_label("三、本年度办理结果 （一）予以公开") == "予以公开"
    assert last_label("规章") == "规章"


@pytest.mark.parametrize(
    ("written", "label", "edits"),
    [
        ("其他法律行政止公开", "2.其他法律行政法规禁止公开", 3),  # three characters left out
        ("保护第三方合权益", "4.保护第三方合法权益", 1),
        ("政府信息公开行政法复议、行政诉讼情况", HEADINGS[0], 1),  # one added
        ("存在的主要问题及改近情况", HEADINGS[1], 1),  # one replaced
    ],
)
def test_misspellings_match_tolerantly(written, label, edits):
    assert match_label(written, ROWS + HEADINGS) == LabelMatch(label, False, edits)


@pytest.mark.parametrize(
    "written",
    [
        "其他法律行政法规禁止公",  # truncated (a wrapped cell)
        "规范性文件",  # differs at the start
        "存在的主要问题及改进措施",  # a word swapped
        "其他需要说明的事项",
        "存在主要问题及改进情况",  # 的 left out: wording
        "政府信息公开行政复议和行政诉讼情况",  # 和 for 、
        "其他法律行政公开",  # four characters left out of twelve: too far
        "属于国家",  # a short label gets no tolerance for a missing end
    ],
)
def test_wording_variants_and_distant_labels_do_not_match(written):
    assert match_label(written, ROWS + HEADINGS) is None


def test_an_allowed_variant_is_an_exact_match():
    m = match_label(
        "政府信息公开行政复议和行政诉讼情况", HEADINGS, ["政府信息公开行政复议和行政诉讼情况"]
    )
    assert m == LabelMatch("政府信息公开行政复议和行政诉讼情况", True)


def test_two_equally_close_labels_are_no_match():
    assert match_label("属于行政X项", ["属于行政查询事项", "属于行政执法事项"]) is None
    assert match_label("属于行政查事项", ["属于行政查询事项", "属于行政执法事项"]) is not None


def test_a_row_label_no_fragment_matches_is_mapped_by_its_misspelt_label():
    from conftest import lint
    from tables_helpers import build

    from gsilint import Config
    from gsilint.facts import Facts
    from gsilint.parse import parse

    text = build(2023).text.replace("行政事业性收费\t12.5", "行政事业姓收费\t12.5")
    assert "行政事业姓收费" in text
    f = Facts(parse(text), Config())
    assert f.t2.value("t2.fees", "amount").text == "12.5"
    [finding] = lint(text, select="T508")
    assert finding.message == "表二栏目名称“行政事业姓收费”有误，应为“行政事业性收费”"
    assert (finding.line, finding.column) == (text.split("\n").index("行政事业姓收费\t12.5") + 1, 1)
