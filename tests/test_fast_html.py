"""The fast HTML reader equals its plain reference, token for token and offset for offset.

The reader used to feed the standard library's :mod:`html.parser` and to walk
its tree several times. Now a one-pass tokenizer (``gsilint.sources.html_tokens``)
feeds the tree builder, and the article search prunes and remembers. The
references kept here are the previous versions: a recorder on
:class:`html.parser.HTMLParser` for the tokens, the previous tree builder and
walks for the Source. They are compared on the shared corpus, the fixtures and
generated markup (random nesting, entities good and bad, comments,
script/style, ``<br>``, tables with colspan/rowspan, broken and unterminated
markup).
"""

from __future__ import annotations

import re
from html import entities
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gsilint.sources.html as html_reader
from gsilint.sources.base import InputError
from gsilint.sources.html_tokens import ATTRIBUTES, Tokenizer, defuse

PAGES = sorted((Path(__file__).parent / "fixtures" / "html").glob("*.htm*")) + sorted(
    (CORPUS / "html").glob("*.htm*")
)

# ---------------------------------------------------------------------------
# Tokens: the standard parser (reference) and the tokenizer


class _StdlibTokens(HTMLParser):
    """What the standard parser reports on the defused page, with offsets."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=False)
        self.page = page
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", page)]
        self.out: list[tuple] = []

    def _at(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _attrs(self, attrs) -> dict[str, str]:
        return {k: v or "" for k, v in attrs if k in ATTRIBUTES}

    def handle_starttag(self, tag, attrs):
        self.out.append(("start", tag, self._attrs(attrs), self._at()))

    def handle_startendtag(self, tag, attrs):
        self.out.append(("startend", tag, self._attrs(attrs), self._at()))

    def handle_endtag(self, tag):
        self.out.append(("end", tag, self._at()))

    def handle_data(self, data):
        at = self._at()
        self.out.append(("data", self.page[at : at + len(data)], at))

    def handle_entityref(self, name):
        self.out.append(("entity", name, self._at()))

    def handle_charref(self, name):
        self.out.append(("charref", name, self._at()))

    def handle_comment(self, data):
        self.out.append(("comment", data, self._at()))


def stdlib_tokens(page: str) -> list[tuple]:
    parser = _StdlibTokens(page)
    parser.feed(defuse(page))
    parser.close()
    return parser.out


class _Tokens(Tokenizer):
    """The tokenizer's tokens (``handle_leaf`` left as it is: three tokens)."""

    def __init__(self) -> None:
        self.out: list[tuple] = []

    def handle_starttag(self, tag, attrs, start):
        self.out.append(("start", tag, dict(attrs), start))

    def handle_startendtag(self, tag, attrs, start):
        self.out.append(("startend", tag, dict(attrs), start))

    def handle_endtag(self, tag, start):
        self.out.append(("end", tag, start))

    def handle_data(self, text, start):
        self.out.append(("data", text, start))

    def handle_entityref(self, name, start):
        self.out.append(("entity", name, start))

    def handle_charref(self, number, start):
        self.out.append(("charref", number, start))

    def handle_comment(self, data, start):
        self.out.append(("comment", data, start))


def fast_tokens(page: str) -> list[tuple]:
    tokens = _Tokens()
    tokens.tokenize(page)
    return tokens.out


# ---------------------------------------------------------------------------
# The Source: the previous builder and walks (reference)


