"""The old statistics table (政府信息公开情况统计表, reports for 2008–2018) mapped by label.

Its indicators differ by province and year (``rules/tables/2008.toml``), so
every row is matched by its label, never by its position: the row whose
``match`` fragment is the longest one found in the label. Columns are the
本年度 count and, where the header has it, the 历年累计.

The table arrives as rows of a parsed table (tab, pipe, one cell per line)
or, in crawler copies that put a whole report on one line, inside a
paragraph: "指标名称 计量单位 2013年度 历年累计 主动公开信息数 条 72804 76424 …"
(:func:`text_rows` splits it into labels and numbers at the spaces).

One cell per line, the crawler leaves traces that are not cells: the mark
of the next label on a line of its own ("4" / "、其他类型答复数"), the date
after the table ("2013" / "年"). A row with one number for two columns is
read as the layout allows: a copy that drops repeated adjacent lines (no
row of the table shows two equal numbers side by side) printed an equal
pair once; a copy that keeps them left one cell blank, and which one cannot
be told — those cells are not checkable (E004 says so).

A crawler copy that glued the cells together ("主动公开信息数条4251516") is
read run by run: each run of digits is cut every way that gives two numbers
(历年累计 ≥ 本年度), and the table's identities choose among the
combinations; a row several cuts still fit is not checkable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from gsilint import document
from gsilint.normalize import norm_label
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.tables.grid import CellValue, Grid, ShapeProblem
from gsilint.tables.identities import fails, plan
from gsilint.tables.readings import read_collapsed
from gsilint.tables.spec import OLD, ColSpec, RowSpec, old_table
from gsilint.tables.stream import CELL_KINDS, StreamRow
from gsilint.tables.values import is_value_text, read_cell

#: A label that only numbers the next one ("、其他类型答复数" after a "4" line).
_MARK_NEXT = lazy(r"^[、.．]")
#: A year of the date printed after the table ("2013" / "年" / "1" / "月").
_YEAR = lazy(r"^(?:19|20)\d\d$")
#: A caption or header that opens the table inside a paragraph.
_TEXT_OPEN = lazy(r"指\s*标\s*名\s*称|统计指标|历年累计")
#: Sentence punctuation: a label with it is prose, the end of the table.
_SENTENCE = lazy(r"[，。；！？]")
_TOKEN = lazy(r"\S+")


#: (label, id of the rows tuple) → candidates: the rows tuples are the spec's own, kept for
#: the process, and a crawler copy repeats the same labels across its readings
#: (the entry holds the rows tuple itself, so a reused id never answers for another tuple)
_CANDIDATES: dict[tuple[str, int], tuple[tuple[RowSpec, ...], tuple[RowSpec, ...]]] = {}


def candidates(key: str, rows: tuple[RowSpec, ...]) -> tuple[RowSpec, ...]:
    """The rows whose longest ``match`` fragment found in the label ``key`` is the longest."""
    memo = (key, id(rows))
    entry = _CANDIDATES.get(memo)
    if entry is None or entry[0] is not rows:
        if len(_CANDIDATES) > 50_000:
            _CANDIDATES.clear()
        entry = _CANDIDATES[memo] = (rows, tuple(_candidates(key, rows)))
    return entry[1]


def _candidates(key: str, rows: tuple[RowSpec, ...]) -> list[RowSpec]:
    # the fragments longest first: the first length at which one is in the label is the
    # longest any row finds, and the rows with a fragment of that length are the candidates
    size = 0
    found = set()
    for n, fragment, i in _fragments(rows):
        if n < size:
            break
        if fragment in key:
            size = n
            found.add(i)
    return [rows[i] for i in sorted(found)]


#: id of a rows tuple → (the tuple, its :func:`_fragments`)
_FRAGMENTS: dict[int, tuple[tuple[RowSpec, ...], list[tuple[int, str, int]]]] = {}


def _fragments(rows: tuple[RowSpec, ...]) -> list[tuple[int, str, int]]:
    """Every non-empty ``match`` fragment of ``rows`` as (length, fragment, row index),
    longest first."""
    entry = _FRAGMENTS.get(id(rows))
    if entry is None or entry[0] is not rows:
        index = [(len(m), m, i) for i, rs in enumerate(rows) for m in rs.match if m]
        index.sort(key=lambda x: -x[0])
        entry = _FRAGMENTS[id(rows)] = (rows, index)
    return entry[1]


def match_row(key: str, rows: tuple[RowSpec, ...], seen: dict[str, int] | None = None):
    """The row the label ``key`` names; a label several rows share ("维持…" under 行政复议,
    行政诉讼 and 举报投诉) is the one whose parent came last (``seen``: key → order)."""
    found = candidates(key, rows)
    if len(found) <= 1:
        return found[0] if found else None
    seen = seen or {}
    placed = [rs for rs in found if rs.parent in seen]
    return max(placed, key=lambda rs: seen[rs.parent]) if placed else None


def _is_value(text: str) -> bool:
    return is_value_text(text) and bool(text.strip())


def _table_paragraphs(doc: document.Document) -> Iterator[tuple[str, int]]:
    """Paragraphs in which the old table opens: the text from its opening, and where that is."""
    for para in doc.paragraphs():
        text = doc.slice(para.span, simplified=False)
        m = _TEXT_OPEN.search(text)
        if m is not None:
            yield text[m.start() :], para.span.start + m.start()


def text_rows(paragraphs: list[tuple[str, int]]) -> list[StreamRow]:
    """The old table inside a paragraph: tokens split at spaces into labels and numbers.

    ``paragraphs``: those where the table opens (:func:`_table_paragraphs`)."""
    spec = old_table()
    for text, base in paragraphs:
        rows = _token_rows(text, base)
        if (
            sum(1 for r in rows if r.is_data and candidates(r.key, spec.table.rows))
            >= spec.min_rows
        ):
            return rows
    return []


#: A run of digits or of anything else (a glued crawler table: "主动公开信息数条20263542其中：1.").
_RUN = lazy(r"\d+|\D+")
#: A label that starts with the rest of an enumeration mark ("1" + ".网站公开").
_MARK_REST = lazy(r"^[.．、]")


def glued_rows(paragraphs: list[tuple[str, int]]) -> list[StreamRow]:
    """The old table of a crawler copy whose cells run together, in a paragraph:
    "主动公开信息数条20263542其中：1.网站公开条17953304" → rows of a label and one run of
    digits each (本年度 and 历年累计 glued; the last digit before "." is the next mark).

    ``paragraphs``: those where the table opens (:func:`_table_paragraphs`)."""
    spec = old_table()
    for text, base in paragraphs:
        runs = [(r.group(), base + r.start()) for r in _RUN.finditer(text)]
        rows: list[StreamRow] = []
        label, at = "", base
        for i, (run, pos) in enumerate(runs):
            if not run.isdigit():
                label += run
                continue
            nxt = runs[i + 1][0] if i + 1 < len(runs) else ""
            mark = run[-1] if _MARK_REST.match(nxt) else ""
            digits = run[: len(run) - len(mark)]
            if not digits:
                label += mark
                continue
            if _SENTENCE.search(label):
                break  # prose: the end of the table
            if label.rstrip().endswith(spec.units):  # else the header's year, not a cell
                lab = document.Cell(label, Span(at, pos))
                val = document.Cell(digits, Span(pos, pos + len(digits)))
                rows.append(_row([lab], [val], "glued"))
            label, at = mark, pos + len(digits)
        if sum(1 for r in rows if candidates(r.key, spec.table.rows)) >= spec.min_rows and any(
            len(r.values[0].text) > 1 for r in rows
        ):
            return rows
    return []


def _token_rows(text: str, base: int) -> list[StreamRow]:
    """The rows of labels and numbers that ``text`` (at ``base``) opens with, up to the
    first whose label is a sentence (prose: the end of the table). The tokens after it
    are not read: a crawler copy may run on to the end of the report."""
    rows: list[StreamRow] = []
    labels: list[document.Cell] = []
    values: list[document.Cell] = []
    for t in _TOKEN.finditer(text):
        token = t.group()
        cell = document.Cell(token, Span(base + t.start(), base + t.end()))
        if _is_value(token):
            values.append(cell)
            continue
        if values:
            rows.append(_row(labels, values))
            labels, values = [], []
        if _SENTENCE.search(token):
            return rows
        labels.append(cell)
    if labels or values:
        rows.append(_row(labels, values))
    return rows


def _row(labels: list[document.Cell], values: list[document.Cell], kind: str = "text") -> StreamRow:
    cells = labels + values
    span = cells[0].span.cover(cells[-1].span)
    key = norm_label("".join([c.text for c in labels]))
    return StreamRow(labels, values, span, kind, key, bool(values), len(labels), tuple(values))


def _region(stream: list[StreamRow]) -> list[StreamRow]:
    """The rows of the parsed tables that hold indicators (at least ``min_rows`` in all):
    a table whose group titles ("八、机构建设和保障经费情况") were read as headings
    comes in several parts."""
    spec = old_table()
    count: dict[int, int] = {}
    for r in stream:
        if r.is_data and candidates(r.key, spec.table.rows):
            count[r.table] = count.get(r.table, 0) + 1
    if not count:
        return []
    best = max(count, key=lambda t: (count[t], -t))
    lo = hi = best  # the best part and the parts next to it that hold indicators too
    while lo - 1 in count:
        lo -= 1
    while hi + 1 in count:
        hi += 1
    if sum(count[t] for t in range(lo, hi + 1)) < spec.min_rows:
        return []
    return [r for r in stream if lo <= r.table <= hi]


def _clean(rows: list[StreamRow]) -> list[StreamRow]:
    """Drop what a one-cell-per-line copy put among the cells: marks and the date."""
    out = []
    for i, r in enumerate(rows):
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        vals = list(r.values)
        if r.kind == "lines" and nxt is not None and vals:
            last = vals[-1].text.strip()
            head = nxt.labels[0].text.strip() if nxt.labels else ""
            if _MARK_NEXT.match(head) and last.isdigit() and len(last) <= 2:
                vals.pop()  # "4" then "、其他类型答复数": the next label's mark
            elif nxt.key.startswith("年") and _YEAR.match(last):
                vals.pop()  # "2013" then "年": the date after the table
        if len(vals) != len(r.values):
            r = StreamRow(
                r.labels, vals, r.span, r.kind, r.key, bool(vals), r.first, tuple(vals), r.table
            )
        out.append(r)
    return out


def _usual_width(rows: list[StreamRow]) -> int:
    """The most common number of non-blank values in the data rows."""
    widths = Counter(len([c for c in r.values if not c.is_blank]) for r in rows if r.is_data)
    return widths.most_common(1)[0][0]


def _keeps_repeats(rows: list[StreamRow]) -> bool:
    """Whether the copy keeps equal adjacent cells: a row shows two equal numbers side by side."""
    for r in rows:
        texts = [c.text.strip() for c in r.values]
        if any(a == b for a, b in zip(texts, texts[1:])):
            return True
    return False


def _cell(col: ColSpec, cell: document.Cell) -> CellValue:
    value, reported, problem, text = read_cell(cell.text, col.kind)
    return CellValue(value, cell.span, reported, text, problem)


def _label(r: StreamRow, n: int = 24) -> str:
    """The row's label as written, without its 单位 cell."""
    units = old_table().units
    s = " ".join(c.text.strip() for c in r.labels if c.text.strip() not in units)
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def map_old(stream: list[StreamRow], doc: document.Document | None = None) -> Grid | None:
    """The old statistics table mapped by label, or None when the report has none."""
    spec = old_table()
    table = spec.table
    rows = _region(stream)
    if not rows and doc is not None:
        paragraphs = list(_table_paragraphs(doc))
        rows = text_rows(paragraphs) or glued_rows(paragraphs)
    if not rows:
        return None
    rows = _clean(rows)
    first = next(i for i, r in enumerate(rows) if r.is_data and candidates(r.key, table.rows))
    # (in a paragraph the header words run into the first row's label)
    header = "".join([r.key for r in rows[: first + 1]])
    # the 历年累计 column is the one the header names; without it, one number per row is the
    # 本年度 count, more (上年度? 同比?) are columns the template does not know
    ncols = 2 if "累计" in header else 1 if _usual_width(rows[first:]) == 1 else 0
    # (only a one-cell-per-line copy can have dropped its repeats)
    keeps = any(r.kind == "lines" for r in rows) and _keeps_repeats(rows)
    span = rows[first].span.cover(rows[-1].span)
    grid = Grid(
        OLD, spec.id, tuple(r.key for r in table.rows), ("year", "cumulative")[:ncols], span
    )
    if not ncols:
        grid.lost.append(
            ShapeProblem(
                rows[first].span,
                "统计表每行有多个数值，但表头没有“历年累计”栏，无法确定各栏含义，未核对",
                "the statistics table has several numbers per row but no 历年累计 column "
                "in its header: its columns are unknown and not checked",
            )
        )
    row_idents = [i for i in spec.identities if i.each == "row"]
    glued: dict[str, tuple[StreamRow, document.Cell]] = {}
    pending = ""
    last_span = rows[first].span
    seen: dict[str, int] = {}  # the rows mapped so far → their order (grid.row_spans' keys)
    for r in rows[first:]:
        if not r.is_data:
            pending += r.key
            continue
        rs = match_row(r.key, table.rows, seen) or match_row(pending + r.key, table.rows, seen)
        pending = ""
        if rs is None or rs.key in grid.row_spans:
            continue
        cols = table.cols_of(rs)[:ncols]
        # a real grid keeps its blank cells (not reported); other layouts have none
        vals = list(r.tail) if r.kind in CELL_KINDS else [c for c in r.values if not c.is_blank]
        while len(vals) > ncols and vals[-1].is_blank:
            vals.pop()
        grid.row_spans[rs.key] = r.span
        seen[rs.key] = len(seen)
        grid.row_labels[rs.key] = r.label_text
        last_span = r.span
        if r.kind == "glued":
            glued[rs.key] = (r, vals[0])
        elif len(vals) == ncols:
            for col, c in zip(cols, vals):
                grid.cells[(rs.key, col.key)] = _cell(col, c)
        elif len(vals) < ncols and r.kind == "lines" and not keeps:
            reading = read_collapsed(vals, cols, row_idents)
            for j, c in reading.known.items():
                grid.cells[(rs.key, cols[j].key)] = _cell(cols[j], c)
        elif len(vals) < ncols:
            grid.lost.append(
                ShapeProblem(
                    r.span,
                    f"统计表“{_label(r)}”一行只有 {len(vals)} 个数值（应为 {ncols} 个："
                    "本年度、历年累计），无法确定哪一栏空缺，该行未核对",
                    f"statistics table row '{rs.label}' has {len(vals)} value(s) for {ncols} "
                    "columns (this year, cumulative); which cell is blank cannot be told: "
                    "not checked",
                    (rs.key,),
                )
            )
        elif ncols:  # a stray number, or a column the template does not know: not checked
            grid.lost.append(
                ShapeProblem(
                    r.span,
                    f"统计表“{_label(r)}”一行有 {len(vals)} 个数值（应为 {ncols} 个："
                    "本年度、历年累计），无法确定各数值所属栏目，该行未核对",
                    f"statistics table row '{rs.label}' has {len(vals)} values for {ncols} "
                    "columns (this year, cumulative); which is which cannot be told: not checked",
                    (rs.key,),
                )
            )
    if glued and ncols:
        _split_glued(grid, glued, cols_of=table.cols_of, ncols=ncols)
    grid.span = rows[first].span.cover(last_span)
    return grid if grid.row_spans else None


