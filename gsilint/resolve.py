"""Issue → Finding: a rule's issue resolved to a place in the original file.

The engine owns this step for every rule, per-file or cross-file: the span is
mapped back through the source map to line/column (and a DOCX label), the
severity is the user's override, else the issue's, else the rule's, and the
message is taken in the configured language.
"""

from __future__ import annotations

from gsilint.config import Config, longest_match
from gsilint.findings import Finding, Fix, Issue, Location, Related, Severity
from gsilint.rules import Rule, load_rules
from gsilint.rules.crossfile import RunIssue
from gsilint.sources import Source


def _severity(rule: Rule, chosen: Severity | None, config: Config) -> Severity:
    """A user's per-code override wins over the rule's choice for this finding, then its default."""
    return longest_match(rule.code, config.severity) or chosen or rule.severity


def make_finding(source: Source, rule: Rule, issue: Issue, config: Config) -> Finding:
    loc = source.locate(issue.span)
    severity = _severity(rule, issue.severity, config)
    related = tuple(
        Related(source.locate(span), en if config.lang == "en" else zh)
        for span, zh, en in issue.related
    )
    fix = None
    if issue.fix is not None:
        fspan, repl = issue.fix
        fix = Fix(source.to_original(fspan.start), source.to_original(fspan.end), repl)
    return Finding(
        path=source.path,
        code=rule.code,
        name=rule.name,
        severity=severity,
        message=issue.en if config.lang == "en" else issue.zh,
        location=loc,
        related=related,
        fix=fix,
        context=source.excerpt(loc),
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


def make_run_finding(issue: RunIssue, rule: Rule, config: Config) -> Finding:
    """A cross-file rule's finding, its places already resolved when the note was taken."""
    lang_en = config.lang == "en"
    return Finding(
        path=issue.path,
        code=rule.code,
        name=rule.name,
        severity=_severity(rule, issue.severity, config),
        message=issue.en if lang_en else issue.zh,
        location=issue.place.location,
        related=tuple(Related(p.location, en if lang_en else zh) for p, zh, en in issue.related),
        context=issue.place.excerpt,
    )
