"""Y: years and dates — one report year, a full statistics period, on-time publication."""

from __future__ import annotations

from datetime import date

import regex

from gsilint.facts.dates import SOURCE_NAMES
from gsilint.findings import Issue, Severity
from gsilint.positions import Span
from gsilint.rules import rule

# -- helpers ------------------------------------------------------------------


def _line(ctx, span: Span) -> int:
    return ctx.source.index.position(ctx.source.to_original(span.start))[0]


def _claim(ctx, year) -> tuple[str, str]:
    """Where the report states its year: "引言第3行" / "the introduction, line 3"."""
    zh, en = SOURCE_NAMES.get(year.source, (year.source, year.source))
    if year.source == "config":
        return zh, en
    n = _line(ctx, year.span)
    return f"{zh}第{n}行", f"{en}, line {n}"


def _year(ctx):
    """The report year, or None (the year rules then skip; Y207 says why)."""
    return ctx.facts.report_year


_DEPARTMENT = regex.compile(
    r"(?:局|委员会|委|办公室|办公厅|办|厅|中心|院|所|队|站|署|处|部|司|馆|会|室|公司|支队|大队|分局|总局)$"
)
_GOVERNMENT = regex.compile(
    r"(?:人民政府|政府|管委会|管理委员会|实验区|新区|开发区|示范区|自治[州县旗]|区|县|市|镇|乡|旗|街道|街道办事处)$"
)
_TOWNSHIP = regex.compile(r"(?:镇|乡|街道|街道办事处|镇人民政府|乡人民政府|镇政府|乡政府)$")


def body_kind(org: str | None) -> str:
    """government | department | township | unknown, from the publishing body's name."""
    if not org:
        return "unknown"
    org = regex.sub(r"\s+", "", org)
    if _TOWNSHIP.search(org):
        return "township"
    if _GOVERNMENT.search(org) and not regex.search(r"(?:人民政府|政府)(?:办公室|办公厅|办)$", org):
        return "government"
    if _DEPARTMENT.search(org):
        return "department"
    return "unknown"


def deadline(year: int, kind: str, override: str | None) -> tuple[date, str, str]:
    """The last day to publish a report for ``year``, and the law that sets it (zh, en)."""
    if override:
        mm, _, dd = override.partition("-")
        try:
            return date(year + 1, int(mm), int(dd)), "配置的期限", "the configured deadline"
        except ValueError:
            pass
    if year <= 2018:
        return date(year + 1, 3, 31), "2008年条例第三十一条", "2008 Regulations art. 31"
    if kind == "department":
        return (
            date(year + 1, 1, 31),
            "2019年条例第四十九条（部门）",
            "2019 Regulations art. 49 (departments)",
        )
    return (
        date(year + 1, 3, 31),
        "2019年条例第四十九条（本级政府）",
        "2019 Regulations art. 49 (governments)",
    )


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

# -- rules ----------------------------------------------------------------------


