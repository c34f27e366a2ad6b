"""Plays Convene's pretalx import and push against a fresh start.sh server, checks what API-NOTES.md
says, and (with --out) saves every answer as a fixture.

    Tools/pretalx/start.sh 8765 /tmp/pretalx &          # prints "slug: …" and "token: …"
    python3 Tools/pretalx/record_fixtures.py --url http://127.0.0.1:8765 --token TOKEN \\
        --out Fixtures/import/pretalx-api

The server must be fresh (a new DIR, 30 submissions): the script moves slots and releases version
1.1, which only works once. Without --out it only checks. It needs nothing but Python's standard
library. It exits non-zero, saying what differs, when pretalx does not answer as the notes say:

- import: event, submissions and speakers page by page (following `next`), rooms, tracks,
  submission types, schedules, the work-in-progress schedule and its slots;
- push: PATCH room and start of a never-placed slot (consistent at once), of a placed slot (end
  left behind), the submission-duration round trip that makes its end right again, both slots of
  a submission with slot_count 2, then the release of version 1.1;
- errors: `end` on a talk slot, an unknown room, a released slot, a wrong token, an unknown slot,
  a version released twice;
- afterwards every placed work-in-progress slot ends at start + its submission's duration, the
  release kept the old work-in-progress schedule's id and slot ids, and the new one has new ids
  holding the same placements.
"""

import argparse
import datetime as dt
import json
import pathlib
import sys
import urllib.error
import urllib.request

SLUG = "convene-test"


class Client:
    def __init__(self, url, token):
        self.base = f"{url.rstrip('/')}/api/events/{SLUG}/"
        self.token = token

    def call(self, method, path, body=None, token=None):
        """(status, decoded JSON) of one request; path is relative to the event, or a full URL."""
        url = path if path.startswith("http") else self.base + path
        headers = {
            "Authorization": f"Token {token or self.token}",
            "Pretalx-Version": "v1",
            "Accept": "application/json",
        }
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read().decode())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read().decode())


class Recorder:
    def __init__(self, client, out):
        self.client = client
        self.out = pathlib.Path(out) if out else None
        self.problems = []
        if self.out:
            self.out.mkdir(parents=True, exist_ok=True)

    def call(self, name, method, path, body=None, expect=200, token=None):
        status, value = self.client.call(method, path, body, token)
        if status != expect:
            self.problems.append(f"{method} {path} {body or ''}: expected HTTP {expect}, got {status}: {value}")
        if self.out and name:
            (self.out / f"{name}.json").write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
        return value

    def check(self, condition, message):
        if not condition:
            self.problems.append(message)

    def pages(self, name, path):
        """Every record of a paged list; the first two pages are saved as NAME-page-1 and -2."""
        records, page, url = [], 1, path
        while url:
            value = self.call(f"{name}-page-{page}" if page <= 2 else None, "GET", url)
            records += value["results"]
            url, page = value["next"], page + 1
        self.check(len(records) == value["count"], f"{path}: {len(records)} records on the pages, count says {value['count']}")
        return records


def parse(text):
    return dt.datetime.fromisoformat(text) if text else None


