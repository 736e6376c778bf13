"""Every rule's documented Bad example fires that rule; its Good example does not.

A rule's explanation (its docstring, printed by ``gsilint rule CODE``) holds two
blocks, ``错误示例 / Bad:`` and ``正确示例 / Good:``; the example is the text on
that line after the colon, or the lines indented under it.

An example is linted as a report, with only the rule's own code selected.
Where the rule needs a whole report, the example is wrapped in a minimal one
(:func:`minimal_report`: the 2024 report of 淮安市洪泽区人民政府, trimmed to the
six sections, tables 二/三/四 and the closing):

- If its first line is a report title (it ends with 报告), it is the whole
  report; a line ``…`` stands for the minimal report's sections (tables
  included, no title, no closing), except those the example writes after the
  ``…`` itself (an own ``二、…`` replaces the minimal one).
- Otherwise it is a fragment of prose placed at the end of section 五 (where
  the plans are) of the minimal report.
- In both forms a line that starts with a row label of table 三 (e.g.
  ``（七）总计``) followed by numbers replaces that row, and a line of fifteen
  numbers replaces the data row of table 四 (cells written with spaces or
  tabs alike: docstrings expand tabs).
- A line ``---`` separates several reports, linted together as one folder
  (X403 compares consecutive years).
- Lines that start with ``规则包> `` are a rule pack (TOML) the example is
  linted with (T509's word lists).
- E001 is about bytes: its examples name the file they stand for (an empty
  file, a PDF).

``GSILINT_DOC_EXAMPLES=/path/examples.json`` takes the examples from that file
(``{"A301": {"bad": "...", "good": "..."}, ...}``) instead of the docstrings.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from gsilint import Config
from gsilint.api import lint_paths
from gsilint.rules import load_rules

ORG = "淮安市洪泽区人民政府"

T3_ROWS = [
    ("一、本年新收政府信息公开申请数量", 95),
    ("二、上年结转政府信息公开申请数量", 0),
    ("（一）予以公开", 50),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 9),
    ("1.属于国家秘密", 0),
    ("2.其他法律行政法规禁止公开", 0),
    ("3.危及“三安全一稳定”", 1),
    ("4.保护第三方合法权益", 0),
    ("5.属于三类内部事务信息", 0),
    ("6.属于四类过程性信息", 1),
    ("7.属于行政执法案卷", 1),
    ("8.属于行政查询事项", 0),
    ("1.本机关不掌握相关政府信息", 31),
    ("2.没有现成信息需要另行制作", 1),
    ("3.补正后申请内容仍不明确", 0),
    ("1.信访举报投诉类申请", 1),
    ("2.重复申请", 0),
    ("3.要求提供公开出版物", 0),
    ("4.无正当理由大量反复申请", 0),
    ("5.要求行政机关确认或重新出具已获取信息", 0),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 0),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 0),
    ("3.其他", 0),
    ("（七）总计", 95),
    ("四、结转下年度继续办理", 0),
]
T3_GROUPS = {
    "（一）予以公开": "三、本年度办理结果",
    "1.属于国家秘密": "（三）不予公开",
    "1.本机关不掌握相关政府信息": "（四）无法提供",
    "1.信访举报投诉类申请": "（五）不予处理",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": "（六）其他处理",
}
T4_ROW = "1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t2\t0\t1\t0\t3"


def t3_row(label: str, total: int) -> str:
    return "\t".join([label, str(total), "0", "0", "0", "0", "0", str(total)])


def sections(year: int) -> list[str]:
    """Sections 一–六 of the minimal report (from the 洪泽区 2024 report), tables included."""
    lines = [
        "一、总体情况",
        "淮安市洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面推进政务公开工作。",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章\t0\t0\t0",
        "行政规范性文件\t3\t0\t8",
        "第二十条第（五）项",
        "信息内容\t本年处理决定数量",
        "行政许可\t9487",
        "第二十条第（六）项",
        "信息内容\t本年处理决定数量",
        "行政处罚\t2776",
        "行政强制\t84",
        "第二十条第（八）项",
        "信息内容\t本年收费金额（单位：万元）",
        "行政事业性收费\t7545",
        "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
        "\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
    ]
    for label, total in T3_ROWS:
        if label in T3_GROUPS:
            lines.append(T3_GROUPS[label])
        lines.append(t3_row(label, total))
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议\t\t\t\t\t行政诉讼",
        "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉",
        "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
        T4_ROW,
        "五、存在的主要问题及改进情况",
        "对照上级要求和群众期盼，仍存在一些不足，主要是：个别部门对复杂申请件的研判能力不足，"
        "答复文书规范性有待提升。",
        "六、其他需要报告的事项",
        "区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。",
    ]
    return lines


def title(year: int) -> str:
    return f"{ORG}{year}年政府信息公开工作年度报告"


def closing(year: int) -> list[str]:
    return [f"{ORG}办公室", f"{year + 1}年1月20日"]


def minimal_report(year: int = 2024) -> str:
    return "\n".join([title(year), *sections(year), *closing(year)]) + "\n"


_TITLE = re.compile(r"报告\s*$")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_T4_DATA = re.compile(r"^\s*(\d+\s+){14}\d+\s*$")


def _row_label(line: str) -> str | None:
    """The table 三 row a line stands for: it starts with the row's label, then numbers."""
    head = line.strip()
    for label, _ in T3_ROWS:
        if head.startswith(label) and re.fullmatch(r"[\s\d/-]*", head[len(label) :]):
            return label
    return None


