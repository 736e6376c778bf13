"""Tables in every layout read to the same facts; a layout that loses cells is never an error.

The builder of ``tables_helpers`` renders tables 二/三/四 as tab, space (PDF
text), pipe and one-cell-per-line text, and ``to_html`` / ``to_docx`` as a
web page and a Word document (read back through :mod:`gsilint.sources`);
``collapse`` is what a crawler that drops a line equal to the line before
makes of it, ``glue`` a crawler copy whose digits run together. The data are
the seeds' random consistent tables and the real tables of the corpus
reports (``fixtures/corpus_tables.json``, defects included).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import lint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tables_helpers import (
    COLS,
    T3_2019,
    T3_2021,
    T4_COLS,
    build,
    collapse,
    glue,
    to_docx,
    to_html,
)

from gsilint import Config
from gsilint.engine import lint_file
from gsilint.facts import Facts
from gsilint.findings import Severity
from gsilint.parse import parse
from gsilint.sources import source_from_text
from gsilint.sources.docx import read_docx_source
from gsilint.sources.html import read_html_source

KINDS = ["tab", "space", "pipe", "lines"]
#: Codes whose findings would come from misreading a table's layout.
READING = {"S101", "S103", "S104", "S109", "A303", "A304", "A305", "A306", "A307"}


def facts(text: str) -> Facts:
    src = source_from_text(text, "t.txt")
    return Facts(parse(src.text), Config())


def grid_values(f: Facts) -> dict:
    out = {}
    for name in ("t2", "t3", "t4"):
        g = getattr(f, name)
        if g is not None:
            out.update({k: (c.value, c.reported) for k, c in g.cells.items()})
    return out


def indent_prose(text: str) -> str:
    """Word "save as text": every prose line (a sentence) indented by a tab."""
    return "\n".join("\t" + ln if "。" in ln else ln for ln in text.split("\n"))


def codes(text: str) -> list[str]:
    return sorted(f.code for f in lint(text))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    year=st.sampled_from([2020, 2023]),
    kind=st.sampled_from(KINDS),
    seed=st.integers(0, 10_000),
    crlf=st.booleans(),
    indented=st.booleans(),
)
def test_every_lossless_layout_reads_like_the_tab_table(year, kind, seed, crlf, indented):
    canonical = build(year, kind="tab", seed=seed).text
    text = build(year, kind=kind, seed=seed).text
    if indented:
        text = indent_prose(text)
    if crlf:
        text = text.replace("\n", "\r\n")
    assert grid_values(facts(text)) == grid_values(facts(canonical))
    assert codes(text) == codes(canonical)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(year=st.sampled_from([2020, 2023]), seed=st.integers(0, 10_000))
def test_collapsed_equal_cells_are_read_where_the_identities_allow_and_never_an_error(year, seed):
    b = build(year, kind="lines", seed=seed)
    text = collapse(b.text)
    f = facts(text)
    # every cell that is read is the true value; cells the identities cannot place are left out
    for (row, col), cell in f.t3.cells.items():
        assert cell.value == b.t3[row][COLS.index(col)]
    for (_, col), cell in f.t4.cells.items():
        assert cell.value == b.t4[T4_COLS.index(col)]
    found = lint(text)
    assert not [x for x in found if x.severity == Severity.ERROR]
    assert not [x for x in found if x.code in READING]


def test_collapsed_zero_row_and_run_are_read_by_the_row_sum():
    b = build(2023, kind="lines")
    rows = {k: [0] * 7 for k, _ in T3_2021}
    rows["t3.new"] = [4, 1, 0, 0, 0, 0, 5]
    rows["t3.results.granted"] = [1, 0, 0, 0, 0, 0, 1]
    rows["t3.results.unable.not_held"] = [3, 1, 0, 0, 0, 0, 4]
    rows["t3.results.total"] = [4, 1, 0, 0, 0, 0, 5]
    text = collapse(build(2023, kind="lines", t3=rows, t4=[0] * 15).text)
    assert "\n0\n0\n" not in text  # the crawler kept one 0 for each zero row
    f = facts(text)
    for key, vals in rows.items():
        assert [f.t3.value(key, c).value for c in COLS] == vals, key
    assert [f.t4.value("t4.cases", c).value for c in T4_COLS] == [0] * 15
    found = lint(text)
    assert [x.code for x in found if x.code in READING] == []
    # only table 二's "规章 0 0 3" (now "0 3") is left ambiguous
    assert ["规章" in x.message for x in found if x.code == "E004"] == [True]
    assert b.text != text


def test_a_collapsed_row_wrong_under_every_reading_is_an_error():
    rows = {k: [0] * 7 for k, _ in T3_2021}
    rows["t3.new"] = [4, 1, 0, 0, 0, 0, 5]
    rows["t3.results.granted"] = [5, 0, 0, 0, 0, 0, 3]  # "5 0 3": 总计 3 < 5 whatever the runs
    rows["t3.results.total"] = [4, 1, 0, 0, 0, 0, 5]
    text = collapse(build(2023, kind="lines", t3=rows, t4=[0] * 15).text)
    errors = [x for x in lint(text) if x.severity == Severity.ERROR]
    # the row's own identity (总计 = the applicant columns) reports it, as failing for every reading
    assert [x.code for x in errors] == ["A305"]
    assert "每一种读法" in errors[0].message and "予以公开" in errors[0].message
    assert "总计 = 自然人 + 法人或其他组织各列" in errors[0].message


def test_an_ambiguous_collapsed_row_is_not_checkable_info():
    rows = {k: [0] * 7 for k, _ in T3_2021}
    b = build(2023, kind="lines", t3=rows, t4=[0] * 15)
    # table 二 "行政规范性文件 2 1 12" → "2 12": 本年废止 is 2 or 12
    text = collapse(b.text.replace("行政规范性文件\n2\n1\n12", "行政规范性文件\n2\n2\n12"))
    f = facts(text)
    g = f.t2
    assert g.value("t2.normative_documents", "issued").value == 2
    assert g.value("t2.normative_documents", "repealed") is None
    assert g.value("t2.normative_documents", "in_force").value == 12
    found = [x for x in lint(text) if x.code in READING | {"E004"} and "规范性文件" in x.message]
    assert [(x.code, x.severity) for x in found] == [("E004", Severity.INFO)]
    assert "2 种可能的读法" in found[0].message


@pytest.mark.parametrize("year", [2020, 2023])
def test_row_labels_in_a_one_cell_per_line_table_are_not_headings(year):
    f = facts(collapse(build(year, kind="lines").text))
    rows = T3_2021 if year >= 2021 else T3_2019
    titles = [s.heading.title for s in f.doc.sections]
    assert len(titles) == 6 and not any(label in titles for _, label in rows)
    assert f.numbering_issues == []


def test_a_heading_mark_on_its_own_line_takes_the_title_below():
    text = (
        "某局2020年政府信息公开工作年度报告\n一\n、总体情况\n本局认真落实条例。\n"
        "（一）\n主动公开情况\n本年主动公开信息41条。\n二、主动公开政府信息情况\n"
        "第二十条第（一）项\n信息内容\n本年新制作数量\n规章\n0\n规范性文件\n4\n6\n"
        "三、\n收到和处理政府信息公开申请情况\n本年未收到申请。\n"
        "（一）\n加强\n政府信息管理。\n结合上级部门要求，健全制度。\n"
    )
    doc = parse(text)
    outline = [(s.heading.mark.text, s.heading.title) for s in doc.all_sections()]
    assert outline == [
        ("一、", "总体情况"),
        ("（一）", "主动公开情况"),
        ("二、", "主动公开政府信息情况"),
        ("三、", "收到和处理政府信息公开申请情况"),
        ("（一）", "加强政府信息管理"),
    ]


@pytest.mark.parametrize("numeral_line", ["一\u2003\u2003\u2003", "\f\u3000\u3000一"])
def test_a_numeral_with_wide_spaces_or_a_page_break_still_takes_the_title_below(numeral_line):
    text = f"某局2020年政府信息公开工作年度报告\n{numeral_line}\n、总体情况\n本局认真落实条例。\n"
    assert [s.heading.title for s in parse(text).all_sections()] == ["总体情况"]


def test_an_old_statistics_row_is_not_table_four():
    text = collapse(build(2023, kind="lines").text)
    old = "\n".join(["行政复议数", "件", "0", "行政诉讼数", "件", "2"])
    f = facts(text.split("四、政府信息公开行政复议")[0] + old + "\n")
    assert f.t4 is None


def split_a_number(text: str, nth: int) -> str | None:
    """Break the ``nth`` multi-digit number on a line of its own over two lines ("1" / "62")."""
    lines = text.split("\n")
    many = [i for i, ln in enumerate(lines) if ln.isdigit() and len(ln) > 1 and ln[1] != "0"]
    if not many:
        return None
    i = many[nth % len(many)]
    lines[i : i + 1] = [lines[i][0], lines[i][1:]]
    return "\n".join(lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(year=st.sampled_from([2020, 2023]), seed=st.integers(0, 10_000), nth=st.integers(0, 50))
def test_a_number_broken_over_two_lines_is_joined_or_not_checkable_never_an_error(year, seed, nth):
    canonical = build(year, kind="lines", seed=seed).text
    text = split_a_number(canonical, nth)
    if text is None:
        return
    found = lint(text)
    assert not [x for x in found if x.severity == Severity.ERROR]
    assert not [x for x in found if x.code in READING]
    read, want = grid_values(facts(text)), grid_values(facts(canonical))
    assert all(want[k] == v for k, v in read.items())
    if not [x for x in found if x.code == "E004"]:
        assert read == want


REAL = Path(__file__).parent / "fixtures" / "real"


def test_putian_crawler_copy_one_cell_per_line_with_collapsed_runs():
    """莆田市应急管理局 2024: one cell per line, repeated adjacent lines dropped."""
    text = (REAL / "putian_yingjiju_2024.txt").read_text(encoding="utf-8")
    f = facts(text)
    t3 = {k: [f.t3.value(k, c).value for c in COLS] for k in f.t3.row_keys()}
    assert t3["t3.new"] == [4, 1, 0, 0, 0, 0, 5]
    assert t3["t3.results.unable.not_held"] == [3, 1, 0, 0, 0, 0, 4]
    assert t3["t3.results.total"] == [4, 1, 0, 0, 0, 0, 5]
    assert t3["t3.carry_forward"] == [0] * 7
    assert [f.t4.value("t4.cases", c).value for c in T4_COLS] == [0] * 15
    assert f.t2.value("t2.licensing", "decisions").value == 338
    # 行政规范性文件 "0 17": 本年废止 is 0 or 17 — not checkable, said once at info level
    assert f.t2.value("t2.normative_documents", "repealed") is None
    found = [(x.code, x.severity) for x in lint(text) if x.code in READING | {"E004"}]
    assert found == [("E004", Severity.INFO)]


def test_sanming_statistics_table_row_labels_are_not_headings():
    """三明市 2015: the old 统计表, one cell per line (CRLF); "2.网上申请数" is a row label."""
    text = (REAL / "sanming_shi_2015.txt").read_text(encoding="utf-8")
    assert not [x for x in lint(text) if x.code in {"S103", "S104"}]
    titles = [s.heading.title for s in parse(text).all_sections()]
    assert not any("申请数" in t or "公开数" in t for t in titles)


# -- the corpus reports' real tables in every layout ----------------------------------

CORPUS_TABLES = json.loads(
    (Path(__file__).parent / "fixtures" / "corpus_tables.json").read_text(encoding="utf-8")
)["reports"]
LOSSLESS = ["tab", "space", "pipe", "lines", "html", "docx"]


def corpus_report(i: int, kind: str = "tab", t3=None):
    d = CORPUS_TABLES[i]
    return build(d["year"], layout=d["layout"], kind=kind, t3=t3 or d["t3"], t4=d["t4"])


def render(i: int, kind: str, t3=None):
    """Report ``i``'s tables laid out as ``kind``: a Source, as gsilint reads a file."""
    if kind == "html":
        return read_html_source("t.html", to_html(corpus_report(i, "tab", t3).text))
    if kind == "docx":
        return read_docx_source("t.docx", to_docx(corpus_report(i, "tab", t3).text))
    return source_from_text(corpus_report(i, kind, t3).text, "t.txt")


