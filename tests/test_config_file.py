"""Configuration files: discovery, every key, validation errors, and flags winning over the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import seed_text

from gsilint.cli import main
from gsilint.config import Config
from gsilint.config_file import ConfigError, ConfigResolver, load_file, merge
from gsilint.findings import Severity

SECTION_3 = "三、收到和处理政府信息公开申请情况"


def bad_report() -> str:
    """Seed 3 without section 三: S101 (error) and S103 (the numbering skips 三) at line 90.

    Seed 3 has other real findings too, so every test selects the rules it looks at.
    """
    return seed_text(3).replace(SECTION_3, "本段内容。")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(args: list[str], cwd: Path | None = None):
    runner = CliRunner()
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return runner.invoke(main, ["check", "--format", "concise", *args])
    finally:
        os.chdir(old)


@pytest.fixture
def repo(tmp_path):
    """tmp/repo/reports/2023/r.txt with one S101 finding."""
    report = write(tmp_path / "repo" / "reports" / "2023" / "r.txt", bad_report())
    return tmp_path / "repo", report


# -- discovery ---------------------------------------------------------------


def test_no_config_reports_the_finding(repo):
    root, report = repo
    r = run(["--select", "S101,S103", str(report)])
    assert r.exit_code == 1
    assert [line.split(": ", 1)[1][:4] for line in r.stdout.splitlines()] == ["S101", "S103"]


def test_gsilint_toml_found_walking_up(repo):
    root, report = repo
    write(root / "gsilint.toml", 'select = ["S101", "S103"]\nignore = ["S101"]\n')
    r = run([str(report)])
    assert r.exit_code == 1
    assert [line.split(": ", 1)[1][:4] for line in r.stdout.splitlines()] == ["S103"]


def test_pyproject_table_found_and_pyproject_without_table_skipped(repo):
    root, report = repo
    write(root / "pyproject.toml", '[tool.gsilint]\nselect = ["S101", "S103"]\nignore = ["S1"]\n')
    write(
        root / "reports" / "pyproject.toml", '[project]\nname = "x"\n'
    )  # no [tool.gsilint]: keep walking
    r = run([str(report)])
    assert (r.exit_code, r.stdout) == (0, "")


def test_nearest_config_wins_and_gsilint_toml_before_pyproject(repo):
    root, report = repo
    write(root / "gsilint.toml", 'ignore = ["S101"]\n')
    write(root / "reports" / "gsilint.toml", 'lang = "en"\n')  # nearer, does not ignore S101
    write(
        root / "reports" / "pyproject.toml", '[tool.gsilint]\nignore = ["S101"]\n'
    )  # same dir: gsilint.toml wins
    r = run([str(report)])
    assert r.exit_code == 1
    assert "S101 [error] missing section '收到和处理政府信息公开申请情况'" in r.stdout


def test_each_file_gets_its_own_config(tmp_path):
    a = write(tmp_path / "a" / "r.txt", bad_report())
    b = write(tmp_path / "b" / "r.txt", bad_report())
    write(tmp_path / "a" / "gsilint.toml", 'select = ["S101"]\nignore = ["S101"]\n')
    write(tmp_path / "b" / "gsilint.toml", 'select = ["S101"]\n')
    r = run([str(a), str(b)])
    assert r.exit_code == 1
    assert [line.split(":")[0] for line in r.stdout.splitlines()] == [str(b)]


def test_resolver_caches_per_directory(tmp_path, monkeypatch):
    write(tmp_path / "gsilint.toml", 'lang = "en"\n')
    resolver = ConfigResolver()
    calls = []
    import gsilint.config_file as cf

    real = cf._config_in
    monkeypatch.setattr(cf, "_config_in", lambda d: calls.append(d) or real(d))
    c1 = resolver.for_path(str(tmp_path / "x" / "y" / "1.txt"))
    n = len(calls)
    c2 = resolver.for_path(str(tmp_path / "x" / "y" / "2.txt"))
    c3 = resolver.for_path(str(tmp_path / "x" / "3.txt"))
    assert len(calls) == n == 3  # y, x, tmp: each directory looked at once
    assert c1 is c2 is c3 and c1.lang == "en"


def test_config_option_forces_a_file_and_isolated_ignores_files(repo, tmp_path):
    root, report = repo
    write(root / "gsilint.toml", 'ignore = ["S101"]\n')
    other = write(tmp_path / "elsewhere.toml", 'lang = "en"\n')
    r = run(["--config", str(other), str(report)])
    assert r.exit_code == 1 and "missing section" in r.stdout
    r = run(["--isolated", str(report)])
    assert r.exit_code == 1 and "缺少栏目" in r.stdout
    r = run(["--config", str(tmp_path / "missing.toml"), str(report)])
    assert r.exit_code == 2 and "configuration file not found" in r.output


# -- keys ---------------------------------------------------------------------


def test_every_key_is_read(tmp_path):
    write(tmp_path / "packs" / "extra.toml", '[[section]]\nkey = "x"\ntitle = "附件"\n')
    cfg = write(
        tmp_path / "pyproject.toml",
        """
