import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from newsline.nlp.temporal import display_value
from newsline.timeline.models import Event, Mention, Source

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(django_user_model):
    # Transactional tests flush the database, and with it the group the data migration made: make it again.
    if not Group.objects.filter(name="Editors").exists():
        importlib.import_module("newsline.timeline.migrations.0002_editors_group").create_editors_group(apps, None)
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def event() -> Event:
    source = Source.objects.create(key="k" * 64, file_name="bonn.txt", title="Ministers meet in Bonn",
                                   text="Article text.", published="2017-02-16", published_how="printed")
    event = Event(headline="Ministers met in Bonn", summary="Ministers met in Bonn on Monday.")
    event.set_date("2016-02-13")
    event.save()
    sentence = "Ministers met in Bonn on Monday."
    Mention.objects.create(event=event, source=source, key="m" * 64, sentence=sentence, sentence_start=0,
                           sentence_end=len(sentence), expression="Monday", date_value="2016-02-13",
                           anchor="publication")
    return event


def test_editor_logs_in_and_corrects_an_event_date(live_server, page, editor, event, artifacts_dir):
    page.goto(f"{live_server.url}/admin/timeline/event/{event.pk}/change/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    page.fill("#id_date_text", "sometime soon")
    page.click("input[name=_continue]")
    assert "is not a date Newsline can read" in page.locator(".errorlist").first.inner_text()

    page.fill("#id_date_text", "week of 13 Feb 2017")
    page.click("input[name=_continue]")
    assert "was changed successfully" in page.locator(".messagelist").inner_text()
    page.screenshot(path=str(artifacts_dir / "admin-event-corrected.png"), full_page=True)

    event.refresh_from_db()
    assert (event.date_value, event.status, event.edited_fields) == ("2017-W07", "corrected", ["date"])
    page.goto(live_server.url + "/")
    shown = page.locator(f"time[datetime='{event.date_start:%Y-%m-%d}']").first.inner_text()
    assert shown == display_value("2017-W07")
