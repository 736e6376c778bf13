"""What the line readers give: typed lines of tokens with offsets (the shape of Lark's tokens)."""

from __future__ import annotations


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


class Line:
    """A typed line: heading, paragraph, row, pipe_row, directive or blank, with its tokens.

    Most lines of a report are plain prose, one TEXT token (after an INDENT
    token when the line is indented) that the parser hardly ever looks at:
    :meth:`prose` makes such a line without its tokens, and :attr:`tokens`
    makes them when they are first asked for.
    """

    __slots__ = ("kind", "start", "end", "_tokens", "_text", "_line_no", "_column", "_content")

    def __init__(self, kind: str, tokens: list[Token], start: int, end: int) -> None:
        self.kind = kind  # heading | paragraph | row | pipe_row | directive | blank
        self._tokens: list[Token] | None = tokens
        self.start = start
        self.end = end

    @classmethod
    def prose(
        cls, text: str, start: int, end: int, line_no: int, column: int, content: int = -1
    ) -> Line:
        """A paragraph line ``text[start:end]`` at ``line_no``/``column``: one TEXT token,
        or, when ``content`` (where the text starts) is after ``start``, an INDENT token
        up to it and the TEXT token from it."""
        line = _new(cls)
        line.kind = "paragraph"
        line._tokens = None
        line.start = start
        line.end = end
        line._text = text
        line._line_no = line_no
        line._column = column
        line._content = start if content == -1 else content
        return line

    @property
    def tokens(self) -> list[Token]:
        tokens = self._tokens
        if tokens is None:
            a, b, line_no, col, text = self.start, self.end, self._line_no, self._column, self._text
            c = self._content
            tokens = []
            if c != a:
                tokens.append(Token("INDENT", text[a:c], a, line_no, col, line_no, col + c - a, c))
                col += c - a
            tokens.append(Token("TEXT", text[c:b], c, line_no, col, line_no, col + b - c, b))
            self._tokens = tokens
        return tokens

    def content_start(self) -> int:
        """Where the line's content starts: after its indentation and hashes (its end if none)."""
        if self._tokens is None:  # prose: its TEXT token starts there
            return self._content
        for tok in self._tokens:
            if tok.type != "INDENT" and tok.type != "HASHES":
                return tok.start_pos
        return self.end

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Line):
            return NotImplemented
        return (self.kind, self.tokens, self.start, self.end) == (
            other.kind,
            other.tokens,
            other.start,
            other.end,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it was

    def __repr__(self) -> str:
        return (
            f"Line(kind={self.kind!r}, tokens={self.tokens!r}, start={self.start}, end={self.end})"
        )


_new = object.__new__
