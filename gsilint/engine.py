"""Run the selected rules over one parsed report and resolve their findings.

``lint_source`` is the single path every entry point takes (CLI, library
API, editor server, tests): Source → parse → facts → rules → findings with
positions in the original file, sorted and deterministic. Input and parse
problems become E-findings; nothing here raises for bad input.
"""

from __future__ import annotations

from typing import Any

from gsilint.config import Config, matches, per_file_ignores
from gsilint.document import Document
from gsilint.facts import Facts, load_fact_modules
from gsilint.findings import Finding, Issue
from gsilint.parse import ParseError, parse
from gsilint.positions import Span
from gsilint.resolve import make_finding
from gsilint.rules import RULES, Rule, load_rules
from gsilint.rules.context import Context
from gsilint.sources import Source
from gsilint.suppress import apply_suppressions


def selected_rules(config: Config, path: str | None = None) -> list[Rule]:
    rules = load_rules()
    chosen = []
    ignores = list(config.ignore)
    if path is not None:
        ignores.extend(per_file_ignores(config, path))
    for code in sorted(rules):
        selected = matches(code, config.select) if config.select else True
        selected = selected or matches(code, config.extend_select)
        if selected and not matches(code, tuple(ignores)):
            chosen.append(rules[code])
    return chosen


def analyse(
    source: Source, config: Config, run: Any = None
) -> tuple[Document | None, Facts | None, list[Finding]]:
    """Parse and build facts; returns (doc, facts, parse findings)."""
    load_fact_modules()
    load_rules()
    try:
        doc = parse(source.text)
    except ParseError as exc:
        rule = RULES["E002"]
        issue = Issue(
            Span(exc.offset, exc.offset), f"无法解析报告：{exc}", f"cannot parse the report: {exc}"
        )
        return None, None, [make_finding(source, rule, issue, config)]
    facts = Facts(doc, config, source.path, run)
    return doc, facts, []


def lint_source(
    source: Source,
    config: Config | None = None,
    run: Any = None,
    notes: dict[str, Any] | None = None,
) -> list[Finding]:
    """Lint one decoded input; never raises for bad input.

    ``notes``: a dict the rules may fill for cross-file run hooks (see ``Context.notes``).
    """
    config = config or Config()
    doc, facts, findings = analyse(source, config, run)
    if doc is None:
        return findings
    ctx = Context(doc, facts, config, source, notes=notes if notes is not None else {})
    for rule in selected_rules(config, source.path):
        ctx.rule = rule
        try:
            for issue in rule.check(ctx) or ():
                findings.append(make_finding(source, rule, issue, config))
        except Exception as exc:  # a rule bug must not lose the other findings
            crash = Issue(
                Span(0, 0),
                f"规则 {rule.code} 内部错误：{exc.__class__.__name__}: {exc}",
                f"internal error in rule {rule.code}: {exc.__class__.__name__}: {exc}",
            )
            findings.append(make_finding(source, RULES["E002"], crash, config))
    findings = postprocess(findings, ctx)
    findings.sort(key=Finding.sort_key)
    return findings


#: Hooks run over a file's findings after the rules: ``hook(findings, ctx) -> findings``.
#: Inline suppressions (gsilint/suppress.py) are one; baselines are applied per run (gsilint/baseline.py).
POSTPROCESSORS: list = [apply_suppressions]


def postprocess(findings: list[Finding], ctx: Context) -> list[Finding]:
    for hook in POSTPROCESSORS:
        findings = hook(findings, ctx)
    return findings
