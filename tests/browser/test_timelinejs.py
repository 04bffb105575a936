"""Our TimelineJS export, loaded into the real TimelineJS3 (node_modules, pinned in package.json, test-only)."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_timeline import timeline  # noqa: F401 (the shared fixture)

pytestmark = pytest.mark.django_db(transaction=True)

TIMELINEJS = Path(__file__).resolve().parents[2] / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
EMBED_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title></head>
<body><div id="timeline-embed"></div></body></html>"""


@pytest.fixture(scope="session")
def timelinejs() -> Path:
    if not (TIMELINEJS / "js" / "timeline.js").exists():
        if os.environ.get("CI") == "true":
            pytest.fail("node_modules/@knight-lab/timelinejs is missing and CI=true; `make test` runs npm ci.")
        pytest.skip("TimelineJS3 is not installed; `make test` installs it with npm ci.")
    return TIMELINEJS


def test_timelinejs_shows_our_headlines_on_its_slides(live_server, page, artifacts_dir, timelinejs,
                                                      timeline):  # noqa: F811
    response = page.request.get(live_server.url + "/export/timelinejs/?actor=Alpha+Land")
    assert response.ok
    export = response.json()

    page.set_content(EMBED_PAGE)
    page.add_style_tag(content="#timeline-embed { width: 1200px; height: 640px; }")
    page.add_style_tag(path=str(timelinejs / "css" / "timeline.css"))
    page.add_script_tag(path=str(timelinejs / "js" / "timeline.js"))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.evaluate("data => { window.newslineTimeline = new TL.Timeline('timeline-embed', data); }", export)

    headlines = page.locator(".tl-slide .tl-headline")
    expect(headlines.first).to_be_attached()
    shown = {text.strip() for text in headlines.all_text_contents()}
    # Alpha Land's three dated events, each on its own slide, after the title slide.
    for name in ("sanctions", "border", "talks"):
        assert timeline[name].headline in shown, (timeline[name].headline, shown)
    assert timeline["summit"].headline not in shown
    # The navigator below the slides has a marker for each event, and "next" walks to the first event.
    expect(page.locator(".tl-timemarker")).to_have_count(3)
    page.locator(".tl-slidenav-next").first.click()
    expect(page.locator(".tl-slide-content-container .tl-headline", has_text=timeline["sanctions"].headline)
           .first).to_be_visible()
    assert errors == []
    page.wait_for_timeout(1500)  # let the slide animation finish before the picture
    page.screenshot(path=str(artifacts_dir / "timelinejs-export.png"))
