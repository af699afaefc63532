"""Plain value classes without ``dataclasses``: ``Record`` and ``Value``.

Why not ``@dataclass``: importing ``dataclasses`` (with ``inspect``, ``ast``, ``dis`` and
``tokenize`` behind it) costs about 10 ms, and each class about half a millisecond more (it writes
and execs an ``__init__``, ``__repr__``, ``__eq__``…, and remakes the class for ``slots``): taking
them off the start-up path cut a cold conversion from 87 to 70 ms. A frozen dataclass sets each field
through ``object.__setattr__``, so building a ``Line`` (18 fields, one per input line) took
3.2 µs against 0.25 µs for plain assignments.

- ``Value``: a frozen record whose fields, defaults and ``__init__`` come from its annotations, as
  with ``@dataclass(frozen=True, slots=True)``; type checkers see it as one (PEP 681). The
  default: the public model (``reader.model``), options, requests, results.
  ``value.replace(field=…)`` stands for ``dataclasses.replace`` (and ``copy.replace`` on 3.13+).
- ``Record``: equality, hash and repr over its ``__slots__``; the subclass writes ``__init__`` by
  hand. Only where ``Value`` won't do: a class built once per input line (``Line``), where the
  generic ``__init__`` would cost, or one whose fields change (``Byline``).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar, Self, dataclass_transform
else:

    def dataclass_transform(**_options):
        """Only type checkers read it: typing's version would import ``typing`` (3 ms)."""
        return lambda decorated: decorated


class Record:
    """Equality, hash and repr over the fields named in ``__slots__`` (in order).

    >>> class P(Record):
    ...     __slots__ = ("x", "y")
    ...     def __init__(self, x: int, y: int) -> None:
    ...         self.x = x
    ...         self.y = y
    >>> P(1, 2), P(1, 2) == P(1, 2), P(1, 2) == P(2, 1)
    (P(x=1, y=2), True, False)
    """

    __slots__: tuple[str, ...] = ()
    # Fields left out of the repr (as ``field(repr=False)`` would).
    _no_repr: ClassVar[tuple[str, ...]] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = (f"{n}={getattr(self, n)!r}" for n in self.__slots__ if n not in self._no_repr)
        return f"{type(self).__qualname__}({', '.join(shown)})"


def _class_var(note: object) -> bool:
    """A class attribute, not a field; annotations are strings under postponed evaluation."""
    text = note if isinstance(note, str) else repr(note)
    return text.startswith(("ClassVar", "typing.ClassVar"))


@dataclass_transform(frozen_default=True)
class _ValueType(type):
    """Turns a class body's annotations into slots, an ordered field list and defaults."""

    def __new__(
        mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any
    ) -> _ValueType:
        notes: dict[str, object] = namespace.get("__annotations__", {})
        own = tuple(n for n, note in notes.items() if not _class_var(note))
        inherited: tuple[str, ...] = ()
        defaults: dict[str, object] = {}
        for base in bases:
            inherited += getattr(base, "_fields", ())
            defaults.update(getattr(base, "_defaults", {}))
        defaults.update((n, namespace.pop(n)) for n in own if n in namespace)
        fields = inherited + own
        required = [n for n in fields if n not in defaults]
        if required and fields.index(required[-1]) > min(map(fields.index, defaults), default=99):
            raise TypeError(f"{name}: field {required[-1]!r} without a default follows one with")
        namespace["__slots__"] = own
        namespace["__match_args__"] = fields
        namespace["_fields"] = fields
        namespace["_defaults"] = defaults
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        skip = getattr(cls, "_no_compare", ())
        cls._compared = tuple(n for n in fields if n not in skip)  # type: ignore[attr-defined]
        return cls


class Value(Record, metaclass=_ValueType):
    """A frozen record built from its annotations (``from __future__ import annotations`` on).

    >>> class Point(Value):
    ...     x: int
    ...     y: int = 0
    ...     note: str = ""
    ...     _no_compare: ClassVar[tuple[str, ...]] = ("note",)
    >>> p = Point(1, note="a")
    >>> p, p == Point(1), p.replace(y=2), Point(1, 2) == Point(x=1, y=2)
    (Point(x=1, y=0, note='a'), True, Point(x=1, y=2, note='a'), True)
    >>> p.x = 5
    Traceback (most recent call last):
    AttributeError: Point is frozen: cannot set 'x'
    """

    _fields: ClassVar[tuple[str, ...]]
    _defaults: ClassVar[dict[str, object]]
    _compared: ClassVar[tuple[str, ...]]
    # Fields left out of equality and hash (as ``field(compare=False)`` would).
    _no_compare: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} arguments")
        put = object.__setattr__
        for name, value in zip(fields, args, strict=False):
            put(self, name, value)
        if kwargs or len(args) < len(fields):
            defaults = self._defaults
            for name in fields[len(args) :]:
                if name in kwargs:
                    value = kwargs.pop(name)
                elif name in defaults:
                    value = defaults[name]
                else:
                    raise TypeError(f"{type(self).__name__}() missing argument {name!r}")
                put(self, name, value)
            if kwargs:
                what = "repeated" if set(kwargs) & set(fields) else "unexpected"
                raise TypeError(f"{type(self).__name__}() got {what} {', '.join(kwargs)}")

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._compared)

    def __repr__(self) -> str:
        shown = (f"{n}={getattr(self, n)!r}" for n in self._fields if n not in self._no_repr)
        return f"{type(self).__qualname__}({', '.join(shown)})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __reduce__(self) -> tuple[type[Self], tuple[object, ...]]:
        # Pickle (worker processes, distributed engines) and copy by the constructor: the
        # default would restore slots through the __setattr__ that refuses them.
        return type(self), tuple(getattr(self, name) for name in self._fields)

    def replace(self, **changes: Any) -> Self:
        """A copy with the given fields changed."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)

    __replace__ = replace

    def as_dict(self) -> dict[str, Any]:
        """Field names to values, one level deep (``dataclasses.asdict`` without the recursion)."""
        return {name: getattr(self, name) for name in self._fields}
