"""URLs wherever a path is accepted: fetched from a real HTTP server on localhost (``tests.web``),
decoded with the header's charset as evidence, refused with one line for each way a fetch fails."""

from __future__ import annotations

import gzip
import json
import re
import socket
import time
import zlib
from importlib import resources
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

import reader
from reader.cli import app
from reader.codings import ACCEPT_ENCODING
from reader.entry import parse_plain
from reader.errors import InputError
from reader.fetch import USER_AGENT
from tests.test_cli_convert import fast_run, typer_run
from tests.web import Site

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

GBK_ONLY = "朱镕基、王堃和陈喆今天在县政府召开的新闻发布会上介绍了全县农村公路建设的最新进展。"
BIG5_NEWS = (
    "山城夜市重新開張，攤商笑逐顏開。停業三個月的山城夜市，今晚終於重新開張，兩百多個攤位燈火通明。"
)
ENGLISH = "The harbour town opened its first tidal-energy plant on Monday, after years of delay. "


def page(title: str, text: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
        f"<p>{text}</p><p>{text}</p></body></html>"
    )


ZH = page("县里修路", GBK_ONLY)
TW = page("夜市開張", BIG5_NEWS)
EN = page("Harbour town opens plant", ENGLISH * 4)
HTML = "text/html"


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with Site() as s:
        s.route("/gbk", ZH.encode("gbk"), {"Content-Type": "text/html; charset=gb2312"})
        s.route("/utf8-as-gbk", ZH.encode(), {"Content-Type": "text/html; charset=gbk"})
        s.route("/big5", TW.encode("big5"), {"Content-Type": HTML})
        s.route("/en", EN.encode(), {"Content-Type": "text/html; charset=utf-8"})
        s.route("/text", ENGLISH.encode(), {"Content-Type": "text/plain"})
        for i in range(3):
            s.route(f"/hop{i}", b"", {"Location": f"/hop{i + 1}"}, status=301 + i)
        s.route("/hop3", EN.encode(), {"Content-Type": HTML})
        s.route("/loop-a", b"", {"Location": "/loop-b"}, status=302)
        s.route("/loop-b", b"", {"Location": "/loop-a"}, status=302)
        s.route("/to-ftp", b"", {"Location": "ftp://127.0.0.1/x"}, status=302)
        s.route("/500", b"<p>oops</p>", {"Content-Type": HTML}, status=500)
        s.route("/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", {"Content-Type": "application/pdf"})
        s.route("/png", b"\x89PNG\r\n\x1a\n", {"Content-Type": "image/png"})
        s.handler("/stall", s.stall)
        s.route("/big", b"<p>" + b"x" * 5000 + b"</p>", {"Content-Type": HTML})
        s.handler("/big-chunked", _chunked(b"<p>" + b"x" * 5000 + b"</p>"))
        encoded = {
            "gzip": gzip.compress(EN.encode()),
            "deflate": zlib.compress(EN.encode()),
            "raw-deflate": _raw_deflate(EN.encode()),
        }
        for name, body in encoded.items():
            coding = "deflate" if name == "raw-deflate" else name
            s.route(f"/{name}", body, {"Content-Type": HTML, "Content-Encoding": coding})
        s.route(
            "/gzip-bomb",
            gzip.compress(b" " * 20_000_000),
            {"Content-Type": HTML, "Content-Encoding": "gzip"},
        )
        yield s


def _raw_deflate(data: bytes) -> bytes:
    """Deflate without the zlib wrapper: what many servers send as "deflate"."""
    packer = zlib.compressobj(wbits=-15)
    return packer.compress(data) + packer.flush()


