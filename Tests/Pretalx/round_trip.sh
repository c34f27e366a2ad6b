#!/usr/bin/env bash
# From pretalx and back, against a real pretalx 2025.2.2 (Tools/pretalx/start.sh) on loopback:
# import the event from its API, solve, push the agenda into the work-in-progress schedule, read
# it back, release it, push again and see nothing change; and the exit statuses of a wrong token,
# an unknown event and a version already released. Usage:
#
#   Tests/Pretalx/round_trip.sh CONVENE [PORT]
#
# CONVENE is the built `convene` binary; PORT (default 8797) must be free on 127.0.0.1. The
# pretalx virtualenv is PRETALX_VENV (default $HOME/.cache/convene-pretalx-venv, installed from
# PyPI the first time: 40-100 s; later starts take 4-6 s). Work is bounded by moves, never time.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -lt 1 ]; then
    echo "usage: $0 CONVENE [PORT]" >&2
    exit 2
fi
bin=$(realpath "$1")
port=${2:-8797}
export PRETALX_VENV="${PRETALX_VENV:-$HOME/.cache/convene-pretalx-venv}"
work=$(mktemp -d)
server=""
stop() {
    if [ -n "$server" ]; then
        kill -TERM "$server" 2> /dev/null || true
        wait "$server" 2> /dev/null || true
    fi
    rm -rf "$work"
}
trap stop EXIT

fail() {
    echo "round trip: FAIL: $*" >&2
    exit 1
}
say() { echo "round trip: $*"; }

# The server, in the background; start.sh prints "slug:" and "token:" once the API answers.
Tools/pretalx/start.sh "$port" "$work/pretalx" > "$work/start.out" 2> "$work/start.err" &
server=$!
until grep -q '^token: ' "$work/start.out" 2> /dev/null; do
    kill -0 "$server" 2> /dev/null || { cat "$work/start.err" >&2; fail "start.sh stopped"; }
    sleep 0.2
done
slug=$(sed -n 's/^slug: //p' "$work/start.out")
export PRETALX_TOKEN=$(sed -n 's/^token: //p' "$work/start.out")
url="http://127.0.0.1:$port"
pretalx=(--pretalx-url "$url" --event "$slug")
say "pretalx serves $slug at $url"

# 1. Import: the wip schedule (about a third placed) is the previous agenda.
"$bin" import "${pretalx[@]}" --output "$work/input.json" --output-agenda "$work/before.json" 2> "$work/import.err" ||
    { cat "$work/import.err" >&2; fail "import"; }
grep -q '^Imported 30 sessions, 24 people, 5 rooms' "$work/import.err" || { cat "$work/import.err" >&2; fail "import counts"; }
grep -q 'in 8 requests' "$work/import.err" || { cat "$work/import.err" >&2; fail "import request count"; }
"$bin" check "$work/input.json" > /dev/null

# 2. Solve, keeping what pretalx already placed where it can (bounded by moves).
"$bin" solve "$work/input.json" --previous "$work/before.json" --solver search --moves 2000 --seed 1 --quiet \
    --format json --output "$work/agenda.json"
"$bin" check "$work/input.json" --agenda "$work/agenda.json" --previous "$work/before.json" > /dev/null

# The slots of the first import, as a frame: a second import then has the same slot ids.
python3 - "$work/input.json" "$work/frame.json" << 'EOF'
import json, sys
document = json.load(open(sys.argv[1]))
json.dump({"convene": 1, "event": document["event"], "slots": document["slots"]}, open(sys.argv[2], "w"))
EOF
read_back() { # $1: the agenda file to write; the wip schedule as imported again
    "$bin" import "${pretalx[@]}" --frame "$work/frame.json" --output "$work/again.json" --output-agenda "$1" 2> /dev/null
}

# 3. A dry run writes nothing.
"$bin" push "$work/agenda.json" --input "$work/input.json" "${pretalx[@]}" --dry-run > "$work/dry.out"
grep -q '^Dry run, nothing written' "$work/dry.out" || fail "dry run: $(tail -1 "$work/dry.out")"
read_back "$work/unchanged.json"
# (Both are pretalx's half-made schedule, which breaks rules: the diff warns, and only its status counts.)
"$bin" diff "$work/before.json" "$work/unchanged.json" --input "$work/input.json" --exit-code > /dev/null 2>&1 ||
    fail "the dry run changed pretalx"

