"""Build consistent national-format reports (tables 二/三/四) for the table tests.

``build(year, layout, kind)`` returns a :class:`Built`: the report text and
the 1-based (line, column) of every value cell of tables 三 and 四, so tests
can change one cell and know exactly where the findings must be.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

T3_2021 = [
    ("t3.new", "一、本年新收政府信息公开申请数量"),
    ("t3.carried_over", "二、上年结转政府信息公开申请数量"),
    ("t3.results.granted", "（一）予以公开"),
    ("t3.results.partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("t3.results.refused.state_secret", "1.属于国家秘密"),
    ("t3.results.refused.other_law", "2.其他法律行政法规禁止公开"),
    ("t3.results.refused.three_safety", "3.危及“三安全一稳定”"),
    ("t3.results.refused.third_party", "4.保护第三方合法权益"),
    ("t3.results.refused.internal_affairs", "5.属于三类内部事务信息"),
    ("t3.results.refused.process_info", "6.属于四类过程性信息"),
    ("t3.results.refused.enforcement_file", "7.属于行政执法案卷"),
    ("t3.results.refused.inquiry", "8.属于行政查询事项"),
    ("t3.results.unable.not_held", "1.本机关不掌握相关政府信息"),
    ("t3.results.unable.needs_creation", "2.没有现成信息需要另行制作"),
    ("t3.results.unable.unclear", "3.补正后申请内容仍不明确"),
    ("t3.results.not_processed.petition", "1.信访举报投诉类申请"),
    ("t3.results.not_processed.repeated", "2.重复申请"),
    ("t3.results.not_processed.publication", "3.要求提供公开出版物"),
    ("t3.results.not_processed.mass_repeated", "4.无正当理由大量反复申请"),
    ("t3.results.not_processed.confirm", "5.要求行政机关确认或重新出具已获取信息"),
    (
        "t3.results.other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "t3.results.other.unpaid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("t3.results.other.other", "3.其他"),
    ("t3.results.total", "（七）总计"),
    ("t3.carry_forward", "四、结转下年度继续办理"),
]
_SIX = ("t3.results.other.no_correction", "t3.results.other.unpaid", "t3.results.other.other")
T3_2019 = [r for r in T3_2021 if r[0] not in _SIX[1:]]
T3_2019[T3_2019.index((_SIX[0], T3_2021[20][1]))] = ("t3.results.other", "（六）其他处理")
GROUP = {
    "refused": "（三）不予公开",
    "unable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other": "（六）其他处理",
}
COLS = [
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
    "total",
]
T4_COLS = [
    f"{g}.{c}"
    for g in ("review", "direct_suit", "suit_after_review")
    for c in ("upheld", "corrected", "other", "pending", "total")
]

T2_2021 = """第二十条第（一）项
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t3
行政规范性文件\t2\t1\t12
第二十条第（五）项
信息内容\t本年处理决定数量
行政许可\t120
第二十条第（六）项
信息内容\t本年处理决定数量
行政处罚\t33
行政强制\t0
第二十条第（八）项
信息内容\t本年收费金额（单位：万元）
行政事业性收费\t12.5"""

T2_2019 = """第二十条第（一）项
信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
规章\t0\t0\t3
规范性文件\t2\t2\t12
第二十条第（五）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政许可\t40\t-2\t120
其他对外管理服务事项\t3\t0\t5
第二十条第（六）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政处罚\t20\t+1\t33
行政强制\t2\t0\t0
第二十条第（八）项
信息内容\t上一年项目数量\t本年增/减
行政事业性收费\t4\t0
第二十条第（九）项
信息内容\t采购项目数量\t采购总金额
政府集中采购\t3\t25.6"""


@dataclass
class Built:
    text: str
    #: (row key, column key) → (line, column), 1-based, of the value's first character
    where: dict = field(default_factory=dict)
    t3: dict = field(default_factory=dict)
    t4: list = field(default_factory=list)


def consistent_values(layout: str, seed: int = 0) -> tuple[dict, list]:
    """Table 三 values (row key → 7 ints) and table 四 values (15 ints).

    Together they satisfy every identity.
    """
    rnd = random.Random(seed)
    rows = T3_2021 if layout == "2021" else T3_2019
    leaves = [k for k, _ in rows if k.startswith("t3.results.") and k != "t3.results.total"]
    t3 = {}
    for k in leaves:
        t3[k] = [rnd.choice((0, 0, 1, 2, 5, 13)) for _ in range(6)]
    total = [sum(t3[k][c] for k in leaves) for c in range(6)]
    t3["t3.results.total"] = total
    carried = [rnd.choice((0, 1, 2)) for _ in range(6)]
    carry_fwd = [min(rnd.choice((0, 1, 3)), total[c] + carried[c]) for c in range(6)]
    t3["t3.carried_over"] = carried
    t3["t3.carry_forward"] = carry_fwd
    t3["t3.new"] = [total[c] + carry_fwd[c] - carried[c] for c in range(6)]
    for k in t3:
        t3[k] = t3[k] + [sum(t3[k])]
    t4 = []
    for _ in range(3):
        g = [rnd.choice((0, 1, 2, 7)) for _ in range(4)]
        t4.extend(g + [sum(g)])
    return t3, t4


def _fmt(v) -> str:
    return "" if v is None else str(v)


def build(
    year: int = 2023,
    layout: str | None = None,
    kind: str = "tab",
    t3: dict | None = None,
    t4: list | None = None,
    seed: int = 0,
) -> Built:
    """A whole report.

    ``kind`` is ``tab`` (tab-separated), ``space`` (PDF text), ``pipe``
    (Markdown) or ``lines`` (one cell per line).
    """
    layout = layout or ("2021" if year >= 2021 else "2019")
    v3, v4 = consistent_values(layout, seed)
    t3 = t3 if t3 is not None else v3
    t4 = t4 if t4 is not None else v4
    rows = T3_2021 if layout == "2021" else T3_2019
    lines: list[str] = []
    where: dict = {}

    def emit(cells: list[str], keys: list | None = None):
        """One table row; ``keys`` gives the (row, col) key of each cell (None for labels)."""
        if kind == "lines":  # one cell per line (a browser's or crawler's copy of HTML)
            for i, cell in enumerate(cells):
                if cell == "":
                    continue
                if keys and keys[i] is not None:
                    where[keys[i]] = (len(lines) + 1, 1)
                lines.append(cell)
            return
        if kind == "tab":
            sep, lead, text = "\t", "", "\t".join(cells)
        elif kind == "pipe":
            sep, lead = " | ", "| "
            text = lead + " | ".join(cells) + " |"
        else:
            sep, lead = " ", ""
            text = " ".join(c for c in cells if c != "")
        if keys:
            col = len(lead) + 1
            for cell, key in zip(cells, keys):
                if kind == "space" and cell == "":
                    continue
                if key is not None:
                    where[key] = (len(lines) + 1, col)
                col += len(cell) + len(sep)
        lines.append(text)

    lines += [
        f"某县人民政府{year}年政府信息公开工作年度报告",
        "",
        "一、总体情况",
        "",
        f"{year}年，某县认真贯彻落实《中华人民共和国政府信息公开条例》。",
        "",
        "二、主动公开政府信息情况",
        "",
    ]
    t2 = T2_2021 if layout == "2021" else T2_2019
    if kind == "pipe":
        t2 = "\n".join("| " + " | ".join(row.split("\t")) + " |" for row in t2.splitlines())
    elif kind == "space":
        t2 = t2.replace("\t", " ")
    elif kind == "lines":
        t2 = t2.replace("\t", "\n")
    lines += t2.splitlines()
    lines += ["", "三、收到和处理政府信息公开申请情况", ""]
    emit(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"])
    emit(["", "自然人", "法人或其他组织", "", "", "", "", "总计"])
    emit(["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
    seen_groups = set()
    for key, label in rows:
        parts = key.split(".")
        cells = []
        if len(parts) == 4 or key == "t3.results.other" and False:
            group = GROUP[parts[2]]
            cells.append(group if parts[2] not in seen_groups else "")
            seen_groups.add(parts[2])
        if key == "t3.results.granted":
            cells = ["三、本年度办理结果"]
        cells.append(label)
        vals = [_fmt(v) for v in t3[key]]
        if kind == "tab":
            cells = cells + [""] * (3 - len(cells))
        elif kind == "pipe":
            cells = [" ".join(c for c in cells if c)]
        emit(cells + vals, [None] * len(cells) + [(key, c) for c in COLS])
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况", ""]
    emit(["行政复议", "", "", "", "", "行政诉讼"])
    emit(["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉"])
    emit(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    emit([_fmt(v) for v in t4], [("t4.cases", c) for c in T4_COLS])
    lines += [
        "",
        "五、存在的主要问题及改进情况",
        "",
        "一是公开内容还不够丰富。下一步将加强培训。",
        "",
        "六、其他需要报告的事项",
        "",
        "本年度未收取信息处理费。",
        "",
        "某县人民政府办公室",
        f"{year + 1}年1月20日",
        "",
    ]
    return Built("\n".join(lines), where, t3, t4)


def collapse(text: str) -> str:
    """What a crawler that drops a line equal to the line before makes of ``text``."""
    out: list[str] = []
    for line in text.split("\n"):
        if not out or line != out[-1] or not line.strip():
            out.append(line)
    return "\n".join(out)


# -- other renderings of a built report ----------------------------------------------


def _blocks(text: str):
    """The tab-layout report as blocks: ("p", line) and ("table", [cells per row])."""
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            yield "table", rows
            rows = []
        if line.strip():
            yield "p", line
    if rows:
        yield "table", rows


def to_html(text: str) -> bytes:
    """A ``kind="tab"`` report as a web page: paragraphs, and each run of tab rows a <table>."""
    from html import escape

    out = ["<html><head><meta charset='utf-8'></head><body>"]
    for kind, body in _blocks(text):
        if kind == "p":
            out.append(f"<p>{escape(body)}</p>")
            continue
        out.append("<table>")
        for row in body:
            out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out).encode("utf-8")


def to_docx(text: str) -> bytes:
    """A ``kind="tab"`` report as a Word document (python-docx): paragraphs and real tables."""
    import io

    import docx

    d = docx.Document()
    for kind, body in _blocks(text):
        if kind == "p":
            d.add_paragraph(body)
            continue
        width = max(len(r) for r in body)
        table = d.add_table(rows=len(body), cols=width)
        for i, row in enumerate(body):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def glue(b: Built, layout: str) -> str:
    """Tables 三 and 四 of ``b`` as a crawler flattens them: one line each, digits run together."""
    rows = T3_2021 if layout == "2021" else T3_2019
    t3 = (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
    )
    for key, label in rows:
        t3 += label + "".join(str(v) for v in b.t3[key])
    t4 = (
        "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
        + "结果维持结果纠正其他结果尚未审结总计" * 2
        + "".join(str(v) for v in b.t4)
    )
    head, rest = b.text.split("\n三、收到和处理政府信息公开申请情况\n", 1)
    tail = rest.split("\n五、存在的主要问题及改进情况\n", 1)[1]
    return (
        head
        + "\n三、收到和处理政府信息公开申请情况 "
        + t3
        + "\n四、政府信息公开行政复议、行政诉讼情况 "
        + t4
        + "\n五、存在的主要问题及改进情况\n"
        + tail
    )
