"""Encodings: the same report in any encoding gives identical findings; bad bytes give E001."""

from __future__ import annotations

import codecs

import opencc
import pytest

from gsilint import Config
from gsilint.api import check_paths
from gsilint.sources import InputError, load_path
from gsilint.sources.decode import MAX_BYTES, chinese_score, decode_bytes
from tests.conftest import seed_text

#: seed 3 without its last statutory heading: S101 reports the missing section
MUTATION = ("六、其他需要报告的事项", "本节。")


def _report(n: int) -> str:
    return seed_text(n).replace(*MUTATION)


def _traditional(text: str) -> str:
    """The report in Taiwan-standard traditional script, every character Big5-encodable."""
    conv = opencc.OpenCC("s2tw").convert(text)
    return "".join(ch if ch.encode("cp950", "ignore") else " " for ch in conv)


def _findings(path, data: bytes | None = None, **cfg):
    if data is not None:
        path.write_bytes(data)
    [result] = check_paths([str(path)], Config(**cfg))
    return [
        (f.code, f.line, f.column, f.end_line, f.end_column, f.message) for f in result.findings
    ], result.source


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-le-bom": lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
    "gb18030": lambda t: t.encode("gb18030"),
}


DETECTED = {
    "utf-8": "utf-8",
    "utf-8-bom": "utf-8-sig",
    "utf-16-le-bom": "utf-16-le",
    "utf-16-be-bom": "utf-16-be",
    "utf-32-le-bom": "utf-32-le",
    "gb18030": "gb18030",
}


@pytest.mark.parametrize("n", range(5))
@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_seed_in_any_encoding_gives_identical_findings(tmp_path, n, name):
    text = _report(n)
    ref_path = tmp_path / "ref.txt"
    ref_path.write_bytes(text.encode("utf-8"))
    expected, _ = _findings(ref_path)
    p = tmp_path / f"seed.{name}.txt"
    p.write_bytes(ENCODINGS[name](text))
    got, source = _findings(p)
    assert got == expected
    assert source.text == text
    assert source.encoding == DETECTED[name]


def test_mutated_seed_has_findings_to_compare(tmp_path):
    p = tmp_path / "s.txt"
    p.write_bytes(_report(3).encode("gb18030"))
    got, _ = _findings(p)
    assert [g[0] for g in got].count("S101") == 1


@pytest.mark.parametrize("n", [0, 1, 3, 4])
def test_gbk_and_big5_reports(tmp_path, n):
    simplified = _report(n)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(simplified.encode("gbk"))
    ref = tmp_path / "ref.txt"
    ref.write_bytes(simplified.encode("utf-8"))
    assert _findings(gbk)[0] == _findings(ref)[0]
    assert _findings(gbk)[1].encoding == "gb18030"

    traditional = _traditional(simplified)
    big5 = tmp_path / "big5.txt"
    big5.write_bytes(traditional.encode("cp950"))
    tref = tmp_path / "tref.txt"
    tref.write_bytes(traditional.encode("utf-8"))
    got, source = _findings(big5)
    assert source.encoding == "cp950" and source.text == traditional
    assert got == _findings(tref)[0]


def test_big5_and_gb18030_are_told_apart_by_score():
    text = _traditional(seed_text(0))
    raw = text.encode("cp950")
    # the Big5 bytes also decode as GB18030, but into rare characters
    wrong = raw.decode("gb18030")
    assert chinese_score(wrong) < 0.5 < 0.95 < chinese_score(raw.decode("cp950"))
    assert decode_bytes(raw) == (text, "cp950")


def test_forced_encoding(tmp_path):
    text = _report(3)
    p = tmp_path / "r.txt"
    p.write_bytes(text.encode("gb18030"))
    assert load_path(str(p), "gbk").text == text
    got, _ = _findings(p, encoding="utf-8")
    assert [g[0] for g in got] == ["E001"]
    assert "utf-8" in got[0][5]


def _e001(tmp_path, name: str, data: bytes, **cfg) -> str:
    p = tmp_path / name
    p.write_bytes(data)
    got, source = _findings(p, **cfg)
    assert source is None
    assert [(g[0], g[1], g[2]) for g in got] == [("E001", 1, 1)]
    return got[0][5]


