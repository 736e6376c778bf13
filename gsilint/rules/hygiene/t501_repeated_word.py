"""T501 repeated-word: a word written twice in a row ("公开公开")."""

from __future__ import annotations

import re
from functools import lru_cache

from gsilint.findings import Issue, Severity
from gsilint.han import HAN
from gsilint.patterns import re_compile
from gsilint.rules import rule
from gsilint.rules.hygiene._data import common_words, hygiene_data
from gsilint.rules.hygiene._dictionary import dictionary_available, is_word
from gsilint.rules.hygiene._prose import prose


def _bmp_class(cls: str) -> str:
    """The part of a ``[...]`` class of single characters and ranges below U+10000 (no
    range of :data:`HAN` crosses U+FFFF; a test holds the part equal on the BMP)."""
    items = re.findall(r".-.|.", cls[1:-1], re.DOTALL)
    return "[" + "".join(i for i in items if i[0] <= "\uffff") + "]"


#: A unit of two to four Han characters written twice in a row ("公开公开"): what the rule
#: searches with its pattern. A doubled single character (的的) is looked for with
#: ``str.find``, only for the few characters the rule reports; the tests hold the two
#: together to the one search for units of one to four, ``({HAN}{1,4})\1``. Stdlib ``re``
#: with the HAN class: ``regex``'s back-references are several times slower.
_LONGER = re_compile(f"({HAN}{{2,4}})\\1")
#: :data:`_LONGER` for a text without astral characters (most reports): a class of BMP
#: ranges only is read a fifth faster.
_LONGER_BMP = re_compile(f"({_bmp_class(HAN)}{{2,4}})\\1")
_HAN_CHAR = re_compile(HAN)


def _bmp_only(text: str) -> bool:
    """Whether ``text`` has no character above U+FFFF: its UTF-16 takes two bytes each
    (encoding is a copy; looking at each character from Python is slower than the scan)."""
    return len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    d = hygiene_data()["repeated"]
    singles = {s["char"]: s.get("unless_next", "") for s in d.get("single", [])}
    return frozenset(d.get("allowed", [])), frozenset(d.get("numerals", "")), singles


@lru_cache(maxsize=1)
def _single_pairs() -> tuple[str, ...]:
    """The doubled single characters the rule reports ("的的"; Han only, as the pattern)."""
    return tuple(c + c for c in _data()[2] if len(c) == 1 and _HAN_CHAR.fullmatch(c))


