"""Find tables 二/三/四 in the row stream and map them onto the template.

Rows are matched by label (normalised; any of a row's ``match`` fragments or
``exact`` cells) and by position only where the label is absent or
unrecognisable: table 三's rows come in a fixed order, so a data row whose
label says nothing is the next expected row. Label text on rows without
numbers (a wrapped label, a vertical group label, a label line above its
numbers) is carried to the next row with numbers.

A row of a one-cell-per-line copy (table kind ``lines``) with fewer numbers
than columns lost cells to the crawler, not to the author: it is read by
:mod:`gsilint.tables.readings` (the readings its identities allow), never
reported as a shape problem (S109).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from gsilint.normalize import norm_label
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.tables.grid import CellValue, Grid, ShapeProblem
from gsilint.tables.labels import holds_any, last_label, match_label
from gsilint.tables.readings import read_collapsed, read_split, row_identities
from gsilint.tables.spec import (
    ColSpec,
    FormatSpec,
    RowSpec,
    TableSpec,
    table_format,
    table_words,
)
from gsilint.tables.stream import CELL_KINDS, StreamRow, any_glued, dead_columns, looks_glued
from gsilint.tables.values import read_cell

_ENUM = lazy(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]?)+"
)
_T3_ANCHOR = table_words("t3", "anchors")
#: Group labels of table 三 that some reports print with subtotals of their rows.
_GROUPS = table_words("t3", "groups")
_T4_ANCHOR = table_words("t4", "anchors")
#: Words of table 四's header; a row made only of them is a header line.
_T4_HEADER = lazy("^(?:" + "|".join(table_words("t4", "header_words")) + "|[()（）])+$")
_T2_ANCHOR = table_words("t2", "anchors")
_SIX_2021 = tuple(norm_label(s) for s in table_format("2021").t3.format_labels)
_T2_2021 = tuple(norm_label(s) for s in table_format("2021").t2.format_labels)
_T2_2019 = tuple(norm_label(s) for s in table_format("2019").t2.format_labels)
#: The 2019 format prints （六）其他处理 as one data row.
_OTHER_2019 = table_format("2019").t3.row("t3.results.other").match


def _strip_enum(s: str) -> str:
    return _ENUM.sub("", s)


def _matches(spec: RowSpec, texts, joined: str) -> bool:
    """Whether a row's label identifies ``spec``; ``texts`` are its label cells,
    normalised and without numbering (see :func:`_cell_keys`)."""
    for m in spec.match:
        if m in joined:
            return True
    if spec.exact:
        for t in texts:
            if t in spec.exact:
                return True
    return False


def _first_match(specs: Sequence[RowSpec], start: int, stop: int, texts, joined: str) -> int | None:
    """The index of the first of ``specs[start:stop]`` that the label identifies
    (:func:`_matches`), else None."""
    for i in range(start, min(stop, len(specs))):
        if _matches(specs[i], texts, joined):
            return i
    return None


def _by_label(specs, r: StreamRow) -> RowSpec | None:
    """The one row of ``specs`` whose template label the row's label spells, perhaps
    misspelt (:mod:`gsilint.tables.labels`): a fallback where no fragment matches."""
    if not r.labels:
        return None
    m = match_label(last_label(r.label_text), [s.label for s in specs])
    return next((s for s in specs if s.label == m.label), None) if m else None


def _cell_keys(r: StreamRow) -> tuple[str, ...]:
    out: tuple[str, ...] = ()
    for c in r.labels:
        out += _cell_key(c.text)
    return out


@lru_cache(maxsize=8192)
def _cell_key(text: str) -> tuple[str, str]:
    """A label cell normalised, with and without its numbering."""
    t = norm_label(text)
    return t, _strip_enum(t)


@dataclass
class Regions:
    t2: tuple[int, int] | None
    t3: tuple[int, int] | None
    t4: int | None


def find_regions(stream: list[StreamRow]) -> Regions:
    t3 = t4 = t2 = None
    # a table whose anchors are nowhere in the keys (joined at line breaks, which no key
    # or anchor holds) is looked for in no row
    keys = "\n".join([r.key for r in stream])
    no_t3 = "本年新收" not in keys and not any(a in keys for a in _T3_ANCHOR)
    no_t4 = not any(a in keys for a in _T4_ANCHOR)
    no_t2 = not any(a in keys for a in _T2_ANCHOR)
    for i, r in enumerate(stream):
        k = r.key
        if (
            t3 is None
            and not no_t3
            and (holds_any(k, _T3_ANCHOR) or (r.is_data and "本年新收" in k))
        ):
            t3 = i
        if (
            t4 is None
            and not no_t4
            and not r.is_data  # table 四's header; "行政复议数 件 0" is a row of an old table
            and holds_any(k, _T4_ANCHOR)
            and (t3 is None or i > t3)
        ):
            t4 = i
        if t2 is None and not no_t2 and _opens_t2(k):
            t2 = i
        if t2 is not None and t3 is not None and t4 is not None:
            break  # all found: nothing later changes them
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
    return Regions(t2_reg, t3_reg, t4)


def _opens_t2(key: str) -> bool:
    """Whether ``key`` opens or holds in its first 12 characters one of table 二's anchors."""
    head = key[:12]
    for a in _T2_ANCHOR:
        if a in head or key.startswith(a):
            return True
    return False


