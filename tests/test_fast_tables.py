"""The fast table readers and identity checks equal their plain reference versions.

The table facts (:mod:`gsilint.facts.tables`) are written for speed: identity
instances worked out once per table shape, glued digits cut once per row,
readings valued once per cell, memoised label matching. Each test here keeps
the obvious version as a reference and checks, on random input (hypothesis)
and on every report of the corpus and the fixtures, that the fast one gives
the same answer.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import FrozenInstanceError, dataclass
from decimal import Decimal
from functools import cache
from types import SimpleNamespace

import pytest
from conftest import CORPUS, FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st
from tables_helpers import T3_2021, build

from gsilint import document
from gsilint.config import Config
from gsilint.facts import Facts
from gsilint.facts import breakdowns as breakdowns_module
from gsilint.facts import tables as facts_tables
from gsilint.normalize import norm_label
from gsilint.parse import parse
from gsilint.positions import Span
from gsilint.sources import InputError, is_report_path, load_path
from gsilint.tables import glued, mapping, old_format, readings
from gsilint.tables.grid import CellValue, Grid
from gsilint.tables.identities import (
    Check,
    _applies,
    _instances,
    _involves,
    _printed,
    evaluate,
    fails,
    plan,
)
from gsilint.tables.spec import OLD, identities_of, old_table, table_format
from gsilint.tables.stream import (
    _PAGE_MARK,
    StreamRow,
    any_glued,
    is_page_marker,
    looks_glued,
    split_row,
    table_stream,
)
from gsilint.tables.values import VALUE_TEXT, is_value_text, read_cell, read_value

# -- the reports -------------------------------------------------------------------------


@cache
def _reports() -> tuple[Facts, ...]:
    """Every report of the shared corpus and of the test fixtures, parsed."""
    out = []
    for folder in (CORPUS, FIXTURES / "real", FIXTURES / "seeds", FIXTURES / "html"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or not is_report_path(path) or path.name.startswith("README"):
                continue
            try:
                source = load_path(str(path))
            except InputError:
                continue
            out.append(Facts(parse(source.text), Config(), source.path))
    return tuple(out)


def _grids() -> list[Grid]:
    return [g for f in _reports() for g in f.table_grids.values() if g is not None]


def test_the_corpus_is_there():
    assert len(_reports()) > 30
    assert len(_grids()) > 30


# -- identity checks ---------------------------------------------------------------------


def _checks_reference(grid: Grid, rows: set[str] | None = None):
    """The identity instances as first written: every spec walked for every grid."""
    get = grid.cells.get
    for spec in identities_of(grid.name, grid.layout):
        if not _applies(spec, grid):
            continue
        for inst, lhs, rhs, at in _instances(spec, grid):
            if rows is not None and not _involves(spec, inst, grid, frozenset(rows)):
                continue
            if spec.printed_only:
                lhs, rhs = _printed(lhs, grid), _printed(rhs, grid)
                if not lhs or not rhs:
                    continue
            chk = Check(spec, inst, lhs, rhs, at)
            cells = [get(k) for k in chk.operands]
            if any(c is None or (c.reported and not c.usable) for c in cells):
                chk.status = "skipped"
            else:
                chk.not_reported = [k for k, c in zip(chk.operands, cells) if not c.reported]
                if chk.not_reported:
                    chk.status = "not_evaluable"
                else:
                    n = len(lhs)
                    chk.lhs_sum = sum(c.value for c in cells[:n])
                    chk.rhs_sum = sum(c.value for c in cells[n:])
                    holds = (
                        chk.lhs_sum >= chk.rhs_sum
                        if spec.relation == "ge"
                        else chk.lhs_sum == chk.rhs_sum
                    )
                    chk.status = "ok" if holds else "fail"
            yield chk


def _any_fails_reference(grid: Grid, rows: set[str]) -> bool:
    return any(c.status == "fail" for c in _checks_reference(grid, rows))


def _shape(name: str, layout: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The row and column keys of a table."""
    if name == OLD:
        spec = old_table(layout).table
    else:
        spec = getattr(table_format(layout), name)
    return tuple(r.key for r in spec.rows), tuple(c.key for c in spec.columns)


_TABLES = [("t3", "2019"), ("t3", "2021"), ("t4", "2019"), ("t4", "2021"), (OLD, "2008")]

