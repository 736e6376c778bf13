"""X401 text-table-mismatch: a number in the text contradicts tables 二/三/四 or the 附表."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, NamedTuple

from gsilint.facts.breakdowns import share_matches
from gsilint.facts.claims import CountClaim, splits
from gsilint.findings import Issue, Severity
from gsilint.records import dataclass
from gsilint.rules import rule
from gsilint.rules.crosscheck._common import (
    _APPLICANTS,
    _COL_EN,
    _COL_ZH,
    _GROUP_EN,
    _ROW_EN,
    _T4_COL_EN,
    _T4_COL_ZH,
    _T4_EN,
    _T4_ZH,
    Operand,
    _group_title,
    _row_sum,
    _t3_row,
    _usable,
    quote,
    related,
)

if TYPE_CHECKING:
    from collections.abc import Callable

_ORGS = _APPLICANTS[1:]
_KIND_ZH = {
    "received": "收到申请",
    "accepted": "受理申请",
    "closed": "办结/答复",
    "carried_over": "上年结转",
    "carry_forward": "结转下年度",
    "granted": "予以公开",
    "partial": "部分公开",
    "granted_partial": "予以公开及部分公开",
    "refused": "不予公开",
    "unable": "无法提供",
    "not_processed": "不予处理",
    "other_processed": "其他处理",
    "review": "行政复议",
    "litigation": "行政诉讼",
    "direct_suit": "直接起诉",
    "suit_after_review": "复议后起诉",
}
_KIND_EN = {
    "received": "requests received",
    "accepted": "requests accepted",
    "closed": "requests answered",
    "carried_over": "requests carried over from last year",
    "carry_forward": "requests carried forward",
    "granted": "requests granted",
    "partial": "requests partly granted",
    "granted_partial": "requests granted in full or in part",
    "refused": "requests refused",
    "unable": "requests the body was unable to answer",
    "not_processed": "requests not processed",
    "other_processed": "requests handled otherwise",
    "review": "administrative reviews",
    "litigation": "lawsuits",
    "direct_suit": "lawsuits filed directly",
    "suit_after_review": "lawsuits after review",
}
_SUB_EN = {
    "natural_person": "from natural persons",
    "commercial": "from businesses",
    "organisations": "from legal persons and other organisations",
    **{col: f"with result '{name}'" for col, name in _T4_COL_EN.items() if col != "total"},
}
_T2_ROW_ZH = {"t2.regulations": "规章", "t2.normative_documents": "行政规范性文件"}
_T2_ROW_EN = {"t2.regulations": "regulations", "t2.normative_documents": "normative documents"}
_T2_COL_ZH = {
    "in_force": "现行有效件数",
    "issued": "本年制发件数",
    "made": "本年新制作数量",
    "repealed": "本年废止件数",
}
_T2_COL_EN = {
    "in_force": "in force",
    "issued": "issued this year",
    "made": "made this year",
    "repealed": "repealed this year",
}
#: position of each column of table 二's (一)项 in a glued crawler row
_T2_ORDER = ("issued", "repealed", "in_force")
#: Who a count of requests is of, by the claim's sub-kind, as the name of a sum ends.
_WHO_ZH = {
    "": "",
    "natural_person": _COL_ZH["natural_person"],
    "commercial": _COL_ZH["commercial"],
    "organisations": "法人或其他组织",
}
_WHO_EN = {
    "": "",
    "natural_person": f", {_COL_EN['natural_person']}",
    "commercial": f", {_COL_EN['commercial']}",
    "organisations": ", legal persons and other organisations",
}


class Description(NamedTuple):
    """How a finding shows a :class:`Reading`: the cells it sums and the sum's name."""

    cells: tuple[Operand, ...]
    zh: str
    en: str


@dataclass(frozen=True)
class Reading:
    """One way to compute a text figure from the tables: the sum of some cells.

    ``missing`` > 0: that many cells are not reported, so ``value`` (the sum of the
    reported ones) is a lower bound. ``describe`` writes its :class:`Description`,
    only for a finding: most readings agree with the text."""

    value: int
    describe: Callable[[], Description]
    missing: int = 0

    def allows(self, said: int) -> bool:
        return said == self.value if not self.missing else said >= self.value


