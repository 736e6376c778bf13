"""T502 placeholder: template text (XX, 某某, 此处填写) left in a published report."""

from __future__ import annotations

from functools import lru_cache

import regex

from gsilint.findings import Issue, Severity
from gsilint.patterns import for_stdlib
from gsilint.rules import rule
from gsilint.rules.hygiene._data import hygiene_data
from gsilint.rules.hygiene._prose import clip, prose

try:  # the parser behind ``re.compile`` (``re._parser`` since Python 3.11)
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - without it every piece is read on its own
    _sre_parse = None


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern, list[str], bool]:
    """The placeholder patterns as one, their names, and whether each is
    :func:`joinable` (then a report whose pieces joined hold no match has none)."""
    pats = hygiene_data()["placeholder"]["pattern"]
    joined = "|".join(f"(?P<p{i}>{p['regex']})" for i, p in enumerate(pats))
    return (
        regex.compile(joined),
        [p["what"] for p in pats],
        all(joinable(p["regex"]) for p in pats),
    )


def joinable(pattern: str) -> bool:
    """Whether every match of ``pattern`` (``regex`` syntax) in a text is also a match in
    any text that holds it between two line breaks: the pattern looks at no line start
    or end (``^``, ``$``, ``\\b`` …), and what it must not follow or precede is one
    character, never a line break. False when that is not known."""
    source = for_stdlib(pattern)
    if source is None or _sre_parse is None:
        return False
    try:
        parsed = _sre_parse.parse(source)
    except Exception:  # noqa: BLE001 - what re cannot read is simply not known
        return False
    return _joinable(list(parsed))


_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
#: What takes one character of the text and looks at nothing else.
_CHARACTERS = ("LITERAL", "NOT_LITERAL", "IN", "ANY", "GROUPREF")


def _joinable(items: list) -> bool:
    for op, av in items:
        name = str(op)
        if name == "AT":
            return False
        if name == "ASSERT_NOT":
            if not _one_character_but_a_line_break(av[1]):
                return False
        elif name == "ASSERT":
            if not _joinable(list(av[1])):
                return False
        elif name == "SUBPATTERN":
            if not _joinable(list(av[3])):
                return False
        elif name == "BRANCH":
            if not all(_joinable(list(alt)) for alt in av[1]):
                return False
        elif name in _REPEATS:
            if not _joinable(list(av[2])):
                return False
        elif name not in _CHARACTERS:
            return False  # a conditional, an atomic group …: not looked into
    return True


def _one_character_but_a_line_break(sub) -> bool:
    """Whether ``sub`` matches one character, listed or in listed ranges, never "\\n"."""
    items = list(sub)
    if len(items) != 1:
        return False
    op, av = items[0]
    if str(op) == "LITERAL":
        return av != ord("\n")
    if str(op) != "IN":
        return False
    for kind, value in av:
        if str(kind) == "LITERAL" and value != ord("\n"):
            continue
        if str(kind) == "RANGE" and not value[0] <= ord("\n") <= value[1]:
            continue
        return False  # negated, a category (\\s), or the line break itself
    return True


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
