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
from functools import lru_cache


@lru_cache(maxsize=1)
def _dictionary_text() -> str:
    """The dictionary file, each entry on its own line as ``word freq tag``, led by a newline.

    The file is found through the package's import spec, which does not run the package
    (``importlib.resources.files`` would import jieba: a quarter of a second)."""
    try:
        spec = importlib.util.find_spec("jieba")
        if spec is None or not spec.origin:
            return ""
        path = os.path.join(os.path.dirname(spec.origin), "dict.txt")
        with open(path, encoding="utf-8") as fh:
            return "\n" + fh.read()
    except (ImportError, ValueError, OSError):
        return ""


@lru_cache(maxsize=4096)
def is_word(text: str) -> bool:
    """Whether ``text`` is an entry of the dictionary (False when jieba is not installed)."""
    return bool(text) and _dictionary_text().find(f"\n{text} ") >= 0


def dictionary_available() -> bool:
    """Whether jieba's dictionary could be read."""
    return bool(_dictionary_text())