_SECTION = re.compile(r"^[一二三四五六]、")


def _by_section(lines: list[str]) -> dict[str, list[str]]:
    """Top-level sections of ``lines``, keyed by their number (``一、`` …), heading first."""
    out: dict[str, list[str]] = {}
    key = None
    for line in lines:
        if _SECTION.match(line) and "\t" not in line and line not in T3_GROUPS.values():
            key = line[:2]
            out[key] = []
        if key is not None:
            out[key].append(line)
    return out


def _expand(kept: list[str]) -> list[str]:
    """A whole report: ``…`` becomes the minimal report's sections the example does not write."""
    found = _YEAR.search(kept[0])
    year = int(found.group(1)) if found else 2024
    if "…" not in [line.strip() for line in kept]:
        return kept
    at = [line.strip() for line in kept].index("…")
    own = _by_section(kept[at + 1 :])
    tail = kept[at + 1 :] if not own else []
    merged = [
        line for key, part in _by_section(sections(year)).items() for line in own.get(key, part)
    ]
    return kept[:at] + merged + tail


def wrap(example: str) -> str:
    """The report text an example stands for (see the module docstring)."""
    replaced: dict[str, str] = {}
    t4 = None
    kept = []
    for line in example.strip("\n").split("\n"):
        label = _row_label(line)
        if label is not None:
            replaced[label] = "\t".join([label, *line.strip()[len(label) :].split()])
        elif _T4_DATA.match(line):
            t4 = "\t".join(line.split())
        else:
            kept.append(line)
    if kept and _TITLE.search(kept[0]):
        out = _expand(kept)
    else:
        body = sections(2024)
        at = body.index("六、其他需要报告的事项")
        out = [title(2024), *body[:at], *kept, *body[at:], *closing(2024)]
    result = []
    for line in out:
        label = _row_label(line)
        if label in replaced:
            line = replaced[label]
        elif t4 is not None and line == T4_ROW:
            line = t4
        result.append(line)
    return "\n".join(result) + "\n"


_BLOCK = re.compile(r"^(错误示例 / Bad|正确示例 / Good)[^:：\n]*[:：][ \t]*(.*)$")


def doc_examples(explanation: str) -> dict[str, str]:
    """The Bad and Good examples of a rule's explanation: ``{"bad": ..., "good": ...}``."""
    found: dict[str, str] = {}
    lines = explanation.split("\n")
    for i, line in enumerate(lines):
        head = _BLOCK.match(line)
        if not head:
            continue
        body = [head.group(2)] if head.group(2).strip() else []
        for nxt in lines[i + 1 :]:
            if not nxt.startswith("    "):
                break
            body.append(nxt[4:])
        found["bad" if head.group(1).startswith("错误") else "good"] = "\n".join(body)
    return found


def examples() -> dict[str, dict[str, str]]:
    source = os.environ.get("GSILINT_DOC_EXAMPLES")
    if source:
        return json.loads(Path(source).read_text(encoding="utf-8"))
    return {code: doc_examples(rule.explanation) for code, rule in load_rules().items()}


def lint_example(code: str, example: str, tmp_path: Path) -> list:
    """Findings of ``code`` on the example's report(s), written as files under ``tmp_path``."""
    pack_lines = [line[len(_PACK) :] for line in example.split("\n") if line.startswith(_PACK)]
    example = "\n".join(line for line in example.split("\n") if not line.startswith(_PACK))
    packs: tuple[str, ...] = ()
    if pack_lines:
        (tmp_path / "pack.toml").write_text("\n".join(pack_lines) + "\n", encoding="utf-8")
        packs = (str(tmp_path / "pack.toml"),)
    parts = re.split(r"\n---\n", example)
    for n, part in enumerate(parts):
        (tmp_path / f"{n}.txt").write_bytes(wrap(part).encode("utf-8"))
    if code == "E001":
        (tmp_path / "0.txt").write_bytes(_e001_bytes(example))
    config = Config(select=(code,), rule_packs=packs)
    return [f for f in lint_paths([str(tmp_path)], config) if f.code == code]


_PACK = "规则包> "


def _e001_bytes(example: str) -> bytes:
    """E001 is about bytes: an example naming an empty or binary file stands for one."""
    if "0 字节" in example or "空文件" in example:
        return b""
    if "二进制" in example or "PDF" in example:
        return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00\x00"
    return wrap(example).encode("utf-8")


CASES = [
    pytest.param(code, kind, id=f"{code}-{kind}")
    for code in sorted(load_rules())
    for kind in ("bad", "good")
]


@pytest.mark.parametrize(("code", "kind"), CASES)
def test_documented_example(code, kind, tmp_path):
    example = examples().get(code, {}).get(kind)
    assert example, f"{code} documents no {kind} example"
    found = lint_example(code, example, tmp_path)
    if kind == "bad":
        assert found, f"{code}'s Bad example does not fire {code}:\n{wrap(example)}"
    else:
        assert not found, f"{code}'s Good example fires {code}: {[f.message for f in found]}"
