"""Baselines: --write-baseline records findings; --baseline shows only new ones, whatever moved."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner
from conftest import seed_text

from gsilint.api import check_paths
from gsilint.baseline import entries, filter_results, read_baseline
from gsilint.cli import main
from gsilint.config import Config

SECTION_3 = "三、收到和处理政府信息公开申请情况"
SECTION_5 = "五、存在的主要问题及改进情况"
SECTION_6 = "六、其他需要报告的事项"


def check(args: list[str], cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(
            main, ["check", "--isolated", "--select", "S101", "--format", "concise", *args]
        )
    finally:
        os.chdir(old)


def codes_and_lines(stdout: str) -> list[tuple[str, int]]:
    out = []
    for line in stdout.splitlines():
        path, ln, col, rest = line.split(":", 3)
        out.append((rest.split()[0], int(ln)))
    return out


def test_edits_above_keep_the_finding_baselined_and_a_new_one_shows(tmp_path):
    report = tmp_path / "reports" / "2023.txt"
    report.parent.mkdir()
    report.write_text(seed_text(3).replace(SECTION_3, "本段内容。"), encoding="utf-8")
    baseline = tmp_path / "gsilint-baseline.json"

    r = check(["--write-baseline", str(baseline), "reports"], tmp_path)
    assert r.exit_code == 0 and r.stdout == ""
    data = json.loads(baseline.read_text(encoding="utf-8"))
    [entry] = data["findings"]
    assert entry["rule"] == "S101" and entry["path"] == "reports/2023.txt" and entry["index"] == 0
    assert "line" not in entry and "四、政府信息公开行政复议" in entry["context"]

    # without the baseline the finding is there; with it, nothing
    assert codes_and_lines(check(["reports"], tmp_path).stdout) == [("S101", 90)]
    r = check(["--baseline", str(baseline), "reports"], tmp_path)
    assert (r.exit_code, r.stdout) == (0, "")

    # five lines added above the finding: it moves to line 95, still baselined
    lines = report.read_text(encoding="utf-8").split("\n")
    lines[2:2] = ["新增的一段说明。"] * 5
    report.write_text("\n".join(lines), encoding="utf-8")
    assert codes_and_lines(check(["reports"], tmp_path).stdout) == [("S101", 95)]
    r = check(["--baseline", str(baseline), "reports"], tmp_path)
    assert (r.exit_code, r.stdout) == (0, "")

    # a new problem: section 六 removed too; only it is reported
    report.write_text(
        report.read_text(encoding="utf-8").replace(SECTION_6, "本段。"), encoding="utf-8"
    )
    r = check(["--baseline", str(baseline), "reports"], tmp_path)
    assert r.exit_code == 1
    [line] = r.stdout.splitlines()
    assert "S101" in line and "其他需要报告的事项" in line


def test_paths_are_relative_to_the_baseline_not_the_working_directory(tmp_path):
    repo = tmp_path / "repo"
    (repo / "reports").mkdir(parents=True)
    (repo / "reports" / "a.txt").write_text(
        seed_text(3).replace(SECTION_3, "本段内容。"), encoding="utf-8"
    )
    baseline = repo / "baseline.json"
    assert check(["--write-baseline", "baseline.json", "reports/a.txt"], repo).exit_code == 0
    # run from the parent directory, naming the file differently: still the same finding
    r = check(["--baseline", str(baseline), "repo/reports/a.txt"], tmp_path)
    assert (r.exit_code, r.stdout) == (0, "")
    r = check(["--baseline", str(baseline), str(repo / "reports" / "a.txt")], Path("/"))
    assert (r.exit_code, r.stdout) == (0, "")


def test_identical_findings_are_counted(tmp_path):
    # sections 五 and 六 missing: two S101 at the same place with the same context
    report = tmp_path / "r.txt"
    report.write_text(
        seed_text(3).replace(SECTION_5, "本段。").replace(SECTION_6, "本段。"), encoding="utf-8"
    )
    findings = check_paths([str(report)], Config(select=("S101",)))[0].findings
    assert len(findings) == 2 and findings[0].context == findings[1].context
    es = entries(findings, str(tmp_path))
    assert [e.index for e in es] == [0, 1] and es[0].fingerprint != es[1].fingerprint

    baseline = tmp_path / "b.json"
    assert check(["--write-baseline", str(baseline), str(report)], tmp_path).exit_code == 0
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["findings"]) == 2
    # 四 removed as well: three findings of which two are in the baseline
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            "四、政府信息公开行政复议、行政诉讼情况", "本段。"
        ),
        encoding="utf-8",
    )
    results = check_paths([str(report)], Config(select=("S101",)))
    assert len(results[0].findings) == 3
    assert filter_results(results, read_baseline(str(baseline))) == 2
    assert len(results[0].findings) == 1


def test_write_baseline_records_all_rules_and_files(tmp_path):
    for n in (0, 3):
        (tmp_path / f"{n}.txt").write_text(seed_text(n), encoding="utf-8")
    baseline = tmp_path / "b.json"
    r = CliRunner().invoke(
        main, ["check", "--isolated", "--write-baseline", str(baseline), str(tmp_path)]
    )
    assert r.exit_code == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    everything = [f for res in check_paths([str(tmp_path)], Config()) for f in res.findings]
    assert len(data["findings"]) == len(everything) > 0
    assert f"{len(everything)} findings recorded" in r.output
    assert {e["path"] for e in data["findings"]} == {"0.txt", "3.txt"}
    r = CliRunner().invoke(
        main,
        ["check", "--isolated", "--format", "concise", "--baseline", str(baseline), str(tmp_path)],
    )
    assert (r.exit_code, r.stdout) == (0, "")


def test_bad_baseline_is_a_usage_error(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(seed_text(3), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = check(["--baseline", str(bad), str(report)], tmp_path)
    assert r.exit_code == 2 and "not a gsilint baseline" in r.output and "Traceback" not in r.output
    other = tmp_path / "other.json"
    other.write_text('{"version": 2}', encoding="utf-8")
    assert check(["--baseline", str(other), str(report)], tmp_path).exit_code == 2
    r = check(["--baseline", str(tmp_path / "missing.json"), str(report)], tmp_path)
    assert r.exit_code == 2 and "cannot read the baseline" in r.output
    r = check(["--write-baseline", str(tmp_path / "no" / "dir" / "b.json"), str(report)], tmp_path)
    assert r.exit_code == 2 and "cannot write the baseline" in r.output
