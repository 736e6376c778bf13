"""The reporting body — its place and level — and words in the text that belong to another body.

The body is the ``organisation`` fact (the title's name, else the
signature's), read into three parts: the place as printed (``unit``:
"淮安市洪泽区", "平潭综合实验区", "莆田市"), its level (县, 区, 市, 镇 …) and the rest
(``dept``: "人民政府", "地方税务局", "科技局", or nothing). Its divisions come from
the gazetteer (:mod:`gsilint.gazetteer`): the most specific full name in the
unit, else a short name ("平潭" → 平潭县).

``foreign_mentions`` lists what a copy from another body's report leaves
behind, precision first:

- ``self_word``: 我县 / 本镇 / 全县 … naming a level the body is not: 我/本 with a
  level below the body's or beside it (我县 in a city's or a district's report),
  全 only with a level below (全县 in a city's report) — 我省/全市 in a county's
  report is the superior, whose campaigns the county takes part in;
- ``other_body``: the body's own kind of office under another place's name
  ("平潭县地税局" in the report of 平潭综合实验区地方税务局) — not when the place
  contains or lies within the body's (a superior or a subordinate office), nor
  when the clause makes it a partner or a destination (赴…学习, 与…交流);
- ``media``: a newspaper or website of a place that is neither the body's,
  nor above or below it (《今日定安》 in a report from 平潭).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gsilint import gazetteer
from gsilint.gazetteer import Division
from gsilint.patterns import lazy, re_compile
from gsilint.positions import Span
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.facts import Facts

_FIELD_LABEL = lazy(r"^\s*(?:标题|题目|名称)\s*[:：]\s*")
_ZONE = lazy(
    r"\p{Han}{0,6}?(?:综合实验区|实验区|经济技术开发区|高新技术产业开发区|开发区|高新区|示范区|新区|园区)"
)
_TOWN = lazy(r"\p{Han}{1,6}?(?:镇|乡|街道)(?=人民政府|政府|办事处|党委|$)")
#: A name with no division the gazetteer knows ("沐阳县人民政府", "康大营镇").
_UNIT_FALLBACK = lazy(r"^\p{Han}{2,8}?(?:县|区|市|旗|镇|乡|街道)(?=人民政府|政府|办事处|管委会|$)")
_LEVEL_OF_SUFFIX = (
    ("特别行政区", "省"),
    ("自治区", "自治区"),
    ("自治州", "州"),
    ("自治县", "县"),
    ("自治旗", "旗"),
    ("地区", "州"),
    ("林区", "区"),
    ("街道", "街道"),
    ("省", "省"),
    ("市", "市"),
    ("州", "州"),
    ("盟", "州"),
    ("县", "县"),
    ("区", "区"),
    ("旗", "旗"),
    ("镇", "镇"),
    ("乡", "乡"),
)
#: How high a level is (1 highest); levels of one rank are still different bodies.
RANK = {
    "省": 1,
    "自治区": 1,
    "市": 2,
    "州": 2,
    "县": 3,
    "区": 3,
    "旗": 3,
    "镇": 4,
    "乡": 4,
    "街道": 4,
}
#: The self-words each level may use ("我区" in an autonomous region's report).
_OWN_WORDS = {"自治区": ("区",), "州": ("州", "盟")}
#: Names of the same office written short ("平潭县地税局" for 地方税务局).
_ALIASES = {
    "地方税务局": ("地税局",),
    "国家税务局": ("国税局",),
    "科学技术局": ("科技局",),
    "文化和旅游局": ("文旅局",),
    "人力资源和社会保障局": ("人社局",),
    "住房和城乡建设局": ("住建局",),
}
#: Government offices: another government is named too often (superior, partner) to judge.
_GOVERNMENT = lazy(r"^(?:人民政府|政府|管委会|管理委员会|党委|办事处)")

#: 我县 本镇 全市 … (stdlib ``re``: no class it lacks, and it scans a report twice as fast).
_SELF_WORD = re_compile(r"(?P<who>[我本全])(?P<level>省|市|州|盟|县|区|旗|镇|乡|街道)")
#: Characters before 本/全 that make it part of another word (基本县情, 安全区).
_NOT_SELF_BEFORE = {
    "本": set("基根成资样版日文原剧课账书标副脚画纸股读教范蓝母血户底抄刻印话单两一这那每"),
    "全": set("安健齐完周保十万俱双顾成"),
    "我": set("自"),
}
#: Characters after the level word that make it another word (全市场, 本区域, 全县（市、区）).
_NOT_SELF_AFTER = set("场域间块段分别划位省市州盟县区旗镇乡（(、")
#: Words in the clause before a place that make it a partner or a destination.
_PARTNER_BEFORE = lazy(
    r"赴|到|前往|去|与|和|同|向|跟|学习|考察|参观|借鉴|交流|对口|协作|帮扶|结对|联合|兄弟|邀请|"
    r"接待|配合|会同|协助|支持|指导|参加|出席|对接|来自|援"
)
#: (matched where the place ends: ``match(text, pos)`` anchors there without copying the rest)
_PARTNER_AFTER = lazy(r".{0,12}?(?:学习|考察|调研|交流|经验|来我|莅临|参观|指导|帮扶)")
#: the last clause break before a place (searched backwards)
_LAST_CLAUSE = lazy(r"(?r)[，,；;：:。！？!?\n]")
_MEDIA_BOOK = lazy(
    r"《(?:今日(?P<a>\p{Han}{2,5})|(?P<b>\p{Han}{2,6}?)(?:日报|晚报|早报|时报|手机报|周报|新闻|报))》"
)
#: Papers named like a place that are not a place's paper (光明区, 新华区, 解放区 exist).
_NATIONAL_PAPERS = frozenset({"光明", "新华", "解放", "人民", "经济", "中国", "法治", "工人"})
#: (matched where the place ends, like ``_PARTNER_AFTER``)
_MEDIA_AFTER = lazy(r"(?:人民政府网|政府网|门户网站|新闻网|电视台|广播电视台|融媒体中心|日报)")
#: The characters those words start with: a name followed by another is never tried.
_MEDIA_FIRST = frozenset("人政门新电广融日")


@dataclass(frozen=True, slots=True)
class ReportingBody:
    """Who publishes the report, as the title or the signature names it."""

    name: str
    #: the place as printed: "淮安市洪泽区", "平潭综合实验区" ("" when none is found)
    unit: str
    #: 省 自治区 市 州 县 区 旗 镇 乡 街道, or None when the name does not say
    level: str | None
    #: the rest of the name: "人民政府", "地方税务局", "" …
    dept: str
    #: the body's own divisions in the gazetteer (most specific; empty when unknown)
    places: tuple[Division, ...]


@dataclass(frozen=True, slots=True)
class ForeignMention:
    """Words that belong to another body: what, where, and the words."""

    kind: str  # self_word | other_body | media
    span: Span
    text: str
    #: self_word: the level named; other_body/media: the division(s) named, with the province
    detail: str


def _level_of(unit: str) -> str | None:
    for suffix, level in _LEVEL_OF_SUFFIX:
        if unit.endswith(suffix):
            return level
    return None


def parse_body(name: str) -> ReportingBody:
    """Read a body's name into place, level and office."""
    name = _FIELD_LABEL.sub("", name).strip()
    found = gazetteer.find_names(name)
    places: tuple[Division, ...] = ()
    unit_end = 0
    if found:
        start, unit_end, places = found[-1]
        earlier = [d for _, _, ds in found[:-1] for d in ds]
        if earlier and len(places) > 1:
            places = tuple(p for p in places if any(gazetteer.related(p, e) for e in earlier))
    else:
        for i in range(len(name) - 1):
            for size in (4, 3, 2):
                hit = gazetteer.by_short(name[i : i + size])
                if hit and len(hit) == 1:
                    places, unit_end = hit, i + size
                    break
            if places:
                break
    rest = name[unit_end:]
    zone = _ZONE.match(rest)
    m = zone or _TOWN.match(rest)
    if m:
        unit = name[: unit_end + m.end()]
        level = "区" if zone else _level_of(m.group())
    elif found:
        unit = name[:unit_end]
        level = _level_of(unit)
    else:
        fb = _UNIT_FALLBACK.match(name)
        unit = fb.group() if fb else (name[:unit_end] if places else "")
        level = _level_of(unit) if fb else None
    return ReportingBody(name, unit, level, name[len(unit) :], places)


