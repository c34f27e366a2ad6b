"""Printing, as Chromium prints to PDF (DevTools' Page.printToPDF, paper from the page's CSS):
the index gives one landscape page per day, and each room's door sign one portrait page per day
the room is used, with no page left over."""

import base64
import io
import json
from collections import defaultdict
from datetime import datetime

import pytest
from pypdf import PdfReader

from conftest import load, url, SHOTS


def pdf_pages(driver, page_url, name):
    load(driver, page_url, 1400)
    printed = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
    data = base64.b64decode(printed["data"])
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"{name}.pdf").write_bytes(data)
    return len(PdfReader(io.BytesIO(data)).pages)


def days_in_use(built):
    """Per room id, the days (local dates) on which a placement of the final agenda occupies it;
    and the days that have any placement at all. Read from the agenda and input documents."""
    agenda = json.loads(built["final"].read_text())
    document = json.loads(built["open_space"].read_text())
    slot_day = {s["id"]: s["start"][:10] for s in document["slots"]}
    rooms = defaultdict(set)
    days = set()
    for p in agenda["placements"]:
        for slot in p["slots"]:
            for room in p["rooms"]:
                rooms[room].add(slot_day[slot])
        days.add(slot_day[p["start"]])
    return rooms, days, document


def test_the_index_prints_one_page_per_day(driver, built):
    _, days, _ = days_in_use(built)
    assert pdf_pages(driver, url(built["site"] / "index.html"), "index") == len(days) == 3


def test_each_door_sign_prints_one_page_per_day(driver, built):
    rooms, _, document = days_in_use(built)
    names = {r["id"]: r for r in document["rooms"]}
    assert len(rooms) >= 8
    for room, days in sorted(rooms.items()):
        pages = pdf_pages(driver, url(built["site"] / "rooms" / f"{room}.html"), f"door-{room}")
        assert pages == len(days), f"{names[room].get('name', room)}: {pages} pages for {len(days)} days"


def test_a_room_without_sessions_prints_one_page(driver, built):
    rooms, _, document = days_in_use(built)
    idle = [r["id"] for r in document["rooms"] if r["id"] not in rooms]
    for room in idle:
        assert pdf_pages(driver, url(built["site"] / "rooms" / f"{room}.html"), f"door-{room}") == 1
