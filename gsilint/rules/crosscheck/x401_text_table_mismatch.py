"""X401 text-table-mismatch: a number quoted in the text contradicts tables 三 and 四."""

from __future__ import annotations

from dataclasses import dataclass

from gsilint.facts.claims import CountClaim
from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule
from gsilint.rules.crosscheck._common import (
    _APPLICANTS,
    _COL_ZH,
    _T4_COL_ZH,
    _T4_ZH,
    _group_title,
    _row_total,
    _t3_row,
    _usable,
)

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
    "carried_over": "carried over from last year",
    "carry_forward": "carried forward",
    "granted": "granted",
    "partial": "partly granted",
    "granted_partial": "granted in full or in part",
    "refused": "refused",
    "unable": "unable to provide",
    "not_processed": "not processed",
    "other_processed": "other handling",
    "review": "administrative reviews",
    "litigation": "lawsuits",
    "direct_suit": "direct lawsuits",
    "suit_after_review": "lawsuits after review",
}


@dataclass(frozen=True)
class Reading:
    """One way to compute a text figure from the tables: the sum of some cells."""

    value: int
    cells: tuple[tuple[Span, str], ...]  # (span, description) of each operand cell
    zh: str
    en: str


def _rows_sum(grid, rows: list[str], cols: tuple[str, ...] | None = None):
    total, cells = 0, []
    if not rows:
        return None
    for row in rows:
        got = _row_total(grid, row, cols)
        if got is None:
            return None
        total += got[0]
        cells += got[1]
    return total, cells


def _leaves(grid, group: str) -> list[str]:
    prefix = f"t3.results.{group}"
    return [k for k in grid.rows if k == prefix or k.startswith(prefix + ".")]


def _t3_readings(t3, kind: str, with_carry: bool = True) -> list[Reading]:
    out: list[Reading] = []

    def add(rows, zh, en, cols=None):
        got = _rows_sum(t3, rows, cols)
        if got is not None:
            out.append(Reading(got[0], tuple(got[1]), zh, en))

    def name(key: str) -> str:
        return _t3_row(key, t3.layout).quoted

    base, _, sub = kind.partition(".")
    if base in ("received", "accepted"):
        cols = (
            None
            if not sub
            else (
                ("natural_person",)
                if sub == "natural_person"
                else ("commercial",)
                if sub == "commercial"
                else _ORGS
            )
        )
        who_zh = {
            "": "",
            "natural_person": _COL_ZH["natural_person"],
            "commercial": _COL_ZH["commercial"],
            "organisations": "法人或其他组织",
        }[sub]
        add(
            ["t3.new"],
            f"表三 {name('t3.new')}{who_zh}",
            f"table 三 row 一 (new requests){' ' + sub if sub else ''}",
            cols,
        )
        if base == "accepted" or with_carry:
            add(
                ["t3.new", "t3.carried_over"],
                f"表三 一+二（含上年结转）{who_zh}",
                "table 三 rows 一+二 (with carry-over)",
                cols,
            )
    elif kind == "closed":
        add(["t3.results.total"], f"表三{name('t3.results.total')}", "table 三 （七） total")
    elif kind == "carried_over":
        add(
            ["t3.carried_over"], f"表三 {name('t3.carried_over')}", "table 三 row 二 (carried over)"
        )
    elif kind == "carry_forward":
        add(
            ["t3.carry_forward"],
            f"表三 {_t3_row('t3.carry_forward', t3.layout).label}",
            "table 三 row 四 (carried forward)",
        )
    elif kind == "granted":
        add(["t3.results.granted"], f"表三{name('t3.results.granted')}", "table 三 （一） granted")
    elif kind == "partial":
        add(
            ["t3.results.partial"],
            f"表三{name('t3.results.partial')}",
            "table 三 （二） partly granted",
        )
    elif kind == "granted_partial":
        add(
            ["t3.results.granted", "t3.results.partial"],
            "表三（一）+（二）",
            "table 三 （一）+（二）",
        )
    elif kind in ("refused", "unable", "not_processed", "other_processed"):
        group = "other" if kind == "other_processed" else kind
        add(
            _leaves(t3, group),
            f"表三{_group_title(group, t3.layout)}各项之和",
            f"table 三 {_group_title(group, t3.layout)} (sum of its rows)",
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
    desc = tuple(
        (c.span, f"表四 {_T4_ZH[g]}{_T4_COL_ZH[col]} = {c.value}") for c, g in zip(cells, groups)
    )
    zh = "表四 " + "+".join(f"{_T4_ZH[g]}{_T4_COL_ZH[col]}" for g in groups)
    en = "table 四 " + "+".join(f"{g}.{col}" for g in groups)
    return [Reading(sum(c.value for c in cells), desc, zh, en)]


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
    return _KIND_EN[base] + (f" ({sub.replace('_', ' ')})" if sub else "")


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
    办理结果、行政复议N件、行政诉讼N件及其结果）必须与表三、表四一致。“收到/受理申请”
    可能含上年结转，因此与“一”或“一+二”之一相符即可；表格中所需单元格未填报或无效时
    不作比较。

    Numbers quoted in the text (requests received, answered, carried over or
    forward, each result category, administrative reviews and lawsuits and
    their results) must agree with tables 三 and 四. "Received" may include
    last year's carry-over, so matching either row 一 or 一+二 is fine; no
    comparison is made when a table cell it needs is not reported.

    错误示例 / Bad:
        2024年，区政府办代表区政府受理政府信息公开申请97件，均已在法定期限内予以答复。
    正确示例 / Good:
        2024年，区政府办代表区政府受理政府信息公开申请95件，均已在法定期限内予以答复。
    """
    for claim in ctx.facts.count_claims:
        options = readings(ctx, claim)
        if not options:
            continue
        q = claim.quantity
        said = int(q.value)
        if q.value != said or any(r.value == said for r in options):
            continue
        first = options[0]
        alts_zh = "，".join(f"{r.zh}为{r.value}" for r in options)
        alts_en = ", ".join(f"{r.en} is {r.value}" for r in options)
        diff = said - first.value
        hint_zh = hint_en = ""
        base = claim.kind.partition(".")[0]
        if base == "received" and len(options) == 1 and ctx.facts.t3 is not None:
            both = _t3_readings(ctx.facts.t3, claim.kind, True)
            if len(both) == 2 and both[1].value == said:
                hint_zh = f"；一+二（含上年结转）才是{said}，但上年结转的申请不是本年“收到”的"
                hint_en = (
                    f"; {said} is 一+二 (with last year's carry-over), "
                    "which were not received this year"
                )
        related = tuple((span, d, d) for r in options for span, d in r.cells)
        yield Issue(
            q.span,
            f"正文与表格不一致：正文{_kind_zh(claim.kind)}为{said}件（“{q.label[-16:]}{q.text}{q.unit}”），"
            f"而{alts_zh}，相差{diff:+d}{hint_zh}",
            f"the text contradicts the tables: it says {_kind_en(claim.kind)} = {said}, "
            f"but {alts_en} (difference {diff:+d}){hint_en}",
            related=related,
        )
