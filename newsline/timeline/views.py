from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from newsline.exports.formats import FORMATS
from newsline.nlp.temporal.values import MONTH_NAMES

from .caching import cached, public_page
from .forms import FilterForm, PageForm
from .models import Actor, Event, Mention, Source
from .scale import QUIET_MONTHS, build_overview, build_time_scale, describe_quiet
from .templatetags.timeline import query_string

PAGE_SIZE = 50
MONTH_PRECISIONS = ("day", "week", "month")
# Story mode's "one event per page" print-out stops here.
MAX_PRINTED_SLIDES = 500
EXPORT_FORMATS = [(name, export.menu) for name, export in FORMATS.items()]


@dataclass
class MonthGroup:
    """Consecutive events of one month (or, for events dated only to a year or longer, of one year)."""

    year: int | None
    month: int  # 0: the event is not dated to a month
    events: list[Event] = field(default_factory=list)
    starts_year: bool = False
    show_heading: bool = True
    quiet_before: str = ""

    @property
    def label(self) -> str:
        if self.year is None:
            return "Date unresolved"
        if self.month == 0:
            return "Not dated to a month"
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    @property
    def anchor(self) -> str:
        return "undated" if self.year is None else f"m{self.year}-{self.month:02d}"


def month_key(event: Event) -> tuple[int | None, int]:
    if event.date_start is None:
        return None, 0
    return event.date_start.year, event.date_start.month if event.precision in MONTH_PRECISIONS else 0


def quiet_stretch(before: tuple[int, int], after: tuple[int, int]) -> str:
    """The marker for a long stretch without events between two groups, or ""."""
    if before[1] == 0 or after[1] == 0:
        # A group dated only to a year says nothing about months: count whole empty years.
        empty_years = after[0] - before[0] - 1
        return describe_quiet(12 * empty_years) if empty_years >= 1 else ""
    empty_months = (after[0] * 12 + after[1]) - (before[0] * 12 + before[1]) - 1
    return describe_quiet(empty_months) if empty_months >= QUIET_MONTHS else ""


def group_by_month(events: list[Event], previous: Event | None = None) -> list[MonthGroup]:
    """Events (in chronological order) as month groups; `previous` is the event shown just before them."""
    groups: list[MonthGroup] = []
    last_key = month_key(previous) if previous else None
    for event in events:
        key = month_key(event)
        if key != last_key:
            year, month = key
            group = MonthGroup(year, month)
            group.starts_year = last_key is None or year != last_key[0]
            if last_key is not None and last_key[0] is not None and year is not None:
                group.quiet_before = quiet_stretch(last_key, key)
            groups.append(group)
            last_key = key
        elif not groups:
            # The page continues the month the previous page ended with: no heading again.
            groups.append(MonthGroup(*key, show_heading=False))
        groups[-1].events.append(event)
    return groups


def add_actor_links(events: list[Event], index_url: str, query: dict) -> None:
    """Each event's `actor_links`: its actors' names, each with the link that keeps the view's filters and shows only
    that actor's events (made once per actor on the page)."""
    links: dict[str, str] = {}
    for event in events:
        event.actor_links = []
        for actor in event.actors.all():
            if actor.name not in links:
                links[actor.name] = index_url + query_string(query, actor=actor.name)
            event.actor_links.append((actor.name, links[actor.name]))


def events_url() -> str:
    """Where event pages start ("/events/"): an event's page is this, its id and "/" (one URL lookup per page, not
    one per event)."""
    return reverse("timeline:event", args=[0]).removesuffix("0/")


