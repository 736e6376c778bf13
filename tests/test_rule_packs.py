"""Rule packs are checked like the config (unknown keys, did you mean) and carry word lists."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import lint

from gsilint.cli import main
from gsilint.config_file import ConfigError, load_file
from gsilint.rule_packs import PackError, read_pack, word_rules

GOOD = """name = "宿迁市用词"
templates = ["2021"]
[[section]]
key = "assessment"
title = "工作考核情况"
after = "problems"
[[substitute]]
from = "沐阳"
to = "沭阳"
[[forbid]]
word = "XX局"
"""


@pytest.mark.parametrize(
    ("pack", "says"),
    [
        (
            '[[section]]\nkey = "a"\ntitle = "b"\nkeywrods = [["x"]]\n',
            "unknown key 'keywrods'; did you mean 'keywords'?",
        ),
        ('[[section]]\nkey = "a"\ntitle = "b"\nafer = "problems"\n', "did you mean 'after'?"),
        ('templats = ["2021"]\n', "unknown key 'templats'; did you mean 'templates'?"),
        ('templates = ["2022"]\n', "no template '2022'; did you mean '2021'?"),
        ("[[section]]\nkey = 'a'\n", "needs a string 'title'"),
        ('[[substitute]]\nfrom = "a"\n', "needs 'from' (a word or a list) and a string 'to'"),
        ('[[forbid]]\nmessage = "m"\n', "needs 'word' or 'words'"),
        ('[[forbid]]\nword = "a"\nseverity = "fatal"\n', "severity must be error, warning or info"),
        ("section = 3\n", "'section' must be an array of tables"),
        ("name = \n", "is not valid TOML"),
    ],
)
def test_a_mistake_in_a_pack_is_named_with_its_key(tmp_path, pack, says):
    path = tmp_path / "pack.toml"
    path.write_text(pack, encoding="utf-8")
    with pytest.raises(PackError) as err:
        read_pack(path)
    assert says in str(err.value) and str(path) in str(err.value)


def test_a_good_pack_reads(tmp_path):
    path = tmp_path / "pack.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert read_pack(path)["name"] == "宿迁市用词"
    rules = word_rules((str(path),))
    assert [(r.words, r.replacement) for r in rules] == [(("沐阳",), "沭阳"), (("XX局",), None)]


def test_config_refuses_a_bad_pack_with_exit_2(tmp_path):
    (tmp_path / "pack.toml").write_text('templats = ["2021"]\n', encoding="utf-8")
    (tmp_path / "gsilint.toml").write_text('rule-packs = ["pack.toml"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_file(tmp_path / "gsilint.toml")
    assert "did you mean 'templates'?" in str(err.value)
    (tmp_path / "r.txt").write_text("某报告\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path / "r.txt")])
    assert r.exit_code == 2 and "did you mean 'templates'?" in r.output


def test_cli_refuses_a_bad_pack_with_exit_2(tmp_path):
    (tmp_path / "pack.toml").write_text('[[forbid]]\nwrod = "x"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text("某报告\n", encoding="utf-8")
    r = CliRunner().invoke(
        main,
        [
            "check",
            "--isolated",
            "--rule-pack",
            str(tmp_path / "pack.toml"),
            str(tmp_path / "r.txt"),
        ],
    )
    assert r.exit_code == 2 and "unknown key 'wrod'; did you mean 'word'?" in r.output
    assert "Traceback" not in r.output


def test_substitution_is_fixed_and_a_fixed_text_is_clean(tmp_path):
    pack = tmp_path / "pack.toml"
    pack.write_text('[[substitute]]\nfrom = "公开"\nto = "政务公开"\n', encoding="utf-8")
    text = "一、总体情况\n本镇推进公开工作，政务公开平台运行平稳。\n"
    [f] = lint(text, select="T509", rule_packs=(str(pack),))
    assert (f.line, f.column) == (2, 5) and f.fix is not None
    fixed = text.replace("推进公开", "推进政务公开")
    assert lint(fixed, select="T509", rule_packs=(str(pack),)) == []
