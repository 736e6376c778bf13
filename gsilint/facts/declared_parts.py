"""The parts the intro declares ("全文由概述、…等五部分组成") and where the body has them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gsilint import document
from gsilint.normalize import norm_label
from gsilint.numerals import read_cn
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.templates import Template, topic_of

if TYPE_CHECKING:
    from gsilint.facts import Facts

_DECLARATION = lazy(
    r"(?:由|包括|包含|分为)\s*(?P<list>(?:(?!由|包括|包含|分为)[^。；;！？])*?)\s*(?:等|共|计)?\s*"
    r"(?P<n>[一二三四五六七八九十两]|\d{1,2})\s*个?\s*部\s*分"
)
#: the subject of a declaration: "本报告由…", "全文由…", "年报由…", "报告全文包括…"
_DECLARER = lazy(r"(?:报告|年报|全文|本文|正文)[^。；;！？]{0,6}$")
_SEP = lazy(r"\s*(?:[、，,；;]|以及)\s*")
_AND = lazy(r"和")
#: a part name ends like a heading: "…情况", "…措施", "概述", "…统计表"
_NAME_END = lazy(r"(?:情况|措施|事项|概述|统计表|附表|附件|问题|建设|管理|方面|工作|保障)$")


@dataclass(frozen=True)
class DeclaredPart:
    name: str
    span: Span
    #: template topic the name is about (overview, proactive, …), if any
    topic: str | None = None


@dataclass(frozen=True)
class DeclaredParts:
    """The intro's "全文由…等五部分组成": the count and the names, with places."""

    count: int
    count_span: Span
    parts: tuple[DeclaredPart, ...]
    #: the whole declaration
    span: Span

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parts)


def _split_names(text: str, start: int) -> list[tuple[int, int]]:
    """Name spans (absolute) of a declared list; fragments that do not end like
    a name ("因…申请行政复议" + "提起行政诉讼的情况") are joined to the next."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _SEP.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    # "…改进情况和政府信息公开情况统计表": split at 和/及 between two whole names
    split: list[tuple[int, int]] = []
    for a, b in pieces:
        frag = text[a:b]
        cut = None
        for m in _AND.finditer(frag):
            left, right = frag[: m.start()], frag[m.end() :]
            if (
                _NAME_END.search(norm_label(left))
                and _NAME_END.search(norm_label(right))
                and len(norm_label(right)) >= 6
            ):
                cut = m
        if cut is not None:
            split.append((a, a + cut.start()))
            split.append((a + cut.end(), b))
        else:
            split.append((a, b))
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for i, (a, b) in enumerate(split):
        frag = norm_label(text[a:b])
        if not frag:
            continue
        s = a if carry is None else carry
        if not _NAME_END.search(frag) and i < len(split) - 1:
            carry = s
            continue
        merged.append((start + s, start + b))
        carry = None
    return merged


def _intro_paragraphs(doc: document.Document) -> list[document.Paragraph]:
    """The paragraphs before the first heading, else the first few of the body."""
    intro = [b for b in doc.preamble if isinstance(b, document.Paragraph)]
    if not intro:
        intro = []
        for p in doc.paragraphs():
            intro.append(p)
            if len(intro) >= 3:
                break
    return intro[:6]


def declared_parts(f: Facts) -> DeclaredParts | None:
    """The parts the intro declares ("全文由概述、…等五部分组成"), if it does."""
    doc = f.doc
    for para in _intro_paragraphs(doc):
        s = doc.slice(para.span)
        if "部" not in s:  # every declaration ends with 部分
            continue
        for m in _DECLARATION.finditer(s):
            if not _DECLARER.search(s, max(0, m.start() - 12), m.start()):
                continue
            body = m.group("list")
            if not _SEP.search(body):
                continue
            n = m.group("n")
            count = int(n) if n.isdigit() else read_cn(n)
            if not count or count < 2:
                continue
            base = para.span.start + m.start("list")
            parts = tuple(
                DeclaredPart(doc.text[a:b], Span(a, b), topic_of(doc.simplified[a:b], f.template))
                for a, b in _split_names(body, base)
            )
            if len(parts) < 2:
                continue
            return DeclaredParts(
                count,
                Span(para.span.start + m.start("n"), para.span.start + m.end("n")),
                parts,
                Span(para.span.start + m.start(), para.span.start + m.end()),
            )
    return None


@dataclass(frozen=True)
class PartInBody:
    """Where the body has a declared part: its level-1 section, else a mention of its name.

    A part without a numbered heading is usually an appended table that the
    body names ("附件：政府信息公开情况统计表"): ``mention`` is the offset of
    that name outside the declaration.
    """

    part: DeclaredPart
    section: document.Section | None = None
    mention: int | None = None

    @property
    def found(self) -> bool:
        return self.section is not None or self.mention is not None


def _part_matches(part: DeclaredPart, sec: document.Section, template: Template) -> bool:
    """Whether a section's title names the part: same words, mostly the same words, or topic."""
    a, b = norm_label(part.name), norm_label(sec.title)
    if a == b or (len(a) >= 4 and a in b) or (len(b) >= 4 and b in a):
        return True
    ga, gb = {a[i : i + 2] for i in range(len(a) - 1)}, {b[i : i + 2] for i in range(len(b) - 1)}
    if ga and gb and len(ga & gb) / len(ga | gb) >= 0.5:
        return True  # the same name in slightly different words
    if part.topic is None:
        return False
    return topic_of(sec.title, template) == part.topic


def _mention_outside(text: str, needle: str, skip: Span) -> int | None:
    """The first offset of ``needle`` in ``text`` outside ``skip`` (never offset 0)."""
    pos = text.find(needle)
    while pos != -1:
        if pos and not (skip.start <= pos < skip.end):
            return pos
        pos = text.find(needle, pos + 1)
    return None


def declared_parts_in_body(f: Facts) -> list[PartInBody]:
    """Each declared part with the level-1 section it matches, or where the body names it.

    Parts take sections in declaration order, each section at most once. A
    part with no matching section is found when the body names it outside the
    declaration: a name ending in 统计表 by "统计表", another name of four or
    more characters by itself.
    """
    dp = f.declared_parts
    if dp is None:
        return []
    tpl = f.template
    tops = f.top_sections
    text = f.doc.simplified
    used: set[int] = set()
    out: list[PartInBody] = []
    for part in dp.parts:
        sec = next((s for s in tops if id(s) not in used and _part_matches(part, s, tpl)), None)
        if sec is not None:
            used.add(id(sec))
            out.append(PartInBody(part, section=sec))
            continue
        key = norm_label(part.name)
        probe = "统计表" if key.endswith("统计表") else part.name if len(key) >= 4 else None
        mention = _mention_outside(text, probe, dp.span) if probe else None
        out.append(PartInBody(part, mention=mention))
    return out
