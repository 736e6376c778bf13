"""The report's syntax tree. Every node has a :class:`Span` into ``Document.text``.

Offsets are 0-based code points into the parsed text; ``Source`` maps them
back to the original file at output. ``Document.simplified`` is the same text
in simplified script, character for character, so a match found in it has the
right offsets for the original.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field

from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.vocabulary import STYLE_RANK


@dataclass(slots=True)
class Mark:
    """A heading number such as 一、 or （二） or 3."""

    text: str
    style: str  # the name of one of gsilint.vocabulary.MARK_STYLES
    number: int | None
    span: Span


@dataclass(slots=True)
class Paragraph:
    text: str
    span: Span


@dataclass(slots=True)
class Heading:
    mark: Mark
    title: str
    title_span: Span
    span: Span
    #: Text that runs on after the title on the same line ("（一）健全组织。成立…").
    body: Paragraph | None = None
    #: Markdown "#" count when present, else 0.
    hashes: int = 0

    @property
    def level(self) -> int:
        return STYLE_RANK[self.mark.style]


@dataclass(slots=True)
class Cell:
    text: str
    span: Span

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    span: Span


@dataclass(slots=True)
class Table:
    """Rows of cells as written. ``kind`` says how the cells were separated.

    ``tab`` (tab-separated lines), ``pipe`` (Markdown), ``space`` (text from a
    PDF: label then numbers separated by spaces), ``html`` / ``docx`` (real
    cells), ``lines`` (text one cell per line: numbers joined to their label
    row), ``glued`` (a crawler copy whose digits run together: no rows, only
    the span of the region).
    """

    rows: list[Row]
    span: Span
    kind: str = "tab"

    @property
    def glued(self) -> bool:
        return self.kind == "glued"


@dataclass(slots=True)
class Section:
    heading: Heading
    children: list[Block] = field(default_factory=list)
    span: Span = field(default_factory=lambda: Span(0, 0))

    @property
    def level(self) -> int:
        return self.heading.level

    @property
    def title(self) -> str:
        return self.heading.title

    def sections(self) -> Iterator[Section]:
        for child in self.children:
            if isinstance(child, Section):
                yield child


@dataclass(slots=True)
class Directive:
    """An HTML comment; ``gsilint-disable`` suppressions are directives.

    ``inline``: the comment ends a line of text rather than standing alone.
    """

    text: str
    span: Span
    inline: bool = False


@dataclass(slots=True)
class Closing:
    """特此报告, organisation and date at the end of a report."""

    span: Span
    remark: Paragraph | None = None
    organisation: Paragraph | None = None
    date: Paragraph | None = None


@dataclass(slots=True)
class Field:
    """A ``key: value`` line of a crawler header (标题, 发布时间 …)."""

    key: str
    value: str
    span: Span


Block = Paragraph | Table | Section


@dataclass(slots=True)
class Document:
    text: str
    simplified: str
    span: Span
    title: Paragraph | None = None
    metadata: dict[str, Field] = field(default_factory=dict)
    preamble: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: Closing | None = None
    directives: list[Directive] = field(default_factory=list)
    #: every block in document order, listed on the first walk (the tree is complete by then)
    _order: list[Block] | None = field(default=None, init=False, repr=False, compare=False)

    # -- traversal -------------------------------------------------------
    def walk(self) -> Iterator[object]:
        """Every block in document order (sections before their children).

        The order is listed once, on the first call: a parsed document's
        tree does not change afterwards, and rules walk it many times.
        """
        order = self._order
        if order is None:
            order = self._order = _document_order(self.preamble + self.sections)  # type: ignore[operator]
        return iter(order)

    def all_sections(self) -> Iterator[Section]:
        return (n for n in self.walk() if type(n) is Section)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Prose: paragraphs and the run-on text of headings, in order."""
        for node in self.walk():
            kind = type(node)
            if kind is Paragraph:
                yield node
            elif kind is Section and node.heading.body is not None:
                yield node.heading.body

    def tables(self) -> Iterator[Table]:
        return (n for n in self.walk() if type(n) is Table)

    def slice(self, span: Span, simplified: bool = True) -> str:
        return (self.simplified if simplified else self.text)[span.start : span.end]


def _document_order(top: list[Block]) -> list[Block]:
    """``top`` and, after each section, its children, depth first."""
    out: list[Block] = []
    stack = top[::-1]
    while stack:
        node = stack.pop()
        out.append(node)
        if type(node) is Section:
            stack.extend(node.children[::-1])
    return out
