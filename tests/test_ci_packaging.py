"""CI packaging.

The pre-commit hook run by pre-commit itself, the README's config example, the workflow file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import seed_text

from gsilint.config_file import load_file

REPO = Path(__file__).parent.parent


def test_readme_configuration_example_is_valid(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Configuration and suppressions.*?```toml\n(.*?)```", readme, re.S).group(
        1
    )
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "fujian.toml").write_text(
        '[[section]]\nkey = "x"\ntitle = "附件"\n', encoding="utf-8"
    )
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    values = load_file(tmp_path / "pyproject.toml")
    assert values["select"] == ("S", "A", "X") and values["deadline"] == "01-31"
    assert values["per_file_ignores"] == {"archive/2010/*.txt": ("S1",)}


def test_workflow_example_checks_and_uploads_sarif():
    yaml = pytest.importorskip("yaml")
    wf = yaml.safe_load((REPO / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = wf["jobs"]["lint"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "gsilint check" in runs and "--format sarif --output gsilint.sarif" in runs
    upload = next(
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    )
    assert upload["with"]["sarif_file"] == "gsilint.sarif" and upload["if"] == "always()"
    assert wf["permissions"]["security-events"] == "write"


def test_pre_commit_manifest_is_valid():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    [hook] = clientlib.load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "gsilint" and hook["entry"] == "gsilint check"
    files = re.compile(hook["files"])
    assert all(files.search(f"a/r{ext}") for ext in (".txt", ".md", ".html", ".docx"))
    assert not files.search("notes.csv") and not files.search("r.txt.bak")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_runs_the_hook_on_a_report_repository(tmp_path):
    """pre-commit installs gsilint from this repository and runs the hook.

    (It installs from the package index.)
    """
    pytest.importorskip("pre_commit")
    work = tmp_path / "reports-repo"
    (work / "reports").mkdir(parents=True)
    (work / "reports" / "bad.txt").write_text(
        seed_text(3).replace("三、收到和处理政府信息公开申请情况", "本段。"), encoding="utf-8"
    )
    (work / "reports" / "ok.md").write_text(seed_text(3), encoding="utf-8")
    (work / "notes.csv").write_bytes(b"\x00\x01 not a report")
    (work / "gsilint.toml").write_text('select = ["S101"]\n', encoding="utf-8")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pc-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "init", "-q"], cwd=work, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=work, check=True, env=env)
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "gsilint", "--all-files"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    out = proc.stdout + proc.stderr
    if "Could not find a version" in out or "Failed to establish a new connection" in out:
        pytest.skip("package index unreachable")
    assert proc.returncode == 1, out
    assert "reports/bad.txt:" in out and "S101" in out and "收到和处理政府信息公开申请情况" in out
    assert "ok.md:" not in out and "notes.csv" not in out
