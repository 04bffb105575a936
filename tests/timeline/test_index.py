import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsline.timeline.models import Event
from newsline.timeline.views import PAGE_SIZE, group_by_month, quiet_stretch

from .factories import add_mention, make_actor, make_event, make_many_events, make_source

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


def scale_of(html: str) -> str:
    return re.search(r'<svg class="scale-chart.*?</svg>', html, re.S)[0]


def circle_x(svg: str, event: Event) -> float:
    mark = re.search(rf'<a href="/events/{event.pk}/"[^>]*>.*?</a>', svg, re.S)[0]
    return float(re.search(r'<circle cx="([\d.]+)"', mark)[1])


def test_scale_places_events_in_proportion_to_time(client):
    source = make_source()
    first = make_event("First meeting", "2017-01-01", source=source)
    second = make_event("Second meeting", "2017-01-11", source=source)
    third = make_event("Third meeting", "2017-03-02", source=source)
    svg = scale_of(client.get("/").content.decode())
    ten_days = circle_x(svg, second) - circle_x(svg, first)
    fifty_days = circle_x(svg, third) - circle_x(svg, second)
    assert ten_days > 0 and fifty_days / ten_days == pytest.approx(5, rel=0.05)


def test_scale_compresses_a_long_empty_stretch_behind_a_marked_break(client, timeline):
    svg = scale_of(client.get("/").content.decode())
    assert svg.count('<g class="break">') == 1
    assert "— 2 years —" in svg
    sanctions, talks = circle_x(svg, timeline["sanctions"]), circle_x(svg, timeline["talks"])
    # Two years of nothing take far less room than two years would to scale.
    assert talks - sanctions < 500


def test_scale_draws_spans_approximate_and_by_dates_differently(client):
    source = make_source()
    year = make_event("Year of reforms", "2016", source=source)
    day = make_event("Vote held", "2016-05-04", source=source)
    rough = make_event("Strike around then", "2016-W30", source=source, mod="APPROX")
    deadline = make_event("Deal due", "2016-09-30", source=source, mod="ON_OR_BEFORE")
    svg = scale_of(client.get("/").content.decode())

    def mark(event: Event) -> str:
        return re.search(rf'<a href="/events/{event.pk}/"[^>]*>.*?</a>', svg, re.S)[0]

    year_width = float(re.search(r'<rect [^>]*width="([\d.]+)"', mark(year))[1])
    assert year_width > 700  # the whole year, across most of the axis
    assert "<circle" in mark(day) and "<rect" not in mark(day)
    assert 'class="mark approximate' in mark(rough)
    assert "bound-before" in mark(deadline) and 'class="bound-tail"' in mark(deadline)
    assert "<title>by Fri 30 Sept 2016: Deal due</title>" in mark(deadline)


def test_scale_labels_years_and_months_on_its_axis(client):
    source = make_source()
    make_event("Opening", "2016-11-20", source=source)
    make_event("Closing", "2017-02-10", source=source)
    svg = scale_of(client.get("/").content.decode())
    labels = re.findall(r'<text class="tick-label[^"]*"[^>]*>([^<]+)</text>', svg)
    assert labels == ["Nov 2016", "Dec", "2017", "Feb"]


def test_crowded_days_end_in_a_link_that_zooms_in_on_them(client):
    source = make_source()
    for number in range(9):
        make_event(f"Statement {number}", "2017-02-16", source=source)
    make_event("Later statement", "2017-06-01", source=source)
    svg = scale_of(client.get("/").content.decode())
    assert svg.count('class="mark') == 7  # six rows, and the later one
    assert 'href="?from=2017-02-16&amp;to=2017-02-16"' in svg and ">+3</text>" in svg


