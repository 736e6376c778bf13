"""Breakdowns and part/whole pairs stated in the prose.

A *breakdown* is a total followed by its parts:

- ``其中``: "主动公开政府信息1084条，其中：政府领导类公开43条，…" — the total is
  the count right before 其中 (or, when a sentence opens with 其中, the last
  count of the sentence before); the parts are the counts that follow, up to
  the end of the sentence, the next 其中, a count in another unit, or a
  clause that starts another measure (共, 累计, 同比 …).
- ``涉及`` / ``包括`` / ``分别为`` right after a count: "收到申请75件，涉及自然人72件、商业企业3件".
- ``中``: "在…主动公开的425条政府信息中，机构职能…148条，占34.8%；…".
- ``主要类别``: "主动公开政府信息的主要类别有：…" whose total is the largest
  "主动公开政府信息N条" among the sentences just before (up to two paragraphs back).
- a sentence that opens with its topic ("主动公开的政府信息，县直各单位主动公开…
  2475条，占62.2%。各乡镇…1503条…") lists parts of the one count of the
  sentence before whose label names that topic ("其中主动公开政府信息2026条").
- an unmarked list of shares ("予以公开258件，占33.9%；不予公开35件，占4.34%…")
  whose base is a count of the sentence before, confirmed by at least two of
  the printed shares.

A list may run on over the following sentences of its paragraph ("…1331条。
其中，县直单位公开812条，占61%。各乡镇公开519条，占39%。"): a sentence that holds
only parts (no clause before its first count, no marker, no other measure)
continues it when each of its shares is of the list's total or it completes
the list (an "other" part, a complete split). A list in brackets right after
its total is a breakdown too: "1331条（其中县直812条，乡镇519条）".

Other counts inside brackets ("（含上年结转189件）") are never parts of the
outer list. Approximate counts ("5500余条", "约4900人次") make no breakdown.

Part/whole pairs are two consecutive counts of one sentence in the same
unit: 报送 then 采用 ("共报送信息36篇，市政府门户网采用53篇"), and 受理/收到 then
办结/答复 when the sentence does not mention a carry-over (结转, 上年 …).

A breakdown is *exhaustive* when the list says so: one part is 其他/其余, the
printed shares add up to 100%, the parts are a complete split (县直…乡镇…;
主动公开…依申请公开…不予公开…; 自然人…法人…) or the list is introduced by
分别为. A list of 主要 categories is exhaustive only with a 其他 part.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import TYPE_CHECKING

from gsilint.facts.quantities import Quantity, Sentence
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.facts import Facts

_MARKER = lazy(
    r"其中(?:\s*[：:，,]?\s*(?:主要)?(?:包括|有|为|是)?\s*[：:]?)?|涉及|分别为|分别是|包括\s*[：:]?|(?<!其)中\s*[，,：:]"
)
#: What may stand between a total and its marker: a noun ("348条信息，其中"), a comma.
_ADJACENT = lazy(r"^[^，,；;。：:\d（）()]{0,8}[，,：:]?\s*$")
_SENTENCE_OPEN = lazy(r"^[\s，,：:]*$")
#: A part whose label starts another measure ends the list.
_STOP = lazy(
    r"共|累计|合计|总计|同比|较上年|较去年|比上年|增长|下降|减少|增加|办结率|占比|平均|历年"
)
_MAIN_CATEGORIES = lazy(
    r"(主动公开(?:的)?(?:政府)?信息)的?主要(?:类别|内容|类型)(?:有|为|包括|是)?\s*[：:]"
)
_OTHER = lazy(r"其他|其它|其余")
_SPLITS = (
    (lazy(r"主动公开"), lazy(r"依申请"), lazy(r"不予公开")),
    (lazy(r"区直|县直|市直|省直|部门|本级|机关"), lazy(r"乡镇|街道|镇街|各镇")),
    (lazy(r"自然人"), lazy(r"法人")),
)
_HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A total and its listed parts, as stated in one sentence."""

    total: Quantity
    parts: tuple[Quantity, ...]
    #: 其中 | 涉及 | 包括 | 分别为 | 主要类别 | shares
    kind: str
    #: why the list is complete (其他 | shares | split | 分别为); None: possibly partial
    exhaustive: str | None
    span: Span
    #: the text calls the list partial (主要类别, 主要包括 …)
    declared_partial: bool = False

    @property
    def parts_sum(self) -> Decimal:
        return sum((p.value for p in self.parts), Decimal(0))


@dataclass(frozen=True, slots=True)
class PartWhole:
    """Two counts of one sentence where the second is part of the first (报送/采用, 受理/办结)."""

    whole: Quantity
    part: Quantity
    #: the part's keyword and where it is ("采用53篇" starts at 采用)
    keyword_span: Span
    relation: str


