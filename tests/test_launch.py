"""The gsilint command starts the CLI with the cycle collector back on."""

from __future__ import annotations

import gc
import subprocess
import sys

import gsilint.cli
from gsilint import launch
from gsilint.version import __version__


def test_the_cli_runs_with_the_collector_on_and_the_import_objects_frozen(monkeypatch):
    seen = {}

    def fake_cli():
        seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count())

    monkeypatch.setattr(gsilint.cli, "main", fake_cli)
    try:
        launch.main()
    finally:
        gc.unfreeze()
    assert seen["enabled"] and seen["frozen"] > 0


def test_python_dash_m_gsilint_is_the_command():
    done = subprocess.run(
        [sys.executable, "-m", "gsilint", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and __version__ in done.stdout
