"""Tolerant matching of a written label to the template's statutory labels.

Table row labels and section headings are printed by hand, and real reports
misspell them: 其他法律行政止公开 for 其他法律行政法规禁止公开, 行政法复议 for
行政复议, 信函、传真 for 信函（传真）, numbered or not, 繁体 or 简体. A label is
compared with the template's after :func:`label_key`: NFKC, 繁→简 (the
process's one OpenCC converter, :func:`gsilint.normalize.norm_label`), no
whitespace, punctuation or numbering marks. Equal keys are an *exact* match.

A *tolerant* match is a misspelling, and is held to a narrow shape so that a
wording variant (改进措施 for 改进情况, 其他需要说明的事项) is never taken for
one:

- the difference is inside the label — the two keys share a non-empty
  beginning and a non-empty end (a truncated, wrapped or extended label
  differs at an end and is not a misspelling);
- what differs is characters left out (at most :func:`max_edits`), one
  character added, or one character replaced — not a word swapped for
  another of the same length;
- what is left out or added is not a word whose presence is a matter of
  wording (:data:`VARIANT_WORDS`: 的, 和, 工作, 提起 …), and a replaced
  character is not one such word for another (及 for 和);
- exactly one template label is that close, and none matches exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from gsilint.normalize import norm_label
from gsilint.patterns import lazy
from gsilint.records import dataclass

#: Numbering marks anywhere in a label: （三） (3) 三、 1. 1、 ①
_MARK = lazy(
    r"[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]"
    r"|(?<!\d)\d{1,2}[、.．](?!\d)|[①-⑳]"
)
#: Everything but letters, digits and Han characters.
_PUNCT = lazy(r"[^\p{L}\p{N}]+")


#: Words that real reports add to or leave out of a statutory label as a matter
#: of wording, not by mistake (工作存在的主要问题, 被申请行政复议和提起行政诉讼).
VARIANT_WORDS = frozenset(
    {"的", "和", "及", "与", "或", "之", "并", "等", "其", "工作", "提起", "有关", "相关", "方面"}
)


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """The comparison key of a label: normalised, without numbering or punctuation."""
    return _PUNCT.sub("", _MARK.sub("", norm_label(text)))


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``words``: ``any(w in text for w in words)`` as a loop,
    for the mappers that ask it for every row (a generator per call costs more)."""
    for w in words:
        if w in text:
            return True
    return False


@lru_cache(maxsize=8192)
def last_label(text: str) -> str:
    """The part of a written row label after its last numbering mark.

    "（三）不予公开 1.属于国家秘密" → "属于国家秘密": a row label printed with its
    group's title in front is compared without it.
    """
    s = norm_label(text)
    last = None
    for m in _MARK.finditer(s):
        last = m
    return s[last.end() :] if last is not None and last.end() < len(s) else s


def max_edits(length: int) -> int:
    """How many characters a label of ``length`` may lose and still be recognised."""
    if length < 4:
        return 0
    if length < 8:
        return 1
    if length < 12:
        return 2
    return 3


def _typo(written: str, canonical: str) -> int | None:
    """The size of the difference if ``written`` is ``canonical`` misspelt, else None."""
    if written == canonical:
        return 0
    n = max_edits(len(canonical))
    if not n:
        return None
    i = 0
    while i < min(len(written), len(canonical)) and written[i] == canonical[i]:
        i += 1
    j = 0
    while j < min(len(written), len(canonical)) - i and written[-1 - j] == canonical[-1 - j]:
        j += 1
    if not i or not j:
        return None  # differs at an end: truncated, wrapped or extended, not misspelt
    w, c = written[i : len(written) - j], canonical[i : len(canonical) - j]
    if w in VARIANT_WORDS or c in VARIANT_WORDS:
        return None  # a wording variant, not a typo
    if not w and 1 <= len(c) <= n:
        return len(c)  # characters left out
    if not c and len(w) == 1:
        return 1  # a character added
    if len(w) == len(c) == 1:
        return 1  # a character replaced
    return None


@lru_cache(maxsize=256)
def _keys(labels: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((label_key(s), s) for s in labels)


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """The template label a written label was matched to."""

    #: the template's label, as the template prints it
    label: str
    #: False for a misspelling (a tolerant match)
    exact: bool
    #: characters left out, added or replaced (0 when exact)
    edits: int = 0


def match_label(
    written: str, labels: Iterable[str], allowed: Iterable[str] = ()
) -> LabelMatch | None:
    """Match ``written`` to one of ``labels`` (or an ``allowed`` variant of one).

    An exact match (equal :func:`label_key`) to a label or a variant wins;
    otherwise the single label or variant the written one misspells; None
    when there is none, or more than one equally close.
    """
    key = label_key(written)
    if not key:
        return None
    cands = _keys((*labels, *allowed))
    for k, s in cands:
        if k == key:
            return LabelMatch(s, True)
    best: list[tuple[int, str]] = []
    for k, s in cands:
        d = _typo(key, k)
        if d is None:
            continue
        if not best or d < best[0][0]:
            best = [(d, s)]
        elif d == best[0][0] and s not in (b[1] for b in best):
            best.append((d, s))
    if len(best) != 1:
        return None
    return LabelMatch(best[0][1], False, best[0][0])
