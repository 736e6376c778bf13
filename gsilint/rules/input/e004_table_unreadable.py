"""E004 table-unreadable: table cells the layout lost (glued digits, merged equal cells)."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule


@rule(
    "E004",
    "table-unreadable",
    Severity.INFO,
    "表格数字粘连，无法拆分单元格",
    "table digits run together; cells cannot be split",
)
def table_unreadable(ctx):
    """
    网页抓取的副本常把表格压成一行，单元格数字连在一起（“640020470”），无法可靠拆分。
    此时不猜测单元格，表格核对跳过，并且只在第一处提示一次。

    Crawler copies often flatten a table into one line whose cell values run
    together ("640020470") and cannot be split reliably. gsilint does not
    invent cells: table checks are skipped and this is said once, at the
    first such table. Tables 三 and 四 are read all the same when their
    identities admit exactly one split (the row labels fix the rows, the
    row and column sums fix the cells); those are not reported here, and
    neither is a glued table that no split makes consistent: the failing
    identity's rule (A303–A306) reports that as an error.

    表三、表四的粘连数字若在勾稽关系约束下只有唯一一种拆分，则按该拆分读取，不再在此提示。

    有的抓取副本每个单元格占一行，却删去了与上一行相同的行：一串相同的单元格只剩一个，
    全为 0 的行只剩一个 0。这样的行按模板列数列举所有可能的读法，由本行的勾稽关系（总计
    等于各项之和）筛选：各读法一致的单元格照常核对，不一致的单元格无法核对，在此提示；
    若没有任何读法满足勾稽关系，则无论怎样读该行都是错的，由相应的勾稽关系规则（A303–A306）按错误报告。

    Some crawler copies put each cell on a line of its own but drop a line
    equal to the one before: a run of equal cells appears once, an all-zero
    row as a single 0. Such a row is read in every way the layout allows and
    the row's identities (total = sum of the parts) choose: cells all the
    surviving readings agree on are checked as usual; the others are not
    checkable, said here at info level. A row that no reading makes
    consistent is wrong however it is read: the failing identity's rule
    (A303–A306) reports it as an error, saying so.

    旧版统计表（2018 年及以前）同样处理：粘连的“本年度”“历年累计”按勾稽关系拆分，仍有多种拆分的行、
    只剩一个数值而无法判断哪一栏空缺的行、表头没有“历年累计”却每行有多个数值的表，都在此提示。

    The old statistics table (≤ 2018) is read the same way: glued 本年度 and
    历年累计 digits are cut where the identities allow one cut; rows several
    cuts fit, rows with one number where a cell was left blank, and tables
    with several numbers a row but no 历年累计 header are said here.

    错误示例 / Bad:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        二、主动公开政府信息情况
        第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件31228
    正确示例 / Good:
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 本年制发件数 本年废止件数 现行有效件数
        规章 0 0 0
        行政规范性文件 3 12 28
    """
    read = ctx.facts.glued_tables_read  # tables 三/四 split where the identities admit one split
    glued = [
        t
        for t in ctx.doc.tables()
        if t.glued and not any(s.start <= t.span.start < s.end for s in read)
    ]
    for name in ("t2", "t3", "t4", "old"):
        grid = ctx.facts.table_grids.get(name)
        if grid is None:
            continue
        for p in grid.broken:
            if not p.rule:  # else the failing identity's rule (A303–A306) reports it
                yield Issue(p.span, p.zh, p.en, severity=Severity.ERROR)
        for p in grid.lost:
            yield Issue(p.span, p.zh, p.en)
    if glued:
        n = len(glued)
        yield Issue(
            Span(glued[0].span.start, min(glued[0].span.end, glued[0].span.start + 40)),
            f"{n} 个表格的数字粘连在一起（网页抓取副本），无法拆分单元格，已跳过表格核对",
            f"{n} table(s) have their digits run together (crawler copy); "
            "cells cannot be split, table checks skipped",
        )
