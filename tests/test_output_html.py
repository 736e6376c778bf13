"""``--format html``: the reviewer's page — structure, placing, escaping, every input format.

The page is parsed back with html5lib (strict: any parse error fails) and read
as a tree, so the tests see what a browser builds, not the bytes.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from pathlib import Path

import html5lib
import pytest
from click.testing import CliRunner
from conftest import seed_text

from gsilint import Config
from gsilint.cli import main
from gsilint.engine import lint_source
from gsilint.findings import Issue
from gsilint.output import OutputOptions, load_formats
from gsilint.parse import parse
from gsilint.positions import Span
from gsilint.resolve import make_finding
from gsilint.rules import load_rules
from gsilint.run import FileResult
from gsilint.sources import load_path, source_from_text

HERE = Path(__file__).parent
#: a report whose table 三 row （一）予以公开 says 总计 51 for 50 + 0 + … = 50 (A305, A304)
TABLE_SUM = (HERE / "rules" / "A305" / "bad.txt").read_text(encoding="utf-8")
INJECTION = '<script>alert("x")</script> & "quoted" \'single\' <img src=x onerror=alert(1)>'


def render(results, **opts) -> str:
    out = io.StringIO()
    load_formats()["html"](results, out, OutputOptions(**opts))
    return out.getvalue()


def tree(page: str):
    """The page as a browser would build it; a parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(page)


def text_of(el) -> str:
    return "".join(el.itertext())


def classes(el) -> set[str]:
    return set(el.get("class", "").split())


def result_of(text: str, path: str = "reports/r.txt", **cfg) -> FileResult:
    source = source_from_text(text, path)
    return FileResult(path, lint_source(source, Config(**cfg)), source, config=Config(**cfg))


def marked(root, k: int, attr: str = "data-f") -> list:
    return [e for e in root.iter() if str(k) in e.get(attr, "").split()]


# --- structure --------------------------------------------------------------------------


def test_one_report_page_parses_and_counts_its_findings():
    r = result_of(TABLE_SUM)
    page = render([r])
    root = tree(page)
    assert page.startswith("<!DOCTYPE html>")
    assert root.get("lang") == "zh-CN"
    assert text_of(root.find(".//*[@id='total-count']")) == str(len(r.findings))
    items = root.findall(".//li[@class]")
    items = [li for li in items if "finding" in classes(li)]
    assert [li.get("data-code") for li in items] == [f.code for f in r.findings]
    # one report: no overview
    assert root.find(".//*[@id='overview']") is None
    # headings and tables are drawn as such
    article = root.find(".//article")
    assert text_of(article.find("h3")) == "一、总体情况"
    drawn = [t for t in parse(TABLE_SUM).tables() if not t.glued]
    assert len(article.findall(".//table")) == len(drawn) > 4
    assert [[text_of(td) for td in tr] for tr in article.findall(".//table")[-1].iter("tr")] == [
        [c.text for c in row.cells] for row in drawn[-1].rows
    ]


def test_a_table_sum_marks_the_cell_and_its_operands():
    r = result_of(TABLE_SUM, select=("A305",))
    (f,) = r.findings
    root = tree(render([r]))
    # the finding: the cell holding 51, shaded, with its text underlined inside it
    cells = [e for e in marked(root, 0) if e.tag == "td"]
    assert [text_of(c) for c in cells] == ["51"]
    assert {"c", "f", "s3"} <= classes(cells[0])
    spans = [e for e in marked(root, 0) if e.tag == "mark"]
    assert [text_of(m) for m in spans] == ["51"]
    # the operands: each related place is a cell in the second colour, reachable by its token
    assert len(f.related) >= 7
    for j, rel in enumerate(f.related):
        token = f"0.{j}"
        found = [e for e in root.iter() if token in e.get("data-r", "").split()]
        assert found, f"related {j} ({rel.message}) not drawn"
        assert "r" in classes(found[0])
    related_values = {
        text_of(e) for e in root.iter() if e.tag == "td" and "0" in e.get("data-rk", "").split()
    }
    assert {"50", "0", "51"} <= related_values
    # the panel links each related place
    links = [a for a in root.iter("a") if "rl" in classes(a)]
    assert [a.get("data-r") for a in links] == [f"0.{j}" for j in range(len(f.related))]
    assert "（一）予以公开" in text_of(links[1]) or any("予以公开" in text_of(a) for a in links)


