"""Convene's input contract read in Python, for the CP-SAT peer (`cpsat.py`): the same defaults,
times, chains and per-session domains as the Swift library (`Sources/Convene/Input`,
`Sources/Convene/Domain`), and the contract's costs recomputed from placements.

This is measurement code, not part of the package: it trusts that `convene check INPUT` accepts
the input (the runners check it first) and raises `ValueError` on what it cannot read.
"""
import datetime
import json
import math
import re
from zoneinfo import ZoneInfo

TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?")
UTC = datetime.timezone.utc
DEFAULT_WEIGHTS = {"clash": 1, "preference": 1, "unscheduled": 100, "change": 10, "trackOverlap": 0, "personPreference": 1}


def instant(text, zone):
    """Seconds since 1970 for `YYYY-MM-DDTHH:MM[:SS]` local to `zone` (the first occurrence when
    clocks fall back; a skipped local time is an error), or with a `Z` / `±HH:MM` offset."""
    m = TIME.fullmatch(text)
    if not m:
        raise ValueError(f"cannot read the time {text!r}")
    y, mo, d, h, mi = (int(m.group(i)) for i in range(1, 6))
    s = int(m.group(6) or 0)
    naive = datetime.datetime(y, mo, d, h, mi, s)
    offset = m.group(7)
    if offset == "Z":
        return int(naive.replace(tzinfo=UTC).timestamp())
    if offset:
        sign = -1 if offset[0] == "-" else 1
        delta = datetime.timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])) * sign
        return int(naive.replace(tzinfo=datetime.timezone(delta)).timestamp())
    local = naive.replace(tzinfo=zone, fold=0)
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise ValueError(f"the local time {text!r} does not exist in {zone}")
    return int(local.timestamp())


def local_text(seconds, zone):
    """`YYYY-MM-DDTHH:MM`, with `:SS` only when the seconds are not zero (as Convene writes it)."""
    t = datetime.datetime.fromtimestamp(seconds, zone)
    return t.strftime("%Y-%m-%dT%H:%M") + (f":{t.second:02d}" if t.second else "")


def merged(windows):
    """Windows merged where they touch or overlap, in time order."""
    result = []
    for start, end in sorted(windows):
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return [tuple(w) for w in result]


def unique(ids):
    """Each once, in the order first written."""
    seen, result = set(), []
    for i in ids:
        if i not in seen:
            seen.add(i)
            result.append(i)
    return result