def minutes(start, end):
    return int((parse(end) - parse(start)).total_seconds() // 60)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the server, e.g. http://127.0.0.1:8765")
    parser.add_argument("--token", required=True)
    parser.add_argument("--out", help="the folder for the fixtures (none: only check)")
    args = parser.parse_args()
    r = Recorder(Client(args.url, args.token), args.out)

    # The import.
    event = r.call("event", "GET", "")
    r.check(event.get("timezone") == "Europe/Berlin", f"event: {event}")
    submissions = {s["code"]: s for s in r.pages("submissions", "submissions/?page_size=20")}
    speakers = r.pages("speakers", "speakers/?page_size=20")
    rooms = r.call("rooms", "GET", "rooms/")["results"]
    r.call("tracks", "GET", "tracks/")
    r.call("submission-types", "GET", "submission-types/")
    schedules = r.call("schedules", "GET", "schedules/")["results"]
    wip_id = next(s["id"] for s in schedules if s["version"] == "wip")
    r.call("schedule-wip", "GET", "schedules/wip/")
    r.call("schedule-latest", "GET", "schedules/latest/")
    slots = r.call("slots-wip", "GET", f"slots/?schedule={wip_id}&page_size=50")["results"]
    on_programme = [s for s in submissions.values() if s["state"] in ("accepted", "confirmed")]
    r.check(len(on_programme) == 30 and len(speakers) == 24 and len(rooms) == 5, "the event is not the 30-submission one")
    # One wip slot per slot_count of each accepted or confirmed submission, and the lunch break.
    r.check(len(slots) == sum(s["slot_count"] for s in on_programme) + 1, f"{len(slots)} wip slots")
    if r.problems:
        sys.exit("record_fixtures: " + "\n".join(r.problems))

    def duration(slot):
        return submissions[slot["submission"]]["duration"]

    talks = [s for s in slots if s["submission"]]
    never_placed = next(s for s in talks if s["start"] is None and submissions[s["submission"]]["slot_count"] == 1)
    placed = next(s for s in talks if s["start"] is not None and s["room"] is not None)
    repeated = next(code for code, s in submissions.items() if s["slot_count"] == 2 and s["state"] == "confirmed")
    runs = sorted((s for s in talks if s["submission"] == repeated), key=lambda s: s["id"])
    room = {room["position"]: room["id"] for room in rooms}

    # The push: room and start together, in one PATCH per slot.
    moved = r.call("slot-patch-never-placed", "PATCH", f"slots/{never_placed['id']}/",
                   {"room": room[1], "start": "2027-06-11T14:00:00+02:00"})
    r.check(moved["end"] == "2027-06-11T14:30:00+02:00" and moved["duration"] == duration(never_placed),
            f"a never-placed slot should end at start + duration: {moved}")
    stale = r.call("slot-patch-placed", "PATCH", f"slots/{placed['id']}/",
                   {"room": room[2], "start": "2027-06-11T15:00:00+02:00"})
    r.check(stale["end"] == placed["end"], f"pretalx 2025.2.2 is expected to keep a placed slot's end: {stale}")
    # The end follows only a change of the submission's duration: there and back again.
    code, minutes_now = placed["submission"], duration(placed)
    r.call("submission-patch-duration-there", "PATCH", f"submissions/{code}/", {"duration": minutes_now + 1})
    back = r.call("submission-patch-duration-back", "PATCH", f"submissions/{code}/", {"duration": minutes_now})
    r.check(back["duration"] == minutes_now, f"the duration did not come back: {back}")
    fixed = r.call("slot-after-duration-round-trip", "GET", f"slots/{placed['id']}/")
    r.check(minutes(fixed["start"], fixed["end"]) == minutes_now and fixed["duration"] == minutes_now,
            f"the round trip should set end = start + duration: {fixed}")
    # The whole recipe for a submission with two runs: PATCH each slot, then the round trip once
    # for the submission if any answer shows an end other than start + duration.
    stale_runs = []
    for index, (run, start) in enumerate(zip(runs, ("2027-06-11T09:00:00+02:00", "2027-06-11T16:00:00+02:00"))):
        answer = r.call(f"slot-patch-run-{index + 1}", "PATCH", f"slots/{run['id']}/", {"room": room[0], "start": start})
        if answer["end"] is None or minutes(answer["start"], answer["end"]) != duration(run):
            stale_runs.append(run)
    if stale_runs:
        minutes_now = duration(runs[0])
        r.call(None, "PATCH", f"submissions/{repeated}/", {"duration": minutes_now + 1})
        r.call(None, "PATCH", f"submissions/{repeated}/", {"duration": minutes_now})

    # What pretalx refuses.
    r.call("error-end-on-talk-slot", "PATCH", f"slots/{placed['id']}/",
           {"start": "2027-06-11T15:00:00+02:00", "end": "2027-06-11T15:30:00+02:00"}, expect=400)
    r.call("error-unknown-room", "PATCH", f"slots/{never_placed['id']}/", {"room": 999999}, expect=400)
    released_slot = r.call(None, "GET", "schedules/latest/")["slots"][0]
    r.call("error-released-slot", "PATCH", f"slots/{released_slot}/", {"room": room[0]}, expect=403)
    r.call("error-invalid-token", "GET", "rooms/", expect=401, token="0" * 64)
    r.call("error-not-found", "GET", "slots/999999/", expect=404)

    # Every placed slot of the work-in-progress schedule is now consistent.
    before = r.call(None, "GET", f"slots/?schedule={wip_id}&page_size=50")["results"]
    for slot in before:
        if slot["submission"] and slot["start"] and slot["room"]:
            r.check(minutes(slot["start"], slot["end"]) == duration(slot), f"inconsistent slot before the release: {slot}")

    # The release.
    released = r.call("release", "POST", "schedules/release/",
                      {"version": "1.1", "comment": "Rooms and times from Convene."}, expect=201)
    r.check(released.get("id") == wip_id and released.get("version") == "1.1",
            f"the released schedule should be the former wip schedule {wip_id}: {released}")
    r.check(sorted(released.get("slots", [])) == sorted(s["id"] for s in before),
            "the release should keep the slot ids of the former wip schedule")
    r.call("error-release-duplicate", "POST", "schedules/release/", {"version": "1.1"}, expect=400)
    after_schedules = r.call("schedules-after-release", "GET", "schedules/")["results"]
    new_wip = next(s["id"] for s in after_schedules if s["version"] == "wip")
    r.check(new_wip != wip_id, "a release should open a new wip schedule")
    after = r.call("slots-wip-after-release", "GET", f"slots/?schedule={new_wip}&page_size=50")["results"]
    r.check(not {s["id"] for s in after} & {s["id"] for s in before}, "the new wip schedule should have new slot ids")

    def placements(listed):
        return sorted((s["submission"] or "", s["room"] or 0, s["start"] or "", s["end"] or "") for s in listed)

    r.check(placements(after) == placements(before), "the new wip schedule should hold the released placements")

    if r.problems:
        sys.exit("record_fixtures: pretalx did not answer as API-NOTES.md says:\n" + "\n".join(r.problems))
    print("record_fixtures: import, push and release behave as API-NOTES.md says"
          + (f"; fixtures in {args.out}" if args.out else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
