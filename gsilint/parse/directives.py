"""HTML comments, wherever they are: comment lines, and comments ending a line."""

from __future__ import annotations

from gsilint import document
from gsilint.parse.page import Page
from gsilint.parse.tokens import Token
from gsilint.patterns import lazy
from gsilint.positions import Span

#: An HTML comment that ends a line (same as the grammar's COMMENT).
_TRAILING_COMMENT = lazy(r"(<!--[^\r\n]*?-->)[ \t\u3000]*$")


def read_directives(page: Page, doc: document.Document) -> None:
    """Collect every comment into ``doc.directives``.

    A comment that ends a text line is taken off the line (the text's
    nodes end before it) and kept as an ``inline`` directive. The grammar
    gives heading and paragraph lines a COMMENT token; a tab row is one
    token, so its trailing comment is cut off here. Only a line that holds
    "<!--" can hold a comment: the others' tokens (made on demand for a
    prose line) are not looked at.
    """
    text = page.text
    if "<!--" not in text:
        return
    for line in page.lines:
        if text.find("<!--", line.start, line.end) == -1:
            continue
        if line.kind == "directive":
            doc.directives.append(
                document.Directive(text[line.start : line.end].strip(), Span(line.start, line.end))
            )
            continue
        tok = line.tokens[-1] if line.tokens else None
        if tok is None:
            continue
        if line.kind == "row" and "<!--" in tok.value:
            m = _TRAILING_COMMENT.search(tok.value)
            if m is None:
                continue
            line.tokens[-1] = Token(
                tok.type,
                tok.value[: m.start()],
                tok.start_pos,
                tok.line,
                tok.column,
                end_pos=tok.start_pos + m.start(),
            )
            start = tok.start_pos + m.start(1)
            doc.directives.append(
                document.Directive(m.group(1), Span(start, start + len(m.group(1))), inline=True)
            )
            line.end = tok.start_pos + m.start()
        elif tok.type == "COMMENT" and len(line.tokens) > 1:
            line.tokens.pop()
            comment = tok.value.rstrip()
            doc.directives.append(
                document.Directive(
                    comment, Span(tok.start_pos, tok.start_pos + len(comment)), inline=True
                )
            )
            line.end = line.tokens[-1].end_pos
