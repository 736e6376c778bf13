"""HTML pages: article text and tables, merged cells expanded, chrome ignored, true locations."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from gsilint import Config
from gsilint.api import check_paths
from gsilint.parse import parse
from gsilint.sources import InputError, load_path
from gsilint.sources.html import MAX_TABLE_CELLS, html_to_source

HTML = Path(__file__).parent / "fixtures" / "html"

PAGE = """<!DOCTYPE html>
<html><head><title>年报_网站</title><style>p { color: red }</style>
<script>var s = "<p>一、不是正文</p>";</script></head>
<body>
<div class="header"><a href="/">首页</a> \
<ul class="nav"><li>政务公开</li><li>互动交流</li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 年报</div>
<div class="article_title">示例县2023年政府信息公开工作年度报告</div>
<div class="main"><div class="content">
<p>&nbsp;&nbsp;本报告根据《条例》编制。</p>
<!-- gsilint-disable S101 -->
<p><span style="font-family:黑体">一、总体情况</span></p>
<p>2023年，本县主动公开
   信息12条&amp;解读3篇。<br>全年收到申请5件。</p>
<table border="1"><tbody>
<tr><td colspan="2">信息内容</td><td>数量</td></tr>
<tr><td rowspan="2">规章</td><td>制发</td><td>1</td></tr>
<tr><td>废止</td><td>&nbsp;</td></tr>
</tbody></table>
<p>二、主动公开政府信息情况</p>
<div class="share">分享到微信</div>
</div></div>
<div class="footer">版权所有 示例县人民政府</div>
<script>alert(1)</script>
</body></html>
"""


def _source(text: str = PAGE):
    return html_to_source("page.html", text)


def test_article_is_flattened_into_lines_and_tab_rows():
    src = _source()
    assert src.kind == "html"
    assert src.text.split("\n") == [
        "示例县2023年政府信息公开工作年度报告",
        "本报告根据《条例》编制。",
        "<!-- gsilint-disable S101 -->",
        "一、总体情况",
        "2023年，本县主动公开 信息12条&解读3篇。",
        "全年收到申请5件。",
        "信息内容\t\t数量",
        "规章\t制发\t1",
        "\t废止\t",
        "二、主动公开政府信息情况",
    ]


def _pos(src, flat_offset: int) -> tuple[int, int]:
    return src.index.position(src.to_original(flat_offset))


def test_every_piece_maps_to_its_place_in_the_html():
    src = _source()
    lines = PAGE.split("\n")

    def at(needle: str, nth: int = 0) -> tuple[int, int]:
        pos = -1
        for _ in range(nth + 1):
            pos = src.text.index(needle, pos + 1)
        return _pos(src, pos)

    assert at("示例县2023") == (7, 28)
    assert lines[6][27:].startswith("示例县2023")
    assert at("本报告") == (9, 16)  # after the two &nbsp; entities
    assert at("一、总体情况") == (11, 33)
    assert at("信息12条") == (13, 4)  # the wrapped source line
    assert at("&解读") == (13, 9)  # the entity maps to its "&amp;"
    assert lines[12][8:13] == "&amp;"
    assert at("解读3篇") == (13, 14)
    assert at("全年收到") == (13, 23)
    assert at("规章") == (16, 21)
    assert lines[15][20:22] == "规章"
    assert at("废止") == (17, 9)
    # the inserted tab before a cell maps to that cell's <td>
    tab = src.text.index("\t废止")
    assert _pos(src, tab) == (17, 5)
    assert lines[16][4:10] == "<td>废止"


def test_parsed_structure_of_the_page():
    src = _source()
    doc = parse(src.text)
    assert doc.title.text == "示例县2023年政府信息公开工作年度报告"
    assert [s.heading.title for s in doc.sections] == ["总体情况", "主动公开政府信息情况"]
    [table] = list(doc.tables())
    assert table.kind == "tab"
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["信息内容", "", "数量"],
        ["规章", "制发", "1"],
        ["", "废止", ""],
    ]
    cell = table.rows[1].cells[2]
    assert _pos(src, cell.span.start) == (16, 43)
    assert [d.text for d in doc.directives] == ["<!-- gsilint-disable S101 -->"]
    assert _pos(src, doc.directives[0].span.start) == (10, 1)


def test_findings_point_into_the_html_file(tmp_path):
    p = tmp_path / "page.html"
    # the page's "gsilint-disable S101" comment would suppress what this test looks at
    p.write_text(PAGE.replace("gsilint-disable S101", "gsilint-disable T501"), encoding="utf-8")
    [result] = check_paths([str(p)], Config(select=("S101",)))
    # four statutory sections are missing after the page's last heading, which
    # ends at line 19 column 16 of the HTML file: "<p>二、主动公开政府信息情况|</p>"
    assert [(f.code, f.line, f.column) for f in result.findings] == [("S101", 19, 16)] * 4
    assert any("收到和处理政府信息公开申请情况" in f.message for f in result.findings)
    assert PAGE.split("\n")[18][:15] == "<p>二、主动公开政府信息情况"


def test_title_inside_article_is_not_repeated():
    page = PAGE.replace(
        '<div class="content">', '<div class="content"><p>示例县2023年政府信息公开工作年度报告</p>'
    )
    src = _source(page)
    assert src.text.split("\n")[:2] == [
        "示例县2023年政府信息公开工作年度报告",
        "本报告根据《条例》编制。",
    ]
    assert _pos(src, 0) == (8, 43)  # the article's own title line, not the page header


def test_fragment_without_body_or_chrome():
    src = _source(
        "<p>一、总体情况</p><p>正文。</p>\n<table><tr><th>a</th><th>b</th></tr><tr><td>1<td>2</table>"
    )
    assert src.text == "一、总体情况\n正文。\na\tb\n1\t2"
    assert _pos(src, src.text.index("2")) == (2, 50)


def test_cell_paragraphs_join_without_space_for_chinese():
    src = _source(
        "<table><tr><td><p>本年新收</p><p>申请数量</p></td><td><p>12</p><p>件</p></td><td>a<br>b</td></tr></table>"
    )
    assert src.text == "本年新收申请数量\t12件\ta b"


def test_rowspan_and_colspan_grid():
    table = (
        "<table><tr><td rowspan=3>A</td><td colspan=2>B</td><td rowspan=2>C</td></tr>"
        "<tr><td>d</td><td>e</td></tr><tr><td>f</td><td colspan=2>g</td></tr></table>"
    )
    assert _source(table).text.split("\n") == ["A\tB\t\tC", "\td\te\t", "\tf\tg\t"]


def test_rowspan_past_the_table_end_and_bogus_spans():
    src = _source(
        "<table><tr><td rowspan=9999>A</td><td colspan=x>B</td></tr><tr><td>c</td></tr></table>"
    )
    assert src.text.split("\n") == ["A\tB", "\tc"]


def test_table_cell_limit():
    big = "<table>" + "<tr><td colspan=1000>x</td></tr>" * 11 + "</table>"
    with pytest.raises(InputError) as exc:
        _source(big)
    assert str(MAX_TABLE_CELLS) in exc.value.message_zh


def test_table_limit_is_e001(tmp_path):
    p = tmp_path / "big.htm"
    p.write_text(
        "<p>一、总体情况</p><table>" + ("<tr>" + "<td>1</td>" * 101 + "</tr>") * 100 + "</table>",
        encoding="utf-8",
    )
    [result] = check_paths([str(tmp_path)], Config())
    assert [(f.code, f.line) for f in result.findings] == [("E001", 1)]
    assert "10000" in result.findings[0].message


def test_deep_nesting_and_many_elements_are_bounded():
    deep = "<div>" * 50000 + "<p>一、总体情况</p>" + "</div>" * 50000
    t = time.perf_counter()
    src = _source(deep)
    assert src.text == "一、总体情况"
    assert time.perf_counter() - t < 10


def test_entities_are_not_expanded_recursively():
    src = _source("<p>&lt;b&gt; &#x4E00;&#20108; &bogus; &#99999999; &amp;amp;</p>")
    assert src.text == "<b> 一二 &bogus; \ufffd &amp;"


def test_meta_charset_gb2312_page(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "</head><body><p>一、总体情况</p></body></html>"
    )
    p = tmp_path / "gb.html"
    p.write_bytes(page.encode("gb18030"))
    src = load_path(str(p))
    assert (src.text, src.encoding) == ("一、总体情况", "gb18030")


def test_page_without_text_is_e001(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    [result] = check_paths([str(p)], Config())
    assert [f.code for f in result.findings] == ["E001"]


# -- the real pages -------------------------------------------------------------


def _cells_map_back(src, doc) -> None:
    """Every table cell and heading maps to the HTML text that holds it."""
    for table in doc.tables():
        for row in table.rows:
            for cell in row.cells:
                if cell.text and cell.text[0] not in "&":
                    at = src.to_original(cell.span.start)
                    assert src.original[at] == cell.text[0], (cell.text, src.original[at : at + 20])
    for h in (s.heading for s in doc.all_sections()):
        at = src.to_original(h.mark.span.start)
        assert src.original[at : at + len(h.mark.text)] == h.mark.text


def test_real_pingtan_2024_page():
    src = load_path(str(HTML / "pingtan_syq_2024.html"))
    doc = parse(src.text)
    assert doc.title.text == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert [f"{s.heading.mark.text}{s.heading.title}" for s in doc.sections] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    tables = list(doc.tables())
    assert [(t.kind, len(t.rows), len(t.rows[0].cells)) for t in tables] == [
        ("tab", 14, 4),
        ("tab", 28, 10),
        ("tab", 4, 15),
    ]
    rows = {r.cells[0].text or r.cells[1].text: [c.text for c in r.cells] for r in tables[1].rows}
    assert rows["一、本年新收政府信息公开申请数量"][3:] == ["217", "1", "0", "0", "0", "0", "218"]
    assert [c.text for c in tables[2].rows[3].cells] == "2 1 3 1 7 0 0 0 0 0 13 2 4 0 19".split()
    # no site chrome in the text
    for chrome in ("无障碍", "长者模式", "当前位置", "分享到", "版权所有", "网站地图"):
        assert chrome not in src.text
    _cells_map_back(src, doc)
    # the table total "218" sits on the HTML line that holds it
    cell = tables[1].rows[-2].cells[-1]
    line, col = src.index.position(src.to_original(cell.span.start))
    assert src.index.line_text(line - 1)[col - 1 : col + 2] == "218"


def test_real_shanghai_fragment_with_blank_total_cells():
    src = load_path(str(HTML / "shanghai_szfbgt_2019.html"))
    doc = parse(src.text)
    assert doc.title.text == "2019年上海市人民政府办公厅政府信息公开工作年度报告"
    assert [s.heading.mark.text for s in doc.sections] == [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "六、",
    ]
    tables = list(doc.tables())
    t3 = next(
        t for t in tables if any(c.text.startswith("（七）总计") for r in t.rows for c in r.cells)
    )
    total = next(r for r in t3.rows if r.cells[1].text == "（七）总计")
    assert [c.text for c in total.cells[3:]] == ["767", "35", "", "", "2", "1", "805"]
    # rows of the results block have their 总计 cell left blank, as published
    granted = next(r for r in t3.rows if r.cells[1].text == "（一）予以公开")
    assert granted.cells[-1].text == ""
    _cells_map_back(src, doc)


def test_no_traceback_on_mangled_pages(tmp_path):
    base = (HTML / "pingtan_syq_2024.html").read_text(encoding="utf-8")
    variants = {
        "truncated.html": base[: len(base) // 2],
        "unclosed.html": base.replace("</td>", "").replace("</tr>", ""),
        "tags_only.html": "<" * 1000 + "<p" * 1000,
        "stray.html": "</table></tr><td rowspan=-5 colspan=0>一、总体情况</td></p></div>",
        "binary.html": "\x00\x01<p>x</p>",
    }
    for name, text in variants.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    results = check_paths([str(tmp_path)], Config())
    assert len(results) == len(variants)
    for r in results:
        assert all(f.code != "E002" or "内部错误" not in f.message for f in r.findings), r.path


def test_staggered_word_grid_is_compacted_under_its_headers():
    # Word exports: the header "本年增/减" spans columns 2-3, the value above it
    # spans 1-2: column 2 starts no value and is folded away.
    table = (
        "<table><tr><td colspan=5>第二十条第（五）项</td></tr>"
        "<tr><td>信息内容</td><td>上一年项目数量</td>"
        "<td colspan=2>本年增/减</td><td>处理决定数量</td></tr>"
        "<tr><td>行政许可</td><td colspan=2>396</td><td>0</td><td>181</td></tr></table>"
    )
    src = _source(table)
    assert src.text.split("\n") == [
        "第二十条第（五）项\t\t\t\t",
        "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
        "行政许可\t396\t0\t181",
    ]
    doc = parse(src.text)
    value = list(doc.tables())[0].rows[2].cells[2]
    assert value.text == "0" and src.original[src.to_original(value.span.start) - 4 :].startswith(
        "<td>0</td>"
    )


def test_real_pingtan_2021_staggered_table_three():
    page = (Path(__file__).parent / "fixtures" / "html" / "pingtan_syq_2021_t3.html").read_text(
        encoding="utf-8"
    )
    src = _source(page)
    rows = [line.split("\t") for line in src.text.split("\n") if "\t" in line]
    header = next(r for r in rows if "商业企业" in r)
    first = next(r for r in rows if r[0].startswith("一、本年新收"))
    assert len(header) == len(first) == 10
    assert first[3:] == ["64", "0", "0", "2", "0", "4", "70"]
    assert header[3:9] == ["", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


@pytest.mark.parametrize(
    "junk",
    [
        "<a " * 30000,
        "<a b='" * 30000,
        "<!--" * 30000,
        "<a " * 30000 + ">",
        "<!--" * 30000 + ">",
        "<![foo" * 30000,
    ],
)
def test_unterminated_markup_is_linear(junk):
    # the standard parser rescans an unterminated construct from every "<" (quadratic)
    t = time.perf_counter()
    src = _source("<p>一、总体情况</p>" + junk)
    assert src.text.startswith("一、总体情况")
    assert time.perf_counter() - t < 5


def test_word_conditional_sections_and_stray_less_than():
    src = _source("<p><![if !supportLists]>1.<![endif]>属于国家秘密</p><p>a < b，3<5</p><p>尾 <a")
    assert src.text.split("\n") == ["1.属于国家秘密", "a < b，3<5", "尾 <a"]
    assert _pos(src, src.text.index("<a")) == (1, 68)  # the last "<a" of the page


def test_element_limit_is_named(monkeypatch):
    import gsilint.sources.html as html_reader

    monkeypatch.setattr(html_reader, "MAX_ELEMENTS", 1000)
    with pytest.raises(InputError) as exc:
        _source("<p>一、总体情况</p>" + "<td>1</td>" * 1001)
    assert "1000 个元素上限" in exc.value.message_zh


def test_big5_page_declared_big5(tmp_path):
    page = '<meta charset="big5"><p>一、總體情況</p><p>本機關公開資訊。</p>'
    p = tmp_path / "tw.htm"
    p.write_bytes(page.encode("cp950"))
    src = load_path(str(p))
    assert (src.text, src.encoding) == ("一、總體情況\n本機關公開資訊。", "cp950")


def test_article_header_is_kept_page_header_is_not():
    page = (
        "<body><header><h1>网站名称</h1><p>首页 政务公开</p></header><main><article>"
        "<header><h1>示例县2023年政府信息公开工作年度报告</h1></header>"
        "<p>一、总体情况</p><p>本县主动公开信息12条。</p><footer>（此件公开发布）</footer></article></main>"
        "<footer>版权所有 示例县人民政府</footer></body>"
    )
    assert _source(page).text.split("\n") == [
        "示例县2023年政府信息公开工作年度报告",
        "一、总体情况",
        "本县主动公开信息12条。",
        "（此件公开发布）",
    ]


def _e001s(tmp_path, page: bytes) -> list[tuple[int, int, str, str]]:
    p = tmp_path / "page.html"
    p.write_bytes(page)
    [result] = check_paths([str(p)], Config(select=("E001",)))
    return [(f.line, f.column, f.severity.label, f.message) for f in result.findings]


def test_broken_bytes_in_a_page_are_replaced_and_reported_where_they_are(tmp_path):
    good = PAGE.encode("utf-8")
    at = good.index("主动公开政府信息情况".encode())
    page = good[:at] + b"\xff" + good[at:]
    line = good[:at].decode().count("\n") + 1
    column = len(good[:at].decode().rsplit("\n", 1)[-1]) + 1
    [(*where, message)] = _e001s(tmp_path, page)
    assert where == [line, column, "warning"] and f"第一处在第 {at} 字节" in message


def test_broken_bytes_outside_the_text_are_reported_with_their_byte(tmp_path):
    # in a tag's attribute: the replacement character is not in the checked text
    good = PAGE.encode("utf-8")
    at = good.index(b"<p>")
    page = good[:at] + b'<p title="\xff">' + good[at + 3 :]
    [(_, _, severity, message)] = _e001s(tmp_path, page)
    # placed where the checked text starts; the message gives the byte
    assert severity == "warning" and f"第一处在第 {at + 10} 字节" in message
    assert _e001s(tmp_path, good) == []
