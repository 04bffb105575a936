from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Case, Count, Exists, FloatField, Max, Min, OuterRef, Prefetch, Q, Value, When
from django.db.models.functions import Cast, Substr
from simple_history.models import HistoricalRecords

from newsline.nlp.status import UNCERTAIN_HOW, Anchor, PublishedHow
from newsline.nlp.temporal.values import display_value, modified_range, value_range
from newsline.nlp.temporal.values import format_day

UNCERTAIN_PUBLICATION_CONFIDENCE = 0.7
# Only these links are ever rendered: a "javascript:" or "data:" URL in an article's front matter would run in the page.
web_url_validator = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with http:// or https://, or leave it empty."
)
KEY_IMPORTANCE = 0.7

PRECISION_CHOICES = [
    ("day", "day"),
    ("week", "week"),
    ("month", "month"),
    ("season", "season"),
    ("quarter", "quarter"),
    ("half", "half year"),
    ("year", "year"),
    ("decade", "decade"),
    ("century", "century"),
]


class EditorLocks(models.Model):
    """Fields an editor has changed; ingestion never overwrites them."""

    edited_fields = models.JSONField(
        default=list, blank=True, help_text="Fields an editor changed. Re-ingesting never overwrites these."
    )

    class Meta:
        abstract = True

    def is_locked(self, field: str) -> bool:
        return field in self.edited_fields

    def lock(self, *fields: str) -> None:
        self.edited_fields = sorted(set(self.edited_fields) | set(fields))


# The analysis's vocabulary (plain enums in newsline.nlp), as the choices editors see.
PublishedHowChoices = models.TextChoices("PublishedHowChoices", [(how.name, (how.value, how.label)) for how in PublishedHow])


class Source(EditorLocks):
    How = PublishedHowChoices

    key = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the article file's text.")
    file_name = models.CharField(max_length=255, unique=True, help_text="File name as ingested.")
    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    text = models.TextField(help_text="The article text as ingested (after any front matter).")
    html = models.TextField(
        blank=True, help_text="The web page the article was read from, decoded (empty for text files)."
    )
    published = models.DateField(null=True, blank=True, help_text="Publication date. Relative dates resolve against it.")
    published_precision = models.CharField(max_length=10, blank=True, choices=[("day", "day"), ("month", "month"), ("year", "year")])
    published_how = models.CharField(max_length=20, choices=How.choices, default=How.UNKNOWN)
    published_evidence = models.TextField(blank=True, help_text="The text that decided the publication date.")
    published_confidence = models.FloatField(default=0.0)
    published_rejected = models.JSONField(
        default=list, blank=True, help_text="Printed dates refused as the publication date, each with the reason."
    )
    ingested_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["text", "html", "updated_at"])

    class Meta:
        ordering = ["published", "file_name"]

    def __str__(self) -> str:
        return self.title or self.file_name

    @property
    def display_name(self) -> str:
        return self.outlet or self.file_name

    @property
    def link_url(self) -> str:
        """The article's URL if it is a valid http or https address, else "": the only URL templates may link to."""
        try:
            web_url_validator(self.url)
        except ValidationError:
            return ""
        return self.url

    def clean(self) -> None:
        super().clean()
        if self.url and not self.link_url:
            raise ValidationError({"url": web_url_validator.message})

    @property
    def published_is_uncertain(self) -> bool:
        """True when relative dates resolved against this publication date deserve a second look."""
        return (
            self.published is None
            or self.published_how in UNCERTAIN_HOW
            or self.published_confidence < UNCERTAIN_PUBLICATION_CONFIDENCE
        )

    def highlighted_text(self) -> list[tuple[str, Mention | None]]:
        """The article text cut into pieces; a piece paired with a mention is that mention's date expression."""
        mentions = sorted(
            (m for m in self.mentions.all() if m.expression_start is not None and m.expression_end is not None),
            key=lambda m: (m.expression_start, m.expression_end),
        )
        pieces: list[tuple[str, Mention | None]] = []
        position = 0
        for mention in mentions:
            start, end = mention.expression_start, mention.expression_end
            # Several events can cite the same expression; overlapping or out-of-range spans are shown once.
            if start < position or end > len(self.text) or start >= end:
                continue
            if start > position:
                pieces.append((self.text[position:start], None))
            pieces.append((self.text[start:end], mention))
            position = end
        if position < len(self.text):
            pieces.append((self.text[position:], None))
        return pieces


class ActorQuerySet(models.QuerySet):
    def with_event_counts(self) -> ActorQuerySet:
        return self.annotate(event_count=Count("events", filter=~Q(events__status=Event.Status.REJECTED), distinct=True))


