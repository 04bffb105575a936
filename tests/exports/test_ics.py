from datetime import timedelta

import icalendar
import pytest

from newsline.timeline.models import Event

from .data import IMG, SCRIPT, download

pytestmark = pytest.mark.django_db


def calendar_events(body: bytes) -> list:
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return calendar.walk("VEVENT")


def test_one_all_day_vevent_per_dated_event_spanning_its_dates(client, room):
    response, body = download(client, "ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\n" in body and b"\n" not in body.replace(b"\r\n", b"")
    vevents = calendar_events(body)
    assert icalendar.Calendar.from_ical(body)["X-WR-CALDESC"] == "1 event with an unresolved date is left out."
    dated = Event.objects.visible().chronological().filter(date_start__isnull=False)
    assert len(vevents) == dated.count()
    for vevent, event in zip(vevents, dated):
        assert str(vevent["UID"]) == f"newsline-event-{event.pk}"
        assert vevent["DTSTART"].params["VALUE"] == "DATE"
        assert vevent.decoded("DTSTART") == event.date_start
        assert vevent.decoded("DTEND") == event.date_end + timedelta(days=1), "DTEND is exclusive"
        assert str(vevent["SUMMARY"]) == event.headline
        description = str(vevent["DESCRIPTION"])
        assert description.startswith(f"Date: {event.display_date}")
        for mention in event.mentions.all():
            assert mention.source.display_name in description and mention.sentence in description
        assert "DTSTAMP" in vevent


def test_uid_is_stable_across_exports_and_filters(client, room):
    uids = {str(v["UID"]): v for v in calendar_events(download(client, "ics")[1])}
    filtered = calendar_events(download(client, "ics", "actor=Bruno+Berg")[1])
    assert {str(v["UID"]) for v in filtered} < set(uids)
    assert len(filtered) == Event.objects.visible().filter(actors=room["actors"]["berg"], date_start__isnull=False).count()


def test_hostile_article_is_plain_text_in_the_calendar(client, hostile):
    (vevent,) = calendar_events(download(client, "ics")[1])
    assert str(vevent["SUMMARY"]) == hostile.headline
    assert SCRIPT in str(vevent["DESCRIPTION"]) and IMG in str(vevent["DESCRIPTION"])
    assert len(calendar_events(download(client, "ics")[1])) == 1, "payloads never break the calendar's structure"


def test_an_event_ending_on_the_last_day_of_the_calendar_lasts_as_long(client, room):
    event = room["events"]["summit"]
    event.set_date("9999-W52")
    event.save()
    _, body = download(client, "ics")
    vevent = next(v for v in calendar_events(body) if str(v["UID"]) == f"newsline-event-{event.pk}")
    assert vevent.decoded("DTSTART") == event.date_start
    assert "DTEND" not in vevent and vevent.decoded("DURATION") == timedelta(days=5)
