"""The ``gsilint`` command (and ``python -m gsilint``): the CLI, started without GC passes.

Starting gsilint imports about two hundred modules, and every few hundred new
objects Python's cycle collector walks them all again, although everything
an import makes lives until the process ends: about 5 ms of a cold
``gsilint check`` of one file. So the collector is off while the CLI is
imported, and what the imports made is then frozen out of later collections
(:func:`gc.freeze`); after that the collector runs as usual.
"""

from __future__ import annotations

import gc


def main() -> None:
    """Run the CLI (``gsilint.cli.main``)."""
    gc.disable()
    try:
        from gsilint.cli import main as cli_main
    finally:
        gc.freeze()
        gc.enable()
    cli_main()
