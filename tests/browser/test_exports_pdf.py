"""The handout and the card sort, printed to PDF by chromium and read back with pypdf."""

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from newsline.exports.formats import CARDS_PER_SHEET
from newsline.timeline.models import Event
from tests.exports.data import make_actor, make_event, make_source

pytestmark = pytest.mark.django_db(transaction=True)

SUMMARY = ("Delegates from both capitals argued over the wording of the clauses on trade, borders and the "
           "return of prisoners, and agreed to meet again once their governments had read the draft.")


def print_to_pdf(page, url: str, artifact) -> list[str]:
    """Each page's text, with whitespace collapsed so line wrapping does not matter."""
    page.goto(url)
    pdf = page.pdf(path=str(artifact), format="A4", print_background=True)
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def make_month_of_events(count: int, with_summary: bool) -> list[Event]:
    source = make_source("harbour-daily.txt", title="A year of talks", outlet="Harbour Daily Post",
                         published=date(2021, 1, 5))
    actor = make_actor("Casimir Dorn")
    return [
        make_event(f"Round {number} of the harbour talks ends", f"2020-{(number % 12) + 1:02d}-{(number % 27) + 1:02d}",
                   summary=SUMMARY if with_summary else "", actors=(actor,),
                   cited=((source, f"Round {number} ended.", "that day"),))
        for number in range(count)
    ]


def test_handout_prints_to_several_pages_without_splitting_an_event(live_server, page, artifacts_dir):
    make_month_of_events(30, with_summary=True)
    make_event("Harbour talks outcome still unknown", "")
    texts = print_to_pdf(page, f"{live_server.url}/export/handout/?actor=Casimir+Dorn", artifacts_dir / "handout.pdf")
    assert len(texts) >= 3, "thirty events with summaries cannot fit on two A4 pages"
    assert texts[0].startswith("Newsline timeline: Actors: Casimir Dorn")
    assert "Filters used: Actors: Casimir Dorn" in texts[0]
    assert "Use your browser" not in " ".join(texts), "the on-screen print hint is hidden in print"
    events = list(Event.objects.filter(actors__name="Casimir Dorn").chronological())
    positions = []
    for event in events:
        block = f"{event.display_date} {event.headline} {SUMMARY} Actors: Casimir Dorn Sources: [1] Harbour Daily Post"
        pages_with_event = [i for i, text in enumerate(texts) if block in text]
        assert len(pages_with_event) == 1, f"{event.headline} is split across pages or missing"
        positions.append((pages_with_event[0], texts[pages_with_event[0]].index(event.headline)))
    assert positions == sorted(positions), "events print in date order"
    assert "Sources 1. Harbour Daily Post, “A year of talks”. Published Tue 5 Jan 2021." in texts[-1]
    assert "Harbour talks outcome still unknown" not in " ".join(texts), "the actor filter is applied"


def test_card_sort_prints_cards_then_an_answer_key_page(live_server, page, artifacts_dir):
    events = make_month_of_events(12, with_summary=False)
    make_event("Talks adjourned to a date not yet fixed", "", actors=tuple(events[0].actors.all()))
    texts = print_to_pdf(page, f"{live_server.url}/export/cards/", artifacts_dir / "card-sort.pdf")
    card_pages = -(-12 // CARDS_PER_SHEET)
    assert len(texts) == card_pages + 1
    dated = list(Event.objects.filter(date_start__isnull=False).chronological())
    for text in texts[:card_pages]:
        assert "Cut out the cards" in text
        assert not any(event.display_date in text for event in dated), "no dates on the cards"
        assert not re.search(r"\b2020\b", text)
    cards_text = " ".join(texts[:card_pages])
    assert all(cards_text.count(f"Round {n} of the harbour talks ends") == 1 for n in range(12))
    key = texts[-1]
    assert key.startswith("Answer key")
    positions = [key.index(f"{event.display_date}: card") for event in dated]
    assert positions == sorted(positions), "the answer key is in date order"
    assert "1 event with an unresolved date is left out." in key
