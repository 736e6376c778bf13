"""X: the text against the tables — quoted counts and claims in words.

The prose side comes from the ``count_claims`` and ``word_claims`` facts
(``gsilint/facts/claims.py``), the table side from the mapped tables ``t3``
and ``t4`` (``gsilint/facts/tables.py``). A comparison is made only when
every table cell it needs is reported and valid; a text figure is a
contradiction only when it matches none of its plausible readings (收到 may
count last year's carry-over: 一 or 一+二).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from gsilint.facts.claims import CountClaim
from gsilint.findings import Issue, Severity
from gsilint.normalize import norm_label
from gsilint.positions import Span
from gsilint.rules import rule
from gsilint.rules.crossfile import Place, RunIssue

_APPLICANTS = (
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
)
_ORGS = _APPLICANTS[1:]

_ROW_ZH = {
    "t3.new": "一、本年新收",
    "t3.carried_over": "二、上年结转",
    "t3.results.granted": "（一）予以公开",
    "t3.results.partial": "（二）部分公开",
    "t3.results.total": "（七）总计",
    "t3.carry_forward": "四、结转下年度",
}
_GROUP_ZH = {
    "refused": "（三）不予公开",
    "unable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other": "（六）其他处理",
}
_COL_ZH = {
    "natural_person": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "public_interest": "社会公益组织",
    "legal_service": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}
_T4_ZH = {
    "review": "行政复议",
    "direct_suit": "未经复议直接起诉",
    "suit_after_review": "复议后起诉",
}
_T4_COL_ZH = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}
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


def _usable(cell) -> bool:
    return cell is not None and cell.usable and isinstance(cell.value, int)


def _row_total(grid, row: str, cols: tuple[str, ...] | None = None):
    """Sum of ``row`` over ``cols`` (default: the 总计 cell, else the six applicant columns)."""
    name = _ROW_ZH.get(row, grid.row_labels.get(row, row))
    if cols is None:
        c = grid.value(row, "total")
        if _usable(c):
            return c.value, [(c.span, f"表三 {name}（总计）= {c.value}")]
        cols = _APPLICANTS
    cells = [grid.value(row, col) for col in cols]
    if not all(_usable(c) for c in cells):
        return None
    return sum(c.value for c in cells), [
        (c.span, f"表三 {name}（{_COL_ZH[col]}）= {c.value}") for c, col in zip(cells, cols)
    ]


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
            "natural_person": "自然人",
            "commercial": "商业企业",
            "organisations": "法人或其他组织",
        }[sub]
        add(
            ["t3.new"],
            f"表三 一、本年新收{who_zh}",
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
        add(["t3.results.total"], "表三（七）总计", "table 三 （七） total")
    elif kind == "carried_over":
        add(["t3.carried_over"], "表三 二、上年结转", "table 三 row 二 (carried over)")
    elif kind == "carry_forward":
        add(
            ["t3.carry_forward"], "表三 四、结转下年度继续办理", "table 三 row 四 (carried forward)"
        )
    elif kind == "granted":
        add(["t3.results.granted"], "表三（一）予以公开", "table 三 （一） granted")
    elif kind == "partial":
        add(["t3.results.partial"], "表三（二）部分公开", "table 三 （二） partly granted")
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
            f"表三{_GROUP_ZH[group]}各项之和",
            f"table 三 {_GROUP_ZH[group]} (sum of its rows)",
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
        "natural_person": "（自然人）",
        "commercial": "（商业企业）",
        "organisations": "（法人或其他组织）",
        "upheld": "结果维持",
        "corrected": "结果纠正",
        "other": "其他结果",
        "pending": "尚未审结",
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
        2022年，全区收到政府信息公开申请75件……（表三“一、本年新收”总计为74，上年结转为0）
    正确示例 / Good:
        2022年，全区收到政府信息公开申请74件……（表三“一、本年新收”总计为74）
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
                hint_en = f"; {said} is 一+二 (with last year's carry-over), which were not received this year"
        related = tuple((span, d, d) for r in options for span, d in r.cells)
        yield Issue(
            q.span,
            f"正文与表格不一致：正文{_kind_zh(claim.kind)}为{said}件（“{q.label[-16:]}{q.text}{q.unit}”），"
            f"而{alts_zh}，相差{diff:+d}{hint_zh}",
            f"the text contradicts the tables: it says {_kind_en(claim.kind)} = {said}, but {alts_en} "
            f"(difference {diff:+d}){hint_en}",
            related=related,
        )


@rule(
    "X402",
    "claim-contradiction",
    Severity.ERROR,
    "正文的文字表述与表格矛盾",
    "a claim in words is denied by the tables",
)
def claim_contradiction(ctx):
    """
    正文中不带数字的表述也要与表格一致：“未收到政府信息公开申请”而表三“一、本年新收”大于0；
    “未发生行政复议/行政诉讼”而表四相应总计大于0；“均获维持”而表四结果纠正或尚未审结
    大于0；“所有申请均已办理完成”而表三“四、结转下年度继续办理”大于0。

    Claims in words must agree with the tables: "no requests received" while
    table 三 row 一 is above 0; "no review / lawsuit" while table 四 counts
    some; "all upheld" while table 四 has corrected or pending cases; "all
    requests closed" while table 三 row 四 (carried forward) is above 0.

    错误示例 / Bad:
        本年度未收到政府信息公开申请。（表三“一、本年新收”总计为3）
    正确示例 / Good:
        本年度收到政府信息公开申请3件，均已按期答复。
    """
    t3, t4 = ctx.facts.t3, ctx.facts.t4
    for claim in ctx.facts.word_claims:
        if claim.kind == "no_applications" and t3 is not None:
            got = _row_total(t3, "t3.new")
            if got is not None and got[0] > 0:
                yield Issue(
                    claim.span,
                    f"正文称“{claim.text}”，但表三“一、本年新收政府信息公开申请数量”为{got[0]}",
                    f"the text says '{claim.text}' (no requests), but table 三 row 一 counts {got[0]}",
                    related=tuple((s, d, d) for s, d in got[1]),
                )
        elif claim.kind in ("no_review", "no_litigation") and t4 is not None:
            groups = (
                ("review",) if claim.kind == "no_review" else ("direct_suit", "suit_after_review")
            )
            cells = [(g, t4.value("t4.cases", f"{g}.total")) for g in groups]
            if all(_usable(c) for _, c in cells) and sum(c.value for _, c in cells) > 0:
                n = sum(c.value for _, c in cells)
                what_zh = "行政复议" if claim.kind == "no_review" else "行政诉讼"
                yield Issue(
                    claim.span,
                    f"正文称“{claim.text}”（无{what_zh}），但表四{what_zh}总计为{n}",
                    f"the text says '{claim.text}' (none), but table 四 counts {n} "
                    f"{'reviews' if claim.kind == 'no_review' else 'lawsuits'}",
                    related=tuple(
                        (
                            c.span,
                            f"表四 {_T4_ZH[g]}总计 = {c.value}",
                            f"table 四 {g}.total = {c.value}",
                        )
                        for g, c in cells
                    ),
                )
        elif claim.kind == "all_upheld" and t4 is not None:
            groups = [
                g
                for grp in claim.groups
                for g in (("review",) if grp == "review" else ("direct_suit", "suit_after_review"))
            ]
            bad = []
            for g in groups:
                for col in ("corrected", "pending"):
                    c = t4.value("t4.cases", f"{g}.{col}")
                    if _usable(c) and c.value > 0:
                        bad.append((g, col, c))
            if bad:
                lst = "，".join(f"{_T4_ZH[g]}{_T4_COL_ZH[col]}{c.value}" for g, col, c in bad)
                yield Issue(
                    claim.span,
                    f"正文称“{claim.text}”，但表四有{lst}",
                    f"the text says '{claim.text}' (all upheld), but table 四 has "
                    + ", ".join(f"{g}.{col} = {c.value}" for g, col, c in bad),
                    related=tuple(
                        (
                            c.span,
                            f"表四 {_T4_ZH[g]}{_T4_COL_ZH[col]} = {c.value}",
                            f"table 四 {g}.{col} = {c.value}",
                        )
                        for g, col, c in bad
                    ),
                )
        elif claim.kind == "all_closed" and t3 is not None:
            got = _row_total(t3, "t3.carry_forward")
            if got is None:
                continue
            if got[0] > 0:
                yield Issue(
                    claim.span,
                    f"正文称“{claim.text}”，但表三“四、结转下年度继续办理”为{got[0]}",
                    f"the text says '{claim.text}' (all closed), but table 三 row 四 carries {got[0]} forward",
                    related=tuple((s, d, d) for s, d in got[1]),
                )


# -- X403: last year's carry-forward is this year's carry-over ------------------

_X403 = "X403"


def _org_key(name: str | None) -> str | None:
    if not name:
        return None
    key = norm_label(name)
    return key if len(key) >= 2 else None


def _same_org(a: str, b: str) -> bool:
    """The same body, allowing a fuller name one year ("淮安市洪泽区人民政府" / "洪泽区人民政府")."""
    short, long_ = sorted((a, b), key=len)
    if short == long_:
        return True
    # the fuller name only adds the higher divisions in front: "淮安市" + "洪泽区人民政府"
    return (
        len(short) >= 5
        and long_.endswith(short)
        and long_[: -len(short)][-1:] in ("省", "市", "州", "盟", "县", "区")
    )


@dataclass(frozen=True, slots=True)
class CarryCell:
    value: int
    place: Place


@dataclass(frozen=True, slots=True)
class CarryOverNote:
    """What X403 keeps of one report: its body and year, rows 二 and 四 of table 三."""

    org: str
    year: int
    #: 二、上年结转, by column (total and the applicant columns)
    carried: dict[str, CarryCell]
    #: 四、结转下年度继续办理, by column
    forward: dict[str, CarryCell]


def _row_note(ctx, t3, row: str) -> dict[str, CarryCell]:
    out: dict[str, CarryCell] = {}
    for col in (*_APPLICANTS, "total"):
        c = t3.value(row, col)
        if _usable(c):
            out[col] = CarryCell(c.value, ctx.place(c.span))
    return out


def _carry_issue(path: str, cur: CarryOverNote, prev: CarryOverNote, prev_path: str):
    cols = [
        c
        for c in ("total", *_APPLICANTS)
        if c in cur.carried and c in prev.forward and cur.carried[c].value != prev.forward[c].value
    ]
    if not cols:
        return None
    first = cur.carried[cols[0]]
    diffs_zh = "，".join(
        f"{_COL_ZH[c]}：本年{cur.carried[c].value}，上年{prev.forward[c].value}" for c in cols
    )
    diffs_en = ", ".join(f"{c}: {cur.carried[c].value} vs {prev.forward[c].value}" for c in cols)
    pv = prev.forward[cols[0]]
    where = f"{prev_path}:{pv.place.location.line}:{pv.place.location.column}"
    diff = first.value - pv.value
    zh = (
        f"上年结转与{prev.year}年报告不符：本报告表三“二、上年结转”{_COL_ZH[cols[0]]}为"
        f"{first.value}，而{prev.year}年报告（{where}）“四、结转下年度继续办理”为{pv.value}，"
        f"相差{diff:+d}" + (f"（{diffs_zh}）" if len(cols) > 1 else "")
    )
    en = (
        f"carry-over differs from the {prev.year} report: table 三 row 二 {cols[0]} is "
        f"{first.value} here, but row 四 (carried forward) of the {prev.year} report ({where}) "
        f"is {pv.value}, {diff:+d}" + (f" ({diffs_en})" if len(cols) > 1 else "")
    )
    related = tuple(
        (
            cur.carried[c].place,
            f"本年上年结转（{_COL_ZH[c]}）= {cur.carried[c].value}",
            f"carried over ({c}) = {cur.carried[c].value}",
        )
        for c in cols[1:]
    )
    return RunIssue(path, first.place, zh, en, related)


def compare_carry_over(notes: Mapping[str, CarryOverNote]) -> Iterator[RunIssue]:
    """Pair each report with last year's report of the same body and compare the carry-over."""
    for path, cur in notes.items():
        prevs = [
            (p, n) for p, n in notes.items() if n.year == cur.year - 1 and _same_org(n.org, cur.org)
        ]
        values = {tuple(sorted((c, v.value) for c, v in n.forward.items())) for _, n in prevs}
        if len(values) != 1:
            continue  # no report of last year, or copies that disagree (ambiguous)
        issue = _carry_issue(path, cur, prevs[0][1], prevs[0][0])
        if issue is not None:
            yield issue


