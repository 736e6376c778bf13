"""A301 breakdown-sum, A302 part-exceeds-whole, A309 percentage-mismatch (prose arithmetic)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from conftest import brief, lint, seed_text
from hypothesis import given, settings
from hypothesis import strategies as st

HEAD = "某县2020年政府信息公开工作年度报告\n\n"


def doc(*paras: str) -> str:
    return HEAD + "\n\n".join(paras) + "\n"


# -- A301 ---------------------------------------------------------------------


def test_seed_000_breakdown_sum():
    [f] = lint(seed_text(0), select="A3")
    assert (f.code, f.line, f.column) == ("A301", 25, 120)
    assert "1084" in f.message and "1120" in f.message and "多36" in f.message
    assert len(f.related) == 29  # every part is pointed at
    assert f.related[0].location.line == 25
    assert "政府领导类公开" in f.related[0].message


def test_breakdown_that_adds_up_is_clean():
    text = doc("全年主动公开政府信息120条，其中：政策文件类40条，人事信息类30条，其他信息50条。")
    assert lint(text, select="A3") == []


def test_parts_more_than_total():
    text = doc("全年主动公开政府信息100条，其中：政策文件类40条，人事信息类30条，财政信息50条。")
    [f] = lint(text, select="A3")
    assert brief([f]) == [("A301", 3, 11)]
    assert "40+30+50 = 120" in f.message and "100" in f.message and "多20" in f.message
    assert [r.location.column for r in f.related] == [24, 33, 41]


def test_partial_list_of_main_categories_is_not_an_error():
    text = doc("全年主动公开政府信息300条，其中：政策文件类40条，人事信息类30条。")
    assert lint(text, select="A3") == []


def test_shortfall_with_an_other_part_is_an_error():
    text = doc("全年主动公开政府信息300条，其中：政策文件类40条，人事信息类30条，其他信息200条。")
    [f] = lint(text, select="A3")
    assert f.code == "A301" and "少30" in f.message and "其他" in f.message


def test_shortfall_in_a_complete_split_is_an_error():
    text = doc(
        "2012年制作、获取政府信息总数3978条，其中主动公开政府信息2026条，作为依申请公开信息数46条，不予公开信息数1854条。"
    )
    [f] = lint(text, select="A3")
    assert f.code == "A301" and "2026+46+1854 = 3926" in f.message and "3978" in f.message


def test_bare_count_after_shu_is_a_part():
    # "不予公开信息数1402。" has no unit and still belongs to the list (425+46+1402 = 1873)
    text = doc(
        "2011年制作、获取政府信息总数1873条，其中主动公开政府信息425条，作为依申请公开信息数46条，不予公开信息数1402。"
    )
    assert lint(text, select="A3") == []


def test_shares_adding_to_100_make_the_list_complete():
    text = doc(
        "共办结申请200件，其中：予以公开100件，占50%；不予公开50件，占25%；无法提供40件，占25%。"
    )
    # 100+50+40 = 190 < 200 and the shares add up to 100%; 40/200 = 20% is also misprinted
    found = brief(lint(text, select="A3"))
    assert ("A301", 3, 6) in found
    assert ("A309", 3, 50) in found


def test_nearly_complete_list_with_shares_is_a_warning():
    text = doc(
        "在网站主动公开的425条政府信息中，机构职能类信息148条，占34.8%；规划计划类信息21条，占4.9%；"
        "科教文体卫生类信息193条，占45.4%；安全生产类信息59条，占13.9%。"
    )
    [f] = lint(text, select="A3")
    assert (f.code, f.severity.name) == ("A301", "WARNING")
    assert (
        "= 421" in f.message and "425" in f.message and "少4" in f.message and "99.0%" in f.message
    )


def test_main_categories_with_shares_are_not_judged():
    text = doc(
        "在网站主动公开的425条政府信息中，主要包括：机构职能类信息148条，占34.8%；规划计划类信息21条，占4.9%；"
        "科教文体卫生类信息193条，占45.4%；安全生产类信息59条，占13.9%。"
    )
    assert lint(text, select="A3") == []


def test_list_covering_part_of_the_total_is_not_judged():
    text = doc(
        "在网站主动公开的2026条政府信息中，机构职能类信息161条，占7.9%；政策文件类信息221条，占10.9%；"
        "规划计划类信息61条，占3.0%。"
    )
    assert lint(text, select="A3") == []


def test_brackets_and_following_measures_are_not_parts():
    text = doc(
        "市政府共受理申请 1295 件，办结 1191 件（含上年结转 189 件），均在法定期限内答复。"
        "其中，予以公开 208 件（17.46%），不予公开 20 件（1.68%），无法提供 564 件（47.36%），"
        "不予处理 80 件（6.72%），其他处理 319 件（26.78%，含申请人主动撤回 157 件）。"
    )
    assert lint(text, select="A3") == []


def test_full_width_traditional_and_wrapped():
    text = doc(
        "全年主動公開政府信息１００條，其中：政策文件類４０條，人事信息類\n３０條，財政信息５０條。"
    )
    [f] = lint(text, select="A3")
    assert f.code == "A301" and "120" in f.message and "100" in f.message


def test_approximate_total_is_not_checked():
    text = doc("全年主动公开政府信息100余条，其中：政策文件类40条，人事信息类30条，财政信息50条。")
    assert lint(text, select="A3") == []


def test_main_categories_list_uses_the_earlier_total():
    text = doc(
        "2014年主动公开政府信息 2543条。",
        "2014年，我区主动公开政府信息的主要类别有：机构职能类信息594条，规划计划类信息1851条，其他应主动公开的信息196条。",
    )
    [f] = lint(text, select="A3")
    assert (f.code, f.line) == ("A301", 3)
    assert "2641" in f.message and "2543" in f.message
    assert all(r.location.line == 5 for r in f.related)


def test_overlapping_part_is_named():
    text = doc(
        "网站全年发布信息 2139 条，其中动态类信息 1744 条，政务信息 393 条，"
        "解读类信息 21 条，热点信息 2 条。"
    )
    [f] = lint(text, select="A301")
    assert "多21" in f.message and "解读类信息" in f.message


def test_english_message():
    [f] = lint(seed_text(0), select="A301", lang="en")
    assert "1120" in f.message and "1084" in f.message and "36 more" in f.message


# -- A302 ---------------------------------------------------------------------


def test_seed_004_adopted_more_than_submitted():
    [f] = lint(seed_text(4), select="A3")
    assert (f.code, f.line, f.column) == ("A302", 11, 124)
    assert "53篇" in f.message and "36篇" in f.message and "多17" in f.message
    assert f.related[0].location.line == 11


def test_single_part_larger_than_total():
    text = doc("主动公开信息56条，其中网站公开80条，公报公开3条。")
    [f] = lint(text, select="A3")
    assert brief([f]) == [("A302", 3, 17)]
    assert "80条" in f.message and "56条" in f.message


def test_closed_more_than_received():
    text = doc("今年我局共受理审批事项117件，办结171件，办结率100%。")
    [f] = lint(text, select="A3")
    assert brief([f]) == [("A302", 3, 17)]
    assert "171" in f.message and "117" in f.message


def test_closed_more_than_received_with_carry_over_is_fine():
    text = doc("全年受理申请117件，办结171件（含上年结转60件）。")
    assert lint(text, select="A3") == []


def test_adopted_fewer_than_submitted_is_fine():
    assert lint(doc("共报送信息63篇，市政府门户网采用53篇。"), select="A3") == []


# -- A309 ---------------------------------------------------------------------


def test_share_truncated_instead_of_rounded():
    text = doc(
        "答复申请805件。予以公开265件，占32.9%；不予公开35件，占4.34%；不予处理158件，占19.6%。"
    )
    [f] = lint(text, select="A309")
    assert brief([f]) == [("A309", 3, 35)]
    assert "35/805 = 4.35%" in f.message and "4.34%" in f.message and "0.01" in f.message
    assert {r.location.column for r in f.related} == {30, 5}  # the part 35 and the total 805
    # within one unit of the last printed digit: a rounding slip, a warning (not an error)
    assert f.severity.name == "WARNING" and "末位的舍入" in f.message


def test_share_against_another_count_of_the_paragraph_says_so():
    # sanming 2016: 11.42% is 4041/35382 (the 主动公开 part), not 4041/43953
    text = doc(
        "全市共制作政府信息43953条，其中：主动公开35382条，占80.5%；"
        "作为依申请公开4041条，占11.42%；涉密不予公开4540条，占10.33%。"
    )
    [f] = lint(text, select="A309")
    assert f.severity.name == "ERROR" and "9.19%" in f.message
    assert "11.42%恰是4041/35382（“主动公开”），是否用错了基数？" in f.message
    assert len(f.related) == 3


def test_share_correctly_rounded_is_fine():
    text = doc(
        "答复申请805件。予以公开265件，占32.9%；不予公开35件，占4.35%；不予处理158件，占19.6%。"
    )
    assert lint(text, select="A309") == []


def test_single_share_of_known_total():
    [f] = lint(doc("主动公开信息1000条，其中网站公开45条，占5.2%。"), select="A309")
    assert "45/1000 = 4.5%" in f.message and "5.2%" in f.message


def test_shares_of_another_base_are_not_judged():
    # none of the shares is of 1000: they are of some other base, say nothing
    text = doc("主动公开信息1000条，其中网站公开45条，占9%；公报公开20条，占4%。")
    assert lint(text, select="A309") == []


def test_unrelated_rates_are_not_shares():
    text = doc("共受理申请859件，申请数量较去年回落12.3%，办结率100%。")
    assert lint(text, select="A3") == []


# -- properties ---------------------------------------------------------------

_CATS = [
    "政策文件类",
    "人事信息类",
    "财政信息类",
    "规划计划类",
    "行政许可类",
    "应急管理类",
    "政策解读类",
]


def _pct(part: int, total: int, decimals: int) -> str:
    v = (Decimal(part) * 100 / Decimal(total)).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
    )
    return f"{v:f}"


@settings(max_examples=80, deadline=None)
@given(
    parts=st.lists(st.integers(min_value=0, max_value=5000), min_size=2, max_size=7),
    extra=st.integers(min_value=0, max_value=300),
    decimals=st.sampled_from([0, 1, 2]),
    with_shares=st.booleans(),
    full_width=st.booleans(),
    other_last=st.booleans(),
)
def test_consistent_breakdown_never_fires(
    parts, extra, decimals, with_shares, full_width, other_last
):
    """A list that adds up (or a partial list, without 其他 or shares) is never reported."""
    if extra:
        with_shares = other_last = False  # a partial list: nothing says it is complete
    total = sum(parts) + extra
    if total == 0:
        return
    names = _CATS[: len(parts)]
    if other_last:
        names[-1] = "其他信息"
    items = []
    for name, v in zip(names, parts):
        item = f"{name}{v}条"
        if with_shares:
            item += f"，占{_pct(v, total, decimals)}%"
        items.append(item)
    text = f"全年主动公开政府信息{total}条，其中：" + "；".join(items) + "。"
    if full_width:
        text = text.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    assert lint(doc(text), select="A3") == []


@settings(max_examples=40, deadline=None)
@given(
    parts=st.lists(st.integers(min_value=1, max_value=500), min_size=2, max_size=6),
    excess=st.integers(min_value=1, max_value=50),
)
def test_parts_over_total_always_fire(parts, excess):
    total = sum(parts) - excess
    if total < max(parts):
        return  # a single part over the total is A302's
    items = "，".join(f"{name}{v}条" for name, v in zip(_CATS, parts))
    [f] = lint(doc(f"全年主动公开政府信息{total}条，其中：{items}。"), select="A3")
    assert f.code == "A301" and f"= {sum(parts)}" in f.message and f"多{excess}" in f.message


_PIECES = [
    "其中",
    "：",
    "，",
    "；",
    "。",
    "（",
    "）",
    "(",
    ")",
    "、",
    "\n",
    " ",
    "占",
    "%",
    "％",
    ".",
    ",",
    "1",
    "23",
    "０",
    "９",
    "456",
    "条",
    "件",
    "篇",
    "万元",
    "余",
    "约",
    "数",
    "其他",
    "报送",
    "采用",
    "受理",
    "办结",
    "收到申请",
    "主动公开政府信息",
    "主要类别有：",
    "涉及",
    "分别为",
    "结转",
    "行政复议",
    "诉讼",
    "均获维持",
    "未收到政府信息公开申请",
    "予以公开",
    "中",
    "第",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_any_text_lints_without_internal_errors(pieces):
    """Fragments of numbers, units and keywords in any order never crash the facts or rules."""
    findings = lint(doc("".join(pieces)), select="A3,X,E")
    assert not [f for f in findings if "内部错误" in f.message], findings


def test_labels_are_quoted_from_a_word_boundary():
    from gsilint.facts.quantities import quote_label

    assert (
        quote_label("区政府办代表区政府受理政府信息公开申请")
        == "区政府办代表区政府受理政府信息公开申请"
    )
    # a long clause starts after 的/在/对 …, marked with "…", never inside a word
    long = "各级各部门按照省市要求在平潭综合实验区管委会门户网站主动公开的"
    assert quote_label(long, 16) == "…平潭综合实验区管委会门户网站主动公开的"
    assert quote_label("甲" * 40, 16) == "…" + "甲" * 16