def test_findings_are_listed_by_place_and_carry_severity_and_family():
    r = result_of(TABLE_SUM)
    root = tree(render([r]))
    items = [li for li in root.iter("li") if "finding" in classes(li)]
    places = [(f.line, f.column) for f in r.findings]
    assert places == sorted(places)
    shown = [re.search(r"第 (\d+) 行第 (\d+) 列", text_of(li)).groups() for li in items]
    assert [(int(a), int(b)) for a, b in shown] == places
    assert {li.get("data-sev") for li in items} <= {"error", "warning", "info"}
    assert all(li.get("data-fam") == li.get("data-code")[0] for li in items)
    # filters offer the families present and the three severities
    fams = [i.get("value") for i in root.iter("input") if "flt-fam" in classes(i)]
    assert fams == sorted({f.code[0] for f in r.findings})
    sevs = [i.get("value") for i in root.iter("input") if "flt-sev" in classes(i)]
    assert sevs == ["error", "warning", "info"]


def test_rule_explanations_are_in_the_page_for_the_rules_found():
    r = result_of(TABLE_SUM)
    root = tree(render([r]))
    docs = {d.get("id"): d for d in root.iter("details")}
    assert set(docs) == {f"rule-{f.code}" for f in r.findings}
    a305 = text_of(docs["rule-A305"].find("pre"))
    assert a305.startswith("A305 row-total: ")
    assert load_rules()["A305"].explanation.strip()[:30] in a305
    assert root.find(".//dialog[@id='ruledoc']") is not None


def test_english_page():
    r = result_of(TABLE_SUM, lang="en", select=("A305",))
    page = render([r], lang="en")
    root = tree(page)
    assert root.get("lang") == "en"
    assert "review report" in text_of(root.find(".//h1"))
    item = next(li for li in root.iter("li") if "finding" in classes(li))
    assert "line 26, column 22" in text_of(item)
    assert text_of(item.find(".//*[@class='msg']")) == r.findings[0].message
    assert "Findings per rule" not in page  # one file: no overview


# --- escaping -------------------------------------------------------------------------


def _injected() -> tuple[FileResult, str]:
    text = TABLE_SUM.replace("全面推进政务公开工作。", f"全面推进政务公开工作。{INJECTION}", 1)
    path = 'reports/<b>&"x".txt'
    source = source_from_text(text, path)
    at = text.index("<script>")
    issue = Issue(
        Span(at, at + len('<script>alert("x")</script>')),
        f"消息里也有 {INJECTION}",
        f"message with {INJECTION}",
        related=((Span(text.index("&"), text.index("&") + 1), "和号 & <i>", "ampersand"),),
    )
    finding = make_finding(source, load_rules()["T502"], issue, Config())
    return FileResult(path, [finding], source), text


def test_report_text_never_becomes_markup():
    r, text = _injected()
    page = render([r])
    root = tree(page)
    scripts = list(root.iter("script"))
    assert len(scripts) == 1  # the page's own
    assert not [e for e in root.iter("img")]
    assert not [e for e in root.iter() if any(a.startswith("on") for a in e.attrib)]
    assert "<script>alert" not in page and "<img src=x" not in page
    # the text reads exactly as written, the mark holds the whole <script>…</script>
    para = next(p for p in root.iter("p") if "全面推进政务公开工作" in text_of(p))
    assert text_of(para).endswith(INJECTION)
    (m,) = [e for e in marked(root, 0) if e.tag == "mark"]
    assert text_of(m) == '<script>alert("x")</script>'
    article = root.find(".//article")
    (amp,) = [e for e in article.iter() if "0.0" in e.get("data-r", "").split()]
    assert text_of(amp) == "&"
    # the message, the related message and the path too
    item = next(li for li in root.iter("li") if "finding" in classes(li))
    assert text_of(item.find(".//*[@class='msg']")) == f"消息里也有 {INJECTION}"
    assert "和号 & <i>" in text_of(item.find(".//ul"))
    section = root.find(".//section[@class='report']")
    assert section.get("data-path") == 'reports/<b>&"x".txt'


def test_the_only_script_is_allowed_by_its_hash_and_nothing_is_fetched():
    r, _ = _injected()
    root = tree(render([r]))
    (script,) = root.iter("script")
    digest = base64.b64encode(hashlib.sha256(script.text.encode("utf-8")).digest()).decode()
    csp = next(
        m.get("content")
        for m in root.iter("meta")
        if m.get("http-equiv") == "Content-Security-Policy"
    )
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp
    # no external resource of any kind
    for e in root.iter():
        for attr in ("src", "href"):
            value = e.get(attr)
            assert value is None or value.startswith("#"), (e.tag, attr, value)
    assert root.find(".//link") is None


