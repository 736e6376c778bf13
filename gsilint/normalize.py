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

from gsilint.patterns import lazy

_WS = lazy(r"[\s\u3000\u00a0\u200b\ufeff]+")
#: pinyin a mirror copy inserted after characters: 公(gong)開(kai) (after NFKC: ASCII parens)
_PINYIN = lazy(r"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")
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


# One OpenCC converter per direction for the whole process (T504 uses both):
# each takes tens of milliseconds to load its dictionaries.
@lru_cache(maxsize=1)
def to_simplified():
    """The OpenCC traditional → simplified converter, created on first use."""
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def to_traditional():
    """The OpenCC simplified → traditional converter, created on first use."""
    import opencc

    return opencc.OpenCC("s2t")


def _convert(text: str) -> str:
    return to_simplified().convert(text)


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
