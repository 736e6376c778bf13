"""HTML report pages (``.html``, ``.htm``) → line-based report text.

A published report page is mostly site chrome (header, navigation, share
buttons, footer, scripts). The reader

1. parses the page into a small tree, bounded in depth (:data:`MAX_DEPTH`)
   and size (:data:`MAX_ELEMENTS`), from the tokens the standard library's
   :mod:`html.parser` would give, found in one pass with their offsets by
   :mod:`gsilint.sources.html_tokens` (no network, no DTDs, no entity
   expansion beyond the fixed HTML5 table);
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
from collections.abc import Mapping
from html import entities

from gsilint.sources.base import InputError, Source, Undecodable
from gsilint.sources.cell_grid import (
    MAX_TABLE_CELLS,
    Anchor,
    compact,
    expand,
    row_lines,
    too_many_cells,
)
from gsilint.sources.decode import decode_report
from gsilint.sources.flatten import Flattener, Fragment, join_runs
from gsilint.sources.html_tokens import Tokenizer

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
#: The white space a browser collapses, and what lies between.
_SPACE = " \t\n\r\f"
_WORD = re.compile(r"[^ \t\n\r\f]+")


class _Node:
    __slots__ = ("tag", "attrs", "children", "start", "skip", "size", "parent", "nests_table")

    def __init__(
        self, tag: str, attrs: Mapping[str, str], start: int, parent: _Node | None, skip: bool
    ) -> None:
        self.tag = tag
        self.attrs = attrs
        # _Node | ("t", text, offset) | ("e", char, offset) | ("br", offset) | ("c", raw, offset)
        self.children: list = []
        self.start = start
        self.parent = parent
        self.skip = skip  # never report text (see _TreeBuilder.skips)
        self.size = 0  # non-space characters of report text below
        self.nests_table = False  # a table element below (set by _TreeBuilder)


_CLOSE_P = (frozenset({"p"}), frozenset({"table", "td", "th", "li", "div"}))
_CLOSE_OWN = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "table"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr"}), frozenset({"table"})),
    "tbody": (frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"})),
    "thead": (frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"})),
    "tfoot": (frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"})),
}
#: For each block start tag, the open elements it closes first: ``(tags, stop)`` means the
#: innermost open element in ``tags``, unless an element in ``stop`` comes first.
_CLOSES = {tag: (_CLOSE_P, _CLOSE_OWN[tag]) if tag in _CLOSE_OWN else (_CLOSE_P,) for tag in _BLOCK}
#: Elements inside which a ``<header>``/``<footer>`` is the article's own.
_ARTICLE = frozenset(("article", "main"))
#: Elements skipped (or not) whatever their attributes.
_SKIP_BY_TAG = _SKIP | _PAGE_PARTS


class _TreeBuilder(Tokenizer):
    """Builds a :class:`_Node` tree with original offsets from the page's tokens.

    Forgiving like a browser: a block start closes an open ``<p>``, ``<li>``,
    ``<td>``, ``<tr>`` and table sections close their open siblings, an end tag
    closes the innermost open element of its name (and all inside it), a stray
    end tag is ignored. ``self.open`` counts the open elements per tag (only
    those open), so the searches for one that is not open stop at once. The
    open elements are the new element's ancestors.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.root = _Node("#root", {}, 0, None, False)
        self.stack = [self.root]
        self.open: dict[str, int] = {}
        self.count = 0
        self.chrome: dict[str, bool] = {}  # class/id text -> site chrome (asked again and again)
        #: gsilint comments: (raw text, offset, the element they stand in)
        self.comments: list[tuple[str, int, _Node]] = []

    def build(self) -> _Node:
        self.tokenize(self.text)
        return self.root

    def skips(self, tag: str, attrs: Mapping[str, str]) -> bool:
        """Whether a new element is never report text: by its tag, class or id, or place."""
        if tag in _PAGE_PARTS:
            return _ARTICLE.isdisjoint(self.open)  # page header/footer, not the article's
        if tag in _SKIP:
            return True
        if "class" not in attrs and "id" not in attrs:
            return False
        cls = f"{attrs.get('class', '')} {attrs.get('id', '')}"
        chrome = self.chrome.get(cls)
        if chrome is None:
            chrome = self.chrome[cls] = bool(cls.strip() and _CHROME.search(cls))
        return chrome

    # -- tokens ------------------------------------------------------------------------
    def handle_data(self, text: str, start: int) -> None:
        self.stack[-1].children.append(("t", text, start))

    def handle_starttag(self, tag: str, attrs: Mapping[str, str], start: int) -> None:
        stack = self.stack
        if tag in _VOID:
            if tag in ("br", "hr"):
                stack[-1].children.append(("br", start))
            return
        closes = _CLOSES.get(tag)
        if closes is not None:
            for tags, stop in closes:
                if not tags.isdisjoint(self.open):
                    self._close(tags, stop)
        if len(stack) >= MAX_DEPTH:
            return  # too deep: the content joins the element at the limit
        self.count += 1
        if self.count > MAX_ELEMENTS:
            raise InputError(
                f"HTML 元素过多，超过 {MAX_ELEMENTS} 个元素上限",
                f"too many HTML elements; the limit is {MAX_ELEMENTS}",
            )
        parent = stack[-1]
        skip = self.skips(tag, attrs) if attrs or tag in _SKIP_BY_TAG else False
        node = _Node(tag, attrs, start, parent, skip)
        parent.children.append(node)
        if tag == "table" and "table" in self.open:
            for outer in stack:
                if outer.tag == "table":
                    outer.nests_table = True
        stack.append(node)
        self.open[tag] = self.open.get(tag, 0) + 1

    def handle_leaf(
        self, tag: str, attrs: Mapping[str, str], start: int, text: str, text_start: int
    ) -> None:
        self.handle_starttag(tag, attrs, start)
        stack = self.stack
        if text:
            stack[-1].children.append(("t", text, text_start))
        if stack[-1].tag == tag:  # the element just opened (not past the depth limit)
            stack.pop()
            self._closed(tag)
        else:
            self.handle_endtag(tag, text_start + len(text))

    def handle_startendtag(self, tag: str, attrs: Mapping[str, str], start: int) -> None:
        self.handle_starttag(tag, attrs, start)
        stack = self.stack
        if tag not in _VOID and stack[-1].tag == tag and len(stack) > 1:
            self._pop_from(len(stack) - 1)

    def handle_endtag(self, tag: str, start: int) -> None:
        stack = self.stack
        if stack[-1].tag == tag:  # the usual case: the innermost element ends
            stack.pop()
            self._closed(tag)
            return
        if tag == "br":  # </br> is a line break in every browser
            stack[-1].children.append(("br", start))
            return
        if tag not in self.open:
            return
        for i in range(len(stack) - 1, 0, -1):
            if stack[i].tag == tag:
                self._pop_from(i)
                return

    def handle_entityref(self, name: str, start: int) -> None:
        char = entities.html5.get(name + ";") or entities.html5.get(name)
        if char is not None:
            self.stack[-1].children.append(("e", "\u00a0" if name == "nbsp" else char, start))
            return
        raw_end = start + 1 + len(name)  # an unknown name stays text
        if raw_end < len(self.text) and self.text[raw_end] == ";":
            raw_end += 1
        self.stack[-1].children.append(("t", self.text[start:raw_end], start))

    def handle_charref(self, number: str, start: int) -> None:
        self.stack[-1].children.append(("e", _charref(number), start))

    def handle_comment(self, data: str, start: int) -> None:
        if data.strip().lower().startswith("gsilint"):
            end = self.text.find("-->", start)
            end = len(self.text) if end == -1 else end + 3
            raw = self.text[start:end]
            self.stack[-1].children.append(("c", raw, start))
            self.comments.append((raw, start, self.stack[-1]))

    # -- closing -----------------------------------------------------------------------
    def _pop_from(self, i: int) -> None:
        """Close the open elements from ``stack[i]`` inwards."""
        stack = self.stack
        for node in stack[i:]:
            self._closed(node.tag)
        del stack[i:]

    def _closed(self, tag: str) -> None:
        left = self.open[tag] - 1
        if left:
            self.open[tag] = left
        else:
            del self.open[tag]

    def _close(self, tags: frozenset[str], stop: frozenset[str]) -> None:
        """Close the innermost open element in ``tags`` unless a ``stop`` element comes first."""
        stack = self.stack
        for i in range(len(stack) - 1, 0, -1):
            tag = stack[i].tag
            if tag in tags:
                self._pop_from(i)
                return
            if tag in stop:
                return


