"""The body's lines → a flat list of headings, paragraphs and tables, in order.

The title is looked for among the first lines; wrapped lines of PDF text are
joined into one paragraph; tab and pipe rows are gathered into tables, and a
table region of text runs from its anchor line (a caption, also one spread
over short lines) or from a run of lines dense with numbers, to the next
heading that is not a row label. Inside a region numbered lines are row
labels, never headings; a region laid out one cell per line has its numbers
joined to their label rows (table kind ``lines``).
"""

from __future__ import annotations

from itertools import accumulate

from gsilint import document
from gsilint.parse.closing import CHROME, DATE_LINE
from gsilint.parse.headings import read_heading
from gsilint.parse.lines import Line
from gsilint.parse.page import TRAILING_SPACE, Page
from gsilint.parse.tables import (
    ends_cell_region,
    is_cell_line,
    is_glued_table,
    is_heading_title,
    join_cell_lines,
    opens_cell_region,
    opens_table_region,
    pipe_row,
    row_like_heading,
    space_row,
    tab_row,
)
from gsilint.parse.title import read_title
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.vocabulary import CN_MARK_NUMERAL, read_mark

_CN_NUMERAL = lazy(CN_MARK_NUMERAL)
_SENTENCE_INSIDE = lazy(r"[。；！？，]")


def read_blocks(page: Page, doc: document.Document, lines: list[Line]) -> list[object]:
    """Flat list of headings, paragraphs and tables in order."""
    out: list[object] = []
    table: document.Table | None = None
    # inside a table of text: "anchor" (found by its caption), "spread" (a caption
    # spread over lines) or "dense" (found by its numbers)
    region = ""
    pending_blank = 0
    para_start = para_end = None
    title_done = False
    seen_text = 0

    def flush_para():
        nonlocal para_start, para_end
        if para_start is not None:
            p = page.paragraph(para_start, para_end)
            if p:
                if is_glued_table(page, p.span.start, p.span.end):
                    out.append(document.Table([], p.span, "glued"))
                else:
                    out.append(p)
        para_start = para_end = None

    def close_table():
        nonlocal table
        if table is not None and table.rows:
            _cover_rows(table)
            if table.kind == "space":
                join_cell_lines(table, region == "spread")
            out.append(table)
        table = None

    contents, texts = _contents(page, lines)
    ahead = _Ahead(texts)
    taken: set[int] = set()  # lines read as the title of the heading mark above them
    for i, line in enumerate(lines):
        if taken and i in taken:
            continue
        kind = line.kind
        if kind == "blank":
            flush_para()
            pending_blank += 1
            continue
        if kind == "directive":  # collected by read_directives
            flush_para()
            continue
        s, e, simple = contents[i]  # not None: blank and comment lines are done

        if not title_done and kind == "paragraph" and seen_text < 4:
            if CHROME.match(simple):
                continue
            t = read_title(page, doc, line, s, e, simple)
            if t is not None:
                title_done = True
                if t:
                    para_start, para_end = t
                    flush_para()
                continue
        seen_text += 1

        if kind in ("row", "pipe_row"):
            flush_para()
            row = tab_row(page, line) if kind == "row" else pipe_row(page, line)
            want = "tab" if kind == "row" else "pipe"
            if table is not None and (table.kind != want or pending_blank > 1):
                close_table()
            if table is None:
                table = document.Table([], Span(line.start, line.end), want)
            if row is not None:
                table.rows.append(row)
            pending_blank = 0
            continue
        if table is not None and table.kind in ("tab", "pipe"):
            close_table()
        pending_blank = 0
        # a heading mark on a line of its own, its title on the next ("三、" / "收到和处理…")
        below = _title_below(lines, texts, i) if kind == "heading" else None
        if below is not None:
            simple = simple + texts[below]

        # Tables of text (PDF text, one cell per line): from an anchor line, or
        # from a run of lines dense with numbers, to the next section heading.
        if not region:
            opens = "anchor" if opens_table_region(simple) else ""
            if not opens and len(simple) <= 40 and ahead.may_open(i) and _after_sentence(texts, i):
                opens = opens_cell_region(ahead.lines(i, 16))
            if opens and not is_glued_table(page, s, e):
                flush_para()
                close_table()
                region = opens
                table = document.Table([], Span(s, e), "space")
        if region:
            if (
                (kind == "heading" and not row_like_heading(line, simple))
                or (kind == "paragraph" and len(simple) > 60 and "。" in simple)
                or (region == "dense" and ends_cell_region(simple))
            ):
                close_table()
                region = ""
            else:
                if table is None:
                    table = document.Table([], Span(s, e), "space")
                table.rows.append(space_row(page, s, e))
                continue

        # a numeral has three characters at most: the test is made only for such short lines
        # (measured on the stripped text the test reads: ``strip`` takes more than ``simple``)
        text = texts[i]
        split = (
            _split_numeral(lines, texts, i)
            if kind == "paragraph" and text is not None and len(text) <= 3
            else None
        )
        if split is not None:
            flush_para()
            out.append(_numeral_heading(page, s, e, lines[split]))
            taken.add(split)
            continue
        if kind == "heading":
            flush_para()
            h = read_heading(page, line)
            if below is not None:
                ts, te = page.content(lines[below])
                more = _title_rest(lines, texts, below)
                if more is not None:  # "（三）" / "加强" / "政府信息管理。"
                    _, te = page.content(lines[more])
                    te -= 1  # the full stop that ends the run-in title
                    taken.add(more)
                h.title = "".join(page.text[ts:te].split())
                h.title_span = Span(ts, te)
                h.span = h.span.cover(h.title_span)
                taken.add(below)
            out.append(h)
            if h.body is not None and is_glued_table(page, h.body.span.start, h.body.span.end):
                out.append(document.Table([], h.body.span, "glued"))
                h.body = None
            continue
        # paragraph: join wrapped lines (PDF text) into one paragraph
        if (
            para_start is not None
            and page.text[para_end - 1] not in "。！？；：!?;:"
            and not DATE_LINE.match(simple)
        ):
            para_end = e
        else:
            flush_para()
            para_start, para_end = s, e
    flush_para()
    close_table()
    return out


