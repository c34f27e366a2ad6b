#!/usr/bin/env bash
# The scaling curve: for generated gatherings of 25 to 1,600 sessions, the time each solver takes
# to its first valid agenda and to a proven optimum (or the gap it reaches) within a time limit.
# Writes docs/scaling.csv (with the bound and the gap, (objective - bound) / objective, at the end of
# the run) and draws docs/scaling.svg. Usage: Benchmarks/scaling.sh [SECONDS] (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${1:-60}"
swift build -c release >/dev/null
bin="$(swift build -c release --show-bin-path)/convene"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=docs/scaling.csv
mkdir -p docs
echo "sessions,rooms,days,solver,status,objective,bound,gap,first_seconds,total_seconds" > "$out"
for spec in "25 4 1" "100 8 2" "200 10 3" "400 16 3" "800 24 4" "1600 40 5"; do
    set -- $spec
    "$bin" generate --sessions "$1" --rooms "$2" --days "$3" --seed 1 --output "$work/g.json"
    for solver in search milp auto; do
        start=$(date +%s.%N)
        set +e
        "$bin" solve "$work/g.json" --solver "$solver" --time-limit "$limit" --format json --output "$work/a.json" --progress 2> "$work/progress"
        set -e
        end=$(date +%s.%N)
        first=$(tr '\r' '\n' < "$work/progress" | grep -m1 -oE '\] [0-9.]+ s  objective' | grep -oE '[0-9.]+' || true)
        python3 - "$work/a.json" "$1" "$2" "$3" "$solver" "${first:-}" "$start" "$end" >> "$out" <<'PY'
import json, sys
path, sessions, rooms, days, solver, first, start, end = sys.argv[1:]
try:
    a = json.load(open(path))
except Exception:
    a = {"status": "unknown", "objective": None, "bound": None}
total = float(end) - float(start)
fmt = lambda v: "" if v is None else str(v)
objective, bound = a.get("objective"), a.get("bound")
gap = "" if objective is None or bound is None else f"{(objective - bound) / objective:.3f}" if objective > 0 else "0"
print(",".join([sessions, rooms, days, solver, a["status"], fmt(objective), fmt(bound), gap, first, f"{total:.2f}"]))
PY
        tail -n 1 "$out"
    done
done
python3 Benchmarks/plot_scaling.py "$out" docs/scaling.svg
