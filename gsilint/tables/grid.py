"""A mapped table: template row keys × column keys → :class:`CellValue`."""

from __future__ import annotations

from dataclasses import field

from gsilint.positions import Span
from gsilint.records import dataclass


@dataclass(frozen=True, slots=True)
class CellValue:
    """One mapped cell.

    ``value``: int for counts, Decimal for amounts, None when not reported or
    invalid. ``reported``: False for a blank, "/", "—", "-" or "无" cell (not
    zero!). ``problem``: why the text is not a valid value (``negative``,
    ``fraction``, ``percent``, ``not_number``), else None. ``span``: the
    cell's text in the parsed document (an empty span at the row for a blank
    cell).
    """

    value: object
    span: Span
    reported: bool
    text: str = ""
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.reported and self.problem is None and self.value is not None


@dataclass(frozen=True, slots=True)
class ShapeProblem:
    """Why part of a table could not be mapped (reported by S109)."""

    span: Span
    zh: str
    en: str
    #: row keys the problem makes unusable (their cells are not mapped)
    rows: tuple[str, ...] = ()
    #: for a table or row inconsistent under every reading of its layout: the rule
    #: code of the identity that fails (A303–A306), which reports it as an error
    rule: str = ""


@dataclass
class Grid:
    """A national table mapped onto its template.

    ``name``: ``t2``, ``t3`` or ``t4``. ``layout``: ``2019`` or ``2021`` (which
    template the labels follow). ``rows`` / ``columns`` list the template keys
    in order (table 二 has different columns per row: :meth:`columns_of`).
    Rows that the report lacks, or whose cells could not be read, have no
    cells; :meth:`value` returns None for them.
    """

    name: str
    layout: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    span: Span
    cells: dict[tuple[str, str], CellValue] = field(default_factory=dict)
    #: row key → span of the source row (label and values)
    row_spans: dict[str, Span] = field(default_factory=dict)
    #: row key → the label text as written
    row_labels: dict[str, str] = field(default_factory=dict)
    row_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    problems: list[ShapeProblem] = field(default_factory=list)
    #: rows whose layout lost cells (a crawler copy that merged equal adjacent cells):
    #: ``lost`` — cells left unmapped because several readings remain (not checkable);
    #: ``broken`` — rows (or a glued table) inconsistent under every reading the layout
    #: allows, reported by the failing identity's rule (``ShapeProblem.rule``)
    lost: list[ShapeProblem] = field(default_factory=list)
    broken: list[ShapeProblem] = field(default_factory=list)
    #: read from a crawler copy's glued digits (the only split the identities admit)
    glued: bool = False
    #: row key → the text before the row's digits, where :attr:`row_labels` holds the
    #: template's label (glued copies)
    written: dict[str, str] = field(default_factory=dict)

    def value(self, row: str, col: str) -> CellValue | None:
        """The cell at ``row`` × ``col`` (keys as in the module docs), or None if unmapped."""
        return self.cells.get((row, col))

    def columns_of(self, row: str) -> tuple[str, ...]:
        return self.row_columns.get(row, self.columns)

    def row_keys(self) -> tuple[str, ...]:
        return self.rows
