from datetime import date
from pathlib import Path

import pytest

from newsline.nlp.markup_dates import (
    HTMLDATE_ORIGINAL,
    JSON_LD_MODIFIED,
    JSON_LD_PUBLISHED,
    META_PUBLISHED,
    PRINTED_TIME,
    URL_DATE,
    DateCandidate,
    parse_markup_date,
    url_date_candidates,
)
from newsline.nlp.page_dates import TextDateEvidence, printed_date_stamps, weigh_markup_dates
from newsline.nlp.webpages import WebPageError, charset_from_content_type, decode_html, read_web_page

PAGES = Path(__file__).parent / "pages"
PARAGRAPH = (
    "<p>The harbour board met on Tuesday and agreed to repair the northern breakwater before the autumn storms, "
    "after fishermen warned that the old stones were moving with every high tide of the season.</p>"
)


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def html_page(head: str = "", body: str = "", lang: str = "en") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Breakwater repair agreed</title>'
            f"{head}</head><body><article><h1>Breakwater repair agreed</h1>{body}{PARAGRAPH * 3}</article>"
            "</body></html>").encode()


# --- a saved page with JSON-LD and a page-view date in its header ---------------------------------------


def test_saved_page_metadata_and_body_without_chrome():
    web = read_web_page(page("json_ld_with_page_view_header.html"))
    assert web.title == "Marrowby ferry returns after two-year repair"
    assert web.outlet == "The Marrowby Courier"
    assert web.authors == ("Mara Quill",)
    assert web.canonical_url == "https://courier.example.org/news/marrowby-ferry-returns"
    assert web.language == "en-GB"
    assert "chain ferry across the Lune estuary" in web.text
    assert "stopped coming" in web.text
    for chrome in ("Related stories", "Council delays vote", "Privacy", "Contact us", "Sport", "14°C"):
        assert chrome not in web.text
    assert "<script type=\"application/ld+json\">" in web.html


def test_saved_page_candidates_name_their_kind_and_evidence():
    web = read_web_page(page("json_ld_with_page_view_header.html"))
    kinds = {(c.kind, c.date) for c in web.date_candidates}
    assert (JSON_LD_PUBLISHED, date(2021, 5, 4)) in kinds
    assert (JSON_LD_MODIFIED, date(2021, 5, 6)) in kinds
    assert (PRINTED_TIME, date(2023, 3, 9)) in kinds
    # The author's own datePublished is not the article's.
    assert date(1999, 1, 1) not in {c.date for c in web.date_candidates}
    published = next(c for c in web.date_candidates if c.kind == JSON_LD_PUBLISHED)
    assert "2021-05-04T08:15:00+01:00" in published.evidence
    assert [c.reliability for c in web.date_candidates] == sorted(c.reliability for c in web.date_candidates)


def test_json_ld_beats_the_page_view_header():
    web = read_web_page(page("json_ld_with_page_view_header.html"))
    choice = weigh_markup_dates(web.date_candidates, printed_date_stamps(web))
    assert (choice.date, choice.kind) == (date(2021, 5, 4), JSON_LD_PUBLISHED)
    assert any("2023-03-09" in reason for reason in choice.rejected)


def test_page_view_date_the_text_shows_is_rejected_as_such():
    web = read_web_page(page("json_ld_with_page_view_header.html"))
    evidence = TextDateEvidence(page_view_dates=frozenset({date(2023, 3, 9)}))
    choice = weigh_markup_dates(web.date_candidates, evidence)
    assert choice.date == date(2021, 5, 4)
    assert any("2023-03-09" in r and "viewed" in r for r in choice.rejected)


def test_page_whose_only_date_is_in_its_url():
    url = "https://news.example.org/local/2019/06/12/harbour-wall-finished/"
    web = read_web_page(page("url_date_only.html"), url=url)
    assert web.url == url
    assert (URL_DATE, date(2019, 6, 12)) in {(c.kind, c.date) for c in web.date_candidates}
    assert weigh_markup_dates(web.date_candidates, printed_date_stamps(web)).date == date(2019, 6, 12)
    # Without its URL the page carries no date at all.
    assert read_web_page(page("url_date_only.html")).date_candidates == ()


