"""Typed facts read off a parsed report, computed lazily and cached per document.

A fact is a plain function ``(facts) -> value`` in a module of this package,
declared once as a typed attribute of :class:`Facts` (``facts/catalogue.py``).
Rules read facts as attributes — ``ctx.facts.report_year`` — and never
re-parse text: whatever a rule needs from the document becomes a fact, so
it is computed once and shown by ``gsilint inspect``.
"""

from __future__ import annotations

from gsilint.facts.catalogue import Facts

__all__ = ["Facts"]
