"""Small builders for timeline test data, made with the ORM (no NLP)."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from newsline.nlp.temporal import modified_range
from newsline.timeline.models import Actor, Event, Mention, Source


def make_source(name: str = "bbc-article.txt", outlet: str = "BBC", published: date | None = date(2017, 2, 16),
                how: str = "printed", confidence: float = 0.9, text: str = "", title: str = "") -> Source:
    return Source.objects.create(
        key=hashlib.sha256(name.encode()).hexdigest(), file_name=name, title=title or f"Report in {name}",
        outlet=outlet, text=text, published=published, published_precision="day" if published else "", published_how=how,
        published_evidence=f"Published {published}" if published else "", published_confidence=confidence,
    )


def make_actor(name: str, kind: str = "person") -> Actor:
    return Actor.objects.get_or_create(name=name, defaults={"kind": kind})[0]


def make_event(headline: str, value: str = "2017-02-13", *, actors: tuple[str, ...] = (), source: Source | None = None,
               sentence: str = "", expression: str = "", mention_value: str = "", anchor: str = "absolute",
               rule: str = "", mod: str = "", **fields) -> Event:
    """An event dated `value` with one mention in `source`; the mention's sentence is appended to the source text."""
    event = Event(headline=headline, **fields)
    event.set_date(value, mod)
    event.save()
    event.actors.set([make_actor(name) for name in actors])
    if source is not None:
        add_mention(event, source, sentence or f"{headline} on {expression or value}.", expression or value,
                    mention_value or value, anchor=anchor, rule=rule)
    return event


def add_mention(event: Event, source: Source, sentence: str, expression: str, value: str, anchor: str = "absolute",
                rule: str = "") -> Mention:
    if sentence not in source.text:
        source.text = f"{source.text} {sentence}".strip()
        source.save()
    sentence_start = source.text.index(sentence)
    expression_start = sentence_start + sentence.index(expression)
    span = modified_range(value)
    return Mention.objects.create(
        event=event, source=source, key=hashlib.sha256(f"{event.pk}:{sentence}".encode()).hexdigest(),
        sentence=sentence, headline=event.headline, sentence_start=sentence_start,
        sentence_end=sentence_start + len(sentence), expression=expression, expression_start=expression_start,
        expression_end=expression_start + len(expression), date_value=value, date_start=span.start if span else None,
        date_end=span.end if span else None, anchor=anchor,
        anchor_date=source.published if anchor == "publication" else None,
        rule=rule,
    )


def make_many_events(count: int, source: Source, actors: list[Actor], first_day: date = date(2010, 1, 1)) -> None:
    """`count` day-dated events, a week apart, each with one mention and two actors, in a few bulk queries."""
    events = []
    for index in range(count):
        event = Event(headline=f"Event number {index}", importance=(index % 3) / 2)
        event.set_date((first_day + timedelta(days=7 * index)).isoformat())
        events.append(event)
    events = Event.objects.bulk_create(events, batch_size=500)
    through = Event.actors.through
    through.objects.bulk_create(
        [through(event_id=event.pk, actor_id=actors[(index + step) % len(actors)].pk)
         for index, event in enumerate(events) for step in range(min(2, len(actors)))],
        batch_size=1000,
    )
    Mention.objects.bulk_create(
        [Mention(event=event, source=source, key=f"bulk-{event.pk}", sentence=f"{event.headline} happened.",
                 sentence_start=0, sentence_end=10, date_value=event.date_value, date_start=event.date_start,
                 date_end=event.date_end, anchor="absolute") for event in events],
        batch_size=1000,
    )
