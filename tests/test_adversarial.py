"""Bad input, hostile input and hostile surroundings: what ``reader`` does, and what the user sees.

Each test is one situation from issue 8: huge and degenerate inputs, broken encodings, odd kinds
of file (FIFO, directory, socket, a file growing while read), missing permissions, a full disk, a
reader that stops reading (``| head``) and Ctrl-C. The library is called directly where that is
enough; the rest runs the installed ``reader`` in a subprocess, as a user would.

Big inputs are generated once per session. Permission tests need file permissions to apply: as
root they run ``reader`` without the capabilities that bypass them (CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH, dropped from the bounding set before exec), and skip if that is impossible.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import reader
import reader.source
from reader.decode import decode
from reader.errors import BinaryInputError, InputError, ReaderError
from reader.render import Format, render
from reader.source import read_source

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from reader.model import Article

READER = str(Path(sys.executable).with_name("reader"))
MB = 1024 * 1024

needs_reader = pytest.mark.skipif(
    not Path(READER).exists(), reason="the reader command is not installed beside this Python"
)
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")

PAGE = (
    "城市新闻_新闻中心_某某网\n"
    "\n"
    "作者：张三 来源：新华社 发布时间：2022-11-20 10:22\n"
    "\n"
    + "这是一个正文段落，讲述城市的发展与变化，内容足够长，可以算作正文。\n" * 12
    + "\n相关新闻\n另一篇文章的开头……\n"
)


def every_line_once(article: Article) -> None:
    """The provenance invariant: the JSON ``lines`` cover 1..total, each exactly once."""
    lines = article.to_dict()["lines"]
    seen = [*lines["title"], *lines["blank"]]
    for part in ("metadata", "body", "teasers", "boilerplate"):
        for group in lines[part]:
            seen.extend(group)
    assert sorted(seen) == list(range(1, lines["total"] + 1))


def run(
    args: list[str],
    *,
    stdin: bytes | None = None,
    timeout: float = 60,
    **kwargs: Any,
) -> subprocess.CompletedProcess[bytes]:
    """The installed command, as a user runs it."""
    return subprocess.run(
        [READER, *args], input=stdin, capture_output=True, timeout=timeout, check=False, **kwargs
    )


def one_error_line(proc: subprocess.CompletedProcess[bytes]) -> str:
    """The single ``reader: error: …`` line on stderr (and nothing else there, no traceback)."""
    err = proc.stderr.decode()
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("reader: error: "), err
    return lines[0]


# --- huge and degenerate inputs -----------------------------------------------------------------


@pytest.fixture(scope="session")
def line_64mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One 64 MB line of Chinese and English sentences, no newline anywhere."""
    unit = (
        "这是一个很长的句子，没有换行。" * 4 + "A sentence with words, and no line end. "
    ).encode()
    path = tmp_path_factory.mktemp("big") / "one-line.txt"
    with path.open("wb") as fh:
        for _ in range(64 * MB // len(unit)):
            fh.write(unit)
    return path


def test_a_64mb_single_line_is_one_part(line_64mb: Path) -> None:
    # Linear time throughout (about 10 s on one core): benchmarks/regex_worst.py pipeline checks
    # the per-line work for super-linear shapes; this checks nothing is lost at full size.
    article = reader.read_article(line_64mb)
    assert article.line_count == 1
    every_line_once(article)
    d = json.loads(render(article, Format.JSON))
    kept = d["body"] + d["boilerplate"] + [t["text"] for t in d["teasers"]] + d["metadata_lines"]
    assert len("".join(kept)) > 60 * MB // 3  # the line's text is somewhere, not dropped


def test_a_million_empty_lines_are_a_million_blank_lines() -> None:
    article = reader.read_article(b"\n" * 1_000_000)
    assert article.line_count == 1_000_000
    assert len(article.blank_lines) == 1_000_000
    assert article.title is None
    assert not article.body


@pytest.mark.parametrize("data", [b"|", b"|\n" * 1000, b"||||||||", b"| | |\r\n| |", b"|" * MB])
def test_only_pipes_is_an_empty_article_not_an_error(data: bytes) -> None:
    article = reader.read_article(data)
    every_line_once(article)
    assert not article.body
    assert article.title is None


@needs_reader
def test_only_pipes_through_the_command() -> None:
    proc = run(["convert", "--to", "json", "-"], stdin=b"|\n|\n|\n")
    assert proc.returncode == 0
    assert proc.stderr == b""
    d = json.loads(proc.stdout)
    assert d["body"] == [] and d["lines"]["total"] == 3


# --- broken bytes -------------------------------------------------------------------------------


def test_nul_bytes_near_the_start_are_refused_as_binary() -> None:
    with pytest.raises(BinaryInputError, match="binary"):
        reader.read_article(PAGE.encode()[:40] + b"\x00" + PAGE.encode()[40:])


@pytest.mark.parametrize("where", [0.0, 0.5, 0.75, 1.0])
def test_a_stray_nul_is_refused_or_dropped_never_fatal(where: float) -> None:
    # Only the head (64 KB) and the tail (4 KB) are sniffed for NULs: there one means binary data.
    # Elsewhere in a long page it is a control character, which normalisation drops.
    long_page = (PAGE * 300).encode()  # about 400 KB
    at = int(len(long_page) * where)
    while at < len(long_page) and long_page[at] & 0xC0 == 0x80:
        at += 1  # a character boundary
    try:
        article = reader.read_article(long_page[:at] + b"\x00" + long_page[at:])
    except BinaryInputError as exc:
        assert str(exc) == "binary data, not text"
        assert where in (0.0, 1.0)
        return
    every_line_once(article)
    assert "\x00" not in json.dumps(article.to_dict(), ensure_ascii=False)


@needs_reader
def test_nul_bytes_through_the_command(tmp_path: Path) -> None:
    page = tmp_path / "nul.txt"
    page.write_bytes(b"title\x00\x00 body text\n")
    proc = run(["convert", str(page)])
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert one_error_line(proc) == f"reader: error: {page}: binary data, not text"


def test_invalid_utf8_in_valid_utf8_stays_utf8() -> None:
    # Regression: three bad bytes used to send the whole page to chardet, which read it as cp737
    # (DOS Greek) — every character of the page mojibake. Now they are three U+FFFD.
    raw = PAGE.encode()
    cut = raw.index("正文".encode())
    article = reader.read_article(raw[:cut] + b"\xff\xfe\x80" + raw[cut:])
    assert article.encoding is not None
    assert article.encoding.name == "utf-8"
    assert article.encoding.replacements == 3
    assert article.title == "城市新闻"
    assert article.metadata.authors == ("张三",)
    every_line_once(article)


def test_a_gbk_page_with_one_big5_line_reads_as_gbk() -> None:
    big5_line = "臺灣記者報導，這一行是繁體中文的 Big5 編碼。\n".encode("big5")
    raw = PAGE.encode("gbk") + big5_line + PAGE.encode("gbk")
    article = reader.read_article(raw)
    assert article.encoding is not None
    assert article.encoding.name == "gb18030"
    assert article.title == "城市新闻"
    body = "\n".join(b.text for b in article.body)
    assert "这是一个正文段落" in body
    every_line_once(article)  # the Big5 line is garbled, but it is a line and it is accounted for


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [PAGE, "Harbour news\n\nBy Jane Roe\n\n" + "The plan. " * 40])
def test_utf16_without_bom(codec: str, text: str) -> None:
    d = decode(text.encode(codec))
    assert (d.encoding, d.text) == (codec, text)
    every_line_once(reader.read_article(text.encode(codec)))


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("rot13", "unknown encoding: 'rot13'"),  # a codec, but not a text encoding
        ("base64", "unknown encoding: 'base64'"),
        ("idna", "does not decode as"),  # cannot replace errors, only fail
        ("punycode", "does not decode as"),
    ],
)
def test_forced_encodings_that_cannot_decode_text_fail_cleanly(
    encoding: str, expected: str
) -> None:
    # Regression: these were "internal error (LookupError …)" / "(UnicodeError …)".
    with pytest.raises(ReaderError, match=expected.replace("(", r"\(")):
        reader.read_article(PAGE.encode(), encoding=encoding)


