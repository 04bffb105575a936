"""Deployment settings: the production environment the README documents passes `manage.py check --deploy`."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Only what a server's environment has: the test runner's own variables (DJANGO_ALLOW_ASYNC_UNSAFE…) stay out.
BASE_ENVIRONMENT = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}


def documented_production_environment() -> dict[str, str]:
    """The NAME=value lines of the README's production example, with a real random secret key."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"`manage.py check --deploy` then reports nothing.*?```sh\n(.*?)```", readme, re.DOTALL)
    assert block, "the README's production example is missing"
    documented = dict(line.split("=", 1) for line in block[1].splitlines() if line.strip())
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_COOKIES",
            "SECURE_PROXY_SSL_HEADER"} <= set(documented)
    return documented | {"SECRET_KEY": secrets.token_urlsafe(50)}


def check_deploy(environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], cwd=ROOT,
                          env=BASE_ENVIRONMENT | environment, capture_output=True, text=True, timeout=120, check=False)


def test_check_deploy_reports_nothing_under_the_documented_production_environment():
    result = check_deploy(documented_production_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_check_deploy_warns_without_the_https_settings():
    result = check_deploy({"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50),
                           "ALLOWED_HOSTS": "newsline.example.org"})
    assert result.returncode == 1
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr + result.stdout


def production_settings(**environment: str) -> subprocess.CompletedProcess:
    """newsline.settings loaded in a fresh interpreter under a production `environment`; prints what it read."""
    show = ("import newsline.settings as s; print(s.SECURE_PROXY_SSL_HEADER, s.SECURE_HSTS_SECONDS, "
            "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)")
    return subprocess.run([sys.executable, "-c", show], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          check=False,
                          env=BASE_ENVIRONMENT | {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50)} | environment)


def test_proxy_header_hsts_and_cookies_are_read_from_the_environment():
    result = production_settings(SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https", SECURE_HSTS_SECONDS="600",
                                 SECURE_COOKIES="1")
    assert result.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https') 600 True True False", result.stderr


@pytest.mark.parametrize("name, value, message", [
    ("SECURE_HSTS_SECONDS", "a year", "SECURE_HSTS_SECONDS must be a whole number, not 'a year'."),
    ("SECURE_PROXY_SSL_HEADER", "https", "SECURE_PROXY_SSL_HEADER must look like “X-Forwarded-Proto: https”"),
])
def test_malformed_settings_say_what_is_expected(name, value, message):
    result = production_settings(**{name: value})
    assert result.returncode == 1 and message in result.stderr


def test_pages_read_an_sqlite_database_while_an_ingest_holds_a_long_writing_transaction(tmp_path):
    database = tmp_path / "newsline.sqlite3"
    script = """
import sqlite3, sys, django
django.setup()
from django.db import connection, transaction
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE page (body TEXT)")
with transaction.atomic(), connection.cursor() as cursor:
    cursor.executemany("INSERT INTO page VALUES (%s)", [("x" * 1000,)] * 20_000)  # more than SQLite's page cache
    reader = sqlite3.connect(sys.argv[1], timeout=0)
    print(reader.execute("SELECT COUNT(*) FROM page").fetchone()[0])
"""
    result = subprocess.run(
        [sys.executable, "-c", script, str(database)], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env=BASE_ENVIRONMENT | {"DJANGO_SETTINGS_MODULE": "newsline.settings", "DATABASE_URL": f"sqlite:///{database}",
                                "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50)},
    )
    assert result.stdout.strip() == "0", result.stderr  # the committed rows, at once: none yet
