"""Lazily compiled patterns behave like compiled ones and compile only when used."""

from __future__ import annotations

import regex

from gsilint.patterns import lazy


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
    real = regex.compile
    monkeypatch.setattr(regex, "compile", lambda *a, **k: calls.append(a) or real(*a, **k))
    lazy(r"从未使用")
    assert calls == []


def test_every_built_in_statement_pattern_compiles():
    from gsilint.templates import _builtin

    for tid in ("2008", "2019", "2021"):
        for section in _builtin(tid).sections:
            for p in section.statement_patterns:
                assert p.compiled() is not None
