"""X404 stock-mismatch: this year's 现行有效 is last year's plus 制发 minus 废止 (T2-STOCK).

A cross-file rule (:mod:`gsilint.rules.crossfile`): each file's check notes
its body, year and the 规章 / 行政规范性文件 rows of table 二; the run pairs the
reports of one body in consecutive years (:mod:`gsilint.rules.crossfile_pairing`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from gsilint.findings import Severity
from gsilint.records import dataclass
from gsilint.rules import rule
from gsilint.rules.crosscheck._common import _usable
from gsilint.rules.crossfile import Place, RunIssue
from gsilint.rules.crossfile_pairing import body_key, last_year
from gsilint.tables.spec import table_format

#: The rows of table 二 whose stock carries over, and the columns of the 2021 format.
_ROWS = ("t2.regulations", "t2.normative_documents")
_COLS = ("issued", "repealed", "in_force")
#: Only the 2021 format has 本年废止件数; the 2019 format's 对外公开总数量 is no stock.
_LAYOUT = "2021"


@dataclass(frozen=True, slots=True)
class StockCell:
    value: int
    place: Place


@dataclass(frozen=True, slots=True)
class StockNote:
    """What X404 keeps of one report: body, year, and table 二's 规章 / 规范性文件 cells."""

    org: str
    year: int
    #: row key → column key → cell (only usable cells, 2021 format only)
    rows: dict[str, dict[str, StockCell]]


def _label(row: str) -> str:
    spec = table_format(_LAYOUT).t2.row(row)
    return spec.label if spec is not None else row


def _col_label(row: str, col: str) -> str:
    t2 = table_format(_LAYOUT).t2
    spec = t2.row(row)
    cols = t2.cols_of(spec) if spec is not None else ()
    return next((c.label for c in cols if c.key == col), col)


def _row_issue(path: str, row: str, cur: dict, prev_path: str, prev_year: int, before: StockCell):
    got, issued, repealed = cur["in_force"], cur["issued"], cur["repealed"]
    expected = before.value + issued.value - repealed.value
    if got.value == expected:
        return None
    where = f"{prev_path}:{before.place.location.line}:{before.place.location.column}"
    diff = got.value - expected
    label = _label(row)
    zh = (
        f"{label}“{_col_label(row, 'in_force')}”与{prev_year}年报告不衔接：本年为{got.value}，"
        f"而{prev_year}年报告（{where}）现行有效{before.value} + 本年制发{issued.value}"
        f" − 本年废止{repealed.value} = {expected}，相差{diff:+d}"
        "（修订、失效未计入废止时请在正文说明）"
    )
    en = (
        f"{label} in force does not follow from the {prev_year} report: {got.value} here, "
        f"but {before.value} in force in the {prev_year} report ({where}) + {issued.value} "
        f"issued − {repealed.value} repealed = {expected}, {diff:+d} "
        "(if revisions or expiries explain it, say so in the text)"
    )
    related = (
        (issued.place, f"本年制发件数 = {issued.value}", f"issued = {issued.value}"),
        (repealed.place, f"本年废止件数 = {repealed.value}", f"repealed = {repealed.value}"),
    )
    return RunIssue(path, got.place, zh, en, related)


def compare_stock(notes: Mapping[str, StockNote]) -> Iterator[RunIssue]:
    """Pair each report with last year's report of the same body and carry the stock over."""
    for path in sorted(notes):
        cur = notes[path]
        prevs = last_year(notes, path)
        for row in _ROWS:
            cells = cur.rows.get(row, {})
            if not all(c in cells for c in _COLS):
                continue
            befores = [(p, n.rows.get(row, {}).get("in_force")) for p, n in prevs]
            befores = [(p, c) for p, c in befores if c is not None]
            if len({c.value for _, c in befores}) != 1:
                continue  # no report of last year, or copies that disagree (ambiguous)
            prev_path, before = befores[0]
            issue = _row_issue(path, row, cells, prev_path, cur.year - 1, before)
            if issue is not None:
                yield issue


@rule(
    "X404",
    "stock-mismatch",
    Severity.WARNING,
    "现行有效件数与上年报告不衔接",
    "documents in force do not follow from last year's report",
    compare=compare_stock,
)
def stock_mismatch(ctx) -> StockNote | None:
    """
    表二“第二十条第（一）项”中，本年“现行有效件数”应等于上一年度报告的“现行有效件数”
    加本年“制发件数”减本年“废止件数”，规章和行政规范性文件分别计算。修订、失效（未列入
    废止）也会造成差额，因此是警告：请核对数字或在正文中说明原因。只有上一年度同一机关
    的报告在同一次检查中（或用 --previous 指定）且两年都用2021年格式时才能比较；每个文件
    记下这两行，全部文件检查完后再配对比较，结果与文件顺序和 --jobs 无关。

    Table 二, item 第二十条第（一）项: this year's documents in force should equal
    last year's in force plus this year's issued minus this year's repealed,
    for 规章 and for 行政规范性文件. Revisions and expiries not counted as
    repealed can explain a difference, hence a warning: check the numbers or
    explain in the text. Compared only when last year's report of the same
    body is checked in the same run (or given with --previous) and both years
    use the 2021 format.

    错误示例 / Bad:
        淮安市洪泽区人民政府2023年政府信息公开工作年度报告
        …
        ---
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        行政规范性文件	3	0	12
    正确示例 / Good:
        淮安市洪泽区人民政府2023年政府信息公开工作年度报告
        …
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        行政规范性文件	2	0	5
        ---
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
    """
    t2 = ctx.facts.t2
    year = ctx.facts.report_year
    org = body_key(ctx.facts.organisation)
    if t2 is None or year is None or org is None or t2.layout != _LAYOUT:
        return None
    rows: dict[str, dict[str, StockCell]] = {}
    for row in _ROWS:
        cells = {}
        for col in _COLS:
            c = t2.value(row, col)
            if _usable(c) and isinstance(c.value, int):
                cells[col] = StockCell(c.value, ctx.place(c.span))
        if cells:
            rows[row] = cells
    if not rows:
        return None
    return StockNote(org, year.value, rows)
