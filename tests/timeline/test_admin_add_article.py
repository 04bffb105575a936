"""The admin's "Add article" page: pasted text, an uploaded file or a URL, analysed by the ingest."""

from collections.abc import Iterator
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from newsline.timeline.models import Mention, Source
from tests.timeline.local_server import local_server, small_fetch_limits
from tests.timeline.test_ingest_html import JSON_LD, page
from tests.timeline.test_ingest_urls import StoryHandler

pytestmark = pytest.mark.django_db

ADD = "/admin/timeline/source/add/"
TEXT = """Ferry terminal to close, harbour board decides

PORT ALDREN, Nov. 17, 2015 - The harbour board of Port Aldren voted on Tuesday to close the old ferry terminal.
Board chair Miriam Tosk said the terminal would shut on March 3, 2016, once the new pier is finished.
Councillor Beno Raske promised to appeal the decision to the regional court.
"""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(StoryHandler) as url:
        yield url


@pytest.fixture(autouse=True)
def fetch_limits(settings):
    small_fetch_limits(settings)


def added_source(response) -> Source:
    source = Source.objects.get()
    assert response.status_code == 302
    assert response.url == f"/admin/timeline/source/{source.pk}/change/"
    return source


def test_an_editor_adds_pasted_text_and_lands_on_the_source(editor_client):
    response = editor_client.post(ADD, {"text": TEXT})
    source = added_source(response)
    assert source.file_name.startswith("pasted-ferry-terminal-to-close-") and source.file_name.endswith(".txt")
    assert source.published == date(2015, 11, 17)
    assert source.html == ""
    page_after = editor_client.get(response.url)
    message = [str(m) for m in page_after.context["messages"]][0]
    events = Mention.objects.filter(source=source).values("event").distinct().count()
    assert events > 0
    assert f"{events} event{'s' if events != 1 else ''} created" in message
    assert "need review" in message
    assert f"/sources/{source.pk}/" in message


def test_an_editor_uploads_a_saved_page(editor_client):
    upload = SimpleUploadedFile("ferry.html", page(JSON_LD).encode("utf-8"), content_type="text/html")
    source = added_source(editor_client.post(ADD, {"file": upload}))
    assert source.file_name == "ferry.html"
    assert source.published == date(2015, 11, 17)
    assert "datePublished" in source.html


def test_an_editor_uploads_a_text_file(editor_client):
    upload = SimpleUploadedFile("ferry.txt", TEXT.encode("utf-8"), content_type="text/plain")
    source = added_source(editor_client.post(ADD, {"file": upload}))
    assert source.file_name == "ferry.txt"
    assert source.mentions.exists()


def test_an_editor_gives_a_url(editor_client, server):
    source = added_source(editor_client.post(ADD, {"url": server + "/news/2015/harbour-ferry"}))
    assert source.file_name == "127.0.0.1-news-2015-harbour-ferry.html"
    assert source.published == date(2015, 11, 17)


def form_errors(response) -> str:
    assert response.status_code == 200
    form = response.context["form"]
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "one of the three"),
        ({"text": "   "}, "one of the three"),
        ({"text": "Too short."}, "fewer than five words"),
        ({"text": TEXT, "url": "https://example.org/"}, "one way only"),
        ({"file": SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100))}, "not a text file or a web page"),
        ({"file": SimpleUploadedFile("ferry.txt", b"\x00\x01binary" * 10)}, "binary"),
        ({"file": SimpleUploadedFile("ferry.html", b"")}, "empty"),
        ({"file": SimpleUploadedFile("ferry.html", b"%PDF-1.4 \x00\x00 stream")}, "not an HTML page"),
        ({"url": "ftp://example.org/story"}, "only http and https"),
        ({"url": "{server}/missing"}, "HTTP 404"),
        ({"url": "{server}/report.pdf"}, "not an HTML page (application/pdf)"),
        ({"url": "{server}/huge-declared"}, "too large"),
        ({"url": "{server}/menu"}, "no article text"),
        ({"url": "http://127.0.0.1:9/closed"}, "unreachable"),
    ],
)
def test_bad_input_gets_a_form_error_and_stores_nothing(editor_client, server, data, error):
    data = {name: value.format(server=server) if isinstance(value, str) else value for name, value in data.items()}
    assert error.lower() in form_errors(editor_client.post(ADD, data)).lower()
    assert not Source.objects.exists()


def test_too_large_a_text_is_refused(editor_client, settings):
    settings.NEWSLINE_MAX_ARTICLE_BYTES = 100
    assert "more than the limit of 100" in form_errors(editor_client.post(ADD, {"text": TEXT}))
    assert not Source.objects.exists()


def test_the_same_article_twice_is_refused(editor_client):
    added_source(editor_client.post(ADD, {"text": TEXT}))
    assert "already in the timeline" in form_errors(editor_client.post(ADD, {"text": TEXT}))
    assert Source.objects.count() == 1


def test_the_sources_list_links_to_the_page(editor_client):
    assert 'href="/admin/timeline/source/add/"' in editor_client.get("/admin/timeline/source/").content.decode()
    assert "Add article" in editor_client.get("/admin/timeline/source/").content.decode()
    assert editor_client.get(ADD).status_code == 200


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.post(ADD, {"text": TEXT})
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert not Source.objects.exists()


def test_staff_outside_the_editors_group_cannot_add(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("visitor", is_staff=True))
    assert client.post(ADD, {"text": TEXT}).status_code == 403
    assert not Source.objects.exists()
