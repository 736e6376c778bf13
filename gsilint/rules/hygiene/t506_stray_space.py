"""T506 stray-space: a space splitting a Chinese word."""

from __future__ import annotations

from bisect import bisect_left

from gsilint.findings import Issue, Severity
from gsilint.patterns import lazy, re_compile
from gsilint.rules import rule
from gsilint.rules.hygiene._data import common_words
from gsilint.rules.hygiene._prose import clip, prose, safe_fix

#: One space (ASCII, ideographic or no-break) between two Han characters.
_GAP = lazy(r"(?<=\p{Han})[ \u3000\u00a0](?=\p{Han})")
#: Clause boundaries: a word split by a space lies inside one clause.
_CLAUSE_BOUNDARY = re_compile(r"[，。；：、！？,;:!?\n（）()《》“”]")
_HAN1 = lazy(r"\p{Han}")
_SPACES = " \u3000\u00a0\t"


@rule(
    "T506",
    "stray-space",
    Severity.WARNING,
    "汉字词语中间夹了空格（如“发 展”）",
    "a space inside a Chinese word",
)
def stray_space(ctx):
    """
    中文词语中间多了一个空格（“经济和社会发 展”），多是排版或转换时留下的。只在
    一个分句里仅有这一处空格、且空格两边的两个字连起来是一个词（在多份真实报告中常见，
    本报告其他地方也连写出现过）时报告，所以表格式的“计量 单位”、小标题与正文之间的
    空格、为对齐而拉开的“电 话：”不报告；PDF 提取文本的换行不算空格。
    附带自动修复（--fix）：删除这个空格。

    A space splitting a Chinese word ("发 展"), usually left by typesetting
    or conversion. Reported only when it is the only space in its clause and
    the two characters around it form a word (common across real reports and
    written together elsewhere in this one): table-like "计量 单位", a space
    between a run-in title and its text, and letter-spaced labels ("电 话：")
    are not reported; a line break of PDF text is not a
    space. Carries an automatic fix (--fix) that deletes the space.

    错误示例 / Bad:
        全区经济社会持续健康发展。全年公开经济和社会发 展统计信息类22条。
    正确示例 / Good:
        全区经济社会持续健康发展。全年公开经济和社会发展统计信息类22条。
    """
    simplified = ctx.doc.simplified
    words = common_words()
    for piece in prose(ctx):
        text = piece.text
        # a finding is a space between two Han characters: most pieces have no space at all
        if " " not in text and "\u3000" not in text and "\u00a0" not in text:
            continue
        gaps = [m.start() for m in _GAP.finditer(text)]
        if not gaps:
            continue
        bounds: list[int] | None = None  # the clause boundaries, found for the first word
        for i in gaps:
            a = piece.start + i
            word = simplified[a - 1] + simplified[a + 1]
            # a word of the genre (most gaps are not: a set look-up tells) …
            if word not in words:
                continue
            if bounds is None:
                bounds = [m.start() for m in _CLAUSE_BOUNDARY.finditer(text)]
            if not _only_space_of_its_clause(text, i, bounds):
                continue
            # … written together elsewhere in this report
            if word not in simplified:
                continue
            # a letter-spaced label: "电 话：0591-…", "邮 编：350400"
            if text[i + 2 : i + 3] in ("：", ":") and not _HAN1.match(text[i - 2 : i - 1]):
                continue
            shown = text[i - 1 : i + 2]
            yield Issue(
                piece.span(i, i + 1),
                f"“{shown}”中间多了一个空格，应为“{text[i - 1]}{text[i + 1]}”：“{clip(text, i)}”",
                f"a stray space inside the word '{shown}'; "
                f"it should read '{text[i - 1]}{text[i + 1]}'",
                fix=safe_fix(ctx, piece.span(i, i + 1), ""),
            )


def _only_space_of_its_clause(text: str, i: int, bounds: list[int]) -> bool:
    """Whether the space at ``text[i]`` is the only space of its clause (``bounds``: where
    the clause boundaries of ``text`` are)."""
    k = bisect_left(bounds, i)
    start = bounds[k - 1] + 1 if k else 0
    end = bounds[k] if k < len(bounds) else len(text)
    return sum(text.count(space, start, end) for space in _SPACES) == 1
