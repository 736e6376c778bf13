"""``--format jsonl``: one JSON object per line, the same keys as ``--format json``.

Streams well into ``jq``, log pipelines and databases; an empty run writes nothing.
``gsilint check`` writes each file's lines as soon as that file and those
before it are done (:func:`write_findings`); findings of the cross-file rules,
known only at the end of the run, follow after the last file.
"""

from __future__ import annotations

import json
from typing import TextIO

from gsilint.output import OutputOptions, output_format
from gsilint.output.json import finding_dict


@output_format("jsonl")
def write_jsonl(results, out: TextIO, options: OutputOptions) -> None:
    for r in results:
        write_findings(r, r.findings, out)


def write_findings(result, findings, out: TextIO) -> None:
    """One line per finding of ``result`` (a FileResult)."""
    for f in findings:
        out.write(json.dumps(finding_dict(f, result), ensure_ascii=False) + "\n")
