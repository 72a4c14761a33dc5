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
from aicap.interactive import (
    MAX_PAGE_STATES,
    REGISTRY,
    Control,
    InteractiveFigure,
    parse_setting,
    setting_problems,
)
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


def test_page_version_has_both_layouts_alt_text_and_hidden_labelled_controls(explorer):
    page = explorer.static_html()
    assert re.search(
        r'<img class="dark-light" src="data:image/svg\+xml;charset=utf-8,%3C[^"]{1000,}"', page
    )
    assert re.search(r'<source media="[^"]+" srcset="data:image/svg\+xml;charset=utf-8,', page)
    alt = re.search(r'alt="([^"]+)"', page).group(1)
    assert len(alt) > 60
    form = re.search(r'<form class="aicap-controls" hidden[^>]*>(.*?)</form>', page, re.S)
    assert form, "controls must be hidden until the page's script can drive them"
    for control in explorer.controls:
        ident = f"aicap-{explorer.name}-{control.name}"
        assert f'<label for="{ident}">{control.label}</label>' in form.group(1)
        assert f'id="{ident}"' in form.group(1)
        assert control.label in page.split("</form>", 1)[1], f"note omits {control.label}"
    assert f'data-aicap-figure="{explorer.module}:{explorer.name}"' in page


def test_page_positions_cover_each_range_and_stay_within_the_budget(explorer):
    for control in explorer.controls:
        values = control.page_values()
        assert control.default in values, f"{control.name}: the default must be a position"
        if not control.options:
            assert values[0] == control.low and values[-1] == control.high, (
                f"{control.name}: the page must reach both ends of the range"
            )
            assert list(values) == sorted(values)
    assert explorer.page_state_count() <= MAX_PAGE_STATES, (
        f"{explorer.name}: {explorer.page_state_count():,} page states; choose fewer positions "
        "(fine steps for the controls the lesson turns on, a few for the rest)"
    )
    keys = [key for key, _ in explorer.page_states()]
    assert len(keys) == len(set(keys)) == explorer.page_state_count()


def test_controls_read_in_the_units_the_text_uses(explorer):
    """A share is shown as a percentage ("3%"), never as "0.03 share"."""
    for control in explorer.controls:
        words = control.unit.lower().split()
        assert not {"share", "fraction", "proportion"} & set(words), (
            f'{control.name}: unit {control.unit!r}; show shares in percent (unit="%", scale=100)'
        )


def test_every_end_of_every_control_draws_a_figure(explorer):
    explorer.widget()
    for values in _settings(explorer.controls):
        explorer.set(**values)
        assert explorer.last_error is None, f"{values}: {explorer.last_error}"
        figure = explorer.last_figure
        drawn = sum(len(ax.lines) + len(ax.patches) + len(ax.collections) for ax in figure.axes)
        assert drawn > 0, f"blank figure at {values}"
        assert labels_fit(figure), f"labels cut off or overlapping at {values}"


@pytest.mark.parametrize("layout", ["narrow", "wide"])
def test_every_text_is_clear_in_each_layout_at_every_end(explorer, layout):
    """Nothing sticks out, no tick labels collide, no title, label or legend overlaps another,
    at the defaults and with each control at each end of its range, in both layouts."""
    from aicap.style import text_problems

    problems = set()
    for values in _settings(explorer.controls):
        figure = explorer.draw(layout, **values)
        problems |= {f"{problem} (at {values})" for problem in text_problems(figure)}
    assert not problems, "\n".join(sorted(problems)[:12])


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


def test_each_live_redraw_replaces_the_figure_in_the_widgets_output():
    """The figure is the Output widget's only output, set as its state (so it reaches the page
    from any thread the kernel runs the slider's change in), and a move replaces it."""
    explorer = REGISTRY["race_explorer"]()
    box = explorer.widget()
    output = box.children[-1]
    first = output.outputs
    assert len(first) == 1 and "<figure" in first[0]["data"]["text/html"]
    control = explorer.controls[0]
    explorer.set(**{control.name: control.high})
    assert len(output.outputs) == 1
    assert output.outputs[0]["data"]["text/html"] != first[0]["data"]["text/html"]


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


