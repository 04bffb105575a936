from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from newsline.timeline.forms import FilterForm, PageForm
from newsline.timeline.models import Event

from .factories import make_event, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    source = make_source()
    return [
        make_event("Early", "2016-05-02", actors=("Alpha Land",), source=source),
        make_event("Late", "2017-02-13", actors=("Alpha Land", "Beta Union"), source=source),
    ]


def filtered(query: str, include_dates: bool = True) -> list[str]:
    form = FilterForm(QueryDict(query))
    return list(form.filter(Event.objects.visible(), include_dates=include_dates).order_by("date_start")
                .values_list("headline", flat=True))


def test_filter_can_leave_out_the_date_bounds(events):
    assert filtered("from=2017&actor=Alpha+Land") == ["Late"]
    assert filtered("from=2017&actor=Alpha+Land", include_dates=False) == ["Early", "Late"]
    assert filtered("from=2017&actor=Beta+Union", include_dates=False) == ["Late"]


def test_as_query_keeps_valid_filters_under_their_url_names(events):
    form = FilterForm(QueryDict("actor=alpha+land&from=2017-02&to=notadate&key=on&q=" + "x" * 300))
    assert form.as_query() == {"actor": ["Alpha Land"], "from": "2017-02", "key": True}
    assert set(form.errors) == {"date_to", "q"}
    assert form.describe() == ["Actors: Alpha Land", "From: 2017-02", "Key events only: yes"]


def test_unknown_actor_is_a_notice_not_an_error(events):
    form = FilterForm({"actor": ["Nobody"]})
    assert filtered("actor=Nobody") == ["Early", "Late"]
    form.is_valid()
    assert form.errors == {} and form.notices == ["No actor called 'Nobody': that filter is ignored."]


@pytest.mark.parametrize("query, page", [("", 1), ("page=3", 3), ("page=0", 1), ("page=abc", 1), ("page=-2", 1)])
def test_page_form_falls_back_to_the_first_page(query, page):
    assert PageForm(QueryDict(query)).page_number() == page


@pytest.mark.parametrize(
    "query, field",
    [
        ("source=a%00b", "source"),
        ("actor=Alpha%00Land", "actor"),
        ("actor=Alpha+Land&actor=x%01", "actor"),
        ("q=lake%00", "q"),
        ("q=bell%07", "q"),
        ("q=x%C2%85y", "q"),  # NEL, a C1 control character
        ("from=2017%00", "date_from"),
    ],
)
def test_text_filters_reject_control_characters_as_a_form_error(events, query, field):
    form = FilterForm(QueryDict(query + "&key=on"))
    assert list(form.errors) == [field]
    assert "control characters" in form.errors[field][0]
    assert form.as_query() == {"key": True}
    assert filtered(query) == ["Early", "Late"]


def test_tabs_and_line_breaks_in_a_search_are_whitespace_not_errors(events):
    form = FilterForm(QueryDict("q=Late%09"))
    assert form.errors == {} and filtered("q=Late%09") == ["Late"]


def test_a_reversed_date_range_is_swapped_with_a_notice(events):
    form = FilterForm(QueryDict("from=2017-03&to=2016-05"))
    assert filtered("from=2017-03&to=2016-05") == ["Early", "Late"] == filtered("from=2016-05&to=2017-03")
    assert form.errors == {}
    assert form.as_query() == {"from": "2016-05", "to": "2017-03"}
    assert form.notices == ["“From” was later than “To”, so the two are swapped: from 2016-05 to 2017-03."]


def test_overlapping_bounds_are_not_swapped(events):
    form = FilterForm(QueryDict("from=2017&to=2017-02"))
    assert form.as_query() == {"from": "2017", "to": "2017-02"} and form.notices == []


@pytest.mark.parametrize(
    "query, headlines",
    [
        ("from=9999-W52", []),
        ("to=week+of+31+Dec+9999", ["Early", "Late"]),
        ("from=0001-W01&to=9999-W52", ["Early", "Late"]),
        ("from=9999-12-31&to=0001", ["Early", "Late"]),
        ("from=29+Feb+2016&to=2016", ["Early"]),
    ],
)
def test_dates_at_the_edges_of_the_calendar_are_valid_filters(events, query, headlines):
    assert FilterForm(QueryDict(query)).errors == {}
    assert filtered(query) == headlines


@pytest.mark.parametrize(
    "query, message",
    [("from=9999-W53", "is not a date"), ("to=44+BC", "is not a date"), ("from=0000-01", "is not a date"),
     ("to=29+Feb+2017", "is not a date"), ("from=" + "9" * 30, "is not a date")],
)
def test_dates_beyond_the_calendar_are_form_errors(events, query, message):
    form = FilterForm(QueryDict(query))
    assert message in " ".join(form.errors[query.split("=")[0].replace("from", "date_from").replace("to", "date_to")])


def test_the_timeline_page_notes_the_swap_and_shows_the_swapped_bounds(client, events):
    html = client.get("/?from=2017-03&to=2016-05").content.decode()
    assert "“From” was later than “To”, so the two are swapped: from 2016-05 to 2017-03." in html
    assert 'name="from" value="2016-05"' in html and 'name="to" value="2017-03"' in html
    assert "Early" in html and "Late" in html


@pytest.mark.parametrize(
    "typed", ["17.07.2014", "17/07/2014", "Publié le 17 juillet 2014", "2014年7月17日", "17 de julio de 2014"]
)
def test_filter_bounds_written_as_bylines_write_them(typed):
    make_event("Before", "2014-07-16")
    make_event("That day", "2014-07-17")
    make_event("After", "2014-07-18")
    form = FilterForm(QueryDict(urlencode({"from": typed, "to": typed})))
    assert form.errors == {}
    assert list(form.filter(Event.objects.visible()).values_list("headline", flat=True)) == ["That day"]


def test_an_ambiguous_filter_bound_names_both_readings(events):
    form = FilterForm(QueryDict("from=03/04/2014"))
    message = " ".join(form.errors["date_from"])
    assert "3 April 2014" in message and "4 March 2014" in message


@pytest.mark.parametrize(
    "typed", ["17.07.2014", "17/07/2014", "Publié le 17 juillet 2014", "2014年7月17日"]
)
def test_an_editor_types_a_date_as_bylines_write_it(editor_client, add_event, change_form_data, typed):
    from .test_admin_events import correct_date

    event = add_event("Ministers met in Bonn", "2016-01-05")
    response = correct_date(editor_client, change_form_data, event, date_text=typed)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert (event.date_value, str(event.date_start), str(event.date_end)) == ("2014-07-17", "2014-07-17", "2014-07-17")
    assert event.is_locked("date")


def test_an_editor_typing_an_ambiguous_date_is_told_both_readings(editor_client, add_event, change_form_data):
    from .test_admin_events import correct_date

    event = add_event("Ministers met in Bonn", "2016-01-05")
    response = correct_date(editor_client, change_form_data, event, date_text="03/04/2014")
    assert response.status_code == 200
    message = str(response.context["adminform"].form.errors["date_text"])
    assert "3 April 2014" in message and "4 March 2014" in message
    event.refresh_from_db()
    assert event.date_value == "2016-01-05" and not event.edited_fields