# -- values --------------------------------------------------------------------


def _fit(values, n, row: StreamRow | None = None, dead=None):
    """The row's value cells trimmed to ``n`` where only blanks are extra."""
    vals = list(values)
    if row is not None and dead and len(vals) > n:
        gone = dead.get((row.table, row.ncells), ())
        vals = [c for i, c in enumerate(vals, row.first) if i not in gone or not c.is_blank]
    if len(vals) > n and row is not None and row.kind in CELL_KINDS:
        filled = [c for c in vals if not c.is_blank]
        if len(filled) == n:  # a grid column from merged cells, not a reported blank
            return filled
    while len(vals) > n and vals[-1].is_blank:
        vals.pop()
    while len(vals) > n and vals[0].is_blank:
        vals.pop(0)
    return vals


def _put_cells(grid: Grid, row_key: str, cols: Sequence[ColSpec], values: Iterable) -> None:
    """Map the row's value cells onto the columns ``cols`` of ``grid``."""
    out = grid.cells
    for col, cell in zip(cols, values):
        value, reported, problem, text = read_cell(cell.text, col.kind)
        out[(row_key, col.key)] = CellValue(value, cell.span, reported, text, problem)


#: Table kinds whose layout may have merged equal adjacent cells (one cell per line).
_COLLAPSING = frozenset({"lines"})


def _read_lossy(grid: Grid, rs: RowSpec, cols, row: StreamRow, vals, identities) -> bool:
    """Map a row of a one-cell-per-line layout whose numbers do not fit the columns.

    Fewer numbers: equal adjacent cells were merged; more: numbers were broken
    over lines. A collapsed row that no reading makes consistent is wrong
    whatever the layout lost (``grid.broken``); a row with more numbers that no
    split fits may hold a stray number, so it is only not checkable.

    False when the row is not such a row (its shape is then the report's).
    """
    k, n = len(vals), len(cols)
    if row.kind not in _COLLAPSING or not k or k == n or _any_blank(vals):
        return False
    if k < n:
        reading = read_collapsed(vals, cols, identities)
        lost = "网页抓取副本合并了相邻的相同单元格", "the crawler copy merged equal adjacent cells"
    else:
        reading = read_split(vals, cols, identities)
        lost = "网页抓取副本把数字断在两行", "the crawler copy broke numbers over lines"
    unknown = n - len(reading.known)
    if not reading.broken and not unknown:  # every cell known: nothing to say
        _put_cells(grid, rs.key, cols, reading.known.values())
        return True
    table = _TABLE_NAMES[grid.name]
    label = _short(row.label_text) or rs.quoted
    if reading.broken and k < n:
        names = "”“".join(reading.broken)
        grid.broken.append(
            ShapeProblem(
                row.span,
                f"{table}“{label}”一行有 {k} 个数值（应为 {n} 个，{lost[0]}），"
                f"在它允许的每一种读法（共 {reading.allowed} 种）下“{names}”都不成立",
                f"table {grid.name[1:]} row '{rs.label}' has {k} values for {n} columns "
                f"({lost[1]}); under every one of the {reading.allowed} readings it allows, "
                f"'{names}' does not hold",
                (rs.key,),
                reading.rule,
            )
        )
        return True
    known = reading.known
    _put_cells(grid, rs.key, [cols[j] for j in known], known.values())
    if reading.broken:  # no split fits: perhaps not a broken number but a stray one
        grid.lost.append(
            ShapeProblem(
                row.span,
                f"{table}“{label}”一行有 {k} 个数值（应为 {n} 个），"
                "把相邻数字连读的任何一种读法都不满足勾稽关系，无法核对",
                f"table {grid.name[1:]} row '{rs.label}' has {k} values for {n} columns; "
                "no reading that joins adjacent numbers satisfies the identities: not checked",
                (rs.key,),
            )
        )
    elif unknown:
        grid.lost.append(
            ShapeProblem(
                row.span,
                f"{table}“{label}”一行有 {k} 个数值（应为 {n} 个）：{lost[0]}，"
                f"{unknown} 个单元格有 {reading.kept} 种可能的读法，无法核对",
                f"table {grid.name[1:]} row '{rs.label}' has {k} values for {n} columns: "
                f"{lost[1]}; {unknown} cell(s) have {reading.kept} possible readings "
                "and are not checked",
                (rs.key,),
            )
        )
    return True


