"""Where the text says its figures stop: "截止12月15日", "截至2015年11月底".

A cut-off before 31 December means the statistics period does not cover the
whole year (Y202 compares these with the report year).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.facts import Facts

#: what stands right before a cut-off date: "截止", "截至到", "截止至 "
_CUTOFF = lazy(r"(?:截止|截至)(?:到|至)?[ \t\u3000]*$")
#: "截至11月底" / "截止到2015年11月末": a month-end cut-off (a month, no day).
_CUTOFF_MONTH_END = lazy(
    r"(?:截止|截至)(?:到|至)?[ \t\u3000]*(?:((?:19|20)\d\d)[ \t\u3000]*年[ \t\u3000]*)?"
    r"(11|十一)[ \t\u3000]*月[ \t\u3000]*(?:底|末)"
)


@dataclass(frozen=True)
class Cutoff:
    """A cut-off date: a day ("截止12月15日") or the end of November ("截至11月底", ``day`` None).

    ``year`` is None when the text names no year; ``span`` covers the date
    (from its year, or its month when it has none).
    """

    span: Span
    year: int | None
    month: int
    day: int | None


def period_cutoffs(f: Facts) -> list[Cutoff]:
    """Cut-off dates in the text: valid full dates after 截止/截至, then November month-ends."""
    text = f.doc.simplified
    out: list[Cutoff] = []
    for d in f.date_mentions:
        if d.month is None or d.day is None or not d.valid:
            continue
        if _CUTOFF.search(text, max(0, d.span.start - 6), d.span.start):
            out.append(Cutoff(d.span, d.year, d.month, d.day))
    for m in _CUTOFF_MONTH_END.finditer(text):
        year = int(m.group(1)) if m.group(1) else None
        start = m.start(1) if m.group(1) else m.start(2)
        out.append(Cutoff(Span(start, m.end()), year, 11, None))
    return out
