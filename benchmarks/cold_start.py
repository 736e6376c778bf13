"""Cold start: ``gsilint check FILE`` run afresh, as pre-commit and editors run it per file.

Runs the CLI ``--runs`` times in new interpreters and prints the median wall
time and the median CPU time (user + system, from ``getrusage`` of the
children), beside a bare ``python -c pass`` for the interpreter's own share.
The ``--no-cache`` run (no result cache: a changed file, as pre-commit sees
it) is timed twice: with the startup cache of ``gsilint.startup_cache`` as it
is on this machine, and without it, as on a machine's very first run.

Usage: ``python benchmarks/cold_start.py [FILE] [--runs 11]`` (default FILE:
the first seed report of ``tests/fixtures/seeds``). The runs start in the
file's folder, so they take the gsilint that is installed or on ``PYTHONPATH``,
not the one of the current directory.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_times(
    cmd: list[str], runs: int, cwd: Path, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Median wall and CPU seconds of ``runs`` runs of ``cmd`` in ``cwd``."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True, check=False, env=env)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", type=Path)
    ap.add_argument("--runs", type=int, default=11, help="runs of each command (default 11)")
    args = ap.parse_args(argv)
    path = args.file or sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))[0]
    check = [sys.executable, "-m", "gsilint", "check", str(path)]
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "gsilint.toml"
        config.write_text(f'cache-dir = "{Path(tmp) / "cache"}"\n', encoding="utf-8")
        # the startup cache turned off: what the very first run on a machine costs
        first = {**os.environ, "GSILINT_STARTUP_CACHE": ""}
        for name, cmd, env in (
            ("python -c pass", [sys.executable, "-c", "pass"], None),
            (f"gsilint check {path.name} --no-cache", [*check, "--no-cache"], None),
            ("  the same, no startup cache (first run)", [*check, "--no-cache"], first),
            # the first run fills the cache, the others read the file's entry
            (f"gsilint check {path.name} (cached)", [*check, "--config", str(config)], None),
        ):
            wall, cpu = run_times(cmd, args.runs, path.parent, env)
            print(f"{name:<48} wall {wall * 1000:5.0f} ms  CPU {cpu * 1000:5.0f} ms")
    print(f"(medians of {args.runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