def test_page_with_no_date():
    web = read_web_page(page("no_date.html"))
    assert web.date_candidates == ()
    choice = weigh_markup_dates(web.date_candidates, printed_date_stamps(web))
    assert choice.date is None and choice.evidence


def test_windows_1252_page_labelled_latin_1():
    data = page("windows_1252_labelled_latin1.html")
    web = read_web_page(data)
    assert web.charset == "cp1252"
    assert "des “soirées musicales”" in web.text
    assert "17 juillet 2014 – mis à jour" in web.text
    assert web.language == "fr-FR"
    evidence = printed_date_stamps(web)
    assert evidence.printed == date(2014, 7, 17)
    assert evidence.updated_dates == {date(2014, 7, 18)}
    choice = weigh_markup_dates(web.date_candidates, evidence)
    assert (choice.date, choice.kind) == (date(2014, 7, 17), "text")


# --- decoding ----------------------------------------------------------------------------------------------


def test_the_http_charset_wins_over_the_meta_tag():
    data = '<html><head><meta charset="utf-8"></head><body><p>Caf\u00e9 “open”</p></body></html>'.encode("cp1252")
    text, codec, _ = decode_html(data, "windows-1252")
    assert codec == "cp1252" and "Café “open”" in text


def test_utf8_page_mislabelled_latin_1_is_read_as_utf8():
    data = '<html><head><meta charset="iso-8859-1"></head><body><p>Café “open”</p></body></html>'.encode()
    text, codec, notes = decode_html(data)
    assert codec == "utf-8" and "Café “open”" in text
    assert notes and "UTF-8" in notes[0]


def test_undeclared_bytes_fall_back_to_windows_1252_keeping_every_byte():
    data = b"<html><body><p>Na\xefve \x93quote\x94 \x81</p></body></html>"
    text, codec, _ = decode_html(data)
    assert codec == "cp1252"
    assert "Naïve “quote” \x81" in text


def test_other_declared_charsets():
    data = "<html><body><p>Привет</p></body></html>".encode("koi8-r")
    text, codec, _ = decode_html(data, charset_from_content_type("text/html; charset=KOI8-R"))
    assert codec == "koi8-r" and "Привет" in text


@pytest.mark.parametrize(
    ("header", "charset"),
    [
        ("text/html; charset=ISO-8859-1", "ISO-8859-1"),
        ('text/html;charset="utf-8"', "utf-8"),
        ("text/html", None),
        (None, None),
    ],
)
def test_charset_from_content_type(header, charset):
    assert charset_from_content_type(header) == charset


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b'<html><body><img src="/photo.jpg" alt=""></body></html>', "no article text"),
        (b"<html><head><script>var a = 1;</script></head><body></body></html>", "no article text"),
    ],
)
def test_not_an_article_page(data, message):
    with pytest.raises(WebPageError, match=message):
        read_web_page(data)


# --- markup signals -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2019-04-28T06:01:07+02:00", date(2019, 4, 28)),
        ("2019-04-28 23:30:00", date(2019, 4, 28)),
        ("20200414T00:38:07Z", date(2020, 4, 14)),
        ("Tue, 07 Apr 2020 07:36:07 +0530", date(2020, 4, 7)),
        ("2019/04/28", date(2019, 4, 28)),
        ("yesterday", None),
        ("2019-02-30", None),
    ],
)
def test_parse_markup_date_keeps_the_day_as_written(value, day):
    assert parse_markup_date(value) == day


