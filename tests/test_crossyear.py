"""Cross-year checks (X404 stock, X405 copied text), pairing, --previous; X406 copy residue.

The two-report cases are the fixtures of tests/rules/X404 and X405 (a report
and last year's report of the same body); each test copies them where it needs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gsilint.api import check_paths
from gsilint.cli import main
from gsilint.config import Config
from gsilint.config_file import ConfigError, load_file
from gsilint.facts.body import parse_body
from gsilint.facts.copying import normalise_sentence
from gsilint.parallel import check_files
from gsilint.rules.crossfile_pairing import body_key, same_body

RULES = Path(__file__).parent / "rules"
STOCK = RULES / "X404" / "bad"
COPIED = RULES / "X405" / "bad"


def _lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.strip()]


def _run(args, cwd, monkeypatch):
    monkeypatch.chdir(cwd)
    base = ["check", "--format", "concise", "--fail-on", "info", "--isolated", "--no-cache"]
    return CliRunner().invoke(main, [*base, *args], catch_exceptions=False)


@pytest.fixture
def years(tmp_path):
    """Last year's reports in ``prev/``, this year's in ``cur/`` (X404 and X405 cases)."""
    for sub in ("prev", "cur"):
        (tmp_path / sub).mkdir()
    shutil.copy(STOCK / "pingtan_2023.txt", tmp_path / "prev" / "stock_2023.txt")
    shutil.copy(STOCK / "pingtan_2024.txt", tmp_path / "cur" / "stock_2024.txt")
    shutil.copy(COPIED / "pingtan_2023.txt", tmp_path / "prev" / "copy_2023.txt")
    shutil.copy(COPIED / "pingtan_2024.txt", tmp_path / "cur" / "copy_2024.txt")
    return tmp_path


# -- pairing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("三明市", "三明市人民政府", True),
        ("平潭综合实验区", "平潭综合实验区管委会", True),
        ("淮安市洪泽区人民政府", "洪泽区人民政府", True),
        ("标题:莆田市科技局", "莆田市科技局", True),
        ("莆田市科技局", "莆田市水利局", False),
        ("三明市人民政府", "三明市人民政府办公室", False),
        ("平潭县人民政府", "平潭综合实验区", False),
    ],
)
def test_bodies_pair_by_normalised_name(a, b, same):
    assert same_body(body_key(a), body_key(b)) is same


def test_a_name_too_short_does_not_pair():
    assert body_key("政府") is None
    assert body_key("") is None


# -- X404 / X405 across files --------------------------------------------------


def test_stock_and_copy_found_in_one_run(years, monkeypatch):
    got = _lines(_run(["--select", "X404,X405", "prev", "cur"], years, monkeypatch))
    assert got == [
        "cur/copy_2024.txt:1:1: X405 [warning] 与2023年报告（prev/copy_2023.txt）内容雷同："
        "本报告92%的文字（8/9句）在上年报告中原样出现（不计年份、数字和标点），达到50%；"
        "应按本年度工作实际撰写",
        "cur/stock_2024.txt:8:15: X404 [warning] 行政规范性文件“现行有效件数”与2023年报告不衔接："
        "本年为440，而2023年报告（prev/stock_2023.txt:8:16）现行有效470 + 本年制发62 − "
        "本年废止33 = 499，相差-59（修订、失效未计入废止时请在正文说明）",
    ]


def test_previous_reports_are_read_never_reported(years, monkeypatch):
    # last year's report has a finding of its own: --previous must not show it
    bad = (years / "prev" / "stock_2023.txt").read_text(encoding="utf-8")
    (years / "prev" / "stock_2023.txt").write_text(
        bad.replace("坚持以", "我县坚持以", 1), encoding="utf-8"
    )
    alone = _run(["--select", "X404,X405,X406", "cur"], years, monkeypatch)
    assert alone.exit_code == 0 and _lines(alone) == []
    paired = _run(["--select", "X404,X405,X406", "--previous", "prev", "cur"], years, monkeypatch)
    got = _lines(paired)
    assert paired.exit_code == 1
    assert [line.split(":", 1)[0] for line in got] == ["cur/copy_2024.txt", "cur/stock_2024.txt"]
    assert "（prev/stock_2023.txt:8:16）" in got[1]
    both = _lines(_run(["--select", "X406", "prev", "cur"], years, monkeypatch))
    assert [line.split(": ")[1] for line in both] == [
        "X406 [warning] “我县”与报告机关的层级不符"
        "：本报告是平潭综合实验区（区级）的报告，疑为从其他机关的报告复制后未改"
    ]


def test_previous_given_twice_or_also_checked_counts_once(years, monkeypatch):
    args = ["--select", "X404", "--previous", "prev", "--previous", "prev", "prev", "cur"]
    got = _lines(_run(args, years, monkeypatch))
    assert len(got) == 1 and got[0].startswith("cur/stock_2024.txt:8:15: X404")


def test_previous_from_the_config_file(years, monkeypatch):
    (years / "cur" / "gsilint.toml").write_text(
        'previous = ["../prev"]\ncopy-threshold = 95\n', encoding="utf-8"
    )
    monkeypatch.chdir(years)
    args = ["check", "--format", "concise", "--no-cache", "--select", "X404,X405", "cur"]
    got = _lines(CliRunner().invoke(main, args, catch_exceptions=False))
    # 92% copied is below the threshold of 95: only X404 is left
    assert len(got) == 1 and got[0].startswith("cur/stock_2024.txt:8:15: X404")
    assert "（prev/stock_2023.txt:8:16）" in got[0]


def test_config_values_are_checked(tmp_path):
    cfg = tmp_path / "gsilint.toml"
    cfg.write_text("copy-threshold = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="copy-threshold"):
        load_file(cfg)
    cfg.write_text("previous = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="previous"):
        load_file(cfg)
    cfg.write_text('previous = "last"\n', encoding="utf-8")
    assert load_file(cfg)["previous"] == (str(tmp_path.resolve() / "last"),)


def test_a_missing_previous_in_the_config_is_a_usage_error(years, monkeypatch):
    (years / "cur" / "gsilint.toml").write_text('previous = ["../gone"]\n', encoding="utf-8")
    monkeypatch.chdir(years)
    result = CliRunner().invoke(main, ["check", "--no-cache", "cur"])
    assert result.exit_code == 2 and "gone" in result.output


def _findings(results):
    return sorted(
        (f.path, f.code, f.location.line, f.location.column, f.message)
        for r in results
        for f in r.findings
        if f.code in ("X404", "X405")
    )


def test_order_and_jobs_do_not_change_the_result(years):
    config = Config(select=("X404", "X405"))
    files = sorted(str(p) for p in years.rglob("*.txt"))
    one = _findings(check_files([(p, config) for p in files], jobs=1, progress=False))
    two = _findings(check_files([(p, config) for p in reversed(files)], jobs=2, progress=False))
    assert one == two and len(one) == 2


def test_previous_through_the_api_and_the_cache(years, monkeypatch):
    monkeypatch.chdir(years)
    config = Config(select=("X404", "X405"), previous=("prev",), cache_dir=str(years / "c"))
    direct = check_paths(["cur"], config)
    assert [r.path for r in direct] == ["cur/copy_2024.txt", "cur/stock_2024.txt"]
    from gsilint.cache import ResultCache

    items = [("cur/copy_2024.txt", config), ("cur/stock_2024.txt", config)]
    prev = [("prev/copy_2023.txt", config), ("prev/stock_2023.txt", config)]
    first = check_files(items, jobs=1, progress=False, cache=ResultCache(), previous=prev)
    again = check_files(items, jobs=1, progress=False, cache=ResultCache(), previous=prev)
    assert all(r.source is None for r in again)  # every file, last year's too, from the cache
    assert _findings(first) == _findings(again) == _findings(direct)
    assert len(_findings(again)) == 2


def test_a_suppression_in_this_years_report_hides_the_finding(years, monkeypatch):
    path = years / "cur" / "stock_2024.txt"
    title, _, rest = path.read_text(encoding="utf-8").partition("\n")
    reason = "<!-- gsilint-disable X404 -- 清理失效文件59件，已在正文说明 -->"
    path.write_text(f"{title}\n{reason}\n{rest}", encoding="utf-8")
    got = _lines(_run(["--select", "X404", "--previous", "prev", "cur"], years, monkeypatch))
    assert got == []


def test_fix_never_touches_last_years_reports(years, monkeypatch):
    before = (years / "prev" / "stock_2023.txt").read_bytes()
    (years / "prev" / "stock_2023.txt").write_bytes(
        before + "网址：http:∥www.pingtan.gov.cn\n".encode()
    )
    changed = (years / "prev" / "stock_2023.txt").read_bytes()
    _run(["--fix", "--select", "X404,T503", "--previous", "prev", "cur"], years, monkeypatch)
    assert (years / "prev" / "stock_2023.txt").read_bytes() == changed


def test_the_2019_format_is_not_a_stock(years, monkeypatch):
    prev = years / "prev" / "stock_2023.txt"
    text = prev.read_text(encoding="utf-8").replace(
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
    )
    prev.write_text(text, encoding="utf-8")
    assert _lines(_run(["--select", "X404", "prev", "cur"], years, monkeypatch)) == []


# -- X405 normalising ------------------------------------------------------------


def test_years_numbers_and_punctuation_do_not_count():
    a = normalise_sentence("2023年，全县共收到申请21件，同比增长5.2%。")
    b = normalise_sentence("二〇二四年 全县共收到申请 34 件；同比增长 7%")
    assert a == b


# -- X406: the reporting body -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "unit", "level", "dept", "places"),
    [
        ("淮安市洪泽区人民政府", "淮安市洪泽区", "区", "人民政府", ["洪泽区"]),
        ("平潭综合实验区地方税务局", "平潭综合实验区", "区", "地方税务局", ["平潭县"]),
        ("标题：三明市", "三明市", "市", "", ["三明市"]),
        ("莆田市住房和城乡建设局", "莆田市", "市", "住房和城乡建设局", ["莆田市"]),
        ("沐阳县人民政府", "沐阳县", "县", "人民政府", []),
        ("康大营镇", "康大营镇", "镇", "", []),
        ("福清市人民政府", "福清市", "市", "人民政府", ["福清市"]),
    ],
)
def test_the_reporting_body_is_read_from_its_name(name, unit, level, dept, places):
    body = parse_body(name)
    assert (body.unit, body.level, body.dept, [d.name for d in body.places]) == (
        unit,
        level,
        dept,
        places,
    )


def _residue(org: str, sentence: str, tmp_path: Path) -> list[str]:
    text = (RULES / "X404" / "good" / "hongze_2024.txt").read_text(encoding="utf-8")
    text = text.replace("淮安市洪泽区人民政府", org).replace("区政府", "本机关")
    head, _, tail = text.partition("二、主动公开政府信息情况")
    path = tmp_path / "r.txt"
    path.write_text(head + sentence + "\n二、主动公开政府信息情况" + tail, encoding="utf-8")
    results = check_paths([str(path)], Config(select=("X406",)))
    return [f.message.split("：")[0] for r in results for f in r.findings]


@pytest.mark.parametrize(
    ("org", "sentence", "found"),
    [
        ("三明市", "全县各单位认真落实。", ["“全县”与报告机关的层级不符"]),
        ("三明市", "全县（市、区）各单位认真落实。", []),
        ("三明市", "配合做好我省闽政通APP的建设。", []),
        ("沭阳县人民政府", "在全市政务公开考评中位列第一，全县政务公开水平持续提升。", []),
        ("沭阳县人民政府", "我市政务公开工作取得新进展。", []),
        ("沭阳县人民政府", "在城关镇全镇推开政务公开标准化。", []),
        ("沭阳县人民政府", "全镇政务公开工作取得新进展。", ["“全镇”与报告机关的层级不符"]),
        ("康大营镇", "本县政务公开工作取得新进展。", []),
        ("沭阳县人民政府", "我镇政务公开工作取得新进展。", ["“我镇”与报告机关的层级不符"]),
        ("莆田市科技局", "组织赴宁德市科技局学习。", []),
        (
            "莆田市科技局",
            "宁德市科技局2024年度政府信息公开工作报告如下。",
            ["“宁德市科技局”不是报告机关"],
        ),
        ("莆田市科技局", "指导仙游县科技局做好公开工作。", []),
        ("莆田市科技局", "在《莆田日报》《福建日报》开设专栏。", []),
        ("淮安市洪泽区人民政府", "在《新华日报》《光明日报》刊发政务公开经验。", []),
        (
            "淮安市洪泽区人民政府",
            "在《今日定安》刊发政务公开经验。",
            [
                "《今日定安》是海南省定安县的媒体，与报告机关淮安市洪泽区人民政府无隶属关系，疑为从其他机关的报告复制后未改"
            ],
        ),
        (
            "莆田市科技局",
            "在《宁德日报》开设专栏。",
            [
                "《宁德日报》是福建省宁德市的媒体，与报告机关莆田市科技局无隶属关系，疑为从其他机关的报告复制后未改"
            ],
        ),
    ],
)
def test_copy_residue_precision(org, sentence, found, tmp_path):
    assert _residue(org, sentence, tmp_path) == found


def test_the_cross_file_rules_are_the_ones_other_tests_name():
    from test_suppress import CROSS_FILE

    from gsilint.rules import load_rules

    assert {c for c, r in load_rules().items() if r.compare is not None} == set(CROSS_FILE)


def test_without_the_gazetteer_the_level_still_comes_from_the_name(monkeypatch):
    from gsilint import gazetteer

    for f in (gazetteer.divisions, gazetteer._by_name, gazetteer._by_short, gazetteer._longest):
        f.cache_clear()
    monkeypatch.setattr(gazetteer, "_csv_text", lambda: "")
    try:
        body = parse_body("三明市人民政府")
        assert (body.unit, body.level, body.places) == ("三明市", "市", ())
    finally:
        monkeypatch.undo()
        for f in (gazetteer.divisions, gazetteer._by_name, gazetteer._by_short, gazetteer._longest):
            f.cache_clear()
    assert parse_body("三明市人民政府").places[0].code == "350400"
