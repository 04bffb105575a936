"""Every page under the Content-Security-Policy in a real browser: no violation reported, admin included."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from tests.timeline.factories import make_event, make_source

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"

# Collects the securitypolicyviolation events of the page, from before its first script runs.
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
                              `at ${event.sourceFile || ""}:${event.lineNumber}`);
});
"""


@pytest.fixture
def watched_page(browser):
    """A page that records CSP violations both as console messages and as securitypolicyviolation events."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    page.console_messages_seen = []
    page.on("console", lambda message: page.console_messages_seen.append(message.text))
    yield page
    context.close()


def violations(page) -> list[str]:
    page.wait_for_load_state("networkidle")
    from_console = [text for text in page.console_messages_seen if "Content Security Policy" in text]
    return from_console + page.evaluate("window.__cspViolations")


@pytest.fixture
def site() -> dict[str, str]:
    source = make_source("lake.txt", outlet="Lake Post", text="")
    event = make_event("Talks at the lake", "2017-02-13", actors=("Alma Ames",), source=source)
    make_event("A walkout", "2019-W20", actors=("Bruno Berg",), source=source)
    make_event("A plan for the autumn", "2019-FA", actors=("Alma Ames",), source=source, planned=True)
    paths = {"timeline": "/", "filtered timeline": "/?actor=Alma+Ames&from=2017&q=lake", "lanes": "/?lanes=actor",
             "event": f"/events/{event.pk}/", "source": f"/sources/{source.pk}/",
             "handout": "/export/handout/", "cards": "/export/cards/?actor=Alma+Ames"}
    try:
        paths["story"] = reverse("timeline:story")
    except NoReverseMatch:
        pass
    paths |= {"admin event changelist": "/admin/timeline/event/",
              "admin event change form": f"/admin/timeline/event/{event.pk}/change/",
              "admin source change form": f"/admin/timeline/source/{source.pk}/change/",
              "admin history": f"/admin/timeline/event/{event.pk}/history/"}
    return paths


@pytest.fixture
def editor(django_user_model):
    if not Group.objects.filter(name="Editors").exists():
        importlib.import_module("newsline.timeline.migrations.0002_editors_group").create_editors_group(apps, None)
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_no_page_violates_the_content_security_policy(live_server, watched_page, site, editor):
    page = watched_page
    found = {}
    for name, path in site.items():
        if name.startswith("admin"):
            continue
        page.goto(live_server.url + path)
        found[name] = violations(page)

    # Interactions that load content with htmx: a filter change and an event's sources.
    page.goto(live_server.url + "/")
    page.locator(".expander").first.click()
    page.wait_for_load_state("networkidle")
    found["timeline after htmx"] = violations(page)

    if "story" in site:
        page.goto(live_server.url + site["story"])
        page.keyboard.press("ArrowRight")
        page.wait_for_load_state("networkidle")
        found["story after a key press"] = violations(page)

    page.goto(live_server.url + "/admin/")
    found["admin login"] = violations(page)
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    for name, path in site.items():
        if name.startswith("admin"):
            page.goto(live_server.url + path)
            assert page.locator("#content").count() == 1, name
            found[name] = violations(page)
    assert {name: seen for name, seen in found.items() if seen} == {}