def test_lanes_by_actor_give_the_top_actors_a_row_each_and_keep_the_choice_in_links(client, timeline):
    html = client.get("/?lanes=actor").content.decode()
    svg = scale_of(html)
    lanes = re.findall(r'<text class="lane-label"[^>]*><title>([^<]+)</title>', svg)
    assert lanes == ["Alpha Land", "Beta Union"]
    # The summit has only Beta Union: it is drawn in that lane; the talks in both.
    assert svg.count(f'href="/events/{timeline["talks"].pk}/"') == 2
    assert 'href="?lanes=actor&amp;from=2017&amp;to=2017"' in overview_of(html)
    assert "One row for all events" in html


def test_scale_and_overview_need_no_extra_queries_for_more_events(client, django_assert_max_num_queries):
    source = make_source()
    actors = [make_actor("Alpha Land"), make_actor("Beta Union")]
    make_many_events(30, source, actors)
    with CaptureQueriesContext(connection) as few:
        client.get("/?lanes=actor")
    make_many_events(300, source, actors, first_day=date(2012, 1, 1))
    with CaptureQueriesContext(connection) as many:
        client.get("/?lanes=actor")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_search_words_are_highlighted_and_dates_never_show_timex_notation(client):
    source = make_source()
    make_event("Envoys meet in the harbour city", "2017-02-13", source=source)
    make_event("Talks at some point", "XXXX-WXX", source=source)
    html = client.get("/?q=harbour").content.decode()
    assert "Envoys meet in the <mark>harbour</mark> city" in html
    html = client.get("/").content.decode()
    assert "XXXX" not in html and "date unknown" in html


def test_sources_disagree_only_when_two_sources_give_incompatible_dates(client):
    bbc, wire = make_source("bbc.txt", outlet="BBC"), make_source("wire.txt", outlet="Wire")
    flagged = make_event("Undated but single-sourced", "2017-02-13", source=bbc, review_reasons=["low confidence"])
    disputed = make_event("Disputed meeting", "2017-02-13", source=bbc)
    add_mention(disputed, wire, "The meeting was in January.", "January", "2017-01")
    html = client.get("/").content.decode()
    card = {event.pk: re.search(rf'<li class="event-card[^"]*" id="event-{event.pk}">.*?</li>\s*(?=<li|</ol>)', html,
                                re.S)[0] for event in (flagged, disputed)}
    assert "sources disagree" not in card[flagged.pk]
    assert "sources disagree" in card[disputed.pk]


def test_on_a_phone_the_filters_fold_behind_a_button_counting_active_filters(client, timeline):
    html = client.get("/?actor=Beta+Union&from=2017").content.decode()
    assert re.search(r'<summary class="filters-toggle"><span id="filters-summary">Filters \(2 active\)</span>', html)
    partial = client.get("/?actor=Beta+Union", **HTMX).content.decode()
    assert '<span id="filters-summary" hx-swap-oob="innerHTML">Filters (1 active)</span>' in partial


def test_a_long_span_is_counted_in_at_most_sixty_bars_that_zoom_to_their_years(client):
    source = make_source()
    make_many_events(3, source, [make_actor("Alpha Land")], first_day=date(1850, 3, 1))
    make_event("Recent treaty", "2017-02-13", source=source)
    strip = overview_of(client.get("/").content.decode())
    assert 0 < strip.count('class="bar-link"') <= 60
    assert "Events per 5 years, 1850–2017" in client.get("/").content.decode()
    assert 'aria-label="1850–1854: 3 events"' in strip
    assert 'href="?from=1850&amp;to=1854"' in strip
    assert 'aria-label="2015–2019: 1 event"' in strip


def test_every_event_link_on_the_page_opens_that_events_page(client, timeline):
    html = client.get("/").content.decode()
    links = re.findall(r'(?:href|hx-get)="(/events/(\d+)/)"', html)
    shown = {event.pk for name, event in timeline.items() if name != "rejected"}
    # Each card links its headline and its expander (href and hx-get); the scaled view links each mark.
    assert {int(pk) for _, pk in links} == shown and len(links) == 4 * len(shown)
    for url, pk in set(links):
        response = client.get(url)
        assert response.status_code == 200 and Event.objects.get(pk=pk).headline in response.content.decode()
