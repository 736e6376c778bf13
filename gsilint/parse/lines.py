"""Report text → typed lines, by the Lark grammar ``grammars/report.lark``.

The grammar (LALR, contextual lexer) reads each line as a heading,
paragraph, tab row, pipe row, directive or blank line, with token offsets.
Its MARK terminal is filled in at load time from the heading mark styles of
:mod:`gsilint.vocabulary`. No tree is kept: :class:`_Lines` turns each rule
into a :class:`Line`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lark import Lark, Token, Transformer

from gsilint.resources import data_dir
from gsilint.vocabulary import mark_lexer_pattern

#: Where the grammar file wants the heading mark styles.
MARK_STYLES_SLOT = "@MARK_STYLES@"


class ParseError(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(slots=True)
class Line:
    kind: str  # heading | paragraph | row | pipe_row | directive | blank
    tokens: list[Token]
    start: int
    end: int


class _Lines(Transformer):
    """Turns each grammar rule into a :class:`Line` (no tree is kept)."""

    def _make(kind):  # noqa: N805 - factory used in the class body
        def make(self, children):
            toks: list[Token] = []
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


def grammar_text() -> str:
    """``grammars/report.lark`` with the heading mark styles filled in."""
    grammar = (data_dir("grammars") / "report.lark").read_text(encoding="utf-8")
    if MARK_STYLES_SLOT not in grammar:
        raise ValueError(f"grammars/report.lark has no {MARK_STYLES_SLOT} slot")
    return grammar.replace(MARK_STYLES_SLOT, mark_lexer_pattern())


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The Lark parser, built once (call it to warm the parser before forking)."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        transformer=_Lines(),
        maybe_placeholders=False,
    )


def parse_lines(text: str) -> list[Line]:
    from lark.exceptions import LarkError, UnexpectedInput

    try:
        return grammar_parser().parse(text)
    except UnexpectedInput as exc:  # pragma: no cover - the grammar accepts any line
        raise ParseError(
            f"无法解析：{exc.__class__.__name__}", getattr(exc, "pos_in_stream", 0) or 0
        ) from None
    except LarkError as exc:  # pragma: no cover
        raise ParseError(str(exc), 0) from None
