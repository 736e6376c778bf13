"""A303–A308, S108, S109: the national tables and their 勾稽关系.

The tables are mapped onto the template by :mod:`gsilint.tables` (facts
``t2``, ``t3``, ``t4``); the identities come from ``rules/tables/*.toml`` and
are evaluated by :mod:`gsilint.tables.identities`.
"""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule
from gsilint.tables.spec import table_format

_TABLE_ZH = {"t2": "表二", "t3": "表三", "t4": "表四"}
_TABLE_EN = {"t2": "table II", "t3": "table III", "t4": "table IV"}
_GROUP_ZH = {"refused": "（三）", "unable": "（四）", "not_processed": "（五）", "other": "（六）"}
_SHORT_ZH = {
    "t3.new": "一、本年新收",
    "t3.carried_over": "二、上年结转",
    "t3.carry_forward": "四、结转下年度",
    "t3.results.total": "（七）总计",
    "t3.results.granted": "（一）予以公开",
    "t3.results.partial": "（二）部分公开",
    "t3.results.other": "（六）其他处理",
}


def _row_name(grid, key: str) -> str:
    if key in _SHORT_ZH:
        return _SHORT_ZH[key]
    spec = table_format(grid.layout)
    table = getattr(spec, grid.name)
    row = table.row(key)
    label = row.label if row else key
    parts = key.split(".")
    if grid.name == "t3" and len(parts) == 4:
        return _GROUP_ZH.get(parts[2], "") + label
    return label


def _col_name(grid, key: str, row: str | None = None) -> str:
    spec = getattr(table_format(grid.layout), grid.name)
    cols = spec.columns
    if not cols and row is not None:  # table 二: columns per row
        rs = spec.row(row)
        cols = rs.columns if rs else ()
    col = next((c for c in cols if c.key == key), None)
    return col.label if col else key


def _cell_name(grid, k) -> str:
    if grid.name == "t4":
        return _col_name(grid, k[1])
    return f"{_row_name(grid, k[0])}·{_col_name(grid, k[1], k[0])}"


def _related(grid, keys):
    out = []
    for k in keys:
        c = grid.value(*k)
        if c is None:
            continue
        shown = c.text if c.reported else "未填报"
        out.append(
            (
                c.span,
                f"{_cell_name(grid, k)} = {shown}",
                f"{k[0]} × {k[1]} = {c.text if c.reported else 'not reported'}",
            )
        )
    return tuple(out)


def _side(grid, keys, total, name_zh, name_en):
    vals = [str(grid.value(*k).value) for k in keys]
    if 1 < len(keys) <= 6:
        return (
            f"{name_zh} = {' + '.join(vals)} = {total}",
            f"{name_en} = {' + '.join(vals)} = {total}",
        )
    return f"{name_zh} = {total}", f"{name_en} = {total}"


def _scope(grid, chk) -> tuple[str, str]:
    t_zh, t_en = _TABLE_ZH[grid.name], _TABLE_EN[grid.name]
    if chk.spec.each == "column":
        return f"{t_zh}“{_col_name(grid, chk.instance)}”列", f"{t_en} column '{chk.instance}'"
    if chk.spec.each == "row":
        return f"{t_zh}“{_row_name(grid, chk.instance)}”行", f"{t_en} row '{chk.instance}'"
    return t_zh, t_en


def _split(name: str) -> tuple[str, str, str]:
    """'行政复议：总计 = a + b' → ('行政复议', '总计', 'a + b')."""
    head = ""
    for sep in ("：", ": "):
        if sep in name:
            head, name = name.split(sep, 1)
            break
    left, _, right = name.partition(" = ")
    return head, left, right