def _rows_sum(grid, rows: list[str], cols: tuple[str, ...] | None = None):
    total, cells, missing = 0, [], 0
    if not rows:
        return None
    for row in rows:
        got = _row_sum(grid, row, cols, bound=True)
        if got is None:
            return None
        total += got.value
        cells += got.operands
        missing += got.missing
    return total, cells, missing


def _leaves(grid, group: str) -> list[str]:
    prefix = f"t3.results.{group}"
    return [k for k in grid.rows if k == prefix or k.startswith(prefix + ".")]


def _t3_readings(t3, kind: str, with_carry: bool = True) -> list[Reading]:
    out: list[Reading] = []

    def add(rows, names: Callable[[], tuple[str, str]], cols=None):
        """The reading that sums ``rows`` (over ``cols``); ``names()``: its (zh, en) name."""
        got = _rows_sum(t3, rows, cols)
        if got is not None:
            value, cells, missing = got
            out.append(Reading(value, lambda: Description(tuple(cells), *names()), missing))

    def name(key: str) -> str:
        return _t3_row(key, t3.layout).quoted

    base, _, sub = kind.partition(".")
    if base in ("received", "accepted"):
        cols = {
            "": None,
            "natural_person": ("natural_person",),
            "commercial": ("commercial",),
            "organisations": _ORGS,
        }.get(sub)
        who_zh, who_en = _WHO_ZH[sub], _WHO_EN[sub]
        add(
            ["t3.new"],
            lambda: (f"表三 {name('t3.new')}{who_zh}", f"table III {_ROW_EN['t3.new']}{who_en}"),
            cols,
        )
        if base == "accepted" or with_carry:
            add(
                ["t3.new", "t3.carried_over"],
                lambda: (
                    f"表三 一+二（含上年结转）{who_zh}",
                    f"table III rows 1+2 (with carry-over){who_en}",
                ),
                cols,
            )
    elif kind in ("closed", "carried_over", "carry_forward", "granted", "partial"):
        key = {
            "closed": "t3.results.total",
            "carried_over": "t3.carried_over",
            "carry_forward": "t3.carry_forward",
            "granted": "t3.results.granted",
            "partial": "t3.results.partial",
        }[kind]

        def row_names() -> tuple[str, str]:
            label = _t3_row(key, t3.layout).label if kind == "carry_forward" else name(key)
            sep = " " if not label.startswith("（") else ""
            return f"表三{sep}{label}", f"table III {_ROW_EN[key]}"

        add([key], row_names)
    elif kind == "granted_partial":
        add(
            ["t3.results.granted", "t3.results.partial"],
            lambda: ("表三（一）+（二）", "table III (1)+(2)"),
        )
    elif kind in ("refused", "unable", "not_processed", "other_processed"):
        group = "other" if kind == "other_processed" else kind
        add(
            _leaves(t3, group),
            lambda: (
                f"表三{_group_title(group, t3.layout)}各项之和",
                f"table III {_GROUP_EN[group]} (sum of its rows)",
            ),
        )
    return out


def _t4_readings(t4, kind: str) -> list[Reading]:
    base, _, col = kind.partition(".")
    col = col or "total"
    groups = {
        "review": ("review",),
        "litigation": ("direct_suit", "suit_after_review"),
        "direct_suit": ("direct_suit",),
        "suit_after_review": ("suit_after_review",),
    }.get(base)
    if groups is None:
        return []
    cells = [t4.value("t4.cases", f"{g}.{col}") for g in groups]
    if not all(_usable(c) for c in cells):
        return []

    def describe() -> Description:
        return Description(
            tuple(
                Operand(
                    c.span,
                    f"表四 {_T4_ZH[g]}{_T4_COL_ZH[col]} = {c.value}",
                    f"table IV {_T4_EN[g]}, {_T4_COL_EN[col]} = {c.value}",
                )
                for c, g in zip(cells, groups)
            ),
            "表四 " + "+".join(f"{_T4_ZH[g]}{_T4_COL_ZH[col]}" for g in groups),
            "table IV " + " + ".join(f"{_T4_EN[g]} ({_T4_COL_EN[col]})" for g in groups),
        )

    return [Reading(sum(c.value for c in cells), describe)]


