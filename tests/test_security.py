"""The Content-Security-Policy and what it relies on: no inline script or style in any page Newsline serves."""

from html.parser import HTMLParser

import pytest
from django.urls import NoReverseMatch, reverse

from newsline.exports.formats import FORMATS
from tests.timeline.conftest import editors_group
from tests.timeline.factories import make_event, make_source

pytestmark = pytest.mark.django_db

EXECUTABLE_SCRIPT_TYPES = ("", "text/javascript", "module", "application/javascript")


class InlineCode(HTMLParser):
    """What a CSP without 'unsafe-inline' blocks: inline scripts and styles, event handlers, style attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "style":
            self.found.append("<style> element")
        if tag == "script" and not attributes.get("src") and attributes.get("type", "") in EXECUTABLE_SCRIPT_TYPES:
            self.found.append("inline <script>")
        for name, value in attrs:
            if name == "style":
                self.found.append(f'<{tag} style="{value}">')
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:…>")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.fixture
def pages() -> list[str]:
    source = make_source("lake.txt", outlet="Lake Post", text="")
    event = make_event("Talks at the lake", "2017-02-13", actors=("Alma Ames",), source=source)
    make_event("A walkout", "2019-W20", actors=("Bruno Berg",), source=source)
    paths = ["/", "/?actor=Alma+Ames&from=2017", "/?lanes=actor", f"/events/{event.pk}/", f"/sources/{source.pk}/",
             "/export/handout/", "/export/cards/"]
    try:
        paths.append(reverse("timeline:story"))
    except NoReverseMatch:
        pass
    return paths


def test_every_response_sends_a_policy_without_unsafe_inline(client, pages):
    for path in [*pages, *(f"/export/{name}/" for name in FORMATS), "/admin/login/", "/no-such-page/"]:
        policy = client.get(path)["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'", path
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
        assert "unsafe" not in policy


def test_public_pages_have_no_inline_script_or_style(client, pages):
    found = {path: inline_code(client.get(path).content.decode()) for path in pages}
    assert {path: code for path, code in found.items() if code} == {}


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    editor.groups.add(editors_group())
    client.force_login(editor)
    return client


def test_admin_pages_have_no_inline_script_or_style(editor_client, pages):
    source = make_source("river.txt", outlet="River News")
    event = make_event("Talks at the river", "2017-02-13", source=source)
    paths = ["/admin/", "/admin/timeline/event/", "/admin/timeline/event/?review=queue",
             f"/admin/timeline/event/{event.pk}/change/", f"/admin/timeline/event/{event.pk}/history/",
             f"/admin/timeline/source/{source.pk}/change/", "/admin/timeline/actor/", "/admin/password_change/"]
    found = {path: inline_code(editor_client.get(path).content.decode()) for path in paths}
    assert {path: code for path, code in found.items() if code} == {}


def test_inline_code_finder_finds_what_the_policy_blocks():
    html = ('<style>p{}</style><script>run()</script><script src="/static/a.js"></script>'
            '<script type="application/json">{}</script><p style="left: 1%" onclick="x()"><a href="javascript:x()">')
    assert inline_code(html) == ["<style> element", "inline <script>", '<p style="left: 1%">', "<p onclick=…>",
                                 "<a href=javascript:…>"]
