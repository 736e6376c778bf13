"""A302 part-exceeds-whole: a part stated in the text is larger than its whole."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.rules import rule
from gsilint.rules.arithmetic._common import (
    _fmt,
    _half_units,
    _identity_findings,
    _q,
    _short_label,
)


@rule(
    "A302",
    "part-exceeds-whole",
    Severity.ERROR,
    "部分大于整体（正文或旧版统计表）",
    "a part is larger than its whole (in the text or the old statistics table)",
)
def part_exceeds_whole(ctx):
    """
    部分不能大于整体：“其中”列出的单个分项不能大于总数；“采用”数不能大于“报送”数；
    未提及上年结转时，“办结”数不能大于“受理/收到”数。

    A part cannot be larger than its whole: one listed part larger than the
    total before "其中"; more items adopted (采用) than submitted (报送); more
    requests closed (办结) than received (受理/收到) when the sentence mentions
    no carry-over from last year.

    旧版“政府信息公开情况统计表”（2018 年及以前）中，政府网站公开数、政府公报公开数都不能大于
    主动公开文件数；未列“其他类型答复数”时，同意、部分同意、否决公开之和不能大于答复总数；
    任何一行的本年度不能大于历年累计。

    In the old statistics table (≤ 2018), neither the website nor the gazette
    count can exceed the documents published; without an "other kinds" row,
    granted + partly granted + refused cannot exceed the replies; no row's
    count for the year can exceed its cumulative count.

    错误示例 / Bad:
        全年共报送政务信息36篇，市政府门户网站采用53篇。
    正确示例 / Good:
        全年共报送政务信息63篇，市政府门户网站采用53篇。
    """
    for b in ctx.facts.breakdowns:
        for p in b.parts:
            if p.value > b.total.value + _half_units([p, b.total]):
                diff = p.value - b.total.value
                yield Issue(
                    p.span,
                    f"分项大于总数：“{_short_label(p)}”为{_q(p)}，大于总数“{_short_label(b.total)}”{_q(b.total)}，多{_fmt(diff)}",
                    f"a part is larger than its total: '{_short_label(p)}' is {_q(p)}, "
                    f"more than the total '{_short_label(b.total)}' {_q(b.total)} by {_fmt(diff)}",
                    related=(
                        (
                            b.total.span,
                            f"总数：{_short_label(b.total)}{_q(b.total)}",
                            f"total: {_short_label(b.total)} {_q(b.total)}",
                        ),
                    ),
                )
    for pw in ctx.facts.part_whole_pairs:
        if pw.part.value <= pw.whole.value:
            continue
        diff = pw.part.value - pw.whole.value
        w, p = pw.relation.split("/")
        yield Issue(
            pw.keyword_span,
            f"部分大于整体：{p}数{_q(pw.part)}大于{w}数{_q(pw.whole)}（“{_short_label(pw.whole)}”），多{_fmt(diff)}",
            f"a part is larger than its whole: {p} {_q(pw.part)} exceeds {w} {_q(pw.whole)} "
            f"('{_short_label(pw.whole)}') by {_fmt(diff)}",
            related=(
                (
                    pw.whole.span,
                    f"整体：{_short_label(pw.whole)}{_q(pw.whole)}",
                    f"whole: {_short_label(pw.whole)} {_q(pw.whole)}",
                ),
            ),
        )
    # the old statistics table: a 其中 row larger than its total, 本年度 larger than 历年累计
    yield from _identity_findings(ctx, "A302")
