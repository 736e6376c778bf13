"""Chinese numerals (gsilint/numerals.py): reading, writing and their round trip."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gsilint.numerals import read_cn, read_digits, write_cn


@pytest.mark.parametrize(
    "text, n",
    [
        ("三", 3),
        ("十", 10),
        ("十二", 12),
        ("一十", 10),
        ("二十", 20),
        ("三十一", 31),
        ("廿五", 25),
        ("卅一", 31),
        ("两", 2),
        ("零", 0),
        ("一百零三", 103),
        ("一百一十", 110),
        ("一百十", 110),
        ("一千零五", 1005),
        ("31", 31),
        ("３", 3),
    ],
)
def test_read_cn(text, n):
    assert read_cn(text) == n


@pytest.mark.parametrize("text", ["", "一二", "十十", "二十二十", "〇三", "百", "三X", "1一"])
def test_read_cn_rejects_what_is_not_a_numeral(text):
    assert read_cn(text) is None


@pytest.mark.parametrize(
    "text, n",
    [
        ("二〇一九", 2019),
        ("二○二三", 2023),
        ("二O一一", 2011),
        ("二零二四", 2024),
        ("２０１９", 2019),
    ],
)
def test_read_digits(text, n):
    assert read_digits(text) == n


@pytest.mark.parametrize(
    "n, text", [(0, "〇"), (3, "三"), (10, "十"), (13, "十三"), (20, "二十"), (103, "一百零三")]
)
def test_write_cn(n, text):
    assert write_cn(n) == text


@given(st.integers(min_value=0, max_value=9999))
def test_round_trip(n):
    assert read_cn(write_cn(n)) == n


@given(st.integers(min_value=0, max_value=9999))
def test_digit_by_digit_round_trip(n):
    written = "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    assert read_digits(written) == n
