"""Rule registry.

A rule is a function decorated with :func:`rule`. Its docstring is its
documentation (``gsilint rule CODE`` prints it): what it finds, why, and a
bad and a good example, in Chinese and English. The function takes a
:class:`~gsilint.rules.context.Context` and yields :class:`~gsilint.findings.Issue`
objects. Codes are a family letter and three digits:

- ``E`` input and parsing   - ``S`` structure       - ``Y`` years and dates
- ``A`` arithmetic          - ``X`` text vs tables  - ``T`` text hygiene

Every module in this package is imported by :func:`load_rules`, and so is
every module registered by an installed plugin under the ``gsilint.rules``
entry-point group.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gsilint.findings import Issue, Severity

if TYPE_CHECKING:
    from gsilint.rules.context import Context
    from gsilint.rules.crossfile import CompareFn

CheckFn = Callable[["Context"], Iterable[Issue]]
_CODE = re.compile(r"^[ESYAXT]\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    summary_en: str
    explanation: str
    check: CheckFn
    #: the run phase of a cross-file rule (see :mod:`gsilint.rules.crossfile`);
    #: its ``check`` then returns the file's note instead of issues
    compare: CompareFn | None = None

    @property
    def family(self) -> str:
        return self.code[0]


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
            inspect.cleandoc(fn.__doc__ or ""),
            fn,
            compare,
        )
        return fn

    return register


_loaded = False


def load_rules() -> dict[str, Rule]:
    """Import built-in rule modules and plugins once; return the registry."""
    global _loaded
    if _loaded:
        return RULES
    _loaded = True
    for mod in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{mod.name}")
    try:
        from importlib.metadata import entry_points

        for ep in entry_points(group="gsilint.rules"):
            ep.load()
    except Exception:  # pragma: no cover - a broken plugin must not stop linting
        pass
    return RULES


def find_rule(code_or_name: str) -> Rule | None:
    rules = load_rules()
    key = code_or_name.strip()
    if key.upper() in rules:
        return rules[key.upper()]
    return next((r for r in rules.values() if r.name == key), None)
