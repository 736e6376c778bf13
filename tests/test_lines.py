"""The line reader gives exactly the Lark reader's lines, on any text and on every real report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gsilint.parse.lark_lines import lark_lines
from gsilint.parse.lines import parse_lines
from gsilint.sources import InputError, is_report_path, load_path

TESTS = Path(__file__).parent
#: The shared corpus of real reports (beside a checkout of main, or where GSILINT_CORPUS says).
CORPUS = Path(os.environ.get("GSILINT_CORPUS", TESTS.parent.parent / "shared" / "corpus"))

# Pieces where the grammar's terminals meet: indentation, hashes, every mark
# style (and near misses), bold, tabs, pipes, comments whole and broken, every
# line break, and the spaces a trailing comment may have after it.
PIECES = st.sampled_from(
    [
        "一、",
        "十二．",
        "（一）",
        "(二)",
        "1.",
        "1.5",
        "12、",
        "１．",
        "（1）",
        "①",
        "⑳",
        "**",
        "#",
        "## ",
        "#######",
        " ",
        "\u3000",
        "\u00a0",
        "\ufeff",
        "\u2002",
        "\t",
        "|",
        "| a |",
        "<",
        "<!--",
        "-->",
        "<!-- gsilint-disable T501 -->",
        "<!---->",
        "<!-->",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\u2028",
        "公开",
        "。",
        "a",
        "𠮷",
    ]
)


def _fields(lines) -> list:
    """Everything a line and its tokens carry."""
    return [
        (
            line.kind,
            line.start,
            line.end,
            [
                (t.type, str(t), t.value, t.start_pos, t.end_pos)
                + (t.line, t.column, t.end_line, t.end_column)
                for t in line.tokens
            ],
        )
        for line in lines
    ]


def _same_as_lark(text: str) -> None:
    assert _fields(parse_lines(text)) == _fields(lark_lines(text))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=14).map("".join))
def test_same_lines_as_lark_on_generated_text(text):
    _same_as_lark(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_same_lines_as_lark_on_any_text(text):
    _same_as_lark(text)


def _reports(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and is_report_path(p) and not p.name.upper().startswith("README")
    )


def _texts(folder: Path) -> list[str]:
    texts = []
    for path in _reports(folder):
        try:
            texts.append(load_path(str(path)).text)
        except InputError:
            pass
    return texts


def test_same_lines_as_lark_on_the_fixtures():
    texts = _texts(TESTS)
    assert len(texts) > 50
    for text in texts:
        _same_as_lark(text)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no shared corpus beside the checkout")
def test_same_lines_as_lark_on_the_corpus():
    for text in _texts(CORPUS):
        _same_as_lark(text)


def test_checking_a_file_does_not_import_lark(tmp_path):
    """Lark is the grammar's reference reader (tests, ``parse/lark_lines.py``); the CLI's
    parse path uses the line reader and must not pay for importing Lark. Nor does a check
    piped to a file import rich (no terminal) or importlib.metadata (no plugin installed)."""
    import subprocess
    import sys

    report = tmp_path / "r.txt"
    report.write_text("\t某县2020年政府信息公开工作年度报告\n\t一、总体情况\n\t正文。\n", "utf-8")
    code = (
        "import sys\nfrom gsilint.cli import main\n"
        "try:\n    main(['check', '--no-cache', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('lark', 'rich', 'importlib.metadata') if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(report)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
