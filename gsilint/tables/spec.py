"""Declarative table data: ``rules/tables/2019.toml`` and ``2021.toml``.

Besides rows, columns and identities, each table carries the words that find
it in a report (anchors, region openers, format labels, group titles, row
starts, row titles, glued openers, header words); :func:`table_words` collects
one kind across formats. Messages quote row labels (or their ``short`` form)
and group titles from here, never re-typed.
"""

from __future__ import annotations

from functools import cache, cached_property

from gsilint.normalize import norm_label
from gsilint.records import dataclass
from gsilint.resources import data_dir
from gsilint.startup_cache import kept_toml


@dataclass(frozen=True)
class ColSpec:
    key: str
    label: str
    #: count (non-negative integer), signed (2019 本年增/减), amount (Decimal)
    kind: str = "count"


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str
    #: how messages quote a long label ("二、上年结转"); empty → :attr:`label`
    short: str = ""
    #: normalised fragments, any of which identifies the row
    match: tuple[str, ...] = ()
    #: normalised whole label cells (without numbering) that identify the row
    exact: tuple[str, ...] = ()
    #: per-row columns (table 二); empty → the table's columns
    columns: tuple[ColSpec, ...] = ()
    #: the row whose 其中 breakdown this row belongs to (old statistics table)
    parent: str = ""

    @property
    def quoted(self) -> str:
        """The label as messages quote it: :attr:`short` if the row has one."""
        return self.short or self.label


@dataclass(frozen=True)
class TableSpec:
    name: str  # t2 | t3 | t4
    title: str
    rows: tuple[RowSpec, ...]
    columns: tuple[ColSpec, ...]
    #: a row-stream label containing one of these opens the table
    anchors: tuple[str, ...] = ()
    #: regular expressions: a line of PDF text starting with one opens a table region
    region_openers: tuple[str, ...] = ()
    #: labels only this format prints
    format_labels: tuple[str, ...] = ()
    #: group titles some reports print with subtotals of their rows (table 三)
    groups: tuple[str, ...] = ()
    #: regular expressions: how a row label begins on a line of its own (table 三)
    row_starts: tuple[str, ...] = ()
    #: regular expressions: how a heading that is really a row label begins (table 三)
    row_titles: tuple[str, ...] = ()
    #: regular expressions: a glued crawler table containing one is this table
    glued_openers: tuple[str, ...] = ()
    #: the words of the table's header lines (table 四)
    header_words: tuple[str, ...] = ()
    #: result group (``t3.results.<group>``) → its printed title ("（三）不予公开")
    group_titles: tuple[tuple[str, str], ...] = ()

    def row(self, key: str) -> RowSpec | None:
        return self._rows_by_key.get(key)

    @cached_property
    def _rows_by_key(self) -> dict[str, RowSpec]:
        """Row key → its spec (the first, should a key repeat)."""
        out: dict[str, RowSpec] = {}
        for r in self.rows:
            out.setdefault(r.key, r)
        return out

    def group_title(self, group: str) -> str | None:
        return dict(self.group_titles).get(group)

    def cols_of(self, row: RowSpec) -> tuple[ColSpec, ...]:
        return row.columns or self.columns


@dataclass(frozen=True)
class IdentitySpec:
    id: str
    rule: str
    table: str
    each: str  # column | row | none
    name: str
    name_en: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    at: str
    #: ``eq``: sum(lhs) = sum(rhs); ``ge``: sum(lhs) ≥ sum(rhs) (a part is not above its whole)
    relation: str = "eq"
    #: operands whose row the table does not print are left out (its own breakdown)
    printed_only: bool = False
    #: rows that must be printed / must not be printed for the identity to apply
    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormatSpec:
    id: str
    t3_layout: str
    t2: TableSpec
    t3: TableSpec
    t4: TableSpec
    identities: tuple[IdentitySpec, ...]
    #: labels only this format prints that tell a report's template when its year is unknown
    template_labels: tuple[str, ...] = ()


def _cols(raw) -> tuple[ColSpec, ...]:
    return tuple(ColSpec(c[0], c[1], c[2] if len(c) > 2 else "count") for c in raw or ())


_WORDS = (
    "anchors",
    "region_openers",
    "format_labels",
    "groups",
    "row_starts",
    "row_titles",
    "glued_openers",
    "header_words",
)


