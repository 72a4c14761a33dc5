"""The policy chapter's figures and widgets show what the models say."""

import numpy as np
import pytest

from aicap.data import load
from aicap.figures import policy as figs
from aicap.models import policy as model


def _line(axes, label):
    (line,) = [ln for ln in axes.get_lines() if ln.get_label() == label]
    return np.asarray(line.get_xdata(), dtype=float), np.asarray(line.get_ydata(), dtype=float)


def test_calculator_redraws_what_the_model_computes():
    explorer = figs.policy_calculator()
    explorer.widget()
    explorer.set(
        country="Finland", monthly_amount_usd=600.0, coverage_pct=40.0, base_share_pct=30.0
    )
    assert explorer.last_error is None
    left, right = explorer.last_figure.axes
    finland = figs.preset("Finland")
    curve = model.scheme_cost(finland.population, finland.gdp, 600.0, figs.COVERAGE_GRID / 100)
    _, cost_line = _line(left, "cost of scheme")
    assert np.allclose(cost_line, 100 * curve["share_of_gdp"])
    chosen = model.scheme_cost(finland.population, finland.gdp, 600.0, 0.4)["share_of_gdp"]
    x, y = _line(left, "chosen")
    assert x[0] == 40.0 and y[0] == pytest.approx(100 * chosen)
    x, y = _line(right, "chosen base: 30% of GDP")
    assert y[0] == pytest.approx(100 * model.required_tax_rate(chosen, 0.3))


def test_calculator_converts_rupiah_at_the_implied_rate():
    numbers = figs.calculator_numbers("Indonesia", 40.0, 100.0, 22.0)
    indonesia = figs.preset("Indonesia")
    assert numbers["amount_local"] == pytest.approx(40.0 * indonesia.local_per_usd)
    # the same dollar amount is a far larger share of a poorer economy
    assert numbers["cost_pct"] > 5 * figs.calculator_numbers("Finland", 40.0, 100.0)["cost_pct"]


def test_calculator_responds_to_each_control():
    explorer = figs.policy_calculator()
    explorer.widget()

    def chosen_points():
        left, right = explorer.last_figure.axes
        base = [ln for ln in right.get_lines() if ln.get_label().startswith("chosen base")][0]
        return (_line(left, "chosen")[1][0], float(base.get_ydata()[0]))

    before = chosen_points()
    for name, value in [
        ("country", "United States"),
        ("monthly_amount_usd", 900.0),
        ("coverage_pct", 10.0),
        ("base_share_pct", 50.0),
    ]:
        explorer.set(**{name: value})
        after = chosen_points()
        assert after != before, f"changing {name} did not change the figure"
        before = after


def test_calculator_marks_the_assumed_bases():
    figure = figs.plot_calculator("United States", 500.0, 100.0, 20.0)
    labels = [ln.get_label() for ln in figure.axes[1].get_lines()]
    for base in figs.assumed_bases("United States")["base"]:
        assert any(label.startswith(base) for label in labels)


def _step_top(area, x: float) -> float:
    """The highest flat edge of a stepped area (fill_between with step) above ``x``."""
    vertices = area.get_paths()[0].vertices
    edges = zip(vertices[:-1], vertices[1:], strict=True)
    return max(y0 for (x0, y0), (x1, y1) in edges if y0 == y1 and min(x0, x1) <= x <= max(x0, x1))


def test_insurance_widget_redraws_what_the_model_computes():
    explorer = figs.insurance_explorer()
    explorer.widget()
    explorer.set(
        automation_rate=0.05, reinstatement_rate=0.02, retraining_lag=4, replacement_rate=0.8
    )
    assert explorer.last_error is None
    left, right = explorer.last_figure.axes
    share = figs.labour_share()
    path = model.transition_insurance_path(0.05, 0.02, 4, 0.8, share, 10, 30)
    # the stacked steps: the top of the upper area over each year is the year's total cost
    (upper,) = [c for c in left.collections if c.get_label() == "paid to people waiting for a job"]
    tops = [_step_top(upper, year) for year in path.index]
    assert np.allclose(tops, 100 * path["cost_share_of_gdp"])
    totals = model.insurance_total_by_lag(0.05, 0.02, figs.LAG_GRID, 0.8, share, 10, 30)
    assert np.allclose(_line(right, "total cost")[1], 100 * totals)


def test_insurance_uses_the_ilo_labour_share():
    assert figs.insurance_explorer().fixed["labour_share"] == pytest.approx(0.523)


def test_scheme_chart_has_one_bar_per_row():
    schemes = model.indonesia_scheme_costs(load("policy_country_facts"))
    figure = figs.plot_scheme_costs(schemes)
    widths = [p.get_width() for p in figure.axes[0].patches]
    assert np.allclose(sorted(widths), sorted(schemes["pct_of_gdp"]))


def test_alt_texts_are_built_from_the_numbers():
    numbers = figs.calculator_numbers("Indonesia", 40.0, 100.0, 22.0)
    assert f"{numbers['cost_pct']:.1f}% of GDP" in figs.calculator_alt(
        "Indonesia", 40.0, 100.0, 22.0
    )
    schemes = model.indonesia_scheme_costs(load("policy_country_facts"))
    text = figs.scheme_costs_alt(schemes)
    assert all(label in text for label in schemes["label"])
    path = model.transition_insurance_path(0.03, 0.03, 2, 0.6, 0.5)
    peak = 100 * path["cost_share_of_gdp"].max()
    assert f"{peak:.2f}% of GDP" in figs.insurance_alt(0.03, 0.03, 2, 0.6, 0.5)


def test_unknown_country_is_refused():
    with pytest.raises(ValueError, match="country must be one of"):
        figs.plot_calculator("Atlantis")