# 4. The push, then every slot read back where the agenda puts it, and every end consistent.
"$bin" push "$work/agenda.json" --input "$work/input.json" "${pretalx[@]}" > "$work/push.out"
say "push: $(tail -1 "$work/push.out")"
read_back "$work/after.json"
"$bin" diff "$work/agenda.json" "$work/after.json" --input "$work/input.json" --exit-code > "$work/diff.out" ||
    { cat "$work/diff.out" >&2; fail "pretalx does not hold the agenda"; }
python3 - "$url" "$slug" << 'EOF' || fail "a placed slot's end is not its start plus its submission's duration"
import json, os, sys, urllib.request
from datetime import datetime, timedelta
url, slug = sys.argv[1], sys.argv[2]
def get(path):
    request = urllib.request.Request(f"{url}/api/events/{slug}/{path}", headers={
        "Authorization": f"Token {os.environ['PRETALX_TOKEN']}", "Pretalx-Version": "v1"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)
def every(path):
    page = get(path)
    while True:
        yield from page["results"]
        if not page["next"]:
            return
        with urllib.request.urlopen(urllib.request.Request(page["next"], headers={
                "Authorization": f"Token {os.environ['PRETALX_TOKEN']}", "Pretalx-Version": "v1"}), timeout=30) as answer:
            page = json.load(answer)
wip = next(s["id"] for s in every("schedules/") if s["version"] == "wip")
minutes = {s["code"]: s["duration"] for s in every("submissions/?page_size=250")}
placed = bad = 0
for slot in every(f"slots/?schedule={wip}&page_size=250"):
    if slot["submission"] and slot["room"] and slot["start"]:
        placed += 1
        end = datetime.fromisoformat(slot["start"]) + timedelta(minutes=minutes[slot["submission"]])
        if datetime.fromisoformat(slot["end"]) != end:
            bad += 1
            print(f"slot {slot['id']} of {slot['submission']}: {slot['start']} to {slot['end']}", file=sys.stderr)
print(f"round trip: {placed} placed talks in the work-in-progress schedule, {bad} with a wrong end")
sys.exit(1 if bad else 0)
EOF

# 5. Release, then push again: nothing moves (the new wip schedule has new slot ids, same places).
"$bin" push "$work/agenda.json" --input "$work/input.json" "${pretalx[@]}" --release 1.1 --comment "Rooms and times from Convene." \
    > "$work/release.out"
grep -q '0 slots moved, 0 taken off, 32 unchanged.*released 1.1' "$work/release.out" || fail "release: $(tail -1 "$work/release.out")"
"$bin" push "$work/agenda.json" --input "$work/input.json" "${pretalx[@]}" > "$work/again.out"
grep -q '^Pushed to .*: 0 slots moved, 0 taken off, 32 unchanged, 0 unplaced\. 5 requests made\.$' "$work/again.out" ||
    fail "the push after the release: $(cat "$work/again.out")"
say "after the release: $(tail -1 "$work/again.out")"

# 6. Exit statuses: a version already released (65, nothing written), a wrong token (77), no
# such event (69), no token (64).
expect() { # $1: the status expected; the rest: the command
    local want=$1
    shift
    set +e
    "$@" > "$work/status.out" 2> "$work/status.err"
    local got=$?
    set -e
    [ "$got" -eq "$want" ] || { cat "$work/status.err" >&2; fail "exit $got, expected $want: ${*:2}"; }
}
expect 65 "$bin" push "$work/agenda.json" --input "$work/input.json" "${pretalx[@]}" --release 1.1
grep -q 'already has a version "1.1"' "$work/status.err" || fail "no word of the version released twice"
PRETALX_TOKEN=0000000000000000000000000000000000000000000000000000000000000000 \
    expect 77 "$bin" import "${pretalx[@]}" --output "$work/refused.json"
expect 69 "$bin" import --pretalx-url "$url" --event no-such-event --output "$work/refused.json"
grep -q 'has no event "no-such-event"' "$work/status.err" || fail "no word of the unknown event"
PRETALX_TOKEN="" expect 64 "$bin" push "$work/agenda.json" --input "$work/input.json" "${pretalx[@]}"
say "passed"
