#!/usr/bin/env python3
"""Side by side with the Python conference-scheduler (PyPI 3.0.1, PuLP 2.8.0, its CBC and GLPK
backends), on instances inside that tool's model: events with durations and demand, per-venue
slots with capacities, unavailable times, and events that must not clash (no facilitators or
attendees' interests, which it lacks). Every instance is written in both formats and solved by
both tools; both results are verified by `convene check`. Prints a Markdown table.

Usage: Benchmarks/compare/run.sh (makes the virtual environment, then runs this).
"""
import datetime, json, os, random, subprocess, sys, tempfile, time

import pulp
from conference_scheduler import scheduler
from conference_scheduler.resources import Event, Slot

CONVENE = sys.argv[1]
SIZES = [int(s) for s in sys.argv[2:]] or [10, 20, 40, 80, 120]
DAY = datetime.datetime(2030, 6, 3, 9, 0)


def instance(n, seed):
    """n events, enough venue-slots for all of them with a quarter to spare."""
    rng = random.Random(seed)
    venues = max(2, n // 10)
    times = max(2, -(-n * 5 // (4 * venues)))
    starts = [DAY + datetime.timedelta(days=t // 8, hours=t % 8 + (1 if t % 8 >= 4 else 0)) for t in range(times)]
    capacity = {f"venue-{v + 1}": rng.choice([30, 60, 100, 200]) for v in range(venues)}
    events = []
    for e in range(n):
        events.append({"name": f"event-{e + 1}", "duration": rng.choice([30, 45, 60]),
                       "demand": rng.choice([0, 20, 25, 50, 90]), "away": rng.randrange(times) if rng.random() < 0.1 else None,
                       "clash": None})
    for e in events:
        if rng.random() < 0.1:
            e["clash"] = rng.choice([o["name"] for o in events if o is not e])
    return venues, starts, capacity, events


def peer_solve(venues, starts, capacity, events, solver):
    slots = [Slot(venue=v, starts_at=s, duration=60, capacity=capacity[v], session=f"t{t}")
             for t, s in enumerate(starts) for v in capacity]
    objects = {e["name"]: Event(name=e["name"], duration=e["duration"], demand=e["demand"]) for e in events}
    for e in events:
        # The peer weighs capacity against demand only in an objective, so rooms too small are
        # written as unavailable slots: the same hard rule as Convene's.
        away = [slot for slot in slots if e["away"] is not None and slot.starts_at == starts[e["away"]] or slot.capacity < e["demand"]]
        # Listed on both sides: the peer checks a one-sided clash for one order of concurrent
        # slots only (lp_problem.constraints._events_available_during_other_events), so a
        # one-sided listing lets it return clashing schedules that `convene check` rejects.
        clash = [objects[o["name"]] for o in events if o["clash"] == e["name"]] + ([objects[e["clash"]]] if e["clash"] else [])
        objects[e["name"]].add_unavailability(*(away + clash))
    begun = time.perf_counter()
    try:
        result = list(scheduler.schedule(list(objects.values()), slots, solver=solver))
    except Exception as error:  # the peer raises when it finds no schedule
        return time.perf_counter() - begun, None, str(error)[:60]
    return time.perf_counter() - begun, [(item.event.name, item.slot.venue, starts.index(item.slot.starts_at)) for item in result], ""


def convene_input(venues, starts, capacity, events):
    slot = lambda t: {"id": f"t{t}", "start": starts[t].strftime("%Y-%m-%dT%H:%M"),
                      "end": (starts[t] + datetime.timedelta(minutes=60)).strftime("%Y-%m-%dT%H:%M")}
    people, sessions = [], []
    for e in events:
        session = {"id": e["name"], "duration": e["duration"], "attendance": e["demand"]}
        if e["away"] is not None:
            person = {"id": f"unavailable-{e['name']}", "unavailable": [{"start": slot(e["away"])["start"], "end": slot(e["away"])["end"]}]}
            people.append(person)
            session["facilitators"] = [person["id"]]
        if e["clash"]:
            session["notConcurrentWith"] = [e["clash"]]
        sessions.append(session)
    return {"convene": 1, "event": {"name": "comparison", "timeZone": "UTC"}, "slots": [slot(t) for t in range(len(starts))],
            "rooms": [{"id": v, "capacity": c} for v, c in capacity.items()], "people": people, "sessions": sessions}


def check(input_path, placements):
    agenda = {"convene": 1, "status": "feasible", "placements": [{"session": e, "start": f"t{t}", "rooms": [v]} for e, v, t in placements]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(agenda, f)
    ok = subprocess.run([CONVENE, "check", input_path, "--agenda", f.name], capture_output=True).returncode == 0
    os.unlink(f.name)
    return ok


def convene_solve(input_path):
    begun = time.perf_counter()
    run = subprocess.run([CONVENE, "solve", input_path, "--format", "json", "--quiet", "--time-limit", "60"], capture_output=True, text=True)
    elapsed = time.perf_counter() - begun
    if run.returncode != 0:
        return elapsed, None
    agenda = json.loads(run.stdout)
    return elapsed, [(p["session"], p["rooms"][0], int(p["start"][1:])) for p in agenda["placements"]]


print("| events | venues × times | conference-scheduler (CBC) | conference-scheduler (GLPK) | Convene (auto) | CBC ÷ Convene | all valid |")
print("|---:|---:|---:|---:|---:|---:|:---:|")
for n in SIZES:
    venues, starts, capacity, events = instance(n, seed=n)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(convene_input(venues, starts, capacity, events), f)
        path = f.name
    cbc_time, cbc, cbc_note = peer_solve(venues, starts, capacity, events, pulp.PULP_CBC_CMD(msg=0, timeLimit=600))
    glpk_time, glpk, glpk_note = peer_solve(venues, starts, capacity, events, pulp.GLPK_CMD(msg=0, timeLimit=600))
    ours_time, ours = convene_solve(path)
    valid = [check(path, p) if p is not None else False for p in (cbc, glpk, ours)]
    fmt = lambda t, p, note: f"{t:.2f} s" if p is not None else f"no schedule ({note or 'failed'}, {t:.1f} s)"
    print(f"| {n} | {venues} × {len(starts)} | {fmt(cbc_time, cbc, cbc_note)} | {fmt(glpk_time, glpk, glpk_note)} | "
          f"{fmt(ours_time, ours, '')} | {cbc_time / ours_time:.1f} | {'yes' if all(valid) else 'no: ' + str(valid)} |", flush=True)
    os.unlink(path)
