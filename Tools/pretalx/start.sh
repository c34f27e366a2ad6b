#!/usr/bin/env bash
# Serves a real pretalx 2025.2.2 on 127.0.0.1:PORT with a seeded test event, for Convene's pretalx
# import and push. Usage:
#
#   Tools/pretalx/start.sh PORT DIR
#
# Keeps running in the foreground until it is stopped (Ctrl-C, SIGTERM). Once the API answers, it
# prints exactly two lines on standard output and nothing else:
#
#   slug: convene-test
#   token: <64 characters>
#
# Everything else goes to standard error (one line per phase, with its time) and to log files in
# DIR (install.log, migrate.log, seed.log, server.log).
#
# DIR holds the server's data: pretalx.cfg, data/ (SQLite database, logs, media) and
# harness.json (slug, token, counts). A fresh or missing DIR is migrated and seeded; a DIR seeded
# before is reused as it is (the server restarts on the existing data, any changes made through
# the API included, and prints the same slug and token).
#
# Environment:
#   PRETALX_VENV         the virtualenv to use (default DIR/venv). Reused if it already holds the
#                        packages of requirements.txt, created and installed from PyPI otherwise;
#                        point it at a cached directory to skip the install.
#   PRETALX_SUBMISSIONS  accepted and confirmed submissions of the event (default 30; e.g. 300 for
#                        measurements). Only read when DIR is seeded.
#   PRETALX_SEED         the seed of the generated data (default 2025).
#   PRETALX_PYTHON       the Python that creates the virtualenv (default python3.11, else python3).
#   PRETALX_START_TIMEOUT seconds to wait for the API to answer (default 120).
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 PORT DIR" >&2
    exit 2
fi
port=$1
case "$port" in
    '' | *[!0-9]*) echo "start.sh: PORT must be a number, not '$port'" >&2; exit 2 ;;
esac
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$2"
dir="$(cd "$2" && pwd)"
venv="${PRETALX_VENV:-$dir/venv}"
submissions="${PRETALX_SUBMISSIONS:-30}"
seed="${PRETALX_SEED:-2025}"
timeout="${PRETALX_START_TIMEOUT:-120}"

say() { echo "start.sh: $*" >&2; }
fail_with_log() {
    say "$1 failed; the end of $2:"
    tail -n 40 "$2" >&2 || true
    exit 1
}
seconds_since() { echo $(($(date +%s) - $1)); }

port_taken() { (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; }
if port_taken; then
    say "something already listens on 127.0.0.1:$port; choose another PORT"
    exit 1
fi

# 1. The virtualenv: reused when its marker names the same requirements.txt.
started=$(date +%s)
wanted="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.convene-requirements" 2>/dev/null || true)" = "$wanted" ]; then
    say "reusing the virtualenv $venv"
else
    python="${PRETALX_PYTHON:-}"
    if [ -z "$python" ]; then
        python=python3
        command -v python3.11 > /dev/null && python=python3.11
    fi
    say "installing pretalx 2025.2.2 into $venv (log: $dir/install.log)"
    {
        "$python" -m venv --clear "$venv" &&
            "$venv/bin/python" -m pip install --disable-pip-version-check --no-input -r "$here/requirements.txt"
    } > "$dir/install.log" 2>&1 || fail_with_log "the install" "$dir/install.log"
    echo "$wanted" > "$venv/.convene-requirements"
    say "installed in $(seconds_since "$started") s"
fi
py="$venv/bin/python"