def _any_blank(cells) -> bool:
    """Whether one of ``cells`` is blank (a loop: no generator per row)."""
    for c in cells:
        if c.is_blank:
            return True
    return False


_TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}


def _count_phrase(n: int, want: int) -> tuple[str, str]:
    return f"有 {n} 个数值，应为 {want} 个", f"has {n} value(s), expected {want}"


def _stray(r: StreamRow, ncols: int) -> bool:
    """A lone number without a label where a row needs many: a page number."""
    return ncols >= 5 and not r.labels and sum(1 for v in r.values if not v.is_blank) == 1


# -- table 三 -----------------------------------------------------------------


def t3_layout(stream: list[StreamRow], region: tuple[int, int], default: str) -> str:
    rows = stream[region[0] : region[1]]
    # the keys joined at a line break, which no normalised label holds
    keys = "\n".join([r.key for r in rows])
    if any(k in keys for k in _SIX_2021):
        return "2021"
    data = "\n".join([r.key for r in rows if r.is_data])
    if any(m in data for m in _OTHER_2019):
        return "2019"
    return default


def map_t3(stream: list[StreamRow], region: tuple[int, int], fmt: FormatSpec) -> Grid | None:
    spec = fmt.t3
    rows = stream[region[0] : region[1]]
    if any_glued(rows):
        return None  # a crawler copy with digits run together: E004 says so
    data = [r for r in rows if r.is_data]
    if not data:
        return None
    span = rows[0].span.cover(rows[-1].span)
    grid = Grid(
        "t3",
        fmt.t3_layout,
        tuple([r.key for r in spec.rows]),
        tuple([c.key for c in spec.columns]),
        span,
    )
    ncols = len(spec.columns)
    dead = None  # dead_columns(rows), worked out when a row first has more values than columns
    p = 0
    pending: list[str] = []
    assigned: dict[str, StreamRow] = {}
    for r in rows:
        if p >= len(spec.rows) and r.is_data:
            # beyond the last template row: stop at the first thing that is not a row of this table
            same_width = not r.labels and len(_fit(r.values, ncols)) == ncols
            if same_width or (
                r.labels and any(_matches(s, _cell_keys(r), r.key) for s in spec.rows)
            ):
                grid.problems.append(
                    ShapeProblem(
                        r.span,
                        f"表三在“{spec.row('t3.carry_forward').label}”之后还有多余的数据行",
                        "table III has an extra data row after 'IV carried forward'",
                    )
                )
            break
        if not r.is_data:
            # a labelled row of a real grid left entirely blank: every cell not reported
            if r.kind in CELL_KINDS and len(r.tail) >= ncols:
                texts = _cell_keys(r) if r.labels else ()
                j = _first_match(spec.rows, p, p + 2, texts, r.key)
                if j is not None:
                    rs = spec.rows[j]
                    assigned[rs.key] = r
                    grid.row_spans[rs.key] = r.span
                    grid.row_labels[rs.key] = r.label_text
                    _put_cells(grid, rs.key, spec.columns, _fit(r.tail, ncols))
                    p = j + 1
                    pending = []
                    continue
            pending.append(r.key)
            continue
        if _stray(r, ncols):
            continue
        texts = _cell_keys(r) if r.labels else ()
        j = _first_match(spec.rows, p, len(spec.rows), texts, r.key)
        if j is None and pending:
            j = _first_match(spec.rows, p, p + 3, [], "".join(pending) + r.key)
        if j is None and (hit := _by_label(spec.rows[p:], r)) is not None:
            j = spec.rows.index(hit)
        if j is None and any(g in r.key for g in _GROUPS):
            pending = []
            continue  # a group's subtotal row ("（三）不予公开 5 0 0 0 0 0 5"): not a template row
        if j is None:
            j = p
        pending = []
        rs = spec.rows[j]
        assigned[rs.key] = r
        grid.row_spans[rs.key] = r.span
        grid.row_labels[rs.key] = r.label_text
        if dead is None and len(r.values) > ncols:
            dead = dead_columns(rows)
        vals = _fit(r.values, ncols, r, dead)
        if len(vals) == ncols:
            _put_cells(grid, rs.key, spec.columns, vals)
        elif not _read_lossy(grid, rs, spec.columns, r, vals, row_identities(fmt, "t3")):
            zh, en = _count_phrase(sum(1 for v in vals if not v.is_blank), ncols)
            grid.problems.append(
                ShapeProblem(
                    r.span,
                    f"表三“{_short(r.label_text) or rs.label}”一行{zh}"
                    "（自然人、五类法人或其他组织、总计）",
                    f"table III row '{rs.label}' {en}"
                    " (natural persons, five organisation columns, total)",
                    (rs.key,),
                )
            )
        p = j + 1
    missing = tuple(s.key for s in spec.rows if s.key not in assigned)
    if len(assigned) < len(spec.rows) // 2:
        grid.cells.clear()
        grid.problems = [
            ShapeProblem(
                span,
                f"表三（{spec.title}）无法与模板对应：只识别出 {len(assigned)} 行"
                f"（应为 {len(spec.rows)} 行），未核对表内数字",
                f"table III ({spec.title}) cannot be matched to the template: "
                f"{len(assigned)} of {len(spec.rows)} rows recognised; its numbers are not checked",
            )
        ]
    elif missing:
        labels = "、".join(spec.row(k).label for k in missing[:6]) + (
            "等" if len(missing) > 6 else ""
        )
        grid.problems.append(
            ShapeProblem(
                _missing_at(spec, missing[0], grid, span),
                f"表三缺少 {len(missing)} 行：{labels}",
                f"table III lacks {len(missing)} row(s): {', '.join(missing[:6])}",
            )
        )
    return grid


