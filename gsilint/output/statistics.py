"""``--statistics``: how many findings each rule produced in the run.

Human formats (text, concise) get the table after their output on the same
stream; machine-readable formats keep their stream clean and the table goes
to stderr.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from gsilint.findings import Severity
from gsilint.output import SEVERITY_WORDS, can_fix
from gsilint.records import dataclass

#: Formats read by people: statistics may follow their output on the same stream.
HUMAN_FORMATS = frozenset({"text", "concise"})


@dataclass(frozen=True, slots=True)
class RuleCount:
    code: str
    name: str
    #: the highest severity among the rule's findings
    severity: Severity
    count: int
    #: how many of them ``--fix`` can fix
    fixable: int


def rule_counts(results) -> list[RuleCount]:
    """One row per rule that found something, most frequent first, then by code."""
    counts: Counter = Counter()
    fixable: Counter = Counter()
    names: dict[str, str] = {}
    worst: dict[str, Severity] = {}
    for r in results:
        for f in r.findings:
            counts[f.code] += 1
            fixable[f.code] += can_fix(r, f)
            names[f.code] = f.name
            worst[f.code] = max(worst.get(f.code, f.severity), f.severity)
    return [
        RuleCount(c, names[c], worst[c], n, fixable[c])
        for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def write_statistics(results, out: TextIO, lang: str = "zh") -> None:
    """``count  CODE  [*]  name  [severity]`` per rule; ``[*]``: some are fixable."""
    rows = rule_counts(results)
    if not rows:
        out.write("no findings\n" if lang == "en" else "没有发现问题\n")
        return
    words = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["zh"])
    width = max(len(str(row.count)) for row in rows)
    marks = any(row.fixable for row in rows)
    for row in rows:
        mark = ("[*] " if row.fixable else "    ") if marks else ""
        out.write(f"{row.count:>{width}}  {row.code}  {mark}{row.name}  [{words[row.severity]}]\n")
