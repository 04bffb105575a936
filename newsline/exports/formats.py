"""Teacher exports: one plain function per format, each turning a Selection into pieces of text.

Every format carries the page's facts (dates at their precision, sources with publication dates) and keeps
article text inert: HTML is autoescaped, Markdown and TimelineJS text are escaped, CSV cells that a
spreadsheet would run as a formula are neutralised, JSON goes through json.dumps, iCalendar through icalendar.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import icalendar
from django.db.models import F, Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.text import slugify

from newsline.nlp.temporal.values import MONTH_ABBR, format_day
from newsline.timeline.models import Actor, Event, Mention, Source

CHUNK_SIZE = 500
CARDS_PER_SHEET = 8


@dataclass(frozen=True)
class Selection:
    """The events of one export: filtered, visible and in date order (unresolved dates last)."""

    events: QuerySet[Event]
    filters: dict[str, Any]
    described: list[str]
    generated_at: datetime
    notices: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def iter_events(self) -> Iterator[Event]:
        """Events with their actors and cited sources, fetched in chunks so memory stays bounded."""
        # Without the article texts: a source's whole text would otherwise be read once per mention.
        mentions = Prefetch("mentions", queryset=Mention.objects.select_related("source").defer("source__text"))
        return self.events.prefetch_related("actors", mentions).iterator(chunk_size=CHUNK_SIZE)

    def sources(self) -> list[Source]:
        """The sources cited by the exported events, oldest publication first.

        An export of the whole timeline lists every article, also those that gave no event, so that
        its reader sees every publication date Newsline holds (and which articles still need one).
        """
        if self.filters:
            sources = Source.objects.filter(mentions__event__in=self.events.order_by().values("pk")).distinct()
        else:
            sources = Source.objects.all()
        return list(sources.defer("text").order_by(F("published").asc(nulls_last=True), "file_name"))

    def undated_count(self) -> int:
        return self.events.filter(date_start__isnull=True).count()

    def undated_note(self) -> str:
        """What calendars, TimelineJS and cards leave out, since they cannot place an event without a date."""
        count = self.undated_count()
        if not count:
            return ""
        return f"{count} event{'s' if count > 1 else ''} with an unresolved date {'are' if count > 1 else 'is'} left out."

    @property
    def title(self) -> str:
        return "Newsline timeline: " + "; ".join(self.described) if self.described else "Newsline timeline"


# Small shared pieces -------------------------------------------------------------------------------------


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def published_label(source: Source) -> str:
    """The publication date at the precision it is known: "Mon 13 Feb 2017", "Feb 2017", "2017"."""
    day = source.published
    if day is None:
        return "date unknown"
    if source.published_precision == "year":
        return str(day.year)
    if source.published_precision == "month":
        return f"{MONTH_ABBR[day.month - 1]} {day.year}"
    return format_day(day)


def short_citation(source: Source) -> str:
    """"Outlet, Mon 13 Feb 2017": enough for a reader to find the article in the source list."""
    return f"{source.display_name}, {published_label(source)}"


def cited_sources(event: Event) -> list[Source]:
    """Each source that reports the event, once, in the order of its mentions."""
    seen: dict[int, Source] = {}
    for mention in event.mentions.all():
        seen.setdefault(mention.source_id, mention.source)
    return list(seen.values())


def one_line(text: str) -> str:
    return " ".join(text.split())


def seeded_random(filters: dict[str, Any]) -> random.Random:
    """A generator seeded from the filters, so the same view always shuffles the same way."""
    digest = hashlib.sha256(json.dumps(filters, sort_keys=True).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def file_slug(filters: dict[str, Any], limit: int = 80) -> str:
    """The filters in a file name: "actor-dmitri-volkonsky-from-2017"; "all-events" with none."""
    parts = []
    for key, value in filters.items():
        shown = "-".join(value) if isinstance(value, list) else ("" if value is True else str(value))
        parts.append(f"{key}-{shown}" if shown else key)
    slug = slugify(" ".join(parts)) or "all-events"
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


# JSON ----------------------------------------------------------------------------------------------------


def dumps(value: Any) -> str:
    """JSON with <, > and & as \\u escapes: same data, and inert even if pasted into an HTML page."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.pk,
        "title": event.headline,
        "summary": event.summary,
        "date": {
            "value": event.date_value or None,
            "start": iso(event.date_start),
            "end": iso(event.date_end),
            "precision": event.precision or None,
            "display": event.display_date,
            "approximate": event.approximate,
        },
        "actors": [{"name": actor.name, "kind": actor.kind} for actor in event.actors.all()],
        "sources": [
            {
                "file": mention.source.file_name,
                "outlet": mention.source.outlet,
                "title": mention.source.title,
                "published": iso(mention.source.published),
                "quote": mention.sentence,
                "expression": mention.expression,
            }
            for mention in event.mentions.all()
        ],
        "status": event.status,
        "confidence": event.confidence,
    }


