"""SARIF, GitHub, LSP and JSONL writers: exact positions, escaping, schema validity."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import seed_text
from output_helpers import TEXT, crlf_result

from gsilint import Config
from gsilint.api import lint_text
from gsilint.output import OutputOptions, load_formats
from gsilint.output.github import escape_data, escape_property
from gsilint.output.lsp import diagnostic
from gsilint.run import FileResult
from gsilint.sources import source_from_text

SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def render(fmt: str, results, **opts) -> str:
    out = io.StringIO()
    load_formats()[fmt](results, out, OutputOptions(**opts))
    return out.getvalue()


def seed3_without(heading: str, path: str = "reports/r.txt", prefix: str = "") -> FileResult:
    text = seed_text(3).replace(heading, "本段。")
    if prefix:
        first, rest = text.split("\n", 1)
        text = first + "\n" + prefix + rest
    source = source_from_text(text, path)
    from gsilint.engine import lint_source

    return FileResult(path, lint_source(source, Config(select=("S101",))), source)


# --- SARIF ---------------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema():
    log = json.loads(render("sarif", [crlf_result(), seed3_without("六、其他需要报告的事项")]))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["ruleId"] for r in run["results"]] == ["S101", "S101", "S101"]


def test_sarif_positions_are_one_based_code_points():
    run = json.loads(render("sarif", [crlf_result()]))["runs"][0]
    first = run["results"][0]
    loc = first["locations"][0]["physicalLocation"]
    # "12" after 𠮷𠮷本年收到申请 (8 code points) on line 3
    assert loc["region"] == {"startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 11}
    assert loc["artifactLocation"] == {"uri": "reports/a.txt", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    [rel] = first["relatedLocations"]
    assert rel["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 15,
        "endLine": 3,
        "endColumn": 17,
    }
    assert rel["message"]["text"] == "办结数 11"
    assert first["level"] == "error"
    assert run["results"][1]["level"] == "warning"
    fix = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["deletedRegion"] == {
        "startLine": 3,
        "startColumn": 15,
        "endLine": 3,
        "endColumn": 17,
    }
    assert fix["insertedContent"]["text"] == "12"


def test_sarif_rules_carry_help_and_indexes_match():
    run = json.loads(render("sarif", [crlf_result()]))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids) and "S101" in ids
    result = run["results"][0]
    s101 = rules[result["ruleIndex"]]
    assert s101["id"] == "S101" and s101["name"] == "missing-section"
    assert s101["shortDescription"]["text"] == "缺少模板要求的栏目"
    assert "六个栏目" in s101["help"]["text"] and "six sections" in s101["help"]["text"]
    assert s101["helpUri"].endswith("/docs/rules/S101.md")
    assert s101["defaultConfiguration"]["level"] == "error"


def test_sarif_absolute_path_outside_cwd_is_a_file_uri(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = crlf_result(path="/elsewhere/报告 一.txt")
    run = json.loads(render("sarif", [result]))["runs"][0]
    art = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert art == {"uri": "file:///elsewhere/%E6%8A%A5%E5%91%8A%20%E4%B8%80.txt"}
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads(render("sarif", [result])))


def test_sarif_fingerprints_survive_lines_added_above():
    before = json.loads(render("sarif", [seed3_without("五、存在的主要问题及改进情况")]))["runs"][
        0
    ]["results"]
    after = json.loads(
        render(
            "sarif",
            [seed3_without("五、存在的主要问题及改进情况", prefix="新增一行。\n新增两行。\n")],
        )
    )
    after = after["runs"][0]["results"]
    assert len(before) == len(after) == 1
    assert after[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == (
        before[0]["locations"][0]["physicalLocation"]["region"]["startLine"] + 2
    )
    assert after[0]["partialFingerprints"] == before[0]["partialFingerprints"]
    # another file, or another rule's finding, gets another fingerprint
    other = json.loads(
        render("sarif", [seed3_without("五、存在的主要问题及改进情况", path="reports/s.txt")])
    )
    assert other["runs"][0]["results"][0]["partialFingerprints"] != before[0]["partialFingerprints"]


def test_sarif_fingerprint_ignores_line_ending_style():
    crlf = json.loads(render("sarif", [crlf_result()]))["runs"][0]["results"]
    lf = json.loads(render("sarif", [crlf_result(text=TEXT.replace("\r\n", "\n"))]))["runs"][0][
        "results"
    ]
    assert [r["partialFingerprints"] for r in lf] == [r["partialFingerprints"] for r in crlf]
    assert len({r["partialFingerprints"]["gsilint/v1"] for r in crlf}) == 2


def test_sarif_of_an_empty_run_is_valid():
    log = json.loads(render("sarif", []))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []


# --- GitHub annotations ----------------------------------------------------------------


def test_github_escaping_rules():
    assert escape_data("50%\r\nx: a,b") == "50%25%0D%0Ax: a,b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_github_annotation_lines():
    out = render(
        "github", [crlf_result(path="reports/a,b:c%.txt", message="比例50%，\n第二行: 说明")]
    )
    lines = out.splitlines()
    assert lines[0] == (
        "::error file=reports/a%2Cb%3Ac%25.txt,line=3,col=9,endLine=3,endColumn=11,title=S101::"
        "比例50%25，%0A第二行: 说明%0A  ↳ 3:15 办结数 11%0A[S101 missing-section]"
    )
    assert lines[1].startswith(
        "::warning file=reports/a%2Cb%3Ac%25.txt,line=4,col=1,endLine=4,endColumn=1,title=S101::"
    )
    assert lines[2] == "gsilint：共检查 1 个文件，1 个有问题，发现 2 处：错误 1，警告 1，提示 0"
    assert len(lines) == 3


def test_github_info_is_a_notice_and_step_summary_is_written(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    r = lint_text("只有一段文字，没有任何标题。\n", "x.txt")
    result = FileResult("x.txt", r)
    out = render("github", [result], lang="en")
    assert out.splitlines()[0].startswith("::error file=x.txt,line=1,col=1,")
    assert "title=E002::" in out
    assert (
        out.splitlines()[-1]
        == "gsilint: 1 finding(s) in 1 of 1 file(s): 1 error(s), 0 warning(s), 0 info"
    )
    assert "| E002 | parse-error | 1 |" in summary.read_text(encoding="utf-8")
    from dataclasses import replace

    info = replace(r[0], severity=r[0].severity.__class__.INFO)
    assert render("github", [FileResult("x.txt", [info])]).startswith("::notice file=x.txt,")


# --- LSP diagnostics ------------------------------------------------------------------


def test_lsp_ranges_in_utf16_with_crlf_and_astral_characters():
    [item] = json.loads(render("lsp", [crlf_result()]))
    assert item["uri"].startswith("file:///") and item["uri"].endswith("/reports/a.txt")
    first, second = item["diagnostics"]
    # 0-based line 2; 𠮷𠮷 count 2 UTF-16 units each: "12" starts at 2*2+6 = 10
    assert first["range"] == {
        "start": {"line": 2, "character": 10},
        "end": {"line": 2, "character": 12},
    }
    assert first["severity"] == 1 and second["severity"] == 2
    assert first["code"] == "S101" and first["source"] == "gsilint"
    assert first["codeDescription"]["href"].endswith("/docs/rules/S101.md")
    [rel] = first["relatedInformation"]
    assert rel["location"] == {
        "uri": item["uri"],
        "range": {"start": {"line": 2, "character": 16}, "end": {"line": 2, "character": 18}},
    }
    assert rel["message"] == "办结数 11"
    # a zero-width finding at the start of line 4 (after a CRLF): line 3, character 0
    assert second["range"] == {
        "start": {"line": 3, "character": 0},
        "end": {"line": 3, "character": 0},
    }


@pytest.mark.parametrize(
    "encoding,start,end", [("utf-16", 10, 12), ("utf-32", 8, 10), ("utf-8", 26, 28)]
)
def test_lsp_position_encodings(encoding, start, end):
    r = crlf_result()
    d = diagnostic(r.findings[0], r.source.index, "file:///a.txt", encoding)
    assert d["range"]["start"] == {"line": 2, "character": start}
    assert d["range"]["end"] == {"line": 2, "character": end}


def test_lsp_severity_information_and_files_without_findings():
    from dataclasses import replace

    from gsilint.findings import Severity

    r = crlf_result()
    info = FileResult(r.path, [replace(r.findings[0], severity=Severity.INFO)], r.source)
    clean = FileResult("clean.txt", [], None)
    items = json.loads(render("lsp", [info, clean]))
    assert items[0]["diagnostics"][0]["severity"] == 3
    assert items[1]["uri"].endswith("/clean.txt") and items[1]["diagnostics"] == []


# --- JSONL ------------------------------------------------------------------------------


def test_jsonl_is_one_json_finding_per_line_same_as_json():
    results = [crlf_result(), seed3_without("六、其他需要报告的事项")]
    lines = render("jsonl", results).splitlines()
    assert len(lines) == 3
    assert [json.loads(line) for line in lines] == json.loads(render("json", results))
    first = json.loads(lines[0])
    assert (first["line"], first["column"], first["end_column"]) == (3, 9, 11)
    assert first["fix"]["replacement"] == "12"
    assert render("jsonl", []) == ""
