"""The date parser (gsilint/datetext.py) and the date facts (gsilint/facts/dates.py)."""

from __future__ import annotations

import pytest
from conftest import seed_text
from hypothesis import given, settings
from hypothesis import strategies as st

from gsilint import Config
from gsilint.datetext import cn_number, find_dates, find_ranges, parse_date
from gsilint.engine import analyse
from gsilint.sources import source_from_text


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2019年2月14日", "2019-02-14"),
        ("2019-01-31", "2019-01-31"),
        ("2019.1.31", "2019-01-31"),
        ("2019/1/31", "2019-01-31"),
        ("二○一八年一月十五日", "2018-01-15"),
        ("二〇二三年元月十日", "2023-01-10"),
        ("二O一一年5月16日", "2011-05-16"),
        ("二Ｏ一一年五月十六日", "2011-05-16"),
        ("二零一九年十二月三十一日", "2019-12-31"),
        ("二〇二〇年三月二十日", "2020-03-20"),
        ("２０１９年１月３１日", "2019-01-31"),
        ("2019 年 2 月 14 日", "2019-02-14"),
        ("2014-02-25 00:00", "2014-02-25"),
        ("2019年12月", "2019-12"),
        ("2017年度", "2017"),
        ("12月31日", "--12-31"),
    ],
)
def test_formats(text, iso):
    [d] = find_dates(text)
    assert d.iso == iso
    assert d.valid


def test_span_and_year_span_inside_text():
    text = "落款：二○一八年一月十五日。比2015年增长"
    ds = find_dates(text, offset=100)
    assert [d.iso for d in ds] == ["2018-01-15", "2015"]
    assert ds[0].span.start == 103 and ds[0].span.end == 113
    assert ds[0].year_span.start == 103 and ds[0].year_span.end == 107
    assert ds[1].span.start == 100 + text.index("2015")


@pytest.mark.parametrize(
    "s, n",
    [
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("三十一", 31),
        ("廿五", 25),
        ("元", 1),
        ("31", 31),
        ("３", 3),
    ],
)
def test_chinese_numbers(s, n):
    assert cn_number(s) == n


def test_impossible_dates_are_kept_and_marked():
    feb, month13, apr = find_dates("2019年2月30日，2019年13月，二〇二一年四月三十一日")
    assert (feb.iso, feb.valid) == ("2019-02-30", False)
    assert "2月没有30日" in feb.problem[0]
    assert (month13.iso, month13.valid) == ("2019-13", False)
    assert "13月不存在" in month13.problem[0]
    assert apr.valid is False and "30天" in apr.problem[0]


def test_leap_day():
    ok, bad = find_dates("2020年2月29日、2019年2月29日")
    assert ok.valid and not bad.valid


def test_not_dates():
    assert find_dates("版本1.2019.1.3，共1084条，12106人次，3月份") == []


def test_range_with_year_given_once():
    text = "统计期限为2018年1月1日至12月31日"
    ds = find_dates(text)
    [r] = find_ranges(text, ds)
    assert (r.start.iso, r.end.iso) == ("2018-01-01", "2018-12-31")
    assert r.end.inferred_year


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("自2018年1月1日至2018年12月31日", "2018-01-01", "2018-12-31"),
        ("2017年1月1日起至2017年12月31日止", "2017-01-01", "2017-12-31"),
        ("1月1日到12月31日", "--01-01", "--12-31"),
        ("2019年1月1日—2019年12月31日", "2019-01-01", "2019-12-31"),
    ],
)
def test_ranges(text, start, end):
    [r] = find_ranges(text, find_dates(text))
    assert (r.start.iso, r.end.iso) == (start, end)


def test_parse_date_returns_first_full_date():
    assert parse_date("发布于2019年，2019年2月14日").iso == "2019-02-14"
    assert parse_date("无日期") is None


def facts_of(text: str, **cfg):
    doc, facts, _ = analyse(source_from_text(text, "t.txt"), Config(**cfg))
    return doc, facts


def test_seed_002_signature_date():
    _, facts = facts_of(seed_text(2))
    assert facts.signature_date.date.iso == "2018-01-15"
    assert facts.statistics_period.start.iso == "2017-01-01"
    assert facts.statistics_period.end.iso == "2017-12-31"


def test_seed_001_facts():
    _, facts = facts_of(seed_text(1))
    y = facts.report_year
    assert (y.value, y.source) == (2018, "intro")
    assert {c.source for c in y.evidence} >= {"intro", "period", "body"}
    assert y.disagreements == ()
    assert facts.signature_date.date.iso == "2019-02-14"


def test_publication_date_from_crawler_header():
    text = (
        "标题: 某区2011年政府信息公开工作年度报告\n发布时间: 2012-04-11 00:00\n===== 正文 =====\n"
        "某区2011年政府信息公开工作年度报告\n\n"
        "2011年，我区主动公开信息425条。\n"
    )
    doc, facts = facts_of(text)
    pub = facts.publication_date
    assert pub.date.iso == "2012-04-11"
    assert doc.text[pub.span.start : pub.span.end] == "2012-04-11"


def test_report_year_sources_and_disagreement():
    text = (
        "某镇2017年政府信息公开工作年度报告\n\n现就我镇2016年政府信息公开工作情况报告如下：\n\n"
        "一、总体情况\n\n2017年，我镇主动公开信息10条。\n"
    )
    doc, facts = facts_of(text)
    y = facts.report_year
    assert (y.value, y.source) == (2017, "title")
    [d] = y.disagreements
    assert (d.value, d.source) == (2016, "intro")
    assert doc.text[d.span.start : d.span.end] == "2016"


