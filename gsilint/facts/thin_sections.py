"""How much a report says under 存在的主要问题及改进情况 — assessors mark down a
section that says only "无" or one cursory line.

The text is everything under the section's heading (its run-on text,
paragraphs and subsections), counted without spaces and punctuation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gsilint import document
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.facts import Facts

#: Spaces and punctuation are not counted.
_NOT_COUNTED = lazy(r"[\s\p{P}\p{S}]+")
#: What a section says when it says nothing: 无, 暂无, 没有, 无问题.
_NOTHING = lazy(r"(?:本年度)?(?:无|暂无|没有|无问题|暂无问题|无此项|无此类情况)")


@dataclass(frozen=True)
class SectionText:
    """The words under one template section's heading."""

    key: str
    section: document.Section
    #: from the end of the heading's title to the end of the section
    body: Span
    #: the words, without spaces and punctuation
    words: str

    @property
    def says_nothing(self) -> bool:
        """Only "无" (or 暂无, 没有 …)."""
        return bool(_NOTHING.fullmatch(self.words))


def problems_section_text(f: Facts) -> SectionText | None:
    """The text of the 存在的主要问题及改进情况 section, or None when it has no heading."""
    for cov in f.topic_coverage:
        if cov.key != "problems" or cov.heading is None:
            continue
        sec = cov.heading
        body = Span(sec.heading.title_span.end, max(sec.span.end, sec.heading.title_span.end))
        words = _NOT_COUNTED.sub("", f.doc.simplified[body.start : body.end])
        return SectionText(cov.key, sec, body, words)
    return None
