"""A heading line: its mark, its title, and the text that runs on after the title."""

from __future__ import annotations

from gsilint import document
from gsilint.parse.lines import Line
from gsilint.parse.page import Page, mark_of
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.vocabulary import CN_MARK_NUMERAL

#: Where a heading's title ends. Every branch starts at one of the characters of the
#: leading look-ahead, so the search skips every other position at once (the branches'
#: look-behinds would otherwise be tried at each character).
_TITLE_END = lazy(
    r"(?=[。；;！？!?：: \u3000\t（(一二三四五六七八九十\d])(?:"
    r"[。；;！？!?]|[：:](?=.)|(?<=\S{2})[ \u3000\t]+(?=\S)"
    rf"|(?<=\S{{2}})(?=[（(](?:{CN_MARK_NUMERAL}|\d{{1,2}})[）)])"
    # crawler copies: the body starts with an enumeration or an item mark
    r"|(?<=\S{4})(?=[一二三四五六七八九十]是)|(?<=[^\d\s]{4})(?=\d{1,2}[.．、](?!\d)))"
)
#: The head nouns after which a long run-in title ends: "…改进情况目前，我县…".
_HEAD_NOUNS = ("情况", "事项", "措施", "概述")
_TITLE_NOUN = lazy(rf"(?<=\S{{4}}(?:{'|'.join(_HEAD_NOUNS)}))(?=\S)(?!统计表|表)")
#: A year that starts a long title's run-on text (the look-ahead first, as in _TITLE_END).
_YEAR_START = lazy(r"(?=[12])(?<=\S{2})(?=(?:19|20)\d\d\s*年)")
#: What ends a title and the spaces after it, skipped before the run-on text.
_RUN_END = "。；;！？!?：:”）)》 \u3000\t"


def read_heading(page: Page, line: Line) -> document.Heading:
    text = page.text
    mark_tok = hashes = None  # a line has one of each at most
    for tok in line.tokens:
        if tok.type == "MARK":
            mark_tok = tok
        elif tok.type == "HASHES":
            hashes = tok
    style, number = mark_of(mark_tok.value)
    mstart = mark_tok.start_pos + (len(mark_tok.value) - len(mark_tok.value.lstrip("*")))
    mark = document.Mark(
        text[mstart : mark_tok.end_pos], style, number, Span(mstart, mark_tok.end_pos)
    )
    _, end = page.content(line)
    t_start = mark_tok.end_pos
    while t_start < end and text[t_start] in " \u3000\u00a0*":
        t_start += 1
    rest = page.s(t_start, end)
    cut = len(rest)
    m = _TITLE_END.search(rest)
    if m and m.start() > 0:
        cut = m.start()
    if cut > 10:
        cut = _long_title_cut(rest, cut)
    title_end = t_start + cut
    while title_end > t_start and text[title_end - 1] in " \u3000*":
        title_end -= 1
    body = None
    if cut < len(rest):
        b = t_start + cut
        while b < end and text[b] in _RUN_END:
            b += 1
        body = page.paragraph(b, end)
    title = text[t_start:title_end]
    return document.Heading(
        mark=mark,
        title=title,
        title_span=Span(t_start, title_end),
        span=Span(mark.span.start, end),
        body=body,
        hashes=len(hashes.value.strip()) if hashes else 0,
    )


def _long_title_cut(rest: str, cut: int) -> int:
    """A long title is cut before a year or after a head noun in its first 40 characters.

    Each pattern is searched only when the word it needs (年, a head noun) is
    there: a match cannot see past ``limit``, so it needs that word before it.
    """
    limit = min(cut, 40)
    if "年" in rest[:limit]:
        y = _YEAR_START.search(rest, 0, limit)
        if y:
            cut = min(cut, y.start())
            limit = min(cut, 40)
    head = rest[:limit]
    for noun in _HEAD_NOUNS:
        if noun in head:
            y = _TITLE_NOUN.search(rest, 0, limit)
            if y:
                cut = min(cut, y.start())
            break
    return cut
