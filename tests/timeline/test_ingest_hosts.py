"""Several hosts ingesting disjoint folders into one PostgreSQL database at once, then one cross-article pass,
store what one ingest of both folders (and the same pass) stores. PostgreSQL only (scripts/run-tests.sh runs the
database tests again against a throwaway server)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from tests.timeline.test_ingest_parallel import ARTICLES, clear, stored_rows

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need a PostgreSQL server"),
]


def write_articles(folder: Path, names: list[str]) -> Path:
    folder.mkdir()
    for name in names:
        published, text = ARTICLES[name]
        front = f"---\npublished: {published}\noutlet: {name.split('.')[0].title()}\n---\n" if published else ""
        (folder / name).write_text(front + text + "\n")
    return folder


def test_two_hosts_at_once_then_the_cross_article_pass_equal_one_ingest(tmp_path):
    names = list(ARTICLES)
    # The undated report is in the other folder than the dated one it is corroborated from; both name one mayor.
    first = write_articles(tmp_path / "host-a", [n for n in names if n != "daily.txt"][::2])
    second = write_articles(tmp_path / "host-b", ["daily.txt", *[n for n in names if n != "daily.txt"][1::2]])
    assert "wire.txt" in os.listdir(first)
    database = settings.DATABASES["default"]
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    )
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": url}
    hosts = [
        subprocess.Popen(
            [sys.executable, "manage.py", "ingest", str(folder), "--jobs", "1", "-v", "0"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for folder in (first, second)
    ]
    for host in hosts:
        out, err = host.communicate(timeout=600)
        assert host.returncode == 0, out + err
    call_command("ingest", "--cross-article-only", "--jobs", "1", verbosity=0)
    from_two_hosts = stored_rows()

    clear()
    call_command("ingest", str(first), str(second), "--jobs", "1", verbosity=0)
    call_command("ingest", "--cross-article-only", "--jobs", "1", verbosity=0)
    from_one_ingest = stored_rows()

    daily = next(source for source in from_two_hosts["sources"] if source[0] == "daily.txt")
    assert daily[6] == "corroborated"
    assert from_two_hosts == from_one_ingest