def is_partial(request: HttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def query_without_dates(query: dict) -> dict:
    return {name: value for name, value in query.items() if name not in ("from", "to")}


@public_page
def index(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET)
    page = PageForm(request.GET).page_number()
    lanes_by_actor = request.GET.get("lanes") == "actor"
    visible = Event.objects.visible()
    events = form.filter(visible).chronological()
    query = form.as_query()
    total = cached(request, "count", sorted(query.items()), events.count)

    start = (page - 1) * PAGE_SIZE
    # One event before the page, so a page that continues a month does not repeat its heading.
    # The cards read of their mentions only how many sources there are and whether their dates disagree.
    mentions = Mention.objects.only("event_id", "source_id", "date_start", "date_end").order_by()
    rows = list(events.prefetch_related("actors", Prefetch("mentions", queryset=mentions))[
        max(start - 1, 0):start + PAGE_SIZE])
    previous = rows.pop(0) if start > 0 and rows else None
    filters = form.valid_filters()
    from_range, to_range = filters.get("date_from"), filters.get("date_to")
    overview_events = form.filter(visible, include_dates=False)
    overview = cached(request, "overview", sorted(query_without_dates(query).items()), lambda: build_overview(
        overview_events.date_span(), overview_events.count_per_month_or_year()))
    if lanes_by_actor:
        query["lanes"] = "actor"
    index_url = reverse("timeline:index")
    add_actor_links(rows, index_url, query)
    ctx = {
        "form": form,
        "query": query,
        "groups": group_by_month(rows, previous),
        "total": total,
        "shown_from": start + 1,
        "shown_until": start + len(rows),
        "page": page,
        "next_page": page + 1 if start + PAGE_SIZE < total else None,
        "focus_first": False,
        "scale": build_time_scale(rows, lanes_by_actor),
        "lanes_by_actor": lanes_by_actor,
        "overview": overview and overview.selecting(
            from_range.start if from_range else None, to_range.end if to_range else None
        ),
        "dates_filtered": bool(from_range or to_range),
        "active_filters": len(form.describe()),
        "export_formats": EXPORT_FORMATS,
        "search_text": filters.get("q", ""),
        "index_url": index_url,
        "events_url": events_url(),
    }
    if is_partial(request) and request.htmx.target == "load-more":
        ctx["focus_first"] = True
        return render(request, "timeline/index.html#more-events", ctx)
    if is_partial(request):
        return render(request, "timeline/index.html#events", ctx)

    selected_actors = {actor.pk for actor in filters.get("actor", [])}
    selected_sources = {source.pk for source in filters.get("source", [])}
    counts = cached(request, "actors", "", visible.count_per_actor)
    actors = [actor for actor in Actor.objects.only("name") if counts.get(actor.pk) or actor.pk in selected_actors]
    ctx["actors"] = [
        (actor, counts.get(actor.pk, 0), actor.pk in selected_actors)
        for actor in sorted(actors, key=lambda actor: (-counts.get(actor.pk, 0), actor.name))
    ]
    ctx["sources"] = [(source, source.pk in selected_sources) for source in Source.objects.defer("text")]
    return render(request, "timeline/index.html", ctx)


@public_page
def story(request: HttpRequest) -> HttpResponse:
    """One event per screen, for projecting in class: `?page=N` is the Nth event of the filtered timeline."""
    form = FilterForm(request.GET)
    events = form.filter(Event.objects.visible()).chronological()
    query = form.as_query()
    total = cached(request, "count", sorted(query.items()), events.count)
    position = min(PageForm(request.GET).page_number(), max(total, 1))
    event = events.for_cards()[position - 1:position].first() if total else None
    printing = request.GET.get("print") == "all"
    ctx = {
        "form": form,
        "query": query,
        "printing": printing,
        "slides": [
            (each, number, each.disagreeing_mentions())
            for number, each in enumerate(events.for_cards()[:MAX_PRINTED_SLIDES], start=1)
        ] if printing else [],
        "event": event,
        "disagreeing": event.disagreeing_mentions() if event else [],
        "position": position,
        "total": total,
        "previous": position - 1 if position > 1 else None,
        "next": position + 1 if position < total else None,
        "timeline_page": (position - 1) // PAGE_SIZE + 1,
    }
    return render(request, "timeline/story.html", ctx)


@public_page
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.visible().for_cards(), pk=event_id)
    ctx = {"event": event, "disagreeing": event.disagreeing_mentions()}
    if is_partial(request):
        return render(request, "timeline/event_detail.html#provenance", ctx)
    return render(request, "timeline/event_detail.html", ctx)


@public_page
def source_detail(request: HttpRequest, source_id: int) -> HttpResponse:
    mentions = Mention.objects.filter(event__in=Event.objects.visible()).select_related("event")
    sources = Source.objects.defer("html").prefetch_related(Prefetch("mentions", queryset=mentions))
    source = get_object_or_404(sources, pk=source_id)
    events = sorted(
        {mention.event for mention in source.mentions.all()}, key=lambda event: (event.date_start or date.max, event.pk)
    )
    ctx = {"source": source, "pieces": source.highlighted_text(), "events": events, "events_url": events_url()}
    return render(request, "timeline/source_detail.html", ctx)
