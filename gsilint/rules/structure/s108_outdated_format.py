"""S108 outdated-format: the tables follow the format of another report year."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule
from gsilint.tables.spec import table_format


def _expected_format(ctx) -> str | None:
    tid = ctx.facts.template.id
    return tid if tid in ("2019", "2021") else None


def _other_rows_2021() -> str:
    """The 2021 rows of （六）其他处理, each label cut at its first clause.

    "1.申请人无正当理由逾期不补正…、2.申请人逾期未按收费通知要求缴纳费用…、3.其他"
    """
    rows = [r for r in table_format("2021").t3.rows if r.key.startswith("t3.results.other.")]
    return "、".join(r.label.split("、")[0] + "…" if "、" in r.label else r.label for r in rows)


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

    错误示例 / Bad:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 本年新制作数量 本年新公开数量 对外公开总数量
        规章 0 0 0
        规范性文件 3 3 8
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 本年制发件数 本年废止件数 现行有效件数
        规章 0 0 0
        行政规范性文件 3 12 28
    """
    want = _expected_format(ctx)
    if want is None:
        return
    other = "2019" if want == "2021" else "2021"
    t3 = ctx.facts.t3
    if t3 is not None and t3.layout != want:
        key = "t3.results.other" if t3.layout == "2019" else "t3.results.other.no_correction"
        span = t3.row_spans.get(key, Span(t3.span.start, t3.span.start))
        other_title = table_format(t3.layout).t3.group_title("other")
        if t3.layout == "2019":
            zh = (
                f"表三“{other_title}”只有一行（2019 年格式），2021 年起应分为 "
                f"{_other_rows_2021()} 三行"
            )
            en = (
                "table III '(6) other handling' is a single row (2019 format); "
                "from 2021 it has three rows"
            )
        else:
            zh = f"表三“{other_title}”分为三行（2021 年格式），2019、2020 年度报告应为一行"
            en = (
                "table III '(6) other handling' has three rows (2021 format); "
                "2019/2020 reports have one row"
            )
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
                f"table II uses the {other}-format label '{label}'; "
                f"this report should use the {want} format",
                related=tuple(
                    (s, "同一格式的其他栏目", "another label of that format") for s in found[1:6]
                ),
            )