# --- every input format ----------------------------------------------------------------


def _docx_of(text: str) -> bytes:
    """A Word draft of a text report: lines as paragraphs, tab lines as a table."""
    import docx

    d = docx.Document()
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            block = []
            while i < len(lines) and "\t" in lines[i]:
                block.append(lines[i].split("\t"))
                i += 1
            width = max(len(r) for r in block)
            t = d.add_table(rows=len(block), cols=width)
            for y, row in enumerate(block):
                for x, cell in enumerate(row):
                    t.cell(y, x).text = cell
            continue
        d.add_paragraph(lines[i])
        i += 1
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _html_of(text: str) -> str:
    body = []
    rows: list[str] = []
    for line in text.split("\n") + [""]:
        if "\t" in line:
            cells = "".join(f"<td>{c}</td>" for c in line.split("\t"))
            rows.append(f"<tr>{cells}</tr>")
            continue
        if rows:
            body.append("<table>" + "".join(rows) + "</table>")
            rows = []
        if line:
            body.append(f"<p>{line}</p>")
    return "<html><body>" + "\n".join(body) + "</body></html>"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx"])
def test_every_input_format_draws_its_text_and_places_every_finding(tmp_path, suffix):
    p = tmp_path / f"report{suffix}"
    if suffix == ".docx":
        p.write_bytes(_docx_of(TABLE_SUM))
    elif suffix == ".html":
        p.write_text(_html_of(TABLE_SUM), encoding="utf-8")
    else:
        p.write_text(TABLE_SUM, encoding="utf-8")
    source = load_path(str(p))
    config = Config()
    r = FileResult(str(p), lint_source(source, config), source, config=config)
    codes = {f.code for f in r.findings}
    assert {"A305", "A304"} <= codes, codes
    root = tree(render([r]))
    article = root.find(".//article")
    assert "淮安市洪泽区人民政府2024年政府信息公开工作年度报告" in text_of(article)
    assert len(article.findall(".//table")) >= 3
    for k, f in enumerate(r.findings):
        drawn = marked(root, k)
        assert drawn, f"{f.code} at {f.line}:{f.column} not in the text"
        assert "unplaced" not in page_classes(root)
        if f.code == "A305":
            cell = next(e for e in drawn if e.tag == "td")
            assert text_of(cell) == "51"


def page_classes(root) -> set[str]:
    return {c for e in root.iter() for c in classes(e)}


def test_a_result_without_its_source_is_read_again(tmp_path):
    """Workers and the cache hand back results without the text: the page reads the file."""
    p = tmp_path / "r.txt"
    p.write_text(TABLE_SUM, encoding="utf-8")
    source = load_path(str(p))
    r = FileResult(str(p), lint_source(source, Config()), source, config=Config())
    kept = render([r])
    again = render([r.without_source()])
    assert r.without_source().source is None
    assert again == kept