@rule(
    "T501",
    "repeated-word",
    Severity.WARNING,
    "词语重复（如“公开公开”）",
    "a word written twice in a row",
)
def repeated_word(ctx):
    """
    同一个词连写两遍（“公开公开”“工作工作”“资金资金”），多是编辑时的残留。两到四个字的
    单元连写两遍，且它确是一个词时报告：两个字的词在多份真实报告中都出现（rules/
    hygiene-words.txt，由 tools/build_hygiene_words.py 从语料统计生成），或这个词在本报告
    其他地方也单独出现。“同时适时适地”中的“时适时适”、“企业创业创新”中的“业创业创”是两个词偶然相接，不报告。合法的
    叠用（研究研究、一步一步）列在 rules/hygiene.toml 中。单字叠用绝大多数是合法的（常常、
    人人、层层、紧紧，或跨词相接的“首页|页面”“饮用水|水源”），只对从不叠用的字报告
    （“的的”，“的的确确”除外）。两份之间是词界时不报告：前一份是更长的词的结尾（目的|的统一），
    或后一份是更长的词的开头（公开工作|工作量大），以 jieba 分词词典判断。数字（二〇二〇年）和
    表格单元格不检查。

    A unit of two to four Han characters written twice in a row (公开公开) is
    reported when it is a word: a two-character word found in at least three
    real reports (rules/hygiene-words.txt, generated from the corpus by
    tools/build_hygiene_words.py), or a unit that also stands alone elsewhere
    in this report. 时适时适 in 同时适时适地 is two words meeting by chance and
    is not reported. Legitimate reduplication (研究研究, 一步一步) is listed in
    rules/hygiene.toml. Doubled single characters are almost always
    legitimate (常常, 层层, or a word boundary: 首页|页面), so only characters
    that never double (的的, but not 的的确确) are reported. Numbers and table
    cells are not checked.

    错误示例 / Bad:
        认真贯彻落实上级关于政务公开公开工作的一系列方针。
    正确示例 / Good:
        认真贯彻落实上级关于政务公开工作的一系列方针。
    """
    allowed, numerals, singles = _data()
    words = common_words()
    pieces = prose(ctx)
    body = "\n".join(p.text for p in pieces)
    count = _counter(body)
    longer = _LONGER_BMP if _bmp_only(body) else _LONGER
    pairs = _single_pairs()
    for piece in pieces:
        text = piece.text
        pos = 0
        while True:
            found_at = _next_doubled(text, pos, longer, pairs)
            if found_at is None:
                break
            start, end = found_at
            doubled = text[start:end]
            unit = doubled[: len(doubled) // 2]
            if len(unit) == 1:
                unless = singles[unit]
                found = not (unless and text.startswith(unless, end))
            else:
                # the dictionary (a search of 5 MB before its set is built) is asked last
                found = (
                    doubled not in allowed
                    and not set(unit) <= numerals
                    and (
                        (len(unit) == 2 and unit in words)
                        # the word stands alone elsewhere: more occurrences than this doubling holds
                        or count(unit) > count(doubled) * 2
                    )
                    and _is_a_word(unit, words)
                )
            if found and _on_word_boundary(text, start, end, unit):
                found = False
            if not found:
                pos = start + 1
                continue
            yield Issue(
                piece.span(start, end),
                f"“{unit}”连写了两遍（“{doubled}”），应删去一个",
                f"'{unit}' is written twice in a row ('{doubled}'); delete one",
            )
            pos = end


def _next_doubled(
    text: str, pos: int, longer: re.Pattern, pairs: tuple[str, ...]
) -> tuple[int, int] | None:
    """Where the first doubling at or after ``pos`` that the rule may report is: a unit of
    two to four characters (``longer``) or a doubled character of ``pairs``, the longer unit
    first where both start (as the greedy search ``({HAN}{1,4})\\1`` finds them; the doubled
    single characters it finds besides are never reported and change no later search)."""
    m = longer.search(text, pos)
    end = m.start() if m is not None else len(text)
    best = None
    for pair in pairs:
        k = text.find(pair, pos, end + 1)  # a pair starting before ``end``
        if k != -1:
            best, end = k, k
    if best is not None:
        return best, best + 2
    return m.span() if m is not None else None


def _is_a_word(unit: str, words: frozenset[str]) -> bool:
    """Whether a unit of two to four characters is a word (资金, 信息公开) and not two words
    meeting by chance (企业|创业|创新 doubles 业创); a two-character unit of the genre's word
    list counts; without the dictionary every unit counts."""
    if not dictionary_available() or (len(unit) == 2 and unit in words) or is_word(unit):
        return True
    return len(unit) == 4 and is_word(unit[:2]) and is_word(unit[2:])


def _on_word_boundary(text: str, start: int, end: int, unit: str) -> bool:
    """Whether the two copies of ``unit`` at ``text[start:end]`` belong to two different words:
    the first ends a longer word (目的|的统一) or the second begins one (公开工作|工作量)."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return bool(
        (before and _HAN_CHAR.match(before) and is_word(before + unit))
        or (after and _HAN_CHAR.match(after) and is_word(unit + after))
    )


def _counter(body: str):
    """``body.count`` remembered per string: a text that doubles the same units
    thousands of times would otherwise rescan the whole body for each one."""
    counts: dict[str, int] = {}

    def count(s: str) -> int:
        n = counts.get(s)
        if n is None:
            n = counts[s] = body.count(s)
        return n

    return count
