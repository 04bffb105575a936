"""Story mode: one event per screen of the filtered timeline, for projecting in class."""

import re
from datetime import date

import pytest

from .factories import add_mention, make_event, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline():
    bbc = make_source("bbc.txt", outlet="BBC", published=date(2017, 2, 16), title="Ministers meet as sanctions bite")
    wire = make_source("wire.txt", outlet="Wire", published=date(2017, 3, 2), title="Summit set for spring")
    events = {
        "sanctions": make_event("Sanctions imposed", "2015", actors=("Alpha Land",), source=bbc),
        "talks": make_event(
            "Ministers met in the capital", "2017-W07", actors=("Alpha Land", "Beta Union"), source=bbc,
            sentence="Ministers met in the capital earlier this week, officials said.", expression="earlier this week",
            anchor="publication", rule="the week of the publication date",
        ),
        "summit": make_event("Summit planned", "2017-05", actors=("Beta Union",), source=wire, planned=True),
    }
    add_mention(events["talks"], wire, "The ministers met last month.", "last month", "2017-01", anchor="publication")
    return events


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_story_starts_with_the_first_event_and_links_to_the_next(client, timeline):
    response = client.get("/story/")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<h1 id="story-headline-\d+" class="story-headline">Sanctions imposed</h1>', html)
    assert "1 of 3" in html and '<progress value="1" max="3"' in html
    assert '<a class="story-next" rel="next" href="?page=2" data-key="ArrowRight">' in html
    assert '<span class="story-previous is-disabled">' in html
    assert "story.js" in html


def test_a_slide_shows_date_how_it_was_dated_the_quote_actors_and_named_sources(client, timeline):
    html = client.get("/story/?page=2").content.decode()
    text = text_of(html)
    assert "2 of 3" in text and "week of 13 Feb 2017" in text
    assert "Ministers met in the capital <mark>earlier this week</mark>, officials said." in html
    assert "How it was dated: “earlier this week”, published Thu 16 Feb 2017 → week of 13 Feb 2017" in text
    assert "BBC: Ministers meet as sanctions bite" in text and "Wire: Summit set for spring" in text
    assert "dates it Jan 2017" in text and "sources disagree" in text
    assert '<a href="/?actor=Alpha+Land">Alpha Land</a>' in html
    assert 'rel="prev" href="?page=1"' in html and 'rel="next" href="?page=3"' in html


def test_story_follows_the_filters_and_links_back_to_the_same_place_in_the_timeline(client, timeline):
    talks = timeline["talks"]
    html = client.get("/story/?actor=Beta+Union&page=1").content.decode()
    assert "1 of 2" in html and "Ministers met in the capital" in html
    assert f'href="/?actor=Beta+Union&amp;page=1#event-{talks.pk}"' in html
    assert 'href="?actor=Beta+Union&amp;page=2"' in html


def test_a_position_past_the_end_shows_the_last_event_and_bad_positions_the_first(client, timeline):
    assert "3 of 3" in client.get("/story/?page=99").content.decode()
    assert "1 of 3" in client.get("/story/?page=-4").content.decode()
    assert "1 of 3" in client.get("/story/?page=two").content.decode()


def test_story_with_no_matching_events_says_so(client, timeline):
    response = client.get("/story/?q=nothing+like+this")
    assert response.status_code == 200
    assert "No events match" in response.content.decode()


def test_story_has_no_inline_styles_or_scripts(client, timeline):
    html = client.get("/story/?page=2").content.decode()
    assert "style=" not in html and "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_the_timeline_links_to_story_mode_with_its_filters(client, timeline):
    html = client.get("/?actor=Beta+Union").content.decode()
    assert 'href="/story/?actor=Beta+Union"' in html


def test_all_events_one_per_printed_page(client, timeline):
    html = client.get("/story/?actor=Alpha+Land").content.decode()
    assert 'href="?actor=Alpha+Land&amp;print=all"' in html
    printed = client.get("/story/?actor=Alpha+Land&print=all").content.decode()
    assert printed.count('<article class="story-slide"') == 2
    assert re.findall(r'class="story-headline">([^<]+)</h1>', printed) == ["Sanctions imposed",
                                                                         "Ministers met in the capital"]
    assert "1 of 2" in printed and "2 of 2" in printed and "Next →" not in printed