def _identity_findings(ctx, code: str):
    for grid, checks, where in ctx.facts.table_checks.values():
        for i, chk in enumerate(checks):
            if chk.status != "fail" or chk.spec.rule != code:
                continue
            cell = grid.value(*where[i])
            head_zh, l_zh, r_zh = _split(chk.spec.name)
            head_en, l_en, r_en = _split(chk.spec.name_en)
            lz, le = _side(grid, chk.lhs, chk.lhs_sum, l_zh, l_en)
            rz, re_ = _side(grid, chk.rhs, chk.rhs_sum, r_zh, r_en)
            sz, se = _scope(grid, chk)
            if head_zh:
                sz, se = f"{sz} {head_zh}", f"{se} ({head_en})"
            yield Issue(
                cell.span,
                f"{sz}：{lz}，但 {rz}，相差 {chk.difference}",
                f"{se}: {le}, but {re_}, difference {chk.difference}",
                related=_related(grid, chk.operands),
            )


@rule(
    "A303",
    "table-identity",
    Severity.ERROR,
    "表三勾稽关系不成立：一 + 二 ≠ （七）总计 + 四",
    "table III identity fails: I + II ≠ (7) total + IV",
)
def table_identity(ctx):
    """
    表三左上角印明本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和，即每一列
    “一、本年新收” + “二、上年结转” = “（七）总计” + “四、结转下年度继续办理”。不成立时在
    出错的单元格（通常是总计）报告，列出各项数值与差额，并指向每个相关单元格。

    Table III states its own identity: in every column, I (new this year) +
    II (carried over) = (7) total + IV (carried forward). A failure is
    reported at the cell that breaks it (usually the total) with every
    operand, the two sums and their difference.

    错误示例 / Bad（自然人列 10 + 2 ≠ 11 + 0）:
        一、本年新收政府信息公开申请数量 10 … ；二、上年结转… 2 …；（七）总计 11 …；四、结转下年度继续办理 0 …
    正确示例 / Good:
        一、本年新收… 10；二、上年结转… 2；（七）总计 11；四、结转下年度继续办理 1
    """
    yield from _identity_findings(ctx, "A303")


@rule(
    "A304",
    "results-total",
    Severity.ERROR,
    "表三（七）总计不等于各办理结果之和",
    "table III (7) total is not the sum of the results",
)
def results_total(ctx):
    """
    表三每一列的“（七）总计”必须等于全部办理结果叶子行之和：（一）予以公开、（二）部分公开、
    （三）不予公开 1–8、（四）无法提供 1–3、（五）不予处理 1–5、（六）其他处理（2021 年格式
    分 1–3 三行，共 21 项；2019 年格式为一行，共 19 项）。

    In every column of table III, (7) total must equal the sum of all result
    leaf rows: (1), (2), (3) 1–8, (4) 1–3, (5) 1–5 and (6) (three rows in the
    2021 format, 21 leaves; one row in the 2019 format, 19 leaves).

    错误示例 / Bad: （一）予以公开 5，（二）部分公开 3，其余为 0，（七）总计 9。
    正确示例 / Good: （一）予以公开 5，（二）部分公开 3，其余为 0，（七）总计 8。
    """
    yield from _identity_findings(ctx, "A304")


@rule(
    "A305",
    "row-total",
    Severity.ERROR,
    "表三某行总计不等于各类申请人之和",
    "a table III row total is not the sum of its applicant columns",
)
def row_total(ctx):
    """
    表三每一行的“总计”必须等于“自然人”与五类“法人或其他组织”（商业企业、科研机构、
    社会公益组织、法律服务机构、其他）之和。

    In every row of table III, the total column must equal natural persons
    plus the five organisation columns (commercial, research, public
    interest, legal service, other).

    错误示例 / Bad: （一）予以公开  9  0  0  0  0  1  9
    正确示例 / Good: （一）予以公开  9  0  0  0  0  1  10
    """
    yield from _identity_findings(ctx, "A305")


