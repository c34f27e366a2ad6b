#!/usr/bin/env python3
"""Checks the CP-SAT peer (`cpsat.py`) against Convene on many small instances, by hand (not CI).

For each instance: `convene check` must accept CP-SAT's agenda with CP-SAT's objective, and where
both CP-SAT and `convene solve --solver milp` prove optimality their optima must be equal (and
both must agree when one proves that no agenda exists). Instances: generated gatherings of 5 to
14 sessions (plain, tight, with sites, travel and daily limits) with random extra rules (after,
notConcurrentWith, slot preferences, preferred hours, optional sessions, multi-room sessions,
other weights), some replanned against their planted agenda with a frozen time (rule 10, change
and roomChange), the P2PU fixture (optimum 107) and the infeasible fixtures. Half the generated
ones give CP-SAT rooms per session (intervals), a quarter compact pair indicators, as the large
gatherings get them.

Usage: Benchmarks/compare/.venv/bin/python Benchmarks/compare/test_cpsat.py CONVENE [--count N] [--seed S]
Prints one line per instance and `N passed, N failed` at the end; exits 1 on any failure.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(command, timeout=600):
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def mutate(doc, rng):
    """Random extra rules and weights on a generated document, all valid input."""
    sessions = doc["sessions"]
    ids = [s["id"] for s in sessions]
    tags = sorted({t for slot in doc["slots"] for t in slot.get("tags", [])})
    for _ in range(rng.randint(0, 2)):  # `after` from an earlier listed session: never a cycle
        a, b = sorted(rng.sample(range(len(ids)), 2))
        sessions[b].setdefault("after", []).append(ids[a])
    for _ in range(rng.randint(0, 2)):
        a, b = rng.sample(range(len(ids)), 2)
        sessions[a].setdefault("notConcurrentWith", []).append(ids[b])
    for s in rng.sample(sessions, min(len(sessions), rng.randint(0, 3))):
        if tags:
            s["prefer"] = {"slotTags": rng.sample(tags, 1), "weight": rng.randint(1, 3)}
    for s in rng.sample(sessions, min(len(sessions), rng.randint(0, 2))):
        s["optional"] = True
        s["priority"] = rng.randint(1, 3)
    if rng.random() < 0.3:
        s = rng.choice(sessions)
        s["rooms"] = 2
        s.pop("pin", None)
    if rng.random() < 0.2:
        rng.choice(sessions)["exclusive"] = True
    days = sorted({slot["start"][:10] for slot in doc["slots"]})
    for p in rng.sample(doc["people"], min(len(doc["people"]), rng.randint(0, 3))):
        day = rng.choice(days)
        p["preferred"] = [{"start": f"{day}T09:00", "end": f"{day}T13:00"}]
    w = doc.setdefault("weights", {})
    w.update({"clash": rng.randint(1, 3), "trackOverlap": rng.randint(0, 2), "preference": rng.randint(1, 3),
              "personPreference": rng.randint(0, 2), "unscheduled": rng.choice([5, 30, 100]), "change": rng.choice([3, 10]),
              "roomChange": rng.choice([1, 4])})
    return doc


def generated(convene, count, seed, folder):
    rng = random.Random(seed)
    cases = []
    for n in range(count):
        sessions = rng.randint(5, 14)
        args = ["--sessions", str(sessions), "--seed", str(rng.randint(1, 10_000))]
        kind = n % 4
        if kind == 1:
            args += ["--tight"]
        else:
            args += ["--rooms", str(rng.randint(2, 3)), "--days", str(rng.choice([1, 1, 2])),
                     "--attendees", str(rng.randint(sessions, 3 * sessions)), "--interests", "2-5"]
        if kind in (2, 3):
            args += ["--sites", "2", "--travel-minutes", str(rng.choice([15, 30, 60])), "--daily-limits", "0.5"]
        path = os.path.join(folder, f"g{n}.json")
        planted = os.path.join(folder, f"g{n}.planted.json")
        made = run([convene, "generate", *args, "--output", path, "--planted", planted])
        if made.returncode != 0:
            raise RuntimeError(f"generate {' '.join(args)}: {made.stderr}")
        with open(path) as f:
            doc = json.load(f)
        if n % 3 != 0:
            doc = mutate(doc, rng)
        with open(path, "w") as f:
            json.dump(doc, f)
        extra = []
        if n % 5 == 4:  # replan against the planted agenda, the first day's morning frozen
            first = min(slot["start"] for slot in doc["slots"])
            extra = ["--previous", planted, "--frozen-until", first[:10] + "T11:00"]
        elif n % 5 == 2:
            extra = ["--previous", planted]
        # Half with rooms chosen per session (intervals), a quarter with compact pair indicators.
        peer = (["--room-choice-limit", "0"] if n % 2 else []) + (["--pair-budget", "0"] if n % 4 == 3 else [])
        cases.append((f"generated {' '.join(args)}{' mutated' if n % 3 else ''}{' ' + ' '.join(extra[::2]) if extra else ''}"
                      f"{' (cp-sat ' + ' '.join(peer) + ')' if peer else ''}", path, extra, peer))
    return cases


def fixtures():
    cases = [("fixture p2pu-gathering-2019", os.path.join(ROOT, "Fixtures", "p2pu-gathering-2019.json"), [], []),
             ("fixture p2pu-gathering-2019 replanned from the hand agenda, frozen until Thu 12:00",
              os.path.join(ROOT, "Fixtures", "p2pu-gathering-2019.json"),
              ["--previous", os.path.join(ROOT, "Fixtures", "p2pu-gathering-2019.hand-agenda.json"),
               "--frozen-until", "2019-09-19T12:00"], [])]
    folder = os.path.join(ROOT, "Fixtures", "infeasible")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        extra = []
        agenda = os.path.join(folder, name[:-5] + ".agenda")
        if os.path.exists(agenda):
            extra = ["--previous", agenda]
            with open(os.path.join(folder, name[:-5] + ".expected")) as f:
                for line in f:
                    if line.startswith("frozen-until "):
                        extra += ["--frozen-until", line.split()[1]]
        cases.append((f"fixture infeasible/{name}", os.path.join(folder, name), extra, []))
    return cases


def judge(convene, name, path, extra, peer_extra, limit):
    """'' when CP-SAT and Convene agree, else what differs."""
    if run([convene, "check", path]).returncode != 0:
        return "", "input refused by convene check (skipped)"
    with tempfile.TemporaryDirectory() as folder:
        ours = os.path.join(folder, "cpsat.json")
        peer = run([sys.executable, os.path.join(HERE, "cpsat.py"), path, "--time-limit", str(limit), "--output", ours,
                    *extra, *peer_extra])
        if peer.returncode not in (0, 1) or not peer.stdout.strip():
            return f"cpsat.py failed ({peer.returncode}): {peer.stderr.strip()[-400:]}", ""
        cp = json.loads(peer.stdout.strip().splitlines()[-1])
        if cp["objective"] is not None:
            check = run([convene, "check", path, "--agenda", ours, *extra])
            first = check.stdout.strip().splitlines()[0] if check.stdout.strip() else ""
            if check.returncode != 0 or not first.endswith(f"valid. Objective {cp['objective']}."):
                return f"convene check refuses CP-SAT's agenda: {(check.stdout + check.stderr).strip()[:600]}", ""
        milp = run([convene, "solve", path, "--solver", "milp", "--format", "json", "--quiet", "--time-limit", str(limit), *extra])
        try:
            agenda = json.loads(milp.stdout)
            cv = {"status": agenda["status"], "objective": agenda["objective"], "bound": agenda["bound"]}
        except (json.JSONDecodeError, KeyError):
            return f"convene solve failed ({milp.returncode}): {milp.stderr.strip()[-400:]}", ""
        summary = f"cp-sat {cp['status']} {cp['objective']} ({cp['seconds']} s), milp {cv['status']} {cv['objective']}"
        if cp["status"] == "optimal" and cv["status"] == "optimal" and cp["objective"] != cv["objective"]:
            return f"optima differ: {summary}", summary
        if {cp["status"], cv["status"]} == {"optimal", "infeasible"} or (cp["status"] == "infeasible" and cv["objective"] is not None) \
                or (cv["status"] == "infeasible" and cp["objective"] is not None):
            return f"one finds an agenda, the other proves none exists: {summary}", summary
        for a, b in ((cp, cv), (cv, cp)):  # a proven optimum is never below the other's bound nor above its agenda
            if a["status"] == "optimal" and b["objective"] is not None and b["objective"] < a["objective"]:
                return f"an agenda beats a proven optimum: {summary}", summary
            if a["status"] == "optimal" and b["bound"] is not None and b["bound"] > a["objective"]:
                return f"a bound exceeds a proven optimum: {summary}", summary
        return "", summary


def main():
    parser = argparse.ArgumentParser(description="CP-SAT peer against Convene on small instances.")
    parser.add_argument("convene", help="the convene binary (a debug build is fine)")
    parser.add_argument("--count", type=int, default=32, help="generated instances")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--time-limit", type=float, default=60)
    args = parser.parse_args()
    passed = failed = both = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, path, extra, peer_extra in fixtures() + generated(args.convene, args.count, args.seed, folder):
            problem, summary = judge(args.convene, name, path, extra, peer_extra, args.time_limit)
            if problem:
                failed += 1
                print(f"FAIL {name}: {problem}", flush=True)
            else:
                passed += 1
                both += summary.startswith("cp-sat optimal") and "milp optimal" in summary
                print(f"ok   {name}: {summary}", flush=True)
    print(f"{both} instances proven optimal by both, with equal optima")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
