#!/usr/bin/env python3
"""Adds runs to a generated gathering, for measuring `convene itineraries`.

  runs.py split INPUT SHARE SEED OUT_SOLVE   a copy of INPUT in which SHARE of the sessions (none
                                             pinned) get a twin `ID~2` that must not run beside
                                             them, each with half the attendance, for any solver
  runs.py merge INPUT SOLVE_INPUT AGENDA OUT_INPUT OUT_AGENDA [SEATS]
                                             INPUT with those sessions at `runs: 2` (and `seats`,
                                             SEATS times the attendees who want them, rounded
                                             up), and AGENDA with each twin's placement as run 2
                                             or run 1, whichever starts first
  runs.py set INPUT OUT ID:RUNS:SEATS ...    INPUT with those sessions' runs and seats (SEATS
                                             may be empty), for solvers that place runs
"""
import json
import math
import random
import sys


def split(path, share, seed, out):
    doc = json.load(open(path))
    rng = random.Random(int(seed))
    free = [s for s in doc["sessions"] if "pin" not in s and not s.get("exclusive")]
    twice = sorted(rng.sample([s["id"] for s in free], round(float(share) * len(doc["sessions"]))))
    wanting = {s["id"]: 0 for s in doc["sessions"]}
    for a in doc["attendees"]:
        for i in set(a.get("interests", [])):
            wanting[i] += 1
    twins = []
    for s in doc["sessions"]:
        if s["id"] in twice:
            half = math.ceil(s.get("attendance", wanting[s["id"]]) / 2)
            s["attendance"] = half
            twin = dict(s, id=s["id"] + "~2", notConcurrentWith=[s["id"]])
            twins.append(twin)
    doc["sessions"] += twins
    doc["_twice"] = twice
    json.dump(doc, open(out, "w"), indent=1)


def merge(path, solve_path, agenda_path, out_input, out_agenda, seats=None):
    doc = json.load(open(path))
    solved = json.load(open(solve_path))
    twice = set(solved["_twice"])
    wanting = {s["id"]: 0 for s in doc["sessions"]}
    for a in doc["attendees"]:
        for i in set(a.get("interests", [])):
            wanting[i] += 1
    for s in doc["sessions"]:
        if s["id"] in twice:
            s["runs"] = 2
            if seats is not None:
                s["seats"] = max(1, math.ceil(float(seats) * wanting[s["id"]]))
    agenda = json.load(open(agenda_path))
    placements = agenda["placements"]
    by_session = {}
    for p in placements:
        by_session.setdefault(p["session"].removesuffix("~2"), []).append(p)
    out = []
    for p in placements:
        base = p["session"].removesuffix("~2")
        if base in twice:
            pair = sorted(by_session[base], key=lambda q: q["startTime"])
            p = dict(p, session=base, run=pair.index(p) + 1)
        out.append(p)
    json.dump(doc, open(out_input, "w"), indent=1)
    json.dump({"convene": 1, "status": "feasible", "placements": out}, open(out_agenda, "w"), indent=1)


def set_runs(path, out, *specs):
    doc = json.load(open(path))
    by_id = {s["id"]: s for s in doc["sessions"]}
    for spec in specs:
        sid, runs, seats = spec.split(":")
        by_id[sid]["runs"] = int(runs)
        if seats:
            by_id[sid]["seats"] = int(seats)
    json.dump(doc, open(out, "w"), indent=1)


if __name__ == "__main__":
    {"split": split, "merge": merge, "set": set_runs}[sys.argv[1]](*sys.argv[2:])