def _chunked(body: bytes):
    """An answer without Content-Length, in chunks: its size is known only as it arrives."""

    def answer(handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", HTML)
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for start in range(0, len(body), 1000):
            part = body[start : start + 1000]
            handler.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
        handler.wfile.write(b"0\r\n\r\n")

    return answer


def convert(*args: str) -> tuple[int, str, str]:
    return typer_run(["convert", *args])


def one(url: str, *args: str) -> dict[str, object]:
    code, out, err = convert(url, "--to", "json", *args)
    assert (code, err) == (0, "")
    data: dict[str, object] = json.loads(out)
    return data


# --- decoding with the header's charset -----------------------------------------------------


def test_a_gbk_page_served_as_gb2312_reads_right(site: Site) -> None:
    data = one(site.url("/gbk"))
    assert data["encoding"]["method"] == "header"
    assert data["encoding"]["name"] == "gb18030"
    assert GBK_ONLY in data["body"]
    assert data["fetched"]["content_type"] == "text/html; charset=gb2312"


def test_a_utf8_page_served_as_gbk_reads_as_utf8(site: Site) -> None:
    data = one(site.url("/utf8-as-gbk"))
    assert data["encoding"]["name"] == "utf-8"
    assert GBK_ONLY in data["body"]


def test_a_big5_page_with_no_charset_anywhere_is_detected(site: Site) -> None:
    data = one(site.url("/big5"))
    assert data["encoding"]["name"] == "cp950"
    assert BIG5_NEWS in data["body"]


@pytest.mark.parametrize("coding", ["gzip", "deflate", "raw-deflate", "br"])
def test_compressed_bodies_are_decoded(site: Site, coding: str) -> None:
    if coding == "br":
        brotli = pytest.importorskip("brotli")
        site.route(
            "/br", brotli.compress(EN.encode()), {"Content-Type": HTML, "Content-Encoding": "br"}
        )
    data = one(site.url(f"/{coding}"))
    assert data["title"] == "Harbour town opens plant"
    assert data["body"] == [(ENGLISH * 4).strip()] * 2


def test_the_request_names_reader_and_what_it_decodes(site: Site) -> None:
    one(site.url("/en"))
    path, headers = site.requests[-1]
    assert path == "/en"
    assert (
        headers["User-Agent"]
        == USER_AGENT
        == f"reader/{reader.__version__} (command-line article reader)"
    )
    assert headers["Accept-Encoding"] == ACCEPT_ENCODING
    assert ACCEPT_ENCODING.startswith("gzip, deflate")


# --- the contract -----------------------------------------------------------------------------


def test_path_is_what_was_typed_and_url_where_the_redirects_ended(site: Site) -> None:
    typed = site.url("/hop0")
    data = one(typed)
    assert (data["path"], data["url"]) == (typed, site.url("/hop3"))
    assert data["fetched"]["status"] == 200
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", data["fetched"]["date"])
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.files("reader").joinpath("schemas/article-v1.json").read_text())
    jsonschema.validate(data, schema)


def test_the_library_fetches_too(site: Site) -> None:
    article = reader.read_article(site.url("/gbk"))
    assert article.url == site.url("/gbk")
    assert article.encoding is not None and article.encoding.method == "header"
    assert article.fetched is not None and article.fetched.status == 200
    with pytest.raises(InputError, match=r"/500: HTTP 500 Internal Server Error$"):
        reader.read_article(site.url("/500"))


# --- failures: one line, exit 1, the others go on -------------------------------------------


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/500", "HTTP 500 Internal Server Error"),
        ("/pdf", "not an HTML or text page: application/pdf"),
        ("/png", "not an HTML or text page: image/png"),
        ("/loop-a", "redirect loop (gave up after 10)"),
        ("/to-ftp", "redirected to a URL reader cannot fetch: ftp://127.0.0.1/x"),
        ("/big", "larger than the 1,000-byte limit (see --max-bytes)"),
        ("/big-chunked", "larger than the 1,000-byte limit (see --max-bytes)"),
        ("/gzip-bomb", "larger than the 1,000-byte limit (see --max-bytes)"),
    ],
)
def test_a_failed_fetch_is_one_line_and_the_others_go_on(
    site: Site, path: str, reason: str
) -> None:
    bad, good = site.url(path), site.url("/en")
    code, out, err = convert(bad, good, "--to", "jsonl", "--max-bytes", "1000", "--errors-inline")
    assert code == 1
    assert err.splitlines() == [
        f"reader: error: {bad}: {reason}",
        "reader: 1 of 2 inputs failed (1 converted)",
    ]
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0] == {"path": bad, "error": reason}
    assert rows[1]["path"] == good  # under the cap: "--max-bytes 1000" lets the small page in


