"""Response time of `/` with 200 and with 20,000 events, measured in one run on a throwaway test database.

    DEBUG=1 .venv/bin/python benchmarks/bench_timeline.py

Every event names two of 40 actors and also "Lead Actor", so `/?actor=Lead+Actor` fills the first page at both sizes
and measures the filter itself; `/?actor=Actor+3` matches 10 events at 200 and 1,000 at 20,000, so part of its ratio
is drawing 50 events instead of 10.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsline.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from newsline.timeline.models import Event  # noqa: E402
from tests.timeline.factories import make_actor, make_many_events, make_source  # noqa: E402

REPEATS = 25
URLS = ["/", "/?actor=Lead+Actor", "/?actor=Actor+3", "/?from=2011&to=2012", "/?lanes=actor", "/story/?page=150"]


def best_ms(client: Client, url: str) -> tuple[float, float, int]:
    """The fastest of REPEATS renders, in wall-clock and in this process's CPU milliseconds, and the query count.

    SQLite runs inside this process, so CPU time covers the queries too and is barely disturbed by other work on a
    shared machine; the fastest run is the one least disturbed.
    """
    client.get(url)  # warm the template cache
    # A parameter the page ignores makes every request a page the server has not kept, so each one is rendered.
    separator = "&" if "?" in url else "?"
    wall, cpu = [], []
    for repeat in range(REPEATS):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(f"{url}{separator}repeat={repeat}")
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{url}{separator}repeat=counted")
    return min(wall), min(cpu), len(queries.captured_queries)


def add_lead_actor(lead) -> None:
    """Name `lead` in every event that does not name it yet."""
    through = Event.actors.through
    missing = Event.objects.exclude(actors=lead).values_list("pk", flat=True)
    through.objects.bulk_create([through(event_id=pk, actor_id=lead.pk) for pk in missing], batch_size=1000)


def main() -> None:
    setup_test_environment()
    plain_storage = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": plain_storage}
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        client = Client()
        source = make_source()
        actors = [make_actor(f"Actor {n}") for n in range(40)]
        lead = make_actor("Lead Actor")
        make_many_events(200, source, actors)
        add_lead_actor(lead)
        small = {url: best_ms(client, url) for url in URLS}
        make_many_events(19_800, source, actors)
        add_lead_actor(lead)
        large = {url: best_ms(client, url) for url in URLS}
        print(f"{'URL':<26}{'200 events':>12}{'20,000 events':>16}{'ratio':>7}{'CPU 200':>10}{'CPU 20,000':>12}"
              f"{'ratio':>7}{'queries':>10}")
        for url in URLS:
            (small_ms, small_cpu, small_queries), (large_ms, large_cpu, large_queries) = small[url], large[url]
            print(f"{url:<26}{small_ms:>9.1f} ms{large_ms:>13.1f} ms{large_ms / small_ms:>7.2f}{small_cpu:>7.1f} ms"
                  f"{large_cpu:>9.1f} ms{large_cpu / small_cpu:>7.2f}{small_queries:>5} / {large_queries}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
