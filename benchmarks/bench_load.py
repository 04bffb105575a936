"""Load on the real server: gunicorn as `make run` starts it (DEBUG off), bounded clients on 127.0.0.1.

    .venv/bin/python benchmarks/bench_load.py [--seconds 20] [--clients 20 50] [--database-url URL]

Without --database-url the corpus is ingested into a throwaway SQLite database first. For each number of clients
and each URL (a static file, `/`, a filtered `/`, an event page, `/export/json/`) that many threads request the URL
over and over for --seconds, each request on a new connection (as many different visitors would), and the
script prints requests/s, p50 and p95 latency and errors, then checks the targets of issue 16.
The clients run on the same machine as the server and take part of its CPU, so the script also prints each page's
processor time per request inside one Django process (the test client, no server): cold, with the server-side cache
emptied before every request, and warm.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import re
import runpy
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"


@dataclass
class Result:
    url: str
    clients: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else float("nan")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def get(port: int, url: str, timeout: float = 30) -> tuple[int, bytes]:
    """One request as a browser makes it (gzip accepted); returns the status and the body as sent."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", url, headers={"Accept-Encoding": "gzip", "Host": HOST})
        response = connection.getresponse()
        body = response.read()
        return response.status, gzip.decompress(body) if response.getheader("Content-Encoding") == "gzip" else body
    finally:
        connection.close()


def hammer(port: int, url: str, clients: int, seconds: float) -> Result:
    result = Result(url, clients)
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client() -> None:
        latencies, errors = [], []
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                status, _ = get(port, url)
                if status != 200:
                    errors.append(f"HTTP {status}")
            except (OSError, http.client.HTTPException) as error:
                errors.append(type(error).__name__)
                continue
            latencies.append(time.perf_counter() - started)
        with lock:
            result.latencies += latencies
            result.errors += errors

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result


def prepare_database(environment: dict[str, str]) -> None:
    """Migrate and ingest the corpus (fixtures/corpus) into the database named by DATABASE_URL."""
    for command in (["migrate", "--noinput", "--verbosity", "0"], ["ingest"]):
        subprocess.run([str(BIN / "python"), "manage.py", *command], cwd=ROOT, env=environment, check=True,
                       stdout=subprocess.DEVNULL)


def start_server(environment: dict[str, str], port: int) -> subprocess.Popen:
    subprocess.run([str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT,
                   env=environment, check=True)
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "newsline.wsgi", "--config", "newsline/gunicorn.conf.py", "--bind", f"{HOST}:{port}",
         "--access-logfile", os.devnull],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(port, "/")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
        if server.poll() is not None:
            break
    server.terminate()
    raise SystemExit(f"gunicorn did not start:\n{server.communicate()[1]}")


def pick_urls(port: int) -> list[str]:
    """A static file linked from `/`, `/`, `/` filtered by its busiest actor, one event page and the JSON export."""
    status, body = get(port, "/export/json/?top=1")
    events = json.loads(body)["events"]
    if status != 200 or not events:
        raise SystemExit("The database has no events: ingest a corpus first.")
    event = events[0]
    status, page = get(port, "/")
    html = page.decode()
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', html)
    if not stylesheet:
        raise SystemExit("No stylesheet linked from /.")
    actor = event["actors"][0]["name"] if event["actors"] else ""
    filtered = f"/?actor={quote(actor)}&from={event['date']['start'][:4]}" if actor else "/?key=on"
    return [stylesheet[1], "/", filtered, f"/events/{event['id']}/", "/export/json/"]


