"""Run the selected rules over one parsed report and resolve their findings.

``lint_file`` is the single path every entry point takes (CLI, library
API, editor server, tests): Source → parse → facts → rules → findings with
positions in the original file, sorted and deterministic, plus the notes
cross-file rules take for the run's end (:mod:`gsilint.run`). Input and
parse problems become E-findings; nothing here raises for bad input.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from gsilint.config import Config
from gsilint.document import Document
from gsilint.facts import Facts
from gsilint.findings import Finding, Issue
from gsilint.parse import ParseError, parse
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.resolve import make_finding
from gsilint.rules import RULES, load_rules
from gsilint.rules.context import Context
from gsilint.selection import selected_rules
from gsilint.sources import Source
from gsilint.suppress import SuppressedRange, apply_suppressions, suppressed_ranges


def analyse(source: Source, config: Config) -> tuple[Document | None, Facts | None, list[Finding]]:
    """Parse and build facts; returns (doc, facts, parse findings)."""
    load_rules()
    try:
        doc = parse(source.text)
    except ParseError as exc:
        rule = RULES["E002"]
        issue = Issue(
            Span(exc.offset, exc.offset), f"无法解析报告：{exc}", f"cannot parse the report: {exc}"
        )
        return None, None, [make_finding(source, rule, issue, config)]
    return doc, Facts(doc, config, source.path), []


@dataclass
class FileLint:
    """One file's lint: its findings, and what it leaves for the run's cross-file phase."""

    findings: list[Finding]
    #: the note each cross-file rule took of this file, by rule code (plain, picklable)
    notes: dict[str, Any] = field(default_factory=dict)
    #: the file's suppression regions, applied to its cross-file findings later
    suppressed: tuple[SuppressedRange, ...] = ()


def lint_file(source: Source, config: Config | None = None) -> FileLint:
    """Lint one decoded input; never raises for bad input."""
    config = config or Config()
    doc, facts, findings = analyse(source, config)
    if doc is None:
        return FileLint(findings)
    ctx = Context(doc, facts, config, source)
    result = FileLint(findings)
    for rule in selected_rules(config, source.path):
        ctx.rule = rule
        try:
            if rule.compare is not None:
                note = rule.check(ctx)
                if note is not None:
                    result.notes[rule.code] = note
                continue
            for issue in rule.check(ctx) or ():
                findings.append(make_finding(source, rule, issue, config))
        except Exception as exc:  # a rule bug must not lose the other findings
            crash = Issue(
                Span(0, 0),
                f"规则 {rule.code} 内部错误：{exc.__class__.__name__}: {exc}",
                f"internal error in rule {rule.code}: {exc.__class__.__name__}: {exc}",
            )
            findings.append(make_finding(source, RULES["E002"], crash, config))
    result.findings = postprocess(findings, ctx)
    result.findings.sort(key=Finding.sort_key)
    if result.notes:
        result.suppressed = suppressed_ranges(doc, source.to_original)
    return result


def lint_source(source: Source, config: Config | None = None) -> list[Finding]:
    """The findings of one decoded input (cross-file rules only take their notes here)."""
    return lint_file(source, config).findings


#: Hooks run over a file's findings after the rules: ``hook(findings, ctx) -> findings``.
#: Inline suppressions (gsilint/suppress.py) are one; baselines are applied per run
#: (gsilint/baseline.py).
POSTPROCESSORS: list = [apply_suppressions]


def postprocess(findings: list[Finding], ctx: Context) -> list[Finding]:
    for hook in POSTPROCESSORS:
        findings = hook(findings, ctx)
    return findings
