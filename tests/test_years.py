"""Y rules.

Year mismatch, period, deadlines, premature dates, plan years, invalid dates, unknown year.
"""

from __future__ import annotations

from conftest import brief, lint, seed_text
from hypothesis import given, settings
from hypothesis import strategies as st

# -- seeds --------------------------------------------------------------------------


def test_seed_000_intro_year_is_the_minority():
    """No title: the intro's 2016 against six statements of 2017 and a plan for 2018."""
    [f] = lint(seed_text(0), select="Y")
    assert (f.code, f.line, f.column) == ("Y201", 3, 96)
    assert f.message == (
        "引言写的是2016年，但正文6处陈述写的是2017年、1处计划写的是2018年，报告年份应是2017年"
    )
    assert [(r.location.line, r.location.column) for r in f.related] == [
        (25, 1),
        (25, 104),
        (29, 3),
        (33, 1),
        (37, 1),
        (41, 1),
        (43, 1),
    ]
    assert f.related[-1].message == "下一年计划：2018年"


def test_seed_000_report_year_by_majority():
    from test_dates import facts_of

    _, facts = facts_of(seed_text(0))
    y = facts.report_year
    assert (y.value, y.source, y.contested) == (2017, "majority", False)
    assert [(d.source, d.value) for d in y.disagreements] == [("intro", 2016)]
    assert [s.source for s in y.support] == ["statement"] * 6 + ["plan"]


def test_seeds_001_002_003_have_no_year_findings():
    for n in (1, 2, 3):
        assert brief(lint(seed_text(n), select="Y")) == [], n


def test_seed_004_cutoff_before_year_end():
    fs = lint(seed_text(4), select="Y")
    assert brief(fs) == [("Y202", 11, 102), ("Y202", 26, 45), ("Y202", 30, 4)]
    assert all("12月15日" in f.message and "2015年12月31日" in f.message for f in fs)


# -- Y201 ---------------------------------------------------------------------------

REPORT = """某镇{title}年政府信息公开工作年度报告

现就我镇{intro}年政府信息公开工作情况报告如下：

一、主动公开政府信息情况

{a}年，我镇主动公开政府信息100条，比{prev}年增长10%。

二、依申请公开情况

本镇{b}年没有受理政府信息公开申请。

三、存在的主要问题及改进措施

{next}年，我镇将继续推进政府信息公开工作。
"""


def report(y: int, **over) -> str:
    vals = dict(title=y, intro=y, a=y, b=y, prev=y - 1, next=y + 1)
    vals.update(over)
    return REPORT.format(**vals)


def test_y201_consistent_report_passes():
    assert lint(report(2016), select="Y") == []


def test_y201_statement_with_another_year():
    [f] = lint(report(2016, b=2017), select="Y201")
    assert (f.code, f.line, f.column) == ("Y201", 11, 3)
    assert f.message == "此处陈述的是2017年的工作，但报告年份是2016年（标题第1行）"


def test_y201_intro_disagrees_with_title():
    [f] = lint(report(2016, intro=2015), select="Y201")
    assert (f.line, f.column) == (3, 5)
    assert f.message == "引言写的是2015年，但标题第1行写的是2016年"


def test_y201_english():
    [f] = lint(report(2016, a=2015), select="Y201", lang="en")
    assert (f.line, f.column) == (7, 1)
    assert (
        f.message == "this statement is about 2015, but the report year is 2016 (the title, line 1)"
    )


def test_y201_legitimate_other_years_pass():
    text = report(2016) + (
        "\n四、其他需要报告的事项\n\n截至2017年1月，累计公开信息5000条。我镇于2012年成立公开办。"
        "转发《2017年政务公开工作要点》。与2015年相比，申请量减少。2017年度部门预算已公开。\n"
    )
    assert lint(text, select="Y201") == []


# -- Y202 ---------------------------------------------------------------------------


def test_y202_period_of_wrong_dates():
    text = (
        "某镇2018年政府信息公开工作年度报告\n\n"
        "本报告所列数据统计期限自2018年1月1日至2018年11月30日。\n"
    )
    [f] = lint(text, select="Y202")
    assert (f.code, f.line, f.column) == ("Y202", 3, 13)
    assert "2018-01-01至2018-11-30" in f.message and "2018-12-31" in f.message


def test_y202_period_of_another_year():
    text = (
        "某镇2018年政府信息公开工作年度报告\n\n本报告所列数据统计期限自2017年1月1日至12月31日。\n"
    )
    [f] = lint(text, select="Y202")
    assert (f.line, f.column) == (3, 13)
    assert "2017-01-01至2017-12-31" in f.message and "2018-01-01至2018-12-31" in f.message