def _missing_at(spec: TableSpec, key: str, grid: Grid, span: Span) -> Span:
    """Where a missing row should be: the next mapped row after it, else the table."""
    keys = [r.key for r in spec.rows]
    for k in keys[keys.index(key) + 1 :]:
        if k in grid.row_spans:
            s = grid.row_spans[k]
            return Span(s.start, s.start)
    return Span(span.start, span.start)


def _short(s: str, n: int = 24) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# -- table 四 -----------------------------------------------------------------


def map_t4(stream: list[StreamRow], start: int, fmt: FormatSpec) -> Grid | None:
    spec = fmt.t4
    n = len(spec.columns)
    rows = stream[start:]
    got = []
    used: list[StreamRow] = []
    for r in rows[1:]:
        if not r.is_data:
            if _T4_HEADER.match(r.key):
                continue
            if used:
                break
            if len(r.key) > 40:
                return None  # prose before any numbers: no table here
            continue
        if looks_glued(r):
            return None
        used.append(r)
        got.extend(r.values)
        if len([v for v in got]) >= n:
            break
    if not used:
        return None
    span = rows[0].span.cover(used[-1].span)
    row_key = spec.rows[0].key
    grid = Grid("t4", fmt.id, (row_key,), tuple([c.key for c in spec.columns]), span)
    vals = _fit(got, n)
    where = used[0].span.cover(used[-1].span)
    grid.row_spans[row_key] = where
    grid.row_labels[row_key] = spec.rows[0].label
    if len(vals) == n:
        _put_cells(grid, row_key, spec.columns, vals)
    elif not _read_lossy(
        grid, spec.rows[0], spec.columns, used[0], vals, row_identities(fmt, "t4")
    ):
        zh, en = _count_phrase(len([v for v in vals if not v.is_blank]), n)
        grid.problems.append(
            ShapeProblem(
                where,
                f"表四（{spec.title}）数据行{zh}（行政复议、未经复议直接起诉、复议后起诉各五项）",
                f"table IV ({spec.title}) data {en}"
                " (five each for review, direct suit, suit after review)",
                (row_key,),
            )
        )
    return grid


