#!/usr/bin/env python3
"""Proof at every size: Convene's `auto` solver side by side with OR-Tools CP-SAT (`cpsat.py`) on the
attendee-heavy generated family, large generated gatherings and the 13 CoSPLib conferences.

For each instance it runs CP-SAT (2 workers, 120 s) and `convene solve INPUT --time-limit 60`
one after the other (never two solvers at once), verifies both agendas with `convene check`, and
writes a Markdown table: objective / bound / time to proof of each. Every result is cached in a
JSON file as soon as it is measured, so an interrupted run resumes where it stopped (delete the
cache, or pass --again, to measure again). Nothing it writes belongs in the repository.

Usage (from the repository's root, with the virtual environment of `run.sh`):
  swift build -c release
  Benchmarks/compare/.venv/bin/python Benchmarks/compare/cosplib.py --repository COSPLIB --into Benchmarks/compare/.cosplib
  Benchmarks/compare/.venv/bin/python Benchmarks/compare/proof.py "$(swift build -c release --show-bin-path)/convene"
The whole list (28 instances) takes about 75 minutes on 2 idle cores, at most about 90 (each
instance at most 120 s of CP-SAT, 60 s of Convene, and the model's construction: a minute for
1,600 sessions). Options: --only SUBSTRING (instances whose name holds it), --cpsat-limit, --convene-limit,
--workers, --work FOLDER (inputs, agendas, cache; default Benchmarks/compare/.proof),
--output FILE (the table; default WORK/proof.md), --list (print the instances and stop), --side cpsat|convene
(measure one side only: `--again --side convene` measures a new build of Convene against the cached CP-SAT results).
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# The attendee-heavy family: N sessions over 3 days, 2N attendees wanting 2 to 5 sessions each.
ATTENDEE_HEAVY = [(65, 6), (100, 8), (130, 10), (165, 12)]
# Large gatherings, as Benchmarks/scaling.sh generates them: sessions, rooms, days.
LARGE = [(400, 16, 3), (800, 24, 4), (1600, 40, 5)]
# The 13 CoSPLib conferences that are valid Convene input (GECCO20Poster has submissions of no
# timeslots and no presenters; OR60F2 and OR60F3 are synthetic copies of OR60F whose blocks overlap).
COSPLIB = ["GECCO19", "GECCO20", "GECCO20Workshop", "GECCO21", "GECCO21Workshop", "GECCO22", "GECCO22Workshop", "GECCO23",
           "GECCO23Workshop", "ISF22", "N2OR", "OR60", "OR60F"]


def instances(cosplib):
    """(name, generate arguments or None, CoSPLib document path or None)."""
    found = []
    for n, rooms in ATTENDEE_HEAVY:
        for seed in (1, 2, 3):
            found.append((f"attendees N={n} R={rooms} seed {seed}",
                          ["--sessions", str(n), "--rooms", str(rooms), "--days", "3", "--attendees", str(2 * n), "--interests", "2-5",
                           "--seed", str(seed)], None))
    for n, rooms, days in LARGE:
        found.append((f"generated {n} sessions, {rooms} rooms, {days} days",
                      ["--sessions", str(n), "--rooms", str(rooms), "--days", str(days), "--seed", "1"], None))
    for name in COSPLIB:
        found.append((f"CoSPLib {name}", None, os.path.join(cosplib, name + ".json")))
    return found


def slug(name):
    return "".join(c if c.isalnum() else "-" for c in name).strip("-").lower()


def save(path, data):
    temporary = path + ".part"
    with open(temporary, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
    os.replace(temporary, path)


def check(convene, path, agenda):
    """(valid, recomputed objective or None, first line of the verdict)."""
    run = subprocess.run([convene, "check", path, "--agenda", agenda], capture_output=True, text=True)
    first = (run.stdout.strip().splitlines() or [run.stderr.strip()])[0]
    objective = None
    if run.returncode == 0 and "Objective " in first:
        objective = int(first.rsplit("Objective ", 1)[1].rstrip("."))
    return run.returncode == 0, objective, first[:300]


def measure_cpsat(path, agenda, limit, workers, convene):
    began = time.perf_counter()
    run = subprocess.run([sys.executable, os.path.join(HERE, "cpsat.py"), path, "--time-limit", str(limit), "--workers", str(workers),
                          "--output", agenda], capture_output=True, text=True)
    wall = time.perf_counter() - began
    try:
        line = json.loads(run.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"status": "failed", "objective": None, "bound": None, "seconds": None, "wall": wall, "error": run.stderr.strip()[-500:]}
    result = {"status": line["status"], "objective": line["objective"], "bound": line["bound"], "seconds": line["seconds"],
              "model_seconds": line.get("model_seconds"), "wall": round(wall, 2)}
    if line["objective"] is not None:
        result["valid"], result["checked"], result["verdict"] = check(convene, path, agenda)
    return result


def measure_convene(convene, path, agenda, limit):
    began = time.perf_counter()
    run = subprocess.run([convene, "solve", path, "--time-limit", str(limit), "--format", "json", "--quiet", "--output", agenda],
                         capture_output=True, text=True)
    wall = time.perf_counter() - began
    try:
        with open(agenda) as f:
            document = json.load(f)
    except (OSError, json.JSONDecodeError):
        return {"status": "failed", "objective": None, "bound": None, "seconds": None, "wall": round(wall, 2),
                "error": run.stderr.strip()[-500:]}
    stats = document.get("stats") or {}
    result = {"status": document["status"], "objective": document["objective"], "bound": document["bound"],
              "seconds": stats.get("seconds", round(wall, 3)), "solver": document.get("solver"), "wall": round(wall, 2)}
    if document["objective"] is not None:
        result["valid"], result["checked"], result["verdict"] = check(convene, path, agenda)
    return result


def cell(r, limit):
    if r is None:
        return "not measured"
    if r["status"] == "failed":
        return "failed"
    if r["status"] == "infeasible":
        return f"infeasible, proven in {r['seconds']:.1f} s"
    objective = "—" if r["objective"] is None else str(r["objective"])
    bound = "—" if r["bound"] is None else str(r["bound"])
    proof = f"**{r['seconds']:.1f} s**" if r["status"] == "optimal" else f"not proven ({limit:g} s)"
    text = f"{objective} / {bound} / {proof}"
    if r.get("objective") is not None and not r.get("valid"):
        text += " ⚠ refused by check"
    elif r.get("objective") is not None and r.get("checked") != r["objective"]:
        text += f" ⚠ check recomputes {r.get('checked')}"
    return text


def discrepancy(a, b):
    """What two results of one instance say that cannot both be true, if anything."""
    notes = []
    for one, other, who, whom in ((a, b, "CP-SAT", "auto"), (b, a, "auto", "CP-SAT")):
        if one and other and one["status"] == "optimal":
            if other["objective"] is not None and other["objective"] < one["objective"]:
                notes.append(f"{whom}'s agenda ({other['objective']}) beats {who}'s proven optimum ({one['objective']})")
            if other["bound"] is not None and other["bound"] > one["objective"]:
                notes.append(f"{whom}'s bound ({other['bound']}) exceeds {who}'s proven optimum ({one['objective']})")
        if one and other and one["status"] == "infeasible" and other["objective"] is not None:
            notes.append(f"{who} proves no agenda exists, {whom} has one")
    return "; ".join(notes)


def table(rows, cache, cpsat_limit, convene_limit, workers):
    lines = [f"| instance | sessions | CP-SAT {cpsat_limit:g} s, {workers} workers: objective / bound / time to proof "
             f"| Convene auto {convene_limit:g} s: objective / bound / time to proof | note |",
             "|---|---:|---|---|---|"]
    for name, sessions in rows:
        entry = cache.get(name, {})
        a, b = entry.get("cpsat"), entry.get("convene")
        lines.append(f"| {name} | {sessions} | {cell(a, cpsat_limit)} | {cell(b, convene_limit)} | {discrepancy(a, b)} |")
    lines.append("")
    lines.append("Times to proof in bold; CP-SAT's is its solver's wall time (building its model in Python, `model_seconds` in "
                 "the cache, comes before it), Convene's the agenda's `stats.seconds`. ⚠ marks an agenda `convene check` refuses "
                 "or recomputes otherwise.")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description="Convene auto against CP-SAT, side by side.")
    parser.add_argument("convene", help="the convene binary (a release build for real measurements)")
    parser.add_argument("--cosplib", default=os.path.join(HERE, ".cosplib"), help="the converted CoSPLib documents")
    parser.add_argument("--work", default=os.path.join(HERE, ".proof"))
    parser.add_argument("--output", help="the Markdown table (default: WORK/proof.md)")
    parser.add_argument("--cpsat-limit", type=float, default=120)
    parser.add_argument("--convene-limit", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", action="append", default=[], help="only instances whose name holds this (repeatable)")
    parser.add_argument("--again", action="store_true", help="measure again what the cache holds")
    parser.add_argument("--side", choices=["cpsat", "convene"], action="append", default=[],
                        help="measure only this side (repeatable; default both): with --again, a new Convene against the cached CP-SAT")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    convene = os.path.abspath(args.convene)
    os.makedirs(os.path.join(args.work, "inputs"), exist_ok=True)
    os.makedirs(os.path.join(args.work, "agendas"), exist_ok=True)
    output = args.output or os.path.join(args.work, "proof.md")
    cache_path = os.path.join(args.work, f"results-cpsat{args.cpsat_limit:g}x{args.workers}-auto{args.convene_limit:g}.json")
    cache = {}
    if os.path.exists(cache_path):
        with open(cache_path) as f:
            cache = json.load(f)
    chosen = [i for i in instances(args.cosplib) if not args.only or any(o.lower() in i[0].lower() for o in args.only)]
    if args.list:
        for name, generate, _ in chosen:
            print(name, "— convene generate " + " ".join(generate) if generate else "")
        return
    rows = []
    for name, generate, document in chosen:
        path = document
        if generate:
            path = os.path.join(args.work, "inputs", slug(name) + ".json")
            if not os.path.exists(path):
                subprocess.run([convene, "generate", *generate, "--output", path], check=True)
        if not os.path.exists(path):
            print(f"{name}: {path} is missing; convert CoSPLib first (see --help)", file=sys.stderr)
            continue
        verdict = subprocess.run([convene, "check", path], capture_output=True, text=True)
        if verdict.returncode != 0:
            print(f"{name}: convene check refuses the input: {(verdict.stdout + verdict.stderr).strip()[-300:]}", file=sys.stderr)
            continue
        with open(path) as f:
            sessions = len(json.load(f)["sessions"])
        rows.append((name, sessions))
        entry = cache.setdefault(name, {})
        for solver in args.side or ("cpsat", "convene"):
            if solver in entry and not args.again:
                continue
            agenda = os.path.join(args.work, "agendas", f"{slug(name)}.{solver}.json")
            print(f"{name}: {solver} …", file=sys.stderr, flush=True)
            if solver == "cpsat":
                entry[solver] = measure_cpsat(path, agenda, args.cpsat_limit, args.workers, convene)
            else:
                entry[solver] = measure_convene(convene, path, agenda, args.convene_limit)
            print(f"{name}: {solver} {json.dumps(entry[solver])}", file=sys.stderr, flush=True)
            save(cache_path, cache)
        with open(output, "w") as f:
            f.write(table(rows, cache, args.cpsat_limit, args.convene_limit, args.workers))
    text = table(rows, cache, args.cpsat_limit, args.convene_limit, args.workers)
    with open(output, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
