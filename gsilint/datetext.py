"""Dates and years written in Chinese reports, with their positions.

:func:`find_dates` reads every year, year-month, date and month-day mention
in a text: ``2019年2月14日``, ``2019-01-31``, ``2019.1.31``, ``二○一八年一月十五日``,
``二〇二三年元月十日``, ``二O一一年5月16日`` (zero written 〇 ○ O Ｏ or 零), days
``十``/``二十``/``三十一``, full-width digits, ``12月31日`` without a year.
Impossible dates (``2月30日``, ``13月``) are kept and marked ``valid=False``;
so are years cut short by a crawler or a typo (``20年度``, ``20年1月13日``,
``201年``), marked ``truncated``.

Crawler copies that put one fragment per line break dates across lines
("2015⏎年⏎1⏎月⏎1⏎日起至⏎12⏎月⏎31⏎日"; "20⏎19⏎年"): a line break between the
parts of a date is read through (:func:`_joined`), and the mention's span
covers the break.

:func:`find_ranges` pairs mentions joined by 至/到/— into ranges
("自2018年1月1日至2018年12月31日", "1月1日到12月31日"); a side that omits the
year takes it from the other side.

Offsets are code points into the text given, so spans found in
``Document.simplified`` are spans in ``Document.text``.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache

import regex

from gsilint.numerals import ARABIC, UNITS, read_cn, read_digits
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass

_D = "[0-9０-９]"
_ZERO = "〇○OＯ零"
_SP = r"[ \t\u3000\u00a0]*"

_YEAR = (
    rf"(?P<y>(?<!{_D})(?:[12１２]{_D}{{3}})(?!{_D})"
    rf"|(?<![{_ZERO}一二三四五六七八九])[一二][{_ZERO}一二三四五六七八九]{{3}})"
)
_MONTH = rf"(?P<m>(?<!{_D}){_D}{{1,2}}|[一二三四五六七八九十]{{1,3}}|[元正])"
_DAY = rf"(?P<d>{_D}{{1,2}}|[一二三四五六七八九十廿卅]{{1,4}})"

#: 2019年2月14日 / 2019年2月 / 2019年 (also 二〇一八年…, with any spacing)
_YMD = lazy(rf"{_YEAR}{_SP}年(?:{_SP}{_MONTH}{_SP}月(?:{_SP}{_DAY}{_SP}[日号])?)?")
#: 2019-01-31, 2019/1/31, 2019.1.31
_NUMERIC = lazy(
    r"(?<![0-9０-９.．])(?P<y>[12]\d{3})(?P<sep>[-/.．－])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![0-9０-９]|[.．][0-9])"
)
#: 12月31日 without a year (month and day both required), where
#: :func:`_month_day_start` finds no number or 年 before it (through spaces)
_MD = lazy(rf"(?P<m>{_D}{{1,2}}|[一二三四五六七八九十]{{1,3}}|元){_SP}月{_SP}{_DAY}{_SP}[日号]")
#: What may not come before a month-day (with only spaces between).
_BEFORE_MD = frozenset(f"0123456789０１２３４５６７８９一二三四五六七八九十年{_ZERO}")
_SPACES = " \t\u3000\u00a0"
#: A year written with two or three digits where four belong: "20年度", "20年1月13日".
_TRUNCATED = lazy(
    r"(?<![0-9０-９.．:：/\-近第约满每逾超余])(?P<y>[0-9０-９]{2,3})[ \t\u3000]*年"
    r"(?:度|[ \t\u3000]*[0-9０-９]{1,2}[ \t\u3000]*月[ \t\u3000]*[0-9０-９]{1,2}[ \t\u3000]*[日号])"
)
#: A line break (with the spaces around it) that may fall inside a date.
_BREAK = lazy(r"[ \t\u3000]*(?:\r?\n[ \t\u3000]*)+")
_DIGITS = "0123456789０１２３４５６７８９"
#: A line break that may fall inside a date: after a digit or 年月至到起日, before a digit or
#: 年月日号起至到止 (what ``_breaks_inside_a_date`` then looks at; other breaks are skipped
#: by the regex engine instead of by Python).
_DATE_BREAK = lazy(
    r"(?<=[0-9０-９年月至到起日])[ \t\u3000]*(?:\r?\n[ \t\u3000]*)+(?=[0-9０-９年月日号起至到止])"
)
#: What joins two ends of a range.
_RANGE_JOIN = lazy(r"^\s*(?:起)?\s*(?:至|到|—+|－|-|~|～|–)\s*\Z")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One written year, year-month, date or month-day.

    ``year``/``month``/``day`` are None when not written. ``inferred_year``
    is set when the year came from the other side of a range.
    """

    span: Span
    text: str
    year: int | None
    month: int | None = None
    day: int | None = None
    #: where the year is written (None when not written)
    year_span: Span | None = None
    valid: bool = True
    #: why an impossible date is impossible (Chinese, English)
    problem: tuple[str, str] | None = None
    inferred_year: bool = False
    #: the year is written with two or three digits ("20年度"): cut short by a crawler or a typo
    truncated: bool = False

    @property
    def is_date(self) -> bool:
        """Year, month and day all known."""
        return self.year is not None and self.month is not None and self.day is not None

    @property
    def year_only(self) -> bool:
        return self.year is not None and self.month is None

    def as_date(self) -> date | None:
        if self.valid and self.is_date:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        return None

    @property
    def iso(self) -> str:
        """ISO form: 2018-01-15, 2018-01, 2018, --12-31 (no year); '?' parts when impossible."""
        y = f"{self.year:04d}" if self.year is not None else "-"
        if self.month is None:
            return y
        m = f"{self.month:02d}"
        if self.day is None:
            return f"{y}-{m}"
        return f"{y}-{m}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class DateRange:
    start: DateMention
    end: DateMention
    span: Span


