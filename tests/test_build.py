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
        self.sources: list[dict] = []
        self.controls: list[str] = []
        self._hidden_form = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes)
        if tag == "source":
            self.sources.append(attributes)
        if tag == "form":
            self._hidden_form = "hidden" in attributes
        if tag in {"input", "select"} and "search" not in str(attributes).lower():
            self.controls.append("hidden" if self._hidden_form else tag)

    def handle_endtag(self, tag):
        if tag == "form":
            self._hidden_form = False


def _page(site, chapter):
    page = site / "chapters" / f"{chapter.stem}.html"
    assert page.exists(), f"{page} was not built"
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    return page, parser


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_page_shows_figures_in_both_layouts_with_alt_text(built_site, chapter):
    """Each figure is an SVG file of the site in a <picture>: the wide layout for the <img>,
    the narrow one for phones; the page itself embeds no image data."""
    page, parser = _page(built_site, chapter)
    html = page.read_text(encoding="utf-8")
    assert "data:image/svg+xml" not in html, "figures belong in files, not in the page"
    figures = [img for img in parser.images if "/_images/aicap/" in "/" + img.get("src", "")]
    source = chapter.read_text(encoding="utf-8")
    expected = len(re.findall(r"^(?:show_figure\(|\S+\.show\(\))", source, flags=re.M))
    assert len(figures) >= expected >= 1, f"{page.name}: {len(figures)} of {expected} figures"
    narrow = [s for s in parser.sources if "/_images/aicap/" in "/" + s.get("srcset", "")]
    assert len(narrow) == len(figures), f"{page.name}: a figure has no phone layout"
    for attributes in figures + narrow:
        image = (page.parent / (attributes.get("src") or attributes["srcset"])).resolve()
        assert image.is_file() and image.read_bytes().startswith(b"<svg"), image
    for img in parser.images:
        assert img.get("alt", "").strip(), f"{page.name}: image without alt text"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_built_page_has_no_dead_controls_or_widget_scripts(built_site, chapter):
    """Controls exist only inside the hidden forms of explorable figures (the page's script
    reveals them); no widget scripts."""
    page, parser = _page(built_site, chapter)
    html = page.read_text(encoding="utf-8")
    assert set(parser.controls) <= {"hidden"}, f"{page.name} has form controls: {parser.controls}"
    assert "application/vnd.jupyter.widget" not in html
    assert "embed-amd" not in html and "require.min.js" not in html


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_explorable_figure_has_its_states_on_the_site(built_site, chapter):
    import gzip
    import json

    from aicap.explorable import figure_named

    page, _ = _page(built_site, chapter)
    references = re.findall(r'data-aicap-figure="([\w.]+:\w+)"', page.read_text(encoding="utf-8"))
    for reference in references:
        figure = figure_named(reference)
        for layout in ("narrow", "wide"):
            folder = built_site / "_static" / "aicap" / "states" / figure.name / layout
            files = sorted(folder.glob("*.json.gz"))
            assert len(files) == figure.page_state_count(), f"{reference} {layout}"
            state = json.loads(gzip.decompress(files[-1].read_bytes()))
            assert state["svg"].startswith("<svg") and len(state["alt"]) > 40


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


def test_maths_is_mathml_drawn_at_build_time(built_site):
    """No page loads MathJax or shows raw TeX: every equation is MathML in the HTML itself."""
    pages_with_maths = 0
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]*mathjax|window\.MathJax", html, re.I), page.name
        body = html.split('<article class="bd-article"', 1)[-1]
        assert not re.search(r"\\(frac|alpha|varepsilon|sum|cdot)\b|\$\$", body), page.name
        pages_with_maths += "<math" in body
    assert pages_with_maths >= 3