def report(results: list[Result]) -> bool:
    print(f"{'clients':>7}  {'URL':<48} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}")
    for result in results:
        print(f"{result.clients:>7}  {result.url[:48]:<48} {len(result.latencies):>8} {result.rate:>8.1f} "
              f"{result.percentile(0.5):>8.1f} {result.percentile(0.95):>8.1f} {len(result.errors):>6}")
    ok = True
    by_key = {(r.clients, r.url): r for r in results}
    static_url = results[0].url
    most = max(r.clients for r in results)
    errors = sum(len(r.errors) for r in results if r.clients == most)
    ok &= check(f"0 errors at {most} clients", errors == 0, f"{errors} errors")
    fewest = min(r.clients for r in results)
    for clients in sorted({r.clients for r in results}):
        static, index = by_key[(clients, static_url)], by_key[(clients, "/")]
        share = index.rate / static.rate if static.rate else 0.0
        ok &= check(f"/ at least a quarter of the static file's requests/s ({clients} clients)", share >= 0.25,
                    f"{share:.2f} ({index.rate:.1f} vs {static.rate:.1f} req/s)")
    for result in results:
        if result.clients == fewest and result.url != static_url:
            p95 = result.percentile(0.95)
            ok &= check(f"p95 of {result.url[:40]} under 300 ms at {fewest} clients", p95 < 300, f"{p95:.0f} ms")
    return ok


def time_in_process(environment: dict[str, str], urls: list[str], repeats: int) -> None:
    """Print each URL's processor time per request in this process, cold (nothing kept) and warm."""
    os.environ.update({**environment, "DJANGO_SETTINGS_MODULE": "newsline.settings"})
    sys.path.insert(0, str(ROOT))
    # Django is set up here, after the load runs, with the database and settings the server had.
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    client = Client(SERVER_NAME=HOST, HTTP_ACCEPT_ENCODING="gzip")

    def fetch(url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code} in process")
        if response.streaming:
            b"".join(response.streaming_content)

    print(f"Processor time per request in one process ({repeats} requests each):")
    print(f"{'URL':<48} {'cold ms':>8} {'warm ms':>8}")
    for url in urls:
        timings = []
        for empty_cache in (True, False):
            fetch(url)
            started = time.process_time()
            for _ in range(repeats):
                if empty_cache:
                    cache.clear()
                fetch(url)
            timings.append((time.process_time() - started) / repeats * 1000)
        print(f"{url[:48]:<48} {timings[0]:>8.1f} {timings[1]:>8.1f}")


def check(name: str, passed: bool, measured: str) -> bool:
    print(f"{'PASS' if passed else 'FAIL'}  {name}: {measured}")
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="how long each URL is loaded (default 20)")
    parser.add_argument("--clients", type=int, nargs="+", default=[20, 50], help="concurrent clients (default 20 50)")
    parser.add_argument("--database-url", help="an already ingested database (default: ingest the corpus afresh)")
    parser.add_argument("--repeats", type=int, default=50, help="requests per URL for the in-process times")
    options = parser.parse_args()
    if max(options.clients) > 200:
        parser.error("at most 200 clients")

    with tempfile.TemporaryDirectory(prefix="newsline-bench-load-") as scratch:
        environment = {**os.environ, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50),
                       "ALLOWED_HOSTS": HOST, "DATABASE_URL": options.database_url or f"sqlite:///{scratch}/load.db"}
        if not options.database_url:
            print("Ingesting the corpus into a throwaway database…", flush=True)
            prepare_database(environment)
        port = free_port()
        server = start_server(environment, port)
        try:
            urls = pick_urls(port)
            config = runpy.run_path(str(ROOT / "newsline" / "gunicorn.conf.py"))
            print(f"gunicorn on {HOST}:{port}, {config['workers']} workers × {config['threads']} threads, DEBUG off; "
                  f"{options.seconds:g} s per URL; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} "
                  "before the run", flush=True)
            results = []
            for clients in options.clients:
                for url in urls:
                    # Warm up: enough clients at once to reach every worker, which keeps its own cache.
                    hammer(port, url, config["workers"] * config["threads"], 1.0)
                    results.append(hammer(port, url, clients, options.seconds))
                    print(f"  {clients} clients {url}: {results[-1].rate:.1f} req/s", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
        print(f"Load average after the run: {os.getloadavg()[0]:.1f} (other processes on the machine share the CPUs)")
        time_in_process(environment, urls, options.repeats)
    return 0 if report(results) else 1


if __name__ == "__main__":
    sys.exit(main())
