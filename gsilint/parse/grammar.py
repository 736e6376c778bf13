"""The line grammar ``grammars/report.lark``: its text and its terminals' patterns.

The grammar is the definition of the line language. Its MARK terminal is
filled in at load time from the heading mark styles of
:mod:`gsilint.vocabulary`. :mod:`gsilint.parse.lines` reads lines with the
grammar's INDENT, HASHES and MARK patterns; :mod:`gsilint.parse.lark_lines`
reads them with Lark from the whole grammar.
"""

from __future__ import annotations

import re
from functools import cache

from gsilint.patterns import re_compile
from gsilint.resources import data_dir
from gsilint.vocabulary import mark_lexer_pattern

#: Where the grammar file wants the heading mark styles.
MARK_STYLES_SLOT = "@MARK_STYLES@"

#: A terminal definition: ``NAME.priority: /pattern/``.
_TERMINAL = re_compile(r"^([A-Z_]+)(?:\.\d+)?: /(.*)/$", re.MULTILINE)


@cache
def grammar_text() -> str:
    """``grammars/report.lark`` with the heading mark styles filled in."""
    grammar = (data_dir("grammars") / "report.lark").read_text(encoding="utf-8")
    if MARK_STYLES_SLOT not in grammar:
        raise ValueError(f"grammars/report.lark has no {MARK_STYLES_SLOT} slot")
    return grammar.replace(MARK_STYLES_SLOT, mark_lexer_pattern())


def terminal_pattern(name: str) -> str:
    """The regular expression of one terminal of the grammar."""
    for m in _TERMINAL.finditer(grammar_text()):
        if m.group(1) == name:
            return m.group(2)
    raise KeyError(f"grammars/report.lark defines no terminal {name}")
