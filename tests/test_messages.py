"""Every message reads as written by a person, in either language.

Each rule's bad fixtures and documented examples are linted in Chinese and in
English; no message may show an internal key (``natural_person``,
``t3.results.total``, ``review.pending``), and an English message names the
tables as table I–IV, never "table 三".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gsilint import Config, lint_text

RULES = Path(__file__).parent / "rules"
#: snake_case or dotted.keys; web addresses and file names are not keys
_KEY = re.compile(
    r"(?<![\w./:@-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z][a-z0-9]*(?:\.[a-z_][a-z0-9_]*)+)(?![\w/@-])"
)
_NOT_KEYS = re.compile(r"\.(?:txt|md|html|docx|pdf|toml|json|cn|com|gov|org|net)\b|www\.")
_TABLE_HAN = re.compile(r"\btables? [一二三四五六七八九十]")


def _cases() -> list:
    return [
        pytest.param(case, id=f"{case.parent.name}-{case.name}")
        for folder in sorted(p for p in RULES.iterdir() if p.is_dir())
        for case in sorted(folder.glob("bad*.txt"))
    ]


def _keys(message: str) -> list[str]:
    return [m for m in _KEY.findall(message) if not _NOT_KEYS.search(m) and m not in ("e.g", "i.e")]


@pytest.mark.parametrize("case", _cases())
def test_messages_show_no_internal_keys(case):
    text = case.read_bytes().decode("utf-8", "replace")
    packs = (str(case.parent / "pack.toml"),) if (case.parent / "pack.toml").is_file() else ()
    for lang in ("zh", "en"):
        config = Config(select=(case.parent.name,), lang=lang, rule_packs=packs)
        for f in lint_text(text, case.name, config):
            assert not _keys(f.message), f"{lang} {f.code}: {f.message}"
            if lang == "en":
                assert not _TABLE_HAN.search(f.message), f"{f.code}: {f.message}"


def test_the_key_pattern():
    assert _keys("table III row natural_person is 71") == ["natural_person"]
    assert _keys("see t3.results.total and review.pending") == [
        "t3.results.total",
        "review.pending",
    ]
    assert _keys("www.gov.cn and report.txt and 1.5 and e.g. this") == []