@rule(
    "Y201",
    "year-mismatch",
    Severity.ERROR,
    "正文或标题中的年份与报告年份不一致",
    "a statement names a year other than the report year",
)
def year_mismatch(ctx):
    """
    报告只讲一个年度的工作。以年份开头陈述本年度工作或数据的句子（“2017年，我镇主动公开
    政府信息1084条”“本镇2017年没有受理…”）必须写报告年份；标题、网页标题和引言所写的
    年份也必须一致。与往年的比较（“比2015年增长”）、下一年的计划（“2018年，我镇将…”）、
    累计数（“截至…”）、文件名（《…2019年…》）和“于2012年成立”之类不算。提示会同时写出两个
    年份和报告声明其年份的位置（标题、引言……），一看便知是引言错了还是正文错了——常见于
    照搬上一年报告只改了部分年份。

    A report covers one year. A statement of that year's work or data that
    opens with a year, or names it after the body's own name, must name the
    report year; the title, the page header and the introduction must agree.
    Comparisons, next-year plans, cumulative figures, document names and
    dates of past events are not mismatches. The message names both years
    and where the report states its year.

    错误示例 / Bad (report year 2016, from the intro):
        现就我镇2016年政府信息公开工作情况报告如下：… 2017年，我镇主动公开政府信息1084条。
    正确示例 / Good:
        现就我镇2016年政府信息公开工作情况报告如下：… 2016年，我镇主动公开政府信息1084条，比2015年增长10%。
    """
    year = _year(ctx)
    if year is None:
        return
    claim_zh, claim_en = _claim(ctx, year)
    for other in year.disagreements:
        zh, en = SOURCE_NAMES[other.source]
        yield Issue(
            other.span,
            f"{zh}写的是{other.value}年，但{claim_zh}写的是{year.value}年",
            f"{en} says {other.value} but {claim_en} says {year.value}",
            related=((year.span, f"报告年份{year.value}年", f"report year {year.value}"),)
            if year.source != "config"
            else (),
        )
    if year.source == "body":
        return  # the year is only the body's majority: no claim to hold statements against
    claims = {e.span for e in year.evidence if e.source != "body"}
    for use in ctx.facts.year_uses:
        d = use.mention
        if use.kind != "statement" or d.year == year.value or d.year_span in claims:
            continue
        yield Issue(
            d.year_span,
            f"此处陈述的是{d.year}年的工作，但报告年份是{year.value}年（{claim_zh}）",
            f"this statement is about {d.year}, but the report year is {year.value} ({claim_en})",
            related=((year.span, f"报告年份{year.value}年", f"report year {year.value}"),)
            if year.source != "config"
            else (),
        )


_CUTOFF = regex.compile(r"(?:截止|截至)(?:到|至)?[ \t\u3000]*$")
#: "截至11月底" / "截止到2015年11月末": a month-end cut-off (a month, no day).
_CUTOFF_MONTH_END = regex.compile(
    r"(?:截止|截至)(?:到|至)?[ \t\u3000]*(?:((?:19|20)\d\d)[ \t\u3000]*年[ \t\u3000]*)?(11|十一)[ \t\u3000]*月[ \t\u3000]*(?:底|末)"
)


@rule(
    "Y202",
    "period-mismatch",
    Severity.ERROR,
    "统计期限不是报告年度的1月1日至12月31日",
    "the statistics period is not 1 January–31 December of the report year",
)
def period_mismatch(ctx):
    """
    年度报告的统计期限是报告年度的1月1日至12月31日。期限写成别的年份、留空
    （“自 年 月 日至 年 月 日”），或者在年底前截止（“截止12月15日”“截止到2015年12月15日”），
    都会少报或错报全年数据。

    The statistics period is the report year's 1 January to 31 December. A
    period of another year, a blank period, or a cut-off before year end
    ("截止12月15日") misreports the year's figures.

    错误示例 / Bad (2015 report):
        截止到2015年12月15日，我镇政府主动公开信息56条。
    正确示例 / Good:
        本报告所列数据统计期限自2015年1月1日至2015年12月31日。
    """
    year = _year(ctx)
    if year is None:
        return
    y = year.value
    period = ctx.facts.statistics_period
    reported: set[int] = set()
    if period is not None:
        if period.blank:
            yield Issue(
                period.span,
                f"统计期限留空，应为{y}年1月1日至{y}年12月31日",
                f"the statistics period is left blank; it should be {y}-01-01 to {y}-12-31",
            )
        elif period.start is not None and period.end is not None:
            want_start, want_end = date(y, 1, 1), date(y, 12, 31)
            s, e = period.start.as_date(), period.end.as_date()
            if s is not None and e is not None and (s, e) != (want_start, want_end):
                span = Span(period.start.span.start, period.end.span.end)
                reported.add(period.end.span.start)
                yield Issue(
                    span,
                    f"统计期限为{s.isoformat()}至{e.isoformat()}，应为报告年份{y}年的{want_start.isoformat()}至{want_end.isoformat()}（{_claim(ctx, year)[0]}）",
                    f"the statistics period is {s.isoformat()} to {e.isoformat()}; it should be {want_start.isoformat()} to {want_end.isoformat()} for report year {y} ({_claim(ctx, year)[1]})",
                )
    text = ctx.doc.simplified
    for d in ctx.facts.date_mentions:
        if d.month is None or d.day is None or not d.valid or d.span.start in reported:
            continue
        if d.year not in (None, y) or d.month < 11 or (d.month, d.day) == (12, 31):
            continue
        if not _CUTOFF.search(text, max(0, d.span.start - 6), d.span.start):
            continue
        shown = f"{y}-{d.month:02d}-{d.day:02d}"
        yield Issue(
            d.span,
            f"数据截止到{d.month}月{d.day}日（{shown}），统计期限应到{y}年12月31日",
            f"the figures stop on {shown}; the statistics period runs to {y}-12-31",
        )
    for m in _CUTOFF_MONTH_END.finditer(text):
        if m.group(1) and int(m.group(1)) != y:
            continue
        start = m.start(1) if m.group(1) else m.start(2)
        yield Issue(
            Span(start, m.end()),
            f"数据截止到11月底，统计期限应到{y}年12月31日",
            f"the figures stop at the end of November; the statistics period runs to {y}-12-31",
        )


