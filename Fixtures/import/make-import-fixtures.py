#!/usr/bin/env python3
"""Writes the import fixtures of Fixtures/import/, the same bytes every time.

    python3 Fixtures/import/make-import-fixtures.py            # the committed fixtures
    python3 Fixtures/import/make-import-fixtures.py --big DIR  # 500 submissions and 2,000 respondents, to measure

Every person, talk and event is fictional. The shapes follow the tools' documentation:
pretalx's REST API (doc/api in pretalx/pretalx: page envelopes, API v1 codes and ids, the legacy
nested objects, multilingual texts), Sessionize's "All" view, frab's schedule.xml as pretalx writes
it (voc/schedule's XSD), and Google Forms and Excel CSV exports.
"""
import csv
import io
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.dirname(HERE)

FIRST = ["Ada", "Bruno", "Chiara", "Dario", "Elif", "Femi", "Greta", "Hamid", "Ines", "Jonas", "Kaito", "Lena", "Mateo", "Nadia",
         "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tamar", "Ugo", "Vera", "Wanjiru", "Xavier", "Yara", "Zeno", "Aino", "Bao",
         "Carmen", "Dmitri", "Esme", "Farid", "Gaia", "Hugo", "Ilse", "Jamal", "Katja", "Luis", "Maren", "Niko"]
LAST = ["Abara", "Brandvold", "Castellano", "Dufresne", "Eklund", "Ferreira", "Gruber", "Haddad", "Iversen", "Jaramillo",
        "Kowalczyk", "Lindqvist", "Marchetti", "Nakashima", "Okonkwo", "Pellegrini", "Quist", "Rasmussen", "Salazar", "Tanaka",
        "Uhlig", "Varga", "Wiśniewska", "Xu", "Yilmaz", "Zimmer", "Achterberg", "Björk", "Cortázar", "Deniz"]
TOPICS = ["Reproducible builds", "Postgres indexes", "Accessible forms", "Rust in the kernel", "Mesh networks", "Home automation",
          "Static site generators", "OpenStreetMap", "Federated timelines", "Energy-aware scheduling", "Type-safe SQL",
          "Unicode bugs", "Packaging Python", "Kubernetes operators", "Local-first apps", "Garbage collectors", "WebAssembly",
          "Privacy by design", "Screen readers", "Fuzzing", "CRDTs", "Container security", "Build caches", "Open hardware",
          "Offline maps", "Time zones", "Observability", "Feature flags", "Design systems", "Public transport data",
          "Community moderation", "Git internals", "Sustainable funding", "Onboarding newcomers", "Data journalism",
          "Citizen science", "Digital archives", "Open educational resources", "E-paper displays", "LoRaWAN"]
FORMS = ["A gentle introduction to {}", "{} in practice", "What we learned from {}", "{}: the hard parts", "Ten years of {}",
         "Why {} matters", "{} without tears", "Debugging {}", "{} at scale", "Teaching {}"]
TRACKS = [(11, "Infrastructure", "#1d6fa3"), (12, "Web & Design", "#b0413e"), (13, "Community", "#3f7d20"),
          (14, "Data", "#7a4fa0"), (15, "Hardware", "#c27c0e")]
TYPES = [(21, "Talk", 30), (22, "Workshop", 90), (23, "Lightning talk", 15), (24, "Panel", 60)]

ZONE = "+02:00"
DAYS = ["2025-09-18", "2025-09-19", "2025-09-20"]
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ3789"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def dump(value):
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def codes(rng, count, length=6):
    seen = set()
    result = []
    while len(result) < count:
        code = "".join(rng.choice(CODE_LETTERS) for _ in range(length))
        if code not in seen:
            seen.add(code)
            result.append(code)
    return result