def test_y202_blank_period():
    text = (
        "某镇2018年政府信息公开工作年度报告\n\n"
        "本报告所列数据统计期限自    年  月  日至    年  月  日。\n"
    )
    [f] = lint(text, select="Y202")
    assert (f.line, f.column) == (3, 6)
    assert "留空" in f.message


def test_y202_full_period_passes():
    text = (
        "某镇2018年政府信息公开工作年度报告\n\n"
        "本报告所列数据统计期限自2018年1月1日至2018年12月31日。截至2018年12月31日，累计公开100条。截至6月底完成。\n"
    )
    assert lint(text, select="Y202") == []


# -- Y203 / Y204 ------------------------------------------------------------------------

CRAWLED = (
    "标题: {org}{y}年政府信息公开工作年度报告\n发布时间: {pub} 00:00\n===== 正文 =====\n"
    "{org}{y}年政府信息公开工作年度报告\n\n"
    "{y}年，我区主动公开信息425条。\n"
)


def test_y203_old_law_march_31():
    [f] = lint(CRAWLED.format(org="平潭县人民政府", y=2011, pub="2012-04-11"), select="Y203")
    assert (f.code, f.line, f.column) == ("Y203", 2, 7)
    assert (
        f.message
        == "发布时间2012-04-11晚于2011年度报告的发布期限2012-03-31（2008年条例第三十一条）"
    )
    assert lint(CRAWLED.format(org="平潭县人民政府", y=2011, pub="2012-03-31"), select="Y203") == []


def test_y203_departments_january_31_governments_march_31():
    [f] = lint(CRAWLED.format(org="某市地方税务局", y=2020, pub="2021-02-20"), select="Y203")
    assert "2021-01-31" in f.message and "部门" in f.message
    assert lint(CRAWLED.format(org="平潭综合实验区", y=2023, pub="2024-03-08"), select="Y203") == []
    assert lint(CRAWLED.format(org="某市人民政府", y=2023, pub="2024-03-31"), select="Y203") == []


def test_y203_township_and_configured_deadline():
    text = (
        "某镇人民政府2019年政府信息公开工作年度报告\n\n2019年，我镇主动公开信息25条。\n\n"
        "某镇人民政府\n2020年4月2日\n"
    )
    [f] = lint(text, select="Y203")
    assert (f.line, f.column) == (6, 1)
    assert f.severity.label == "warning" and "乡镇、街道" in f.message
    assert lint(text, select="Y203", deadline="04-30") == []


def test_y204_signed_before_year_end():
    text = seed_text(2).replace("二○一八年一月十五日", "二○一七年十二月十五日")
    [f] = lint(text, select="Y204")
    assert (f.code, f.line, f.column) == ("Y204", 38, 32)
    assert f.message == "落款日期2017-12-15早于2017年度统计期限结束（2017-12-31）"
    assert lint(seed_text(2), select="Y204") == []


# -- Y205 -------------------------------------------------------------------------------


def test_y205_plan_year_not_next_year():
    [f] = lint(report(2016, next=2016), select="Y205")
    assert (f.code, f.line, f.column) == ("Y205", 15, 1)
    assert "2016年" in f.message and "2017年" in f.message


def test_y205_next_year_and_long_term_targets_pass():
    text = report(2016) + "\n力争到2020年实现全覆盖，确保2017年取得新成效。\n"
    assert lint(text, select="Y205") == []


# -- Y206 / Y207 -------------------------------------------------------------------------


def test_y206_invalid_dates():
    text = report(2016) + "\n二〇一七年二月三十日\n"
    [f] = lint(text, select="Y206")
    assert (f.code, f.line, f.column) == ("Y206", 17, 1)
    assert "二〇一七年二月三十日" in f.message and "2月没有30日" in f.message
    assert lint(report(2016) + "\n二〇一七年二月二十八日\n", select="Y206") == []


def test_y207_year_unknown_and_other_rules_skip():
    text = "政府信息公开工作年度报告\n\n一、总体情况\n\n我镇主动公开信息100条。\n"
    fs = lint(text, select="Y")
    assert brief(fs) == [("Y207", 1, 1)]
    assert "无法确定报告年份" in fs[0].message
    assert lint(text, select="Y207", year=2018) == []
    # not a report at all (no heading, no table): E002 speaks, not Y207
    assert lint("只有一段文字，没有任何标题。\n", select="Y") == []


# -- property: consistent reports are clean; one changed year is one Y201 ------------------

STATEMENTS = [
    "{y}年，我镇主动公开政府信息{n}条。",
    "本镇{y}年没有受理政府信息公开申请。",
    "{y}年，我镇政府信息公开实行免费。",
    "{y}年度受理申请的数量{n}条。",
    "{y}年，我镇严格按照《条例》开展工作，没有行政复议。",
]
FILLERS = [
    "比{p}年增长{n}%。",
    "与{p}年相比，减少{n}件。",
    "截至{y}年12月31日，累计公开{n}条。",
    "转发《{p}年政务公开工作要点》。",
    "我镇于{p}年成立公开办。",
]


