"""The report's own sentences, normalised and hashed, to compare with last year's report.

A sentence is a run of prose (paragraphs, never headings, table cells or the
title) up to 。！？；. It is normalised so that a sentence copied with the
year and the figures changed still matches: NFKC, traditional script
simplified, every number (Arabic or Chinese: 2023, 二〇二三, 十二) becomes
``#``, and only Chinese characters, letters and ``#`` are kept. Sentences
left out: short ones (fewer than :data:`MIN_CHARS` characters after
normalising), mostly numbers (a flattened table), and the genre's own
sentences — a table label or section title of any template (``rules/tables``,
``rules/templates``), a table flattened into prose (two row labels or more),
or a sentence every report writes (``template_sentences`` in
``rules/vocabulary.toml``, found within the sentence's first 24 characters).

The hash is a stable 64-bit BLAKE2b digest (not Python's ``hash``, which
changes between processes), so notes from worker processes and the result
cache compare.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING

from gsilint.normalize import norm_label
from gsilint.patterns import LazyPattern, lazy, re_compile
from gsilint.positions import Span
from gsilint.records import dataclass
from gsilint.resources import data_dir
from gsilint.startup_cache import kept_toml
from gsilint.tables.spec import format_ids, table_format
from gsilint.templates import get_template

if TYPE_CHECKING:
    from gsilint.facts import Facts

#: Shorter sentences (after normalising) say too little to count as copied.
MIN_CHARS = 10
_SENTENCE_END = lazy(r"[。！？!?；;]+")
# plain ``re`` with the CJK blocks spelled out: several times quicker than ``regex``'s \p{Han}
_NUMBER = lazy(r"[0-9０-９〇○零一二三四五六七八九十百千万两]+")
_DROP = lazy("[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134fa-z#]+")
_HASHES = lazy(r"#{2,}")
#: Every template sentence (``template_sentences``) contains one of these words.
_OPENER_WORDS = ("报告", "条例", "统计期限")


@dataclass(frozen=True, slots=True)
class HashedSentence:
    """One prose sentence: its normalised hash, its length (normalised) and its place."""

    digest: int
    chars: int
    span: Span


def normalise_sentence(text: str, simplified: bool = False) -> str:
    """A sentence as the comparison sees it: numbers as ``#``, only Han, letters and ``#``.

    ``simplified``: the text is already in simplified script (``doc.simplified``); it is
    then not NFKC-normalised either (the slowest step): full-width digits are numbers all
    the same, and full-width letters and punctuation are dropped like any other.
    """
    s = text if simplified else norm_label(text)
    s = _NUMBER.sub("#", s.lower())
    return _HASHES.sub("#", _DROP.sub("", s))


#: stands for a sentence end while a whole paragraph is normalised at once
_END = "\x00"
#: the sentence-end characters (a run of them ends one sentence, and leaves empty ones)
_END_CHARS = "。！？!?；;"
#: runs of what a normalised sentence keeps: Han, letters, ``#``, ``_END`` and the
#: numbers that are not Han (0-9, full-width digits, 〇 ○), which then become ``#``
_KEPT_RUN = lazy(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134fa-z#\x000-9０-９〇○]+"
)
#: a number next to numbers and ``#`` once the dropped characters are gone: one ``#``
_NUMBER_RUN = lazy(r"[#0-9０-９〇○零一二三四五六七八九十百千万两]+")


def normalise_sentences(simplified_text: str) -> list[str]:
    """``normalise_sentence(s, simplified=True)`` of each sentence of a paragraph (cut at
    ``_SENTENCE_END``), done over the paragraph at once."""
    # a NUL of the text itself becomes another dropped character, not a sentence end
    return _normalise_marked(_SENTENCE_END.sub(_END, simplified_text.replace(_END, "\x01")))


def _normalise_marked(marked: str) -> list[str]:
    """The normalised pieces of a text whose sentence ends are already ``_END``.

    What ``normalise_sentence`` does in another order, with the same result: the
    dropped characters go first (numbers stay), then every run of numbers and ``#``
    becomes one ``#`` — two passes over the text instead of three.
    """
    kept = "".join(_KEPT_RUN.findall(marked.lower()))
    return _NUMBER_RUN.sub("#", kept).split(_END)


def digest(normalised: str) -> int:
    return int.from_bytes(hashlib.blake2b(normalised.encode(), digest_size=8).digest(), "big")


def _mark_ends(text: str) -> str:
    """``text`` with each sentence-end character replaced by ``_END`` (``str.replace`` per
    character present: several times quicker than a pattern's ``sub``)."""
    for ch in _END_CHARS:
        if ch in text:
            text = text.replace(ch, _END)
    return text


@cache
def _genre_sentences() -> tuple[frozenset[str], LazyPattern | None]:
    """Normalised labels and titles of every template, and the template-sentence openers."""
    labels: set[str] = set()
    for fmt in format_ids():
        spec = table_format(fmt)
        for table in (spec.t2, spec.t3, spec.t4):
            labels.add(normalise_sentence(table.title))
            labels.update(normalise_sentence(r.label) for r in table.rows)
            labels.update(normalise_sentence(c.label) for c in table.columns)
            labels.update(normalise_sentence(t) for _, t in table.group_titles)
    for tid in ("2008", "2019", "2021"):
        for section in get_template(tid).sections:
            labels.update(normalise_sentence(t) for t in (section.title, *section.variants))
    openers = kept_toml(data_dir("rules") / "vocabulary.toml").get("template_sentences", [])
    # near the start: a flattened copy may run the title's tail into the first sentence
    # (``lazy`` compiles it with ``re`` when it can: twice as quick as ``regex`` here)
    pattern = lazy(r"^.{0,24}?(?:" + "|".join(openers) + ")") if openers else None
    return frozenset(labels), pattern


@cache
def _table_labels() -> tuple[str, ...]:
    """Row labels of every table format (normalised, numbering dropped), 4 characters or more."""
    out = set()
    for fmt in format_ids():
        spec = table_format(fmt)
        for table in (spec.t2, spec.t3, spec.t4):
            for r in table.rows:
                core = normalise_sentence(r.label).lstrip("#")
                if len(core) >= 4:
                    out.add(core)
    return tuple(sorted(out))


@cache
def _any_table_label() -> re.Pattern:
    """Finds whether a sentence holds any of :func:`_table_labels` (most hold none): one
    search that skips the places where no label can start."""
    return re_compile("|".join(re.escape(label) for label in _table_labels()))


def _kept(normalised: str) -> bool:
    if len(normalised) < MIN_CHARS:
        return False
    numbers = normalised.count("#")
    if numbers * 4 > len(normalised):  # mostly numbers: a flattened table
        return False
    labels, openers = _genre_sentences()
    if normalised in labels:
        return False
    head = normalised[:120]
    # the openers are only tried on a sentence with one of their words
    if openers is not None and _has_opener_word(head) and openers.match(head):
        return False
    # a table flattened into prose: two row labels of the template or more
    if len(normalised) < 16 or numbers < 2 or not _any_table_label().search(normalised):
        return True
    return sum(1 for label in _table_labels() if label in normalised) < 2


def _has_opener_word(head: str) -> bool:
    for word in _OPENER_WORDS:  # a loop: ``any`` over a generator takes twice as long
        if word in head:
            return True
    return False


def hashed_sentences(f: Facts) -> list[HashedSentence]:
    """The report's prose sentences, normalised and hashed, in document order.

    All paragraphs are normalised at once, joined by ``_END`` (a paragraph end
    is a sentence end), and only the sentences kept are then placed.
    """
    simplified = f.doc.simplified
    pieces = [p for p in f.hygiene_prose if p.kind == "paragraph"]
    if not pieces:
        return []
    texts = [simplified[p.start : p.start + len(p.text)] for p in pieces]
    if _END in simplified:
        texts = [t.replace(_END, "\x01") for t in texts]
    joined = _END.join(texts)
    # each sentence-end character is a cut: a run of them leaves empty sentences between
    marked = _mark_ends(joined)
    raws = marked.split(_END)
    # where each sentence starts in the joined text (after the cut that ends the one before)
    begins = list(accumulate((len(raw) + 1 for raw in raws), initial=0))
    # where each paragraph starts in the joined text, and in the document
    para_starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    shifts = [p.start - at for p, at in zip(pieces, para_starts)]
    out: list[HashedSentence] = []
    for k, normalised in enumerate(_normalise_marked(marked)):
        if len(normalised) < MIN_CHARS or not _kept(normalised):
            continue
        raw = raws[k]
        start = begins[k] + shifts[bisect_right(para_starts, begins[k]) - 1]
        span = Span(start + len(raw) - len(raw.lstrip()), start + len(raw))
        out.append(HashedSentence(digest(normalised), len(normalised), span))
    return out