def readings(ctx, claim: CountClaim) -> list[Reading]:
    base = claim.kind.partition(".")[0]
    if base in ("review", "litigation", "direct_suit", "suit_after_review"):
        t4 = ctx.facts.t4
        return _t4_readings(t4, claim.kind) if t4 is not None else []
    t3 = ctx.facts.t3
    return _t3_readings(t3, claim.kind, claim.with_carry) if t3 is not None else []


def _kind_zh(kind: str) -> str:
    base, _, sub = kind.partition(".")
    extra = {
        "natural_person": f"（{_COL_ZH['natural_person']}）",
        "commercial": f"（{_COL_ZH['commercial']}）",
        "organisations": "（法人或其他组织）",
        **{col: _T4_COL_ZH[col] for col in ("upheld", "corrected", "other", "pending")},
    }.get(sub, "")
    return _KIND_ZH[base] + extra


def _kind_en(kind: str) -> str:
    base, _, sub = kind.partition(".")
    return _KIND_EN[base] + (f" {_SUB_EN[sub]}" if sub in _SUB_EN else "")


def _gap(said: int, value: int) -> tuple[str, str]:
    diff = said - value
    if diff > 0:
        return f"正文多{diff}", f"the text says {diff} more"
    return f"正文少{-diff}", f"the text says {-diff} fewer"


def _alt_zh(r: Reading, d: Description) -> str:
    if r.missing:
        return f"{d.zh}至少为{r.value}（另有{r.missing}个单元格未填报）"
    return f"{d.zh}为{r.value}"


def _alt_en(r: Reading, d: Description) -> str:
    if r.missing:
        return f"{d.en} is at least {r.value} ({r.missing} cells not reported)"
    return f"{d.en} is {r.value}"


def _count_findings(ctx):
    for claim in ctx.facts.count_claims:
        options = readings(ctx, claim)
        if not options:
            continue
        q = claim.quantity
        said = int(q.value)
        if q.value != said or any(r.allows(said) for r in options):
            continue
        first = options[0]
        gap_zh, gap_en = _gap(said, first.value)
        hint_zh = hint_en = ""
        base = claim.kind.partition(".")[0]
        if base == "received" and len(options) == 1 and ctx.facts.t3 is not None:
            both = _t3_readings(ctx.facts.t3, claim.kind, True)
            if len(both) == 2 and both[1].allows(said):
                hint_zh = f"；一+二（含上年结转）才是{said}，但上年结转的申请不是本年“收到”的"
                hint_en = (
                    f"; {said} is rows 1+2 (with last year's carry-over), "
                    "which were not received this year"
                )
        described = [(r, r.describe()) for r in options]
        yield Issue(
            q.span,
            f"正文与表格不一致：正文{_kind_zh(claim.kind)}为{said}件（“{quote(q.label)}{q.text}{q.unit}”），"
            f"而{'，'.join(_alt_zh(r, d) for r, d in described)}，{gap_zh}{hint_zh}",
            f"the text contradicts the tables: it says {said} {_kind_en(claim.kind)} "
            f"('{quote(q.label)}{q.text}{q.unit}'), but "
            f"{', '.join(_alt_en(r, d) for r, d in described)}; {gap_en}{hint_en}",
            related=related(o for _, d in described for o in d.cells),
        )


def _t2_said(claim) -> tuple[str, str]:
    """What the text says of table 二, as a finding quotes it (zh, en)."""
    q = claim.quantity
    said = int(q.value)
    row_zh, row_en = _T2_ROW_ZH[claim.row], _T2_ROW_EN[claim.row]
    return (
        f"正文{row_zh}{_T2_COL_ZH[claim.columns[0]]}为{said}件（“{quote(q.label)}{q.text}{q.unit}”）",
        f"the text says {said} {row_en} {_T2_COL_EN[claim.columns[0]]} "
        f"('{quote(q.label)}{q.text}{q.unit}')",
    )


