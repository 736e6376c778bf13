"""HTML tokens with exact offsets: the standard parser's tokens, found in one pass.

A :class:`Tokenizer` reports the same tokens, in the same chunks, as
:class:`html.parser.HTMLParser` (``convert_charrefs=False``, one ``feed``
then ``close``) reports on the page made safe by :func:`defuse`, through
handlers of the same names, but with each token's offset in the page
instead of a line and column, and without the work the reader does not
need: only the attributes it looks at (:data:`ATTRIBUTES`) are reported,
and the common tokens are found by one compiled pattern (:data:`_FAST`, a
strict subset of what the standard parser accepts, for which it gives the
same tokens). Everything else goes through the standard parser itself:
markup the fast pattern leaves (odd attribute syntax, unterminated tags,
``<!…>``, ``<?…>``) is read by the parser's own step methods, run at that
offset (:class:`_Steps`); stray ``<`` and ``&`` and the parser's quirks at
malformed character references and at the end of the page follow its loop.
So the token stream is the standard parser's token for token (tests hold it
to that on the corpus and on generated markup).

Handlers (override them; ``start`` is the token's offset in the page):

- ``handle_data(text, start)``: ``text`` is ``page[start:start + len(text)]``
  (taken from the page, not from the defused copy);
- ``handle_starttag(tag, attrs, start)``, ``handle_startendtag(tag, attrs,
  start)`` (``<br/>`` style): ``tag`` is lower case, ``attrs`` maps those of
  :data:`ATTRIBUTES` present (the last one of a name wins; value ``""`` when
  absent or empty; entities decoded);
- ``handle_endtag(tag, start)``;
- ``handle_entityref(name, start)``: ``&name;`` or ``&name`` (any name);
- ``handle_charref(number, start)``: ``&#123;`` / ``&#x7b;`` (``number`` without ``&#``);
- ``handle_comment(data, start)``: ``<!--data-->`` or a bogus comment ``<!data>``;
- ``handle_leaf(tag, attrs, start, text, text_start)``: an element holding only
  text, by default reported as its three tokens.

Declarations (``<!DOCTYPE …>``) and processing instructions (``<?…>``) are
skipped.
"""

from __future__ import annotations

import html.parser as _stdlib
import re
from collections.abc import Mapping
from html import unescape
from types import MappingProxyType

#: Elements whose content is raw text up to their end tag.
_CDATA = ("script", "style")

# The standard parser's own patterns, taken from ``html.parser`` itself (not copied), for
# the steps of its loop that are not methods of the parser (character references).
_INCOMPLETE = _stdlib.incomplete
_ENTITYREF = _stdlib.entityref
_CHARREF = _stdlib.charref
_CDATA_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.I) for tag in _CDATA}