@rule(
    "X403",
    "carry-over-mismatch",
    Severity.WARNING,
    "上年结转与上年报告的结转下年度不一致",
    "this year's carry-over differs from last year's report",
    compare=compare_carry_over,
)
def carry_over_mismatch(ctx) -> CarryOverNote | None:
    """
    本年表三“二、上年结转政府信息公开申请数量”应等于上一年度报告表三“四、结转下年度继续
    办理”，逐列比较。只有上一年度的报告在同一次检查中（同一机关，按标题或落款识别，
    年份相差1）时才能比较：本规则在每个文件中记下这两行，全部文件检查完后再配对比较，
    因此结果与文件顺序和 --jobs 无关。

    Table 三 row 二 (carried over from last year) must equal row 四 (carried
    forward) of last year's report, column by column. Only possible when last
    year's report of the same body is checked in the same run: each file notes
    both rows and the run pairs them once every file is checked, so the
    result does not depend on file order or --jobs.

    错误示例 / Bad:
        2021年报告：四、结转下年度继续办理 … 总计 2
        2022年报告：二、上年结转政府信息公开申请数量 … 总计 1
    正确示例 / Good:
        2021年报告：四、结转下年度继续办理 … 总计 1
        2022年报告：二、上年结转政府信息公开申请数量 … 总计 1
    """
    t3 = ctx.facts.t3
    year = ctx.facts.report_year
    org = _org_key(ctx.facts.organisation)
    if t3 is None or year is None or org is None:
        return None
    return CarryOverNote(
        org,
        year.value,
        _row_note(ctx, t3, "t3.carried_over"),
        _row_note(ctx, t3, "t3.carry_forward"),
    )