def _t2_findings(ctx):
    t2 = ctx.facts.t2
    glued = {g.row: g for g in ctx.facts.glued_table_two}
    for claim in ctx.facts.table_two_claims:
        q = claim.quantity
        said = int(q.value)
        row_zh, row_en = _T2_ROW_ZH[claim.row], _T2_ROW_EN[claim.row]
        if t2 is not None:
            col = claim.columns[0] if t2.layout == "2021" else claim.columns[1]
            if col is None:
                continue
            cell = t2.value(claim.row, col)
            if not _usable(cell) or cell.value == said:
                continue
            gap_zh, gap_en = _gap(said, cell.value)
            said_zh, said_en = _t2_said(claim)
            zh_name = f"表二“{row_zh}”{_T2_COL_ZH[col]}"
            en_name = f"table II {row_en}, {_T2_COL_EN[col]}"
            yield Issue(
                q.span,
                f"正文与表格不一致：{said_zh}，而{zh_name}为{cell.value}，{gap_zh}",
                f"the text contradicts the tables: {said_en}, but {en_name} is {cell.value}; "
                f"{gap_en}",
                related=((cell.span, f"{zh_name} = {cell.value}", f"{en_name} = {cell.value}"),),
            )
        elif claim.row in glued and claim.columns[0] in _T2_ORDER:
            g = glued[claim.row]
            at = _T2_ORDER.index(claim.columns[0])
            options = splits(g.digits, len(_T2_ORDER))
            if not options or any(o[at] == said for o in options):
                continue
            col = _T2_COL_ZH[claim.columns[0]]
            said_zh, said_en = _t2_said(claim)
            yield Issue(
                q.span,
                f"正文与表格不一致：{said_zh}，而表二“{row_zh}”一行的数字连在一起（{g.digits}），"
                f"无论怎样拆分，{col}都不是{said}",
                f"the text contradicts the tables: {said_en}, but table II's {row_en} row "
                f"reads {g.digits} (cells run together), and no way of splitting it gives "
                f"{said} {_T2_COL_EN[claim.columns[0]]}",
                related=(
                    (
                        g.span,
                        f"表二 {row_zh}：{g.digits}",
                        f"table II {row_en}: {g.digits}",
                    ),
                ),
            )


_RESULT_KINDS = frozenset(
    (
        "granted",
        "partial",
        "granted_partial",
        "refused",
        "unable",
        "not_processed",
        "other_processed",
    )
)


def _share_findings(ctx):
    """A share printed after a result count that the text gives no total for ("予以公开42件，
    占51.85%"): recomputed from table 三, the count over the （七）总计 row."""
    t3 = ctx.facts.t3
    if t3 is None:
        return
    base = _row_sum(t3, "t3.results.total")
    if base is None or base.value <= 0:
        return
    for claim in ctx.facts.count_claims:
        q = claim.quantity
        if claim.kind not in _RESULT_KINDS or q.share is None or claim.parent is not None:
            continue
        said = int(q.value)
        part = next((r for r in readings(ctx, claim) if not r.missing and r.value == said), None)
        if part is None:
            continue  # the count itself disagrees (reported above) or cannot be checked
        sh = q.share
        if share_matches(q.value, Decimal(base.value), sh.value, sh.decimals):
            continue
        exact = q.value * 100 / Decimal(base.value)
        want = exact.quantize(Decimal(1).scaleb(-sh.decimals), rounding=ROUND_HALF_UP)
        slip = abs(exact - sh.value) < Decimal(1).scaleb(-sh.decimals)
        total_zh = f"表三{_t3_row('t3.results.total', t3.layout).quoted}"
        yield Issue(
            sh.span,
            f"占比与表格不符：正文{_kind_zh(claim.kind)}{said}件印为占{sh.value:f}%，"
            f"而按表格{said}/{base.value}（{total_zh}）= {want:f}%"
            + ("，差在末位的舍入（应四舍五入）" if slip else ""),
            f"the share does not match the tables: the text prints {sh.value:f}% for "
            f"{said} {_kind_en(claim.kind)}, but {said}/{base.value} (table III (7) total) "
            f"= {want:f}%" + (" — a rounding slip in the last digit" if slip else ""),
            related=related((*part.describe().cells, *base.operands)),
            severity=Severity.WARNING if slip else None,
        )


