"""NUL and other control characters in filters: a note on the page on every database, never a 500.

PostgreSQL refuses NUL in text outright, so these tests matter most in the suite's PostgreSQL run
(scripts/run-tests.sh runs tests/timeline again with DATABASE_URL set).
"""

import pytest
from django.db import connection

from newsline.exports.formats import FORMATS
from newsline.timeline.models import Event

from .factories import make_event, make_source

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")

HOSTILE_FILTERS = ["source=a%00b", "actor=a%00b", "q=a%00b", "from=2017%00", "to=%00", "q=%01%02", "source=%1B[31m",
                   "actor=Alma+Ames&actor=%00", "certainty=exact%00", "planned=hide%00"]
# Not filters: a bad page number means the first page, a bad `top` (exports only) is left out.
OTHER_PARAMETERS = ["page=1%00", "top=5%00", "%00=%00"]


@pytest.fixture
def events():
    source = make_source("lake.txt", outlet="Lake Post")
    return [make_event("Talks at the lake", "2017-02-13", actors=("Alma Ames",), source=source),
            make_event("A walkout", "2017-05", actors=("Bruno Berg",), source=source)]


def body_of(response) -> str:
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


@pytest.mark.parametrize("query", HOSTILE_FILTERS)
def test_control_characters_in_filters_are_a_note_on_the_page(client, events, query):
    response = client.get(f"/?{query}")
    assert response.status_code == 200
    page = body_of(response)
    assert "see the notes about your filters" in page
    assert "Talks at the lake" in page and "A walkout" in page


@pytest.mark.parametrize("query", OTHER_PARAMETERS)
def test_control_characters_in_other_parameters_are_ignored(client, events, query):
    response = client.get(f"/?{query}")
    assert response.status_code == 200 and "Talks at the lake" in body_of(response)


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("query", HOSTILE_FILTERS + OTHER_PARAMETERS)
def test_control_characters_in_export_filters_are_left_out(client, events, name, query):
    response = client.get(f"/export/{name}/?{query}")
    assert response.status_code == 200
    assert "\x00" not in body_of(response)


@pytest.mark.parametrize("path", ["/admin/timeline/event/?status=a%00b", "/admin/timeline/event/?precision=%00",
                                  "/admin/timeline/event/?q=a%00b", "/admin/timeline/source/?q=%00",
                                  "/admin/timeline/actor/?kind=%00"])
def test_nul_in_an_admin_query_string_is_a_bad_request(editor_client, events, path):
    response = editor_client.get(path)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
    assert editor_client.get(path.replace("%00", "")).status_code == 200


@pytest.mark.postgres
@on_postgresql
def test_postgresql_refuses_nul_which_is_why_the_filters_check_first(client, events):
    from django.db.utils import DataError

    with pytest.raises((DataError, ValueError)):
        list(Event.objects.filter(headline__icontains="a\x00b"))
    response = client.get("/?source=a%00b&q=lake%00&actor=%00")
    assert response.status_code == 200
    assert body_of(response).count("control characters (such as NUL)") == 3
