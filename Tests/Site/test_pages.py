"""The published pages in headless Chromium at a desktop width and a phone's: screenshots kept
under .build/screenshots/site/, no text outside its box, the agenda near the top of a phone's
screen, "Now and next", the time zone switch and the track filter."""

import json
from datetime import datetime, timezone

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import load, overflows, screenshot, url

WIDTHS = [1400, 390]
# Friday of the gathering, 10:45 in Boston: the replanned morning is running.
DURING = "?now=2019-09-20T10:45-04:00"

PAGES = {
    "index": ("site", "index.html" + DURING),
    "person": ("site", "people/attendee-02.html" + DURING),
    "session": ("site", "sessions/failures.html"),
    "changes": ("site", "changes.html"),
    "render": ("render", ""),
}


def page_url(built, name):
    key, rest = PAGES[name]
    if key == "render":
        return url(built["render"])
    path, _, query = rest.partition("?")
    return url(built["site"] / path, "?" + query if query else "")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_no_text_overflows_its_box(driver, built, name, width):
    load(driver, page_url(built, name), width)
    assert driver.execute_script("return window.innerWidth") == width
    path = screenshot(driver, f"{name}-{width}")
    assert path.stat().st_size > 10_000
    assert overflows(driver) == []
    # Nothing makes the page itself wider than the window (wide grids scroll in their own box).
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width


def test_on_a_phone_the_agenda_comes_first(driver, built):
    load(driver, page_url(built, "index"), 390)
    first_now = driver.execute_script("var e = document.querySelector('#now li'); return e ? e.getBoundingClientRect().top : null")
    first_day = driver.execute_script(
        "var e = document.querySelector('.agenda ol.list li'); return e ? e.getBoundingClientRect().top : null")
    box_end = driver.execute_script("return document.getElementById('now').getBoundingClientRect().bottom")
    assert first_now is not None and first_now < 300, first_now
    # Only the days' links and the tools stand between "Now and next" and the day's sessions.
    assert first_day is not None and first_day - box_end < 250, (first_day, box_end)
    assert len(driver.find_elements(By.CSS_SELECTOR, "#now li:not(.more)")) <= 6
    load(driver, page_url(built, "person"), 390)
    first = driver.execute_script("var e = document.querySelector('.agenda ol.mine li'); return e.getBoundingClientRect().top")
    box_end = driver.execute_script("return document.getElementById('now').getBoundingClientRect().bottom")
    # Between them: the calendar's two buttons, what changed (one line), the days and the zone switch.
    assert first - box_end < 320, (first, box_end)


def placements(built, key="final"):
    """(title, start, end) of every placement of an agenda document, instants as datetimes."""
    agenda = json.loads(built[key].read_text())
    document = json.loads(built["open_space"].read_text())
    titles = {s["id"]: s.get("title", s["id"]) for s in document["sessions"]}
    out = []
    for p in agenda["placements"]:
        start = datetime.fromisoformat(p["startTime"]).replace(tzinfo=None)
        end = datetime.fromisoformat(p["endTime"]).replace(tzinfo=None)
        out.append((titles.get(p["session"], p["session"]), start, end))
    return out


def now_box(driver):
    return driver.execute_script("""
        var out = {};
        var heading = null;
        document.querySelectorAll('#now > *').forEach(function (el) {
          if (el.tagName === 'H2') { heading = el.textContent; out[heading] = []; }
          if (el.tagName === 'OL' && heading) {
            el.querySelectorAll('li .title').forEach(function (t) { out[heading].push(t.textContent); });
          }
        });
        return out;""")


def test_now_and_next_follows_the_clock(driver, built):
    agenda = placements(built)
    at = datetime(2019, 9, 20, 10, 45)
    running = sorted(t for t, s, e in agenda if s <= at < e)
    upcoming = sorted(s for t, s, e in agenda if s > at)
    following = sorted(t for t, s, e in agenda if s == upcoming[0])
    load(driver, page_url(built, "index"), 1400)
    box = now_box(driver)
    assert sorted(box["Now"]) == running
    assert sorted(box["Next"]) == sorted(following)[:8] if len(following) <= 8 else len(box["Next"]) == 8
    # Before the gathering: only what comes next, with its day.
    load(driver, url(built["site"] / "index.html", "?now=2019-09-01T09:00-04:00"), 1400)
    box = now_box(driver)
    assert list(box) == ["Next (Wed 18 Sep)"]
    # After it: a sentence, no list.
    load(driver, url(built["site"] / "index.html", "?now=2019-09-30T09:00-04:00"), 1400)
    assert "over" in driver.find_element(By.ID, "now").text
    # attendee-02's own: the sessions they want, facilitate or everyone attends.
    load(driver, page_url(built, "person"), 390)
    box = now_box(driver)
    assert set(box) <= {"Now", "Next"} and box


def test_without_script_now_lists_today(built):
    # The third publish is on Friday 20 September: the page says so without any script.
    html = (built["site"] / "index.html").read_text()
    box = html.split('<section class="now" id="now"', 1)[1].split("</section>", 1)[0]
    assert "<h2>Today, Fri 20 Sep</h2>" in box
    friday = [t for t, s, e in placements(built) if s.date().isoformat() == "2019-09-20"]
    assert box.count("<li>") + box.count('<li class="more">') == min(len(friday), 12) + (1 if len(friday) > 12 else 0)


def test_times_follow_the_readers_zone(berlin, built):
    load(berlin, url(built["site"] / "sessions" / "failures.html"), 1400)
    first = berlin.find_element(By.CSS_SELECTOR, "dd time")
    event_time = first.text
    switch = berlin.find_element(By.ID, "zone")
    assert switch.is_displayed()
    switch.find_element(By.CSS_SELECTOR, "[data-zone='reader']").click()
    hours = int(event_time[:2])
    assert first.text == f"{hours + 6:02d}{event_time[2:]}"
    assert "your time" in berlin.find_element(By.CSS_SELECTOR, "dd .zone-name").text
    # The choice is kept for the next page.
    load(berlin, url(built["site"] / "index.html"), 1400)
    assert berlin.find_element(By.CSS_SELECTOR, ".zone [data-zone='reader']").get_attribute("aria-pressed") == "true"
    berlin.find_element(By.CSS_SELECTOR, ".zone [data-zone='event']").click()


def test_the_track_filter_dims_other_tracks(driver, built):
    load(driver, url(built["site"] / "index.html"), 1400)
    Select(driver.find_element(By.ID, "track")).select_by_value("tools")
    cells = driver.find_elements(By.CSS_SELECTOR, "td.session")
    tools = [c for c in cells if c.get_attribute("data-track") == "tools"]
    assert tools and all("dim" not in c.get_attribute("class") for c in tools)
    assert all("dim" in c.get_attribute("class") for c in cells if c.get_attribute("data-track") != "tools")


def test_closed_rooms_and_tracks_are_on_the_grid(driver, built):
    load(driver, url(built["site"] / "index.html"), 1400)
    friday = driver.find_element(By.ID, "day-2019-09-20")
    closed = friday.find_elements(By.CSS_SELECTOR, "td.closed")
    # The Commonwealth Salon, closed until noon: its 09:00 and 10:30 cells, as one block.
    assert [c.text for c in closed] == ["Closed"] and closed[0].get_attribute("rowspan") == "2"
    assert friday.find_elements(By.CSS_SELECTOR, "td.session .track")
