"""Build rules/hygiene-words.txt: two-character Han words frequent in real reports.

T501 (repeated-word) reports a doubled two-character unit such as 资金资金
only when the unit is a word. A unit that recurs across many reports is a
word of this genre (资金, 审核, 公开); a unit seen in one or two reports is
more likely two words meeting by chance (同时|适时|适地 gives 时适时适).
This script counts, for every two-character Han sequence, the number of
reports it occurs in and keeps those found in at least MIN_REPORTS.

    python tools/build_hygiene_words.py /work/shared/corpus > rules/hygiene-words.txt
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import regex

MIN_REPORTS = 3
_RUN = regex.compile(r"\p{Han}{2,}")


def main(root: str) -> None:
    files = [
        p
        for p in sorted(Path(root).rglob("*"))
        if p.suffix in (".txt", ".md", ".html") and p.name != "README.md"
    ]
    df: Counter[str] = Counter()
    for path in files:
        grams = set()
        for run in _RUN.findall(path.read_text(encoding="utf-8", errors="replace")):
            grams.update(run[i : i + 2] for i in range(len(run) - 1))
        df.update(grams)
    print(f"# {len(files)} reports; two-character sequences found in >= {MIN_REPORTS} of them")
    words = sorted(g for g, n in df.items() if n >= MIN_REPORTS and g[0] != g[1])
    for i in range(0, len(words), 40):
        print(" ".join(words[i : i + 40]))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "corpus")
