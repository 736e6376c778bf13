"""X405 copied-from-last-year: most of the report's sentences are last year's (内容雷同).

A cross-file rule (:mod:`gsilint.rules.crossfile`): each file's check notes its
body, year and the hashes of its normalised prose sentences (the fact
``hashed_sentences``, :mod:`gsilint.facts.copying`); the run pairs the reports of
one body in consecutive years (:mod:`gsilint.rules.crossfile_pairing`) and
counts how much of this year's text is found, sentence for sentence, in last
year's. Hashing makes it linear in the length of the reports.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from gsilint.findings import Location, Severity
from gsilint.records import dataclass
from gsilint.rules import rule
from gsilint.rules.crossfile import Place, RunIssue
from gsilint.rules.crossfile_pairing import body_key, last_year

#: How many of the longest copied passages a finding points to.
_PASSAGES = 3


#: Where a sentence starts in the original file: (offset, line, column, label, excerpt).
#: A plain tuple per sentence; a :class:`Place` is made only for the passages pointed to.
SentenceStart = tuple[int, int, int, "str | None", str]


@dataclass(frozen=True, slots=True)
class CopyNote:
    """What X405 keeps of one report: body, year, and its sentences as hashes."""

    org: str
    year: int
    #: the share (percent) that warns, from this file's configuration
    threshold: int
    #: (hash, normalised length) of each prose sentence, in document order
    sentences: tuple[tuple[int, int], ...]
    #: where each sentence starts (parallel to ``sentences``), see :func:`_starts`
    places: tuple[SentenceStart, ...]
    #: where a report-level finding goes (the title, else the first sentence)
    at: Place


def _passages(cur: CopyNote, copied: list[bool]) -> list[tuple[int, int, int]]:
    """Runs of consecutive copied sentences: (characters, first index, sentence count)."""
    runs: list[tuple[int, int, int]] = []
    i = 0
    while i < len(copied):
        if not copied[i]:
            i += 1
            continue
        j = i
        chars = 0
        while j < len(copied) and copied[j]:
            chars += cur.sentences[j][1]
            j += 1
        runs.append((chars, i, j - i))
        i = j
    runs.sort(key=lambda r: (-r[0], r[1]))
    return runs[:_PASSAGES]


def _share(cur: CopyNote, prev: CopyNote) -> tuple[float, list[bool]]:
    seen = {h for h, _ in prev.sentences}
    copied = [h in seen for h, _ in cur.sentences]
    total = sum(n for _, n in cur.sentences)
    same = sum(n for (_, n), c in zip(cur.sentences, copied) if c)
    return (same / total if total else 0.0), copied


def compare_copies(notes: Mapping[str, CopyNote]) -> Iterator[RunIssue]:
    """Pair each report with last year's report of the same body and measure the copied share."""
    for path in sorted(notes):
        cur = notes[path]
        if not cur.sentences:
            continue
        best = None
        for prev_path, prev in last_year(notes, path):
            if not prev.sentences:
                continue
            share, copied = _share(cur, prev)
            if best is None or share > best[0]:
                best = (share, copied, prev_path, prev)
        if best is None:
            continue
        share, copied, prev_path, prev = best
        pct = round(share * 100)
        if share * 100 < cur.threshold:
            continue
        n, total = sum(copied), len(copied)
        zh = (
            f"与{prev.year}年报告（{prev_path}）内容雷同：本报告{pct}%的文字（{n}/{total}句）"
            f"在上年报告中原样出现（不计年份、数字和标点），达到{cur.threshold}%；"
            "应按本年度工作实际撰写"
        )
        en = (
            f"copied from the {prev.year} report ({prev_path}): {pct}% of this report's text "
            f"({n} of {total} sentences) appears in last year's report (years, numbers and "
            f"punctuation aside), at or above {cur.threshold}%"
        )
        related = tuple(
            (
                _place(cur.places[first]),
                f"与上年相同的段落：连续{count}句，{chars}字",
                f"copied passage: {count} sentences in a row, {chars} characters",
            )
            for chars, first, count in _passages(cur, copied)
        )
        yield RunIssue(path, cur.at, zh, en, related)


