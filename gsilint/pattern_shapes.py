"""What a regular expression can match, read from its parse rather than by running it.

Two readings of a pattern in ``re`` syntax: the characters every match starts with
(:func:`first_chars`, which lets a reader skip a line whose first character no match
can start with) and whether a match stays a match when the text's lines are joined
(:func:`joinable`, which lets a rule search all of a report's prose at once).

Both walk the tree of ``re``'s own parser, ``re._parser``, whose node kinds are the
constants of ``re._constants`` — private modules of Python 3.11 and later. Nodes are
told apart by their names, so a kind that a later Python renames or adds is simply
unknown. Whatever is not known gives the safe answer, so that a caller takes its
slow path: None from :func:`first_chars`, False from :func:`joinable` — when the
modules are missing, when they refuse the pattern, or when a tree has another shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

try:  # the parser behind ``re.compile`` (``re._parser`` since Python 3.11)
    from re import _parser as _re_parser
except ImportError:  # pragma: no cover - another Python: nothing is known of a pattern
    _re_parser = None

__all__ = ["first_chars", "joinable"]

_T = TypeVar("_T")

#: The repeats (``*``, ``+?``, ``{2,}``, ``*+`` …); their node holds (min, max, items).
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
#: Repeats that give characters back: a possessive one can swallow the line break
#: that joins two pieces and then fail a look-ahead it never met inside one piece.
_GIVING_BACK_REPEATS = ("MAX_REPEAT", "MIN_REPEAT")
#: What takes one character of the text and looks at nothing else.
_CHARACTERS = ("LITERAL", "NOT_LITERAL", "IN", "ANY", "GROUPREF")
#: The widest range of a set that :func:`first_chars` spells out character by character.
_WIDEST_RANGE = 4096


def _read(pattern: str, reading: Callable[[Any], _T], unknown: _T) -> _T:
    """``reading`` of the parse of ``pattern`` (``re`` syntax), or ``unknown`` when the
    parser is missing, refuses the pattern or gives a tree ``reading`` does not expect."""
    if _re_parser is None:
        return unknown
    try:
        return reading(_re_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - a private parser: what it does not give is not known
        return unknown


def _kind(op: Any) -> str:
    """The name of a node kind (``LITERAL``, ``IN`` …)."""
    return str(op)


# -- first characters ----------------------------------------------------------------


def first_chars(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` (``re`` syntax) can start with; None if a
    match can be empty or its start is not a plain set of characters (a class such
    as ``\\s``, a negated set, a wide range, a flag). Look-arounds are passed over:
    they only narrow the start."""
    return _read(pattern, _first_chars_of_parse, None)


def _first_chars_of_parse(parsed: Any) -> set[str] | None:
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    got = _first_of_sequence(list(parsed))
    if got is None or got[1]:
        return None
    return got[0]


def _first_of_sequence(items: list) -> tuple[set[str], bool] | None:
    """The first characters of a sequence of nodes and whether it can match nothing;
    None if they are not known."""
    out: set[str] = set()
    for op, av in items:
        kind = _kind(op)
        if kind == "LITERAL":
            first, empty = {chr(av)}, False
        elif kind == "IN":
            chars = _chars_of_set(av)
            if chars is None:
                return None
            first, empty = chars, False
        elif kind == "SUBPATTERN":
            if av[1] or av[2]:  # flags set inside the group
                return None
            got = _first_of_sequence(list(av[3]))
            if got is None:
                return None
            first, empty = got
        elif kind == "BRANCH":
            first, empty = set(), False
            for branch in av[1]:
                got = _first_of_sequence(list(branch))
                if got is None:
                    return None
                first |= got[0]
                empty = empty or got[1]
        elif kind in _REPEATS:
            got = _first_of_sequence(list(av[2]))
            if got is None:
                return None
            first, empty = got[0], got[1] or av[0] == 0
        elif kind in ("ASSERT", "ASSERT_NOT", "AT"):
            first, empty = set(), True
        else:
            return None
        out |= first
        if not empty:
            return out, False
    return out, True


def _chars_of_set(items: list) -> set[str] | None:
    """The characters of a set (``[…]``) that lists them or narrow ranges of them."""
    out: set[str] = set()
    for op, av in items:
        kind = _kind(op)
        if kind == "LITERAL":
            out.add(chr(av))
        elif kind == "RANGE" and av[1] - av[0] < _WIDEST_RANGE:
            out.update(map(chr, range(av[0], av[1] + 1)))
        else:  # NEGATE, CATEGORY, a wide range
            return None
    return out


# -- matches across joined lines ------------------------------------------------------


def joinable(pattern: str) -> bool:
    """Whether every match of ``pattern`` (``re`` syntax) in a text is also a match in
    any text that holds it between two line breaks: the pattern looks at no line start
    or end (``^``, ``$``, ``\\b`` …), and what it must not follow or precede is one
    character, never a line break. False when that is not known."""
    return _read(pattern, lambda parsed: _joinable(list(parsed)), False)


def _joinable(items: list) -> bool:
    for op, av in items:
        kind = _kind(op)
        if kind == "AT":
            return False
        if kind == "ASSERT_NOT":
            if not _one_character_but_a_line_break(av[1]):
                return False
        elif kind == "ASSERT":
            if not _joinable(list(av[1])):
                return False
        elif kind == "SUBPATTERN":
            if not _joinable(list(av[3])):
                return False
        elif kind == "BRANCH":
            if not all(_joinable(list(alt)) for alt in av[1]):
                return False
        elif kind in _GIVING_BACK_REPEATS:
            if not _joinable(list(av[2])):
                return False
        elif kind not in _CHARACTERS:
            return False  # a conditional, an atomic group …: not looked into
    return True


def _one_character_but_a_line_break(sub: Any) -> bool:
    """Whether ``sub`` matches one character, listed or in listed ranges, never "\\n"."""
    items = list(sub)
    if len(items) != 1:
        return False
    op, av = items[0]
    if _kind(op) == "LITERAL":
        return av != ord("\n")
    if _kind(op) != "IN":
        return False
    for kind, value in av:
        if _kind(kind) == "LITERAL" and value != ord("\n"):
            continue
        if _kind(kind) == "RANGE" and not value[0] <= ord("\n") <= value[1]:
            continue
        return False  # negated, a category (\\s), or the line break itself
    return True
