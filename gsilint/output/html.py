"""``--format html``: one self-contained page for a reviewer (no server, no network).

Each report is drawn as it reads — title, headings, paragraphs, tables as
HTML tables built from the parsed :class:`~gsilint.document.Document` — with
every finding marked where it is: the span underlined, the offending table
cell shaded, and the places a finding refers to (the operands of a sum, the
other side of a contradiction: its ``related`` locations) in a second colour.
Beside the text, the findings panel lists the findings by place, filters them
by severity and rule family, scrolls to a finding on click and opens the
rule's explanation (its docstring) on demand. With several files an overview
comes first: a row per report, a bar chart of findings per rule (inline SVG)
and, for a body with reports of several years, those reports side by side.

Findings are placed by their offsets in the *original* file; the text drawn is
the parsed (flattened) text, so each offset is carried back through the
source map. Everything taken from a report is escaped; the page's only script
is its own, allowed by hash in the page's Content-Security-Policy, and the
policy forbids any network request.
"""

from __future__ import annotations

import base64
import hashlib
import html
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import field
from importlib import resources
from pathlib import PurePath
from typing import TextIO

from gsilint import document
from gsilint.config import Config
from gsilint.findings import Finding, Location, Severity
from gsilint.output import OutputOptions, output_format, summary_counts
from gsilint.positions import Span
from gsilint.records import dataclass

_SEV_WORD = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
_FAMILY = {
    "zh": {
        "E": "输入与解析",
        "S": "结构",
        "Y": "年份与日期",
        "A": "算术与勾稽",
        "X": "正文与表格",
        "T": "文字规范",
    },
    "en": {
        "E": "input and parsing",
        "S": "structure",
        "Y": "years and dates",
        "A": "arithmetic",
        "X": "text vs tables",
        "T": "text hygiene",
    },
}
_WORDS = {
    "zh": {
        "title": "gsilint 审阅报告",
        "summary": "共 {files} 个文件，发现 {total} 处问题",
        "shown": "显示",
        "of": "/",
        "severity": "严重程度",
        "family": "规则类别",
        "overview": "总览",
        "report": "报告",
        "file": "文件",
        "body": "机关",
        "year": "年度",
        "format": "格式",
        "total": "合计",
        "chart": "各规则问题数",
        "by_year": "同一机关各年度对照",
        "rule": "规则",
        "rules": "规则说明",
        "findings": "问题",
        "no_findings": "未发现问题。",
        "unplaced": "（不在正文中的位置）",
        "no_text": "无法显示报告正文：{why}",
        "where": "第 {line} 行第 {col} 列",
        "explain": "说明",
        "close": "关闭",
        "glued": "表格数字连写（爬虫副本）：按原样显示",
        "grid": "上表数字连写，gsilint 按勾稽关系拆分后读作：",
        "lang": "zh-CN",
        "back": "回到总览",
        "keys": "按 n / p 跳到下一处 / 上一处问题",
    },
    "en": {
        "title": "gsilint review report",
        "summary": "{files} file(s), {total} finding(s)",
        "shown": "Showing",
        "of": "of",
        "severity": "Severity",
        "family": "Rule family",
        "overview": "Overview",
        "report": "Report",
        "file": "File",
        "body": "Body",
        "year": "Year",
        "format": "Format",
        "total": "Total",
        "chart": "Findings per rule",
        "by_year": "One body, several years",
        "rule": "Rule",
        "rules": "Rule explanations",
        "findings": "Findings",
        "no_findings": "No findings.",
        "unplaced": "(not at a place in the text)",
        "no_text": "The report text cannot be shown: {why}",
        "where": "line {line}, column {col}",
        "explain": "explain",
        "close": "Close",
        "glued": "Table digits run together (crawler copy): shown as written",
        "grid": "The digits above run together; gsilint split them, as the identities allow, into:",
        "lang": "en",
        "back": "back to the overview",
        "keys": "n / p: next / previous finding",
    },
}
_SEV_CLASS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
_SEV_COLOUR = {Severity.ERROR: "#c62828", Severity.WARNING: "#ef8f00", Severity.INFO: "#1e88e5"}


def esc(text: object) -> str:
    """Text for an element or a quoted attribute: ``& < > " '`` escaped, CR dropped."""
    return html.escape(str(text), quote=True).replace("\r", "")


