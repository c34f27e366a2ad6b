#!/usr/bin/env bash
# The planner's speed, measured on loopback against a release build (numbers in the README's "Planning together"):
#   - what-if (checker only) p50 and p95 with wrk at 1, 16 and 64 connections, on P2PU and a 400-session gathering;
#   - "Repair the rest" (what-if with reoptimise) after a room closes, on both;
#   - the server's RSS with 20 gatherings loaded.
# Usage: Benchmarks/planner/measure.sh [CONVENE_RELEASE_BINARY] [SECONDS_PER_RUN]
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/release/convene}
seconds=${2:-10}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
source Tests/Planner/server.sh
work=$(mktemp -d)
start_server "$binary" --jobs 2
api() { curl -sf -X "$1" "$SERVER_URL$2" -H 'Content-Type: application/json' "${@:3}"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$SERVER_PID/status"; }
echo "idle: RSS $(rss)"

# The gatherings: P2PU with its hand-made agenda; a generated 400-session one with the agenda it was built around.
api POST /api/gatherings --data-binary @Fixtures/p2pu-gathering-2019.json >/dev/null
p2pu_agenda=$(api POST /api/gatherings/p2pu-gathering-2019/agendas --data-binary @Fixtures/p2pu-gathering-2019.hand-agenda.json | field '["id"]')
"$binary" generate --sessions 400 --rooms 16 --days 3 --output "$work/g400.json" --planted "$work/g400-planted.json"
g400=$(api POST /api/gatherings --data-binary @"$work/g400.json" | field '["id"]')
g400_agenda=$(api POST "/api/gatherings/$g400/agendas" --data-binary @"$work/g400-planted.json" | field '["id"]')

# One move each: a session to another start in its own room (P2PU: the funders' session to Thursday morning).
echo '{"moves": [{"session": "funding", "start": "thu-1"}]}' >"$work/p2pu-move.json"
python3 - "$work/g400-planted.json" "$work/g400.json" >"$work/g400-move.json" <<'PY'
import json, sys
agenda, gathering = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
p = agenda["placements"][len(agenda["placements"]) // 2]
starts = sorted({q["start"] for q in agenda["placements"]} - {p["start"]})
print(json.dumps({"moves": [{"session": p["session"], "start": starts[len(starts) // 3], "rooms": p["rooms"]}]}))
PY

for name in p2pu g400; do
    if [ $name = p2pu ]; then path="/api/gatherings/p2pu-gathering-2019/agendas/$p2pu_agenda/what-if"; else
        path="/api/gatherings/$g400/agendas/$g400_agenda/what-if"; fi
    api POST "$path" --data-binary @"$work/$name-move.json" | python3 -c "import json,sys; d=json.load(sys.stdin); \
print('$name what-if: valid', d['valid'], 'violations', len(d['violations']), 'delta', d['delta'], 'changes', len(d['diff']['changes']))"
    for connections in 1 16 64; do
        result=$(WHATIF_BODY="$work/$name-move.json" wrk -t "$((connections < 2 ? 1 : 2))" -c "$connections" -d "${seconds}s" \
            -s Benchmarks/planner/whatif.lua "$SERVER_URL$path" | grep RESULT)
        echo "$name what-if, $connections connections: $result"
    done
done
echo "after the what-ifs: RSS $(rss)"

# Repair the rest after a room closes: P2PU's Commonwealth Salon on Friday morning; the 400-session gathering's
# busiest room of day 2 for that day.
python3 - Fixtures/p2pu-gathering-2019.json >"$work/p2pu-closed.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for r in d["rooms"]:
    if r["id"] == "commonwealth":
        r["unavailable"] = r.get("unavailable", []) + [{"start": "2019-09-20T08:00", "end": "2019-09-20T12:00"}]
print(json.dumps(d))
PY
python3 - "$work/g400.json" "$work/g400-planted.json" >"$work/g400-closed.json" <<'PY'
import json, sys, collections
d, agenda = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
days = sorted({s["start"][:10] for s in d["slots"]})
day2 = days[1]
start = {s["id"]: s["start"] for s in d["slots"]}
count = collections.Counter(r for p in agenda["placements"] if start[p["start"]][:10] == day2 for r in p["rooms"])
room = count.most_common(1)[0][0]
for r in d["rooms"]:
    if r["id"] == room:
        r["unavailable"] = r.get("unavailable", []) + [{"start": day2 + "T00:00", "end": day2 + "T23:59"}]
sys.stderr.write(f"g400: {room} closes on {day2} ({count[room]} sessions there that day)\n")
print(json.dumps(d))
PY
api PUT /api/gatherings/p2pu-gathering-2019 -H 'If-Match: "1"' --data-binary @"$work/p2pu-closed.json" >/dev/null
api PUT "/api/gatherings/$g400" -H 'If-Match: "1"' --data-binary @"$work/g400-closed.json" >/dev/null
for name in p2pu g400; do
    if [ $name = p2pu ]; then path="/api/gatherings/p2pu-gathering-2019/agendas/$p2pu_agenda/what-if"; else
        path="/api/gatherings/$g400/agendas/$g400_agenda/what-if"; fi
    # The default (auto, 10 s), and the search's construction alone (searchMoves 0: each session back where it was
    # when it still fits), the quickest repair.
    for solver in auto search-construction; do
        body="{\"moves\": [], \"reoptimise\": true, \"solver\": \"$solver\", \"timeLimit\": 10}"
        [ $solver = search-construction ] && body='{"moves": [], "reoptimise": true, "solver": "search", "searchMoves": 0, "timeLimit": 10}'
        start=$(date +%s.%N)
        answer=$(api POST "$path" -d "$body")
        end=$(date +%s.%N)
        echo "$answer" | python3 -c "import json,sys; d=json.load(sys.stdin); \
kinds=__import__('collections').Counter(c['kind'] for c in d['diff']['changes']); \
print('$name repair ($solver): %.2f s to the new agenda (solve %.2f s), valid %s, status %s, objective %s, changes %s' % \
($end-$start, d['seconds'], d['valid'], d['status'], d['objective'], dict(kinds)))"
    done
done

# DELETE of a running job: how long until it has ended, with its best agenda (auto on the 400-session gathering).
for wait in 1 3; do
    job=$(api POST "/api/gatherings/$g400/solve" -d '{"timeLimit": 600}' | field '["job"]')
    sleep "$wait"
    start=$(date +%s.%N)
    answer=$(api DELETE "/api/jobs/$job")
    end=$(date +%s.%N)
    echo "$answer" | python3 -c "import json,sys; d=json.load(sys.stdin); \
print('DELETE after $wait s of solving: ended in %.3f s, state %s, agenda %s, objective %s' % ($end-$start, d['state'], d['agenda'], d['objective']))"
done

# 20 gatherings loaded: P2PU and 400-session copies, each with an agenda, each judged once (read, checker built).
for n in $(seq 1 9); do
    id=$(api POST /api/gatherings --data-binary @Fixtures/p2pu-gathering-2019.json | field '["id"]')
    a=$(api POST "/api/gatherings/$id/agendas" --data-binary @Fixtures/p2pu-gathering-2019.hand-agenda.json | field '["id"]')
    api POST "/api/gatherings/$id/agendas/$a/what-if" -d '{"moves": []}' >/dev/null
done
for n in $(seq 1 9); do
    id=$(api POST /api/gatherings --data-binary @"$work/g400.json" | field '["id"]')
    a=$(api POST "/api/gatherings/$id/agendas" --data-binary @"$work/g400-planted.json" | field '["id"]')
    api POST "/api/gatherings/$id/agendas/$a/what-if" -d '{"moves": []}' >/dev/null
done
echo "gatherings: $(api GET /api/gatherings | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') loaded \
(10 like P2PU, 10 of 400 sessions, each with an agenda judged): RSS $(rss)"
rm -rf "$work"
