import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsline.timeline.models import Event
from newsline.timeline.views import PAGE_SIZE, group_by_month, quiet_stretch

from .factories import make_actor, make_event, make_many_events, make_source

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "results"}


@pytest.fixture
def timeline():
    bbc = make_source("bbc.txt", outlet="BBC")
    wire = make_source("wire.txt", outlet="Wire")
    return {
        "sanctions": make_event("Sanctions imposed", "2015-02-10", actors=("Alpha Land",), source=bbc),
        "talks": make_event("Talks in the capital", "2017-02-13", actors=("Alpha Land", "Beta Union"), source=bbc,
                            importance=0.9),
        "summit": make_event("Summit planned", "2017-03", actors=("Beta Union",), source=wire, planned=True),
        "rejected": make_event("Rejected by an editor", "2017-02-14", status=Event.Status.REJECTED, source=wire),
    }


def headlines(response) -> list[str]:
    found = re.findall(r'<h4 class="headline"[^>]*><a [^>]*>(.+?)</a>', response.content.decode())
    return [re.sub(r"</?mark>", "", headline) for headline in found]


def test_index_groups_events_by_year_and_month_with_a_quiet_stretch_marker(client, timeline):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert headlines(response) == ["Sanctions imposed", "Talks in the capital", "Summit planned"]
    assert '<h2 class="year-heading">2015</h2>' in html and '<h2 class="year-heading">2017</h2>' in html
    assert "February 2017</h3>" in html and "March 2017</h3>" in html
    # Nothing between February 2015 and February 2017: 23 empty months.
    assert "— 2 years —" in html
    assert "3 events" in html


def test_event_cards_show_date_actor_links_sources_and_an_expander(client, timeline):
    html = client.get("/").content.decode()
    talks = timeline["talks"]
    assert "Mon 13 Feb 2017" in html
    assert '<a href="/?actor=Alpha+Land"' in html
    assert f'href="/events/{talks.pk}/"' in html and f'hx-get="/events/{talks.pk}/"' in html
    assert f'aria-controls="details-{talks.pk}"' in html and 'aria-expanded="false"' in html
    assert "1 source: how this date was found" in html


def test_actor_filter_narrows_the_list(client, timeline):
    response = client.get("/?actor=Beta+Union")
    assert headlines(response) == ["Talks in the capital", "Summit planned"]
    assert "Actors: Beta Union" in response.content.decode()


def test_source_from_to_key_and_planned_filters(client, timeline):
    assert headlines(client.get("/?source=wire.txt")) == ["Summit planned"]
    assert headlines(client.get("/?from=2017&to=2017-02")) == ["Talks in the capital"]
    assert headlines(client.get("/?key=on")) == ["Talks in the capital"]
    assert headlines(client.get("/?planned=hide")) == ["Sanctions imposed", "Talks in the capital"]
    assert headlines(client.get("/?q=capital")) == ["Talks in the capital"]
    assert headlines(client.get("/?certainty=exact")) == ["Sanctions imposed", "Talks in the capital"]


