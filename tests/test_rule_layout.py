"""Where rules live; plugins that fail to load.

Each built-in rule has a file of its own, ``gsilint/rules/<family>/<code>_<name>.py``. (What
rule modules may import is tested with the whole import graph in test_architecture.py.)
"""

from __future__ import annotations

import importlib.metadata
import inspect
from collections import Counter
from pathlib import Path

import gsilint.rules as rules_pkg
from gsilint.rules import PluginError, load_rules

RULES_DIR = Path(rules_pkg.__file__).parent
FAMILY_DIRS = {
    "E": "input",
    "S": "structure",
    "Y": "years",
    "A": "arithmetic",
    "X": "crosscheck",
    "T": "hygiene",
}


def _builtin_rules():
    return [r for r in load_rules().values() if r.check.__module__.startswith("gsilint.rules.")]


def _rule_file(rule) -> Path:
    return Path(inspect.getsourcefile(rule.check)).resolve()


def test_each_builtin_rule_has_a_file_named_after_its_family_code_and_name():
    for rule in _builtin_rules():
        want = RULES_DIR / FAMILY_DIRS[rule.family] / f"{rule.code.lower()}_{rule.name}.py"
        want = want.with_name(want.name.replace("-", "_"))
        assert _rule_file(rule) == want.resolve(), rule.code


def test_each_rule_file_registers_exactly_one_rule():
    per_file = Counter(_rule_file(r) for r in _builtin_rules())
    assert all(n == 1 for n in per_file.values()), per_file
    rule_files = {
        p.resolve()
        for d in FAMILY_DIRS.values()
        for p in (RULES_DIR / d).glob("*.py")
        if not p.name.startswith("_")
    }
    assert rule_files == set(per_file)


def test_a_broken_plugin_is_recorded_and_does_not_stop_the_next(monkeypatch):
    loaded = []

    class EntryPoint:
        def __init__(self, name, load):
            self.name, self.load = name, load

    def broken():
        raise ImportError("No module named 'gsilint_broken'")

    plugins = [EntryPoint("broken", broken), EntryPoint("fine", lambda: loaded.append("fine"))]
    monkeypatch.setattr(
        importlib.metadata,
        "entry_points",
        lambda group: plugins if group == "gsilint.rules" else [],
    )
    monkeypatch.setattr(rules_pkg, "_loaded", False)
    monkeypatch.setattr(rules_pkg, "PLUGIN_ERRORS", [])
    load_rules()
    assert loaded == ["fine"]
    assert rules_pkg.PLUGIN_ERRORS == [
        PluginError("broken", "ImportError: No module named 'gsilint_broken'")
    ]


def test_the_cli_says_which_plugin_failed(tmp_path):
    from click.testing import CliRunner

    from gsilint.cli import main
    from gsilint.rules import PLUGIN_ERRORS

    load_rules()
    report = tmp_path / "r.txt"
    report.write_text("某镇2023年政府信息公开工作年度报告\n", encoding="utf-8")
    PLUGIN_ERRORS.append(PluginError("broken", "ImportError: nope"))
    try:
        r = CliRunner().invoke(main, ["check", "--isolated", "--select", "Y", str(report)])
    finally:
        PLUGIN_ERRORS.pop()
    assert "rule plugin broken could not be loaded" in r.stderr and "ImportError: nope" in r.stderr
    assert r.exit_code == 0  # the built-in rules still ran
