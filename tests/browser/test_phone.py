"""The book on a phone (375 px, touch) and a laptop (1280 px), as a student reads it.

Figure text is measured as it renders: the SVG's own font sizes times the scale at which the
browser draws the image. The phone menu and contents buttons are tapped and must open their
drawers; no table cell breaks inside a word; every text has 4.5:1 contrast against what is
behind it, computed from the colours the browser resolves, in light and dark mode; with
JavaScript off no raw TeX shows; code is folded behind "Show the code".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .site import PageVisit

JS = Path(__file__).parent / "js"

#: The smallest figure text, in CSS pixels: 11 px on a 375-pixel phone; 12 px (9 points) on a
#: laptop.
SMALLEST_TEXT_PX = {375: 11.0, 1280: 12.0}

_FIGURE_TEXT = (JS / "figure_text.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [375, 1280])
def test_figure_text_is_legible(browser, server, chapter_pages, width):
    small = []
    for name in chapter_pages:
        visit = PageVisit(browser, server, width=width)
        page = visit.open(f"{server}/{name}")
        for figure in page.evaluate(_FIGURE_TEXT):
            assert figure["viewBox"] and figure["texts"] > 0, figure
            rendered = figure["smallest"] * figure["shown"] / figure["viewBox"]
            if rendered < SMALLEST_TEXT_PX[width] - 0.05:
                small.append(f"{name}: {figure['alt']!r}: {rendered:.1f} px")
            if width == 375:  # the phone gets the narrow layout, drawn to fill its width
                assert figure["viewBox"] <= 260, f"{name}: wide layout on a phone: {figure}"
        visit.close()
    assert not small, "figure text too small:\n" + "\n".join(small)


def _dialog_open(page, ident: str) -> bool:
    return page.evaluate(f"() => document.getElementById('{ident}')?.open === true")


def test_the_phone_menu_opens_the_chapter_list_by_tap_and_by_keyboard(browser, server):
    visit = PageVisit(browser, server, width=375)
    page = visit.open(f"{server}/chapters/gig_precarity.html")
    button = page.locator(".bd-header-article .primary-toggle")
    assert button.is_visible()
    button.tap()
    page.wait_for_function("() => document.getElementById('pst-primary-sidebar-modal').open")
    links = page.locator("#pst-primary-sidebar-modal a.reference").all_inner_texts()
    chapters = ["Creative destruction", "efficiency paradox", "Compute", "Gig", "TOE"]
    for chapter in chapters:
        assert any(chapter.lower() in link.lower() for link in links), (chapter, links)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('pst-primary-sidebar-modal').open")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('pst-primary-sidebar-modal').open")
    assert not visit.console_errors
    visit.close()


def test_the_contents_button_opens_the_pages_sections(browser, server):
    visit = PageVisit(browser, server, width=375)
    page = visit.open(f"{server}/chapters/gig_precarity.html")
    button = page.locator(".bd-header-article .secondary-toggle")
    assert button.is_visible()
    button.tap()
    page.wait_for_function("() => document.getElementById('pst-secondary-sidebar-modal').open")
    sections = page.locator("#pst-secondary-sidebar-modal nav a").all_inner_texts()
    headings = page.locator("article h2").all_inner_texts()
    assert len(sections) >= 5 and any(h.strip("#¶ ") in " ".join(sections) for h in headings)
    visit.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_a_way_home_is_always_in_the_header(browser, server, width):
    visit = PageVisit(browser, server, width=width)
    page = visit.open(f"{server}/chapters/policy.html")
    home = page.locator(".bd-header-article a.aicap-home")
    assert home.is_visible()
    home.click()
    page.wait_for_load_state()
    assert page.url.endswith("/index.html") or page.url.endswith("/")
    visit.close()


_BROKEN_WORDS = (JS / "broken_words.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [375, 1280])
def test_no_table_cell_breaks_inside_a_word(browser, server, pages, width):
    broken = {}
    for name in pages:
        visit = PageVisit(browser, server, width=width)
        page = visit.open(f"{server}/{name}")
        words = page.evaluate(_BROKEN_WORDS)
        if words:
            broken[name] = words[:10]
        visit.close()
    assert not broken, broken


_CONTRAST = (JS / "contrast.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_text_has_enough_contrast(browser, server, pages, dark):
    found = {}
    for name in pages:
        visit = PageVisit(browser, server, width=1280, dark=dark)
        page = visit.open(f"{server}/{name}")
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        low = page.evaluate(_CONTRAST)
        if low:
            found[name] = low[:8]
        visit.close()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_with_javascript_off_the_maths_is_drawn_not_raw_tex(browser, server, chapter_pages):
    with_maths = 0
    for name in chapter_pages:
        visit = PageVisit(browser, server, width=375, javascript=False)
        page = visit.open(f"{server}/{name}")
        text = page.inner_text("article")
        assert not re.search(r"\\(frac|varepsilon|alpha|cdot|left|right|sum)\b|\$\$", text), name
        with_maths += page.locator("article math").count() > 0
        visit.close()
    assert with_maths >= 3


def test_code_is_folded_behind_show_the_code(browser, server, chapter_pages):
    for name in chapter_pages:
        visit = PageVisit(browser, server, width=375)
        page = visit.open(f"{server}/{name}")
        visible_code = page.evaluate(
            "() => Array.from(document.querySelectorAll('div.cell_input'))"
            ".filter(e => e.checkVisibility({contentVisibilityAuto: true,"
            " visibilityProperty: true})).length"
        )
        toggles = page.locator("details.hide.above-input > summary").all_inner_texts()
        assert visible_code == 0, f"{name}: {visible_code} code cells in the reader's way"
        assert toggles and all("Show the code" in toggle for toggle in toggles), name
        visit.close()
