"""What the prose says about applications, results, review and litigation.

Two kinds of claim, both compared with tables 三 and 四 by the X4xx rules:

- :class:`CountClaim` — a count the text quotes: "共收到政府信息公开申请75件"
  (``received``), "办结1191件" (``closed``), "上年结转189件" (``carried_over``),
  "结转下一年31件" / "另有103件顺延到下年度" (``carry_forward``), "予以公开及部分
  公开208件" (``granted_partial``) and the other result categories, "行政复议
  351件" (``review``), "行政诉讼46件" (``litigation``), and the results of
  review and litigation listed after them ("其中结果维持72件" →
  ``review.upheld``).
- :class:`WordClaim` — a statement without numbers: "未收到政府信息公开申请"
  (``no_applications``), "没有…行政复议…" (``no_review``), "…行政诉讼…"
  (``no_litigation``), "均获维持" (``all_upheld``), "所有申请均已办理完成" /
  "受理…154件，全部依法按时办结" (``all_closed``), "申请…均予以公开"
  (``all_granted``), "无不予公开政府信息情况" (``no_refusal``).

Only sentences about disclosure work are read (they mention 公开 and, for
counts of applications, 申请); labels naming another year, last year or a
cumulative figure are left out.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import regex

from gsilint.facts.breakdowns import Breakdown
from gsilint.facts.quantities import Quantity, Sentence
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.records import dataclass

if TYPE_CHECKING:
    from gsilint.facts import Facts

#: label pattern → result kind, first match wins
_RESULTS = (
    (
        lazy(r"(?:予以公开|同意公开)(?:答复)?(?:及|和|与|、|以及)部分公开"),
        "granted_partial",
    ),
    (lazy(r"部分公开"), "partial"),
    (lazy(r"予以公开|同意公开"), "granted"),
    (lazy(r"不予公开"), "refused"),
    (lazy(r"无法提供"), "unable"),
    (lazy(r"不予处理"), "not_processed"),
    (lazy(r"其他处理"), "other_processed"),
)
_CARRIED = lazy(r"上一?年度?结转|上年度?转入")
_FORWARD_LABEL = lazy(r"(?:结转|顺延|转)(?:至|到|入)?(?:下一?年度?|\d{4}年)")
_FORWARD_TAIL = lazy(r"^\s*(?:申请)?\s*(?:顺延|结转|转)(?:至|到|入)?\s*(?:下一?年度?|\d{4}\s*年)")
_RECEIVED = lazy(r"收到|受理|接收|接到|新收")
_NEW_ONLY = lazy(r"收到|接收|接到|新收")
_MENTIONS_CARRY = lazy(r"结转|上一?年度?|转入")
_CLOSED = lazy(r"办结|答复|办理|处理完毕")
_NOT_APPLICATION = lazy(r"复议|诉讼|起诉|案件|结转|顺延|率|咨询|投诉|留言|办件|审批|许可|热线|事项")
_OTHER_TIME = lazy(r"去年|上年(?!度?结转)|同比|累计|历年|以来|截至|截止")
_YEAR = lazy(r"((?:19|20)\d\d)年")
_REVIEW = lazy(r"行政复议")
_AFTER_REVIEW = lazy(r"复议后(?:起诉|诉讼)")
_DIRECT_SUIT = lazy(r"直接(?:起诉|诉讼)")
_SUIT = lazy(r"诉讼|起诉")
_REVIEW_OR_LITIGATION = lazy(r"复议|诉讼|起诉")
_CASE_RESULTS = (
    (lazy(r"维持"), "upheld"),
    (lazy(r"纠正"), "corrected"),
    (lazy(r"尚未审结|未审结|在审"), "pending"),
    (lazy(r"其他结果"), "other"),
)
_TAIL = lazy(r"[^，,；;。：:、（）()]{0,12}")

_NO_APPLICATIONS = lazy(
    r"(?:未|没有|无)(?:收到|接到|受理)(?:任何)?(?:[^。，,；;]{0,16}?)(?:政府信息公开|信息公开|依申请公开)?[^。，,；;]{0,8}?申请"
)
_NO_CASES = lazy(
    r"(?:未|没有|无)(?:发生|出现|收到|接到|有)?(?:因|涉及|关于|有关)?[^。；;，,]{0,20}?(?:行政复议|行政诉讼)"
)
_NOT_ABSENCE = lazy(r"未经|纠错|败诉|纠正|撤销|确认违法|\d")
_ALL_UPHELD = lazy(r"(?:均|全部|都)(?:获|被|予以|为|已)?(?:法院|复议机关)?(?:判决|裁定|决定)?维持")
_ALL_CLOSED = lazy(
    r"申请(?:均|都|全部)已?(?:按要求|按时|依法)?(?:办理完成|办理完毕|办结)"
    r"|(?<=(?:申请|事项)[^。；;]{0,12}?[，,]\s*)(?:均|全部|都)已?(?:依法)?(?:按时|按期|按要求)?"
    r"(?:办理完成|办理完毕|办结)"
)
#: "申请…均予以公开": every request granted in full
_ALL_GRANTED = lazy(
    r"(?<=申请[^。；;]{0,16}?)(?:均|全部|都)已?(?:依法)?(?:予以公开|同意公开|公开答复)"
)
#: "无不予公开政府信息情况": no request refused
_NO_REFUSAL = lazy(
    r"(?:无|没有|未)(?:出现|发生|作出)?不予公开(?:政府信息)?(?:的)?(?:情况|情形|申请|答复|决定)?"
)


@dataclass(frozen=True, slots=True)
class CountClaim:
    """A count the text quotes about applications, results, review or litigation."""

    kind: str
    quantity: Quantity
    #: the breakdown whose total this claim is, when its parts are claims too
    parent: CountClaim | None = None
    #: the sentence speaks of last year's carry-over (结转, 上年): "received" may then include it
    with_carry: bool = False


@dataclass(frozen=True, slots=True)
class WordClaim:
    """A statement in words (no number) that the tables can confirm or deny."""

    kind: str
    span: Span
    text: str
    #: for all_upheld: which of review / litigation the sentence speaks of
    groups: tuple[str, ...] = ()


def _tail(text: str, q: Quantity) -> str:
    end = q.share.span.end if q.share is not None else q.span.end
    m = _TAIL.match(text, end)
    return m.group() if m else ""


def _other_year(label: str, year: int | None) -> bool:
    if _OTHER_TIME.search(label):
        return True
    return (
        year is not None
        and "年" in label  # every year written holds it
        and any(int(y) != year for y in _YEAR.findall(label))
    )


def _case_kind(label: str) -> str | None:
    if _AFTER_REVIEW.search(label):
        return "suit_after_review"
    if _DIRECT_SUIT.search(label):
        return "direct_suit"
    if _REVIEW.search(label):
        return "review"
    if _SUIT.search(label):
        return "litigation"
    return None


#: The units of a count a claim may quote.
_CLAIM_UNITS = ("件", "")


def classify(q: Quantity, sentence: str, tail: str, paragraph: str | None = None) -> str | None:
    """The claim kind of a count, from its label, what follows it, its sentence and paragraph.

    ``received`` (收到, 接收, 新收) counts this year's new requests only;
    ``accepted`` (受理) may include last year's carry-over.
    """
    if q.unit not in _CLAIM_UNITS or q.approximate:
        return None
    label = q.label
    if "公开" not in (sentence if paragraph is None else paragraph):
        return None
    if _CARRIED.search(label):
        return "carried_over"
    if _FORWARD_LABEL.search(label) or _FORWARD_TAIL.match(tail):
        return "carry_forward"
    case = _case_kind(label)
    if case is not None:
        return case if ("复议" in sentence or "诉讼" in sentence) else None
    if "申请" not in sentence and "答复" not in sentence:
        return None
    if "主动公开" in label or "信息数" in label:
        return None
    for rx, kind in _RESULTS:
        if rx.search(label):
            return kind
    if _NOT_APPLICATION.search(label):
        return None
    about_applications = "申请" in label or "申请" in tail
    if _RECEIVED.search(label) and about_applications:
        return "accepted" if "受理" in label and not _NEW_ONLY.search(label) else "received"
    if _CLOSED.search(label) and ("申请" in sentence):
        return "closed"
    return None


def _sub_kind(parent: str, label: str) -> str | None:
    if parent == "closed":  # "办结81件，其中：予以公开及部分公开42件…" — the results
        if "主动公开" in label:
            return None
        return next((kind for rx, kind in _RESULTS if rx.search(label)), None)
    if parent in ("review", "litigation", "direct_suit", "suit_after_review"):
        for rx, col in _CASE_RESULTS:
            if rx.search(label):
                return f"{parent}.{col}"
    if parent in ("received", "accepted"):
        if "自然人" in label:
            return f"{parent}.natural_person"
        if "法人" in label:
            return f"{parent}.organisations"
        if "商业企业" in label:
            return f"{parent}.commercial"
    return None


def count_claims(f: Facts) -> list[CountClaim]:
    """Counts the prose quotes about applications and review/litigation (see module docstring)."""
    text = f.numeric_text
    year = f.report_year.value if f.report_year is not None else None
    sents: list[Sentence] = f.sentences
    out: list[CountClaim] = []
    by_span: dict[Span, CountClaim] = {}
    paras = f.prose_spans
    para_index, para_text = -1, ""
    for sent in sents:
        s = text[sent.span.start : sent.span.end]
        if sent.paragraph != para_index:  # the sentences of a paragraph follow each other
            para_index = sent.paragraph
            para = paras[para_index]
            para_text = text[para.start : para.end]
        for q in sent.quantities:
            # classify() takes only 件 and bare counts, never approximate ones
            if q.unit not in _CLAIM_UNITS or q.approximate or _other_year(q.label, year):
                continue
            kind = classify(q, s, _tail(text, q), para_text)
            if kind is not None:
                # 新收 is row 一 alone, whatever else the sentence says about 结转
                carry = bool(_MENTIONS_CARRY.search(s)) and "新收" not in q.label
                claim = CountClaim(kind, q, with_carry=carry)
                out.append(claim)
                by_span[q.span] = claim
    # the parts of a review/litigation or received breakdown: "行政复议351件，其中结果维持72件…"
    b: Breakdown
    for b in f.breakdowns:
        parent = by_span.get(b.total.span)
        if parent is None:
            continue
        for p in b.parts:
            sub = _sub_kind(parent.kind, p.label)
            if sub is None:
                continue
            claim = CountClaim(sub, p, parent, parent.with_carry)
            if p.span in by_span:
                out.remove(by_span[p.span])
            by_span[p.span] = claim
            out.append(claim)
    out.sort(key=lambda c: c.quantity.span.start)
    return out


_SENTENCE = lazy(r"[^。！？!?；;]+")
_COMMA = lazy(r"[，,]")
#: Any of the claims in words. A paragraph without one is skipped at the cost of
#: one search; none of these patterns looks around its match, so a claim in a
#: sentence is also a match in its paragraph.
_ANY_WORD_CLAIM = lazy(
    "|".join(
        f"(?:{p.pattern})"
        for p in (_NO_APPLICATIONS, _NO_CASES, _ALL_UPHELD, _ALL_CLOSED, _ALL_GRANTED, _NO_REFUSAL)
    )
)


def word_claims(f: Facts) -> list[WordClaim]:
    """Statements in words about applications, review and litigation (see module docstring)."""
    text = f.numeric_text
    out: list[WordClaim] = []
    for span in f.prose_spans:
        if not _ANY_WORD_CLAIM.search(text, span.start, span.end):
            continue
        for sm in _SENTENCE.finditer(text, span.start, span.end):
            sentence = sm.group()
            base = sm.start()
            if "公开" not in sentence and "复议" not in sentence and "诉讼" not in sentence:
                continue
            out.extend(_sentence_claims(sentence, base))
    return out


def _sentence_claims(sentence: str, base: int) -> list[WordClaim]:
    out: list[WordClaim] = []
    for m in _NO_APPLICATIONS.finditer(sentence):
        if not _REVIEW_OR_LITIGATION.search(sentence[m.start() : m.end() + 6]):
            out.append(
                WordClaim("no_applications", Span(base + m.start(), base + m.end()), m.group())
            )
    for m in _NO_CASES.finditer(sentence):
        if _NOT_ABSENCE.search(sentence[m.start() : m.end() + 10]):
            continue
        window = sentence[m.start() : m.end() + 12]
        if "复议" in window:
            out.append(WordClaim("no_review", Span(base + m.start(), base + m.end()), m.group()))
        if "诉讼" in window:
            out.append(
                WordClaim("no_litigation", Span(base + m.start(), base + m.end()), m.group())
            )
    for m in _ALL_UPHELD.finditer(sentence):
        before = sentence[: m.start()]
        groups = tuple(
            g
            for g, words in (("review", ("复议",)), ("litigation", ("诉讼", "起诉")))
            if any(w in before for w in words)
        )
        if groups:
            out.append(
                WordClaim("all_upheld", Span(base + m.start(), base + m.end()), m.group(), groups)
            )
    for m in _ALL_CLOSED.finditer(sentence):
        clause = _COMMA.split(sentence[: m.start()])[-1]
        if _CARRIED.search(clause):
            continue  # "上年结转的申请均已办结": last year's requests, not this year's
        out.append(WordClaim("all_closed", Span(base + m.start(), base + m.end()), m.group()))
    if "主动公开" not in sentence:
        for m in _ALL_GRANTED.finditer(sentence):
            out.append(WordClaim("all_granted", Span(base + m.start(), base + m.end()), m.group()))
    for m in _NO_REFUSAL.finditer(sentence):
        out.append(WordClaim("no_refusal", Span(base + m.start(), base + m.end()), m.group()))
    return out


# -- table 二: 规章 and 行政规范性文件 -----------------------------------------

_T2_ROW = (
    (lazy(r"规范性文件"), "t2.normative_documents"),
    (lazy(r"规章"), "t2.regulations"),
)
#: label words → column of table 二's (一)项: 2021 key, 2019 key
_T2_COL = (
    (lazy(r"现行有效"), ("in_force", None)),
    (lazy(r"废止"), ("repealed", None)),
    (
        lazy(r"(?:本年度?|全年|年内)[^，,；;。]{0,4}?(?:制发|新制定|制定|出台)"),
        ("issued", "made"),
    ),
)
#: the label ends with the documents counted
_T2_DOCUMENTS_LAST = lazy(r"(?:规范性文件|规章)$")
#: another body's documents, a list that names more than one kind, an old figure
_T2_NOT = lazy(r"部门|等|及|和|、|解读|征求|修订|修改|起草|备案")


@dataclass(frozen=True, slots=True)
class TableTwoClaim:
    """A count of 规章 / 行政规范性文件 the text quotes that table 二 also states:
    "现行有效行政规范性文件393件" (``in_force``), "本年度制发的规范性文件77件" (``issued``),
    "废止…规范性文件N件" (``repealed``). ``columns``: the column key in the 2021 and 2019
    layouts (None where that layout has no such column)."""

    row: str
    columns: tuple[str, str | None]
    quantity: Quantity


def table_two_claims(f: Facts) -> list[TableTwoClaim]:
    """Counts of 规章 / 行政规范性文件 stated in the prose (see :class:`TableTwoClaim`)."""
    year = f.report_year.value if f.report_year is not None else None
    out: list[TableTwoClaim] = []
    for q in f.quantities:
        if q.unit != "件" or q.approximate or q.in_parens or q.decimals:
            continue
        label = q.label
        if _other_year(label, year) or _T2_NOT.search(label):
            continue
        row = next((key for rx, key in _T2_ROW if rx.search(label)), None)
        col = next((cols for rx, cols in _T2_COL if rx.search(label)), None)
        if row is None or col is None:
            continue
        if not _T2_DOCUMENTS_LAST.search(label):
            continue  # the count is of the documents themselves, nothing after them
        out.append(TableTwoClaim(row, col, q))
    return out


@dataclass(frozen=True, slots=True)
class GluedRow:
    """A row of table 二 in a crawler copy whose cells are glued into one digit string
    ("行政规范性文件77132470" = 制发, 废止, 现行有效 without separators)."""

    row: str
    digits: str
    span: Span
    #: how many numbers the digits hold
    cells: int = 3


_GLUED_T2 = lazy(
    r"本年制发件数\s*本年废止件数\s*现行有效件数\s*规章\s*(?P<reg>\d+)\s*(?:行政)?规范性文件\s*(?P<doc>\d+)(?=\D|$)"
)


def glued_table_two(f: Facts) -> list[GluedRow]:
    """Table 二's (一)项 rows of a crawler copy with glued cells (empty when table 二 was read)."""
    if f.t2 is not None:
        return []
    text = f.numeric_text
    if "现行有效件数" not in text:
        return []
    m = _GLUED_T2.search(text)
    if m is None:
        return []
    return [
        GluedRow(row, m.group(g), Span(m.start(g), m.end(g)))
        for row, g in (("t2.regulations", "reg"), ("t2.normative_documents", "doc"))
    ]


