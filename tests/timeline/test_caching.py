"""Public pages are light and cacheable: compressed, no cookies, and 304 until the data changes."""

import gzip
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date

from newsline.timeline.caching import kept_page
from newsline.timeline.models import Event

from .factories import make_event, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def talks():
    source = make_source("bbc.txt", outlet="BBC", title="Ministers meet")
    make_event("Sanctions imposed", "2015", actors=("Alpha Land",), source=source)
    return make_event("Talks in the capital", "2017-02-13", actors=("Alpha Land",), source=source)


def public_paths(event: Event) -> list[str]:
    source_id = event.mentions.first().source_id
    return ["/", "/?lanes=actor", "/?actor=Alpha+Land&from=2017", "/story/", "/story/?page=2",
            f"/events/{event.pk}/", f"/sources/{source_id}/"]


def test_public_pages_set_no_cookie_and_do_not_vary_on_cookies(client, talks):
    for path in public_paths(talks):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not response.cookies, path
        assert "Set-Cookie" not in response.headers, path
        assert "cookie" not in response.headers.get("Vary", "").lower(), path
        assert "public" in response.headers["Cache-Control"], path


def test_pages_are_compressed_for_browsers_that_accept_gzip(client, talks):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    assert "Talks in the capital" in html
    assert len(response.content) < len(html.encode()) / 3


def test_a_repeat_request_gets_304_until_an_editor_changes_an_event(talks, editor_client, change_form_data):
    visitor = Client()
    first = visitor.get("/")
    etag = first.headers["ETag"]
    assert visitor.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert visitor.get(f"/events/{talks.pk}/").status_code == 200

    later = timezone.now() + timedelta(seconds=5)
    with time_machine.travel(later, tick=False):
        url = f"/admin/timeline/event/{talks.pk}/change/"
        response = editor_client.post(url, change_form_data(editor_client.get(url), headline="Talks moved north"))
        assert response.status_code == 302
    changed = visitor.get("/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "Talks moved north" in changed.content.decode()
    assert changed.headers["ETag"] != etag
    assert visitor.get("/", HTTP_IF_NONE_MATCH=changed.headers["ETag"]).status_code == 304


def test_if_modified_since_gets_304_until_the_data_changes(talks):
    visitor = Client()
    last_modified = visitor.get("/story/").headers["Last-Modified"]
    assert visitor.get("/story/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert visitor.get("/story/", HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200

    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):
        talks.status = Event.Status.VERIFIED
        talks.save()
    response = visitor.get("/story/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 200
    assert response.headers["Last-Modified"] != last_modified


def test_the_htmx_partial_and_the_full_page_have_different_etags(client, talks):
    page = client.get("/?actor=Alpha+Land")
    partial = client.get("/?actor=Alpha+Land", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    assert page.headers["ETag"] != partial.headers["ETag"]
    assert client.get("/?actor=Alpha+Land", HTTP_IF_NONE_MATCH=partial.headers["ETag"]).status_code == 200
    assert "HX-Request" in page.headers["Vary"]


def test_cached_counts_follow_new_events_and_deletions(client, talks):
    source = talks.mentions.first().source
    assert "2 events" in client.get("/").content.decode()
    added = make_event("Summit in the spring", "2018-04", source=source)
    html = client.get("/").content.decode()
    assert "3 events" in html and 'aria-label="April 2018: 1 event"' in html
    Event.objects.filter(pk=added.pk).delete()
    html = client.get("/").content.decode()
    assert "2 events" in html and "April 2018" not in html


def test_deleting_an_event_without_history_still_changes_the_etag(client, talks):
    etag = client.get("/").headers["ETag"]
    Event.objects.filter(pk=talks.pk).delete()
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_repeated_page_costs_one_query_for_the_data_version(talks, django_assert_num_queries):
    visitor = Client()
    for path in public_paths(talks):
        first = visitor.get(path)
        with django_assert_num_queries(1):
            again = visitor.get(path)
        assert again.status_code == 200, path
        assert again.content == first.content, path
        assert again.headers["Content-Type"] == first.headers["Content-Type"], path


def test_the_same_filters_in_another_order_are_the_same_kept_page(talks, django_assert_num_queries):
    visitor = Client()
    first = visitor.get("/?actor=Alpha+Land&from=2017")
    with django_assert_num_queries(1):
        again = visitor.get("/?from=2017&actor=Alpha+Land")
    assert again.content == first.content
    assert again.headers["ETag"] == first.headers["ETag"]


def test_kept_pages_are_replaced_after_an_editor_changes_an_event(talks, editor_client, change_form_data):
    visitor = Client()
    event_path = f"/events/{talks.pk}/"
    for path in ("/", "/?actor=Alpha+Land", event_path, "/story/?page=2"):
        assert "Talks in the capital" in visitor.get(path).content.decode(), path

    url = f"/admin/timeline/event/{talks.pk}/change/"
    response = editor_client.post(url, change_form_data(editor_client.get(url), headline="Talks moved north"))
    assert response.status_code == 302
    for path in ("/", "/?actor=Alpha+Land", event_path, "/story/?page=2"):
        html = visitor.get(path).content.decode()
        assert "Talks moved north" in html and ">Talks in the capital<" not in html, path


def test_the_htmx_partial_and_the_full_page_are_kept_apart(talks):
    visitor = Client()
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "results"}
    for _ in range(2):
        assert "<html" in visitor.get("/?actor=Alpha+Land").content.decode()
        partial = visitor.get("/?actor=Alpha+Land", **htmx).content.decode()
        assert "<html" not in partial and "Talks in the capital" in partial


def test_an_editors_requests_are_rendered_afresh_and_not_kept(talks, editor_client):
    editor_client.get("/")
    with CaptureQueriesContext(connection) as editor_queries:
        assert "Talks in the capital" in editor_client.get("/").content.decode()
    # A kept page would cost one query (the data version).
    assert len(editor_queries) > 2
    with CaptureQueriesContext(connection) as visitor_queries:
        Client().get("/")
    assert len(visitor_queries) > 1


def test_responses_that_set_a_cookie_or_fail_are_not_kept(talks, rf):
    calls = []

    def view(request):
        calls.append(request.path)
        response = HttpResponse("page")
        response.set_cookie("seen", "1")
        return response

    def missing(request):
        calls.append(request.path)
        return HttpResponse("gone", status=404)

    for page_view, path in ((view, "/with-cookie/"), (missing, "/missing/")):
        kept = kept_page(page_view)
        kept(rf.get(path))
        kept(rf.get(path))
    assert calls == ["/with-cookie/", "/with-cookie/", "/missing/", "/missing/"]


def test_a_kept_page_is_sent_compressed_or_plain_as_the_browser_asks(talks):
    visitor = Client()
    plain = visitor.get("/").content
    for _ in range(2):
        response = visitor.get("/", HTTP_ACCEPT_ENCODING="gzip")
        assert response.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.content) == plain
        assert "Accept-Encoding" in response.headers["Vary"] and "HX-Request" in response.headers["Vary"]
        etag = response.headers["ETag"]
        assert etag.startswith('W/"')
        assert visitor.get("/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag).status_code == 304
    again = visitor.get("/")
    assert "Content-Encoding" not in again.headers and again.content == plain


def test_a_head_request_first_does_not_leave_an_empty_page_behind(talks):
    visitor = Client()
    assert visitor.head("/").status_code == 200
    assert "Talks in the capital" in visitor.get("/").content.decode()
