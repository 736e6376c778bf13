"""The parser: golden outlines of the seeds, headings, tables, closing, crawler copies."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SEEDS

from gsilint import document
from gsilint.inspection import outline
from gsilint.parse import parse
from gsilint.sources import source_from_text

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("GSILINT_UPDATE_SNAPSHOTS") == "1"


def outline_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    src = source_from_text(text, path.name)
    doc = parse(src.text)
    lines: list[str] = []

    def walk(items, depth):
        for it in items:
            pad = "  " * depth
            if "heading" in it:
                lines.append(f"{pad}{it['at']} {it['heading']} [¶{it['paragraphs']}]")
                walk(it.get("children", []), depth + 1)
            elif "table" in it:
                lines.append(f"{pad}{it['at']} <table {it['table']} {it.get('cells_per_row')}>")

    lines.append(f"title: {doc.title.text if doc.title else None}")
    walk(outline(doc, src), 0)
    c = doc.closing
    lines.append(
        "closing: "
        + (" | ".join(p.text for p in (c.remark, c.organisation, c.date) if p) if c else "none")
    )
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_outline_matches_snapshot(path):
    """Golden outline.

    Regenerate with GSILINT_UPDATE_SNAPSHOTS=1 after an intended change, and read the diff.
    """
    got = outline_text(path)
    snap = SNAPSHOTS / f"{path.stem[:3]}.outline.txt"
    if UPDATE or not snap.exists():
        snap.write_text(got, encoding="utf-8")
    assert got == snap.read_text(encoding="utf-8")


def test_heading_levels_and_marks():
    doc = parse(
        "标题2020年报告\n一、总体情况\n（一）主动公开\n1.网站\n（1）栏目\n①首页\n二、其他\n"
    )
    [one, two] = doc.sections
    assert [one.heading.mark.text, one.title, one.level] == ["一、", "总体情况", 1]
    sub = one.children[0]
    assert (sub.heading.mark.style, sub.heading.mark.number, sub.title) == (
        "paren_cn",
        1,
        "主动公开",
    )
    num = sub.children[0]
    assert (num.heading.mark.style, num.title) == ("num", "网站")
    assert num.children[0].heading.mark.style == "paren_num"
    assert num.children[0].children[0].heading.mark.style == "circled"
    assert two.title == "其他" and two.heading.mark.number == 2


def test_inline_enumeration_is_not_a_heading():
    doc = parse("一、概述\n一是加强领导。二是完善制度。\n")
    assert len(doc.sections) == 1
    assert isinstance(doc.sections[0].children[0], document.Paragraph)


def test_markdown_hashes_and_fullwidth_indent():
    doc = parse("## 一、总体情况\n\u3000\u3000（一）领导重视\n正文。\n")
    sec = doc.sections[0]
    assert sec.title == "总体情况" and sec.heading.hashes == 2
    assert sec.children[0].title == "领导重视"


def test_run_in_heading_splits_title_and_body():
    text = "（一）健全组织机构。成立由镇长任组长的领导小组。\n"
    doc = parse(text)
    h = doc.sections[0].heading
    assert h.title == "健全组织机构"
    assert text[h.title_span.start : h.title_span.end] == "健全组织机构"
    assert h.body.text == "成立由镇长任组长的领导小组。"
    assert text[h.body.span.start : h.body.span.end] == h.body.text


def test_tab_table_with_wrapped_label_and_blank_line():
    text = "三、收到和处理\n\n一、本年新收\t1\t2\n\n\t\t政府信息公开申请\n二、上年结转\t0\t0\n"
    doc = parse(text)
    [table] = list(doc.tables())
    assert table.kind == "tab"
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["一、本年新收", "1", "2"],
        ["", "", "政府信息公开申请"],
        ["二、上年结转", "0", "0"],
    ]
    cell = table.rows[0].cells[1]
    assert text[cell.span.start : cell.span.end] == "1"


def test_pipe_table_skips_separator():
    doc = parse("二、主动公开\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 3 |\n")
    [table] = list(doc.tables())
    assert table.kind == "pipe"
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["信息内容", "本年制发件数"],
        ["规章", "3"],
    ]


def test_space_separated_table_region_of_pdf_text():
    text = (
        "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，\n"
        "一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119\n"
        "四、结转下年度继续办理 103 0 0 0 0 0 103\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
    )
    doc = parse(text)
    assert [s.title for s in doc.sections] == [
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
    ]
    [table] = list(doc.tables())
    assert table.kind == "space"
    row = table.rows[1]
    assert [c.text for c in row.cells] == [
        "一、本年新收政府信息公开申请数量",
        "3001",
        "53",
        "0",
        "0",
        "61",
        "4",
        "3119",
    ]


def test_closing_block_with_chinese_date():
    doc = parse(
        "一、概述\n内容。\n特此报告。\n\u3000\u3000掌起镇人民政府\n\u3000二○一八年一月十五日\n\n"
    )
    c = doc.closing
    assert c.remark.text == "特此报告。"
    assert c.organisation.text == "掌起镇人民政府"
    assert c.date.text == "二○一八年一月十五日"


def test_traditional_script_parses_like_simplified():
    trad = parse("一、概述\n二、主動公開政府信息情況\n（一）主動公開政府信息的數量\n")
    simp = parse("一、概述\n二、主动公开政府信息情况\n（一）主动公开政府信息的数量\n")
    assert [s.heading.mark.text for s in trad.sections] == [
        s.heading.mark.text for s in simp.sections
    ]
    assert trad.simplified[: len(simp.text)] == simp.text


def test_crlf_input_positions():
    text = "一、总体情况\r\n内容。\r\n二、主动公开\r\n"
    doc = parse(text)
    assert [s.title for s in doc.sections] == ["总体情况", "主动公开"]
    h = doc.sections[1].heading
    assert text[h.span.start : h.span.end] == "二、主动公开"


def test_crawler_copy_recovers_headings_and_maps_back():
    body = (
        "当前位置： 首页 --> 根据《条例》编制本报告。"
        + "内容" * 200
        + "提供了重要保障。二、主动公开政府信息情况 "
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件693665"
        "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和）一、本年新收政府信息公开申请数量640020470"
    )
    text = (
        "标题: 某区2021年度政府信息公开工作年度报告\n"
        "==================== 正文 ====================\n" + body + "\n"
    )
    src = source_from_text(text, "crawler.txt")
    assert src.text != src.original  # line breaks were inserted
    doc = parse(src.text)
    titles = [s.title for s in doc.sections]
    assert titles == ["主动公开政府信息情况", "收到和处理政府信息公开申请情况"]
    assert doc.metadata["标题"].value == "某区2021年度政府信息公开工作年度报告"
    h = doc.sections[0].heading
    orig = src.to_original(h.span.start)
    assert src.original[orig : orig + 4] == "二、主动"
    assert src.index.position(orig)[0] == 3
    assert all(t.glued for t in doc.tables())
