"""Helpers shared by the Y rules: the report year, where the report states it, the dated lines."""

from __future__ import annotations

from gsilint.facts.dates import SOURCE_NAMES


def _claim(ctx, year) -> tuple[str, str]:
    """Where the report states its year: "引言第3行" / "the introduction, line 3"."""
    zh, en = SOURCE_NAMES.get(year.source, (year.source, year.source))
    if year.source == "config":
        return zh, en
    if year.source == "majority":
        n = len(year.support)
        return f"{zh}，共{n}处", f"{en}, {n} places"
    n = ctx.line_of(year.span)
    return f"{zh}第{n}行", f"{en}, line {n}"


def _year(ctx):
    """The report year, or None (the year rules then skip; Y207 says why)."""
    return ctx.facts.report_year


def _dated_lines(ctx):
    """Signature and publication dates, whichever the report has."""
    return [
        d
        for d in (ctx.facts.signature_date, ctx.facts.publication_date)
        if d is not None and d.date.as_date()
    ]


_KIND_NAMES = {
    "signature": ("落款日期", "signature date"),
    "publication": ("发布时间", "publication date"),
}
