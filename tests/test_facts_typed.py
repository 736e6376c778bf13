"""Facts are typed attributes of ``Facts``: lazy, cached per document, cycle-checked."""

from __future__ import annotations

import types
import typing

import pytest
from conftest import seed_text

from gsilint import Config
from gsilint.facts import Facts
from gsilint.facts.lazy import fact
from gsilint.parse import parse
from gsilint.sources import source_from_text

DECLARED = [name for name, v in vars(Facts).items() if isinstance(v, fact)]

#: ``gsilint inspect`` lists these facts, in this order.
INSPECT_ORDER = [
    "quantities",
    "breakdowns",
    "part_whole_pairs",
    "count_claims",
    "word_claims",
    "date_mentions",
    "statistics_period",
    "period_cutoffs",
    "signature_date",
    "publication_date",
    "publication_deadline",
    "report_year",
    "title",
    "organisation",
    "format_labels",
    "template",
    "tables_found",
    "top_sections",
    "topic_coverage",
    "declared_parts",
    "declared_parts_in_body",
    "numbering_issues",
    "closing_block",
    "t2",
    "t3",
    "t4",
    "old_table",
    "table_announced",
    "reporting_body",
    "foreign_mentions",
]


def facts_of(text: str) -> Facts:
    src = source_from_text(text, "t.txt")
    return Facts(parse(src.text), Config())


def _conforms(value: object, hint: object) -> bool:
    """A shallow runtime check of ``value`` against a return annotation."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, h) for h in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if origin is not None:
        if not isinstance(value, origin):
            return False
        args = typing.get_args(hint)
        if origin is list and args:
            return all(_conforms(v, args[0]) for v in value)
        return True
    return hint is typing.Any or isinstance(value, hint)


@pytest.mark.parametrize("name", DECLARED)
def test_every_declared_fact_is_a_typed_attribute(name):
    descriptor = getattr(Facts, name)
    assert isinstance(descriptor, fact) and descriptor.name == name
    hints = typing.get_type_hints(descriptor.compute, localns={"Facts": Facts})
    assert "return" in hints, f"{descriptor.compute.__qualname__} has no return type"
    for n in (0, 3):
        value = getattr(facts_of(seed_text(n)), name)
        assert _conforms(value, hints["return"]), (name, type(value), hints["return"])


def test_an_unknown_attribute_raises_attribute_error():
    f = facts_of("一、总体情况\n正文。\n")
    with pytest.raises(AttributeError):
        _ = f.no_such_fact


def test_a_fact_that_reads_itself_is_reported():
    def read_itself(f: Facts) -> int:
        return f.loop

    class Looping(Facts):
        loop = fact(read_itself)

    with pytest.raises(RuntimeError, match="fact 'loop' depends on itself"):
        _ = Looping(parse("正文。\n"), Config()).loop


def test_inspect_lists_the_shown_facts_in_declaration_order():
    assert Facts.shown() == INSPECT_ORDER


def test_a_fact_is_computed_once_per_document():
    calls: list[int] = []

    def count_calls(f: Facts) -> int:
        calls.append(1)
        return f.report_year.value

    class Counting(Facts):
        counted = fact(count_calls)

    text = seed_text(0)
    first, second = Counting(parse(text), Config()), Counting(parse(text), Config())
    assert first.counted == first.counted == second.counted
    assert len(calls) == 2
