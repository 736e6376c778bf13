"""Where rules live; plugins that fail to load.

Each built-in rule has a file of its own, ``gsilint/rules/<family>/<code>_<name>.py``. (What
rule modules may import is tested with the whole import graph in test_architecture.py.)
"""

from __future__ import annotations

import inspect
import sys
from collections import Counter
from pathlib import Path

import gsilint.plugins
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

    plugins = (EntryPoint("broken", broken), EntryPoint("fine", lambda: loaded.append("fine")))
    monkeypatch.setattr(gsilint.plugins, "plugin_entry_points", lambda: plugins)
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


def test_plugins_are_found_through_their_distribution(tmp_path, monkeypatch):
    from gsilint.plugins import _declares, plugin_entry_points

    site = tmp_path / "site"
    dist = site / "fakeplug-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: fakeplug\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[gsilint.rules]\nfake = fakeplug_rules\n")
    monkeypatch.setattr(sys, "path", [str(site)])
    plugin_entry_points.cache_clear()
    try:
        assert _declares("gsilint.rules")
        assert [ep.name for ep in plugin_entry_points()] == ["fake"]
        (dist / "entry_points.txt").write_text("[console_scripts]\nx = y:z\n")
        plugin_entry_points.cache_clear()
        assert not _declares("gsilint.rules") and plugin_entry_points() == ()
    finally:
        plugin_entry_points.cache_clear()
