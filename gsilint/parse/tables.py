"""Table rows (tab, pipe, space-separated PDF text) and the cues of a table region.

Tab and pipe rows come typed from the grammar. Text from a PDF has no cell
separators: a table region runs from an anchor line (the caption row of
table 二, the 勾稽关系 note of table 三, the header of table 四) to the next
section heading, and each of its lines is a label followed by numbers. A
crawler copy whose digits run together is a *glued* table: only its span is
kept.
"""

from __future__ import annotations

import regex

from gsilint import document
from gsilint.parse.lines import Line
from gsilint.parse.page import Page
from gsilint.positions import Span
from gsilint.tables.spec import table_words
from gsilint.vocabulary import STATUTORY_WORDS, read_mark

#: The caption row of table 二 or the 勾稽关系 note / applicant header of table 三.
_TABLE_ANCHOR = regex.compile(
    r"^[\s\u3000]*(?:"
    + "|".join(table_words("t2", "region_openers") + table_words("t3", "region_openers"))
    + ")"
)
#: The header of table 四 ("行政复议 行政诉讼", "结果维持 结果纠正").
_T4_ANCHOR = regex.compile("|".join(table_words("t4", "region_openers")))
_TABLE_ROW_TITLE = regex.compile("^(?:" + "|".join(table_words("t3", "row_starts")) + ")")
_STATUTORY = regex.compile(STATUTORY_WORDS)
_PIPE_SEPARATOR = regex.compile(r"\|?[\s:|\-]+\|?\s*")
_TRAILING_NUMBERS = regex.compile(r"(?:\s[+\-]?\d+(?:\.\d+)?)+\s*$")
_NUMERIC = regex.compile(r"^(?:[+\-－]?[0-9０-９]+(?:[.．][0-9０-９]+)?%?|[/—\-－–无])$")
_GLUED_DIGITS = regex.compile(r"[^\d\s][0-9]{5,}")
_TOKEN = regex.compile(r"\S+")


def tab_row(page: Page, line: Line) -> document.Row:
    """Cells of a tab-separated row (leading indentation is not a cell)."""
    tok = line.tokens[0]
    text = tok.value
    base = tok.start_pos
    cells = []
    pos = 0
    for part in text.split("\t"):
        cells.append(page.cell(base + pos, base + pos + len(part)))
        pos += len(part) + 1
    return document.Row(cells, Span(line.start, line.end))


def pipe_row(page: Page, line: Line) -> document.Row | None:
    """Cells of a Markdown pipe row; None for the ``|---|---|`` separator."""
    tok = next(t for t in line.tokens if t.type == "PIPE_ROW")
    raw = tok.value
    if _PIPE_SEPARATOR.fullmatch(raw):
        return None
    cells = []
    pos = 1
    body_end = len(raw.rstrip())
    if raw.rstrip().endswith("|"):
        body_end -= 1
    while pos <= body_end:
        nxt = raw.find("|", pos)
        if nxt == -1 or nxt > body_end:
            nxt = body_end
        cells.append(page.cell(tok.start_pos + pos, tok.start_pos + nxt))
        pos = nxt + 1
    return document.Row(cells, Span(tok.start_pos, tok.end_pos))


def space_row(page: Page, start: int, end: int) -> document.Row:
    """A row of PDF text: a label, then numbers separated by spaces."""
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(page.text[start:end])]
    k = len(tokens)
    while k > 0 and _NUMERIC.match(page.text[tokens[k - 1][0] : tokens[k - 1][1]]):
        k -= 1
    cells = []
    if k == len(tokens):  # no numbers: a header line, one cell per word
        cells = [page.cell(a, b) for a, b in tokens]
    else:
        if k > 0:
            cells.append(page.cell(tokens[0][0], tokens[k - 1][1]))
        cells.extend(page.cell(a, b) for a, b in tokens[k:])
    return document.Row(cells, Span(start, end))


def is_glued_table(page: Page, start: int, end: int) -> bool:
    """A table anchor followed by a run of digits: a crawler copy's table on one line."""
    s = page.s(start, end)
    return bool((_TABLE_ANCHOR.search(s) or _T4_ANCHOR.search(s)) and _GLUED_DIGITS.search(s))


def opens_table_region(simple: str) -> bool:
    """Whether a line (simplified, without indentation) opens a table of PDF text."""
    return bool(_TABLE_ANCHOR.match(simple) or (_T4_ANCHOR.match(simple) and len(simple) < 40))


def row_like_heading(line: Line, simple: str) -> bool:
    """Inside a table region, a numbered line that is a row label, not a heading."""
    mark = next((t for t in line.tokens if t.type == "MARK"), None)
    rest = simple[len(mark.value) :] if mark else simple
    rest = rest.strip()
    style, _ = read_mark(mark.value) if mark else ("cn", None)
    if style == "cn" and _STATUTORY.match(rest):
        return False
    if style == "cn" and len(rest) <= 6 and "。" not in rest:
        return True  # a label broken out of a vertical cell: "三、本年度办理结果" as "三、本法提供"
    if not rest or _TABLE_ROW_TITLE.match(rest):
        return True
    if _TRAILING_NUMBERS.search(rest):
        return True
    return style != "cn" and len(rest) < 40 and not rest.endswith("。")
