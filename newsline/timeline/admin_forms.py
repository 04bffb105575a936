"""Forms behind the editors' admin: dates typed as people write them, aliases as text, merge and split choices."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet

from newsline.nlp.articles import BadArticle
from newsline.nlp.bylines import parse_typed_date
from newsline.nlp.temporal.values import value_range

from .models import Actor, Event, Mention, Source, web_url_validator

if TYPE_CHECKING:
    from .loading import LoadedArticle

DATE_FIELDS = ("date_text", "date_value", "date_mod", "approximate")

MOD_CHOICES = [
    ("", "none"),
    ("START", "early (START)"),
    ("MID", "mid (MID)"),
    ("END", "late (END)"),
    ("APPROX", "about (APPROX)"),
    ("BEFORE", "before (BEFORE)"),
    ("AFTER", "after (AFTER)"),
    ("ON_OR_BEFORE", "by (ON_OR_BEFORE)"),
    ("ON_OR_AFTER", "from (ON_OR_AFTER)"),
]


def lock_names(changed: list[str], lockable: tuple[str, ...]) -> list[str]:
    """The EditorLocks names for the changed form fields: any date field locks "date"."""
    names = {"date" if name in DATE_FIELDS else name for name in changed}
    return sorted(names & set(lockable))


class EventForm(forms.ModelForm):
    LOCKABLE = ("date", "headline", "summary", "planned", "actors")

    date_text = forms.CharField(
        label="Date",
        required=False,
        max_length=100,
        help_text="Type it as you would write it: “13 Feb 2017”, “week of 13 Feb 2017”, “late July 2017”, "
        "“2017-07”, “c. 2014”. When you change this, the TIMEX3 fields below are ignored.",
    )
    date_mod = forms.ChoiceField(label="Date modifier", choices=MOD_CHOICES, required=False)

    class Meta:
        model = Event
        fields = ["headline", "summary", "date_text", "date_value", "date_mod", "approximate", "planned", "status",
                  "actors"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial["date_text"] = self.instance.display_date if self.instance.date_value else ""
        current_mod = self.instance.date_mod
        if current_mod and current_mod not in dict(MOD_CHOICES):
            self.fields["date_mod"].choices = [*MOD_CHOICES, (current_mod, current_mod)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "date_text" in self.changed_data:
            try:
                parsed = parse_typed_date(cleaned.get("date_text", ""))
            except ValueError as error:
                self.add_error("date_text", str(error))
                return cleaned
            cleaned["date_value"], cleaned["date_mod"], cleaned["approximate"] = (
                parsed.value, parsed.mod, parsed.approximate
            )
        elif {"date_value", "date_mod", "approximate"} & set(self.changed_data):
            if value_range(cleaned.get("date_value", "")) is None:
                self.add_error("date_value", "Not a TIMEX3 date value. Examples: 2017-02-13, 2017-W07, 2017-07, "
                                             "2017-SU, 2017-Q1, 2014, 201 (the 2010s).")
        return cleaned

    def save(self, commit: bool = True) -> Event:
        event: Event = super().save(commit=False)
        if {"date_text", "date_value", "date_mod", "approximate"} & set(self.changed_data):
            event.set_date(event.date_value, event.date_mod, event.approximate)
        locks = lock_names(self.changed_data, self.LOCKABLE)
        if locks:
            event.lock(*locks)
            if "status" not in self.changed_data and event.status != Event.Status.REJECTED:
                event.status = Event.Status.CORRECTED
        if commit:
            event.save()
            self.save_m2m()
        return event


class AliasesField(forms.CharField):
    """A JSON list of names, edited as text with one name per line (or separated by commas)."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:
        if isinstance(value, list):
            return value
        names: list[str] = []
        for name in re.split(r"[,\n]", super().to_python(value)):
            name = " ".join(name.split())
            if name and name.lower() not in {known.lower() for known in names}:
                names.append(name)
        return names


