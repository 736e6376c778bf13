"""Typed facts read off a parsed report, computed lazily and cached.

A fact is a function ``(facts) -> value`` registered with :func:`fact` in a
module of this package (modules are imported automatically). Rules read
facts as attributes — ``ctx.facts.report_year`` — and never re-parse text:
whatever a rule needs from the document becomes a fact, so it is computed
once and shown by ``gsilint inspect``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from gsilint.config import Config
from gsilint.document import Document

FactFn = Callable[["Facts"], Any]
FACTS: dict[str, FactFn] = {}
#: Facts shown by ``gsilint inspect``, in registration order.
SHOWN: list[str] = []


def fact(name: str, show: bool = True) -> Callable[[FactFn], FactFn]:
    def register(fn: FactFn) -> FactFn:
        if name in FACTS and FACTS[name] is not fn:
            raise ValueError(f"fact '{name}' registered twice")
        FACTS[name] = fn
        if show and name not in SHOWN:
            SHOWN.append(name)
        return fn

    return register


class Facts:
    """Lazy, cached facts about one document."""

    def __init__(
        self, doc: Document, config: Config, path: str = "<text>", run: Any = None
    ) -> None:
        self.doc = doc
        self.config = config
        self.path = path
        #: Shared state of a multi-file run (for cross-year rules); may be None.
        self.run = run
        self._cache: dict[str, Any] = {}
        self._computing: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        cache = self.__dict__["_cache"]
        if name in cache:
            return cache[name]
        fn = FACTS.get(name)
        if fn is None:
            raise AttributeError(f"no fact named '{name}'")
        if name in self._computing:
            raise RuntimeError(f"fact '{name}' depends on itself")
        self._computing.add(name)
        try:
            value = fn(self)
        finally:
            self._computing.discard(name)
        cache[name] = value
        return value

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return getattr(self, name)
        except AttributeError:
            return default


def load_fact_modules() -> None:
    for mod in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{mod.name}")
