"""Run the selected rules over one parsed report and resolve their findings.

``lint_source`` is the single path every entry point takes (CLI, library
API, editor server, tests): Source → parse → facts → rules → findings with
positions in the original file, sorted and deterministic. Input and parse
problems become E-findings; nothing here raises for bad input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from gsilint.ast import Document
from gsilint.config import Config, longest_match, matches, per_file_ignores
from gsilint.facts import Facts, load_fact_modules
from gsilint.findings import Finding, Fix, Issue, Location, Related, Severity
from gsilint.parse import ParseError, parse
from gsilint.positions import Span
from gsilint.rules import RULES, Rule, load_rules
from gsilint.sources import Source
from gsilint.suppress import apply_suppressions


@dataclass
class Context:
    """What a rule sees: the document, its facts, the config and the source."""

    doc: Document
    facts: Facts
    config: Config
    source: Source
    rule: Rule | None = None
    #: plain, picklable data a rule leaves for a cross-file run hook
    #: (``FileResult.notes``; see :data:`gsilint.api.RUN_HOOKS`), keyed by rule code
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.config.lang

    def t(self, zh: str, en: str) -> str:
        return en if self.config.lang == "en" else zh

    def text(self, span: Span) -> str:
        return self.doc.text[span.start : span.end]


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


def rule_enabled(code: str, config: Config, path: str | None = None) -> bool:
    return any(r.code == code for r in selected_rules(config, path))


def _location(source: Source, span: Span) -> Location:
    start = source.to_original(span.start)
    end = max(start, source.to_original(span.end))
    line, col = source.index.position(start)
    end_line, end_col = source.index.position(end)
    return Location(start, end, line, col, end_line, end_col, source.label_at(start))


def make_finding(source: Source, rule: Rule, issue: Issue, config: Config) -> Finding:
    loc = _location(source, issue.span)
    # a user's per-code override wins over the rule's own choice for this finding
    severity = longest_match(rule.code, config.severity) or issue.severity or rule.severity
    related = tuple(
        Related(_location(source, span), en if config.lang == "en" else zh)
        for span, zh, en in issue.related
    )
    fix = None
    if issue.fix is not None:
        fspan, repl = issue.fix
        fix = Fix(source.to_original(fspan.start), source.to_original(fspan.end), repl)
    context = (
        source.original[loc.start : min(loc.end, loc.start + 40)]
        or source.original[loc.start : loc.start + 20]
    )
    return Finding(
        path=source.path,
        code=rule.code,
        name=rule.name,
        severity=severity,
        message=issue.en if config.lang == "en" else issue.zh,
        location=loc,
        related=related,
        fix=fix,
        context=context,
    )


def input_error_finding(path: str, zh: str, en: str, config: Config, code: str = "E001") -> Finding:
    rule = load_rules()[code]
    return Finding(
        path=path,
        code=code,
        name=rule.name,
        severity=rule.severity,
        message=en if config.lang == "en" else zh,
        location=Location(0, 0, 1, 1, 1, 1),
    )


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


def iter_findings(findings: Iterable[Finding], fail_on: Severity) -> bool:
    return any(f.severity >= fail_on for f in findings)