def _charref(number: str) -> str:
    """The character of ``&#number;`` (U+FFFD for none)."""
    try:
        code = int(number[1:], 16) if number[:1] in "xX" else int(number)
    except ValueError:
        return "\ufffd"
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"


# ---------------------------------------------------------------------------
# Article selection


def _measure(node: _Node) -> int:
    """Set ``size`` of ``node`` and the elements below it that are report text."""
    size = 0
    for c in node.children:
        if type(c) is tuple:
            kind = c[0]
            if kind == "t":
                size += _solid(c[1])
            elif kind == "e":
                size += 1
        elif not c.skip:
            size += _measure(c)
    node.size = size
    return size


def _solid(text: str) -> int:
    """How many characters of ``text`` are not white space (``str.isspace``)."""
    return len("".join(text.split()))


def _is_layout_table(node: _Node) -> bool:
    """A table used for page layout: it nests a table or holds long prose in a cell.

    Only elements of more than 300 characters can hold such a cell (an element holds
    at least as much report text as any element below it; skipped ones hold none).
    """
    if node.nests_table:
        return True
    todo = [c for c in node.children if type(c) is _Node and c.size > 300]
    while todo:
        c = todo.pop()
        if c.tag in ("td", "th"):
            return True
        todo.extend(k for k in c.children if type(k) is _Node and k.size > 300)
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
        if id(node) not in ancestors:
            if node.size < 6:
                continue  # nor anything below it: the article is not there
            if node.size <= 80 and _TITLE.search(_plain(node)):
                found = node
        todo.extend(reversed([c for c in node.children if type(c) is _Node]))
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
        if data and not data.strip(_SPACE):  # white space between elements
            self.space_at = origin
            return
        target = self._target()
        space_at = self.space_at
        pos = 0
        for m in _WORD.finditer(data):
            start, end = m.span()
            if start > pos:
                space_at = origin + pos
            if space_at is not None and target:
                target.append(Fragment(" ", space_at, False))
            space_at = None
            target.append(Fragment(data[start:end], origin + start))
            pos = end
        self.space_at = origin + pos if pos < len(data) else space_at

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
            if type(c) is not tuple:
                self.node(c)
                continue
            kind = c[0]
            if kind == "t":
                self.text(c[1], c[2])
            elif kind == "e":
                self.char(c[1], c[2])
            elif kind == "br":
                self.brk()
            elif kind == "c" and self.runs is None:
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
                colspan, rowspan = td.attrs.get("colspan"), td.attrs.get("rowspan")
                anchor = Anchor(self.cell(td), td.start, _span(colspan, 1000) if colspan else 1)
                row.append((anchor, _span(rowspan, 65534) if rowspan else 1))
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


