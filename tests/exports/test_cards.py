import re

import pytest

from newsline.exports.formats import CARDS_PER_SHEET
from newsline.timeline.models import Event

from .data import download, make_event
from .html_parsing import assert_inert, read_page

pytestmark = pytest.mark.django_db


def card_headlines(body: bytes) -> list[str]:
    return read_page(body).text_by_class["headline"]


def answer_key(body: bytes) -> list[tuple[str, int, str]]:
    key = body.decode().split('id="answer-key-heading"', 1)[1]
    items = re.findall(r'<li><span class="date">(.*?)</span>: card (\d+), (.*?)</li>', key)
    return [(date, int(number), headline) for date, number, headline in items]


def test_cards_show_headlines_without_dates_in_a_reproducible_shuffle(client, room):
    for number in range(12):
        make_event(f"Extra happening {number}", f"2021-{number + 1:02d}-15")
    body = download(client, "cards")[1]
    dated = list(Event.objects.visible().chronological().filter(date_start__isnull=False))
    headlines = card_headlines(body)
    assert sorted(headlines) == sorted(event.headline for event in dated)
    assert headlines != [event.headline for event in dated], "shuffled"
    assert card_headlines(download(client, "cards")[1]) == headlines, "the same view shuffles the same way"
    same_cards_other_filters = card_headlines(download(client, "cards", "from=1900")[1])
    assert sorted(same_cards_other_filters) == sorted(headlines)
    assert same_cards_other_filters != headlines, "the shuffle is seeded from the filters"
    cards_part = body.decode().split('id="answer-key-heading"', 1)[0]
    for event in dated:
        assert event.display_date not in cards_part
    assert cards_part.count('class="sheet"') == -(-len(dated) // CARDS_PER_SHEET)


def test_answer_key_gives_every_card_in_date_order(client, room):
    body = download(client, "cards")[1]
    headlines = card_headlines(body)
    dated = list(Event.objects.visible().chronological().filter(date_start__isnull=False))
    key = answer_key(body)
    assert [(date, headline) for date, _, headline in key] == [(e.display_date, e.headline) for e in dated]
    assert all(headlines[number - 1] == headline for _, number, headline in key)
    assert "1 event with an unresolved date is left out." in body.decode()


def test_hostile_headline_is_escaped_on_cards(client, hostile):
    body = download(client, "cards")[1]
    assert_inert(read_page(body))
    assert card_headlines(body) == [hostile.headline]
