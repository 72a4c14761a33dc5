"""The whole book builds strictly, and every built chapter page shows its figures."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from .conftest import CHAPTERS

pytestmark = pytest.mark.build


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[dict] = []
        self.controls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes)
        if tag in {"input", "select"} and "search" not in str(attributes).lower():
            self.controls.append(tag)


def _page(site, chapter):
    page = site / "chapters" / f"{chapter.stem}.html"
    assert page.exists(), f"{page} was not built"
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    return page, parser


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_page_shows_figures_with_alt_text(built_site, chapter):
    page, parser = _page(built_site, chapter)
    figures = [img for img in parser.images if img.get("src", "").startswith("data:image/png")]
    source = chapter.read_text(encoding="utf-8")
    expected = len(re.findall(r"^(?:show_figure\(|\S+\.show\(\))", source, flags=re.M))
    assert len(figures) >= expected >= 1, f"{page.name}: {len(figures)} of {expected} figures"
    for img in parser.images:
        assert img.get("alt", "").strip(), f"{page.name}: image without alt text"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_built_page_has_no_dead_controls_or_widget_scripts(built_site, chapter):
    page, parser = _page(built_site, chapter)
    html = page.read_text(encoding="utf-8")
    assert not parser.controls, f"{page.name} has form controls: {parser.controls}"
    assert "application/vnd.jupyter.widget" not in html
    assert "embed-amd" not in html and "require.min.js" not in html


def test_no_execution_errors_reported(built_site):
    reports = built_site / "reports"
    assert not reports.exists() or not any(reports.iterdir())