def _asset(name: str) -> str:
    return resources.files("gsilint.output").joinpath("html_assets", name).read_text("utf-8")


# -- placing findings in the drawn text ------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    """A finding (``kind`` "f") or one of its related places ("r") in parsed-text offsets."""

    start: int
    end: int
    kind: str
    key: int  # the finding's number in the page
    token: str  # "12" for a finding, "12.0" for its first related place
    severity: Severity

    @property
    def point(self) -> bool:
        return self.start == self.end


class _Placer:
    """Original-file offsets → offsets of the parsed text that is drawn."""

    def __init__(self, source) -> None:
        text = source.text
        self.identity = text is source.original
        self.length = len(text)
        if not self.identity:
            orig = [source.to_original(i) for i in range(len(text) + 1)]
            self.monotone = all(a <= b for a, b in zip(orig, orig[1:]))
            self.orig = orig

    def span(self, loc: Location) -> tuple[int, int]:
        if self.identity:
            s = min(loc.start, self.length)
            return s, max(s, min(loc.end, self.length))
        orig = self.orig
        if self.monotone:
            lo = bisect_left(orig, loc.start)
            hi = bisect_left(orig, loc.end) if loc.end > loc.start else lo
        else:
            inside = [i for i, o in enumerate(orig) if loc.start <= o < loc.end]
            lo = (
                inside[0]
                if inside
                else next((i for i, o in enumerate(orig) if o >= loc.start), self.length)
            )
            hi = inside[-1] + 1 if inside else lo
        lo = min(lo, self.length)
        return lo, max(lo, min(hi, self.length))


# -- one report --------------------------------------------------------------------


@dataclass
class _Report:
    index: int
    path: str
    findings: list[tuple[int, Finding]]
    body: str | None = None
    year: int | None = None
    kind: str = ""
    html: str = ""
    #: key figures of table 三 (label → the total as printed), for the years side by side
    figures: dict[str, str] = field(default_factory=dict)
    placed: set[int] = field(default_factory=set)

    def counts(self) -> dict[Severity, int]:
        c = dict.fromkeys(Severity, 0)
        for _, f in self.findings:
            c[f.severity] += 1
        return c


def _load(result, lang: str):
    """(source, doc, facts, why-not) for a result: the source kept by the run, else read again.

    Results from worker processes and the cache do not keep the text: the file is
    read again (as :meth:`FileResult.line_index` does for the text output).
    """
    from gsilint.engine import analyse
    from gsilint.sources import load_path

    config = result.config or Config()
    source = result.source
    if source is None:
        if result.path in ("-", "<text>"):
            return None, None, None, "stdin"
        try:
            source = load_path(result.path, config.encoding)
        except Exception as exc:  # the E001 finding already says why
            return None, None, None, str(getattr(exc, f"message_{lang}", exc))
    doc, facts, _ = analyse(source, config)
    if doc is None:
        return source, None, None, "parse"
    return source, doc, facts, None