_CELLS = st.one_of(
    st.none(),
    st.builds(
        lambda v: CellValue(v, Span(0, 1), True, str(v)), st.integers(min_value=0, max_value=30)
    ),
    st.just(CellValue(None, Span(0, 0), False, "")),  # not reported
    st.just(CellValue(None, Span(0, 1), True, "若干", "not_number")),  # invalid
    st.just(CellValue(None, Span(0, 1), True, "?")),  # reported, no value, no problem named
    st.builds(  # an amount (万元)
        lambda v: CellValue(Decimal(v) / 4, Span(0, 1), True, str(Decimal(v) / 4)),
        st.integers(min_value=0, max_value=40),
    ),
)


@st.composite
def _random_grids(draw) -> Grid:
    """A grid of a random table: random printed rows, random cells (absent, zero to 30,
    not reported, invalid); small values so that many identities hold."""
    name, layout = draw(st.sampled_from(_TABLES))
    rows, cols = _shape(name, layout)
    if name == OLD:
        cols = cols[: draw(st.integers(min_value=1, max_value=2))]
    grid = Grid(name, layout, rows, cols, Span(0, 1))
    for r in rows:
        if draw(st.booleans()) or draw(st.booleans()):
            grid.row_spans[r] = Span(0, 1)
    for r in grid.row_spans:
        for c in cols:
            cell = draw(_CELLS)
            if cell is not None:
                grid.cells[(r, c)] = cell
    return grid


@settings(max_examples=300, deadline=None)
@given(_random_grids(), st.data())
def test_identity_checks_equal_the_reference_on_random_grids(grid, data):
    assert evaluate(grid) == list(_checks_reference(grid))
    rows = set(data.draw(st.lists(st.sampled_from(grid.rows), max_size=4)))
    assert fails(plan(grid, rows), grid.cells) == _any_fails_reference(grid, rows)


def test_identity_checks_equal_the_reference_on_the_corpus():
    for grid in _grids():
        assert evaluate(grid) == list(_checks_reference(grid)), grid.name


# -- glued digits of the old statistics table --------------------------------------------


def _split_glued_reference(grid: Grid, glued, cols_of, ncols: int) -> None:
    """Old ``_split_glued`` as first written: a fresh trial grid per combination of cuts."""
    options = {}
    unsplit = []
    for key, (_row, cell) in glued.items():
        cuts = old_format._splits(cell, ncols)
        if cuts:
            options[key] = cuts
        else:
            unsplit.append(key)
    if unsplit:
        grid.lost.append(old_format._glued_lost(glued, unsplit, "无法拆分为合法的数"))
    fixed = {k: v[0] for k, v in options.items() if len(v) == 1}
    open_ = {k: v for k, v in options.items() if len(v) > 1}
    total = 1
    for v in open_.values():
        total *= len(v)

    def place(target: Grid, choice: dict) -> None:
        for key, cells in choice.items():
            cols = cols_of(old_format._spec_row(key))[:ncols]
            for col, c in zip(cols, cells):
                target.cells[(key, col.key)] = old_format._cell(col, c)

    place(grid, fixed)
    if not open_:
        return
    kept: list[dict] = []
    if total <= old_format._MAX_READINGS:
        keys = list(open_)
        involved = set(keys)
        for combo in itertools.product(*(open_[k] for k in keys)):
            trial = Grid(grid.name, grid.layout, grid.rows, grid.columns, grid.span)
            trial.row_spans = grid.row_spans
            trial.cells = dict(grid.cells)
            place(trial, dict(zip(keys, combo)))
            if not _any_fails_reference(trial, involved):
                kept.append(dict(zip(keys, combo)))
    unknown = []
    for key in open_:
        texts = {tuple(c.text for c in k[key]) for k in kept}
        if len(texts) == 1:
            place(grid, {key: kept[0][key]})
        else:
            unknown.append(key)
    if unknown:
        why = (
            f"有 {len({tuple(tuple(c.text for c in v) for v in k.values()) for k in kept})} "
            "种拆分都满足勾稽关系"
            if kept
            else "没有一种拆分满足勾稽关系"
            if total <= old_format._MAX_READINGS
            else f"可能的拆分太多（{total} 种组合）"
        )
        grid.lost.append(old_format._glued_lost(glued, unknown, why))


def _old_row(key: str, digits: str, at: int):
    """A glued row of the old table: its stream row and the cell of its digits."""
    label = document.Cell(key, Span(at, at + 1))
    cell = document.Cell(digits, Span(at + 1, at + 1 + len(digits)))
    return old_format._row([label], [cell], "glued"), cell


