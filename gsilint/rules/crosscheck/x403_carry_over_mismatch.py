"""X403 carry-over-mismatch: last year's carry-forward is this year's carry-over.

Each file notes its table 三 rows 二 and 四; a run hook pairs the reports of one body in
consecutive years once every file is checked.
"""

from __future__ import annotations

from gsilint.api import RUN_HOOKS
from gsilint.config import longest_match
from gsilint.findings import Issue, Severity
from gsilint.normalize import norm_label
from gsilint.positions import Span
from gsilint.rules import rule
from gsilint.rules.crosscheck._common import _APPLICANTS, _COL_ZH, _usable
from gsilint.suppress import DEFERRED_CODES

_X403 = "X403"


def _org_key(name: str | None) -> str | None:
    if not name:
        return None
    key = norm_label(name)
    return key if len(key) >= 2 else None


def _same_org(a: str, b: str) -> bool:
    """The same body, allowing a fuller name one year ("淮安市洪泽区人民政府" /
    "洪泽区人民政府")."""
    short, long_ = sorted((a, b), key=len)
    if short == long_:
        return True
    # the fuller name only adds the higher divisions in front: "淮安市" + "洪泽区人民政府"
    return (
        len(short) >= 5
        and long_.endswith(short)
        and long_[: -len(short)][-1:] in ("省", "市", "州", "盟", "县", "区")
    )


def _cells_note(ctx, t3, row: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for col in (*_APPLICANTS, "total"):
        c = t3.value(row, col)
        if _usable(c):
            line, column = ctx.source.index.position(ctx.source.to_original(c.span.start))
            out[col] = [c.value, c.span.start, c.span.end, line, column]
    return out


def _suppressed(ctx, spans: list[tuple[int, int]]) -> list[bool]:
    """Whether an X403 finding at each span would be switched off by an inline directive."""
    from gsilint.config import matches
    from gsilint.suppress import Suppression, parse_directive, regions

    sups = [s for s in map(parse_directive, ctx.doc.directives) if isinstance(s, Suppression)]
    if not sups:
        return [False] * len(spans)
    found, _ = regions(ctx.doc, sups, ctx.source.to_original)
    return [
        any(
            r.covers(ctx.source.to_original(start))
            and (r.suppression.codes is None or matches(_X403, r.suppression.codes))
            for r in found
        )
        for start, _ in spans
    ]


@rule(
    "X403",
    "carry-over-mismatch",
    Severity.WARNING,
    "上年结转与上年报告的结转下年度不一致",
    "this year's carry-over differs from last year's report",
)
def carry_over_mismatch(ctx):
    """
    本年表三“二、上年结转政府信息公开申请数量”应等于上一年度报告表三“四、结转下年度继续
    办理”，逐列比较。只有上一年度的报告在同一次检查中（同一机关，按标题或落款识别，
    年份相差1）时才能比较：本规则在每个文件中记下这两行，全部文件检查完后再配对比较，
    因此结果与文件顺序和 --jobs 无关。

    Table 三 row 二 (carried over from last year) must equal row 四 (carried
    forward) of last year's report, column by column. Only possible when last
    year's report of the same body is checked in the same run: each file notes
    both rows and a run hook pairs them once every file is checked, so the
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
        return ()
    carried = _cells_note(ctx, t3, "t3.carried_over")
    hidden = _suppressed(ctx, [(v[1], v[2]) for v in carried.values()])
    for v, off in zip(list(carried.values()), hidden):
        v.append(off)
    ctx.notes[_X403] = {
        "org": org,
        "year": year.value,
        "carried": carried,
        "forward": _cells_note(ctx, t3, "t3.carry_forward"),
        "lang": ctx.config.lang,
        "severity": (longest_match(_X403, ctx.config.severity) or Severity.WARNING).name,
    }
    return ()


def _carry_issue(cur: dict, prev: dict, prev_path: str) -> Issue | None:
    cols = [
        c
        for c in ("total", *_APPLICANTS)
        if c in cur["carried"]
        and c in prev["forward"]
        and cur["carried"][c][0] != prev["forward"][c][0]
        and not cur["carried"][c][5]
    ]
    if not cols:
        return None
    first = cur["carried"][cols[0]]
    diffs_zh = "，".join(
        f"{_COL_ZH[c]}：本年{cur['carried'][c][0]}，上年{prev['forward'][c][0]}" for c in cols
    )
    diffs_en = ", ".join(f"{c}: {cur['carried'][c][0]} vs {prev['forward'][c][0]}" for c in cols)
    pv = prev["forward"][cols[0]]
    where = f"{prev_path}:{pv[3]}:{pv[4]}"
    zh = (
        f"上年结转与{prev['year']}年报告不符：本报告表三“二、上年结转”{_COL_ZH[cols[0]]}为{first[0]}，"
        f"而{prev['year']}年报告（{where}）“四、结转下年度继续办理”为{pv[0]}，"
        f"相差{first[0] - pv[0]:+d}" + (f"（{diffs_zh}）" if len(cols) > 1 else "")
    )
    en = (
        f"carry-over differs from the {prev['year']} report: "
        f"table 三 row 二 {cols[0]} is {first[0]} here, "
        f"but row 四 (carried forward) of the {prev['year']} report ({where}) is {pv[0]}, "
        f"{first[0] - pv[0]:+d}" + (f" ({diffs_en})" if len(cols) > 1 else "")
    )
    related = tuple(
        (
            Span(cur["carried"][c][1], cur["carried"][c][2]),
            f"本年上年结转（{_COL_ZH[c]}）= {cur['carried'][c][0]}",
            f"carried over ({c}) = {cur['carried'][c][0]}",
        )
        for c in cols[1:]
    )
    return Issue(
        Span(first[1], first[2]), zh, en, related=related, severity=Severity[cur["severity"]]
    )


def carry_over_hook(run) -> None:
    """Run hook: pair each report with last year's report of the same body and compare the
    carry-over."""
    from gsilint.config import Config
    from gsilint.resolve import make_finding

    notes = [
        (path, r, r.notes[_X403])
        for path, r in run.results.items()
        if _X403 in r.notes and r.source is not None
    ]
    for _, result, cur in notes:
        prevs = [
            (p, n)
            for p, _, n in notes
            if n["year"] == cur["year"] - 1 and _same_org(n["org"], cur["org"])
        ]
        values = {tuple(sorted((c, v[0]) for c, v in n["forward"].items())) for _, n in prevs}
        if len(values) != 1:
            continue  # no report of last year, or copies that disagree (ambiguous)
        issue = _carry_issue(cur, prevs[0][1], prevs[0][0])
        if issue is not None:
            from gsilint.rules import RULES

            result.findings.append(
                make_finding(result.source, RULES[_X403], issue, Config(lang=cur["lang"]))
            )


RUN_HOOKS.append(carry_over_hook)
DEFERRED_CODES.add(
    _X403
)  # its findings come from the hook: E003 cannot judge X403 suppressions per file