@pytest.mark.parametrize(
    ("encoding", "data"), [("utf-7", b"+2AA-\n"), ("unicode_escape", b"\\ud800 x\n")]
)
def test_forced_encodings_that_make_lone_surrogates_are_writable(
    encoding: str, data: bytes
) -> None:
    # Regression: a lone surrogate reached stdout, and encoding it as UTF-8 raised a traceback.
    article = reader.read_article(data, encoding=encoding)
    for fmt in Format:
        render(article, fmt).encode("utf-8")
    assert article.encoding is not None and article.encoding.replacements == 1


# --- kinds of input -----------------------------------------------------------------------------


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    path = tmp_path / "page.fifo"
    os.mkfifo(path)
    return path


def _feed(path: Path, data: bytes, delay: float = 0.0) -> threading.Thread:
    """Write data into a FIFO from a thread (in chunks, with a pause: a slow producer)."""

    def write() -> None:
        with contextlib.suppress(BrokenPipeError), path.open("wb") as fh:
            for i in range(0, len(data), 4096):
                fh.write(data[i : i + 4096])
                fh.flush()
                if delay:
                    time.sleep(delay)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_a_fifo_is_read_to_its_end(fifo: Path) -> None:
    data = PAGE.encode() * 8
    writer = _feed(fifo, data, delay=0.001)
    raw = read_source(fifo)
    writer.join(timeout=10)
    assert raw.data == data


