import html
import re

import pytest
from markdown_it import MarkdownIt

from newsline.exports.formats import md
from newsline.timeline.models import Event

from .data import download

pytestmark = pytest.mark.django_db

# CommonMark with raw HTML allowed: the most permissive renderer a wiki could use.
RENDERER = MarkdownIt("commonmark", {"html": True})


def rendered_text(markdown: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", RENDERER.render(markdown)))


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
    "![x](http://x/y.png)", "**bold** _it_ `code` ~~s~~ | a | b |", "AT&T &amp; R&D", "back\\slash",
])
def test_markdown_text_renders_to_exactly_the_original_and_no_markup(text):
    rendered = RENDERER.render(md(text))
    assert rendered == f"<p>{html.escape(text, quote=False)}</p>\n"


def test_events_in_date_order_with_dates_actors_and_numbered_sources(client, room):
    response, body = download(client, "md")
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    text = body.decode()
    events = list(Event.objects.visible().chronological())
    items = [line for line in text.splitlines() if line.startswith("- **")]
    assert len(items) == len(events)
    for item, event in zip(items, events):
        assert item.startswith(f"- **{event.display_date}**: {event.headline}")
    assert items[-1].startswith("- **date unresolved**")
    sources_part = text.split("## Sources", 1)[1]
    assert "1. Lakeside Gazette, “Leaders meet at the lake”, published Thu 14 March 2019 (gazette-summit.txt)" in sources_part
    assert "Sources: \\[1\\] Lakeside Gazette, Thu 14 March 2019; \\[2\\] Hill Courier, Sun 2 June 2019" in text


def test_filters_are_stated_and_honoured(client, room):
    text = download(client, "md", "actor=Ruritania")[1].decode()
    assert "Filters: Actors: Ruritania" in text
    assert [line for line in text.splitlines() if line.startswith("- **")] == ["- **2018**: Treaty drafted in secret  "]


def test_hostile_article_renders_as_text_only(client, hostile):
    markdown = download(client, "md")[1].decode()
    rendered = RENDERER.render(markdown)
    assert "<script" not in rendered and "<img" not in rendered and "href" not in rendered
    assert hostile.headline in rendered_text(markdown)
