"""Report templates (2008 old / 2019 / 2021 national format) loaded from TOML.

Each ``rules/templates/<id>.toml`` lists the template's sections in order:
the canonical heading, accepted whole-heading variants, keyword groups and,
for the loose 2008 template, ``statements`` — patterns of body text that cover
a topic without a heading of its own ("未发生因政府信息公开申请行政复议…的情况").
Table labels live in ``rules/tables/*.toml`` (not here).

Rule packs are extra TOML files named in ``Config.rule_packs`` (a province's
additional requirements). A pack adds sections to the templates it names, or
extends the variants, keywords and statements of an existing section, without
any Python::

    name = "某省补充要求"
    templates = ["2019", "2021"]        # default: every template
    [[section]]
    key = "assessment"
    title = "工作考核、社会评议和责任追究结果情况"
    keywords = [["考核"], ["社会评议"]]
    after = "problems"                  # default: at the end

A pack that cannot be read is reported in ``Template.problems`` (shown by
``gsilint inspect``) and otherwise ignored: a bad pack never stops linting.
"""

from __future__ import annotations

import tomllib
from dataclasses import field, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import regex

from gsilint.normalize import norm_label
from gsilint.patterns import LazyPattern, lazy
from gsilint.records import dataclass
from gsilint.resources import data_dir
from gsilint.startup_cache import kept_toml


class TemplateError(ValueError):
    """A template or rule pack file that cannot be used."""


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    #: whole headings accepted as this section (compared after normalisation)
    variants: tuple[str, ...] = ()
    #: alternatives of keyword groups: a heading matches when it contains every
    #: keyword of at least one group
    keywords: tuple[tuple[str, ...], ...] = ()
    #: regular expressions (searched in simplified body text) whose match
    #: covers this section's topic without a heading (2008 template)
    statements: tuple[str, ...] = ()
    required: bool = True
    #: where the section came from: "template" or a rule pack's name
    origin: str = "template"

    def exact(self, title: str) -> bool:
        """The heading is the canonical title or an accepted variant."""
        return norm_label(title).rstrip(":：。.;；") in self._normalised_names

    def matches(self, title: str) -> bool:
        """Exact, or every keyword of one keyword group occurs in the heading."""
        if self.exact(title):
            return True
        t = norm_label(title)
        return any(all(k in t for k in group) for group in self._normalised_keywords)

    # Headings are compared with every section of every template, so the
    # section's own wording is normalised once, not on each comparison.
    @cached_property
    def _normalised_names(self) -> frozenset[str]:
        return frozenset(norm_label(n) for n in (self.title, *self.variants))

    @cached_property
    def _normalised_keywords(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(norm_label(k) for k in group) for group in self.keywords)

    @property
    def statement_patterns(self) -> tuple[LazyPattern, ...]:
        return _compile(self.statements)


@lru_cache(maxsize=256)
def _compile(patterns: tuple[str, ...]) -> tuple[LazyPattern, ...]:
    return tuple(lazy(p) for p in patterns)


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    sections: tuple[SectionSpec, ...]
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    #: rule packs applied, by name
    packs: tuple[str, ...] = ()
    #: rule packs that could not be applied, with the reason
    problems: tuple[str, ...] = ()

    @property
    def required(self) -> tuple[SectionSpec, ...]:
        return tuple(s for s in self.sections if s.required)


