"""Configuration files: ``gsilint.toml`` or ``[tool.gsilint]`` in pyproject.toml.

For each checked file, the directories from the file's own up to the
filesystem root are searched; the first directory holding ``gsilint.toml``
(any content: its keys are at the top level) or a ``pyproject.toml`` with a
``[tool.gsilint]`` table wins (``gsilint.toml`` first when both are there).
Lookups are cached per directory, so a run over a tree reads each file once.

Keys (kebab-case, as in the README)::

    select, extend-select, ignore      lists of rule codes or prefixes ("ALL")
    per-file-ignores                   glob → list of codes (globs relative to the config file)
    severity                           code or prefix → "error" | "warning" | "info"
    fail-on, template, lang, deadline ("MM-DD"), encoding
    year                               the report year (as --year), when detection cannot tell
    rule-packs                         TOML rule data files, relative to the config file
    cache-dir                          the result cache's directory, relative to the config file
    previous                           last year's reports (files or directories, relative to
                                       the config file), read for the cross-year rules only
    copy-threshold                     X405: percent of copied sentences that warns (default 50)
    exclude, extend-exclude            globs a folder walk passes over (gsilint.discovery)
    respect-gitignore                  true (default) | false
    per-file                           glob → table of year, template, deadline, encoding

An unknown key or a bad value raises :class:`ConfigError` naming the file
and the key. Command-line flags the user gave win over the file
(:func:`merge`): ``--select`` replaces the file's whole rule selection
(select, extend-select and ignore); ``--extend-select``, ``--ignore`` and
``--rule-pack`` add to the file's; every other flag replaces the file's value.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from gsilint.config import TEMPLATES, Config, per_file_settings
from gsilint.findings import Severity
from gsilint.patterns import re_compile
from gsilint.rule_packs import PackError, read_pack

GSILINT_TOML = "gsilint.toml"
PYPROJECT = "pyproject.toml"

#: file key → Config field
KEYS = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "per-file-ignores": "per_file_ignores",
    "severity": "severity",
    "fail-on": "fail_on",
    "template": "template",
    "lang": "lang",
    "deadline": "deadline",
    "rule-packs": "rule_packs",
    "encoding": "encoding",
    "cache-dir": "cache_dir",
    "previous": "previous",
    "copy-threshold": "copy_threshold",
    "year": "year",
    "exclude": "exclude",
    "extend-exclude": "extend_exclude",
    "respect-gitignore": "respect_gitignore",
    "per-file": "per_file",
}
#: the settings a ``per-file`` glob can give
PER_FILE_KEYS = ("year", "template", "deadline", "encoding")
_DEADLINE = re_compile(r"^(\d{2})-(\d{2})$")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names file and key."""


# ---------------------------------------------------------------------------
# Reading and validating one file


def _table(path: Path) -> dict[str, Any] | None:
    """The gsilint table of a config file; None for a pyproject.toml without one."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text (TOML files are UTF-8)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if path.name == PYPROJECT:
        tool = data.get("tool")
        table = tool.get("gsilint") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.gsilint] must be a table")
        return table
    return data


def _where(path: Path) -> str:
    return f"{path}: [tool.gsilint]" if path.name == PYPROJECT else str(path)


def _codes(value: Any, key: str, where: str) -> tuple[str, ...]:
    """A list of codes or prefixes (a comma-separated string is accepted too)."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f'{where}: \'{key}\' must be a list of rule codes, e.g. ["S101", "A1"]')
    codes = tuple(v.strip().upper() for v in value if v.strip())
    check_codes(codes, f"{where}: '{key}'", ConfigError)
    return codes


def check_codes(codes: tuple[str, ...], what: str, error: type[Exception]) -> None:
    """Raise ``error`` when a code or prefix matches no rule."""
    from gsilint.rules import load_rules

    rules = load_rules()
    for c in codes:
        if c != "ALL" and not any(code.startswith(c) for code in rules):
            raise error(f"{what}: no rule code or prefix matches '{c}'")