#: rows of the old statistics table as messages name them (its labels vary by province)
_OLD_ZH = {
    "old.proactive": "主动公开信息数",
    "old.proactive.website": "政府网站公开数",
    "old.requests": "受理申请总数",
    "old.requests.in_person": "当面申请数",
    "old.requests.online": "网上申请数",
    "old.requests.letter_fax": "信函（传真）申请数",
    "old.requests.letter": "信函申请数",
    "old.requests.fax": "传真申请数",
    "old.requests.email": "电子邮件申请数",
    "old.replies.granted": "同意公开答复数",
    "old.replies.partial": "同意部分公开答复数",
    "old.replies.refused": "不予公开答复数",
    "old.review": "行政复议数",
    "old.litigation": "行政诉讼数",
}
_OLD_EN = {
    "old.proactive": "items published proactively",
    "old.proactive.website": "items published on government websites",
    "old.requests": "requests accepted",
    "old.requests.in_person": "requests made in person",
    "old.requests.online": "requests made online",
    "old.requests.letter_fax": "requests by letter or fax",
    "old.requests.letter": "requests by letter",
    "old.requests.fax": "requests by fax",
    "old.requests.email": "requests by e-mail",
    "old.replies.granted": "requests granted",
    "old.replies.partial": "requests partly granted",
    "old.replies.refused": "requests refused",
    "old.review": "administrative reviews",
    "old.litigation": "lawsuits",
}


def _what(row: str) -> str:
    """What the text counts, from the row's name: 受理申请总数 → 受理申请, 行政复议数 → 行政复议."""
    name = _OLD_ZH[row]
    return name[:-2] if name.endswith("总数") else name.removesuffix("数")


_OLD_COL = {"year": ("本年度", "this year"), "cumulative": ("历年累计", "cumulative")}


def _old_findings(ctx):
    """The text against the old statistics table (reports up to 2018)."""
    grid = getattr(ctx.facts, "old_table", None)
    if grid is None:
        return
    for claim in ctx.facts.old_table_claims:
        if claim.column == "as_of":
            yield from _as_of_finding(grid, claim)
            continue
        row = next((r for r in claim.rows if grid.value(r, claim.column) is not None), None)
        if row is None:
            continue
        cell = grid.value(row, claim.column)
        if not _usable(cell):
            continue
        q = claim.quantity
        said = int(q.value)
        if cell.value == said:
            continue
        col_zh, col_en = _OLD_COL[claim.column]
        name_zh = f"统计表“{_OLD_ZH[row]}”{col_zh}"
        name_en = f"the statistics table's {_OLD_EN[row]} ({col_en})"
        gap_zh, gap_en = _gap(said, cell.value)
        other = "year" if claim.column == "cumulative" else "cumulative"
        alt = grid.value(row, other)
        hint_zh = hint_en = ""
        if _usable(alt) and alt.value == said:
            hint_zh = f"；{said}是{_OLD_COL[other][0]}一栏的数"
            hint_en = f"; {said} is the {_OLD_COL[other][1]} figure"
        yield Issue(
            q.span,
            f"正文与统计表不一致：正文{_what(row)}为{said}{q.unit}"
            f"（“{quote(q.label)}{q.text}{q.unit}”），"
            f"而{name_zh}为{cell.value}，{gap_zh}{hint_zh}",
            f"the text contradicts the statistics table: it says {said} {_OLD_EN[row]} "
            f"('{quote(q.label)}{q.text}{q.unit}'), but {name_en} is {cell.value}; "
            f"{gap_en}{hint_en}",
            related=((cell.span, f"{name_zh} = {cell.value}", f"{name_en} = {cell.value}"),),
        )


