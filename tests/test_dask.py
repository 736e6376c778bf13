"""--dask-scheduler / --dask-local: the same output as a local run (needs gsilint[dask])."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_text_table import _year_report

from gsilint.cli import main

distributed = pytest.importorskip(
    "distributed", reason="Dask is not installed (pip install 'gsilint[dask]')"
)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


@pytest.fixture
def reports(tmp_path, monkeypatch):
    for seed in sorted((FIXTURES / "seeds").glob("*.txt"))[:6]:
        shutil.copy(seed, tmp_path)
    shutil.copy(sorted((FIXTURES / "html").glob("*.html"))[0], tmp_path)
    (tmp_path / "x_2021.txt").write_text(
        _year_report(2021, new=3, granted=1, forward=2), encoding="utf-8"
    )
    (tmp_path / "y_2022.txt").write_text(
        _year_report(2022, new=0, carried=1, granted=1), encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> str:
    r = CliRunner().invoke(main, ["check", ".", "--no-cache", "--fail-on", "info", *args])
    assert r.exit_code == 1, r.output
    return r.output


@pytest.mark.parametrize("fmt", ["json", "text", "jsonl"])
def test_a_dask_cluster_writes_what_one_job_writes(cluster, reports, fmt):
    local = run("--jobs", "1", "--format", fmt)
    assert run("--dask-scheduler", cluster.scheduler_address, "--format", fmt) == local
    assert "X403" in local and "E001" in local


def test_a_local_dask_cluster_writes_what_one_job_writes(reports):
    assert run("--dask-local", "2", "--format", "json") == run("--jobs", "1", "--format", "json")
