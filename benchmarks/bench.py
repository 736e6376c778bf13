"""Throughput harness: MB/s and reports/s for parsing alone and for parsing + all rules.

Replicates a folder of reports (default ``examples/``; ``../shared/corpus``
when it exists beside the checkout) until the set is at least ``--mb`` MB,
then times, on one core:

- ``parse``: decode-free parse of each report (grammar + tree assembly),
- ``lint``: the full pipeline the CLI runs per file (parse, facts, all rules).

Times are CPU time of this process (``time.process_time``): the figure is
single-core work and does not change when other jobs share the machine.

Usage: ``python benchmarks/bench.py [FOLDER ...] [--mb 5] [--repeat 3]``

Beside it: ``hotspots.py`` lists the functions that take the time (cProfile),
``cold_start.py`` times a fresh ``gsilint check`` of one file.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from gsilint.config import Config
from gsilint.engine import lint_source
from gsilint.parse import parse
from gsilint.sources import InputError, is_report_path, load_path

ROOT = Path(__file__).resolve().parent.parent


def default_folders() -> list[Path]:
    corpus = ROOT.parent / "shared" / "corpus"
    return [corpus] if corpus.is_dir() else [ROOT / "examples"]


def load_reports(folders: list[Path]):
    sources = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if (
                path.is_file()
                and is_report_path(path)
                and not path.name.upper().startswith("README")
            ):
                try:
                    sources.append(load_path(str(path)))
                except InputError:
                    pass
    return sources


def replicate(sources, target_bytes: int):
    base = sum(len(s.original.encode("utf-8")) for s in sources)
    times = max(1, -(-target_bytes // max(base, 1)))
    return sources * times, base * times


def prepared(folders: list[Path], mb: float):
    """The reports of ``folders`` replicated to ``mb`` MB, with the linter warmed up.

    Returns ``(sources, items, nbytes, config)`` (the distinct reports, the replicated
    list, its size, the config), or None (and says so) when no report is found.
    """
    sources = load_reports(folders)
    if not sources:
        print("no reports found in", ", ".join(map(str, folders)), file=sys.stderr)
        return None
    items, nbytes = replicate(sources, int(mb * 1024 * 1024))
    config = Config()
    # warm up: rule and fact imports, rule data, OpenCC dictionaries
    lint_source(sources[0], config)
    return sources, items, nbytes, config


def median_cpu(fn, repeat: int) -> float:
    """The median CPU seconds of ``repeat`` calls of ``fn()`` (this process, one core)."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times)


def timed(fn, items, repeat: int) -> float:
    best = []
    for _ in range(repeat):
        t0 = time.process_time()
        for it in items:
            fn(it)
        best.append(time.process_time() - t0)
    return min(best)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument(
        "--mb",
        type=float,
        default=5.0,
        help="replicate the set to at least this many MB (default 5)",
    )
    ap.add_argument(
        "--repeat", type=int, default=3, help="runs per measurement; the best is kept (default 3)"
    )
    args = ap.parse_args(argv)
    folders = args.folders or default_folders()
    ready = prepared(folders, args.mb)
    if ready is None:
        return 2
    sources, items, nbytes, config = ready
    mb = nbytes / 1024 / 1024
    print(
        f"reports: {len(sources)} distinct from {', '.join(map(str, folders))}; "
        f"replicated to {len(items)} reports, {mb:.1f} MB (UTF-8)"
    )
    for name, fn in (
        ("parse", lambda s: parse(s.text)),
        ("parse+rules", lambda s: lint_source(s, config)),
    ):
        secs = timed(fn, items, args.repeat)
        print(
            f"{name:<12} {mb / secs:7.2f} MB/s  "
            f"{len(items) / secs:8.1f} reports/s  ({secs:.2f} s CPU)"
        )
    per = [timed(lambda s: lint_source(s, config), [s], 5) * 1000 for s in sources]
    print(
        f"single report lint (CPU): median {statistics.median(per):.1f} ms, max {max(per):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
