"""Terminal facts in one place (cf. httpie's Environment): streams, TTY flags, width, colour, pager.

Only ``reader view`` imports this module, so conversions never pay for rich.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TextIO

if TYPE_CHECKING:
    from rich.console import Console

ColorChoice = Literal["auto", "always", "never"]


@dataclass(frozen=True, slots=True)
class OutputSettings:
    """What the view needs to know about where it is printing. Tests build their own."""

    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stdout_isatty: bool = False
    stdin_isatty: bool = False
    width: int | None = None
    color: ColorChoice = "auto"
    pager: bool | None = None  # None: decide from the TTY facts and the page height
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))

    @classmethod
    def detect(
        cls, *, width: int | None = None, color: ColorChoice = "auto", pager: bool | None = None
    ) -> OutputSettings:
        return cls(
            stdout=sys.stdout,
            stdout_isatty=sys.stdout.isatty(),
            stdin_isatty=sys.stdin.isatty(),
            width=width,
            color=color,
            pager=pager,
        )

    @property
    def colour_enabled(self) -> bool:
        if self.color == "never":
            return False
        if self.color == "always":
            return True
        if self.env.get("TERM") == "dumb":
            return False
        return self.stdout_isatty

    @property
    def terminal_width(self) -> int:
        if self.width:
            return self.width
        if self.stdout_isatty:
            return shutil.get_terminal_size((80, 24)).columns
        return 80

    @property
    def terminal_height(self) -> int:
        return shutil.get_terminal_size((80, 24)).lines


def make_console(settings: OutputSettings) -> Console:
    """A rich Console that never colours a pipe and honours NO_COLOR (bold/italic stay)."""
    from rich.console import Console

    colour = settings.colour_enabled
    return Console(
        file=settings.stdout,
        width=settings.terminal_width,
        force_terminal=colour,
        no_color=bool(settings.env.get("NO_COLOR")) or None,
        color_system="auto" if colour else None,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def should_page(settings: OutputSettings, content_lines: int) -> bool:
    """Page only for a person at a terminal, and only when the page does not fit on the screen."""
    if settings.pager is not None:
        return settings.pager and settings.stdout_isatty
    return settings.stdout_isatty and content_lines > settings.terminal_height


def pager_env(env: dict[str, str]) -> dict[str, str]:
    """LESS=FRX unless the user set LESS (as git does): quit if one screen, keep colours."""
    out = dict(env)
    out.setdefault("LESS", "FRX")
    return out
