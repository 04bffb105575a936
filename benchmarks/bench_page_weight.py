"""Bytes on the wire for a first and a repeat visit to a page of a running Newsline server, all resources compressed.

    make run                                    # or any deployment, e.g. DEBUG=0 gunicorn
    .venv/bin/python benchmarks/bench_page_weight.py [http://127.0.0.1:8000/]

First visit: the page and every stylesheet and script it links, asked for with Accept-Encoding: gzip, br (headers
counted too). Repeat visit: static files whose Cache-Control lets the browser keep them for a year or more cost
nothing; anything else, and the page itself, is asked again with If-None-Match / If-Modified-Since.
"""

from __future__ import annotations

import gzip
import http.client
import re
import sys
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

ONE_YEAR = 365 * 24 * 3600
ACCEPT = {"Accept-Encoding": "gzip, br", "Accept": "text/html,*/*"}


@dataclass
class Fetched:
    url: str
    status: int
    headers: dict[str, str]
    wire_bytes: int
    body: bytes

    @property
    def cached_for_a_year(self) -> bool:
        match = re.search(r"max-age=(\d+)", self.headers.get("cache-control", ""))
        return bool(match) and int(match[1]) >= ONE_YEAR


def fetch(url: str, extra_headers: dict[str, str] | None = None) -> Fetched:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {**ACCEPT, **(extra_headers or {})}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    header_bytes = len(f"HTTP/1.1 {response.status} {response.reason}\r\n") + sum(
        len(f"{name}: {value}\r\n") for name, value in response.getheaders()
    ) + 2
    connection.close()
    return Fetched(url, response.status, {name.lower(): value for name, value in response.getheaders()},
                   header_bytes + len(body), body)


def linked_resources(page: Fetched) -> list[str]:
    html = gzip.decompress(page.body) if page.headers.get("content-encoding") == "gzip" else page.body
    text = html.decode("utf-8", "replace")
    found = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text)
    found += re.findall(r'<script[^>]+src="([^"]+)"', text)
    found += re.findall(r'<img[^>]+src="([^"]+)"', text)
    return [urljoin(page.url, link) for link in found]


def main() -> None:
    page_url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000/"
    page = fetch(page_url)
    if page.status != 200:
        raise SystemExit(f"{page_url} answered {page.status}")
    resources = [fetch(url) for url in linked_resources(page)]
    print(f"First visit to {page_url}")
    print(f"  {page.wire_bytes:>7,} B  page ({page.headers.get('content-encoding', 'uncompressed')})")
    for resource in resources:
        encoding = resource.headers.get("content-encoding", "uncompressed")
        print(f"  {resource.wire_bytes:>7,} B  {urlsplit(resource.url).path} ({encoding})")
    first = page.wire_bytes + sum(resource.wire_bytes for resource in resources)
    print(f"  {first:>7,} B  in all ({first / 1024:.1f} KB)")

    print("Repeat visit")
    validators = {"If-None-Match": page.headers.get("etag", ""),
                  "If-Modified-Since": page.headers.get("last-modified", "")}
    again = fetch(page_url, {name: value for name, value in validators.items() if value})
    print(f"  {again.wire_bytes:>7,} B  page (HTTP {again.status})")
    repeat = again.wire_bytes
    for resource in resources:
        if resource.cached_for_a_year:
            print(f"  {0:>7,} B  {urlsplit(resource.url).path} (kept: {resource.headers['cache-control']})")
            continue
        validators = {"If-None-Match": resource.headers.get("etag", ""),
                      "If-Modified-Since": resource.headers.get("last-modified", "")}
        revalidated = fetch(resource.url, {name: value for name, value in validators.items() if value})
        print(f"  {revalidated.wire_bytes:>7,} B  {urlsplit(resource.url).path} (HTTP {revalidated.status})")
        repeat += revalidated.wire_bytes
    print(f"  {repeat:>7,} B  in all ({repeat / 1024:.1f} KB)")


if __name__ == "__main__":
    main()
