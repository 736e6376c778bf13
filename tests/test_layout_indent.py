"""Indented prose is prose: a seed saved with every paragraph indented reads the same."""

from __future__ import annotations

import pytest
from conftest import SEEDS, lint

from gsilint.parse import parse

#: Word/WPS "save as text" (a tab), full-width spaces, plain spaces.
INDENTS = ["\t", "\u3000\u3000", "    "]
SEED_PATHS = sorted(SEEDS.glob("*.txt"))


def _table_lines(text: str) -> set[int]:
    """Line numbers (1-based) that a table of the parsed text covers."""
    out = set()
    for t in parse(text).tables():
        first = text.count("\n", 0, t.span.start) + 1
        out.update(range(first, first + text.count("\n", t.span.start, t.span.end) + 1))
    return out


def indent(text: str, ind: str) -> tuple[str, dict[int, int]]:
    """Every non-blank line outside the tables indented by ``ind``; line → shift."""
    out, shift = [], {}
    tables = _table_lines(text)
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip() and n not in tables:
            out.append(ind + line)
            shift[n] = len(ind)
        else:
            out.append(line)
    return "\n".join(out), shift


def _found(text: str, shift: dict[int, int] | None = None):
    shift = shift or {}
    return sorted((f.code, f.line, f.column - shift.get(f.line, 0), f.message) for f in lint(text))


@pytest.mark.parametrize("ind", INDENTS, ids=["tab", "ideographic", "spaces"])
@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.name[:3])
def test_indented_seed_gives_the_same_findings(path, ind):
    text = path.read_text(encoding="utf-8")
    moved, shift = indent(text, ind)
    assert _found(moved, shift) == _found(text)


def test_tab_indented_paragraph_is_a_paragraph_and_heading_a_heading():
    doc = parse("\t2015年政府信息公开工作年度报告\n\t一、概述\n\t今年，我镇共公开信息36条。\n")
    assert doc.title is not None and "2015年" in doc.title.text
    assert [s.heading.title for s in doc.sections] == ["概述"]
    assert not list(doc.tables())


def test_single_label_row_inside_a_tab_table_stays_a_row():
    text = "第二十条第（一）项\n信息内容\t本年制发件数\n\t（三）不予公开\t\n规章\t0\n"
    doc = parse(text)
    assert not doc.sections
    rows = [r.cells[0].text or r.cells[1].text for t in doc.tables() for r in t.rows]
    assert "（三）不予公开" in rows