def _choice(value: Any, key: str, where: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ConfigError(f"{where}: '{key}' must be one of {', '.join(choices)} (got {value!r})")
    return value


def _severity(value: Any, key: str, where: str) -> Severity:
    return Severity.parse(_choice(value, key, where, ("error", "warning", "info")))


def _deadline(value: Any, where: str) -> str:
    m = _DEADLINE.match(value) if isinstance(value, str) else None
    if m:
        try:
            date(2024, int(m.group(1)), int(m.group(2)))  # a leap year: 02-29 is a date
            return value
        except ValueError:
            pass
    raise ConfigError(
        f'{where}: \'deadline\' must be a month and day "MM-DD", e.g. "03-31" (got {value!r})'
    )


def _rule_packs(value: Any, where: str, base: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: 'rule-packs' must be a list of TOML file paths")
    packs = []
    for v in value:
        p = Path(v) if os.path.isabs(v) else base / v
        try:
            read_pack(p, v)
        except PackError as exc:
            raise ConfigError(f"{where}: 'rule-packs': {exc}") from None
        packs.append(str(p.resolve()))
    return tuple(packs)


def _file_setting(key: str, value: Any, where: str) -> dict[str, Any]:
    """One of the settings a file (or a ``per-file`` glob) can give: year, template, …"""
    if key == "year":
        if isinstance(value, bool) or not isinstance(value, int) or not 1990 <= value <= 2100:
            raise ConfigError(f"{where}: 'year' must be a year from 1990 to 2100 (got {value!r})")
        return {"year": value}
    if key == "template":
        return {
            "template": _choice(
                str(value) if isinstance(value, int) else value, key, where, TEMPLATES
            )
        }
    if key == "deadline":
        return {"deadline": _deadline(value, where)}
    from gsilint.sources.decode import unknown_encoding

    if not isinstance(value, str) or unknown_encoding(value) is not None:
        raise ConfigError(f"{where}: 'encoding': unknown encoding {value!r}")
    return {"encoding": value}


def _per_file(value: Any, where: str) -> dict[str, dict[str, Any]]:
    """``[per-file."2023/*.txt"] year = 2023``: glob → validated settings."""
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(
            f"{where}: 'per-file' must be a table of globs, each a table of settings, "
            f'e.g. [per-file."2023/*.txt"] year = 2023'
        )
    out = {}
    for glob, settings in value.items():
        values: dict[str, Any] = {}
        for key, v in settings.items():
            if key not in PER_FILE_KEYS:
                near = difflib.get_close_matches(key, PER_FILE_KEYS, n=1)
                known = ", ".join(PER_FILE_KEYS)
                hint = f"did you mean '{near[0]}'?" if near else f"known: {known}"
                raise ConfigError(f"{where}: 'per-file.{glob}': unknown key '{key}' ({hint})")
            values.update(_file_setting(key, v, f"{where}: 'per-file.{glob}'"))
        out[str(glob)] = values
    return out


def parse_table(table: Mapping[str, Any], path: Path) -> dict[str, Any]:
    """Validate a gsilint table; returns Config field values (only keys present)."""
    where = _where(path)
    base = path.parent.resolve()
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            near = difflib.get_close_matches(key, list(KEYS), n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else f" (known keys: {', '.join(KEYS)})"
            raise ConfigError(f"{where}: unknown key '{key}'{hint}")
        if key in ("select", "extend-select", "ignore"):
            out[KEYS[key]] = _codes(value, key, where)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must be a table: glob = [codes]")
            out["per_file_ignores"] = {
                str(g): _codes(v, f"per-file-ignores.{g}", where) for g, v in value.items()
            }
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(
                    f'{where}: \'severity\' must be a table: code = "error" | "warning" | "info"'
                )
            sev = {}
            for code, level in value.items():
                check_codes((code.upper(),), f"{where}: 'severity'", ConfigError)
                sev[code.upper()] = _severity(level, f"severity.{code}", where)
            out["severity"] = sev
        elif key == "fail-on":
            out["fail_on"] = _severity(value, key, where)
        elif key == "lang":
            out["lang"] = _choice(value, key, where, ("zh", "en"))
        elif key == "rule-packs":
            out["rule_packs"] = _rule_packs(value, where, base)
        elif key in ("year", "template", "deadline", "encoding"):
            out.update(_file_setting(key, value, where))
        elif key in ("exclude", "extend-exclude"):
            from gsilint.discovery import anchor_patterns

            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: '{key}' must be a list of globs, e.g. [\"drafts\"]")
            out[KEYS[key]] = anchor_patterns(value, str(base))
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: 'respect-gitignore' must be true or false")
            out["respect_gitignore"] = value
        elif key == "per-file":
            out["per_file"] = _per_file(value, where)
        elif key == "cache-dir":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where}: 'cache-dir' must be a directory path")
            out["cache_dir"] = str(base / value) if not os.path.isabs(value) else value
        elif key == "previous":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: 'previous' must be a list of files or directories")
            out["previous"] = tuple(v if os.path.isabs(v) else str(base / v) for v in value)
        elif key == "copy-threshold":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
                raise ConfigError(
                    f"{where}: 'copy-threshold' must be a percentage from 1 to 100 (got {value!r})"
                )
            out["copy_threshold"] = value
    return out


def load_file(path: str | os.PathLike) -> dict[str, Any]:
    """Config field values of one file (``--config FILE``); raises ConfigError."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"{p}: configuration file not found")
    table = _table(p)
    if table is None:
        raise ConfigError(f"{p}: no [tool.gsilint] table")
    values = parse_table(table, p)
    values["config_file"] = str(p)
    values["root"] = str(p.parent.resolve())
    return values


# ---------------------------------------------------------------------------
# Merging


def merge(
    file_values: Mapping[str, Any], overrides: Mapping[str, Any], base: Config | None = None
) -> Config:
    """``base`` (defaults), then the file's values, then the flags the user gave.

    ``overrides`` holds only flags given on the command line, by Config field
    name. ``select`` replaces the file's select, extend-select and ignore;
    ``extend_select``, ``ignore`` and ``rule_packs`` add to the file's; the
    rest replace.
    """
    values = dict(file_values)
    over = dict(overrides)
    if "select" in over:
        values.pop("extend_select", None)
        values.pop("ignore", None)
    for key in ("extend_select", "ignore", "rule_packs", "extend_exclude", "previous"):
        if key in over and key in values:
            over[key] = tuple(values[key]) + tuple(over[key])
    values.update(over)
    return (base or Config()).with_(**values)


class ConfigResolver:
    """The Config for each checked file: its nearest config file merged with the flags.

    ``forced`` (``--config FILE``) is used for every file; ``isolated``
    (``--isolated``) ignores configuration files altogether.
    """

    def __init__(
        self,
        overrides: Mapping[str, Any] | None = None,
        forced: str | None = None,
        isolated: bool = False,
    ) -> None:
        self.overrides = dict(overrides or {})
        self.isolated = isolated
        self._dirs: dict[str, str | None] = {}  # directory → config file found from there
        self._configs: dict[str | None, Config] = {}  # config file → merged Config
        self._variants: dict[tuple, Config] = {}  # (config file, per-file settings) → Config
        self._forced = load_file(forced) if forced and not isolated else None

    def find(self, directory: str) -> str | None:
        """The config file that applies in ``directory`` (walking up), cached."""
        directory = os.path.abspath(directory)
        walked = []
        found: str | None = None
        d = directory
        while True:
            if d in self._dirs:
                found = self._dirs[d]
                break
            walked.append(d)
            candidate = _config_in(d)
            if candidate is not None:
                found = candidate
                break
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
        for w in walked:
            self._dirs[w] = found
        return found

    def for_path(self, path: str) -> Config:
        """Config for a file path (``-`` for stdin: from the working directory).

        The file's ``per-file`` settings apply, except where a flag was given.
        """
        if self.isolated:
            return self._merged(None, {})
        if self._forced is not None:
            return self._per_file("<forced>", self._merged("<forced>", self._forced), path)
        directory = os.getcwd() if path == "-" else os.path.dirname(os.path.abspath(path))
        cfg_file = self.find(directory)
        if cfg_file in self._configs:
            return self._per_file(cfg_file, self._configs[cfg_file], path)
        config = self._merged(cfg_file, load_file(cfg_file) if cfg_file else {})
        return self._per_file(cfg_file, config, path)

    def for_folder(self, folder: str) -> Config:
        """Config in force in a folder (its exclusions, for a walk)."""
        return self.for_path(os.path.join(folder, "_"))

    def _per_file(self, key: str | None, config: Config, path: str) -> Config:
        if not config.per_file or path in ("-", "<text>"):
            return config
        extra = {
            k: v for k, v in per_file_settings(config, path).items() if k not in self.overrides
        }
        if not extra:
            return config
        cache_key = (key, tuple(sorted(extra.items())))
        if cache_key not in self._variants:
            self._variants[cache_key] = config.with_(**extra)
        return self._variants[cache_key]

    def _merged(self, key: str | None, values: Mapping[str, Any]) -> Config:
        if key not in self._configs:
            self._configs[key] = merge(values, self.overrides)
        return self._configs[key]


def _config_in(directory: str) -> str | None:
    """``gsilint.toml``, else a pyproject.toml with ``[tool.gsilint]``, in one directory."""
    g = os.path.join(directory, GSILINT_TOML)
    if os.path.isfile(g):
        return g
    p = os.path.join(directory, PYPROJECT)
    if os.path.isfile(p):
        try:
            if _table(Path(p)) is not None:
                return p
        except ConfigError:
            return p  # report the broken file rather than silently skip it
    return None