def test_config_year_overrides():
    _, facts = facts_of(seed_text(1), year=2020)
    y = facts.report_year
    assert (y.value, y.source) == (2020, "config")
    assert {d.source for d in y.disagreements} == {"intro"}


def test_blank_period():
    text = (
        "某镇2018年政府信息公开工作年度报告\n\n"
        "本报告所列数据统计期限自    年  月  日至    年  月  日。\n"
    )
    _, facts = facts_of(text)
    assert facts.statistics_period.blank


def test_month_range_period():
    text = "某镇2018年政府信息公开工作年度报告\n\n本报告数据统计时间为2018年1月至11月。\n"
    _, facts = facts_of(text)
    p = facts.statistics_period
    assert (p.start.iso, p.end.iso) == ("2018-01-01", "2018-11-30")


_CHARS = (
    "0123456789０１２年月日号至到-—.／/〇○OＯ"
    "零一二三四五六七八九十廿卅元正度截止，。\n 我镇将比《》"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=60))
def test_parser_never_fails_and_spans_hold(text):
    ds = find_dates(text)
    for a, b in zip(ds, ds[1:]):
        assert a.span.end <= b.span.start
    for d in ds:
        assert 0 <= d.span.start < d.span.end <= len(text)
        assert text[d.span.start : d.span.end] == d.text
        if d.valid and d.is_date:
            assert d.as_date().isoformat() == d.iso
    find_ranges(text, ds)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=80))
def test_year_rules_never_crash(text):
    from conftest import lint

    fs = lint(
        "某镇2018年政府信息公开工作年度报告\n\n一、总体情况\n\n"
        + text
        + "\n\n某镇人民政府\n"
        + text[-12:]
        + "\n",
        select="Y",
    )
    assert not [f for f in fs if f.code.startswith("E")]


@pytest.mark.parametrize(
    "text, iso, covered",
    [
        ("统计期限自\n2015\n年\n1\n月\n1\n日起", "2015-01-01", "2015\n年\n1\n月\n1\n日"),
        ("开展\n20\n19\n年政府信息", "2019", "20\n19\n年"),
        ("自201\n9\n年1月1日起", "2019-01-01", "201\n9\n年1月1日"),
        ("2024 年 12 月\n31 日，市科委", "2024-12-31", "2024 年 12 月\n31 日"),
        ("2015\r\n年\r\n历年累计", "2015", "2015\r\n年"),
    ],
)
def test_dates_broken_over_lines(text, iso, covered):
    [d] = find_dates(text)
    assert (d.iso, d.valid, text[d.span.start : d.span.end]) == (iso, True, covered)


def test_digits_of_different_lines_are_not_joined():
    # a count on one line, a year on the next: two things, not "32019"
    [d] = find_dates("共3\n2019年，我局")
    assert d.iso == "2019"
    assert find_dates("共41\n条\n12\n件") == []


@pytest.mark.parametrize(
    "text, covered",
    [
        ("信息服务\n20\n年度我局主动公开", "20\n年度"),
        ("莆田市\n20\n年1\n月\n13\n日", "20\n年1\n月\n13\n日"),
        ("201年度我局", "201年度"),
    ],
)
def test_truncated_years(text, covered):
    [d] = find_dates(text)
    assert (d.valid, d.truncated, d.year) == (False, True, None)
    assert text[d.span.start : d.span.end] == covered


def test_not_truncated_years():
    for text in ("近20年来", "工作满20年", "第20年", "20年以上", "1:20年底"):
        assert [d for d in find_dates(text) if d.truncated] == [], text


def test_period_blank_missing_or_half_written():
    cases = {
        "统计期限自  至  止。": (None, None, True),
        "统计期限自2017年1月1日至    年  月  日。": ("2017-01-01", None, True),
        "统计期限自\n2017\n年\n1\n月\n1\n日起至\n12\n月\n31\n日止。": (
            "2017-01-01",
            "2017-12-31",
            False,
        ),
    }
    for sentence, want in cases.items():
        _, facts = facts_of(
            "某镇2017年政府信息公开工作年度报告\n\n本报告所列数据" + sentence + "\n"
        )
        p = facts.statistics_period
        got = (p.start.iso if p.start else None, p.end.iso if p.end else None, p.blank)
        assert got == want, sentence
    for text in ("全部纳入统计范围。", "统计期限内未收到申请。"):
        _, facts = facts_of("某镇2017年政府信息公开工作年度报告\n\n" + text + "\n")
        assert facts.statistics_period is None, text


def test_publication_date_from_a_header_with_full_width_colons():
    """三明 crawler copies: "发布时间：2016-01-01" is not parsed as a header but is still read."""
    text = (
        "标题：三明市2016年政府信息公开工作年度报告\n发布时间：2016-01-01\n文号：\n\n正文：\n"
        "一、概述\n2016年，全市主动公开政府信息43953条。\n\n三明市政府信息公开工作领导小组\n2017年1月12日\n"
    )
    doc, facts = facts_of(text)
    pub = facts.publication_date
    assert pub.date.iso == "2016-01-01"
    assert doc.text[pub.span.start : pub.span.end] == "2016-01-01"
    from conftest import brief, lint

    assert brief(lint(text, select="Y204")) == [("Y204", 2, 6)]
    # a misaligned header ("发布时间：有效性： 有效") has no date
    _, facts = facts_of(text.replace("发布时间：2016-01-01", "发布时间：有效性： 有效"))
    assert facts.publication_date is None
