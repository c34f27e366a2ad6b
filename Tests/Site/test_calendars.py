"""The calendars and files of consecutive publishes into one folder: a moved session's event gets
a higher SEQUENCE and the publish's LAST-MODIFIED, a cancelled one's page goes and its event stays
as STATUS:CANCELLED, every .ics parses with an independent parser (icalendar), and the
organisers' own files are left as they were."""

from datetime import datetime, timezone
from pathlib import Path

import icalendar
import pytest

import scenario


def events(path: Path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e.get("SUMMARY")): e for e in calendar.walk("VEVENT")}


def every_calendar(built):
    work = built["work"]
    return sorted(p for folder in ("site-1", "site-2", "site") for p in (work / folder).rglob("*.ics"))


def test_every_calendar_parses_with_icalendar(built):
    calendars = every_calendar(built)
    assert len(calendars) > 200
    for path in calendars:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        zones = list(calendar.walk("VTIMEZONE"))
        assert len(zones) == 1, path
        assert {str(part.get("TZNAME")) for part in zones[0].walk() if part.name in ("STANDARD", "DAYLIGHT")} <= {"EDT", "EST"}, path
        for event in calendar.walk("VEVENT"):
            start = event.decoded("DTSTART")
            assert start.tzinfo is not None and start.utcoffset().total_seconds() == -4 * 3600, path
            assert event.decoded("DTEND") > start
            assert isinstance(event.get("SEQUENCE"), int) and event.get("SEQUENCE") >= 0
            assert event.decoded("LAST-MODIFIED").tzinfo is not None
            assert str(event.get("UID")).endswith("@convene")


def test_location_names_the_room_and_its_building(built):
    schedule = events(built["site"] / "schedule.ics")
    update = schedule["Update from P2PU: the past year, the year ahead and the broader vision"]
    assert str(update.get("LOCATION")) == "Rabb Hall, Boston Public Library"
    dinner = schedule["Large group dinner"]
    assert str(dinner.get("LOCATION")) == "Restaurant in the Back Bay"


def test_a_moved_session_raises_its_sequence(built):
    work = built["work"]
    before = events(work / "site-1" / "schedule.ics")
    after = events(work / "site-2" / "schedule.ics")
    moved = [title for title, e in after.items()
             if title in before and (e.decoded("DTSTART"), str(e.get("LOCATION"))) != (before[title].decoded("DTSTART"), str(before[title].get("LOCATION")))]
    assert moved, "the replanning moved nothing"
    second = scenario.SECOND
    for title in moved:
        assert after[title].get("SEQUENCE") == before[title].get("SEQUENCE") + 1, title
        assert after[title].decoded("LAST-MODIFIED") == second, title
        assert after[title].get("UID") == before[title].get("UID")
    unmoved = [t for t in after if t in before and t not in moved]
    assert unmoved
    for title in unmoved:
        assert after[title].get("SEQUENCE") == before[title].get("SEQUENCE"), title
        assert after[title].decoded("LAST-MODIFIED") == before[title].decoded("LAST-MODIFIED"), title
    # The personal calendar of someone who wants a moved session says the same.
    person = events(work / "site-2" / "people" / "attendee-02.ics")
    for title in moved:
        if title in person:
            assert person[title].get("SEQUENCE") == after[title].get("SEQUENCE")


def test_a_cancelled_session_loses_its_page_and_keeps_a_cancelled_event(built):
    work = built["work"]
    assert (work / "site-2" / "sessions" / "open-space.html").exists()
    assert not (built["site"] / "sessions" / "open-space.html").exists()
    assert not (built["site"] / "sessions" / "open-space.ics").exists()
    title = "Unconference / open space"
    before = events(work / "site-2" / "schedule.ics")[title]
    for calendar in [built["site"] / "schedule.ics", built["site"] / "people" / "attendee-02.ics",
                     built["site"] / "people" / "p2pu-community.ics"]:
        after = events(calendar)[title]
        assert str(after.get("STATUS")) == "CANCELLED", calendar
        assert after.get("SEQUENCE") == before.get("SEQUENCE") + 1
        assert after.get("UID") == before.get("UID")
        assert after.decoded("LAST-MODIFIED") == scenario.THIRD
    assert "sessions/open-space.html" not in (built["site"] / "index.html").read_text()


def test_the_organisers_files_are_untouched(built):
    site = built["site"]
    assert (site / "notes" / "README.txt").read_text().startswith("Ours: the venue's Wi-Fi")
    assert (site / "sessions" / "organiser-notes.txt").read_text() == "Ours too.\n"
    manifest = (site / ".convene" / "manifest.json").read_text()
    assert "organiser-notes" not in manifest and "notes/README" not in manifest
    assert "sessions/open-space.html" not in manifest


def test_history_lists_every_release(built):
    import json
    history = json.loads((built["site"] / "versions.json").read_text())
    published = [v["published"] for v in history["versions"]]
    # The hand-made agenda (before the site), then the three publishes.
    assert published == [None, "2019-09-13T16:00:00Z", "2019-09-20T11:30:00Z", "2019-09-20T18:05:00Z"]
    changes = (built["site"] / "changes.html").read_text()
    assert changes.index("Version 4") < changes.index("Version 3") < changes.index("Version 2") < changes.index("Version 1")
    assert "“Unconference / open space” is cancelled" in changes
    assert "(failures)" not in changes and "'open-space'" not in changes
