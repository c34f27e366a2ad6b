#!/usr/bin/env bash
# Proof at every size: Convene's auto solver (60 s) side by side with OR-Tools CP-SAT (2 workers,
# 120 s), on the attendee-heavy generated family, large generated gatherings and the 13 CoSPLib
# conferences. Makes the virtual environment (OR-Tools and openpyxl, for measurement only: neither
# is a dependency of Convene), builds Convene in release, converts CoSPLib when given its checkout
# (or its git directory), then runs proof.py, which caches every result and resumes where it stopped.
# Usage: Benchmarks/compare/proof.sh [COSPLIB] [proof.py options, such as --only ISF22]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
[ -x "$here/.venv/bin/python" ] || python3 -m venv "$here/.venv"
"$here/.venv/bin/pip" install -q ortools==9.15.6755 openpyxl==3.1.5
swift build -c release >/dev/null
if [ $# -gt 0 ] && [ -e "$1" ]; then
    "$here/.venv/bin/python" "$here/cosplib.py" --repository "$1" --into "$here/.cosplib"
    shift
fi
"$here/.venv/bin/python" "$here/proof.py" "$(swift build -c release --show-bin-path)/convene" "$@"
