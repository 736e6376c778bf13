"""HTML report pages (``.html``, ``.htm``) → line-based report text.

A published report page is mostly site chrome (header, navigation, share
buttons, footer, scripts). The reader

1. parses the page with the standard library's :mod:`html.parser` (no
   network, no DTDs, no entity expansion beyond the fixed HTML5 table) into a
   small tree, bounded in depth (:data:`MAX_DEPTH`) and size
   (:data:`MAX_ELEMENTS`);
2. finds the article: from the page body it descends into the child holding
   most of the text while that child holds at least :data:`DOMINANT` of it
   (layout tables are descended into, data tables are not), and takes the
   report title from the nearest title-like element before the article when
   the article does not start with one;
3. flattens the article: one line per paragraph/heading/``<br>`` run,
   whitespace collapsed as a browser does, ``&nbsp;`` as a space, each data
   table row as one tab-separated line with rowspan/colspan expanded into
   the grid (the merged area's other cells are empty, as in a Word table
   copied to text), ``<!-- gsilint-… -->`` comments as their own lines so
   suppressions work.

Every piece of the flat text maps back to its offset in the HTML file, so
findings point at the page's own lines and columns.
"""

from __future__ import annotations

import re
from html import entities
from html.parser import HTMLParser

from gsilint.sources.base import InputError, Source
from gsilint.sources.cell_grid import (
    MAX_TABLE_CELLS,
    Anchor,
    compact,
    expand,
    row_lines,
    too_many_cells,
)
from gsilint.sources.decode import decode_bytes
from gsilint.sources.flatten import Flattener, Fragment, join_runs

#: Deeper elements are not nested further (their text joins the element at the limit).
MAX_DEPTH = 200
#: Elements in one page (bounded memory on hostile input).
MAX_ELEMENTS = 200_000
#: Share of its parent's text a child must hold for the article search to descend.
DOMINANT = 0.7

_VOID = frozenset(
    (
        "area base br col embed hr img input link meta param source track wbr basefont frame keygen"
    ).split()
)
#: Subtrees that are never report text.
_SKIP = frozenset(
    (
        "head script style noscript template iframe frameset svg math select option "
        "textarea button object canvas audio video map nav aside form label"
    ).split()
)
#: Page header/footer: chrome, unless inside the article (``<article><header><h1>标题``).
_PAGE_PARTS = frozenset(("header", "footer"))
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dd dt ul ol dl blockquote section article main center pre address "
    "figure figcaption caption hr body html tbody thead tfoot tr td th table".split()
)
#: Class/id words of site chrome inside an article container.
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|share|sidebar|toolbar|topbar|copyright|qrcode|"
    r"print|fontsize|attachment|related|relnews|pager|pagination)(?:$|[\s_\d-])",
    re.I,
)
_TITLE = re.compile(r"(?:19|20)\d\d.{0,40}?(?:年度?报告|年报|工作报告)")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WORD = re.compile(r"[^ \t\n\r\f]+")


class _Node:
    __slots__ = ("tag", "attrs", "children", "start", "skip", "size", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], start: int, parent: _Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        # _Node | ("t", text, offset) | ("br", offset) | ("c", raw, offset)
        self.children: list = []
        self.start = start
        self.parent = parent
        cls = f"{attrs.get('class', '')} {attrs.get('id', '')}"
        self.skip = tag in _SKIP or bool(cls.strip() and _CHROME.search(cls))
        if tag in _PAGE_PARTS:
            self.skip = not _inside_article(parent)
        self.size = 0  # non-space characters of report text below


def _inside_article(node: _Node | None) -> bool:
    while node is not None:
        if node.tag in ("article", "main"):
            return True
        node = node.parent
    return False


