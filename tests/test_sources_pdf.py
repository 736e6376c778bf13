"""Published PDF reports: paragraphs rebuilt, running heads dropped, tables joined, pages named.

The PDFs are typeset in the test (:mod:`tests.pdf_maker`, reportlab's CID font
STSong-Light) from the seed reports, or drawn by hand where the geometry
matters (merged cells, a scan, hostile objects).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
import zlib

import pytest
from click.testing import CliRunner
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

import gsilint.sources.pdf as pdf_module
from gsilint import Config
from gsilint.api import check_paths
from gsilint.cli import main
from gsilint.engine import lint_source
from gsilint.sources import InputError, load_path
from gsilint.sources.pdf import read_pdf_source
from tests.conftest import e001_message, seed_text
from tests.pdf_maker import FONT, _font, to_pdf

HEADER = "示例县人民政府信息公开工作年度报告"


def _lines(text: str) -> list[str]:
    """The report lines a reader should get back (paragraphs; table rows as typed)."""
    return [
        (ln if "\t" in ln else ln.strip()).replace("\xa0", " ")
        for ln in text.split("\n")
        if ln.strip()
    ]


@pytest.mark.parametrize("indent", [True, False])
@pytest.mark.parametrize("n", range(5))
def test_paragraphs_and_tables_come_back_line_for_line(n, indent):
    text = seed_text(n)
    src = read_pdf_source("r.pdf", to_pdf(text, indent=indent))
    assert (src.kind, src.original) == ("pdf", src.text)
    assert src.text.split("\n") == _lines(text)


def test_running_header_and_page_numbers_are_dropped():
    data = to_pdf(seed_text(3))
    src = read_pdf_source("r.pdf", data)
    assert HEADER not in src.text
    assert "- 1 -" not in src.text and "- 2 -" not in src.text
    # the same header on one page only is body text (a title), not a running head
    one_page = to_pdf("一、总体情况\n本机关主动公开信息12条。", numbers=False)
    assert read_pdf_source("t.pdf", one_page).text.split("\n") == [
        HEADER,
        "一、总体情况",
        "本机关主动公开信息12条。",
    ]


def test_page_number_styles_are_dropped_and_a_lone_number_in_the_body_is_kept():
    c, buf = _canvas()
    for body, foot in [(["本机关主动公开信息", "12"], "第 1 页 共 2 页"), (["条。"], "2/2")]:
        c.setFont(FONT, 10.5)
        for i, text in enumerate(body):  # "12": a number in the body, right below text
            c.drawString(72, 760 - 14 * i, text)
        c.setFont(FONT, 9)
        c.drawCentredString(297, 40, foot)
        c.showPage()
    c.save()
    src = read_pdf_source("n.pdf", buf.getvalue())
    assert src.text.split("\n") == ["本机关主动公开信息", "12", "条。"]


def test_a_table_split_over_two_pages_is_one_table():
    text = seed_text(3)
    src = read_pdf_source("r.pdf", to_pdf(text))
    rows = [ln for ln in src.text.split("\n") if "\t" in ln]
    assert rows == [ln for ln in text.split("\n") if "\t" in ln]
    # table 三 starts on one page and ends on the next, under one table number
    start = src.text.index("一、本年新收政府信息公开申请数量")
    end = src.text.index("3. 补正后申请内容仍不明确")
    first, last = src.label_at(start), src.label_at(end)
    assert first.split(" ")[1] == last.split(" ")[1]
    assert first.split(" ")[0] != last.split(" ")[0], (first, last)


def test_a_header_row_repeated_on_the_next_page_is_read_once():
    text = seed_text(3)
    plain = read_pdf_source("a.pdf", to_pdf(text)).text
    repeated = read_pdf_source("b.pdf", to_pdf(text, repeat_header=True)).text
    assert repeated == plain


def _canvas():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    _font()
    return c, buf


def _merged_table() -> bytes:
    """信息内容 spans two columns; 规章 spans two rows (as in test_sources_docx)."""
    c, buf = _canvas()
    c.setFont(FONT, 10.5)
    c.drawString(72, 780, "一、总体情况")
    x = [72, 200, 300, 400]
    y = [760, 740, 720, 700]
    for yy in (y[0], y[1], y[3]):
        c.line(x[0], yy, x[3], yy)
    c.line(x[1], y[2], x[3], y[2])  # no line under 规章: it spans two rows
    for xx in (x[0], x[2], x[3]):
        c.line(xx, y[0], xx, y[3])
    c.line(x[1], y[1], x[1], y[3])  # no line inside 信息内容: it spans two columns
    for text, col, row in [
        ("信息内容", 0, 0),
        ("数量", 2, 0),
        ("规章", 0, 1),
        ("制发", 1, 1),
        ("1", 2, 1),
        ("废止", 1, 2),
    ]:
        c.drawString(x[col] + 3, y[row] - 15, text)
    c.drawString(72, 680, "二、主动公开政府信息情况")
    c.showPage()
    c.save()
    return buf.getvalue()


def _grid_lines(c, x: list[float], y: list[float], skip_v: tuple = ()) -> None:
    """Ruled rows between the ``y`` lines and columns between the ``x`` (but ``skip_v``)."""
    for yy in y:
        c.line(x[0], yy, x[-1], yy)
    for r in range(len(y) - 1):
        for xx in x:
            if (xx, r) not in skip_v:
                c.line(xx, y[r], xx, y[r + 1])


def test_a_table_whose_next_page_merges_columns_is_still_one_table():
    c, buf = _canvas()
    c.setFont(FONT, 10.5)
    c.drawString(72, 160, "（三）规范性文件")
    x = [72.0, 200.0, 300.0, 400.0]
    _grid_lines(c, x, [140, 120, 100])
    for text, col, top in [("信息内容", 0, 140), ("制发", 1, 140), ("废止", 2, 140)]:
        c.drawString(x[col] + 3, top - 15, text)
    for text, col, top in [("规章", 0, 120), ("1", 1, 120), ("0", 2, 120)]:
        c.drawString(x[col] + 3, top - 15, text)
    c.showPage()
    c.setFont(FONT, 10.5)
    _grid_lines(c, x, [770, 750], skip_v={(300.0, 0)})  # 制发 and 废止 merged on this page
    c.drawString(75, 755, "规范性文件")
    c.drawString(203, 755, "2")
    c.drawString(72, 720, "二、主动公开政府信息情况")
    c.showPage()
    c.save()
    src = read_pdf_source("t.pdf", buf.getvalue())
    assert src.text.split("\n") == [
        "（三）规范性文件",
        "信息内容\t制发\t废止",
        "规章\t1\t0",
        "规范性文件\t2\t",
        "二、主动公开政府信息情况",
    ]
    assert src.label_at(src.text.index("规范性文件\t")) == "第2页 表1 第3行第1列"


def test_merged_cells_are_expanded_and_named():
    src = read_pdf_source("m.pdf", _merged_table())
    assert src.text.split("\n") == [
        "一、总体情况",
        "信息内容\t\t数量",
        "规章\t制发\t1",
        "\t废止\t",
        "二、主动公开政府信息情况",
    ]

    def label(needle: str) -> str | None:
        return src.label_at(src.text.index(needle))

    assert label("一、总体") == "第1页 第1行"
    assert label("信息内容") == "第1页 表1 第1行第1列"
    assert label("数量") == "第1页 表1 第1行第3列"
    assert label("制发") == "第1页 表1 第2行第2列"
    assert label("\t废止") == "第1页 表1 第3行第1列"  # the merged area's empty cell is named
    assert label("二、主动") == "第1页 第2行"  # table rows are not counted as text lines


def test_labels_name_the_page_and_its_line():
    text = seed_text(0)
    src = read_pdf_source("r.pdf", to_pdf(text))
    assert src.label_at(0) == "第1页 第1行"
    pos = src.text.index("四、政府信息公开收费及减免情况")
    page, line = src.label_at(pos).split(" ")
    assert page in ("第2页", "第3页") and line.startswith("第") and line.endswith("行")
    # a paragraph wrapped over lines: each part keeps its own line label
    para = next(ln for ln in src.text.split("\n") if len(ln) > 200)
    start = src.text.index(para)
    assert src.label_at(start) != src.label_at(start + 150)


def test_findings_carry_the_page_in_json_and_sarif(tmp_path):
    text = seed_text(3).replace("六、其他需要报告的事项", "本节。")
    p = tmp_path / "r.pdf"
    p.write_bytes(to_pdf(text))
    [result] = check_paths([str(p)], Config(select=("S101",)))
    [f] = [f for f in result.findings if "其他需要报告的事项" in f.message]
    assert f.location.label.startswith("第") and "页 第" in f.location.label
    assert result.source.text.split("\n")[f.line - 1].startswith(
        result.source.text[f.location.start : f.location.start + 3]
    )
    page = int(f.location.label[1 : f.location.label.index("页")])
    out = CliRunner().invoke(main, ["check", str(p), "--select", "S101", "--format", "json"])
    items = [d for d in json.loads(out.output) if "其他需要报告的事项" in d["message"]]
    assert [(d["page"], d["location"], d["line"]) for d in items] == [
        (page, f.location.label, f.line)
    ]
    out = CliRunner().invoke(main, ["check", str(p), "--select", "S101", "--format", "sarif"])
    [res] = [
        r
        for r in json.loads(out.output)["runs"][0]["results"]
        if "其他需要报告的事项" in r["message"]["text"]
    ]
    loc = res["locations"][0]
    assert loc["properties"] == {"page": page} and loc["message"]["text"] == f.location.label
    assert loc["physicalLocation"]["region"]["startLine"] == f.line


def test_same_findings_as_the_text_for_a_seed_with_a_defect():
    text = seed_text(3).replace("六、其他需要报告的事项", "本节。")
    pdf_src = read_pdf_source("r.pdf", to_pdf(text))
    from gsilint.sources import source_from_text

    def found(src) -> set[tuple[str, str]]:
        return {
            (f.code, re.sub(r"第\d+行", "第N行", f.message)) for f in lint_source(src, Config())
        }

    txt = found(source_from_text(text, "r.txt"))
    assert txt == found(pdf_src) and any(code == "S101" for code, _ in txt)


# --- refused files ----------------------------------------------------------------------


_e001 = e001_message


def test_a_scan_without_text_is_refused(tmp_path):
    c, buf = _canvas()
    c.drawImage(ImageReader(Image.new("L", (40, 60), 200)), 72, 300, 400, 500)
    c.setFont(FONT, 9)
    c.drawCentredString(297, 40, "- 1 -")  # a page number is not text of the report
    c.showPage()
    c.drawImage(ImageReader(Image.new("L", (40, 60), 200)), 72, 300, 400, 500)
    c.drawCentredString(297, 40, "- 2 -")
    c.showPage()
    c.save()
    assert "扫描件，无文字层；请提供文字版或先做 OCR" in _e001(tmp_path, "scan.pdf", buf.getvalue())
    c, buf = _canvas()
    c.showPage()
    c.save()
    assert "扫描件" in _e001(tmp_path, "blank.pdf", buf.getvalue())


def test_an_encrypted_pdf_is_refused(tmp_path):
    data = to_pdf(seed_text(0), encrypt="secret")
    assert "已加密，需要密码才能读取" in _e001(tmp_path, "locked.pdf", data)


def test_a_pdf_with_only_a_permissions_password_is_read():
    from reportlab.lib.pdfencrypt import StandardEncryption

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=StandardEncryption("", ownerPassword="o", canCopy=0))
    c.setFont("Helvetica", 12)
    c.drawString(72, 760, "Annual report 2024")
    c.showPage()
    c.save()
    assert read_pdf_source("o.pdf", buf.getvalue()).text == "Annual report 2024"


def test_corrupt_and_foreign_bytes_are_refused(tmp_path):
    data = to_pdf(seed_text(0))
    assert "已损坏" in _e001(tmp_path, "cut.pdf", data[: len(data) // 3])
    assert "请改名为 .html" in _e001(tmp_path, "fake.pdf", b"<html><p>" + b"x" * 2000 + data)


def test_too_many_pages_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 2)
    assert "超过 2 页上限" in _e001(tmp_path, "long.pdf", to_pdf(seed_text(3)))


def test_a_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    data = to_pdf(seed_text(0))
    monkeypatch.setattr(pdf_module, "MAX_PDF_BYTES", len(data) - 1)
    with pytest.raises(InputError) as info:
        read_pdf_source("big.pdf", data)
    assert "文件过大" in info.value.message_zh
    monkeypatch.undo()
    # a PDF may be larger than a text file (embedded fonts and images), up to 64 MB
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (21 * 1024 * 1024))
    assert "已损坏（缺少交叉引用表 startxref）" in _e001(tmp_path, "big.pdf", big.read_bytes())
    with open(big, "ab") as f:
        f.truncate(65 * 1024 * 1024)
    [result] = check_paths([str(big)], Config())
    assert "超过 64 MB 上限" in result.findings[0].message


def test_reading_is_bounded_in_time(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "TIME_BUDGET", 0.0)
    assert "秒上限（第1页）" in _e001(tmp_path, "slow.pdf", to_pdf(seed_text(0)))


_HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _raw_pdf(
    content_object: bytes, mediabox: bytes = b"[0 0 595 842]", f1: bytes = _HELVETICA
) -> bytes:
    """A one-page PDF whose object 3 (the page's contents) is ``content_object``."""
    font = b"<< /Font << /F1 %s >> >>" % f1
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        content_object,
        b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources %s /Contents 3 0 R >>"
        % (mediabox, font),
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def test_a_page_box_off_the_origin_is_read_like_any_other():
    ops = (
        b"BT /F1 12 Tf 172 870 Td (Annual report 2024) Tj ET "
        b"BT /F1 12 Tf 172 852 Td (Second line) Tj ET "
        b"100 200 m 400 200 l S 100 180 m 400 180 l S 100 160 m 400 160 l S "
        b"100 200 m 100 160 l S 250 200 m 250 160 l S 400 200 m 400 160 l S "
        b"BT /F1 10 Tf 105 186 Td (a) Tj ET BT /F1 10 Tf 255 186 Td (1) Tj ET "
        b"BT /F1 10 Tf 105 166 Td (b) Tj ET BT /F1 10 Tf 255 166 Td (2) Tj ET "
    )
    stream = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(ops), ops)
    src = read_pdf_source("o.pdf", _raw_pdf(stream, b"[100 100 695 942]"))
    assert src.text.split("\n") == ["Annual report 2024", "Second line", "a\t1", "b\t2"]
    assert src.label_at(src.text.index("Second")) == "第1页 第2行"
    assert src.label_at(src.text.index("b\t")) == "第1页 表1 第2行第1列"