_DIGIT_RUNS = st.one_of(
    st.integers(min_value=0, max_value=99_999).map(str),
    st.text("0123456789", min_size=1, max_size=6),
    st.sampled_from(["11", "12", "22", "23", "36", "112", "1020", "0", "00"]),
)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_glued_old_rows_are_cut_as_the_reference_cuts_them(data):
    table = old_table().table
    keys = [r.key for r in table.rows]
    # random rows, or a row and its breakdown (so that the identities choose among the cuts)
    parents = sorted({r.parent for r in table.rows if r.parent})
    family = st.sampled_from(parents).map(
        lambda p: [p] + [r.key for r in table.rows if r.parent == p][:5]
    )
    some = st.lists(st.sampled_from(keys), min_size=1, max_size=7, unique=True)
    chosen = data.draw(st.one_of(family, some))
    ncols = data.draw(st.sampled_from([1, 2]))
    grid = Grid(OLD, "2008", tuple(keys), ("year", "cumulative")[:ncols], Span(0, 1))
    glued = {}
    for i, key in enumerate(chosen):
        grid.row_spans[key] = Span(10 * i, 10 * i + 9)
        glued[key] = _old_row(key, data.draw(_DIGIT_RUNS), 10 * i)
    expected = copy.deepcopy(grid)
    _split_glued_reference(expected, glued, table.cols_of, ncols)
    old_format._split_glued(grid, glued, table.cols_of, ncols)
    assert grid.cells == expected.cells
    assert grid.lost == expected.lost


def test_glued_old_tables_of_the_corpus_are_cut_as_the_reference_cuts_them(monkeypatch):
    fast = [f.table_grids["old"] for f in _reports()]
    monkeypatch.setattr(old_format, "_split_glued", _split_glued_reference)
    slow = [
        old_format.map_old(table_stream(f.doc), f.doc) if f.template.id == "2008" else None
        for f in _reports()
    ]
    assert any(g is not None and g.lost for g in fast)
    assert [_grid_state(g) for g in fast] == [_grid_state(g) for g in slow]


def _grid_state(grid: Grid | None):
    if grid is None:
        return None
    return (
        grid.name,
        grid.layout,
        grid.cells,
        grid.row_spans,
        grid.row_labels,
        grid.problems,
        grid.lost,
        grid.broken,
        grid.span,
        grid.glued,
    )


# -- collapsed rows of one-cell-per-line copies ------------------------------------------


def _read_collapsed_reference(cells, cols, identities):
    options = [[cells[i] for i in reading] for reading in readings._runs(len(cells), len(cols))]
    return readings._choose(options, cols, identities)


_ROW_TABLES = [
    (table_format("2021").t3.columns, readings.row_identities(table_format("2021"), "t3")),
    (table_format("2019").t4.columns, readings.row_identities(table_format("2019"), "t4")),
    (old_table().table.columns, [i for i in old_table().identities if i.each == "row"]),
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_ROW_TABLES),
    st.lists(st.sampled_from(["0", "1", "2", "3", "5", "8", "/", "-", "若干"]), min_size=1),
    st.integers(min_value=0, max_value=1000),
)
def test_collapsed_rows_are_read_as_the_reference_reads_them(table, texts, at):
    cols, identities = table
    if len(texts) >= len(cols):
        texts = texts[: len(cols) - 1]
    # twice, at different places: the second answer comes from the memo, with these cells
    for start in (at, at + 7):
        cells = [
            document.Cell(t, Span(start + 2 * i, start + 2 * i + 1)) for i, t in enumerate(texts)
        ]
        got = readings.read_collapsed(cells, cols, identities)
        want = _read_collapsed_reference(cells, cols, identities)
        assert got == want
        assert all(got.known[j] is want.known[j] for j in want.known)


# -- table 三's layout and the glued tables of the row stream ----------------------------


def _t3_layout_reference(stream, region, default):
    rows = stream[region[0] : region[1]]
    if any(any(k in r.key for k in mapping._SIX_2021) for r in rows):
        return "2021"
    if any(r.is_data and any(m in r.key for m in mapping._OTHER_2019) for r in rows):
        return "2019"
    return default