def _strings(raw: Any, what: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise TemplateError(f"'{what}' must be a list of strings")
    return tuple(raw)


def _section(raw: Any, origin: str = "template") -> SectionSpec:
    if (
        not isinstance(raw, dict)
        or not isinstance(raw.get("key"), str)
        or not isinstance(raw.get("title"), str)
    ):
        raise TemplateError("every [[section]] needs a string 'key' and 'title'")
    groups = raw.get("keywords", [])
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and g and all(isinstance(k, str) for k in g) for g in groups
    ):
        raise TemplateError(
            f"section '{raw['key']}': 'keywords' must be a list of non-empty lists of strings"
        )
    statements = _strings(raw.get("statements"), "statements")
    # a pack's patterns are checked here; the built-in ones by the tests (and compiled lazily)
    for p in statements if origin != "template" else ():
        try:
            regex.compile(p)
        except regex.error as exc:
            raise TemplateError(
                f"section '{raw['key']}': bad statement pattern {p!r}: {exc}"
            ) from None
    return SectionSpec(
        key=raw["key"],
        title=raw["title"],
        variants=_strings(raw.get("variants"), "variants"),
        keywords=tuple(tuple(g) for g in groups),
        statements=statements,
        required=bool(raw.get("required", True)),
        origin=origin,
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return kept_toml(path)
    except OSError as exc:
        raise TemplateError(f"cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{path} is not valid TOML: {exc}") from None


def load_template_file(path: Path) -> Template:
    raw = _read_toml(path)
    return Template(
        id=str(raw["id"]),
        name=raw.get("name", str(raw["id"])),
        sections=tuple(_section(s) for s in raw.get("section", ())),
        data=raw,
    )


@cache
def _builtin(template_id: str) -> Template:
    path = data_dir("rules") / "templates" / f"{template_id}.toml"
    if not path.is_file():
        raise KeyError(f"no template '{template_id}'")
    return load_template_file(path)


def apply_pack(base: Template, raw: dict[str, Any], name: str) -> Template:
    """``base`` extended by one rule pack (already read from TOML)."""
    applies = [str(t) for t in raw.get("templates", [base.id])]
    if base.id not in applies:
        return base
    sections = list(base.sections)
    for sraw in raw.get("section", ()):
        spec = _section(sraw, origin=name)
        at = next((i for i, s in enumerate(sections) if s.key == spec.key), None)
        if at is not None:  # extend an existing section's wording
            old = sections[at]
            sections[at] = replace(
                old,
                variants=old.variants + spec.variants,
                keywords=old.keywords + spec.keywords,
                statements=old.statements + spec.statements,
                required=bool(sraw.get("required", old.required)),
            )
            continue
        after = sraw.get("after")
        pos = next((i + 1 for i, s in enumerate(sections) if s.key == after), len(sections))
        sections.insert(pos, spec)
    return replace(base, sections=tuple(sections), packs=base.packs + (name,))


@lru_cache(maxsize=64)
def _pack(path: str) -> dict[str, Any]:
    raw = _read_toml(Path(path))
    if "section" in raw and not isinstance(raw["section"], list):
        raise TemplateError(f"{path}: 'section' must be an array of tables ([[section]])")
    return raw


def get_template(template_id: str, packs: tuple[str, ...] = ()) -> Template:
    """The built-in template, extended by the sections of any rule packs."""
    tpl = _builtin(template_id)
    problems: list[str] = []
    for pack in packs:
        try:
            raw = _pack(str(pack))
            tpl = apply_pack(tpl, raw, str(raw.get("name", Path(pack).stem)))
        except TemplateError as exc:
            problems.append(str(exc))
    if problems:
        tpl = replace(tpl, problems=tpl.problems + tuple(problems))
    return tpl


def all_topics() -> tuple[SectionSpec, ...]:
    """Every section of every built-in template (for classifying free wording)."""
    out: list[SectionSpec] = []
    for tid in ("2021", "2019", "2008"):
        out.extend(_builtin(tid).sections)
    return tuple(out)


def topic_of(title: str, template: Template | None = None) -> str | None:
    """The key of the section a heading or part name is about, if any.

    Exact wording wins over keywords; the given template is tried first, then
    every built-in template.
    """
    specs = (template.sections if template else ()) + all_topics()
    for spec in specs:
        if spec.exact(title):
            return spec.key
    for spec in specs:
        if spec.matches(title):
            return spec.key
    return None
