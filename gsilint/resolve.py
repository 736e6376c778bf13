"""Issue → Finding: a rule's issue resolved to a place in the original file.

The engine owns this step for every rule, per-file or cross-file: the span is
mapped back through the source map to line/column (and a DOCX label), the
severity is the user's override, else the issue's, else the rule's, and the
message is taken in the configured language.
"""

from __future__ import annotations

from gsilint.config import Config, longest_match
from gsilint.findings import Finding, Fix, Issue, Location, Related
from gsilint.positions import Span
from gsilint.rules import Rule, load_rules
from gsilint.sources import Source


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
