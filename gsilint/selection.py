"""Which rules run on a file: ``select``/``extend-select``/``ignore`` and per-file ignores."""

from __future__ import annotations

from functools import lru_cache

from gsilint.config import Config, matches, per_file_ignores
from gsilint.rules import Rule, load_rules


def selected_rules(config: Config, path: str | None = None) -> list[Rule]:
    """The rules selected for ``path`` (every file when None), in code order."""
    rules = load_rules()
    ignores = tuple(config.ignore)
    if path is not None:
        ignores += tuple(per_file_ignores(config, path))
    codes = selected_codes(tuple(rules), tuple(config.select), tuple(config.extend_select), ignores)
    return [rules[code] for code in codes]


@lru_cache(maxsize=256)
def selected_codes(
    codes: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignores: tuple[str, ...],
) -> tuple[str, ...]:
    """The ``codes`` chosen by the selection, sorted: the same for every file of a run
    (remembered: each file asks twice, for its rules and for its suppressions)."""
    chosen = []
    for code in sorted(codes):
        selected = matches(code, select) if select else True
        selected = selected or matches(code, extend_select)
        if selected and not matches(code, ignores):
            chosen.append(code)
    return tuple(chosen)
