#!/usr/bin/env python3
"""Converts CoSPLib conferences (Pylyavskyy, Jacko and Kheiri; github.com/ahmedkheiri/CoSPLib, MIT
licence; one Excel workbook per conference in its `Dataset/` folder) into Convene input documents,
for measurement only: neither the workbooks nor the converted documents belong in this repository.

The rules are those of `shared/instances/README.md`, which the three conferences already converted
there follow:
- A CoSPLib time block ("session" in CoSPLib) of N timeslots becomes N equal back-to-back slots
  (`BLOCK-1` … `BLOCK-N`, times rounded to the second), tagged with the block's id and date. A
  submission becomes a session (id and title its reference) whose duration is its required
  timeslots times the shortest slot, in whole minutes rounded down.
- Presenters become facilitators (people, id and name the presenter's, in order of first
  appearance), and the Track column (trimmed) becomes `track`; `weights` is `{"clash": 1, "trackOverlap": 1}`.
- A presenter is unavailable in a block (the block's whole window) when every one of their
  submissions has a penalty (> 0) for it. A submission that penalises every block its track may
  use counts as penalising none (it states no usable preference; the README does not say so, the
  three converted conferences do it: without it, 11 presenters of GECCO23 and GECCO21Workshop
  would be unavailable in blocks where the converted documents have them available).
- Track-to-block and track-to-room penalties of 1000 or more become slot and room tags that keep
  the track out: a track with such a penalty gets `trackI-ok` (I its row in the tracks sheet, from
  0) on the slots of the blocks it may use and `trackI-room` on the rooms it may use, and its
  sessions require them.
- A block-to-room penalty of 1000 or more makes the room unavailable during the block (the
  README does not say so; the three converted conferences do it).
- Attendees (the Attendees column: GECCO20, ISF22, N2OR) become attendees whose interests are the
  submissions naming them, in order of first appearance (the README is silent; the three converted
  conferences have none).
- Submission room penalties, similar tracks, chairs, order and time zones are left out.

Usage:
  cosplib.py WORKBOOK.xlsx [--output FILE]          one conference
  cosplib.py --repository DIR --into FOLDER         every workbook of a CoSPLib checkout or of a git
                                                    directory (such as a mirror), into FOLDER/NAME.json
Needs `openpyxl` (PyPI).
"""
import argparse
import datetime
import io
import json
import math
import os
import subprocess
import sys

import openpyxl

KEEP_OUT = 1000


def zone_name(text):
    """`GMT+1` → `Etc/GMT-1` (POSIX signs are reversed); `GMT+0` → `UTC`."""
    text = (text or "GMT+0").strip().upper().replace("UTC", "GMT")
    hours = int(text[3:] or 0)
    return "UTC" if hours == 0 else f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"


def cell_moment(value, part, text_format):
    """A cell's date (`part` "date") or time ("time"): an Excel date-time, a date or time, or text
    written in `text_format`."""
    if isinstance(value, datetime.datetime):
        return getattr(value, part)()
    if isinstance(value, (datetime.date, datetime.time)):
        return value
    return getattr(datetime.datetime.strptime(str(value).strip(), text_format), part)()


def written(moment):
    """`YYYY-MM-DDTHH:MM`, with `:SS` only when the seconds are not zero."""
    return moment.strftime("%Y-%m-%dT%H:%M") + (f":{moment.second:02d}" if moment.second else "")


def names(cell):
    """`Author1, Author2` → ["Author1", "Author2"] (each once)."""
    found = []
    for part in str(cell or "").split(","):
        part = part.strip()
        if part and part not in found:
            found.append(part)
    return found


def penalty(value):
    if value is None or value == "":
        return 0
    return float(value)


def rows(sheet):
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def matrix(sheet):
    """{row label: {column label: penalty}} of a penalty sheet."""
    table = rows(sheet)
    header = table[0]
    return {r[0]: {header[j]: penalty(r[j]) for j in range(1, len(header)) if header[j] is not None}
            for r in table[1:] if r and r[0] is not None}


def sheet(book, name):
    for candidate in book.worksheets:
        if candidate.title.strip().lower() == name:
            return candidate
    raise ValueError(f"the workbook has no sheet {name!r}")