def test_unreadable_input_lists_its_finding_without_text(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("  \n", encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "review.html"
    res = runner.invoke(main, ["check", str(p), "--format", "html", "-o", str(out)])
    assert res.exit_code == 1
    root = tree(out.read_text(encoding="utf-8"))
    item = next(li for li in root.iter("li") if "finding" in classes(li))
    assert item.get("data-code") == "E001"
    assert "文件为空" in text_of(item)
    assert root.find(".//*[@class='notext']") is not None


# --- several files --------------------------------------------------------------------


def test_overview_chart_and_years_side_by_side(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "hz_2024.txt").write_text(TABLE_SUM, encoding="utf-8")
    (tmp_path / "r" / "hz_2023.txt").write_text(
        TABLE_SUM.replace("2024年", "2023年"), encoding="utf-8"
    )
    (tmp_path / "r" / "seed.txt").write_text(seed_text(4), encoding="utf-8")
    res = CliRunner().invoke(
        main, ["check", "r", "--format", "html", "-o", "review.html", "--no-cache"]
    )
    assert res.exit_code == 1, res.output
    js = CliRunner().invoke(main, ["check", "r", "--format", "json", "--no-cache"])
    findings = json.loads(js.output)
    root = tree((tmp_path / "review.html").read_text(encoding="utf-8"))
    assert text_of(root.find(".//*[@id='total-count']")) == str(len(findings))
    # overview: a row per report with its counts and a link to it
    rows = root.findall(".//table[@class='ov']/tbody/tr")
    assert [r.get("data-path") for r in rows] == ["r/hz_2023.txt", "r/hz_2024.txt", "r/seed.txt"]
    for row in rows:
        n = sum(1 for f in findings if f["file"] == row.get("data-path"))
        assert text_of(row.findall("td")[-1]) == str(n)
        href = row.find(".//a").get("href")
        assert root.find(f".//section[@id='{href[1:]}']").get("data-path") == row.get("data-path")
    # the chart: a bar per rule, its number the rule's count
    (svg,) = [e for e in root.iter() if e.tag.endswith("svg")]
    per_rule: dict[str, int] = {}
    for f in findings:
        per_rule[f["code"]] = per_rule.get(f["code"], 0) + 1
    bars = {
        a.get("data-rule"): text_of(next(t for t in a if t.get("class") == "num"))
        for a in svg.iter()
        if a.tag.endswith("}a")
    }
    assert bars == {c: str(n) for c, n in per_rule.items()}
    # one body, two years: side by side
    group = root.find(".//section[@id='by-year']")
    assert group is not None
    heads = [text_of(th.find("a")) for th in group.findall(".//thead/tr/th")[1:]]
    assert heads == ["2023", "2024"]


def test_cli_lists_html_among_the_formats():
    res = CliRunner().invoke(main, ["check", "--help"])
    assert "html" in res.output


def test_a_glued_table_is_shown_as_written_and_as_read():
    """A crawler copy's run-together digits, then the grid gsilint split them into."""
    from tables_helpers import T4_COLS, build
    from test_tables import glued_report

    t4 = [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]
    text = glued_report(build(2023), t4=t4)
    root = tree(render([result_of(text)]))
    article = root.find(".//article")
    assert "".join(map(str, t4)) in text_of(article)
    grids = [d for d in article.iter("div") if "grid-read" in classes(d)]
    assert len(grids) == 2  # tables 三 and 四
    t4_rows = grids[1].findall(".//tbody/tr")
    assert [text_of(td) for td in t4_rows[0].findall("td")] == [str(v) for v in t4]
    assert len(grids[1].findall(".//thead/tr/th")) == len(T4_COLS) + 1


def test_years_side_by_side_show_the_carry_over_figures(tmp_path, monkeypatch):
    """Table 三 totals per year: last year's 结转下年度 next to this year's 上年结转 (X403)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hz_2024.txt").write_text(TABLE_SUM, encoding="utf-8")
    (tmp_path / "hz_2023.txt").write_text(TABLE_SUM.replace("2024年", "2023年"), encoding="utf-8")
    out = tmp_path / "review.html"
    CliRunner().invoke(
        main, ["check", "hz_2023.txt", "hz_2024.txt", "--format", "html", "-o", str(out)]
    )
    group = tree(out.read_text(encoding="utf-8")).find(".//section[@id='by-year']")
    figures = {
        text_of(tr.find("th")): [text_of(td) for td in tr.findall("td")]
        for tr in group.iter("tr")
        if tr.get("class") == "fig"
    }
    assert figures == {
        "表三 一、本年新收": ["95", "95"],
        "表三 二、上年结转": ["0", "0"],
        "表三 （七）总计": ["95", "95"],
        "表三 四、结转下年度": ["0", "0"],
    }


def test_crlf_and_astral_characters_and_a_point_finding():
    """Offsets are code points: 𠮷 (outside the BMP) and CR LF do not shift the marks."""
    from output_helpers import crlf_result

    r = crlf_result()
    root = tree(render([r]))
    first, point = r.findings
    assert [text_of(e) for e in marked(root, 0) if e.tag == "mark"] == ["12"]
    assert [text_of(e) for e in marked(root, 0, "data-r") if e.tag == "mark"] == []
    (rel,) = [e for e in root.find(".//article").iter() if "0.0" in e.get("data-r", "").split()]
    assert text_of(rel) == "11"
    # an empty span: a caret right before the heading it points at
    (caret,) = marked(root, 1)
    assert caret.tag == "span" and "pt" in classes(caret)
    heading = next(h for h in root.iter("h3") if text_of(h).startswith("二、"))
    assert list(heading) == [caret] and heading.text is None
    assert caret.tail == "二、主动公开政府信息情况"
    assert "\r" not in text_of(root.find(".//article"))


def test_text_the_parser_cannot_read_is_drawn_as_written(monkeypatch):
    import gsilint.engine

    r = result_of(TABLE_SUM, select=("A305",))
    monkeypatch.setattr(gsilint.engine, "analyse", lambda source, config: (None, None, []))
    root = tree(render([r]))
    article = root.find(".//article")
    assert text_of(article).strip() == TABLE_SUM.strip()
    assert [text_of(e) for e in marked(root, 0) if e.tag == "mark"] == ["51"]