# -- glued digits ----------------------------------------------------------------

#: The most combinations of splits the identities are asked to choose among.
_MAX_READINGS = 5000


def _number(s: str) -> bool:
    return s == "0" or (s.isdigit() and not s.startswith("0"))


def _splits(cell: document.Cell, ncols: int) -> list[tuple[document.Cell, ...]]:
    """Every way to cut a run of digits into ``ncols`` numbers, 历年累计 ≥ 本年度."""
    d, start = cell.text, cell.span.start
    if ncols == 1:
        return [(cell,)] if _number(d) else []
    out = []
    for i in range(1, len(d)):
        a, b = d[:i], d[i:]
        if _number(a) and _number(b) and int(b) >= int(a):
            out.append(
                (
                    document.Cell(a, Span(start, start + i)),
                    document.Cell(b, Span(start + i, start + len(d))),
                )
            )
    return out


def _split_glued(grid: Grid, glued, cols_of, ncols: int) -> None:
    """Cut each glued run of digits where the table's identities allow only one cut.

    Cells every surviving combination of cuts agrees on are mapped; the others are not
    checkable (E004 says why). When no combination survives, only the rows with a single
    possible cut are mapped: their identities then speak for themselves (A302/A303).
    """
    options: dict[str, list[tuple[document.Cell, ...]]] = {}
    unsplit = []
    for key, (_row, cell) in glued.items():
        cuts = _splits(cell, ncols)
        if cuts:
            options[key] = cuts
        else:
            unsplit.append(key)
    if unsplit:
        grid.lost.append(_glued_lost(glued, unsplit, "无法拆分为合法的数"))
    # each cut of each row as the grid cells it makes, read once
    cells_of = {
        key: [_cut_cells(key, cut, cols_of(_spec_row(key))[:ncols]) for cut in cuts]
        for key, cuts in options.items()
    }
    for key, cuts in options.items():
        if len(cuts) == 1:
            grid.cells.update(cells_of[key][0])
    open_ = {k: v for k, v in options.items() if len(v) > 1}
    total = 1
    for v in open_.values():
        total *= len(v)
    if not open_:
        return
    kept: list[tuple[int, ...]] = []  # per combination, the cut chosen for each open row
    if total <= _MAX_READINGS:
        keys = list(open_)
        kept = _consistent_cuts(
            [cells_of[k] for k in keys], _by_last_row(plan(grid, set(keys)), keys), grid.cells
        )
    unknown = []
    for j, key in enumerate(open_):
        texts = {tuple(c.text for c in open_[key][combo[j]]) for combo in kept}
        if len(texts) == 1:
            grid.cells.update(cells_of[key][kept[0][j]])
        else:
            unknown.append(key)
    if unknown:
        readings = {
            tuple(tuple(c.text for c in open_[k][i]) for k, i in zip(open_, combo))
            for combo in kept
        }
        why = (
            f"有 {len(readings)} 种拆分都满足勾稽关系"
            if kept
            else "没有一种拆分满足勾稽关系"
            if total <= _MAX_READINGS
            else f"可能的拆分太多（{total} 种组合）"
        )
        grid.lost.append(_glued_lost(glued, unknown, why))