def test_a_control_shows_values_in_the_readers_units_and_returns_the_models():
    share = Control("rate", "Jobs automated", 0.03, 0.0, 0.15, 0.005, unit="%", scale=100)
    assert [share.shown(v) for v in (0.0, 0.03, 0.035, 0.15)] == ["0%", "3%", "3.5%", "15%"]
    slider = share.widget()
    assert (slider.min, slider.max, slider.step, slider.value) == (0, 15, 0.5, 3)
    assert share.from_widget(4.5) == 0.045 and share.to_widget(0.045) == 4.5
    years = Control("lag", "Retraining time", 2, 0, 10, 1, unit="years")
    assert [years.shown(v) for v in (1, 2)] == ["1 year", "2 years"]
    assert years.from_widget(4) == 4 and isinstance(years.from_widget(4), int)
    money = Control("fuel", "Petrol price", 10000, 5000, 20000, 500, unit="Rp/litre")
    assert money.shown(12500) == "12,500 Rp/litre"
    assert slider.description == "Jobs automated (%)"
    assert Control("p", "Power (with servers)", 1, 0, 2, 1, unit="kW").widget().description == (
        "Power (with servers, kW)"
    )
    public = Control("g", "Public compute (% of stock)", 0.0, 0.0, 0.5, 0.1, unit="%", scale=100)
    assert public.widget().description == "Public compute (% of stock)", "unit named twice"


def test_page_positions_default_to_ends_quarters_and_default():
    short = Control("lag", "Lag", 2, 0, 4, 1)
    assert short.page_values() == (0, 1, 2, 3, 4)
    long = Control("x", "X", 0.3, 0.0, 1.0, 0.05)
    assert long.page_values() == (0.0, 0.25, 0.3, 0.5, 0.75, 1.0)
    chosen = Control("x", "X", 0.3, 0.0, 1.0, 0.05, page=(0.0, 1.0))
    assert chosen.page_values() == (0.0, 0.3, 1.0)  # the default is always a position
    with pytest.raises(ValueError, match="not a step of the slider"):
        Control("x", "X", 0.3, 0.0, 1.0, 0.05, page=(0.33,))
    with pytest.raises(ValueError, match="not options"):
        Control("c", "C", "a", options=(("A", "a"), ("B", "b")), page=("z",))


def test_live_widget_sets_and_reads_in_model_units():
    seen = []

    def plot(rate):
        seen.append(rate)
        from aicap.style import new_figure

        figure = new_figure(1)
        figure.axes[0].plot([0, 1], [0, rate])
        return figure

    figure = InteractiveFigure(
        "t",
        plot,
        [Control("rate", "Rate", 0.03, 0.0, 0.15, 0.005, unit="%", scale=100)],
        alt=lambda rate: f"A line rising to {rate}.",
    )
    figure.set(rate=0.05)
    assert figure.current_values() == {"rate": 0.05} and seen[-1] == 0.05
    assert figure._widgets["rate"].value == 5


def test_settings_in_the_text_are_parsed_and_checked_against_page_positions():
    assert parse_setting("slower retraining <race_explorer: retraining_lag=4, wave_years=10>") == (
        "slower retraining",
        "race_explorer",
        {"retraining_lag": 4, "wave_years": 10},
    )
    label, name, values = parse_setting("a 10% take <x: commission=10%, country=Indonesia>")
    assert values == {"commission": 0.1, "country": "Indonesia"}
    with pytest.raises(ValueError, match="is written 'label <figure"):
        parse_setting("no figure named here")
    assert setting_problems("no_such_figure", {"a": 1}) == [
        "no interactive figure is called 'no_such_figure'"
    ]
    name = NAMES[0]
    control = REGISTRY[name]().controls[0]
    assert setting_problems(name, {control.name: control.page_values()[-1]}) == []
    assert "has no control" in setting_problems(name, {"no_such_control": 1})[0]
    if not control.options:
        between = (control.page_values()[0] + control.page_values()[1]) / 2
        if not any(abs(between - v) < 1e-12 for v in control.page_values()):
            assert "not a page position" in setting_problems(name, {control.name: between})[0]
