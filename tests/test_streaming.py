"""--format jsonl streams: each file's lines as it is done, in file order; cross-file ones last."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_text_table import _year_report

import gsilint.parallel
from gsilint.cli import main
from gsilint.config import Config
from gsilint.parallel import check_files
from gsilint.rules import load_rules

SEEDS = sorted((Path(__file__).parent / "fixtures" / "seeds").glob("*.txt"))[:5]


@pytest.fixture
def reports(tmp_path, monkeypatch):
    for seed in SEEDS:
        shutil.copy(seed, tmp_path)
    (tmp_path / "x_2021.txt").write_text(
        _year_report(2021, new=3, granted=1, forward=2), encoding="utf-8"
    )
    (tmp_path / "y_2022.txt").write_text(
        _year_report(2022, new=0, carried=1, granted=1), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return sorted(str(p.name) for p in tmp_path.glob("*.txt"))


def test_each_result_is_emitted_before_the_next_file_is_linted(reports, monkeypatch):
    events: list[tuple[str, str]] = []
    real = gsilint.parallel.check_file

    def linting(path, config, fix=None):
        events.append(("lint", path))
        return real(path, config, fix)

    monkeypatch.setattr(gsilint.parallel, "check_file", linting)
    items = [(p, Config()) for p in reports]
    check_files(items, jobs=1, emit=lambda r: events.append(("emit", r.path)))
    assert events == [(kind, p) for p in reports for kind in ("lint", "emit")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_emitted_in_file_order_before_the_cross_file_phase(reports, jobs):
    emitted: list[tuple[str, list[str]]] = []
    items = [(p, Config()) for p in reports]
    results = check_files(
        items, jobs=jobs, emit=lambda r: emitted.append((r.path, [f.code for f in r.findings]))
    )
    assert [path for path, _ in emitted] == reports
    codes = dict(emitted)
    assert all("X403" not in c for c in codes.values())
    assert "X403" in [f.code for r in results for f in r.findings]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_holds_the_json_findings_with_cross_file_ones_last(reports, jobs):
    def run(fmt):
        r = CliRunner().invoke(main, ["check", ".", "--no-cache", "-j", jobs, "--format", fmt])
        assert r.exit_code == 1, r.output
        return r.output

    lines = [json.loads(line) for line in run("jsonl").splitlines()]
    items = json.loads(run("json"))
    key = json.dumps
    assert sorted(map(key, lines)) == sorted(map(key, items))
    # the cross-file rules' findings (X403 and the other cross-year rules) come last
    cross_codes = {code for code, r in load_rules().items() if r.compare is not None}
    x403 = [i for i, d in enumerate(lines) if d["code"] in cross_codes]
    assert x403 and x403 == list(range(len(lines) - len(x403), len(lines)))
    own = [d["file"] for d in lines if d["code"] not in cross_codes]
    assert own == sorted(own)
