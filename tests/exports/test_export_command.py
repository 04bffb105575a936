import csv
import io
import json

import icalendar
import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("export", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def test_writes_the_export_to_standard_output_and_a_summary_to_standard_error(room):
    out, err = run("--format", "json", "--actor", "Alma Ames", "--from", "2019-04", "--to", "2019-12")
    document = json.loads(out)
    events = room["events"]
    assert [e["id"] for e in document["events"]] == [events["late_may"].pk, events["planned"].pk]
    assert document["filters"] == {"actor": ["Alma Ames"], "from": "2019-04", "to": "2019-12"}
    assert err.strip() == "Exported 2 events as json."


def test_writes_to_a_file_with_o_keeping_bom_and_crlf(room, tmp_path):
    target = tmp_path / "timeline.csv"
    out, _ = run("--format", "csv", "--actor", "Bruno Berg", "--planned", "hide", "-o", str(target))
    assert out.strip() == f"Exported 3 events as csv to {target}."
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row["headline"] for row in rows] == [
        "Ames and Berg meet at the lake", "Delegations trade proposals", "Aides disagree about the agenda"]


def test_the_same_filters_give_the_same_file_as_the_url(client, room, tmp_path):
    target = tmp_path / "calendar.ics"
    run("--format", "ics", "--source", "courier-talks.txt", "--key", "--top", "2", "-o", str(target))
    from_command = icalendar.Calendar.from_ical(target.read_bytes())
    response = client.get("/export/ics/?source=courier-talks.txt&key=on&top=2")
    from_url = icalendar.Calendar.from_ical(b"".join(response.streaming_content))
    assert [str(e["UID"]) for e in from_command.walk("VEVENT")] == [str(e["UID"]) for e in from_url.walk("VEVENT")]
    assert len(from_command.walk("VEVENT")) == 2


def test_invalid_filter_is_an_error_on_the_command_line(room):
    with pytest.raises(CommandError, match="Invalid filter: from: “sometime” is not a date"):
        run("--format", "md", "--from", "sometime")
    with pytest.raises(CommandError, match="top"):
        run("--format", "md", "--top", "0")


def test_unknown_actor_is_reported_and_ignored(room):
    out, err = run("--format", "md", "--actor", "Nobody Known")
    assert "No actor called 'Nobody Known': that filter is ignored." in err
    assert out.count("\n- **") == 6


def test_unknown_format_is_refused(db):
    with pytest.raises(CommandError, match="invalid choice"):
        run("--format", "pdf")
