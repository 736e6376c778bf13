"""Recover line breaks in crawler copies whose whole body sits on one line.

Web-archive crawlers flatten a report page to one long line: headings follow
the previous sentence directly ("…提供了重要保障。二、主动公开政府信息情况") and
tables are glued into runs of digits. Before parsing, a line break is inserted

- before a section mark (一、 / （一）) that follows a sentence end or a space,
- before an Arabic item mark (1. / 1、) that follows a sentence end, and
  before a first item "1." glued to the heading it follows,
- before a statutory heading glued to a table or heading ("…00000五、存在的
  主要问题") and before a first subheading glued to its heading ("…情况（一）"),
- before the anchors that open the national tables (第二十条第（一）项, the
  勾稽关系 note of table 三) and before 特此报告 (``reflow_breaks`` in
  ``rules/vocabulary.toml``),

and the :class:`~gsilint.sources.base.SourceMap` records every insertion so
findings still point into the original line. Ordinary line-broken text is
left untouched: only lines longer than :data:`LONG_LINE` are reflowed.
"""

from __future__ import annotations

from gsilint.patterns import lazy
from gsilint.sources.base import SourceMap
from gsilint.vocabulary import CN_MARK_NUMERAL, REFLOW_BREAKS, STATUTORY_WORDS

#: Lines at least this long (code points) are treated as flattened.
LONG_LINE = 400

_CN = CN_MARK_NUMERAL
_BREAK_BEFORE = lazy(
    r"(?:(?<=[。！？!?」”\s])(?=" + _CN + r"、|[（(]" + _CN + r"[）)])"
    r"|(?<=[。！？])(?=\d{1,2}(?:、|[.．](?!\d)))"
    # the first item glued to its heading: "…主要形式1.门户网站"
    # (not a glued table row: "不予公开1.属于国家秘密0000000")
    r"|(?<=\p{Han}{2})(?=1[.．、](?!\d)\p{Han}(?![^。]{0,45}\d{5}))"
    r"|(?<=\S)(?=" + REFLOW_BREAKS + ")"
    # a statutory heading glued to the end of a table: "…00000五、存在的主要问题"
    r"|(?<=[^\n、，,])(?=[一二三四五六七八]、\s*" + STATUTORY_WORDS + ")"
    # the first subheading glued to its parent heading: "…情况（一）主动公开…"
    r"|(?<=[^\s（(第])(?=[（(]一[）)](?!\s*予以公开)))"
)


def reflow(text: str) -> tuple[str, SourceMap | None]:
    """Return ``(text', map)``; ``map`` is None when nothing was changed."""
    if len(text) < LONG_LINE:
        return text, None
    inserts: list[int] = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        if end - pos >= LONG_LINE:
            for m in _BREAK_BEFORE.finditer(text, pos, end):
                if m.start() > pos:
                    inserts.append(m.start())
        pos = end + 1
    if not inserts:
        return text, None
    parts: list[str] = []
    segments: list[tuple[int, int]] = [(0, 0)]
    last = 0
    flat = 0
    for at in inserts:
        # Drop spaces just before the new break so the previous line ends cleanly.
        parts.append(text[last:at])
        flat += at - last
        parts.append("\n")
        flat += 1
        segments.append((flat, at))
        last = at
    parts.append(text[last:])
    return "".join(parts), SourceMap(segments, len(text))
