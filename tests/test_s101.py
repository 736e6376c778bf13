"""S101 missing-section on the 2021 template: each required heading removed in turn."""

from __future__ import annotations

import pytest
from conftest import HEADINGS, brief, lint, seed_text


def test_complete_report_has_no_s101():
    assert brief(lint(seed_text(3), select="S101")) == []


@pytest.mark.parametrize("i", range(6))
def test_removing_a_heading_is_reported(i):
    text = seed_text(3)
    heading = HEADINGS[i]
    assert heading in text
    lines = text.split("\n")
    n = lines.index(heading)
    lines[n] = "本段内容。"
    findings = lint("\n".join(lines), select="S101")
    assert len(findings) == 1, findings
    title = heading.split("、", 1)[1]
    assert findings[0].code == "S101"
    assert title in findings[0].message
    # located where the section belongs: at the next required heading, or after the previous one
    if i < 5:
        nxt = HEADINGS[i + 1]
        assert findings[0].line == lines.index(nxt) + 1
        assert findings[0].column == 1


def test_english_message():
    text = seed_text(3).replace("六、其他需要报告的事项", "本段。")
    [f] = lint(text, select="S101", lang="en")
    assert f.message.startswith("missing section '其他需要报告的事项'")


def test_user_severity_override_beats_the_rules_own_choice():
    """Old-template S101 is a warning by the rule's choice.

    severity={'S101': error} makes it an error.
    """
    from gsilint.findings import Severity

    findings = lint(seed_text(4), select="S101")
    assert [f.severity for f in findings] == [Severity.WARNING]
    findings = lint(seed_text(4), select="S101", severity={"S101": Severity.ERROR})
    assert [f.severity for f in findings] == [Severity.ERROR]


@pytest.mark.parametrize("title", ["其他应说明事项", "其他需要说明的事项"])
def test_the_closing_section_under_a_said_rather_than_reported_title_is_there(title):
    """莆田市水利局 2022 closes with "六、其他应说明事项": the section is there."""
    text = seed_text(3).replace("六、其他需要报告的事项", "六、" + title)
    assert "六、" + title in text
    assert brief(lint(text, select="S101")) == []


def test_a_misspelt_heading_that_lost_its_keywords_is_still_the_section():
    # "其他需要报高的事项": no keyword group of the section is left, but it is the
    # template's title with one character replaced (T508 says so; S101 does not fire)
    text = seed_text(3).replace("六、其他需要报告的事项", "六、其他需要报高的事项")
    assert brief(lint(text, select="S101")) == []
    assert [f.code for f in lint(text, select="T508")] == ["T508"]


def test_several_missing_sections_at_one_place_come_in_template_order():
    from conftest import lint, seed_text

    lines = seed_text(3).split("\n")
    kept = [line for line in lines if not line.startswith(("四、政府信息公开", "五、", "六、"))]
    found = lint("\n".join(kept), select="S101")
    assert len({(f.line, f.column) for f in found}) == 1
    assert [f.message[: f.message.index("”") + 1] for f in found] == [
        "缺少栏目“政府信息公开行政复议、行政诉讼情况”",
        "缺少栏目“存在的主要问题及改进情况”",
        "缺少栏目“其他需要报告的事项”",
    ]