# -- table 二 -----------------------------------------------------------------


def t2_layout(stream: list[StreamRow], region: tuple[int, int], default: str) -> str:
    text = "".join([r.key for r in stream[region[0] : region[1]]])
    new = sum(1 for k in _T2_2021 if k in text)
    old = sum(1 for k in _T2_2019 if k in text)
    if new > old:
        return "2021"
    if old > new:
        return "2019"
    return default


def _first_unmapped(specs, mapped: dict, texts, joined: str) -> RowSpec | None:
    """The first of ``specs`` not ``mapped`` yet that the label identifies (:func:`_matches`)."""
    for s in specs:
        if s.key not in mapped and _matches(s, texts, joined):
            return s
    return None


def map_t2(stream: list[StreamRow], region: tuple[int, int], fmt: FormatSpec) -> Grid | None:
    spec = fmt.t2
    rows = stream[region[0] : region[1]]
    span = rows[0].span.cover(rows[-1].span)
    grid = Grid("t2", fmt.id, tuple([r.key for r in spec.rows]), (), span)
    dead = None  # dead_columns(rows), worked out when a row first has more values than columns
    pending: list[str] = []
    for r in rows:
        if not r.is_data:
            pending.append(r.key)
            continue
        texts = _cell_keys(r) if r.labels else ()
        rs = _first_unmapped(spec.rows, grid.row_spans, texts, r.key)
        if rs is None:
            rs = _by_label([s for s in spec.rows if s.key not in grid.row_spans], r)
        if rs is None and not r.labels and pending:
            last = pending[-1]
            rs = _first_unmapped(spec.rows, grid.row_spans, [last], last)
        pending = []
        if rs is None or looks_glued(r):
            continue
        cols = spec.cols_of(rs)
        grid.row_spans[rs.key] = r.span
        grid.row_labels[rs.key] = r.label_text
        grid.row_columns[rs.key] = tuple(c.key for c in cols)
        if dead is None and len(r.values) > len(cols):
            dead = dead_columns(rows)
        vals = _fit(r.values, len(cols), r, dead)
        if len(vals) == len(cols):
            _put_cells(grid, rs.key, cols, vals)
        elif not _read_lossy(grid, rs, cols, r, vals, ()):
            zh, en = _count_phrase(len([v for v in vals if not v.is_blank]), len(cols))
            names = "、".join(c.label for c in cols)
            grid.problems.append(
                ShapeProblem(
                    r.span,
                    f"表二“{rs.label}”一行{zh}（{names}）",
                    f"table II row '{rs.label}' {en}",
                    (rs.key,),
                )
            )
    if not grid.row_spans:
        return None
    text = "".join([r.key for r in rows])
    missing = tuple(
        s.key
        for s in spec.rows
        if s.key not in grid.row_spans
        and not any(m in text for m in s.match)
        and not any(e in text for e in s.exact)
    )
    if missing:
        labels = "、".join(spec.row(k).label for k in missing)
        grid.problems.append(
            ShapeProblem(
                Span(span.start, span.start),
                f"表二缺少 {len(missing)} 行：{labels}",
                f"table II lacks {len(missing)} row(s): {', '.join(missing)}",
            )
        )
    return grid


def map_all(stream: list[StreamRow], default_layout: str) -> dict[str, Grid | None]:
    """Grids ``t2``, ``t3``, ``t4`` (None when the report has no such table)."""
    reg = find_regions(stream)
    out: dict[str, Grid | None] = {"t2": None, "t3": None, "t4": None}
    if reg.t2 is not None:
        out["t2"] = map_t2(stream, reg.t2, table_format(t2_layout(stream, reg.t2, default_layout)))
    if reg.t3 is not None:
        out["t3"] = map_t3(stream, reg.t3, table_format(t3_layout(stream, reg.t3, default_layout)))
    if reg.t4 is not None:
        out["t4"] = map_t4(stream, reg.t4, table_format(default_layout))
    return out
