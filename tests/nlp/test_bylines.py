from datetime import date

import pytest

from newsline.nlp.bylines import (
    DAY_FIRST,
    MONTH_FIRST,
    YEAR_FIRST,
    AmbiguousDate,
    day_order,
    find_dates,
    parse_typed_date,
    read_date,
)

JULY_17 = date(2014, 7, 17)


@pytest.mark.parametrize(
    ("language", "order"),
    [
        ("en-US", MONTH_FIRST),
        ("en_us", MONTH_FIRST),
        ("en-GB", DAY_FIRST),
        ("en-AU", DAY_FIRST),
        ("fr", DAY_FIRST),
        ("de-DE", DAY_FIRST),
        ("es-US", MONTH_FIRST),
        ("ja", YEAR_FIRST),
        ("zh-Hans-CN", YEAR_FIRST),
        ("en", None),
        ("en-CA", None),
        ("", None),
        (None, None),
    ],
)
def test_day_order_from_language_and_country(language, order):
    assert day_order(language) == order


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("17.07.2014", None),
        ("17/07/2014", None),
        ("17/07/2014", "en-US"),  # month 17 is impossible, so even a US page means 17 July
        ("07/17/2014", None),
        ("07/17/2014", "en-GB"),
        ("2014-07-17", None),
        ("2014/07/17", "ja"),
        ("17.07.14", "de"),
        ("Publié le 17 juillet 2014", "fr"),
        ("17 juillet 2014", None),
        ("2014年7月17日", "ja"),
        ("2014年7月17日", None),
        ("17 de julio de 2014", "es"),
        ("17. Juli 2014", "de-AT"),
        ("July 17, 2014", "en-US"),
        ("17 July 2014", None),
    ],
)
def test_reads_absolute_dates_in_many_formats_and_languages(text, language):
    reading = read_date(text, language)
    assert reading.date == JULY_17, reading.reason


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en-US", date(2014, 3, 4)), ("en-GB", date(2014, 4, 3)), ("fr-FR", date(2014, 4, 3)), ("de", date(2014, 4, 3))],
)
def test_ambiguous_numbers_follow_the_locale(language, expected):
    assert read_date("03/04/2014", language).date == expected


@pytest.mark.parametrize("language", [None, "en", "en-CA"])
def test_ambiguous_numbers_without_a_locale_give_both_readings_and_no_date(language):
    reading = read_date("03/04/2014", language)
    assert reading.date is None
    assert reading.is_ambiguous
    assert set(reading.readings) == {date(2014, 3, 4), date(2014, 4, 3)}
    assert "3 April 2014" in reading.reason and "4 March 2014" in reading.reason


def test_same_day_either_way_is_not_ambiguous():
    assert read_date("05/05/2014").date == date(2014, 5, 5)


@pytest.mark.parametrize("text", ["31/02/2014", "hello", "", "13/13/2014", "the budget vote"])
def test_no_date_comes_with_a_reason(text):
    reading = read_date(text, "en-GB")
    assert reading.date is None
    assert reading.readings == ()
    assert reading.reason


def test_two_dates_typed_at_once_are_refused():
    reading = read_date("17.07.2014 or 18.07.2014", "de")
    assert reading.date is None
    assert "2 dates" in reading.reason


def test_finds_dates_inside_a_byline_with_positions():
    line = "Publié le 17 juillet 2014 à 10h30, mis à jour le 18.07.2014"
    readings = find_dates(line, "fr-FR")
    assert [r.date for r in readings] == [JULY_17, date(2014, 7, 18)]
    assert [line[r.start : r.end] for r in readings] == ["17 juillet 2014", "18.07.2014"]


def test_byline_keeps_an_ambiguous_date_as_ambiguous():
    (reading,) = find_dates("Posted 03/04/2014 by Mara Quill")
    assert reading.date is None and len(reading.readings) == 2


@pytest.mark.parametrize("line", ["Version 1.2.3 released", "Call 12:30", "Room 12 2014 plan", "Score 3-1"])
def test_numbers_that_are_not_dates_are_left_out(line):
    assert find_dates(line, "en-GB") == []


@pytest.mark.parametrize(
    ("typed", "value", "mod"),
    [
        ("17.07.2014", "2014-07-17", ""),
        ("17/07/2014", "2014-07-17", ""),
        ("Publié le 17 juillet 2014", "2014-07-17", ""),
        ("2014年7月17日", "2014-07-17", ""),
        # What the temporal engine reads keeps its precision and modifier.
        ("late July 2017", "2017-07", "END"),
        ("2017-W07", "2017-W07", ""),
    ],
)
def test_typed_dates(typed, value, mod):
    parsed = parse_typed_date(typed)
    assert (parsed.value, parsed.mod) == (value, mod)


def test_an_ambiguous_typed_date_names_both_readings():
    with pytest.raises(AmbiguousDate, match=r"3 April 2014 \(day first\) or 4 March 2014 \(month first\)"):
        parse_typed_date("03/04/2014")


@pytest.mark.parametrize("typed", ["sometime after lunch", "31.02.2014", "17.07.2014 and 18.07.2014"])
def test_a_typed_non_date_keeps_the_engines_message(typed):
    with pytest.raises(ValueError) as raised:
        parse_typed_date(typed)
    assert not isinstance(raised.value, AmbiguousDate)
