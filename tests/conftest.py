"""Shared fixtures: the seed reports and a helper to lint text."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The tests (and the gsilint processes they start) keep their start-up cache apart from
# the user's; tests/test_startup_cache.py tests the cache itself.
os.environ.setdefault(
    "GSILINT_STARTUP_CACHE", os.path.join(tempfile.gettempdir(), "gsilint-tests-startup-cache")
)

from gsilint import Config, lint_text  # noqa: E402 - after the cache is placed

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"


def _shared_corpus() -> Path:
    """The shared corpus of real reports: ``$GSILINT_CORPUS``, else ``../shared/corpus`` next
    to the checkout, else ``/work/shared/corpus`` (where this project's machines keep it)."""
    if os.environ.get("GSILINT_CORPUS"):
        return Path(os.environ["GSILINT_CORPUS"])
    beside = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    return beside if beside.is_dir() else Path("/work/shared/corpus")


#: the shared corpus (tests that read it skip when it is absent)
CORPUS = _shared_corpus()
#: its real reports
REAL = CORPUS / "real"
needs_corpus = pytest.mark.skipif(not REAL.is_dir(), reason=f"no shared corpus at {CORPUS}")

#: The six statutory headings of the 2019/2021 national format, in order.
HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def seed_path(n: int) -> Path:
    return next(SEEDS.glob(f"{n:03d}_*.txt"))


def seed_text(n: int) -> str:
    return seed_path(n).read_text(encoding="utf-8")


def lint(text: str, select: str | None = None, **cfg) -> list:
    config = Config(select=tuple(select.split(",")) if select else (), **cfg)
    return lint_text(text, "t.txt", config)


def brief(findings) -> list[tuple[str, int, int]]:
    """(code, line, column) of each finding — what most rule tests assert."""
    return [(f.code, f.line, f.column) for f in findings]


@pytest.fixture
def seed():
    return seed_text


def e001_message(tmp_path: Path, name: str, data: bytes) -> str:
    """Check a file of ``data`` named ``name``: it must get one E001 at 1:1; its message."""
    from gsilint.api import check_paths

    p = tmp_path / name
    p.write_bytes(data)
    [result] = check_paths([str(p)], Config())
    assert [(f.code, f.line, f.column) for f in result.findings] == [("E001", 1, 1)], (
        result.findings
    )
    return result.findings[0].message
