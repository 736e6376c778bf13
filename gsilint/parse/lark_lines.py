"""The reference line reader: Lark (LALR, contextual lexer) over the whole grammar.

:func:`gsilint.parse.lines.parse_lines` gives the same lines faster; the
tests compare the two on generated and real reports. No tree is kept:
:class:`_Lines` turns each rule into a :class:`~gsilint.parse.tokens.Line`
whose tokens are Lark's. Lark is imported when the parser is first built.
"""

from __future__ import annotations

from functools import cache

from gsilint.parse.grammar import grammar_text
from gsilint.parse.tokens import Line


class _Lines:
    """Lark callbacks: each grammar rule becomes a :class:`Line`."""

    def _make(kind):  # noqa: N805 - factory used in the class body
        def make(self, children):
            toks = []
            for c in children:
                if isinstance(c, list):
                    toks.extend(c)
                else:
                    toks.append(c)
            return Line(kind, toks, toks[0].start_pos, toks[-1].end_pos)

        return make

    heading = _make("heading")
    paragraph = _make("paragraph")
    row = _make("row")
    pipe_row = _make("pipe_row")
    directive = _make("directive")
    blank = _make("blank")
    del _make

    def start(self, children):
        return children


@cache
def lark_parser():
    """The Lark parser of the grammar, built once (Lark is imported only here)."""
    from lark import Lark

    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        transformer=_Lines(),
        maybe_placeholders=False,
    )


def lark_lines(text: str) -> list[Line]:
    """``text`` read as typed lines by Lark."""
    return lark_parser().parse(text)