def splits(digits: str, n: int) -> list[tuple[int, ...]]:
    """Every way to read ``digits`` as ``n`` numbers without leading zeros."""
    if n == 1:
        return [(int(digits),)] if digits and (digits == "0" or digits[0] != "0") else []
    out = []
    for i in range(1, len(digits) - n + 2):
        head = digits[:i]
        if head != "0" and head[0] == "0":
            break
        out.extend((int(head), *rest) for rest in splits(digits[i:], n - 1))
    return out


# -- the old statistics table (附表, 2008–2018) ------------------------------

#: label (the clause before the count) → (row keys to try in order, column). First match wins.
_OLD = (
    (
        lazy(r"(?:累计|以来)[^，,；;。]{0,6}主动公开(?:政府)?(?:信息|文件)?$"),
        ("old.proactive",),
        "cumulative",
    ),
    (
        lazy(
            r"(?:^|共|全年|本年度?|今年|其中[：:]?|\d{4}年|本局|本机关|本部门|我局|我委|我办"
            r"|全市|全区|全县|全镇)主动公开(?:政府)?(?:信息|文件)?共?$"
        ),
        ("old.proactive",),
        "year",
    ),
    (
        lazy(r"(?:^|各级各部门|政府)网站(?:主动)?公开(?:政府)?信息$"),
        ("old.proactive.website",),
        "year",
    ),
    (
        lazy(
            r"(?:受理|收到|接收)(?:政府信息公开|依申请公开)?(?:信息)?(?:的)?申请$|受理依申请公开(?:信息)?$"
        ),
        ("old.requests",),
        "year",
    ),
    (
        lazy(r"(?:^|其中[：:]?)当面(?:提交|申请)?(?:申请)?$"),
        ("old.requests.in_person",),
        "year",
    ),
    (
        lazy(r"(?:^|其中[：:]?)(?:网上|网络)(?:提交|申请)?(?:申请)?$"),
        ("old.requests.online",),
        "year",
    ),
    (
        lazy(r"^(?:信函|来信)(?:申请)?$"),
        # not 信函（传真）申请数: the text may give fax apart (三明 2015: 传真16 + 信函6 = 22)
        ("old.requests.letter",),
        "year",
    ),
    (lazy(r"^传真(?:申请)?$"), ("old.requests.fax",), "year"),
    (lazy(r"^电子邮件(?:申请)?$"), ("old.requests.email",), "year"),
    (lazy(r"(?:^|其中[：:]?)同意公开(?:答复)?$"), ("old.replies.granted",), "year"),
    (lazy(r"(?:^|其中[：:]?)同意部分公开(?:答复)?$"), ("old.replies.partial",), "year"),
    (
        lazy(r"(?:^|其中[：:]?)(?:不同意公开|不予公开|否决公开)(?:答复)?$"),
        ("old.replies.refused",),
        "year",
    ),
)


