#!/usr/bin/env python3
"""Writes p2pu-gathering-2019.json, the P2PU Gathering 2019 fixture (see README.md here).

The agenda items, rooms and days follow the organisers' announcement; facilitators are
fictional and named by role; the 50 attendees and their interests are illustrative, drawn
deterministically from a seeded generator so that the file can be made again byte for byte.
"""
import json
import random
import sys

EVENT = {"name": "P2PU Gathering 2019", "timeZone": "America/New_York"}


def slot(id, day, start, end, *tags):
    return {"id": id, "start": f"2019-09-{day}T{start}", "end": f"2019-09-{day}T{end}", "tags": list(tags)}


SLOTS = [
    slot("wed-am", 18, "10:00", "12:00", "wed", "morning", "preconference"),
    slot("wed-pm1", 18, "13:00", "14:30", "wed", "afternoon", "preconference"),
    slot("wed-pm2", 18, "14:30", "16:00", "wed", "afternoon", "preconference"),
    slot("thu-1", 19, "09:00", "10:30", "thu", "morning", "day"),
    slot("thu-2", 19, "10:30", "12:00", "thu", "morning", "day"),
    slot("thu-3", 19, "13:00", "14:30", "thu", "afternoon", "day"),
    slot("thu-4", 19, "14:30", "16:00", "thu", "afternoon", "day"),
    slot("thu-eve", 19, "18:00", "20:30", "thu", "evening"),
    slot("fri-1", 20, "09:00", "10:30", "fri", "morning", "day"),
    slot("fri-2", 20, "10:30", "12:00", "fri", "morning", "day"),
    slot("fri-3", 20, "13:00", "14:30", "fri", "afternoon", "day"),
    # The open space after the coffee break, in two 45-minute halves: its proposals may take one
    # half or both, so that up to eight fit in its four rooms.
    slot("fri-4a", 20, "14:30", "15:15", "fri", "afternoon", "day"),
    slot("fri-4b", 20, "15:15", "16:00", "fri", "afternoon", "day"),
    slot("fri-eve", 20, "18:00", "21:00", "fri", "evening"),
]

THU_FRI = [{"start": "2019-09-19T00:00", "end": "2019-09-21T00:00"}]
ROOMS = [
    {"id": "rabb", "name": "Rabb Hall", "capacity": 120, "tags": ["bpl", "meeting", "large", "av"],
     "unavailable": [{"start": "2019-09-18T08:00", "end": "2019-09-18T18:00"}]},
    {"id": "commonwealth", "name": "Commonwealth Salon", "capacity": 40, "tags": ["bpl", "meeting", "av"]},
    {"id": "orientation", "name": "Orientation Room", "capacity": 24, "tags": ["bpl", "meeting"]},
    {"id": "mezzanine", "name": "Mezzanine Conference Room", "capacity": 20, "tags": ["bpl", "meeting"]},
    {"id": "lobby", "name": "Central Library lobby (tour meeting point)", "capacity": 60, "tags": ["bpl", "tour"]},
    {"id": "cambridge-pl", "name": "Cambridge Public Library, main branch", "capacity": 20,
     "tags": ["offsite", "visit"], "unavailable": THU_FRI},
    {"id": "bpl-branches", "name": "BPL branches (Roxbury and East Boston)", "capacity": 20,
     "tags": ["offsite", "visit"], "unavailable": THU_FRI},
    {"id": "media-lab", "name": "MIT Media Lab", "capacity": 15, "tags": ["offsite", "visit"],
     "unavailable": [{"start": "2019-09-18T08:00", "end": "2019-09-18T12:30"}] + THU_FRI},
    {"id": "dinner-venue", "name": "Restaurant in the Back Bay", "capacity": 60, "tags": ["offsite", "dinner"]},
    {"id": "social-venue", "name": "Bowling alley and brewery", "capacity": 60, "tags": ["offsite", "social"]},
]

