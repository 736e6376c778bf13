"""Where the facts-and-rules time goes: exclusive CPU per fact and per rule.

``bench.py`` times a whole lint; this splits the part after parsing. Every
report is parsed and all its facts computed once; then, for each fact, fresh
``Facts`` objects that already hold every other fact compute just that one,
and each rule runs over contexts whose facts are all computed. So a figure is
the fact's or rule's own work, without the facts it reads. The best of
``--repeat`` runs is kept (CPU time of this process, one core).

Usage: ``python benchmarks/facts_rules.py [FOLDER ...] [--repeat 5] [--top 30]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench import default_folders, load_reports

from gsilint.config import Config
from gsilint.facts import Facts
from gsilint.facts.lazy import fact
from gsilint.parse import parse
from gsilint.rules import load_rules
from gsilint.rules.context import Context
from gsilint.selection import selected_rules

FACT_NAMES = [name for name, v in vars(Facts).items() if isinstance(v, fact)]


def _facts_without(full: Facts, name: str) -> Facts:
    """A copy of ``full`` that holds every computed fact except ``name``."""
    f = Facts(full.doc, full.config, full.path)
    f.__dict__.update({k: v for k, v in full.__dict__.items() if k != name and k in FACT_NAMES})
    return f


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5, help="runs per item; the best is kept")
    ap.add_argument("--top", type=int, default=30, help="how many items to list")
    args = ap.parse_args(argv)
    sources = load_reports(args.folders or default_folders())
    if not sources:
        print("no reports found", file=sys.stderr)
        return 2
    config = Config()
    load_rules()
    full = []
    for s in sources:
        facts = Facts(parse(s.text), config, s.path)
        for name in FACT_NAMES:
            getattr(facts, name)
        full.append((s, facts))
    best: dict[str, float] = {}

    def keep(item: str, secs: float) -> None:
        best[item] = min(best.get(item, secs), secs)

    for _ in range(args.repeat):
        for name in FACT_NAMES:
            fresh = [_facts_without(f, name) for _, f in full]
            t0 = time.process_time()
            for f in fresh:
                getattr(f, name)
            keep(f"fact {name}", time.process_time() - t0)
        for rule in selected_rules(config, "report.txt"):
            contexts = [Context(f.doc, f, config, s) for s, f in full]
            for ctx in contexts:
                ctx.rule = rule
            t0 = time.process_time()
            for ctx in contexts:
                out = rule.check(ctx)
                if rule.compare is None and out is not None:
                    list(out)
            keep(f"rule {rule.code}", time.process_time() - t0)
    total = sum(best.values())
    print(f"{len(sources)} reports: facts and rules {total * 1000:.1f} ms CPU per pass")
    for item, secs in sorted(best.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{secs * 1000:8.2f} ms {100 * secs / total:5.1f}%  {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