@cache
def _old_any():
    """Any of the labels of ``_OLD``: most counts match none, found with one search, not
    twelve (compiled on first use, like the patterns it joins)."""
    return regex.compile("|".join(f"(?:{rx.pattern})" for rx, _, _ in _OLD))


#: a count of part of the body (乡镇, 县直 …) or of one channel is not the table's total
_OLD_SCOPE = lazy(r"乡镇|街道|县直|区直|市直|微博|微信|公报|媒体|电视|报刊|档案馆|图书馆")
_OLD_UNITS = ("条", "件", "个", "项", "份", "")
#: a statement of the year's figures opens with the year: "2015年，各级各部门受理…"
_OLD_OPENS = lazy(r"\s*(?:(?:19|20)\d\d\s*年度?|全年|本年度?)")
#: the same after a run-in heading: "三、政府信息依申请公开工作情况 2013年全区…"
_OLD_HEADED = lazy(r"\s*(?:[一二三四五六七八九十]+、)?[^，,；;。\d]{2,30}?\s+(?:19|20)\d\d\s*年")
#: "至2012年底，本局主动公开政府信息共48条": this year's or the cumulative figure?
_OLD_AS_OF = lazy(r"\s*(?:至|截至|截止)\s*(?P<y>(?:19|20)\d\d)\s*年(?:底|末|12月)")


