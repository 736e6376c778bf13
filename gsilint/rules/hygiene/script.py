"""T504 mixed-script: 繁/简 characters mixed in one report."""

from __future__ import annotations

from functools import lru_cache

import regex

from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.hygiene.prose import prose

_HAN_RUN = regex.compile(r"\p{Han}+")
#: Quoted titles and names keep the script they were published in.
_QUOTED = regex.compile(r"《[^《》\n]{0,80}》|〈[^〈〉\n]{0,80}〉|“[^“”\n]{0,40}”|「[^「」\n]{0,40}」")


@lru_cache(maxsize=1)
def _opencc():
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


def _encodable(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
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
    t2s, s2t = _opencc()
    if t2s.convert(ch) != ch and not _encodable(ch, "gb2312"):
        return "t"
    if s2t.convert(ch) != ch and not _encodable(ch, "big5"):
        return "s"
    return ""


@rule("T504", "mixed-script", Severity.WARNING, "简体报告中夹有繁体字（或相反）", "traditional characters in a simplified report, or the reverse")
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

    错误示例 / Bad:  全年主动公开政府信息125条，其中規範性文件12件。
    正确示例 / Good: 全年主动公开政府信息125条，其中规范性文件12件。
    """
    pieces = prose(ctx)
    counts = {"t": 0, "s": 0}
    found: list[tuple[object, list[tuple[int, str]]]] = []
    for piece in pieces:
        text = piece.text
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        marks: list[tuple[int, str]] = []
        for run in _HAN_RUN.finditer(text):
            for i, ch in enumerate(run.group(0), run.start()):
                kind = script_of(ch)
                if kind and not any(a <= i < b for a, b in quoted):
                    counts[kind] += 1
                    marks.append((i, kind))
        if marks:
            found.append((piece, marks))
    if not counts["t"] or not counts["s"]:
        return
    main = "t" if counts["t"] > counts["s"] else "s"
    minority = "s" if main == "t" else "t"
    t2s, s2t = _opencc()
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