@rule(
    "A306",
    "review-litigation-total",
    Severity.ERROR,
    "表四总计不等于各结果之和",
    "a table IV total is not the sum of its results",
)
def review_litigation_total(ctx):
    """
    表四的行政复议、未经复议直接起诉、复议后起诉三组，每组的“总计”必须等于结果维持、
    结果纠正、其他结果、尚未审结四项之和。

    In table IV, for each of the three groups (administrative review, suit
    without review, suit after review), total = upheld + corrected + other
    + pending. Each cell is in only one of these sums, so the cell at fault
    cannot be told apart: the finding is at the group's total and points
    at the four parts. 每个单元格只出现在一个等式中，无法判断哪一格填错，
    因此在该组“总计”处报告，并指向四个分项。

    错误示例 / Bad: 行政复议 结果维持 10，结果纠正 1，其他结果 0，尚未审结 0，总计 0
    正确示例 / Good: 行政复议 结果维持 10，结果纠正 1，其他结果 0，尚未审结 0，总计 11
    """
    yield from _identity_findings(ctx, "A306")


_PROBLEM = {
    "negative": ("是负数", "is negative"),
    "fraction": ("不是整数", "is not a whole number"),
    "percent": ("是百分比而不是件数", "is a percentage, not a count"),
    "not_number": ("不是数字", "is not a number"),
}


@rule(
    "A307",
    "invalid-value",
    Severity.ERROR,
    "表格件数不是非负整数",
    "a table count is not a non-negative integer",
)
def invalid_value(ctx):
    """
    表二、三、四中的件数必须是非负整数（表二 2019 年格式的“本年增/减”可带正负号，
    收费金额可有小数）。负数、小数、百分比都是填报错误；相关勾稽关系不再核对。

    Counts in tables II, III and IV must be non-negative integers (the 2019
    "本年增/减" change may be signed, amounts may have decimals). A negative,
    fractional or percentage count is a data-entry error; identities that use
    it are not checked.

    错误示例 / Bad: （一）予以公开  -3  0  0  0  0  0  -3
    正确示例 / Good: （一）予以公开  3  0  0  0  0  0  3
    """
    for name in ("t2", "t3", "t4"):
        grid = getattr(ctx.facts, name)
        if grid is None:
            continue
        for (row, col), cell in grid.cells.items():
            if cell.problem is None:
                continue
            zh, en = _PROBLEM[cell.problem]
            yield Issue(
                cell.span,
                f"{_TABLE_ZH[name]}“{_cell_name(grid, (row, col))}”的值“{cell.text}”{zh}，件数应为非负整数",
                f"{_TABLE_EN[name]} {row} × {col} value '{cell.text}' {en}; counts are non-negative integers",
            )


@rule(
    "A308",
    "not-evaluable",
    Severity.INFO,
    "单元格未填报，勾稽关系无法核对",
    "identities skipped because cells are not reported",
)
def not_evaluable(ctx):
    """
    空白、“/”、“—”、“-”、“无”表示未填报，不等于 0。需要这些单元格的勾稽关系无法核对：
    每张表只提示一次，列出无法核对的关系数和未填报的单元格，不作为错误。

    A blank, "/", "—", "-" or "无" cell is not reported, which is not zero.
    The identities that need such a cell cannot be evaluated; this is said
    once per table (how many were skipped, which cells are blank), never as
    an error.

    提示示例 / Reported: 总计列留空：（一）予以公开  258  0  0  0  0  0  （空）
    正确示例 / Good: （一）予以公开  258  0  0  0  0  0  258
    """
    for name, (grid, checks, _) in ctx.facts.table_checks.items():
        skipped = [c for c in checks if c.status == "not_evaluable"]
        if not skipped:
            continue
        blanks = []
        for c in skipped:
            for k in c.not_reported:
                if k not in blanks:
                    blanks.append(k)
        first = grid.value(*blanks[0])
        names = "、".join(_cell_name(grid, k) for k in blanks[:4]) + (
            "等" if len(blanks) > 4 else ""
        )
        yield Issue(
            first.span,
            f"{_TABLE_ZH[name]}有 {len(blanks)} 个单元格未填报（{names}），{len(skipped)} 项勾稽关系无法核对",
            f"{_TABLE_EN[name]} has {len(blanks)} cell(s) not reported; {len(skipped)} identity check(s) cannot be evaluated",
            related=_related(grid, blanks[:20]),
        )


