"""Every interactive figure of the book, checked the same way.

Imports every module in aicap.figures so that all registered widgets are covered, including
those of chapters added later.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import aicap.figures
from aicap.interactive import REGISTRY, Control, InteractiveFigure
from aicap.style import labels_fit

for module in pkgutil.iter_modules(aicap.figures.__path__):
    importlib.import_module(f"aicap.figures.{module.name}")

NAMES = sorted(REGISTRY)


def test_widgets_are_registered():
    assert len(NAMES) >= 2


def _settings(controls: list[Control]) -> list[dict]:
    """All controls at their minimum, all at their maximum, then each alone at each end."""

    def ends(control: Control) -> list:
        if control.options:
            return [value for _, value in control.options]
        return [control.low, control.high]

    settings = [
        {c.name: ends(c)[0] for c in controls},
        {c.name: ends(c)[-1] for c in controls},
    ]
    for control in controls:
        for value in ends(control):
            settings.append({**{c.name: c.default for c in controls}, control.name: value})
    return settings


@pytest.fixture(params=NAMES)
def explorer(request) -> InteractiveFigure:
    return REGISTRY[request.param]()


def test_static_version_has_image_alt_and_no_controls(explorer, monkeypatch):
    monkeypatch.setenv("AICAP_STATIC", "1")
    page = explorer.static_html()
    assert re.search(r'<img src="data:image/svg\+xml;charset=utf-8,%3C[^"]{1000,}"', page)
    alt = re.search(r'alt="([^"]+)"', page).group(1)
    assert len(alt) > 60
    for control in explorer.controls:
        assert control.label in page, f"static note does not mention {control.label}"
    assert "<input" not in page and "<select" not in page


def test_every_end_of_every_control_draws_a_figure(explorer):
    explorer.widget()
    for values in _settings(explorer.controls):
        explorer.set(**values)
        assert explorer.last_error is None, f"{values}: {explorer.last_error}"
        figure = explorer.last_figure
        drawn = sum(len(ax.lines) + len(ax.patches) + len(ax.collections) for ax in figure.axes)
        assert drawn > 0, f"blank figure at {values}"
        assert labels_fit(figure), f"labels cut off or overlapping at {values}"


def test_live_redraws_reuse_the_first_layout(explorer):
    explorer.render()  # the first drawing is laid out in full
    laid_out = explorer.last_figure.get_layout_engine()
    explorer.render()
    assert laid_out is not None and explorer.last_figure.get_layout_engine() is None


def test_live_widget_has_one_control_per_parameter(explorer):
    import ipywidgets

    box = explorer.widget()
    kinds = (ipywidgets.IntSlider, ipywidgets.FloatSlider, ipywidgets.Dropdown)
    sliders = [w for w in box.children if isinstance(w, kinds)]
    assert len(sliders) == len(explorer.controls)


def test_unknown_control_is_refused(explorer):
    with pytest.raises(ValueError, match="unknown controls"):
        explorer.set(no_such_control=1)


def test_errors_are_shown_not_raised():
    def broken(value):
        raise ValueError(f"value must be in [0, 1]; got {value}")

    figure = InteractiveFigure(
        "broken", broken, [Control("value", "Value", 0.5)], alt=lambda value: "x"
    )
    figure.widget()
    assert "value must be in [0, 1]" in figure.last_error


def test_control_defaults_are_checked():
    with pytest.raises(ValueError, match="default 5 outside"):
        Control("x", "X", 5, 0, 1, 0.1)
