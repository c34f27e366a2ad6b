"""The planner in a real headless Chromium, as an organiser uses it.

Creates a gathering from the P2PU fixture, shows a problem at its field as it is typed, solves (and stops a second
solve), drags a session into a clash and sees the violation, repairs the rest and sees the diff, keeps the repaired
agenda, moves a session from the keyboard, publishes the site (zip and browsing), and moves one run of a session held
twice. Screenshots at 1400 and 390 px go
to SCREENSHOTS. Usage: planner_scenario.py BASE_URL FIXTURE SCREENSHOTS
"""
import json
import os
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, FIXTURE, SHOTS = sys.argv[1].rstrip("/"), os.path.abspath(sys.argv[2]), sys.argv[3]
os.makedirs(SHOTS, exist_ok=True)
checks = {"passed": 0}


def api(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    checks["passed"] += 1
    print("ok:", what)


options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000"]:
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
wait = WebDriverWait(driver, 60)


def shot(name, show=None, widths=(1400, 390)):
    """Screenshots at each width, with `show` (a CSS selector) scrolled into view; at phone width the page itself
    must not scroll sideways (wide tables and the grid scroll inside their own boxes)."""
    for width in widths:
        driver.set_window_size(width, 1000)
        time.sleep(0.3)
        if show:
            driver.execute_script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", show)
            time.sleep(0.2)
        if width < 500:
            overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            check(overflow <= 1, f"{name}: the page fits {width} px without scrolling sideways (overflow {overflow} px)")
        driver.save_screenshot(os.path.join(SHOTS, f"{name}-{width}.png"))
    driver.set_window_size(1400, 1000)


def text(selector):
    return driver.find_element(By.CSS_SELECTOR, selector).text


def tab(name):
    driver.find_element(By.CSS_SELECTOR, f'.tabs a[data-tab="{name}"]').click()
    wait.until(EC.visibility_of_element_located((By.ID, f"panel-{name}")))


try:
    driver.get(BASE + "/")
    # 1. A gathering from the fixture, through the page's own file input.
    driver.find_element(By.ID, "new-file").send_keys(FIXTURE)
    wait.until(lambda d: "Valid." in text("#problems"))
    gathering = Select(driver.find_element(By.ID, "gathering-select")).first_selected_option.get_attribute("value")
    check(gathering.startswith("p2pu-gathering-2019"), f"gathering {gathering} created from the fixture")
    shot("01-edit")

    # 2. A problem shown at its field as it is typed, and gone when fixed.
    field = driver.find_element(By.ID, "f-sessions-0-facilitators")
    before = field.get_attribute("value")
    field.send_keys(", nobody-here")
    wait.until(lambda d: "nobody-here" in text("#f-sessions-0-facilitators-msg"))
    check(field.get_attribute("aria-invalid") == "true", "the unknown facilitator is shown at its field")
    shot("02-problem-at-field", "#f-sessions-0-facilitators")
    field.clear()
    field.send_keys(before)
    wait.until(lambda d: "Valid." in text("#problems"))
    check(text("#f-sessions-0-facilitators-msg") == "", "the problem is gone once fixed")

    # 3. Solve, with the live progress line; then a second solve stopped with the stop button.
    tab("solve")
    wait.until(EC.element_to_be_clickable((By.ID, "solve-start"))).click()
    wait.until(lambda d: text("#solve-result").startswith("Done"))
    check("objective" in text("#progress"), f"progress line: {text('#progress')}")
    check("Open agenda" in text("#solve-result"), f"solved: {text('#solve-result')}")
    shot("03-solved", "#progress")
    Select(driver.find_element(By.ID, "solve-solver")).select_by_value("search")
    time_limit = driver.find_element(By.ID, "solve-time")
    time_limit.clear()
    time_limit.send_keys("120")
    driver.find_element(By.ID, "solve-start").click()
    wait.until(lambda d: "objective" in text("#progress") and d.find_element(By.ID, "solve-stop").is_enabled())
    started = time.time()
    driver.find_element(By.ID, "solve-stop").click()
    wait.until(lambda d: text("#solve-result").startswith("Stopped"))
    check(time.time() - started < 10, f"the stop button ended the solve: {text('#solve-result')}")
    driver.find_element(By.ID, "open-agenda").click()

    # 4. The agenda grid; a session dragged into another's room and slot: the checker says what breaks.
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#grid .card[data-session]")))
    agenda = Select(driver.find_element(By.ID, "agenda-select")).first_selected_option.get_attribute("value")
    document = api("GET", f"/api/gatherings/{gathering}/agendas/{agenda}")
    # A move into another session's room and slot that breaks only rule 4 (two sessions in one room), so that the
    # repair has something to move: found with the checker-only what-if.
    candidates = [p for p in document["placements"] if len(p["rooms"]) == 1]
    move = None
    for a in candidates:
        for b in candidates:
            if a is b or a["start"] == b["start"]:
                continue
            verdict = api("POST", f"/api/gatherings/{gathering}/agendas/{agenda}/what-if",
                          {"moves": [{"session": a["session"], "start": b["start"], "rooms": b["rooms"]}]})
            if verdict["violations"] and all(v["rule"] == 4 for v in verdict["violations"]):
                move = (a, b)
                break
        if move:
            break
    check(move is not None, "a session can be dragged into another's room")
    a, b = move
    card = driver.find_element(By.CSS_SELECTOR, f'#grid .card[data-session="{a["session"]}"]')
    target = driver.find_element(By.CSS_SELECTOR, f'#grid td[data-slot="{b["start"]}"][data-room="{b["rooms"][0]}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", card)
    ActionChains(driver).move_to_element(card).click_and_hold().move_by_offset(12, 12).pause(0.2).move_to_element(target) \
        .pause(0.2).release().perform()
    wait.until(lambda d: "Breaks" in text("#verdict-line"))
    check("Rule 4" in text("#violations"), f"the violation is shown: {text('#violations')[:120]}")
    check("Checked in" in text("#verdict"), f"checker-only answer: {text('#verdict').splitlines()[-1]}")
    shot("04-clash", "#verdict")

    # 5. Repair the rest: valid, with the diff.
    driver.find_element(By.ID, "repair").click()
    wait.until(lambda d: "Valid" in text("#verdict-line") or "no agenda" in text("#verdict"))
    check("Valid" in text("#verdict-line"), f"repaired: {text('#verdict-line')}")
    rows = driver.find_elements(By.CSS_SELECTOR, "#changes-table tbody tr")
    check(len(rows) >= 2, f"the diff lists {len(rows)} changes")
    shot("05-repaired", "#changes")
    driver.find_element(By.ID, "keep").click()
    wait.until(lambda d: "Kept as agenda" in text("#verdict"))
    kept = Select(driver.find_element(By.ID, "agenda-select")).first_selected_option.get_attribute("value")
    check(kept != agenda, f"the repaired agenda is kept as {kept}")

    # 6. The keyboard way: choose a session and its place in the form, then check the move.
    Select(driver.find_element(By.ID, "move-session")).select_by_value(a["session"])
    slot = Select(driver.find_element(By.ID, "move-slot"))
    slot.select_by_index((slot.options.index(slot.first_selected_option) + 1) % len(slot.options))
    before = text("#verdict")
    driver.find_element(By.ID, "move-check").send_keys("\n")
    wait.until(lambda d: text("#verdict") != before and "Checked in" in text("#verdict"))
    check("Checked in" in text("#verdict"), f"a move from the form: {text('#verdict-line')}")

    # 7. Versions and the diff between two agendas.
    tab("versions")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#agendas-table tbody tr")) >= 2)
    Select(driver.find_element(By.ID, "diff-new")).select_by_value(kept)
    Select(driver.find_element(By.ID, "diff-old")).select_by_value(agenda)
    driver.find_element(By.CSS_SELECTOR, "#diff-form button").click()
    wait.until(lambda d: "change" in text("#diff"))
    check(len(driver.find_elements(By.CSS_SELECTOR, "#diff-table tbody tr")) >= 2, f"diff between agendas: {text('#diff').splitlines()[0]}")
    shot("06-versions", "#diff")

    # 8. Publish: the zip, and the site under /site/.
    tab("transfer")
    Select(driver.find_element(By.ID, "publish-agenda")).select_by_value(kept)
    driver.find_element(By.CSS_SELECTOR, "#publish-form button[type=submit]").click()
    wait.until(EC.presence_of_element_located((By.ID, "zip-link")))
    check(".zip" in text("#zip-link"), f"site zip: {text('#zip-link')}")
    shot("07-publish", "#publish-result")
    driver.get(f"{BASE}/site/{gathering}/{kept}/")
    wait.until(lambda d: "P2PU Gathering 2019" in d.title or "P2PU" in d.find_element(By.TAG_NAME, "h1").text)
    check(True, f"the site is browsable: {driver.title}")
    shot("08-site")

    # 9. A session held twice: each run has its card, and run 2 moves on its own from the form.
    runs_gathering = api("POST", "/api/gatherings", {
        "convene": 1, "event": {"name": "Runs Day", "timeZone": "Europe/Berlin"},
        "slots": [{"id": f"t{k}", "start": f"2026-05-04T{8 + k:02d}:00", "end": f"2026-05-04T{9 + k:02d}:00"} for k in (1, 2, 3)],
        "rooms": [{"id": "lab", "capacity": 12}, {"id": "hall", "capacity": 40}],
        "sessions": [{"id": "laptops", "title": "Laptop lab", "duration": 60, "runs": 2, "seats": 2},
                     {"id": "talk", "title": "Opening talk", "duration": 60}],
        "attendees": [{"id": "a1", "interests": ["laptops", "talk"]}, {"id": "a2", "interests": ["laptops"]}]})["id"]
    runs_agenda = api("POST", f"/api/gatherings/{runs_gathering}/agendas", {
        "convene": 1, "status": "feasible", "placements": [
            {"session": "laptops", "run": 1, "start": "t1", "rooms": ["lab"]},
            {"session": "talk", "start": "t1", "rooms": ["hall"]},
            {"session": "laptops", "run": 2, "start": "t2", "rooms": ["hall"]}]})["id"]
    driver.get(f"{BASE}/#agenda/{runs_agenda}")
    wait.until(lambda d: any(o.get_attribute("value") == runs_gathering for o in Select(d.find_element(By.ID, "gathering-select")).options))
    Select(driver.find_element(By.ID, "gathering-select")).select_by_value(runs_gathering)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, '#grid .card[data-session="laptops"]')) == 2)
    labels = [c.text for c in driver.find_elements(By.CSS_SELECTOR, '#grid .card[data-session="laptops"]')]
    check(any("run 1 of 2" in t for t in labels) and any("run 2 of 2" in t for t in labels), f"each run has its card: {labels}")
    Select(driver.find_element(By.ID, "move-session")).select_by_value("laptops")
    check(driver.find_element(By.ID, "move-run").is_displayed(), "a session held twice offers its runs")
    Select(driver.find_element(By.ID, "move-run")).select_by_value("2")
    check(not driver.find_element(By.ID, "pin").is_enabled(), "a pin is set from run 1 only (it fixes where run 1 starts)")
    Select(driver.find_element(By.ID, "move-slot")).select_by_value("t3")
    Select(driver.find_element(By.ID, "move-room")).select_by_value("lab")
    before = text("#verdict")
    driver.find_element(By.ID, "move-check").send_keys("\n")
    wait.until(lambda d: text("#verdict") != before and "Checked in" in text("#verdict"))
    check("Valid" in text("#verdict-line"), f"run 2 moved: {text('#verdict-line')}")
    moved = driver.find_elements(By.CSS_SELECTOR, '#grid td[data-slot="t3"][data-room="lab"] .card[data-session="laptops"][data-run="2"]')
    stayed = driver.find_elements(By.CSS_SELECTOR, '#grid td[data-slot="t1"][data-room="lab"] .card[data-session="laptops"][data-run="1"]')
    check(len(moved) == 1 and len(stayed) == 1, "run 2 is where the move put it, run 1 where it was")
    shot("09-runs", "#grid")

    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
    check(not errors, f"no error in the browser's console {errors[:2]}")
    print(f"{checks['passed']} passed, 0 failed")
except Exception as error:
    driver.save_screenshot(os.path.join(SHOTS, "failure.png"))
    print("FAILED:", error)
    print(f"{checks['passed']} passed, 1 failed")
    sys.exit(1)
finally:
    driver.quit()
