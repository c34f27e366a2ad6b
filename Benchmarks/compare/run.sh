#!/usr/bin/env bash
# Makes a virtual environment with the peer (conference-scheduler 3.0.1 on PuLP 2.8.0; its GLPK
# backend needs `glpsol`, from Debian's glpk-utils), builds Convene, and runs the comparison.
# Usage: Benchmarks/compare/run.sh [EVENTS ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
[ -x "$here/.venv/bin/python" ] || python3 -m venv "$here/.venv"
"$here/.venv/bin/pip" install -q conference-scheduler==3.0.1 pulp==2.8.0
command -v glpsol >/dev/null || { echo "glpsol is missing: apt-get install glpk-utils" >&2; exit 1; }
swift build -c release >/dev/null
"$here/.venv/bin/python" "$here/compare.py" "$(swift build -c release --show-bin-path)/convene" "$@"
