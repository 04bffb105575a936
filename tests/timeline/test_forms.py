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
