"""``--format json``: one array of finding objects. Other tools parse this: keep it stable.

Keys: file, code, rule, severity (error|warning|info), message, line,
column, end_line, end_column (1-based, columns in code points); optional
related (list of {line, column, end_line, end_column, message}), fix
({line, column, end_line, end_column, replacement}), location (a
label such as "段落 41" for formats without lines) and page (the PDF page
number, with a label such as "第3页 第12行").
"""

from __future__ import annotations

import json
from typing import TextIO

from gsilint.findings import Finding
from gsilint.output import OutputOptions, output_format
from gsilint.patterns import re_compile

_PAGE = re_compile(r"第(\d+)页")


def label_page(label: str | None) -> int | None:
    """The page number a PDF label names ("第3页 第12行" → 3); None for other labels."""
    m = _PAGE.match(label) if label else None
    return int(m.group(1)) if m else None


def finding_dict(f: Finding, result=None) -> dict:
    """The JSON object of one finding; ``result`` (its FileResult) places its fix."""
    loc = f.location
    d: dict = {
        "file": f.path,
        "code": f.code,
        "rule": f.name,
        "severity": f.severity.label,
        "message": f.message,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
    }
    if loc.label:
        d["location"] = loc.label
        page = label_page(loc.label)
        if page is not None:
            d["page"] = page
    if f.related:
        d["related"] = [
            {
                "line": r.location.line,
                "column": r.location.column,
                "end_line": r.location.end_line,
                "end_column": r.location.end_column,
                "message": r.message,
            }
            for r in f.related
        ]
    start = result.position(f.fix.start) if f.fix is not None and result is not None else None
    end = result.position(f.fix.end) if start is not None else None
    if start is not None and end is not None:
        (line, col), (eline, ecol) = start, end
        d["fix"] = {
            "line": line,
            "column": col,
            "end_line": eline,
            "end_column": ecol,
            "replacement": f.fix.replacement,
        }
    return d


@output_format("json")
def write_json(results, out: TextIO, options: OutputOptions) -> None:
    items = [finding_dict(f, r) for r in results for f in r.findings]
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
