"""Saved web pages (.html, .htm) ingested: body text, metadata and publication-date markup weighed with the text."""

from datetime import date
from pathlib import Path

import pytest

from newsline.timeline.ingest import ingest_paths
from newsline.timeline.loading import url_file_name
from newsline.timeline.models import Event, Mention, Source

pytestmark = pytest.mark.django_db

BODY = """
<p>The harbour board of Port Aldren voted on Tuesday to close the old ferry terminal, ending ninety years of
crossings to the islands.</p>
<p>Board chair Miriam Tosk said the terminal would shut on March 3, 2016, once the new pier is finished. Engineers
found cracks in the pilings last autumn, she told reporters after the vote.</p>
<p>Islanders have protested against the plan since January. Councillor Beno Raske called the decision a betrayal
of the families who depend on the ferry and promised to appeal to the regional court.</p>
<p>The board will meet again next month to choose a builder for the new pier, which is expected to cost about
twelve million euros.</p>
"""

CHROME = """
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<aside class="related"><h3>Most read</h3><ul>
<li><a href="/a">Mayor Quill Ostrander resigned on June 2, 2009 after a scandal</a></li>
<li><a href="/b">Storm hits the northern coast</a></li></ul></aside>
<footer><p>Copyright 2016 The Aldren Courier. All rights reserved.</p></footer>
"""


def page(head: str, body: str = BODY, charset: str = "utf-8",
         title: str = "Harbour board votes to close ferry terminal") -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}"><title>{title} | The Aldren Courier</title>
<meta property="og:site_name" content="The Aldren Courier">
{head}
</head><body>{CHROME.split("<aside")[0]}
<article><h1>{title}</h1>
<p class="byline">By Hana Vell</p>
{body}
</article>
<aside{CHROME.split("<aside")[1]}
</body></html>"""


JSON_LD = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Harbour board votes to close ferry terminal", "datePublished": "2015-11-17T09:30:00+01:00",
"author": {"@type": "Person", "name": "Hana Vell"}}</script>
<link rel="canonical" href="https://courier.example/2015/harbour-board-ferry-terminal">"""


def ingest_page(tmp_path: Path, name: str, html: str | bytes):
    path = tmp_path / name
    path.write_bytes(html if isinstance(html, bytes) else html.encode("utf-8"))
    report = ingest_paths([path])
    assert report.failed == []
    return report, Source.objects.get(file_name=name)


def test_json_ld_date_is_weighed_and_a_page_view_header_does_not_date_the_article(tmp_path):
    header = '<div class="topbar">Thursday, 14 April 2016 | Weather: 12°C</div>'
    html = page(JSON_LD, body=BODY).replace("<article>", header + "<article>")
    report, source = ingest_page(tmp_path, "ferry.html", html)
    assert report.created == ["ferry.html"]
    assert source.published == date(2015, 11, 17)
    assert source.published_how == Source.How.PRINTED
    assert source.published_evidence.startswith("page markup: ")
    assert "datePublished" in source.published_evidence
    assert source.title == "Harbour board votes to close ferry terminal"
    assert source.outlet == "The Aldren Courier"
    assert source.url == "https://courier.example/2015/harbour-board-ferry-terminal"
    assert "<script" in source.html and "datePublished" in source.html
    assert "Most read" not in source.text and "Home" not in source.text.split()
    # "voted on Tuesday" counts from the page's publication day, not from the day the page was viewed.
    vote = Mention.objects.get(source=source, sentence__contains="voted on Tuesday")
    assert vote.date_start == date(2015, 11, 17)


def test_page_chrome_yields_no_event(tmp_path):
    _, source = ingest_page(tmp_path, "ferry.html", page(JSON_LD))
    sentences = " ".join(Mention.objects.filter(source=source).values_list("sentence", flat=True))
    assert "terminal" in sentences
    assert "Ostrander" not in sentences
    assert not Event.objects.filter(date_start=date(2009, 6, 2)).exists()


def test_a_date_only_in_the_url(tmp_path):
    head = '<link rel="canonical" href="https://courier.example/news/2016/02/09/harbour-board-ferry-terminal/">'
    _, source = ingest_page(tmp_path, "ferry-url.htm", page(head))
    assert source.published == date(2016, 2, 9)
    assert "URL" in source.published_evidence
    vote = Mention.objects.get(source=source, sentence__contains="voted on Tuesday")
    assert vote.date_start == date(2016, 2, 9)