def test_a_fifo_over_the_size_limit_stops_at_the_limit(fifo: Path) -> None:
    writer = _feed(fifo, b"x" * 100_000)
    with pytest.raises(InputError, match="larger than the 10,000-byte limit"):
        read_source(fifo, max_bytes=10_000)
    writer.join(timeout=10)  # it stops on the closed pipe


@needs_reader
def test_a_fifo_through_the_command(fifo: Path) -> None:
    writer = _feed(fifo, PAGE.encode(), delay=0.01)
    proc = run(["convert", "--to", "json", str(fifo)], timeout=30)
    writer.join(timeout=10)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["title"] == "城市新闻"


def test_a_file_growing_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The size check happens before reading; what the file grew to meanwhile is read, capped."""
    page = tmp_path / "growing.txt"
    page.write_bytes(b"x" * 1000)
    real_stat = os.stat

    def grows_after_stat(path: str, *args: Any, **kwargs: Any) -> os.stat_result:
        st = real_stat(path, *args, **kwargs)
        if os.fspath(path) == str(page):
            with page.open("ab") as fh:  # another process appends right after our stat
                fh.write(b"y" * 5000)
        return st

    monkeypatch.setattr(reader.source.os, "stat", grows_after_stat)
    assert read_source(page).data == b"x" * 1000 + b"y" * 5000
    page.write_bytes(b"x" * 1000)
    with pytest.raises(InputError, match="larger than the 4,000-byte limit"):
        read_source(page, max_bytes=4000)


def test_an_endless_device_stops_at_the_limit() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(InputError, match="/dev/zero: larger than the 1,000,000-byte limit"):
        read_source("/dev/zero", max_bytes=1_000_000)


def test_a_generous_limit_costs_nothing_up_front(tmp_path: Path) -> None:
    # Regression: read(max_bytes + 1) allocated the whole limit before reading (MemoryError).
    page = tmp_path / "p.txt"
    page.write_bytes(PAGE.encode())
    assert read_source(page, max_bytes=2**50).data == PAGE.encode()


def test_a_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_source(tmp_path)


@needs_reader
@pytest.mark.parametrize("command", ["view", "explain", "detect"])
def test_a_directory_through_the_command(tmp_path: Path, command: str) -> None:
    proc = run([command, str(tmp_path)])
    assert proc.returncode == 1
    assert "is a directory" in one_error_line(proc)


@needs_reader
def test_convert_of_an_empty_directory_says_so(tmp_path: Path) -> None:
    proc = run(["convert", str(tmp_path)])
    assert proc.returncode == 1
    assert "no files matching" in proc.stderr.decode()


def test_a_socket(tmp_path: Path) -> None:
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets")
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(InputError, match="is a socket"):
            read_source(path)


@needs_reader
def test_stdin_closed() -> None:
    proc = subprocess.run(
        f"exec {READER} convert - <&-", shell=True, capture_output=True, timeout=30, check=False
    )
    assert proc.returncode == 1
    assert one_error_line(proc) == "reader: error: <stdin>: standard input is closed"


# --- sizes --------------------------------------------------------------------------------------


@needs_reader
def test_max_bytes_on_a_file(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_bytes(b"x" * 2000)
    proc = run(["convert", "--max-bytes", "1000", str(page)])
    assert proc.returncode == 1
    assert one_error_line(proc) == (
        f"reader: error: {page}: 2,000 bytes, over the 1,000-byte limit (see --max-bytes)"
    )


@needs_reader
@pytest.mark.parametrize("command", ["convert", "view", "explain"])
def test_max_bytes_on_stdin(command: str) -> None:
    proc = run([command, "--max-bytes", "1000", "-"], stdin=b"x" * 2000)
    assert proc.returncode == 1
    assert one_error_line(proc) == (
        "reader: error: <stdin>: larger than the 1,000-byte limit (see --max-bytes)"
    )


# --- permissions --------------------------------------------------------------------------------

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2


def _drop_root_overrides() -> None:
    """preexec_fn: after exec, even root obeys file permissions (no DAC override capabilities)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.fixture