def test_a_rotated_landscape_page_reads_upright():
    c, buf = _canvas()
    c.setPageRotation(90)  # a portrait box turned, the text drawn to stand upright on it
    c.translate(595, 0)
    c.rotate(90)
    c.setFont("Helvetica", 12)
    c.drawString(72, 500, "Landscape line one")
    c.drawString(72, 480, "Landscape line two")
    c.showPage()
    c.save()
    src = read_pdf_source("r.pdf", buf.getvalue())
    assert src.text == "Landscape line one\nLandscape line two"


_UNMAPPED = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H "
    b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Foo "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>"
)


def test_text_in_fonts_without_a_unicode_map_is_refused(tmp_path):
    ops = b"".join(b"BT /F1 12 Tf 72 %d Td <01020304> Tj ET " % (800 - 20 * i) for i in range(5))
    stream = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(ops), ops)
    msg = _e001(tmp_path, "cid.pdf", _raw_pdf(stream, f1=_UNMAPPED))
    assert "字体缺少 Unicode 映射" in msg


def test_a_few_unmapped_glyphs_read_as_replacement_characters():
    ops = b"BT /F1 12 Tf 72 800 Td (Report of 2024) Tj ET BT /F1 12 Tf 72 780 Td (Second) Tj ET "
    ops += b"BT /F2 12 Tf 72 760 Td <0102> Tj ET"
    stream = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(ops), ops)
    src = read_pdf_source("c.pdf", _raw_pdf(stream, f1=_HELVETICA + b" /F2 " + _UNMAPPED))
    # not "(cid:258)": that would read as half-width brackets and a colon
    assert src.text.split("\n") == ["Report of 2024", "Second", "\ufffd"]  # one 2-byte code


