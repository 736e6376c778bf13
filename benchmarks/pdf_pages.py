"""PDF reading speed: pages/s of the reader, and the lint time of a 30-page report.

The report is typeset from the seed reports by the tests' PDF maker
(``tests/pdf_maker.py``, reportlab's STSong-Light, ruled tables, running
header and page numbers): seed 003 (with its statistical tables) followed by
the other seeds' text until the PDF has ``--pages`` pages. Then, on one core:

- ``read``: ``read_pdf_source`` alone (pdfplumber + paragraph/table rebuilding), pages/s;
- ``lint``: read + the full pipeline the CLI runs per file (parse, facts, all rules);
- ``cli``: a fresh ``gsilint check report.pdf`` process, CPU and wall time (imports
  included; wall time grows with whatever else the machine runs).

Times of ``read`` and ``lint`` are CPU time of this process (``time.process_time``).

Usage: ``python benchmarks/pdf_pages.py [--pages 30] [--size 10.5] [--repeat 3]``
(``--size``: body font size in points; 10.5 is a dense page of some 1,400
characters, 16 the GB/T 9704 official-document size of some 600).
(needs reportlab: ``pip install -e .[test]``).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import median_cpu  # noqa: E402

from gsilint.config import Config  # noqa: E402
from gsilint.engine import lint_source  # noqa: E402
from gsilint.sources.pdf import read_pdf_source  # noqa: E402
from tests.conftest import seed_text  # noqa: E402
from tests.pdf_maker import to_pdf  # noqa: E402


def page_count(data: bytes) -> int:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def report(pages: int, size: float = 10.5) -> tuple[bytes, int]:
    """Seed 003 and then the other seeds' paragraphs until the PDF has ``pages`` pages."""
    head, _, tail = seed_text(3).partition("六、")
    extra = [ln for n in (0, 1, 2, 4) for ln in seed_text(n).split("\n") if len(ln.strip()) > 60]
    body: list[str] = []
    while True:
        text = head + "\n".join(body) + "\n六、" + tail
        data = to_pdf(text, size=size)
        n = page_count(data)
        if n >= pages:
            return data, n
        body.extend(extra[: max(4, len(extra) * (pages - n) // (2 * pages))])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--size", type=float, default=10.5)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    data, pages = report(args.pages, args.size)
    config = Config()
    lint_source(read_pdf_source("warm.pdf", data), config)  # warm up rule imports and data
    read = median_cpu(lambda: read_pdf_source("r.pdf", data), args.repeat)
    lint = median_cpu(lambda: lint_source(read_pdf_source("r.pdf", data), config), args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.pdf"
        path.write_bytes(data)
        walls, cpus = [], []
        for _ in range(args.repeat):
            t = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(
                [sys.executable, "-m", "gsilint", "check", str(path), "--no-cache"],
                capture_output=True,
                check=False,
            )
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            walls.append(time.perf_counter() - t)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    chars = len(read_pdf_source("r.pdf", data).text)
    print(f"report: {pages} pages, {len(data) / 1024:.0f} KB, {chars} characters read")
    print(f"read:   {read:.3f} s CPU  ({pages / read:.1f} pages/s)")
    print(f"lint:   {lint:.3f} s CPU  (read + parse + all rules)")
    print(
        f"cli:    {statistics.median(cpus):.3f} s CPU, {statistics.median(walls):.3f} s wall "
        "(fresh `gsilint check report.pdf`, imports included)"
    )


if __name__ == "__main__":
    main()
