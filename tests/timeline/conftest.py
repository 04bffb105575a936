import hashlib
import importlib
from collections.abc import Callable

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from newsline.nlp.temporal import modified_range
from newsline.timeline.models import Event, Mention, Source

def editors_group() -> Group:
    """The group made by the data migration; made again if a transactional test flushed the database."""
    group = Group.objects.filter(name="Editors").first()
    if group is None:
        migration = importlib.import_module("newsline.timeline.migrations.0002_editors_group")
        migration.create_editors_group(apps, None)
        group = Group.objects.get(name="Editors")
    return group


@pytest.fixture
def editor(db, django_user_model):
    """A staff account in the Editors group, not a superuser."""
    user = django_user_model.objects.create_user("editor", is_staff=True)
    user.groups.add(editors_group())
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def add_source(db) -> Callable[..., Source]:
    def add(name: str = "article.txt", published: str = "2017-02-16", how: str = "printed",
            confidence: float = 0.9) -> Source:
        return Source.objects.create(
            key=hashlib.sha256(name.encode()).hexdigest(), file_name=name, title=f"Title of {name}",
            text="Article text.", published=published or None, published_precision="day" if published else "",
            published_how=how, published_confidence=confidence,
        )

    return add


@pytest.fixture
def add_event(add_source) -> Callable[..., Event]:
    """An event with one mention per source; the mention carries the same date unless `mention_values` says."""

    def add(headline: str, value: str = "2017-02-13", sources: list[Source] | None = None, expression: str = "",
            anchor: str = "absolute", mention_values: list[str] | None = None, **fields) -> Event:
        event = Event(headline=headline, summary=f"{headline}.", confidence=fields.pop("confidence", 0.9), **fields)
        event.set_date(value)
        event.save()
        sources = sources or [Source.objects.first() or add_source()]
        for index, source in enumerate(sources):
            mention_value = (mention_values or [value] * len(sources))[index]
            span = modified_range(mention_value)
            sentence = f"{headline}, {expression or mention_value}."
            Mention.objects.create(
                event=event, source=source, key=hashlib.sha256(f"{headline}{index}".encode()).hexdigest(),
                sentence=sentence, headline=headline, sentence_start=0, sentence_end=len(sentence),
                expression=expression or mention_value, date_value=mention_value,
                date_start=span.start if span else None,
                date_end=span.end if span else None, anchor=anchor,
            )
        return event

    return add


def bound_value(field) -> object:
    value = field.value()
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return "" if value is None else str(value)


@pytest.fixture
def change_form_data() -> Callable[..., dict]:
    """The POST data of an admin change page as it stands, with `changes` applied: what a browser would send."""

    def data_for(response, **changes) -> dict:
        form = response.context["adminform"].form
        data = {name: bound_value(form[name]) for name in form.fields}
        for inline in response.context.get("inline_admin_formsets", []):
            formset = inline.formset
            data.update({f"{formset.prefix}-{name}": bound_value(formset.management_form[name])
                         for name in formset.management_form.fields})
            for subform in formset.forms:
                data.update({subform.add_prefix(name): bound_value(subform[name])
                             for name in subform.fields if name in ("id", formset.fk.name)})
        data.update(changes)
        return {name: value for name, value in data.items() if value != ""} | {
            name: value for name, value in changes.items()
        }

    return data_for