def as_unprivileged(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[bytes]]:
    """Run the command where permission bits apply, or skip saying why they cannot."""
    if not Path(READER).exists():
        pytest.skip("the reader command is not installed beside this Python")
    preexec = _drop_root_overrides if os.geteuid() == 0 else None
    probe = tmp_path / "probe"
    probe.write_bytes(b"x")
    probe.chmod(0)
    try:
        check = subprocess.run(
            [sys.executable, "-c", f"open({str(probe)!r}).read()"],
            capture_output=True,
            preexec_fn=preexec,
            check=False,
        )
    except subprocess.SubprocessError as exc:
        pytest.skip(f"running as root and cannot drop CAP_DAC_OVERRIDE: {exc}")
    finally:
        probe.chmod(0o600)
    if check.returncode == 0:
        pytest.skip("file permissions do not apply here (root, or a file system that ignores them)")

    def run_unprivileged(args: list[str]) -> subprocess.CompletedProcess[bytes]:
        return run(args, preexec_fn=preexec)

    return run_unprivileged


def test_no_read_permission(
    tmp_path: Path, as_unprivileged: Callable[..., subprocess.CompletedProcess[bytes]]
) -> None:
    page = tmp_path / "secret.txt"
    page.write_bytes(PAGE.encode())
    page.chmod(0)
    proc = as_unprivileged(["convert", str(page)])
    assert proc.returncode == 1
    assert one_error_line(proc) == f"reader: error: {page}: permission denied"


def test_no_permission_to_enter_the_directory(
    tmp_path: Path, as_unprivileged: Callable[..., subprocess.CompletedProcess[bytes]]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "page.txt").write_bytes(PAGE.encode())
    locked.chmod(0)
    try:
        proc = as_unprivileged(["view", str(locked / "page.txt")])
    finally:
        locked.chmod(0o700)
    assert proc.returncode == 1
    assert one_error_line(proc) == f"reader: error: {locked / 'page.txt'}: permission denied"


def test_output_directory_without_write_permission(
    tmp_path: Path, as_unprivileged: Callable[..., subprocess.CompletedProcess[bytes]]
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE.encode())
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        to_dir = as_unprivileged(["convert", str(page), "--out-dir", str(out)])
        to_file = as_unprivileged(["convert", str(page), "-o", str(out / "page.md")])
    finally:
        out.chmod(0o755)
    for proc in (to_dir, to_file):
        assert proc.returncode == 1
        assert "Permission denied" in proc.stderr.decode() or "permission denied" in (
            proc.stderr.decode()
        )
        assert "Traceback" not in proc.stderr.decode()
    assert list(out.iterdir()) == []  # nothing partial, no temporary file


# --- a full disk --------------------------------------------------------------------------------


def _big_page(tmp_path: Path) -> Path:
    page = tmp_path / "page.txt"
    # About 200 KB of body in every format, whatever the parse makes of the page's furniture:
    # numbered paragraphs, so no two lines repeat.
    para = "第{}段：这是一个正文段落，讲述城市的发展与变化，内容足够长，可以算作正文。\n"
    body = "".join(para.format(i) for i in range(2400))
    page.write_bytes(("城市新闻\n\n作者：张三\n\n" + body).encode())
    return page


