"""The excerpt window under a finding: fits the width, marks cuts, carets under the span."""

from __future__ import annotations

import os

import pytest

from gsilint.output import color_from_environment, fixable_line
from gsilint.output.line_window import line_window
from gsilint.positions import display_width


def caret_text(line: str, col: int, end: int | None, width: int) -> str:
    """The shown characters that the carets stand under."""
    w = line_window(line, col, end, width)
    out, cell = [], 0
    for ch in w.text:
        if w.caret_start <= cell < w.caret_start + w.caret_width:
            out.append(ch)
        cell += display_width(ch)
    return "".join(out)


def test_short_line_is_shown_whole_with_the_caret_under_the_span():
    w = line_window("共报送信息36篇，采用53篇。", 6, 9, 80)
    assert w.text == "共报送信息36篇，采用53篇。"
    assert w.caret_start == 10 and w.caret_width == 4  # after five CJK cells: "36篇" is 4 cells
    assert caret_text("共报送信息36篇，采用53篇。", 6, 9, 80) == "36篇"


def test_tabs_expand_to_stops_and_the_caret_follows():
    line = "\t\t3. 其他\t\t\t0\t0"
    w = line_window(line, 3, 8, 80)
    assert "\t" not in w.text
    assert w.text.startswith(" " * 8 + "3. 其他")
    assert w.caret_start == 8
    assert caret_text(line, 3, 8, 80) == "3. 其他"


def test_long_line_is_cut_around_the_span_with_ellipses():
    line = "甲" * 300 + "工作工作" + "乙" * 300
    w = line_window(line, 301, 305, 80)
    assert w.text.startswith("…") and w.text.endswith("…")
    assert display_width(w.text) <= 80
    assert caret_text(line, 301, 305, 80) == "工作工作"


def test_span_at_the_end_of_a_long_line():
    line = "甲" * 300
    w = line_window(line, 301, None, 60)
    assert w.text.startswith("…") and not w.text.endswith("…")
    assert w.caret_width == 1
    assert w.caret_start == display_width(w.text)


def test_span_longer_than_the_window_is_cut_at_the_right():
    line = "甲" * 50 + "乙" * 200
    w = line_window(line, 51, 251, 40)
    assert display_width(w.text) <= 40
    assert caret_text(line, 51, 251, 40).startswith("乙")
    assert w.text.endswith("…")


@pytest.mark.parametrize(
    ("env", "flag", "expected"),
    [
        ({}, None, None),
        ({"NO_COLOR": "1"}, None, False),
        ({"NO_COLOR": ""}, None, None),
        ({"NO_COLOR": "1"}, True, True),
        ({"FORCE_COLOR": "1"}, None, True),
        ({"FORCE_COLOR": "1"}, False, False),
    ],
)
def test_colour_choice(monkeypatch, env, flag, expected):
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert color_from_environment(flag) == expected
    assert os.environ.get("NO_COLOR", "") == env.get("NO_COLOR", "")


def test_fixable_line_in_both_languages():
    assert fixable_line(3, "zh") == "[*] 其中 3 处可用 --fix 自动修复（--diff 先看改动）。"
    assert fixable_line(3, "en").startswith("[*] 3 fixable with the --fix option")