def test_table_three_layout_and_cell_keys_equal_the_reference_on_the_corpus():
    seen = 0
    for f in _reports():
        stream = table_stream(f.doc)
        for r in stream:
            want = []
            for c in r.labels:
                t = norm_label(c.text)
                want += [t, mapping._strip_enum(t)]
            assert mapping._cell_keys(r) == tuple(want)
        for default in ("2019", "2021"):
            for region in ((0, len(stream)), (len(stream) // 3, len(stream))):
                got = mapping.t3_layout(stream, region, default)
                assert got == _t3_layout_reference(stream, region, default)
                seen += got != default
    assert seen


def test_tables_with_glued_rows_are_found_in_the_row_stream_on_the_corpus():
    found = 0
    for f in _reports():
        stream = table_stream(f.doc)
        fast = {r.table for r in stream if looks_glued(r)}
        slow = {
            n
            for n, t in enumerate(f.doc.tables())
            if any(looks_glued(split_row(r, t.kind)) for r in t.rows)
        }
        assert fast == slow
        found += len(fast)
    assert found


# -- glued crawler tables 三/四 ----------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 \u00a0.、一", max_size=60))
def test_digit_counts_of_glued_runs_equal_counting_each_digit(text):
    for a, b in glued._runs(text):
        assert glued._digits(text[a:b]) == sum(ch.isdigit() for ch in text[a:b])


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="0123456789", min_size=1, max_size=12),
    st.sampled_from([(6,), (4, 4, 4)]),
)
def test_remembered_group_splits_equal_a_fresh_search(run, groups):
    fresh = glued._group_splits.__wrapped__(run, groups)
    assert glued._group_splits(run, groups) == fresh
    assert glued._group_splits(run, groups) == fresh  # from the memo


# -- an announced statistics table -------------------------------------------------------


_ANNOUNCING = st.lists(
    st.sampled_from(
        [
            "统计表",
            "附表",
            "见",
            "政府信息公开情况",
            "，",
            "。",
            " ",
            "\n",
            "附件1：",
            "七、",
            "表",
            "统计",
            "附",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_ANNOUNCING)
def test_the_announced_table_is_found_where_a_whole_text_search_finds_it(text):
    want = facts_tables._ANNOUNCED.search(text)
    got = facts_tables._announced(text)
    assert (got and got.span()) == (want and want.span())


def test_the_announced_table_is_found_where_a_whole_text_search_finds_it_on_the_corpus():
    for f in _reports():
        want = facts_tables._ANNOUNCED.search(f.doc.simplified)
        got = facts_tables._announced(f.doc.simplified)
        assert (got and got.span()) == (want and want.span())


# -- the row stream -----------------------------------------------------------------------


def _split_row_reference(row: document.Row, kind: str, table: int = 0) -> StreamRow:
    """``split_row`` as first written: every cell tested, left to right."""
    cells = row.cells
    last = -1
    blank = [not c.text or c.text.isspace() for c in cells]
    for i, c in enumerate(cells):
        if not blank[i] and not is_value_text(c.text):
            last = i
    labels = [c for i, c in enumerate(cells[: last + 1]) if not blank[i]]
    start = last + 1
    while start < len(cells) and blank[start]:
        start += 1
    values = cells[start:]
    key = norm_label("".join(c.text for c in labels)) if labels else ""
    return StreamRow(
        labels,
        values,
        row.span,
        kind,
        key,
        start < len(cells),
        start,
        tuple(cells[last + 1 :]),
        table,
        len(cells),
    )


_CELL_TEXTS = st.sampled_from(
    [
        "",
        " ",
        "\u3000",
        "0",
        "12",
        "-",
        "/",
        "—",
        "无",
        "-5",
        "3.5",
        "１２",
        "件",
        "（一）予以公开",
        "合计 ",
        " 7 ",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_CELL_TEXTS, max_size=10), st.sampled_from(["tab", "lines", "space"]))
def test_rows_are_split_as_the_reference_splits_them(texts, kind):
    cells = [document.Cell(t, Span(i, i + 1)) for i, t in enumerate(texts)]
    row = document.Row(cells, Span(0, len(texts)))
    assert split_row(row, kind, 3) == _split_row_reference(row, kind, 3)


def test_rows_are_split_as_the_reference_splits_them_on_the_corpus():
    for f in _reports():
        for n, table in enumerate(f.doc.tables()):
            for row in table.rows:
                assert split_row(row, table.kind, n) == _split_row_reference(row, table.kind, n)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["-", "—", "4", "12", "第", "页", "共", "/", " ", "件", "0"]), max_size=6
    )
)
def test_page_markers_are_found_as_the_reference_finds_them(texts):
    cells = [document.Cell(t, Span(i, i + 1)) for i, t in enumerate(texts)]
    row = split_row(document.Row(cells, Span(0, len(texts))), "lines")
    parts = row.labels + row.values
    want = len(parts) <= 3 and bool(_PAGE_MARK.match(norm_label("".join(c.text for c in parts))))
    assert is_page_marker(row) == want


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(
        st.text(max_size=8),
        st.lists(st.sampled_from(list("+-－0１9９.．%/／—–\\无 \u3000a件（一）")), max_size=6).map(
            "".join
        ),
    )
)
def test_value_texts_are_told_as_the_value_pattern_tells_them(text):
    s = text.strip()
    want = text.isdigit() or not s or bool(VALUE_TEXT.match(s))
    assert is_value_text(text) == want


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(list("+-－0１9.．%/／—无 若干")), max_size=6).map("".join),
    st.sampled_from(["count", "signed", "amount"]),
)
def test_remembered_cell_readings_equal_a_fresh_reading(text, kind):
    want = (*read_value(text, kind), text.strip())
    assert read_cell(text, kind) == want
    assert read_cell(text, kind) == want  # from the memo


