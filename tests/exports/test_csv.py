import csv
import io

import pytest

from newsline.exports.formats import CSV_COLUMNS, cell
from newsline.timeline.models import Event

from .data import IMG, SCRIPT, download, visible_in_order

pytestmark = pytest.mark.django_db


def read_rows(body: bytes) -> list[dict[str, str]]:
    assert body.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for Excel"
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def test_one_row_per_visible_event_matching_the_database(client, room):
    response, body = download(client, "csv")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read_rows(body)
    assert list(rows[0]) == CSV_COLUMNS
    assert [int(row["id"]) for row in rows] == visible_in_order(*room["events"].values())
    for row in rows:
        event = Event.objects.get(pk=row["id"])
        assert row["date value"] == event.date_value
        assert row["start"] == (event.date_start.isoformat() if event.date_start else "")
        assert row["end"] == (event.date_end.isoformat() if event.date_end else "")
        assert row["precision"] == event.precision
        assert row["display date"] == event.display_date
        assert row["headline"] == event.headline
        assert row["summary"] == event.summary
        assert row["actors"] == "; ".join(actor.name for actor in event.actors.all())
        for mention in event.mentions.all():
            assert mention.source.display_name in row["sources"]


def test_undated_event_comes_last_as_date_unresolved(client, room):
    rows = read_rows(download(client, "csv")[1])
    assert rows[-1]["headline"] == room["events"]["undated"].headline
    assert rows[-1]["display date"] == "date unresolved"
    assert rows[-1]["start"] == rows[-1]["end"] == ""


def test_actor_and_date_range_filters_keep_exactly_the_matching_rows(client, room):
    rows = read_rows(download(client, "csv", "actor=Alma+Ames&from=2019-04&to=2019-12")[1])
    events = room["events"]
    assert [int(row["id"]) for row in rows] == [events["late_may"].pk, events["planned"].pk]


def test_sources_cell_gives_outlet_title_and_publication_date(client, room):
    rows = read_rows(download(client, "csv", "q=lake")[1])
    summit = next(row for row in rows if int(row["id"]) == room["events"]["summit"].pk)
    assert summit["sources"] == (
        "Lakeside Gazette: Leaders meet at the lake (published 2019-03-14); "
        "Hill Courier: Talks drag on (published 2019-06-02)"
    )


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(text):
    assert cell(text) == "'" + text


def test_plain_cells_are_left_alone():
    assert cell("Talks 1-0 = stalemate") == "Talks 1-0 = stalemate"


def test_hostile_article_is_inert(client, hostile):
    rows = read_rows(download(client, "csv")[1])
    (row,) = rows
    assert row["summary"] == "'" + hostile.summary, "formula neutralised, text kept"
    # CSV is data, not markup: the payload is kept verbatim as text and never starts a formula.
    assert SCRIPT in row["headline"] and IMG in row["actors"]
    assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())
