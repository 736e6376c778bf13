"""The declaration of every fact: :class:`Facts`, one typed attribute per fact.

Each line names the fact, the function in this package that computes it,
and whether ``gsilint inspect`` shows it; the order of the lines is the
order of ``gsilint inspect``.
"""

from __future__ import annotations

from gsilint.config import Config
from gsilint.document import Document
from gsilint.facts.body import foreign_mentions, reporting_body
from gsilint.facts.breakdowns import breakdowns, part_whole_pairs
from gsilint.facts.claims import (
    count_claims,
    glued_table_two,
    old_table_claims,
    table_two_claims,
    word_claims,
)
from gsilint.facts.closing import closing_block
from gsilint.facts.copying import hashed_sentences
from gsilint.facts.cutoffs import period_cutoffs
from gsilint.facts.dates import (
    date_mentions,
    date_ranges,
    date_starts,
    publication_date,
    report_year,
    signature_date,
    statistics_period,
)
from gsilint.facts.deadline import publication_deadline
from gsilint.facts.declared_parts import declared_parts, declared_parts_in_body
from gsilint.facts.enumerations import enumeration_issues
from gsilint.facts.lazy import fact
from gsilint.facts.numbering import numbering_issues
from gsilint.facts.outline import section_matches, top_sections, topic_coverage
from gsilint.facts.prose_text import hygiene_prose
from gsilint.facts.quantities import numeric_text, prose_spans_fact, quantities, sentences
from gsilint.facts.report import format_labels, organisation, tables_found, template, title
from gsilint.facts.table_two import table_two_gaps
from gsilint.facts.tables import (
    glued_tables_read,
    old_table,
    t2,
    t3,
    t4,
    table_announced,
    table_checks,
    table_grids,
)
from gsilint.facts.thin_sections import problems_section_text
from gsilint.facts.year_statements import year_uses


class Facts:
    """Lazy, cached facts about one document.

    The declarations below are the inspect order: ``gsilint inspect`` lists
    the facts declared with ``show`` (the default), in this order.
    """

    numeric_text = fact(numeric_text, show=False)
    prose_spans = fact(prose_spans_fact, show=False)
    sentences = fact(sentences, show=False)
    quantities = fact(quantities)
    breakdowns = fact(breakdowns)
    part_whole_pairs = fact(part_whole_pairs)
    count_claims = fact(count_claims)
    word_claims = fact(word_claims)
    date_mentions = fact(date_mentions)
    date_starts = fact(date_starts, show=False)
    date_ranges = fact(date_ranges, show=False)
    statistics_period = fact(statistics_period)
    period_cutoffs = fact(period_cutoffs)
    signature_date = fact(signature_date)
    publication_date = fact(publication_date)
    publication_deadline = fact(publication_deadline)
    report_year = fact(report_year)
    title = fact(title)
    organisation = fact(organisation)
    format_labels = fact(format_labels)
    template = fact(template)
    tables_found = fact(tables_found)
    top_sections = fact(top_sections)
    section_matches = fact(section_matches, show=False)
    topic_coverage = fact(topic_coverage)
    declared_parts = fact(declared_parts)
    declared_parts_in_body = fact(declared_parts_in_body)
    numbering_issues = fact(numbering_issues)
    closing_block = fact(closing_block)
    table_grids = fact(table_grids, show=False)
    glued_tables_read = fact(glued_tables_read, show=False)
    t2 = fact(t2)
    t3 = fact(t3)
    t4 = fact(t4)
    old_table = fact(old_table)
    table_announced = fact(table_announced)
    table_checks = fact(table_checks, show=False)
    year_uses = fact(year_uses, show=False)
    hygiene_prose = fact(hygiene_prose, show=False)
    hashed_sentences = fact(hashed_sentences, show=False)
    reporting_body = fact(reporting_body)
    foreign_mentions = fact(foreign_mentions)
    enumeration_issues = fact(enumeration_issues, show=False)
    problems_section_text = fact(problems_section_text, show=False)
    table_two_claims = fact(table_two_claims, show=False)
    glued_table_two = fact(glued_table_two, show=False)
    table_two_gaps = fact(table_two_gaps, show=False)
    old_table_claims = fact(old_table_claims, show=False)

    def __init__(self, doc: Document, config: Config, path: str = "<text>") -> None:
        self.doc = doc
        self.config = config
        self.path = path
        #: names of the facts being computed (a fact that reads itself is an error)
        self._computing: set[str] = set()

    @classmethod
    def shown(cls) -> list[str]:
        """The facts ``gsilint inspect`` lists, in declaration order."""
        return [name for name, v in vars(cls).items() if isinstance(v, fact) and v.show]