@rule(
    "Y203",
    "late-publication",
    Severity.WARNING,
    "年度报告晚于法定期限发布",
    "the report was published after the legal deadline",
)
def late_publication(ctx):
    """
    2008年条例：年度报告每年3月31日前公布（适用于2018年及以前的报告）。2019年修订的条例：
    县级以上政府部门1月31日前、本级政府3月31日前公布（2019年及以后的报告）。落款日期或网页
    发布时间晚于期限的报告会被通报。部门与政府按标题中的机关名称区分（人民政府、管委会、
    实验区等为本级政府，局、委、办等为部门）；乡镇、街道按地方规定，仅作提示。可用配置
    ``deadline = "MM-DD"`` 指定期限。

    2008 Regulations: reports are published by 31 March (reports for 2018 and
    earlier). 2019 Regulations: departments by 31 January, governments by 31
    March. The signature date or the page's publication date is compared
    with the deadline; the body's kind comes from its name. Townships follow
    local rules (warning only). ``deadline = "MM-DD"`` overrides.

    错误示例 / Bad (2011 report):
        发布时间: 2012-04-11
    正确示例 / Good:
        发布时间: 2012-03-20
    """
    year = _year(ctx)
    if year is None:
        return
    kind = body_kind(ctx.facts.organisation)
    last, law_zh, law_en = deadline(year.value, kind, ctx.config.deadline)
    for dl in _dated_lines(ctx):
        when = dl.date.as_date()
        if when <= last:
            continue
        zh, en = _KIND_NAMES[dl.kind]
        note_zh = "（乡镇、街道按地方规定的期限）" if kind == "township" else ""
        note_en = " (townships follow local deadlines)" if kind == "township" else ""
        yield Issue(
            dl.span,
            f"{zh}{when.isoformat()}晚于{year.value}年度报告的发布期限{last.isoformat()}（{law_zh}）{note_zh}",
            f"{en} {when.isoformat()} is after the deadline {last.isoformat()} for a {year.value} report ({law_en}){note_en}",
            severity=Severity.WARNING if kind == "township" else None,
        )


@rule(
    "Y204",
    "premature-date",
    Severity.WARNING,
    "落款或发布日期早于统计期限结束",
    "signed or published before the statistics period ended",
)
def premature_date(ctx):
    """
    年度报告总结的是整个报告年度，只能在次年签发、发布。落款或发布日期在报告年度
    12月31日之前，说明日期写错了，或者报告在年度结束前就写好、数据不全。

    A report on year Y can only be signed and published in Y+1. A date before
    Y-12-31 is a wrong date or a report written before the year ended.

    错误示例 / Bad (2017 report):
        二○一七年十二月十五日
    正确示例 / Good:
        二○一八年一月十五日
    """
    year = _year(ctx)
    if year is None:
        return
    end = date(year.value, 12, 31)
    for dl in _dated_lines(ctx):
        when = dl.date.as_date()
        if when > end:
            continue
        zh, en = _KIND_NAMES[dl.kind]
        yield Issue(
            dl.span,
            f"{zh}{when.isoformat()}早于{year.value}年度统计期限结束（{end.isoformat()}）",
            f"{en} {when.isoformat()} is before the {year.value} period ended ({end.isoformat()})",
        )


