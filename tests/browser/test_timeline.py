import re
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.timeline.factories import add_mention, make_actor, make_event, make_many_events, make_source

pytestmark = pytest.mark.django_db(transaction=True)

# htmx writes spaces as %20, a plain form as +; empty filters must not appear in either.
BETA_UNION_ONLY = re.compile(r"/\?actor=Beta(\+|%20)Union$")


@pytest.fixture
def timeline():
    bbc = make_source("bbc.txt", outlet="BBC", published=date(2017, 2, 16), title="Ministers meet as sanctions bite")
    wire = make_source("wire.txt", outlet="Wire", published=date(2017, 3, 2), how="inferred", confidence=0.4,
                       title="Summit set for spring")
    events = {
        "sanctions": make_event("Sanctions imposed on Alpha Land's banks", "2014",
                                actors=("Alpha Land", "Gamma League"),
                                source=bbc, sentence="Sanctions were first imposed in 2014.", expression="2014"),
        "border": make_event("Border talks collapse", "2015-06-03", actors=("Alpha Land",), source=bbc),
        "talks": make_event(
            "Ministers met in the capital", "2017-W07", actors=("Alpha Land", "Beta Union"), source=bbc,
            sentence="Ministers met in the capital earlier this week, officials said.", expression="earlier this week",
            anchor="publication", rule="the week of the publication date", importance=0.9,
        ),
        "summit": make_event("Summit planned for the spring", "2017-05", actors=("Beta Union",), source=wire,
                             planned=True, sentence="A summit is planned for May.", expression="May",
                             anchor="publication", rule="the next May after the publication date"),
    }
    add_mention(events["talks"], wire, "The ministers met last month.", "last month", "2017-01", anchor="publication")
    return events


def cards(page):
    return page.locator(".event-card")


def test_actor_filter_narrows_the_list_pushes_the_url_and_back_restores_it(live_server, page, timeline):
    page.goto(live_server.url + "/")
    assert cards(page).count() == 4
    # An expando on the document survives an htmx swap but not a page load (and needs no eval under the CSP).
    page.evaluate("document.documentElement.dataset.noReload = 'yes'")

    page.locator('input[name="actor"][value="Beta Union"]').check()
    page.wait_for_url(BETA_UNION_ONLY)
    expect(cards(page)).to_have_count(2)
    assert page.locator("html[data-no-reload=yes]").count() == 1, "htmx should swap the list, not reload the page"
    assert "2 events matching your filters" in page.locator("#result-count").inner_text()
    assert page.locator('input[name="actor"][value="Beta Union"]').is_checked()

    page.go_back()
    page.wait_for_url(live_server.url + "/")
    expect(cards(page)).to_have_count(4)
    assert not page.locator('input[name="actor"][value="Beta Union"]').is_checked()

    page.go_forward()
    page.wait_for_url(BETA_UNION_ONLY)
    expect(cards(page)).to_have_count(2)
    assert page.locator('input[name="actor"][value="Beta Union"]').is_checked()


def test_actor_link_on_a_card_filters_the_timeline(live_server, page, timeline):
    page.goto(live_server.url + "/")
    page.locator(".actors a", has_text="Gamma League").first.click()
    page.wait_for_url(re.compile(r"/\?actor=Gamma(\+|%20)League$"))
    assert cards(page).count() == 1


def test_filters_work_without_javascript(live_server, browser, timeline):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.locator('input[name="actor"][value="Alpha Land"]').check()
    page.fill("#id_from", "2015")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/?*actor=Alpha+Land*")
    assert "from=2015" in page.url
    assert cards(page).count() == 2
    expander = page.locator(f"#expander-{timeline['talks'].pk}")
    expander.click()
    page.wait_for_url(f"**/events/{timeline['talks'].pk}/")
    assert page.locator("mark", has_text="earlier this week").is_visible()
    context.close()


