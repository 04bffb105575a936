"""Test data for the exports, made with the ORM (no NLP): invented outlets, people and events."""

from __future__ import annotations

import hashlib
from datetime import date
from itertools import count

from newsline.timeline.models import Actor, Event, Mention, Source

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
_serial = count(1)


def make_source(file_name: str, *, title: str = "", outlet: str = "", published: date | None = None,
                precision: str = "day", how: str = "front_matter") -> Source:
    return Source.objects.create(
        key=hashlib.sha256(file_name.encode()).hexdigest(), file_name=file_name, title=title, outlet=outlet,
        text=f"Text of {file_name}.", published=published, published_precision=precision if published else "",
        published_how=how, published_confidence=0.9 if published else 0.0,
    )


def make_actor(name: str, kind: str = "person") -> Actor:
    return Actor.objects.create(name=name, kind=kind)


def make_event(headline: str, value: str = "", *, mod: str = "", approximate: bool = False, summary: str = "",
               actors: tuple[Actor, ...] = (), cited: tuple[tuple[Source, str, str], ...] = (),
               importance: float = 0.5, status: str = Event.Status.AUTO, planned: bool = False,
               confidence: float = 0.8) -> Event:
    """An event with its date set like ingestion does, and one Mention per (source, sentence, expression)."""
    event = Event(headline=headline, summary=summary, importance=importance, status=status, planned=planned,
                  confidence=confidence)
    if value:
        event.set_date(value, mod, approximate)
    event.save()
    event.actors.set(actors)
    for source, sentence, expression in cited:
        serial = next(_serial)
        Mention.objects.create(
            event=event, source=source, key=f"m{serial}", sentence=sentence, headline=headline,
            sentence_start=serial * 100, sentence_end=serial * 100 + len(sentence), expression=expression,
            date_value=value, date_start=event.date_start, date_end=event.date_end,
        )
    return event


def newsroom() -> dict:
    """Two outlets, three actors and seven events at different precisions (one rejected, one undated)."""
    gazette = make_source("gazette-summit.txt", title="Leaders meet at the lake", outlet="Lakeside Gazette",
                          published=date(2019, 3, 14))
    courier = make_source("courier-talks.txt", title="Talks drag on", outlet="Hill Courier",
                          published=date(2019, 6, 2))
    undated = make_source("undated-notes.txt", title="Background notes", outlet="", published=None, how="unknown")
    ames = make_actor("Alma Ames")
    berg = make_actor("Bruno Berg")
    ruritania = make_actor("Ruritania", "country")
    events = {
        "treaty": make_event("Treaty drafted in secret", "2018", summary="A first draft was written.",
                             actors=(ruritania,), cited=((courier, "The treaty was drafted in 2018.", "in 2018"),),
                             importance=0.3),
        "summit": make_event("Ames and Berg meet at the lake", "2019-03-13", summary="The two leaders met.",
                             actors=(ames, berg), importance=0.9,
                             cited=((gazette, "Ames met Berg on Wednesday.", "Wednesday"),
                                    (courier, "The March 13 summit opened the talks.", "March 13"))),
        "week": make_event("Delegations trade proposals", "2019-W12", actors=(berg,), importance=0.4,
                           cited=((gazette, "Proposals went back and forth next week.", "next week"),)),
        "late_may": make_event("Ames walks out of the talks", "2019-05", mod="END", actors=(ames,), importance=0.7,
                               cited=((courier, "Ames walked out in late May.", "late May"),)),
        "planned": make_event("A second summit is planned", "2019-09", approximate=True, planned=True,
                              actors=(ames, berg), importance=0.8,
                              cited=((courier, "They plan to meet again around September.", "around September"),)),
        "undated": make_event("Aides disagree about the agenda", "", actors=(berg,), importance=0.2,
                              cited=((undated, "Aides disagreed.", ""),)),
        "rejected": make_event("Spurious event", "2019-04-01", actors=(ames,), status=Event.Status.REJECTED,
                               cited=((gazette, "Not an event.", "April 1"),)),
    }
    return {"sources": {"gazette": gazette, "courier": courier, "undated": undated},
            "actors": {"ames": ames, "berg": berg, "ruritania": ruritania}, "events": events}


def hostile_article() -> Event:
    """An article whose every text field carries script and formula payloads."""
    source = make_source(f"{SCRIPT}.txt", title=f"Title {SCRIPT}", outlet=f"Outlet {IMG}", published=date(2020, 1, 2))
    actor = make_actor(f"Mallory {IMG}", "group")
    return make_event(
        f"{SCRIPT} storms the [site](javascript:alert(1))", "2020-01-01", summary=f"=HYPERLINK(\"x\") {IMG}",
        actors=(actor,), cited=((source, f"They said {SCRIPT} and {IMG} on *New Year's Day*.", f"{IMG}"),),
    )


def download(client, export_format: str, query: str = "") -> tuple[object, bytes]:
    """GET /export/<format>/?query; the response and its whole body (streamed or not)."""
    response = client.get(f"/export/{export_format}/" + (f"?{query}" if query else ""))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def visible_in_order(*events: Event) -> list[int]:
    """Primary keys of the given events as the exports order them (database order, undated last)."""
    return list(Event.objects.filter(pk__in=[e.pk for e in events]).visible().chronological().values_list("pk", flat=True))
