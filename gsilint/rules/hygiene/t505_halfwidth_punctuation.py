"""T505 halfwidth-punctuation: ASCII , ; : ( ) ? ! in Chinese prose."""

from __future__ import annotations

from collections.abc import Iterator

from gsilint.facts.prose_text import ProseText
from gsilint.findings import Issue, Severity
from gsilint.patterns import lazy, re_compile
from gsilint.rules import rule
from gsilint.rules.hygiene._prose import clip, prose, safe_fix

#: Full-width / CJK punctuation that counts as "Chinese" next to ASCII punctuation.
CJK_PUNCT = (
    "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    "\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"
)

FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
_C = rf"[\p{{Han}}{CJK_PUNCT}]"
#: , ; : ? ! right after a Chinese character or mark, before Chinese text or a number
#: (not 1,000 or 12:30, not http:, not a Markdown/URL context).
_MARK = lazy(
    rf"(?<={_C}[ \u3000]?)[,;:?!](?=[ \u3000]?(?:{_C}|[0-9０-９]|[A-Za-z]*\p{{Han}})|$)(?!//)"
    rf"|(?<=[0-9０-９%％])[,;:?!](?=\p{{Han}})"
)
#: What T505 may report (one stdlib search tells a piece has none).
_ASCII_MARK = re_compile("[,;:()?!]")
#: What :data:`_MARK` reports.
_MARK_CHAR = re_compile("[,;:?!]")
#: A pair of ASCII parentheses around or next to Chinese text: (以下简称《条例》).
_PARENS = lazy(r"(?<!\])\(([^()\n]{0,80})\)")
_HAN = lazy(r"\p{Han}")
#: a blank line: where the reader joined two blocks of the file into one paragraph
_BLANK_LINE = lazy(r"\n[ \t\u3000]*\n")


def _blocks(pieces: list[ProseText]) -> Iterator[ProseText]:
    """The pieces cut at blank lines: the count in a message is about what the reader sees
    as one block (a crawler or PDF copy's paragraph may run across a blank line)."""
    for piece in pieces:
        if "\n" not in piece.text:
            yield piece
            continue
        start = 0
        for m in _BLANK_LINE.finditer(piece.text):
            yield ProseText(piece.text[start : m.start()], piece.start + start, piece.kind)
            start = m.end()
        yield ProseText(piece.text[start:], piece.start + start, piece.kind)


def _bad_marks(text: str, pos: int, endpos: int) -> list[int]:
    """Offsets (in ``text``) of the ASCII punctuation in [pos, endpos) that should be full-width.

    The document text is searched within the piece's bounds, so a mark at the
    start of a heading's run-on body still sees the title before it.
    """
    # each pattern takes one of its own marks: a block without them is not scanned by it
    at = (
        [m.start() for m in _MARK.finditer(text, pos, endpos)]
        if _MARK_CHAR.search(text, pos, endpos)
        else []
    )
    if text.find("(", pos, endpos) < 0:
        return sorted(set(at))
    for m in _PARENS.finditer(text, pos, endpos):
        inner = m.group(1)
        before = text[m.start() - 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        if _HAN.search(inner) or (_HAN.match(before) and _HAN.match(after)):
            at.extend((m.start(), m.end() - 1))
    return sorted(set(at))


@rule(
    "T505",
    "halfwidth-punctuation",
    Severity.WARNING,
    "中文行文中使用了半角标点",
    "half-width (ASCII) punctuation in Chinese prose",
)
def halfwidth_punctuation(ctx):
    """
    中文行文应使用全角标点（GB/T 15834）。在汉字之间（或汉字与数字之间）出现的半角
    , ; : ( ) ? ! 报告一次/段（一段四十个半角逗号是一个问题，不是四十个），列出数量和
    第一处。数字中的 1,000、时间 12:30、网址 http:// 和表格不检查。附带自动修复
    （--fix）：把这些标点改为全角；标题编号（如“(一)”）不改。

    Chinese prose takes full-width punctuation (GB/T 15834). ASCII , ; : ( ) ?
    ! between Chinese characters (or between Chinese and a number) are
    reported once per paragraph, with their count and the first place.
    Numbers (1,000), times (12:30), URLs and tables are not checked. Carries
    an automatic fix (--fix) that makes them full-width; heading numbers such
    as "(一)" are left alone.

    错误示例 / Bad:
        对照上级要求和群众期盼,仍存在一些不足,主要是政策解读的形式还不够丰富。
    正确示例 / Good:
        对照上级要求和群众期盼，仍存在一些不足，主要是政策解读的形式还不够丰富。
    """
    # most pieces have no ASCII mark: they are not cut into blocks
    for piece in _blocks([p for p in prose(ctx) if _ASCII_MARK.search(p.text)]):
        text = piece.text
        if not _ASCII_MARK.search(text):
            continue
        at = [
            i - piece.start for i in _bad_marks(ctx.doc.text, piece.start, piece.start + len(text))
        ]
        if not at:
            continue
        first, last = at[0], at[-1] + 1
        chars = "".join(dict.fromkeys(text[i] for i in at))
        seg = list(text[first:last])
        for i in at:
            seg[i - first] = FULL[text[i]]
        # a space typed after the ASCII mark goes with it: "部分, 并附" -> "部分，并附"
        for i in reversed(at):
            if (
                i + 1 < last
                and text[i + 1] == " "
                and text[i] != "("
                and _HAN.match(text[i + 2 : i + 3])
            ):
                del seg[i + 1 - first]
        if (
            text[last : last + 1] == " "
            and text[at[-1]] != "("
            and _HAN.match(text[last + 1 : last + 2])
        ):
            last += 1
        where = clip(text, first)
        yield Issue(
            piece.span(first, first + 1),
            f"本段中文行文中有 {len(at)} 个半角标点（{' '.join(chars)}），应使用全角标点"
            f"（{' '.join(FULL[c] for c in chars)}），第一处：“{where}”",
            f"{len(at)} half-width punctuation mark(s) ({' '.join(chars)}) "
            "in this paragraph of Chinese prose; "
            f"use full-width ({' '.join(FULL[c] for c in chars)}); first at '{where}'",
            fix=safe_fix(ctx, piece.span(first, last), "".join(seg)),
        )