def source_record(source: Source) -> dict[str, Any]:
    return {
        "file": source.file_name,
        "title": source.title,
        "outlet": source.outlet,
        "published": iso(source.published),
        "published_how": source.published_how,
        "published_confidence": source.published_confidence,
    }


def json_export(selection: Selection) -> Iterator[str]:
    yield '{"events": ['
    for index, event in enumerate(selection.iter_events()):
        yield ("" if index == 0 else ", ") + dumps(event_record(event))
    yield '], "sources": ' + dumps([source_record(source) for source in selection.sources()])
    yield ', "filters": ' + dumps(selection.filters)
    yield ', "generated_at": ' + dumps(selection.generated_at.isoformat()) + "}\n"


# CSV -----------------------------------------------------------------------------------------------------

CSV_COLUMNS = ["id", "date value", "start", "end", "precision", "display date", "headline", "summary", "actors", "sources"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """A spreadsheet cell that is never run as a formula (OWASP: prefix a quote)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    """A file-like object whose write() hands the line back, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def csv_export(selection: Selection) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    for event in selection.iter_events():
        sources = "; ".join(
            f"{source.display_name}: {source.title} (published {iso(source.published) or 'unknown'})"
            for source in cited_sources(event)
        )
        yield writer.writerow(
            [
                event.pk,
                cell(event.date_value),
                iso(event.date_start) or "",
                iso(event.date_end) or "",
                event.precision,
                cell(event.display_date),
                cell(event.headline),
                cell(event.summary),
                cell("; ".join(actor.name for actor in event.actors.all())),
                cell(sources),
            ]
        )


# TimelineJS ----------------------------------------------------------------------------------------------

DATE_PARTS = {
    "day": ("year", "month", "day"),
    "week": ("year", "month", "day"),
    "month": ("year", "month"),
    "season": ("year", "month"),
    "quarter": ("year", "month"),
    "half": ("year", "month"),
}


def timelinejs_dates(event: Event) -> tuple[dict[str, int], dict[str, int] | None]:
    """Start and end as TimelineJS date objects, with month and day only as far as the precision goes."""
    assert event.date_start and event.date_end
    parts = DATE_PARTS.get(event.precision, ("year",))
    start = {part: getattr(event.date_start, part) for part in parts}
    end = {part: getattr(event.date_end, part) for part in parts}
    return start, (end if end != start else None)


def timelinejs_text(event: Event) -> str:
    """The slide's body: TimelineJS shows it as HTML, so every piece of article text is escaped."""
    paragraphs = [f"<p>{escape(event.summary)}</p>"] if event.summary else []
    citations = "; ".join(escape(short_citation(source)) for source in cited_sources(event))
    if citations:
        paragraphs.append(f"<p><small>Sources: {citations}</small></p>")
    return "".join(paragraphs)


def actor_event_counts(selection: Selection) -> dict[int, int]:
    """Each actor's number of events in the export: an event's group is its busiest actor."""
    actors = Actor.objects.filter(events__in=selection.events.order_by().values("pk"))
    return dict(Counter(actors.values_list("pk", flat=True)))


def event_group(event: Event, event_counts: dict[int, int]) -> str:
    actors = sorted(event.actors.all(), key=lambda actor: (-event_counts.get(actor.pk, 0), actor.name))
    return actors[0].name if actors else ""


def title_text(selection: Selection) -> str:
    filters = "; ".join(selection.described) or "all events"
    note = f" {undated}" if (undated := selection.undated_note()) else ""
    return f"<p>Filters: {escape(filters)}. Generated by Newsline on {selection.generated_at:%d %b %Y}.{note}</p>"


def timelinejs_export(selection: Selection) -> Iterator[str]:
    """TimelineJS3's JSON format (timeline.knightlab.com/docs/json-format.html); undated events are left out."""
    title = {"text": {"headline": escape(selection.title), "text": title_text(selection)}}
    yield '{"title": ' + dumps(title) + ', "events": ['
    event_counts = actor_event_counts(selection)
    first = True
    for event in selection.iter_events():
        if not event.date_start:
            continue
        start, end = timelinejs_dates(event)
        slide: dict[str, Any] = {"start_date": start}
        if end:
            slide["end_date"] = end
        slide |= {
            "display_date": escape(event.display_date),
            "text": {"headline": escape(event.headline), "text": timelinejs_text(event)},
            "group": escape(event_group(event, event_counts)),
            "unique_id": f"event-{event.pk}",
        }
        yield ("" if first else ", ") + dumps(slide)
        first = False
    yield "]}\n"


TIMELINEJS_COLUMNS = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date", "Headline",
    "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background",
]