def reporting_body(f: Facts) -> ReportingBody | None:
    """The reporting body read from the ``organisation`` fact (title, else signature)."""
    name = f.organisation
    if not name:
        return None
    body = parse_body(name)
    return body if body.unit else None


def _own_words(level: str) -> tuple[str, ...]:
    return _OWN_WORDS.get(level, (level,))


def _self_words(body: ReportingBody, text: str, start: int) -> list[ForeignMention]:
    out = []
    if body.level is None:
        return out
    own = _own_words(body.level)
    for m in _SELF_WORD.finditer(text):
        who, level = m.group("who"), m.group("level")
        if level in own:
            continue
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end() : m.end() + 1]
        if before in _NOT_SELF_BEFORE[who] or after in _NOT_SELF_AFTER:
            continue
        if who == "全" and before == level[-1]:
            continue  # "城关镇全镇": the named place's whole, not the body's
        named = "州" if level == "盟" else level
        if RANK[named] < RANK[body.level] or (who == "全" and RANK[named] == RANK[body.level]):
            continue  # 我省/全市: the superior; 全区 in a county: a neighbour's scope
        out.append(
            ForeignMention("self_word", Span(start + m.start(), start + m.end()), m.group(), level)
        )
    return out


def _clause_before(text: str, at: int) -> str:
    last = _LAST_CLAUSE.search(text, 0, at)
    cut = last.end() if last else 0
    return text[cut:at]