def _expected_format(ctx) -> str | None:
    tid = ctx.facts.template.id
    return tid if tid in ("2019", "2021") else None


@rule(
    "S108",
    "outdated-format",
    Severity.WARNING,
    "表格使用了与报告年度不符的格式",
    "tables use the format of another report year",
)
def outdated_format(ctx):
    """
    2021 年起的年度报告应使用国办公开办函〔2021〕30号的新表格（“本年制发件数”“本年废止件数”，
    表三“（六）其他处理”分三行）；2019、2020 年度报告使用 2019 年格式（“本年新制作数量”
    “第二十条第（九）项”，“（六）其他处理”一行）。用错格式时每张表提示一次。

    Reports for 2021 onwards must use the 2021 tables (本年制发件数 …, table
    III's (6) split into three rows); 2019 and 2020 reports use the 2019
    tables (本年新制作数量, 第二十条第（九）项, (6) as one row). Reported once
    per table that follows the other format.

    错误示例 / Bad: 2023 年度报告的表三：（六）其他处理  0  0  0  0  0  0  0
    正确示例 / Good: 2023 年度报告的表三：（六）其他处理 1.申请人无正当理由逾期不补正… 2.… 3.其他
    """
    want = _expected_format(ctx)
    if want is None:
        return
    other = "2019" if want == "2021" else "2021"
    t3 = ctx.facts.t3
    if t3 is not None and t3.layout != want:
        key = "t3.results.other" if t3.layout == "2019" else "t3.results.other.no_correction"
        span = t3.row_spans.get(key, Span(t3.span.start, t3.span.start))
        if t3.layout == "2019":
            zh = "表三“（六）其他处理”只有一行（2019 年格式），2021 年起应分为 1.申请人无正当理由逾期不补正…、2.申请人逾期未按收费通知要求缴纳费用…、3.其他 三行"
            en = "table III '(6) other handling' is a single row (2019 format); from 2021 it has three rows"
        else:
            zh = "表三“（六）其他处理”分为三行（2021 年格式），2019、2020 年度报告应为一行"
            en = "table III '(6) other handling' has three rows (2021 format); 2019/2020 reports have one row"
        yield Issue(Span(span.start, span.start + min(len(span), 40)), zh, en)
    t2 = ctx.facts.t2
    if t2 is not None:
        found = [
            s for s in ctx.facts.format_labels[other] if t2.span.start <= s.start < t2.span.end
        ]
        if found:
            first = found[0]
            label = ctx.doc.text[first.start : first.end]
            year = "2021 年起" if want == "2021" else "2019、2020 年度"
            yield Issue(
                first,
                f"表二使用了 {other} 年格式的栏目“{label}”，{year}报告应使用 {want} 年格式",
                f"table II uses the {other}-format label '{label}'; this report should use the {want} format",
                related=tuple(
                    (s, "同一格式的其他栏目", "another label of that format") for s in found[1:6]
                ),
            )


@rule(
    "S109",
    "table-shape",
    Severity.ERROR,
    "表格行列与模板不符",
    "table rows or columns do not match the template",
)
def table_shape(ctx):
    """
    表二、三、四的行和列由模板规定。缺行、多出的数据行、单元格个数不对的行都会报告；
    这样的行不参与勾稽关系核对（不再重复报告）。整张表无法对应模板时只报告一次。

    The rows and columns of tables II, III and IV are fixed by the template.
    Missing rows, extra data rows and rows with the wrong number of cells are
    reported; such rows are left out of the identity checks (no cascade). A
    table that cannot be matched at all is reported once.

    错误示例 / Bad（表三一行 10 个数值）: (七) 总计  0 0 0 0 0 0 0 0 0 0
    正确示例 / Good: （七）总计  0 0 0 0 0 0 0
    """
    for name in ("t2", "t3", "t4"):
        grid = getattr(ctx.facts, name)
        if grid is None:
            continue
        for p in grid.problems:
            yield Issue(Span(p.span.start, min(p.span.end, p.span.start + 200)), p.zh, p.en)
