"""The overview zooms the whole view: choosing a stretch of it sets from/to in the URL."""

import re

import pytest

from tests.browser.test_timeline import timeline  # noqa: F401 (the shared fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def headlines(page) -> list[str]:
    return page.locator(".event-card .headline").all_inner_texts()


def test_choosing_a_year_of_the_overview_zooms_the_list_and_the_scale(live_server, page, timeline):  # noqa: F811
    page.goto(live_server.url + "/")
    assert len(headlines(page)) == 4
    page.locator('.overview a[aria-label="Zoom to 2017"]').click()
    page.wait_for_url(re.compile(r"/\?from=2017&to=2017$"))
    assert headlines(page) == ["Ministers met in the capital", "Summit planned for the spring"]
    assert page.locator("#id_from").input_value() == "2017" and page.locator("#id_to").input_value() == "2017"
    # The overview still spans every year, with the chosen stretch marked; the scale shows only 2017.
    assert page.locator(".overview .bar.selected").count() == 2
    assert page.locator(".overview .bar").count() == 4
    assert page.locator(".scale-chart .mark").count() == 2
    page.get_by_role("link", name="Show all dates").click()
    page.wait_for_url(re.compile(r"/\??$"))
    assert len(headlines(page)) == 4


def test_a_month_bar_zooms_to_that_month_and_shows_its_count_on_focus(live_server, page, timeline):  # noqa: F811
    page.goto(live_server.url + "/")
    bar = page.locator('.overview a[aria-label="May 2017: 1 event"]')
    bar.focus()
    count = bar.locator(".bar-count")
    assert count.evaluate("element => getComputedStyle(element).visibility") == "visible"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/\?from=2017-05&to=2017-05$"))
    assert headlines(page) == ["Summit planned for the spring"]


def test_lanes_by_actor_put_each_top_actor_on_a_row(live_server, page, timeline):  # noqa: F811
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Lanes by actor").click()
    page.wait_for_url(re.compile(r"/\?lanes=actor$"))
    lanes = page.locator(".scale-chart .lane-label title").all_text_contents()
    assert lanes[:2] == ["Alpha Land", "Beta Union"]
    # A year-only event is drawn as a bar across its year, far wider than a day's dot.
    year_bar = page.locator(f'.scale-chart a[href="/events/{timeline["sanctions"].pk}/"] rect').first
    assert year_bar.bounding_box()["width"] > 100


def test_dragging_across_the_overview_zooms_to_that_stretch(live_server, page, timeline):  # noqa: F811
    page.goto(live_server.url + "/")
    start = page.locator('.overview a[aria-label="June 2015: 1 event"] .hit').bounding_box()
    end = page.locator('.overview a[aria-label="February 2017: 1 event"] .hit').bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + 20)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + 20, steps=5)
    assert page.locator(".overview .bar-link.in-stretch").count() == 2
    page.mouse.up()
    page.wait_for_url(re.compile(r"/\?from=2015-06&to=2017-02$"))
    assert headlines(page) == ["Border talks collapse", "Ministers met in the capital"]
