"""gsilint.records.dataclass is held equal to the standard dataclass, class shape by class shape."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gsilint import records

# one field: (kind of default, init, repr, compare, hash)
_field = st.tuples(
    st.sampled_from(["none", "value", "factory"]),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.sampled_from([None, True, False]),
)


@st.composite
def shapes(draw):
    """A class shape the standard decorator accepts: its fields and options."""
    fields = draw(st.lists(_field, max_size=5))
    # fields without a default first; a field without init needs a default
    fields = [(d if init or d != "none" else "value", init, r, c, h) for d, init, r, c, h in fields]
    fields.sort(key=lambda f: f[0] != "none")
    options = draw(st.fixed_dictionaries({"frozen": st.booleans(), "slots": st.booleans()}))
    return fields, options


_COUNTER = iter(range(10**9))


def _build(shape, decorator):
    """A fresh class of ``shape`` decorated by ``decorator`` (same name both times)."""
    fields, options = shape
    body: dict = {"__annotations__": {}, "__module__": __name__}
    for i, (default, init, shown, compared, hashed) in enumerate(fields):
        name = f"f{i}"
        body["__annotations__"][name] = "object"
        kwargs = {"init": init, "repr": shown, "compare": compared, "hash": hashed}
        if default == "value":
            kwargs["default"] = i * 10
        elif default == "factory":
            kwargs["default_factory"] = list
        body[name] = dataclasses.field(**kwargs)
    cls = type("Shape", (), body)
    cls.__qualname__ = "Shape"
    return decorator(**options)(cls)


def _args(shape):
    """Values for the init fields without a default, and keywords for the others."""
    fields, _ = shape
    positional = [f"v{i}" for i, f in enumerate(fields) if f[1] and f[0] == "none"]
    keywords = {f"f{i}": [i] for i, f in enumerate(fields) if f[1] and f[0] != "none"}
    return positional, keywords


def _outcome(fn):
    try:
        return ("ok", fn())
    except Exception as exc:  # noqa: BLE001 - the kind and message are compared
        return (type(exc).__name__, str(exc))


def _behaviour(cls, shape):
    globals()["Shape"] = cls  # where pickle looks the class up
    positional, keywords = _args(shape)
    a = cls(*positional)
    b = cls(*positional, **keywords)
    c = cls(*positional)
    names = [f.name for f in dataclasses.fields(cls)]
    return {
        "fields": [(f.name, f.init, f.repr, f.compare, f.hash) for f in dataclasses.fields(cls)],
        "match_args": cls.__match_args__,
        "values": [getattr(a, n) for n in names],
        "values_kw": [getattr(b, n) for n in names],
        "repr": repr(b),
        "eq": (a == c, a == b, a != c, a == object()),
        "hash": _outcome(lambda: hash(a) == hash(c)),
        "hashable": cls.__hash__ is not None,
        "set": _outcome(lambda: setattr(a, names[0], 1) if names else None),
        # whether it is refused (the kind differs: the standard frozen-and-slots class
        # raises a TypeError from its own __setattr__, which looks at the class before slots)
        "set_other_refused": _outcome(lambda: setattr(c, "other", 1))[0] != "ok",
        "delete": _outcome(lambda: delattr(c, names[0]) if names else None),
        "pickle": pickle.loads(pickle.dumps(b)) == b,
        "copy": copy.deepcopy(b) == b,
        "replace": _outcome(lambda: repr(dataclasses.replace(b))),
        "fresh_factory": all(
            getattr(a, n) is not getattr(c, n) for n in names if isinstance(getattr(a, n), list)
        ),
    }


@settings(max_examples=150, deadline=None)
@given(shapes())
def test_a_record_behaves_as_the_standard_dataclass(shape):
    mine = _build(shape, records.dataclass)
    standard = _build(shape, dataclasses.dataclass)
    assert _behaviour(mine, shape) == _behaviour(standard, shape)


def _pair(body_of, **options):
    """The same class body under both decorators."""
    return [
        deco(**options)(type("C", (), body_of()))
        for deco in (records.dataclass, dataclasses.dataclass)
    ]


def test_methods_the_class_writes_are_kept():
    def body():
        return {
            "__annotations__": {"x": "int"},
            "__module__": __name__,
            "__repr__": lambda self: "mine",
            "__eq__": lambda self, other: True,
            "__hash__": lambda self: 7,
        }

    for cls in _pair(body, frozen=True):
        one = cls(1)
        assert (repr(one), one == cls(2), hash(one)) == ("mine", True, 7)


def test_an_eq_class_that_is_not_frozen_is_unhashable_and_a_frozen_one_hashes_its_fields():
    def body():
        return {"__annotations__": {"x": "int", "y": "int"}, "__module__": __name__}

    mine, standard = _pair(body)
    assert mine.__hash__ is None and standard.__hash__ is None
    mine, standard = _pair(body, frozen=True)
    assert hash(mine(1, 2)) == hash(standard(1, 2)) == hash((1, 2))


def test_post_init_runs_after_the_fields_are_set():
    seen = []

    def body():
        return {
            "__annotations__": {"x": "int"},
            "__module__": __name__,
            "__post_init__": lambda self: seen.append(self.x),
        }

    for cls in _pair(body, slots=True):
        cls(5)
    assert seen == [5, 5]


def test_init_false_leaves_the_class_init():
    def body():
        def __init__(self, value):
            object.__setattr__(self, "x", value * 2)

        return {"__annotations__": {"x": "int"}, "__module__": __name__, "__init__": __init__}

    for cls in _pair(body, frozen=True, slots=True, init=False):
        assert cls(4).x == 8
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'x'"):
            cls(4).x = 1


def test_subclass_fields_follow_the_base_fields():
    @records.dataclass(frozen=True)
    class Base:
        a: int

    @records.dataclass(frozen=True)
    class Child(Base):
        b: int = 2

    one = Child(1)
    assert (one.a, one.b, repr(one), one == Child(1, 2), one == Base(1)) == (
        1,
        2,
        "test_subclass_fields_follow_the_base_fields.<locals>.Child(a=1, b=2)",
        True,
        False,
    )


def test_a_non_default_field_after_a_default_one_is_refused():
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):

        @records.dataclass
        class Wrong:
            a: int = 1
            b: int


def test_keyword_only_fields_are_refused_not_written_otherwise():
    with pytest.raises(TypeError, match="does not write this field"):

        @records.dataclass
        class KeywordOnly:
            a: int = dataclasses.field(kw_only=True)


def test_a_recursive_repr_does_not_loop():
    @records.dataclass
    class Node:
        child: object = None

    node = Node()
    node.child = node
    assert repr(node) == "test_a_recursive_repr_does_not_loop.<locals>.Node(child=...)"


def test_a_class_without_a_docstring_gets_its_field_names():
    @records.dataclass
    class Pair:
        left: int
        right: int = 0

    @records.dataclass
    class Documented:
        """Mine."""

        x: int

    assert (Pair.__doc__, Documented.__doc__) == ("Pair(left, right)", "Mine.")
