"""An editor adds an article through the admin's "Add article" page and sees its events on the timeline."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from newsline.timeline.models import Event, Source

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
ARTICLE = """Lighthouse keepers end strike on Orrin Island

ORRIN ISLAND, May 9, 2019 - The lighthouse keepers of Orrin Island ended their strike on Wednesday after the
maritime agency agreed to raise their pay.
Union leader Tomas Verhagen said the keepers would return to work on May 13, 2019.
"""


@pytest.fixture
def editor(django_user_model):
    # Transactional tests flush the database, and with it the group the data migrations made: make it again.
    if not Group.objects.filter(name="Editors").exists():
        importlib.import_module("newsline.timeline.migrations.0002_editors_group").create_editors_group(apps, None)
        importlib.import_module("newsline.timeline.migrations.0005_editors_add_source").grant_add_source(apps, None)
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editor_pastes_an_article_and_sees_its_events_on_the_timeline(live_server, page, editor, artifacts_dir):
    page.goto(f"{live_server.url}/admin/timeline/source/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    page.click("text=Add article")
    page.click("#add-article-form input[type=submit]")
    assert "one of the three" in page.locator(".errornote").inner_text()

    page.fill("#id_text", ARTICLE)
    page.click("#add-article-form input[type=submit]")
    message = page.locator(".messagelist").inner_text()
    assert "created" in message and "need review" in message
    page.screenshot(path=str(artifacts_dir / "admin-article-added.png"), full_page=True)

    source = Source.objects.get()
    assert str(source.published) == "2019-05-09"
    headlines = list(Event.objects.filter(mentions__source=source).values_list("headline", flat=True))
    assert headlines
    page.click("text=See it on the timeline")
    assert "Lighthouse keepers end strike" in page.locator("h1").inner_text()
    page.goto(live_server.url + "/")
    timeline = page.locator("main").inner_text()
    assert any(headline in timeline for headline in headlines)
