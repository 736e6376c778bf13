"""Pairing reports across years: the same body, this year and last.

A cross-file rule that compares a report with last year's (carry-over,
stock, similarity) keeps the body's name and the report year in its note and
asks :func:`last_year` for the notes of last year's report of the same body.
The body's name is normalised by :func:`body_key` (NFKC, whitespace, script,
a crawler's "标题:" label, the government suffix), so "三明市" and "三明市人民政府"
or "平潭综合实验区" and "平潭综合实验区管委会" are one body; :func:`same_body` also
accepts a fuller name one year ("淮安市洪泽区" / "洪泽区").

Everything here is a pure function of the notes, so a comparison built on it
does not depend on file order or ``--jobs``. Last year's reports may come
from ``--previous`` (read for their notes only, never reported): the run puts
their notes in the same mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, TypeVar

from gsilint.normalize import norm_label
from gsilint.patterns import lazy

#: A crawler header's label kept in front of the title ("标题:莆田市科技局").
_FIELD_LABEL = lazy(r"^(?:标题|题目|名称)[:：]")
#: What a government's name may end with; the body is the same without it.
_GOVERNMENT = lazy(r"(?:人民政府|管理委员会|管委会|政府)$")
#: How the higher divisions in front of a body's name end ("淮安市" + "洪泽区…").
_DIVISION_END = ("省", "市", "州", "盟", "县", "区")


def body_key(name: str | None) -> str | None:
    """The body's name as the pairing compares it; None when there is no usable name."""
    if not name:
        return None
    key = _FIELD_LABEL.sub("", norm_label(name))
    key = _GOVERNMENT.sub("", key)
    return key if len(key) >= 2 else None


def same_body(a: str, b: str) -> bool:
    """Two :func:`body_key` keys name the same body, allowing a fuller name one year.

    ("淮安市洪泽区" one year, "洪泽区" the next: the fuller name only adds the
    higher divisions in front.)
    """
    short, long_ = sorted((a, b), key=len)
    if short == long_:
        return True
    return (
        len(short) >= 3
        and long_.endswith(short)
        and long_[: -len(short)][-1:] in _DIVISION_END
        and short[-1:] in (*_DIVISION_END, "局", "委", "办", "厅", "院", "镇", "乡", "道")
    )


class YearNote(Protocol):
    """What pairing needs of a note: the body's key and the report year."""

    org: str
    year: int


N = TypeVar("N", bound=YearNote)


def last_year(notes: Mapping[str, N], path: str) -> list[tuple[str, N]]:
    """Notes of last year's reports of the body of ``notes[path]``, sorted by path.

    Several (a text and an HTML copy of one report) may be returned; the caller
    decides whether they agree.
    """
    cur = notes[path]
    return sorted(
        (p, n)
        for p, n in notes.items()
        if p != path and n.year == cur.year - 1 and same_body(n.org, cur.org)
    )