def share_matches(part: Decimal, base: Decimal, printed: Decimal, decimals: int) -> bool:
    """True when ``printed`` % is ``part / base`` within half a unit of its last printed digit."""
    if base <= 0:
        return False
    exact = part * _HUNDRED / base
    half = Decimal(5) / (Decimal(10) ** (decimals + 1))
    return abs(exact - printed) <= half


def _counts(qs, start: int = 0, end: int | None = None) -> list[Quantity]:
    """The counts (not shares) outside brackets that start in [start, end)."""
    if end is None and not start:
        return [q for q in qs if q.unit != "%" and not q.in_parens]
    if end is None:
        end = sys.maxsize
    return [q for q in qs if q.unit != "%" and not q.in_parens and start <= q.span.start < end]


def _take_parts(candidates: list[Quantity], unit: str) -> list[Quantity]:
    """The leading run of candidates that belong to one list.

    The run ends at a count in another unit (a bare count after "…数" takes
    the list's unit), at a label that starts another measure, and — in a list
    whose first part prints its share — at a non-zero count without a share.
    """
    parts: list[Quantity] = []
    for q in candidates:
        if (q.unit != unit and q.unit) or _STOP.search(q.label):
            break
        if parts and parts[0].share is not None and q.share is None and q.value != 0:
            break
        parts.append(q)
    return parts


def _exhaustive(parts: list[Quantity], total: Quantity | None, head: str, kind: str) -> str | None:
    labels = [p.label for p in parts]
    if any(_OTHER.search(lb) for lb in labels):
        return "其他"
    if "主要" in head:
        return None
    if total is not None and all(p.share is not None for p in parts):
        shares = sum((p.share.value for p in parts), Decimal(0))
        tol = sum((Decimal(5) / (Decimal(10) ** (p.share.decimals + 1)) for p in parts), Decimal(0))
        if abs(shares - _HUNDRED) <= tol:
            return "shares"
    for group in _SPLITS:
        if all(any(rx.search(lb) for lb in labels) for rx in group):
            return "split"
    if kind in ("分别为", "分别是"):
        return "分别为"
    return None


def _usable(total: Quantity, parts: list[Quantity]) -> bool:
    return len(parts) >= 1 and not total.approximate and not any(p.approximate for p in parts)


#: Every marker holds one of these words.
_MARKER_WORDS = ("中", "涉及", "分别", "包括")


def _marked(sent: Sentence, prev: Sentence | None, text: str) -> list[Breakdown]:
    out: list[Breakdown] = []
    s0, s1 = sent.span.start, sent.span.end
    if all(text.find(w, s0, s1) == -1 for w in _MARKER_WORDS):
        return out
    markers = list(_MARKER.finditer(text, s0, s1))
    for i, m in enumerate(markers):
        word = m.group()
        kind = (
            "其中"
            if word.startswith("其中")
            else "中"
            if word[0] == "中"
            else word.rstrip("：:，, ")
        )
        before = _counts(sent.quantities, s0, m.start())
        total = None
        bracket = _bracket_before(text, m.start(), s0)
        if kind == "其中" and bracket is not None:
            # "1331条（其中县直812条，乡镇519条）": the parts are the bracket's counts
            out.extend(_bracketed(sent, bracket, m, text))
            continue
        if before:
            q = before[-1]
            after_q = q.share.span.end if q.share is not None else q.span.end
            if after_q <= m.start() and _ADJACENT.match(text[after_q : m.start()]):
                total = q
        elif kind == "其中" and prev is not None and _SENTENCE_OPEN.match(text[s0 : m.start()]):
            prev_counts = _counts(prev.quantities)
            total = prev_counts[-1] if prev_counts else None
        if total is None:
            continue
        end = markers[i + 1].start() if i + 1 < len(markers) else s1
        cands = _counts(sent.quantities, m.end(), end)
        if i + 1 < len(markers) and cands:
            last = cands[-1]
            tail = last.share.span.end if last.share is not None else last.span.end
            if _ADJACENT.match(text[tail : markers[i + 1].start()]):
                cands = cands[:-1]
        parts = _take_parts(cands, total.unit)
        if not _usable(total, parts):
            continue
        head = text[total.label_span.start : m.end()]
        out.append(
            Breakdown(
                total,
                tuple(parts),
                kind,
                _exhaustive(parts, total, head, kind),
                sent.span,
                "主要" in head,
            )
        )
    return out


_NOUN_GAP = lazy(r"^[^，,；;。：:\d（）()]{0,8}$")
_CLOSE = lazy(r"[）)]")


def _bracket_before(text: str, start: int, floor: int) -> int | None:
    """Where the "（" right before ``start`` (spaces allowed) is, if there is one."""
    j = start - 1
    while j >= floor and text[j].isspace():
        j -= 1
    return j if j >= floor and text[j] in "（(" else None


