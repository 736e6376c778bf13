"""Memory grows linearly and little with the input, one-line files included.

A crawler copy can lose its line breaks: a 5 MB report on one line. Linting
it (reading the file, parsing, facts and all rules) may take at most 20 bytes
of memory per byte of input above what gsilint takes to start. Measured in
a fresh interpreter, as the peak resident set size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import seed_text

import gsilint

INPUT_BYTES = 5 * 1024 * 1024
MAX_BYTES_PER_INPUT_BYTE = 20

_MEASURE = textwrap.dedent(
    """
    import json, resource, sys
    from gsilint import Config, lint_paths
    from gsilint.parse import parse

    path, warm_up, what = sys.argv[1:]
    lint_paths([warm_up], Config())  # imports, rule data, dictionaries
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if what == "parse":
        with open(path, encoding="utf-8") as fh:
            parse(fh.read())
    else:
        lint_paths([path], Config())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"before": before * 1024, "peak": peak * 1024}))
    """
)


def _one_line_report(tmp_path):
    line = seed_text(1).replace("\r", "").replace("\n", "")
    text = line * (INPUT_BYTES // len(line.encode("utf-8")) + 1)
    data = text.encode("utf-8")[:INPUT_BYTES].decode("utf-8", "ignore")
    path = tmp_path / "one-line.txt"
    path.write_text(data, encoding="utf-8")
    warm_up = tmp_path / "warm-up.txt"
    warm_up.write_text(seed_text(1), encoding="utf-8")
    return path, warm_up, len(data.encode("utf-8"))


def _growth(tmp_path, what: str) -> float:
    """Peak memory above the warmed-up start, per byte of input."""
    path, warm_up, size = _one_line_report(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path), str(warm_up), what],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(gsilint.__file__).parent.parent)},
    ).stdout
    rss = json.loads(out)
    return (rss["peak"] - rss["before"]) / size


def test_parsing_a_one_line_file_takes_little_memory(tmp_path):
    assert _growth(tmp_path, "parse") <= MAX_BYTES_PER_INPUT_BYTE


def test_linting_a_one_line_file_takes_little_memory(tmp_path):
    assert _growth(tmp_path, "lint") <= MAX_BYTES_PER_INPUT_BYTE