def timelinejs_csv_export(selection: Selection) -> Iterator[str]:
    """The columns of TimelineJS's Google Sheets template, title row first, for pasting into a sheet."""
    writer = csv.writer(_Echo())
    yield writer.writerow(TIMELINEJS_COLUMNS)
    title = {"Headline": escape(selection.title), "Text": title_text(selection), "Type": "title"}
    yield writer.writerow([cell(title.get(column, "")) for column in TIMELINEJS_COLUMNS])
    event_counts = actor_event_counts(selection)
    for event in selection.iter_events():
        if not event.date_start:
            continue
        start, end = timelinejs_dates(event)
        row = {
            "Year": start["year"], "Month": start.get("month", ""), "Day": start.get("day", ""),
            "End Year": end["year"] if end else "", "End Month": end.get("month", "") if end else "",
            "End Day": end.get("day", "") if end else "",
            "Display Date": cell(escape(event.display_date)),
            "Headline": cell(escape(event.headline)),
            "Text": cell(timelinejs_text(event)),
            "Group": cell(escape(event_group(event, event_counts))),
        }
        yield writer.writerow([row.get(column, "") for column in TIMELINEJS_COLUMNS])


# iCalendar -----------------------------------------------------------------------------------------------


def ics_description(event: Event) -> str:
    lines = [f"Date: {event.display_date}"]
    if event.summary:
        lines += ["", event.summary]
    mentions = list(event.mentions.all())
    if mentions:
        lines += ["", "Sources:"]
        for mention in mentions:
            lines.append(f"- {short_citation(mention.source)}, “{mention.source.title}”: “{one_line(mention.sentence)}”")
    return "\n".join(lines)