def test_filter_form_shows_actor_counts_and_keeps_the_choices(client, timeline):
    html = client.get("/?actor=Beta+Union&from=2017").content.decode()
    assert re.search(r'value="Beta Union" checked> Beta Union <span class="count">\(2\)</span>', html)
    assert re.search(r'value="Alpha Land"> Alpha Land <span class="count">\(2\)</span>', html)
    assert 'name="from" value="2017"' in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("from=notadate", "“notadate” is not a date"),
        ("actor=Nobody+Known", "No actor called &#x27;Nobody Known&#x27;"),
        ("q=" + "x" * 10_000, "Ensure this value has at most 200 characters"),
        ("to=2017-13-45", "is not a date"),
    ],
)
def test_bad_query_strings_show_a_message_and_the_whole_timeline(client, timeline, query, message):
    response = client.get("/?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert headlines(response) == ["Sanctions imposed", "Talks in the capital", "Summit planned"]
    assert len(html) < 60_000, "a long bad value must not be copied into every link"


def test_htmx_request_gets_only_the_events_partial_with_the_count_out_of_band(client, timeline):
    response = client.get("/?actor=Beta+Union", **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and 'id="filters"' not in html
    assert '<span id="result-count" hx-swap-oob="innerHTML">2 events matching your filters</span>' in html
    assert headlines(response) == ["Talks in the capital", "Summit planned"]
    assert "HX-Request" in response["Vary"]


def test_history_restore_request_gets_the_full_page(client, timeline):
    response = client.get("/?actor=Beta+Union", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    html = response.content.decode()
    assert "<html" in html and 'id="filters"' in html
    assert 'value="Beta Union" checked' in html


def test_full_page_form_is_a_plain_get_form_that_htmx_enhances(client, timeline):
    html = client.get("/").content.decode()
    form = re.search(r'<form class="filters"[^>]*>', html)[0]
    assert 'method="get"' in form and 'action="/"' in form
    assert 'hx-get="/"' in form and 'hx-target="#results"' in form and 'hx-push-url="true"' in form
    assert 'role="status"' in html


def test_export_menu_links_carry_the_current_filters(client, timeline):
    html = client.get("/?actor=Beta+Union&from=2017&page=1").content.decode()
    for export_format in ("handout", "csv", "json", "timelinejs", "timelinejs-csv", "ics", "md", "cards"):
        assert f'href="/export/{export_format}/?actor=Beta+Union&amp;from=2017"' in html


def overview_of(html: str) -> str:
    return re.search(r'<svg class="overview-chart".*?</svg>', html, re.S)[0]


def test_overview_has_a_labelled_bar_per_busy_month_linking_to_that_month(client, timeline):
    strip = overview_of(client.get("/?actor=Beta+Union").content.decode())
    # February and March 2017 only: the span follows the other filters, each month labelled.
    assert strip.count('class="bar-link"') == 2
    assert re.findall(r'<text class="month-label"[^>]*>(\w+)</text>', strip) == ["Feb", "Mar"]
    assert 'href="?actor=Beta+Union&amp;from=2017-02&amp;to=2017-02"' in strip
    assert 'aria-label="March 2017: 1 event"' in strip and "<title>March 2017: 1 event</title>" in strip
    assert 'aria-label="Zoom to 2017"' in strip and 'href="?actor=Beta+Union&amp;from=2017&amp;to=2017"' in strip
    assert 'style=' not in client.get("/?actor=Beta+Union").content.decode()


def test_overview_keeps_the_whole_span_and_marks_the_zoomed_period(client, timeline):
    html = client.get("/?from=2017-03&to=2017-03").content.decode()
    strip = overview_of(html)
    assert strip.count('class="bar-link"') == 3
    assert strip.count("bar selected") == 1
    assert headlines_in(html) == ["Summit planned"]
    assert "Show all dates" in html


def test_overview_draws_year_only_events_over_their_year_not_as_january(client):
    source = make_source()
    make_event("Treaty signed", "2015", source=source)
    make_event("Border reopened", "2016-03-04", source=source)
    strip = overview_of(client.get("/").content.decode())
    assert 'aria-label="2015, dated only to the year: 1 event"' in strip
    assert "January 2015" not in strip
    band = re.search(r'<rect class="bar year-only" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', strip)
    month = re.search(r'<rect class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', strip)
    assert float(band[2]) > 10 * float(month[2])  # twelve months wide, against one


def headlines_in(html: str) -> list[str]:
    return re.findall(r'<h4 class="headline"[^>]*><a [^>]*>([^<]+)</a>', html)


def test_load_more_link_and_page_two_partial(client):
    source = make_source()
    make_many_events(PAGE_SIZE + 5, source, [make_actor("Alpha Land")])
    first = client.get("/")
    assert len(headlines(first)) == PAGE_SIZE
    html = first.content.decode()
    assert 'href="/?page=2"' in html and 'hx-target="#load-more"' in html
    more = client.get("/?page=2", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="load-more")
    assert len(headlines(more)) == 5
    assert "<html" not in more.content.decode() and "Load more" not in more.content.decode()
    assert "autofocus" in more.content.decode()
    # Without JavaScript the same link is a whole page with a way back.
    plain = client.get("/?page=2").content.decode()
    assert "Back to the first events" in plain and len(headlines_in(plain)) == 5


def test_bad_page_number_falls_back_to_the_first_page(client, timeline):
    assert headlines(client.get("/?page=abc")) == ["Sanctions imposed", "Talks in the capital", "Summit planned"]
    assert "There are no more events" in client.get("/?page=99").content.decode()


def queries_for_index(client) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get("/?from=2000")
    assert response.status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_the_number_of_events(client):
    source = make_source()
    actors = [make_actor(f"Actor {n}") for n in range(5)]
    make_many_events(20, source, actors)
    with_20 = queries_for_index(client)
    make_many_events(1980, source, actors, first_day=date(2011, 1, 1))
    assert Event.objects.count() == 2000
    assert queries_for_index(client) == with_20


def test_group_by_month_continues_the_previous_pages_month_without_a_heading(timeline):
    talks, summit = timeline["talks"], timeline["summit"]
    groups = group_by_month([talks, summit], previous=timeline["rejected"])  # also February 2017
    assert [(g.label, g.show_heading, g.starts_year) for g in groups] == [
        ("February 2017", False, False), ("March 2017", True, False),
    ]


def test_quiet_stretch_counts_years_for_year_only_groups():
    assert quiet_stretch((2014, 0), (2015, 0)) == ""
    assert quiet_stretch((2014, 0), (2017, 5)) == "2 years"
    assert quiet_stretch((2017, 1), (2017, 9)) == "7 months"
    assert quiet_stretch((2017, 1), (2017, 4)) == ""


def test_real_corpus_pages_render_and_highlight_what_each_mention_quotes(client):
    from pathlib import Path

    from newsline.timeline.ingest import ingest_paths
    from newsline.timeline.models import Source

    ingest_paths([Path(__file__).resolve().parents[2] / "fixtures" / "corpus"])
    assert client.get("/").status_code == 200
    for event in Event.objects.visible():
        assert client.get(f"/events/{event.pk}/").status_code == 200
        assert client.get(f"/events/{event.pk}/", HTTP_HX_REQUEST="true").status_code == 200
    for source in Source.objects.prefetch_related("mentions"):
        assert client.get(f"/sources/{source.pk}/").status_code == 200
        for text, mention in source.highlighted_text():
            if mention is not None:
                assert text == mention.expression