class Actor(EditorLocks):
    KIND_CHOICES = [
        ("person", "person"),
        ("organization", "organization"),
        ("country", "country or place"),
        ("group", "group"),
    ]

    name = models.CharField(max_length=200, unique=True, help_text="Canonical name shown everywhere.")
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names and spellings that mean this actor.")
    description = models.CharField(max_length=300, blank=True, help_text="Role or title, e.g. “US Secretary of State”.")

    objects = ActorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]

    def merge_into(self, canonical: Actor) -> None:
        """Fold this actor into `canonical`: its mentions and events move over, its names become aliases there."""
        if canonical.pk == self.pk:
            raise ValueError("An actor cannot be merged into itself.")
        with transaction.atomic():
            canonical.mentions.add(*self.mentions.all())
            canonical.events.add(*self.events.all())
            known = {name.lower() for name in canonical.all_names}
            for name in self.all_names:
                if name.lower() not in known:
                    canonical.aliases = [*canonical.aliases, name]
                    known.add(name.lower())
            canonical.save()
            self.delete()


# Date expressions that name only a weekday or only a month: their week or year comes from the anchor.
# Full names only, so that "last month" or "the past decade" are not mistaken for "Mon" or "Dec".
WEEKDAY_ONLY_EXPRESSION = r"^[^0-9]*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)[^0-9]*$"
MONTH_ONLY_EXPRESSION = (
    r"^[^0-9]*(january|february|march|april|may|june|july|august|september|sept|october|november|december)[^0-9]*$"
)

# Why an event's date may be weak: (annotation made by `with_review_score`, weight, reason shown to editors).
REVIEW_SIGNALS: list[tuple[str, float, str]] = [
    ("review_undated", 8, "no date could be resolved"),
    ("review_conflict", 6, "sources disagree on the date"),
    ("review_inferred_anchor", 5, "dated from an inferred publication date"),
    ("review_weekday_only", 4, "only a weekday names the day"),
    ("review_month_only", 3, "only a month is named, the year is inferred"),
    ("review_future", 2, "reported in the future tense"),
    ("review_low_confidence", 1.5, "low date confidence"),
    ("review_flagged", 1, "flagged during ingest"),
]
LOW_CONFIDENCE = 0.5
# Publication dates no one printed: worked out from the article's content or from other articles.
INFERRED_PUBLICATION = [PublishedHow.INFERRED, PublishedHow.CORROBORATED, PublishedHow.UNKNOWN]


class EventQuerySet(models.QuerySet):
    def visible(self) -> EventQuerySet:
        return self.exclude(status=Event.Status.REJECTED)

    def chronological(self) -> EventQuerySet:
        return self.order_by(models.F("date_start").asc(nulls_last=True), "date_end", "-importance", "pk")

    def for_cards(self) -> EventQuerySet:
        """Everything an event card shows, in a fixed number of queries however many events there are."""
        mentions = Mention.objects.select_related("source").defer("source__text").order_by(
            "source__published", "source_id", "sentence_start"
        )
        return self.prefetch_related("actors", Prefetch("mentions", queryset=mentions))

    def count_per_actor(self) -> dict[int, int]:
        """Actor id -> how many of these events name that actor (grouping the link table only is cheap)."""
        links = Event.actors.through.objects.filter(event__in=self).order_by()
        return dict(links.values_list("actor_id").annotate(Count("event_id")))

    def date_span(self) -> tuple[date | None, date | None]:
        """The first and the last start date."""
        span = self.order_by().aggregate(first=Min("date_start"), last=Max("date_start"))
        return span["first"], span["last"]

    def count_per_month_or_year(self) -> list[tuple[str, int]]:
        """How many dated events start in each month ("2017-02"), oldest first; events dated only to a season, year or
        longer count for their year ("2014"), not for the month they happen to start in. Empty periods are left out."""
        # Cutting the ISO text of the date stays inside the database (SQLite's date functions call back into Python).
        to_month = Q(precision__in=["day", "week", "month"])
        period = Case(
            When(to_month, then=Substr(Cast("date_start", output_field=models.CharField()), 1, 7)),
            default=Substr(Cast("date_start", output_field=models.CharField()), 1, 4),
        )
        rows = (
            self.filter(date_start__isnull=False)
            .order_by()
            .annotate(period=period)
            .values("period")
            .annotate(count=Count("pk", distinct=True))
            .order_by("period")
        )
        return [(row["period"], row["count"]) for row in rows]

    def with_source_count(self) -> EventQuerySet:
        return self.annotate(source_count=Count("mentions__source", distinct=True))

    def with_review_score(self) -> EventQuerySet:
        """Annotate each REVIEW_SIGNALS flag and `review_score`, their weighted sum (higher = weaker date)."""
        mentions = Mention.objects.filter(event=OuterRef("pk"))
        not_absolute = ~Exists(mentions.filter(anchor=Anchor.ABSOLUTE))
        flags = {
            "review_undated": Q(date_value=""),
            "review_conflict": Exists(mentions.filter(date_start__gt=OuterRef("date_end")))
            | Exists(mentions.filter(date_end__lt=OuterRef("date_start"))),
            "review_inferred_anchor": Exists(
                mentions.filter(anchor=Anchor.PUBLICATION, source__published_how__in=INFERRED_PUBLICATION)
            ),
            "review_weekday_only": Exists(mentions.filter(expression__iregex=WEEKDAY_ONLY_EXPRESSION)) & not_absolute,
            "review_month_only": Exists(mentions.filter(expression__iregex=MONTH_ONLY_EXPRESSION)) & not_absolute,
            "review_future": Q(planned=True) | Exists(mentions.filter(planned=True)),
            "review_low_confidence": Q(confidence__lt=LOW_CONFIDENCE),
            "review_flagged": ~Q(review_reasons=[]),
        }
        annotated = self.annotate(**{
            name: Case(When(condition, then=Value(True)), default=Value(False), output_field=models.BooleanField())
            for name, condition in flags.items()
        })
        score = sum(
            (Case(When(**{name: True}, then=Value(float(weight))), default=Value(0.0), output_field=FloatField())
             for name, weight, _ in REVIEW_SIGNALS),
            Value(0.0),
        )
        return annotated.annotate(review_score=score)

    def review_queue(self) -> EventQuerySet:
        """Unchecked events with any sign of a weak date, weakest first."""
        return (
            self.with_review_score()
            .filter(status=Event.Status.AUTO, review_score__gt=0)
            .order_by("-review_score", "confidence", "pk")
        )

    def merge(self) -> Event:
        """Merge these events into the one with most sources (the first by id on a tie); returns it."""
        events = list(self.with_source_count().order_by("-source_count", "pk"))
        if len(events) < 2:
            raise ValueError("Select at least two events to merge.")
        target, *others = events
        with transaction.atomic():
            for other in others:
                other.merge_into(target)
        return target


