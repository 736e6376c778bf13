"""Regular expressions compiled on first use, with the standard library's ``re`` when it can.

Compiling a pattern with ``regex`` costs up to a millisecond, and a module
that compiles its patterns at import time makes every ``gsilint check`` pay
for all of them — about a third of them are never used on a given report (a
pattern for a rare layout, a claim wording, a template's statements). A
:func:`lazy` pattern is compiled the first time it is used and then behaves
exactly like the compiled pattern: its methods are copied onto it, so later
calls cost what a compiled pattern's calls cost.

The engine is chosen per pattern. ``regex`` is needed for its Unicode
properties (``\\p{Han}``), reverse searches (``(?r)``), variable-width
look-behinds and other syntax of its own; stdlib ``re`` compiles a pattern
about 1.5x faster. So a pattern is compiled by ``re`` (its ``\\s`` written as
``regex``'s set of spaces, see :func:`for_stdlib`) unless it uses ``\\p`` or
``\\P``, or ``re`` refuses it or warns about it (a nested set); then by
``regex``, as written. (Writing ``\\p{Han}`` as ranges for ``re`` was
measured: ``re`` compiles such a large set 4x slower than ``regex``.)
``tests/test_patterns.py`` holds every lazy pattern of the package to give the
same matches under both engines on the corpus and on random text.

What ``re`` compiles is kept between runs (:func:`kept_stdlib`): compiling
gsilint's hundred patterns costs a cold ``gsilint check`` about 30 ms, most of
it in ``re``'s pure-Python compiler, which turns a pattern into a list of
integers that its C engine then takes. That list depends only on the
pattern, its flags and the Python version, so the
:mod:`~gsilint.startup_cache` keeps it, and a later run hands it straight to
the engine. This reads two private parts of ``re`` (its compiler, and the
engine's ``compile``), as ``re.compile`` itself does; when they are missing
or refuse, the pattern is compiled by ``re.compile`` as usual.
"""

from __future__ import annotations

import re
import warnings
import weakref
from typing import Any

import regex

from gsilint.startup_cache import startup_cache

try:  # what ``re.compile`` is made of (see the module docstring)
    import _sre
    from re import _compiler as _sre_compiler
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - another Python: patterns are compiled each run
    _sre = _sre_compiler = _sre_parser = None

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
    "flags",
    "groups",
    "groupindex",
)

#: every lazy pattern still in use (for the engine-equivalence test); weak, so patterns
#: made at run time (a rule pack's template statements) are not kept alive by it
CREATED: weakref.WeakSet[LazyPattern] = weakref.WeakSet()


class LazyPattern:
    """A pattern compiled when first used (see the module docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags
        self._compiled: Any = None
        self.pattern = pattern
        CREATED.add(self)

    def compiled(self) -> Any:
        """The compiled pattern (a ``re`` or a ``regex`` pattern object)."""
        if self._compiled is None:
            compiled = stdlib_compiled(self._source, self._flags) or regex.compile(
                self._source, self._flags
            )
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
    """``regex.compile(pattern, flags)``, done on first use (by ``re`` when it can)."""
    return LazyPattern(pattern, flags)


#: what ``regex``'s ``\\s`` matches (Unicode White_Space); ``re``'s ``\\s`` also takes \\x1c-\\x1f
_SPACES = "\\t\\n\\x0b\\x0c\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"


def for_stdlib(pattern: str) -> str | None:
    """``pattern`` as ``re`` must read it to match what ``regex`` matches, or None.

    ``\\s`` becomes ``regex``'s own set of spaces. None for what ``re`` has
    no equivalent of: Unicode properties (``\\p``/``\\P``) and ``\\S`` inside a
    set. (``\\d`` is left as it is: the two engines differ only on digits of
    scripts newer than Python's Unicode data, which ``int()`` rejects anyway.)
    """
    if "\\" not in pattern:
        return pattern
    if "(?x" in pattern:
        return None  # a comment could hold an unmatched '[': not worth reading here
    out: list[str] = []
    in_set = False
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            e = pattern[i + 1]
            if e in "pP":
                return None
            if e == "s":
                # outside a set, "a space but not \\x1c-\\x1f" compiles faster than the list
                out.append(_SPACES if in_set else r"[^\S\x1c-\x1f]")
            elif e == "S":
                if in_set:
                    return None
                out.append(r"[\S\x1c-\x1f]")
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[" and not in_set:
            in_set = True
            out.append(c)
            # a ']' first in the set (after an optional '^') is a literal
            if pattern.startswith("^", i + 1):
                out.append("^")
                i += 1
            if pattern.startswith("]", i + 1):
                out.append("]")
                i += 1
        else:
            if c == "]":
                in_set = False
            out.append(c)
        i += 1
    return "".join(out)


def stdlib_compiled(pattern: str, flags: int = 0) -> re.Pattern | None:
    """``pattern`` compiled by ``re``, or None when only ``regex`` reads it as meant."""
    if flags & ~(regex.I | regex.M | regex.S | regex.U):  # same bits in re; not VERBOSE
        return None
    source = for_stdlib(pattern)
    if source is None:
        return None
    return kept_stdlib(source, flags)


#: what :func:`_engine_arguments` returns for a pattern ``re`` refuses or warns about
_REFUSED = False


def re_compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)`` (``re``'s syntax and meaning), kept between runs."""
    return kept_stdlib(pattern, flags) or re.compile(pattern, flags)  # the latter raises


def kept_stdlib(source: str, flags: int = 0) -> re.Pattern | None:
    """``re.compile(source, flags)``, from the startup cache when it holds it; None when
    ``re`` refuses the pattern or warns about it (then ``regex`` must read it)."""
    if _sre is None:
        return _plain_stdlib(source, flags)
    flags = int(flags)  # a flag enum is an int that marshal cannot write
    key = ("re", source, flags, _sre.MAGIC)
    arguments = startup_cache().get(key, lambda: _engine_arguments(source, flags))
    if arguments is _REFUSED:
        return None
    if arguments is None:  # re's compiler is not what this module expects
        return _plain_stdlib(source, flags)
    return _sre.compile(*arguments)


def _engine_arguments(source: str, flags: int) -> tuple | bool | None:
    """What ``re.compile`` would hand its C engine for ``source``: ``_REFUSED`` when
    ``re`` refuses it or warns, None when the compiler's parts do not work as expected."""
    with warnings.catch_warnings():
        # re warns about syntax regex reads differently (nested sets, '[[', '--', '&&')
        warnings.simplefilter("error")
        try:
            parsed = _sre_parser.parse(source, flags)
            code = _sre_compiler._code(parsed, flags)
        except (re.error, FutureWarning, DeprecationWarning):
            return _REFUSED
        except Exception:  # noqa: BLE001 - another Python's compiler: compile as usual
            return None
    state = parsed.state
    names: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        names[index] = name
    arguments = (
        source,
        flags | state.flags,
        [int(op) for op in code],  # re's opcodes are int subclasses marshal cannot write
        state.groups - 1,
        dict(state.groupdict),
        tuple(names),
    )
    try:
        _sre.compile(*arguments)
    except Exception:  # noqa: BLE001 - the engine takes other arguments here
        return None
    return arguments


def _plain_stdlib(source: str, flags: int) -> re.Pattern | None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            return re.compile(source, flags)
        except (re.error, FutureWarning, DeprecationWarning):
            return None
