"""One folder per rule, ``tests/rules/<CODE>/``: bad and good reports and snapshots.

Each folder holds failing cases ``bad.txt`` / ``bad_<what>.txt`` (or a folder
``bad/`` of several reports, for a rule that compares files) with the concise
output of ``gsilint check --select CODE --fail-on info --isolated`` (plus
``--rule-pack pack.toml`` when the folder has one) in
``expected.txt`` / ``expected_<what>.txt``, and passing cases ``good*.txt``
(or ``good*/``) on which the rule must find nothing. The CLI runs in the
rule's folder, so the snapshots hold paths relative to it.
``GSILINT_UPDATE_SNAPSHOTS=1`` rewrites the snapshots; read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from gsilint.cli import main
from gsilint.rules import load_rules

RULES = Path(__file__).parent / "rules"
UPDATE = os.environ.get("GSILINT_UPDATE_SNAPSHOTS") == "1"
INPUTS = (".txt", ".md", ".html")


def cases(folder: Path, kind: str) -> list[Path]:
    """The ``kind`` (bad or good) inputs of one rule folder: report files or folders."""
    return sorted(
        p
        for p in folder.iterdir()
        if (p.stem == kind or p.stem.startswith(f"{kind}_")) and (p.is_dir() or p.suffix in INPUTS)
    )


def snapshot(case: Path) -> Path:
    """``bad.txt`` → ``expected.txt``; ``bad_old.txt`` → ``expected_old.txt``."""
    return case.with_name("expected" + case.stem[len("bad") :] + ".txt")


def check(code: str, case: Path, monkeypatch) -> str:
    """Concise output of checking one case for one rule, run from the rule's folder."""
    monkeypatch.chdir(case.parent)
    args = ["check", "--format", "concise", "--select", code, "--fail-on", "info", "--isolated"]
    args.append("--no-cache")  # no .gsilint_cache in the fixture folders
    if (case.parent / "pack.toml").is_file():
        args += ["--rule-pack", "pack.toml"]
    result = CliRunner().invoke(main, [*args, case.name], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.output


def all_cases() -> list:
    return [
        pytest.param(folder.name, case, kind, id=f"{folder.name}-{case.name}")
        for folder in sorted(p for p in RULES.iterdir() if p.is_dir())
        for kind in ("bad", "good")
        for case in cases(folder, kind)
    ]


def test_every_rule_has_a_bad_and_a_good_case():
    missing = [
        code
        for code in sorted(load_rules())
        if not (RULES / code).is_dir()
        or not cases(RULES / code, "bad")
        or not cases(RULES / code, "good")
    ]
    assert missing == [], f"rules without a bad and a good case in tests/rules/: {missing}"


@pytest.mark.parametrize(("code", "case", "kind"), all_cases())
def test_rule_fixture(code, case, kind, monkeypatch):
    got = check(code, case, monkeypatch)
    own = [line for line in got.splitlines() if f": {code} [" in line]
    if kind == "good":
        assert own == [], got
        return
    assert own, f"{case} does not fire {code}"
    snap = snapshot(case)
    if UPDATE or not snap.exists():
        snap.write_text(got, encoding="utf-8")
    assert got == snap.read_text(encoding="utf-8")