@settings(max_examples=40, deadline=None)
@given(
    year=st.integers(2009, 2030),
    picks=st.lists(
        st.tuples(
            st.integers(0, len(STATEMENTS) - 1),
            st.integers(0, len(FILLERS) - 1),
            st.integers(1, 9999),
        ),
        min_size=1,
        max_size=6,
    ),
    which=st.integers(0, 100),
    delta=st.sampled_from([-2, -1, 1, 2]),
)
def test_property_one_changed_year_is_one_y201(year, picks, which, delta):
    def build(changed: int | None):
        lines = [
            f"某镇{year}年政府信息公开工作年度报告",
            "",
            f"现就我镇{year}年政府信息公开工作情况报告如下：",
            "",
        ]
        for i, (s, fl, n) in enumerate(picks):
            y = year + delta if i == changed else year
            lines.append(
                STATEMENTS[s].format(y=y, n=n)
                + FILLERS[fl].format(y=year, p=year - 1 - (n % 3), n=n)
            )
            lines.append("")
        lines += [
            "三、存在的主要问题及改进措施",
            "",
            f"{year + 1}年，我镇将继续推进政府信息公开工作。",
            "",
            "某镇人民政府",
            f"{year + 1}年2月14日",
        ]
        return "\n".join(lines)

    assert lint(build(None), select="Y") == []
    changed = which % len(picks)
    fs = lint(build(changed), select="Y")
    assert brief(fs) == [("Y201", 5 + 2 * changed, brief_col(picks[changed][0]))]
    assert str(year + delta) in fs[0].message and str(year) in fs[0].message


def brief_col(statement: int) -> int:
    return 3 if STATEMENTS[statement].startswith("本镇") else 1


def test_y205_plan_heading():
    text = seed_text(4).replace(
        "六、2016年政府信息及政务公开工作的重点", "六、2017年政府信息及政务公开工作的重点"
    )
    fs = lint(text, select="Y205")
    assert brief(fs) == [("Y205", 36, 3)]
    assert "2017年" in fs[0].message and "2016年" in fs[0].message
    assert lint(seed_text(4), select="Y205") == []


def test_intro_year_inside_a_document_name_is_not_the_report_year():
    text = (
        "按照《关于做好2017年政府信息公开工作年度报告编制工作的通知》，现将我镇2016年政府信息公开工作情况报告如下：\n\n"
        "一、总体情况\n\n2016年，我镇主动公开信息10条。\n"
    )
    assert brief(lint(text, select="Y")) == []


def test_each_statement_of_a_real_report_changed_gives_one_y201():
    """Seeds 001–003 (real reports): every statement of the year, changed alone, is found alone."""
    from gsilint import Config
    from gsilint.engine import analyse
    from gsilint.sources import source_from_text

    checked = 0
    for n in (1, 2, 3):
        text = seed_text(n)
        _, facts, _ = analyse(source_from_text(text, "t.txt"), Config())
        y = facts.report_year.value
        claims = {e.span for e in facts.report_year.evidence if e.source != "body"}
        for use in facts.year_uses:
            d = use.mention
            if use.kind != "statement" or d.year_span in claims:
                continue
            changed = text[: d.year_span.start] + str(y + 1) + text[d.year_span.end :]
            fs = lint(changed, select="Y")
            line = text.count("\n", 0, d.year_span.start) + 1
            col = d.year_span.start - (text.rfind("\n", 0, d.year_span.start) + 1) + 1
            assert brief(fs) == [("Y201", line, col)], (n, line)
            checked += 1
    assert checked >= 6


def test_y201_last_years_problems_and_external_acts_pass():
    text = report(2021) + (
        "\n2020年，我镇政府信息公开工作存在的问题已全部整改。\n\n2019年，新修订的《条例》正式施行。\n"
    )
    assert lint(text, select="Y201") == []
    # the same sentences naming the next year are still mismatches
    bad = report(2021) + "\n2022年，我镇政府信息公开工作存在的问题已全部整改。\n"
    assert brief(lint(bad, select="Y201")) == [("Y201", 17, 1)]


def test_y202_month_end_cutoff():
    text = report(2016).replace("比2015年增长10%", "截至11月底比2015年增长10%")
    [f] = lint(text, select="Y202")
    assert (f.code, f.line, f.column) == ("Y202", 7, 24)
    assert "11月底" in f.message and "2016年12月31日" in f.message
    assert (
        lint(report(2016).replace("比2015年增长10%", "截至12月底比2015年增长10%"), select="Y202")
        == []
    )