def _holds_t3_reference(ident, idx: dict, vals, ncols: int) -> bool:
    for c in range(ncols):
        if sum(vals[idx[k]][c] for k in ident.lhs) != sum(vals[idx[k]][c] for k in ident.rhs):
            return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_column_identities_of_glued_tables_hold_as_column_by_column(data):
    fmt = table_format(data.draw(st.sampled_from(["2019", "2021"])))
    keys = [r.key for r in fmt.t3.rows]
    idx = {k: i for i, k in enumerate(keys)}
    ncols = len(fmt.t3.columns)
    small = st.integers(min_value=0, max_value=2)
    vals = [data.draw(st.lists(small, min_size=ncols, max_size=ncols)) for _ in keys]
    for ident in fmt.identities:
        if ident.table == "t3" and ident.each == "column":
            want = _holds_t3_reference(ident, idx, vals, ncols)
            assert glued._holds_t3(ident, idx, vals, ncols) == want


def _split_t3_reference(doc_text: str, simplified: str, span: Span, default_layout: str):
    """``split_t3`` as first written: each reading's numbers read again for every combination."""
    text = doc_text[span.start : span.end]
    simple = norm_label(simplified[span.start : span.end])
    layout = (
        "2021"
        if any(k in simple for k in table_format("2021").t3.format_labels)
        else ("2019" if any(m in simple for m in glued._OTHER_2019) else default_layout)
    )
    fmt = table_format(layout)
    spec = fmt.t3
    n = len(spec.columns)
    runs = [r for r in glued._runs(text) if glued._digits(text[r[0] : r[1]]) >= n]
    if len(runs) != len(spec.rows):
        return None
    prev = 0
    written = {}
    for (a, b), row in zip(runs, spec.rows):
        raw = simplified[span.start + prev : span.start + a]
        label = norm_label(raw)
        if (
            not any(m in label for m in row.match)
            and not any(e in label for e in row.exact)
            and glued.match_label(glued.last_label(raw), (row.label,)) is None  # misspelt
        ):
            return None
        written[row.key] = raw.strip()
        prev = b
    keys = [r.key for r in spec.rows]
    grid = Grid("t3", layout, tuple(keys), tuple(c.key for c in spec.columns), span)
    grid.written = written
    cands = []
    for (a, b), key in zip(runs, keys):
        c = glued._group_splits(text[a:b], (n - 1,))
        if c is None:
            return None  # too many readings to be sure of any
        if not c:  # no reading of the row adds up to its total
            row_sum = next(i for i in fmt.identities if i.table == "t3" and i.each == "row")
            glued._broken(grid, span, Span(span.start + a, span.start + b), key, row_sum, text[a:b])
        cands.append([tuple((a + x, a + y) for x, y in cells) for cells in c])
    if grid.broken:
        return grid
    total = 1
    for c in cands:
        total *= len(c)
    if total > glued._MAX_COMBOS:
        return None
    idx = {k: i for i, k in enumerate(keys)}
    columnwise = [i for i in fmt.identities if i.table == "t3" and i.each == "column"]
    somewhere = set()  # identities that hold under some reading
    solutions = []
    for combo in itertools.product(*cands):
        vals = [[int(text[x:y]) for x, y in cells] for cells in combo]
        held = [i.id for i in columnwise if _holds_t3_reference(i, idx, vals, len(spec.columns))]
        somewhere.update(held)
        if len(held) == len(columnwise):
            solutions.append(combo)
            if len(solutions) > 1:
                return None
    if not solutions:  # inconsistent under every reading of the digits
        failing = [i for i in columnwise if i.id not in somewhere]
        jointly = not failing
        failing = failing or columnwise
        glued._broken(grid, span, span, None, failing[0], "", total, tuple(failing), jointly)
        return grid
    for key, (a, b), cells in zip(keys, runs, solutions[0]):
        grid.row_spans[key] = Span(span.start + a, span.start + b)
        grid.row_labels[key] = spec.row(key).label
        for col, (x, y) in zip(spec.columns, cells):
            grid.cells[(key, col.key)] = CellValue(
                int(text[x:y]), Span(span.start + x, span.start + y), True, text[x:y]
            )
    grid.glued = True
    return grid


