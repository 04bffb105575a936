"""Links that would run script: a source URL is rendered only when it is http or https."""

import pytest
from django.core.exceptions import ValidationError

from newsline.exports.formats import FORMATS
from newsline.timeline.models import Source

from .factories import make_event, make_source

pytestmark = pytest.mark.django_db

HOSTILE_URLS = ["javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)",
                "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
                "ftp://files.example.org/a.txt", "//evil.example.org/", "https://"]


@pytest.fixture
def hostile_source() -> Source:
    source = make_source("lake-report.txt", outlet="Lake Post", text="Talks at the lake on Monday.")
    make_event("Talks at the lake", "2017-02-13", source=source, sentence="Talks at the lake on Monday.",
               expression="on Monday")
    Source.objects.filter(pk=source.pk).update(url="javascript:alert(1)")
    source.refresh_from_db()
    return source


@pytest.mark.parametrize("url", ["https://news.example.org/a?b=1#c", "http://example.org/", "HTTPS://EXAMPLE.ORG/x"])
def test_web_addresses_are_links(url):
    assert Source(url=url).link_url == url


@pytest.mark.parametrize("url", HOSTILE_URLS + [""])
def test_anything_else_is_never_a_link_and_fails_model_validation(url):
    source = Source(url=url)
    assert source.link_url == ""
    if url:
        with pytest.raises(ValidationError) as raised:
            source.clean()
        assert "http:// or https://" in str(raised.value.message_dict["url"])


def test_source_page_shows_no_link_for_a_javascript_url(client, hostile_source):
    html = client.get(f"/sources/{hostile_source.pk}/").content.decode()
    assert "Talks at the lake" in html
    assert "javascript:" not in html.lower() and "Original article" not in html


def test_source_page_links_a_web_address(client, hostile_source):
    Source.objects.filter(pk=hostile_source.pk).update(url="https://lake.example.org/talks")
    html = client.get(f"/sources/{hostile_source.pk}/").content.decode()
    assert '<a href="https://lake.example.org/talks" rel="noopener noreferrer">Original article</a>' in html


@pytest.mark.parametrize("name", FORMATS)
def test_no_export_carries_a_javascript_url(client, hostile_source, name):
    response = client.get(f"/export/{name}/")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and b"Talks at the lake" in body
    assert b"javascript:" not in body.lower()


def test_admin_refuses_a_javascript_url_and_saves_the_source_once_it_is_fixed(editor_client, change_form_data,
                                                                             hostile_source):
    change_url = f"/admin/timeline/source/{hostile_source.pk}/change/"
    page = editor_client.get(change_url)
    assert page.status_code == 200
    refused = editor_client.post(change_url, change_form_data(page, title="Talks at the lake, updated"))
    assert refused.status_code == 200
    assert "http:// or https://" in str(refused.context["adminform"].form.errors["url"])
    hostile_source.refresh_from_db()
    assert hostile_source.title != "Talks at the lake, updated"

    saved = editor_client.post(change_url, change_form_data(page, title="Talks at the lake, updated",
                                                             url="https://lake.example.org/talks"))
    assert saved.status_code == 302
    hostile_source.refresh_from_db()
    assert hostile_source.title == "Talks at the lake, updated"
    assert hostile_source.url == "https://lake.example.org/talks"


def test_admin_can_clear_a_javascript_url(editor_client, change_form_data, hostile_source):
    change_url = f"/admin/timeline/source/{hostile_source.pk}/change/"
    data = change_form_data(editor_client.get(change_url))
    data.pop("url")
    assert editor_client.post(change_url, data).status_code == 302
    hostile_source.refresh_from_db()
    assert hostile_source.url == ""
