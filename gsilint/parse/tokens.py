"""What the line readers give: typed lines of tokens with offsets (the shape of Lark's tokens)."""

from __future__ import annotations

from dataclasses import dataclass


class Token(str):
    """A piece of a line: the grammar's terminal name, text and offsets (as Lark's tokens)."""

    __slots__ = (
        "type",
        "value",
        "start_pos",
        "end_pos",
        "line",
        "column",
        "end_line",
        "end_column",
    )

    def __new__(
        cls,
        type: str,  # noqa: A002 - Lark's name
        value: str,
        start_pos: int,
        line: int | None = None,
        column: int | None = None,
        end_line: int | None = None,
        end_column: int | None = None,
        end_pos: int | None = None,
    ) -> Token:
        tok = str.__new__(cls, value)
        tok.type = type
        tok.value = value
        tok.start_pos = start_pos
        tok.end_pos = end_pos
        tok.line = line
        tok.column = column
        tok.end_line = end_line
        tok.end_column = end_column
        return tok


@dataclass(slots=True)
class Line:
    kind: str  # heading | paragraph | row | pipe_row | directive | blank
    tokens: list[Token]
    start: int
    end: int
