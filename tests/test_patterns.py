"""Lazily compiled patterns behave like compiled ones and compile only when used."""

from __future__ import annotations

import importlib
import pkgutil
import re

import regex
from conftest import REAL, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

import gsilint
import gsilint.patterns
from gsilint.patterns import CREATED, lazy, stdlib_compiled


def test_a_lazy_pattern_is_compiled_on_first_use_and_then_behaves_the_same():
    p = lazy(r"(\p{Han}+)(\d+)条")
    assert p._compiled is None
    text = "公开信息12条，解读3条"
    compiled = regex.compile(r"(\p{Han}+)(\d+)条")
    assert p.search(text).groups() == compiled.search(text).groups()
    assert p._compiled is not None
    assert [m.span() for m in p.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert p.sub(r"\2", text) == compiled.sub(r"\2", text)
    assert p.pattern == compiled.pattern and p.groups == 2
    # after the first use the methods are the compiled pattern's own
    assert p.search == p._compiled.search


def test_an_unused_lazy_pattern_never_compiles(monkeypatch):
    calls = []
    for module, name in ((regex, "compile"), (gsilint.patterns, "stdlib_compiled")):
        real = getattr(module, name)
        monkeypatch.setattr(
            module, name, lambda *a, real=real, **k: calls.append(a) or real(*a, **k)
        )
    unused, used = lazy(r"从未使用"), lazy(r"用了")
    assert used.search("用了") and calls == [("用了", 0)]
    assert unused._compiled is None


def test_every_built_in_statement_pattern_compiles():
    from gsilint.templates import _builtin

    for tid in ("2008", "2019", "2021"):
        for section in _builtin(tid).sections:
            for p in section.statement_patterns:
                assert p.compiled() is not None


# --- the engine choice: re where it reads the pattern as regex does -------------------


def _every_lazy_pattern() -> list:
    """Every ``lazy`` pattern the package makes (importing all of its modules first)."""
    for info in pkgutil.walk_packages(gsilint.__path__, "gsilint."):
        if info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:
            pass
    return list(CREATED)


def _pairs():
    """(re pattern, regex pattern) for every lazy pattern ``re`` is chosen for."""
    out = []
    for p in _every_lazy_pattern():
        fast = stdlib_compiled(p._source, p._flags)
        if fast is not None:
            out.append((fast, regex.compile(p._source, p._flags)))
    return out


def _matches(pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_re_is_chosen_for_most_patterns_and_regex_for_properties():
    pairs = _pairs()
    assert len(pairs) > 150
    assert stdlib_compiled(r"\p{Han}+") is None  # a Unicode property
    assert stdlib_compiled(r"(?r)[，。]") is None  # a reverse search
    assert stdlib_compiled(r"(?<=申请[^。]{0,16}?)均") is None  # a variable-width look-behind
    assert stdlib_compiled(r"[[a]]") is None  # re warns: regex reads a nested set
    assert isinstance(stdlib_compiled(r"\d+条"), re.Pattern)
    # \s as regex reads it (re's own \s also takes the separators \x1c-\x1f)
    assert stdlib_compiled(r"\s").match("\u3000") and not stdlib_compiled(r"\s").match("\x1c")
    assert stdlib_compiled(r"\S").match("\x1c") and stdlib_compiled(r"[^\S]") is None


def test_every_pattern_given_to_re_matches_as_regex_does_on_real_reports():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if REAL.is_dir():
        texts += [p.read_text(encoding="utf-8")[:20000] for p in sorted(REAL.glob("*.txt"))[:12]]
    for fast, reference in _pairs():
        for text in texts:
            assert _matches(fast, text) == _matches(reference, text), reference.pattern


#: what report text is made of: digits of both widths, Chinese numerals and units,
#: punctuation of both widths, every kind of space, Latin letters and a few Han words
_REPORT_ALPHABET = st.sampled_from(
    list("0123456789０１２３４５６７８９一二三四五六七八九十百千万零〇年月日件条个项次%％")
    + list("，。、；：？！（）()[]【】《》“”\"',.;:?!-—～~·/\\|+*")
    + [" ", "\t", "\u3000", "\u00a0", "\n", "\r\n", "\x1c", "\x1f", "\x85", "\u2028", "\u200b"]
    + ["\ufeff", "＿"]
    + list("abcxyzABCXYZ")
    + ["政府", "信息", "公开", "申请", "答复", "行政", "复议", "诉讼", "本机关", "收到", "办理"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_REPORT_ALPHABET, max_size=80).map("".join))
def test_every_pattern_given_to_re_matches_as_regex_does_on_random_text(text):
    for fast, reference in _PAIRS:
        assert _matches(fast, text) == _matches(reference, text), reference.pattern


_PAIRS = _pairs()
