"""Report text → :class:`gsilint.document.Document`.

Two steps. The Lark grammar (``grammars/report.lark``, LALR, contextual lexer)
reads the text as typed lines with token offsets. :class:`_Builder` then
assembles the tree: the crawler header, the title, sections nested by the
rank of their mark style, tables (tab rows, pipe rows, and space-separated
rows in table regions of PDF text), and the closing block.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
from lark import Lark, Token, Transformer

from gsilint import document
from gsilint.normalize import cn_number, simplify
from gsilint.positions import Span
from gsilint.resources import data_dir
from gsilint.sources.reflow import STATUTORY_WORDS


class ParseError(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(slots=True)
class Line:
    kind: str  # heading | paragraph | row | pipe_row | directive | blank
    tokens: list[Token]
    start: int
    end: int


class _Lines(Transformer):
    """Turns each grammar rule into a :class:`Line` (no tree is kept)."""

    def _make(kind):  # noqa: N805 - factory used in the class body
        def make(self, children):
            toks: list[Token] = []
            for c in children:
                if isinstance(c, list):
                    toks.extend(c)
                else:
                    toks.append(c)
            return Line(kind, toks, toks[0].start_pos, toks[-1].end_pos)

        return make

    heading = _make("heading")
    paragraph = _make("paragraph")
    row = _make("row")
    pipe_row = _make("pipe_row")
    directive = _make("directive")
    blank = _make("blank")
    del _make

    def start(self, children):
        return children


@lru_cache(maxsize=1)
def _parser() -> Lark:
    grammar = (data_dir("grammars") / "report.lark").read_text(encoding="utf-8")
    return Lark(
        grammar, parser="lalr", lexer="contextual", transformer=_Lines(), maybe_placeholders=False
    )


def parse_lines(text: str) -> list[Line]:
    from lark.exceptions import LarkError, UnexpectedInput

    try:
        return _parser().parse(text)
    except UnexpectedInput as exc:  # pragma: no cover - the grammar accepts any line
        raise ParseError(
            f"无法解析：{exc.__class__.__name__}", getattr(exc, "pos_in_stream", 0) or 0
        ) from None
    except LarkError as exc:  # pragma: no cover
        raise ParseError(str(exc), 0) from None


def parse(text: str) -> document.Document:
    """Parse report text into a Document (raises :class:`ParseError`)."""
    return _Builder(text, parse_lines(text)).build()


# ---------------------------------------------------------------------------
# Assembly

_MARK_STYLES = (
    ("paren_cn", regex.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]")),
    ("paren_num", regex.compile(r"[（(]([0-9０-９]{1,2})[）)]")),
    ("cn", regex.compile(r"([一二三四五六七八九十]{1,3})[、．]")),
    ("num", regex.compile(r"([0-9０-９]{1,2})[、.．]")),
    ("circled", regex.compile(r"([①-⑳])")),
)
_TITLE_END = regex.compile(
    r"[。；;！？!?]|[：:](?=.)|(?<=\S{2})[ \u3000\t]+(?=\S)|(?<=\S{2})(?=[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)])"
    # crawler copies: the body starts with an enumeration or an item mark
    r"|(?<=\S{4})(?=[一二三四五六七八九十]是)|(?<=[^\d\s]{4})(?=\d{1,2}[.．、](?!\d))"
)
#: A long run-in title ends after its head noun: "…改进情况目前，我县…".
_TITLE_NOUN = regex.compile(r"(?<=\S{4}(?:情况|事项|措施|概述))(?=\S)(?!统计表|表)")
_YEAR_START = regex.compile(r"(?<=\S{2})(?=(?:19|20)\d\d\s*年)")
_HEADER_RULE = regex.compile(r"^=+\s*正文\s*=+\s*$")
_HEADER_FIELD = regex.compile(r"^([^:：\s]{1,10})[:：]\s?(.*)$")
_DATE_LINE = regex.compile(
    r"^[\s\u3000]*(?:\d{4}|[〇○OＯ零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十元]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,4}\s*日[\s\u3000]*$"
)
_TITLE_WORDS = regex.compile(r"(?:年度?报告|年报|工作报告)")
_HAS_YEAR = regex.compile(r"(?:19|20)\d\d|[〇○零OＯ一二][〇○零OＯ一二三四五六七八九]{3}年")
#: Site navigation a crawler kept before the report: "当前位置：首页… -->".
_NAV_PREFIX = regex.compile(r"^当前位置[：:].*?-->\s*")
_CHROME = regex.compile(
    r"^[\s\u3000]*(?:附件下载|[-—–]\s*\d+\s*[-—–]|正文|打印本页|关闭窗口)[\s\u3000]*$"
)
_TABLE_ANCHOR = regex.compile(
    r"^[\s\u3000]*(?:第二十条\s*第\s*[（(]|[（(]?本列数据的勾稽关系|申请人情况|信息内容\s*本年)"
)
_T4_ANCHOR = regex.compile(r"行政复议\s*行政诉讼|结果维持\s*结果纠正")
_TABLE_ROW_TITLE = regex.compile(
    r"^(?:本年新收|上年结转|本年度办理结果|结转下年度|本年度|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|其他$)"
)
_STATUTORY = regex.compile(STATUTORY_WORDS)
_PIPE_SEPARATOR = regex.compile(r"\|?[\s:|\-]+\|?\s*")
_CLAUSE_PUNCT = regex.compile(r"[。，,；;]")
_REMARK = regex.compile(r"特此报告[。.]?")
_TRAILING_NUMBERS = regex.compile(r"(?:\s[+\-]?\d+(?:\.\d+)?)+\s*$")
_TITLE_RUN_ON = regex.compile(r"^(.{4,60}?(?:年度报告|年报))[ \u3000]+(?=\S)")
_NUMERIC = regex.compile(r"^(?:[+\-－]?[0-9０-９]+(?:[.．][0-9０-９]+)?%?|[/—\-－–无])$")
_GLUED_DIGITS = regex.compile(r"[^\d\s][0-9]{5,}")
_TOKEN = regex.compile(r"\S+")
#: An HTML comment that ends a line (same as the grammar's COMMENT).
_TRAILING_COMMENT = regex.compile(r"(<!--[^\r\n]*?-->)[ \t\u3000]*$")
_RUN_END = "。；;！？!?：:”）)》"


def _classify_mark(text: str) -> tuple[str, int | None]:
    core = text.lstrip("*")
    for style, rx in _MARK_STYLES:
        m = rx.fullmatch(core)
        if m:
            if style == "circled":
                return style, ord(m.group(1)) - ord("①") + 1
            return style, cn_number(m.group(1))
    return "num", None  # pragma: no cover - MARK only matches the styles above


class _Builder:
    def __init__(self, text: str, lines: list[Line]) -> None:
        self.text = text
        self.lines = lines
        self.simplified = simplify(text)

    # -- helpers -----------------------------------------------------------
    def _s(self, start: int, end: int) -> str:
        return self.simplified[start:end]

    def _content(self, line: Line) -> tuple[int, int]:
        """Span of a line without indentation, hashes and trailing spaces."""
        toks = [t for t in line.tokens if t.type not in ("INDENT", "HASHES")]
        if not toks:
            return line.end, line.end
        start, end = toks[0].start_pos, line.end
        while end > start and self.text[end - 1] in " \u3000\t\u00a0":
            end -= 1
        return start, end

    def _paragraph(self, start: int, end: int) -> document.Paragraph | None:
        while start < end and self.text[start] in " \u3000\u00a0\t*":
            start += 1
        while end > start and self.text[end - 1] in " \u3000\u00a0\t*":
            end -= 1
        if start >= end:
            return None
        return document.Paragraph(self.text[start:end], Span(start, end))

    def _heading(self, line: Line) -> document.Heading:
        mark_tok = next(t for t in line.tokens if t.type == "MARK")
        hashes = next((t for t in line.tokens if t.type == "HASHES"), None)
        style, number = _classify_mark(mark_tok.value)
        mstart = mark_tok.start_pos + (len(mark_tok.value) - len(mark_tok.value.lstrip("*")))
        mark = document.Mark(
            self.text[mstart : mark_tok.end_pos], style, number, Span(mstart, mark_tok.end_pos)
        )
        _, end = self._content(line)
        t_start = mark_tok.end_pos
        while t_start < end and self.text[t_start] in " \u3000\u00a0*":
            t_start += 1
        rest = self._s(t_start, end)
        cut = len(rest)
        m = _TITLE_END.search(rest)
        if m and m.start() > 0:
            cut = m.start()
        if cut > 10:
            for rx in (_YEAR_START, _TITLE_NOUN):
                y = rx.search(rest, 0, min(cut, 40))
                if y:
                    cut = min(cut, y.start())
        title_end = t_start + cut
        while title_end > t_start and self.text[title_end - 1] in " \u3000*":
            title_end -= 1
        body = None
        if cut < len(rest):
            b = t_start + cut
            while b < end and self.text[b] in _RUN_END + " \u3000\t":
                b += 1
            body = self._paragraph(b, end)
        title = self.text[t_start:title_end]
        return document.Heading(
            mark=mark,
            title=title,
            title_span=Span(t_start, title_end),
            span=Span(mark.span.start, end),
            body=body,
            hashes=len(hashes.value.strip()) if hashes else 0,
        )

    def _row(self, line: Line) -> document.Row:
        """Cells of a tab-separated row (leading indentation is not a cell)."""
        tok = line.tokens[0]
        text = tok.value
        base = tok.start_pos
        cells = []
        pos = 0
        for part in text.split("\t"):
            cells.append(self._cell(base + pos, base + pos + len(part)))
            pos += len(part) + 1
        return document.Row(cells, Span(line.start, line.end))

    def _cell(self, start: int, end: int) -> document.Cell:
        while start < end and self.text[start] in " \u3000\u00a0":
            start += 1
        while end > start and self.text[end - 1] in " \u3000\u00a0\r":
            end -= 1
        return document.Cell(self.text[start:end], Span(start, end))

    def _pipe_row(self, line: Line) -> document.Row | None:
        tok = next(t for t in line.tokens if t.type == "PIPE_ROW")
        raw = tok.value
        if _PIPE_SEPARATOR.fullmatch(raw):
            return None  # the |---|---| separator
        cells = []
        pos = 1
        body_end = len(raw.rstrip())
        if raw.rstrip().endswith("|"):
            body_end -= 1
        while pos <= body_end:
            nxt = raw.find("|", pos)
            if nxt == -1 or nxt > body_end:
                nxt = body_end
            cells.append(self._cell(tok.start_pos + pos, tok.start_pos + nxt))
            pos = nxt + 1
        return document.Row(cells, Span(tok.start_pos, tok.end_pos))

    def _space_row(self, start: int, end: int) -> document.Row:
        """A row of PDF text: a label, then numbers separated by spaces."""
        tokens = [
            (m.start() + start, m.end() + start) for m in _TOKEN.finditer(self.text[start:end])
        ]
        k = len(tokens)
        while k > 0 and _NUMERIC.match(self.text[tokens[k - 1][0] : tokens[k - 1][1]]):
            k -= 1
        cells = []
        if k == len(tokens):  # no numbers: a header line, one cell per word
            cells = [self._cell(a, b) for a, b in tokens]
        else:
            if k > 0:
                cells.append(self._cell(tokens[0][0], tokens[k - 1][1]))
            cells.extend(self._cell(a, b) for a, b in tokens[k:])
        return document.Row(cells, Span(start, end))

    def _is_glued_table(self, start: int, end: int) -> bool:
        s = self._s(start, end)
        return bool((_TABLE_ANCHOR.search(s) or _T4_ANCHOR.search(s)) and _GLUED_DIGITS.search(s))

    # -- assembly ----------------------------------------------------------
    def build(self) -> document.Document:
        text = self.text
        doc = document.Document(text=text, simplified=self.simplified, span=Span(0, len(text)))
        self._directives(doc)
        lines = self.lines
        body_from = self._read_header(doc)
        lines = lines[body_from:]
        # Trailing closing block first, so its lines are not read as prose.
        closing, lines = self._closing(lines)
        doc.closing = closing
        blocks = self._blocks(doc, lines)
        self._nest(doc, blocks)
        return doc

    def _directives(self, doc: document.Document) -> None:
        """HTML comments, wherever they are: comment lines, and comments ending a line.

        A comment that ends a text line is taken off the line (the text's
        nodes end before it) and kept as an ``inline`` directive. The grammar
        gives heading and paragraph lines a COMMENT token; a tab row is one
        token, so its trailing comment is cut off here.
        """
        for line in self.lines:
            if line.kind == "directive":
                doc.directives.append(
                    document.Directive(
                        self.text[line.start : line.end].strip(), Span(line.start, line.end)
                    )
                )
                continue
            tok = line.tokens[-1] if line.tokens else None
            if tok is None:
                continue
            if line.kind == "row" and "<!--" in tok.value:
                m = _TRAILING_COMMENT.search(tok.value)
                if m is None:
                    continue
                line.tokens[-1] = Token(
                    tok.type,
                    tok.value[: m.start()],
                    tok.start_pos,
                    tok.line,
                    tok.column,
                    end_pos=tok.start_pos + m.start(),
                )
                start = tok.start_pos + m.start(1)
                doc.directives.append(
                    document.Directive(
                        m.group(1), Span(start, start + len(m.group(1))), inline=True
                    )
                )
                line.end = tok.start_pos + m.start()
            elif tok.type == "COMMENT" and len(line.tokens) > 1:
                line.tokens.pop()
                text = tok.value.rstrip()
                doc.directives.append(
                    document.Directive(
                        text, Span(tok.start_pos, tok.start_pos + len(text)), inline=True
                    )
                )
                line.end = line.tokens[-1].end_pos

    def _read_header(self, doc: document.Document) -> int:
        """Crawler copies begin with ``key: value`` lines and a ``=== 正文 ===`` rule."""
        for i, line in enumerate(self.lines[:40]):
            if line.kind == "paragraph" and _HEADER_RULE.match(self.text[line.start : line.end]):
                for prev in self.lines[:i]:
                    s, e = self._content(prev)
                    m = _HEADER_FIELD.match(self.text[s:e])
                    if m:
                        doc.metadata[m.group(1)] = document.Field(
                            m.group(1), m.group(2).strip(), Span(s, e)
                        )
                return i + 1
        return 0

    def _closing(self, lines: list[Line]) -> tuple[document.Closing | None, list[Line]]:
        idx = len(lines) - 1

        def skip_back(i: int) -> int:
            while i >= 0 and (
                lines[i].kind == "blank"
                or (
                    lines[i].kind in ("paragraph", "directive")
                    and _CHROME.match(self.text[lines[i].start : lines[i].end])
                )
                or lines[i].kind == "directive"
            ):
                i -= 1
            return i

        idx = skip_back(idx)
        date = org = remark = None
        end_idx = idx + 1
        if idx >= 0 and lines[idx].kind == "paragraph":
            s, e = self._content(lines[idx])
            if _DATE_LINE.match(self.text[s:e]):
                date = self._paragraph(s, e)
                idx = skip_back(idx - 1)
                if idx >= 0 and lines[idx].kind == "paragraph":
                    s, e = self._content(lines[idx])
                    cand = self._s(s, e)
                    if (
                        len(cand) <= 40
                        and not _CLAUSE_PUNCT.search(cand)
                        and "特此报告" not in cand
                    ):
                        org = self._paragraph(s, e)
                        idx = skip_back(idx - 1)
        if idx >= 0 and lines[idx].kind == "paragraph":
            s, e = self._content(lines[idx])
            if _REMARK.fullmatch(self._s(s, e).strip()):
                remark = self._paragraph(s, e)
                idx -= 1
        if not (date or org or remark):
            return None, lines
        parts = [p for p in (remark, org, date) if p]
        span = Span(parts[0].span.start, parts[-1].span.end)
        return document.Closing(span=span, remark=remark, organisation=org, date=date), lines[
            : idx + 1
        ] + lines[end_idx:]

    def _blocks(self, doc: document.Document, lines: list[Line]) -> list[object]:
        """Flat list of headings, paragraphs and tables in order."""
        out: list[object] = []
        table: document.Table | None = None
        region = False  # inside a table of PDF text (space-separated rows)
        pending_blank = 0
        para_start = para_end = None
        title_done = False
        seen_text = 0

        def flush_para():
            nonlocal para_start, para_end
            if para_start is not None:
                p = self._paragraph(para_start, para_end)
                if p:
                    if self._is_glued_table(p.span.start, p.span.end):
                        out.append(document.Table([], p.span, "glued"))
                    else:
                        out.append(p)
            para_start = para_end = None

        def close_table():
            nonlocal table
            if table is not None and table.rows:
                out.append(table)
            table = None

        for line in lines:
            kind = line.kind
            if kind == "blank":
                flush_para()
                pending_blank += 1
                continue
            if kind == "directive":  # collected by _directives
                flush_para()
                continue
            s, e = self._content(line)
            simple = self._s(s, e)

            if not title_done and kind == "paragraph" and seen_text < 4:
                if _CHROME.match(simple):
                    continue
                t = self._title(doc, line, s, e, simple)
                if t is not None:
                    title_done = True
                    if t:
                        para_start, para_end = t
                        flush_para()
                    continue
            seen_text += 1

            if kind in ("row", "pipe_row"):
                flush_para()
                row = self._row(line) if kind == "row" else self._pipe_row(line)
                want = "tab" if kind == "row" else "pipe"
                if table is not None and (table.kind != want or pending_blank > 1):
                    close_table()
                if table is None:
                    table = document.Table([], Span(line.start, line.end), want)
                if row is not None:
                    table.rows.append(row)
                    table.span = table.span.cover(row.span)
                pending_blank = 0
                continue
            if table is not None and table.kind in ("tab", "pipe"):
                close_table()
            pending_blank = 0

            # Tables of PDF text: from an anchor line to the next section heading.
            if not region and (
                _TABLE_ANCHOR.match(simple) or (_T4_ANCHOR.match(simple) and len(simple) < 40)
            ):
                if not self._is_glued_table(s, e):
                    flush_para()
                    close_table()
                    region = True
                    table = document.Table([], Span(s, e), "space")
            if region:
                if kind == "heading" and not self._row_like_heading(line, simple):
                    close_table()
                    region = False
                elif kind == "paragraph" and len(simple) > 60 and "。" in simple:
                    close_table()
                    region = False
                else:
                    if table is None:
                        table = document.Table([], Span(s, e), "space")
                    row = self._space_row(s, e)
                    table.rows.append(row)
                    table.span = table.span.cover(row.span)
                    continue

            if kind == "heading":
                flush_para()
                h = self._heading(line)
                out.append(h)
                if h.body is not None and self._is_glued_table(h.body.span.start, h.body.span.end):
                    out.append(document.Table([], h.body.span, "glued"))
                    h.body = None
                continue
            # paragraph: join wrapped lines (PDF text) into one paragraph
            if (
                para_start is not None
                and self.text[para_end - 1] not in "。！？；：!?;:"
                and not _DATE_LINE.match(simple)
            ):
                para_end = e
            else:
                flush_para()
                para_start, para_end = s, e
        flush_para()
        close_table()
        return out

    def _row_like_heading(self, line: Line, simple: str) -> bool:
        """Inside a table region, a numbered line that is a row label, not a heading."""
        mark = next((t for t in line.tokens if t.type == "MARK"), None)
        rest = simple[len(mark.value) :] if mark else simple
        rest = rest.strip()
        style, _ = _classify_mark(mark.value) if mark else ("cn", None)
        if style == "cn" and _STATUTORY.match(rest):
            return False
        if style == "cn" and len(rest) <= 6 and "。" not in rest:
            return True  # a label broken out of a vertical cell: "三、本年度办理结果" as "三、本法提供"
        if not rest or _TABLE_ROW_TITLE.match(rest):
            return True
        if _TRAILING_NUMBERS.search(rest):
            return True
        return style != "cn" and len(rest) < 40 and not rest.endswith("。")

    def _title(self, doc: document.Document, line: Line, s: int, e: int, simple: str):
        """Recognise the title among the first lines: returns None (not a title),
        () (the whole line was the title) or (start, end) of run-on text."""
        nav = _NAV_PREFIX.match(simple)
        if nav:
            return (s + nav.end(), e)
        if (
            len(simple) <= 80
            and _TITLE_WORDS.search(simple)
            and _HAS_YEAR.search(simple)
            and "。" not in simple
            and "，" not in simple
        ):
            doc.title = self._paragraph(s, e)
            return ()
        m = _TITLE_RUN_ON.match(simple)
        if m and _HAS_YEAR.search(m.group(1)):
            doc.title = self._paragraph(s, s + m.end(1))
            return (s + m.end(), e)
        # a title wrapped over two lines: "2024 年上海市科委政府信息公开工作" + "年度报告"
        idx = self.lines.index(line)
        nxt = self.lines[idx + 1] if idx + 1 < len(self.lines) else None
        if (
            nxt is not None
            and nxt.kind == "paragraph"
            and len(simple) <= 40
            and "。" not in simple
            and "，" not in simple
        ):
            ns, ne = self._content(nxt)
            joined = simple + self._s(ns, ne)
            if (
                len(joined) <= 80
                and _TITLE_WORDS.search(joined)
                and _HAS_YEAR.search(joined)
                and "。" not in joined
                and "，" not in joined
            ):
                doc.title = document.Paragraph(self.text[s:ne], Span(s, ne))
                nxt.kind = "consumed"
                return ()
        return None

    def _nest(self, doc: document.Document, blocks: list[object]) -> None:
        stack: list[document.Section] = []
        for b in blocks:
            if isinstance(b, document.Heading):
                sec = document.Section(b, [], b.span)
                while stack and stack[-1].level >= sec.level:
                    stack.pop()
                (stack[-1].children if stack else doc.sections).append(sec)
                stack.append(sec)
            else:
                (stack[-1].children if stack else doc.preamble).append(b)  # type: ignore[arg-type]

        # section spans cover their children
        def close(sec: document.Section) -> Span:
            span = sec.heading.span
            for c in sec.children:
                span = span.cover(close(c) if isinstance(c, document.Section) else c.span)
            sec.span = span
            return span

        for sec in doc.sections:
            close(sec)
