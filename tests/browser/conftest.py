"""Fixtures of the browser tests: the built site served locally and Debian's Chromium.

Outside CI the browser tests skip, saying so, when Chromium is not installed; in CI they must
run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .site import CHROMIUM, FLAGS, serve


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            raise RuntimeError("the browser tests need Chromium in CI: apt-get install chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium to run browser tests)")
    return CHROMIUM


@pytest.fixture(scope="session")
def server(built_site):
    with serve(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=FLAGS)
        yield browser
        browser.close()


def site_pages(site: Path) -> list[str]:
    """Every page of the built site a reader can open (relative paths)."""
    skip = {"genindex.html"}
    return sorted(
        str(path.relative_to(site))
        for path in site.rglob("*.html")
        if path.name not in skip and "_static" not in path.parts and "reports" not in path.parts
    )


@pytest.fixture(scope="session")
def pages(built_site) -> list[str]:
    return site_pages(built_site)


@pytest.fixture(scope="session")
def chapter_pages(built_site) -> list[str]:
    return [page for page in site_pages(built_site) if page.startswith("chapters/")]