def _glued_spans():
    """Where each report of the corpus has a glued table 三 (as _read_glued reads it)."""
    out = []
    for f in _reports():
        g = f.table_grids["t3"]
        if g is not None and g.glued:
            out.append((f.doc, g.span))
    return out


def test_glued_tables_three_of_the_corpus_are_split_as_the_reference_splits_them():
    spans = _glued_spans()
    assert spans
    for doc, span in spans:
        for layout in ("2019", "2021"):
            got = glued.split_t3(doc.text, doc.simplified, span, layout)
            want = _split_t3_reference(doc.text, doc.simplified, span, layout)
            assert _grid_state(got) == _grid_state(want)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=0, max_value=10_000),
    st.sampled_from([k for k, _ in T3_2021]),
    st.text("0123456789", min_size=7, max_size=12),
    st.booleans(),
)
def test_glued_tables_three_are_split_as_the_reference_splits_them(seed, row, digits, change):
    """A crawler's table 三 (cells run together), consistent or with one row's digits
    replaced (several splits, or none, may then add up)."""
    b = build(2023, "2021", "tab", seed=seed)
    text = "".join(
        label + (digits if change and key == row else "".join(str(v) for v in b.t3[key]))
        for key, label in T3_2021
    )
    doc = parse(text)
    span = Span(0, len(doc.text))
    for layout in ("2019", "2021"):
        got = glued.split_t3(doc.text, doc.simplified, span, layout)
        want = _split_t3_reference(doc.text, doc.simplified, span, layout)
        assert _grid_state(got) == _grid_state(want)


# -- table specs ---------------------------------------------------------------------------


def test_rows_of_a_table_spec_are_found_by_key_as_a_scan_finds_them():
    specs = [old_table().table] + [
        getattr(table_format(fmt), name) for fmt in ("2019", "2021") for name in ("t2", "t3", "t4")
    ]
    for spec in specs:
        for key in [r.key for r in spec.rows] + ["t3.nothing", ""]:
            assert spec.row(key) is next((r for r in spec.rows if r.key == key), None)


# -- grid cells ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _CellReference:
    """CellValue as a plain frozen dataclass (its own generated ``__init__``)."""

    value: object
    span: Span
    reported: bool
    text: str = ""
    problem: str | None = None


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.none(), st.integers(), st.decimals(allow_nan=False)),
    st.integers(min_value=0, max_value=100),
    st.booleans(),
    st.text(max_size=4),
    st.sampled_from([None, "negative", "not_number"]),
)
def test_grid_cells_are_made_as_a_frozen_dataclass_makes_them(value, at, reported, text, problem):
    span = Span(at, at + 1)
    got = CellValue(value, span, reported, text, problem)
    want = _CellReference(value, span, reported, text, problem)
    fields = ("value", "span", "reported", "text", "problem")
    assert [getattr(got, f) for f in fields] == [getattr(want, f) for f in fields]
    assert got == CellValue(value, span, reported, text, problem)
    assert hash(got) == hash(CellValue(value, span, reported, text, problem))
    assert repr(got) == repr(want).replace("_CellReference", "CellValue")
    short = CellValue(value, span, reported)
    assert (short.text, short.problem) == ("", None)
    with pytest.raises(FrozenInstanceError):
        got.value = 1  # type: ignore[misc]


_KEY_PARTS = st.sampled_from(
    ["数量", "二、", "1234567", "123", "000", "件", "万元", ".", "%", "/", "a"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(_KEY_PARTS, max_size=5).map("".join), max_size=6))
def test_glued_rows_are_found_in_joined_keys_as_row_by_row(keys):
    rows = [StreamRow([], [], Span(0, 1), "lines", norm_label(k)) for k in keys]
    assert any_glued(rows) == any(looks_glued(r) for r in rows)


def test_glued_rows_are_found_in_joined_keys_as_row_by_row_on_the_corpus():
    for f in _reports():
        stream = table_stream(f.doc)
        assert all("\n" not in r.key for r in stream)
        for i in range(0, len(stream), 7):
            part = stream[i : i + 20]
            assert any_glued(part) == any(looks_glued(r) for r in part)