def test_too_many_redirects(site: Site) -> None:
    for i in range(12):
        site.route(f"/far{i}", b"", {"Location": f"/far{i + 1}"}, status=302)
    site.route("/far12", EN.encode(), {"Content-Type": HTML})
    code, _, err = convert(site.url("/far0"))
    assert (code, err) == (
        1,
        f"reader: error: {site.url('/far0')}: too many redirects (more than 10)\n",
    )
    assert convert(site.url("/far2"))[0] == 0  # ten hops are fine


def test_a_brotli_bomb_stops_at_the_cap(site: Site) -> None:
    brotli = pytest.importorskip("brotli")
    bomb = brotli.compress(b" " * 200_000_000, quality=5)  # 200 MB from a few hundred bytes
    assert len(bomb) < 1000
    site.route("/br-bomb", bomb, {"Content-Type": HTML, "Content-Encoding": "br"})
    started = time.monotonic()
    code, out, err = convert(site.url("/br-bomb"), "--max-bytes", "100000")
    assert (code, out) == (1, "")
    assert err.endswith(": larger than the 100,000-byte limit (see --max-bytes)\n")
    assert time.monotonic() - started < 5


def test_a_stalling_server_times_out(site: Site) -> None:
    started = time.monotonic()
    code, out, err = convert(site.url("/stall"), "--timeout", "0.2")
    assert (code, out) == (1, "")
    assert (
        err
        == f"reader: error: {site.url('/stall')}: timed out (nothing for 0.2 s; see --timeout)\n"
    )
    assert time.monotonic() - started < 5


def test_a_refused_connection() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))  # bound, never listening: connecting is refused
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
        code, _, err = convert(url)
    assert (code, err) == (1, f"reader: error: {url}: connection refused\n")


def test_tls_to_a_plain_http_server_fails_in_one_line(site: Site) -> None:
    url = f"https://127.0.0.1:{site.port}/en"
    code, _, err = convert(url, "--timeout", "5")
    assert code == 1
    assert err.startswith(f"reader: error: {url}: TLS failure: ")
    assert len(err.splitlines()) == 1


def test_a_host_that_does_not_resolve(monkeypatch: pytest.MonkeyPatch) -> None:
    # The resolver itself is replaced (a lookup must not leave this machine); httpx is real.
    real = socket.getaddrinfo

    def getaddrinfo(host: str, *args: object, **kwargs: object) -> object:
        if host == "no-such-host.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    code, _, err = convert("http://no-such-host.invalid/news")
    assert code == 1
    assert err == (
        "reader: error: http://no-such-host.invalid/news: could not resolve the host name "
        "(Name or service not known)\n"
    )


@pytest.mark.parametrize("url", ["ftp://example.com/a.html", "file:///etc/hostname", "FILE:page"])
@pytest.mark.parametrize("command", ["convert", "view", "explain", "detect"])
def test_other_schemes_are_usage_errors(url: str, command: str) -> None:
    result = CliRunner().invoke(app, [command, url])
    scheme = url.split(":")[0].lower()
    assert result.exit_code == 2
    assert result.stderr == (
        f"reader: error: {url}: unsupported URL scheme {scheme!r} (only http and https)\n"
    )


def test_a_listed_url_of_another_scheme_fails_alone(site: Site, tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"ftp://example.com/a\n{site.url('/en')}\n", encoding="utf-8")
    code, out, err = convert("--files-from", str(listing), "--to", "jsonl")
    assert code == 1
    assert err.splitlines()[0] == (
        "reader: error: ftp://example.com/a: unsupported URL scheme 'ftp' (only http and https)"
    )
    assert [json.loads(line)["path"] for line in out.splitlines()] == [site.url("/en")]


