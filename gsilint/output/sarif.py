"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other viewers.

One run; every known rule in ``tool.driver.rules`` (summary, full help text
and a link); positions 1-based in code points (``columnKind:
unicodeCodePoints``); artifact URIs relative to ``%SRCROOT%`` (the working
directory) so code scanning can map them onto the repository; operands and
the other side of a contradiction as ``relatedLocations``;
``partialFingerprints`` from :mod:`gsilint.fingerprints` (no line numbers).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from gsilint import __version__
from gsilint.docs import repository_url, rule_doc_url, rule_help_text
from gsilint.findings import Finding, Location, Severity
from gsilint.fingerprints import fingerprints, normalise_path
from gsilint.output import OutputOptions, output_format
from gsilint.output.json import label_page
from gsilint.rules import load_rules

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "gsilint/v1"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(path: str) -> dict:
    """Relative URI under %SRCROOT% for files below the working directory.

    Any other file gets an absolute file URI.
    """
    norm = normalise_path(path)
    if norm.startswith("/") or (len(norm) > 1 and norm[1] == ":"):
        return {"uri": Path(norm).as_uri()}
    return {"uri": quote(norm, safe="/"), "uriBaseId": "%SRCROOT%"}


def region(loc: Location) -> dict:
    r = {"startLine": loc.line, "startColumn": loc.column}
    if (loc.end_line, loc.end_column) >= (loc.line, loc.column):
        r["endLine"] = loc.end_line
        r["endColumn"] = loc.end_column
    return r


def physical(path: str, loc: Location) -> dict:
    return {"artifactLocation": artifact_location(path), "region": region(loc)}


def rule_descriptor(rule, lang: str) -> dict:
    summary = rule.summary_en if lang == "en" else rule.summary
    help_text = rule_help_text(rule, lang)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": f"{rule.summary} / {rule.summary_en}"},
        "help": {
            "text": help_text,
            "markdown": (
                f"**{rule.code} {rule.name}**: {summary}\n\n```text\n{rule.explanation}\n```"
            ),
        },
        "helpUri": rule_doc_url(rule.code),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": ["gsilint", f"family-{rule.family}"]},
    }


def _fix(f: Finding, file_result) -> dict | None:
    if f.fix is None or file_result is None:
        return None
    start, end = file_result.position(f.fix.start), file_result.position(f.fix.end)
    if start is None or end is None:
        return None
    (sl, sc), (el, ec) = start, end
    return {
        "description": {"text": f"{f.code}: {f.fix.replacement!r}"},
        "artifactChanges": [
            {
                "artifactLocation": artifact_location(f.path),
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": sl,
                            "startColumn": sc,
                            "endLine": el,
                            "endColumn": ec,
                        },
                        "insertedContent": {"text": f.fix.replacement},
                    }
                ],
            }
        ],
    }


def result(f: Finding, rule_index: int | None, fp: str, file_result=None) -> dict:
    loc = physical(f.path, f.location)
    location: dict = {"physicalLocation": loc}
    if f.location.label:
        location["message"] = {"text": f.location.label}
        page = label_page(f.location.label)
        if page is not None:  # a PDF: the page the extracted line is on
            location["properties"] = {"page": page}
    r: dict = {
        "ruleId": f.code,
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
    }
    if rule_index is not None:
        r["ruleIndex"] = rule_index
    if f.related:
        r["relatedLocations"] = [
            {
                "id": i,
                "physicalLocation": physical(f.path, rel.location),
                "message": {"text": rel.message},
            }
            for i, rel in enumerate(f.related, start=1)
        ]
    fix = _fix(f, file_result)
    if fix is not None:
        r["fixes"] = [fix]
    return r


def sarif_log(results, options: OutputOptions) -> dict:
    rules = load_rules()
    codes = sorted(rules)
    index = {c: i for i, c in enumerate(codes)}
    sarif_results = []
    for fr in results:
        for f, fp in zip(fr.findings, fingerprints(fr.findings)):
            sarif_results.append(result(f, index.get(f.code), fp, fr))
    root = Path(os.getcwd()).as_uri().rstrip("/") + "/"
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gsilint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": repository_url(),
                        "rules": [rule_descriptor(rules[c], options.lang) for c in codes],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
                "invocations": [{"executionSuccessful": True}],
            }
        ],
    }


@output_format("sarif")
def write_sarif(results, out: TextIO, options: OutputOptions) -> None:
    json.dump(sarif_log(results, options), out, ensure_ascii=False, indent=2)
    out.write("\n")
