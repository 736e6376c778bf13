"""T508 misspelt-label: a statutory table row label or section heading misspelt."""

from __future__ import annotations

from functools import lru_cache

import regex

from gsilint.findings import Issue, Severity
from gsilint.normalize import norm_label
from gsilint.positions import Span
from gsilint.rules import rule
from gsilint.tables.labels import label_key, last_label, match_label
from gsilint.tables.spec import table_format

_TABLES = {"t2": "表二", "t3": "表三"}
_TABLES_EN = {"t2": "table II", "t3": "table III"}


def _listed_variant(row, written: str) -> bool:
    """The label holds a wording the template lists for the row besides its own (本年度新收)."""
    own = label_key(row.label)
    text = norm_label(written)
    return any(m not in own and m in text for m in row.match)


@lru_cache(maxsize=4096)
def _match(written: str, labels: tuple[str, ...], allowed: tuple[str, ...] = ()):
    """:func:`match_label` remembered: reports write the same labels and headings, in the
    template's words or in the same few misspellings, again and again."""
    return match_label(written, labels, allowed)


def _locate(doc, span: Span, key: str) -> Span:
    """Where the written label ``key`` (a :func:`label_key`) is within ``span``."""
    if key:
        sep = r"[^\p{L}\p{N}]*"
        pat = regex.compile(sep.join(regex.escape(ch) for ch in key))
        m = pat.search(doc.simplified, span.start, span.end)
        if m:
            return Span(m.start(), m.end())
    return Span(span.start, span.start)


def _rows(ctx):
    for name in ("t2", "t3"):
        grid = getattr(ctx.facts, name)
        if grid is None:
            continue
        spec = getattr(table_format(grid.layout), name)
        labels = tuple(r.label for r in spec.rows)
        # a glued copy's rows carry the template's labels; what it wrote is kept aside
        for key, written in (grid.written or grid.row_labels).items():
            row = spec.row(key)
            if row is None or key not in grid.row_spans:
                continue
            seg = last_label(written)
            m = _match(seg, labels)
            # most rows are written as the template has them: only a near miss is looked
            # at for the template's other wordings
            if m is None or m.exact or m.label != row.label or _listed_variant(row, written):
                continue
            span = grid.row_spans[key]
            if grid.written:  # a glued row's span is its digits: the label is before them
                span = Span(grid.span.start, span.end)
            where = _locate(ctx.doc, span, label_key(seg))
            right = last_label(row.label)
            yield Issue(
                where,
                f"{_TABLES[name]}栏目名称“{seg}”有误，应为“{right}”",
                f"{_TABLES_EN[name]} row label '{seg}' is misspelt: the template's is '{right}'",
            )


def _headings(ctx):
    specs = ctx.facts.template.sections
    titles = tuple(s.title for s in specs)
    variants = tuple(v for s in specs for v in s.variants)
    for sec in ctx.facts.top_sections:
        m = _match(sec.title, titles, variants)
        if m is None or m.exact:
            continue
        yield Issue(
            sec.heading.title_span,
            f"标题“{sec.title}”有误，应为“{m.label}”",
            f"heading '{sec.title}' is misspelt: the template's is '{m.label}'",
        )


@rule(
    "T508",
    "misspelt-label",
    Severity.WARNING,
    "法定表格栏目名称或标题有错别字",
    "a statutory table row label or heading is misspelt",
)
def misspelt_label(ctx):
    """
    表格的栏目名称和六个部分的标题是格式规定的原文，应照录。与模板原文只差几个字
    （漏字、多一个字或错一个字，且差在中间）的栏目名称或标题，多半是笔误，提示并给出
    正确写法。只比较去掉编号、标点、空白并统一简繁之后的文字；差在开头或结尾的（截断、
    换行、另加说明）和整词替换的（“改进措施”与“改进情况”）是另一种写法，不提示；模板
    列出的其他写法（“本年度新收”）也不提示。

    Table row labels and the six section headings are the format's own words
    and should be copied as they are. A label or heading that differs from the
    template's by a few characters left out, one added or one replaced, inside
    the label, is most likely a typo: it is reported with the correct wording.
    Labels are compared without numbering, punctuation and whitespace, in
    simplified script; a difference at the start or end (truncated, wrapped,
    extended) or a whole word replaced is a different wording, not reported,
    and so are the alternatives the template lists.

    错误示例 / Bad:
        四、政府信息公开行政法复议、行政诉讼情况
        2.其他法律行政止公开 0 0 0 0 0 0 0
    正确示例 / Good:
        四、政府信息公开行政复议、行政诉讼情况
        2.其他法律行政法规禁止公开 0 0 0 0 0 0 0
    """
    yield from _rows(ctx)
    yield from _headings(ctx)
