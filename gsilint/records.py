"""``dataclass`` with its methods compiled once per machine instead of at every start.

The standard decorator writes each class's ``__init__``, ``__repr__``,
``__eq__``, ``__hash__`` (and, when frozen, ``__setattr__`` and
``__delattr__``) as source text and compiles it on every import: about half
a millisecond per class, a quarter of a cold ``gsilint check``. This one lets
the standard decorator do everything else (fields, defaults, ``__slots__``,
``__match_args__``, :func:`dataclasses.fields`, :func:`dataclasses.replace`)
and writes the methods itself, as the same kind of source, which
:mod:`gsilint.startup_cache` compiles once and keeps. The source depends only
on the field names and options, never on default values (they are passed in
by name), so one compiled text serves every run. A frozen class with slots
sets its fields in ``__init__`` through each slot's own setter, at half the
cost of the standard ``object.__setattr__``: the classes made by the
thousand per report (sentences, quantities, dates) need no ``__init__`` of
their own to be quick.

It takes the options gsilint uses — ``frozen``, ``slots``, ``init`` — and the
:func:`dataclasses.field` options ``default``, ``default_factory``,
``init``, ``repr``, ``compare`` and ``hash``, with the standard meaning,
including methods the class writes itself (kept), ``__post_init__`` (called)
and the hashing rules (``__hash__`` from the compared fields when frozen,
``None`` when not). It refuses what it does not write (``InitVar``,
keyword-only fields) rather than write something else.
``tests/test_records.py`` holds it equal to the standard decorator.

Two differences are visible: ``__dataclass_params__`` reports ``init``,
``repr``, ``eq`` and ``frozen`` as false, because the standard decorator was
told not to write those methods; and a class without a docstring gets
``Name(field, ...)`` rather than its full signature, which costs
:func:`inspect.signature` a third of a millisecond per class.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from typing import Any, TypeVar

from gsilint.startup_cache import compiled_code

T = TypeVar("T")


class _UseFactory:
    """The default of a parameter whose field has a ``default_factory``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<factory>"


_USE_FACTORY = _UseFactory()


def dataclass(
    cls: type[T] | None = None, /, *, frozen: bool = False, slots: bool = False, init: bool = True
) -> Any:
    """:func:`dataclasses.dataclass` with ``frozen``, ``slots`` and ``init`` (see the module)."""

    def wrap(cls: type[T]) -> type[T]:
        return _record(cls, frozen=frozen, slots=slots, init=init)

    return wrap if cls is None else wrap(cls)


def _record(cls: type[T], *, frozen: bool, slots: bool, init: bool) -> type[T]:
    written = dict(cls.__dict__)  # what the class body wrote itself
    if not cls.__doc__:  # else the standard decorator writes one from inspect.signature: slow
        cls.__doc__ = f"{cls.__name__}({', '.join(written.get('__annotations__', ()))})"
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    pseudo = [f for f in cls.__dataclass_fields__.values() if f not in fields]  # type: ignore[attr-defined]
    for f in [*fields, *pseudo]:
        if f.kw_only is True or "InitVar" in str(f.type):
            raise TypeError(f"{cls.__name__}.{f.name}: gsilint.records does not write this field")
    methods = _methods(cls, fields, frozen=frozen, slots=slots, init=init, written=written)
    for name, fn in methods.items():
        fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"
        setattr(cls, name, fn)
    if _no_hash(frozen, written):
        cls.__hash__ = None  # type: ignore[assignment]
    if frozen and slots and "__getstate__" not in written:
        # a frozen ``__setattr__`` refuses what pickle's default would set
        cls.__getstate__ = _getstate  # type: ignore[attr-defined]
        cls.__setstate__ = _setstate  # type: ignore[attr-defined]
    return cls


def _explicit_hash(written: dict[str, Any]) -> bool:
    """Whether the class body set ``__hash__`` itself (``__eq__`` alone sets it to None)."""
    if "__hash__" not in written:
        return False
    return not (written["__hash__"] is None and "__eq__" in written)


def _no_hash(frozen: bool, written: dict[str, Any]) -> bool:
    """An ``eq`` dataclass that is not frozen is unhashable, unless it wrote ``__hash__``."""
    return not frozen and not _explicit_hash(written)