@dataclass(frozen=True, slots=True)
class OldTableClaim:
    """A count the text quotes that the old statistics table also states: "累计主动公开政府信息
    324672条" (``old.proactive`` × ``cumulative``), "网站公开政府信息35335条", "当面提交32条".
    ``column`` ``as_of``: "至2012年底…主动公开…共48条" may be this year's or the cumulative."""

    rows: tuple[str, ...]
    column: str
    quantity: Quantity


def old_table_claims(f: Facts) -> list[OldTableClaim]:
    """Counts of the prose that the old statistics table states too (see :class:`OldTableClaim`).

    Read only in reports without the national tables; a count of a part of the body
    (乡镇, 县直, one channel) or of another year is left out.
    """
    if f.t3 is not None or f.t2 is not None:
        return []
    year = f.report_year.value if f.report_year is not None else None
    text = f.numeric_text
    old_any = _old_any().search
    out: list[OldTableClaim] = []
    for sent in f.sentences:
        s = text[sent.span.start : sent.span.end]
        if "公开" not in s:
            continue
        # what the sentence opens with, read for the first count that needs it
        whole_year: bool | None = None
        as_of_now: bool | None = None
        for q in sent.quantities:
            if q.unit not in _OLD_UNITS or q.approximate or q.decimals or q.in_parens:
                continue
            label = q.label
            for rx, rows, column in _OLD if old_any(label) else ():
                if not rx.search(label):
                    continue
                if _OLD_SCOPE.search(label):
                    break
                if column == "year" and rows == ("old.proactive",):
                    if as_of_now is None:
                        as_of_now = _as_of_year(s, year)
                    if as_of_now:
                        out.append(OldTableClaim(rows, "as_of", q))
                        break
                if whole_year is None and column == "year":
                    whole_year = _opens_with_year(s)
                if column == "year" and not (whole_year or _OLD_OPENS.match(label)):
                    break  # "…科技局网公开…主动公开信息87条": one body's figure, not the year's
                if column == "year" and _other_year(label, year):
                    break
                if column == "cumulative" and any(
                    year is not None and int(y) != year for y in _YEAR.findall(label)
                ):
                    break
                out.append(OldTableClaim(rows, column, q))
                break
            else:
                case = _old_case(label, text, q)
                if case is not None and whole_year is None:
                    whole_year = _opens_with_year(s)
                if case is not None and (whole_year or _OLD_OPENS.match(label)):
                    out.append(OldTableClaim((case,), "year", q))
    return out


