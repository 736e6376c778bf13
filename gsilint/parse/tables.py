"""Table rows (tab, pipe, space-separated PDF text) and the cues of a table region.

Tab and pipe rows come typed from the grammar. Text from a PDF has no cell
separators: a table region runs from an anchor line (the caption row of
table 二, the 勾稽关系 note of table 三, the header of table 四) to the next
section heading, and each of its lines is a label followed by numbers. A
copy of an HTML table puts each cell on a line of its own: such a region is
also found by its density of numbers, and its number lines join the label
line above them. A crawler copy whose digits run together is a *glued*
table: only its span is kept.
"""

from __future__ import annotations

from gsilint import document
from gsilint.parse.lines import Line
from gsilint.parse.page import Page, mark_of
from gsilint.pattern_shapes import first_chars
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.tables.spec import table_words
from gsilint.vocabulary import STATUTORY_WORDS

#: The caption row of table 二 or the 勾稽关系 note / applicant header of table 三.
_ANCHOR_SOURCE = (
    r"^[\s\u3000]*(?:"
    + "|".join(table_words("t2", "region_openers") + table_words("t3", "region_openers"))
    + ")"
)
#: The header of table 四 ("行政复议 行政诉讼", "结果维持 结果纠正").
_T4_SOURCE = "|".join(table_words("t4", "region_openers"))
_TABLE_ANCHOR = lazy(_ANCHOR_SOURCE)
_T4_ANCHOR = lazy(_T4_SOURCE)
#: :data:`_TABLE_ANCHOR`, or :data:`_T4_ANCHOR` at the start of fewer than 40 characters.
_REGION_OPENER = lazy(f"{_ANCHOR_SOURCE}|(?=(?s:.){{0,39}}\\Z)(?:{_T4_SOURCE})")
_TABLE_ROW_TITLE = lazy("^(?:" + "|".join(table_words("t3", "row_starts")) + ")")
_STATUTORY = lazy(STATUTORY_WORDS)
_PIPE_SEPARATOR = lazy(r"\|?[\s:|\-]+\|?\s*")
_TRAILING_NUMBERS = lazy(r"(?:\s[+\-]?\d+(?:\.\d+)?)+\s*$")
#: A number, or the mark of a number not reported: one cell of a row.
_NUMBER = r"(?:[+\-－]?[0-9０-９]+(?:[.．][0-9０-９]+)?%?|[/—\-－–无])"
_NUMERIC = lazy(rf"^{_NUMBER}$")
_GLUED_DIGITS = lazy(r"[^\d\s][0-9]{5,}")


def _first_set(words: list[str] | tuple[str, ...]) -> frozenset[str] | None:
    """The characters a match of any of the patterns ``words`` starts with (None: not known)."""
    first = first_chars("|".join(f"(?:{w})" for w in words))
    return None if first is None else frozenset(first)


def _literal_head(word: str) -> str:
    """The plain characters every match of the pattern ``word`` starts with ("" if unsure)."""
    if "|" in word:
        return ""
    n = 0
    while n < len(word) and word[n] not in "\\.^$*+?{}[]()":
        n += 1
    if n < len(word) and word[n] in "*?{":  # the last plain character may be repeated 0 times
        n -= 1
    return word[:n]


#: What every match of :data:`_T4_ANCHOR` starts with (a ``str`` search finds them
#: faster than the pattern); None when a word of it has no plain start.
_T4_HEADS = tuple(_literal_head(w) for w in table_words("t4", "region_openers"))
if not all(_T4_HEADS):
    _T4_HEADS = None
_TOKEN = lazy(r"\S+")


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
    """A row of PDF text: a label, then numbers separated by spaces.

    The words are runs of non-space characters, so each is a cell as it
    stands (nothing to strip); the trailing numbers are one cell each and
    the words before them one label cell. A row of one word is one cell,
    whatever the word (most rows of a table laid out one cell per line).
    """
    text = page.text
    if not page.has_c0_separators():
        row = text[start:end]
        words = row.split()
        if len(words) == 1:
            w = words[0]
            a = start + row.find(w)  # only spaces before it
            return document.Row([document.Cell(w, Span(a, a + len(w)))], Span(start, end))
    words = _words(text, start, end)
    k = len(words)
    while k > 0 and _NUMERIC.match(words[k - 1][0]):
        k -= 1
    if k == len(words):  # no numbers: a header line, one cell per word
        cells = [document.Cell(w, Span(a, b)) for w, a, b in words]
    else:
        cells = [document.Cell(w, Span(a, b)) for w, a, b in words[k:]]
        if k > 0:
            a, b = words[0][1], words[k - 1][2]
            cells.insert(0, document.Cell(text[a:b], Span(a, b)))
    return document.Row(cells, Span(start, end))


