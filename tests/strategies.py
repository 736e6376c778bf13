"""Hypothesis strategies for random report text, shared by the tests of the fast code.

Each alphabet is small, so that what the code under test looks for (a doubled
word, a clause break before a label …) turns up often in a short random text.
"""

from __future__ import annotations

from hypothesis import strategies as st

from gsilint.facts.prose_text import ProseText

#: Han prose for T501 (a word written twice): doubled units, words of the genre
#: (资金, 研究), allowed doublings (的确), numerals, a never-doubled character (的), a
#: character outside the BMP (𠀀) and clause marks all occur often.
REPEATED_WORD_ALPHABET = "公开信息工作资金的确目统一量大业创新时适地研究一步二〇年。，\na1𠀀"

#: Prose before a quantity: clause breaks of both widths, spaces, digits, ordinals
#: (第), the words of labels.
LABEL_ALPHABET = '12，,；:、。!（）()“"” \n\u3000数量申请第附件表图No.约34件条公开'


def prose_texts(
    alphabet: str, *, max_size: int = 40, max_pieces: int = 4
) -> st.SearchStrategy[list[str]]:
    """The texts of a few prose pieces (paragraphs) of letters of ``alphabet``."""
    return st.lists(st.text(alphabet=alphabet, max_size=max_size), max_size=max_pieces)


def as_pieces(texts: list[str]) -> list[ProseText]:
    """``texts`` as the prose pieces of a report: paragraphs one line break apart."""
    out, start = [], 0
    for text in texts:
        out.append(ProseText(text, start, "paragraph"))
        start += len(text) + 1
    return out


#: Pieces of :data:`REPEATED_WORD_ALPHABET` prose, its letters mixed with words of it
#: (so that a word written twice is common too).
REPEATED_WORD_TEXTS = st.lists(
    st.lists(
        st.sampled_from(
            list(REPEATED_WORD_ALPHABET) + ["资金", "研究", "工作", "信息", "创新", "统一", "的确"]
        ),
        max_size=40,
    ).map("".join),
    max_size=4,
)


@st.composite
def text_start_floor(
    draw: st.DrawFn, alphabet: str = LABEL_ALPHABET, max_size: int = 40
) -> tuple[str, int, int]:
    """A text and two positions in it, ``floor <= start <= len(text)``: where a number
    starts and how far back its label may reach."""
    text = draw(st.text(alphabet=alphabet, max_size=max_size))
    start = draw(st.integers(0, len(text)))
    floor = draw(st.integers(0, start))
    return text, start, floor
