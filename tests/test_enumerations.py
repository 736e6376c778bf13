"""Inline enumerations (S111, gsilint/facts/enumerations.py) and thin sections (S112)."""

from __future__ import annotations

import pytest
from conftest import brief, lint

from gsilint.facts.enumerations import EnumMark, enumeration_marks, series_issues
from gsilint.positions import Span


def kinds(text: str) -> list[tuple[str, str, str]]:
    """(kind, mark, previous mark) of each issue in one run of prose."""
    out = []
    for marks in enumeration_marks(text, 0):
        out += [(i.kind, i.mark.text, i.previous.text) for i in series_issues(marks)]
    return out


@pytest.mark.parametrize(
    "text, want",
    [
        ("一是甲；二是乙；三是丙。", []),
        ("一是甲；三是丙。", [("gap", "三是", "一是")]),
        ("一是甲；二是乙；三是丙；三是丁。", [("repeat", "三是", "三是")]),
        ("一是甲；二是乙；三是丙；二是丁。", [("back", "二是", "三是")]),
        # a new series in a new sub-topic is a restart
        ("问题：一是甲；二是乙。措施：一是丙；二是丁；三是戊。", []),
        # nested: 三是 opens a list of its own, then the outer list goes on
        ("一是甲。二是乙。三是丙：一是a，二是b。四是丁。", []),
        # the same number twice in a row, nested or not
        ("一是推进清单公开。一是按照法律清理。二是按照要求公开。", [("repeat", "一是", "一是")]),
        ("第一，加强领导；第二，完善制度；第四，强化监督。", [("gap", "第四", "第二")]),
        ("（1）专项经费；（2）物资采购；（2）工程发包。", [("repeat", "（2）", "（2）")]),
        ("①专项经费；③工程发包。", [("gap", "③", "①")]),
        # words, not list items
        ("服务第一，质量第一。唯一是要确保准确，统一是基础，第一季度完成。", []),
        ("一是否公开要审查。二是否公开要审查。", []),
    ],
)
def test_series(text, want):
    assert kinds(text) == want


def test_nested_readings_that_fit_say_nothing():
    marks = [EnumMark(Span(i, i + 2), f"{n}", "shi", n) for i, n in enumerate([1, 2, 1, 2, 3, 3])]
    # 三 twice in a row is a repeat whichever list it belongs to
    assert [i.kind for i in series_issues(marks)] == ["repeat"]
    marks = [EnumMark(Span(i, i + 2), f"{n}", "shi", n) for i, n in enumerate([1, 2, 1, 2, 5])]
    assert series_issues(marks) == []  # nested: which list skipped is not clear


def test_s111_real_wording_positions_and_message():
    text = (
        "平潭综合实验区2023年度政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n"
        "存在的问题主要有：一是部分单位信息发布属性界定还不够精确；三是开拓创新不够有力；"
        "三是政策解读的质量有待提高。\n"
    )
    fs = lint(text, select="S111")
    assert brief(fs) == [("S111", 3, 30), ("S111", 3, 41)]
    assert fs[0].message == "列举跳号：“一是”（第3行）之后是“三是”，缺少“二是”"
    assert fs[1].message == "列举编号重复：前一项（第3行）也是“三是”"
    assert fs[0].related[0].location.column == 10


def test_s111_items_that_open_paragraphs_and_a_heading_inside_a_run():
    text = (
        "某局2022年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n"
        "一是加强业务培训。\n二是规范公开流程。\n四是强化政策解读。\n"
        "六、其他需要报告的事项\n一是无收费。\n"
    )
    assert brief(lint(text, select="S111")) == [("S111", 5, 1)]
    # a flattened copy: （二） inside the run starts a new run
    flat = (
        "某局2015年政府信息公开工作年度报告\n一、概述\n"
        "一是甲。二是乙。（二）改进措施 二是丙。三是丁。\n"
    )
    assert lint(flat, select="S111") == []


def test_s112_says_nothing_short_and_enough():
    base = (
        "某局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局全面推进政府信息公开工作。\n"
        "五、存在的主要问题及改进情况\n{body}\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"
    )
    [f] = lint(base.format(body="暂无。"), select="S112")
    assert (f.code, f.line, f.column, f.severity.label) == ("S112", 4, 1, "warning")
    assert "只写了“暂无”" in f.message
    [f] = lint(base.format(body="我局工作还存在一些不足，下一步将继续加强。"), select="S112")
    assert "只有19个字" in f.message and "少于40字" in f.message
    enough = (
        "一是政策解读形式较为单一；二是信息更新不够及时。"
        "下一步，我局将丰富解读形式，建立信息更新台账。"
    )
    assert lint(base.format(body=enough), select="S112") == []
    # no heading at all is S101's, an empty one S106's
    assert lint(base.format(body=""), select="S112") == []
