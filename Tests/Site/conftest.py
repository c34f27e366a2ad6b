"""Shared fixtures: the published P2PU scenario (scenario.py) and one headless Chromium."""

import os
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

import scenario

ROOT = scenario.ROOT
SHOTS = ROOT / ".build" / "screenshots" / "site"

# Text that sticks out of its own box by more than this many CSS pixels is an overflow.
TOLERANCE = 1

OVERFLOWS = """
var tolerance = arguments[0];
var out = [];
document.querySelectorAll('td, th, li, dd, dt, p, h1, h2, h3, summary, .button, .now, button, label').forEach(function (box) {
  if (!box.getClientRects().length) { return; }
  var style = getComputedStyle(box);
  if (style.visibility === 'hidden' || style.display === 'none') { return; }
  var outer = box.getBoundingClientRect();
  if (outer.width === 0 || outer.height === 0) { return; }
  var range = document.createRange();
  range.selectNodeContents(box);
  var rects = range.getClientRects();
  for (var i = 0; i < rects.length; i++) {
    var r = rects[i];
    if (r.width === 0 || r.height === 0) { continue; }
    if (r.left < outer.left - tolerance || r.right > outer.right + tolerance || r.top < outer.top - tolerance || r.bottom > outer.bottom + tolerance) {
      out.push(box.tagName.toLowerCase() + (box.className ? '.' + String(box.className).split(' ').join('.') : '') + ': "'
        + box.textContent.trim().slice(0, 60) + '" ' + JSON.stringify([Math.round(r.left), Math.round(r.right), Math.round(outer.left), Math.round(outer.right)]));
      break;
    }
  }
});
return out;
"""


@pytest.fixture(scope="session")
def built():
    """The three publishes of the P2PU scenario, made once per run."""
    return scenario.build(ROOT / ".build" / "site-tests")


def make_driver(zone=None):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                     "--disable-dev-shm-usage", "--lang=en-GB"]:
        options.add_argument(argument)
    env = dict(os.environ)
    env["TZ"] = zone or "UTC"
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"), env=env)
    return webdriver.Chrome(service=service, options=options)


@pytest.fixture(scope="session")
def driver():
    d = make_driver()
    yield d
    d.quit()


@pytest.fixture(scope="session")
def berlin():
    """A browser whose reader lives in Berlin, for the time zone switch."""
    d = make_driver("Europe/Berlin")
    yield d
    d.quit()


def load(driver, url, width, height=900):
    driver.set_window_size(width, height)
    driver.get(url)
    # The page's script runs on load; give layout a tick.
    driver.execute_script("return document.readyState")
    return driver


def screenshot(driver, name):
    """The whole page at the window's width, kept under .build/screenshots/site/."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    width = driver.execute_script("return window.innerWidth")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(height, 16000))
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def overflows(driver):
    return driver.execute_script(OVERFLOWS, TOLERANCE)


def url(path: Path, query=""):
    return path.resolve().as_uri() + query