def _cover_rows(table: document.Table) -> None:
    """Widen the span a table was opened with to cover its rows.

    The rows are lines read in order, so the first starts first and the last
    ends last (what covering the rows one by one gives, without a span each).
    """
    span, first, last = table.span, table.rows[0].span, table.rows[-1].span
    start = span.start if span.start < first.start else first.start
    end = span.end if span.end > last.end else last.end
    if start != span.start or end != span.end:
        table.span = Span(start, end)


def _contents(
    page: Page, lines: list[Line]
) -> tuple[list[tuple[int, int, str] | None], list[str | None]]:
    """Each line's content span and simplified text, and that text stripped;
    None for blank and comment lines (the content span is :meth:`Page.content`'s)."""
    contents: list[tuple[int, int, str] | None] = []
    texts: list[str | None] = []
    add_content = contents.append
    add_text = texts.append
    text = page.text
    simplified = page.simplified
    for line in lines:
        kind = line.kind
        if kind == "blank" or kind == "directive":
            add_content(None)
            add_text(None)
        else:
            s = line.content_start()
            e = line.end
            while e > s and text[e - 1] in TRAILING_SPACE:
                e -= 1
            simple = simplified[s:e]
            add_content((s, e, simple))
            add_text(simple.strip())
    return contents, texts


def _title_below(lines: list[Line], texts: list[str | None], i: int) -> int | None:
    """For a heading line that is only a mark, the next line if it is its title."""
    if lines[i].kind != "heading":
        return None
    for tok in lines[i].tokens:
        if tok.type == "TEXT":  # the title is on the line
            return None
    j = i + 1
    while j < len(lines) and j <= i + 2 and not texts[j]:
        j += 1
    if j >= len(lines) or lines[j].kind != "paragraph" or not texts[j]:
        return None
    return j if is_heading_title(texts[j]) else None


def _title_rest(lines: list[Line], texts: list[str | None], j: int) -> int | None:
    """A title fragment ("加强") whose run-in title ends on the next line ("政府信息管理。")."""
    k = j + 1
    if len(texts[j]) > 4 or k >= len(lines) or lines[k].kind != "paragraph" or not texts[k]:
        return None
    rest = texts[k]
    if len(rest) > 30 or rest[-1] not in "。：:" or _SENTENCE_INSIDE.search(rest[:-1]):
        return None
    return k


def _split_numeral(lines: list[Line], texts: list[str | None], i: int) -> int | None:
    """A section numeral alone on a line, its "、" and title on the next ("一" / "、总体情况")."""
    t = texts[i]
    if lines[i].kind != "paragraph" or not t or not _CN_NUMERAL.fullmatch(t):
        return None
    j = i + 1
    if j < len(lines) and lines[j].kind == "paragraph" and texts[j]:
        nxt = texts[j]
        if nxt[0] == "、" and is_heading_title(nxt[1:].strip()):
            return j
    return None


def _numeral_heading(page: Page, s: int, e: int, title_line: Line) -> document.Heading:
    ts, te = page.content(title_line)
    style, number = read_mark(page.s(s, e) + "、")
    mark = document.Mark(page.text[s:e] + "、", style, number, Span(s, ts + 1))
    a = ts + 1
    while a < te and page.text[a] in " \u3000":
        a += 1
    return document.Heading(mark, page.text[a:te], Span(a, te), Span(s, te))


def _after_sentence(texts: list[str | None], i: int) -> bool:
    """Whether line ``i`` starts afresh: the text line before it ends a sentence or a title."""
    j = i - 1
    while j >= 0 and not texts[j]:
        j -= 1
    prev = texts[j] if j >= 0 else None
    return prev is None or prev[-1] in "。：:；！？）)" or len(prev) <= 20


class _Ahead:
    """The non-blank lines from a line on, and how many of the next ones are lone cells."""

    def __init__(self, texts: list[str | None]) -> None:
        self.texts = texts
        nonblank = [j for j, t in enumerate(texts) if t]
        #: the non-blank lines' texts, in order
        self.nonblank_texts = [texts[j] for j in nonblank]
        self.rank = dict(zip(nonblank, range(len(nonblank))))
        #: how many of the non-blank lines before each are lone cells
        self.cells = list(accumulate(map(is_cell_line, self.nonblank_texts), initial=0))

    def lines(self, i: int, n: int) -> list[str]:
        r = self.rank[i]
        return self.nonblank_texts[r : r + n]

    def may_open(self, i: int) -> bool:
        """Cheap test before :func:`opens_cell_region`: a short line, or lone cells ahead."""
        r = self.rank.get(i)
        return r is not None and (
            len(self.texts[i]) <= 12 or self.cells[r + 8 : r + 9] > [self.cells[r] + 2]
        )