class _Drawer:
    """Draws one parsed report with its marks."""

    def __init__(
        self, doc: document.Document, marks: list[Mark], words: dict, grids: tuple = ()
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.marks = sorted(marks, key=lambda m: (m.start, m.end))
        self.words = words
        self.placed: set[int] = set()
        self.out: list[str] = []
        #: tables 三/四 read from a crawler copy's glued digits, drawn as read after their text
        self.grids = sorted(grids, key=lambda g: g.span.start)

    # a run of text with its marks
    def run(self, a: int, b: int) -> str:
        text = self.text
        inside = [m for m in self.marks if (m.start < b and m.end > a and not m.point)]
        points = [m for m in self.marks if m.point and a <= m.start < b]
        if not inside and not points:
            return esc(text[a:b])
        cuts = {a, b}
        for m in inside:
            cuts.add(max(a, m.start))
            cuts.add(min(b, m.end))
        for m in points:
            cuts.add(m.start)
        edges = sorted(cuts)
        parts: list[str] = []
        for x, y in zip(edges, edges[1:] + [b]):
            here = [m for m in points if m.start == x]
            if here:
                parts.append(self._tag("span", here, "pt", ""))
            if y <= x:
                continue
            over = [m for m in inside if m.start <= x and m.end >= y]
            piece = esc(text[x:y])
            parts.append(self._tag("mark", over, "m", piece) if over else piece)
        return "".join(parts)

    def _attrs(self, marks: list[Mark], base: str) -> str:
        fs = [m for m in marks if m.kind == "f"]
        rs = [m for m in marks if m.kind == "r"]
        classes = [base]
        if fs:
            classes += ["f", "s" + str(max(m.severity for m in fs).value)]
        if rs:
            classes.append("r")
        attrs = f' class="{" ".join(classes)}"'
        if fs:
            attrs += f' data-f="{" ".join(dict.fromkeys(str(m.key) for m in fs))}"'
            self.placed.update(m.key for m in fs)
        if rs:
            attrs += f' data-r="{" ".join(dict.fromkeys(m.token for m in rs))}"'
            attrs += f' data-rk="{" ".join(dict.fromkeys(str(m.key) for m in rs))}"'
        return attrs

    def _tag(self, tag: str, marks: list[Mark], base: str, inner: str) -> str:
        return f"<{tag}{self._attrs(marks, base)}>{inner}</{tag}>"

    # blocks
    def draw(self) -> str:
        doc = self.doc
        blocks: list[tuple[int, int, str, object]] = []
        if doc.title is not None:
            blocks.append((doc.title.span.start, doc.title.span.end, "title", doc.title))
        for f in doc.metadata.values():
            blocks.append((f.span.start, f.span.end, "field", f))
        for node in doc.walk():
            if isinstance(node, document.Section):
                h = node.heading
                end = h.body.span.start if h.body is not None else h.span.end
                blocks.append((h.span.start, max(h.span.start, min(end, h.span.end)), "h", node))
                if h.body is not None:
                    blocks.append((h.body.span.start, h.body.span.end, "p", h.body))
            elif isinstance(node, document.Paragraph):
                blocks.append((node.span.start, node.span.end, "p", node))
            elif isinstance(node, document.Table):
                blocks.append((node.span.start, node.span.end, "table", node))
        if doc.closing is not None:
            blocks.append((doc.closing.span.start, doc.closing.span.end, "closing", doc.closing))
        blocks.sort(key=lambda b: (b[0], -b[1]))
        cursor = 0
        for start, end, kind, node in blocks:
            if end <= cursor and not (start == end == cursor):
                continue
            while self.grids and self.grids[0].span.end <= start:
                self._grid(self.grids.pop(0))
            self._gap(cursor, start)
            if kind == "table" and start >= cursor and node.rows and not node.glued:
                self._table(node)
            elif kind == "table":
                self.out.append(
                    f'<div class="glued" title="{esc(self.words["glued"])}">'
                    f"{self.run(max(start, cursor), end)}</div>"
                )
            elif kind == "h":
                level = min(6, 2 + node.level)
                self.out.append(f"<h{level}>{self.run(max(start, cursor), end)}</h{level}>")
            else:
                cls = {"title": "doc-title", "field": "field", "closing": "closing"}.get(kind, "")
                attr = f' class="{cls}"' if cls else ""
                self.out.append(f"<p{attr}>{self.run(max(start, cursor), end)}</p>")
            cursor = max(cursor, end)
        for grid in self.grids:
            self._grid(grid)
        self._gap(cursor, len(self.text), final=True)
        return "\n".join(self.out)

    def _grid(self, grid) -> None:
        """A glued table as gsilint read it: template rows × columns, each value at its place."""
        from gsilint.tables.spec import table_format

        spec = getattr(table_format(grid.layout), grid.name)
        head = "".join(f"<th>{esc(c.label)}</th>" for c in spec.columns)
        rows = []
        for key in grid.rows:
            row = spec.row(key)
            label = grid.row_labels.get(key) or (row.label if row is not None else key)
            tds = []
            for col in grid.columns_of(key):
                cell = grid.value(key, col)
                if cell is None:
                    tds.append("<td></td>")
                    continue
                a, b = cell.span.start, cell.span.end
                marks = [
                    m
                    for m in self.marks
                    if (m.start < b and m.end > a) or (m.point and a <= m.start <= b)
                ]
                attrs = self._attrs(marks, "c n") if marks else ' class="n"'
                tds.append(f"<td{attrs}>{esc(cell.text)}</td>")
            rows.append(f"<tr><th>{esc(label)}</th>{''.join(tds)}</tr>")
        self.out.append(
            f'<div class="grid-read"><p class="note">{esc(self.words["grid"])}</p>'
            f'<div class="tw"><table class="rt"><thead><tr><th></th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div></div>"
        )

    def _gap(self, a: int, b: int, final: bool = False) -> None:
        """Text between the blocks (blank lines, comments, what the parser left): as written."""
        if a > b:
            return
        marks = [m for m in self.marks if (m.start < b and m.end > a) or a <= m.start < b]
        tail = [m for m in self.marks if final and m.point and m.start == b]
        if self.text[a:b].strip() or marks or tail:
            inner = self.run(a, b)
            if tail:
                inner += self._tag("span", tail, "pt", "")
            self.out.append(f'<p class="gap">{inner}</p>')

    def _table(self, table: document.Table) -> None:
        cells = [c for row in table.rows for c in row.cells]
        owner: dict[int, list[Mark]] = defaultdict(list)
        for m in self.marks:
            if m.end < table.span.start or m.start > table.span.end:
                continue
            if m.point and not (table.span.start <= m.start < table.span.end):
                continue
            hit = [
                i
                for i, c in enumerate(cells)
                if (c.span.start < m.end and c.span.end > m.start)
                or (m.point and c.span.start <= m.start <= c.span.end)
            ]
            if not hit:
                nxt = next((i for i, c in enumerate(cells) if c.span.start >= m.start), None)
                hit = [nxt if nxt is not None else len(cells) - 1]
            for i in hit:
                owner[i].append(m)
        rows = []
        i = 0
        for row in table.rows:
            tds = []
            for cell in row.cells:
                inner = self.run(cell.span.start, cell.span.end)
                marks = owner.get(i)
                if marks:
                    inner_points = {
                        m for m in marks if m.point and cell.span.start <= m.start < cell.span.end
                    }
                    rest = [m for m in marks if m not in inner_points]
                    attrs = self._attrs(rest, "c") if rest else ""
                    tds.append(f"<td{attrs}>{inner}</td>")
                else:
                    tds.append(f"<td>{inner}</td>")
                i += 1
            rows.append("<tr>" + "".join(tds) + "</tr>")
        self.out.append(
            f'<div class="tw"><table class="rt k-{esc(table.kind)}"><tbody>'
            + "\n".join(rows)
            + "</tbody></table></div>"
        )


def _plain(text: str, marks: list[Mark]) -> tuple[str, set[int]]:
    """Text the parser could not read: drawn as written, with its marks."""
    doc = document.Document(text=text, simplified=text, span=Span(0, len(text)))
    drawer = _Drawer(doc, marks, {})
    drawer._gap(0, len(text), final=True)
    return "\n".join(drawer.out), drawer.placed


def _marks_of(findings: list[tuple[int, Finding]], placer: _Placer) -> list[Mark]:
    marks = []
    for k, f in findings:
        if f.code == "E001":
            continue
        s, e = placer.span(f.location)
        marks.append(Mark(s, e, "f", k, str(k), f.severity))
        for j, rel in enumerate(f.related):
            s, e = placer.span(rel.location)
            marks.append(Mark(s, e, "r", k, f"{k}.{j}", f.severity))
    return marks


#: the table 三 rows whose totals are compared across years (carry-over: X403)
_FIGURES = ("t3.new", "t3.carried_over", "t3.results.total", "t3.carry_forward")


def _figures(facts) -> dict[str, str]:
    from gsilint.tables.spec import table_format

    grid = facts.t3
    if grid is None:
        return {}
    spec = table_format(grid.layout).t3
    out = {}
    for key in _FIGURES:
        cell = grid.value(key, "total")
        row = spec.row(key)
        if cell is not None and row is not None:
            out["表三 " + (row.short or row.label)] = cell.text.strip() if cell.reported else "—"
    return out


def _report(index: int, result, findings: list[tuple[int, Finding]], words: dict) -> _Report:
    rep = _Report(index, result.path, findings)
    source, doc, facts, why = _load(result, "en" if words["lang"] == "en" else "zh")
    if source is not None:
        rep.kind = source.kind
    if doc is not None:
        rep.body = facts.organisation
        year = facts.report_year
        rep.year = year.value if year is not None else None
        rep.figures = _figures(facts)
        grids = tuple(g for g in facts.table_grids.values() if g is not None and g.glued)
        drawer = _Drawer(doc, _marks_of(findings, _Placer(source)), words, grids)
        rep.html = drawer.draw()
        rep.placed = drawer.placed
    elif source is not None:
        rep.html, rep.placed = _plain(source.text, _marks_of(findings, _Placer(source)))
    else:
        rep.html = f'<p class="notext">{esc(words["no_text"].format(why=why))}</p>'
    return rep


# -- the page ----------------------------------------------------------------------


def _panel(rep: _Report, lang: str, words: dict) -> str:
    sev_word = _SEV_WORD[lang]
    items = []
    for k, f in rep.findings:
        sev = _SEV_CLASS[f.severity]
        where = words["where"].format(line=f.line, col=f.column)
        if f.location.label:
            where += f" · {f.location.label}"
        rel = ""
        if f.related:
            rel = (
                '<ul class="rel">'
                + "".join(
                    f'<li><a href="#" class="rl" data-k="{k}" data-r="{k}.{j}">↳ '
                    f"{esc(words['where'].format(line=r.location.line, col=r.location.column))}"
                    f"：{esc(r.message)}</a></li>"
                    for j, r in enumerate(f.related)
                )
                + "</ul>"
            )
        unplaced = (
            f'<div class="unplaced">{esc(words["unplaced"])}</div>' if k not in rep.placed else ""
        )
        items.append(
            f'<li class="finding sev-{sev}" id="f{k}" data-k="{k}" data-sev="{sev}" '
            f'data-fam="{esc(f.code[0])}" data-code="{esc(f.code)}" tabindex="0">'
            f'<div class="fh"><span class="badge {sev}">{esc(sev_word[f.severity])}</span> '
            f'<a class="code" href="#rule-{esc(f.code)}" data-rule="{esc(f.code)}" '
            f'title="{esc(words["explain"])}">{esc(f.code)}</a> '
            f'<span class="name">{esc(f.name)}</span> <span class="where">{esc(where)}</span></div>'
            f'<div class="msg">{esc(f.message)}</div>{rel}{unplaced}</li>'
        )
    if not items:
        return f'<p class="none">{esc(words["no_findings"])}</p>'
    return '<ol class="findings">' + "\n".join(items) + "</ol>"


def _counts_cells(c: dict[Severity, int]) -> str:
    return (
        "".join(
            f'<td class="n {_SEV_CLASS[s]}">{c[s]}</td>'
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        )
        + f'<td class="n">{sum(c.values())}</td>'
    )


def _sev_heads(lang: str, words: dict) -> str:
    return (
        "".join(
            f"<th>{esc(_SEV_WORD[lang][s])}</th>"
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        )
        + f"<th>{esc(words['total'])}</th>"
    )


def _chart(reports: list[_Report], lang: str, words: dict) -> str:
    """Horizontal bars, one per rule, stacked by severity (inline SVG)."""
    per: dict[str, Counter] = defaultdict(Counter)
    for rep in reports:
        for _, f in rep.findings:
            per[f.code][f.severity] += 1
    if not per:
        return ""
    order = sorted(per, key=lambda c: (-sum(per[c].values()), c))
    top = max(sum(per[c].values()) for c in order)
    bar_w, left, row_h = 480, 56, 22
    height = row_h * len(order) + 8
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{left + bar_w + 60}" '
        f'height="{height}" viewBox="0 0 {left + bar_w + 60} {height}" role="img" '
        f'aria-label="{esc(words["chart"])}">'
    ]
    sev_word = _SEV_WORD[lang]
    for i, code in enumerate(order):
        y = 4 + i * row_h
        x = left
        total = sum(per[code].values())
        parts.append(f'<a href="#rule-{esc(code)}" data-rule="{esc(code)}" class="bar">')
        parts.append(
            f'<text x="{left - 6}" y="{y + 15}" text-anchor="end" class="lbl">{esc(code)}</text>'
        )
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            n = per[code][sev]
            if not n:
                continue
            w = max(1.0, bar_w * n / top)
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="{row_h - 6}" '
                f'fill="{_SEV_COLOUR[sev]}"><title>{esc(code)} {esc(sev_word[sev])}: {n}</title>'
                "</rect>"
            )
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}" class="num">{total}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def _chart_section(reports: list[_Report], lang: str, words: dict) -> str:
    chart = _chart(reports, lang, words)
    return f"<h3>{esc(words['chart'])}</h3>{chart}" if chart else ""