#: The attributes reported (the reader looks at no others).
ATTRIBUTES = ("class", "id", "rowspan", "colspan")
#: A tag without any of them (shared: the reader only reads attributes).
_NO_ATTRS: Mapping[str, str] = MappingProxyType({})
_NONE_FOUND = (None,) * len(ATTRIBUTES)
_WS = r"[ \t\n\r\f]"
_VALUE = rf"""(?:{_WS}*={_WS}*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""


def _named(name: str) -> str:
    """An attribute ``name`` in any case (ASCII letters only, as the parser lowers them)."""
    letters = "".join(f"[{c}{c.upper()}]" for c in name)
    return rf"({letters}(?![-a-zA-Z0-9_:.]){_VALUE})"


#: The common tokens, each as the standard parser reads it: text up to the next "<" or
#: "&"; well-formed tags (a name of letters, digits and -:_., attributes separated by
#: ASCII white space, values quoted or plain: on these the standard parser finds the
#: same name, attributes and ending); end tags; comments; ``&name;`` and ``&#number;``.
#: Each of :data:`ATTRIBUTES` is captured by a group of its own (4-7: a repeated group
#: keeps the last one, as the reader did). An element holding only text (``<span
#: …>text</span>``, the end tag written as the start tag) is one match: its three
#: tokens. Any other "<" or "&" (group 16) takes the transcribed path. The group that
#: closes last (``lastindex``) tells which alternative matched.
_FAST = re.compile(
    rf"""
      ([^<&]+)                                            # 1: text
    | <([a-zA-Z][-a-zA-Z0-9:_.]*)                         # 2: start tag name
      ((?:{_WS}+(?:
          {_named("class")} | {_named("id")}              # 4, 5
        | {_named("rowspan")} | {_named("colspan")}       # 6, 7
        | [a-zA-Z_:][-a-zA-Z0-9_:.]*{_VALUE}              # any other attribute
      ))*)                                                # 3: all attributes
      {_WS}*(?:
          (/>)                                            # 8: <br/>
        | (>)                                             # 9: a start tag ...
          (?:([^<&]*)</\2\s*(>))?                          # 10, 11: ... with its text and end
      )
    | </([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>                    # 12: end tag name
    | <!--(.*?)--\s*>                                     # 13: comment
    | &([a-zA-Z][-.a-zA-Z0-9]*);                          # 14: entity name
    | &\#([0-9]+|[xX][0-9a-fA-F]+);                       # 15: character number
    | ([<&])                                              # 16: anything else
    """,
    re.VERBOSE | re.DOTALL,
)


def defuse(text: str) -> str:
    """Make unterminated markup plain text before it is tokenized.

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


class Tokenizer:
    """The standard parser's ``goahead`` loop, run once normally and once "at the end".

    ``feed`` runs the loop until it meets something it cannot finish (an
    unterminated tag, a malformed character reference, an ``&name`` that
    reaches the end); ``close`` resumes there with ``end`` set, where such a
    construct becomes text — or, after a second malformed ``&#``, all the
    rest of the page does. ``self._end`` is that switch.
    """

    def tokenize(self, page: str) -> None:
        """Report the tokens of ``page`` to the handlers, in order."""
        self._page = page
        self._scan = defuse(page)  # the text tokenized (data is taken from the page)
        self._end = False
        self._cdata: str | None = None  # inside <script>/<style>: the element's name
        self._steps = _Steps(self)
        self._steps.rawdata = self._scan
        n = len(page)
        i = self._goahead(0)
        self._end = True
        i = self._goahead(i)
        if i < n and self._cdata is None:
            self.handle_data(page[i:n], i)

    # -- handlers ---------------------------------------------------------------------
    def handle_data(self, text: str, start: int) -> None:
        pass

    def handle_starttag(self, tag: str, attrs: Mapping[str, str], start: int) -> None:
        pass

    def handle_startendtag(self, tag: str, attrs: Mapping[str, str], start: int) -> None:
        pass

    def handle_endtag(self, tag: str, start: int) -> None:
        pass

    def handle_entityref(self, name: str, start: int) -> None:
        pass

    def handle_charref(self, number: str, start: int) -> None:
        pass

    def handle_comment(self, data: str, start: int) -> None:
        pass

    def handle_leaf(
        self, tag: str, attrs: Mapping[str, str], start: int, text: str, text_start: int
    ) -> None:
        """``<tag …>text</tag>``: its start tag, its text (if any) and its end tag.

        Override to handle the three at once; the end tag starts at ``text_start +
        len(text)``.
        """
        self.handle_starttag(tag, attrs, start)
        if text:
            self.handle_data(text, text_start)
        self.handle_endtag(tag, text_start + len(text))

    # -- the loop ---------------------------------------------------------------------
    def _goahead(self, i: int) -> int:
        """Tokens from ``i`` until the page ends or the loop stops: where it stops."""
        text = self._scan
        n = len(text)
        while i < n:
            if self._cdata is not None:
                m = _CDATA_END[self._cdata].search(text, i)
                if m is None:
                    return i
                if m.start() > i:
                    self._data(i, m.start())
                i = self._slow_endtag(m.start())
                continue
            i = self._fast(i)
            if i < n and self._cdata is None:
                i = self._slow(i)
                if i < 0:
                    return ~i
        return i

    def _fast(self, i: int) -> int:
        """Common tokens from ``i``: where the first other one (or a ``<script>``'s text) starts."""
        page = self._page
        data, starttag, endtag = self.handle_data, self.handle_starttag, self.handle_endtag
        for m in _FAST.finditer(self._scan, i):
            kind = m.lastindex
            if kind == 12:
                endtag(m.group(12).lower(), m.start())
            elif kind == 1:
                start, end = m.span()
                data(page[start:end], start)
            elif kind <= 11:  # 8, 9, 11: a start tag
                tag = m.group(2).lower()
                attrs = _NO_ATTRS
                if m.group(3):
                    found = m.group(4, 5, 6, 7)
                    if found != _NONE_FOUND:
                        attrs = _fast_attrs(found)
                if kind == 11:
                    start, end = m.span(10)
                    self.handle_leaf(tag, attrs, m.start(), page[start:end], start)
                elif kind == 9:
                    starttag(tag, attrs, m.start())
                    if tag in _CDATA:
                        self._cdata = tag
                        return m.end()
                else:
                    self.handle_startendtag(tag, attrs, m.start())
            elif kind == 13:
                self.handle_comment(m.group(13), m.start())
            elif kind == 14:
                self.handle_entityref(m.group(14), m.start())
            elif kind == 15:
                self.handle_charref(m.group(15), m.start())
            else:
                return m.start()
        return len(self._scan)

    def _slow(self, i: int) -> int:
        """One step of the standard parser's loop at a "<" or "&" the fast path left.

        Returns where the next step starts, or ``~position`` when the loop stops there.
        """
        text = self._scan
        n = len(text)
        if text[i] == "<":
            k = self._slow_markup(i)
            if k is None:
                return ~i
            if k < 0:
                if not self._end:
                    return ~i
                k = text.find(">", i + 1)
                if k < 0:
                    k = text.find("<", i + 1)
                    if k < 0:
                        k = i + 1
                else:
                    k += 1
                self._data(i, k)
            return k
        if text.startswith("&#", i):
            m = _CHARREF.match(text, i)
            if m is None:
                if text.find(";", i) >= 0:  # the parser gives up on "&#" and moves past it
                    self._data(i, i + 2)
                    return ~(i + 2)
                return ~i
            self.handle_charref(m.group()[2:-1], i)
            return m.end() if text[m.end() - 1] == ";" else m.end() - 1
        m = _ENTITYREF.match(text, i)
        if m is not None:
            self.handle_entityref(m.group(1), i)
            return m.end() if text[m.end() - 1] == ";" else m.end() - 1
        if _INCOMPLETE.match(text, i):  # "&name" up to the end of the page
            # the parser drops the "&" of a final "&x"
            return ~(i + 1) if self._end and i + 2 == n else ~i
        if i + 1 < n:
            self._data(i, i + 1)
            return i + 1
        return ~i

    def _data(self, start: int, end: int) -> None:
        self.handle_data(self._page[start:end], start)

    # -- markup the fast path left: the standard parser's own steps ------------------------
    def _slow_markup(self, i: int) -> int | None:
        """Markup at ``i`` ("<"): its end, -1 when unterminated, None when the loop stops.

        The standard parser's dispatch at a "<"; each step is the parser's own method
        (:class:`_Steps`), run on the page at ``i``.
        """
        text = self._scan
        startswith = text.startswith
        steps = self._steps
        steps.at = i
        if i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalpha():
            return steps.parse_starttag(i)
        if startswith("</", i):
            return self._slow_endtag(i)
        if startswith("<!--", i):
            return steps.parse_comment(i)
        if startswith("<?", i):
            return steps.parse_pi(i)
        if startswith("<!", i):
            return steps.parse_html_declaration(i)
        if i + 1 < len(text):
            self._data(i, i + 1)
            return i + 1
        return None

    def _slow_endtag(self, i: int) -> int:
        steps = self._steps
        steps.at = i
        steps.cdata_elem = self._cdata
        return steps.parse_endtag(i)


class _Steps(_stdlib.HTMLParser):
    """The standard parser, used for its step methods only (``parse_starttag`` and the rest).

    :class:`Tokenizer` sets ``rawdata`` to the page and ``at`` to the offset of the
    step it runs; the handlers pass what the step reports on to the tokenizer, with
    that offset.
    """

    def __init__(self, owner: Tokenizer) -> None:
        super().__init__(convert_charrefs=False)
        self.owner = owner
        self.at = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.owner.handle_starttag(tag, _reported(attrs), self.at)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.owner.handle_startendtag(tag, _reported(attrs), self.at)

    def handle_endtag(self, tag: str) -> None:
        self.owner.handle_endtag(tag, self.at)

    def handle_comment(self, data: str) -> None:
        self.owner.handle_comment(data, self.at)

    def handle_data(self, data: str) -> None:  # markup the parser gives up on: text
        self.owner._data(self.at, self.at + len(data))

    def set_cdata_mode(self, elem: str) -> None:
        super().set_cdata_mode(elem)
        self.owner._cdata = self.cdata_elem

    def clear_cdata_mode(self) -> None:
        super().clear_cdata_mode()
        self.owner._cdata = None


def _reported(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    """The attributes of :data:`ATTRIBUTES` among the parser's (the last of a name wins)."""
    return {name: value or "" for name, value in attrs if name in ATTRIBUTES}


def _fast_attrs(found: tuple[str | None, ...]) -> dict[str, str]:
    """The reported attributes from their groups in :data:`_FAST` (``name = value`` or ``name``)."""
    attrs: dict[str, str] = {}
    for name, raw in zip(ATTRIBUTES, found):
        if raw is not None:
            value = raw.partition("=")[2].strip(" \t\n\r\f")
            if value[:1] in ("'", '"'):
                value = value[1:-1]
            attrs[name] = unescape(value) if "&" in value else value
    return attrs
