from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.vary import vary_on_headers

from newsline.nlp.temporal.values import MONTH_NAMES

from .forms import FilterForm, PageForm
from .models import Actor, Event, Mention, Source

PAGE_SIZE = 50
# This many empty months between two events get a "— 2 years —" marker.
QUIET_MONTHS = 6
# Above this many months the overview counts years instead, so bars stay wide enough to click.
MAX_OVERVIEW_MONTHS = 240
MONTH_PRECISIONS = ("day", "week", "month")
EXPORT_FORMATS = [
    ("handout", "Printable handout"),
    ("csv", "Spreadsheet (CSV)"),
    ("json", "JSON"),
    ("timelinejs", "TimelineJS (JSON)"),
    ("timelinejs-csv", "TimelineJS (spreadsheet CSV)"),
    ("ics", "Calendar (ICS)"),
    ("md", "Markdown"),
    ("cards", "Revision cards"),
]


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


def describe_quiet(months: int) -> str:
    if months < 12:
        return f"{months} months"
    years = round(months / 12)
    return f"{years} year" if years == 1 else f"{years} years"


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


@dataclass
class OverviewBar:
    index: int
    count: int
    height: float
    label: str
    period: str  # a from/to value: "2017-02" or "2017"
    selected: bool

    # SVG coordinates as plain strings: the template would otherwise localize every number.
    @property
    def x(self) -> str:
        return f"{self.index + 0.1:g}"

    @property
    def y(self) -> str:
        return f"{100 - self.height:g}"

    @property
    def bar_height(self) -> str:
        return f"{self.height:g}"


@dataclass
class Overview:
    bars: list[OverviewBar]
    bins: int
    years: list[tuple[float, int]]  # (left edge in percent, year) for the axis labels
    by_year: bool

    @property
    def first_year(self) -> int:
        return self.years[0][1]

    @property
    def last_year(self) -> int:
        return self.years[-1][1]


def build_overview(events: QuerySet[Event], selected_start: date | None, selected_end: date | None) -> Overview | None:
    """Bars of events per month (per year over long spans) across the whole span of `events`."""
    first, last = events.date_span()
    if first is None or last is None:
        return None
    months = (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1
    by_year = months > MAX_OVERVIEW_MONTHS
    cells = []
    for period, count in events.count_per_period(by_year=by_year):
        year, month = int(period[:4]), int(period[5:7] or 0) if not by_year else 0
        if by_year:
            index, label, start, end = year - first.year, period, date(year, 1, 1), date(year + 1, 1, 1)
        else:
            index = (year * 12 + month) - (first.year * 12 + first.month)
            label = f"{MONTH_NAMES[month - 1]} {year}"
            start, end = date(year, month, 1), date(year + month // 12, month % 12 + 1, 1)
        selected = (selected_start is not None or selected_end is not None) and (
            (selected_start is None or end > selected_start) and (selected_end is None or start <= selected_end)
        )
        cells.append((index, label, period, selected, count))
    if not cells:
        return None
    bins = (last.year - first.year + 1) if by_year else months
    tallest = max(cell[4] for cell in cells)
    bars = [
        OverviewBar(index=index, count=count, height=round(max(4.0, 100 * count / tallest), 2), label=label,
                    period=period, selected=selected)
        for index, label, period, selected, count in cells
    ]
    span_years = last.year - first.year + 1
    step = max(1, -(-span_years // 8))
    years = []
    for year in range(first.year, last.year + 1, step):
        offset = (year - first.year) if by_year else max(0, (year * 12 + 1) - (first.year * 12 + first.month))
        years.append((round(100 * offset / bins, 2), year))
    return Overview(bars=bars, bins=bins, years=years, by_year=by_year)


def is_partial(request: HttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


@vary_on_headers("HX-Request", "HX-Target", "HX-History-Restore-Request")
def index(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET)
    page = PageForm(request.GET).page_number()
    visible = Event.objects.visible()
    events = form.filter(visible).chronological()
    total = events.count()

    start = (page - 1) * PAGE_SIZE
    # One event before the page, so a page that continues a month does not repeat its heading.
    rows = list(events.for_cards()[max(start - 1, 0):start + PAGE_SIZE])
    previous = rows.pop(0) if start > 0 and rows else None
    filters = form.valid_filters()
    from_range, to_range = filters.get("date_from"), filters.get("date_to")
    query = form.as_query()
    ctx = {
        "form": form,
        "query": query,
        "groups": group_by_month(rows, previous),
        "total": total,
        "shown_until": start + len(rows),
        "page": page,
        "next_page": page + 1 if start + PAGE_SIZE < total else None,
        "focus_first": False,
        "overview": build_overview(
            form.filter(visible, include_dates=False),
            from_range.start if from_range else None,
            to_range.end if to_range else None,
        ),
        "dates_filtered": bool(from_range or to_range),
        "export_formats": EXPORT_FORMATS,
    }
    if is_partial(request) and request.htmx.target == "load-more":
        ctx["focus_first"] = True
        return render(request, "timeline/index.html#more-events", ctx)
    if is_partial(request):
        return render(request, "timeline/index.html#events", ctx)

    selected_actors = {actor.pk for actor in filters.get("actor", [])}
    selected_sources = {source.pk for source in filters.get("source", [])}
    counts = visible.count_per_actor()
    actors = [actor for actor in Actor.objects.only("name") if counts.get(actor.pk) or actor.pk in selected_actors]
    ctx["actors"] = [
        (actor, counts.get(actor.pk, 0), actor.pk in selected_actors)
        for actor in sorted(actors, key=lambda actor: (-counts.get(actor.pk, 0), actor.name))
    ]
    ctx["sources"] = [(source, source.pk in selected_sources) for source in Source.objects.defer("text")]
    return render(request, "timeline/index.html", ctx)


@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.visible().for_cards(), pk=event_id)
    ctx = {"event": event, "disagreeing": event.disagreeing_mentions()}
    if is_partial(request):
        return render(request, "timeline/event_detail.html#provenance", ctx)
    return render(request, "timeline/event_detail.html", ctx)


def source_detail(request: HttpRequest, source_id: int) -> HttpResponse:
    mentions = Mention.objects.filter(event__in=Event.objects.visible()).select_related("event")
    source = get_object_or_404(Source.objects.prefetch_related(Prefetch("mentions", queryset=mentions)), pk=source_id)
    events = sorted(
        {mention.event for mention in source.mentions.all()}, key=lambda event: (event.date_start or date.max, event.pk)
    )
    ctx = {"source": source, "pieces": source.highlighted_text(), "events": events}
    return render(request, "timeline/source_detail.html", ctx)
