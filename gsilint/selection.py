"""Which rules run on a file: ``select``/``extend-select``/``ignore`` and per-file ignores."""

from __future__ import annotations

from gsilint.config import Config, matches, per_file_ignores
from gsilint.rules import Rule, load_rules


def selected_rules(config: Config, path: str | None = None) -> list[Rule]:
    """The rules selected for ``path`` (every file when None), in code order."""
    rules = load_rules()
    chosen = []
    ignores = list(config.ignore)
    if path is not None:
        ignores.extend(per_file_ignores(config, path))
    for code in sorted(rules):
        selected = matches(code, config.select) if config.select else True
        selected = selected or matches(code, config.extend_select)
        if selected and not matches(code, tuple(ignores)):
            chosen.append(rules[code])
    return chosen
