"""Tab-indented text lines: a "tab row" with one cell of text is a heading or a paragraph.

Word/WPS "save as text" indents each paragraph with a tab, so the grammar
reads every paragraph as a tab row (any line with a tab is a row). A row
whose only non-blank cell is text — not a number, not a table caption — is
a text line, unless it continues a tab table (a label row of its own, such
as "（三）不予公开", is a row of that table) and is neither prose nor a
statutory section heading. Its text is
read again by the grammar, so a heading mark is found the same way as on an
unindented line.
"""

from __future__ import annotations

from gsilint.parse.lines import Line, parse_lines
from gsilint.parse.page import Page
from gsilint.parse.tables import opens_table_region
from gsilint.parse.tokens import Token
from gsilint.patterns import lazy
from gsilint.tables.values import is_value_text
from gsilint.vocabulary import STATUTORY_WORDS, read_mark

_BLANK = " \u3000\u00a0\ufeff\u2002\u2003\t\r"
#: Sentence punctuation: a cell that has it is prose, wherever it stands.
_PROSE = lazy(r"[。！？；!?;]|[，,].{30}")
_STATUTORY = lazy(STATUTORY_WORDS)


def _only_cell(text: str) -> tuple[int, int] | None:
    """Offsets of the one non-blank cell of a tab row's text, or None."""
    found = None
    pos = 0
    for part in text.split("\t"):
        if part.strip(_BLANK):
            if found is not None:
                return None
            lead = len(part) - len(part.lstrip(_BLANK))
            found = (pos + lead, pos + len(part.rstrip(_BLANK)))
        pos += len(part) + 1
    return found


def _relex(line: Line, text: str, start: int) -> Line:
    """The text line that ``text`` (at ``start``) is, as the grammar reads it."""
    lexed = [ln for ln in parse_lines(text) if ln.kind != "blank"]
    if len(lexed) != 1:
        return line
    new = lexed[0]
    tokens = [
        Token(t.type, t.value, t.start_pos + start, t.line, t.column, end_pos=t.end_pos + start)
        for t in new.tokens
    ]
    return Line(new.kind, tokens, line.start, new.end + start)


def _statutory_heading(line: Line, text: str) -> bool:
    """A section heading of the statute ("五、存在的主要问题…"): never a table row."""
    mark = next((t for t in line.tokens if t.type == "MARK"), None)
    if mark is None or read_mark(mark.value)[0] != "cn":
        return False
    return bool(_STATUTORY.match(text[len(mark.value) :].lstrip()))


def retype_indented(page: Page) -> None:
    """Replace, in ``page.lines``, tab rows that are indented text by text lines."""
    lines = page.lines
    in_table = False
    blanks = 0
    for i, line in enumerate(lines):
        if line.kind == "blank":
            blanks += 1
            if blanks > 1:
                in_table = False
            continue
        blanks = 0
        if line.kind != "row":
            in_table = line.kind == "pipe_row"
            continue
        tok = line.tokens[0]
        cell = _only_cell(tok.value)
        if cell is None:
            in_table = True
            continue
        a, b = cell
        text = tok.value[a:b]
        simple = page.s(tok.start_pos + a, tok.start_pos + b)
        prose = bool(_PROSE.search(simple))
        if is_value_text(text) or (not prose and opens_table_region(simple)):
            in_table = True
            continue
        new = _relex(line, text, tok.start_pos + a)
        if in_table and not prose and not _statutory_heading(new, simple):
            continue
        lines[i] = new
        in_table = False