def _opens_with_year(sentence: str) -> bool:
    """The sentence states the year's figures: it opens with the year (after a heading)."""
    return bool(_OLD_OPENS.match(sentence) or _OLD_HEADED.match(sentence))


def _as_of_year(sentence: str, year: int | None) -> bool:
    """The sentence opens with "至{year}年底": its figure may be this year's or the cumulative."""
    as_of = _OLD_AS_OF.match(sentence)
    return as_of is not None and year is not None and int(as_of.group("y")) == year


_CASE_TAIL = lazy(r"[^，,；;。]{0,24}")
_OLD_REVIEW = lazy(r"行政复议(?:申请|案件)?$")
_OLD_LITIGATION = lazy(r"行政诉讼(?:案件)?$")
_OLD_CASE_VERB = lazy(r"(?:收到|受理|发生|接到)$")


def _old_case(label: str, text: str, q: Quantity) -> str | None:
    """A count of review or litigation cases: "行政复议1件", "收到1份…行政复议申请"."""
    if q.unit not in ("件", "份", "起", ""):
        return None
    if _OLD_REVIEW.search(label):
        return "old.review"
    if _OLD_LITIGATION.search(label):
        return "old.litigation"
    if _OLD_CASE_VERB.search(label):
        m = _CASE_TAIL.match(text, q.span.end)
        tail = m.group() if m else ""
        if "行政复议" in tail and "诉讼" not in tail:
            return "old.review"
        if "行政诉讼" in tail and "复议" not in tail:
            return "old.litigation"
    return None
