"""X403 carry-over-mismatch: last year's carry-forward is this year's carry-over.

A cross-file rule (:mod:`gsilint.rules.crossfile`): each file's check returns a
note with its body, year and table 三 rows 二 and 四 (reports for 2008–2018:
the 本年度 and 历年累计 of every row of the old statistics table); the run
pairs the reports of one body in consecutive years once every file is checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import field

from gsilint.findings import Severity
from gsilint.records import dataclass
from gsilint.rules import rule
from gsilint.rules.crosscheck._common import _APPLICANTS, _COL_ZH, _t3_row, _usable
from gsilint.rules.crossfile import Place, RunIssue
from gsilint.rules.crossfile_pairing import body_key, last_year
from gsilint.tables.spec import old_table

_X403 = "X403"


@dataclass(frozen=True, slots=True)
class CarryCell:
    value: int
    place: Place


@dataclass(frozen=True, slots=True)
class OldRow:
    """A row of the old statistics table: its label, 本年度 and 历年累计."""

    label: str
    year: CarryCell | None
    cumulative: CarryCell | None


@dataclass(frozen=True, slots=True)
class CarryOverNote:
    """What X403 keeps of one report: its body and year, rows 二 and 四 of table 三."""

    org: str
    year: int
    #: 二、上年结转, by column (total and the applicant columns)
    carried: dict[str, CarryCell]
    #: 四、结转下年度继续办理, by column
    forward: dict[str, CarryCell]
    #: the old statistics table (2008–2018), by row key
    old: dict[str, OldRow] = field(default_factory=dict)


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
        f"上年结转与{prev.year}年报告不符：本报告表三“{_t3_row('t3.carried_over').quoted}”"
        f"{_COL_ZH[cols[0]]}为{first.value}，"
        f"而{prev.year}年报告（{where}）“{_t3_row('t3.carry_forward').label}”为{pv.value}，"
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


def _cumulative_issues(path: str, cur: CarryOverNote, prevs) -> Iterator[RunIssue]:
    """Old statistics table: this year's 历年累计 = last year's 历年累计 + this year's 本年度."""
    for key, row in cur.old.items():
        if row.year is None or row.cumulative is None:
            continue
        before = {
            n.old[key].cumulative.value
            for _, n in prevs
            if key in n.old and n.old[key].cumulative is not None
        }
        if len(before) != 1:
            continue  # not in last year's table, or copies that disagree (ambiguous)
        prev_path, prev = next(
            (p, n) for p, n in prevs if key in n.old and n.old[key].cumulative is not None
        )
        pv = prev.old[key].cumulative
        want = pv.value + row.year.value
        got = row.cumulative.value
        if got == want:
            continue
        where = f"{prev_path}:{pv.place.location.line}:{pv.place.location.column}"
        zh = (
            f"历年累计与{prev.year}年报告不符：本报告统计表“{row.label}”历年累计为{got}，"
            f"而{prev.year}年报告（{where}）的历年累计{pv.value}加本年度{row.year.value}"
            f"应为{want}，相差{got - want:+d}"
        )
        en = (
            f"cumulative differs from the {prev.year} report: statistics table row "
            f"'{row.label}' has {got} to date here, but the {prev.year} report ({where}) has "
            f"{pv.value} to date, plus {row.year.value} this year makes {want}, {got - want:+d}"
        )
        related = (
            (
                row.year.place,
                f"本年度 = {row.year.value}",
                f"this year = {row.year.value}",
            ),
        )
        yield RunIssue(path, row.cumulative.place, zh, en, related)


def compare_carry_over(notes: Mapping[str, CarryOverNote]) -> Iterator[RunIssue]:
    """Pair each report with last year's report of the same body and compare the carry-over."""
    for path, cur in notes.items():
        prevs = last_year(notes, path)
        if cur.old:
            yield from _cumulative_issues(path, cur, prevs)
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

    2018 年及以前的旧版统计表：本年“历年累计” = 上年报告的“历年累计” + 本年“本年度”，逐行比较
    （只比较两年都印出的行）。

    Old statistics table (≤ 2018): this year's cumulative = last year's
    cumulative + this year's count, row by row (rows both years print).

    错误示例 / Bad:
        淮安市洪泽区人民政府2023年政府信息公开工作年度报告
        …
        四、结转下年度继续办理 2 0 0 0 0 0 2
        ---
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
    正确示例 / Good:
        淮安市洪泽区人民政府2023年政府信息公开工作年度报告
        …
        ---
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
    """
    t3 = ctx.facts.t3
    old = ctx.facts.old_table
    year = ctx.facts.report_year
    org = body_key(ctx.facts.organisation)
    if (t3 is None and old is None) or year is None or org is None:
        return None
    return CarryOverNote(
        org,
        year.value,
        _row_note(ctx, t3, "t3.carried_over") if t3 is not None else {},
        _row_note(ctx, t3, "t3.carry_forward") if t3 is not None else {},
        _old_note(ctx, old) if old is not None else {},
    )


def _old_note(ctx, old) -> dict[str, OldRow]:
    out = {}
    for key in old.row_spans:
        cells = [old.value(key, col) for col in ("year", "cumulative")]
        year, cum = (CarryCell(c.value, ctx.place(c.span)) if _usable(c) else None for c in cells)
        if cum is not None:
            out[key] = OldRow(_old_label(key), year, cum)
    return out


def _old_label(key: str) -> str:
    row = old_table().table.row(key)
    return row.quoted if row is not None else key
