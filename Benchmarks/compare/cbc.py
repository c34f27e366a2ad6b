#!/usr/bin/env python3
"""Would CBC be a better backend than GLPK? Convene's integer program solved by each, side by side.

For each instance of `proof.py`'s list whose input is there (generated ones in WORK/inputs, as
`proof.py` writes them; CoSPLib ones in Benchmarks/compare/.cosplib, as `cosplib.py` does), it writes Convene's
integer program (`convene solve INPUT --format lp`, the formulation `--solver milp` solves) and
runs, one after the other (never two solvers at once):
- `convene solve INPUT --solver milp --time-limit L` (GLPK, with the search's agenda as its start
  and the domain's bound, as Convene runs it), checked by `convene check`;
- `cbc PROGRAM sec L threads T solve` (COIN-OR CBC, Debian's `coinor-cbc`, on the same program).
It prints a Markdown table: objective / bound / time to proof of each. CBC is measured here only:
it is no dependency of Convene.

Usage (from the repository's root, after `proof.py` has written its inputs):
  apt-get install -y coinor-cbc
  swift build -c release
  python3 Benchmarks/compare/cbc.py "$(swift build -c release --show-bin-path)/convene" --only attendees
Options: --only SUBSTRING, --limit SECONDS (60), --threads T (1: GLPK uses one core),
--work FOLDER (default Benchmarks/compare/.proof).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from proof import instances, slug  # noqa: E402


def glpk(convene, path, limit, work):
    """Convene's `milp` solver: (objective, bound, seconds to proof or None)."""
    agenda = os.path.join(work, "agendas", os.path.basename(path).replace(".json", ".milp.json"))
    os.makedirs(os.path.dirname(agenda), exist_ok=True)
    subprocess.run([convene, "solve", path, "--solver", "milp", "--time-limit", str(limit), "--format", "json",
                    "--output", agenda, "--quiet"], capture_output=True)
    if not os.path.exists(agenda):
        return None, None, None
    checked = subprocess.run([convene, "check", path, "--agenda", agenda], capture_output=True, text=True)
    if checked.returncode != 0:
        sys.exit(f"{path}: convene check refuses the milp agenda:\n{checked.stderr}")
    with open(agenda) as f:
        d = json.load(f)
    proven = d.get("status") == "optimal"
    return d.get("objective"), d.get("bound"), d["stats"]["seconds"] if proven else None


def cbc(convene, path, limit, threads, work):
    """CBC on the program Convene writes: (objective, bound, seconds to proof or None)."""
    program = os.path.join(work, "programs", os.path.basename(path).replace(".json", ".lp"))
    os.makedirs(os.path.dirname(program), exist_ok=True)
    subprocess.run([convene, "solve", path, "--format", "lp", "--output", program], check=True, capture_output=True)
    start = time.monotonic()
    run = subprocess.run(["cbc", program, "sec", str(limit), "threads", str(threads), "solve"],
                         capture_output=True, text=True, timeout=limit * 3 + 120)
    seconds = time.monotonic() - start
    log = run.stdout
    objective = re.search(r"^Objective value:\s+(\S+)", log, re.M)
    bound = re.search(r"^Lower bound:\s+(\S+)", log, re.M)
    optimal = "Result - Optimal solution found" in log
    value = round(float(objective.group(1))) if objective else None
    if optimal:
        return value, value, seconds
    low = float(bound.group(1)) if bound else None
    return value, None if low is None else int(-(-low // 1) if low > 0 else 0), None


def cell(objective, bound, seconds, limit):
    show = lambda v: "—" if v is None else str(v)  # noqa: E731
    proof = f"**{seconds:.1f} s**" if seconds is not None else f"not proven ({limit} s)"
    return f"{show(objective)} / {show(bound)} / {proof}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("convene")
    parser.add_argument("--only", default="")
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--work", default=os.path.join(HERE, ".proof"))
    args = parser.parse_args()
    print(f"| instance | GLPK (`--solver milp`, {args.limit} s) | CBC ({args.threads} thread, {args.limit} s) |")
    print("|---|---|---|")
    for name, _, document in instances(os.path.join(HERE, ".cosplib")):
        if args.only not in name:
            continue
        path = document or os.path.join(args.work, "inputs", slug(name) + ".json")
        if not os.path.exists(path):
            continue
        g = glpk(args.convene, path, args.limit, args.work)
        c = cbc(args.convene, path, args.limit, args.threads, args.work)
        print(f"| {name} | {cell(*g, args.limit)} | {cell(*c, args.limit)} |", flush=True)


if __name__ == "__main__":
    main()