def cn_number(s: str) -> int | None:
    """A month or day: 一..九十九 in Chinese (十五, 二十, 三十一, 廿五, 一五 digit by digit),
    元/正 (the first month), or digits; None if not a number."""
    if not s:
        return None
    if s in ("元", "正"):
        return 1
    if s[0] in ARABIC or any(ch in UNITS or ch in "廿卅" for ch in s):
        return read_cn(s)
    return read_digits(s)


#: A year written with digits (2019, ２０１９) or Chinese digits (二〇一九, 二O一一).


def _check(
    year: int | None, month: int | None, day: int | None
) -> tuple[bool, tuple[str, str] | None]:
    if month is not None and not 1 <= month <= 12:
        return False, (f"{month}月不存在", f"there is no month {month}")
    if day is not None:
        if month is None:
            return True, None
        last = calendar.monthrange(year if year is not None else 2000, month)[1]
        if not 1 <= day <= last:
            return False, (
                f"{month}月没有{day}日（该月只有{last}天）",
                f"month {month} has no day {day} (it has {last} days)",
            )
    return True, None


#: year, month, day, valid, problem
_Values = tuple[int | None, int | None, int | None, bool, tuple[str, str] | None]

#: Maps a (start, end) of the text read to the span to report.
Place = Callable[[int, int], Span]


def _mention(
    text: str, span: Span, y: str | None, m: str | None, d: str | None, year_span: Span | None
) -> DateMention | None:
    values = _values(y, m, d)
    if values is None:
        return None
    year, month, day, valid, problem = values
    return DateMention(span, text, year, month, day, year_span, valid, problem)


@lru_cache(maxsize=4096)
def _values(y: str | None, m: str | None, d: str | None) -> _Values | None:
    """The year, month and day the parts of a date write, and whether they make a date
    (:func:`_check`); None when one is no number or the year is out of range.
    Remembered: reports write the same parts again and again."""
    year = read_digits(y) if y else None
    if y and (year is None or not 1900 <= year <= 2199):
        return None
    month = cn_number(m) if m else None
    day = cn_number(d) if d else None
    if (m and month is None) or (d and day is None):
        return None
    return (year, month, day, *_check(year, month, day))


def _mention_of(m: regex.Match, place: Place) -> DateMention | None:
    """The mention a year-month-day match writes (its groups ``y``, ``m``, ``d``)."""
    return _mention(
        m.group(0),
        place(m.start(), m.end()),
        m.group("y"),
        m.group("m"),
        m.group("d"),
        place(m.start("y"), m.end("y")),
    )


