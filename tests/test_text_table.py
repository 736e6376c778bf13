"""X401 text-table-mismatch and X402 claim-contradiction on a 2021-format report.

The fixture is seed 003 (a 2021 report whose tables are all zeros) with its
malformed 其他处理 rows written cleanly, table cells set per test and
sentences added to section 三 / 四.
"""

from __future__ import annotations

from conftest import brief, lint, seed_text
from hypothesis import given, settings
from hypothesis import strategies as st

APPLICANTS = 7  # 自然人, 5 × 法人或其他组织, 总计


def _row(label: str, vals) -> str:
    return label + "\t\t" + "\t".join(str(v) for v in vals)


def _cols(n: int) -> list[int]:
    """n requests, all from natural persons: the seven cells of a row."""
    return [n, 0, 0, 0, 0, 0, n]


def report(
    new=0,
    carried=0,
    granted=0,
    forward=0,
    review=(0, 0, 0, 0, 0),
    suits=(0,) * 10,
    text3: str = "",
    text4: str = "",
    new_cells=None,
) -> str:
    lines = seed_text(3).split("\n")
    lines[61] = _row("一、本年新收政府信息公开申请数量", new_cells or _cols(new))
    lines[62] = _row("二、上年结转政府信息公开申请数量", _cols(carried))
    lines[63] = _row("三、本年度办理结果\t(一) 予以公开", _cols(granted))
    lines[82] = _row(
        "\t2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0] * 7
    )
    lines[83] = lines[84] = ""
    lines[85] = _row("\t\t3. 其他", [0] * 7)
    lines[86] = _row("\t(七) 总计", _cols(granted))
    lines[87] = _row("四、结转下年度继续办理", _cols(forward))
    lines[94] = "\t".join(str(v) for v in (*review, *suits))
    assert lines[56] == "三、收到和处理政府信息公开申请情况" and lines[89].startswith(
        "四、政府信息公开行政复议"
    )
    lines.insert(90, "\n" + text4 + "\n" if text4 else "")
    lines.insert(57, "\n" + text3 + "\n" if text3 else "")
    return "\n".join(lines)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# -- X401 ---------------------------------------------------------------------


def test_received_count_contradicts_table():
    text = report(
        new=74, granted=74, text3="2022年，全区收到政府信息公开申请75件，均在法定期限内予以答复。"
    )
    found = lint(text, select="X")
    assert brief(found) == [("X401", line_of(text, "2022年，全区"), 19)]
    f = found[0]
    assert "75" in f.message and "一、本年新收为74" in f.message and "正文多1" in f.message
    # the 总计 cell of row 一 (line 62 before the three inserted lines)
    assert {r.location.line for r in f.related} == {65}
    assert f.related[0].message == "表三 一、本年新收（总计）= 74"


def test_received_does_not_include_last_years_requests():
    # 收到 = received this year: 74 new; 74 + 1 carried over is not what was received (pingtan 2022)
    text = report(
        new=74,
        carried=1,
        granted=75,
        text3="2022年，全区收到政府信息公开申请75件，涉及自然人75件。",
    )
    found = lint(text, select="X")
    assert [f.code for f in found] == ["X401", "X401"]
    assert "一、本年新收为74" in found[0].message and "含上年结转）才是75" in found[0].message
    assert "自然人" in found[1].message


def test_received_count_that_includes_carry_over_is_fine():
    text = report(
        new=70, carried=5, granted=75, text3="全年共受理政府信息公开申请75件，其中自然人申请75件。"
    )
    assert lint(text, select="X") == []


def test_consistent_counts_are_fine():
    text = report(
        new=12,
        granted=12,
        review=(1, 0, 0, 1, 2),
        text3="本年度收到政府信息公开申请12件，予以公开12件，办结12件。",
        text4="因政府信息公开申请引起行政复议2件，其中结果维持1件，尚未审结1件。",
    )
    assert lint(text, select="X") == []


def test_review_result_contradicts_table():
    text = report(
        new=1, granted=1, review=(1, 0, 0, 1, 2), text4="政府信息公开行政复议2件，其中结果维持2件。"
    )
    found = lint(text, select="X")
    assert [f.code for f in found] == ["X401"]
    assert "行政复议结果维持" in found[0].message and "为1" in found[0].message
    assert found[0].line == line_of(text, "政府信息公开行政复议2件")


def test_not_reported_cell_is_not_compared():
    text = report(new_cells=["/", 0, 0, 0, 0, 0, "/"], text3="全区收到政府信息公开申请75件。")
    assert lint(text, select="X") == []


# -- X402 ---------------------------------------------------------------------


