"""Quantities quoted in the prose, and the arithmetic claims they make.

The report's sentences state counts ("主动公开政府信息1084条"), breakdowns of a
total ("…1084条，其中：政府领导类公开43条，机构设置类公开47条…"), shares
("45条，占5.2%") and part/whole pairs ("共报送信息36篇，市政府门户网采用53篇").
This module reads them once per document, with spans, so the A3xx and X4xx
rules only compare numbers.

Text is read from ``doc.simplified`` (traditional script converted, same
offsets) with full-width digits and signs mapped to ASCII character for
character, so every offset found is an offset into ``doc.text``. Numbers may be
split from their unit or label by line breaks (PDF text), e.g.
"收到政府信息公开\\n申请 34 件".
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from gsilint import document
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.facts import Facts

# -- tokens -------------------------------------------------------------------

#: Same-length mapping of full-width digits and signs to ASCII.
_ASCII = (*((chr(0xFF10 + i), str(i)) for i in range(10)), ("％", "%"), ("．", "."))

#: Units a counted quantity carries. Longest first (万元 before 元, 人次 before 次).
UNITS = (
    "万元",
    "亿元",
    "人次",
    "元",
    "件",
    "条",
    "篇",
    "个",
    "项",
    "期",
    "次",
    "户",
    "家",
    "份",
    "%",
)

#: ``(?=\d)`` first lets the engine skip to the next digit instead of trying the
#: lookbehind at every character (half the time of the scan). The runs of digits and
#: spaces are possessive (``++``, ``*+``): giving back a digit or a space never lets a
#: unit follow, so the engine is spared trying (a number not followed by a unit, a
#: year, is the common case).
_NUMBER = r"(?=\d)(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d++)(?:\.(?P<frac>\d++))?"
#: A number and its unit ("1084条", "3.5 万元", "20余件"). A word before the
#: number that makes it approximate (约 近 超 超过 逾) is read by
#: :func:`_approximate_before`: a pattern that may start with one is tried at
#: every character of the text and takes about twice as long.
_QTY = lazy(_NUMBER + r"\s*+(?P<approx_after>余|多)?\s*+(?P<unit>" + "|".join(UNITS) + r")")
#: The characters ``regex``'s ``\s`` matches (a set test is quicker than a pattern call).
_SPACE_CHARS = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: A count without a unit at the end of a clause, after a label ending in 数
#: ("不予公开信息数1402。").
_BARE = lazy(r"(?<=数\s*)" + _NUMBER + r"(?=\s*[。，,；;）)]|\s*$)")
#: A share attached after a count: "，占5.2%", "（17.46%）", "占比4.5%", "，2.04%占",
#: matched where the count ends. The percentage is group 1, 2 or 3, one per alternative
#: (``match.lastindex``): stdlib ``re`` then reads it, three times as fast as ``regex``.
_SHARE_AFTER = lazy(
    r"\s*(?:[，,]\s*)?(?:占(?:比|比为|比达)?\s*(\d+(?:\.\d+)?)\s*%|[（(]\s*(?:占(?:比)?\s*)?(\d+(?:\.\d+)?)\s*%"
    r"|(\d+(?:\.\d+)?)\s*%\s*占)"
)
#: Where a clause starts: the label of a count runs from here to the number (the
#: nearest break before it is searched for in the reversed text before the number).
_CLAUSE_BREAK = lazy(r"[，,；;：:、。！？!?（）()“”\"]")
_SPACES = lazy(r"\s+")
_DIGIT = lazy(r"\d")
_SENTENCE_END = lazy(r"[。！？!?]|\n\s*\n")
_ORDINAL_BEFORE = lazy(r"(?:第|附件|表|图|No\.?|第\s*)\s*$")
#: A character every ordinal word contains: most numbers have none before them,
#: and a set test is quicker than the pattern.
_ORDINAL_CHARS = frozenset("第附表图N")


def _decimal(num: str, frac: str | None) -> Decimal:
    try:
        return Decimal(num.replace(",", "") + ("." + frac if frac else ""))
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        return Decimal(0)


@dataclass(frozen=True, slots=True)
class Share:
    """A printed percentage attached to a count ("占4.34%"): value and decimals printed."""

    value: Decimal
    decimals: int
    span: Span


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit as printed in a sentence.

    ``span`` covers number and unit; ``label`` is the clause text before the
    number (whitespace removed, simplified script) and ``label_span`` where it
    is; ``share`` the percentage printed right after it, if any.
    """

    value: Decimal
    unit: str
    span: Span
    label: str
    label_span: Span
    decimals: int = 0
    approximate: bool = False
    in_parens: bool = False
    share: Share | None = None

    @property
    def text(self) -> str:
        v = self.value
        return f"{v:f}" if self.decimals else str(int(v))

    @property
    def is_count(self) -> bool:
        return self.unit != "%"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of prose (ends at 。！？ or a blank line) and its quantities, in order."""

    span: Span
    quantities: tuple[Quantity, ...]
    #: index of the paragraph it belongs to, in document order
    paragraph: int


def _may_share(text: str, end: int) -> bool:
    """Whether a share may follow the count ending at ``end``: it starts with spaces, "，",
    "占", a bracket or a digit — never at the end of the text nor with another Han character."""
    nxt = text[end : end + 1]
    return nxt != "" and (nxt == "占" or not "\u4e00" <= nxt <= "\u9fff")


def _in_parens(text: str, positions: list[int]) -> set[int]:
    """Which of the (sorted) ``positions`` lie inside round brackets."""
    inside: set[int] = set()
    if not positions:
        return inside
    end = positions[-1]  # brackets after the last position do not matter
    if text.find("（", 0, end) == -1 and text.find("(", 0, end) == -1:
        return inside  # no bracket opens: depth stays 0
    marks = _bracket_marks(text, end)
    depth, k = 0, 0
    for pos in positions:
        while k < len(marks) and marks[k][0] < pos:
            depth = max(0, depth + marks[k][1])
            k += 1
        if depth > 0:
            inside.add(pos)
    return inside


def _bracket_marks(text: str, end: int) -> list[tuple[int, int]]:
    """Where a round bracket opens (+1) or closes (-1) before ``end``, in order."""
    marks = []
    for ch, step in (("（", 1), ("(", 1), ("）", -1), (")", -1)):
        i = text.find(ch, 0, end)
        while i != -1:
            marks.append((i, step))
            i = text.find(ch, i + 1, end)
    marks.sort()
    return marks


def _label(text: str, start: int, floor: int) -> tuple[str, int]:
    """The clause before ``start`` (from the last clause break, not before ``floor``)."""
    # stdlib ``re`` cannot search backwards: it searches the window reversed, in a
    # third of the time ``regex``'s ``(?r)`` takes
    brk = _CLAUSE_BREAK.search(text[floor:start][::-1])
    i = start - brk.start() if brk else floor
    label = text[i:start]
    # every \s but the ASCII space is unprintable: most labels need no substitution
    if " " in label or not label.isprintable():
        label = _SPACES.sub("", label)
    return label, i


def _approximate_before(text: str, start: int, floor: int) -> bool:
    """Whether 约, 近, 超, 超过 or 逾 (then any spaces) stands before the number at
    ``start``, not before ``floor`` (where the previous match of ``_QTY`` ended).
    达/达到 do not count."""
    i = start
    while i > floor and text[i - 1] in _SPACE_CHARS:
        i -= 1
    return (i > floor and text[i - 1] in "约近超逾") or (
        i - 2 >= floor and text[i - 2 : i] == "超过"
    )


def _after_ordinal(text: str, start: int) -> bool:
    """Whether 第, 附件, 表, 图 or No. stands right before the number at ``start``."""
    window = max(0, start - 4)
    return not _ORDINAL_CHARS.isdisjoint(text[window:start]) and bool(
        _ORDINAL_BEFORE.search(text, window, start)
    )


def _scan(text: str, base: int) -> list[Quantity]:
    """Quantities of one paragraph (``text`` is its ASCII-digit simplified slice)."""
    found: list[tuple[int, int, Decimal, int, str, bool]] = []
    last_end = 0
    # groups by number: reading a ``regex`` group by name costs several times more
    for m in _QTY.finditer(text):
        s = m.start(1)
        e = m.end()
        floor, last_end = last_end, e
        if _after_ordinal(text, s):
            continue
        num, frac, approx_after, unit = m.groups()
        approx = _approximate_before(text, s, floor) or approx_after is not None
        found.append((s, e, _decimal(num, frac), len(frac) if frac else 0, unit, approx))
    if "数" in text:  # a bare count follows a label ending in 数
        for m in _BARE.finditer(text):
            num, frac = m.groups()
            found.append(
                (
                    m.start(1),
                    m.end(),
                    _decimal(num, frac),
                    len(frac) if frac else 0,
                    "",
                    False,
                )
            )
        found.sort()  # the counts with a unit come in order
    bracketed = _in_parens(text, [f[0] for f in found])
    out: list[Quantity] = []
    prev_end = 0
    for s, e, value, decimals, unit, approx in found:
        if s < prev_end:
            continue
        if (
            unit == "%"
            and out
            and out[-1].share is not None
            and out[-1].share.span.start == base + s
        ):
            prev_end = e
            continue
        label, lstart = _label(text, s, prev_end)
        share = None
        if unit != "%" and _may_share(text, e):
            sm = _SHARE_AFTER.match(text, e)
            if sm:
                k = sm.lastindex  # the alternative that matched
                p = sm.group(k)
                ps = sm.start(k)
                share = Share(
                    Decimal(p), len(p.partition(".")[2]), Span(base + ps, base + sm.end())
                )
        out.append(
            Quantity(
                value,
                unit,
                Span(base + s, base + e),
                label,
                Span(base + lstart, base + s),
                decimals,
                approx,
                s in bracketed,
                share,
            )
        )
        prev_end = share.span.end - base if share is not None else e
    return out


def numeric_text(f: Facts) -> str:
    """``doc.simplified`` with full-width digits and signs mapped to ASCII (same length)."""
    text = f.doc.simplified
    # ``in`` and ``replace`` per character are many times faster than a pattern or
    # ``str.translate`` (which maps a non-ASCII text character by character)
    for wide, narrow in _ASCII:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


def prose_spans_fact(f: Facts) -> list[Span]:
    return prose_spans(f.doc)


def prose_spans(doc: document.Document) -> list[Span]:
    """Paragraphs, and headings with their run-on text, in document order.

    A heading counts as prose because flattened pages run a heading's title
    into its first sentence ("（一）主动公开政府信息的数量…2015年主动公开政府信息2949条").
    """
    out: list[Span] = []
    for node in doc.walk():
        if isinstance(node, document.Paragraph):
            out.append(node.span)
        elif isinstance(node, document.Section):
            h = node.heading
            end = h.body.span.end if h.body is not None else h.title_span.end
            out.append(Span(h.title_span.start, max(end, h.title_span.end)))
    return out


def sentences(f: Facts) -> list[Sentence]:
    """Every prose sentence that quotes at least one quantity, in document order."""
    text = f.numeric_text
    out: list[Sentence] = []
    for pi, span in enumerate(f.prose_spans):
        ps, pe = span.start, span.end
        if not _DIGIT.search(text, ps, pe):
            continue
        chunk = text[ps:pe]
        quantities = _scan(chunk, ps)
        if not quantities:
            continue
        # sentence by sentence up to the one holding the last quantity, then stop
        start, qi, n = 0, 0, len(quantities)
        for m in _SENTENCE_END.finditer(chunk):
            qi = _add_sentence(out, quantities, qi, ps + start, ps + m.end(), pi)
            if qi == n:
                break
            start = m.end()
        else:
            if start < len(chunk):
                _add_sentence(out, quantities, qi, ps + start, pe, pi)
    return out


def _add_sentence(
    out: list[Sentence], quantities: list[Quantity], qi: int, start: int, end: int, para: int
) -> int:
    """Add the sentence [start, end) with the quantities from ``qi`` on that start in it,
    if there are any; returns the index of the first quantity after it."""
    k = qi
    while k < len(quantities) and quantities[k].span.start < end:
        k += 1
    if k > qi:
        out.append(Sentence(Span(start, end), tuple(quantities[qi:k]), para))
    return k


def quantities(f: Facts) -> list[Quantity]:
    """Every count, amount and percentage quoted in the prose."""
    return [q for s in f.sentences for q in s.quantities]


#: Characters after which a quote may start: the end of a word in most clauses.
_WORD_ENDS = "的和及与在对向将由为了并共已均按等中"


def quote_label(label: str, n: int = 20) -> str:
    """The clause before a number as a message quotes it: whole when at most ``n`` + 8
    characters, else its tail from a word boundary (after 的, 在, 对 …) within the last
    ``n`` + 8, marked with "…"; only a clause without a boundary in reach is cut at ``n``."""
    if len(label) <= n:
        return label
    if len(label) <= n + 8:
        return label
    window = label[-(n + 8) :]  # a quote may run to n + 8 characters to end at a boundary
    for i, ch in enumerate(window[:-4]):
        if ch in _WORD_ENDS:
            return "…" + window[i + 1 :]
    return "…" + label[-n:]
