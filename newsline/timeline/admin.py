"""The editors' tool: find weak dates, fix them in a few clicks, merge and split, and see who changed what.

Every save through these pages locks the fields it changed (`EditorLocks`), so re-ingesting never undoes it.
"""

from __future__ import annotations

from datetime import date

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from .admin_forms import ActorForm, AddArticleForm, EventForm, MergeActorsForm, SourceForm, SplitEventForm
from .models import LOW_CONFIDENCE, Actor, Event, Mention, Source


def ingest():
    """The ingest module, imported on first use: it loads spaCy, which web start-up does not need."""
    from . import ingest as module

    return module


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class ReviewFilter(admin.SimpleListFilter):
    title = "needs review"
    parameter_name = "review"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("queue", "yes: the review queue, weakest dates first"), ("no", "no")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        in_queue = Q(status=Event.Status.AUTO, review_score__gt=0)
        if self.value() == "queue":
            return queryset.filter(in_queue)
        if self.value() == "no":
            return queryset.exclude(in_queue)
        return queryset


class YearFilter(admin.SimpleListFilter):
    """Events whose date range touches the year, so "2016-2017" events appear under both years."""

    title = "year"
    parameter_name = "year"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        years = {day.year for day in Event.objects.filter(date_start__isnull=False).dates("date_start", "year")}
        return [(str(year), str(year)) for year in sorted(years, reverse=True)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        if not (self.value() or "").isdigit():
            return queryset
        year = int(self.value())
        return queryset.filter(date_start__lte=date(year, 12, 31), date_end__gte=date(year, 1, 1))


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ("source", "quote", "expression", "mention_date", "anchor", "rule")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Mention]:
        return super().get_queryset(request).select_related("source")

    @admin.display(description="quote")
    def quote(self, mention: Mention) -> str:
        if mention.expression_start is None or mention.expression_end is None:
            return mention.sentence
        # Offsets are article offsets; mark the date expression inside the sentence when it is there.
        start = mention.expression_start - mention.sentence_start
        end = mention.expression_end - mention.sentence_start
        if not (0 <= start < end <= len(mention.sentence)) or mention.sentence[start:end] != mention.expression:
            return mention.sentence
        return format_html("{}<mark>{}</mark>{}", mention.sentence[:start], mention.sentence[start:end],
                           mention.sentence[end:])

    @admin.display(description="date")
    def mention_date(self, mention: Mention) -> str:
        return mention.display_date


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventForm
    list_display = ("date_column", "headline", "precision", "status", "source_count", "confidence_column",
                    "review_column")
    list_display_links = ("date_column", "headline")
    list_filter = (ReviewFilter, "status", "precision", YearFilter, ("actors", admin.RelatedOnlyFieldListFilter),
                   ("mentions__source", admin.RelatedOnlyFieldListFilter))
    search_fields = ("headline", "summary", "mentions__sentence", "mentions__expression", "actors__name")
    autocomplete_fields = ("actors",)
    inlines = (MentionInline,)
    actions = ("verify", "reject", "merge_events", "split_event")
    readonly_fields = ("date_start", "date_end", "precision", "confidence", "review_list", "edited_fields")
    fieldsets = (
        (None, {"fields": ("headline", "summary", "status", "planned", "actors")}),
        ("Date", {"fields": ("date_text", ("date_start", "date_end", "precision"), "confidence", "review_list")}),
        ("Date as TIMEX3 (advanced)", {"classes": ("collapse",),
                                       "fields": ("date_value", "date_mod", "approximate")}),
        ("Editor", {"fields": ("edited_fields",)}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        # Annotate before ordering: the review queue orders by the annotated score.
        return Event.objects.with_source_count().with_review_score().order_by(*self.get_ordering(request))

    def get_ordering(self, request: HttpRequest) -> list[str]:
        if request.GET.get(ReviewFilter.parameter_name) == "queue":
            return ["-review_score", "confidence", "pk"]
        return ["date_start", "pk"]

    def get_urls(self) -> list:
        review = path("review/", self.admin_site.admin_view(self.review_queue_view), name="timeline_event_review")
        return [review, *super().get_urls()]

    def review_queue_view(self, request: HttpRequest) -> HttpResponse:
        changelist = reverse("admin:timeline_event_changelist")
        return HttpResponseRedirect(f"{changelist}?{ReviewFilter.parameter_name}=queue")

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        queue_size = Event.objects.review_queue().count()
        return super().changelist_view(request, {**(extra_context or {}), "review_queue_size": queue_size})

    @admin.display(description="date", ordering="date_start")
    def date_column(self, event: Event) -> str:
        return event.display_date

    @admin.display(description="sources", ordering="source_count")
    def source_count(self, event: Event) -> int:
        return event.source_count

    @admin.display(description="confidence", ordering="confidence")
    def confidence_column(self, event: Event) -> str:
        flag = " ⚠" if event.confidence < LOW_CONFIDENCE else ""
        return f"{event.confidence:.2f}{flag}"

    @admin.display(description="why review", ordering="review_score")
    def review_column(self, event: Event) -> str:
        return "; ".join(event.weak_date_reasons)

    @admin.display(description="why review")
    def review_list(self, event: Event) -> str:
        reasons = event.weak_date_reasons
        if not reasons:
            return "nothing flagged"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((reason,) for reason in reasons)))

    @admin.action(description="Verify the selected events (their dates are right)", permissions=["change"])
    def verify(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        self.set_status(request, queryset, Event.Status.VERIFIED, "verified")

    @admin.action(description="Reject the selected events (hide them from the timeline)", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        self.set_status(request, queryset, Event.Status.REJECTED, "rejected")

    def set_status(self, request: HttpRequest, queryset: QuerySet[Event], status: str, verb: str) -> None:
        events = list(queryset)
        for event in events:  # one save each, so the history records every change and its editor
            event.status = status
            event.save()
        self.message_user(request, f"{plural(len(events), 'event')} {verb}.", messages.SUCCESS)

    @admin.action(description="Merge the selected events into one", permissions=["change"])
    def merge_events(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        selected = Event.objects.filter(pk__in=list(queryset.values_list("pk", flat=True)))
        count = selected.count()
        try:
            target = selected.merge()
        except ValueError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        ingest().recompute_event(target)
        self.message_user(request, f"Merged {plural(count, 'event')} into “{target.headline}”.", messages.SUCCESS)

    @admin.action(description="Split mentions of the selected event into a new event", permissions=["change"])
    def split_event(self, request: HttpRequest, queryset: QuerySet[Event]) -> HttpResponse | None:
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one event to split.", messages.ERROR)
            return None
        event = queryset.get()
        form = SplitEventForm(request.POST if "apply" in request.POST else None, event=event)
        if form.is_valid():
            new_event = event.split_off(form.cleaned_data["mentions"])
            ingest().recompute_event(event)
            ingest().recompute_event(new_event)
            url = reverse("admin:timeline_event_change", args=[new_event.pk])
            self.message_user(
                request,
                format_html("Split {} into the new event <a href=\"{}\">{}</a>.",
                            plural(new_event.mentions.count(), "mention"), url, new_event.headline),
                messages.SUCCESS,
            )
            return None
        context = {**self.admin_site.each_context(request), "title": "Split an event", "event": event,
                   "form": form, "opts": self.model._meta, "action": "split_event"}
        return TemplateResponse(request, "admin/timeline/event/split_event.html", context)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    """Read-only: mentions are what the sources said. Editors change events, not quotes."""

    list_display = ("sentence", "source", "expression", "date_value", "anchor", "event")
    list_filter = ("anchor", ("source", admin.RelatedOnlyFieldListFilter))
    search_fields = ("sentence", "expression")
    list_select_related = ("source", "event")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Mention | None = None) -> bool:
        return False


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    form = ActorForm
    list_display = ("name", "kind", "aliases_column", "description", "event_count")
    list_filter = ("kind",)
    search_fields = ("name", "aliases", "description")
    actions = ("merge_actors",)
    readonly_fields = ("edited_fields",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Actor]:
        return super().get_queryset(request).with_event_counts()

    @admin.display(description="aliases")
    def aliases_column(self, actor: Actor) -> str:
        return ", ".join(actor.aliases)

    @admin.display(description="events", ordering="event_count")
    def event_count(self, actor: Actor) -> int:
        return actor.event_count

    @admin.action(description="Merge the selected actors into one", permissions=["change", "delete"])
    def merge_actors(self, request: HttpRequest, queryset: QuerySet[Actor]) -> HttpResponse | None:
        actors = Actor.objects.filter(pk__in=queryset.values("pk")).with_event_counts()
        if actors.count() < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.ERROR)
            return None
        form = MergeActorsForm(request.POST if "apply" in request.POST else None, actors=actors)
        if form.is_valid():
            canonical = form.cleaned_data["canonical"]
            others = [actor for actor in actors if actor.pk != canonical.pk]
            for other in others:
                other.merge_into(canonical)
            self.message_user(
                request,
                f"Merged {', '.join(f'“{o.name}”' for o in others)} into “{canonical.name}”; "
                f"their names are now aliases.",
                messages.SUCCESS,
            )
            return None
        context = {**self.admin_site.each_context(request), "title": "Merge actors", "actors": actors,
                   "form": form, "opts": self.model._meta, "action": "merge_actors"}
        return TemplateResponse(request, "admin/timeline/actor/merge_actors.html", context)


class SourceReviewFilter(admin.SimpleListFilter):
    title = "needs review"
    parameter_name = "review"
    UNSURE = (Q(published__isnull=True) | Q(published_how__in=["inferred", "unknown"])
              | Q(published_confidence__lt=LOW_CONFIDENCE)) & ~Q(published_how="editor")

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", "yes: inferred, unknown or uncertain publication date"), ("no", "no")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Source]) -> QuerySet[Source]:
        if self.value() == "yes":
            return queryset.filter(self.UNSURE)
        if self.value() == "no":
            return queryset.exclude(self.UNSURE)
        return queryset


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    form = SourceForm
    list_display = ("__str__", "outlet", "published", "published_precision", "published_how", "published_confidence")
    list_filter = (SourceReviewFilter, "published_how", "outlet")
    search_fields = ("title", "outlet", "file_name", "url")
    readonly_fields = ("published_how", "published_evidence", "published_confidence", "file_name", "key",
                       "ingested_at", "edited_fields", "text")
    fieldsets = (
        (None, {"fields": ("title", "outlet", "url", "file_name")}),
        ("Publication date", {"fields": ("published", "published_precision", "published_how", "published_evidence",
                                         "published_confidence")}),
        ("Editor", {"fields": ("edited_fields",)}),
        ("Article", {"classes": ("collapse",), "fields": ("text", "key", "ingested_at")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).defer("html")  # a stored web page can be megabytes; no admin page shows it

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: dict | None = None) -> HttpResponse:
        """The "Add article" page: pasted text, an uploaded file or a URL goes through the same ingest as
        `manage.py ingest` (one article), and the editor lands on the new source's page."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = AddArticleForm(request.POST, request.FILES) if request.method == "POST" else AddArticleForm()
        if form.is_bound and form.is_valid():
            module = ingest()
            report = module.ingest_articles([form.loaded], module.IngestReport())
            if report.failed:
                form.add_error(None, f"The article could not be analysed: {report.failed[0][1]}")
            else:
                source = Source.objects.get(file_name=form.loaded.name)
                to_review = Event.objects.review_queue().filter(mentions__source=source).distinct().count()
                self.message_user(request, format_html(
                    "“{}” added: {} created, {} need review. <a href=\"{}\">See it on the timeline</a>.",
                    source, plural(report.events_created, "event"), to_review,
                    reverse("timeline:source", args=[source.pk]),
                ), messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:timeline_source_change", args=[source.pk]))
        context = {
            **self.admin_site.each_context(request),
            **(extra_context or {}),
            "title": "Add article",
            "opts": self.model._meta,
            "form": form,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/timeline/source/add_article.html", context)

    def save_model(self, request: HttpRequest, obj: Source, form: SourceForm, change: bool) -> None:
        # Compared with the stored row, not the form's initial data: a revert from the history starts its form
        # from the old version, and must still re-resolve the dates.
        stored = Source.objects.filter(pk=obj.pk).values_list("published", "published_precision").first()
        super().save_model(request, obj, form, change)
        if stored != (obj.published, obj.published_precision):
            moved = ingest().reanalyze_source(obj)
            self.message_user(
                request,
                f"Publication date set to {obj.published:%d %b %Y}: {plural(moved, 'event')} moved.",
                messages.SUCCESS,
            )