def test_no_applications_claimed_but_table_counts_some():
    text = report(new=3, granted=3, text3="本年度未收到政府信息公开申请。")
    found = lint(text, select="X")
    assert brief(found) == [("X402", line_of(text, "本年度未收到"), 4)]
    assert "未收到政府信息公开申请" in found[0].message and "为3" in found[0].message


def test_no_applications_claim_with_zero_table_is_fine():
    assert lint(report(text3="本年度未收到政府信息公开申请。"), select="X") == []


def test_all_upheld_but_corrected_in_table():
    text = report(review=(1, 1, 0, 0, 2), text4="信息公开类行政复议2件，均获维持。")
    found = lint(text, select="X")
    assert [f.code for f in found] == ["X402"]
    assert "均获维持" in found[0].message and "行政复议结果纠正1" in found[0].message


def test_all_upheld_and_table_agrees():
    text = report(review=(2, 0, 0, 0, 2), text4="信息公开类行政复议2件，均获维持。")
    assert lint(text, select="X") == []


def test_no_review_claimed_but_table_counts_some():
    text = report(review=(1, 0, 0, 0, 1), text4="本年度未发生因政府信息公开引起的行政复议。")
    found = lint(text, select="X")
    assert [(f.code, f.line) for f in found] == [("X402", line_of(text, "本年度未发生"))]
    assert "表四行政复议总计为1" in found[0].message


def test_correction_wording_is_not_a_claim_of_no_cases():
    text = report(
        review=(1, 0, 0, 0, 1), text4="全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。"
    )
    assert lint(text, select="X") == []


def test_all_closed_but_carried_forward():
    text = report(
        new=5,
        granted=4,
        forward=1,
        text3="全年收到政府信息公开申请5件，所有申请均已按要求办理完成。",
    )
    found = lint(text, select="X")
    assert [f.code for f in found] == ["X402"]
    assert "结转下年度" in found[0].message and "为1" in found[0].message


def test_english_message():
    text = report(new=74, granted=74, text3="全区收到政府信息公开申请75件。")
    [f] = lint(text, select="X401", lang="en")
    assert "says 75 requests received" in f.message and "is 74" in f.message
    assert "table III row 1" in f.message and "三" not in f.message and "_" not in f.message
    assert "1 more" in f.message
    assert all("_" not in r.message and "三" not in r.message for r in f.related)


@settings(max_examples=25, deadline=None)
@given(
    new=st.integers(0, 500),
    carried=st.integers(0, 50),
    forward=st.integers(0, 50),
    upheld=st.integers(0, 9),
    corrected=st.integers(0, 9),
)
def test_text_that_quotes_the_table_never_fires(new, carried, forward, upheld, corrected):
    done = new + carried - forward
    if done < 0:
        return
    review = (upheld, corrected, 0, 0, upheld + corrected)
    text3 = (
        f"本年度收到政府信息公开申请{new}件，上年结转{carried}件，办结{done}件，"
        f"予以公开{done}件，结转下年度{forward}件。"
    )
    text4 = (
        f"政府信息公开行政复议{upheld + corrected}件，"
        f"其中结果维持{upheld}件，结果纠正{corrected}件。"
    )
    text = report(
        new=new,
        carried=carried,
        granted=done,
        forward=forward,
        review=review,
        text3=text3,
        text4=text4,
    )
    assert lint(text, select="X") == []


# -- X403 ---------------------------------------------------------------------


def _year_report(year: int, org: str = "城关镇人民政府", **cells) -> str:
    text = report(**cells)
    return text.replace("城关镇人民政府2022年", f"{org}{year}年").replace("2022年", f"{year}年")


def _check(tmp_path, files: dict[str, str], jobs: int = 1, **cfg):
    from gsilint import Config, check_paths

    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    results = check_paths([str(tmp_path)], Config(select=("X403",), **cfg), jobs=jobs)
    return {r.path.rsplit("/", 1)[-1]: r.findings for r in results}


def test_carry_over_differs_from_last_years_report(tmp_path):
    found = _check(
        tmp_path,
        {
            "a_2021.txt": _year_report(2021, new=3, granted=1, forward=2),
            "b_2022.txt": _year_report(2022, new=0, carried=1, granted=1),
        },
    )
    assert found["a_2021.txt"] == []
    [f] = found["b_2022.txt"]
    assert (f.code, f.line, f.severity.name) == (
        "X403",
        64,
        "WARNING",
    )  # row 二 (an empty line was inserted above)
    assert (
        f.column == len("二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t") + 1
    )  # the 总计 cell
    assert (
        "2021年报告" in f.message
        and "为1" in f.message
        and "为2" in f.message
        and "-1" in f.message
    )
    assert "a_2021.txt:89:" in f.message  # where last year's row 四 is
    assert [r.location.line for r in f.related] == [64]  # the 自然人 cell also differs