def _dept_forms(dept: str) -> tuple[str, ...]:
    return (dept, *_ALIASES.get(dept, ()))


def _is_partner(text: str, start: int, end: int) -> bool:
    return bool(
        _PARTNER_BEFORE.search(_clause_before(text, start)) or _PARTNER_AFTER.match(text, end)
    )


def _reads_offices(body: ReportingBody) -> bool:
    """Whether other places' offices are looked for: not in a government's report."""
    return bool(body.dept) and not _GOVERNMENT.match(body.dept)


def _other_bodies(body: ReportingBody, text: str, start: int, names) -> list[ForeignMention]:
    if not _reads_offices(body):
        return []
    forms = _dept_forms(body.dept)
    out = []
    for a, b, divisions in names:
        if not any(text.startswith(f, b) for f in forms):
            continue
        own = [d for d in divisions if d in body.places]
        if own:
            if body.unit.endswith(text[a:b]):
                continue  # the body's own name, maybe without the higher divisions
        elif not body.places or any(
            gazetteer.related(d, p) for d in divisions for p in body.places
        ):
            continue  # unknown body place, or a superior's / subordinate's office
        elif _is_partner(text, a, b):
            continue
        form = next(f for f in forms if text.startswith(f, b))
        out.append(
            ForeignMention(
                "other_body",
                Span(start + a, start + b + len(form)),
                text[a : b + len(form)],
                _names(divisions),
            )
        )
    return out


def _names(divisions: tuple[Division, ...]) -> str:
    """The divisions with the province each lies in: "海南省定安县"."""
    out = []
    for d in divisions:
        province = next(
            (
                p.name
                for p in gazetteer.divisions()
                if p.rank == "province" and p.code[:2] == d.code[:2]
            ),
            "",
        )
        out.append(d.name if d.rank == "province" else province + d.name)
    return "、".join(out)


def _foreign_place(body: ReportingBody, divisions: tuple[Division, ...]) -> bool:
    return bool(divisions) and not any(
        gazetteer.related(d, p) for d in divisions for p in body.places
    )


def _media(body: ReportingBody, text: str, start: int, names) -> list[ForeignMention]:
    if not body.places:
        return []
    out = []
    for m in _MEDIA_BOOK.finditer(text) if "《" in text else ():
        place = m.group("a") or m.group("b")
        divisions = gazetteer.by_name(place)
        if not divisions and place not in _NATIONAL_PAPERS:
            # a short name: any county's in 《今日X》 (a county paper), else a city's or a
            # province's — 《光明日报》 and 《新华日报》 are not papers of 光明区 or 新华区
            divisions = tuple(
                d for d in gazetteer.by_short(place) if m.group("a") or d.rank != "county"
            )
        if _foreign_place(body, divisions):
            out.append(
                ForeignMention(
                    "media", Span(start + m.start(), start + m.end()), m.group(), _names(divisions)
                )
            )
    for a, b, divisions in names:
        if text[b : b + 1] not in _MEDIA_FIRST:
            continue
        site = _MEDIA_AFTER.match(text, b)
        if site and _foreign_place(body, divisions) and not _is_partner(text, a, b):
            out.append(
                ForeignMention(
                    "media",
                    Span(start + a, start + site.end()),
                    text[a : site.end()],
                    _names(divisions),
                )
            )
    return out


def foreign_mentions(f: Facts) -> list[ForeignMention]:
    """Words in the running text that belong to another body than the reporting one."""
    body = f.reporting_body
    if body is None:
        return []
    out: list[ForeignMention] = []
    offices = _reads_offices(body)
    for piece in f.hygiene_prose:
        if piece.kind == "title":
            continue
        text, start = piece.text, piece.start
        out += _self_words(body, text, start)
        if not body.places:
            continue  # neither other bodies nor media can be told from the body's own
        # the places named are read only where they can matter: before an office's
        # name in a report that is not a government's, or before a medium's name
        names = gazetteer.find_names(text) if offices or _MEDIA_AFTER.search(text) else []
        if offices:
            out += _other_bodies(body, text, start, names)
        out += _media(body, text, start, names)
    out.sort(key=lambda m: (m.span.start, m.span.end))
    return out