# 2. The configuration, written again on every start (the port may change).
cat > "$dir/pretalx.cfg" << EOF
# Written by Tools/pretalx/start.sh on every start; changes here are overwritten.
[filesystem]
base = $dir
data = $dir/data
static = $dir/data/static
[site]
debug = False
url = http://127.0.0.1:$port
[database]
backend = sqlite3
name = $dir/data/db.sqlite3
[mail]
from = organiser@example.org
[locale]
time_zone = UTC
EOF
export PRETALX_CONFIG_FILE="$dir/pretalx.cfg"
export DJANGO_SETTINGS_MODULE=harness_settings
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ beside harness_settings.py in the work tree
# pretalx reads PRETALX_* variables over its .cfg: only the ones above may count.
for name in $(env | sed -n 's/^\(PRETALX_[A-Z_]*\)=.*/\1/p'); do
    case "$name" in
        PRETALX_CONFIG_FILE | PRETALX_VENV | PRETALX_SUBMISSIONS | PRETALX_SEED | PRETALX_PYTHON | PRETALX_START_TIMEOUT) ;;
        *) unset "$name" ;;
    esac
done

# 3. The database schema. Migrating an empty database takes 20-30 s, so the first one made with
# this virtualenv is kept in it and copied into every fresh DIR; migrate then only checks (3 s).
started=$(date +%s)
mkdir -p "$dir/data/static"
template="$venv/convene-migrated.sqlite3"
fresh_database=false
if [ ! -f "$dir/data/db.sqlite3" ]; then
    fresh_database=true
    [ -f "$template" ] && cp "$template" "$dir/data/db.sqlite3"
fi
(cd "$dir" && "$py" -m pretalx migrate --noinput) > "$dir/migrate.log" 2>&1 ||
    fail_with_log "migrate" "$dir/migrate.log"
if $fresh_database && [ ! -f "$template" ]; then
    cp "$dir/data/db.sqlite3" "$template.tmp" && mv "$template.tmp" "$template"
fi
say "migrated in $(seconds_since "$started") s"

# 4. The test event, once per DIR.
if [ -f "$dir/harness.json" ]; then
    say "reusing the event in $dir (harness.json)"
else
    started=$(date +%s)
    (cd "$dir" && "$py" "$here/seed_event.py" --submissions "$submissions" --seed "$seed" --out "$dir/harness.json") \
        > "$dir/seed.log" 2>&1 || fail_with_log "seeding the event" "$dir/seed.log"
    say "seeded $submissions submissions in $(seconds_since "$started") s"
fi
slug="$("$py" -c 'import json, sys; print(json.load(open(sys.argv[1]))["slug"])' "$dir/harness.json")"
token="$("$py" -c 'import json, sys; print(json.load(open(sys.argv[1]))["token"])' "$dir/harness.json")"

# 5. The server: Django's server on loopback only, without the autoreloader.
started=$(date +%s)
(cd "$dir" && exec "$py" -m pretalx runserver "127.0.0.1:$port" --noreload) >> "$dir/server.log" 2>&1 &
server=$!
stop() {
    trap - INT TERM EXIT
    kill "$server" 2> /dev/null || true
    wait "$server" 2> /dev/null || true
}
trap 'stop; exit 143' TERM
trap 'stop; exit 130' INT
trap stop EXIT

# 6. Wait until the API answers with the token, then say slug and token.
if ! "$py" - "$port" "$slug" "$token" "$timeout" "$server" << 'EOF'; then
import os, sys, time, urllib.request

port, slug, token, timeout, server = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
url = f"http://127.0.0.1:{port}/api/events/{slug}/"
request = urllib.request.Request(url, headers={"Authorization": f"Token {token}", "Pretalx-Version": "v1"})
deadline = time.monotonic() + timeout
while time.monotonic() < deadline:
    try:
        os.kill(server, 0)
    except OSError:
        sys.exit("start.sh: the server stopped")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            if response.status == 200:
                sys.exit(0)
    except Exception:
        pass
    time.sleep(0.2)
sys.exit(f"start.sh: {url} did not answer within {timeout:.0f} s")
EOF
    fail_with_log "starting the server" "$dir/server.log"
fi
say "serving http://127.0.0.1:$port/api/events/$slug/ after $(seconds_since "$started") s (log: $dir/server.log)"
echo "slug: $slug"
echo "token: $token"
wait "$server"
