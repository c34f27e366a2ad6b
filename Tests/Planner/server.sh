# Sourced by the planner's test runners: a `convene serve` on loopback with a fresh data folder, stopped on exit.
# start_server BINARY [OPTIONS...] sets SERVER_URL (http://127.0.0.1:PORT), SERVER_PID and SERVER_DATA.

# The Python virtual environment the planner's tests share (selenium, schemathesis), under .build/.
planner_venv() {
    local venv=.build/planner-venv
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "$@"
    echo "$venv"
}

start_server() {
    local binary=$1
    shift
    SERVER_DATA=$(mktemp -d)
    local log="$SERVER_DATA.log"
    "$binary" serve --host 127.0.0.1 --port 0 --data "$SERVER_DATA" "$@" 2>"$log" &
    SERVER_PID=$!
    trap stop_server EXIT
    for _ in $(seq 1 200); do
        SERVER_URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -n 1 || true)
        [ -n "$SERVER_URL" ] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; return 1; }
        sleep 0.05
    done
    echo "the planner did not start" >&2
    cat "$log" >&2
    return 1
}

stop_server() {
    if [ -n "${SERVER_PID:-}" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    fi
    [ -n "${SERVER_DATA:-}" ] && rm -rf "$SERVER_DATA" "$SERVER_DATA.log"
    return 0
}