FORMATS = [
    {"id": "large-group", "name": "Large group", "duration": 90, "rooms": 1, "exclusive": True,
     "roomTags": ["large"], "slotTags": ["day"]},
    {"id": "breakout", "name": "Breakout", "duration": 90, "roomTags": ["meeting"], "slotTags": ["day"]},
    {"id": "workshop", "name": "Workshop (two slots)", "duration": 180, "roomTags": ["meeting"], "slotTags": ["day"]},
    {"id": "open-space", "name": "Unconference / open space", "duration": 90, "rooms": 4, "exclusive": True,
     "roomTags": ["meeting"], "slotTags": ["day"]},
    {"id": "call", "name": "Video call", "duration": 60, "roomTags": ["av"], "slotTags": ["day"]},
    {"id": "training", "name": "Pre-conference training", "duration": 120, "roomTags": ["meeting"],
     "slotTags": ["preconference"]},
    {"id": "site-visit", "name": "Site visit", "duration": 180, "roomTags": ["visit"], "slotTags": ["wed"]},
    {"id": "tour", "name": "Tour", "duration": 60, "roomTags": ["tour"], "slotTags": ["day"]},
    {"id": "social", "name": "Social", "duration": 150, "exclusive": True, "slotTags": ["evening"]},
]


def days(*windows):
    return [{"start": f"2019-09-{d}T{s}", "end": f"2019-09-{d}T{e}"} for d, s, e in windows]


WED_FRI = days((18, "08:00", "21:00"), (19, "08:00", "21:00"), (20, "08:00", "21:30"))
THU_FRI_DAY = days((19, "08:00", "17:00"), (20, "08:00", "17:00"))
PEOPLE = [
    {"id": "p2pu-director", "name": "P2PU executive director", "available": WED_FRI},
    {"id": "p2pu-community", "name": "P2PU community manager", "available": WED_FRI},
    {"id": "p2pu-program", "name": "P2PU program manager", "available": WED_FRI},
    {"id": "p2pu-developer", "name": "P2PU developer", "available": THU_FRI_DAY},
    {"id": "bpl-host", "name": "Host librarian, Boston Public Library", "available": WED_FRI},
    {"id": "funder-imls", "name": "Funder representative (IMLS)", "available": days((20, "08:30", "12:00"))},
    {"id": "partnerships-librarian", "name": "Community partnerships librarian (Chicago)", "available": THU_FRI_DAY,
     "unavailable": days((19, "12:00", "14:30"))},
    {"id": "facilitator-kc", "name": "Learning circle facilitator (Kansas City)", "available": THU_FRI_DAY},
    {"id": "facilitator-toronto", "name": "Learning circle facilitator (Toronto)", "available": THU_FRI_DAY},
    {"id": "team-organizer", "name": "Team organizer lead (Detroit)", "available": THU_FRI_DAY},
    {"id": "oer-designer", "name": "OER course designer", "available": THU_FRI_DAY},
    {"id": "cpl-librarian", "name": "Host librarian, Cambridge Public Library", "available": days((18, "09:00", "17:00"))},
    {"id": "bpl-branch-librarian", "name": "Branch librarian, Boston Public Library", "available": days((18, "12:00", "17:00"))},
    {"id": "media-lab-researcher", "name": "Researcher, MIT Media Lab", "available": days((18, "13:00", "17:00"))},
    # Remote facilitators give their own daytime, with their UTC offsets.
    {"id": "remote-nairobi", "name": "Learning circle organiser in Nairobi (remote)",
     "available": [{"start": f"2019-09-{d}T08:00+03:00", "end": f"2019-09-{d}T18:00+03:00"} for d in (19, 20)]},
    {"id": "remote-berlin", "name": "Learning circle organiser in Berlin (remote)",
     "available": [{"start": f"2019-09-{d}T09:00+02:00", "end": f"2019-09-{d}T19:00+02:00"} for d in (19, 20)]},
]


def session(id, title, format, facilitators, **extra):
    return {"id": id, "title": title, "format": format, "facilitators": facilitators, **extra}


