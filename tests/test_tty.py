"""``reader view`` in a real terminal: tmux runs it in an 80x24 pane, we read the screen back.

Each test starts its own tmux server (``-L reader-test-<pid>-<n>``) so it never touches a user's
sessions, polls the screen instead of sleeping for fixed times, and kills the server in ``finally``.
The command runs with PAGER and LESS unset, so the default pager (``less -R``, ``LESS=FRX``) is what
is tested.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from rich.cells import cell_len

from tests.conftest import ROOT, SAMPLES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

pytestmark = [
    pytest.mark.tty,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

WIDTH, HEIGHT = 80, 24
TIMEOUT = 20.0
TITLE = "洛阳涧西区:描绘城市提质“工笔画”"
META = "本站原创 · 2022-11-20 00:25:22"
ANSI = re.compile(r"\x1b\[[0-9;:?]*[A-Za-z]")
_counter = itertools.count()


def _reader_command() -> str:
    """The installed console script next to this interpreter, else ``python -m reader``."""
    script = Path(sys.executable).with_name("reader")
    if script.exists():
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m reader"


class Pane:
    """One tmux server with one 80x24 pane running a shell command."""

    def __init__(self, command: str) -> None:
        self.socket = f"reader-test-{os.getpid()}-{next(_counter)}"
        self.socket_path: str | None = None
        self.command = command

    def start(self) -> None:
        command = self.command
        # The pane's own environment: a UTF-8 locale (tmux and less need it for CJK widths), a
        # colour terminal, no user pager settings and no colour overrides.
        env = (
            "env -u PAGER -u LESS -u NO_COLOR -u FORCE_COLOR -u TTY_COMPATIBLE -u READER_THEME"
            " -u COLUMNS -u LINES LC_ALL=C.UTF-8 TERM=screen"
        )
        # The trailing sleep keeps the pane (and its last screen) around until we have read it.
        shell = f"cd {shlex.quote(str(ROOT))} && {env} {command}; echo EXIT=$?; sleep 60"
        self.tmux("new-session", "-d", "-x", str(WIDTH), "-y", str(HEIGHT), "-s", "t", shell)
        self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").strip() or None

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-u", "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
            timeout=TIMEOUT,
        )
        return result.stdout

    def screen(self, escapes: bool = False, history: bool = False) -> str:
        """The visible screen, or with ``history`` everything since the start, scrolled-off too."""
        args = ["-e"] if escapes else []
        if history:
            args += ["-S", "-"]
        return self.tmux("capture-pane", "-p", *args, "-t", "t")

    def wait_for(self, ready: Callable[[str], bool], what: str) -> str:
        """Poll the screen until ``ready(screen)``; fail with the last screen after TIMEOUT."""
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if ready(screen):
                return screen
            time.sleep(0.05)
        pytest.fail(f"timed out waiting for {what}; the screen was:\n{screen}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def kill(self) -> None:
        """Stop the server and remove its socket file, which tmux leaves behind."""
        subprocess.run(
            ["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False, timeout=10
        )
        if self.socket_path:
            Path(self.socket_path).unlink(missing_ok=True)


@pytest.fixture
def pane() -> Iterator[Callable[[str], Pane]]:
    started: list[Pane] = []

    def start(args: str) -> Pane:
        p = Pane(f"{_reader_command()} {args}")
        started.append(p)  # before starting: a half-started server is still killed
        p.start()
        return p

    try:
        yield start
    finally:
        for p in started:
            p.kill()


def _exit_line(screen: str) -> str | None:
    found = re.findall(r"EXIT=\d+", screen)
    return found[-1] if found else None


def _assert_fits(screen: str) -> None:
    for line in screen.splitlines():
        assert cell_len(ANSI.sub("", line)) <= WIDTH, line


def test_view_pages_the_seed_and_quits_on_q(pane: Callable[[str], Pane]) -> None:
    p = pane(f"view {shlex.quote(str(SAMPLES / 'seed_portal.txt'))}")
    first = p.wait_for(
        lambda s: TITLE in s and s.rstrip().endswith(":"), "the pager's first screen"
    )
    styled = p.screen(escapes=True)
    # The title is styled: bold (SGR 1) switched on right before it.
    assert re.search(r"\x1b\[(?:[0-9;]*;)?1(?:;[0-9;]*)?m(?:\x1b\[[0-9;]*m)*" + TITLE, styled)
    lines = first.splitlines()
    assert f"  {META}" in lines
    assert _exit_line(first) is None, "still in the pager"
    _assert_fits(styled)
    p.keys("q")
    done = p.wait_for(_exit_line, "the exit status")
    assert _exit_line(done) == "EXIT=0"
    _assert_fits(done)


def test_ctrl_c_in_the_pager_exits_130(pane: Callable[[str], Pane]) -> None:
    p = pane(f"view {shlex.quote(str(SAMPLES / 'seed_portal.txt'))}")
    p.wait_for(lambda s: TITLE in s and s.rstrip().endswith(":"), "the pager")
    p.keys("C-c")
    assert _exit_line(p.wait_for(_exit_line, "the exit status")) == "EXIT=130"


def test_a_page_that_fits_is_not_paged(pane: Callable[[str], Pane]) -> None:
    p = pane(f"view {shlex.quote(str(SAMPLES / 'english_news.txt'))}")
    screen = p.wait_for(_exit_line, "the exit status")  # no pager to quit: it just ends
    assert _exit_line(screen) == "EXIT=0"
    everything = p.screen(history=True)
    assert "  Harbour town opens its first tidal-energy plant" in everything.splitlines()
    _assert_fits(p.screen(escapes=True, history=True))


def test_no_pager_and_no_color(pane: Callable[[str], Pane]) -> None:
    p = pane(f"view --no-pager --color never {shlex.quote(str(SAMPLES / 'seed_portal.txt'))}")
    p.wait_for(_exit_line, "the exit status")
    styled = p.screen(escapes=True, history=True)
    assert "EXIT=0" in styled
    assert "\x1b[" not in styled.split("EXIT=")[0]
    _assert_fits(styled)


def test_a_batch_with_a_progress_bar_leaves_the_terminal_as_it_found_it(
    pane: Callable[[str], Pane], tmp_path: Path
) -> None:
    """The bar (stderr is the terminal, the output a file) is stopped before the process leaves:
    the summary stays on screen and the cursor, hidden while the bar runs, is shown again."""
    out = tmp_path / "all.jsonl"
    inputs = " ".join(["samples/seed_portal.txt"] * 20)
    p = pane(f"convert {inputs} --to jsonl -o {shlex.quote(str(out))}")
    screen = p.wait_for(_exit_line, "the command to end")
    assert _exit_line(screen) == "EXIT=0"
    assert "reader: 20 inputs converted" in screen
    assert p.tmux("display-message", "-p", "-t", "t", "#{cursor_flag}").strip() == "1"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 20
