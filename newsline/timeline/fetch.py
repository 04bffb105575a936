"""Fetching an article's web page for ingest: http(s) only, HTML only, bounded in time, size and redirects."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException, HTTPMessage, HTTPResponse
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from newsline.nlp.webpages import charset_from_content_type

USER_AGENT = "Newsline/1.0 (news timeline for classrooms; fetches the article pages its editors ask for)"
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
_REDIRECT_STATUSES = (301, 302, 303, 307, 308)
_CHUNK_BYTES = 64 * 1024


class FetchError(Exception):
    """The page could not be fetched; the message says why, for the editor."""


@dataclass(frozen=True)
class FetchedPage:
    """The page's bytes as served, the URL they came from after redirects, and the charset the server declared."""

    data: bytes
    url: str
    charset: str | None
    content_type: str


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # Redirects are followed by fetch_page itself, so it can count them and check each target's scheme.
    def redirect_request(
        self, req: urllib.request.Request, fp: object, code: int, msg: str, headers: HTTPMessage, newurl: str
    ) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def check_url(url: str) -> str:
    """The URL stripped, or FetchError when it is not an absolute http(s) URL."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        _ = parts.port  # a bad port ("http://host:x/") raises here
    except ValueError:
        raise FetchError(f"not a valid URL: {url!r}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {url!r}")
    if not parts.hostname:
        raise FetchError(f"not a URL with a host name: {url!r}")
    return url


def fetch_page(url: str) -> FetchedPage:
    """Fetch an HTML page, following at most NEWSLINE_FETCH_MAX_REDIRECTS redirects.

    Raises FetchError with a message an editor can act on: "HTTP 404 (Not Found)", "too many redirects",
    "not an HTML page (application/pdf)", "too large", "unreachable: …".
    """
    url = check_url(url)
    limit = settings.NEWSLINE_FETCH_MAX_REDIRECTS
    for _ in range(limit + 1):
        request = urllib.request.Request(
            url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9",
                          "Accept-Encoding": "identity"}
        )
        try:
            response = _opener.open(request, timeout=settings.NEWSLINE_FETCH_TIMEOUT)
        except urllib.error.HTTPError as error:
            with error:
                location = error.headers.get("Location")
                if error.code in _REDIRECT_STATUSES and location:
                    url = check_url(urljoin(url, location))
                    continue
                raise FetchError(f"HTTP {error.code} ({error.reason}) from {url}") from None
        except urllib.error.URLError as error:
            raise FetchError(f"unreachable: {error.reason} ({url})") from None
        except (TimeoutError, socket.timeout, OSError, HTTPException) as error:
            raise FetchError(f"unreachable: {error or type(error).__name__} ({url})") from None
        with response:
            return _read_html(response, response.geturl() or url)
    raise FetchError(f"too many redirects (more than {limit}) from {url}")


def _read_html(response: HTTPResponse, url: str) -> FetchedPage:
    content_type = response.headers.get("Content-Type", "")
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in HTML_CONTENT_TYPES:
        raise FetchError(f"not an HTML page ({media_type or 'no content type'}): {url}")
    limit = settings.NEWSLINE_FETCH_MAX_BYTES
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"too large: {int(declared):,} bytes, more than the {limit:,} allowed ({url})")
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := response.read(_CHUNK_BYTES):
            size += len(chunk)
            if size > limit:
                raise FetchError(f"too large: more than the {limit:,} bytes allowed ({url})")
            chunks.append(chunk)
    except (TimeoutError, socket.timeout, OSError, HTTPException) as error:
        raise FetchError(f"unreachable: the page stopped arriving ({error or type(error).__name__}) ({url})") from None
    return FetchedPage(b"".join(chunks), url, charset_from_content_type(content_type), media_type)
