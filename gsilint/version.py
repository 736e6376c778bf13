"""The gsilint version (one place: the package, the CLI and the result cache read it)."""

__version__ = "0.1.0"