def _find_regions_reference(stream):
    t3 = t4 = t2 = None
    for i, r in enumerate(stream):
        k = r.key
        if t3 is None and (
            any(a in k for a in mapping._T3_ANCHOR) or (r.is_data and "本年新收" in k)
        ):
            t3 = i
        if (
            t4 is None
            and not r.is_data
            and any(a in k for a in mapping._T4_ANCHOR)
            and (t3 is None or i > t3)
        ):
            t4 = i
        if t2 is None and (any(k.startswith(a) or a in k[:12] for a in mapping._T2_ANCHOR)):
            t2 = i
    end = len(stream)
    t3_reg = (t3, t4 if t4 is not None and t4 > t3 else end) if t3 is not None else None
    t2_reg = None
    if t2 is not None:
        t2_end = (
            min(x for x in (t3, t4, end) if x is not None and x > t2)
            if any(x is not None and x > t2 for x in (t3, t4))
            else end
        )
        t2_reg = (t2, t2_end)
    return mapping.Regions(t2_reg, t3_reg, t4)


_ANCHOR_KEYS = st.sampled_from(
    [
        "勾稽关系",
        "申请人情况",
        "行政复议",
        "结果维持",
        "第二十条",
        "信息内容",
        "本年新收",
        "其他",
        "x" * 13,
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.lists(_ANCHOR_KEYS, max_size=3).map("".join), st.booleans())))
def test_table_regions_are_found_as_the_reference_finds_them(rows):
    stream = [StreamRow([], [], Span(0, 1), "tab", k, data) for k, data in rows]
    assert mapping.find_regions(stream) == _find_regions_reference(stream)


def test_table_regions_are_found_as_the_reference_finds_them_on_the_corpus():
    for f in _reports():
        stream = table_stream(f.doc)
        assert mapping.find_regions(stream) == _find_regions_reference(stream)


def test_row_identities_are_those_a_scan_of_the_format_picks():
    for fmt_id in ("2019", "2021"):
        fmt = table_format(fmt_id)
        for table in ("t2", "t3", "t4"):
            want = [i for i in fmt.identities if i.table == table and i.each in ("row", "none")]
            assert list(readings.row_identities(fmt, table)) == want
            assert readings.row_identities(fmt, table) is readings.row_identities(fmt, table)


# -- the old statistics table inside a paragraph -------------------------------------------


def _token_rows_reference(text: str, base: int):
    """Every token read into rows, then the rows cut before the first that is prose."""
    rows = []
    labels: list = []
    values: list = []
    for t in old_format._TOKEN.finditer(text):
        cell = document.Cell(t.group(), Span(base + t.start(), base + t.end()))
        if old_format._is_value(cell.text):
            values.append(cell)
            continue
        if values:
            rows.append(old_format._row(labels, values))
            labels, values = [], []
        labels.append(cell)
    if labels or values:
        rows.append(old_format._row(labels, values))
    for i, r in enumerate(rows):
        if old_format._SENTENCE.search(r.label_text):
            return rows[:i]
    return rows


_TOKENS = st.sampled_from(
    [
        "主动公开信息数",
        "条",
        "12",
        "0",
        "/",
        "历年累计",
        "其中：",
        "1.网站公开",
        "。",
        "本年，我局",
        "，",
        "件",
        "3",
    ]
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_TOKENS, max_size=14), st.lists(st.sampled_from([" ", "  ", "\n", ""]), max_size=14)
)
def test_paragraph_rows_stop_at_prose_as_the_reference_cuts_them(tokens, gaps):
    text = "".join(t + (gaps[i] if i < len(gaps) else " ") for i, t in enumerate(tokens))
    assert old_format._token_rows(text, 5) == _token_rows_reference(text, 5)


def test_paragraph_rows_stop_at_prose_as_the_reference_cuts_them_on_the_corpus():
    seen = 0
    for f in _reports():
        for text, base in old_format._table_paragraphs(f.doc):
            assert old_format._token_rows(text, base) == _token_rows_reference(text, base)
            seen += 1
    assert seen


# -- old-table row candidates --------------------------------------------------------------


def _candidates_reference(key: str, rows) -> list:
    """Row by row: each row's longest fragment found in the label; the rows whose is longest."""
    best: list = []
    size = 0
    for rs in rows:
        n = max((len(m) for m in rs.match if m in key), default=0)
        if n and n > size:
            best, size = [rs], n
        elif n and n == size:
            best.append(rs)
    return best


_OLD_FRAGMENTS = sorted({m for rs in old_table().table.rows for m in rs.match})


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_OLD_FRAGMENTS), st.text(alphabet="总数其中申请答复件条", max_size=3)
        ),
        max_size=4,
    )
)
def test_old_table_candidates_equal_the_row_by_row_reference(parts):
    rows = old_table().table.rows
    key = "".join(parts)
    assert old_format._candidates(key, rows) == _candidates_reference(key, rows)