def test_bad_inputs_give_e001(tmp_path):
    good = _report(0).encode("utf-8")
    assert "二进制" in _e001(tmp_path, "nul.txt", good[:300] + b"\x00\x01\x02" + good[300:])
    # a legacy-looking byte soup is neither UTF-8 with a few broken bytes nor GB18030/Big5
    msg = _e001(tmp_path, "soup.txt", good[:3000] + bytes(range(0x80, 0x100)) * 2)
    assert "第 3000 字节" in msg and "--encoding" in msg
    assert "为空" in _e001(tmp_path, "empty.txt", b"")
    assert "为空" in _e001(tmp_path, "blank.txt", b" \n\t\r\n")
    assert "20 MB" in _e001(tmp_path, "huge.txt", good * (MAX_BYTES // len(good) + 1))
    msg = _e001(tmp_path, "forced.txt", good, encoding="ascii")
    assert (
        msg == "无法按指定编码 ascii 解码（第 2 字节）："
        "请确认文件的编码，或不指定编码让 gsilint 自动识别"
    )
    assert "已损坏" in _e001(tmp_path, "report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")


def test_bad_input_does_not_stop_other_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00" * 10)
    (tmp_path / "b.txt").write_bytes(_report(3).encode("gb18030"))
    results = check_paths([str(tmp_path)], Config())
    assert [f.code for f in results[0].findings] == ["E001"]
    assert "S101" in [f.code for f in results[1].findings]


def test_decode_bytes_boms_and_errors():
    assert decode_bytes(codecs.BOM_UTF8 + "报告".encode()) == ("报告", "utf-8-sig")
    assert decode_bytes(codecs.BOM_UTF16_BE + "报告".encode("utf-16-be")) == ("报告", "utf-16-be")
    with pytest.raises(InputError) as exc:
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone high surrogate in UTF-16
    assert "utf-16-le" in exc.value.message_en
    assert decode_bytes(b"plain ascii report") == ("plain ascii report", "utf-8")


def test_a_few_broken_bytes_in_utf8_are_replaced_and_reported_once(tmp_path):
    good = _report(3).encode("utf-8")
    at = good.index("主动公开政府信息情况".encode())
    # a UTF-8 encoded lone surrogate (3 bytes) and, later, one stray continuation byte
    data = good[:at] + b"\xed\xa0\x80" + good[at : at + 600] + b"\x80" + good[at + 600 :]
    got, source = _findings(tmp_path / "r.txt", data=data)
    assert source is not None and source.encoding == "utf-8"
    assert source.original.count("\ufffd") == 2
    e001 = [g for g in got if g[0] == "E001"]
    line = good[:at].decode().count("\n") + 1
    col = len(good[:at].decode().rsplit("\n", 1)[-1]) + 1
    assert e001 == [
        (
            "E001",
            line,
            col,
            line,
            col + 1,
            "有 4 个字节不是有效的 UTF-8，已用“\ufffd”代替后照常检查；"
            f"第一处在第 {at} 字节（此处）。"
            "请核对该处文字，或用 --encoding 指定文件的实际编码",
        )
    ]
    # the report was checked anyway: the missing section is still found
    assert "S101" in [g[0] for g in got]
    [result] = check_paths([str(tmp_path / "r.txt")], Config())
    assert [f.severity.label for f in result.findings if f.code == "E001"] == ["warning"]


def test_broken_bytes_with_a_forced_encoding_stay_an_error(tmp_path):
    good = _report(3).encode("utf-8")
    data = good[:900] + b"\xff" + good[900:]
    got, source = _findings(tmp_path / "r.txt", data=data, encoding="utf-8")
    assert source is None
    assert [(g[0], g[5]) for g in got] == [
        (
            "E001",
            "无法按指定编码 utf-8 解码（第 900 字节）："
            "请确认文件的编码，或不指定编码让 gsilint 自动识别",
        )
    ]


def test_many_broken_bytes_are_not_guessed_as_utf8():
    text = "淮安市洪泽区人民政府2024年政府信息公开工作年度报告。" * 20
    raw = bytearray(text.encode("utf-8"))
    for i in range(0, len(raw), 40):  # far more than 2% of the non-ASCII bytes
        raw[i] = 0xFF
    with pytest.raises(InputError) as exc:
        decode_bytes(bytes(raw))
    assert "不是有效的 UTF-8" in exc.value.message_zh


@pytest.mark.parametrize(
    ("name", "data", "zh"),
    [
        (
            "pdf.txt",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
            "这是 PDF 文件，扩展名却是 .txt：请改名为 .pdf 后再检查",
        ),
        (
            "doc.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "这是旧版 Word/Excel 文件（.doc/.xls），扩展名却是 .docx："
            "请用 Word 另存为 .docx（或文本）后再检查",
        ),
        (
            "text.docx",
            "淮安市洪泽区人民政府2024年政府信息公开工作年度报告\n".encode(),
            "这是文本文件，扩展名却是 .docx：请改名为 .txt 后再检查",
        ),
        (
            "junk.docx",
            b"\x01\x02garbage\x00" * 8,
            "Word 文件已损坏或格式不标准，无法读取：请用 Word 打开后另存为 .docx 再检查",
        ),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "这是 PNG 图片，不是报告文本：请检查报告的正文文件（.txt、.md、.html、.docx）",
        ),
    ],
)
def test_misnamed_files_say_what_they_are(tmp_path, name, data, zh):
    assert _e001(tmp_path, name, data) == zh


def test_a_docx_renamed_txt_is_named_and_no_internals_leak(tmp_path):
    import io

    import docx

    d = docx.Document()
    d.add_paragraph("淮安市洪泽区人民政府2024年政府信息公开工作年度报告")
    buf = io.BytesIO()
    d.save(buf)
    msg = _e001(tmp_path, "report.txt", buf.getvalue())
    assert msg == "这是 Word 文档（.docx），扩展名却是 .txt：请改名为 .docx 后再检查"
    # a damaged package with a Word part: the reader fails, the message says what to do
    broken = buf.getvalue()[:-200]
    msg = _e001(tmp_path, "broken.docx", broken)
    assert "Error" not in msg and "zip" not in msg.lower() and "另存为 .docx" in msg