#: U+001C..U+001F: spaces to ``str.split``, but not to ``regex``'s ``\S+`` (:data:`_TOKEN`).
_C0_SEPARATOR = lazy(r"[\x1c-\x1f]")


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The words of ``text[start:end]`` (runs of non-space characters) and their offsets."""
    row = text[start:end]
    if _C0_SEPARATOR.search(row):
        return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    words = []
    pos = 0
    find = row.find
    for word in row.split():  # the same words, split in C; each is found after the last
        pos = find(word, pos)
        words.append((word, start + pos, start + pos + len(word)))
        pos += len(word)
    return words


def is_glued_table(page: Page, start: int, end: int) -> bool:
    """A table anchor followed by a run of digits: a crawler copy's table on one line."""
    s = page.s(start, end)
    if not _TABLE_ANCHOR.match(s) and not _has_t4_anchor(s):  # the first: anchored at the start
        return False
    return _GLUED_DIGITS.search(s) is not None


def _has_t4_anchor(s: str) -> bool:
    """Whether ``s`` holds table 四's header; the pattern runs only where a word's start is."""
    if _T4_HEADS is not None:
        for head in _T4_HEADS:
            if head in s:
                break
        else:
            return False
    return _T4_ANCHOR.search(s) is not None


def opens_table_region(simple: str) -> bool:
    """Whether a line (simplified, without indentation) opens a table of PDF text:
    it starts with a table anchor, or is shorter than 40 and starts with table 四's header."""
    if not _may_start(simple, _OPENER_FIRST):
        return False
    return bool(_REGION_OPENER.match(simple))


def _may_start(simple: str, first: frozenset[str] | None) -> bool:
    """A cheap test before a pattern that matches at the start after optional spaces
    (:data:`_REGION_OPENER`, :data:`_ONE_NUMBER`): ``simple`` starts with a space or one
    of the characters ``first`` of the words after the spaces (None: not known)."""
    c = simple[:1]
    return first is None or c in first or c.isspace()


#: The characters the words of :data:`_REGION_OPENER` start with.
_OPENER_FIRST = _first_set(
    table_words("t2", "region_openers")
    + table_words("t3", "region_openers")
    + table_words("t4", "region_openers")
)


#: A line that is one number (or a not-reported mark): a cell on a line of its own.
_ONE_NUMBER = lazy(rf"^[\s\u3000]*{_NUMBER}[\s\u3000]*$")
#: The characters a number of :data:`_ONE_NUMBER` starts with.
_NUMBER_FIRST = _first_set([_NUMBER])
#: Sentence punctuation: a line that has it is prose, not a cell.
_SENTENCE = lazy(r"[。，；！？]")
#: How far ahead a line of one cell looks for the rest of its table.
_WINDOW = 8
#: Cells on lines of their own: at least this many numbers in the window make a table.
_DENSE = 3
#: A line starting with a unit or punctuation continues a sentence broken at a number.
_CONTINUATION = frozenset("条件个项次人篇万元%％、，。；：）)”")
#: The unit column of old statistics tables ("主动公开文件数" / "条" / "33696").
_UNITS = frozenset({"条", "件", "个", "项", "次", "人", "篇", "家", "元", "万元"})
#: The longest number a line of one cell holds ("793.0570158").
_NUMBER_MAX = 16
#: The longest line that can be a cell of a one-cell-per-line table.
_CELL_MAX = 40


def is_number_line(simple: str) -> bool:
    """A line holding one number and nothing else (one cell per line)."""
    return _may_start(simple, _NUMBER_FIRST) and _ONE_NUMBER.match(simple) is not None


def is_cell_line(simple: str) -> bool:
    """A number or a unit on a line of its own: a cell of a one-cell-per-line table."""
    return len(simple) <= _NUMBER_MAX and (
        simple in _UNITS
        or (_may_start(simple, _NUMBER_FIRST) and _ONE_NUMBER.match(simple) is not None)
    )