def _methods(
    cls: type,
    fields: tuple[dataclasses.Field, ...],
    *,
    frozen: bool,
    slots: bool,
    init: bool,
    written: dict,
) -> dict[str, Callable]:
    """The generated methods the class does not write itself, compiled from cached code."""
    names: dict[str, Any] = {
        "__cls": cls,
        "__setattr": object.__setattr__,
        "__factory": _USE_FACTORY,
        "__frozen_error": dataclasses.FrozenInstanceError,
    }
    defs: list[str] = []
    if init and "__init__" not in written:
        defs.append(_init_source(cls, fields, frozen, slots, names))
    if "__repr__" not in written:
        shown = [f.name for f in fields if f.repr]
        parts = ", ".join(f"{n}={{self.{n}!r}}" for n in shown)
        defs.append(f" def __repr__(self):\n  return self.__class__.__qualname__ + f'({parts})'\n")
    compared = [f.name for f in fields if f.compare]
    if "__eq__" not in written:
        mine = _tuple("self", compared)
        theirs = _tuple("other", compared)
        defs.append(
            " def __eq__(self, other):\n"
            "  if other.__class__ is self.__class__:\n"
            f"   return {mine} == {theirs}\n"
            "  return NotImplemented\n"
        )
    if frozen and not _explicit_hash(written):
        hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
        defs.append(f" def __hash__(self):\n  return hash({_tuple('self', hashed)})\n")
    if frozen:
        all_names = tuple(f.name for f in fields)
        for verb, method, call in (
            ("assign to", "__setattr__", "__setattr__(name, value)"),
            ("delete", "__delattr__", "__delattr__(name)"),
        ):
            args = "name, value" if method == "__setattr__" else "name"
            defs.append(
                f" def {method}(self, {args}):\n"
                f"  if type(self) is __cls or name in {all_names!r}:\n"
                f"   raise __frozen_error(f'cannot {verb} field {{name!r}}')\n"
                f"  super(__cls, self).{call}\n"
            )
    if not defs:
        return {}
    made = [d.split("(", 1)[0].removeprefix(" def ") for d in defs]
    params = ", ".join(names)
    source = f"def __create__({params}):\n" + "".join(defs) + f" return ({', '.join(made)},)\n"
    namespace: dict[str, Any] = {}
    exec(compiled_code(source), {"__builtins__": __builtins__}, namespace)  # noqa: S102
    functions = namespace["__create__"](**names)
    out = dict(zip(made, functions, strict=True))
    if "__repr__" in out:
        out["__repr__"] = reprlib.recursive_repr()(out["__repr__"])
    return out


def _tuple(obj: str, names: list[str]) -> str:
    return "(" + "".join(f"{obj}.{n}," for n in names) + ")"


def _init_source(
    cls: type,
    fields: tuple[dataclasses.Field, ...],
    frozen: bool,
    slots: bool,
    names: dict[str, Any],
) -> str:
    """``__init__``'s source; the defaults and factories it needs are added to ``names``."""
    params: list[str] = []
    body: list[str] = []
    seen_default = False
    for f in fields:
        has_default = f.default is not dataclasses.MISSING
        has_factory = f.default_factory is not dataclasses.MISSING
        if has_factory:
            names[f"__factory_{f.name}"] = f.default_factory
        elif has_default:
            names[f"__default_{f.name}"] = f.default
        if f.init:
            if has_factory:
                params.append(f"{f.name}=__factory")
                value = f"__factory_{f.name}() if {f.name} is __factory else {f.name}"
            elif has_default:
                params.append(f"{f.name}=__default_{f.name}")
                value = f.name
            else:
                if seen_default:
                    raise TypeError(f"non-default argument {f.name!r} follows default argument")
                params.append(f.name)
                value = f.name
            seen_default = seen_default or has_factory or has_default
        elif has_factory:
            value = f"__factory_{f.name}()"
        elif has_default and slots:
            value = f"__default_{f.name}"
        else:  # the class attribute holds the default (or the field stays unset)
            continue
        if frozen and slots:  # the slot's own setter: half the cost of object.__setattr__
            names[f"__set_{f.name}"] = getattr(cls, f.name).__set__
            body.append(f"  __set_{f.name}(self, {value})\n")
        elif frozen:
            body.append(f"  __setattr(self, {f.name!r}, {value})\n")
        else:
            body.append(f"  self.{f.name} = {value}\n")
    if hasattr(cls, "__post_init__"):
        body.append("  self.__post_init__()\n")
    return f" def __init__({', '.join(['self', *params])}):\n" + ("".join(body) or "  pass\n")


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, f.name) for f in dataclasses.fields(self)]


def _setstate(self: Any, state: list[Any]) -> None:
    for f, value in zip(dataclasses.fields(self), state, strict=True):
        object.__setattr__(self, f.name, value)