class _ReferenceBuilder(HTMLParser):
    """The previous tree builder: html.parser tokens, line/column offsets, parent walks."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.root = _node("#root", {}, 0, None)
        self.stack = [self.root]
        self.count = 0

    def build(self):
        self.feed(defuse(self.text))
        self.close()
        return self.root

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _close(self, tags, stop) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                del self.stack[i:]
                return
            if tag in stop:
                return

    def handle_starttag(self, tag, attrs) -> None:
        start = self._offset()
        parent = self.stack[-1]
        if tag in html_reader._VOID:
            if tag in ("br", "hr"):
                parent.children.append(("br", start))
            return
        if tag in html_reader._BLOCK or tag == "p":
            self._close({"p"}, {"table", "td", "th", "li", "div"})
        if tag == "li":
            self._close({"li"}, {"ul", "ol", "table"})
        elif tag in ("td", "th"):
            self._close({"td", "th"}, {"tr", "table"})
        elif tag == "tr":
            self._close({"tr"}, {"table"})
        elif tag in ("tbody", "thead", "tfoot"):
            self._close({"tbody", "thead", "tfoot"}, {"table"})
        parent = self.stack[-1]
        if len(self.stack) >= html_reader.MAX_DEPTH:
            return
        self.count += 1
        if self.count > html_reader.MAX_ELEMENTS:
            raise InputError("too many", "too many")
        node = _node(tag, {k: v or "" for k, v in attrs if k in ATTRIBUTES}, start, parent)
        parent.children.append(node)
        self.stack.append(node)

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in html_reader._VOID and self.stack[-1].tag == tag and len(self.stack) > 1:
            self.stack.pop()

    def handle_endtag(self, tag) -> None:
        if tag == "br":
            self.stack[-1].children.append(("br", self._offset()))
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data) -> None:
        start = self._offset()
        self.stack[-1].children.append(("t", self.text[start : start + len(data)], start))

    def handle_entityref(self, name) -> None:
        start = self._offset()
        char = entities.html5.get(name + ";") or entities.html5.get(name)
        raw_end = start + 1 + len(name)
        if raw_end < len(self.text) and self.text[raw_end] == ";":
            raw_end += 1
        if char is None:
            self.stack[-1].children.append(("t", self.text[start:raw_end], start))
        else:
            self.stack[-1].children.append(("e", "\u00a0" if name == "nbsp" else char, start))

    def handle_charref(self, name) -> None:
        start = self._offset()
        try:
            code = int(name[1:], 16) if name[:1] in "xX" else int(name)
            char = chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"
        except ValueError:
            char = "\ufffd"
        self.stack[-1].children.append(("e", char, start))

    def handle_comment(self, data) -> None:
        if data.strip().lower().startswith("gsilint"):
            start = self._offset()
            end = self.text.find("-->", start)
            end = len(self.text) if end == -1 else end + 3
            self.stack[-1].children.append(("c", self.text[start:end], start))


def _node(tag, attrs, start, parent):
    cls = f"{attrs.get('class', '')} {attrs.get('id', '')}"
    skip = tag in html_reader._SKIP or bool(cls.strip() and html_reader._CHROME.search(cls))
    if tag in html_reader._PAGE_PARTS:
        up, skip = parent, True
        while up is not None:
            if up.tag in ("article", "main"):
                skip = False
            up = up.parent
    return html_reader._Node(tag, attrs, start, parent, skip)


def _reference_measure(node) -> int:
    size = 0
    for c in node.children:
        if isinstance(c, html_reader._Node):
            if not c.skip:
                size += _reference_measure(c)
        elif c[0] == "t":
            size += sum(1 for ch in c[1] if not ch.isspace())
        elif c[0] == "e":
            size += 1
    node.size = size
    return size


def _reference_is_layout_table(node) -> bool:
    todo = list(node.children)
    while todo:
        c = todo.pop()
        if isinstance(c, html_reader._Node):
            if c.tag == "table":
                return True
            if c.tag in ("td", "th") and c.size > 300:
                return True
            todo.extend(c.children)
    return False


def _reference_title_before(root, article):
    found = None
    ancestors = set()
    up = article.parent
    while up is not None:
        ancestors.add(id(up))
        up = up.parent
    todo = [root]
    while todo:
        node = todo.pop()
        if node is article:
            break
        if node.tag in ("script", "style", "head", "template", "noscript", "iframe", "svg"):
            continue
        if (
            6 <= node.size <= 80
            and id(node) not in ancestors
            and html_reader._TITLE.search(html_reader._plain(node))
        ):
            found = node
        todo.extend(reversed([c for c in node.children if isinstance(c, html_reader._Node)]))
    return found


def _reference_outside_comments(root, article):
    found = []
    todo = [root]
    while todo:
        node = todo.pop()
        if node is article:
            continue
        for c in node.children:
            if isinstance(c, html_reader._Node):
                todo.append(c)
            elif c[0] == "c":
                found.append((c[1], c[2]))
    found.sort(key=lambda c: c[1])
    return [c for c in found if c[1] < article.start], [c for c in found if c[1] >= article.start]


class _ReferenceEmitter(html_reader._Emitter):
    def text(self, data: str, origin: int) -> None:
        target = self._target()
        pos = 0
        for m in html_reader._WORD.finditer(data):
            if m.start() > pos:
                self.space_at = origin + pos
            if self.space_at is not None and target:
                target.append(html_reader.Fragment(" ", self.space_at, False))
            self.space_at = None
            target.append(html_reader.Fragment(m.group(), origin + m.start()))
            pos = m.end()
        if pos < len(data):
            self.space_at = origin + pos


def reference_source(page: str, monkeypatch):
    """``html_to_source`` with the previous builder, walks and text splitting."""
    built = {}

    class Builder(_ReferenceBuilder):
        comments = None

        def build(self):
            built["root"] = super().build()
            return built["root"]

    with monkeypatch.context() as m:
        m.setattr(html_reader, "_TreeBuilder", Builder)
        m.setattr(html_reader, "_measure", _reference_measure)
        m.setattr(html_reader, "_is_layout_table", _reference_is_layout_table)
        m.setattr(html_reader, "_title_before", _reference_title_before)
        m.setattr(
            html_reader,
            "_outside_comments",
            lambda _comments, article: _reference_outside_comments(built["root"], article),
        )
        m.setattr(html_reader, "_Emitter", _ReferenceEmitter)
        return _outcome(page)


def _outcome(page: str):
    """Text and map of the Source, or the error's message."""
    try:
        src = html_reader.html_to_source("page.html", page)
    except InputError as exc:
        return ("error", exc.message_en)
    return (src.text, src.map._flat, src.map._orig, src.map._orig_len)