def ics_export(selection: Selection) -> Iterator[str]:
    """RFC 5545: one all-day VEVENT per dated event (DTEND is exclusive, so it is the day after the end)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Newsline//Timeline export//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", selection.title)
    if note := selection.undated_note():
        calendar.add("x-wr-caldesc", note)
    header = calendar.to_ical().decode()
    closing = "END:VCALENDAR\r\n"
    assert header.endswith(closing)
    yield header[: -len(closing)]
    for event in selection.iter_events():
        if not event.date_start or not event.date_end:
            continue
        entry = icalendar.Event()
        entry.add("uid", f"newsline-event-{event.pk}")
        entry.add("dtstamp", selection.generated_at)
        entry.add("dtstart", event.date_start)
        if event.date_end < date.max:
            entry.add("dtend", event.date_end + timedelta(days=1))
        else:
            # The day after 31 Dec 9999 has no date: the same span as a duration.
            entry.add("duration", event.date_end - event.date_start + timedelta(days=1))
        entry.add("summary", event.headline)
        entry.add("description", ics_description(event))
        entry.add("transp", "TRANSPARENT")
        if actors := [actor.name for actor in event.actors.all()]:
            entry.add("categories", actors)
        yield entry.to_ical().decode()
    yield closing


# Markdown ------------------------------------------------------------------------------------------------

MARKDOWN_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {char: "\\" + char for char in "\\`*_[]~|!#"}
MARKDOWN_SPECIAL = re.compile("[" + re.escape("".join(MARKDOWN_ESCAPES)) + "]")


def md(text: str) -> str:
    """Article text as inert Markdown on one line: HTML characters as entities, Markdown syntax escaped."""
    return MARKDOWN_SPECIAL.sub(lambda m: MARKDOWN_ESCAPES[m[0]], one_line(text))


def markdown_export(selection: Selection) -> Iterator[str]:
    sources = selection.sources()
    numbers = {source.pk: index for index, source in enumerate(sources, 1)}
    yield f"# {md(selection.title)}\n\n"
    yield f"Filters: {md('; '.join(selection.described) or 'none (all events)')}  \n"
    yield f"Generated by Newsline on {selection.generated_at:%d %b %Y}.\n\n## Events\n\n"
    for event in selection.iter_events():
        yield f"- **{md(event.display_date)}**: {md(event.headline)}"
        if event.summary:
            yield f"  \n  {md(event.summary)}"
        if actors := [actor.name for actor in event.actors.all()]:
            yield f"  \n  Actors: {md(', '.join(actors))}"
        if cited := cited_sources(event):
            yield "  \n  Sources: " + "; ".join(f"\\[{numbers[s.pk]}\\] {md(short_citation(s))}" for s in cited)
        yield "\n"
    yield "\n## Sources\n\n"
    for source in sources:
        title = f", “{md(source.title)}”" if source.title else ""
        yield f"{numbers[source.pk]}. {md(source.display_name)}{title}, published {md(published_label(source))} ({md(source.file_name)})\n"


# Printable HTML: handout and card sort -------------------------------------------------------------------


def handout_export(selection: Selection) -> Iterator[str]:
    sources = selection.sources()
    numbers = {source.pk: index for index, source in enumerate(sources, 1)}
    events = [
        {"event": event, "citations": [(numbers[s.pk], short_citation(s)) for s in cited_sources(event)]}
        for event in selection.iter_events()
    ]
    sources_shown = [{"number": numbers[s.pk], "source": s, "published": published_label(s)} for s in sources]
    context = {"selection": selection, "events": events, "sources": sources_shown}
    yield render_to_string("exports/handout.html", context)


def card_sort_export(selection: Selection) -> Iterator[str]:
    """Headline cards in a shuffled order seeded from the filters, then an answer key in date order."""
    dated = [event for event in selection.iter_events() if event.date_start]
    shuffled = dated[:]
    seeded_random(selection.filters).shuffle(shuffled)
    card_numbers = {event.pk: number for number, event in enumerate(shuffled, 1)}
    cards = [{"number": card_numbers[event.pk], "event": event} for event in shuffled]
    sheets = [cards[i : i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]
    answers = [{"number": card_numbers[event.pk], "event": event} for event in dated]
    context = {"selection": selection, "sheets": sheets, "answers": answers, "undated_note": selection.undated_note()}
    yield render_to_string("exports/cards.html", context)


# The formats ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    render: Callable[[Selection], Iterable[str]]
    content_type: str
    extension: str
    label: str
    description: str
    inline: bool = False
    #: The link text in the timeline's "Export this view" menu.
    menu: str = ""

    def file_name(self, selection: Selection) -> str:
        """"newsline-timeline-actor-dmitri-volkonsky-2026-11-23.csv": what was exported, and when."""
        day = selection.generated_at.date().isoformat()
        return f"newsline-{self.label}-{file_slug(selection.filters)}-{day}.{self.extension}"


FORMATS: dict[str, Format] = {
    "handout": Format(
        handout_export, "text/html; charset=utf-8", "html", "handout", "printable handout", inline=True,
        menu="Printable handout",
    ),
    "csv": Format(csv_export, "text/csv; charset=utf-8", "csv", "timeline", "CSV spreadsheet", menu="Spreadsheet (CSV)"),
    "json": Format(json_export, "application/json", "json", "timeline", "JSON data", menu="JSON"),
    "timelinejs": Format(
        timelinejs_export, "application/json", "json", "timelinejs", "TimelineJS3 JSON", menu="TimelineJS (JSON)"
    ),
    "timelinejs-csv": Format(
        timelinejs_csv_export, "text/csv; charset=utf-8", "csv", "timelinejs-sheet", "TimelineJS Google Sheets rows",
        menu="TimelineJS (spreadsheet CSV)",
    ),
    "ics": Format(ics_export, "text/calendar; charset=utf-8", "ics", "timeline", "iCalendar", menu="Calendar (ICS)"),
    "md": Format(markdown_export, "text/markdown; charset=utf-8", "md", "timeline", "Markdown", menu="Markdown"),
    "cards": Format(
        card_sort_export, "text/html; charset=utf-8", "html", "card-sort", "card-sort activity", inline=True,
        menu="Revision cards",
    ),
}
