#!/usr/bin/env bash
# The planner in a real headless Chromium (Tests/Browser/planner_scenario.py): installs Debian's chromium and
# chromium-driver when missing and selenium into .build/planner-venv, starts `convene serve` on loopback with a fresh
# data folder, runs the scenario. Screenshots at 1400 and 390 px go to .build/screenshots/.
# Usage: Tests/Browser/run.sh [CONVENE_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-$(swift build --show-bin-path)/convene}
source Tests/Planner/server.sh

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "== installing chromium and chromium-driver"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
venv=$(planner_venv selenium==4.51.0)
start_server "$binary"
rm -rf .build/screenshots
CHROMEDRIVER=$(command -v chromedriver) "$venv/bin/python" Tests/Browser/planner_scenario.py "$SERVER_URL" \
    Fixtures/p2pu-gathering-2019.json .build/screenshots
