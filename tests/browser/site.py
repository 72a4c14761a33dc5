"""The built site served as a web host serves it, and a reader's browser visiting it.

Shared by the browser tests and ``scripts/bench.py``: a local HTTP server that compresses text
with gzip when the browser asks (as GitHub Pages and most hosts do), Debian's Chromium driven
by Playwright, and :class:`PageVisit`, which records what a reader's browser would complain
about (console errors, failed requests, requests to any other host).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlparse

CHROMIUM = os.environ.get("CHROMIUM_PATH") or next(
    filter(None, map(shutil.which, ["chromium", "chromium-browser", "google-chrome"])), None
)
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
#: Types a web host compresses (everything textual; images are SVG text too).
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it; quiet."""

    def log_message(self, *args):
        pass

    def send_head(self):  # noqa: C901 - mirrors the standard library's own method
        path = self.translate_path(self.path)
        kind = self.guess_type(path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and os.path.isfile(path) and kind.startswith(COMPRESSED)):
            return super().send_head()
        with open(path, "rb") as handle:
            body = gzip.compress(handle.read(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serve(site) -> Iterator[str]:
    """Serve the folder ``site`` on 127.0.0.1 (a free port); yields its base URL."""
    handler = functools.partial(_Handler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


_SETTLED = """() => Promise.all(document.getAnimations()
  .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
  .map((a) => a.finished.catch(() => null)))"""


class PageVisit:
    """Open one page and record what a reader's browser would complain about.

    ``width`` is the viewport in CSS pixels; below 600 the visit is a phone (touch, mobile
    viewport). ``dark`` sets the site's colour mode; ``javascript=False`` visits with scripts
    off. Every request to another host is recorded and refused.
    """

    def __init__(self, browser, base: str, width: int = 1280, dark: bool = False, **options):
        phone = width < 600
        self.javascript = options.pop("javascript", True)
        self.context = browser.new_context(
            viewport={"width": width, "height": 800 if phone else 900},
            has_touch=phone,
            is_mobile=phone,
            device_scale_factor=2 if phone else 1,
            color_scheme="dark" if dark else "light",
            java_script_enabled=self.javascript,
            **options,
        )
        if dark:
            self.context.add_init_script("localStorage.setItem('mode', 'dark');")
        self.page = self.context.new_page()
        self.base_host = urlparse(base).netloc
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self.responses: list = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("requestfailed", self._on_request_failed)
        self.page.on("response", self._on_response)
        self.page.route("**/*", self._route)

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_request_failed(self, request):
        # An image the page itself stopped loading (an explorable figure's control moved before
        # its first drawing arrived: the new drawing replaces it) is not a failure; a missing
        # file still is (HTTP status, below), and so is any other failed request.
        if request.failure == "net::ERR_ABORTED" and request.resource_type == "image":
            return
        self.failed.append(f"{request.url} {request.failure}")

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
        if self.javascript:  # no script, nothing to fetch after "load"
            self.page.wait_for_load_state("networkidle")
            self.page.evaluate(_SETTLED)  # what a reader sees once colour transitions end
        return self.page

    def transferred(self) -> int:
        """Bytes that came over the network so far (compressed as sent)."""
        total = 0
        for response in self.responses:
            try:
                sizes = response.request.sizes()
            except Exception:  # noqa: BLE001 - a response that never finished
                continue
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return total

    def close(self):
        self.context.close()