def _bracketed(sent: Sentence, bracket: int, m, text: str) -> list[Breakdown]:
    """A breakdown in brackets after its total: "主动公开1331条（其中县直812条，乡镇519条）"."""
    before = [q for q in sent.quantities if q.is_count and q.span.end <= bracket]
    if not before or before[-1].in_parens:
        return []
    total = before[-1]
    after = total.share.span.end if total.share is not None else total.span.end
    if not _NOUN_GAP.match(text[after:bracket]):
        return []
    close = _CLOSE.search(text, m.end(), sent.span.end)
    end = close.start() if close else sent.span.end
    cands = [q for q in sent.quantities if q.is_count and m.end() <= q.span.start < end]
    parts = _take_parts(cands, total.unit)
    if not _usable(total, parts):
        return []
    head = text[total.label_span.start : m.end()]
    return [
        Breakdown(
            total,
            tuple(parts),
            "其中",
            _exhaustive(parts, total, head, "其中"),
            sent.span,
            "主要" in head,
        )
    ]


#: a sentence that names its topic first: "主动公开的政府信息，县直各单位主动公开…"
_TOPIC = lazy(r"\s*(?P<t>主动公开|依申请公开)的?(?:政府)?信息\s*[，,：:]")


def _topic_list(sent: Sentence, prev: Sentence, text: str) -> Breakdown | None:
    """A sentence that opens with its topic and lists parts of a count of the sentence before:
    "…其中主动公开政府信息2026条…。主动公开的政府信息，县直各单位主动公开政府信息2475条，
    占62.2%。各乡镇主动公开政府信息1503条，占37.8%。" (the parts of 2026)."""
    m = _TOPIC.match(text, sent.span.start, sent.span.end)
    if m is None:
        return None
    topic = m.group("t")
    totals = [q for q in _counts(prev.quantities) if topic in q.label and not _STOP.search(q.label)]
    if len(totals) != 1:
        return None
    total = totals[0]
    cands = _counts(sent.quantities)
    parts = _take_parts(cands, total.unit)
    if len(parts) != len(cands) or not _usable(total, parts):
        return None
    if not all(topic in p.label for p in parts):
        return None
    return Breakdown(total, tuple(parts), "topic", None, sent.span)


def _main_categories(sent: Sentence, earlier: list[Sentence], text: str) -> Breakdown | None:
    m = _MAIN_CATEGORIES.search(text, sent.span.start, sent.span.end)
    if not m:
        return None
    phrase = m.group(1).replace("的", "")
    cands = _counts(sent.quantities, m.end())
    if not cands:
        return None
    parts = _take_parts(cands, cands[0].unit)
    # the overall figure of the paragraphs before: the largest matching count
    matching = [
        q
        for s in earlier
        for q in _counts(s.quantities)
        if q.unit == parts[0].unit and phrase in q.label and not _STOP.search(q.label)
    ]
    total = max(matching, key=lambda q: q.value, default=None)
    if total is None or not _usable(total, parts):
        return None
    return Breakdown(
        total,
        tuple(parts),
        "主要类别",
        _exhaustive(parts, total, "主要", "主要类别"),
        sent.span,
        True,
    )


def _share_list(sent: Sentence, prev: Sentence | None) -> Breakdown | None:
    counts = _counts(sent.quantities)
    shared = [q for q in counts if q.share is not None]
    if len(shared) < 2 or prev is None:
        return None
    unit = shared[0].unit
    best, best_hits = None, 0
    for base in _counts(prev.quantities):
        if base.unit != unit or base.approximate:
            continue
        hits = sum(
            share_matches(q.value, base.value, q.share.value, q.share.decimals)
            for q in shared
            if q.unit == unit
        )
        if hits > best_hits:
            best, best_hits = base, hits
    if best is None or best_hits < 2 or best_hits * 2 < len(shared):
        return None
    parts = _take_parts(counts, unit)
    if not _usable(best, parts):
        return None
    return Breakdown(
        best, tuple(parts), "shares", _exhaustive(parts, best, "", "shares"), sent.span
    )


