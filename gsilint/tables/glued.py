"""Split the glued digit runs of crawler copies when the identities admit one split.

Crawler copies flatten a table into one line, the cells of a row running
together: "一、本年新收政府信息公开申请数量640020470二、上年结转…". The row
labels are the template's, so every digit run between two labels is one
row; a run is split into the row's cells (no number has a leading zero, a
space is always a boundary, the total is the sum of the other cells), and
the rows' candidate splits are combined under the column identities. Only a
table with exactly one consistent split is mapped — a table whose split is
ambiguous (or has too many readings to try) stays unread (E004) rather than
guessed. The identities then hold by construction: what the split buys is
the values themselves, for the text-vs-table checks. A table that *no*
split makes consistent is wrong however its digits are read: the grid has
no cells and ``broken`` names the failing identity — a row no split adds
up (A305; table 四: A306), or a column identity no combination of the
rows' splits satisfies (A304, A303) — and that rule reports it as an error.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from gsilint.normalize import norm_label
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.tables.grid import CellValue, Grid, ShapeProblem
from gsilint.tables.labels import holds_any, last_label, match_label
from gsilint.tables.spec import IdentitySpec, table_format

#: A digit run (spaces inside are boundaries); a trailing enumerator digit
#: ("2." of the next label) is cut.
_RUN = lazy(r"[0-9](?:[0-9 \u00a0]*[0-9])?")
_MAX_COMBOS = 50_000
_MAX_ROW_SPLITS = 200
#: Split attempts per row before the row counts as ambiguous (bounds the time on long digit runs).
_MAX_WORK = 5_000
#: The 2019 format prints （六）其他处理 as one row.
_OTHER_2019 = table_format("2019").t3.row("t3.results.other").match


@lru_cache(maxsize=4096)
def _group_splits(
    run: str, groups: tuple[int, ...]
) -> tuple[tuple[tuple[int, int], ...], ...] | None:
    """Every reading of ``run`` as consecutive groups, each ``k`` numbers followed by their sum.

    Table 三's row is one group of six (the applicant columns, then 总计);
    table 四's row is three groups of four. No number has a leading zero or
    more than seven digits, and a space inside the run is always a cell
    boundary. Cells are returned as (start, end) offsets in ``run``. An
    empty tuple when there is no reading; None when there are too many to be
    sure of them all. Remembered per run: the same rows ("0000000", an
    all-zero row) come back in copy after copy.
    """
    pos_of = [i for i, ch in enumerate(run) if ch.isdigit()]
    ds = "".join(run[i] for i in pos_of)
    n = len(ds)
    # the next forced boundary (a gap between two digits) at or after each digit
    nxt_gap = [n] * (n + 1)
    for j in range(n - 1, 0, -1):
        nxt_gap[j - 1] = j if pos_of[j] != pos_of[j - 1] + 1 else nxt_gap[j]
    need = [0] * (len(groups) + 1)  # fewest digits the groups from g on need
    for g in range(len(groups) - 1, -1, -1):
        need[g] = need[g + 1] + groups[g] + 1
    out: list = []
    work = [0]
    cap: int | None = None
    stop = n

    def rec(pos: int, g: int, k: int, acc: int, cells: list) -> None:
        work[0] += 1
        if work[0] > _MAX_WORK or len(out) > _MAX_ROW_SPLITS:
            return
        if g == len(groups):
            if pos == n:
                out.append(tuple(cells))
            return
        if n - pos < need[g] - k:
            return
        limit = min(nxt_gap[pos], pos + 7)
        if cap is not None:
            # the parts fill the digits before the total ([0, stop)), none longer
            # than it, summing to it
            width = n - stop
            left = groups[g] - k
            if acc > cap or not (left <= stop - pos <= left * width):
                return
            limit = min(limit, pos + width)
        if k == groups[g]:  # the group's total: exactly the sum, as written
            t = str(acc)
            end = pos + len(t)
            if end <= limit and ds[pos:end] == t:
                rec(end, g + 1, 0, 0, cells + [(pos, end)])
            return
        for end in range(pos + 1, limit + 1):
            rec(end, g, k + 1, acc + int(ds[pos:end]), cells + [(pos, end)])
            if ds[pos] == "0":
                break  # "0" only: no leading zeros

    cap = None
    if len(groups) == 1:
        # one group (table 三): the total is the run's last number, so the parts may not exceed it
        for d in range(1, min(7, n) + 1):
            if nxt_gap[n - d] < n or (d > 1 and ds[n - d] == "0"):
                continue
            cap, stop = int(ds[n - d :]), n - d
            rec(0, 0, 0, 0, [])
    else:
        rec(0, 0, 0, 0, [])
    if work[0] > _MAX_WORK or len(out) > _MAX_ROW_SPLITS:
        return None
    unique = dict.fromkeys(out)  # a reading may be found under two trial totals
    return tuple(tuple((pos_of[a], pos_of[b - 1] + 1) for a, b in cells) for cells in unique)


@lru_cache(maxsize=4096)
def _row_readings(run: str, groups: tuple[int, ...]) -> tuple | None:
    """:func:`_group_splits` of ``run``, each reading with its numbers:
    ``((cells, numbers), ...)``; None when there are too many readings."""
    splits = _group_splits(run, groups)
    if splits is None:
        return None
    return tuple((cells, tuple(int(run[x:y]) for x, y in cells)) for cells in splits)


def _runs(text: str) -> list[tuple[int, int]]:
    """Digit runs of a glued table, without the enumerator digit of a following label."""
    out = []
    for m in _RUN.finditer(text):
        a, b = m.start(), m.end()
        if b < len(text) and text[b] in ".．、" and b - a >= 2:
            b -= 1
            while b > a and text[b - 1] in " \u00a0":
                b -= 1
        out.append((a, b))
    return out


def _digits(run: str) -> int:
    """How many digits a run of :func:`_runs` holds (the rest are spaces)."""
    return len(run) - run.count(" ") - run.count("\u00a0")


def split_t3(doc_text: str, simplified: str, span: Span, default_layout: str) -> Grid | None:
    text = doc_text[span.start : span.end]
    simple = norm_label(simplified[span.start : span.end])
    layout = (
        "2021"
        if any(k in simple for k in table_format("2021").t3.format_labels)
        else ("2019" if any(m in simple for m in _OTHER_2019) else default_layout)
    )
    fmt = table_format(layout)
    spec = fmt.t3
    n = len(spec.columns)
    runs = [r for r in _runs(text) if _digits(text[r[0] : r[1]]) >= n]
    if len(runs) != len(spec.rows):
        return None
    prev = 0
    written = {}
    for (a, b), row in zip(runs, spec.rows):
        raw = simplified[span.start + prev : span.start + a]
        label = norm_label(raw)
        if (
            not holds_any(label, row.match)
            and not holds_any(label, row.exact)
            and match_label(last_label(raw), (row.label,)) is None  # misspelt
        ):
            return None
        written[row.key] = raw.strip()
        prev = b
    keys = [r.key for r in spec.rows]
    grid = Grid("t3", layout, tuple(keys), tuple(c.key for c in spec.columns), span)
    grid.written = written
    cands = []  # per row, its readings: cells (offsets in its run) and their numbers
    for (a, b), key in zip(runs, keys):
        c = _row_readings(text[a:b], (n - 1,))
        if c is None:
            return None  # too many readings to be sure of any
        if not c:  # no reading of the row adds up to its total
            row_sum = next(i for i in fmt.identities if i.table == "t3" and i.each == "row")
            _broken(grid, span, Span(span.start + a, span.start + b), key, row_sum, text[a:b])
        cands.append(c)
    if grid.broken:
        return grid
    total = 1
    for c in cands:
        total *= len(c)
    if total > _MAX_COMBOS:
        return None
    idx = {k: i for i, k in enumerate(keys)}
    columnwise = [i for i in fmt.identities if i.table == "t3" and i.each == "column"]
    somewhere = set()  # identities that hold under some reading
    solutions = []
    for combo in itertools.product(*cands):
        vals = [v for _, v in combo]
        held = [i.id for i in columnwise if _holds_t3(i, idx, vals, len(spec.columns))]
        somewhere.update(held)
        if len(held) == len(columnwise):
            solutions.append(combo)
            if len(solutions) > 1:
                return None
    if not solutions:  # inconsistent under every reading of the digits
        failing = [i for i in columnwise if i.id not in somewhere]
        jointly = not failing
        failing = failing or columnwise
        _broken(grid, span, span, None, failing[0], "", total, tuple(failing), jointly)
        return grid
    for row, (a, b), (cells, vals) in zip(spec.rows, runs, solutions[0]):
        grid.row_spans[row.key] = Span(span.start + a, span.start + b)
        grid.row_labels[row.key] = row.label
        at = span.start + a
        for col, (x, y), v in zip(spec.columns, cells, vals):
            grid.cells[(row.key, col.key)] = CellValue(
                v, Span(at + x, at + y), True, text[a + x : a + y]
            )
    grid.glued = True
    return grid


def _holds_t3(ident: IdentitySpec, idx: dict, vals, ncols: int) -> bool:
    """Whether a column identity of table 三 holds in every column (``vals``: each row's
    ``ncols`` numbers)."""
    lhs = _column_sums([vals[idx[k]] for k in ident.lhs], ncols)
    return lhs == _column_sums([vals[idx[k]] for k in ident.rhs], ncols)


def _column_sums(rows: list, ncols: int) -> list[int]:
    return [sum(column) for column in zip(*rows)] if rows else [0] * ncols


_NAMES = {"t3": ("表三", "table III"), "t4": ("表四", "table IV")}


def _broken(grid, span, where, key, ident, run, readings=0, idents=(), jointly=False) -> None:
    """Record that ``ident`` fails for every split of the glued digits (a row's, or the table's).

    ``jointly``: each of ``idents`` holds under some reading, but no reading
    satisfies them all.
    """
    zh_t, en_t = _NAMES[grid.name]
    idents = idents or (ident,)
    names_zh = "”“".join(i.name for i in idents)
    names_en = "', '".join(i.name_en for i in idents)
    fails_zh = "不能同时成立" if jointly else "都不成立"
    fails_en = "cannot all hold" if jointly else "does not hold"
    if key is not None:
        row = getattr(table_format(grid.layout), grid.name).row(key)
        label = row.quoted if row else key
        zh = (
            f"{zh_t}“{label}”一行的粘连数字“{run}”无论怎样拆分，“{names_zh}”{fails_zh}"
            "（每一种读法下都是错的）"
        )
        en = (
            f"{en_t} row '{label}': under every reading of the glued digits '{run}', "
            f"'{names_en}' {fails_en}"
        )
    else:
        zh = f"{zh_t}的粘连数字按行拆分的每一种读法（共 {readings} 种）下，“{names_zh}”{fails_zh}"
        en = (
            f"{en_t}: under every reading of its glued digits ({readings} in all), "
            f"'{names_en}' {fails_en}"
        )
    grid.broken.append(ShapeProblem(where, zh, en, (key,) if key else (), ident.rule))
    grid.glued = True


def split_t4(doc_text: str, span: Span, layout: str) -> Grid | None:
    text = doc_text[span.start : span.end]
    fmt = table_format(layout)
    spec = fmt.t4
    runs = _runs(text)
    if len(runs) != 1:
        return None
    a, b = runs[0]

    c = _group_splits(text[a:b], (4, 4, 4))
    key = spec.rows[0].key
    grid = Grid("t4", layout, (key,), tuple(col.key for col in spec.columns), span)
    if c is not None and not c and sum(ch.isdigit() for ch in text[a:b]) >= len(spec.columns):
        # no reading makes each group's total the sum of its results
        sums = [i for i in fmt.identities if i.table == "t4"]
        where = Span(span.start + a, span.start + b)
        _broken(grid, span, where, key, sums[0], text[a:b], idents=tuple(sums), jointly=True)
        return grid
    if c is None or len(c) != 1:
        return None
    grid.row_spans[key] = Span(span.start + a, span.start + b)
    grid.row_labels[key] = spec.rows[0].label
    for col, (x, y) in zip(spec.columns, c[0]):
        grid.cells[(key, col.key)] = CellValue(
            int(text[a + x : a + y]),
            Span(span.start + a + x, span.start + a + y),
            True,
            text[a + x : a + y],
        )
    grid.glued = True
    return grid
