"""Report text → typed lines, as the grammar ``grammars/report.lark`` defines them.

Each line is a heading, paragraph, tab row, pipe row, directive or blank
line, with its tokens and their offsets. The grammar is the definition;
this reader follows it line by line without a parser: a line that cannot
start an INDENT, HASHES, MARK or pipe row (its first character says so) and
holds no tab or "<" is prose at once; any other line is read by one regular
expression made of the grammar's own INDENT, HASHES and MARK patterns, and
plain string tests settle the rest, in the order of the grammar's terminal
priorities. It gives exactly the lines of the Lark reader
(:mod:`gsilint.parse.lark_lines`, compared in ``tests/test_lines.py``) in
linear time and memory, whatever the length of a line.
"""

from __future__ import annotations

import re
from functools import cache

from gsilint.parse.grammar import MARK_STYLES_SLOT, grammar_text, terminal_pattern
from gsilint.parse.lark_lines import lark_parser as grammar_parser  # the reference reader
from gsilint.parse.tokens import Line, Token
from gsilint.pattern_shapes import first_chars
from gsilint.patterns import re_compile

__all__ = [
    "MARK_STYLES_SLOT",
    "Line",
    "ParseError",
    "Token",
    "grammar_parser",
    "grammar_text",
    "parse_lines",
]

#: Spaces the grammar's COMMENT allows after a comment that ends a line.
_COMMENT_TAIL = " \t\u3000"