def _decode(data: bytes, encoding: str | None) -> tuple[str, str, Undecodable | None]:
    """The page's text, its encoding, and the undecodable bytes replaced (if any)."""
    if encoding is None and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii", "replace").lower()
            if declared in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
                declared = "gb18030"  # the superset: pages declared GB2312 often use GBK characters
            elif declared in ("big5", "x-big5"):
                declared = "cp950"  # as browsers do
            try:
                return data.decode(declared), declared, None
            except (UnicodeDecodeError, LookupError):
                pass  # a wrong declaration: detect instead
    return decode_report(data, encoding)


def html_to_source(path: str, text: str, encoding: str = "utf-8") -> Source:
    """Flatten decoded HTML ``text`` into a Source whose map points into it."""
    builder = _TreeBuilder(text)
    root = builder.build()
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
    before, after = _outside_comments(builder.comments, article)
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
    comments: list[tuple[str, int, _Node]], article: _Node
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Directive comments that are not inside the article, split by where they stand."""
    found = [(raw, at) for raw, at, parent in comments if not _within(parent, article)]
    return [c for c in found if c[1] < article.start], [c for c in found if c[1] >= article.start]


def _within(node: _Node | None, ancestor: _Node) -> bool:
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def read_html_source(path: str, data: bytes, encoding: str | None = None) -> Source:
    text, used, undecodable = _decode(data, encoding)
    source = html_to_source(path, text, used)
    source.undecodable = undecodable  # E001 warns about the bytes replaced
    return source
