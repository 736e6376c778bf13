"""Inline suppressions: HTML comments that switch rules off in part of a report.

Three directives, written as HTML comments so they stay invisible when a
Markdown or HTML report is rendered, and usable in .txt files alike::

    <!-- gsilint-disable S101,A1 -- 原因 / reason -->   from here on (to an enable or the end)
    <!-- gsilint-enable S101,A1 -->                    end an earlier disable
    <!-- gsilint-disable-next-line Y201 -- reason -->   only the next non-blank line

Codes are rule codes or prefixes, separated by commas; none means every
rule. Everything after `` -- `` is a free-text reason. A ``gsilint-disable``
written at the end of a text line (after the text) applies to that line only.

The grammar makes each comment a :class:`~gsilint.document.Directive`; this module
turns them into regions (in original-file offsets) and, as an engine
postprocessor, drops the findings inside them. A directive that suppressed
nothing, names an unknown rule, or cannot be read is reported as ``E003
unused-suppression`` at the directive — but only for rules that ran, so
``--select`` never makes a needed suppression look unused, and not for rules
whose findings come from the run phase after all files (cross-file rules; a
blanket directive is then not judged either). E003 findings are
made after suppression and cannot themselves be suppressed by a directive
(switch the rule off in the configuration instead).
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import TYPE_CHECKING

from gsilint.config import matches
from gsilint.findings import Finding, Issue
from gsilint.patterns import re_compile
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.resolve import make_finding
from gsilint.rules import load_rules
from gsilint.selection import selected_rules

if TYPE_CHECKING:
    from gsilint.document import Directive, Document
    from gsilint.rules.context import Context

_DIRECTIVE = re_compile(
    r"^<!--\s*gsilint-(?P<kind>disable-next-line|disable|enable)(?!\w|-(?!->))"
    r"(?P<codes>[A-Za-z0-9,\s]*?)\s*(?:--(?P<reason>.*?))?-->\s*$",
    re.S,
)
_GSILINT = re_compile(r"^<!--\s*gsilint\b", re.I)
_CODE = re_compile(r"^[A-Z]\d{0,3}$|^ALL$")


@dataclass
class Suppression:
    """One parsed directive."""

    kind: str  # disable | enable | disable-next-line | disable-line
    codes: tuple[str, ...] | None  # None: every rule
    directive: Directive
    reason: str = ""
    #: codes (or "*" for a blanket one) that suppressed at least one finding
    used: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Region:
    start: int  # original-file offsets, inclusive
    end: int  # exclusive, except for a line region (inclusive: a finding at the line's end)
    suppression: Suppression
    inclusive_end: bool = False

    def covers(self, offset: int) -> bool:
        return self.start <= offset < self.end or (self.inclusive_end and offset == self.end)


@dataclass(frozen=True, slots=True)
class SuppressedRange:
    """A region as plain data, kept with a file's result for its cross-file findings."""

    start: int
    end: int
    codes: tuple[str, ...] | None
    inclusive_end: bool = False

    def hides(self, f: Finding) -> bool:
        at = f.location.start
        inside = self.start <= at < self.end or (self.inclusive_end and at == self.end)
        return inside and (self.codes is None or matches(f.code, self.codes))


def suppressed_ranges(doc: Document, to_original) -> tuple[SuppressedRange, ...]:
    """The file's suppression regions, for findings made after its lint (cross-file rules)."""
    found = [s for s in map(parse_directive, doc.directives) if isinstance(s, Suppression)]
    if not found:
        return ()
    return tuple(
        SuppressedRange(r.start, r.end, r.suppression.codes, r.inclusive_end)
        for r in regions(doc, found, to_original)[0]
    )


def drop_suppressed(findings: list[Finding], ranges: tuple[SuppressedRange, ...]) -> list[Finding]:
    return [f for f in findings if not any(r.hides(f) for r in ranges)]


def parse_directive(d: Directive) -> Suppression | None | str:
    """The suppression a directive states.

    None for another comment; "bad" for an unreadable gsilint comment.
    """
    m = _DIRECTIVE.match(d.text)
    if m is None:
        return "bad" if _GSILINT.match(d.text) else None
    codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", m.group("codes")) if c.strip())
    kind = m.group("kind")
    if kind == "disable" and getattr(d, "inline", False):
        kind = "disable-line"
    return Suppression(kind, codes or None, d, (m.group("reason") or "").strip())


def regions(
    doc: Document, suppressions: list[Suppression], to_original
) -> tuple[list[Region], list[Suppression]]:
    """Regions in original offsets, and the enable directives that closed nothing."""
    text = doc.text
    out: list[Region] = []
    unmatched: list[Suppression] = []
    open_: dict[str, tuple[int, Suppression]] = {}  # code or "*" → (start, disable)
    end_of_text = to_original(len(text))
    for s in sorted(suppressions, key=lambda s: s.directive.span.start):
        span = s.directive.span
        if s.kind == "disable":
            for key in s.codes or ("*",):
                if key not in open_:
                    open_[key] = (to_original(span.start), s)
        elif s.kind == "enable":
            keys = [k for k in (s.codes or tuple(open_)) if k in open_]
            if not keys:
                unmatched.append(s)
            for key in keys:
                start, opener = open_.pop(key)
                out.append(Region(start, to_original(span.start), opener))
        else:
            line = (
                _line_at(text, span.start)
                if s.kind == "disable-line"
                else _next_line(text, span.end)
            )
            if line is not None:
                out.append(
                    Region(to_original(line.start), to_original(line.end), s, inclusive_end=True)
                )
    for start, opener in open_.values():
        out.append(Region(start, end_of_text, opener, inclusive_end=True))
    return out, unmatched


