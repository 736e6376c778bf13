"""``--format github``: GitHub Actions workflow commands (annotations on the diff).

One ``::error|warning|notice file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message``
per finding, escaped as the runner requires: in the message ``%``, CR and LF
become ``%25``, ``%0D``, ``%0A``; in property values ``:`` and ``,`` also
become ``%3A`` and ``%2C``. Related places (operands) follow the message on
their own (escaped) lines. A plain summary line ends the output; when
``GITHUB_STEP_SUMMARY`` is set, a per-rule table is appended to the job summary.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import TextIO

from gsilint.findings import Finding, Severity
from gsilint.fingerprints import normalise_path
from gsilint.output import OutputOptions, output_format, summary_counts

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    loc = f.location
    props = [
        ("file", normalise_path(f.path)),
        ("line", str(loc.line)),
        ("col", str(loc.column)),
        ("endLine", str(loc.end_line)),
        ("endColumn", str(loc.end_column)),
        ("title", f.code),
    ]
    message = f.message
    if loc.label:
        message += f" ({loc.label})"
    for rel in f.related:
        message += f"\n  ↳ {rel.location.line}:{rel.location.column} {rel.message}"
    message += f"\n[{f.code} {f.name}]"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMAND[f.severity]} {head}::{escape_data(message)}"


def summary_line(results, lang: str) -> str:
    counts = summary_counts(results)
    total = sum(counts.values())
    files_with = sum(1 for r in results if r.findings)
    if lang == "en":
        return (
            f"gsilint: {total} finding(s) in {files_with} of {len(results)} file(s): "
            f"{counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), "
            f"{counts[Severity.INFO]} info"
        )
    return (
        f"gsilint：共检查 {len(results)} 个文件，{files_with} 个有问题，发现 {total} 处："
        f"错误 {counts[Severity.ERROR]}，警告 {counts[Severity.WARNING]}，"
        f"提示 {counts[Severity.INFO]}"
    )


def step_summary(results) -> str:
    """Markdown for the job summary page: totals and a count per rule."""
    per_rule = Counter((f.code, f.name) for r in results for f in r.findings)
    lines = ["### gsilint", "", summary_line(results, "zh"), ""]
    if per_rule:
        lines += ["| rule | name | count |", "| --- | --- | ---: |"]
        lines += [f"| {code} | {name} | {n} |" for (code, name), n in sorted(per_rule.items())]
    return "\n".join(lines) + "\n"


@output_format("github")
def write_github(results, out: TextIO, options: OutputOptions) -> None:
    for r in results:
        for f in r.findings:
            out.write(annotation(f) + "\n")
    out.write(summary_line(results, options.lang) + "\n")
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        try:
            with open(target, "a", encoding="utf-8") as fh:
                fh.write(step_summary(results))
        except OSError:
            pass  # the annotations matter more than the summary page
