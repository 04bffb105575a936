"""The timeline's filters: one form shared by the page, the exports and the export command."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.db.models import Q, QuerySet

from newsline.nlp.bylines import AmbiguousDate, parse_typed_date

from .models import KEY_IMPORTANCE, Actor, Event, Source

MAX_QUERY_LENGTH = 200
# C0 and C1 control characters (NUL included), except the tab and line breaks that pasted text may carry.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def reject_control_characters(value: Any) -> None:
    """Filters are words and dates: a control character is a typing or encoding mistake (and NUL breaks PostgreSQL)."""
    values = value if isinstance(value, (list, tuple)) else [value]
    if any(CONTROL_CHARACTERS.search(str(item)) for item in values):
        raise forms.ValidationError(
            "Filters cannot contain control characters (such as NUL); remove them and try again."
        )


class DateBoundField(forms.Field):
    """A year, month or day ("2017", "2017-02", "13 Feb 2017"); cleans to the range it covers."""

    def to_python(self, value: Any):
        text = str(value or "").strip()
        if not text:
            return None
        reject_control_characters(text)
        try:
            if len(text) > 40:
                raise ValueError(text)
            return parse_typed_date(text).range
        except AmbiguousDate as error:
            raise forms.ValidationError(str(error)) from None
        except ValueError:
            raise forms.ValidationError(
                "“%(value)s” is not a date: use a year (2017), a month (2017-02) or a day (2017-02-13).",
                params={"value": text[:40]},
            )


class NameListField(forms.Field):
    """Several values from repeated query parameters (?actor=A&actor=B)."""

    widget = forms.SelectMultiple
    default_validators = [reject_control_characters]

    def to_python(self, value: Any) -> list[str]:
        if not value:
            return []
        values = value if isinstance(value, (list, tuple)) else [value]
        return [str(v).strip() for v in values if str(v).strip()][:50]


class FilterForm(forms.Form):
    actor = NameListField(required=False, label="Actors")
    source = NameListField(required=False, label="Sources")
    date_from = DateBoundField(required=False, label="From")
    date_to = DateBoundField(required=False, label="To")
    q = forms.CharField(
        required=False, label="Search", max_length=MAX_QUERY_LENGTH, validators=[reject_control_characters]
    )
    certainty = forms.ChoiceField(
        required=False,
        label="Date certainty",
        choices=[("", "Any date"), ("exact", "Exact days only"), ("approximate", "Approximate only")],
    )
    key = forms.BooleanField(required=False, label="Key events only")
    planned = forms.ChoiceField(
        required=False,
        label="Planned events",
        choices=[("", "Include planned"), ("hide", "Hide planned"), ("only", "Planned only")],
    )

    # Query-string names: "from" and "to" are reserved words in Python, so the fields carry a prefix.
    QUERY_NAMES = {"date_from": "from", "date_to": "to"}

    def __init__(self, data=None, **kwargs):
        if data is not None:
            data = self.from_query(data)
        super().__init__(data, **kwargs)
        self.notices: list[str] = []

    @classmethod
    def from_query(cls, query) -> dict[str, Any]:
        """Map a QueryDict (or plain dict) of URL parameters onto the form's field names."""
        data: dict[str, Any] = {}
        for field in cls.base_fields:
            name = cls.QUERY_NAMES.get(field, field)
            if hasattr(query, "getlist"):
                values = query.getlist(name)
                data[field] = values if field in ("actor", "source") else (values[-1] if values else "")
            else:
                data[field] = query.get(name, [] if field in ("actor", "source") else "")
        return data

    def clean_actor(self) -> list[Actor]:
        names = self.cleaned_data["actor"]
        found, unknown = resolve_actors(names)
        if unknown:
            self.notices.append(f"No actor called {', '.join(repr(n[:60]) for n in unknown)}: that filter is ignored.")
        return found

    def clean_source(self) -> list[Source]:
        wanted = self.cleaned_data["source"]
        found = list(Source.objects.filter(Q(file_name__in=wanted) | Q(outlet__in=wanted)))
        known = {s.file_name for s in found} | {s.outlet for s in found}
        if unknown := [w for w in wanted if w not in known]:
            self.notices.append(f"No source called {', '.join(repr(n[:60]) for n in unknown)}: that filter is ignored.")
        return found

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start.start > end.end:
            cleaned["date_from"], cleaned["date_to"] = end, start
            self.data["date_from"], self.data["date_to"] = self.data["date_to"], self.data["date_from"]
            self.notices.append(
                f"“From” was later than “To”, so the two are swapped: from {self.data['date_from']} "
                f"to {self.data['date_to']}."
            )
        return cleaned

    def valid_filters(self) -> dict[str, Any]:
        """The filters that passed validation; invalid ones are dropped (shown as errors).

        Unknown actor or source names are not errors: they are left out and listed in `notices`.
        """
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}

    def filter(self, events: QuerySet[Event], include_dates: bool = True) -> QuerySet[Event]:
        """Apply the valid filters; without `include_dates` the from/to bounds are left out (for the overview)."""
        filters = self.valid_filters()
        if not include_dates:
            filters.pop("date_from", None)
            filters.pop("date_to", None)
        if actors := filters.get("actor"):
            for actor in actors:
                events = events.filter(actors=actor)
        if sources := filters.get("source"):
            events = events.filter(mentions__source__in=sources).distinct()
        if bound := filters.get("date_from"):
            events = events.filter(date_end__gte=bound.start)
        if bound := filters.get("date_to"):
            events = events.filter(date_start__lte=bound.end)
        if text := filters.get("q"):
            events = events.filter(
                Q(headline__icontains=text) | Q(summary__icontains=text) | Q(mentions__sentence__icontains=text)
                | Q(actors__name__icontains=text)
            ).distinct()
        if filters.get("certainty") == "exact":
            events = events.filter(precision="day", approximate=False)
        elif filters.get("certainty") == "approximate":
            events = events.exclude(precision="day", approximate=False)
        if filters.get("key"):
            events = events.filter(importance__gte=KEY_IMPORTANCE)
        if filters.get("planned") == "hide":
            events = events.filter(planned=False)
        elif filters.get("planned") == "only":
            events = events.filter(planned=True)
        return events

    def as_query(self) -> dict[str, Any]:
        """The valid filters as URL parameters (for links, exports and the JSON 'filters' object)."""
        query: dict[str, Any] = {}
        for name, value in self.valid_filters().items():
            if value in (None, "", [], False):
                continue
            key = self.QUERY_NAMES.get(name, name)
            if name == "actor":
                query[key] = [actor.name for actor in value]
            elif name == "source":
                query[key] = [source.file_name for source in value]
            elif name in ("date_from", "date_to"):
                query[key] = self.data[name]
            else:
                query[key] = value
        return query

    def describe(self) -> list[str]:
        """The filters in words, for the handout and the page ("Actor: Dmitri Volkonsky")."""
        labels = {"actor": "Actors", "source": "Sources", "from": "From", "to": "To", "q": "Search",
                  "certainty": "Date certainty", "key": "Key events only", "planned": "Planned events"}
        described = []
        for key, value in self.as_query().items():
            shown = ", ".join(value) if isinstance(value, list) else ("yes" if value is True else str(value))
            described.append(f"{labels[key]}: {shown}")
        return described


def resolve_actors(names: list[str]) -> tuple[list[Actor], list[str]]:
    """Actors by canonical name or alias, case-insensitively; and the names that match none."""
    if not names:
        return [], []
    by_name: dict[str, Actor] = {}
    for actor in Actor.objects.all():
        for name in actor.all_names:
            by_name.setdefault(name.lower(), actor)
    found, unknown = [], []
    for name in names:
        actor = by_name.get(name.lower())
        if actor is None:
            unknown.append(name)
        elif actor not in found:
            found.append(actor)
    return found, unknown


class PageForm(forms.Form):
    page = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)

    def page_number(self) -> int:
        """The requested page; anything unreadable means the first."""
        return (self.cleaned_data.get("page") or 1) if self.is_valid() else 1
