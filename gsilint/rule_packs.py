"""Rule packs: what a pack file may say, checked before a run, and its word lists.

A rule pack is a TOML file a user names with ``--rule-pack`` or ``rule-packs``
in the config (a province's extra sections, a body's own word list). Its
sections extend the templates (:mod:`gsilint.templates`); its word lists are
read by T509 (:mod:`gsilint.rules.hygiene.t509_word_list`)::

    name = "宿迁市补充要求"
    templates = ["2019", "2021"]          # default: every template

    [[section]]                           # a required section (see gsilint.templates)
    key = "assessment"
    title = "工作考核、社会评议和责任追究结果情况"
    keywords = [["考核"], ["社会评议"]]
    after = "problems"

    [[substitute]]                        # a wrong word and the right one
    from = ["沐阳"]                        # one word or a list
    to = "沭阳"
    message = "县名是“沭阳”"                # optional, shown after the standard message
    severity = "error"                     # optional: error | warning (default) | info

    [[forbid]]                            # a word that must not appear
    words = ["XX局"]
    message = "机构已改革，请用现名"

Unknown keys, a misspelt key (``keywrods``), an unknown template id or a wrong
type are errors in the pack, reported with the file, the key and a "did you
mean" — the same as a mistake in ``gsilint.toml``.
"""

from __future__ import annotations

import difflib
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from gsilint.findings import Severity
from gsilint.records import dataclass

#: the built-in templates a pack may name
TEMPLATE_IDS = ("2008", "2019", "2021")
_TOP = {"name", "templates", "section", "substitute", "forbid"}
_SECTION = {"key", "title", "variants", "keywords", "statements", "after", "required"}
_SUBSTITUTE = {"from", "to", "message", "severity"}
_FORBID = {"word", "words", "message", "severity"}


class PackError(ValueError):
    """A rule pack that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class WordRule:
    """One entry of a pack's word lists: ``words`` found in prose are wrong."""

    words: tuple[str, ...]
    #: the right word (a substitution) or None (a forbidden word)
    replacement: str | None
    message: str
    severity: Severity | None
    #: the pack's name, for the message
    pack: str


def _unknown(keys: Any, allowed: set[str], where: str) -> None:
    for key in keys:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise PackError(
                f"{where}: unknown key '{key}'{hint} (allowed: {', '.join(sorted(allowed))})"
            )


def _strings(value: Any, where: str, *, one_allowed: bool = False) -> tuple[str, ...]:
    if one_allowed and isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise PackError(f"{where} must be a list of non-empty strings")
    return tuple(value)


def _severity(value: Any, where: str) -> Severity | None:
    if value is None:
        return None
    try:
        return Severity.parse(str(value))
    except (KeyError, ValueError):
        raise PackError(
            f"{where}: severity must be error, warning or info (got {value!r})"
        ) from None


def validate_pack(raw: dict[str, Any], where: str) -> None:
    """Raise :class:`PackError` for anything in ``raw`` (a pack read from ``where``) that is
    not a pack: unknown or misspelt keys, unknown templates, wrong types."""
    _unknown(raw, _TOP, where)
    if "name" in raw and not isinstance(raw["name"], str):
        raise PackError(f"{where}: 'name' must be a string")
    if "templates" in raw:
        for tid in _strings(raw["templates"], f"{where}: 'templates'", one_allowed=True):
            if tid not in TEMPLATE_IDS:
                close = difflib.get_close_matches(tid, TEMPLATE_IDS, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                raise PackError(
                    f"{where}: 'templates': no template '{tid}'{hint} "
                    f"(templates: {', '.join(TEMPLATE_IDS)})"
                )
    for table, allowed in (("section", _SECTION), ("substitute", _SUBSTITUTE), ("forbid", _FORBID)):
        entries = raw.get(table, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise PackError(f"{where}: '{table}' must be an array of tables ([[{table}]])")
        for n, entry in enumerate(entries, 1):
            at = f"{where}: [[{table}]] #{n}"
            _unknown(entry, allowed, at)
            if table == "section":
                for key in ("key", "title"):
                    if not isinstance(entry.get(key), str):
                        raise PackError(f"{at} needs a string '{key}'")
            elif table == "substitute":
                if "from" not in entry or not isinstance(entry.get("to"), str):
                    raise PackError(f"{at} needs 'from' (a word or a list) and a string 'to'")
                _strings(entry["from"], f"{at}: 'from'", one_allowed=True)
            else:
                if ("word" in entry) == ("words" in entry):
                    raise PackError(f"{at} needs 'word' or 'words' (one of them)")
                _strings(entry.get("words", entry.get("word")), f"{at}: 'words'", one_allowed=True)
            if "message" in entry and not isinstance(entry["message"], str):
                raise PackError(f"{at}: 'message' must be a string")
            _severity(entry.get("severity"), at)


def read_pack(path: str | Path, name: str | None = None) -> dict[str, Any]:
    """The pack at ``path``, validated; :class:`PackError` if it cannot be read or used.
    Messages call the file ``name`` (as the user wrote it), else ``path``."""
    where = name or str(path)
    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except OSError as exc:
        raise PackError(f"cannot read {where}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PackError(f"{where} is not valid TOML: {exc}") from None
    validate_pack(raw, where)
    return raw


@lru_cache(maxsize=64)
def _word_rules(path: str) -> tuple[WordRule, ...]:
    raw = read_pack(path)
    pack = str(raw.get("name", Path(path).stem))
    out = []
    for entry in raw.get("substitute", ()):
        words = _strings(entry["from"], "from", one_allowed=True)
        out.append(
            WordRule(
                words,
                entry["to"],
                entry.get("message", ""),
                _severity(entry.get("severity"), ""),
                pack,
            )
        )
    for entry in raw.get("forbid", ()):
        words = _strings(entry.get("words", entry.get("word")), "words", one_allowed=True)
        out.append(
            WordRule(
                words, None, entry.get("message", ""), _severity(entry.get("severity"), ""), pack
            )
        )
    return tuple(out)


def word_rules(packs: tuple[str, ...]) -> tuple[WordRule, ...]:
    """The substitutions and forbidden words of ``packs``, in pack order (a pack that cannot
    be read adds none: the config check has already refused it)."""
    out: list[WordRule] = []
    for path in packs:
        try:
            out.extend(_word_rules(str(path)))
        except PackError:
            continue
    return tuple(out)