class Event(EditorLocks):
    class Status(models.TextChoices):
        AUTO = "auto", "automatic"
        CORRECTED = "corrected", "corrected by an editor"
        VERIFIED = "verified", "verified by an editor"
        REJECTED = "rejected", "rejected"

    headline = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    date_value = models.CharField(max_length=40, blank=True, help_text="TIMEX3 value, e.g. 2017-02-13, 2017-W07, 2017-07, 2014.")
    date_mod = models.CharField(max_length=20, blank=True, help_text="TIMEX3 modifier: START, MID, END, APPROX, BEFORE, AFTER.")
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=10, choices=PRECISION_CHOICES, blank=True)
    approximate = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AUTO)
    planned = models.BooleanField(default=False, help_text="A happening that was still to come when reported.")
    importance = models.FloatField(default=0.0)
    confidence = models.FloatField(default=0.0, help_text="How sure the date is, from 0 to 1.")
    review_reasons = models.JSONField(default=list, blank=True, help_text="Why an editor should check this event.")
    actors = models.ManyToManyField(Actor, related_name="events", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["date_start", "pk"]
        indexes = [models.Index(fields=["date_start", "date_end"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.display_date}: {self.headline}"

    @property
    def display_date(self) -> str:
        if not self.date_value:
            return "date unresolved"
        return display_value(self.date_value, self.date_mod, self.approximate)

    @property
    def number_of_sources(self) -> int:
        return len({mention.source_id for mention in self.mentions.all()})

    @property
    def is_key(self) -> bool:
        return self.importance >= KEY_IMPORTANCE

    def disagreeing_mentions(self) -> list[Mention]:
        """Mentions whose own date cannot be the event's date (their ranges do not overlap)."""
        if self.date_start is None or self.date_end is None:
            return []
        return [
            mention for mention in self.mentions.all()
            if mention.date_start is not None and mention.date_end is not None
            and (mention.date_end < self.date_start or mention.date_start > self.date_end)
        ]

    def set_date(self, value: str, mod: str = "", approximate: bool = False) -> None:
        """Set value, modifier, start, end and precision together, so they never disagree."""
        span = modified_range(value, mod)
        whole = value_range(value)
        self.date_value, self.date_mod, self.approximate = value, mod, approximate or mod == "APPROX"
        self.date_start = span.start if span else None
        self.date_end = span.end if span else None
        self.precision = whole.precision if whole else ""

    @property
    def weak_date_reasons(self) -> list[str]:
        """Reasons from `with_review_score` annotations, then those ingest recorded."""
        reasons = [
            label for name, _, label in REVIEW_SIGNALS if name != "review_flagged" and getattr(self, name, False)
        ]
        return reasons + [reason for reason in self.review_reasons if reason not in reasons]

    def merge_into(self, target: Event) -> None:
        """Move this event's mentions and actors to `target` and delete this event.

        Mentions keep the event they were moved to on every re-ingest, so the merge lasts.
        """
        if target.pk == self.pk:
            raise ValueError("An event cannot be merged into itself.")
        with transaction.atomic():
            self.mentions.update(event=target)
            target.actors.add(*self.actors.all())
            if target.status == Event.Status.AUTO:
                target.status = Event.Status.CORRECTED
                target.save()
            self.delete()

    def split_off(self, mentions: models.QuerySet[Mention]) -> Event:
        """Move some of this event's mentions to a new event, which is returned."""
        moving = list(mentions.filter(event=self).order_by("position", "pk"))
        if not moving:
            raise ValueError("Choose at least one of this event's mentions to split off.")
        if len(moving) == self.mentions.count():
            raise ValueError("Leave at least one mention on the original event.")
        with transaction.atomic():
            lead = moving[0]
            new_event = Event.objects.create(
                headline=(lead.headline or lead.sentence)[:300], summary=lead.sentence, status=Event.Status.CORRECTED
            )
            Mention.objects.filter(pk__in=[mention.pk for mention in moving]).update(event=new_event)
            if self.status == Event.Status.AUTO:
                self.status = Event.Status.CORRECTED
                self.save()
        return new_event


class Mention(models.Model):
    """One source's sentence reporting an event: the provenance students see."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mentions")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="mentions")
    key = models.CharField(max_length=64, help_text="Stable within the source: hash of the sentence and its order.")
    sentence = models.TextField()
    headline = models.CharField(max_length=300, blank=True, help_text="This sentence's event as a short clause.")
    actors = models.ManyToManyField(Actor, related_name="mentions", blank=True)
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    expression = models.CharField(max_length=200, blank=True, help_text="The date expression as written.")
    expression_start = models.PositiveIntegerField(null=True, blank=True)
    expression_end = models.PositiveIntegerField(null=True, blank=True)
    date_value = models.CharField(max_length=40, blank=True)
    date_mod = models.CharField(max_length=20, blank=True)
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    anchor = models.CharField(
        max_length=20, blank=True, help_text="What the date was worked out from: absolute, publication, narrative, event, none."
    )
    anchor_date = models.DateField(null=True, blank=True)
    rule = models.CharField(max_length=300, blank=True, help_text="How the date was resolved, for readers.")
    event_ref = models.CharField(max_length=200, blank=True, help_text="For event-anchored dates: the happening referred to.")
    offset = models.CharField(max_length=40, blank=True, help_text="For event-anchored dates: the offset, e.g. -P1W.")
    planned = models.BooleanField(default=False)
    position = models.FloatField(default=0.0, help_text="Where the sentence stands in the article, 0 = top.")

    class Meta:
        ordering = ["source__published", "source_id", "sentence_start"]
        constraints = [models.UniqueConstraint(fields=["source", "key"], name="unique_mention_per_source")]

    def __str__(self) -> str:
        return f"{self.source}: {self.sentence[:60]}"

    @property
    def display_date(self) -> str:
        if not self.date_value:
            return "unresolved"
        return display_value(self.date_value, self.date_mod)

    @property
    def anchor_is_publication(self) -> bool:
        return self.anchor == Anchor.PUBLICATION

    def anchor_explained(self) -> str:
        """What the date was counted from, in words ("published Thu 16 Feb 2017")."""
        anchor_day = format_day(self.anchor_date) if self.anchor_date else ""
        if self.anchor == Anchor.PUBLICATION:
            published = self.source.published
            return f"published {format_day(published)}" if published else "publication date unknown"
        if self.anchor == Anchor.NARRATIVE and anchor_day:
            return f"counted from the story's last date, {anchor_day}"
        if self.anchor == Anchor.EVENT:
            relative_to = self.event_ref or "another event"
            return f"counted from {relative_to}" + (f" ({anchor_day})" if anchor_day else "")
        if self.anchor == Anchor.ABSOLUTE:
            return "written as a full date"
        return ""

    def sentence_parts(self) -> tuple[str, str, str]:
        """The sentence split around the date expression: (before, expression, after)."""
        if self.expression_start is not None and self.expression_end is not None:
            start, end = self.expression_start - self.sentence_start, self.expression_end - self.sentence_start
            if 0 <= start < end <= len(self.sentence):
                return self.sentence[:start], self.sentence[start:end], self.sentence[end:]
        if self.expression and (found := self.sentence.lower().find(self.expression.lower())) >= 0:
            end = found + len(self.expression)
            return self.sentence[:found], self.sentence[found:end], self.sentence[end:]
        return self.sentence, "", ""