def test_old_table_candidates_equal_the_row_by_row_reference_on_the_corpus():
    rows = old_table().table.rows
    for f in _reports():
        for r in table_stream(f.doc):
            for key in (r.key, r.key[: len(r.key) // 2]):
                assert old_format._candidates(key, rows) == _candidates_reference(key, rows)


def _table_stream_reference(doc) -> list[StreamRow]:
    """Every row split by ``split_row``; empty rows and page markers dropped."""
    out = []
    for n, table in enumerate(doc.tables()):
        if table.glued:
            continue
        for row in table.rows:
            sr = split_row(row, table.kind, n)
            parts = sr.labels + sr.values
            marker = len(parts) <= 3 and bool(
                _PAGE_MARK.match(norm_label("".join(c.text for c in parts)))
            )
            if (sr.labels or sr.is_data) and not marker:
                out.append(sr)
    return out


class _Doc:
    """What ``table_stream`` reads of a document: its tables."""

    def __init__(self, tables):
        self._tables = tables

    def tables(self):
        return iter(self._tables)


_STREAM_TEXTS = st.sampled_from(
    ["", " ", "0", "12", "-", "/", "—", "无", "- 4 -", "—6—", "第3页", "第 3 页", "1/5", "①"]
    + ["件", "（一）予以公开", "页", "第", "共2页", "第1页共2页", "-12-", "3/"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["lines", "tab", "pipe"]),
            st.booleans(),
            st.lists(st.lists(_STREAM_TEXTS, min_size=1, max_size=4), max_size=8),
        ),
        max_size=3,
    )
)
def test_the_row_stream_equals_the_reference_stream(tables):
    doc = _Doc(
        [
            SimpleNamespace(
                kind=kind,
                glued=is_glued,
                rows=[
                    document.Row(
                        [document.Cell(t, Span(i, i + 1)) for i, t in enumerate(texts)],
                        Span(0, len(texts)),
                    )
                    for texts in rows
                ],
            )
            for kind, is_glued, rows in tables
        ]
    )
    assert table_stream(doc) == _table_stream_reference(doc)


def test_the_row_stream_equals_the_reference_stream_on_the_corpus():
    for f in _reports():
        assert table_stream(f.doc) == _table_stream_reference(f.doc)


# -- breakdowns ---------------------------------------------------------------------------


def _breakdowns_reference(f: Facts) -> list:
    """``breakdowns`` with every sentence tried, whether it holds quantities or not."""
    text = f.numeric_text
    sents = f.sentences
    out: list = []
    skip_to = skip_to_prev = -1
    for k, sent in enumerate(sents):
        prev = (
            sents[k - 1]
            if k
            and sents[k - 1].paragraph == sent.paragraph
            and sents[k - 1].span.end == sent.span.start
            else None
        )
        found = breakdowns_module._marked(sent, prev, text)
        if not found and prev is not None:
            tb = breakdowns_module._topic_list(sent, prev, text)
            if tb is not None:
                found.append(tb)
        if not found and text.find("主要", sent.span.start, sent.span.end) != -1:
            earlier = [s for s in sents[max(0, k - 6) : k] if sent.paragraph - s.paragraph <= 2]
            mc = breakdowns_module._main_categories(sent, earlier, text)
            if mc is not None:
                found.append(mc)
        if not found:
            sl = breakdowns_module._share_list(sent, prev)
            if sl is not None:
                found.append(sl)
        if found and found[-1].kind in ("其中", "涉及", "包括", "topic"):
            found[-1], last = breakdowns_module._continued(found[-1], k, sents, text)
            skip_to = max(skip_to, last)
        if k <= skip_to_prev:
            found = [b for b in found if b.kind != "shares"]
        skip_to_prev = skip_to
        out.extend(found)
    return out


_PROSE = st.sampled_from(
    [
        "本年度主动公开政府信息1331条",
        "（其中县直812条，乡镇519条）",
        "其中，",
        "县直单位公开812条，占61%",
        "各乡镇公开519条，占39%",
        "主动公开的政府信息，",
        "主要类别为",
        "规范性文件12件",
        "其他7件",
        "。",
        "。\n\n",
        "，",
        "分别为",
        "受理申请20件，办结18件",
        "工作稳步推进",
        "涉及",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PROSE, max_size=14))
def test_breakdowns_equal_the_every_sentence_reference(parts):
    text = "一、总体情况\n\n" + "".join(parts) + "\n"
    f = Facts(parse(text), Config(), "r.txt")
    assert breakdowns_module.breakdowns(f) == _breakdowns_reference(f)


def test_breakdowns_equal_the_every_sentence_reference_on_the_corpus():
    for f in _reports():
        assert breakdowns_module.breakdowns(f) == _breakdowns_reference(f)