class Gathering:
    """A validated input with defaults applied (see the contract and the README's "How Convene
    reads what the contract leaves open"). Indices follow Convene: slots sorted by (start, end),
    everything else in input order."""

    def __init__(self, doc):
        self.doc = doc
        event = doc.get("event") or {}
        self.zone = ZoneInfo(event.get("timeZone") or "UTC")
        self.travel = int(event.get("travelMinutes") or 0) * 60
        z = self.zone
        window = lambda w: (instant(w["start"], z), instant(w["end"], z))

        slots = []
        for s in doc.get("slots") or []:
            start, end = window(s)
            slots.append({"id": s["id"], "start": start, "end": end, "tags": set(s.get("tags") or [])})
        slots.sort(key=lambda s: (s["start"], s["end"]))
        self.slots = slots
        self.slot_index = {s["id"]: i for i, s in enumerate(slots)}

        self.rooms = []
        for r in doc.get("rooms") or []:
            self.rooms.append({
                "id": r["id"], "capacity": r.get("capacity"), "tags": set(r.get("tags") or []),
                "unavailable": [window(w) for w in r.get("unavailable") or []], "site": r.get("site") or ""})
        self.room_index = {r["id"]: i for i, r in enumerate(self.rooms)}

        formats = {f["id"]: f for f in doc.get("formats") or []}
        self.people = []
        for p in doc.get("people") or []:
            self.people.append({
                "id": p["id"], "available": merged(window(w) for w in p.get("available") or []),
                "unavailable": [window(w) for w in p.get("unavailable") or []],
                "preferred": merged(window(w) for w in p.get("preferred") or []), "maxPerDay": p.get("maxPerDay")})
        self.person_index = {p["id"]: i for i, p in enumerate(self.people)}

        raw_sessions = doc.get("sessions") or []
        self.session_index = {s["id"]: i for i, s in enumerate(raw_sessions)}
        facilitated = [[] for _ in self.people]
        for i, s in enumerate(raw_sessions):
            for f in unique(s.get("facilitators") or []):
                facilitated[self.person_index[f]].append(i)
        interested = [0] * len(raw_sessions)
        self.attendees = []
        for a in doc.get("attendees") or []:
            interests = unique(self.session_index[i] for i in a.get("interests") or [])
            if a.get("person") is not None:
                interests += [s for s in facilitated[self.person_index[a["person"]]] if s not in interests]
            for s in interests:
                interested[s] += 1
            self.attendees.append({"id": a["id"], "interests": interests})

        self.sessions = []
        for i, s in enumerate(raw_sessions):
            f = formats.get(s.get("format")) or {}
            pick = lambda key, default: s[key] if s.get(key) is not None else (f[key] if f.get(key) is not None else default)
            prefer = s.get("prefer") or {}
            pin = s.get("pin") or {}
            track = s.get("track")
            rooms = max(1, int(pick("rooms", 1)))
            attendance = s["attendance"] if s.get("attendance") is not None else interested[i]
            if s.get("runs") not in (None, 1):
                raise ValueError(f"session {s['id']!r} has runs {s['runs']}; this model places each session once, as Convene does")
            self.sessions.append({
                "id": s["id"], "duration": float(pick("duration", 0)), "rooms": rooms,
                "exclusive": bool(pick("exclusive", False)),
                "roomTags": set(s.get("roomTags") or []) | set(f.get("roomTags") or []),
                "slotTags": set(s.get("slotTags") or []) | set(f.get("slotTags") or []),
                "track": track if track else None,
                "facilitators": unique(self.person_index[p] for p in s.get("facilitators") or []),
                "seats": (max(0, int(attendance)) + rooms - 1) // rooms,
                "after": unique(self.session_index[b] for b in s.get("after") or []),
                "notConcurrentWith": [j for j in unique(self.session_index[b] for b in s.get("notConcurrentWith") or []) if j != i],
                "pinSlot": self.slot_index[pin["slot"]] if pin.get("slot") is not None else None,
                "pinRoom": self.room_index[pin["room"]] if pin.get("room") is not None else None,
                "prefer": set(prefer.get("slotTags") or []),
                "preferWeight": max(0, int(prefer["weight"] if prefer.get("weight") is not None else 1)),
                "optional": bool(s.get("optional")), "priority": max(1, int(s.get("priority") or 1))})

        w = dict(DEFAULT_WEIGHTS)
        w.update({k: int(v) for k, v in (doc.get("weights") or {}).items() if v is not None})
        w.setdefault("roomChange", w["change"])
        self.weights = w

        sites = []
        for r in self.rooms:
            if r["site"] not in sites:
                sites.append(r["site"])
        self.sites = sites
        self.site_of = [sites.index(r["site"]) for r in self.rooms]
        days = [datetime.datetime.fromtimestamp(s["start"], self.zone).date().toordinal() for s in slots]
        self.day_of = [d - min(days) for d in days] if days else []

    # The chain rule.
    def chain(self, session, start):
        """The slots (a range) a session occupies from `start`, or None: back-to-back slots until
        their seconds reach the duration (in whole seconds, rounded up)."""
        need = max(1, math.ceil(self.sessions[session]["duration"] * 60))
        total, end = 0, start
        while end < len(self.slots) and (end == start or self.slots[end - 1]["end"] == self.slots[end]["start"]):
            total += self.slots[end]["end"] - self.slots[end]["start"]
            end += 1
            if total >= need:
                return range(start, end)
        return None

    def person_free(self, p, k):
        """Hard rule 5's availability for one slot."""
        person, slot = self.people[p], self.slots[k]
        inside = not person["available"] or any(a <= slot["start"] and slot["end"] <= b for a, b in person["available"])
        return inside and not any(a < slot["end"] and slot["start"] < b for a, b in person["unavailable"])

    def room_open(self, r, k):
        slot = self.slots[k]
        return not any(a < slot["end"] and slot["start"] < b for a, b in self.rooms[r]["unavailable"])

    def prefers(self, p, k):
        person, slot = self.people[p], self.slots[k]
        return not person["preferred"] or any(a <= slot["start"] and slot["end"] <= b for a, b in person["preferred"])

    def starts_after(self, start, earlier):
        """Rule 7: a session starting at slot `start` starts at or after the end of `earlier`."""
        return self.slots[start]["start"] >= self.slots[earlier[-1]]["end"]

    def too_close(self, a, b):
        """Rule 11's time part for two runs of slots: they share no slot, and the later starts less
        than the travel time after the earlier ends."""
        if self.travel <= 0 or (a.start < b.stop and b.start < a.stop):
            return False
        first, second = (a, b) if a.start < b.start else (b, a)
        return self.slots[second.start]["start"] - self.slots[first[-1]]["end"] < self.travel

    def site_set(self, rooms):
        return sorted({self.site_of[r] for r in rooms})

    def travel_matters(self):
        return self.travel > 0 and len(self.sites) > 1

    # Costs, as `Gathering.costs(of:previous:)` computes them.
    def pair_weights(self):
        """What running two sessions at the same time costs (clash plus track overlap), per pair."""
        weight = {}
        if self.weights["clash"] > 0:
            for a in self.attendees:
                its = a["interests"]
                for i in range(len(its)):
                    for j in range(i + 1, len(its)):
                        key = (min(its[i], its[j]), max(its[i], its[j]))
                        weight[key] = weight.get(key, 0) + self.weights["clash"]
        if self.weights["trackOverlap"] > 0:
            for members in self.tracks().values():
                for i in range(len(members)):
                    for j in range(i + 1, len(members)):
                        key = (members[i], members[j])
                        weight[key] = weight.get(key, 0) + self.weights["trackOverlap"]
        return weight

    def tracks(self):
        tracks = {}
        for i, s in enumerate(self.sessions):
            if s["track"]:
                tracks.setdefault(s["track"], []).append(i)
        return tracks

    def misses_preference(self, session, slots):
        tags = self.sessions[session]["prefer"]
        return bool(tags) and any(not tags <= self.slots[k]["tags"] for k in slots)

    def outside_preferred(self, session, slots):
        return [p for p in self.sessions[session]["facilitators"] if any(not self.prefers(p, k) for k in slots)]

    def costs(self, placed, previous=None):
        """Every non-zero cost term for `placed` ({session: (start, chain, rooms)}), in Convene's order."""
        w, S = self.weights, self.sessions
        sid = lambda s: S[s]["id"]
        concurrent = lambda a, b: placed[a][1].start < placed[b][1].stop and placed[b][1].start < placed[a][1].stop
        costs = []
        if w["clash"] > 0:
            wanting = {}
            for a in self.attendees:
                wanted = [s for s in a["interests"] if s in placed]
                for i in range(len(wanted)):
                    for j in range(i + 1, len(wanted)):
                        if concurrent(wanted[i], wanted[j]):
                            key = (min(wanted[i], wanted[j]), max(wanted[i], wanted[j]))
                            wanting.setdefault(key, []).append(a["id"])
            for (a, b), who in sorted(wanting.items()):
                costs.append({"kind": "clash", "sessions": [sid(a), sid(b)], "attendees": who, "cost": len(who) * w["clash"]})
        for s, (start, chain, rooms) in sorted(placed.items()):
            if self.misses_preference(s, chain) and w["preference"] * S[s]["preferWeight"] > 0:
                costs.append({"kind": "preference", "sessions": [sid(s)], "cost": w["preference"] * S[s]["preferWeight"]})
        if w["personPreference"] > 0:
            for s, (start, chain, rooms) in sorted(placed.items()):
                for p in self.outside_preferred(s, chain):
                    costs.append({"kind": "personPreference", "sessions": [sid(s)], "person": self.people[p]["id"],
                                  "cost": w["personPreference"]})
        for s, session in enumerate(S):
            if session["optional"] and s not in placed and w["unscheduled"] * session["priority"] > 0:
                costs.append({"kind": "unscheduled", "sessions": [sid(s)], "cost": w["unscheduled"] * session["priority"]})
        if previous is not None:
            moved, changed = [], []
            for s, session in enumerate(S):
                before = previous.get(session["id"])
                if before is None:
                    continue
                if s not in placed or self.slots[placed[s][0]]["id"] != before["start"]:
                    moved.append(s)
                elif {self.rooms[r]["id"] for r in placed[s][2]} != set(before["rooms"]):
                    changed.append(s)
            if w["change"] > 0:
                costs += [{"kind": "change", "sessions": [sid(s)], "cost": w["change"]} for s in moved]
            if w["roomChange"] > 0:
                costs += [{"kind": "roomChange", "sessions": [sid(s)], "cost": w["roomChange"]} for s in changed]
        if w["trackOverlap"] > 0:
            pairs = []
            for members in self.tracks().values():
                here = [s for s in members if s in placed]
                pairs += [(a, b) for i, a in enumerate(here) for b in here[i + 1:] if concurrent(a, b)]
            for a, b in sorted(pairs):
                costs.append({"kind": "trackOverlap", "sessions": [sid(a), sid(b)], "cost": w["trackOverlap"]})
        return costs