def _line_at(text: str, offset: int) -> Span:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return Span(start, len(text) if end == -1 else end)


def _next_line(text: str, offset: int) -> Span | None:
    """The first line with visible text after the line holding ``offset``."""
    nl = text.find("\n", offset)
    while nl != -1:
        start = nl + 1
        nl = text.find("\n", start)
        end = len(text) if nl == -1 else nl
        if text[start:end].strip():
            return Span(start, end)
    return None


def apply_suppressions(findings: list[Finding], ctx: Context) -> list[Finding]:
    """Engine postprocessor: drop suppressed findings, report unused suppressions (E003)."""
    doc = ctx.doc
    if not doc.directives:
        return findings
    suppressions: list[Suppression] = []
    unreadable: list[Directive] = []
    for d in doc.directives:
        s = parse_directive(d)
        if isinstance(s, Suppression):
            suppressions.append(s)
        elif s == "bad":
            unreadable.append(d)
    if not suppressions and not unreadable:
        return findings
    found, unmatched = regions(doc, suppressions, ctx.source.to_original)
    kept = []
    for f in findings:
        hit = False
        for r in found:
            if r.covers(f.location.start) and (
                r.suppression.codes is None or matches(f.code, r.suppression.codes)
            ):
                s = r.suppression
                s.used.update(
                    ("*",) if s.codes is None else (c for c in s.codes if matches(f.code, (c,)))
                )
                hit = True
        if not hit:
            kept.append(f)
    kept.extend(_unused_findings(ctx, suppressions, unmatched, unreadable))
    return kept


def _unused_findings(
    ctx: Context,
    suppressions: list[Suppression],
    unmatched: list[Suppression],
    unreadable: list[Directive],
) -> list[Finding]:
    ran = {r.code for r in selected_rules(ctx.config, ctx.source.path)}
    if "E003" not in ran:
        return []
    every = load_rules()
    rule = every["E003"]
    # cross-file rules report after the run: a file's own pass cannot judge their suppressions
    deferred = {code for code, r in every.items() if r.compare is not None}
    issues: list[Issue] = []
    # a blanket directive is judged only when every rule ran, except the deferred ones,
    # which must not have run
    everything_ran = all(code in ran for code in every if code not in deferred) and not (
        deferred & ran
    )
    for s in suppressions:
        span = s.directive.span
        if s.kind == "enable":
            continue
        if s.codes is None:
            if not s.used and everything_ran:
                issues.append(
                    Issue(
                        span,
                        "未使用的抑制注释：此处没有任何问题需要抑制",
                        "unused suppression: there is no finding to suppress here",
                    )
                )
            continue
        unknown = [
            c
            for c in s.codes
            if not _CODE.match(c) or not any(code.startswith(c) for code in every)
        ]
        if unknown:
            names = "、".join(unknown)
            issues.append(
                Issue(
                    span,
                    f"抑制注释中的规则代码不存在：{names}",
                    f"unknown rule code in suppression: {', '.join(unknown)}",
                )
            )
        idle = [
            c
            for c in s.codes
            if c not in unknown
            and c not in s.used
            and any(code.startswith(c) and code not in deferred for code in ran)
        ]
        if idle:
            where_zh = (
                "下一行"
                if s.kind == "disable-next-line"
                else "本行"
                if s.kind == "disable-line"
                else "此范围内"
            )
            where_en = (
                "on the next line"
                if s.kind == "disable-next-line"
                else "on this line"
                if s.kind == "disable-line"
                else "in its range"
            )
            issues.append(
                Issue(
                    span,
                    f"未使用的抑制注释：{where_zh}没有 {'、'.join(idle)} 问题",
                    f"unused suppression: no {', '.join(idle)} finding {where_en}",
                )
            )
    for s in unmatched:
        codes = ",".join(s.codes) if s.codes else ""
        issues.append(
            Issue(
                s.directive.span,
                f"gsilint-enable {codes} 之前没有对应的 gsilint-disable".replace("  ", " "),
                f"gsilint-enable {codes} without an earlier gsilint-disable".replace("  ", " "),
            )
        )
    for d in unreadable:
        issues.append(
            Issue(
                d.span,
                "无法识别的 gsilint 注释"
                "（应为 gsilint-disable、gsilint-enable 或 gsilint-disable-next-line）",
                "unrecognised gsilint comment "
                "(expected gsilint-disable, gsilint-enable or gsilint-disable-next-line)",
            )
        )
    return [make_finding(ctx.source, rule, issue, ctx.config) for issue in issues]
