"""E: problems with the input itself. E001/E002 are emitted by the engine."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule


@rule(
    "E001",
    "unreadable-input",
    Severity.ERROR,
    "文件无法读取为报告文本",
    "file cannot be read as report text",
)
def unreadable_input(ctx):
    """
    文件为空、是二进制文件、编码无法识别、过大或无法打开时报告，其他文件照常检查。

    Reported when a file is empty, binary, in an unrecognised encoding, too
    large or cannot be opened. The other files of the run are still checked.

    错误示例 / Bad: 一个 PDF 或 Word 二进制文件被当作 .txt 传入；一个 0 字节文件。
    正确示例 / Good: UTF-8 或 GB18030 编码的报告文本。
    """
    return ()


@rule("E002", "parse-error", Severity.ERROR, "无法识别报告结构", "report structure not recognised")
def parse_error(ctx):
    """
    文本无法解析，或解析后既没有编号标题也没有表格（不像一份年度报告），在无法继续的位置报告。

    The text could not be parsed, or it has neither numbered headings nor
    tables, so it does not look like an annual report. Reported where parsing
    stopped (for an unrecognised structure, at the start of the file).

    错误示例 / Bad: 一段没有任何“一、”“（一）”标题和表格的纯文字。
    正确示例 / Good: 含“一、总体情况”等编号标题的报告。
    """
    doc = ctx.doc
    if not doc.sections and not any(True for _ in doc.tables()):
        yield Issue(
            Span(0, 0),
            "未识别出报告结构：没有编号标题（一、 （一） 1.）也没有表格",
            "no report structure recognised: no numbered headings (一、 （一） 1.) and no tables",
        )


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
    row and column sums fix the cells); those are not reported here.

    表三、表四的粘连数字若在勾稽关系约束下只有唯一一种拆分，则按该拆分读取，不再在此提示。

    错误示例 / Bad: 一、本年新收政府信息公开申请数量640020470
    正确示例 / Good: 一、本年新收政府信息公开申请数量<TAB>64<TAB>0<TAB>0<TAB>2<TAB>0<TAB>4<TAB>70
    """
    read = ctx.facts.glued_tables_read  # tables 三/四 split where the identities admit one split
    glued = [
        t
        for t in ctx.doc.tables()
        if t.glued and not any(s.start <= t.span.start < s.end for s in read)
    ]
    if glued:
        n = len(glued)
        yield Issue(
            Span(glued[0].span.start, min(glued[0].span.end, glued[0].span.start + 40)),
            f"{n} 个表格的数字粘连在一起（网页抓取副本），无法拆分单元格，已跳过表格核对",
            f"{n} table(s) have their digits run together (crawler copy); cells cannot be split, table checks skipped",
        )
