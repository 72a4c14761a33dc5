"""The built site in a real browser (Debian's Chromium driven by Playwright), as a reader meets
it: every page loads with no console error, no failed request and no request to any other host;
axe-core finds no serious or critical problem, light or dark, on a phone or a laptop, with no
allow-list; nothing scrolls sideways at phone width; a first visit stays light; search finds
the book's key terms.
"""

from __future__ import annotations

import json

import pytest

from .site import PageVisit

HERE = __import__("pathlib").Path(__file__).parent
AXE = HERE / "vendor" / "axe.min.js"


def test_every_page_loads_cleanly(browser, server, pages):
    problems = {}
    for name in pages:
        visit = PageVisit(browser, server)
        visit.open(f"{server}/{name}")
        found = {
            "console errors": visit.console_errors,
            "failed requests": visit.failed,
            "requests to other hosts": visit.foreign,
        }
        found = {k: v for k, v in found.items() if v}
        if found:
            problems[name] = found
        visit.close()
    assert not problems, json.dumps(problems, indent=1)


#: A first visit to a chapter (HTML, scripts, styles, fonts and the figures in view) may move
#: at most this many bytes over the network, compressed as the server sends them: a slow campus
#: network pays for each one.
FIRST_VISIT_BYTES = 250_000


@pytest.mark.parametrize("width", [375, 1280])
def test_first_visit_to_each_page_stays_light(browser, server, pages, width):
    heavy = {}
    for name in pages:
        visit = PageVisit(browser, server, width=width)
        visit.open(f"{server}/{name}")
        sent = visit.transferred()
        visit.close()
        if sent > FIRST_VISIT_BYTES:
            heavy[name] = sent
    assert not heavy, f"first visits over {FIRST_VISIT_BYTES:,} bytes at {width} px: {heavy}"


def test_no_horizontal_scrolling_on_a_phone(browser, server, pages):
    wide = {}
    for name in pages:
        visit = PageVisit(browser, server, width=375)
        page = visit.open(f"{server}/{name}")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > 376:
            wide[name] = scroll
        visit.close()
    assert not wide, f"pages wider than 375px: {wide}"


def _axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "nodes": len(v["nodes"]),
            "example": v["nodes"][0]["target"] if v["nodes"] else None,
        }
        for v in result
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_accessibility_no_serious_violations(browser, server, pages, dark, width):
    found = {}
    for name in pages:
        visit = PageVisit(browser, server, width=width, dark=dark)
        page = visit.open(f"{server}/{name}")
        violations = _axe(page)
        if violations:
            found[name] = violations
        visit.close()
    assert not found, json.dumps(found, indent=1)


def test_the_site_follows_the_devices_colour_setting(browser, server):
    for scheme in ("dark", "light"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(f"{server}/chapters/introduction.html")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        context.close()


def test_search_finds_key_terms(browser, server):
    visit = PageVisit(browser, server)
    page = visit.open(f"{server}/search.html?q=reinstatement")
    page.wait_for_selector("#search-results li", timeout=15000)
    results = page.inner_text("#search-results")
    visit.close()
    assert "Creative destruction" in results
