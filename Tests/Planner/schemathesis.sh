#!/usr/bin/env bash
# schemathesis against the planner's own OpenAPI document (/api/openapi.json) on a running server, on loopback: no
# answer is a 5xx, and every answer (status, content type, headers, body, each server-sent event) matches the
# document. The server holds the P2PU fixture and its hand-made agenda, so that the tests reach past 404.
# Usage: Tests/Planner/schemathesis.sh [CONVENE_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-$(swift build --show-bin-path)/convene}
source Tests/Planner/server.sh

venv=$(planner_venv schemathesis==4.32.5)
start_server "$binary" --jobs 1
curl -sf -X POST "$SERVER_URL/api/gatherings" -H 'Content-Type: application/json' \
    --data-binary @Fixtures/p2pu-gathering-2019.json >/dev/null
curl -sf -X POST "$SERVER_URL/api/gatherings/p2pu-gathering-2019/agendas" -H 'Content-Type: application/json' \
    --data-binary @Fixtures/p2pu-gathering-2019.hand-agenda.json >/dev/null
"$venv/bin/st" run "$SERVER_URL/api/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
    --max-examples 30 --request-timeout 60 --seed 1 --no-color