def _by_last_row(instances, keys: list[str]) -> list[tuple]:
    """Per open row (by its index in ``keys``), the identity instances whose last open
    operand row it is: once the search has cut that row, they can be tested. (An
    instance without an open operand row is tested with the first.)"""
    order = {k: i for i, k in enumerate(keys)}
    out: list[list] = [[] for _ in keys]
    for instance in instances:
        rows = {order[r] for r, _col in instance[4] if r in order}
        out[max(rows, default=0)].append(instance)
    return [tuple(x) for x in out]


def _consistent_cuts(options: list[list[dict]], checks: list[tuple], cells: dict) -> list[tuple]:
    """Every combination of cuts (one per open row, as its grid cells in ``options``), in
    the order of ``itertools.product``, under which no identity instance fails.

    A depth-first search: after cutting row ``i`` it tests ``checks[i]``, the instances
    whose open rows are all cut by then, and drops every combination that starts so.
    """
    trial = dict(cells)
    kept: list[tuple[int, ...]] = []
    chosen: list[int] = []

    def cut(i: int) -> None:
        if i == len(options):
            kept.append(tuple(chosen))
            return
        for n, row_cells in enumerate(options[i]):
            trial.update(row_cells)
            if checks[i] and fails(checks[i], trial):
                continue
            chosen.append(n)
            cut(i + 1)
            chosen.pop()

    cut(0)
    return kept


def _cut_cells(key: str, cut: tuple[document.Cell, ...], cols: tuple[ColSpec, ...]) -> dict:
    """The grid cells of row ``key`` read from one cut of its glued digits."""
    return {(key, col.key): _cell(col, c) for col, c in zip(cols, cut)}


def _spec_row(key: str) -> RowSpec:
    row = old_table().table.row(key)
    assert row is not None
    return row


def _glued_lost(glued, keys: list[str], why: str) -> ShapeProblem:
    rows = [glued[k][0] for k in keys]
    names = "”“".join(f"{_spec_row(k).quoted}（{glued[k][1].text}）" for k in keys)
    return ShapeProblem(
        rows[0].span,
        f"统计表的数字粘连在一起（网页抓取副本）：“{names}”{why}，这些行未核对",
        f"the statistics table's digits run together (crawler copy): rows {', '.join(keys)} "
        "cannot be split with certainty and are not checked",
        tuple(keys),
    )
