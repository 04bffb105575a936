"""Story mode in the browser: walked with the keyboard alone, as a teacher would when projecting."""

import re

import pytest

from tests.browser.test_timeline import timeline  # noqa: F401 (the shared fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_keyboard_walks_story_mode_with_the_arrow_keys_and_reaches_the_sources(
    live_server, page, timeline  # noqa: F811
):
    page.goto(live_server.url + "/story/")
    assert page.locator("#story-position").inner_text() == "1 of 4"

    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"/story/\?page=2$"))
    assert page.locator("#story-position").inner_text() == "2 of 4"
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"/story/\?page=3$"))
    assert page.locator(".story-headline").inner_text() == "Ministers met in the capital"
    assert page.locator("progress").get_attribute("value") == "3"
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"/story/\?page=4$"))
    page.keyboard.press("ArrowRight")  # the last slide: nothing further
    page.wait_for_timeout(300)
    assert page.url.endswith("/story/?page=4")
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(re.compile(r"/story/\?page=3$"))

    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.story-sources') !== null"):
            break
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "BBC: Ministers meet as sanctions bite"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sources/\d+/#mention-\d+$"))
    assert page.locator("h1").inner_text() == "Ministers meet as sanctions bite"


def test_story_buttons_and_the_way_back_to_the_timeline(live_server, page, timeline):  # noqa: F811
    page.goto(live_server.url + "/story/?actor=Beta+Union")
    assert page.locator("#story-position").inner_text() == "1 of 2"
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url(re.compile(r"actor=Beta(\+|%20)Union&page=2$"))
    assert page.locator(".story-headline").inner_text() == "Summit planned for the spring"
    page.get_by_role("link", name="Back to the timeline").click()
    page.wait_for_url(re.compile(rf"/\?actor=Beta\+Union&page=1#event-{timeline['summit'].pk}$"))
    assert page.locator(".event-card").count() == 2


def test_story_prints_one_event_per_page_without_the_controls(live_server, page, timeline):  # noqa: F811
    page.goto(live_server.url + "/story/?page=2")
    page.emulate_media(media="print")
    assert page.locator(".story-pager").is_hidden()
    assert page.locator(".story-headline").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.story-slide')).breakAfter") == "page"
