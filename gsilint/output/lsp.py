"""``--format lsp``: per file, the LSP 3.17 ``Diagnostic`` array.

The output is a JSON array of ``PublishDiagnosticsParams`` objects
(``{"uri", "diagnostics"}``), one per file checked, in file order. A
diagnostic's ``range`` has 0-based lines and characters counted in the
negotiated position encoding — UTF-16 code units unless told otherwise, so a
character outside the BMP (𠮷) counts two. The editor server
(:mod:`gsilint.lsp_server`) builds its diagnostics with :func:`diagnostic`,
so the CLI format and the server agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from gsilint.docs import rule_doc_url
from gsilint.findings import Finding, Location, Severity
from gsilint.output import OutputOptions, output_format
from gsilint.positions import LineIndex, utf16_len

#: LSP DiagnosticSeverity: 1 Error, 2 Warning, 3 Information, 4 Hint
LSP_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}
ENCODINGS = ("utf-16", "utf-32", "utf-8")


def lsp_position(
    index: LineIndex | None,
    offset: int,
    loc_line: int = 1,
    loc_col: int = 1,
    encoding: str = "utf-16",
) -> dict:
    """LSP Position of code-point ``offset`` in the text of ``index``.

    Without an index (input that could not be read) the 1-based code-point
    line/column of the finding are used.
    """
    if index is None:
        return {"line": max(0, loc_line - 1), "character": max(0, loc_col - 1)}
    offset = max(0, min(offset, len(index.text)))
    line = index.line_of(offset)
    start = index.line_start(line)
    if encoding == "utf-32":
        character = offset - start
    elif encoding == "utf-8":
        character = len(index.text[start:offset].encode("utf-8", "surrogatepass"))
    else:
        character = utf16_len(index.text[start:offset])
    return {"line": line, "character": character}


def lsp_range(index: LineIndex | None, loc: Location, encoding: str = "utf-16") -> dict:
    return {
        "start": lsp_position(index, loc.start, loc.line, loc.column, encoding),
        "end": lsp_position(index, max(loc.start, loc.end), loc.end_line, loc.end_column, encoding),
    }


def file_uri(path: str) -> str:
    if "://" in path or path.startswith("untitled:"):
        return path
    if path in ("-", "<text>"):
        return f"untitled:{path}"
    return Path(path).absolute().as_uri()


def diagnostic(f: Finding, index: LineIndex | None, uri: str, encoding: str = "utf-16") -> dict:
    """One LSP Diagnostic (as plain JSON data) for finding ``f`` of the document at ``uri``."""
    message = f.message + (f" ({f.location.label})" if f.location.label else "")
    d: dict = {
        "range": lsp_range(index, f.location, encoding),
        "severity": LSP_SEVERITY[f.severity],
        "code": f.code,
        "codeDescription": {"href": rule_doc_url(f.code)},
        "source": "gsilint",
        "message": message,
    }
    if f.related:
        d["relatedInformation"] = [
            {
                "location": {"uri": uri, "range": lsp_range(index, rel.location, encoding)},
                "message": rel.message,
            }
            for rel in f.related
        ]
    d["data"] = {"rule": f.name}
    return d


@output_format("lsp")
def write_lsp(results, out: TextIO, options: OutputOptions) -> None:
    items = []
    for r in results:
        uri = file_uri(r.path)
        index = r.line_index() if r.findings else None
        items.append({"uri": uri, "diagnostics": [diagnostic(f, index, uri) for f in r.findings]})
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
