"""Fills a freshly migrated pretalx 2025.2.2 database with one test event for Convene.

Run by start.sh with the venv's python, PRETALX_CONFIG_FILE and
DJANGO_SETTINGS_MODULE=harness_settings:

    python seed_event.py --submissions 30 --seed 2025 --out DIR/harness.json

Everything comes from one seeded random generator, so the same arguments give the same event:
the same rooms, tracks, types, speakers (names, codes, availabilities), submissions (codes,
titles, states, durations, slot counts) and the same first schedule. Only what pretalx stamps
itself differs from run to run: database timestamps, the release time of schedule 1.0 and the
API token (random, written to --out).

The event (see API-NOTES.md for what the API shows of it):
- organiser "Convene Test Organisers" with one team that has every permission, and one user,
  organiser@example.org (password "convene-harness"), who is an administrator and in the team;
- event "convene-test", Europe/Berlin, 9-11 June 2027, with the "present multiple times" feature
  on (so slot_count may be 2), tracks on, and availabilities asked in the call for proposals
  (otherwise the API hides speakers' availabilities);
- 5 rooms with capacities (more for big events), the last one available only on the first two
  days; 4 tracks; 3 session types (Talk 30, Lightning talk 15, Workshop 90 minutes);
- N accepted or confirmed submissions, about 10% of them (2 of 30) with slot_count 2, a few with
  their own duration, some without a track; plus a few submitted, rejected and withdrawn ones
  (which have no slots);
- speakers, about 70% with availabilities and the rest without;
- a first schedule "1.0" released with about a third of the confirmed sessions placed in the
  mornings and a lunch break; the work-in-progress schedule then holds the same placements and
  every other talk slot unscheduled (room, start and end null).
"""

import argparse
import datetime as dt
import json
import os
import random
import sys
import uuid
from zoneinfo import ZoneInfo

import django

django.setup()

from django.db import transaction  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402

from pretalx.common.models.settings import GlobalSettings  # noqa: E402
from pretalx.event.models import Event, Organiser, Team  # noqa: E402
from pretalx.person.models import SpeakerProfile, User, UserApiToken  # noqa: E402
from pretalx.person.models.auth_token import READ_PERMISSIONS, WRITE_PERMISSIONS  # noqa: E402
from pretalx.schedule.models import Availability, Room, TalkSlot  # noqa: E402
from pretalx.submission.models import Submission, SubmissionType, Track  # noqa: E402

SLUG = "convene-test"
TIME_ZONE = "Europe/Berlin"
FIRST_DAY = dt.date(2027, 6, 9)
DAYS = 3
ORGANISER_EMAIL = "organiser@example.org"
ORGANISER_PASSWORD = "convene-harness"
CODE_CHARSET = "ABCDEFGHJKLMNPQRSTUVWXYZ3789"  # pretalx's GenerateCode charset

# The endpoints Convene's import reads and its push writes; the token may read and write them.
READ_WRITE_ENDPOINTS = ("submissions", "speakers", "rooms", "tracks", "submission-types", "schedules", "slots")
READ_ONLY_ENDPOINTS = ("events",)

ROOMS = (("Main Hall", 400), ("Room A", 120), ("Room B", 80), ("Workshop Room", 30), ("Lounge", 20))
TRACKS = (("Science", "#1f77b4"), ("Community", "#2ca02c"), ("Infrastructure", "#d62728"), ("Design", "#9467bd"))
TYPES = (("Talk", 30), ("Lightning talk", 15), ("Workshop", 90))

