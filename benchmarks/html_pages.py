"""HTML reading speed: MB/s of the page reader, and its share of the whole lint.

Loads the HTML pages of ``/work/shared/corpus/html`` (when it exists beside
the checkout) and ``tests/fixtures/html`` (or the folders given), replicates
them until the set is at least ``--mb`` MB, then times, on one core:

- ``read``: decode + :func:`~gsilint.sources.html.read_html_source` (tokenize,
  tree, article, flattening, source map), MB/s of page bytes;
- ``lint``: read + the full pipeline the CLI runs per file (parse, facts, all
  rules), and the share of it spent reading.

Times are CPU time of this process (``time.process_time``), median of ``--repeat``.

Usage: ``python benchmarks/html_pages.py [FOLDER ...] [--mb 5] [--repeat 3]`` (the
``gsilint`` imported is the one on ``PYTHONPATH``: set it to time another tree).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench import median_cpu

from gsilint.config import Config
from gsilint.engine import lint_source
from gsilint.sources.html import read_html_source

ROOT = Path(__file__).resolve().parent.parent


def default_folders() -> list[Path]:
    corpus = ROOT.parent.parent / "shared" / "corpus" / "html"
    if not corpus.is_dir():
        corpus = Path("/work/shared/corpus/html")
    return [f for f in (corpus, ROOT / "tests" / "fixtures" / "html") if f.is_dir()]


def load_pages(folders: list[Path]) -> list[tuple[str, bytes]]:
    return [
        (str(p), p.read_bytes())
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.suffix.lower() in (".html", ".htm")
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pages = load_pages(args.folders or default_folders())
    base = sum(len(data) for _, data in pages)
    times = max(1, -(-int(args.mb * 1e6) // max(base, 1)))
    work = pages * times
    total = base * times
    config = Config()
    for path, data in pages:  # warm up imports, rule data and compiled patterns
        lint_source(read_html_source(path, data), config)

    def read_all() -> None:
        for path, data in work:
            read_html_source(path, data)

    def lint_all() -> None:
        for path, data in work:
            lint_source(read_html_source(path, data), config)

    read = median_cpu(read_all, args.repeat)
    lint = median_cpu(lint_all, args.repeat)
    print(f"pages: {len(pages)} ({base / 1e6:.2f} MB) x{times} = {total / 1e6:.2f} MB")
    print(
        f"read:  {read:.3f} s CPU  {total / 1e6 / read:.2f} MB/s  ({len(work) / read:.1f} pages/s)"
    )
    print(f"lint:  {lint:.3f} s CPU  {total / 1e6 / lint:.2f} MB/s  (read + parse + all rules)")
    print(f"share of the lint spent reading: {read / lint:.0%}")


if __name__ == "__main__":
    main()