def test_expanding_an_event_shows_its_provenance_in_place(live_server, page, timeline):
    talks = timeline["talks"]
    page.goto(live_server.url + "/")
    expander = page.locator(f"#expander-{talks.pk}")
    assert expander.get_attribute("aria-expanded") == "false"
    expander.focus()
    page.keyboard.press("Enter")
    details = page.locator(f"#details-{talks.pk}")
    details.locator("mark", has_text="earlier this week").wait_for()
    assert page.url == live_server.url + "/"
    assert expander.get_attribute("aria-expanded") == "true"
    text = " ".join(details.inner_text().split())
    assert ("“earlier this week” — BBC: Ministers meet as sanctions bite, published Thu 16 Feb 2017"
            " → week of 13 Feb 2017") in text
    assert "The sources do not agree" in text and "Wire dates it Jan 2017" in text
    assert page.evaluate("document.activeElement.id") == f"expander-{talks.pk}"

    expander.click()
    assert expander.get_attribute("aria-expanded") == "false"
    assert details.is_hidden()


def test_load_more_appends_events_and_moves_focus_to_them(live_server, page):
    make_many_events(60, make_source(), [make_actor("Alpha Land")])
    page.goto(live_server.url + "/")
    assert cards(page).count() == 50
    page.get_by_role("link", name="Load more events").click()
    expect(cards(page)).to_have_count(60)
    assert page.url == live_server.url + "/"
    assert page.evaluate("document.activeElement.closest('.event-card')?.id") == cards(page).nth(50).get_attribute("id")


def resolve(path: str, timeline) -> str:
    if path == "event":
        return f"/events/{timeline['talks'].pk}/"
    if path == "source":
        return f"/sources/{timeline['talks'].mentions.first().source_id}/"
    return path


@pytest.mark.parametrize("path", ["/", "/?lanes=actor", "/?actor=Beta+Union&from=2017", "/?from=notadate&q=x",
                                  "/story/", "/story/?page=3", "event", "source"])
def test_pages_have_no_axe_violations(live_server, page, axe_script, timeline, path):
    path = resolve(path, timeline)
    page.goto(live_server.url + path)
    if path == "/":
        page.locator(f"#expander-{timeline['talks'].pk}").click()
        page.locator(f"#details-{timeline['talks'].pk} mark").first.wait_for()
        page.locator(".export-menu summary").click()
    assert axe_violations(page, axe_script) == []


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name, path", [("timeline", "/"), ("timeline-lanes", "/?lanes=actor"),
                                        ("story", "/story/?page=3"), ("event", "event"), ("source", "source")])
def test_screenshots(live_server, browser, artifacts_dir, axe_script, timeline, name, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + resolve(path, timeline))
    if name == "timeline":
        page.locator(f"#expander-{timeline['talks'].pk}").click()
        page.locator(f"#details-{timeline['talks'].pk} mark").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scrolling"
    assert axe_violations(page, axe_script) == []
    shot = artifacts_dir / f"{name}-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    context.close()


def test_on_a_phone_events_are_on_the_first_screen_and_the_filters_fold_away(live_server, browser, timeline):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + "/?actor=Alpha+Land")
    toggle = page.locator("#filters-panel > summary")
    assert toggle.inner_text().strip() == "Filters (1 active)"
    assert page.locator("#filters").is_hidden()
    assert cards(page).first.bounding_box()["y"] < 740 or page.locator(".time-scale").bounding_box()["y"] < 740
    assert page.locator(".overview").bounding_box()["y"] < 400
    toggle.click()
    assert page.locator("#filters").is_visible()
    context.close()


def test_no_inline_styles_or_scripts_on_public_pages(live_server, page, timeline):
    for path in ("/", "/?lanes=actor", "/story/", resolve("event", timeline), resolve("source", timeline)):
        page.goto(live_server.url + path)
        assert page.locator("[style]").count() == 0, path
        assert page.locator("style").count() == 0, path
        assert page.locator("script:not([src])").count() == 0, path


def test_narrowest_supported_width_does_not_scroll_sideways(live_server, browser, timeline):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ("/", f"/events/{timeline['talks'].pk}/", f"/sources/{timeline['talks'].mentions.first().source_id}/"):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    context.close()


def test_print_stylesheet_hides_the_controls(live_server, page, timeline):
    page.goto(live_server.url + "/")
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden()
    assert page.locator(".export-menu").is_hidden()
    assert cards(page).first.is_visible()
