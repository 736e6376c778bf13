"""T504 mixed-script: 繁/简 characters mixed in one report."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import count

from gsilint.findings import Issue, Severity
from gsilint.normalize import to_simplified, to_traditional
from gsilint.patterns import lazy
from gsilint.rules import rule
from gsilint.rules.hygiene._prose import prose

#: Quoted titles and names keep the script they were published in.
_QUOTED = lazy(r"《[^《》\n]{0,80}》|〈[^〈〉\n]{0,80}〉|“[^“”\n]{0,40}”|「[^「」\n]{0,40}」")


def _encodable(text: str, codec: str) -> bool:
    """Whether every character of ``text`` is in the character set of ``codec``."""
    try:
        text.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


@lru_cache(maxsize=8192)
def script_of(ch: str) -> str:
    """'t' for a traditional-only character, 's' for a simplified-only one, '' otherwise.

    Traditional-only: OpenCC changes it when converting to simplified, and it
    is not in GB 2312 (the simplified character set) — so 著, 乾, 於 used in
    simplified text are not counted. Simplified-only: OpenCC changes it when
    converting to traditional, and it is not in Big5 (the traditional set) —
    so 后, 干, 于, 范 (also traditional characters) are not counted.
    """
    if to_simplified().convert(ch) != ch and not _encodable(ch, "gb2312"):
        return "t"
    # s2t is loaded only for a character that could be simplified-only
    if not _encodable(ch, "big5") and to_traditional().convert(ch) != ch:
        return "s"
    return ""


#: How many characters are compared at once before they are compared one by one.
_CHUNK = 64


def _differences(a: str, b: str) -> Iterator[int]:
    """Offsets (up to the shorter length) where ``a`` and ``b`` differ: chunks that are
    equal (most of a converted text) are passed over at once."""
    n = min(len(a), len(b))
    for start in range(0, n, _CHUNK):
        end = min(start + _CHUNK, n)
        x, y = a[start:end], b[start:end]
        if x != y:
            yield from (i for i, p, q in zip(count(start), x, y) if p != q)


def _marks(text: str, other: str, kind: str) -> list[tuple[int, str]]:
    """Offsets where ``text`` has a ``kind``-only character (``other`` is its conversion)."""
    quoted_starts: list[int] | None = None
    quoted_ends: list[int] = []
    out = []
    for i in _differences(text, other):
        if script_of(text[i]) == kind:
            if quoted_starts is None:
                quoted_starts = []
                for m in _QUOTED.finditer(text):
                    quoted_starts.append(m.start())
                    quoted_ends.append(m.end())
            # the quotations do not overlap: only the last one starting at or before i may hold it
            k = bisect_right(quoted_starts, i) - 1
            if k < 0 or i >= quoted_ends[k]:
                out.append((i, kind))
    return out


@rule(
    "T504",
    "mixed-script",
    Severity.WARNING,
    "简体报告中夹有繁体字（或相反）",
    "traditional characters in a simplified report, or the reverse",
)
def mixed_script(ctx):
    """
    一份报告应统一使用一种字形。先按全文判断报告是简体还是繁体（两种字形各自独有的字
    哪种多），再报告少数一方的字，每段一次，列出这些字及对应写法。书名号、引号里的
    名称（文件名、栏目名）照原样引用，不检查。简繁两用的字（后、干、于、范、著）不算。

    A report should use one script. The report's script is the one whose
    distinctive characters are in the majority; characters of the other
    script are reported once per paragraph, with their counterparts. Titles
    and names in 《》 or quotes are cited as published and not checked;
    characters used in both scripts (后, 干, 于, 著) do not count.

    错误示例 / Bad:
        全年主动公开政府信息125条，其中規範性文件12件。
    正确示例 / Good:
        全年主动公开政府信息125条，其中规范性文件12件。
    """
    pieces = prose(ctx)
    simplified = ctx.doc.simplified
    counts = {"t": 0, "s": 0}
    found: list[tuple[object, list[tuple[int, str]]]] = []
    # traditional-only characters differ from the same-length simplified text
    for piece in pieces:
        text = piece.text
        simple = simplified[piece.start : piece.start + len(text)]
        marks = [] if simple == text else _marks(text, simple, "t")
        counts["t"] += len(marks)
        found.append((piece, marks))
    if not counts["t"]:
        return  # nothing traditional: a simplified report, or no Chinese script to mix
    t2s, s2t = to_simplified(), to_traditional()
    for n, (piece, marks) in enumerate(found):
        text = piece.text
        if _encodable(text, "big5"):
            continue  # a simplified-only character is never in Big5: nothing to convert
        conv = s2t.convert(text)
        if len(conv) != len(text):
            conv = "".join(c if len(c) == 1 else o for o, c in ((o, s2t.convert(o)) for o in text))
        more = [] if conv == text else _marks(text, conv, "s")
        counts["s"] += len(more)
        if more:
            found[n] = (piece, sorted(marks + more))
    if not counts["t"] or not counts["s"]:
        return
    main = "t" if counts["t"] > counts["s"] else "s"
    minority = "s" if main == "t" else "t"
    convert = s2t if main == "t" else t2s
    main_zh, main_en = ("繁体", "traditional") if main == "t" else ("简体", "simplified")
    odd_zh = "简体" if main == "t" else "繁体"
    odd_en = "simplified" if main == "t" else "traditional"
    for piece, marks in found:
        odd = [(i, ch) for i, ch in ((i, piece.text[i]) for i, k in marks if k == minority)]
        if not odd:
            continue
        chars = "".join(dict.fromkeys(ch for _, ch in odd))
        pairs = "、".join(f"{c}→{convert.convert(c)}" for c in chars)
        pairs_en = ", ".join(f"{c}→{convert.convert(c)}" for c in chars)
        first, last = odd[0][0], odd[-1][0] + 1
        yield Issue(
            piece.span(first, last),
            f"{main_zh}报告中夹有{odd_zh}字（本段 {len(odd)} 处）：{pairs}"
            f"（全文{main_zh}独有字 {counts[main]} 个，{odd_zh}独有字 {counts[minority]} 个）",
            f"{odd_en} characters in a {main_en} report ({len(odd)} in this paragraph): {pairs_en} "
            f"(report: {counts[main]} {main_en}-only, {counts[minority]} {odd_en}-only characters)",
        )
