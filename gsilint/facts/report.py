"""Basic facts: title, organisation, report year, template, outline, tables."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from gsilint import ast
from gsilint.facts import Facts, fact
from gsilint.positions import Span
from gsilint.templates import Template, get_template

_YEAR_IN_TITLE = regex.compile(r"((?:19|20)\d\d)\s*年")
_CN_YEAR = regex.compile(r"([〇○零OＯ一二三四五六七八九]{4})\s*年")
_INTRO_YEAR = (
    regex.compile(r"统计(?:期限|周期|时限|时间)[^。]{0,12}?((?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日"),
    regex.compile(r"(?:现就|现将|现公布|汇总)[^。]{0,20}?((?:19|20)\d\d)\s*年"),
    regex.compile(r"((?:19|20)\d\d)\s*年度?(?:政府)?(?:信息公开|政务公开)"),
)
_ORG_IN_TITLE = regex.compile(r"^(.{2,40}?)(?:(?:19|20)\d\d|[〇○零一二]{4})\s*年")


@dataclass(frozen=True)
class YearFact:
    value: int
    #: where it was read: title | header | intro | body
    source: str
    span: Span


def _cn_year(s: str) -> int | None:
    digits = {"〇": "0", "○": "0", "零": "0", "O": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
    try:
        return int("".join(digits[c] for c in s))
    except KeyError:
        return None


@fact("title")
def title(f: Facts) -> ast.Paragraph | ast.Field | None:
    """The report's title line, or the crawler header's 标题."""
    return f.doc.title or f.doc.metadata.get("标题")


@fact("organisation")
def organisation(f: Facts) -> str | None:
    """The body that publishes the report: from the title, else the signature."""
    t = f.title
    if t is not None:
        text = regex.sub(r"\s+", "", t.text if isinstance(t, ast.Paragraph) else t.value)
        m = _ORG_IN_TITLE.match(text)
        if m:
            return m.group(1)
    if f.doc.closing and f.doc.closing.organisation:
        return f.doc.closing.organisation.text.strip()
    return None


def year_candidates(f: Facts) -> list[YearFact]:
    """Every statement of the report year, strongest first."""
    doc = f.doc
    out: list[YearFact] = []
    if doc.title is not None:
        s = doc.slice(doc.title.span)
        m = _YEAR_IN_TITLE.search(s)
        if m:
            out.append(YearFact(int(m.group(1)), "title", Span(doc.title.span.start + m.start(1), doc.title.span.start + m.end(1))))
        else:
            m = _CN_YEAR.search(s)
            if m and _cn_year(m.group(1)):
                out.append(YearFact(_cn_year(m.group(1)), "title", Span(doc.title.span.start + m.start(1), doc.title.span.start + m.end(1))))
    hdr = doc.metadata.get("标题")
    if hdr is not None:
        m = _YEAR_IN_TITLE.search(hdr.value)
        if m:
            off = hdr.span.end - len(hdr.value)
            out.append(YearFact(int(m.group(1)), "header", Span(off + m.start(1), off + m.end(1))))
    # intro: the preamble, or the first paragraphs before the second heading
    intro: list[ast.Paragraph] = [b for b in doc.preamble if isinstance(b, ast.Paragraph)]
    if not intro:
        intro = list(doc.paragraphs())[:2]
    for para in intro[:4]:
        s = doc.slice(para.span)
        for rx in _INTRO_YEAR:
            m = rx.search(s)
            if m:
                out.append(YearFact(int(m.group(1)), "intro", Span(para.span.start + m.start(1), para.span.start + m.end(1))))
                break
    return out


@fact("report_year")
def report_year(f: Facts) -> YearFact | None:
    """The year the report covers: --year, else the title, else the intro."""
    if f.config.year:
        return YearFact(f.config.year, "config", Span(0, 0))
    cands = year_candidates(f)
    return cands[0] if cands else None


_LABELS_2021 = ("本年制发件数", "本年收费金额", "本年废止件数")
_LABELS_2019 = ("本年新制作数量", "第二十条第(九)项", "其他对外管理服务事项", "本年新公开数量")


@fact("format_labels")
def format_labels(f: Facts) -> dict[str, list[Span]]:
    """Table labels that only one national format uses, with their places."""
    found: dict[str, list[Span]] = {"2021": [], "2019": []}
    text = f.doc.simplified
    for fmt, labels in (("2021", _LABELS_2021), ("2019", _LABELS_2019)):
        for label in labels:
            pattern = regex.escape(label).replace(r"\(", "[（(]").replace(r"\)", "[）)]")
            for m in regex.finditer(pattern, text):
                found[fmt].append(Span(m.start(), m.end()))
    return found


@fact("template")
def template(f: Facts) -> Template:
    """Which template applies: --template, else by report year, else by labels."""
    tid = f.config.template
    if tid == "auto":
        year = f.report_year
        if year is not None:
            tid = "2008" if year.value <= 2018 else "2019" if year.value <= 2020 else "2021"
        else:
            labels = f.format_labels
            tid = "2021" if labels["2021"] else "2019" if labels["2019"] else "2008"
    return get_template(tid, f.config.rule_packs)


@fact("tables_found")
def tables_found(f: Facts) -> list[ast.Table]:
    return list(f.doc.tables())
