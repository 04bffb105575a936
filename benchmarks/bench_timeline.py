"""Response time of `/` with 200 and with 20,000 events, measured in one run on a throwaway test database.

    DEBUG=1 .venv/bin/python benchmarks/bench_timeline.py
"""

from __future__ import annotations

import os
import statistics
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

from tests.timeline.factories import make_actor, make_many_events, make_source  # noqa: E402

REPEATS = 15
URLS = ["/", "/?actor=Actor+3", "/?from=2011&to=2012"]


def median_ms(client: Client, url: str) -> tuple[float, int]:
    client.get(url)  # warm the template cache
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings), len(queries.captured_queries)


def main() -> None:
    setup_test_environment()
    plain_storage = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": plain_storage}
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        client = Client()
        source = make_source()
        actors = [make_actor(f"Actor {n}") for n in range(40)]
        make_many_events(200, source, actors)
        small = {url: median_ms(client, url) for url in URLS}
        make_many_events(19_800, source, actors)
        large = {url: median_ms(client, url) for url in URLS}
        print(f"{'URL':<24}{'200 events':>14}{'20,000 events':>16}{'ratio':>8}{'queries':>10}")
        for url in URLS:
            (small_ms, small_queries), (large_ms, large_queries) = small[url], large[url]
            print(f"{url:<24}{small_ms:>11.1f} ms{large_ms:>13.1f} ms{large_ms / small_ms:>8.2f}"
                  f"{small_queries:>5} / {large_queries}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
