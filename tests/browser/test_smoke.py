import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_timeline_page_renders_in_chromium(live_server, page):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Timeline"
