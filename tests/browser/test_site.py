"""The built site in a real browser: Debian's Chromium driven by Playwright.

Every page is served from 127.0.0.1 and must load with no console errors, no failed requests and
no request to any other host; chapter figures must be visible with alt text; no page may carry a
control that does nothing; axe-core finds no serious or critical problem (beyond a recorded
allow-list); nothing scrolls sideways at phone width; search finds the book's key terms.

Outside CI the suite skips, saying so, when Chromium is not installed; in CI it must run.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import threading
import tomllib
from pathlib import Path
from urllib.parse import urlparse

import pytest

from ..conftest import CHAPTERS

pytestmark = pytest.mark.browser

HERE = Path(__file__).parent
CHROMIUM = os.environ.get("CHROMIUM_PATH") or next(
    filter(None, map(shutil.which, ["chromium", "chromium-browser", "google-chrome"])), None
)
AXE = HERE / "vendor" / "axe.min.js"
ALLOWED = tomllib.loads((HERE / "axe_allowlist.toml").read_text(encoding="utf-8"))["allowed"]
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError("the browser tests need Chromium in CI: apt-get install chromium")
    pytest.skip(
        "Chromium is not installed: browser tests skipped (apt-get install chromium to run them)",
        allow_module_level=True,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="session")
def server(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


class PageVisit:
    """Open one page and record what a reader's browser would complain about."""

    def __init__(self, browser, base: str, width: int = 1280, dark: bool = False):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        if dark:
            self.context.add_init_script("localStorage.setItem('theme', 'dark');")
        self.page = self.context.new_page()
        self.base_host = urlparse(base).netloc
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("requestfailed", lambda req: self.failed.append(f"{req.url} {req.failure}"))
        self.responses: list = []
        self.page.on("response", self._on_response)
        self.page.route("**/*", self._route)

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_response(self, response):
        self.responses.append(response)
        if response.status >= 400:
            self.failed.append(f"{response.url} HTTP {response.status}")

    def _route(self, route):
        url = urlparse(route.request.url)
        if url.scheme in {"data", "blob", "about"} or url.netloc == self.base_host:
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def open(self, url: str):
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def close(self):
        self.context.close()


def _pages(site: Path) -> list[str]:
    skip = {"genindex.html"}
    return sorted(
        str(path.relative_to(site))
        for path in site.rglob("*.html")
        if path.name not in skip and "_static" not in path.parts and "reports" not in path.parts
    )


@pytest.fixture(scope="session")
def pages(built_site):
    return _pages(built_site)


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


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_figures_are_visible_with_alt_text(browser, server, chapter):
    visit = PageVisit(browser, server, width=375)
    page = visit.open(f"{server}/chapters/{chapter.stem}.html")
    figures = page.eval_on_selector_all(
        "img[src^='data:image/svg+xml']",
        """imgs => imgs.map(img => ({alt: img.alt, w: img.naturalWidth,
                                    shown: img.getBoundingClientRect().width,
                                    complete: img.complete}))""",
    )
    visit.close()
    assert figures, "no figures on the page"
    for figure in figures:
        assert figure["complete"] and figure["w"] > 100, figure
        assert 0 < figure["shown"] <= 375, f"figure does not fit a phone: {figure}"
        assert len(figure["alt"]) > 20, figure


#: A first visit to a page (HTML, scripts, styles, fonts, images) may transfer at most this
#: many bytes, compressed as a web server would (gzip); a slow campus network pays for each.
FIRST_VISIT_BYTES = 1_000_000


def test_first_visit_to_each_page_is_under_a_megabyte(browser, server, pages):
    heavy = {}
    for name in pages:
        visit = PageVisit(browser, server)
        visit.open(f"{server}/{name}")
        sizes = [len(gzip.compress(response.body(), 6)) for response in visit.responses]
        visit.close()
        if sum(sizes) > FIRST_VISIT_BYTES:
            heavy[name] = sum(sizes)
    assert not heavy, f"pages over {FIRST_VISIT_BYTES:,} bytes gzip: {heavy}"


def test_no_inert_controls(browser, server, pages):
    """Sliders, menus or widget areas that nothing drives must not appear on any page."""
    selector = (
        "input[type=range], .cell_output select, .cell_output input, .widget-slider, "
        ".jupyter-widgets, script[type='application/vnd.jupyter.widget-view+json']"
    )
    offenders = {}
    for name in pages:
        visit = PageVisit(browser, server)
        page = visit.open(f"{server}/{name}")
        count = len(page.query_selector_all(selector))
        if count:
            offenders[name] = count
        visit.close()
    assert not offenders


@pytest.mark.parametrize("width", [375])
def test_no_horizontal_scrolling_on_a_phone(browser, server, pages, width):
    wide = {}
    for name in pages:
        visit = PageVisit(browser, server, width=width)
        page = visit.open(f"{server}/{name}")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width + 1:
            wide[name] = scroll
        visit.close()
    assert not wide, f"pages wider than {width}px: {wide}"


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
        if v["impact"] in {"serious", "critical"} and v["id"] not in ALLOWED
    ]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_accessibility_no_serious_violations(browser, server, pages, dark):
    found = {}
    for name in pages:
        visit = PageVisit(browser, server, dark=dark)
        page = visit.open(f"{server}/{name}")
        violations = _axe(page)
        if violations:
            found[name] = violations
        visit.close()
    assert not found, json.dumps(found, indent=1)


def test_axe_allowlist_entries_have_reasons():
    assert all(reason.strip() for reason in ALLOWED.values())


def test_search_finds_key_terms(browser, server):
    visit = PageVisit(browser, server)
    page = visit.open(f"{server}/search.html?q=reinstatement")
    page.wait_for_selector("#search-results li", timeout=15000)
    results = page.inner_text("#search-results")
    visit.close()
    assert "Creative destruction" in results