def test_carry_over_in_any_order_and_with_workers(tmp_path):
    files = {
        "a_2022.txt": _year_report(2022, carried=1, granted=1),
        "b_2021.txt": _year_report(2021, new=2, granted=0, forward=2),
    }
    assert [f.code for f in _check(tmp_path, files)["a_2022.txt"]] == ["X403"]
    assert [f.code for f in _check(tmp_path, files, jobs=2)["a_2022.txt"]] == ["X403"]


def test_matching_carry_over_and_fuller_name_is_fine(tmp_path):
    found = _check(
        tmp_path,
        {
            "a_2021.txt": _year_report(2021, new=2, granted=1, forward=1),
            "b_2022.txt": _year_report(2022, org="某区城关镇人民政府", carried=1, granted=1),
        },
    )
    assert found == {"a_2021.txt": [], "b_2022.txt": []}


def test_other_bodies_and_other_years_are_not_compared(tmp_path):
    found = _check(
        tmp_path,
        {
            "a_2021.txt": _year_report(2021, org="东关镇人民政府", new=2, granted=0, forward=2),
            "b_2020.txt": _year_report(2020, new=2, granted=0, forward=2),
            "c_2022.txt": _year_report(2022, carried=1, granted=1),
        },
    )
    assert found["c_2022.txt"] == []


def test_inline_suppression_hides_the_carry_over_finding(tmp_path):
    this_year = _year_report(2022, carried=1, granted=1).replace(
        "二、上年结转政府信息公开申请数量",
        "<!-- gsilint-disable-next-line X403 -- 口径调整 -->\n二、上年结转政府信息公开申请数量",
    )
    found = _check(
        tmp_path,
        {"a_2021.txt": _year_report(2021, new=2, granted=0, forward=2), "b_2022.txt": this_year},
    )
    assert found["b_2022.txt"] == []


def test_same_body_names():
    from gsilint.rules.crossfile_pairing import body_key, same_body

    def _same_org(a: str, b: str) -> bool:  # X403 pairs bodies by crossfile_pairing
        ka, kb = body_key(a), body_key(b)
        return ka is not None and kb is not None and same_body(ka, kb)

    assert _same_org("洪泽区人民政府", "淮安市洪泽区人民政府")
    assert not _same_org("淮安市人民政府", "淮安市洪泽区人民政府")
    assert not _same_org("区人民政府", "洪泽区人民政府")


def test_results_listed_after_the_answered_total_are_compared():
    # the second sentence names no 申请: its counts are results because they break down 答复…12件
    text = report(
        new=12,
        granted=12,
        text3="答复政府信息公开申请12件。予以公开10件，占83.3%；无法提供2件，占16.7%。",
    )
    found = lint(text, select="X401")
    assert [f.code for f in found] == ["X401", "X401"]
    assert "予以公开为10件" in found[0].message and "（一）予以公开为12" in found[0].message
    assert "无法提供为2件" in found[1].message and "各项之和为0" in found[1].message


def test_check_fix_keeps_the_cross_file_findings(tmp_path):
    """--fix goes through the same run as check: X403 is still reported (it was dropped before)."""
    from click.testing import CliRunner

    from gsilint.cli import main

    (tmp_path / "a_2021.txt").write_text(
        _year_report(2021, new=2, granted=0, forward=2), encoding="utf-8"
    )
    (tmp_path / "b_2022.txt").write_text(_year_report(2022, carried=1, granted=1), encoding="utf-8")
    for jobs in ("1", "2"):
        args = ["check", "--isolated", "--select", "X403", "--fix", "--fail-on", "warning"]
        r = CliRunner().invoke(main, [*args, "--format", "concise", "--jobs", jobs, str(tmp_path)])
        assert r.exit_code == 1, r.output
        assert [ln.split(" ")[1] for ln in r.stdout.splitlines()] == ["X403"]
        assert "b_2022.txt:64:" in r.stdout


# -- X401 against the old statistics table (附表, up to 2018) ------------------


def _old_table_fact(cells: dict):
    """A stand-in for the ``old_table`` fact: the statistics table with the given cells."""
    from gsilint.facts.lazy import fact
    from gsilint.positions import Span
    from gsilint.tables.grid import CellValue, Grid

    def old_table(f):
        g = Grid("old", "2008", tuple(r for r, _ in cells), ("year", "cumulative"), Span(0, 5))
        for (row, col), v in cells.items():
            g.cells[(row, col)] = CellValue(v, Span(0, 5), True, str(v))
        return g

    return fact(old_table, show=False)