def read(src) -> tuple[dict, list[str]]:
    """The table cells a Source reads to, and the codes of its findings."""
    f = Facts(parse(src.text), Config())
    return grid_values(f), sorted(x.code for x in lint_file(src, Config()).findings)


def test_the_corpus_tables_are_real_and_many():
    assert len(CORPUS_TABLES) >= 10
    assert {d["layout"] for d in CORPUS_TABLES} == {"2019", "2021"}
    # the data keep the reports' defects: 洪泽区 2023 table 四 总计 0 with 10 + 1 upheld/corrected
    assert any(d["t4"][:5] == [10, 1, 0, 0, 0] for d in CORPUS_TABLES)


@pytest.mark.parametrize("kind", LOSSLESS[1:])
@pytest.mark.parametrize("i", range(len(CORPUS_TABLES)), ids=lambda i: CORPUS_TABLES[i]["report"])
def test_a_corpus_table_reads_alike_in_every_lossless_layout(i, kind):
    want_cells, want_codes = read(render(i, "tab"))
    assert len(want_cells) >= 25 * 7 + 15
    assert read(render(i, kind)) == (want_cells, want_codes)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    i=st.integers(0, len(CORPUS_TABLES) - 1),
    row=st.integers(0, 30),
    col=st.integers(0, 6),
    delta=st.sampled_from([1, 2, 10]),
)
def test_a_changed_cell_is_caught_alike_in_every_lossless_layout(i, row, col, delta):
    t3 = {k: list(v) for k, v in CORPUS_TABLES[i]["t3"].items()}
    key = list(t3)[row % len(t3)]
    t3[key][col] += delta
    _, before = read(render(i, "tab"))
    cells, codes = read(render(i, "tab", t3))
    arithmetic = [c for c in codes if c.startswith("A30")]
    assert len(arithmetic) > len([c for c in before if c.startswith("A30")])
    for kind in LOSSLESS[1:]:
        assert read(render(i, kind, t3)) == (cells, codes), kind


