"""The outline: level-1 sections, which heading is which template section,
and how each template topic is covered.

Headings that are really table content (a row label such as "（一）予以公开"
left outside its table by a flattened copy, or a label followed by its numbers)
are not outline headings: :func:`is_row_like` keeps them out of every fact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gsilint import document
from gsilint.normalize import norm_label
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.tables.labels import label_key, match_label
from gsilint.tables.spec import table_words
from gsilint.templates import SectionSpec

if TYPE_CHECKING:
    from gsilint.facts import Facts

_ROW_TITLE = lazy("^(?:" + "|".join(table_words("t3", "row_titles")) + ")")
_TRAILING_NUMBERS = lazy(r"(?:\d{3,}|(?:\s+[+\-]?\d+(?:\.\d+)?){2,})\s*$")


def is_row_like(sec: document.Section) -> bool:
    """A numbered line that is a table row label, not a heading."""
    title = sec.title.strip()
    return (
        not title
        or bool(_ROW_TITLE.match(title))
        # numbers at the end: most titles end with a Han character, neither digit nor space
        or (not "\u4e00" <= title[-1] <= "\u9fff" and bool(_TRAILING_NUMBERS.search(title)))
    )


def outline_sections(doc: document.Document) -> list[document.Section]:
    """Every heading's section in document order, table row labels left out."""
    return [s for s in doc.all_sections() if not is_row_like(s)]


def top_sections(f: Facts) -> list[document.Section]:
    """Level-1 sections (一、二、…) in order."""
    return [s for s in f.doc.sections if s.level == 1 and not is_row_like(s)]


@dataclass(frozen=True, slots=True)
class _Wording:
    """A section spec's names and keyword groups normalised as :meth:`SectionSpec.exact`
    and :meth:`SectionSpec.matches` normalise them, and the first and last characters
    of its labels' :func:`label_key` (a misspelt label keeps both: ``labels._typo``)."""

    spec: SectionSpec
    names: frozenset[str]
    keyword_groups: tuple[tuple[str, ...], ...]
    label_ends: frozenset[tuple[str, str]]


#: id(spec) -> its wording (which holds the spec, so the id is not reused while the
#: entry is kept): a spec's own hash reads every field of it, nested tuples included.
_WORDINGS: dict[int, _Wording] = {}
_WORDINGS_KEPT = 1024


def _wording(spec: SectionSpec) -> _Wording:
    w = _WORDINGS.get(id(spec))
    if w is None or w.spec is not spec:
        if len(_WORDINGS) >= _WORDINGS_KEPT:
            _WORDINGS.clear()
        w = _WORDINGS[id(spec)] = _new_wording(spec)
    return w


def _new_wording(spec: SectionSpec) -> _Wording:
    labels = (spec.title, *spec.variants)
    return _Wording(
        spec,
        frozenset(norm_label(n) for n in labels),
        tuple(tuple(norm_label(k) for k in group) for group in spec.keywords),
        frozenset(_ends(label_key(n)) for n in labels),
    )


def _ends(key: str) -> tuple[str, str]:
    return key[:1], key[-1:]


def _has_group(title: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    """Whether every keyword of one of the ``groups`` occurs in the (normalised) title."""
    for group in groups:
        for k in group:
            if k not in title:
                break
        else:
            return True
    return False


def _assign(
    specs: tuple[SectionSpec, ...], sections: list[document.Section]
) -> dict[str, document.Section]:
    """Spec key → the first section matching it; exact wording is assigned first,
    then keywords, then a misspelt title or variant (:mod:`gsilint.tables.labels`).

    The tests are ``SectionSpec.exact``, ``SectionSpec.matches`` and ``match_label``,
    with each heading normalised once here, not once per spec and pass; exact names
    are looked up, and only headings that start and end like a label are compared
    with it for a misspelling.
    """
    titles = [norm_label(sec.title) for sec in sections]
    exact_keys = [t.rstrip(":：。.;；") for t in titles]
    by_key: dict[str, list[int]] = {}
    for i, key in enumerate(exact_keys):
        by_key.setdefault(key, []).append(i)
    used = [False] * len(sections)
    ends: list[tuple[str, str]] = []

    def exact(w: _Wording) -> int | None:
        found = [i for name in w.names for i in by_key.get(name, ()) if not used[i]]
        return min(found) if found else None

    def keywords(w: _Wording) -> int | None:
        for i, t in enumerate(titles):
            if not used[i] and (exact_keys[i] in w.names or _has_group(t, w.keyword_groups)):
                return i
        return None

    def misspelt(w: _Wording) -> int | None:
        if not ends:
            ends.extend(_ends(label_key(sec.title)) for sec in sections)
        spec = w.spec
        for i, sec in enumerate(sections):
            if (
                not used[i]
                and ends[i] in w.label_ends
                and match_label(sec.title, (spec.title,), spec.variants)
            ):
                return i
        return None

    wordings = [_wording(spec) for spec in specs]
    out: dict[str, document.Section] = {}
    for first_fit in (exact, keywords, misspelt):
        for w in wordings:
            if w.spec.key in out:
                continue
            i = first_fit(w)
            if i is not None:
                out[w.spec.key] = sections[i]
                used[i] = True
    return out


def section_matches(f: Facts) -> dict[str, document.Section]:
    """Template section key → the level-1 section whose heading matches it."""
    return _assign(f.template.sections, f.top_sections)


@dataclass(frozen=True)
class Coverage:
    """How a template topic is covered: by a heading, by a statement, or not."""

    key: str
    title: str
    required: bool
    heading: document.Section | None = None
    statement: Span | None = None

    @property
    def covered(self) -> bool:
        return self.heading is not None or self.statement is not None


def topic_coverage(f: Facts) -> list[Coverage]:
    """Each template section and what covers it.

    National formats: the level-1 heading matching it. The 2008 template: a
    heading at any level, else a body statement matching one of the section's
    ``statements`` patterns outside the intro's declaration of parts.
    """
    tpl = f.template
    if tpl.id != "2008":
        m = f.section_matches
        return [Coverage(s.key, s.title, s.required, m.get(s.key)) for s in tpl.sections]
    # outer headings first: "六、…存在的主要问题及改进情况" before its "（一）存在的主要问题："
    heads: dict[str, document.Section] = {}
    by_level: dict[int, list[document.Section]] = {}
    for sec in outline_sections(f.doc):
        by_level.setdefault(sec.level, []).append(sec)
    for level in sorted(by_level):
        rest = tuple(sp for sp in tpl.sections if sp.key not in heads)
        if not rest:
            break
        heads.update(_assign(rest, by_level[level]))
    declared = f.declared_parts
    skip = declared.span if declared else None
    text = f.doc.simplified
    out = []
    for spec in tpl.sections:
        stmt = None
        if spec.key not in heads:
            for rx in spec.statement_patterns:
                for m in rx.finditer(text):
                    if skip and m.start() < skip.end and m.end() > skip.start:
                        continue
                    stmt = Span(m.start(), m.end())
                    break
                if stmt:
                    break
        out.append(Coverage(spec.key, spec.title, spec.required, heads.get(spec.key), stmt))
    return out


def has_content(sec: document.Section) -> bool:
    """Text, a table or a titled subsection under a heading."""
    if sec.heading.body is not None and sec.heading.body.text.strip():
        return True
    for child in sec.children:
        if isinstance(child, document.Section):
            # a numbered item is content too ("1、政府信息主动公开的成效有待提升。")
            if child.title.strip() or has_content(child):
                return True
        elif isinstance(child, document.Table):
            return True
        elif isinstance(child, document.Paragraph) and child.text.strip():
            return True
    return False
