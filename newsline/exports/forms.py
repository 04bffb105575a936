"""What an export covers: the timeline's filters (the page's FilterForm) plus the export-only `top`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import F
from django.utils import timezone

from newsline.timeline.forms import FilterForm
from newsline.timeline.models import Event

from .formats import Selection

MAX_TOP = 1000


class TopForm(forms.Form):
    top = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_TOP, label="Most important events",
        help_text="Keep only the N most important events, still in date order.",
    )


def select_events(query: Any) -> Selection:
    """The events an export covers, from URL parameters (a QueryDict) or the command's options (a dict).

    Invalid filters are left out, as on the page; `errors` says which, for the command to report.
    """
    filter_form = FilterForm(query)
    top_form = TopForm({"top": query.get("top", "")})
    events = filter_form.filter(Event.objects.visible())
    filters = filter_form.as_query()
    errors = [
        f"{FilterForm.QUERY_NAMES.get(name, name)}: {' '.join(messages)}"
        for name, messages in filter_form.errors.items()
    ]
    if top_form.is_valid() and (top := top_form.cleaned_data["top"]):
        by_importance = events.order_by("-importance", F("date_start").asc(nulls_last=True), "pk")
        events = Event.objects.filter(pk__in=list(by_importance.values_list("pk", flat=True)[:top]))
        filters["top"] = top
    else:
        errors += [f"top: {' '.join(messages)}" for messages in top_form.errors.values()]
        events = Event.objects.filter(pk__in=events.order_by().values("pk"))
    described = filter_form.describe() + ([f"Top {filters['top']} events by importance"] if "top" in filters else [])
    return Selection(
        events=events.chronological(),
        filters=filters,
        described=described,
        generated_at=timezone.now(),
        notices=filter_form.notices,
        errors=errors,
    )
