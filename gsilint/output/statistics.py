"""``--statistics``: how many findings each rule produced in the run.

Human formats (text, concise) get the table after their output on the same
stream; machine-readable formats keep their stream clean and the table goes
to stderr.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from gsilint.findings import Severity

#: Formats read by people: statistics may follow their output on the same stream.
HUMAN_FORMATS = frozenset({"text", "concise"})


def rule_counts(results) -> list[tuple[str, str, Severity, int]]:
    """(code, name, highest severity, count) per rule, most frequent first, then by code."""
    counts: Counter = Counter()
    names: dict[str, str] = {}
    worst: dict[str, Severity] = {}
    for r in results:
        for f in r.findings:
            counts[f.code] += 1
            names[f.code] = f.name
            worst[f.code] = max(worst.get(f.code, f.severity), f.severity)
    return [
        (c, names[c], worst[c], n)
        for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def write_statistics(results, out: TextIO, lang: str = "zh") -> None:
    rows = rule_counts(results)
    if not rows:
        out.write("no findings\n" if lang == "en" else "没有发现问题\n")
        return
    width = max(len(str(n)) for *_, n in rows)
    for code, name, sev, n in rows:
        out.write(f"{n:>{width}}  {code}  {name}  [{sev.label}]\n")