FIRST_NAMES = (
    "Ada", "Bruno", "Chiara", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kemal", "Lena",
    "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tamar", "Ugo", "Vera", "Wiebke", "Yusuf",
    "Zofia",
)
LAST_NAMES = (
    "Andersen", "Baptiste", "Castro", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanova", "Jansen",
    "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrova", "Quispe", "Rossi", "Schmidt", "Tanaka",
)
ADJECTIVES = (
    "Practical", "Gentle", "Scalable", "Open", "Accessible", "Reproducible", "Distributed", "Quiet", "Honest",
    "Resilient", "Small", "Typed", "Local-first", "Federated", "Sustainable",
)
NOUNS = (
    "Schedules", "Communities", "Compilers", "Archives", "Sensors", "Maps", "Workshops", "Databases", "Budgets",
    "Volunteers", "Interfaces", "Proofs", "Pipelines", "Gardens", "Libraries",
)
TOPICS = (
    "for everyone", "in practice", "without the pain", "at scale", "from scratch", "on a budget",
    "for beginners", "the hard way", "in ten minutes", "that last",
)


def code(rng, length, taken):
    """A pretalx-style code from the seeded generator, unique among `taken`."""
    while True:
        candidate = "".join(rng.choice(CODE_CHARSET) for _ in range(length))
        if candidate not in taken:
            taken.add(candidate)
            return candidate


def secret(rng):
    """A 32-character token like pretalx's invitation and review codes, from the seeded generator."""
    return "".join(rng.choice(CODE_CHARSET) for _ in range(32))


def local(day_index, hour, minute=0):
    """An aware datetime on the event's day `day_index`, in the event's time zone."""
    day = FIRST_DAY + dt.timedelta(days=day_index)
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(TIME_ZONE))


def build_organisation():
    user = User.objects.create_user(
        password=ORGANISER_PASSWORD, email=ORGANISER_EMAIL, name="Olga Organiser", locale="en", timezone=TIME_ZONE
    )
    user.is_staff = True
    user.is_administrator = True
    user.save(update_fields=["is_staff", "is_administrator"])
    organiser = Organiser.objects.create(name="Convene Test Organisers", slug="convene-org")
    team = Team.objects.create(
        organiser=organiser,
        name="Organisers",
        all_events=True,
        can_create_events=True,
        can_change_teams=True,
        can_change_organiser_settings=True,
        can_change_event_settings=True,
        can_change_submissions=True,
    )
    team.members.add(user)
    return user, organiser


def build_event(organiser):
    event = Event.objects.create(
        name="Convene Test Conference",
        slug=SLUG,
        organiser=organiser,
        is_public=True,
        date_from=FIRST_DAY,
        date_to=FIRST_DAY + dt.timedelta(days=DAYS - 1),
        timezone=TIME_ZONE,
        email=ORGANISER_EMAIL,
        locale="en",
        locale_array="en",
        content_locale_array="en",
    )
    # Creating the event made its call for proposals, the work-in-progress schedule and the call's
    # default session type "Talk" (30 minutes), which is TYPES[0].
    event.feature_flags["present_multiple_times"] = True
    event.feature_flags["use_tracks"] = True
    event.save()
    cfp = event.cfp
    for field in ("availabilities", "track", "duration"):
        cfp.fields[field] = {"visibility": "optional"}
    cfp.deadline = local(0, 0) - dt.timedelta(days=90)
    cfp.save()
    return event


