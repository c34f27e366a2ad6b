"""The P2PU gathering published as its organisers would, into one folder, three times.

1. Friday 13 September: the solved agenda (the hand-made one given as --previous).
2. Friday 20 September, 07:30: the Commonwealth Salon is closed until noon; the agenda is
   replanned with the past frozen and published again.
3. Friday 20 September, 14:05: the open space is filled with the board's proposals
   (`convene unconference`); the open-space session leaves the input.

Each step runs the `convene` binary as a person would; SOURCE_DATE_EPOCH gives each publish its
time, so that the history and the calendars are reproducible.
"""

import json
import os
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "Fixtures" / "p2pu-gathering-2019.json"
HAND = ROOT / "Fixtures" / "p2pu-gathering-2019.hand-agenda.json"
BOARD = ROOT / "Fixtures" / "unconference" / "p2pu-board.csv"

# The three publishes, in UTC (Boston is UTC-4 in September).
FIRST = datetime(2019, 9, 13, 16, 0, tzinfo=timezone.utc)
SECOND = datetime(2019, 9, 20, 11, 30, tzinfo=timezone.utc)
THIRD = datetime(2019, 9, 20, 18, 5, tzinfo=timezone.utc)


def convene():
    binary = os.environ.get("CONVENE") or str(ROOT / ".build" / "debug" / "convene")
    if not Path(binary).exists():
        raise RuntimeError(f"no convene binary at {binary}: run `swift build` or set CONVENE")
    return binary


def run(*args, epoch=None, check=True):
    env = dict(os.environ)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(int(epoch.timestamp()))
    result = subprocess.run([convene(), *map(str, args)], capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise RuntimeError(f"convene {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}")
    return result


def build(work: Path):
    """Builds the three versions in work/site, keeping a copy of the site after each publish
    (work/site-1, work/site-2); returns the paths of everything made."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    site = work / "site"
    agenda = work / "agenda.json"
    run("solve", FIXTURE, "--format", "json", "--quiet", "--time-limit", "20", "--output", agenda)
    run("publish", agenda, "--input", FIXTURE, "--previous", HAND, "--output", site,
        "--base-url", "https://example.org/p2pu/", epoch=FIRST)
    shutil.copytree(site, work / "site-1")
    # The organisers' own files in the folder: a folder of theirs, and a file among the sessions.
    (site / "notes").mkdir()
    (site / "notes" / "README.txt").write_text("Ours: the venue's Wi-Fi password is on the back of the badge.\n")
    (site / "sessions" / "organiser-notes.txt").write_text("Ours too.\n")

    friday = work / "friday.json"
    document = json.loads(FIXTURE.read_text())
    for room in document["rooms"]:
        if room["id"] == "commonwealth":
            room.setdefault("unavailable", []).append({"start": "2019-09-20T08:00", "end": "2019-09-20T12:00"})
    friday.write_text(json.dumps(document, indent=2))
    replanned = work / "replanned.json"
    run("solve", friday, "--previous", agenda, "--frozen-until", "2019-09-20T08:00", "--format", "json", "--quiet",
        "--time-limit", "20", "--output", replanned)
    run("publish", replanned, "--input", friday, "--previous", agenda, "--output", site,
        "--base-url", "https://example.org/p2pu/", epoch=SECOND)
    shutil.copytree(site, work / "site-2")

    open_space = work / "friday-open-space.json"
    final = work / "final.json"
    run("unconference", friday, "--agenda", replanned, "--block", "open-space", "--proposals", BOARD,
        "--frozen-until", "2019-09-20T14:00", "--output-input", open_space, "--output", final, "--format", "json")
    run("publish", final, "--input", open_space, "--previous", replanned, "--output", site,
        "--base-url", "https://example.org/p2pu/", epoch=THIRD)

    render = work / "render.html"
    run("render", final, "--input", open_space, "--format", "html", "--output", render)
    return {
        "work": work, "site": site, "agenda": agenda, "friday": friday, "replanned": replanned, "final": final,
        "open_space": open_space, "render": render,
    }


if __name__ == "__main__":
    import sys
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".build" / "site-scenario")))
