import pytest
from django.urls import reverse

from newsline.exports.formats import FORMATS
from newsline.timeline.models import Event

from .data import download

pytestmark = pytest.mark.django_db

EXPECTED_FILE_NAMES = {
    "handout": 'inline; filename="newsline-handout-actor-alma-ames-from-2019-2026-11-23.html"',
    "csv": 'attachment; filename="newsline-timeline-actor-alma-ames-from-2019-2026-11-23.csv"',
    "json": 'attachment; filename="newsline-timeline-actor-alma-ames-from-2019-2026-11-23.json"',
    "timelinejs": 'attachment; filename="newsline-timelinejs-actor-alma-ames-from-2019-2026-11-23.json"',
    "timelinejs-csv": 'attachment; filename="newsline-timelinejs-sheet-actor-alma-ames-from-2019-2026-11-23.csv"',
    "ics": 'attachment; filename="newsline-timeline-actor-alma-ames-from-2019-2026-11-23.ics"',
    "md": 'attachment; filename="newsline-timeline-actor-alma-ames-from-2019-2026-11-23.md"',
    "cards": 'inline; filename="newsline-card-sort-actor-alma-ames-from-2019-2026-11-23.html"',
}


def test_url_is_named_with_the_format():
    assert reverse("exports:download", kwargs={"format": "csv"}) == "/export/csv/"


@pytest.mark.parametrize("export_format", list(FORMATS))
def test_file_name_says_what_was_exported_and_when(client, room, frozen, export_format):
    response, body = download(client, export_format, "actor=Alma+Ames&from=2019")
    assert response.status_code == 200 and body
    assert response["Content-Disposition"] == EXPECTED_FILE_NAMES[export_format]


def test_every_format_has_an_expected_file_name():
    assert set(EXPECTED_FILE_NAMES) == set(FORMATS)


def test_no_filters_name_the_file_all_events(client, room, frozen):
    response, _ = download(client, "csv")
    assert response["Content-Disposition"] == 'attachment; filename="newsline-timeline-all-events-2026-11-23.csv"'


def test_hostile_filter_text_cannot_break_the_file_name(client, room, frozen):
    response, _ = download(client, "csv", "q=%22%3B%0D%0Ax%3D%3Cscript%3E")
    assert response["Content-Disposition"] == 'attachment; filename="newsline-timeline-q-xscript-2026-11-23.csv"'


def test_unknown_format_is_a_404_that_lists_the_formats(client, db):
    response = client.get("/export/pdf/")
    assert response.status_code == 404
    message = response.content.decode()
    assert "no export format called “pdf”" in message
    assert all(name in message for name in FORMATS)


@pytest.mark.parametrize("export_format", list(FORMATS))
def test_every_format_works_when_nothing_matches(client, room, export_format):
    response, body = download(client, export_format, "q=no+such+words+anywhere")
    assert response.status_code == 200
    assert b"Ames" not in body and b"Ruritania" not in body


def test_data_formats_stream(client, room):
    for export_format, spec in FORMATS.items():
        response, _ = download(client, export_format)
        assert response.streaming is not spec.inline, export_format


def test_top_keeps_the_most_important_events_in_date_order(client, room):
    response, body = download(client, "csv", "top=3")
    lines = body.decode("utf-8-sig").splitlines()[1:]
    events = room["events"]
    expected = [events["summit"], events["late_may"], events["planned"]]  # importance 0.9, 0.7, 0.8
    assert [int(line.split(",")[0]) for line in lines] == [e.pk for e in expected]


def test_invalid_top_is_ignored_like_any_invalid_filter(client, room):
    _, everything = download(client, "csv")
    _, invalid = download(client, "csv", "top=-4")
    assert invalid == everything


def test_large_export_uses_a_bounded_number_of_queries(client, room, django_assert_max_num_queries):
    bulk = [Event(headline=f"Bulk happening {number}") for number in range(1200)]
    for event in bulk:
        event.set_date("2022-05-05")
    Event.objects.bulk_create(bulk)
    with django_assert_max_num_queries(20):
        response, body = download(client, "json")
    assert body.count(b'"Bulk happening') == 1200


@pytest.mark.parametrize("export_format", list(FORMATS))
def test_a_second_download_is_the_kept_file_until_the_data_changes(client, room, frozen, export_format,
                                                                   django_assert_max_num_queries):
    first, first_body = download(client, export_format, "actor=Alma+Ames")
    with django_assert_max_num_queries(1):  # the data version
        again, again_body = download(client, export_format, "actor=Alma+Ames")
    assert again_body == first_body and again["Content-Disposition"] == first["Content-Disposition"]
    assert again["Content-Type"] == first["Content-Type"] and again.streaming is first.streaming

    event = room["events"]["late_may"]
    event.headline = "Ames storms out of the talks"
    event.save()
    _, changed_body = download(client, export_format, "actor=Alma+Ames")
    assert b"Ames storms out of the talks" in changed_body and changed_body != first_body


def test_other_filters_are_other_files(client, room, frozen):
    _, ames = download(client, "csv", "actor=Alma+Ames")
    _, berg = download(client, "csv", "actor=Bruno+Berg")
    assert ames != berg and b"Bruno Berg" in berg


def test_a_browser_that_has_the_file_gets_a_304_until_the_data_changes(client, room, frozen):
    first, _ = download(client, "json", "actor=Alma+Ames")
    etag = first["ETag"]
    again = client.get("/export/json/?actor=Alma+Ames", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert client.get("/export/csv/?actor=Alma+Ames", headers={"If-None-Match": etag}).status_code == 200

    event = room["events"]["late_may"]
    event.headline = "Ames storms out of the talks"
    event.save()
    changed = client.get("/export/json/?actor=Alma+Ames", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and b"Ames storms out" in b"".join(changed.streaming_content)