def _body_key(body: str | None) -> str | None:
    if not body:
        return None
    from gsilint.normalize import simplify

    key = "".join(ch for ch in simplify(body) if not ch.isspace() and ch not in '（）()“”"')
    return key or None


def _by_year(reports: list[_Report], words: dict) -> str:
    groups: dict[str, list[_Report]] = defaultdict(list)
    for rep in reports:
        key = _body_key(rep.body)
        if key and rep.year is not None:
            groups[key].append(rep)
    out = []
    for key in sorted(groups):
        reps = sorted(groups[key], key=lambda r: (r.year, r.path))
        if len({r.year for r in reps}) < 2:
            continue
        codes = sorted({f.code for r in reps for _, f in r.findings})
        head = "".join(
            f'<th><a href="#r{r.index}">{r.year}</a><div class="fn">'
            f"{esc(PurePath(r.path).name)}</div></th>"
            for r in reps
        )
        rows = []
        for code in codes:
            cells = "".join(
                f'<td class="n">{sum(1 for _, f in r.findings if f.code == code) or ""}</td>'
                for r in reps
            )
            rows.append(
                f'<tr><th><a href="#rule-{esc(code)}" data-rule="{esc(code)}">{esc(code)}</a>'
                f"</th>{cells}</tr>"
            )
        totals = "".join(f'<td class="n">{len(r.findings)}</td>' for r in reps)
        rows.append(f'<tr class="sum"><th>{esc(words["total"])}</th>{totals}</tr>')
        labels = list(dict.fromkeys(label for r in reps for label in r.figures))
        for label in labels:
            cells = "".join(f'<td class="n">{esc(r.figures.get(label, ""))}</td>' for r in reps)
            rows.append(f'<tr class="fig"><th>{esc(label)}</th>{cells}</tr>')
        out.append(
            f'<div class="group"><h3>{esc(reps[0].body)}</h3><div class="tw"><table class="years">'
            f"<thead><tr><th>{esc(words['rule'])}</th>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div></div>"
        )
    if not out:
        return ""
    return f'<section id="by-year"><h2>{esc(words["by_year"])}</h2>{"".join(out)}</section>'


