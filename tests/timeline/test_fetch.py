"""fetch_page against a real HTTP server on 127.0.0.1, run in a thread (never the internet)."""

import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from newsline.timeline.fetch import USER_AGENT, FetchError, check_url, fetch_page
from tests.timeline.local_server import local_server, small_fetch_limits

ARTICLE = (
    '<html><head><meta charset="iso-8859-1"><title>Pier reopens</title></head>'
    "<body><p>The pier reopened on Sunday \u2013 \u201cat last\u201d, said the caf\u00e9 owner.</p></body></html>"
).encode("cp1252")
TWENTY_MB = 20 * 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    seen_user_agents: list[str] = []

    def log_message(self, format: str, *args: object) -> None:  # the test output stays quiet
        pass

    def send(self, status: int, content_type: str | None, body: bytes = b"", headers: dict[str, str] | None = None,
             length: bool = True) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.seen_user_agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/article": lambda: self.send(200, "text/html; charset=ISO-8859-1", ARTICLE),
            "/xhtml": lambda: self.send(200, "application/xhtml+xml", b"<html><body><p>x</p></body></html>"),
            "/missing": lambda: self.send(404, "text/html", b"<h1>Not here</h1>"),
            "/moved": lambda: self.send(301, "text/html", headers={"Location": "/article"}),
            "/loop-a": lambda: self.send(302, "text/html", headers={"Location": "/loop-b"}),
            "/loop-b": lambda: self.send(302, "text/html", headers={"Location": "/loop-a"}),
            "/to-ftp": lambda: self.send(302, "text/html", headers={"Location": "ftp://127.0.0.1/file.html"}),
            "/report.pdf": lambda: self.send(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
            "/no-type": lambda: self.send(200, None, b"<html></html>"),
            "/huge-declared": lambda: self.send_huge(declare_length=True),
            "/huge-streamed": lambda: self.send_huge(declare_length=False),
            "/slow": self.send_slowly,
        }
        if self.path.startswith("/hop/"):
            hops = int(self.path.rsplit("/", 1)[1])
            target = f"/hop/{hops - 1}" if hops > 1 else "/article"
            return self.send(302, "text/html", headers={"Location": target})
        routes.get(self.path, lambda: self.send(404, "text/html", b"no route"))()

    def send_huge(self, declare_length: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declare_length:
            self.send_header("Content-Length", str(TWENTY_MB))
        self.end_headers()
        chunk = b"<p>" + b"x" * 65_000 + b"</p>"
        try:
            for _ in range(TWENTY_MB // len(chunk) + 1):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading past its limit, as it should

    def send_slowly(self) -> None:
        time.sleep(2)
        try:
            self.send(200, "text/html", b"<html></html>")
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(Handler) as url:
        yield url


@pytest.fixture(autouse=True)
def fetch_limits(settings):
    small_fetch_limits(settings)


def test_200_returns_the_bytes_the_final_url_and_the_declared_charset(server):
    page = fetch_page(server + "/article")
    assert page.data == ARTICLE
    assert page.url == server + "/article"
    assert page.charset == "ISO-8859-1"
    assert page.content_type == "text/html"
    assert Handler.seen_user_agents[-1] == USER_AGENT
    assert "Newsline" in USER_AGENT


def test_xhtml_is_html(server):
    assert fetch_page(server + "/xhtml").content_type == "application/xhtml+xml"


def test_a_redirect_is_followed_to_the_final_url(server):
    page = fetch_page(server + "/moved")
    assert page.url == server + "/article"
    assert page.data == ARTICLE


def test_redirects_up_to_the_limit_are_followed(server):
    assert fetch_page(server + "/hop/3").url == server + "/article"


def test_one_redirect_too_many(server):
    with pytest.raises(FetchError, match="too many redirects"):
        fetch_page(server + "/hop/4")


def test_redirect_loop(server):
    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        fetch_page(server + "/loop-a")


def test_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(FetchError, match="only http and https"):
        fetch_page(server + "/to-ftp")


def test_404(server):
    with pytest.raises(FetchError, match=r"HTTP 404 \(Not Found\)"):
        fetch_page(server + "/missing")


def test_pdf_is_not_an_html_page(server):
    with pytest.raises(FetchError, match=r"not an HTML page \(application/pdf\)"):
        fetch_page(server + "/report.pdf")


def test_no_content_type_is_not_taken_for_html(server):
    with pytest.raises(FetchError, match=r"not an HTML page \(no content type\)"):
        fetch_page(server + "/no-type")


def test_20_mb_body_with_its_length_declared_is_refused_before_reading(server):
    with pytest.raises(FetchError, match="too large: 20,971,520 bytes"):
        fetch_page(server + "/huge-declared")


def test_20_mb_body_streamed_without_a_length_stops_past_the_limit(server):
    with pytest.raises(FetchError, match="too large: more than the 2,000,000 bytes"):
        fetch_page(server + "/huge-streamed")


def test_timeout_is_unreachable(server, settings):
    settings.NEWSLINE_FETCH_TIMEOUT = 0.3
    with pytest.raises(FetchError, match="unreachable"):
        fetch_page(server + "/slow")


def test_closed_port_is_unreachable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="unreachable"):
        fetch_page(f"http://127.0.0.1:{port}/article")


@pytest.mark.parametrize(
    "url",
    ["ftp://127.0.0.1/article.html", "file:///etc/passwd", "javascript:alert(1)", "127.0.0.1/article", "http:///nohost",
     "http://127.0.0.1:notaport/", ""],
)
def test_only_absolute_http_urls(url):
    with pytest.raises(FetchError):
        check_url(url)


def test_check_url_keeps_a_good_url():
    assert check_url("  https://news.example.org/a?b=1  ") == "https://news.example.org/a?b=1"
