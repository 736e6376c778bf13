"""The genre's words and heading marks, defined once.

- :data:`MARK_STYLES`: how reports number their headings (一、 （一） 1. （1） ①),
  each style with its name, rank (nesting depth), pattern and rendering. The
  grammar's MARK terminal is built from these patterns (see
  :func:`mark_lexer_pattern`), the parser classifies marks with them, and
  messages render a missing number with them.
- Words that are not table labels, read from ``rules/vocabulary.toml``:
  :data:`STATUTORY_WORDS` (what opens a statutory section heading),
  :data:`CHROME_LINES` (website chrome around a copied report) and
  :data:`REFLOW_BREAKS` (what a flattened copy breaks a line before). Table
  captions, row titles and format labels live in ``rules/tables/*.toml``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from gsilint.numerals import read_cn, write_cn
from gsilint.patterns import LazyPattern, lazy
from gsilint.records import dataclass
from gsilint.resources import data_dir
from gsilint.startup_cache import kept_toml

#: Chinese numerals of a heading mark (一 … 九十九).
CN_MARK_NUMERAL = "[一二三四五六七八九十]{1,3}"
#: Arabic numbers of a heading mark (1 … 99, half or full width).
ARABIC_MARK_NUMERAL = "[0-9０-９]{1,2}"
_CIRCLED_ONE = ord("①")


def _circled(n: int) -> str:
    return chr(_CIRCLED_ONE + n - 1) if 1 <= n <= 20 else str(n)


@dataclass(frozen=True)
class MarkStyle:
    """One way of numbering headings."""

    name: str
    #: nesting depth: 1 for the outermost headings (一、)
    rank: int
    #: regular expression of the number inside the mark
    numeral: str
    #: the whole mark, with ``{n}`` standing for the number
    template: str
    #: number → the mark as a report writes it (3 → "三、")
    render: Callable[[int], str]

    @property
    def pattern(self) -> str:
        """Regular expression of a mark of this style (as the grammar lexes it)."""
        return self.template.replace("{n}", self.numeral)

    @property
    def reader(self) -> LazyPattern:
        """:attr:`pattern` with the number as group 1."""
        return _reader(self.template, self.numeral)

    def number(self, numeral: str) -> int | None:
        """The value of the number written in a mark of this style."""
        if self.name == "circled":
            return ord(numeral) - _CIRCLED_ONE + 1
        return read_cn(numeral)


@cache
def _reader(template: str, numeral: str) -> LazyPattern:
    return lazy(template.replace("{n}", f"({numeral})"))


#: Heading mark styles, outermost first.
MARK_STYLES = (
    MarkStyle("cn", 1, CN_MARK_NUMERAL, "{n}[、．]", lambda n: f"{write_cn(n)}、"),
    MarkStyle("paren_cn", 2, CN_MARK_NUMERAL, "[（(]{n}[）)]", lambda n: f"（{write_cn(n)}）"),
    MarkStyle("num", 3, ARABIC_MARK_NUMERAL, "{n}(?:[、]|[.．](?![0-9０-９]))", lambda n: f"{n}."),
    MarkStyle("paren_num", 4, ARABIC_MARK_NUMERAL, "[（(]{n}[）)]", lambda n: f"（{n}）"),
    MarkStyle("circled", 5, "[①-⑳]", "{n}", _circled),
)
STYLES = {s.name: s for s in MARK_STYLES}
#: Nesting depth of each mark style.
STYLE_RANK = {s.name: s.rank for s in MARK_STYLES}


def mark_lexer_pattern() -> str:
    """One alternation of every style's pattern, outermost first (the grammar's MARK)."""
    return "(?:" + "|".join(s.pattern for s in MARK_STYLES) + ")"


def read_mark(text: str) -> tuple[str, int | None]:
    """Style and number of a mark: "（三）" → ("paren_cn", 3); a leading ``**`` is ignored."""
    core = text.lstrip("*")
    for style in MARK_STYLES:
        m = style.reader.fullmatch(core)
        if m:
            return style.name, style.number(m.group(1))
    return "num", None  # pragma: no cover - MARK only matches the styles above


def render_mark(style: str, n: int) -> str:
    """How number ``n`` is written in a mark style: 三、 （三） 3. （3） ③."""
    return STYLES[style].render(n)


@cache
def _words() -> dict:
    return kept_toml(data_dir("rules") / "vocabulary.toml")


def _alternation(key: str) -> str:
    return "(?:" + "|".join(_words()[key]) + ")"


#: Words that open the statutory section headings of every template (a regex group).
STATUTORY_WORDS = _alternation("statutory_heading_words")
#: Lines of website chrome around a copied report (a regex group).
CHROME_LINES = _alternation("chrome_lines")
#: What the reflow of a one-line crawler copy breaks a line before (a regex group).
REFLOW_BREAKS = _alternation("reflow_breaks")
