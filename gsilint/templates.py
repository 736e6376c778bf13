"""Report templates (2008 old / 2019 / 2021 national format) loaded from TOML.

Each ``rules/templates/<id>.toml`` lists the required sections in order — the
canonical heading, accepted variants and keywords — and the tables with their
row and column labels. Rule packs (extra TOML files named in the config) can
add sections to a template without any Python.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gsilint.normalize import norm_label
from gsilint.resources import data_dir


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    #: whole headings accepted as this section (compared after normalisation)
    variants: tuple[str, ...] = ()
    #: alternatives of keyword groups: a heading matches when it contains every
    #: keyword of at least one group
    keywords: tuple[tuple[str, ...], ...] = ()
    required: bool = True

    def matches(self, title: str) -> bool:
        t = norm_label(title)
        if t == norm_label(self.title) or any(t == norm_label(v) for v in self.variants):
            return True
        return any(all(norm_label(k) in t for k in group) for group in self.keywords)


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    sections: tuple[SectionSpec, ...]
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def _section(raw: dict[str, Any]) -> SectionSpec:
    return SectionSpec(
        key=raw["key"],
        title=raw["title"],
        variants=tuple(raw.get("variants", ())),
        keywords=tuple(tuple(g) for g in raw.get("keywords", ())),
        required=raw.get("required", True),
    )


def load_template_file(path: Path) -> Template:
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    return Template(
        id=str(raw["id"]),
        name=raw.get("name", str(raw["id"])),
        sections=tuple(_section(s) for s in raw.get("section", ())),
        data=raw,
    )


@lru_cache(maxsize=None)
def _builtin(template_id: str) -> Template:
    path = data_dir("rules") / "templates" / f"{template_id}.toml"
    if not path.is_file():
        raise KeyError(f"no template '{template_id}'")
    return load_template_file(path)


def get_template(template_id: str, packs: tuple[str, ...] = ()) -> Template:
    """The built-in template, extended by the sections of any rule packs."""
    base = _builtin(template_id)
    if not packs:
        return base
    sections = list(base.sections)
    for pack in packs:
        with open(pack, "rb") as fh:
            raw = tomllib.load(fh)
        applies = [str(t) for t in raw.get("templates", [template_id])]
        if template_id in applies:
            sections.extend(_section(s) for s in raw.get("section", ()))
    return Template(base.id, base.name, tuple(sections), base.data)