def breakdowns(f: Facts) -> list[Breakdown]:
    """Totals and their listed parts stated in the prose (see module docstring)."""
    text = f.numeric_text
    sents: list[Sentence] = f.sentences
    out: list[Breakdown] = []
    #: sentences a list carried on into: they make no share list of their own
    skip_to = skip_to_prev = -1
    for k, sent in enumerate(sents):
        if not sent.quantities:  # every kind of list takes its parts from the sentence
            skip_to_prev = skip_to
            continue
        prev = (
            sents[k - 1]
            if k
            and sents[k - 1].paragraph == sent.paragraph
            and sents[k - 1].span.end == sent.span.start
            else None
        )
        found = _marked(sent, prev, text)
        if not found and prev is not None:
            tb = _topic_list(sent, prev, text)
            if tb is not None:
                found.append(tb)
        if not found and text.find("主要", sent.span.start, sent.span.end) != -1:
            earlier = [s for s in sents[max(0, k - 6) : k] if sent.paragraph - s.paragraph <= 2]
            mc = _main_categories(sent, earlier, text)
            if mc is not None:
                found.append(mc)
        if not found:
            sl = _share_list(sent, prev)
            if sl is not None:
                found.append(sl)
        if found and found[-1].kind in ("其中", "涉及", "包括", "topic"):
            found[-1], last = _continued(found[-1], k, sents, text)
            skip_to = max(skip_to, last)
        if k <= skip_to_prev:
            found = [b for b in found if b.kind != "shares"]
        skip_to_prev = skip_to
        out.extend(found)
    return out


def _continued(b: Breakdown, k: int, sents: list[Sentence], text: str) -> tuple[Breakdown, int]:
    """The list of ``b`` carried on over the following sentences of its paragraph:
    "其中，县直单位公开812条，占61%。各乡镇公开519条，占39%。"

    A following sentence continues the list when every count in it is a part (same unit, no
    marker, no other measure) and either each prints the share it is of ``b``'s total or the
    longer list becomes complete (an "other" part, a complete split). Returns the breakdown and
    the index of its last sentence.
    """
    sent = sents[k]
    tail = [q for q in _counts(sent.quantities) if q.span.start > b.parts[-1].span.start]
    if tail:
        return b, k
    total = b.total
    parts = list(b.parts)
    j, end = k, sent.span.end
    while j + 1 < len(sents):
        nxt = sents[j + 1]
        if nxt.paragraph != sent.paragraph or nxt.span.start != sents[j].span.end:
            break
        if _MARKER.search(text, nxt.span.start, nxt.span.end):
            break
        cands = _counts(nxt.quantities)
        more = _take_parts(cands, total.unit)
        if not more or len(more) != len(cands) or not _usable(total, more):
            break
        if not _SENTENCE_OPEN.match(text[nxt.span.start : more[0].label_span.start]):
            break  # "主动公开的政府信息，县直…": a clause before the first count opens a new topic
        shares_fit = all(
            q.share is not None
            and share_matches(q.value, total.value, q.share.value, q.share.decimals)
            for q in more
        )
        completes = _exhaustive(parts, None, "", "") is None and _exhaustive(
            parts + more, None, "", ""
        ) in ("其他", "split")
        if not shares_fit and not completes:
            break
        parts += more
        j, end = j + 1, nxt.span.end
    if j == k:
        return b, k
    head = text[total.label_span.start : b.parts[0].label_span.start]
    return (
        Breakdown(
            total,
            tuple(parts),
            b.kind,
            _exhaustive(parts, total, head, b.kind),
            Span(b.span.start, end),
            b.declared_partial,
        ),
        j,
    )


_SUBMITTED = lazy(r"报送|上报")
_ADOPTED = lazy(r"采用|录用|刊用|采纳")
_RECEIVED = lazy(r"受理|收到|接收|接到")
_CLOSED = lazy(r"办结|答复|办理完毕|处理完毕")
_CARRY = lazy(r"结转|上年|往年|以前年度|历年|累计")


def part_whole_pairs(f: Facts) -> list[PartWhole]:
    """报送/采用 and 受理/办结 pairs: the second count is part of the first."""
    text = f.numeric_text
    out: list[PartWhole] = []
    for sent in f.sentences:
        counts = [q for q in _counts(sent.quantities) if not q.approximate]
        carry = None  # whether the sentence mentions a carry-over, read when needed
        for whole, part in zip(counts, counts[1:]):
            if whole.unit != part.unit:
                continue
            if _SUBMITTED.search(whole.label) and (km := _ADOPTED.search(part.label)):
                relation = "报送/采用"
            elif _RECEIVED.search(whole.label) and (km := _CLOSED.search(part.label)):
                if carry is None:
                    carry = _CARRY.search(text, sent.span.start, sent.span.end) is not None
                if carry:
                    continue
                relation = "受理/办结"
            else:
                continue
            kstart = part.label_span.start + _label_offset(text, part, km.start())
            out.append(PartWhole(whole, part, Span(kstart, part.span.end), relation))
    return out


def _label_offset(text: str, q: Quantity, index_in_label: int) -> int:
    """Offset in the text of character ``index_in_label`` of ``q.label``.

    Labels drop whitespace, so the two offsets differ where the text has some.
    """
    seen = 0
    for i in range(q.label_span.start, q.label_span.end):
        if text[i].isspace():
            continue
        if seen == index_in_label:
            return i - q.label_span.start
        seen += 1
    return 0