[tool.gsilint]
select = ["S", "E"]
extend-select = ["E004"]
ignore = "E002"
fail-on = "warning"
template = "2021"
lang = "en"
deadline = "03-31"
rule-packs = ["packs/extra.toml"]
encoding = "gb18030"

[tool.gsilint.per-file-ignores]
"drafts/*.txt" = ["S101"]

[tool.gsilint.severity]
S1 = "warning"
S101 = "info"
""",
    )
    values = load_file(cfg)
    c = merge(values, {})
    assert c.select == ("S", "E") and c.extend_select == ("E004",) and c.ignore == ("E002",)
    assert c.fail_on is Severity.WARNING and c.template == "2021" and c.lang == "en"
    assert c.deadline == "03-31" and c.encoding == "gb18030"
    assert c.rule_packs == (str((tmp_path / "packs" / "extra.toml").resolve()),)
    assert c.per_file_ignores == {"drafts/*.txt": ("S101",)}
    assert c.severity == {"S1": Severity.WARNING, "S101": Severity.INFO}
    assert c.config_file == str(cfg) and c.root == str(tmp_path.resolve())
    with pytest.raises(Exception):
        c.lang = "zh"  # frozen


def test_severity_override_and_fail_on_from_file(repo):
    root, report = repo
    write(root / "gsilint.toml", 'select = ["S101"]\n[severity]\nS101 = "warning"\n')
    r = run([str(report)])
    assert r.exit_code == 0 and "S101 [warning]" in r.stdout
    write(
        root / "gsilint.toml",
        'select = ["S101"]\nfail-on = "warning"\n[severity]\nS101 = "warning"\n',
    )
    assert run([str(report)]).exit_code == 1


def test_per_file_ignores_relative_to_the_config_file(tmp_path):
    write(
        tmp_path / "repo" / "gsilint.toml",
        'select = ["S101"]\n[per-file-ignores]\n"drafts/*.txt" = ["S101"]\n',
    )
    draft = write(tmp_path / "repo" / "drafts" / "d.txt", bad_report())
    final = write(tmp_path / "repo" / "final" / "d.txt", bad_report())
    r = run([str(draft), str(final)], cwd=tmp_path)  # paths given from outside the repo
    assert r.exit_code == 1
    assert [line.split(":")[0] for line in r.stdout.splitlines()] == [str(final)]


def test_rule_pack_relative_to_the_config_file(tmp_path):
    write(
        tmp_path / "repo" / "packs" / "fj.toml", '[[section]]\nkey = "annex"\ntitle = "附件说明"\n'
    )
    write(tmp_path / "repo" / "gsilint.toml", 'rule-packs = ["packs/fj.toml"]\nselect = ["S101"]\n')
    report = write(tmp_path / "repo" / "r.txt", seed_text(3))
    r = run([str(report)], cwd=tmp_path)
    assert r.exit_code == 1
    assert "缺少栏目“附件说明”" in r.stdout


def test_template_and_deadline_keys_reach_the_config(tmp_path):
    write(tmp_path / "gsilint.toml", 'template = "2008"\ndeadline = "01-31"\n')
    c = ConfigResolver().for_path(str(tmp_path / "r.txt"))
    assert (c.template, c.deadline) == ("2008", "01-31")


# -- errors -------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, message",
    [
        ('selectt = ["S1"]\n', "unknown key 'selectt' (did you mean 'select'?)"),
        ('colour = "red"\n', "unknown key 'colour'"),
        ('fail-on = "fatal"\n', "'fail-on' must be one of error, warning, info"),
        ('select = ["Q9"]\n', "'select': no rule code or prefix matches 'Q9'"),
        ('select = "S1"\nlang = "fr"\n', "'lang' must be one of zh, en"),
        ("template = 2020\n", "'template' must be one of auto, 2008, 2019, 2021"),
        ('deadline = "3-31"\n', "'deadline' must be a month and day \"MM-DD\""),
        ('deadline = "02-30"\n', "'deadline' must be a month and day"),
        ('rule-packs = ["nope.toml"]\n', "'rule-packs': cannot read nope.toml"),
        ('encoding = "klingon"\n', "'encoding': unknown encoding 'klingon'"),
        ('[severity]\nS101 = "fatal"\n', "'severity.S101' must be one of error, warning, info"),
        ('per-file-ignores = ["x"]\n', "'per-file-ignores' must be a table"),
        ("select = [\n", "invalid TOML"),
        ('lang = "\udcff\udcfe"\n', "not UTF-8 text"),
        ("encoding = 5\n", "'encoding': unknown encoding 5"),
    ],
)
def test_bad_config_exits_2_naming_the_problem(repo, content, message):
    root, report = repo
    cfg = root / "gsilint.toml"
    cfg.write_bytes(content.encode("utf-8", "surrogateescape"))
    r = run([str(report)])
    assert r.exit_code == 2, r.output
    assert str(cfg) in r.output and message in r.output
    assert "Traceback" not in r.output and r.stdout == ""


def test_unknown_key_in_pyproject_names_the_table(repo):
    root, report = repo
    write(root / "pyproject.toml", '[tool.gsilint]\nignored = ["S1"]\n')
    r = run([str(report)])
    assert r.exit_code == 2
    assert (
        "pyproject.toml: [tool.gsilint]: unknown key 'ignored' (did you mean 'ignore'?)" in r.output
    )


def test_config_error_raised_by_api():
    with pytest.raises(ConfigError):
        load_file("/nonexistent/gsilint.toml")


# -- flags win ----------------------------------------------------------------


def test_only_flags_given_override_the_file(repo):
    root, report = repo
    write(
        root / "gsilint.toml",
        'select = ["S101"]\nlang = "en"\nfail-on = "info"\n[severity]\nS101 = "warning"\n',
    )
    r = run([str(report)])  # defaults of --lang/--fail-on do not override the file
    assert r.exit_code == 1 and "missing section" in r.stdout
    r = run(["--lang", "zh", "--fail-on", "error", str(report)])
    assert r.exit_code == 0 and "缺少栏目" in r.stdout


def test_select_flag_replaces_the_files_selection(repo):
    root, report = repo
    write(root / "gsilint.toml", 'select = ["E"]\nignore = ["S101"]\n')
    assert run([str(report)]).stdout == ""
    r = run(["--select", "S101", str(report)])
    assert r.exit_code == 1 and "S101" in r.stdout


def test_ignore_and_extend_select_flags_add_to_the_files():
    file_values = {"select": ("E",), "extend_select": ("S1",), "ignore": ("E004",)}
    c = merge(file_values, {"ignore": ("E002",), "extend_select": ("S101",)})
    assert c.select == ("E",) and c.extend_select == ("S1", "S101") and c.ignore == ("E004", "E002")
    c = merge(file_values, {"select": ("S",)})
    assert (c.select, c.extend_select, c.ignore) == (("S",), (), ())
    c = merge({"lang": "en", "year": None}, {"lang": "zh", "year": 2023})
    assert (c.lang, c.year) == ("zh", 2023)
    assert merge({}, {}) == Config()


def test_ignore_flag_adds_to_file_ignore(repo):
    root, report = repo
    write(root / "gsilint.toml", 'select = ["S101", "E004"]\nignore = ["E004"]\n')
    assert run([str(report)]).exit_code == 1
    r = run(["--ignore", "S101", str(report)])
    assert (r.exit_code, r.stdout) == (0, "")


def test_bad_code_flag_is_a_usage_error(repo):
    root, report = repo
    r = run(["--select", "Q1", str(report)])
    assert r.exit_code == 2 and "no rule code or prefix matches 'Q1'" in r.output


def test_inspect_reads_the_config_file_and_flags_win(tmp_path):
    report = write(tmp_path / "r.txt", seed_text(3))
    write(tmp_path / "gsilint.toml", 'template = "2008"\n')
    import json

    def template_of(args):
        r = CliRunner().invoke(main, ["inspect", "--format", "json", *args, str(report)])
        assert r.exit_code == 0, r.output
        return json.loads(r.stdout)["facts"]["template"]

    assert "2008" in json.dumps(template_of([]), ensure_ascii=False)
    assert "2021" in json.dumps(template_of(["--template", "2021"]), ensure_ascii=False)
    assert "2008" not in json.dumps(template_of(["--isolated"]), ensure_ascii=False)
    write(tmp_path / "gsilint.toml", 'templat = "2008"\n')
    r = CliRunner().invoke(main, ["inspect", str(report)])
    assert r.exit_code == 2 and "unknown key 'templat'" in r.output


def test_deadline_key_reaches_the_late_publication_rule(tmp_path):
    """Seed 1 is signed in time for the law.

    An earlier deadline in gsilint.toml makes it late (Y203).
    """
    report = write(tmp_path / "r.txt", seed_text(1))
    r = run(["--select", "Y203", str(report)])
    assert (r.exit_code, r.stdout) == (0, "")
    write(tmp_path / "gsilint.toml", 'select = ["Y203"]\ndeadline = "01-05"\n')
    r = run([str(report)])
    assert r.exit_code == 0  # Y203 is a warning
    [line] = r.stdout.splitlines()
    assert ":34:1: Y203 [warning]" in line and "配置的期限" in line
