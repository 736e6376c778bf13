"""One cell's text → a value: a count, a signed change, an amount, or not reported."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from gsilint.patterns import lazy

#: Marks that mean "not reported" (distinct from 0).
NOT_REPORTED = frozenset({"", "/", "／", "—", "——", "-", "－", "–", "无", "\\"})
_NUM = lazy(r"^[+\-]?\d+(?:\.\d+)?%?$")
#: What may stand in a value cell: a number or a not-reported mark.
VALUE_TEXT = lazy(r"^(?:[+\-－]?[0-9０-９]+(?:[.．][0-9０-９]+)?%?|[/／—–\-－\\无]|——)$")


def clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().replace("－", "-")


#: The characters a :data:`VALUE_TEXT` can begin with.
_VALUE_START = frozenset("+-－0123456789０１２３４５６７８９/／—–\\无")


def is_value_text(text: str) -> bool:
    if text.isdigit():
        return True
    s = text.strip()
    # a label (most texts that are not digits) fails at its first character
    return not s or (s[0] in _VALUE_START and bool(VALUE_TEXT.match(s)))


def read_value(text: str, kind: str = "count") -> tuple[object, bool, str | None]:
    """``(value, reported, problem)`` for a cell of a column of ``kind``.

    ``problem`` is a short reason when the text is not a valid value for the
    column (negative, fractional, a percentage, not a number); the value is
    then None.
    """
    if text.isascii() and text.isdigit() and kind != "amount":
        return int(text), True, None
    s = clean(text)
    if s in NOT_REPORTED:
        return None, False, None
    if not _NUM.match(s):
        return None, True, "not_number"
    if s.endswith("%"):
        return None, True, "percent"
    if kind == "amount":
        try:
            return Decimal(s), True, None
        except InvalidOperation:  # pragma: no cover - the regex admits only decimals
            return None, True, "not_number"
    if "." in s:
        return None, True, "fraction"
    n = int(s)
    if kind == "signed":
        return n, True, None
    if s.startswith("+"):
        return n, True, None
    if n < 0:
        return None, True, "negative"
    return n, True, None


@lru_cache(maxsize=8192)
def read_cell(text: str, kind: str = "count") -> tuple[object, bool, str | None, str]:
    """``(value, reported, problem, text.strip())``: :func:`read_value` of a cell and its
    text as a grid keeps it, remembered per text (a table repeats "0" and "/" all over)."""
    value, reported, problem = read_value(text, kind)
    return value, reported, problem, text.strip()
