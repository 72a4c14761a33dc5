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
    figures = [img for img in parser.images if img.get("src", "").startswith("data:image/svg+xml")]
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


def test_pages_carry_no_fontawesome_script_and_fonts_hold_every_icon(built_site):
    from fontTools.ttLib import TTFont

    from aicap import icons

    pages = sorted(built_site.rglob("*.html"))
    assert pages
    assert not (built_site / icons.SCRIPT).exists()
    texts = [page.read_text(encoding="utf-8") for page in pages]
    assert not [p.name for p, text in zip(pages, texts, strict=True) if "fontawesome.js" in text]
    known = icons.icon_codepoints((built_site / icons.THEME_CSS).read_text(encoding="utf-8"))
    named = {known[name] for name in icons.icons_used(texts) if name in known}
    assert len(named) >= 10  # menu, search, download, full screen, colour mode, rocket ...
    fonts = built_site / icons.WEBFONTS
    glyphs = set()
    for font in fonts.glob("*.woff2"):
        glyphs |= set(TTFont(font).getBestCmap())
        assert font.stat().st_size < 20_000, f"{font.name} was not cut down"
    assert named <= glyphs, f"icons without a glyph: {sorted(map(hex, named - glyphs))}"


def test_mathjax_only_on_pages_with_equations(built_site):
    with_maths = []
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        loads = "mathjax/tex-chtml.js" in html
        has_equations = 'class="math notranslate' in html
        assert loads == has_equations, f"{page.name}: MathJax {loads}, equations {has_equations}"
        with_maths.append(has_equations)
    assert any(with_maths) and not all(with_maths)