SESSIONS = [
    session("update", "Update from P2PU: the past year, the year ahead and the broader vision", "large-group",
            ["p2pu-director"], attendance=50, track="community", pin={"slot": "thu-1", "room": "rabb"}),
    session("stories", "What is and is not working: stories from facilitators, groups and libraries", "large-group",
            ["p2pu-community", "facilitator-kc"], attendance=50, track="community", after=["update"],
            prefer={"slotTags": ["thu"], "weight": 2}),
    session("failures", "Workshopping failures", "breakout", ["facilitator-toronto"], track="practice",
            after=["stories"]),
    session("funding", "Financial support for learning circles: a conversation with IMLS and other funders",
            "breakout", ["funder-imls", "p2pu-director"], track="partnerships"),
    session("partners", "Running learning circles with community partners (employment, housing, language learning)",
            "breakout", ["partnerships-librarian"], track="partnerships", notConcurrentWith=["funding"]),
    session("mooc", "MOOC providers and expertise groups (NaNoWriMo, LPI)", "breakout", ["p2pu-program"],
            track="partnerships"),
    session("user-testing", "User testing: community roles page, online course, tech features, learning activities",
            "breakout", ["p2pu-developer"], track="tools"),
    session("tech", "Troubleshooting the technology we use alongside learning circles (Lynda, Northstar, edX)",
            "breakout", ["p2pu-developer", "facilitator-kc"], track="tools"),
    session("impact", "Feedback, surveys and documenting impact in a way consistent with our values", "breakout",
            ["p2pu-program"], track="tools", prefer={"slotTags": ["fri"]}),
    session("oer", "OER course development activity", "workshop", ["oer-designer"], track="practice"),
    session("facilitation", "Intensive facilitation theory and practice workshop", "workshop", ["p2pu-community"],
            track="practice"),
    session("intro-training", "Intro to running your own learning circle, with the new learning circle course",
            "training", ["p2pu-community", "bpl-host"]),
    session("organizers", "Meeting for team organizers", "breakout", ["team-organizer"], track="community",
            prefer={"slotTags": ["afternoon"]}),
    session("kenya-eu-call", "Skype in with learning circle folks from Kenya and the EU", "call",
            ["remote-nairobi", "remote-berlin", "p2pu-program"], track="community"),
    session("tour", "Tour of Boston Public Library", "tour", ["bpl-host"], optional=True, priority=2,
            prefer={"slotTags": ["afternoon"]}),
    session("visit-cambridge", "Site visit: Cambridge Public Library", "site-visit", ["cpl-librarian"],
            attendance=15, pin={"room": "cambridge-pl"}),
    session("visit-branches", "Site visit: BPL branches", "site-visit", ["bpl-branch-librarian"],
            attendance=15, pin={"room": "bpl-branches"}),
    session("visit-media-lab", "Site visit: MIT Media Lab", "site-visit", ["media-lab-researcher"],
            attendance=12, pin={"room": "media-lab"}),
    session("open-space", "Unconference / open space", "open-space", ["p2pu-community"], attendance=50,
            after=["update"], track="community", pin={"slot": "fri-4a"}),
    session("dinner", "Large group dinner", "social", ["p2pu-director"], attendance=50, roomTags=["dinner"]),
    session("social", "Social event: bowling and a brewery visit", "social", ["p2pu-community"], attendance=40,
            duration=180, roomTags=["social"], optional=True, priority=3),
]

# How much each session draws interest (illustrative): talks about practice draw more.
POPULARITY = {
    "failures": 6, "funding": 4, "partners": 5, "mooc": 3, "user-testing": 3, "tech": 4, "impact": 4,
    "oer": 3, "facilitation": 6, "organizers": 2, "kenya-eu-call": 3, "tour": 4,
}


def attendees():
    rng = random.Random(2019)
    people = []
    for n in range(1, 51):
        pool = dict(POPULARITY)
        chosen = []
        for _ in range(rng.randint(4, 7)):
            ids = sorted(pool)
            pick = rng.choices(ids, weights=[pool[i] for i in ids])[0]
            chosen.append(pick)
            del pool[pick]
        # Newcomers from the Boston area come to the pre-conference training; many join a site visit.
        if n > 38:
            chosen.append("intro-training")
        if rng.random() < 0.6:
            chosen.append(rng.choice(["visit-cambridge", "visit-branches", "visit-media-lab"]))
        people.append({"id": f"attendee-{n:02d}", "interests": chosen})
    return people


document = {
    "convene": 1,
    "event": EVENT,
    "slots": SLOTS,
    "rooms": ROOMS,
    "formats": FORMATS,
    "people": PEOPLE,
    "sessions": SESSIONS,
    "attendees": attendees(),
    "weights": {"clash": 1, "preference": 2, "unscheduled": 100, "change": 10, "trackOverlap": 1},
}

out = sys.argv[1] if len(sys.argv) > 1 else "p2pu-gathering-2019.json"
with open(out, "w") as f:
    json.dump(document, f, indent=2)
    f.write("\n")