_PLAN_SECTION = regex.compile(r"问题|改进|计划|打算|下一步|思路|展望|工作重点|努力方向|工作安排")


def _in_plan_section(ctx, use) -> bool:
    sec = use.section
    if use.heading or (sec is not None and _PLAN_SECTION.search(sec.title)):
        return True
    for top in ctx.facts.top_sections:
        if top.span.start <= use.mention.span.start < top.span.end:
            return bool(_PLAN_SECTION.search(top.title))
    return False


@rule(
    "Y205",
    "plan-year",
    Severity.WARNING,
    "改进计划写的不是下一年度",
    "a plan names a year other than the next year",
)
def plan_year(ctx):
    """
    “存在的主要问题及改进情况”里的工作计划针对报告年度的下一年（2016年度报告写
    “2017年，我镇将…”）。写成本年度或别的年份，多是照搬往年报告没改年份。

    Plans in the problems and improvements section are for the year after
    the report year. Another year is usually a copied plan.

    错误示例 / Bad (2016 report):
        2018年，我镇将按照《条例》要求，继续大力推进政府信息公开工作。
    正确示例 / Good:
        2017年，我镇将按照《条例》要求，继续大力推进政府信息公开工作。
    """
    year = _year(ctx)
    if year is None:
        return
    want = year.value + 1
    claim_zh, claim_en = _claim(ctx, year)
    for use in ctx.facts.year_uses:
        d = use.mention
        if use.kind != "plan" or d.year == want or not _in_plan_section(ctx, use):
            continue
        yield Issue(
            d.year_span,
            f"计划写的是{d.year}年，{year.value}年度报告的计划应是{want}年（报告年份见{claim_zh}）",
            f"the plan is for {d.year}; a {year.value} report plans for {want} (report year from {claim_en})",
        )


@rule("Y206", "invalid-date", Severity.ERROR, "日期不存在", "a date that does not exist")
def invalid_date(ctx):
    """
    不存在的日期（2月30日、13月、4月31日）多是笔误，会让读者无从核对。

    Dates that cannot exist (30 February, month 13, 31 April) are typos.

    错误示例 / Bad:
        二○一八年二月三十日
    正确示例 / Good:
        二○一八年二月二十八日
    """
    for d in ctx.facts.date_mentions:
        if d.valid:
            continue
        zh, en = d.problem or ("日期不存在", "the date does not exist")
        yield Issue(
            d.span, f"日期“{d.text}”不存在：{zh}", f"the date '{d.text}' does not exist: {en}"
        )


@rule(
    "Y207",
    "year-unknown",
    Severity.INFO,
    "无法确定报告年份",
    "the report year cannot be determined",
)
def year_unknown(ctx):
    """
    标题、网页标题、引言、统计期限和正文都没有写明报告年份时，年份类检查（Y201–Y205）
    无法进行。在标题中写明年份（“××镇2018年政府信息公开工作年度报告”），或用
    ``--year`` 指定。

    When neither the title, the header, the introduction, the statistics
    period nor the body states the report year, the year rules (Y201–Y205)
    are skipped. State the year in the title, or pass ``--year``.

    错误示例 / Bad:
        政府信息公开工作年度报告
    正确示例 / Good:
        新开镇2018年政府信息公开工作年度报告
    """
    if _year(ctx) is None and (ctx.facts.top_sections or any(True for _ in ctx.doc.tables())):
        # (without any heading or table the text is not read as a report at all: E002 speaks)
        yield Issue(
            Span(0, 0),
            "无法确定报告年份，年份检查（Y201–Y205）已跳过；可用 --year 指定",
            "cannot determine the report year; year checks (Y201–Y205) skipped — pass --year",
        )