def opens_cell_region(texts: list[str]) -> str:
    """Whether a line (``texts[0]``) opens a table laid out one cell per line:
    ``"spread"`` (its caption spread over lines), ``"dense"`` or ``""``.

    ``texts`` are the next non-blank lines (simplified, stripped). Either a
    caption or header is spread over the first short lines ("行政复议" /
    "行政诉讼"), or the window is dense with numbers on lines of their own
    and units on lines of their own, and has no sentence in it (a crawler
    copy of a statistics table).
    """
    head = ""
    for t in texts[:4]:
        if len(t) > 12:
            break
        head += t
        if opens_table_region(head):
            return "spread"
    window = texts[:_WINDOW]
    if len(window) < _WINDOW or is_number_line(window[0]) or window[0][0] in _CONTINUATION:
        return ""
    ahead = texts[: 2 * _WINDOW]
    # a long line or a sentence ahead (one search: the pattern is one character)
    if max(map(len, ahead)) > _CELL_MAX or _SENTENCE.search("".join(ahead)):
        return ""
    cells = sum(map(is_cell_line, window))
    return "dense" if cells >= _DENSE else ""


def join_cell_lines(table: document.Table, spread: bool) -> None:
    """A table of text laid out one cell per line: each number joins the row above it.

    The layout is recognised by its numbers on lines of their own following
    a line of one cell (at least three), or by a caption spread over lines
    (``spread``) and at least one such number; the table's kind becomes
    ``lines``. A table of PDF text with a stray number (a page number) is
    left alone. The rows that would join are counted first, so a table left
    alone has no joined rows made for it.
    """
    joins = []  # for each row, whether it joins the row above it
    one_cell = False
    joined = 0
    for row in table.rows:
        cells = row.cells
        single = len(cells) == 1
        join = False
        if single and one_cell:
            text = cells[0].text
            if text in _UNITS:
                join = True
            elif is_number_line(text):
                join = True
                joined += 1
        joins.append(join)
        one_cell = single
    if not (joined >= _DENSE or (spread and joined)):
        return
    rows: list[document.Row] = []
    group: list[document.Row] = []  # a row and the rows that join it
    for row, join in zip(table.rows, joins):
        if not join and group:
            rows.append(_joined(group))
            group = []
        group.append(row)
    rows.append(_joined(group))
    table.rows = rows
    table.kind = "lines"


def _joined(group: list[document.Row]) -> document.Row:
    """One row of the cells of ``group``, covering their spans (a row alone is kept)."""
    if len(group) == 1:
        return group[0]
    span = group[0].span
    start, end = span.start, span.end
    cells = list(group[0].cells)
    for row in group[1:]:
        cells += row.cells
        if row.span.start < start:
            start = row.span.start
        if row.span.end > end:
            end = row.span.end
    return document.Row(cells, Span(start, end))


def is_heading_title(simple: str) -> bool:
    """Whether a line can be the title of a heading mark printed on the line above."""
    return len(simple) <= _CELL_MAX and not _SENTENCE.search(simple) and not is_number_line(simple)


def ends_cell_region(simple: str) -> bool:
    """A sentence: the end of a table found by its density of numbers."""
    return len(simple) > _CELL_MAX or bool(_SENTENCE.search(simple))


def row_like_heading(line: Line, simple: str) -> bool:
    """Inside a table region, a numbered line that is a row label, not a heading."""
    mark = None
    for tok in line.tokens:
        if tok.type == "MARK":
            mark = tok
            break
    rest = simple[len(mark.value) :] if mark else simple
    rest = rest.strip()
    style, _ = mark_of(mark.value) if mark else ("cn", None)
    if style == "cn" and _STATUTORY.match(rest):
        return False
    if style == "cn" and len(rest) <= 6 and "。" not in rest:
        return True  # a label broken out of a vertical cell: "三、本年度办理结果" as "三、本法提供"
    if not rest or _TABLE_ROW_TITLE.match(rest):
        return True
    # trailing numbers end in a digit (after spaces only, which rstrip takes off)
    tail = rest.rstrip()[-1:]
    if tail.isdecimal() and _TRAILING_NUMBERS.search(rest):
        return True
    return style != "cn" and len(rest) < 40 and not rest.endswith("。")
