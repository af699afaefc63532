"""``Record``: the base of plain value classes that would otherwise be dataclasses.

Why not ``@dataclass``: creating one costs about a millisecond at import (it writes and execs an
``__init__``, ``__repr__``, ``__eq__``…), and a frozen one sets each field through
``object.__setattr__``, so building a ``Line`` (18 fields, one per input line) took 3.2 µs
against 0.25 µs for plain assignments. The public model (``reader.model``) and ``ParseOptions``
stay dataclasses: ``dataclasses.replace`` on them is API. A record is immutable by convention
(its fields are ``Final`` for mypy), compares and hashes by its fields like a frozen dataclass,
and pickles (slots) for worker processes and distributed engines.
"""

from __future__ import annotations


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
    _no_repr: tuple[str, ...] = ()

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
