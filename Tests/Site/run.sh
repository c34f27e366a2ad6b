#!/usr/bin/env bash
# The published site in headless Chromium (screenshots at 1400 and 390 px, no text outside its
# box, "Now and next", the time zone switch, the track filter), printed to PDF (page counts), and
# its calendars read by an independent parser (Python's icalendar), across three publishes of
# the P2PU gathering into one folder (scenario.py). Everything stays on this machine: pages are
# opened from file:// and nothing listens on the network.
#
# Installs what it needs when missing: Debian's chromium and chromium-driver, python3-venv, and
# the PyPI packages of requirements.txt into .build/site-venv. Screenshots and PDFs go to
# .build/screenshots/site/. CONVENE names the binary (default: the debug build).
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
python3 -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

venv=.build/site-venv
if ! "$venv/bin/python" -c 'import selenium, icalendar, pypdf, pytest' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r Tests/Site/requirements.txt
fi

export CONVENE="${CONVENE:-$(swift build --show-bin-path)/convene}"
# Selenium is given the driver's path, so it never looks for one on the network.
export SE_OFFLINE=true SE_AVOID_STATS=true
cd Tests/Site
exec "../../$venv/bin/pytest" -q -p no:cacheprovider "$@"
