"""Report text → :class:`gsilint.document.Document`.

Two steps. :mod:`~gsilint.parse.lines` reads the text as typed lines with
token offsets (the Lark grammar ``grammars/report.lark``). The other modules
assemble the tree, one concern each:

- :mod:`~gsilint.parse.indented` — tab-indented text lines (Word "save as text");
- :mod:`~gsilint.parse.directives` — HTML comments (suppressions);
- :mod:`~gsilint.parse.header` — a crawler's ``key: value`` header;
- :mod:`~gsilint.parse.closing` — 特此报告, organisation and date at the end;
- :mod:`~gsilint.parse.title` — the title among the first lines;
- :mod:`~gsilint.parse.headings` — a heading's mark, title and run-on text;
- :mod:`~gsilint.parse.tables` — tab, pipe, PDF-space and glued tables;
- :mod:`~gsilint.parse.blocks` — lines → headings, paragraphs and tables;
- :mod:`~gsilint.parse.sections` — nesting by the rank of the mark style.
"""

from __future__ import annotations

from gsilint import document
from gsilint.normalize import simplify
from gsilint.parse.blocks import read_blocks
from gsilint.parse.closing import read_closing
from gsilint.parse.directives import read_directives
from gsilint.parse.header import read_header
from gsilint.parse.indented import retype_indented
from gsilint.parse.lines import Line, ParseError, grammar_parser, parse_lines
from gsilint.parse.page import Page
from gsilint.parse.sections import nest
from gsilint.positions import Span

__all__ = ["Line", "ParseError", "grammar_parser", "parse", "parse_lines"]


def parse(text: str) -> document.Document:
    """Parse report text into a Document (raises :class:`ParseError`)."""
    lines = parse_lines(text)
    page = Page(text, simplify(text), lines)
    retype_indented(page)
    doc = document.Document(text=text, simplified=page.simplified, span=Span(0, len(text)))
    read_directives(page, doc)
    lines = page.lines[read_header(page, doc) :]
    # Trailing closing block first, so its lines are not read as prose.
    doc.closing, lines = read_closing(page, lines)
    nest(doc, read_blocks(page, doc, lines))
    return doc
