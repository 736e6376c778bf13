"""The parser's most used patterns in the standard library's ``re``, compiled on first use.

A call to a stdlib ``re`` pattern costs about half of a call to the same
``regex`` pattern, and the parser tests every line of a report with a few
of them. :func:`std_lazy` takes a pattern written for ``regex`` (as the
rest of the code base writes them) and compiles it with ``re`` so that it
matches exactly the same strings. The one difference in the syntax these
patterns use is whitespace: ``regex``'s ``\\s`` is Unicode's White_Space,
``re``'s also takes the separators U+001C..U+001F, so ``\\s`` and ``\\S``
are rewritten to say what ``regex`` means. Patterns with ``\\d``, ``\\w``,
``\\b`` or ``\\p`` (whose Unicode tables differ between the two) are refused:
they stay with :func:`gsilint.patterns.lazy`.
"""

from __future__ import annotations

import re
from typing import Any

from gsilint.patterns import LazyPattern

#: ``regex``'s ``\s`` in ``re``: a space that is not one of the separators U+001C..U+001F.
SPACE = r"[^\S\x1c-\x1f]"
#: ``regex``'s ``\S`` in ``re``.
NON_SPACE = r"[\S\x1c-\x1f]"
#: A class of spaces and ideographic spaces (U+3000 is White_Space for both).
_SPACE_CLASS = r"[\s\u3000]"
_REFUSED = re.compile(r"\\[dDwWbBpPX]")
_REWRITE = {"\\s": SPACE, "\\S": NON_SPACE}


def to_stdlib(pattern: str) -> str:
    """``pattern`` (``regex`` syntax) rewritten for ``re`` with the same meaning."""
    if "\0" in pattern:
        raise ValueError(f"a NUL in the pattern: {pattern!r}")
    if _REFUSED.search(pattern.replace("\\\\", "")):
        raise ValueError(f"not rewritten for re (\\d, \\w, \\b and \\p differ): {pattern!r}")
    marker = "\0"  # stands for [\s\u3000] while the rest is rewritten
    out = pattern.replace(_SPACE_CLASS, marker)
    if re.search(r"\[[^\]]*\\[sS]", out):  # a class with \s in it cannot be rewritten this way
        raise ValueError(f"\\s inside a character class: {pattern!r}")
    # \s and \S outside classes; an escaped backslash is left alone
    out = re.sub(r"\\\\|\\s|\\S", lambda m: _REWRITE.get(m[0], m[0]), out)
    return out.replace(marker, SPACE)


class StdLazyPattern(LazyPattern):
    """A :class:`~gsilint.patterns.LazyPattern` compiled with ``re`` (see the module docstring)."""

    def compiled(self) -> Any:
        if self._compiled is None:
            compiled = re.compile(to_stdlib(self._source))
            for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled


def std_lazy(pattern: str) -> StdLazyPattern:
    """``pattern`` (``regex`` syntax, no flags) compiled with ``re`` on first use."""
    return StdLazyPattern(pattern)