def _errors(findings) -> list[str]:
    return sorted(x.code for x in findings if x.severity == Severity.ERROR)


@pytest.mark.parametrize("lossy", ["collapsed", "glued"])
@pytest.mark.parametrize("i", range(len(CORPUS_TABLES)), ids=lambda i: CORPUS_TABLES[i]["report"])
def test_a_corpus_table_in_a_lossy_layout_is_read_true_or_not_checked(i, lossy):
    canonical = corpus_report(i)
    want = grid_values(facts(canonical.text))
    if lossy == "collapsed":
        text = collapse(corpus_report(i, "lines").text)
    else:
        text = glue(canonical, CORPUS_TABLES[i]["layout"])
    got = grid_values(facts(text))
    # every cell read is the true one; cells the layout lost are left out, never guessed
    assert all(want[k] == v for k, v in got.items())
    found = lint(text)
    wrong = _errors(lint(canonical.text))
    if not wrong:
        assert _errors(found) == []
        assert not [x for x in found if x.code in READING]
    else:  # a real defect: reported, if at all, by the same rules
        assert set(_errors(found)) <= set(wrong)
    if got != want:
        lost = [x for x in found if x.code == "E004"] + [
            x for x in found if x.severity == Severity.ERROR and "读法" in x.message
        ]
        assert lost
