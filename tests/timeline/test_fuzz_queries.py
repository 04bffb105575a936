"""A few hundred generated hostile query strings against every public page and export: never a 5xx.

Runs on SQLite and, in the suite's second run, on PostgreSQL (scripts/run-tests.sh).
"""

from __future__ import annotations

import random
from urllib.parse import quote

import pytest
from django.urls import NoReverseMatch, reverse

from newsline.exports.formats import FORMATS

from .factories import make_event, make_source

pytestmark = pytest.mark.django_db

PARAMETERS = ["actor", "source", "from", "to", "q", "certainty", "key", "planned", "page", "top", "lanes", "format"]
ODD_DATES = ["0000-00", "0000", "0001-01-01", "0001-W01", "0001-WI", "9999-W52", "9999-W53", "9999-12-31", "9999-WI",
             "10000", "-1", "-2017", "2017-02-30", "2016-02-29", "2017-02-29", "2017-W00", "2017-W54", "2017-13",
             "2017-SU", "2017-Q5", "201", "20", "2", "XXXX-XX", "PRESENT_REF", "P3Y", "44 BC", "week of 31 Dec 9999",
             "week of 1 Jan 0001", "late 9999", "c. 0001", "1e30", "10^30", str(10**30), "NaN", "inf", "-0", "2017-",
             "2017--02", "2017-02-13T25:99", "week of week of 1 Jan 2017"]
PAYLOADS = ["' OR 1=1 --", "\"; DROP TABLE timeline_event; --", "<script>alert(1)</script>", "%", "_", "\\", "%%_",
            "../../etc/passwd", "javascript:alert(1)", "{{ 7*7 }}", "{% debug %}", "${jndi:ldap://x}", "' UNION SELECT",
            "\\x00", "on", "off", "true", "exact", "only", "hide", "actor", ""]
TEXT = ["Ωmega", "名前", "😀" * 50, "\u202egnp.exe", "\ufeff", "e\u0301", "ﬀ", "İstanbul", "ß", "\u200b", " ", "\t",
        "\n"]
CONTROL = [chr(code) for code in (*range(32), 127, 133, 159)]
RAW_ESCAPES = ["%", "%Z", "%ZZ", "%E2%82", "%ED%A0%80", "%C0%AF", "%FF%FE", "%0", "&&&", "==", "=%00=", ";"]


def hostile_values(rng: random.Random) -> list[str]:
    values = ODD_DATES + PAYLOADS + TEXT + CONTROL
    values += ["a" * 10_000, "2017" * 500, "9" * 400, "-" * 1000, "Alma " * 300]
    values += [rng.choice(PAYLOADS + TEXT) + rng.choice(CONTROL) + rng.choice(ODD_DATES) for _ in range(100)]
    return values


def hostile_queries(seed: int = 16) -> list[str]:
    """Query strings: one parameter, several, repeated ones, and undecodable percent escapes."""
    rng = random.Random(seed)
    values = hostile_values(rng)
    queries = [f"{rng.choice(PARAMETERS)}={quote(value, safe='')}" for value in values]
    for _ in range(60):
        picked = rng.sample(PARAMETERS, rng.randint(2, 5))
        queries.append("&".join(f"{name}={quote(rng.choice(values)[:300], safe='')}" for name in picked))
    for name in ("actor", "source", "from", "q", "page"):
        queries.append("&".join(f"{name}={quote(rng.choice(values)[:50], safe='')}" for _ in range(200)))
    queries += [f"{rng.choice(PARAMETERS)}={escape}" for escape in RAW_ESCAPES]
    queries += [f"{quote(rng.choice(values)[:100], safe='')}={rng.choice(['1', 'x'])}" for _ in range(20)]
    return queries


def targets(event_id: int, source_id: int) -> list[str]:
    paths = ["/", f"/events/{event_id}/", f"/sources/{source_id}/"] + [f"/export/{name}/" for name in FORMATS]
    try:
        paths.append(reverse("timeline:story"))
    except NoReverseMatch:
        pass
    return paths


def test_hostile_query_strings_never_cause_a_server_error(client):
    source = make_source("lake.txt", outlet="Lake Post")
    event = make_event("Talks at the lake", "2017-02-13", actors=("Alma Ames",), source=source)
    make_event("A walkout", "2017-W20", actors=("Bruno Berg",), source=source)
    make_event("An early claim", "0001-W01", actors=("Alma Ames",), source=source)
    make_event("A distant plan", "9999-W52", actors=("Bruno Berg",), source=source, planned=True)
    paths = targets(event.pk, source.pk)
    queries = hostile_queries()
    assert len(queries) >= 300
    failures = []
    for index, query in enumerate(queries):
        # Every query on the timeline, and on one other page or export in turn; some as htmx requests.
        for path in ("/", paths[1 + index % (len(paths) - 1)]):
            headers = {"HX-Request": "true", "HX-Target": "load-more"} if index % 5 == 0 else {}
            try:
                response = client.get(f"{path}?{query}", headers=headers)
                if response.streaming:
                    b"".join(response.streaming_content)
                status = response.status_code
            except Exception as error:  # noqa: BLE001 - a crash is what this test looks for
                status = f"{type(error).__name__}: {error}"
            if not isinstance(status, int) or status >= 500:
                failures.append(f"{path}?{query[:120]} -> {status}")
    assert not failures, f"{len(failures)} failures, e.g.:\n" + "\n".join(failures[:20])


@pytest.mark.parametrize("path", ["/events/0/", "/sources/0/", "/events/9223372036854775808/",
                                  "/sources/" + "9" * 40 + "/", "/events/1" + "0" * 30 + "/?page=-1"])
def test_ids_beyond_any_integer_column_are_not_found(client, path):
    assert client.get(path).status_code == 404