@needs_reader
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="unshare and tmpfs are Linux")
def test_disk_full_on_output(tmp_path: Path) -> None:
    """A real ENOSPC: the output goes to a 64 KB tmpfs mounted in a private mount namespace."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare command")
    page = _big_page(tmp_path)
    disk = tmp_path / "disk"
    disk.mkdir()
    inner = (
        f"mount -t tmpfs -o size=64k tmpfs {disk} 2>/dev/null || exit 99; "
        f"{READER} convert {page} -o {disk}/page.md; code=$?; "
        f"echo; echo LISTING; ls -A {disk}; exit $code"
    )
    proc = subprocess.run(
        ["unshare", "--mount", "sh", "-c", inner],
        capture_output=True,
        timeout=60,
        check=False,
    )
    if proc.returncode == 99 or b"unshare failed" in proc.stderr:
        pytest.skip("cannot mount a small tmpfs here (needs CAP_SYS_ADMIN)")
    assert proc.returncode == 1
    assert one_error_line(proc) == f"reader: error: {disk}/page.md: No space left on device"
    listing = proc.stdout.decode().split("LISTING", 1)[1].split()
    assert listing == []  # no partial page.md, no temporary file


@needs_reader
@pytest.mark.parametrize("target", ["-o", "--out-dir"])
def test_a_failing_write_leaves_nothing(tmp_path: Path, target: str) -> None:
    """A write that fails midway (here: the file size limit, EFBIG) is one error line and no
    file: the output is written to a temporary name and only renamed when complete."""
    page = _big_page(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    dest = str(out / "page.md") if target == "-o" else str(out)

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    proc = run(["convert", str(page), target, dest], preexec_fn=limit_file_size)
    assert proc.returncode == 1
    assert one_error_line(proc).endswith(": File too large")
    assert [p for p in out.rglob("*") if not p.is_dir()] == []


# --- a reader that stops reading, and Ctrl-C ----------------------------------------------------


@pytest.fixture(scope="module")
def many_lines(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 500 KB page: its output is far larger than a pipe holds (64 KB)."""
    path = tmp_path_factory.mktemp("pipe") / "big.txt"
    para = "这是第{}段正文，讲述城市的发展与变化。The council met on Monday to discuss it.\n"
    path.write_text("城市新闻\n作者：张三\n" + "".join(para.format(i) for i in range(5000)))
    return path


