"""Public pages kept on the server and answered conditionally (ETag, Last-Modified), keyed by the data version."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from datetime import datetime
from datetime import timezone as dt_timezone
from functools import lru_cache, wraps

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.templatetags.static import static
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.utils.text import compress_string
from django.views.decorators.http import condition
from django.views.decorators.vary import vary_on_headers

from .models import Actor, Event, Mention, Source

# Aggregates are keyed by the data version, so this only bounds how long unused entries linger.
AGGREGATE_CACHE_SECONDS = 600
# Rendered pages are keyed by the data version too; this bounds how long a page nobody asks for again is kept.
PAGE_CACHE_SECONDS = 600
# Request headers that choose what a page sends (an htmx request gets a partial).
HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-History-Restore-Request")


@lru_cache
def data_version_query(vendor: str) -> str:
    """The data version's SQL for one database vendor, built once (reaching a history model builds a manager)."""
    quote = connection.ops.quote_name
    event_table = quote(Event._meta.db_table)
    parts = [f"(SELECT COUNT(*) FROM {event_table})", f"(SELECT MAX(id) FROM {event_table})",
             f"(SELECT COUNT(*) FROM {quote(Mention._meta.db_table)})"]
    for model in (Event, Source, Actor):
        table = quote(model.history.model._meta.db_table)
        parts.append(f"(SELECT MAX(history_id) FROM {table})")
        parts.append(f"(SELECT history_date FROM {table} ORDER BY history_id DESC LIMIT 1)")
    return "SELECT " + ", ".join(parts)


def data_version() -> tuple[str, datetime | None]:
    """A token that changes with every ingest, edit or deletion, and the time of the last recorded change.

    Event ids and count catch bulk inserts and deletions; the history tables' newest rows catch every save through
    the ORM (ingest and the admin). One query, each part answered from a primary key or a count.
    """
    with connection.cursor() as cursor:
        cursor.execute(data_version_query(connection.vendor))
        row = cursor.fetchone()
    changes = [value if isinstance(value, datetime) else parse_datetime(value) for value in row[4::2] if value]
    changes = [value if timezone.is_aware(value) else timezone.make_aware(value, dt_timezone.utc) for value in changes]
    return ":".join(str(value) for value in row), max(changes, default=None)


def request_version(request: HttpRequest) -> tuple[str, datetime | None]:
    """The data version, asked once per request."""
    if not hasattr(request, "newsline_version"):
        request.newsline_version = data_version()
    return request.newsline_version


def page_variant(request: HttpRequest) -> str:
    """What a public page depends on: the data, the path, the query (parameters in a fixed order), the htmx headers
    (which pick a partial) and the deployed static files. Worked out once per request."""
    if not hasattr(request, "newsline_page_variant"):
        query = urlencode(sorted(request.GET.lists()), doseq=True)
        parts = [request_version(request)[0], request.path, query, static("newsline.css"), static("timeline.js"),
                 *(request.headers.get(name, "") for name in HTMX_HEADERS)]
        request.newsline_page_variant = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return request.newsline_page_variant


def page_etag(request: HttpRequest, *args, **kwargs) -> str:
    return page_variant(request)[:32]


def page_last_modified(request: HttpRequest, *args, **kwargs) -> datetime | None:
    return request_version(request)[1]


@dataclass
class KeptPage:
    """A rendered page as the server keeps it: gzip-compressed (a ninth of the memory, and a repeat costs no gzip)
    unless compressing does not make it smaller."""

    headers: dict[str, str]
    content: bytes
    compressed: bool

    @classmethod
    def of(cls, response: HttpResponse) -> KeptPage:
        compressed = compress_string(response.content, max_random_bytes=GZipMiddleware.max_random_bytes)
        if len(compressed) < len(response.content):
            return cls(dict(response.headers), compressed, True)
        return cls(dict(response.headers), response.content, False)

    def response(self, request: HttpRequest) -> HttpResponse:
        if not self.compressed:
            return HttpResponse(self.content, headers=self.headers)
        if not re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")):
            return HttpResponse(gzip.decompress(self.content), headers=self.headers)
        # As GZipMiddleware would send it (which leaves a response with a Content-Encoding alone): a weak ETag.
        response = HttpResponse(self.content, headers={
            **self.headers, "Content-Encoding": "gzip", "ETag": f'W/"{page_etag(request)}"'})
        patch_vary_headers(response, ("Accept-Encoding",))
        return response


def kept_page(view):
    """The view's page for visitors who are not logged in, rendered once per data version and page variant.

    A request with a session cookie (an editor's) is always rendered afresh, and a response that sets a cookie or is
    not a 200 is never kept.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return view(request, *args, **kwargs)
        key = "newsline:page:" + page_variant(request)
        kept = cache.get(key)
        if kept is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming or response.cookies:
                return response
            kept = KeptPage.of(response)
            cache.set(key, kept, PAGE_CACHE_SECONDS)
        return kept.response(request)

    return wrapped


def public_page(view):
    """A page anyone may see and caches may keep: ETag and Last-Modified from the data version, 304 when unchanged,
    and the rendered page kept on the server until the data changes."""

    conditional_view = condition(etag_func=page_etag, last_modified_func=page_last_modified)(kept_page(view))

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = conditional_view(request, *args, **kwargs)
        # Shared caches may keep a page for a minute; browsers always ask again (a 304 when nothing changed).
        patch_cache_control(response, public=True, max_age=0, s_maxage=60, must_revalidate=True)
        return response

    return vary_on_headers(*HTMX_HEADERS)(wrapped)


def cached(request: HttpRequest, name: str, parameters: object, compute):
    """`compute()`, kept until the data changes: aggregates over every matching event are not redone per request."""
    key = "newsline:" + hashlib.sha256(f"{name}\n{request_version(request)[0]}\n{parameters!r}".encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, AGGREGATE_CACHE_SECONDS)
    return value