def assert_same(page: str, monkeypatch) -> None:
    assert fast_tokens(page) == stdlib_tokens(page)
    assert _outcome(page) == reference_source(page, monkeypatch)


# ---------------------------------------------------------------------------
# Generated pages

_TEXT = st.sampled_from(
    [
        "一、总体情况",
        "2023年政府信息公开工作年度报告",
        "本县主动公开信息12条。",
        "a b",
        " ",
        "\n",
        "\t",
        "\u3000",
        "\xa0",
        "\x0b",
        "\x1c",
        "中",
        "x",
        "1",
        ";",
        "=",
        "/",
        '"',
        "'",
        "-",
        "!",
        "?",
        "`",
        "ſ",
    ]
)
_ENTITY = st.sampled_from(
    ["&nbsp;", "&amp;", "&amp", "&lt;", "&#12;", "&#x4e00;", "&#x1F;", "&#", "&#;", "&#12a",
     "&#x;", "&bogus;", "&", "&a", "&notit;", "&ampx", "&#0;", "&#xD800;", "&#99999999;"]
)  # fmt: skip
_TAG = st.sampled_from(
    ["p", "div", "span", "td", "th", "tr", "table", "tbody", "li", "ul", "br", "hr", "h1", "a",
     "o:p", "script", "style", "header", "footer", "article", "main", "nav", "img", "P", "TD",
     "Span", "x-y", "i"]
)  # fmt: skip
_ATTR = st.sampled_from(
    ['class="nav"', "class=content", "CLASS='share x'", 'id="main"', "id=footer", "ID",
     'rowspan="2"', "rowspan=3", 'colspan="2"', "colspan=0", "colspan=x", 'style="a:b"',
     "style='font:宋体'", "href=/a/b/", "title=\"a>b\"", "class", "claſſ=nav", "a=b=c",
     'x="y"z', "class=&amp;nav", "data-x", "class = 'a b'"]
)  # fmt: skip
_SPACE = st.sampled_from([" ", "  ", "\n", "\t", " \n ", "\u3000", "\x0b", "/", " / "])


@st.composite
def _start_tag(draw) -> str:
    tag = draw(_TAG)
    attrs = draw(st.lists(st.tuples(_SPACE, _ATTR), max_size=3))
    end = draw(st.sampled_from([">", "/>", " >", " />", "", ">"]))
    return "<" + tag + "".join(s + a for s, a in attrs) + end


@st.composite
def _end_tag(draw) -> str:
    return (
        draw(st.sampled_from(["</", "</", "</ ", "</\n"]))
        + draw(_TAG)
        + draw(st.sampled_from([">", " >", "", "\n>", " x>"]))
    )