def _overview(reports: list[_Report], lang: str, words: dict) -> str:
    rows = []
    for rep in reports:
        rows.append(
            f'<tr data-path="{esc(rep.path)}"><td><a href="#r{rep.index}">{esc(rep.path)}</a></td>'
            f"<td>{esc(rep.body or '')}</td><td>{esc(rep.year or '')}</td><td>{esc(rep.kind)}</td>"
            f"{_counts_cells(rep.counts())}</tr>"
        )
    return (
        f'<section id="overview"><h2>{esc(words["overview"])}</h2><div class="tw">'
        f'<table class="ov"><thead><tr><th>{esc(words["file"])}</th><th>{esc(words["body"])}</th>'
        f"<th>{esc(words['year'])}</th><th>{esc(words['format'])}</th>{_sev_heads(lang, words)}"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        f"{_chart_section(reports, lang, words)}"
        f"{_by_year(reports, words)}</section>"
    )


def _filters(reports: list[_Report], lang: str, words: dict) -> str:
    sev_word = _SEV_WORD[lang]
    fams = sorted({f.code[0] for r in reports for _, f in r.findings})
    sevs = "".join(
        f'<label class="chip {_SEV_CLASS[s]}"><input type="checkbox" class="flt-sev" '
        f'value="{_SEV_CLASS[s]}" checked> {esc(sev_word[s])}</label>'
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    names = _FAMILY[lang]
    famb = "".join(
        f'<label class="chip"><input type="checkbox" class="flt-fam" value="{esc(f)}" checked> '
        f"{esc(f)} {esc(names.get(f, ''))}</label>"
        for f in fams
    )
    return (
        f'<div class="filters"><span class="fl">{esc(words["severity"])}</span>{sevs}'
        f'<span class="fl">{esc(words["family"])}</span>{famb}</div>'
    )


def _rule_docs(codes: list[str], lang: str, words: dict) -> str:
    from gsilint.docs import rule_help_text
    from gsilint.rules import load_rules

    rules = load_rules()
    items = []
    for code in codes:
        rule = rules.get(code)
        if rule is None:
            continue
        summary = rule.summary_en if lang == "en" else rule.summary
        items.append(
            f'<details class="ruledoc" id="rule-{esc(code)}"><summary><b>{esc(code)}</b> '
            f"{esc(rule.name)} — {esc(summary)}</summary>"
            f'<pre class="explain">{esc(rule_help_text(rule, lang))}</pre></details>'
        )
    return f'<section id="rules"><h2>{esc(words["rules"])}</h2>{"".join(items)}</section>'


def _page(results, options: OutputOptions) -> str:
    lang = options.lang if options.lang in _WORDS else "zh"
    words = _WORDS[lang]
    numbered: list[list[tuple[int, Finding]]] = []
    k = 0
    for r in results:
        items = []
        for f in sorted(r.findings, key=Finding.sort_key):
            items.append((k, f))
            k += 1
        numbered.append(items)
    reports = [_report(i, r, numbered[i], words) for i, r in enumerate(results)]
    counts = summary_counts(results)
    total = sum(counts.values())
    sev_word = _SEV_WORD[lang]
    summary = esc(words["summary"]).format(
        files=len(results), total=f'<span id="total-count">{total}</span>'
    )
    by_sev = ("，" if lang == "zh" else ", ").join(
        f'{esc(sev_word[s])} <span class="n {_SEV_CLASS[s]}" data-sev-count="{_SEV_CLASS[s]}">'
        f"{counts[s]}</span>"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{words["lang"]}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "@@CSP@@",
        '<meta name="generator" content="gsilint">',
        f"<title>{esc(words['title'])}</title>",
        f"<style>{_asset('review.css')}</style>",
        "</head>",
        f'<body data-lang="{lang}">',
        f'<header class="top"><h1>{esc(words["title"])}</h1>'
        f'<p class="summary">{summary}{"（" if lang == "zh" else " ("}{by_sev}'
        f"{'）' if lang == 'zh' else ')'}</p>"
        f"{_filters(reports, lang, words)}"
        f'<p class="shown">{esc(words["shown"])} <span id="shown-count">{total}</span> '
        f"{esc(words['of'])} {total}</p>"
        f'<p class="keys">{esc(words["keys"])}</p></header>',
        "<main>",
    ]
    if len(reports) > 1:
        parts.append(_overview(reports, lang, words))
    for rep in reports:
        c = rep.counts()
        meta = " · ".join(
            x
            for x in (
                esc(rep.body or ""),
                esc(rep.year or ""),
                esc(rep.kind),
                f'<span class="rcount">{len(rep.findings)}</span> {esc(words["findings"])} '
                + "/".join(str(c[s]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)),
            )
            if x
        )
        back = (
            f' <a class="back" href="#overview">{esc(words["back"])}</a>'
            if len(reports) > 1
            else ""
        )
        parts.append(
            f'<section class="report" id="r{rep.index}" data-path="{esc(rep.path)}">'
            f'<h2 class="path">{esc(rep.path)}{back}</h2><p class="rmeta">{meta}</p>'
            f'<div class="cols"><article class="doc" lang="zh-CN">{rep.html}</article>'
            f'<aside class="panel"><h3>{esc(words["findings"])} '
            f'<span class="pcount">{len(rep.findings)}</span></h3>'
            f"{_panel(rep, lang, words)}</aside></div></section>"
        )
    codes = sorted({f.code for r in results for f in r.findings})
    parts.append(_rule_docs(codes, lang, words))
    parts.append("</main>")
    parts.append(
        f'<dialog id="ruledoc"><form method="dialog"><button class="x">{esc(words["close"])}'
        '</button></form><div class="body"></div></dialog>'
    )
    script = _asset("review.js")
    parts.append(f"<script>{script}</script>")
    parts.append("</body></html>")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    page = "\n".join(parts)
    return page.replace(
        "@@CSP@@", f'<meta http-equiv="Content-Security-Policy" content="{csp}">', 1
    )


@output_format("html")
def write_html(results, out: TextIO, options: OutputOptions) -> None:
    out.write(_page(results, options))
    out.write("\n")