class Domain:
    """What is possible for each session on its own, as `Domain` in Swift: per valid start, its
    chain, the rooms usable for the whole chain and the rooms every room set must include."""

    def __init__(self, g, previous=None, frozen_until=None):
        self.g = g
        self.previous = previous
        self.frozen_until = frozen_until if previous is not None else None
        suitable = [[r for r, room in enumerate(g.rooms)
                     if s["roomTags"] <= room["tags"] and (room["capacity"] is None or room["capacity"] >= s["seats"])]
                    for s in g.sessions]
        room_open = [[g.room_open(r, k) for k in range(len(g.slots))] for r in range(len(g.rooms))]
        person_free = [[g.person_free(p, k) for k in range(len(g.slots))] for p in range(len(g.people))]
        self.frozen = [self.frozen_place(s) for s in g.sessions]
        self.starts = []
        for i, s in enumerate(g.sessions):
            place = self.frozen[i]
            found = []
            for t in range(len(g.slots)):
                if s["pinSlot"] is not None and s["pinSlot"] != t:
                    continue
                if place is not None and place[0] != t:
                    continue
                if place is None and self.frozen_until is not None and g.slots[t]["start"] < self.frozen_until:
                    continue
                chain = g.chain(i, t)
                if chain is None or not all(s["slotTags"] <= g.slots[k]["tags"] for k in chain):
                    continue
                if not all(person_free[p][k] for p in s["facilitators"] for k in chain):
                    continue
                rooms = [r for r in suitable[i] if all(room_open[r][k] for k in chain)]
                required = [s["pinRoom"]] if s["pinRoom"] is not None else []
                if place is not None:
                    kept = place[1]
                    if kept is None or len(kept) != s["rooms"] or not all(r in rooms for r in kept) or not all(r in kept for r in required):
                        continue
                    rooms, required = kept, kept
                if len(rooms) < s["rooms"] or not all(r in rooms for r in required):
                    continue
                if len(required) == s["rooms"]:
                    rooms = required
                found.append({"slot": t, "chain": chain, "rooms": sorted(rooms), "required": sorted(required)})
            self.starts.append(found)

    def frozen_place(self, session):
        """Rule 10: (start slot or None, rooms or None) for a session the previous agenda starts
        before the frozen time; None for a session free to move."""
        g = self.g
        if self.frozen_until is None or session["id"] not in self.previous:
            return None
        entry = self.previous[session["id"]]
        slot = g.slot_index.get(entry["start"])
        rooms = sorted(g.room_index[r] for r in entry["rooms"] if r in g.room_index)
        if slot is not None:
            begins = g.slots[slot]["start"]
        elif entry.get("startTime"):
            try:
                begins = instant(entry["startTime"], g.zone)
            except ValueError:
                return None
        else:
            return None
        if begins >= self.frozen_until:
            return None
        return (slot, rooms if len(rooms) == len(entry["rooms"]) else None)

    def must_place(self, s):
        return not self.g.sessions[s]["optional"] or self.frozen[s] is not None


def read_previous(path):
    """{session id: {"start", "rooms", "startTime"}} from an agenda document (the first placement of each)."""
    with open(path) as f:
        agenda = json.load(f)
    previous = {}
    for p in agenda.get("placements") or []:
        previous.setdefault(p["session"], {"start": p["start"], "rooms": set(p.get("rooms") or []), "startTime": p.get("startTime")})
    return previous