def test_a_failed_fetch_leaves_no_output_file(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    code, _, _ = convert(
        site.url("/gzip-bomb"), "--to", "json", "-o", str(out), "--max-bytes", "1000"
    )
    assert code == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf"])
def test_the_timeout_must_be_positive(value: str) -> None:
    for args in (["convert", "x.txt", "--timeout", value], ["view", "x.txt", f"--timeout={value}"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2, (args, result.stderr)


# --- many URLs ------------------------------------------------------------------------------


def test_many_urls_are_fetched_together_but_come_out_in_order(site: Site) -> None:
    urls = []
    for i in range(8):
        body = page(f"Story {i}", ENGLISH * 3).encode()
        host = "127.0.0.1" if i % 2 else "localhost"
        urls.append(site.handler(f"/slow{i}", site.slow(0.2, body)).replace("127.0.0.1", host))
    site.most_active = 0
    started = time.monotonic()
    code, out, err = convert(*urls, "--to", "jsonl", "--jobs", "1")
    elapsed = time.monotonic() - started
    assert (code, err) == (0, "reader: 8 inputs converted\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in rows] == urls
    assert [r["title"] for r in rows] == [f"Story {i}" for i in range(8)]
    assert site.most_active <= 4  # two hosts, at most two requests each at once
    assert site.most_active >= 3
    assert elapsed < 8 * 0.2  # not one after the other


def test_files_and_urls_mix_in_a_list_and_out_dir_names_pages_by_url(
    site: Site, tmp_path: Path
) -> None:
    from tests.conftest import SAMPLES

    listing = tmp_path / "list.txt"
    sample = SAMPLES / "english_news.txt"
    listing.write_text(f"{site.url('/en')}\n{sample}\n{site.url('/gbk')}\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = convert(
        "--files-from", str(listing), "--to", "json", "--out-dir", str(out), "--jobs", "2"
    )
    assert (code, err) == (0, "reader: 3 inputs converted\n")
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert len(written) == 3
    assert sum(name.startswith("127.0.0.1/") for name in written) == 2
    again = reader.batch.url_name(site.url("/en"))
    assert f"{again}.json" in written


# --- both front ends, and the other commands --------------------------------------------------

_DATE = re.compile(r'"date": ?"[0-9T:-]+Z"')


def test_fast_path_and_typer_agree_on_urls(site: Site, tmp_path: Path) -> None:
    lines = [
        ["convert", site.url("/gbk"), "--to", "json"],
        ["convert", site.url("/en"), site.url("/missing"), "--to=jsonl", "--timeout", "5"],
        ["convert", "--timeout=0.2", site.url("/stall")],
        ["convert", site.url("/big5"), "-t", "text", "--timeout", "0"],
        ["convert", "ftp://example.com/x"],
    ]
    for args in lines:
        assert parse_plain(args) is not None, args
        fast, slow = fast_run(args), typer_run(args)
        assert fast[0] == slow[0], args
        assert _DATE.sub("", fast[1]) == _DATE.sub("", slow[1]), args
        assert fast[2] == slow[2], args
    assert parse_plain(["convert", site.url("/en"), "--timeout", "soon"]) is None


def test_view_explain_and_detect_take_urls(site: Site) -> None:
    runner = CliRunner()
    viewed = runner.invoke(app, ["view", site.url("/gbk")])
    assert viewed.exit_code == 0
    assert GBK_ONLY in viewed.stdout
    explained = runner.invoke(app, ["explain", site.url("/en")])
    assert explained.exit_code == 0
    assert "Harbour town opens plant" in explained.stdout
    detected = runner.invoke(app, ["detect", site.url("/gbk"), site.url("/missing")])
    assert detected.exit_code == 1
    assert detected.stdout == f"{site.url('/gbk')}\tgb18030\t-\theader\n"
    assert detected.stderr == f"reader: error: {site.url('/missing')}: HTTP 404 Not Found\n"
    viewed = runner.invoke(app, ["view", site.url("/stall"), "--timeout", "0.1"])
    assert viewed.exit_code == 1
    assert "timed out" in viewed.stderr