def convert(book, name):
    parameters = rows(sheet(book, "parameters"))
    zone = zone_name(parameters[1][1])
    blocks = []
    for r in rows(sheet(book, "sessions"))[1:]:
        if not r or r[0] is None:
            continue
        day = cell_moment(r[2], "date", "%m/%d/%Y")
        start = datetime.datetime.combine(day, cell_moment(r[3], "time", "%H:%M"))
        end = datetime.datetime.combine(day, cell_moment(r[4], "time", "%H:%M"))
        blocks.append({"id": str(r[0]), "count": int(r[1]), "date": day, "start": start, "end": end})
    rooms = [str(r[0]) for r in rows(sheet(book, "rooms"))[1:] if r and r[0] is not None]
    tracks = [str(r[0]).strip() for r in rows(sheet(book, "tracks"))[1:] if r and r[0] is not None]
    track_blocks = {str(t).strip(): v for t, v in matrix(sheet(book, "tracks_sessions|penalty")).items()}
    track_rooms = {str(t).strip(): v for t, v in matrix(sheet(book, "tracks_rooms|penalty")).items()}
    block_rooms = matrix(sheet(book, "sessions_rooms|penalty"))

    kept_out_of_blocks = {t for t in tracks if any(v >= KEEP_OUT for v in track_blocks.get(t, {}).values())}
    kept_out_of_rooms = {t for t in tracks if any(v >= KEEP_OUT for v in track_rooms.get(t, {}).values())}
    tag = {t: f"track{i}" for i, t in enumerate(tracks)}

    slots = []
    for b in blocks:
        length = (b["end"] - b["start"]).total_seconds() / b["count"]
        b["slot_seconds"] = length
        tags = [b["id"], b["date"].isoformat()]
        tags += [tag[t] + "-ok" for t in tracks if t in kept_out_of_blocks and track_blocks[t].get(b["id"], 0) < KEEP_OUT]
        for k in range(b["count"]):
            start = b["start"] + datetime.timedelta(seconds=round(k * length))
            end = b["end"] if k == b["count"] - 1 else b["start"] + datetime.timedelta(seconds=round((k + 1) * length))
            slots.append({"id": f"{b['id']}-{k + 1}", "start": written(start), "end": written(end), "tags": tags})
    shortest = min(b["slot_seconds"] for b in blocks) / 60

    window = lambda b: {"start": written(b["start"]), "end": written(b["end"])}
    room_documents = []
    for room in rooms:
        room_documents.append({
            "id": room, "name": room,
            "tags": [tag[t] + "-room" for t in tracks if t in kept_out_of_rooms and track_rooms[t].get(room, 0) < KEEP_OUT],
            "unavailable": [window(b) for b in blocks if block_rooms.get(b["id"], {}).get(room, 0) >= KEEP_OUT]})

    table = rows(sheet(book, "submissions"))
    header = [str(h).strip() if h is not None else "" for h in table[0]]
    column = {h: j for j, h in enumerate(header)}
    block_column = {b["id"]: column[b["id"]] for b in blocks}
    sessions, presenters, submissions_of, attendees = [], [], {}, {}
    for r in table[1:]:
        if not r or r[column["Reference"]] is None:
            continue
        reference = str(r[column["Reference"]]).strip()
        track = str(r[column["Track"]]).strip()
        people = names(r[column["Presenters"]]) if "Presenters" in column else []
        penalised = {b["id"] for b in blocks if penalty(r[block_column[b["id"]]]) > 0}
        allowed = {b["id"] for b in blocks if track not in kept_out_of_blocks or track_blocks[track].get(b["id"], 0) < KEEP_OUT}
        if allowed <= penalised:
            penalised = set()  # penalising every block the track may use says nothing about the presenter
        for p in people:
            if p not in submissions_of:
                presenters.append(p)
                submissions_of[p] = []
            submissions_of[p].append(penalised)
        for a in names(r[column["Attendees"]]) if "Attendees" in column else []:
            attendees.setdefault(a, []).append(reference)
        session = {"id": reference, "title": reference, "duration": int(r[column["Required Timeslots"]]) * math.floor(shortest),
                   "facilitators": people, "track": track}
        if track in kept_out_of_blocks:
            session["slotTags"] = [tag[track] + "-ok"]
        if track in kept_out_of_rooms:
            session["roomTags"] = [tag[track] + "-room"]
        sessions.append(session)
    people_documents = [{"id": p, "name": p, "unavailable": [window(b) for b in blocks if all(b["id"] in s for s in submissions_of[p])]}
                        for p in presenters]
    return {"convene": 1, "event": {"name": f"CoSPLib {name}", "timeZone": zone}, "slots": slots, "rooms": room_documents,
            "formats": [], "people": people_documents, "sessions": sessions,
            "attendees": [{"id": a, "interests": wanted} for a, wanted in attendees.items()],
            "weights": {"clash": 1, "trackOverlap": 1}}


def workbooks(repository):
    """(name, bytes) of every `Dataset/*.xlsx` of a checkout, or of a git directory's HEAD."""
    dataset = os.path.join(repository, "Dataset")
    if os.path.isdir(dataset):
        for file in sorted(os.listdir(dataset)):
            if file.endswith(".xlsx"):
                with open(os.path.join(dataset, file), "rb") as f:
                    yield file[:-5], f.read()
        return
    listing = subprocess.run(["git", "--git-dir", repository, "ls-tree", "--name-only", "HEAD", "Dataset/"],
                             capture_output=True, text=True, check=True).stdout.split()
    for path in sorted(listing):
        if path.endswith(".xlsx"):
            data = subprocess.run(["git", "--git-dir", repository, "show", f"HEAD:{path}"], capture_output=True, check=True).stdout
            yield os.path.basename(path)[:-5], data


def write(document, path):
    text = json.dumps(document, indent=1, ensure_ascii=False)  # as the converted conferences: no final newline
    if path in (None, "-"):
        sys.stdout.write(text)
        return
    temporary = path + ".part"
    with open(temporary, "w") as f:
        f.write(text)
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser(description="CoSPLib workbooks to Convene input documents (for measurement only).")
    parser.add_argument("workbook", nargs="?", help="one CoSPLib .xlsx")
    parser.add_argument("--output", help="where to write its document (default: standard output)")
    parser.add_argument("--repository", help="a CoSPLib checkout, or its git directory: convert every workbook")
    parser.add_argument("--into", help="with --repository: the folder for NAME.json")
    args = parser.parse_args()
    if args.repository:
        if not args.into:
            parser.error("--repository needs --into")
        os.makedirs(args.into, exist_ok=True)
        for name, data in workbooks(args.repository):
            document = convert(openpyxl.load_workbook(io.BytesIO(data), data_only=True), name)
            write(document, os.path.join(args.into, name + ".json"))
            print(f"{name}: {len(document['sessions'])} sessions, {len(document['slots'])} slots, {len(document['rooms'])} rooms, "
                  f"{len(document['people'])} people, {len(document['attendees'])} attendees", file=sys.stderr)
    elif args.workbook:
        name = os.path.basename(args.workbook).rsplit(".", 1)[0]
        write(convert(openpyxl.load_workbook(args.workbook, data_only=True), name), args.output)
    else:
        parser.error("give a workbook, or --repository DIR --into FOLDER")


if __name__ == "__main__":
    main()
