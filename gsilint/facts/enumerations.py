"""Inline enumerations in prose — 一是…二是…三是, 第一，…第二，, （1）（2）, ①② —
and where their numbers skip, repeat or go back.

An enumeration is read inside one run of prose (a paragraph, or a heading
with its run-on text), cut where a heading mark stands inside it (a flattened
copy runs "…健全。（二）把握工作重点…" on one line). Each style is read on its
own. A 1 always opens a series — a new sub-topic ("存在的问题：一是…。改进措施：
一是…") or a nested list ("三是推进公共资源配置信息公开。一是大力推进…") — so a
restart is never a finding. What is:

- ``repeat``: the same number twice in a row ("四是…。四是…"; "一是推进…。一是
  按照…", where a nested list reuses the outer list's words);
- ``gap``: a number skipped in a series that is not nested ("一是…三是");
- ``back``: a number going back in a series that is not nested ("三是…二是").

Where nested series make a number fit more than one list, nothing is said.
Items that each open a paragraph ("一是…⏎二是…⏎三是…") are read as a series too,
across consecutive paragraphs of one section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gsilint import document
from gsilint.numerals import read_cn
from gsilint.patterns import lazy, re_compile
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.vocabulary import ARABIC_MARK_NUMERAL, CN_MARK_NUMERAL

if TYPE_CHECKING:
    from gsilint.facts import Facts

#: "一是", "十二是" — not "唯一是", "统一是", "第一是", "再三是" (words, not list items),
#: nor "一是否". A pattern that starts with a lookbehind is tried at every character: the
#: lookahead before it lets the engine skip to the next numeral (likewise 第 below).
_SHI = lazy(
    rf"(?={CN_MARK_NUMERAL.partition('{')[0]})"
    rf"(?<![统唯同单第万之不划逐专归合再了为其惟星一二三四五六七八九十])"
    rf"({CN_MARK_NUMERAL})是(?!否)"
)
#: "第一，" "第二、" at a clause start — not "服务第一，质量第一" nor "第一季度".
_DI = lazy(rf"(?=第)(?:^|(?<=[。；;！？!?：:，,\s]))第({CN_MARK_NUMERAL})(?=[，,、：:])")
#: "（1）" "(2)" followed by words.
_PAREN = lazy(rf"[（(]({ARABIC_MARK_NUMERAL})[）)](?=[\p{{Han}}“《])")
#: "①" … "⑳".
_CIRCLED = lazy(r"([①-⑳])")
_STYLES = (("shi", _SHI), ("di", _DI), ("paren", _PAREN), ("circled", _CIRCLED))
#: Characters one of which every mark of a style contains: a run with fewer than two of
#: them has not the two marks a list needs (①-⑳ are found by one scan of their class).
_NEEDLES = {"shi": "是", "di": "第", "paren": "（("}
#: A run of prose is read for marks only when it holds one of these.
_ANY_MARK_CHAR = re_compile("[是第（(①②③④⑤⑥⑦⑧⑨]")
#: The characters a mark of any style starts with.
_MARK_FIRST = frozenset("一二三四五六七八九十第（(①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")

#: ``regex``'s ``\\s`` written out for stdlib ``re`` (whose ``\\s`` also takes \\x1c-\\x1f).
SPACE_CLASS = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: A heading mark inside a run of prose (group ``mark``), with the character before it
#: that lets it stand there: the run is cut at the mark. A pattern that starts with the
#: mark behind a lookbehind is tried at every character, and stdlib ``re`` is quicker here.
_HEADING_INSIDE = re_compile(
    rf"[。；;！？!?{SPACE_CLASS}](?P<mark>[（(]{CN_MARK_NUMERAL}[）)]"
    rf"|{ARABIC_MARK_NUMERAL}[、．.](?![0-9０-９])|{CN_MARK_NUMERAL}、)"
)


@dataclass(frozen=True, slots=True)
class EnumMark:
    """One item mark of an inline enumeration."""

    span: Span
    text: str
    #: shi (一是) | di (第一，) | paren (（1）) | circled (①)
    style: str
    number: int


@dataclass(frozen=True)
class EnumIssue:
    """A mark whose number does not follow: repeat | gap | back."""

    kind: str
    mark: EnumMark
    #: the mark it is compared with (the one before in the same series)
    previous: EnumMark
    #: the numbers skipped (gap only)
    missing: tuple[int, ...] = ()


def render(style: str, n: int) -> str:
    """How number ``n`` is written in an enumeration style: 三是 第三 （3） ③."""
    from gsilint.numerals import write_cn

    if style == "shi":
        return f"{write_cn(n)}是"
    if style == "di":
        return f"第{write_cn(n)}"
    if style == "paren":
        return f"（{n}）"
    return chr(ord("①") + n - 1) if 1 <= n <= 20 else str(n)


_HALF_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _number(style: str, s: str) -> int | None:
    if style == "circled":
        return ord(s) - ord("①") + 1
    if style == "paren":
        return int(s.translate(_HALF_WIDTH))
    return read_cn(s)


def enumeration_marks(text: str, start: int) -> list[list[EnumMark]]:
    """The marks of each style in one run of prose, one list per style used twice or more."""
    out = []
    for style, rx in _STYLES:
        needles = _NEEDLES.get(style)
        if needles is not None and sum(map(text.count, needles)) < 2:
            continue
        marks = []
        for m in rx.finditer(text):
            n = _number(style, m.group(1))
            if n is None or n < 1:
                continue
            marks.append(EnumMark(Span(start + m.start(), start + m.end()), m.group(0), style, n))
        if len(marks) >= 2:
            out.append(marks)
    return out


def series_issues(marks: list[EnumMark]) -> list[EnumIssue]:
    """Repeats, gaps and steps back in one style's marks of one run of prose."""
    out: list[EnumIssue] = []
    #: open series, outermost first: the last mark of each
    stack: list[EnumMark] = []
    prev: EnumMark | None = None
    for m in marks:
        n = m.number
        if prev is not None and n == prev.number:
            out.append(EnumIssue("repeat", m, prev))
        elif not stack:
            stack.append(m)
        elif n == stack[-1].number + 1:
            stack[-1] = m
        elif n == 1:
            stack.append(m)
        else:
            level = next(
                (i for i in range(len(stack) - 2, -1, -1) if stack[i].number + 1 == n), None
            )
            if level is not None:
                del stack[level + 1 :]
                stack[level] = m
            elif len(stack) == 1:
                last = stack[0]
                if n > last.number + 1:
                    out.append(EnumIssue("gap", m, last, tuple(range(last.number + 1, n))))
                else:
                    out.append(EnumIssue("back", m, last))
                stack[0] = m
            else:
                stack = [m]  # nested series that no reading fits: start over, say nothing
        prev = m
    return out