#: Texts at least this long are read in their stretches of dates (:func:`_date_stretches`).
_RUNS_FROM = 2000
#: What a date, and a line break inside one, is written with: every character of a
#: match of the patterns above (and of a break ``_breaks_inside_a_date`` reads through),
#: split into the characters every date has one of (年, 月, a numeric date's separator)
#: and the others. Only stretches are cut with them, so more is harmless: the digits are
#: stdlib ``re``'s and every astral character, to hold all that ``regex``'s \d reads
#: (its Unicode tables are newer: digits of recent scripts, all astral).
_DATE_ANCHORS = r"年月\-/.．－"
_DATE_DIGITS = r"\d\U00010000-\U0010ffff"
_DATE_OTHERS = (
    _DATE_DIGITS + r"〇○OＯ零一二三四五六七八九十廿卅元正日号度至到起止 \t\u3000\u00a0\r\n"
)
#: The characters of ``_DATE_ANCHORS`` one by one.
_ANCHOR_CHARS = "年月-/.．－"
#: How many other characters may come between two anchors of one cluster.
_NEAR = 20
#: Date characters, from a place on: read in the text reversed, a run's start.
_DATE_CHARS = lazy(f"[{_DATE_OTHERS}{_DATE_ANCHORS}]*")


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every year / date / month-day mention in ``text``, in order; spans shifted by ``offset``.

    Line breaks inside a date are read through; the spans are still spans of ``text``.
    """
    if len(text) >= _RUNS_FROM:
        return _find_dates_in_runs(text, offset)
    return _find_dates_joined(text, lambda a, b: Span(offset + a, offset + b))


def _find_dates_joined(text: str, place: Place) -> list[DateMention]:
    """:func:`_find_dates` of ``text`` with the line breaks inside dates read through."""
    joined, where = _joined(text)
    if where is None:
        return _find_dates(text, place)

    def place_joined(a: int, b: int) -> Span:
        return place(_before_join(where, a, False), _before_join(where, b, True))

    return _find_dates(joined, place_joined)


def _date_stretches(text: str) -> list[tuple[int, int]]:
    """Stretches (start, end) of ``text`` that hold every date: each starts and ends a run
    of date characters, and only text without 年, 月 or a separator is left out."""
    reverse = text[::-1]
    n = len(text)
    out: list[tuple[int, int]] = []
    for first, end in _anchor_clusters(text):
        start = n - _DATE_CHARS.match(reverse, n - first).end()
        if out and start <= out[-1][1]:
            start = out.pop()[0]
        out.append((start, end))
    return [(a, b) for a, b in out if _could_hold_a_date(text, a, b)]


def _anchor_clusters(text: str) -> Iterator[tuple[int, int]]:
    """Clusters of anchors (``_ANCHOR_CHARS``), each with at most ``_NEAR`` other
    characters between one and the next, as (the first's offset, the end of the run of
    date characters the last is in); a cluster starts at the first anchor after the
    run before. The anchors are found with ``str.find``: a search for their class
    would test every character of the text."""
    anchors = [k for ch in _ANCHOR_CHARS for k in _offsets(text, ch)]
    anchors.sort()
    i, count = 0, len(anchors)
    while i < count:
        first = last = anchors[i]
        i += 1
        while i < count and anchors[i] - last <= _NEAR + 1:
            last = anchors[i]
            i += 1
        end = _DATE_CHARS.match(text, last + 1).end()
        yield first, end
        while i < count and anchors[i] < end:
            i += 1


#: The start of a numeric date: a year and a separator ("2019-").
_NUMERIC_HEAD = lazy(f"[12][{_DATE_DIGITS}]{{3}}[\\-/.．－]")


def _could_hold_a_date(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has 年, 月 or the start of a numeric date: a stretch of
    separators only (decimals, phone numbers) holds none, even with its line breaks read
    through (those join digits before 年 only)."""
    return (
        text.find("年", start, end) >= 0
        or text.find("月", start, end) >= 0
        or _NUMERIC_HEAD.search(text, start, end) is not None
    )


def _find_dates_in_runs(text: str, offset: int) -> list[DateMention]:
    """:func:`find_dates` of a long text, read in its date runs only.

    Every date is written in one run of :data:`_DATE_CHARS` that holds 年, 月 or a
    separator; the stretches that hold those runs, each with the character before and
    after it (what the patterns look around at), are read as one short text, pieces
    kept apart by a NUL (no date character, and none that the patterns look for around
    a date).
    """
    parts: list[str] = []
    starts: list[int] = []  # where each piece starts in the short text
    shifts: list[int] = []  # what to add to a place in a piece to place it in ``text``
    at = 0
    for first, end in _date_stretches(text):
        a = first - 1 if first else 0
        piece = text[a : end + 1]
        at += 1
        starts.append(at)
        shifts.append(offset + a - at)
        parts.append("\x00")
        parts.append(piece)
        at += len(piece)
    if not parts:
        return []

    def place(a: int, b: int) -> Span:
        shift = shifts[bisect_right(starts, a) - 1]
        return Span(a + shift, b + shift)

    return _find_dates_joined("".join(parts), place)