SANMING = (
    "三明市2015年政府信息公开工作年度报告\n\n"
    "2015年，全市各级各部门共制作政府信息45661条，其中：主动公开33696条，占73.8%；"
    "作为依申请公开5328条，占11.67%；涉密不予公开6637条，占14.54%。"
    "《条例》实施以来，累计主动公开政府信息{cum}条。\n\n"
    "2015年，各级各部门网站公开政府信息{web}条；报刊广播电视公开政府信息557条。\n\n"
    "2015年，各级各部门受理依申请公开信息128条，其中：当面提交67条，占52.34%，"
    "传真提交16条，占12.5%，网络申请39条，占30.47%，信函申请6条，占4.69%。\n\n"
    "三是通过三明市科学技术局网公开各类科技创新政策83条，主动公开信息87条。\n"
)
OLD_CELLS = {
    ("old.proactive", "year"): 33696,
    ("old.proactive", "cumulative"): 295231,
    ("old.proactive.website", "year"): 31648,
    ("old.requests", "year"): 128,
    ("old.requests.in_person", "year"): 67,
    ("old.requests.online", "year"): 39,
    ("old.requests.letter_fax", "year"): 22,
}


def test_text_against_the_old_statistics_table(monkeypatch):
    from gsilint.facts import Facts

    monkeypatch.setattr(Facts, "old_table", _old_table_fact(OLD_CELLS), raising=False)
    text = SANMING.format(cum=324672, web=35335)
    found = lint(text, select="X401")
    assert [(f.line, f.column) for f in found] == [(3, 109), (5, 20)]
    assert "累计主动公开政府信息324672条" in found[0].message
    assert "统计表“主动公开信息数”历年累计为295231，正文多29441" in found[0].message
    assert "统计表“政府网站公开数”本年度为31648，正文多3687" in found[1].message
    # 信函申请6条 is not 信函（传真）22 (fax is given apart); one body's 87条 is not the year's
    text = SANMING.format(cum=295231, web=31648)
    assert lint(text, select="X401") == []


def test_as_of_the_years_end_is_not_checkable_when_it_equals_this_years_figure(monkeypatch):
    # putian 2012: "至2012年底，本局主动公开政府信息共48条" — the table has 48 this year, 154 in all
    from gsilint.facts import Facts

    cells = {("old.proactive", "year"): 48, ("old.proactive", "cumulative"): 154}
    monkeypatch.setattr(Facts, "old_table", _old_table_fact(cells), raising=False)
    head = "莆田市科技局2012年政府信息公开工作年度报告\n\n"
    said = "至2012年底，本局主动公开政府信息共{n}条，全文电子化达100%。\n"
    [f] = lint(head + said.format(n=48), select="X401")
    assert f.severity.name == "INFO" and "无法核对" in f.message and "历年累计为154" in f.message
    assert lint(head + said.format(n=154), select="X401") == []
    [f] = lint(head + said.format(n=50), select="X401")
    assert f.severity.name == "ERROR" and "既不等于" in f.message


def test_review_case_counted_before_its_noun_against_the_old_table(monkeypatch):
    # pingtan 2013: "收到1份有关政府信息公开行政复议申请", but the table's 行政复议数 is 0
    from gsilint.facts import Facts

    cells = {("old.review", "year"): 0, ("old.litigation", "year"): 0}
    monkeypatch.setattr(Facts, "old_table", _old_table_fact(cells), raising=False)
    text = (
        "平潭综合实验区2013年政府信息公开工作年度报告\n\n"
        "三、政府信息依申请公开工作情况 2013年全区未收到有关政府信息公开的申请，"
        "收到1份有关政府信息公开行政复议申请已及时处理。\n"
    )
    [f] = lint(text, select="X401")
    assert "统计表“行政复议数”本年度为0，正文多1" in f.message
    assert lint(text.replace("收到1份", "收到0份"), select="X401") == []


def test_no_requests_claimed_but_the_old_table_counts_some(monkeypatch):
    from gsilint.facts import Facts

    cells = {("old.requests", "year"): 3, ("old.review", "year"): 0}
    monkeypatch.setattr(Facts, "old_table", _old_table_fact(cells), raising=False)
    text = (
        "平潭综合实验区2013年政府信息公开工作年度报告\n\n"
        "2013年全区未收到有关政府信息公开的申请，未发生因政府信息公开引起的行政复议。\n"
    )
    [f] = lint(text, select="X402")
    assert "统计表“受理申请总数”本年度为3" in f.message
    cells[("old.requests", "year")] = 0
    assert lint(text, select="X402") == []
