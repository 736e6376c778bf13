"""Chinese numerals: reading 一百零三 / 二〇一九 / ３ and writing 13 → 十三.

Reports number their headings (三、), write dates in Chinese
(二〇二三年三月十五日) and counts in words (共五部分). Two ways of reading:

- :func:`read_cn` — a numeral written with units (十 百 千): 三, 十二, 二十,
  三十一, 一百零三, 廿五 / 卅一 (dates), or decimal digits (31, ３). Two digits
  in a row without a unit (一二) are not such a numeral.
- :func:`read_digits` — digit by digit, as years are written: 二〇一九,
  二O一一, 2019, ２０１９.

Zero is written 〇 ○ 零 O Ｏ o. :func:`write_cn` writes 0–9999 with units.
"""

from __future__ import annotations

#: The value of each Chinese digit (and the Latin O that stands for 〇 in many reports).
DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "Ｏ": 0,
    "o": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000}
#: Decimal digits as reports write them, half and full width.
ARABIC = "0123456789０１２３４５６７８９"
#: 廿 (twenty) and 卅 (thirty), as dates write days.
_CONTRACTIONS = {"廿": "二十", "卅": "三十"}
_WRITE = "〇一二三四五六七八九"


def read_cn(text: str) -> int | None:
    """Value of a numeral written with units, or of decimal digits; None if it is neither."""
    if not text:
        return None
    single = DIGITS.get(text)  # most numerals are one digit (一, 三)
    if single is not None:
        return single
    if text[0] in ARABIC:
        try:
            return int(text)
        except ValueError:
            return None
    s = text
    for short, long in _CONTRACTIONS.items():
        s = s.replace(short, long)
    if len(s) == 1 and s in DIGITS:
        return DIGITS[s]
    total = 0
    digit: int | None = None
    last_unit: int | None = None
    for ch in s:
        if ch in DIGITS:
            if digit is not None and not (digit == 0 and last_unit is not None):
                return None  # two digits in a row: only 零 may stand between units (一百零三)
            digit = DIGITS[ch]
        elif ch in UNITS:
            unit = UNITS[ch]
            if last_unit is not None and unit >= last_unit:
                return None
            if digit is None:
                if unit != 10:
                    return None
                digit = 1  # 十二, 一百十
            if digit == 0:
                return None
            total += digit * unit
            digit = None
            last_unit = unit
        else:
            return None
    return total + (digit or 0)


def read_digits(text: str) -> int | None:
    """Value of digits read one by one (二〇一九 → 2019); decimal digits as they are."""
    if text and text[0] in ARABIC:
        return int(text)
    total = 0
    for ch in text:
        if ch not in DIGITS:
            return None
        total = total * 10 + DIGITS[ch]
    return total


def write_cn(n: int) -> str:
    """``n`` (0–9999) in Chinese with units: 3 → 三, 13 → 十三, 20 → 二十, 103 → 一百零三."""
    if not 0 <= n <= 9999:
        raise ValueError(f"no Chinese numeral written for {n}")
    if n < 10:
        return _WRITE[n]
    out = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        if not (unit == 10 and d == 1 and n < 20):
            out.append(_WRITE[d])
        out.append(name)
    return "".join(out)