def _breaks_inside_a_date(text: str) -> list[tuple[int, int]]:
    """The line breaks of ``text`` that fall between two parts of one date."""
    out = []
    for m in _anchored(_DATE_BREAK, text, _offsets(text, "\n"), _break_start):
        a, b = m.start(), m.end()
        left, right = text[a - 1], text[b]
        if left in _DIGITS and right in _DIGITS:
            # digits of one year split over lines ("20⏎19⏎年", "201⏎9⏎年") — nothing else
            i = a
            while i > 0 and text[i - 1] in _DIGITS:
                i -= 1
            j = b
            while j < len(text) and text[j] in _DIGITS:
                j += 1
            rest = _BREAK.match(text, j)
            k = rest.end() if rest else j
            year = text[i:a] + text[b:j]
            if (
                len(year) == 4
                and year[:2] in ("19", "20", "１９", "２０")
                and (i == 0 or text[i - 1] in "\n\r \t\u3000" or text[i - 1] not in _DIGITS)
                and text[k : k + 1] == "年"
            ):
                out.append((a, b))
        elif (
            (left in _DIGITS and right in "年月日号")
            or (left in "年月" and right in _DIGITS)
            or (left in "至到起" and right in _DIGITS)
            or (left == "日" and right in "起至到止")
        ):
            out.append((a, b))
    return out


def _break_start(text: str, k: int) -> int:
    """Where a line break with its first "\n" at ``k`` starts: at the spaces before the
    "\n" (and its "\r"). A break's later "\n"s give starts inside it, which
    :func:`_anchored` passes over."""
    if k > 0 and text[k - 1] == "\r":
        k -= 1
    return _after_spaces(text, k, _NARROW_SPACES)


def _joined(text: str) -> tuple[str, list[tuple[int, int]] | None]:
    """``text`` with the line breaks inside dates taken out, and where they were.

    ``where`` lists (offset in the joined text, characters removed so far), or
    is None when nothing was removed.
    """
    if "\n" not in text:
        return text, None
    cuts = _breaks_inside_a_date(text)
    if not cuts:
        return text, None
    parts, where, removed, prev = [], [], 0, 0
    for a, b in cuts:
        parts.append(text[prev:a])
        removed += b - a
        where.append((a - (removed - (b - a)), removed))
        prev = b
    parts.append(text[prev:])
    return "".join(parts), where


def _before_join(where: list[tuple[int, int]], i: int, end: bool) -> int:
    """Offset ``i`` of the joined text as an offset of the text it was joined from
    (at a cut, an end stays before the break)."""
    k = bisect_left(where, (i + (0 if end else 1), -1)) - 1
    return i + (where[k][1] if k >= 0 else 0)


def _find_dates(text: str, place: Place) -> list[DateMention]:
    out: list[DateMention] = []
    taken = _Taken()
    years = _offsets(text, "年")
    for m in _NUMERIC.finditer(text):
        mm = _mention_of(m, place)
        if mm is not None:
            out.append(mm)
            taken.add(m.start(), m.end())
    for m in _anchored(_YMD, text, years, _year_start):
        if taken.overlaps(m.start(), m.end()):
            continue
        end = m.end()
        mm = _mention_of(m, place)
        if mm is None and m.group("m"):
            # a year we accept with a month we cannot read: keep the year alone
            end = text.index("年", m.start("y")) + 1
            mm = _mention(
                text[m.start() : end],
                place(m.start(), end),
                m.group("y"),
                None,
                None,
                place(m.start("y"), m.end("y")),
            )
        if mm is not None:
            out.append(mm)
            taken.add(m.start(), end)
    for m in _anchored(_MD, text, _offsets(text, "月"), _month_day_start):
        if taken.overlaps(m.start(), m.end()):
            continue
        mm = _mention(m.group(0), place(m.start(), m.end()), None, m.group("m"), m.group("d"), None)
        if mm is not None:
            out.append(mm)
            taken.add(m.start(), m.end())
    for m in _anchored(_TRUNCATED, text, years, _truncated_start):
        if taken.overlaps(m.start(), m.end()):
            continue
        y = m.group("y")
        out.append(
            DateMention(
                place(m.start(), m.end()),
                m.group(0),
                None,
                year_span=place(m.start("y"), m.end("y")),
                valid=False,
                problem=(
                    f"年份只写了“{y}”，应写四位年份",
                    f"the year '{y}' is cut short: write all four digits",
                ),
                truncated=True,
            )
        )
    out.sort(key=lambda d: d.span.start)
    return out


