"""README stays true: its rule table matches the registry, its quickstart names real commands."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from gsilint.cli import main
from gsilint.rules import load_rules

README = Path(__file__).resolve().parent.parent / "README.md"


def test_rule_table_matches_registry():
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- rules:start.*?-->\n(.*?)<!-- rules:end -->", text, re.S).group(1)
    generated = CliRunner().invoke(main, ["rules", "--format", "markdown"]).output
    assert block == generated, "README rule table is stale: paste `gsilint rules --format markdown`"
    assert set(re.findall(r"^\| ([A-Z]\d{3}) ", block, re.M)) == set(load_rules())


def test_quickstart_commands_are_present():
    text = README.read_text(encoding="utf-8")
    assert "gsilint check examples/" in text
    assert "python -m pytest tests" in text
