from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from newsline.timeline.models import Event

from .data import SCRIPT, download
from .html_parsing import assert_inert, read_page

pytestmark = pytest.mark.django_db


def test_handout_opens_in_the_browser_ready_to_print(client, room, frozen):
    response, body = download(client, "handout", "actor=Alma+Ames")
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="newsline-handout-actor-alma-ames-2026-11-23.html"'
    assert '<link rel="stylesheet" href="/static/exports.css">' in body.decode()
    css = Path(finders.find("exports.css")).read_text()
    assert "@media print" in css and "@page" in css and "break-inside: avoid" in css


def test_handout_lists_filters_events_with_dates_and_citations_and_sources(client, room):
    page = read_page(download(client, "handout", "actor=Alma+Ames&planned=hide")[1])
    assert page.text_by_class["filters"] == ["Filters used: Actors: Alma Ames; Planned events: hide"]
    expected = Event.objects.visible().filter(actors=room["actors"]["ames"], planned=False).chronological()
    assert page.text_by_class["date"] == [event.display_date for event in expected]
    assert page.text_by_class["citations"] == [
        "Sources: [1] Lakeside Gazette, Thu 14 March 2019; [2] Hill Courier, Sun 2 June 2019",
        "Sources: [2] Hill Courier, Sun 2 June 2019",
    ]
    headings = [attrs.get("id") for tag, attrs in page.tags if tag == "h2"]
    assert headings == ["events-heading", "sources-heading"]
    assert "(gazette-summit.txt)" in page.text_by_class["file"]


def test_unresolved_dates_come_last_and_say_so(client, room):
    page = read_page(download(client, "handout")[1])
    assert page.text_by_class["date unresolved"] == ["date unresolved"]
    assert page.text_by_class["date"][-1] == Event.objects.visible().chronological().filter(
        date_start__isnull=False).last().display_date


def test_unknown_actor_is_noted_and_the_filter_ignored(client, room):
    page = read_page(download(client, "handout", "actor=Nobody+Known")[1])
    assert page.text_by_class["notices"] == ["No actor called 'Nobody Known': that filter is ignored."]
    assert len(page.text_by_class["date"]) + 1 == Event.objects.visible().count()


def test_hostile_article_is_escaped(client, hostile):
    _, body = download(client, "handout")
    page = read_page(body)
    assert_inert(page)
    assert SCRIPT.replace("<", "&lt;").replace(">", "&gt;") in body.decode()
    assert "style" not in [tag for tag, _ in page.tags] and not [a for _, a in page.tags if "style" in a]
    assert [a["href"] for tag, a in page.tags if tag == "link"] == ["/static/exports.css"]
