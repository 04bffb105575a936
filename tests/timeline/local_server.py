"""A real HTTP server on 127.0.0.1 in a thread, for the tests that fetch pages (never the internet)."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def local_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` on a free port; yields the server's base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def small_fetch_limits(settings) -> None:
    settings.NEWSLINE_FETCH_TIMEOUT = 5
    settings.NEWSLINE_FETCH_MAX_BYTES = 2_000_000
    settings.NEWSLINE_FETCH_MAX_REDIRECTS = 3
