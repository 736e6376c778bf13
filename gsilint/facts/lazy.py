"""The ``fact`` descriptor: a typed, lazily computed, per-document cached attribute.

``Facts`` declares each fact as ``report_year = fact(dates.report_year)``.
The first read of ``facts.report_year`` calls ``dates.report_year(facts)``
and stores the value on that ``Facts`` instance, so later reads are plain
attribute reads; a fact that reads itself while being computed raises
``RuntimeError``. Type checkers see the function's return type, and
go-to-definition leads to the declaration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

if TYPE_CHECKING:
    from gsilint.facts import Facts

T = TypeVar("T")


class fact(Generic[T]):
    """A fact computed by ``compute(facts)`` on first read.

    ``show``: whether ``gsilint inspect`` lists it.
    """

    def __init__(self, compute: Callable[[Facts], T], *, show: bool = True) -> None:
        self.compute = compute
        self.show = show
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, facts: None, owner: type | None = None) -> fact[T]: ...

    @overload
    def __get__(self, facts: Facts, owner: type | None = None) -> T: ...

    def __get__(self, facts: Facts | None, owner: type | None = None) -> Any:
        if facts is None:
            return self
        name = self.name
        computing = facts._computing
        if name in computing:
            raise RuntimeError(f"fact '{name}' depends on itself")
        computing.add(name)
        try:
            value = self.compute(facts)
        finally:
            computing.discard(name)
        # a non-data descriptor: the instance attribute answers every later read
        facts.__dict__[name] = value
        return value
