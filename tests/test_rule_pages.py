"""Every rule has a page, docs/rules/<CODE>.md, that its documentation link points to.

The pages are written by ``gsilint rule CODE --format markdown``;
``GSILINT_UPDATE_SNAPSHOTS=1`` rewrites them (and the index) — read the diff.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from gsilint.cli import main
from gsilint.docs import REPOSITORY_URL, rule_doc_url, rule_markdown
from gsilint.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "docs" / "rules"
UPDATE = os.environ.get("GSILINT_UPDATE_SNAPSHOTS") == "1"


def index() -> str:
    rules = load_rules()
    lines = ["# gsilint rules", "", "| code | name | severity | finds |", "|---|---|---|---|"]
    for code in sorted(rules):
        r = rules[code]
        finds = f"{r.summary} — {r.summary_en}"
        lines.append(f"| [{code}]({code}.md) | {r.name} | {r.severity.label} | {finds} |")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("code", sorted(load_rules()))
def test_each_rule_has_its_page(code):
    page = PAGES / f"{code}.md"
    want = rule_markdown(load_rules()[code])
    if UPDATE:
        PAGES.mkdir(parents=True, exist_ok=True)
        page.write_text(want, encoding="utf-8")
    assert page.is_file(), f"no {page}: run with GSILINT_UPDATE_SNAPSHOTS=1"
    assert page.read_text(encoding="utf-8") == want
    assert rule_doc_url(code).endswith(f"/docs/rules/{code}.md")


def test_the_index_lists_every_rule_and_no_page_is_left_over():
    if UPDATE:
        (PAGES / "README.md").write_text(index(), encoding="utf-8")
    assert (PAGES / "README.md").read_text(encoding="utf-8") == index()
    pages = {p.stem for p in PAGES.glob("*.md")} - {"README"}
    assert pages == set(load_rules())


def test_links_use_the_repository_url_of_pyproject():
    with open(ROOT / "pyproject.toml", "rb") as fh:
        urls = tomllib.load(fh)["project"]["urls"]
    assert urls["Repository"] == REPOSITORY_URL
    assert urls["Documentation"] == f"{REPOSITORY_URL}/blob/main/docs/rules/README.md"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_rule_command_formats(fmt):
    r = CliRunner().invoke(main, ["rule", "T507", "--format", fmt])
    assert r.exit_code == 0
    if fmt == "markdown":
        assert r.output == rule_markdown(load_rules()["T507"])
    elif fmt == "html":
        assert r.output.startswith("<!DOCTYPE html>")
        assert "T507 unbalanced-brackets" in r.output
    else:
        assert r.output.startswith("T507 unbalanced-brackets (warning)")