def _starts(ctx, starts: list[int]) -> tuple[SentenceStart, ...]:
    """Where each sentence starts (parsed-text offsets ``starts``) in the original file."""
    source = ctx.source
    original = source.original
    # a plain text file is its own original: the offsets need no mapping
    ats = starts if source.text is original else map(source.to_original, starts)
    position = source.index.position
    if source.labels:
        label_at = source.label_at
        # what ``source.excerpt`` gives for the empty location at ``at``
        return tuple((at, *position(at), label_at(at), original[at : at + 20]) for at in ats)
    return tuple((at, *position(at), None, original[at : at + 20]) for at in ats)


def _place(start: SentenceStart) -> Place:
    """A sentence's start as a place (an empty location: a passage is pointed at, not spanned)."""
    at, line, column, label, excerpt = start
    return Place(Location(at, at, line, column, line, column, label), excerpt)


@rule(
    "X405",
    "copied-from-last-year",
    Severity.WARNING,
    "内容与上年报告雷同",
    "the report is mostly last year's text",
    compare=compare_copies,
)
def copied_from_last_year(ctx) -> CopyNote | None:
    """
    年度报告应反映本年度的工作。本规则把报告正文逐句与同一机关上一年度的报告比较
    （年份、数字和标点不计，模板的表格标签、栏目标题和“统计期限”等每份报告都有的句子
    不计），与上年相同的文字达到阈值（默认50%，配置项 copy-threshold）时给出警告，
    并指出最长的几段雷同文字。上一年度的报告须在同一次检查中，或用 --previous 指定。

    A report should describe this year's work. Each prose sentence is compared
    with last year's report of the same body (years, numbers and punctuation
    aside; table labels, section titles and sentences every report writes are
    left out). When the copied share of the text reaches the threshold
    (default 50%, setting copy-threshold) this warns at the report's title and
    points to the longest copied passages. Last year's report must be in the
    same run or given with --previous.

    错误示例 / Bad:
        淮安市洪泽区人民政府2023年政府信息公开工作年度报告
        …
        一、总体情况
        2023年，区政府坚持以习近平新时代中国特色社会主义思想为指导，全面推进政务公开工作。围绕重点领域信息公开，及时发布财政预决算、重大建设项目等信息。
        ---
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        一、总体情况
        2024年，区政府坚持以习近平新时代中国特色社会主义思想为指导，全面推进政务公开工作。围绕重点领域信息公开，及时发布财政预决算、重大建设项目等信息。
    正确示例 / Good:
        淮安市洪泽区人民政府2023年政府信息公开工作年度报告
        …
        一、总体情况
        2023年，区政府坚持以习近平新时代中国特色社会主义思想为指导，全面推进政务公开工作。围绕重点领域信息公开，及时发布财政预决算、重大建设项目等信息。
        ---
        淮安市洪泽区人民政府2024年政府信息公开工作年度报告
        …
        一、总体情况
        2024年，区政府聚焦企业和群众关切，新建政策文件库，集中公开现行有效规范性文件。依申请公开实行台账管理，答复文书统一经法制审核后出具。
        五、存在的主要问题及改进情况
        政策解读形式较为单一，图解和视频解读占比不高，下一步将丰富解读形式。
        六、其他需要报告的事项
        本年度未收取政府信息公开信息处理费，也未发生需要说明的其他事项。
    """
    year = ctx.facts.report_year
    org = body_key(ctx.facts.organisation)
    if year is None or org is None:
        return None  # never paired: its sentences are not hashed
    sentences = ctx.facts.hashed_sentences
    if not sentences:
        return None
    title = ctx.facts.title
    span = getattr(title, "span", None) or sentences[0].span
    return CopyNote(
        org,
        year.value,
        ctx.config.copy_threshold,
        tuple((s.digest, s.chars) for s in sentences),
        _starts(ctx, [s.span.start for s in sentences]),
        ctx.place(span),
    )