class ActorForm(forms.ModelForm):
    LOCKABLE = ("name", "kind", "aliases", "description")

    aliases = AliasesField(required=False, help_text="Other names and spellings, one per line or comma-separated.")

    class Meta:
        model = Actor
        fields = ["name", "kind", "aliases", "description"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        name = cleaned.get("name", "")
        cleaned["aliases"] = [alias for alias in cleaned.get("aliases", []) if alias.lower() != name.lower()]
        mine = {n.lower() for n in [name, *cleaned["aliases"]] if n}
        for other in Actor.objects.exclude(pk=self.instance.pk):
            clash = mine & {n.lower() for n in other.all_names}
            if clash:
                self.add_error(
                    "aliases",
                    f"“{sorted(clash)[0]}” already names the actor “{other.name}”. "
                    "Merge the two actors instead.",
                )
                break
        return cleaned

    def save(self, commit: bool = True) -> Actor:
        actor: Actor = super().save(commit=False)
        actor.lock(*lock_names(self.changed_data, self.LOCKABLE))
        if commit:
            actor.save()
        return actor


class WebURLField(forms.URLField):
    """A link readers may follow: http and https only."""

    default_validators = [web_url_validator]


class SourceForm(forms.ModelForm):
    LOCKABLE = ("title", "outlet", "url", "published")

    url = WebURLField(required=False, max_length=1000, assume_scheme="https")
    published = forms.DateField(
        required=True,
        help_text="Changing it re-resolves every relative date of this article, except dates an editor set.",
    )
    published_precision = forms.ChoiceField(
        choices=Source._meta.get_field("published_precision").choices, initial="day"
    )

    class Meta:
        model = Source
        fields = ["title", "outlet", "url", "published", "published_precision"]

    @property
    def publication_changed(self) -> bool:
        return bool({"published", "published_precision"} & set(self.changed_data))

    def save(self, commit: bool = True) -> Source:
        source: Source = super().save(commit=False)
        changed = ["published" if name == "published_precision" else name for name in self.changed_data]
        source.lock(*lock_names(changed, self.LOCKABLE))
        if self.publication_changed:
            source.published_how = "editor"
            source.published_evidence = "Set by an editor in the admin."
            source.published_confidence = 1.0
        if commit:
            source.save()
        return source


class MergeActorsForm(forms.Form):
    canonical = forms.ModelChoiceField(
        queryset=Actor.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Keep this actor",
        help_text="The others are folded into it: their mentions and events move over and their names become aliases.",
    )

    def __init__(self, *args: Any, actors: QuerySet[Actor], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["canonical"].queryset = actors


class SplitEventForm(forms.Form):
    mentions = forms.ModelMultipleChoiceField(
        queryset=Mention.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Move these mentions to a new event",
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["mentions"].queryset = event.mentions.select_related("source")
        self.fields["mentions"].label_from_instance = lambda m: f"{m.source.display_name}: “{m.sentence}”"

    def clean_mentions(self) -> QuerySet[Mention]:
        mentions = self.cleaned_data["mentions"]
        if mentions.count() == self.event.mentions.count():
            raise forms.ValidationError("Leave at least one mention on the original event.")
        return mentions


class AddArticleForm(forms.Form):
    """One article for the ingest, given one way: pasted text, an uploaded .txt/.md/.html file, or a page's URL.

    `clean` reads and checks it (nothing is analysed or stored yet): `loaded` is then the article to ingest.
    """

    UPLOAD_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm")

    text = forms.CharField(
        label="Paste the article's text", required=False, strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
        help_text="The article as you read it: headline, byline or dateline, then the story.",
    )
    file = forms.FileField(
        label="or upload a file", required=False,
        help_text="A text file (.txt, .md) or a web page saved from the browser (.html, .htm).",
    )
    url = forms.CharField(
        label="or give the page's address", required=False, max_length=2000,
        widget=forms.URLInput(attrs={"size": 90, "placeholder": "https://"}),
        help_text="Newsline fetches the page once and keeps its HTML.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        given = [name for name in ("text", "file", "url") if data.get(name) and str(data[name]).strip()]
        if len(given) != 1:
            raise forms.ValidationError(
                "Paste the text, upload a file or give a URL: one of the three." if not given
                else "Give the article one way only: pasted text, a file or a URL."
            )
        try:
            self.loaded = self.load(given[0], data[given[0]])
        except BadArticle as error:
            raise forms.ValidationError({given[0]: str(error)[:1].upper() + str(error)[1:] + "."}) from None
        known = Source.objects.filter(key=self.loaded.key).first()
        if known is not None:
            raise forms.ValidationError(f"This article is already in the timeline: “{known}” ({known.file_name}).")
        taken = Source.objects.filter(file_name=self.loaded.name).first()
        if taken is not None and given[0] != "url":
            raise forms.ValidationError(
                {given[0]: f"Another article is stored as {self.loaded.name}; rename the file to add this one."}
            )
        return data

    def load(self, how: str, value: Any) -> LoadedArticle:
        from . import loading  # loads spaCy, which the rest of the admin does not need

        limit = settings.NEWSLINE_MAX_ARTICLE_BYTES
        if how == "url":
            return loading.load_url(value.strip())
        if how == "text":
            data = value.encode("utf-8")
            if len(data) > limit:
                raise BadArticle(f"the text is {len(data):,} bytes, more than the limit of {limit:,}")
            return loading.load_text(data, loading.pasted_file_name(value), "pasted text")
        name = Path(value.name).name
        suffix = Path(name).suffix.lower()
        if suffix not in self.UPLOAD_SUFFIXES:
            raise BadArticle(f"{name} is not a text file or a web page (.txt, .md, .html, .htm)")
        if value.size > limit:
            raise BadArticle(f"{name} is {value.size:,} bytes, more than the limit of {limit:,}")
        data = value.read()
        if suffix in loading.HTML_SUFFIXES:
            return loading.load_page(data, name, f"uploaded {name}")
        return loading.load_text(data, name, f"uploaded {name}")
