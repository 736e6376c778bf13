"""Split the glued digit runs of crawler copies when the identities admit one split.

Crawler copies flatten a table into one line, the cells of a row running
together: "一、本年新收政府信息公开申请数量640020470二、上年结转…". The row
labels are the template's, so every digit run between two labels is one
row; a run is split into the row's cells (no number has a leading zero, a
space is always a boundary, the total is the sum of the other cells), and
the rows' candidate splits are combined under the column identities. Only a
table with exactly one consistent split is mapped — a table whose split is
ambiguous, or that no split makes consistent, stays unread (E004) rather
than guessed. The identities then hold by construction: what the split buys
is the values themselves, for the text-vs-table checks.
"""

from __future__ import annotations

import itertools

import regex

from gsilint.normalize import norm_label
from gsilint.positions import Span
from gsilint.tables.grid import CellValue, Grid
from gsilint.tables.spec import FormatSpec, table_format

#: A digit run (spaces inside are boundaries); a trailing enumerator digit ("2." of the next label) is cut.
_RUN = regex.compile(r"[0-9](?:[0-9 \u00a0]*[0-9])?")
_MAX_COMBOS = 50_000
_SIX_2021 = ("逾期不补正", "缴纳费用", "收费通知")


def _splits(token: str, parts: int):
    """Ways to cut a digit string into ``parts`` numbers without leading zeros."""
    if parts == 1:
        if len(token) == 1 or token[0] != "0":
            yield (token,)
        return
    if token[0] == "0":
        for rest in _splits(token[1:], parts - 1) if len(token) > 1 else ():
            yield ("0",) + rest
        return
    for cut in range(1, len(token) - parts + 2):
        for rest in _splits(token[cut:], parts - 1):
            yield (token[:cut],) + rest


def _row_splits(run: str, n: int, check) -> list[tuple[tuple[int, int], ...]]:
    """Every split of ``run`` into ``n`` cells passing ``check``; cells as (start, end) offsets in ``run``."""
    tokens = [(m.start(), m.group()) for m in regex.finditer(r"[0-9]+", run)]
    if not tokens or sum(len(t) for _, t in tokens) < n or len(tokens) > n:
        return []
    out = []

    def rec(i: int, left: int, acc: list):
        if i == len(tokens):
            if left == 0:
                vals = [int(run[a:b]) for a, b in acc]
                if check(vals):
                    out.append(tuple(acc))
            return
        start, tok = tokens[i]
        remaining = len(tokens) - i - 1
        for k in range(1, min(len(tok), left - remaining) + 1):
            for cut in _splits(tok, k):
                pos, cells = start, []
                for piece in cut:
                    cells.append((pos, pos + len(piece)))
                    pos += len(piece)
                rec(i + 1, left - k, acc + cells)
                if len(out) > 200:
                    return

    rec(0, n, [])
    return out


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


def split_t3(doc_text: str, simplified: str, span: Span, default_layout: str) -> Grid | None:
    text = doc_text[span.start : span.end]
    simple = norm_label(simplified[span.start : span.end])
    layout = "2021" if any(k in simple for k in _SIX_2021) else ("2019" if "其他处理" in simple else default_layout)
    fmt = table_format(layout)
    spec = fmt.t3
    n = len(spec.columns)
    runs = [r for r in _runs(text) if sum(ch.isdigit() for ch in text[r[0] : r[1]]) >= n]
    if len(runs) != len(spec.rows):
        return None
    prev = 0
    for (a, b), row in zip(runs, spec.rows):
        label = norm_label(simplified[span.start + prev : span.start + a])
        if not any(m in label for m in row.match) and not any(e in label for e in row.exact):
            return None
        prev = b
    cands = []
    for a, b in runs:
        c = _row_splits(text[a:b], n, lambda v: sum(v[:-1]) == v[-1])
        if not c:
            return None
        cands.append([tuple((a + x, a + y) for x, y in cells) for cells in c])
    total = 1
    for c in cands:
        total *= len(c)
    if total > _MAX_COMBOS:
        return None
    keys = [r.key for r in spec.rows]
    idx = {k: i for i, k in enumerate(keys)}
    solutions = []
    for combo in itertools.product(*cands):
        vals = [[int(text[x:y]) for x, y in cells] for cells in combo]
        if _t3_holds(fmt, idx, vals):
            solutions.append(combo)
            if len(solutions) > 1:
                return None
    if len(solutions) != 1:
        return None
    grid = Grid("t3", layout, tuple(keys), tuple(c.key for c in spec.columns), span)
    for key, (a, b), cells in zip(keys, runs, solutions[0]):
        grid.row_spans[key] = Span(span.start + a, span.start + b)
        grid.row_labels[key] = spec.row(key).label
        for col, (x, y) in zip(spec.columns, cells):
            grid.cells[(key, col.key)] = CellValue(int(text[x:y]), Span(span.start + x, span.start + y), True, text[x:y])
    grid.glued = True
    return grid


def _t3_holds(fmt: FormatSpec, idx: dict, vals) -> bool:
    for ident in fmt.identities:
        if ident.table != "t3" or ident.each != "column":
            continue
        for c in range(len(fmt.t3.columns)):
            if sum(vals[idx[k]][c] for k in ident.lhs) != sum(vals[idx[k]][c] for k in ident.rhs):
                return False
    return True


def split_t4(doc_text: str, span: Span, layout: str) -> Grid | None:
    text = doc_text[span.start : span.end]
    fmt = table_format(layout)
    spec = fmt.t4
    runs = _runs(text)
    if len(runs) != 1:
        return None
    a, b = runs[0]

    def groups_hold(v):
        return all(sum(v[g * 5 : g * 5 + 4]) == v[g * 5 + 4] for g in range(3))

    c = _row_splits(text[a:b], len(spec.columns), groups_hold)
    if len(c) != 1:
        return None
    key = spec.rows[0].key
    grid = Grid("t4", layout, (key,), tuple(col.key for col in spec.columns), span)
    grid.row_spans[key] = Span(span.start + a, span.start + b)
    grid.row_labels[key] = spec.rows[0].label
    for col, (x, y) in zip(spec.columns, c[0]):
        grid.cells[(key, col.key)] = CellValue(int(text[a + x : a + y]), Span(span.start + a + x, span.start + a + y), True,
                                               text[a + x : a + y])
    grid.glued = True
    return grid
