"""Explorable figures move on the built page, as a reader on a phone moves them.

Every control of every figure is moved to both ends of its range and to a middle position; each
move must bring a new drawing and new alt text, announce what changed, and fetch nothing from
another host. Settings the text names (links of class ``aicap-setting``) set their figure. With
JavaScript off, the default figure and its alt text remain and no control is shown.
"""

from __future__ import annotations

import json

import pytest

from .site import PageVisit

#: Time a move may take to show its drawing on a local server (not a speed target: a bound
#: that tells a broken move from a slow one; make bench measures the speed).
MOVE_TIMEOUT_MS = 10_000


def _image(figure) -> dict:
    return figure.eval_on_selector(
        "figure.aicap-figure img",
        "img => ({src: img.currentSrc || img.src, alt: img.alt, width: img.naturalWidth})",
    )


def _wait_for_new_drawing(page, figure, before: dict) -> dict:
    page.wait_for_function(
        "([element, src]) => { const img = element.querySelector('figure.aicap-figure img');"
        " return img.src.startsWith('blob:') && img.src !== src && img.complete"
        " && img.naturalWidth > 0 && !element.classList.contains('is-loading'); }",
        arg=[figure, before["src"]],
        timeout=MOVE_TIMEOUT_MS,
    )
    return _image(figure)


def _move(page, control, index: int) -> None:
    """Move a control to position ``index`` with the keyboard, as a reader would."""
    if control.evaluate("e => e.tagName") == "SELECT":
        control.select_option(index=index)
        return
    control.focus()
    current = int(control.input_value())
    key = "ArrowRight" if index > current else "ArrowLeft"
    for _ in range(abs(index - current)):
        page.keyboard.press(key)


def _figures_on(page) -> list:
    return page.query_selector_all(".aicap-explorable[data-aicap-figure]")


@pytest.mark.parametrize("width", [375])
def test_every_control_of_every_figure_moves_the_figure(browser, server, chapter_pages, width):
    problems, moves = [], 0
    for name in chapter_pages:
        visit = PageVisit(browser, server, width=width)
        page = visit.open(f"{server}/{name}")
        for figure in _figures_on(page):
            title = figure.get_attribute("data-aicap-figure")
            assert figure.eval_on_selector("form.aicap-controls", "f => !f.hidden"), title
            for control in figure.query_selector_all("input[type=range], select"):
                label = figure.eval_on_selector(
                    f"label[for='{control.get_attribute('id')}']", "l => l.textContent"
                )
                count = len(json.loads(control.get_attribute("data-values")))
                for target in sorted({0, count // 2, count - 1}):
                    if int(control.input_value()) == target:
                        continue
                    before = _image(figure)
                    _move(page, control, target)
                    try:
                        after = _wait_for_new_drawing(page, figure, before)
                    except Exception:  # noqa: BLE001 - recorded, the test fails below
                        problems.append(f"{name} {title}: {label} to position {target}: no drawing")
                        continue
                    moves += 1
                    if after["alt"] == before["alt"]:
                        problems.append(f"{name} {title}: {label} {target}: alt text unchanged")
                    announced = figure.eval_on_selector(".aicap-now", "e => e.textContent")
                    if label not in announced:
                        problems.append(f"{name} {title}: {label}: not announced ({announced!r})")
        problems += [f"{name}: {e}" for e in visit.console_errors + visit.failed]
        problems += [f"{name}: request to another host {url}" for url in visit.foreign]
        visit.close()
    assert moves > 100, f"only {moves} moves were made"
    assert not problems, "\n".join(problems)


def test_a_tap_on_a_slider_moves_the_figure(browser, server):
    """A finger on the slider's track (touch, phone width), not a keyboard."""
    visit = PageVisit(browser, server, width=375)
    page = visit.open(f"{server}/chapters/creative_destruction.html")
    figure = _figures_on(page)[0]
    slider = figure.query_selector("input[type=range]")
    slider.scroll_into_view_if_needed()
    box = slider.bounding_box()
    before = _image(figure)
    page.touchscreen.tap(box["x"] + box["width"] - 4, box["y"] + box["height"] / 2)
    after = _wait_for_new_drawing(page, figure, before)
    assert int(slider.input_value()) == int(slider.get_attribute("max"))
    assert after["alt"] != before["alt"]
    visit.close()


def test_settings_named_in_the_text_set_their_figure(browser, server, chapter_pages):
    problems, clicked = [], 0
    for name in chapter_pages:
        visit = PageVisit(browser, server, width=1280)
        page = visit.open(f"{server}/{name}")
        for link in page.query_selector_all("a.aicap-setting"):
            figure = page.query_selector(f"#explore-{link.get_attribute('data-aicap-figure')}")
            values = json.loads(link.get_attribute("data-aicap-set"))
            before = _image(figure)
            link.click()
            expected_key = []
            for control in figure.query_selector_all("input[type=range], select"):
                positions = json.loads(control.get_attribute("data-values"))
                index = int(control.input_value())
                if control.get_attribute("data-name") in values:
                    wanted = values[control.get_attribute("data-name")]
                    if positions[index] != wanted and not (
                        isinstance(wanted, int | float) and abs(positions[index] - wanted) < 1e-9
                    ):
                        problems.append(f"{name}: {link.inner_text()}: {wanted} not set")
                elif index != int(control.get_attribute("data-default")):
                    # a link shows one setting: the chapter's for every control it does not name
                    problems.append(
                        f"{name}: {link.inner_text()}: {control.get_attribute('data-name')} "
                        "kept an earlier position instead of the chapter's"
                    )
                expected_key.append(str(index))
            key = "-".join(expected_key)
            if before["src"].endswith(f"/{key}.json.gz"):
                continue
            try:
                _wait_for_new_drawing(page, figure, before)
                clicked += 1
            except Exception:  # noqa: BLE001
                problems.append(f"{name}: {link.inner_text()!r} did not redraw its figure")
        visit.close()
    assert not problems, "\n".join(problems)


def test_with_javascript_off_the_default_figure_and_its_alt_text_remain(
    browser, server, chapter_pages
):
    for name in chapter_pages:
        visit = PageVisit(browser, server, width=375, javascript=False)
        page = visit.open(f"{server}/{name}")
        for figure in _figures_on(page):
            assert figure.eval_on_selector("form.aicap-controls", "f => f.hidden")
            image = figure.eval_on_selector(
                "figure.aicap-figure img",
                "img => ({alt: img.alt, shown: img.complete && img.naturalWidth > 0,"
                " src: img.currentSrc})",
            )
            assert image["shown"] and len(image["alt"]) > 40, (name, image)
            assert "/_images/aicap/" in image["src"]
            assert figure.query_selector("details.aicap-about")
        visit.close()
