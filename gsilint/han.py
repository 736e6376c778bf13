"""Han characters as a character class for the standard library's ``re``.

The third-party ``regex`` module has ``\\p{Han}`` (the Unicode Script=Han
property); stdlib ``re`` does not. A few hot patterns run several times faster
under ``re`` (a back-reference such as ``(\\p{Han}{1,4})\\1`` is slow in
``regex``), so they use :data:`HAN`, the same set of code points written as
ranges. ``tests/test_han.py`` checks, code point by code point, that ``HAN``
matches exactly what ``regex``'s ``\\p{Han}`` matches; when an upgrade of
``regex`` brings a newer Unicode version, that test fails and prints the new
ranges.
"""

from __future__ import annotations

#: ``[...]`` matching exactly the code points of ``regex``'s ``\\p{Han}``.
HAN = (
    "["
    "\u2e80-\u2e99"
    "\u2e9b-\u2ef3"
    "\u2f00-\u2fd5"
    "\u3005"
    "\u3007"
    "\u3021-\u3029"
    "\u3038-\u303b"
    "\u3400-\u4dbf"
    "\u4e00-\u9fff"
    "\uf900-\ufa6d"
    "\ufa70-\ufad9"
    "\U00016fe2-\U00016fe3"
    "\U00016ff0-\U00016ff6"
    "\U00020000-\U0002a6df"
    "\U0002a700-\U0002b81e"
    "\U0002b820-\U0002cead"
    "\U0002ceb0-\U0002ebe0"
    "\U0002ebf0-\U0002ee5d"
    "\U0002f800-\U0002fa1d"
    "\U00030000-\U0003134a"
    "\U00031350-\U00033479"
    "]"
)
