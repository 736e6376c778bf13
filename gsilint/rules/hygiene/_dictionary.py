"""Is this string a Chinese word? Looked up in jieba's dictionary, read lazily.

T501 needs to know whether a doubled unit sits on a word boundary
(公开工作|工作量, 目的|的统一) rather than being a word written twice. The
dictionary of the jieba segmenter (349k words with frequencies, MIT) is the
maintained word list for that. Only its data file is read — jieba itself is
never imported or initialised — and only the first time a doubling needs a
look-up, so reports without a candidate pay nothing.
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _dictionary_text() -> bytes:
    """The dictionary file, each entry on its own line as ``word freq tag``, led by a newline.

    The file is found through the package's import spec, which does not run the package
    (``importlib.resources.files`` would import jieba: a quarter of a second)."""
    try:
        spec = importlib.util.find_spec("jieba")
        if spec is None or not spec.origin:
            return b""
        path = os.path.join(os.path.dirname(spec.origin), "dict.txt")
        with open(path, "rb") as fh:  # searched as UTF-8 bytes: decoding 5 MB costs more
            return b"\n" + fh.read()
    except (ImportError, ValueError, OSError):
        return b""


#: A search of the whole file costs about 2 ms, reading all its words into a set about
#: 90 ms: after this many searches the set is built, so that a run never pays more than
#: twice what the better of the two would have cost, and a single report pays little.
_SEARCHES_BEFORE_A_SET = 40


class _Lookups:
    """How the dictionary is asked: a search of its text, then its words as a set."""

    searches = 0
    words: frozenset[bytes] | None = None


#: What precedes the first space of a line (one C scan: splitting each line costs twice).
_ENTRY = re.compile(rb"^([^ \n]*) ", re.MULTILINE)


def _word_set(text: bytes) -> frozenset[bytes]:
    """Every entry of the dictionary text: what precedes the first space of a line."""
    return frozenset(_ENTRY.findall(text))


@lru_cache(maxsize=4096)
def is_word(text: str) -> bool:
    """Whether ``text`` is an entry of the dictionary (False when jieba is not installed)."""
    if not text:
        return False
    if " " in text or "\n" in text:
        # not an entry, but the search may find it across an entry's fields or lines
        return _search(text)
    if _Lookups.words is None:
        if _Lookups.searches < _SEARCHES_BEFORE_A_SET:
            _Lookups.searches += 1
            return _search(text)
        _Lookups.words = _word_set(_dictionary_text())
    return text.encode() in _Lookups.words


def _search(text: str) -> bool:
    """Whether a line of the dictionary starts with ``text`` and a space."""
    return _dictionary_text().find(f"\n{text} ".encode()) >= 0


def dictionary_available() -> bool:
    """Whether jieba's dictionary could be read."""
    return bool(_dictionary_text())