def _words(raw: dict) -> dict[str, tuple[str, ...]]:
    return {k: tuple(raw.get(k, ())) for k in _WORDS}


def _table(name: str, raw: dict) -> TableSpec:
    rows = tuple(
        RowSpec(
            key=r["key"],
            label=r["label"],
            short=r.get("short", ""),
            match=tuple(norm_label(m) for m in r.get("match", ())),
            exact=tuple(norm_label(m) for m in r.get("exact", ())),
            columns=_cols(r.get("columns")),
            parent=r.get("parent", ""),
        )
        for r in raw.get("row", ())
    )
    return TableSpec(
        name,
        raw.get("title", name),
        rows,
        _cols(raw.get("columns")),
        **_words(raw),
        group_titles=tuple(raw.get("group_titles", {}).items()),
    )


@cache
def format_ids() -> tuple[str, ...]:
    """The national table formats (tables 二/三/四) there are data for, oldest first.

    Remembered: the rule data does not change while gsilint runs, and listing the
    folder cost three ``stat`` calls per lint.
    """
    return tuple(sorted(p for p in _table_files() if _raw(p).get("kind", "national") == "national"))


def _table_files() -> tuple[str, ...]:
    return tuple(p.stem for p in (data_dir("rules") / "tables").glob("*.toml"))


@cache
def _raw(fmt: str) -> dict:
    return kept_toml(data_dir("rules") / "tables" / f"{fmt}.toml")


@cache
def table_words(table: str, kind: str) -> tuple[str, ...]:
    """One kind of word (e.g. ``anchors``) of a table, from every format, without repeats."""
    out: dict[str, None] = {}
    for fmt in format_ids():
        out.update(dict.fromkeys(getattr(getattr(table_format(fmt), table), kind)))
    return tuple(out)


@cache
def table_format(fmt: str) -> FormatSpec:
    """The 2019 or 2021 table format."""
    raw = _raw(fmt)
    ids = _identities(raw)
    t4 = raw["t4"]
    return FormatSpec(
        id=str(raw["id"]),
        t3_layout=str(raw.get("t3_layout", raw["id"])),
        t2=_table("t2", raw["t2"]),
        t3=_table("t3", raw["t3"]),
        t4=TableSpec(
            "t4",
            t4.get("title", "t4"),
            (RowSpec("t4.cases", "行政复议、行政诉讼"),),
            _cols(t4["columns"]),
            **_words(t4),
        ),
        identities=ids,
        template_labels=tuple(raw.get("template_labels", ())),
    )


def _identities(raw: dict) -> tuple[IdentitySpec, ...]:
    return tuple(
        IdentitySpec(
            i["id"],
            i["rule"],
            i["table"],
            i["each"],
            i["name"],
            i["name_en"],
            tuple(i["lhs"]),
            tuple(i["rhs"]),
            i["at"],
            relation=i.get("relation", "eq"),
            printed_only=bool(i.get("printed_only", False)),
            when=tuple(i.get("when", ())),
            unless=tuple(i.get("unless", ())),
        )
        for i in raw.get("identity", ())
    )


#: The name of the old statistics table's grid (reports for 2008–2018).
OLD = "old"


@dataclass(frozen=True)
class OldTableSpec:
    """The old 政府信息公开情况统计表 (``rules/tables/2008.toml``): rows by label, two columns."""

    id: str
    table: TableSpec
    identities: tuple[IdentitySpec, ...]
    #: the 单位 cell ("条", "件", "元")
    units: tuple[str, ...]
    #: how many indicator rows make a table
    min_rows: int


@cache
def old_table(fmt: str = "2008") -> OldTableSpec:
    """The old statistics table: ``rules/tables/2008.toml``."""
    raw = _raw(fmt)
    return OldTableSpec(
        str(raw["id"]),
        _table(OLD, raw),
        _identities(raw),
        tuple(raw.get("units", ())),
        int(raw.get("min_rows", 4)),
    )


def table_spec(name: str, layout: str) -> TableSpec:
    """The spec of a grid's table: ``t2``/``t3``/``t4`` of a national format, or ``old``."""
    if name == OLD:
        return old_table(layout).table
    return getattr(table_format(layout), name)


def identities_of(name: str, layout: str) -> tuple[IdentitySpec, ...]:
    """The identities of a grid's table."""
    if name == OLD:
        return old_table(layout).identities
    return tuple(i for i in table_format(layout).identities if i.table == name)