def _as_of_finding(grid, claim):
    """ "至2012年底…主动公开…共48条": the cumulative figure, or this year's? Wrong under both
    readings is an error; right only as this year's figure is not checkable (info)."""
    row = claim.rows[0]
    year, cum = grid.value(row, "year"), grid.value(row, "cumulative")
    if not (_usable(year) and _usable(cum)):
        return
    q = claim.quantity
    said = int(q.value)
    if said == cum.value:
        return
    said_zh = f"“{quote(q.label)}{q.text}{q.unit}”"
    related_ = (
        (year.span, f"统计表“{_OLD_ZH[row]}”本年度 = {year.value}", f"this year = {year.value}"),
        (cum.span, f"统计表“{_OLD_ZH[row]}”历年累计 = {cum.value}", f"cumulative = {cum.value}"),
    )
    if said == year.value:
        yield Issue(
            q.span,
            f"无法核对：正文{said_zh}以“截至年底”表述，读作累计数，但等于统计表本年度数"
            f"{year.value}，而历年累计为{cum.value}——请写明是本年度还是累计",
            f"not checkable: the text's '{quote(q.label)}{q.text}{q.unit}' is stated "
            f"'as of the year's end' and reads as a cumulative figure, but it equals this "
            f"year's {year.value}; the cumulative figure is {cum.value} — say which it is",
            related=related_,
            severity=Severity.INFO,
        )
        return
    yield Issue(
        q.span,
        f"正文与统计表不一致：正文{said_zh}既不等于统计表“{_OLD_ZH[row]}”本年度{year.value}，"
        f"也不等于历年累计{cum.value}",
        f"the text contradicts the statistics table: '{quote(q.label)}{q.text}{q.unit}' is "
        f"neither this year's {year.value} nor the cumulative {cum.value}",
        related=related_,
    )


@rule(
    "X401",
    "text-table-mismatch",
    Severity.ERROR,
    "正文数字与表格不一致",
    "a number in the text contradicts the tables",
)
def text_table_mismatch(ctx):
    """
    正文引用的数字（共收到申请N件、办结N件、上年结转N件、结转下年度N件、予以公开N件等
    办理结果、不予公开/无法提供/不予处理/其他处理N件（对应各分项之和）、行政复议N件、
    行政诉讼N件（直接起诉与复议后起诉之和）及其结果、现行有效/本年制发/本年废止的
    规章和行政规范性文件N件）必须与表二、表三、表四一致；办理结果后印出的占比（正文未给
    总数时）按表三（七）总计重新计算。“受理申请”可能含上年结转，
    因此与“一”或“一+二”之一相符即可；“收到”“新收”只对应“一”。表格中所需单元格无效
    时不作比较；未填报的单元格按“至少”比较：已填报单元格之和已大于正文数字时仍是错误。
    爬虫副本表二数字连在一起时，只有任何拆分都不可能得到正文数字才报告。2018年及以前的
    报告与附表（政府信息公开情况统计表）比较：累计主动公开N条对“历年累计”，以年份开头
    的全年数字（主动公开、网站公开、受理申请及当面/网上/信函等渠道、同意/部分/不予公开）
    对“本年度”；乡镇、县直等部分单位或单一渠道的数字不比较。

    Numbers quoted in the text (requests received, answered, carried over or
    forward, each result category — 不予公开 etc. against the sum of its rows —,
    administrative reviews and lawsuits (direct + after review) and their
    results, regulations and normative documents in force / issued / repealed)
    must agree with tables II, III and IV; a share printed after a result
    count whose total the text does not give is recomputed against table
    III's (7) total. "Accepted" (受理) may include last
    year's carry-over, so row 一 or 一+二 will do; "received" (收到, 新收) is
    row 一 only. Invalid cells are not compared; blank cells make the table a
    lower bound: when the reported cells already exceed the text's figure, it
    is still wrong. A crawler copy whose table 二 digits run together is
    reported only when no split gives the text's figure. Reports up to 2018
    are compared with their statistics table (附表): a cumulative 累计主动公开
    figure with the 历年累计 column, the year's figures in a sentence that
    opens with the year (published proactively, on websites, requests
    accepted and per channel, granted / partly / refused) with the 本年度
    column; figures of part of the body (townships, county departments) or
    of one channel are not compared.

    错误示例 / Bad:
        2024年，区政府办代表区政府受理政府信息公开申请97件，均已在法定期限内予以答复。
    正确示例 / Good:
        2024年，区政府办代表区政府受理政府信息公开申请95件，均已在法定期限内予以答复。
    """
    yield from _count_findings(ctx)
    yield from _share_findings(ctx)
    yield from _t2_findings(ctx)
    yield from _old_findings(ctx)
