"""Calendar words: the vocabulary the patterns are built from, and how each word reads as a number or a unit."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3, "thu": 3,
    "thur": 3, "thurs": 3, "weds": 2, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI",
    "midday": "MI", "noon": "MI", "daytime": "DT",
}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

_SMALL = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS: dict[str, int] = {word: i for i, word in enumerate(_SMALL)}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update({"a": 1, "an": 1, "a single": 1, "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100,
                     "a thousand": 1000, "thousand": 1000, "a couple of": 2, "couple of": 2, "a couple": 2})
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of", "numerous", "dozens of", "hundreds of",
                 "thousands of", "multiple", "the")

# Unit word -> TIMEX3 duration letter. Hours, minutes and seconds take the "T" designator.
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "fortnight": "W",
    "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "centurie": "CE", "millennium": "ML", "millennia": "ML",
}
TIME_UNITS = {"second", "minute", "hour"}

_UNIT_ALTERNATION = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ies)|millenni(?:um|a))"
UNIT = _UNIT_ALTERNATION + r"s?"
MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)"
)
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
NUMBER_WORD = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+1/2)?|{NUMBER_WORD}(?:\s+and\s+a\s+half)?|a\s+(?:single|dozen|hundred|thousand|couple\s+of|couple)"
    r"|an?|several|a\s+few|few|many|some|a\s+number\s+of|numerous|dozens\s+of|hundreds\s+of|thousands\s+of|couple\s+of)"
)
_TENS_WORD = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
# Years read out as words in broadcast transcripts: "nineteen ninety-seven", "(the year) two thousand and one".
NINETEEN_YEAR = rf"nineteen\s+(?:hundred\s+(?:and\s+)?)?{_TENS_WORD}"
MILLENNIUM_YEAR = rf"two\s+thousand(?:\s+(?:and\s+)?{NUMBER_WORD})?"
YEAR = r"(?<![\d$£€.,/])(?<!\d-)(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|-\d)"
DAY_OF_MONTH = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAY_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth)"
DAY_WORD = rf"(?:(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|thirtieth|{_DAY_ORDINAL})"


def number_value(text: str) -> float | None:
    """The number a quantity phrase names ("three", "twenty four", "2 1/2", "a"), or None when it is vague."""
    text = re.sub(r"\s+", " ", text.lower().strip())
    half = 0.0
    if text.endswith(" 1/2"):
        text, half = text[:-4], 0.5
    if text.endswith(" and a half"):
        text, half = text[: -len(" and a half")], 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+", text):
        return float(text.replace(",", "")) + half
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text] + half
    parts = re.split(r"[\s-]", text)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMBER_WORDS:
        return _TENS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    return None


def unit_code(word: str) -> str:
    """"years" -> "Y", "hours" -> "H" (see UNITS)."""
    word = word.lower()
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s") and word[:-1] in UNITS:
        word = word[:-1]
    return UNITS[word]


def is_time_unit(word: str) -> bool:
    return word.lower().rstrip("s") in TIME_UNITS