_MARKUP = st.sampled_from(
    ["<!-- note -->", "<!-- gsilint-disable S101 -->", "<!--gsilint-enable-->", "<!--", "-->",
     "<!-->", "<!DOCTYPE html>", "<![if !supportLists]>", "<![endif]>", "<?xml x?>", "</>",
     "<", ">", "<<", "< p>", "<3", "<!gsilint x>", "<!x>", "<table border=1>",
     "<td colspan=2 rowspan=2>", "<script>var a = '<p>x</p>';</script>", "<style>p{}</style>",
     "<SCRIPT>", "</SCRIPT >", "</script", "<textarea>", "<br>", "</br>", "<br/>"]
)  # fmt: skip
_PIECE = st.one_of(_TEXT, _TEXT, _ENTITY, _start_tag(), _end_tag(), _MARKUP)


@st.composite
def pages(draw) -> str:
    return "".join(draw(st.lists(_PIECE, max_size=60)))


@st.composite
def table_pages(draw) -> str:
    """Report-like pages: a title, prose, and tables with merged cells, tags maybe left open."""
    rows = []
    for _ in range(draw(st.integers(1, 5))):
        cells = []
        for _ in range(draw(st.integers(1, 5))):
            span = draw(st.sampled_from(["", " colspan=2", ' rowspan="2"', " colspan=3 rowspan=2"]))
            text = draw(st.sampled_from(["1", "申请数量", "&nbsp;", "<p>一、总体情况</p>", ""]))
            close = draw(st.sampled_from(["</td>", ""]))
            cells.append(f"<td{span}>{text}{close}")
        rows.append("<tr>" + "".join(cells) + draw(st.sampled_from(["</tr>", ""])))
    body = draw(st.lists(_PIECE, max_size=10))
    return (
        '<html><head><title>t</title></head><body><div class="header">首页</div>'
        "<h1>示例县2023年政府信息公开工作年度报告</h1><div id=content>"
        + "".join(body)
        + "<p>一、总体情况</p><table>"
        + "".join(rows)
        + draw(st.sampled_from(["</table>", ""]))
        + "<p>二、主动公开政府信息情况</p></div></body></html>"
    )


@settings(
    max_examples=800, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pages())
def test_generated_markup_reads_as_before(monkeypatch, page):
    assert_same(page, monkeypatch)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table_pages())
def test_generated_report_pages_read_as_before(monkeypatch, page):
    assert_same(page, monkeypatch)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_real_pages_read_as_before(monkeypatch, path):
    text, _, _ = html_reader._decode(path.read_bytes(), None)
    assert_same(text, monkeypatch)


@pytest.mark.parametrize(
    "page",
    [
        "<p>一、总体情况</p>" + "<a " * 3000,
        "<p>一、总体情况</p>" + "<!--" * 3000 + ">",
        "<p>a &#12a b &#; c <b>d</b></p>",  # two malformed "&#": the rest is text
        "<p>a &#; b</p><p>c</p>",
        "<p>尾 &am",
        "<p>尾 &a",
        "<p>x<script>a<b</script><p>y",
        "<p>x<script>never closed<p>y",
        "<p>x<style>a</STYLE >y</p>",
        "<td><table><tr><td>nested</td></tr></table></td>",
        '<p class="a" CLASS="share">x</p><p>y</p>',
        "<p>" + "<div>" * 250 + "一、总体情况",
    ],
)
def test_edge_pages_read_as_before(monkeypatch, page):
    assert_same(page, monkeypatch)


# ---------------------------------------------------------------------------
# Small pieces


@given(st.text(alphabet=st.characters(), max_size=40))
def test_solid_counts_what_isspace_does_not(text):
    assert html_reader._solid(text) == sum(1 for ch in text if not ch.isspace())


def test_solid_on_every_space_character():
    spaces = "".join(chr(c) for c in range(0x3100) if chr(c).isspace())
    assert html_reader._solid(spaces + "a" + spaces) == 1


def test_element_limit_still_counts_leaf_elements(monkeypatch):
    monkeypatch.setattr(html_reader, "MAX_ELEMENTS", 100)
    with pytest.raises(InputError):
        html_reader.html_to_source("p.html", "<p>一、总体情况</p>" + "<span>x</span>" * 100)