@pytest.mark.parametrize(
    ("url", "day", "precision"),
    [
        ("https://example.org/2015/03/18/museum-reopens/", date(2015, 3, 18), "day"),
        ("https://example.org/environment/2019/jan/03/whales", date(2019, 1, 3), "day"),
        ("https://example.org/local/la-me-school-20161216-story.html", date(2016, 12, 16), "day"),
        ("https://example.org/story/2019-08-27/stadium", date(2019, 8, 27), "day"),
        ("https://example.org/tech/2015/04/servers-crash/", date(2015, 4, 1), "month"),
    ],
)
def test_url_dates(url, day, precision):
    (candidate,) = url_date_candidates(url)
    assert (candidate.date, candidate.precision, candidate.kind) == (day, precision, URL_DATE)


@pytest.mark.parametrize(
    "url",
    ["https://example.org/news/article-123456", "https://example.org/2099/01/01/x/", "https://example.org/2015/abc/18/"],
)
def test_no_url_date(url):
    assert url_date_candidates(url) == []


def test_meta_tags_and_marked_elements():
    head = ('<meta property="article:published_time" content="2022-10-14T09:27:00-04:00">'
            '<meta property="article:modified_time" content="2022-10-15T10:00:00-04:00">')
    body = '<p class="byline">By Ada Brook <time datetime="2022-10-14T09:27:00-04:00">Oct 14, 2022</time></p>'
    web = read_web_page(html_page(head, body))
    kinds = {(c.kind, c.date) for c in web.date_candidates}
    assert (META_PUBLISHED, date(2022, 10, 14)) in kinds
    assert (PRINTED_TIME, date(2022, 10, 14)) in kinds
    assert date(2022, 10, 15) in {c.date for c in web.date_candidates if c.is_modification}


# --- weighing ------------------------------------------------------------------------------------------------


def candidate(day: date, kind: str, utc: bool = False, precision: str = "day") -> DateCandidate:
    return DateCandidate(day, precision, kind, f"{kind} {day}", utc)


def test_modification_dates_never_date_the_publication():
    choice = weigh_markup_dates([candidate(date(2020, 6, 4), JSON_LD_MODIFIED)])
    assert choice.date is None


def test_utc_timestamp_gives_way_to_the_local_date():
    choice = weigh_markup_dates([
        candidate(date(2023, 11, 9), JSON_LD_PUBLISHED, utc=True),
        candidate(date(2023, 11, 8), URL_DATE),
    ])
    assert (choice.date, choice.kind) == (date(2023, 11, 8), JSON_LD_PUBLISHED)
    assert "local date" in choice.evidence


def test_agreeing_kinds_raise_confidence():
    alone = weigh_markup_dates([candidate(date(2021, 3, 8), META_PUBLISHED)])
    agreed = weigh_markup_dates([candidate(date(2021, 3, 8), META_PUBLISHED), candidate(date(2021, 3, 8), URL_DATE)])
    assert alone.date == agreed.date == date(2021, 3, 8)
    assert agreed.confidence > alone.confidence


def test_disagreeing_reliable_signals_give_no_date():
    choice = weigh_markup_dates([candidate(date(2018, 5, 1), JSON_LD_PUBLISHED), candidate(date(2019, 9, 9), URL_DATE)])
    assert choice.date is None
    assert "disagree" in choice.rejected[-1]


def test_htmldate_alone_disagreeing_with_json_ld_does_not_block_it():
    choice = weigh_markup_dates([candidate(date(2020, 9, 15), JSON_LD_PUBLISHED),
                                 candidate(date(2020, 5, 20), HTMLDATE_ORIGINAL)])
    assert choice.date == date(2020, 9, 15)


def test_a_printed_dateline_beats_a_cms_timestamp_the_text_contradicts():
    against = ("reports a 2017 election in the past tense, after it", "“two years ago” lands on no year it names")
    evidence = TextDateEvidence(printed=date(2016, 9, 19), printed_evidence="Sept. 19, 2016",
                                contradictions={date(2012, 9, 25): against})
    choice = weigh_markup_dates([candidate(date(2012, 9, 25), META_PUBLISHED)], evidence)
    assert (choice.date, choice.kind) == (date(2016, 9, 19), "text")
    assert any("2012-09-25" in r and "2017 election" in r for r in choice.rejected)


