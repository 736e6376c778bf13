"""The same report as .txt, .md, .html, .docx and .pdf gives the same findings.

Each report is converted in the test: every line becomes an HTML ``<p>`` /
a Word paragraph / a PDF paragraph wrapped over page lines, every run of tab
rows (or Markdown pipe rows) an HTML ``<table>`` / a Word table / a ruled PDF
table (carried over page breaks), with site chrome around the HTML article and
a running header and page numbers on each PDF page (:mod:`tests.pdf_maker`). The
findings are compared by code, message (line numbers aside: each format
counts its own lines) and the text they point at.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import docx
import pytest

from gsilint import Config
from gsilint.api import check_paths, expand_paths
from tests.conftest import seed_text
from tests.pdf_maker import blocks as _blocks
from tests.pdf_maker import to_pdf

REAL = Path(__file__).parent / "fixtures" / "real"


def to_html(text: str) -> str:
    esc = lambda s: html.escape(s).replace(" ", "&nbsp;")  # noqa: E731 - spaces kept as typed
    out = [
        "<!DOCTYPE html><html><head><title>报告</title>"
        "<script>var p = '<p>一、假标题</p>';</script></head><body>",
        '<div class="header"><ul class="nav">'
        '<li><a href="/">首页</a></li><li>政务公开</li></ul></div>',
        '<div class="main"><div class="article">',
    ]
    for kind, block in _blocks(text):
        if kind == "p":
            out.append(f"<p>{esc(block)}</p>")
        else:
            out.append("<table border=1><tbody>")
            out.extend(
                "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in block
            )
            out.append("</tbody></table>")
    out.append(
        '</div><div class="share">分享到微信</div></div>'
        '<div class="footer">版权所有</div></body></html>'
    )
    return "\n".join(out)


def to_docx(text: str) -> bytes:
    d = docx.Document()
    for kind, block in _blocks(text):
        if kind == "p":
            d.add_paragraph(block)
        else:
            width = max(len(r) for r in block)
            table = d.add_table(rows=len(block), cols=width)
            for i, row in enumerate(block):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


_LINE_REF = re.compile(r"第\s*\d+\s*行|line \d+")


def comparable(result) -> set[tuple[str, str, str]]:
    """(code, message without line numbers, the first characters the finding points at)."""
    src = result.source
    flat_of = {}
    for i in range(len(src.text), -1, -1):
        flat_of[src.to_original(i)] = i
    out = set()
    for f in result.findings:
        i = flat_of[f.location.start]
        pointed = re.sub(r"[\s|]+", "", src.text[i : i + 40])[
            :10
        ]  # a pipe table's border is not text
        out.add((f.code, _LINE_REF.sub("第N行", f.message), pointed))
    return out


REPORTS = {f"seed{n}": (lambda n=n: seed_text(n)) for n in range(5)}
REPORTS["seed3-defects"] = lambda: (
    seed_text(3).replace("六、其他需要报告的事项", "本节。").replace("2019年", "2017年", 1)
)
REPORTS["huaian_hongzequ_2024"] = lambda: (REAL / "huaian_hongzequ_2024.txt").read_text(
    encoding="utf-8"
)
REPORTS["shanghai_kewei_2024"] = lambda: (REAL / "shanghai_kewei_2024.md").read_text(
    encoding="utf-8"
)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_same_report_in_every_format_gives_the_same_findings(tmp_path, name):
    text = REPORTS[name]()
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "r.md").write_text(text, encoding="utf-8")
    (tmp_path / "r.html").write_text(to_html(text), encoding="utf-8")
    (tmp_path / "r.docx").write_bytes(to_docx(text))
    # alternate first-line indents and flush-left paragraphs (ends of lines decide)
    (tmp_path / "r.pdf").write_bytes(to_pdf(text, indent=len(name) % 2 == 0))
    paths = list(expand_paths([str(tmp_path)]))
    assert [Path(p).suffix for p in paths] == [".docx", ".html", ".md", ".pdf", ".txt"]
    results = {Path(r.path).suffix: r for r in check_paths(paths, Config())}
    expected = comparable(results[".txt"])
    assert expected, "each report has findings to compare"
    for suffix in (".md", ".html", ".docx", ".pdf"):
        assert comparable(results[suffix]) == expected, suffix
    assert results[".html"].source.kind == "html" and results[".docx"].source.kind == "docx"
    assert results[".pdf"].source.kind == "pdf"


def test_defects_are_found_at_the_same_sentence_in_html_and_docx(tmp_path):
    text = REPORTS["seed3-defects"]()
    (tmp_path / "r.html").write_text(to_html(text), encoding="utf-8")
    (tmp_path / "r.docx").write_bytes(to_docx(text))
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    results = {
        Path(r.path).suffix: r for r in check_paths([str(tmp_path)], Config(select=("S101",)))
    }
    [txt] = [f for f in results[".txt"].findings if "其他需要报告的事项" in f.message]
    [htm] = [f for f in results[".html"].findings if "其他需要报告的事项" in f.message]
    [doc] = [f for f in results[".docx"].findings if "其他需要报告的事项" in f.message]
    # the txt finding's line, found again in the HTML file and named in the DOCX
    line_text = text.split("\n")[txt.line - 1]
    html_lines = results[".html"].source.original.split("\n")
    assert html_lines[htm.line - 1] == f"<p>{html.escape(line_text).replace(' ', '&nbsp;')}</p>"
    assert html.unescape(html_lines[htm.line - 1][: htm.column - 1]) == "<p>" + line_text[
        : txt.column - 1
    ].replace(" ", "\xa0")
    assert doc.location.label is not None and doc.location.label.startswith(("段落 ", "表"))
    assert results[".docx"].source.text.split("\n")[doc.line - 1].strip() == line_text.strip()