def test_a_page_with_no_date_is_undated_and_flagged(tmp_path):
    body = BODY.replace("on March 3, 2016", "in the spring")
    _, source = ingest_page(tmp_path, "ferry-undated.html", page("", body=body))
    assert source.published is None
    assert source.published_how == Source.How.UNKNOWN
    assert source.published_is_uncertain


def test_htmldates_guess_from_the_body_is_only_inferred(tmp_path):
    _, source = ingest_page(tmp_path, "ferry-guess.html", page(""))
    assert source.published_how == Source.How.INFERRED
    assert source.published_is_uncertain
    assert "htmldate" in source.published_evidence
    assert Mention.objects.filter(source=source, date_start=date(2016, 3, 3)).exists()


def test_a_windows_1252_page_labelled_latin_1(tmp_path):
    body = BODY.replace("Miriam Tosk said", "Miriam Tosk \u2013 \u201cwe had no choice\u201d \u2013 said")
    html = page(JSON_LD, body=body, charset="iso-8859-1").replace("euros", "euros (\u20ac12m)")
    _, source = ingest_page(tmp_path, "ferry-1252.html", html.encode("cp1252"))
    assert "\u201cwe had no choice\u201d" in source.text
    assert "\u20ac12m" in source.text
    assert "\u201cwe had no choice\u201d" in source.html
    assert source.published == date(2015, 11, 17)


def test_reingest_of_an_unchanged_page_changes_nothing_and_a_change_updates_it(tmp_path):
    path = tmp_path / "ferry.html"
    path.write_text(page(JSON_LD), encoding="utf-8")
    ingest_paths([path])
    before = list(Source.objects.values())
    report = ingest_paths([path])
    assert report.unchanged == ["ferry.html"]
    assert list(Source.objects.values()) == before
    path.write_text(page(JSON_LD).replace("twelve million", "fourteen million"), encoding="utf-8")
    report = ingest_paths([path])
    assert report.updated == ["ferry.html"]
    assert "fourteen million" in Source.objects.get().text


def test_a_folder_of_pages_and_text_files(tmp_path):
    (tmp_path / "ferry.html").write_text(page(JSON_LD), encoding="utf-8")
    (tmp_path / "note.txt").write_text(
        "Port Aldren, Nov. 20, 2015 - The harbour board chose a builder for the new pier on Friday.\n", encoding="utf-8"
    )
    report = ingest_paths([tmp_path])
    assert sorted(report.created) == ["ferry.html", "note.txt"]
    assert Source.objects.get(file_name="note.txt").html == ""


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    ],
)
def test_a_bad_page_fails_with_its_reason_and_stores_nothing(tmp_path, content, reason):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    report = ingest_paths([path])
    assert report.failed and reason in report.failed[0][1]
    assert not Source.objects.exists()


def test_url_file_names():
    assert url_file_name("https://news.example.org/2016/12/15/council-vote.html") == (
        "news.example.org-2016-12-15-council-vote.html"
    )
    assert url_file_name("http://example.org/") == "example.org.html"
    long = url_file_name("https://example.org/" + "word-" * 100)
    assert len(long) < 255 and long.endswith(".html")


def test_the_source_page_says_which_signal_decided_and_which_were_refused(tmp_path, client):
    head = JSON_LD.replace("https://courier.example/2015/", "https://courier.example/2015/10/02/")
    body = '<p class="meta">Published 17 November 2015</p>' + BODY
    _, source = ingest_page(tmp_path, "ferry.html", page(head, body=body))
    assert source.published == date(2015, 11, 17)
    assert any("date in the URL 2015-10-02" in reason for reason in source.published_rejected)
    html = client.get(f"/sources/{source.pk}/").content.decode()
    assert "Published 17 November 2015" in html
    assert "JSON-LD datePublished" in html
    assert "date in the URL 2015-10-02" in html


def test_the_cross_article_pass_reads_the_stored_page_not_the_network(tmp_path):
    from newsline.timeline.ingest import cross_article_pass

    _, source = ingest_page(tmp_path, "ferry.html", page(JSON_LD))
    # As if stored undated by an older ingest: the pass dates it again from the page's own markup.
    Source.objects.filter(pk=source.pk).update(published=None, published_how=Source.How.UNKNOWN, published_evidence="")
    report = cross_article_pass()
    source.refresh_from_db()
    assert report.updated == ["ferry.html"]
    assert source.published == date(2015, 11, 17)
    assert source.published_evidence.startswith("page markup: ")
