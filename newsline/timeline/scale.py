"""The time-scaled drawing of a page of events (segments, breaks, rows, actor lanes) and the overview of every event."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newsline.nlp.temporal.values import MONTH_NAMES

from .models import Actor, Event

# This many empty months between two events get a "— 2 years —" marker.
QUIET_MONTHS = 6
# From this many months the overview counts years (or longer stretches), so there are at most MAX_OVERVIEW_BARS.
MAX_OVERVIEW_MONTHS = 120
MAX_OVERVIEW_BARS = 60

# The time-scaled view and the overview are SVGs in these user units; the page scales them.
SCALE_WIDTH = 1000
LANE_LABEL_WIDTH = 150
BREAK_WIDTH = 60
MIN_SEGMENT_WIDTH = 40
ROW_HEIGHT = 18
AXIS_HEIGHT = 40
MAX_ROWS = 6
MAX_LANE_ROWS = 3
LANE_ACTORS = 5
# A gap between events wider than this share of the whole span (and than QUIET_MONTHS) is drawn as a break.
BREAK_SHARE = 0.15
OVERVIEW_BAR_HEIGHT = 56
BOUND_TAIL = 28
MONTH_ABBR = [name[:3] for name in MONTH_NAMES]


@dataclass
class Segment:
    """A stretch of time drawn to scale; stretches are separated by breaks."""

    start: date
    end: date  # exclusive
    x: float
    width: float

    def position(self, day: date) -> float:
        share = (day - self.start).days / max((self.end - self.start).days, 1)
        return round(self.x + self.width * min(max(share, 0.0), 1.0), 1)


@dataclass
class ScaleMark:
    event: Event
    x: float
    x_end: float
    y: float = 0.0
    point: bool = True
    bound: str = ""  # "before" ("by 3 May") or "after" ("from 3 May"): the date is only a limit

    @property
    def width(self) -> float:
        return round(max(self.x_end - self.x, 3.0), 1)

    @property
    def tail_x(self) -> float:
        return round(self.x - BOUND_TAIL if self.bound == "before" else self.x_end + BOUND_TAIL, 1)

    @property
    def occupies(self) -> tuple[float, float]:
        left, right = (self.x - 7, self.x + 7) if self.point else (self.x - 2, self.x + self.width + 2)
        if self.bound == "before":
            left -= BOUND_TAIL
        elif self.bound == "after":
            right += BOUND_TAIL
        return left, right


@dataclass
class ScaleTick:
    x: float
    label: str
    major: bool


@dataclass
class ScaleBreak:
    x: float
    label: str


@dataclass
class ScaleMore:
    """Events too close together to draw: "+3", a link that zooms in on them."""

    x: float
    y: float
    count: int
    period_from: str
    period_to: str


@dataclass
class ScaleLane:
    label: str
    title: str
    y: float
    height: float


@dataclass
class TimeScale:
    marks: list[ScaleMark]
    ticks: list[ScaleTick]
    breaks: list[ScaleBreak]
    more: list[ScaleMore]
    lanes: list[ScaleLane]
    left: float
    height: float
    first: date
    last: date

    @property
    def axis_y(self) -> float:
        return self.height - AXIS_HEIGHT

    @property
    def drawn(self) -> int:
        return len({mark.event.pk for mark in self.marks})


def event_span(event: Event) -> tuple[date, date]:
    """The days an event covers, end exclusive."""
    end = event.date_end or event.date_start
    return event.date_start, end + timedelta(days=1) if end < date.max else end


def scale_segments(spans: list[tuple[date, date]], left: float, right: float) -> list[Segment]:
    """Stretches of time with events, long empty gaps between them left out; each as wide as its share of time."""
    spans = sorted(spans)
    whole = (max(end for _, end in spans) - spans[0][0]).days
    longest_gap = max(timedelta(days=QUIET_MONTHS * 30.5), timedelta(days=whole * BREAK_SHARE))
    clusters: list[list[date]] = []
    for start, end in spans:
        if clusters and start - clusters[-1][1] <= longest_gap:
            clusters[-1][1] = max(clusters[-1][1], end)
        else:
            clusters.append([start, end])
    available = right - left - BREAK_WIDTH * (len(clusters) - 1) - MIN_SEGMENT_WIDTH * len(clusters)
    total_days = sum((end - start).days for start, end in clusters)
    segments, x = [], left
    for start, end in clusters:
        width = MIN_SEGMENT_WIDTH + available * (end - start).days / total_days
        segments.append(Segment(start, end, x, width))
        x += width + BREAK_WIDTH
    return segments


def segment_ticks(segment: Segment) -> list[ScaleTick]:
    """Year ticks (labelled) and, where months are wide enough, month ticks."""
    per_month = segment.width / max((segment.end - segment.start).days / 30.44, 1 / 30.44)
    start = segment.start
    wide_enough = start.month > 1 and per_month >= 6
    first_label = f"{MONTH_ABBR[start.month - 1]} {start.year}" if wide_enough else str(start.year)
    ticks = [ScaleTick(round(segment.x, 1), first_label, True)]
    month = date(segment.start.year, segment.start.month, 1)
    while month < date(9999, 12, 1):
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        if month >= segment.end:
            break
        if month.month == 1:
            ticks.append(ScaleTick(segment.position(month), str(month.year), True))
        elif per_month >= 6:
            label = MONTH_ABBR[month.month - 1] if per_month >= 30 else ""
            ticks.append(ScaleTick(segment.position(month), label, False))
    return ticks


def pack_rows(marks: list[ScaleMark], max_rows: int) -> tuple[list[list[ScaleMark]], list[ScaleMark]]:
    """Marks into rows so none overlap; those that fit in no row come back as the second list."""
    rows: list[list[ScaleMark]] = []
    ends: list[float] = []
    overflow = []
    for mark in sorted(marks, key=lambda mark: mark.occupies[0]):
        left, right = mark.occupies
        row = next((index for index, end in enumerate(ends) if end <= left), None)
        if row is None and len(rows) < max_rows:
            rows.append([])
            ends.append(0.0)
            row = len(rows) - 1
        if row is None:
            overflow.append(mark)
            continue
        rows[row].append(mark)
        ends[row] = right
    return rows, overflow


def group_overflow(overflow: list[ScaleMark], y: float) -> list[ScaleMore]:
    """Marks left out, grouped by where they would stand, as "+N" zoom links."""
    groups: list[list[ScaleMark]] = []
    for mark in sorted(overflow, key=lambda mark: mark.x):
        if groups and mark.x - groups[-1][0].x < 24:
            groups[-1].append(mark)
        else:
            groups.append([mark])
    return [
        ScaleMore(x=group[0].x, y=y, count=len(group),
                  period_from=min(mark.event.date_start for mark in group).isoformat(),
                  period_to=max(mark.event.date_end or mark.event.date_start for mark in group).isoformat())
        for group in groups
    ]


def top_actors(events: list[Event], limit: int) -> list[Actor]:
    counts = Counter(actor for event in events for actor in event.actors.all())
    return [actor for actor, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0].name))[:limit]]


def build_time_scale(events: list[Event], lanes_by_actor: bool = False) -> TimeScale | None:
    """The dated `events` placed on an axis proportional to time, in rows (or in one lane per top actor)."""
    dated = [event for event in events if event.date_start is not None]
    if not dated:
        return None
    left = LANE_LABEL_WIDTH if lanes_by_actor else 8.0
    segments = scale_segments([event_span(event) for event in dated], left, SCALE_WIDTH - 8)

    def mark_for(event: Event) -> ScaleMark:
        start, end = event_span(event)
        segment = next(segment for segment in segments if segment.start <= start < segment.end)
        x, x_end = segment.position(start), segment.position(end)
        bound = {"BEFORE": "before", "ON_OR_BEFORE": "before", "AFTER": "after", "ON_OR_AFTER": "after"}
        if event.precision == "day" or x_end - x < 6:
            x = x_end = round((x + x_end) / 2, 1)
            return ScaleMark(event, x, x_end, point=True, bound=bound.get(event.date_mod, ""))
        return ScaleMark(event, x, x_end, point=False, bound=bound.get(event.date_mod, ""))

    if lanes_by_actor:
        actors = top_actors(dated, LANE_ACTORS)
        lane_members = [(actor.name, [e for e in dated if actor in e.actors.all()]) for actor in actors]
        others = [event for event in dated if not any(actor in event.actors.all() for actor in actors)]
        if others:
            lane_members.append(("Others", others))
        max_rows = MAX_LANE_ROWS
    else:
        lane_members, max_rows = [("", dated)], MAX_ROWS

    marks, more, lanes = [], [], []
    y = 8.0
    for name, members in lane_members:
        rows, overflow = pack_rows([mark_for(event) for event in members], max_rows)
        height = max(len(rows) + (1 if overflow else 0), 1) * ROW_HEIGHT + 6
        for index, row in enumerate(rows):
            for mark in row:
                mark.y = y + index * ROW_HEIGHT + ROW_HEIGHT / 2
                marks.append(mark)
        more += group_overflow(overflow, y + len(rows) * ROW_HEIGHT + ROW_HEIGHT / 2)
        if lanes_by_actor:
            label = name if len(name) <= 20 else name[:19] + "…"
            lanes.append(ScaleLane(label=label, title=name, y=y, height=height))
        y += height
    ticks = [tick for segment in segments for tick in segment_ticks(segment)]
    breaks = [
        ScaleBreak(round(before.x + before.width + BREAK_WIDTH / 2, 1), quiet_between(before.end, after.start))
        for before, after in zip(segments, segments[1:])
    ]
    return TimeScale(marks=marks, ticks=thin_labels(ticks, breaks), breaks=breaks, more=more, lanes=lanes, left=left,
                     height=y + AXIS_HEIGHT, first=segments[0].start, last=segments[-1].end - timedelta(days=1))


def describe_quiet(months: int) -> str:
    if months < 12:
        return f"{months} months"
    years = round(months / 12)
    return f"{years} year" if years == 1 else f"{years} years"


def quiet_between(end: date, start: date) -> str:
    return describe_quiet(max((start.year * 12 + start.month) - (end.year * 12 + end.month), 1))


def thin_labels(ticks: list[ScaleTick], breaks: list[ScaleBreak]) -> list[ScaleTick]:
    """Drop labels that would overlap a neighbour's or a break's (the tick line stays)."""
    taken = [(item.x - BREAK_WIDTH / 2 + 6, item.x + BREAK_WIDTH / 2 - 6) for item in breaks]
    thinned = []
    for tick in sorted(ticks, key=lambda tick: (not tick.major, tick.x)):
        room = (tick.x - 2, tick.x + 8 * len(tick.label) + 4)
        if tick.label and any(room[0] < right and left < room[1] for left, right in taken):
            tick = ScaleTick(tick.x, "", tick.major)
        elif tick.label:
            taken.append(room)
        thinned.append(tick)
    return sorted(thinned, key=lambda tick: tick.x)


@dataclass
class OverviewBar:
    x: float
    width: float
    count: int
    height: float
    label: str
    period_from: str  # from/to values: "2017-02", "2017"
    period_to: str
    start: date
    end: date  # exclusive
    year_only: bool = False
    selected: bool = False

    @property
    def y(self) -> float:
        return round(OVERVIEW_BAR_HEIGHT + 4 - self.height, 1)

    @property
    def count_y(self) -> float:
        return round(max(self.y - 3, 11), 1)

    @property
    def middle(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def description(self) -> str:
        return f"{self.label}: {self.count:,} event{'' if self.count == 1 else 's'}"


@dataclass
class OverviewLabel:
    x: float
    text: str
    period_from: str = ""
    period_to: str = ""


@dataclass
class Overview:
    bars: list[OverviewBar]
    years: list[OverviewLabel]
    months: list[OverviewLabel]
    unit: str  # "month", "year" or "5 years"
    first_year: int
    last_year: int
    total: int

    @property
    def has_year_only(self) -> bool:
        return any(bar.year_only for bar in self.bars)

    @property
    def by_month(self) -> bool:
        return self.unit == "month"

    @property
    def height(self) -> int:
        return OVERVIEW_BAR_HEIGHT + (44 if self.months else 26)

    @property
    def year_y(self) -> int:
        return OVERVIEW_BAR_HEIGHT + (38 if self.months else 20)

    def selecting(self, start: date | None, end: date | None) -> Overview:
        """A copy with the bars inside the from/to range marked."""
        if start is None and end is None:
            return self
        bars = [replace(bar, selected=(start is None or bar.end > start) and (end is None or bar.start <= end))
                for bar in self.bars]
        return replace(self, bars=bars)


def years_per_bar(first: date, last: date) -> int:
    """0 for one bar per month; otherwise how many years each bar counts, so there are at most MAX_OVERVIEW_BARS."""
    if (last.year * 12 + last.month) - (first.year * 12 + first.month) < MAX_OVERVIEW_MONTHS:
        return 0
    years = last.year - first.year + 1
    steps = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10_000)
    return next(step for step in steps if years / step <= MAX_OVERVIEW_BARS)


def build_overview(span: tuple[date | None, date | None], periods: list[tuple[str, int]]) -> Overview | None:
    """Bars of events per month (per year or more over long spans) across the whole `span`, labelled with years and
    months; events dated only to a year are a low band over their year, not a January bar."""
    first, last = span
    if first is None or last is None or not periods:
        return None
    step = years_per_bar(first, last)
    if step:
        first_year = max(first.year - first.year % step, 1)
        bins = (last.year - first_year) // step + 1
        folded: Counter[int] = Counter()
        for period, count in periods:
            folded[(int(period[:4]) - first_year) // step] += count
        cells = []
        for index, count in sorted(folded.items()):
            start_year = first_year + index * step
            end_year = min(start_year + step - 1, 9999)
            label = str(start_year) if step == 1 else f"{start_year}–{end_year}"
            cells.append((index, 1, count, label, str(start_year), str(end_year),
                          date(start_year, 1, 1), safe_year_end(end_year), False))
    else:
        first_index = first.year * 12 + first.month
        bins = (last.year * 12 + last.month) - first_index + 1
        cells = []
        for period, count in periods:
            year, month = int(period[:4]), int(period[5:7] or 0)
            if month == 0:
                index = max(0, year * 12 + 1 - first_index)
                length = min(bins, year * 12 + 13 - first_index) - index
                cells.append((index, length, count, f"{year}, dated only to the year", str(year), str(year),
                              date(year, 1, 1), safe_year_end(year), True))
            else:
                end = safe_year_end(year) if month == 12 else date(year, month + 1, 1)
                cells.append(((year * 12 + month) - first_index, 1, count, f"{MONTH_NAMES[month - 1]} {year}",
                              period, period, date(year, month, 1), end, False))
    bin_width = (SCALE_WIDTH - 2) / bins
    tallest = max(cell[2] for cell in cells)
    bars = [
        OverviewBar(x=round(1 + index * bin_width + bin_width * 0.1, 1),
                    width=round(max(bin_width * (length - 0.2), 1.0), 1), count=count,
                    height=round(max(3.0, OVERVIEW_BAR_HEIGHT * count / tallest), 1), label=label,
                    period_from=period_from, period_to=period_to, start=start, end=end, year_only=year_only)
        for index, length, count, label, period_from, period_to, start, end, year_only in cells
    ]
    bars.sort(key=lambda bar: not bar.year_only)
    years, month_labels = [], []
    if step:
        label_every = max(1, -(-bins * 48 // SCALE_WIDTH))
        for index in range(0, bins, label_every):
            year = first_year + index * step
            years.append(OverviewLabel(x=round(1 + index * bin_width, 1), text=str(year), period_from=str(year),
                                       period_to=str(min(year + step * label_every - 1, 9999))))
    else:
        label_every = max(1, -(-(last.year - first.year + 1) * 44 // SCALE_WIDTH))
        for year in range(first.year, last.year + 1, label_every):
            offset = max(0, (year * 12 + 1) - (first.year * 12 + first.month))
            years.append(OverviewLabel(x=round(1 + offset * bin_width, 1), text=str(year), period_from=str(year),
                                       period_to=str(year)))
        if bin_width >= 14:
            for index in range(bins):
                year, month = divmod(first.year * 12 + first.month - 1 + index, 12)
                text = MONTH_ABBR[month] if bin_width >= 30 else MONTH_NAMES[month][0]
                month_labels.append(OverviewLabel(x=round(1 + (index + 0.5) * bin_width, 1), text=text))
    unit = "month" if not step else ("year" if step == 1 else f"{step} years")
    return Overview(bars=bars, years=years, months=month_labels, unit=unit, first_year=first.year,
                    last_year=last.year, total=sum(count for _, count in periods))


def safe_year_end(year: int) -> date:
    return date(year + 1, 1, 1) if year < 9999 else date.max