class ParseError(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@cache
def _line_pattern() -> re.Pattern:
    """A non-empty line, with the INDENT, HASHES and MARK it may begin with.

    The last group is empty unless the line has a tab or a "<" (row,
    comment) after them.
    """
    return re_compile(
        "(?=[^\\r\\n])"
        f"({terminal_pattern('INDENT')})?"
        f"({terminal_pattern('HASHES')})?"
        f"({terminal_pattern('MARK')})?"
        "[^\\r\\n\\t<]*([^\\r\\n]*)"
    )


@cache
def _head_pattern() -> re.Pattern:
    """The INDENT, HASHES and MARK a line may begin with (:func:`_line_pattern`'s groups)."""
    return re_compile(
        f"({terminal_pattern('INDENT')})?"
        f"({terminal_pattern('HASHES')})?"
        f"({terminal_pattern('MARK')})?"
    )


def _comment_start(text: str, start: int, end: int) -> int:
    """Where an HTML comment that runs to the end of the line begins, or -1.

    The first ``<!--`` from which ``<!--…-->`` and then only spaces reach
    the line end (the grammar's COMMENT; TEXT stops before it).
    """
    if text.find("<!--", start, end) == -1:
        return -1
    tail = end
    while tail > start and text[tail - 1] in _COMMENT_TAIL:
        tail -= 1
    if not text.endswith("-->", start, tail):
        return -1
    return text.find("<!--", start, tail - 3)


def parse_lines(text: str) -> list[Line]:
    """``text`` read as typed lines (the same lines as the Lark reader).

    The text is split at its "\\n"s in C. A line that cannot start with
    INDENT, HASHES, MARK or a pipe (its first character says so, see
    :func:`_starters`) and has no tab or "<" is plain prose, one TEXT token,
    without running a pattern; the others have their INDENT, HASHES and MARK
    matched (:func:`_head_pattern`) and are searched for a tab or "<" after them.
    """
    lines: list[Line] = []
    append = lines.append
    prose = Line.prose
    head = _head_pattern().match
    starters = _starters()
    special = "\t" in text or "<" in text  # a row, a comment: the pattern reads such lines
    has_cr = "\r" in text
    pos = 0
    line_no = 0
    for piece in text.split("\n"):
        line_no += 1
        end = pos + len(piece)
        if not piece:
            pass
        elif has_cr and "\r" in piece:  # a lone "\r" ends a line but not a Lark line
            for m in _line_pattern().finditer(text, pos, end):
                append(_matched(text, m, line_no, pos))
        elif (
            starters is not None
            and piece[0] not in starters
            and not (special and ("\t" in piece or "<" in piece))
        ):
            append(prose(text, pos, end, line_no, 1))
        else:
            regs = head(text, pos, end).regs
            rest = regs[0][1] - pos  # a tab or "<" after the INDENT, HASHES and MARK
            tab_or_lt = special and (piece.find("\t", rest) != -1 or piece.find("<", rest) != -1)
            indent, hashes, mark = regs[1][1], regs[2][1], regs[3][1]
            append(_classified(text, pos, end, indent, hashes, mark, tab_or_lt, line_no, pos))
        pos = end + 1
    return lines


def _matched(text: str, m: re.Match, line_no: int, line_start: int) -> Line:
    """The line the line pattern matched (``m``), on Lark line ``line_no`` from ``line_start``."""
    regs = m.regs  # the line, then INDENT, HASHES, MARK (each -1 when absent) … tab or "<"
    start, end = regs[0]
    indent, hashes, mark = regs[1][1], regs[2][1], regs[3][1]
    special_start, special_end = regs[-1]
    tab_or_lt = special_start != special_end
    return _classified(text, start, end, indent, hashes, mark, tab_or_lt, line_no, line_start)


def _classified(
    text: str,
    start: int,
    end: int,
    indent: int,
    hashes: int,
    mark: int,
    tab_or_lt: bool,
    line_no: int,
    line_start: int,
) -> Line:
    """The line ``text[start:end]``; ``indent``, ``hashes``, ``mark``: where each ends, or -1
    if it is not there; ``tab_or_lt``: whether a tab or "<" follows them."""
    if hashes == mark == -1 and not tab_or_lt:
        # prose, the most common line: one TEXT token, after an INDENT token if indented
        content = start if indent == -1 else indent
        if content < end and text[content] != "|":
            return Line.prose(text, start, end, line_no, start - line_start + 1, content)
    return _line(text, start, end, indent, hashes, mark, line_no, line_start)


@cache
def _starters() -> frozenset[str] | None:
    """Every character an INDENT, HASHES, MARK or PIPE_ROW can start with, or None
    when the patterns do not say it simply (a class such as ``\\s``)."""
    chars: set[str] = {"|"}
    for name in ("INDENT", "HASHES", "MARK"):
        first = first_chars(terminal_pattern(name))
        if first is None:
            return None
        chars |= first
    return frozenset(chars)


def _line(
    text: str,
    start: int,
    end: int,
    indent: int,
    hashes: int,
    mark: int,
    line_no: int,
    line_start: int,
) -> Line:
    """One line; ``indent``, ``hashes``, ``mark``: where each ends, or -1 if it is not there."""

    def tok(kind: str, a: int, b: int) -> Token:
        col = a - line_start + 1
        return Token(kind, text[a:b], a, line_no, col, line_no, col + b - a, b)

    # At a line's start the highest priorities win: COMMENT (the whole line),
    # PIPE_ROW, then TAB_ROW (any tab). A comment line with a tab is the only
    # line with a tab that is not a row.
    if text[start] == "|":
        return Line("pipe_row", [tok("PIPE_ROW", start, end)], start, end)
    if text.find("\t", start, end) != -1:
        if _comment_start(text, start, end) == start:
            return Line("directive", [tok("COMMENT", start, end)], start, end)
        return Line("row", [tok("TAB_ROW", start, end)], start, end)
    # Then INDENT? HASHES? MARK? (the pattern found them), and after them
    # TEXT up to a trailing COMMENT; after a bare INDENT, a PIPE_ROW or a
    # COMMENT line (a directive) may follow.
    toks: list[Token] = []
    pos = start
    if indent != -1:
        toks.append(tok("INDENT", pos, indent))
        pos = indent
    if hashes != -1:
        toks.append(tok("HASHES", pos, hashes))
        pos = hashes
    if mark != -1:
        toks.append(tok("MARK", pos, mark))
        pos = mark
        kind = "heading"
    elif hashes != -1:
        kind = "paragraph"
    elif pos == end:
        return Line("blank", toks, start, end)
    elif text[pos] == "|":
        toks.append(tok("PIPE_ROW", pos, end))
        return Line("pipe_row", toks, start, end)
    else:
        kind = "paragraph"
    if pos < end:
        comment = _comment_start(text, pos, end)
        if comment == pos and kind == "paragraph" and hashes == -1:
            kind = "directive"
        if comment != pos:
            toks.append(tok("TEXT", pos, end if comment == -1 else comment))
        if comment != -1:
            toks.append(tok("COMMENT", comment, end))
    return Line(kind, toks, start, end)
