"""The installed rule plugins: entry points of the ``gsilint.rules`` group.

``importlib.metadata`` finds them, but importing it pulls in ``email``,
``zipfile``, ``csv`` and ``socket`` — a good part of a cold ``gsilint check``
that pre-commit and editors start per file. Almost always no plugin is
installed, so the installed distributions' ``entry_points.txt`` files are
first looked through for the group's name; only when one names it is
``importlib.metadata`` asked for the entry points themselves.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache

GROUP = "gsilint.rules"


def _declares(group: str) -> bool:
    """Whether any distribution on ``sys.path`` may declare entry points of ``group``."""
    needle = f"[{group}]"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file, a missing folder: let importlib.metadata decide
            if entry and os.path.isfile(entry):
                return True
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(entry or ".", name, "entry_points.txt"), "rb") as fh:
                    if needle.encode() in fh.read():
                        return True
            except OSError:
                continue
    return False


@lru_cache(maxsize=1)
def plugin_entry_points() -> tuple:
    """The entry points of the ``gsilint.rules`` group, sorted by name."""
    if not _declares(GROUP):
        return ()
    from importlib.metadata import entry_points

    return tuple(sorted(entry_points(group=GROUP), key=lambda e: e.name))
