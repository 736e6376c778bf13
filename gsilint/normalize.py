"""Text normalisation for matching labels and headings (DOMAIN §6).

Labels are compared after :func:`norm_label`: NFKC, every kind of whitespace
removed, quotes and brackets unified, traditional script converted to
simplified with OpenCC. :func:`simplify` converts a whole text to simplified
script *without changing its length*, so offsets found in the simplified text
are offsets in the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

_WS = regex.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
#: pinyin a mirror copy inserted after characters: 公(gong)開(kai) (after NFKC: ASCII parens)
_PINYIN = regex.compile(r"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")
_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
    }
)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def _convert(text: str) -> str:
    return _converter().convert(text)


def simplify(text: str) -> str:
    """Traditional → simplified, same length as ``text`` (line by line fallback)."""
    if not text:
        return text
    out = _convert(text)
    if len(out) == len(text):
        return out
    lines = text.split("\n")
    fixed = []
    for line in lines:
        conv = _convert(line)
        if len(conv) != len(line):
            conv = "".join(c if len(c) == 1 else o for o, c in ((ch, _convert(ch)) for ch in line))
        fixed.append(conv)
    return "\n".join(fixed)


@lru_cache(maxsize=4096)
def norm_label(text: str) -> str:
    """Canonical form of a label or heading for comparison."""
    s = unicodedata.normalize("NFKC", text)
    s = _PINYIN.sub("", s)
    s = _WS.sub("", s)
    s = s.translate(_QUOTES)
    s = s.replace("*", "")
    return _convert(s)


_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "Ｏ": 0,
    "o": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cn_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 99 (一, 十, 十二, 二十, 三十一) or of digits."""
    s = unicodedata.normalize("NFKC", text).strip()
    if s.isdigit():
        return int(s)
    if not s:
        return None
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = 1 if not head else _CN_DIGITS.get(head)
        ones = 0 if not tail else _CN_DIGITS.get(tail)
        if tens is None or ones is None or len(head) > 1 or len(tail) > 1:
            return None
        return tens * 10 + ones
    if len(s) == 1 and s in _CN_DIGITS:
        return _CN_DIGITS[s]
    return None