#: Where a match holding the anchor at an offset starts (None: no match holds it).
_StartOf = Callable[[str, int], "int | None"]


def _anchored(
    pattern: re.Pattern, text: str, anchors: list[int], start_of: _StartOf
) -> Iterator[re.Match]:
    """What ``pattern.finditer(text)`` finds, for a pattern each of whose matches starts
    where ``start_of(text, k)`` says for the first anchor character ``k`` it holds (None:
    no match starts there); ``anchors`` are the anchor's offsets (:func:`_offsets`).
    One ``match`` per anchor, not a search at every character (date patterns begin
    with classes of digits, which the engine tries everywhere). The starts grow with
    the anchors, so the starts of a match's later anchors, and matches that would
    overlap the one before, are passed over, as ``finditer`` passes over them."""
    end = 0
    for k in anchors:
        start = start_of(text, k)
        if start is not None and start >= end:
            m = pattern.match(text, start)
            if m is not None:
                yield m
                end = m.end()


def _offsets(text: str, ch: str) -> list[int]:
    """Where ``ch`` is in ``text``, in order."""
    out = []
    k = text.find(ch)
    while k >= 0:
        out.append(k)
        k = text.find(ch, k + 1)
    return out


def _after_spaces(text: str, k: int, spaces: str = _SPACES) -> int:
    """Where the run of ``spaces`` that ends at ``k`` starts."""
    while k > 0 and text[k - 1] in spaces:
        k -= 1
    return k


def _year_start(text: str, k: int) -> int:
    """Where a year-month-day with its 年 at ``k`` starts: four characters of year, then spaces."""
    return _after_spaces(text, k) - 4


def _truncated_start(text: str, k: int) -> int | None:
    """Where a truncated year with its 年 at ``k`` starts: at the first of its two or three
    digits (the pattern looks behind for no digit); None when there are more or fewer."""
    i = j = _after_spaces(text, k, _NARROW_SPACES)
    while i > 0 and text[i - 1] in _DIGITS:
        i -= 1
    return i if 2 <= j - i <= 3 else None


def _month_day_start(text: str, k: int) -> int | None:
    """Where a month-day with its 月 at ``k`` starts: at the first of the month's numerals,
    or at 元; None when a number or 年 comes before it, through spaces (the look-behind of
    the first pattern, which ``re`` cannot write: every numeral of a run but its first
    has one before it)."""
    i = j = _after_spaces(text, k)
    while i > 0 and text[i - 1] in _MONTH_NUMERALS:
        i -= 1
    if i == j:
        if i == 0 or text[i - 1] != "元":
            return None
        i -= 1
    before = _after_spaces(text, i)
    if before > 0 and text[before - 1] in _BEFORE_MD:
        return None
    return i


#: The spaces of a truncated year's pattern and of a line break's (no U+00A0).
_NARROW_SPACES = " \t\u3000"
_MONTH_NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十")


class _Taken:
    """Disjoint ranges already read as dates, kept sorted so that asking whether
    a range overlaps one of them is a binary search, not a scan of them all."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, s: int, e: int) -> None:
        i = bisect_left(self._starts, s)
        self._starts.insert(i, s)
        self._ends.insert(i, e)

    def overlaps(self, s: int, e: int) -> bool:
        # only the last range starting before ``e`` can reach past ``s``: the ranges are disjoint
        i = bisect_left(self._starts, e) - 1
        return i >= 0 and self._ends[i] > s


def find_ranges(text: str, mentions: list[DateMention], offset: int = 0) -> list[DateRange]:
    """Pairs of consecutive mentions joined by 至/到/— (``text`` starts at ``offset``)."""
    out: list[DateRange] = []
    for a, b in zip(mentions, mentions[1:]):
        between = text[a.span.end - offset : b.span.start - offset]
        if a.month is None or b.month is None or not _RANGE_JOIN.match(between):
            continue
        if a.year is None and b.year is not None:
            a = _with_year(a, b.year)
        elif b.year is None and a.year is not None:
            b = _with_year(b, a.year)
        out.append(DateRange(a, b, a.span.cover(b.span)))
    return out


def _with_year(d: DateMention, year: int) -> DateMention:
    valid, problem = _check(year, d.month, d.day)
    return replace(d, year=year, valid=valid, problem=problem, inferred_year=True)


def parse_date(text: str) -> DateMention | None:
    """The first full date in ``text`` (a signature line, a 发布时间 value), or None."""
    for d in find_dates(text):
        if d.month is not None and d.day is not None and d.year is not None:
            return d
    return None