def build_rooms(event, rng, submissions):
    count = max(len(ROOMS), -(-submissions // 25))  # 5 rooms up to 125 sessions, then one per 25
    rooms = []
    for index in range(count):
        if index < len(ROOMS):
            name, capacity = ROOMS[index]
        else:
            name, capacity = f"Room {chr(ord('A') + index - 3)}", rng.choice((40, 60, 80, 100))
        rooms.append(Room.objects.create(event=event, name=name, capacity=capacity, position=index))
    # The last named room (the Lounge) opens only on the first two days, 10:00 to 18:00.
    lounge = rooms[len(ROOMS) - 1]
    for day in range(2):
        Availability.objects.create(event=event, room=lounge, start=local(day, 10), end=local(day, 18))
    return rooms


def build_speakers(event, rng, count, taken_codes):
    speakers = []
    names = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(names)
    for index in range(count):
        name = names[index % len(names)] + ("" if index < len(names) else f" {index // len(names) + 1}")
        user = User.objects.create_user(
            email=f"speaker{index + 1:03d}@example.org",
            name=name,
            locale="en",
            timezone=TIME_ZONE,
            code=code(rng, 6, taken_codes),
        )
        profile = SpeakerProfile.objects.create(
            user=user, event=event, biography=f"{name} works on {rng.choice(NOUNS).lower()} {rng.choice(TOPICS)}."
        )
        # About 70% give availabilities: one to three windows (a morning, an afternoon or a whole day).
        if rng.random() < 0.7:
            days = sorted(rng.sample(range(DAYS), rng.randint(1, DAYS)))
            for day in days:
                kind = rng.choice(("morning", "afternoon", "day", "day"))
                if kind == "morning":
                    start, end = local(day, 9), local(day, 13)
                elif kind == "afternoon":
                    start, end = local(day, 13), local(day, 19)
                else:
                    start, end = local(day, 0), local(day + 1, 0)
                Availability.objects.create(event=event, person=profile, start=start, end=end)
        speakers.append(user)
    return speakers


def build_submissions(event, rng, accepted_count, speakers, tracks, types, taken_codes):
    """The accepted and confirmed submissions, then a few submitted, rejected and withdrawn ones.

    Of the accepted and confirmed ones, 2 (of 30; 10% of bigger events) have slot_count 2, and
    1 in 15 are talks with their own duration of 45 minutes instead of the type's 30.
    """
    talk, lightning, workshop = types
    repeated = set(rng.sample(range(accepted_count), 2 if accepted_count <= 30 else round(accepted_count * 0.1)))
    others = max(3, accepted_count // 10)
    states = ["confirmed" if rng.random() < 0.8 else "accepted" for _ in range(accepted_count)]
    states += [("submitted", "rejected", "withdrawn")[index % 3] for index in range(others)]
    kinds = []
    for _ in states:
        roll = rng.random()
        kinds.append(talk if roll < 0.7 else (lightning if roll < 0.85 else workshop))
    talks = [index for index in range(accepted_count) if kinds[index] is talk]
    longer = set(rng.sample(talks, min(len(talks), max(1, accepted_count // 15))))
    submissions = []
    for index, state in enumerate(states):
        submission_type = kinds[index]
        duration = 45 if index in longer else None
        title = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS).lower()} {rng.choice(TOPICS)}"
        submission = Submission.objects.create(
            event=event,
            code=code(rng, 6, taken_codes),
            title=title,
            submission_type=submission_type,
            track=rng.choice(tracks) if rng.random() < 0.9 else None,
            state=state,
            abstract=f"Why {title.lower()} matters, and how to get there.",
            description=f"A {submission_type.name.lower()} about {title.lower()}.\n\nWith examples from the field.",
            duration=duration,
            slot_count=2 if index in repeated else 1,
            content_locale="en",
            do_not_record=rng.random() < 0.1,
            invitation_token=secret(rng),
            review_code=secret(rng),
        )
        first = speakers[index] if index < len(speakers) else rng.choice(speakers)
        submission.speakers.add(first)
        if rng.random() < 0.15:
            second = rng.choice(speakers)
            if second != first:
                submission.speakers.add(second)
        # What Submission._set_state does after a state change: one wip slot per slot_count
        # for accepted and confirmed submissions, none for the others.
        submission.update_talk_slots()
        submissions.append(submission)
    return submissions


def build_first_schedule(event, rng, rooms, submissions):
    """Places about a third of the confirmed sessions in the mornings, adds a lunch break, releases 1.0."""
    wip = event.wip_schedule
    # Each room fills from 09:00 (the Lounge from 10:00, on the first two days only) until 12:30.
    lounge = rooms[len(ROOMS) - 1]
    cursors = {
        (day, room.pk): local(day, 10 if room == lounge else 9)
        for day in range(DAYS)
        for room in rooms
        if room != lounge or day < 2
    }
    slots = list(
        TalkSlot.objects.filter(schedule=wip, submission__state="confirmed")
        .select_related("submission", "submission__submission_type")
        .order_by("submission__code", "pk")
    )
    rng.shuffle(slots)
    for slot in slots[: len(slots) // 3]:
        duration = slot.submission.get_duration()
        # The earliest free time of day first, spread over the days and rooms.
        for day, room in sorted(cursors, key=lambda key: (cursors[key] - dt.timedelta(days=key[0]), key)):
            start = cursors[(day, room)]
            end = start + dt.timedelta(minutes=duration)
            if end <= local(day, 12, 30):
                slot.room, slot.start, slot.end = next(r for r in rooms if r.pk == room), start, end
                slot.save(update_fields=["room", "start", "end"])
                cursors[(day, room)] = end
                break
    TalkSlot.objects.create(
        schedule=wip, room=rooms[0], start=local(0, 12, 30), end=local(0, 13, 30), description="Lunch"
    )
    wip.freeze("1.0", notify_speakers=False, comment="First schedule: the morning sessions.")


def build_token(user, event):
    endpoints = {name: list(WRITE_PERMISSIONS) for name in READ_WRITE_ENDPOINTS}
    endpoints.update({name: list(READ_PERMISSIONS) for name in READ_ONLY_ENDPOINTS})
    token = UserApiToken.objects.create(name="convene-harness", user=user, endpoints=endpoints)
    token.events.add(event)
    return token


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=30, help="accepted and confirmed submissions (default 30)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", required=True, help="where to write slug, token and counts (JSON)")
    args = parser.parse_args()
    if args.submissions < 3:
        parser.error("--submissions must be at least 3")
    rng = random.Random(args.seed)
    with scopes_disabled(), transaction.atomic():
        if Event.objects.filter(slug=SLUG).exists():
            sys.exit(f"seed_event: the event {SLUG} exists already; start.sh seeds a fresh DIR only once")
        # Rooms' computed UUIDs derive from the instance identifier: seeded, they are the same every run.
        GlobalSettings().settings.set("instance_identifier", str(uuid.UUID(int=rng.getrandbits(128), version=4)))
        user, organiser = build_organisation()
        event = build_event(organiser)
        taken_codes = set()
        rooms = build_rooms(event, rng, args.submissions)
        tracks = [
            Track.objects.create(event=event, name=name, color=color, position=index)
            for index, (name, color) in enumerate(TRACKS)
        ]
        default_type = event.cfp.default_type
        default_type.name, default_type.default_duration = TYPES[0]
        default_type.save()
        types = [default_type] + [
            SubmissionType.objects.create(event=event, name=name, default_duration=minutes)
            for name, minutes in TYPES[1:]
        ]
        speakers = build_speakers(event, rng, max(3, round(args.submissions * 0.8)), taken_codes)
        submissions = build_submissions(event, rng, args.submissions, speakers, tracks, types, taken_codes)
        build_first_schedule(event, rng, rooms, submissions)
        token = build_token(user, event)
        summary = {
            "slug": SLUG,
            "token": token.token,
            "seed": args.seed,
            "submissions": args.submissions,
            "all_submissions": len(submissions),
            "rooms": len(rooms),
            "speakers": len(speakers),
            "wip_slots": Event.objects.get(pk=event.pk).wip_schedule.talks.filter(submission__isnull=False).count(),
            "organiser": {"email": ORGANISER_EMAIL, "password": ORGANISER_PASSWORD},
        }
    temporary = args.out + ".tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(summary, handle, indent=2)
        handle.write("\n")
    os.replace(temporary, args.out)
    print(json.dumps({key: value for key, value in summary.items() if key != "token"}), file=sys.stderr)


if __name__ == "__main__":
    main()
