"""Production logging: a 500's traceback reaches stderr with DEBUG off, and request ids reach gunicorn's access log."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# A real view that raises, served through the project's settings and middleware with DEBUG off.
BROKEN_SITE = """
import django
from django.urls import path

def broken(request):
    raise RuntimeError("the broken view gave up")

urlpatterns = [path("broken/", broken)]

django.setup()
from django.test import Client
from django.test.utils import override_settings

with override_settings(ROOT_URLCONF="__main__"):
    response = Client(raise_request_exception=False).get("/broken/", headers={"X-Request-ID": "req-500-test"})
print("status", response.status_code, "request id", response.headers["X-Request-ID"])
"""


def production_environment(**extra: str) -> dict[str, str]:
    # Only what a server's environment has: the test runner's own variables (DJANGO_ALLOW_ASYNC_UNSAFE…) stay out.
    base = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    production = {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_SETTINGS_MODULE": "newsline.settings"}
    return base | production | extra


def test_a_500_with_debug_off_is_logged_to_stderr_with_its_traceback_and_request_id():
    result = subprocess.run([sys.executable, "-c", BROKEN_SITE], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            check=False, env=production_environment(ALLOWED_HOSTS="testserver"))
    assert result.stdout.strip() == "status 500 request id req-500-test", result.stderr
    assert "ERROR django.request request_id=req-500-test Internal Server Error: /broken/" in result.stderr
    assert "Traceback (most recent call last):" in result.stderr
    assert "RuntimeError: the broken view gave up" in result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, headers: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["X-Request-ID"]
    except urllib.error.HTTPError as error:
        return error.code, error.headers["X-Request-ID"]


def test_gunicorn_access_log_carries_the_request_id():
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "newsline.wsgi", "--config", "newsline/gunicorn.conf.py",
         "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT, env=production_environment(ALLOWED_HOSTS="127.0.0.1"), stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, given_id = fetch(f"http://127.0.0.1:{port}/no-such-page/", {"X-Request-ID": "proxy-id-42"})
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "gunicorn did not start"
                time.sleep(0.2)
        _, generated_id = fetch(f"http://127.0.0.1:{port}/no-such-page/?again", {"X-Request-ID": "bad id\\n"})
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[0]
    assert (status, given_id) == (404, "proxy-id-42")
    assert re.fullmatch(r"[0-9a-f]{32}", generated_id)
    assert re.search(r'"GET /no-such-page/ HTTP/1\.1" 404 \d+ \d+ms request_id=proxy-id-42 ', log), log
    assert '"GET /no-such-page/?again HTTP/1.1" 404' in log and f"request_id={generated_id} " in log
