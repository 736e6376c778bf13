"""What a rule sees: the parsed document, its facts, the config and the source.

Rules import this module and nothing from the engine, the run or the API;
the engine builds one :class:`Context` per file and hands it to each rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gsilint.config import Config
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.rules.crossfile import Place

if TYPE_CHECKING:
    from gsilint.document import Document
    from gsilint.facts import Facts
    from gsilint.rules import Rule
    from gsilint.sources import Source


@dataclass
class Context:
    """One file's document, facts, config and source, as a rule sees them."""

    doc: Document
    facts: Facts
    config: Config
    source: Source
    rule: Rule | None = None

    def text(self, span: Span) -> str:
        return self.doc.text[span.start : span.end]

    def line_of(self, span: Span) -> int:
        """1-based line of ``span``'s start in the original file."""
        return self.source.index.position(self.source.to_original(span.start))[0]

    def place(self, span: Span) -> Place:
        """``span`` resolved in the original file, for a cross-file rule's note."""
        location = self.source.locate(span)
        return Place(location, self.source.excerpt(location))