def names(rng, count):
    pairs = [(f, l) for f in FIRST for l in LAST]
    rng.shuffle(pairs)
    # Past 1,200 people, names repeat (the survey tells respondents apart by e-mail).
    return [f"{f} {l}" for f, l in (pairs * (count // len(pairs) + 1))[:count]]


def titles(rng, count):
    pool = [form.format(topic) for topic in TOPICS for form in FORMS]
    if count > len(pool):
        pool += [f"{t}, revisited" for t in pool] + [f"{t} (hands-on)" for t in pool]
    rng.shuffle(pool)
    out = []
    for t in pool[:count]:
        out.append(t[0].upper() + t[1:])
    return out


def page(results, path, number, pages, total):
    base = f"https://pretalx.example.org/api/events/hosd25/{path}/"
    return {
        "count": total,
        "next": f"{base}?page={number + 1}" if number < pages else None,
        "previous": (f"{base}?page={number - 1}" if number > 2 else base) if number > 1 else None,
        "results": results,
    }


def pretalx_export(rng, talks, others, speakers_count, rooms, days=DAYS, page_size=30):
    """The v1 API shape: codes and ids, orga fields, availabilities, several pages."""
    speaker_codes = codes(rng, speakers_count, 5)
    speaker_names = names(rng, speakers_count)
    total = talks + others
    sub_codes = codes(rng, total)
    sub_titles = titles(rng, total)
    states = ["confirmed"] * talks + rng.sample(["submitted", "rejected", "withdrawn", "canceled"] * others, others)
    order = list(range(total))
    rng.shuffle(order)
    submissions = []
    speaker_subs = {c: [] for c in speaker_codes}
    for k, i in enumerate(order):
        state = states[i]
        if state == "confirmed" and rng.random() < 0.12:
            state = "accepted"
        type_id, type_name, _ = rng.choices(TYPES, weights=[70, 10, 12, 8])[0]
        n_speakers = 1 if type_id != 24 else 3
        if type_id == 22 and rng.random() < 0.3:
            n_speakers = 2
        chosen = rng.sample(speaker_codes, n_speakers)
        # A few prolific speakers: every third talk goes to one of the first ten.
        if rng.random() < 0.2:
            chosen[0] = speaker_codes[rng.randrange(10)]
            chosen = list(dict.fromkeys(chosen))
        duration = None
        if type_id == 21 and rng.random() < 0.15:
            duration = 40
        slot_count = 2 if type_id == 22 and rng.random() < 0.35 else 1
        code = sub_codes[i]
        if state in ("confirmed", "accepted"):
            for c in chosen:
                speaker_subs[c].append(code)
        submissions.append({
            "code": code,
            "title": sub_titles[i],
            "speakers": chosen,
            "submission_type": type_id,
            "track": rng.choice(TRACKS)[0] if rng.random() < 0.9 else None,
            "tags": [],
            "state": state,
            "abstract": f"{sub_titles[i]}: what it is, where it helps, and where it does not.",
            "description": "",
            "duration": duration,
            "slot_count": slot_count,
            "attendee_signup_required": False,
            "attendee_signup_capacity": None,
            "signup_status": None,
            "content_locale": "en",
            "do_not_record": rng.random() < 0.1,
            "image": None,
            "resources": [],
            "slots": [],
            "answers": [],
        })
    speakers = []
    for code, name in zip(speaker_codes, speaker_names):
        if not speaker_subs[code]:
            continue
        availabilities = []
        if rng.random() < 0.8:
            for day in days:
                # Some skip the last day; everyone with availabilities can come on the first two,
                # so that the speakers of a panel always share a day.
                if rng.random() < 0.25 and day == days[-1]:
                    continue
                start, end = rng.choice([("09:00", "18:00"), ("09:00", "18:00"), ("09:00", "13:00"), ("12:00", "18:00")])
                if end == "13:00" or start == "12:00":
                    # Half days are paired with a full day, so that everyone can fit.
                    availabilities.append({"start": f"{day}T09:00:00{ZONE}", "end": f"{day}T18:00:00{ZONE}", "allDay": False})
                    continue
                availabilities.append({"start": f"{day}T{start}:00{ZONE}", "end": f"{day}T{end}:00{ZONE}", "allDay": False})
            if len(availabilities) < 2:
                availabilities = [{"start": f"{d}T09:00:00{ZONE}", "end": f"{d}T18:00:00{ZONE}", "allDay": False} for d in days[:2]]
        speakers.append({
            "code": code,
            "name": name,
            "biography": f"{name.split()[0]} works on free software and gives talks now and then.",
            "submissions": speaker_subs[code],
            "avatar_url": None,
            "answers": [],
            "email": f"{name.split()[0].lower()}.{code.lower()}@example.org",
            "timezone": "Europe/Berlin",
            "locale": "en",
            "has_arrived": False,
            "availabilities": availabilities,
            "internal_notes": "",
        })
    return submissions, speakers


def rooms_export(rng, rooms, days=DAYS):
    result = []
    for k, (name, capacity, available_days, hidden) in enumerate(rooms):
        availabilities = []
        if available_days is not None:
            availabilities = [{"start": f"{days[d]}T08:00:00{ZONE}", "end": f"{days[d]}T20:00:00{ZONE}", "allDay": False}
                              for d in available_days]
        result.append({
            "id": 31 + k,
            "name": {"en": name, "de": name.replace("Hall", "Saal").replace("Room", "Raum")},
            "description": {"en": ""},
            "uuid": f"6f1c2a3e-8b1d-5c9a-9e0f-{31 + k:012d}",
            "guid": None,
            "capacity": capacity,
            "position": k,
            "hidden": hidden,
            "speaker_info": {"en": ""},
            "availabilities": availabilities,
        })
    return result


def write_pretalx(rng, folder, talks, others, speakers, rooms, page_size):
    submissions, speaker_list = pretalx_export(rng, talks, others, speakers, rooms)
    pages = (len(submissions) + page_size - 1) // page_size
    for p in range(pages):
        chunk = submissions[p * page_size:(p + 1) * page_size]
        write(os.path.join(folder, f"submissions-{p + 1}.json"), dump(page(chunk, "submissions", p + 1, pages, len(submissions))))
    speaker_pages = (len(speaker_list) + 49) // 50
    for p in range(speaker_pages):
        chunk = speaker_list[p * 50:(p + 1) * 50]
        write(os.path.join(folder, f"speakers-{p + 1}.json"), dump(page(chunk, "speakers", p + 1, speaker_pages, len(speaker_list))))
    write(os.path.join(folder, "rooms.json"), dump(page(rooms_export(rng, rooms), "rooms", 1, 1, len(rooms))))
    types = [{"id": i, "name": {"en": n}, "default_duration": d, "deadline": None, "requires_access_code": False,
              "attendee_signup_required": False} for i, n, d in TYPES]
    write(os.path.join(folder, "submission-types.json"), dump(page(types, "submission-types", 1, 1, len(types))))
    tracks = [{"id": i, "name": {"en": n}, "description": {"en": ""}, "color": c, "position": k, "requires_access_code": False,
               "attendee_signup_required": False} for k, (i, n, c) in enumerate(TRACKS)]
    write(os.path.join(folder, "tracks.json"), dump(page(tracks, "tracks", 1, 1, len(tracks))))
    event = {"name": {"en": "Harbour Open Source Days 2025"}, "slug": "hosd25", "is_public": True, "date_from": DAYS[0],
             "date_to": DAYS[-1], "timezone": "Europe/Berlin", "email": "orga@example.org", "primary_color": "#1d6fa3",
             "custom_domain": None, "logo": None, "header_image": None, "locale": "en", "locales": ["en", "de"],
             "content_locales": ["en"]}
    write(os.path.join(folder, "event.json"), dump(event))
    return [s for s in submissions if s["state"] in ("confirmed", "accepted")]


def popularity(rng, count):
    weights = [1 / (k + 3) for k in range(count)]
    rng.shuffle(weights)
    return weights


def pick(rng, items, weights, n):
    chosen = []
    pool = list(range(len(items)))
    w = list(weights)
    for _ in range(min(n, len(pool))):
        k = rng.choices(range(len(pool)), weights=w)[0]
        chosen.append(pool.pop(k))
        w.pop(k)
    return sorted(chosen)


def csv_text(rows, delimiter=",", lineterminator="\n", bom=False):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=lineterminator, quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow(row)
    return ("\ufeff" if bom else "") + out.getvalue()


def google_choices_survey(rng, talks, respondents, duplicates):
    """Google Forms: Timestamp, Email Address, a checkbox question (choices joined by ", " in the
    form's order), a free-text question with commas and line breaks."""
    titles = [t["title"] for t in talks]
    weights = popularity(rng, len(titles))
    question = "Which talks would you like to attend?"
    rows = [["Timestamp", "Email Address", question, "Anything else we should know?"]]
    people = names(rng, respondents)
    comments = ["", "", "", "Vegetarian, please.", "I can only come on Friday,\nbut I'd love the recordings.",
                "Is there a quiet room?", "Looking forward to it!"]
    answers = []
    for k, name in enumerate(people):
        chosen = pick(rng, titles, weights, rng.randint(4, 10))
        email = f"{name.split()[0].lower()}.{k + 1:03d}@example.net"
        answers.append([f"9/{1 + k % 12}/2025 {8 + k % 10}:{k % 60:02d}:{(k * 7) % 60:02d}", email,
                        ", ".join(titles[c] for c in chosen), rng.choice(comments)])
    for k in range(duplicates):
        again = list(answers[k * 7])
        again[0] = "9/14/2025 20:00:00"
        again[2] = ", ".join(titles[c] for c in pick(rng, titles, weights, 3))
        answers.append(again)
    return csv_text(rows + answers)


def excel_wide_survey(rng, talks, respondents):
    """Excel in a German locale: UTF-8 with a byte order mark, `;` between fields, CRLF, one column
    per talk with a rating from 1 to 5 (blank: no answer). Most columns are headed by the title, a
    few by the pretalx code, one with its case and punctuation changed."""
    weights = popularity(rng, len(talks))
    headings = []
    for k, t in enumerate(talks):
        if k % 17 == 5:
            headings.append(t["code"])
        elif k % 23 == 7:
            headings.append(t["title"].upper().replace(":", "").replace(" ", "  "))
        else:
            headings.append(t["title"])
    rows = [["Email", "Name"] + headings]
    people = names(rng, respondents)
    for k, name in enumerate(people):
        rated = set(pick(rng, talks, weights, rng.randint(5, 14)))
        row = [f"{name.split()[1].lower()}.{k + 1:03d}@example.com", name]
        for c in range(len(talks)):
            row.append(str(rng.choice([3, 4, 4, 5, 5]) if c in rated else rng.choice(["", "", "", "1", "2"])))
        rows.append(row)
    return csv_text(rows, delimiter=";", lineterminator="\r\n", bom=True)


def pretalx_frame():
    slots = []
    for d, day in enumerate(DAYS):
        label = ["thu", "fri", "sat"][d]
        k = 1
        for start, count in (("09:30", 6), ("13:30", 8)):
            h, m = map(int, start.split(":"))
            for _ in range(count):
                end_m = h * 60 + m + 30
                slots.append({"id": f"{label}-{k:02d}", "start": f"{day}T{h:02d}:{m:02d}",
                              "end": f"{day}T{end_m // 60:02d}:{end_m % 60:02d}",
                              "tags": [label, "morning" if h < 12 else "afternoon"]})
                h, m = end_m // 60, end_m % 60
                k += 1
    return {"convene": 1, "event": {"name": "Harbour Open Source Days 2025", "timeZone": "Europe/Berlin"}, "slots": slots,
            "weights": {"clash": 1, "preference": 1, "unscheduled": 100, "change": 10, "trackOverlap": 1}}


def legacy_pretalx(rng):
    """The legacy API (before v1): speakers, rooms and types nested in each talk, multilingual
    names, and the schedule in a `slot` object, on a plain list."""
    people = names(rng, 10)
    speaker_codes = codes(rng, 10, 5)
    talk_codes = codes(rng, 12)
    rooms = [{"en": "Main Hall", "de": "Großer Saal"}, {"en": "Room 2"}, "Workshop Room"]
    talks = []
    # Ten of the twelve are scheduled, each in its own room and time (Room 2 is open on the 19th
    # only until noon); two are not scheduled yet.
    schedule = [("2025-09-18", "10:00", 0), ("2025-09-18", "10:00", 1), ("2025-09-18", "10:00", 2), ("2025-09-18", "10:30", 0),
                ("2025-09-18", "10:30", 1), ("2025-09-18", "14:00", 2), ("2025-09-19", "10:00", 0), ("2025-09-19", "10:00", 1),
                ("2025-09-19", "10:00", 2), ("2025-09-19", "14:00", 0)]
    for k in range(12):
        kind = ["Talk", "Talk", "Workshop"][k % 3]
        minutes = 30 if kind == "Talk" else 90
        slot = None
        if k < 10:
            day, clock, r = schedule[k]
            h, m = map(int, clock.split(":"))
            end = h * 60 + m + minutes
            room = rooms[r]
            slot = {"start": f"{day}T{clock}:00+02:00", "end": f"{day}T{end // 60:02d}:{end % 60:02d}:00+02:00", "room": room}
        speaker = {"name": people[k % 10], "code": speaker_codes[k % 10], "biography": "", "avatar": None}
        talks.append({"code": talk_codes[k], "speakers": [speaker], "title": f"{TOPICS[k]} for everyone",
                      "submission_type": {"en": kind}, "track": {"en": TRACKS[k % 5][1]}, "state": "confirmed",
                      "abstract": "", "description": "", "duration": minutes, "do_not_record": False, "is_featured": False,
                      "content_locale": "en", "slot": slot, "image": None, "answers": []})
    rooms_list = [{"id": 1, "name": {"en": "Main Hall", "de": "Großer Saal"}, "description": {"en": ""}, "capacity": 300,
                   "position": 0, "availabilities": []},
                  {"id": 2, "name": {"en": "Room 2"}, "description": {"en": ""}, "capacity": 80, "position": 1,
                   "availabilities": [{"id": 9, "start": "2025-09-18T09:00:00+02:00", "end": "2025-09-18T18:00:00+02:00",
                                       "allDay": False},
                                      {"id": 10, "start": "2025-09-19T09:00:00+02:00", "end": "2025-09-19T12:00:00+02:00",
                                       "allDay": False}]},
                  {"id": 3, "name": {"en": "Workshop Room"}, "description": {"en": ""}, "capacity": 30, "position": 2,
                   "availabilities": []}]
    return talks, rooms_list


def sessionize(rng):
    """Sessionize's All view: local times, service sessions, a plenum keynote, categories."""
    speakers_n = 30
    people = names(rng, speakers_n)
    speaker_ids = ["%08x-%04x-4%03x-8%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                                     rng.getrandbits(12), rng.getrandbits(48)) for _ in range(speakers_n)]
    rooms = [{"id": 50101 + k, "name": n, "sort": k} for k, n in enumerate(["Aurora", "Borealis", "Fjord", "Skerry"])]
    tracks = [{"id": 70001 + k, "name": n, "sort": k} for k, n in enumerate(["Cloud", "Web", "Data", "Practices"])]
    formats = [{"id": 70101, "name": "Session (45 min)", "sort": 0}, {"id": 70102, "name": "Workshop (2 hours)", "sort": 1},
               {"id": 70103, "name": "Lightning talk (15 min)", "sort": 2}]
    levels = [{"id": 70201 + k, "name": n, "sort": k} for k, n in enumerate(["Introductory", "Intermediate", "Advanced"])]
    categories = [{"id": 601, "title": "Track", "items": tracks, "sort": 0, "type": "session"},
                  {"id": 602, "title": "Session format", "items": formats, "sort": 1, "type": "session"},
                  {"id": 603, "title": "Level", "items": levels, "sort": 2, "type": "session"}]
    sessions = []
    speaker_sessions = {s: [] for s in speaker_ids}
    titles_pool = titles(rng, 40)
    next_id = 812001

    def service(title, day, start, end, room=None, plenum=True):
        sid = "%08x-%04x-4%03x-a%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                                 rng.getrandbits(12), rng.getrandbits(48))
        sessions.append({"id": sid, "title": title, "description": None, "startsAt": f"{day}T{start}:00",
                         "endsAt": f"{day}T{end}:00", "isServiceSession": True, "isPlenumSession": plenum, "speakers": [],
                         "categoryItems": [], "questionAnswers": [], "roomId": room, "liveUrl": None, "recordingUrl": None,
                         "status": None, "isInformed": False, "isConfirmed": False})

    grid = ["09:45", "10:45", "11:45", "14:00", "15:00", "16:00"]
    k = 0
    for day in ["2025-06-12", "2025-06-13"]:
        service("Registration and coffee", day, "08:30", "09:00")
        keynote_speaker = speaker_ids[k % speakers_n]
        sessions.append({"id": str(next_id), "title": titles_pool[k], "description": "The opening keynote.",
                         "startsAt": f"{day}T09:00:00", "endsAt": f"{day}T09:45:00", "isServiceSession": False,
                         "isPlenumSession": True, "speakers": [keynote_speaker], "categoryItems": [tracks[k % 4]["id"], 70101],
                         "questionAnswers": [], "roomId": rooms[0]["id"], "liveUrl": None, "recordingUrl": None,
                         "status": "Accepted", "isInformed": True, "isConfirmed": True})
        speaker_sessions[keynote_speaker].append(next_id)
        next_id += 1
        k += 1
        service("Lunch", day, "12:30", "13:30")
        for slot in grid:
            for r, room in enumerate(rooms):
                if slot in ("14:00", "15:00") and r == 3:
                    # The workshop room runs one two-hour workshop in the afternoon.
                    if slot == "15:00":
                        continue
                    fmt, minutes = 70102, 120
                elif r == 2 and slot == "11:45":
                    fmt, minutes = 70103, 15
                else:
                    fmt, minutes = 70101, 45
                h, m = map(int, slot.split(":"))
                end = h * 60 + m + minutes
                speaker = speaker_ids[(k * 7) % speakers_n]
                cosp = [speaker_ids[(k * 7 + 3) % speakers_n]] if k % 9 == 0 else []
                sessions.append({"id": str(next_id), "title": titles_pool[k % len(titles_pool)] if k < 40 else f"Open session {k}",
                                 "description": "", "startsAt": f"{day}T{slot}:00", "endsAt": f"{day}T{end // 60:02d}:{end % 60:02d}:00",
                                 "isServiceSession": False, "isPlenumSession": False, "speakers": [speaker] + cosp,
                                 "categoryItems": [tracks[k % 4]["id"], fmt, levels[k % 3]["id"]], "questionAnswers": [],
                                 "roomId": room["id"], "liveUrl": None, "recordingUrl": None, "status": "Accepted",
                                 "isInformed": True, "isConfirmed": True})
                for s in [speaker] + cosp:
                    speaker_sessions[s].append(next_id)
                next_id += 1
                k += 1
    speakers = []
    for sid, name in zip(speaker_ids, people):
        first, last = name.split(" ", 1)
        speakers.append({"id": sid, "firstName": first, "lastName": last, "bio": "", "tagLine": "Developer", "profilePicture": None,
                         "isTopSpeaker": False, "links": [], "sessions": speaker_sessions[sid], "fullName": name,
                         "categoryItems": [], "questionAnswers": []})
    return {"sessions": sessions, "speakers": speakers, "questions": [], "categories": categories, "rooms": rooms}


def frab(rng):
    """schedule.xml as pretalx writes it (single-quoted attributes, code, guid, persons)."""
    people = names(rng, 24)
    talk_codes = codes(rng, 30)
    titles_pool = titles(rng, 30)
    rooms = ["Kesselhaus", "Maschinenhalle", "Werkstatt"]
    out = ["<?xml version='1.0' encoding='utf-8' ?>", "<!-- Made with love by pretalx v2025.1.0. -->", "<schedule>",
           '    <generator name="pretalx" system="https://pretalx.example.org/" version="2025.1.0" />',
           "    <version>0.7</version>", "    <conference>", "        <title>Kiezkonferenz 2025</title>",
           "        <acronym>kiez25</acronym>", "        <start>2025-11-07</start>", "        <end>2025-11-08</end>",
           "        <days>2</days>", "        <timeslot_duration>00:05</timeslot_duration>",
           "        <base_url>https://pretalx.example.org/kiez25/schedule/</base_url>",
           "        <time_zone_name>Europe/Berlin</time_zone_name>",
           '        <track name="Stadt &amp; Netz" slug="1-stadt-netz" color="#aa3377" />', "    </conference>"]
    k = 0
    pk = 101
    for d, day in enumerate(["2025-11-07", "2025-11-08"]):
        out.append(f"    <day index='{d + 1}' date='{day}' start='{day}T04:00:00+01:00' end='{day[:8]}{int(day[8:]) + 1:02d}T03:59:00+01:00'>")
        for r, room in enumerate(rooms):
            out.append(f"        <room name='{room}' guid='{uuid5(rng)}'>")
            for clock in (["10:00", "11:00", "12:00", "14:00", "15:00"] if r < 2 else ["10:00", "14:00"]):
                minutes = 45 if r < 2 else 120
                code = talk_codes[k % 30] if k != 23 else talk_codes[3]
                # Concurrent events are 5 or 10 apart in k, so no person is in two rooms at once.
                persons = [k % 24] + ([(k + 12) % 24] if k % 6 == 0 else [])
                h = int(clock[:2])
                title = titles_pool[k % 30] if k != 23 else titles_pool[3]
                out += [f"            <event guid='{uuid5(rng)}' id='{pk}' code='{code}'>",
                        f"                <room>{room}</room>", f"                <title>{xml(title)}</title>",
                        "                <subtitle></subtitle>",
                        f"                <type>{'Talk' if r < 2 else 'Workshop'}</type>",
                        f"                <date>{day}T{clock}:00+01:00</date>", f"                <start>{clock}</start>",
                        f"                <duration>{minutes // 60:02d}:{minutes % 60:02d}</duration>",
                        "                <abstract>A talk.</abstract>",
                        f"                <slug>kiez25-{pk}-{slugify(title)}</slug>",
                        f"                <track>{'Stadt &amp; Netz' if k % 2 else ''}</track>", "                <persons>"]
                out += [f"                    <person id='{p + 1}'>{xml(people[p])}</person>" for p in persons]
                out += ["                </persons>", "                <language>de</language>",
                        "                <recording>", "                    <license></license>",
                        "                    <optout>false</optout>", "                </recording>",
                        "                <links></links>", "                <attachments></attachments>",
                        f"                <url>https://pretalx.example.org/kiez25/talk/{code}/</url>",
                        "                <feedback_url></feedback_url>", "            </event>"]
                k += 1
                pk += 1
            out.append("        </room>")
        out.append("    </day>")
    out.append("</schedule>")
    return "\n".join(out) + "\n"


def uuid5(rng):
    h = "%032x" % rng.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{'89ab'[int(h[16], 16) % 4]}{h[17:20]}-{h[20:32]}"


def xml(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slugify(text):
    out = "".join(c if c.isalnum() and c.isascii() else "-" for c in text.lower())
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def p2pu():
    """The P2PU fixture's attendees as a Google Forms export (choices by title, in the form's
    order), and the fixture without its attendees as the frame."""
    with open(os.path.join(FIXTURES, "p2pu-gathering-2019.json"), encoding="utf-8") as f:
        document = json.load(f)
    titles = {s["id"]: s["title"] for s in document["sessions"]}
    order = [s["id"] for s in document["sessions"]]
    rng = random.Random(50)
    question = "Which sessions would you like to attend?"
    rows = [["Timestamp", "Name", question, "Anything else we should know?"]]
    notes = ["", "", "Arriving Thursday morning.", "Happy to help with the tour, if needed.",
             "I run learning circles in a small branch library,\nso the site visits matter most to me."]
    for k, attendee in enumerate(document["attendees"]):
        wanted = [titles[s] for s in order if s in attendee["interests"]]
        rows.append([f"9/{2 + k // 10}/2019 {9 + k % 8}:{(k * 13) % 60:02d}:{(k * 29) % 60:02d}", attendee["id"],
                     ", ".join(wanted), rng.choice(notes)])
    write(os.path.join(HERE, "p2pu-survey.csv"), csv_text(rows))
    frame = {k: v for k, v in document.items() if k != "attendees"}
    write(os.path.join(HERE, "p2pu-frame.json"), json.dumps(frame, indent=2) + "\n")


def main():
    rng = random.Random(2025)
    if len(sys.argv) == 3 and sys.argv[1] == "--big":
        folder = sys.argv[2]
        rooms = [("Hall A", 1000, None, False), ("Hall B", 600, None, False)] + \
                [(f"Room {k}", 250, None, False) for k in range(1, 9)] + [(f"Seminar {k}", 120, None, False) for k in range(1, 11)]
        talks = write_pretalx(rng, os.path.join(folder, "pretalx"), 500, 60, 420, rooms, 50)
        write(os.path.join(folder, "survey.csv"), google_choices_survey(rng, talks, 2000, 20))
        return
    rooms = [("Main Hall", 400, None, False), ("Room A", 150, None, False), ("Room B", 100, None, False),
             ("Room C", 60, [0, 1], False), ("Workshop Room", 40, None, False), ("Backstage", 10, None, True)]
    talks = write_pretalx(rng, os.path.join(HERE, "pretalx"), 72, 18, 90, rooms, 30)
    write(os.path.join(HERE, "pretalx-frame.json"), dump(pretalx_frame()))
    write(os.path.join(HERE, "survey-choices.csv"), google_choices_survey(rng, talks, 240, 3))
    write(os.path.join(HERE, "survey-wide.csv"), excel_wide_survey(rng, talks, 210))
    legacy, legacy_rooms = legacy_pretalx(rng)
    write(os.path.join(HERE, "pretalx-legacy", "talks.json"), dump(legacy))
    write(os.path.join(HERE, "pretalx-legacy", "rooms.json"), dump(legacy_rooms))
    write(os.path.join(HERE, "sessionize-all.json"), dump(sessionize(rng)))
    write(os.path.join(HERE, "frab-schedule.xml"), frab(rng))
    p2pu()


if __name__ == "__main__":
    main()
