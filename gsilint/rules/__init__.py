"""Rule registry.

A rule is a function decorated with :func:`rule`. Its docstring is its
documentation (``gsilint rule CODE`` prints it): what it finds, why, and a
bad and a good example, in Chinese and English. The function takes a
:class:`~gsilint.rules.context.Context` and yields :class:`~gsilint.findings.Issue`
objects. Codes are a family letter and three digits, and each rule has a file
of its own, ``gsilint/rules/<family>/<code>_<name>.py`` (e.g.
``arithmetic/a301_breakdown_sum.py``); helpers shared by several rules of a
family are in that family's ``_common.py`` (``hygiene/_prose.py`` and
``hygiene/_data.py`` for the T rules):

- ``E`` ``input/``        - ``S`` ``structure/``   - ``Y`` ``years/``
- ``A`` ``arithmetic/``   - ``X`` ``crosscheck/``  - ``T`` ``hygiene/``

Every module in these packages is imported by :func:`load_rules`, and so is
every module registered by an installed plugin under the ``gsilint.rules``
entry-point group; a plugin that fails to load is recorded in
:data:`PLUGIN_ERRORS` and the others load all the same.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from gsilint.findings import Issue, Severity
from gsilint.patterns import re_compile
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.rules.context import Context
    from gsilint.rules.crossfile import CompareFn

CheckFn = Callable[["Context"], Iterable[Issue]]
_CODE = re_compile(r"^[ESYAXT]\d{3}$")
_NAME = re_compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    summary_en: str
    #: the check function's docstring as written (see :attr:`explanation`)
    doc: str
    check: CheckFn
    #: the run phase of a cross-file rule (see :mod:`gsilint.rules.crossfile`);
    #: its ``check`` then returns the file's note instead of issues
    compare: CompareFn | None = None

    @property
    def family(self) -> str:
        return self.code[0]

    @property
    def explanation(self) -> str:
        """The documentation, dedented: what it finds, why, a bad and a good example.
        Computed on demand (``inspect`` is not imported by a plain run)."""
        import inspect

        return inspect.cleandoc(self.doc)


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    summary_en: str,
    *,
    compare: CompareFn | None = None,
) -> Callable[[CheckFn], CheckFn]:
    """Register a rule. The decorated function's docstring is its explanation.

    ``compare``: the run phase of a cross-file rule (:mod:`gsilint.rules.crossfile`).
    """
    if not _CODE.match(code):
        raise ValueError(f"bad rule code {code!r}")
    if not _NAME.match(name):
        raise ValueError(f"bad rule name {name!r} (kebab-case)")

    def register(fn: CheckFn) -> CheckFn:
        if code in RULES and RULES[code].check is not fn:
            raise ValueError(f"rule code {code} registered twice")
        RULES[code] = Rule(
            code,
            name,
            severity,
            summary,
            summary_en,
            fn.__doc__ or "",
            fn,
            compare,
        )
        return fn

    return register


@dataclass(frozen=True)
class PluginError:
    """An entry point of the ``gsilint.rules`` group that could not be loaded."""

    entry_point: str
    error: str


#: Plugins that failed to load, in the order :func:`load_rules` tried them.
PLUGIN_ERRORS: list[PluginError] = []

_loaded = False


def load_rules() -> dict[str, Rule]:
    """Import built-in rule modules and plugins once; return the registry."""
    global _loaded
    if _loaded:
        return RULES
    _loaded = True
    for mod in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        importlib.import_module(mod.name)
    _load_plugins()
    return RULES


def _load_plugins() -> None:
    """Load each plugin on its own: a broken one is recorded and does not hide the next."""
    from gsilint.plugins import plugin_entry_points

    for ep in plugin_entry_points():
        try:
            ep.load()
        except Exception as exc:  # a broken plugin must not stop linting
            PLUGIN_ERRORS.append(PluginError(ep.name, f"{exc.__class__.__name__}: {exc}"))


def find_rule(code_or_name: str) -> Rule | None:
    rules = load_rules()
    key = code_or_name.strip()
    if key.upper() in rules:
        return rules[key.upper()]
    return next((r for r in rules.values() if r.name == key), None)