def _head_1(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """``reader ARGS | head -1``: read one line, close the pipe, collect how reader ended."""
    proc = subprocess.Popen([READER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    return subprocess.CompletedProcess(args, proc.returncode, first, err)


PIPE_CASES = {
    "convert": ["convert", "--to", "text"],
    "convert-jsonl": ["convert", "--to", "jsonl"],
    "convert-many": ["convert", "--to", "jsonl", "--jobs", "2"],
    "view": ["view"],
    "explain": ["explain"],
}


@pytest.fixture(scope="module")
def closed_pipes(many_lines: Path) -> dict[str, subprocess.CompletedProcess[bytes]]:
    """Each command of PIPE_CASES run once as ``… | head -1``."""
    if not Path(READER).exists():
        pytest.skip("the reader command is not installed beside this Python")
    results = {}
    for case, args in PIPE_CASES.items():
        inputs = [str(many_lines)] * (3 if case == "convert-many" else 1)
        results[case] = _head_1([*args, *inputs])
    return results


@pytest.mark.parametrize("case", PIPE_CASES)
def test_a_closed_pipe_ends_quietly(
    closed_pipes: dict[str, subprocess.CompletedProcess[bytes]], case: str
) -> None:
    proc = closed_pipes[case]
    assert proc.stdout  # the line head printed
    assert proc.stderr == b""  # no BrokenPipeError, no "Exception ignored", no summary line
    assert proc.returncode == 0  # the reader stopped reading: no input failed


def test_closed_pipe_exit_status_is_the_same_everywhere(
    closed_pipes: dict[str, subprocess.CompletedProcess[bytes]],
) -> None:
    # 0 is the only status every command can keep: when the pipe closes during the single write
    # of a whole document, CPython returns the partial count and raises nothing, so there is no
    # error to turn into 1. (1 is what the BrokenPipeError handlers in runner.py and cli.py give.)
    codes = {case: proc.returncode for case, proc in closed_pipes.items()}
    assert set(codes.values()) == {0}, codes


@needs_reader
def test_a_closed_pipe_in_a_shell_pipeline(many_lines: Path) -> None:
    if shutil.which("bash") is None or shutil.which("head") is None:
        pytest.skip("needs bash and head")
    proc = subprocess.run(
        [
            "bash",
            "-c",
            f'"{READER}" convert --to text "{many_lines}" | head -1; echo "${{PIPESTATUS[0]}}"',
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    first, status = proc.stdout.decode().splitlines()
    assert first.strip()
    assert status == "0"
    assert proc.stderr == b""


@contextlib.contextmanager
def _interruptible(args: list[str]) -> Iterator[subprocess.Popen[bytes]]:
    """Start reader with SIGINT at its default (a test runner may have it ignored)."""
    proc = subprocess.Popen(
        [READER, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@needs_reader
@needs_fifo
@pytest.mark.parametrize(
    "args", [["convert"], ["convert", "--to", "json", "-o", "OUT"], ["view"], ["explain"]]
)
def test_ctrl_c_while_waiting_for_input_exits_130(fifo: Path, args: list[str]) -> None:
    # Nobody writes to the FIFO: reader waits in open(), as cat would, until Ctrl-C.
    out = fifo.with_name("out.json")
    argv = [str(out) if a == "OUT" else a for a in args]
    with _interruptible([*argv, str(fifo)]) as proc:
        time.sleep(1.0)  # let it start and block
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=20)
    assert proc.returncode == 130
    assert stdout == b""
    assert b"Traceback" not in stderr
    assert len(stderr.decode().strip().splitlines()) <= 1  # at most "reader: interrupted: …"
    assert not out.exists()


@needs_reader
@needs_fifo
def test_ctrl_c_with_a_worker_blocked_on_input(fifo: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE.encode())
    with _interruptible(["convert", "--to", "jsonl", "--jobs", "2", str(fifo), str(page)]) as p:
        time.sleep(1.5)
        p.send_signal(signal.SIGINT)
        try:
            p.communicate(timeout=3)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError), fifo.open("wb"):
                pass  # release the worker so the pool can shut down
            p.communicate(timeout=20)
            pytest.fail("still running 3 s after Ctrl-C")
    assert p.returncode == 130


# --- regressions found by fuzzing and by hypothesis ---------------------------------------------


def test_lone_surrogates_from_the_library_do_not_break_the_pipeline() -> None:
    # read_text takes any str, including the surrogate-escaped bytes of a bad file name or page.
    article = reader.read_text("标题\udcff\n正文\udc80段落，内容。\n")
    every_line_once(article)
    for fmt in Format:
        render(article, fmt)


def test_error_messages_are_one_line() -> None:
    for data in (b"\x00\x01\x02", b"\x89PNG\r\n\x1a\n", b"%PDF-1.4\n"):
        with pytest.raises(ReaderError) as info:
            reader.read_article(data)
        assert "\n" not in str(info.value)


def test_enospc_maps_to_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The library's error for a full disk, without a full disk: the OSError becomes one line."""
    from reader.batch import write_atomic
    from reader.errors import OutputError

    real_open = open

    class Full:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def write(self, data: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name: str) -> Any:
            return getattr(self.fh, name)

    def full_open(*args: Any, **kwargs: Any) -> Any:
        return Full(real_open(*args, **kwargs))

    monkeypatch.setattr("reader.batch.open", full_open, raising=False)
    target = tmp_path / "out.md"
    with pytest.raises(OutputError, match=r"out\.md: No space left on device"):
        write_atomic(str(target), "x" * 1000)
    assert list(tmp_path.iterdir()) == []


# --- the fuzzer, briefly ------------------------------------------------------------------------


def test_fuzz_smoke(tmp_path: Path) -> None:
    """A short coverage-guided run of fuzz/fuzz_read.py (longer runs by hand: fuzz/README.md)."""
    pytest.importorskip("atheris", reason="atheris is not installed (Linux x86-64 dev extra)")
    root = Path(__file__).resolve().parent.parent
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    proc = subprocess.run(
        [
            sys.executable,
            str(root / "fuzz" / "fuzz_read.py"),
            str(corpus),  # new inputs go to the first directory: a scratch one
            str(root / "samples"),
            "-seed=1",
            "-runs=400",
            "-max_len=8192",
            "-max_total_time=30",
            "-timeout=20",
            f"-artifact_prefix={tmp_path}/",
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    log = proc.stderr.decode(errors="replace")
    crashes = [p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-"))]
    assert proc.returncode == 0 and not crashes, log[-3000:]
    assert "Done " in log
