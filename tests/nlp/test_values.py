from datetime import date

import pytest

from newsline.nlp.temporal.values import DateRange, display_value, modified_range, parse_human_date, value_range


@pytest.mark.parametrize(
    "value, start, end, precision",
    [
        ("2017-02-13", date(2017, 2, 13), date(2017, 2, 13), "day"),
        ("2017-02-16TMO", date(2017, 2, 16), date(2017, 2, 16), "day"),
        ("2017-W07", date(2017, 2, 13), date(2017, 2, 19), "week"),
        ("2017-W07-WE", date(2017, 2, 18), date(2017, 2, 19), "week"),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29), "month"),
        ("2017-SU", date(2017, 6, 1), date(2017, 8, 31), "season"),
        ("2017-WI", date(2016, 12, 1), date(2017, 2, 28), "season"),
        ("2017-Q3", date(2017, 7, 1), date(2017, 9, 30), "quarter"),
        ("2017-H2", date(2017, 7, 1), date(2017, 12, 31), "half"),
        ("2014", date(2014, 1, 1), date(2014, 12, 31), "year"),
        ("201", date(2010, 1, 1), date(2019, 12, 31), "decade"),
        ("20", date(2000, 1, 1), date(2099, 12, 31), "century"),
    ],
)
def test_value_range(value, start, end, precision):
    assert value_range(value) == DateRange(start, end, precision)


@pytest.mark.parametrize("value", ["PRESENT_REF", "PAST_REF", "XXXX-XX-XX", "P3Y", "2017-02-30", "", "2017-13"])
def test_values_without_a_place_in_time_have_no_range(value):
    assert value_range(value) is None


def test_modifiers_narrow_the_range():
    late_july = modified_range("2017-07", "END")
    early_2014 = modified_range("2014", "START")
    assert (late_july.start, late_july.end) == (date(2017, 7, 22), date(2017, 7, 31))
    assert early_2014.start == date(2014, 1, 1) and early_2014.end == date(2014, 5, 1)
    assert modified_range("2017-07", "APPROX") == value_range("2017-07")


@pytest.mark.parametrize(
    "value, mod, approximate, shown",
    [
        ("2017-02-13", "", False, "Mon 13 Feb 2017"),
        ("2017-W07", "START", False, "week of 13 Feb 2017"),
        ("2017-02", "", False, "Feb 2017"),
        ("2017-07", "END", True, "c. late July 2017"),
        ("2014", "APPROX", False, "c. 2014"),
        ("2017-SU", "", False, "summer 2017"),
        ("2017-Q1", "", False, "Q1 2017"),
        ("201", "", False, "2010s"),
        ("2017-02-16TEV", "", False, "Thu 16 Feb 2017, evening"),
        ("PRESENT_REF", "", False, "now"),
    ],
)
def test_display_value(value, mod, approximate, shown):
    assert display_value(value, mod, approximate) == shown


@pytest.mark.parametrize(
    "typed, value, mod, approximate",
    [
        ("13 Feb 2017", "2017-02-13", "", False),
        ("Monday, February 13, 2017", "2017-02-13", "", False),
        ("2017-07", "2017-07", "", False),
        ("late July 2017", "2017-07", "END", False),
        ("week of 13 Feb 2017", "2017-W07", "", False),
        ("c. 2014", "2014", "", True),
        ("mid-March 2016", "2016-03", "MID", False),
        ("Sep 2016", "2016-09", "", False),
        ("3 jun 2016", "2016-06-03", "", False),
        ("summer 2017", "2017-SU", "", False),
        ("Q3 2017", "2017-Q3", "", False),
        ("2010s", "201", "", False),
        ("2017-W07", "2017-W07", "", False),
    ],
)
def test_parse_human_date(typed, value, mod, approximate):
    parsed = parse_human_date(typed)
    assert (parsed.value, parsed.mod, parsed.approximate) == (value, mod, approximate)


@pytest.mark.parametrize("typed", ["", "next thursday", "31 Feb 2017", "2017-13", "sometime"])
def test_parse_human_date_explains_what_it_cannot_read(typed):
    with pytest.raises(ValueError, match="date"):
        parse_human_date(typed)