def test_signature_date_on_the_organisation_line():
    from test_dates import facts_of

    text = (
        "某镇2018年政府信息公开工作年度报告\n\n一、总体情况\n\n2018年，我镇主动公开信息10条。\n\n"
        "特此报告\n\n某镇人民政府　　2018年12月20日\n"
    )
    _, facts = facts_of(text)
    assert facts.signature_date.date.iso == "2018-12-20"
    assert brief(lint(text, select="Y204")) == [("Y204", 9, 9)]
    # a date inside the last sentence of prose is not a signature
    _, facts = facts_of(
        text.replace("某镇人民政府　　2018年12月20日", "我镇于2018年12月20日召开会议。")
    )
    assert facts.signature_date is None


# -- the report year by evidence (no title) ----------------------------------------------

UNTITLED = """现就我镇{intro}年政府信息公开工作情况报告如下：

一、主动公开政府信息情况

{a}年，我镇主动公开政府信息100条。

二、依申请公开情况

本镇{b}年没有受理政府信息公开申请。

三、存在的主要问题及改进措施

{c}年，我镇政府信息公开工作取得了一定成效。{next}年，我镇将继续推进政府信息公开工作。
"""


def test_untitled_minority_statement_against_the_majority():
    text = UNTITLED.format(intro=2017, a=2017, b=2016, c=2017, next=2018)
    [f] = lint(text, select="Y")
    assert (f.code, f.line, f.column) == ("Y201", 9, 3)
    assert f.message == "此处陈述的是2016年的工作，但报告年份是2017年（正文多数陈述，共4处）"
    assert [r.location.line for r in f.related] == [1, 5, 13, 13]
    assert [r.message for r in f.related] == [
        "引言：2017年",
        "正文陈述：2017年",
        "正文陈述：2017年",
        "下一年计划：2018年",
    ]


def test_untitled_intro_outvoted_and_consistent_report_clean():
    text = UNTITLED.format(intro=2016, a=2017, b=2017, c=2017, next=2018)
    [f] = lint(text, select="Y")
    assert (f.code, f.line, f.column) == ("Y201", 1, 5)
    assert "引言写的是2016年" in f.message and "报告年份应是2017年" in f.message
    assert lint(UNTITLED.format(intro=2017, a=2017, b=2017, c=2017, next=2018), select="Y") == []


def test_untitled_tie_holds_no_statement_against_either_year():
    # intro (2 votes) for 2017 against two statements of 2016: no majority
    text = UNTITLED.format(intro=2017, a=2016, b=2016, c=2017, next=2017)
    from test_dates import facts_of

    _, facts = facts_of(text)
    assert facts.report_year.contested
    assert [f.code for f in lint(text, select="Y201")] == []


def test_a_title_outweighs_the_majority():
    text = "某镇2016年政府信息公开工作年度报告\n\n" + UNTITLED.format(
        intro=2016, a=2017, b=2017, c=2017, next=2018
    )
    fs = lint(text, select="Y201")
    assert brief(fs) == [("Y201", 7, 1), ("Y201", 11, 3), ("Y201", 15, 1)]
    assert all("标题第1行" in f.message for f in fs)


def test_a_year_opening_a_clause_is_a_statement():
    text = (
        report(2017)
        + "\n四、其他需要报告的事项\n\n信息公开工作取得了明显成效， 2016年全镇共发布信息30条。\n"
    )
    [f] = lint(text, select="Y201")
    assert (f.line, f.column) == (19, 16)
    assert "2016年" in f.message and "2017年" in f.message
    # the year of a span's edge is not: "2015年度结束后，国资委…"
    ok = (
        report(2016)
        + "\n四、其他需要报告的事项\n\n按规定核定。2015年度结束后，国资委依据审计报告进行考核。\n"
    )
    assert lint(ok, select="Y201") == []


def test_plans_for_next_year_are_not_mismatches():
    for plan in (
        "2019年将进一步完善政府信息公开制度。",
        "2019年，我局将重点抓好以下工作。",
        "下一步，2019年我镇要继续深化政务公开。",
        "2019年工作计划：继续深化政务公开。",
        "2019年，我局要进一步规范信息发布。",
        "2019年，我镇继续深化政务公开。",
        "2019年，全镇政务公开工作的目标是全覆盖。",
        "下一步工作中，2019年我局力求全面公开。",
        "2019年，我局会加强培训。",
    ):
        text = report(2018) + "\n" + plan + "\n"
        assert lint(text, select="Y201") == [], plan
        untitled = UNTITLED.format(intro=2018, a=2018, b=2018, c=2018, next=2019) + plan + "\n"
        assert lint(untitled, select="Y201") == [], plan
    # the same words in the report year, and past work in the next year, are statements
    assert brief(lint(report(2018) + "\n2019年，我局主动公开信息100条。\n", select="Y201")) == [
        ("Y201", 17, 1)
    ]
    assert brief(lint(report(2018) + "\n2017年，我局要求各科室及时公开。\n", select="Y201")) == [
        ("Y201", 17, 1)
    ]
