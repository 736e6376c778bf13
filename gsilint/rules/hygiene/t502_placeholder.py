"""T502 placeholder: template text (XX, 某某, 此处填写) left in a published report."""

from __future__ import annotations

from functools import lru_cache

import regex

from gsilint.findings import Issue, Severity
from gsilint.pattern_shapes import joinable
from gsilint.patterns import for_stdlib
from gsilint.rules import rule
from gsilint.rules.hygiene._data import hygiene_data
from gsilint.rules.hygiene._prose import clip, prose


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern, list[str], bool]:
    """The placeholder patterns as one, their names, and whether each is
    :func:`_joinable` (then a report whose pieces joined hold no match has none)."""
    pats = hygiene_data()["placeholder"]["pattern"]
    joined = "|".join(f"(?P<p{i}>{p['regex']})" for i, p in enumerate(pats))
    return (
        regex.compile(joined),
        [p["what"] for p in pats],
        all(_joinable(p["regex"]) for p in pats),
    )


def _joinable(pattern: str) -> bool:
    """Whether ``pattern`` (``regex`` syntax) is :func:`~gsilint.pattern_shapes.joinable`
    as ``re`` reads it; False for what ``re`` cannot read (``\\p{Han}`` …)."""
    source = for_stdlib(pattern)
    return source is not None and joinable(source)


@rule(
    "T502",
    "placeholder",
    Severity.ERROR,
    "残留模板占位符（XX、××、某某、此处填写）",
    "leftover template placeholder",
)
def placeholder(ctx):
    """
    从模板复制来的占位文字没有替换就发布了：XX、××、＊＊、某某、○○、此处填写、
    [单位名称]、空书名号《》。模式列在 rules/hygiene.toml，可按地方模板增补。
    URL 和英文单词中的 xx（如 xxgk）以及用汉字数字写的年份（二○○八年）不算。

    Template text published without being filled in: XX, ××, ＊＊, 某某, ○○,
    此处填写, [单位名称], an empty 《》. The patterns are listed in
    rules/hygiene.toml. "xx" inside a URL or a word (xxgk) and a year written
    in Chinese numerals (二○○八年) are not placeholders.

    错误示例 / Bad:
        XX镇人民政府全年主动公开政府信息XX条。
    正确示例 / Good:
        城关镇人民政府全年主动公开政府信息125条。
    """
    pattern, names, joinable_patterns = _patterns()
    pieces = prose(ctx)
    # most reports hold no placeholder: one search of the whole prose tells
    if joinable_patterns and pattern.search("\n".join(p.text for p in pieces)) is None:
        return
    for piece in pieces:
        for m in pattern.finditer(piece.text):
            what = names[int(m.lastgroup[1:])]
            yield Issue(
                piece.span(m.start(), m.end()),
                f"残留模板占位符“{m.group(0)}”（{what}），"
                f"发布前应填写实际内容：“{clip(piece.text, m.start())}”",
                f"leftover template placeholder '{m.group(0)}' ({what}); "
                "fill in the real text before publishing",
            )