def test_hostile_pdfs_are_refused_quickly(tmp_path):
    bomb = zlib.compress(b" " * (200 * 1024 * 1024), 9)
    msg = _e001(
        tmp_path,
        "bomb.pdf",
        _raw_pdf(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream"
        ),
    )
    assert "解压后超过 16 MB" in msg
    # a stream whose length refers to itself: endless resolution
    msg = _e001(tmp_path, "loop.pdf", _raw_pdf(b"<< /Length 3 0 R >>\nstream\nBT ET\nendstream"))
    assert "嵌套过深" in msg


def test_a_page_of_hatching_is_not_searched_for_tables():
    c, buf = _canvas()
    for i in range(110):  # 1,320 vertical and 1,320 horizontal dashes, crossing here and there
        for j in range(12):
            c.line(72 + i * 4, 100 + j * 50, 72 + i * 4, 100 + j * 50 + 44)
            c.line(60 + j * 40, 90 + i * 6, 60 + j * 40 + 36, 90 + i * 6)
    c.setFont(FONT, 10.5)
    c.drawString(72, 780, "一、总体情况")
    c.showPage()
    c.save()
    started = time.process_time()
    # without the cap: 5 s of pair tests, and rows of empty "cells" in the text
    assert read_pdf_source("h.pdf", buf.getvalue()).text == "一、总体情况"
    assert time.process_time() - started < 2


def test_fix_refuses_pdfs(tmp_path):
    text = seed_text(0).replace("。", ".", 1)
    p = tmp_path / "r.pdf"
    data = to_pdf(text)
    p.write_bytes(data)
    out = CliRunner().invoke(main, ["check", "--fix", str(p)])
    assert p.read_bytes() == data
    assert "not applied (pdf files are not rewritten)" in out.output


def test_pdfplumber_is_imported_only_for_pdfs(tmp_path):
    (tmp_path / "r.txt").write_text(seed_text(0), encoding="utf-8")
    code = (
        "import sys\n"
        "from gsilint.api import check_paths\n"
        "from gsilint import Config\n"
        f"check_paths([{str(tmp_path / 'r.txt')!r}], Config())\n"
        "print('pdfplumber' in sys.modules, 'pdfminer' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
    assert load_path.__module__ == "gsilint.sources"
