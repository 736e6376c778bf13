"""Regular expressions compiled on first use.

Compiling a pattern with ``regex`` costs up to a millisecond, and a module
that compiles its patterns at import time makes every ``gsilint check`` pay
for all of them — about a third of them are never used on a given report (a
pattern for a rare layout, a claim wording, a template's statements). A
:func:`lazy` pattern is compiled the first time it is used and then behaves
exactly like the compiled pattern: its methods are copied onto it, so later
calls cost what a compiled pattern's calls cost.
"""

from __future__ import annotations

from typing import Any

import regex

#: the methods and attributes of a compiled pattern that callers use
_FORWARDED = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "splititer",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """A ``regex`` pattern compiled when first used (see the module docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags
        self._compiled: Any = None

    def compiled(self) -> Any:
        """The compiled ``regex`` pattern."""
        if self._compiled is None:
            compiled = regex.compile(self._source, self._flags)
            for name in _FORWARDED:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # only reached before the first use (afterwards the names are attributes)
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._source!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``regex.compile(pattern, flags)``, done on first use."""
    return LazyPattern(pattern, flags)