def test_a_printed_dateline_beats_a_url_print_date():
    evidence = TextDateEvidence(printed=date(2016, 9, 19), printed_evidence="Sept. 19, 2016")
    choice = weigh_markup_dates([candidate(date(2016, 9, 20), URL_DATE)], evidence)
    assert choice.date == date(2016, 9, 19)
    assert any("2016-09-20" in r for r in choice.rejected)


def test_an_uncontradicted_cms_field_beats_a_printed_date_elsewhere_on_the_page():
    evidence = TextDateEvidence(printed=date(2015, 3, 18), printed_evidence="Social roundup Wednesday, March 18, 2015")
    choice = weigh_markup_dates([candidate(date(2015, 2, 26), JSON_LD_PUBLISHED)], evidence)
    assert (choice.date, choice.kind) == (date(2015, 2, 26), JSON_LD_PUBLISHED)
    assert any("March 18, 2015" in r for r in choice.rejected)


def test_a_printed_date_in_the_future_is_no_evidence():
    evidence = TextDateEvidence(printed=date(2090, 8, 14), printed_evidence="Timestamp: 2090-08-14")
    choice = weigh_markup_dates([candidate(date(2019, 1, 11), URL_DATE)], evidence)
    assert choice.date == date(2019, 1, 11)
    assert any("not a possible day" in r for r in choice.rejected)


def test_one_contradiction_rejects_a_weak_signal_two_a_cms_field():
    one = {date(2012, 1, 1): ("reports a 2014 vote in the past tense",)}
    two = {date(2012, 1, 1): ("reports a 2014 vote in the past tense", "“three years ago” lands on 2009")}
    weak = [candidate(date(2012, 1, 1), URL_DATE)]
    strong = [candidate(date(2012, 1, 1), META_PUBLISHED)]
    assert weigh_markup_dates(weak, TextDateEvidence(contradictions=one)).date is None
    assert weigh_markup_dates(strong, TextDateEvidence(contradictions=one)).date == date(2012, 1, 1)
    choice = weigh_markup_dates(strong, TextDateEvidence(contradictions=two))
    assert choice.date is None
    assert any("2014 vote" in r for r in choice.rejected)


def test_htmldate_guess_printed_nowhere_is_rejected():
    evidence = TextDateEvidence(shown_dates=frozenset({date(2020, 1, 1)}))
    choice = weigh_markup_dates([candidate(date(2003, 4, 9), HTMLDATE_ORIGINAL)], evidence)
    assert choice.date is None
    assert "printed nowhere" in choice.rejected[0]


def test_last_modified_footer_is_not_a_publication_date():
    footer_day = frozenset({date(2020, 11, 4)})
    evidence = TextDateEvidence(modified_dates=footer_day, shown_dates=footer_day)
    assert weigh_markup_dates([candidate(date(2020, 11, 4), HTMLDATE_ORIGINAL)], evidence).date is None


def test_page_showing_only_its_update_is_dated_by_it():
    update_day = frozenset({date(2020, 3, 12)})
    evidence = TextDateEvidence(updated_dates=update_day, shown_dates=update_day)
    choice = weigh_markup_dates([candidate(date(2019, 10, 15), JSON_LD_PUBLISHED)], evidence)
    assert (choice.date, choice.kind) == (date(2020, 3, 12), "text_updated")
    assert choice.confidence < 0.75


def test_printed_stamps_read_published_and_updated_on_one_line():
    body = '<p class="meta">Published 3 Jan 2019 · Last updated 16 Jan 2019</p>'
    evidence = printed_date_stamps(read_web_page(html_page(body=body)))
    assert evidence.printed == date(2019, 1, 3)
    assert evidence.updated_dates == {date(2019, 1, 16)}
    assert evidence.shown_dates == {date(2019, 1, 3), date(2019, 1, 16)}
