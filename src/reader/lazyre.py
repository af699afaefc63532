"""Regular expressions compiled on first use.

Every ``reader`` command is a fresh process, and compiling a pattern costs up to half a
millisecond when its character classes mix ASCII with CJK characters or span the Han block. A
byline form that one page in ten needs should not cost every start: such patterns are written
``_FORM = lazy(r"…")`` and used as ``_FORM().search(text)``.
"""

from __future__ import annotations

import re
from functools import cache

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Callable


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that compiles ``pattern`` when first called and returns it from then on.

    >>> word = lazy(r"\\w+")
    >>> word().findall("two words")
    ['two', 'words']
    """
    return cache(lambda: re.compile(pattern, flags))
