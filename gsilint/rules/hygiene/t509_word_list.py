"""T509 word-list: a word a rule pack substitutes or forbids (a body's own style list)."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rule_packs import WordRule, word_rules
from gsilint.rules import rule
from gsilint.rules.hygiene._prose import clip, prose, safe_fix


def _already_right(text: str, at: int, word: str, replacement: str | None) -> bool:
    """Whether the ``word`` at ``text[at:]`` is part of the right word itself (from 公开 to
    政务公开: the 公开 of 政务公开 is already right), so a fixed text is never flagged again."""
    if not replacement:
        return False
    k = replacement.find(word)
    while k >= 0:
        if at - k >= 0 and text.startswith(replacement, at - k):
            return True
        k = replacement.find(word, k + 1)
    return False


def _messages(entry: WordRule, word: str, where: str) -> tuple[str, str]:
    extra_zh = f"（{entry.message}）" if entry.message else ""
    extra_en = f" ({entry.message})" if entry.message else ""
    if entry.replacement is not None:
        return (
            f"“{word}”应为“{entry.replacement}”{extra_zh}：“{where}”（规则包 {entry.pack}）",
            f"'{word}' should be '{entry.replacement}'{extra_en} (rule pack {entry.pack})",
        )
    return (
        f"不应使用“{word}”{extra_zh}：“{where}”（规则包 {entry.pack}）",
        f"'{word}' is not to be used{extra_en} (rule pack {entry.pack})",
    )


@rule(
    "T509",
    "word-list",
    Severity.WARNING,
    "规则包列出的错误用词或禁用词",
    "a word a rule pack substitutes or forbids",
)
def word_list(ctx):
    """
    规则包（``--rule-pack`` 或配置 ``rule-packs``）可以列出本地区、本机关的用词要求，
    不写 Python：``[[substitute]]`` 给出错误写法（from，一个词或列表）和正确写法（to），
    ``[[forbid]]`` 给出不应出现的词（word 或 words）；都可带 message 和 severity。
    正文中的每一处报告一次；替换在原文与解析文本一致时附带自动修复（--fix）。已是正确
    写法的一部分（to 包含 from）的不报告。没有规则包时本规则不检查任何内容。

    A rule pack (``--rule-pack`` or ``rule-packs`` in the config) may list a
    region's or body's word requirements without Python: ``[[substitute]]``
    gives wrong forms (``from``, a word or a list) and the right one (``to``),
    ``[[forbid]]`` words that must not appear (``word`` or ``words``); both may
    carry a ``message`` and a ``severity``. Each occurrence in prose is reported;
    a substitution carries a fix (--fix) where the original text matches. An
    occurrence that is part of the right form (``to`` contains ``from``) is
    not reported. Without a rule pack the rule checks nothing.

    错误示例 / Bad:
        规则包> [[substitute]]
        规则包> from = "沐阳"
        规则包> to = "沭阳"
        2024年，沐阳县人民政府全面推进政务公开工作。
    正确示例 / Good:
        规则包> [[substitute]]
        规则包> from = "沐阳"
        规则包> to = "沭阳"
        2024年，沭阳县人民政府全面推进政务公开工作。
    """
    entries = word_rules(ctx.config.rule_packs)
    if not entries:
        return
    for piece in prose(ctx):
        text = piece.text
        for entry in entries:
            for word in entry.words:
                at = text.find(word)
                while at >= 0:
                    if not _already_right(text, at, word, entry.replacement):
                        zh, en = _messages(entry, word, clip(text, at))
                        span = piece.span(at, at + len(word))
                        fix = (
                            safe_fix(ctx, span, entry.replacement)
                            if entry.replacement is not None
                            else None
                        )
                        yield Issue(span, zh, en, fix=fix, severity=entry.severity)
                    at = text.find(word, at + len(word))
