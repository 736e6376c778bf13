"""Word drafts: body order, merged cells, labels for places, hostile packages refused."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest
from click.testing import CliRunner

from gsilint import Config
from gsilint.api import check_paths
from gsilint.cli import main
from gsilint.engine import lint_source
from gsilint.sources import InputError, Source, load_path
from gsilint.sources.docx import MAX_MEMBERS, read_docx_source
from tests.conftest import e001_message, seed_text


def _draft() -> bytes:
    d = docx.Document()
    d.add_paragraph("示例县2023年政府信息公开工作年度报告", style="Title")
    d.add_paragraph("")  # empty paragraphs are not counted
    d.add_paragraph("一、总体情况", style="Heading 1")
    d.add_paragraph("本县主动公开信息12条。\t（见下表）\n全年收到申请5件。")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "信息内容"
    t.cell(0, 2).text = "数量"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "规章"
    t.cell(1, 1).text = "制发"
    t.cell(1, 2).text = "1"
    t.cell(2, 1).text = "废止"
    d.add_paragraph("二、主动公开政府信息情况", style="Heading 1")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_body_order_paragraphs_and_merged_table():
    src = read_docx_source("d.docx", _draft())
    assert (src.kind, src.original) == ("docx", src.text)
    assert src.text.split("\n") == [
        "示例县2023年政府信息公开工作年度报告",
        "一、总体情况",
        "本县主动公开信息12条。 （见下表）",  # an in-paragraph tab is not a table cell
        "全年收到申请5件。",  # a manual line break
        "信息内容\t\t数量",  # gridSpan: the merged area's second cell is empty
        "规章\t制发\t1",
        "\t废止\t",  # vMerge continuation: empty
        "二、主动公开政府信息情况",
    ]


def test_labels_name_paragraphs_and_cells():
    src = read_docx_source("d.docx", _draft())
    text = src.text

    def label(needle: str) -> str | None:
        return src.label_at(text.index(needle))

    assert label("示例县") == "段落 1"
    assert label("一、总体") == "段落 2"
    assert label("全年收到") == "段落 3"  # same Word paragraph, second line
    assert label("信息内容") == "表1 第1行第1列"
    assert label("数量") == "表1 第1行第3列"
    assert label("制发") == "表1 第2行第2列"
    assert label("1\n") == "表1 第2行第3列"
    assert label("\t废止") == "表1 第3行第1列"  # the empty (merged) cell is still named
    assert label("废止") == "表1 第3行第2列"
    assert label("二、主动") == "段落 4"
    assert src.label_at(0) == "段落 1" and Source("x", "t", "t").label_at(0) is None


def test_findings_carry_the_label_and_a_line_of_the_flattened_text(tmp_path):
    p = tmp_path / "d.docx"
    p.write_bytes(_draft())
    [result] = check_paths([str(p)], Config(select=("S101",)))
    assert [(f.code, f.line, f.column, f.location.label) for f in result.findings] == [
        ("S101", 8, 13, "段落 4")
    ] * 4
    out = CliRunner().invoke(main, ["check", str(p), "--select", "S101", "--format", "json"])
    data = json.loads(out.output)
    items = (
        data if isinstance(data, list) else next(v for v in data.values() if isinstance(v, list))
    )
    first = items[0] if "code" in items[0] else items[0]["findings"][0]
    assert first["location"] == "段落 4"
    assert first["line"] == 8


def test_cell_finding_is_named_by_table_row_and_column(tmp_path):
    # seed 003's table 三 rows carry ten values where the template has seven (S109)
    d = docx.Document()
    rows = []
    for line in seed_text(3).split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    t.cell(i, j).text = c
            rows = []
        if line.strip():
            d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    src = read_docx_source("s.docx", buf.getvalue())
    s109 = [f for f in lint_source(src, Config(select=("S109",))) if "结转下年度" in f.message]
    assert [(f.line, f.column, f.location.label) for f in s109] == [(63, 1, "表4 第4行第1列")]
    assert src.text.split("\n")[62].startswith("四、结转下年度继续办理\t")


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


_e001 = e001_message


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    bomb = _zip({"word/document.xml": b"<", "[Content_Types].xml": b"\0" * (101 * 1024 * 1024)})
    assert len(bomb) < 200_000
    assert "100 MB 上限" in _e001(tmp_path, "bomb.docx", bomb)


def test_too_many_members(tmp_path):
    many = _zip(
        {f"word/m{i}.xml": b"x" for i in range(MAX_MEMBERS + 1)} | {"word/document.xml": b"<"}
    )
    assert f"{MAX_MEMBERS} 个上限" in _e001(tmp_path, "many.docx", many)


def test_corrupt_and_foreign_files(tmp_path):
    good = _draft()
    assert "损坏" in _e001(tmp_path, "truncated.docx", good[: len(good) // 2])
    assert "损坏" in _e001(tmp_path, "random.docx", bytes(range(256)) * 10)
    assert "word/document.xml" in _e001(tmp_path, "other.docx", _zip({"a.txt": b"hello"}))
    # a package whose document part is not XML
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            dst.writestr(
                info, b"<w:document" if info.filename == "word/document.xml" else src.read(info)
            )
    assert "无法读取" in _e001(tmp_path, "badxml.docx", broken.getvalue())
    assert ".docx" in _e001(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)


def test_entity_expansion_is_not_performed(tmp_path):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AAAAAAAAAA">'
        + b"".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)
        )
        + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
    )
    good = _draft()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, laughs if info.filename == "word/document.xml" else src.read(info))
    p = tmp_path / "laughs.docx"
    p.write_bytes(out.getvalue())
    try:
        src = load_path(str(p))
    except InputError:
        return  # refused: fine
    assert len(src.text) < 1000  # never 10^9 characters


def test_empty_document_and_cell_limit(tmp_path):
    d = docx.Document()
    buf = io.BytesIO()
    d.save(buf)
    assert "没有文字" in _e001(tmp_path, "empty.docx", buf.getvalue())
    d = docx.Document()
    d.add_table(rows=101, cols=100)
    buf = io.BytesIO()
    d.save(buf)
    assert "10000" in _e001(tmp_path, "big.docx", buf.getvalue())


@pytest.mark.parametrize("suffix", [".docx", ".html", ".htm", ".pdf", ".doc"])
def test_directory_walk_picks_up_new_suffixes(tmp_path, suffix):
    (tmp_path / f"r{suffix}").write_bytes(b"x")
    [result] = check_paths([str(tmp_path)], Config())
    assert result.path.endswith(suffix)
    assert [f.code for f in result.findings] in (["E001"], ["E002"])


def test_tracked_changes_are_read_as_accepted():
    from docx.oxml import parse_xml

    d = docx.Document()
    p = d.add_paragraph("一、总体情况")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(
        parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>（已修订）</w:t></w:r></w:ins>')
    )
    p._p.append(
        parse_xml(
            f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>删去的字</w:delText></w:r></w:del>'
        )
    )
    p._p.append(parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(parse_xml(f"<w:r {w}><w:instrText> PAGE </w:instrText></w:r>"))
    q = d.add_paragraph("本县主动公开")
    q._p.append(parse_xml(f"<w:hyperlink {w}><w:r><w:t>信息12条</w:t></w:r></w:hyperlink>"))
    buf = io.BytesIO()
    d.save(buf)
    src = read_docx_source("t.docx", buf.getvalue())
    assert src.text == "一、总体情况（已修订）\n本县主动公开信息12条"


def test_a_draft_without_a_signature_gets_a_warning():
    # S107 is an info for web copies; a DOCX draft is the text about to be published
    d = docx.Document()
    for line in seed_text(2).splitlines():
        if line.strip():
            d.add_paragraph(line)
    while d.paragraphs and not d.paragraphs[-1].text.startswith(("六、", "五、")):
        last = d.paragraphs[-1]._element
        last.getparent().remove(last)
        if len(d.paragraphs) < 5:
            break
    buf = io.BytesIO()
    d.save(buf)
    src = read_docx_source("draft.docx", buf.getvalue())
    s107 = [f for f in lint_source(src, Config(select=("S107",)))]
    assert [(f.code, f.severity.label) for f in s107] == [("S107", "warning")]
