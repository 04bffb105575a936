from datetime import date

import pytest

from newsline.nlp.temporal.calendar_math import format_at, shift
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


@pytest.mark.parametrize(
    "value, start, end",
    [
        ("9999-W52", date(9999, 12, 27), date(9999, 12, 31)),  # its Sunday would be in the year 10000
        ("9999-W52-WE", date(9999, 12, 31), date(9999, 12, 31)),
        ("9999-12-31", date(9999, 12, 31), date(9999, 12, 31)),
        ("9999-WI", date(9998, 12, 1), date(9999, 2, 28)),
        ("99", date(9900, 1, 1), date(9999, 12, 31)),
        ("0001-W01", date(1, 1, 1), date(1, 1, 7)),
        ("0001-WI", date(1, 1, 1), date(1, 2, 28)),  # the December before it would be in the year 0
        ("000", date(1, 1, 1), date(9, 12, 31)),
        ("2020-W53", date(2020, 12, 28), date(2021, 1, 3)),
        ("2016-02-29", date(2016, 2, 29), date(2016, 2, 29)),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
    ],
)
def test_ranges_at_the_edges_of_the_calendar_stop_at_its_edge(value, start, end):
    whole = value_range(value)
    assert (whole.start, whole.end) == (start, end)
    for mod in ("START", "MID", "END", "APPROX"):
        part = modified_range(value, mod)
        assert start <= part.start <= part.end <= end


@pytest.mark.parametrize("value", ["9999-W53", "2021-W53", "2017-W00", "2017-W54", "0000", "0000-02-29", "2017-02-29",
                                   "BC0044", "10000", "9999-13"])
def test_values_outside_the_calendar_have_no_range(value):
    assert value_range(value) is None
    assert display_value(value)


def test_years_before_the_common_era_are_named():
    assert display_value("BC0044") == "44 BC"


@pytest.mark.parametrize(
    "typed, value, start, end",
    [
        ("9999-W52", "9999-W52", date(9999, 12, 27), date(9999, 12, 31)),
        ("week of 31 Dec 9999", "9999-W52", date(9999, 12, 27), date(9999, 12, 31)),
        ("late 9999", "9999", date(9999, 9, 2), date(9999, 12, 31)),
        ("week of 1 Jan 0001", "0001-W01", date(1, 1, 1), date(1, 1, 7)),
        ("29 Feb 2016", "2016-02-29", date(2016, 2, 29), date(2016, 2, 29)),
        ("week of 29 Feb 2016", "2016-W09", date(2016, 2, 29), date(2016, 3, 6)),
        ("week of 1 Jan 2021", "2020-W53", date(2020, 12, 28), date(2021, 1, 3)),
    ],
)
def test_editors_dates_at_the_edges(typed, value, start, end):
    parsed = parse_human_date(typed)
    assert parsed.value == value
    assert (parsed.range.start, parsed.range.end) == (start, end)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("44 BC", "before the year 1"),
        ("c. 300 BCE", "before the year 1"),
        ("0000-05", "before the year 1"),
        ("9999-W53", "not a date"),
        ("29 Feb 2017", "not a date"),
        ("week of 29 Feb 2017", "not a date"),
        ("10000", "not a date"),
        ("1" * 40, "not a date"),
    ],
)
def test_editors_dates_outside_the_calendar_are_explained(typed, message):
    with pytest.raises(ValueError, match=message):
        parse_human_date(typed)


@pytest.mark.parametrize(
    "day, unit, amount, expected",
    [
        (date(2016, 2, 29), "year", 1, date(2017, 2, 28)),
        (date(2016, 2, 29), "year", 4, date(2020, 2, 29)),
        (date(2017, 1, 31), "month", 1, date(2017, 2, 28)),
        (date(9999, 12, 30), "day", 1, date(9999, 12, 31)),
        (date(1, 1, 8), "week", -1, date(1, 1, 1)),
    ],
)
def test_shift_near_the_edges(day, unit, amount, expected):
    assert shift(day, unit, amount) == expected


@pytest.mark.parametrize(
    "day, unit, amount",
    [
        (date(9999, 12, 31), "day", 1),
        (date(1, 1, 1), "week", -1),
        (date(2017, 2, 16), "year", -3000),
        (date(9999, 6, 1), "month", 12),
        (date(2017, 2, 16), "millennium", 10),
    ],
)
def test_shift_beyond_the_calendar_is_a_value_error(day, unit, amount):
    with pytest.raises(ValueError, match="outside the calendar"):
        shift(day, unit, amount)


def test_format_at_writes_four_digit_years_at_the_edges():
    assert format_at(date(1, 1, 1), "week") == "0001-W01"
    assert format_at(date(9999, 12, 31), "week") == "9999-W52"
    assert format_at(date(44, 3, 15), "month") == "0044-03"
    assert value_range(format_at(date(9999, 12, 31), "season")) is None  # the winter of the year 10000
