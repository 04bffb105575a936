"""ingest --url / --urls against a real HTTP server on 127.0.0.1, run in a thread (never the internet)."""

from collections.abc import Iterator
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from newsline.timeline.models import Source
from tests.timeline.local_server import local_server, small_fetch_limits
from tests.timeline.test_fetch import Handler
from tests.timeline.test_ingest_html import JSON_LD, page

pytestmark = pytest.mark.django_db

STORY = page(JSON_LD).encode("utf-8")


class StoryHandler(Handler):
    def do_GET(self) -> None:
        if self.path == "/news/2015/harbour-ferry":
            return self.send(200, "text/html; charset=utf-8", STORY)
        if self.path == "/menu":
            return self.send(200, "text/html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
        return super().do_GET()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(StoryHandler) as url:
        yield url


@pytest.fixture(autouse=True)
def fetch_limits(settings):
    small_fetch_limits(settings)


def test_a_fetched_page_is_ingested_as_a_saved_page(server, capsys):
    call_command("ingest", "--jobs", "1", "--url", server + "/news/2015/harbour-ferry")
    source = Source.objects.get()
    assert source.file_name == "127.0.0.1-news-2015-harbour-ferry.html"
    assert source.html == STORY.decode("utf-8")
    assert source.published == date(2015, 11, 17)
    assert source.url == "https://courier.example/2015/harbour-board-ferry-terminal"
    assert source.mentions.exists()
    call_command("ingest", "--jobs", "1", "--url", server + "/news/2015/harbour-ferry")
    assert "1 unchanged" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404"),
        ("/loop-a", "too many redirects"),
        ("/huge-declared", "too large"),
        ("/huge-streamed", "too large"),
        ("/report.pdf", "not an HTML page (application/pdf)"),
        ("/menu", "no article text"),
    ],
)
def test_a_url_that_cannot_be_ingested_is_reported_and_stores_nothing(server, capsys, path, reason):
    with pytest.raises(CommandError, match="1 file") as raised:
        call_command("ingest", "--jobs", "1", "--url", server + path)
    assert raised.value.returncode == 1
    assert reason in capsys.readouterr().err
    assert not Source.objects.exists()


def test_a_list_of_urls_ingests_the_good_and_reports_the_bad(server, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# pages to read\n{server}/news/2015/harbour-ferry\n\n{server}/missing\nftp://example.org/x\n")
    with pytest.raises(CommandError, match="2 file"):
        call_command("ingest", "--jobs", "1", "--urls", str(urls))
    captured = capsys.readouterr()
    assert "1 created" in captured.out
    assert f"{server}/missing: HTTP 404" in captured.err
    assert "only http and https" in captured.err
    assert Source.objects.get().file_name == "127.0.0.1-news-2015-harbour-ferry.html"


def test_an_unreadable_url_list_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read the URL list"):
        call_command("ingest", "--urls", str(tmp_path / "absent.txt"))