class _TreeBuilder(HTMLParser):
    """Builds a :class:`_Node` tree with original offsets; forgiving like a browser."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.root = _Node("#root", {}, 0, None)
        self.stack = [self.root]
        self.count = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _close(self, tags: frozenset[str], stop: frozenset[str]) -> None:
        """Close the innermost open element in ``tags`` unless a ``stop`` element comes first."""
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                del self.stack[i:]
                return
            if tag in stop:
                return

    def handle_starttag(self, tag: str, attrs) -> None:
        start = self._offset()
        parent = self.stack[-1]
        if tag in _VOID:
            if tag in ("br", "hr"):
                parent.children.append(("br", start))
            return
        if tag in _BLOCK or tag == "p":
            self._close(frozenset({"p"}), frozenset({"table", "td", "th", "li", "div"}))
        if tag == "li":
            self._close(frozenset({"li"}), frozenset({"ul", "ol", "table"}))
        elif tag in ("td", "th"):
            self._close(frozenset({"td", "th"}), frozenset({"tr", "table"}))
        elif tag == "tr":
            self._close(frozenset({"tr"}), frozenset({"table"}))
        elif tag in ("tbody", "thead", "tfoot"):
            self._close(frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"}))
        parent = self.stack[-1]
        if len(self.stack) >= MAX_DEPTH:
            return  # too deep: the content joins the element at the limit
        self.count += 1
        if self.count > MAX_ELEMENTS:
            raise InputError(
                f"HTML 元素过多，超过 {MAX_ELEMENTS} 个元素上限",
                f"too many HTML elements; the limit is {MAX_ELEMENTS}",
            )
        node = _Node(
            tag,
            {k: v or "" for k, v in attrs if k in ("class", "id", "rowspan", "colspan")},
            start,
            parent,
        )
        parent.children.append(node)
        self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag and len(self.stack) > 1:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # </br> is a line break in every browser
            self.stack[-1].children.append(("br", self._offset()))
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        start = self._offset()
        # the original's characters, not the parser's (see _defuse)
        self.stack[-1].children.append(("t", self.text[start : start + len(data)], start))

    def handle_entityref(self, name: str) -> None:
        start = self._offset()
        char = entities.html5.get(name + ";") or entities.html5.get(name)
        raw_end = start + 1 + len(name)
        if raw_end < len(self.text) and self.text[raw_end] == ";":
            raw_end += 1
        if char is None:
            self.stack[-1].children.append(("t", self.text[start:raw_end], start))
        else:
            self.stack[-1].children.append(("e", "\u00a0" if name == "nbsp" else char, start))

    def handle_charref(self, name: str) -> None:
        start = self._offset()
        try:
            code = int(name[1:], 16) if name[:1] in "xX" else int(name)
            char = chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"
        except ValueError:
            char = "\ufffd"
        self.stack[-1].children.append(("e", char, start))

    def handle_comment(self, data: str) -> None:
        if data.strip().lower().startswith("gsilint"):
            start = self._offset()
            end = self.text.find("-->", start)
            end = len(self.text) if end == -1 else end + 3
            self.stack[-1].children.append(("c", self.text[start:end], start))


# ---------------------------------------------------------------------------
# Article selection


def _measure(node: _Node) -> int:
    size = 0
    for c in node.children:
        if isinstance(c, _Node):
            if not c.skip:
                size += _measure(c)
        elif c[0] == "t":
            size += sum(1 for ch in c[1] if not ch.isspace())
        elif c[0] == "e":
            size += 1
    node.size = size
    return size


def _is_layout_table(node: _Node) -> bool:
    """A table used for page layout: it nests a table or holds long prose in a cell."""
    todo = list(node.children)
    while todo:
        c = todo.pop()
        if isinstance(c, _Node):
            if c.tag == "table":
                return True
            if c.tag in ("td", "th") and c.size > 300:
                return True
            todo.extend(c.children)
    return False


def _article(root: _Node) -> _Node:
    node = root
    while True:
        kids = [c for c in node.children if isinstance(c, _Node) and not c.skip]
        if not kids or node.size == 0:
            return node
        best = max(kids, key=lambda c: c.size)
        if best.size < DOMINANT * node.size or best.tag in (
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
        ):
            return node
        if best.tag == "table" and not _is_layout_table(best):
            return node
        node = best


def _title_before(root: _Node, article: _Node) -> _Node | None:
    """The innermost title-like element that precedes the article (page header)."""
    found: _Node | None = None
    ancestors = set()
    up = article.parent
    while up is not None:
        ancestors.add(id(up))
        up = up.parent
    todo: list[_Node] = [root]
    while todo:
        node = todo.pop()
        if node is article:
            break
        if node.tag in ("script", "style", "head", "template", "noscript", "iframe", "svg"):
            continue
        if 6 <= node.size <= 80 and id(node) not in ancestors and _TITLE.search(_plain(node)):
            found = node
        todo.extend(reversed([c for c in node.children if isinstance(c, _Node)]))
    return found


def _plain(node: _Node) -> str:
    out: list[str] = []

    def walk(n: _Node) -> None:
        for c in n.children:
            if isinstance(c, _Node):
                if c.tag not in ("script", "style"):
                    walk(c)
            elif c[0] in ("t", "e"):
                out.append(c[1])

    walk(node)
    return "".join(out)


# ---------------------------------------------------------------------------
# Flattening


class _Emitter:
    def __init__(self, flat: Flattener) -> None:
        self.flat = flat
        self.line: list[Fragment] = []
        self.space_at: int | None = None  # collapsed whitespace waiting for the next word
        self.runs: list[list[Fragment]] | None = None  # collecting a table cell

    # -- inline text ---------------------------------------------------------
    def _target(self) -> list[Fragment]:
        return self.runs[-1] if self.runs is not None else self.line

    def text(self, data: str, origin: int) -> None:
        target = self._target()
        pos = 0
        for m in _WORD.finditer(data):
            if m.start() > pos:
                self.space_at = origin + pos
            if self.space_at is not None and target:
                target.append(Fragment(" ", self.space_at, False))
            self.space_at = None
            target.append(Fragment(m.group(), origin + m.start()))
            pos = m.end()
        if pos < len(data):
            self.space_at = origin + pos

    def char(self, ch: str, origin: int) -> None:
        target = self._target()
        if self.space_at is not None and target:
            target.append(Fragment(" ", self.space_at, False))
        self.space_at = None
        if ch in "\t\n\r\f\u00a0":
            ch = " "
        target.append(Fragment(ch, origin, False))

    def brk(self) -> None:
        """End the current line (or the current paragraph inside a cell)."""
        self.space_at = None
        if self.runs is not None:
            if self.runs[-1]:
                self.runs.append([])
            return
        if self.line:
            self.flat.add_line(self.line)
            self.line = []

    # -- structure -----------------------------------------------------------
    def node(self, node: _Node) -> None:
        if node.skip:
            return
        if node.tag == "table" and self.runs is None and not _is_layout_table(node):
            self.brk()
            self.table(node)
            return
        block = node.tag in _BLOCK
        if block:
            self.brk()
        self.children(node)
        if block:
            self.brk()

    def children(self, node: _Node) -> None:
        for c in node.children:
            if isinstance(c, _Node):
                self.node(c)
            elif c[0] == "t":
                self.text(c[1], c[2])
            elif c[0] == "e":
                self.char(c[1], c[2])
            elif c[0] == "br":
                self.brk()
            elif c[0] == "c" and self.runs is None:
                self.brk()
                self.flat.add_line([Fragment(c[1], c[2])])

    def cell(self, node: _Node) -> list[Fragment]:
        self.runs = [[]]
        self.space_at = None
        self.children(node)
        runs, self.runs = self.runs, None
        self.space_at = None
        return join_runs(runs)

    def table(self, table: _Node) -> None:
        rows: list[_Node] = []
        todo = list(reversed(table.children))
        while todo:  # rows of this table, not of nested ones
            c = todo.pop()
            if isinstance(c, _Node) and not c.skip:
                if c.tag == "tr":
                    rows.append(c)
                elif c.tag in ("tbody", "thead", "tfoot"):
                    todo.extend(reversed(c.children))
        spec: list[list[tuple[Anchor, int]]] = []
        cells = 0
        for tr in rows:
            row = []
            for td in tr.children:
                if not isinstance(td, _Node) or td.tag not in ("td", "th") or td.skip:
                    continue
                cells += 1
                if cells > MAX_TABLE_CELLS:
                    raise too_many_cells()
                anchor = Anchor(self.cell(td), td.start, _span(td.attrs.get("colspan"), 1000))
                row.append((anchor, _span(td.attrs.get("rowspan"), 65534)))
            spec.append(row)
        for line in row_lines(compact(expand(spec))):
            if any(p.text == "\t" for p in line):
                self.flat.lines.append(line)
            else:
                self.flat.add_line(line)


def _span(value: str | None, cap: int) -> int:
    try:
        n = int(str(value).strip()) if value else 1
    except ValueError:
        return 1
    return max(1, min(n, cap))


# ---------------------------------------------------------------------------


def _defuse(text: str) -> str:
    """Make unterminated markup plain text before :mod:`html.parser` sees it.

    The standard parser rescans an unterminated construct ("<a " with no ">"
    after it, "<!--" with no "-->", "<![" marked sections) from every "<" to
    the end of the input, which is quadratic on hostile pages. Such a "<" is
    replaced by "＜" (same length: offsets are unchanged; the reader takes text
    from the original, so it still reads "<"). Marked sections ("<![") become
    bogus comments. Other well-formed markup is untouched.
    """
    last_gt = text.rfind(">")
    head, tail = text[: last_gt + 1], text[last_gt + 1 :]
    tail = tail.replace("<", "\uff1c")
    last_comment_end = head.rfind("-->")
    if "<!--" in head[max(last_comment_end, 0) :]:
        cut = max(last_comment_end, 0)
        head = head[:cut] + head[cut:].replace("<!--", "\uff1c!--")
    # "<![CDATA[…" / Word's "<![if !supportLists]>": a bogus comment up to the next ">", as in
    # HTML5 browsers (the stdlib would look for "]]>" and fails on unknown keywords)
    head = head.replace("<![", "<!_")
    return head + tail


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding is None and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii", "replace").lower()
            if declared in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
                declared = "gb18030"  # the superset: pages declared GB2312 often use GBK characters
            elif declared in ("big5", "x-big5"):
                declared = "cp950"  # as browsers do
            try:
                return data.decode(declared), declared
            except (UnicodeDecodeError, LookupError):
                pass  # a wrong declaration: detect instead
    return decode_bytes(data, encoding)


def html_to_source(path: str, text: str, encoding: str = "utf-8") -> Source:
    """Flatten decoded HTML ``text`` into a Source whose map points into it."""
    builder = _TreeBuilder(text)
    builder.feed(_defuse(text))
    builder.close()
    root = builder.root
    _measure(root)
    article = _article(root)
    flat = Flattener()
    emit = _Emitter(flat)
    title = _title_before(root, article)
    if title is not None:
        emit.node(title)
        emit.brk()
        title_lines = len(flat.lines)
    else:
        title_lines = 0
    # gsilint comments outside the article still count (a suppression at the top of the page)
    before, after = _outside_comments(root, article)
    for raw, at in before:
        flat.add_line([Fragment(raw, at)])
    emit.node(article)
    emit.brk()
    if title_lines and _repeats_title(
        flat.lines[:title_lines], flat.lines[title_lines + len(before) :]
    ):
        del flat.lines[:title_lines]
    for raw, at in after:
        flat.add_line([Fragment(raw, at)])
    if not flat.lines:
        raise InputError("网页中没有找到报告正文", "no report text found in the HTML page")
    flat_text, smap, _ = flat.result(len(text))
    return Source(
        path=path, text=flat_text, original=text, kind="html", encoding=encoding, map=smap
    )


def _squeeze(lines) -> str:
    return "".join(p.text for line in lines for p in line if not p.text.isspace()).replace(" ", "")


def _repeats_title(title, body) -> bool:
    """Whether the article itself opens with the page title (maybe wrapped over lines)."""
    want = _squeeze(title)
    return bool(want) and _squeeze(body[:3]).startswith(want)


def _outside_comments(
    root: _Node, article: _Node
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Directive comments that are not inside the article, split by where they stand."""
    found: list[tuple[str, int]] = []
    todo: list[_Node] = [root]
    while todo:
        node = todo.pop()
        if node is article:
            continue
        for c in node.children:
            if isinstance(c, _Node):
                todo.append(c)
            elif c[0] == "c":
                found.append((c[1], c[2]))
    found.sort(key=lambda c: c[1])
    return [c for c in found if c[1] < article.start], [c for c in found if c[1] >= article.start]


def read_html_source(path: str, data: bytes, encoding: str | None = None) -> Source:
    text, used = _decode(data, encoding)
    return html_to_source(path, text, used)
