"""Facts about the report as a whole: title, organisation, format labels, template, tables."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import regex

from gsilint import document
from gsilint.patterns import LazyPattern, lazy
from gsilint.positions import Span
from gsilint.tables.spec import format_ids, table_format
from gsilint.templates import Template, get_template

if TYPE_CHECKING:
    from gsilint.facts import Facts

_ORG_IN_TITLE = lazy(r"^(.{2,40}?)(?:(?:19|20)\d\d|[〇○零一二]{4})\s*年")
_SPACES = lazy(r"\s+")


def title(f: Facts) -> document.Paragraph | document.Field | None:
    """The report's title line, or the crawler header's 标题."""
    return f.doc.title or f.doc.metadata.get("标题")


def organisation(f: Facts) -> str | None:
    """The body that publishes the report: from the title, else the signature."""
    t = f.title
    if t is not None:
        text = _SPACES.sub("", t.text if isinstance(t, document.Paragraph) else t.value)
        m = _ORG_IN_TITLE.match(text)
        if m:
            return m.group(1)
    if f.doc.closing and f.doc.closing.organisation:
        return f.doc.closing.organisation.text.strip()
    return None


def format_labels(f: Facts) -> dict[str, list[Span]]:
    """Table labels that only one national format uses, with their places."""
    found: dict[str, list[Span]] = {}
    text = f.doc.simplified
    for fmt in reversed(format_ids()):  # newest first
        found[fmt] = []
        for needle, pattern in _label_patterns(fmt):
            found[fmt] += _occurrences(text, needle, pattern)
    return found


def _occurrences(text: str, needle: str, pattern: LazyPattern) -> list[Span]:
    """``pattern.finditer(text)`` as spans, for a pattern whose matches all start with
    ``needle``: only where ``str.find`` finds the needle is the pattern tried."""
    out: list[Span] = []
    i = text.find(needle)
    while i != -1:
        m = pattern.match(text, i)
        if m is None:
            i = text.find(needle, i + 1)
        else:
            out.append(Span(m.start(), m.end()))
            i = text.find(needle, m.end())
    return out


@cache
def _label_patterns(fmt: str) -> tuple[tuple[str, LazyPattern], ...]:
    """The template labels of a format as patterns (half- or full-width brackets), compiled
    once, each with its text before any bracket (with which every match starts)."""
    return tuple(
        (
            label.partition("(")[0],
            lazy(regex.escape(label).replace(r"\(", "[（(]").replace(r"\)", "[）)]")),
        )
        for label in table_format(fmt).template_labels
    )


def template(f: Facts) -> Template:
    """Which template applies: --template, else by report year, else by labels."""
    tid = f.config.template
    if tid == "auto":
        year = f.report_year
        if year is not None:
            tid = "2008" if year.value <= 2018 else "2019" if year.value <= 2020 else "2021"
        else:
            labels = f.format_labels
            tid = "2021" if labels["2021"] else "2019" if labels["2019"] else "2008"
    return get_template(tid, f.config.rule_packs)


def tables_found(f: Facts) -> list[document.Table]:
    return list(f.doc.tables())
