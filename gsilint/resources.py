"""Locate data shipped with gsilint: the grammar and the TOML rule data.

In a wheel they live in ``gsilint/_data/{grammars,rules}`` (copied there at
build time); in a source checkout or an editable install, at the repository's
top level next to the package. Both load the same way.
"""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``grammars`` or ``rules``: the directory that holds that data."""
    for candidate in (_PKG / "_data" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"gsilint data directory '{name}' is missing from the installation")
