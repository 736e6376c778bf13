"""``--format jsonl``: one JSON object per line, the same keys as ``--format json``.

Streams well into ``jq``, log pipelines and databases; an empty run writes nothing.
"""

from __future__ import annotations

import json
from typing import TextIO

from gsilint.output import OutputOptions, output_format
from gsilint.output.json import finding_dict


@output_format("jsonl")
def write_jsonl(results, out: TextIO, options: OutputOptions) -> None:
    for r in results:
        for f in r.findings:
            out.write(json.dumps(finding_dict(f, r), ensure_ascii=False) + "\n")