def _runs(f: Facts):
    """(text, start) of each run of prose, cut at heading marks inside it, that holds a
    character some mark needs (a piece of prose without one is not even cut)."""
    text = f.doc.simplified
    for piece in f.hygiene_prose:
        if piece.kind == "title":
            continue
        s = text[piece.start : piece.start + len(piece.text)]
        if not _ANY_MARK_CHAR.search(s):
            continue  # nor does any run of it
        cuts = [m.start("mark") for m in _HEADING_INSIDE.finditer(s)]
        for a, b in zip([0, *cuts], [*cuts, len(s)]):
            run = s[a:b]
            if _ANY_MARK_CHAR.search(run):
                yield run, piece.start + a


def _leading_series(f: Facts):
    """Marks that open consecutive paragraphs of one section ("一是…⏎二是…⏎三是…"), per style.

    A paragraph that opens with no mark (or with another style) ends the series.
    """
    text = f.doc.simplified

    def leading(para) -> EnumMark | None:
        s = text[para.span.start : para.span.end]
        lead = len(s) - len(s.lstrip(" \t\u3000"))
        if s[lead : lead + 1] not in _MARK_FIRST:
            return None
        for style, rx in _STYLES:
            m = rx.match(s, lead)
            if m:
                n = _number(style, m.group(1))
                if n:
                    span = Span(para.span.start + m.start(), para.span.start + m.end())
                    return EnumMark(span, m.group(0), style, n)
        return None

    def blocks():
        yield f.doc.preamble
        for sec in f.doc.all_sections():
            yield sec.children

    for children in blocks():
        run: list[EnumMark] = []
        for child in [*children, None]:
            mark = leading(child) if isinstance(child, document.Paragraph) else None
            if mark is not None and (not run or run[-1].style == mark.style):
                run.append(mark)
                continue
            if len(run) >= 2:
                yield run
            run = [mark] if mark is not None else []


def enumeration_issues(f: Facts) -> list[EnumIssue]:
    """Inline enumerations whose numbers repeat, skip or go back, in document order."""
    out: list[EnumIssue] = []
    for s, start in _runs(f):
        for marks in enumeration_marks(s, start):
            out += series_issues(marks)
    for marks in _leading_series(f):
        out += series_issues(marks)
    out.sort(key=lambda i: i.mark.span.start)
    return out
