"""Properties over arbitrary input: never a traceback, spans inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gsilint import Config, lint_text
from gsilint.document import Section
from gsilint.parse import parse
from gsilint.run import check_stdin
from gsilint.sources import source_from_text

# Text built from pieces that exercise the grammar: marks, tabs, pipes, CRLF,
# astral characters, NUL, comments, table labels, dates.
PIECES = st.sampled_from(
    [
        "一、",
        "（一）",
        "(二)",
        "1.",
        "1、",
        "（1）",
        "①",
        "## ",
        "\u3000\u3000",
        "\t",
        "|",
        "| a | b |",
        "|---|",
        "\n",
        "\r\n",
        "\r",
        "𠮷",
        "\x00",
        "公开",
        "总计",
        "。",
        "，",
        "2019年1月1日",
        "二○一八年一月十五日",
        "特此报告",
        "<!-- gsilint-disable S101 -->",
        "本年新收政府信息公开申请数量",
        "640020470",
        " ",
        "3 0 1",
        "第二十条第（一）项",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    ]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=80).map("".join), st.text(max_size=300))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_lint_text_never_raises_and_positions_are_inside(text):
    findings = lint_text(text, "p.txt", Config())
    lines = text.split("\n")
    for f in findings:
        assert 1 <= f.line <= len(lines)
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1
        assert (f.end_line, f.end_column) >= (f.line, f.column)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_every_span_lies_inside_the_text(text):
    if not text.strip():
        return
    src = source_from_text(text)
    doc = parse(src.text)
    n = len(src.text)
    for node in doc.walk():
        spans = [node.span]
        if isinstance(node, Section):
            spans += [node.heading.span, node.heading.title_span, node.heading.mark.span]
        for s in spans:
            assert 0 <= s.start <= s.end <= n
    for off in range(0, n + 1, max(1, n // 20)):
        assert 0 <= src.to_original(off) <= len(src.original)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_give_findings_not_tracebacks(data):
    result = check_stdin(data, Config())
    for f in result.findings:
        assert f.line >= 1
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        assert [f.code for f in result.findings] == ["E001"]


def test_lone_surrogate_bytes_are_e001():
    result = check_stdin(b"\xed\xa0\x80abc\xff\xfe\xfd", Config())
    assert [f.code for f in result.findings] in (["E001"], ["E002"])
