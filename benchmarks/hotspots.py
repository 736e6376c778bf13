"""Where the time goes: the functions that take the most CPU of their own (cProfile).

Profiles, on one core, the same work as ``bench.py`` — ``parse`` (the
parser alone) or ``lint`` (parse, facts and all rules, as the CLI runs per
file) — over the same replicated reports, and prints the top functions by
exclusive time with their share of the total.

Usage: ``python benchmarks/hotspots.py [FOLDER ...] [--what lint] [--mb 2] [--top 30]``
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

from bench import default_folders, prepared

from gsilint.engine import lint_source
from gsilint.parse import parse


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--what", choices=("parse", "lint"), default="lint")
    ap.add_argument("--mb", type=float, default=2.0, help="replicate to this many MB (default 2)")
    ap.add_argument("--top", type=int, default=30, help="functions to list (default 30)")
    args = ap.parse_args(argv)
    ready = prepared(args.folders or default_folders(), args.mb)
    if ready is None:
        return 2
    _, items, nbytes, config = ready
    work = (lambda s: parse(s.text)) if args.what == "parse" else (lambda s: lint_source(s, config))
    profiler = cProfile.Profile()
    profiler.enable()
    for item in items:
        work(item)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # exclusive times add up to the total
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[: args.top]
    print(
        f"{args.what}: {len(items)} reports, {nbytes / 1024 / 1024:.1f} MB, "
        f"{total:.2f} s CPU under the profiler"
    )
    print(f"{'own s':>7} {'own %':>6} {'calls':>9}  function")
    for (path, line, name), (_, calls, own, _cum, _) in rows:
        where = f"{Path(path).name}:{line}" if line else path
        print(f"{own:7.3f} {100 * own / total:5.1f}% {calls:9d}  {name} ({where})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
