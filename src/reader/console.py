"""Terminal facts in one place (cf. httpie's Environment): streams, TTY flags, size, colour, pager.

``reader view`` builds one ``OutputSettings`` and asks it everything: whether to lay the page out for
a person or print plain text for a program, how wide to wrap, whether to colour, whether to page.
Tests build their own instead of faking a terminal. Only ``reader view`` imports this module, so
conversions never pay for rich. The layout itself is ``reader.render.terminal``'s business.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rich.console import Console

    from reader.render.terminal import Theme

ColorChoice = Literal["auto", "always", "never"]
DEFAULT_PAGER = "less -R"
DEFAULT_SIZE = (80, 24)
_DUMB = ("dumb", "unknown")


def _isatty(stream: object) -> bool:
    """``stream.isatty()``, False for closed or fake streams rather than an exception."""
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


@dataclass(frozen=True, slots=True)
class OutputSettings:
    """What the view needs to know about where it is printing. Tests build their own."""

    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stdout_isatty: bool = False
    stdin_isatty: bool = False
    width: int | None = None  # --width; None: the terminal's
    height: int | None = None  # screen lines; None: ask the terminal
    color: ColorChoice = "auto"
    pager: bool | None = None  # None: decide from the TTY facts and the page height
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))

    @classmethod
    def detect(
        cls,
        *,
        width: int | None = None,
        color: ColorChoice = "auto",
        pager: bool | None = None,
        stdout: TextIO | None = None,
    ) -> OutputSettings:
        """The settings for this process: its real streams and environment."""
        out = stdout or sys.stdout
        return cls(
            stdout=out,
            stdout_isatty=_isatty(out),
            stdin_isatty=_isatty(sys.stdin),
            width=width,
            color=color,
            pager=pager,
            env=dict(os.environ),
        )

    @property
    def pretty(self) -> bool:
        """Lay the page out for a person? Otherwise print plain text for a program (httpie's
        PRETTY_STDOUT_TTY_ONLY). ``--color always`` and Rich's own overrides (``FORCE_COLOR``,
        ``TTY_COMPATIBLE``) count as asking for the terminal view on any stream."""
        if self.color == "always":
            return True
        tty_compatible = self.env.get("TTY_COMPATIBLE", "")
        if tty_compatible in ("0", "1"):
            return tty_compatible == "1"
        if self.color == "auto" and self.env.get("FORCE_COLOR"):
            return True
        return self.stdout_isatty

    def _size(self) -> tuple[int, int]:
        """(columns, lines): ``COLUMNS``/``LINES`` first, as shutil and rich do, then the terminal."""
        cols, lines = DEFAULT_SIZE
        if self.stdout_isatty:
            with contextlib.suppress(AttributeError, ValueError, OSError):
                cols, lines = os.get_terminal_size(self.stdout.fileno())
        for name, value in (("COLUMNS", cols), ("LINES", lines)):
            raw = self.env.get(name, "")
            if raw.isdigit() and int(raw) > 0:
                value = int(raw)
            if name == "COLUMNS":
                cols = value
            else:
                lines = value
        return (cols or DEFAULT_SIZE[0], lines or DEFAULT_SIZE[1])

    @property
    def terminal_width(self) -> int:
        """The width to lay out for: ``--width``, else the terminal's, else 80."""
        return self.width or self._size()[0]

    @property
    def terminal_height(self) -> int:
        return self.height or self._size()[1]


def make_console(settings: OutputSettings) -> Console:
    """A rich Console for the terminal view, with markup, emoji and highlighting off (scraped text
    is never markup). ``auto`` leaves colour to Rich, which honours ``NO_COLOR`` (bold and dim
    stay), ``FORCE_COLOR``, ``TTY_COMPATIBLE`` and ``TERM=dumb``; ``never`` emits no escape at all;
    ``always`` colours even a pipe or a dumb terminal, and overrides ``NO_COLOR``."""
    from rich.console import Console

    term = settings.env.get("TERM", "").strip().lower()
    force: bool | None = None
    system: Literal["auto", "standard"] | None = "auto"
    no_color: bool | None = None  # None: rich reads NO_COLOR
    if settings.color == "never":
        system = None
    elif settings.color == "always":
        force, no_color = True, False
        if term in _DUMB:
            system = "standard"
    return Console(
        file=settings.stdout,
        width=settings.terminal_width,
        height=settings.terminal_height,
        force_terminal=force,
        color_system=system,
        no_color=no_color,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
        _environ=settings.env,
    )


def should_page(settings: OutputSettings, content_lines: int) -> bool:
    """Page only for a person at a terminal; by default only when the page does not fit on the
    screen (less's ``F`` would quit at once anyway, but not every ``$PAGER`` does)."""
    if not settings.stdout_isatty:
        return False
    if settings.pager is not None:
        return settings.pager
    if settings.env.get("TERM", "").strip().lower() in _DUMB:
        return False
    return content_lines > settings.terminal_height


def pager_env(env: Mapping[str, str]) -> dict[str, str]:
    """LESS=FRX unless the user set LESS (as git does): quit if one screen, keep colours, and leave
    the text on the screen after quitting."""
    out = dict(env)
    out.setdefault("LESS", "FRX")
    return out


def pager_command(env: Mapping[str, str]) -> list[str] | None:
    """``$PAGER`` split like a shell would, ``less -R`` when unset; None for an empty ``PAGER`` or
    ``cat``, which mean "don't page"."""
    raw = env.get("PAGER")
    if raw is None:
        raw = DEFAULT_PAGER
    try:
        argv = shlex.split(raw)
    except ValueError:
        return None
    if not argv or Path(argv[0]).name == "cat":
        return None
    return argv


def page(text: str, settings: OutputSettings) -> bool:
    """Show ``text`` through the pager and wait for it. False if no pager could be started (the
    caller prints instead). Quitting early (``q`` before the end) is normal, not an error; Ctrl-C
    ends the pager too, then raises ``KeyboardInterrupt`` for the caller's exit 130."""
    argv = pager_command(settings.env)
    if argv is None:
        return False
    encoding = getattr(settings.stdout, "encoding", None) or "utf-8"
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=pager_env(settings.env))
    except OSError:
        return False
    try:
        # communicate() ignores EPIPE: the pager closing its input after ``q`` is a normal quit.
        proc.communicate(text.encode(encoding, errors="replace"))
    except KeyboardInterrupt:
        # less ignores SIGINT; without this it would keep the terminal after we have gone.
        proc.terminate()
        proc.wait()
        raise
    return True


def resolve_theme(choice: str | None, env: Mapping[str, str]) -> tuple[Theme, str | None]:
    """``--theme``, else ``READER_THEME``, else a light theme when ``COLORFGBG`` (set by rxvt,
    Konsole and others) says the background is light, else dark. Returns (theme, warning)."""
    warning = None
    for value, origin in ((choice, "--theme"), (env.get("READER_THEME"), "READER_THEME")):
        if not value:
            continue
        v = value.strip().lower()
        if v == "dark":
            return "dark", None
        if v == "light":
            return "light", None
        warning = f"{origin}={value!r} is not dark or light; ignoring it"
    bg = env.get("COLORFGBG", "").rsplit(";", 1)[-1]
    return ("light" if bg in ("7", "15") else "dark"), warning
