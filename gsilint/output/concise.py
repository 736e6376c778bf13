"""``--format concise``: one line per finding, ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

from typing import TextIO

from gsilint.output import OutputOptions, output_format


@output_format("concise")
def write_concise(results, out: TextIO, options: OutputOptions) -> None:
    for r in results:
        for f in r.findings:
            out.write(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.label}] {f.message}\n")
