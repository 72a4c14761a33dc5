"""The policy chapter's figures and widgets show what the models say."""

import numpy as np
import pytest

from aicap.data import load
from aicap.figures import policy as figs
from aicap.models import policy as model
from aicap.style import drawing


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
    x, y = _line(right, "chosen base: 30%")
    assert y[0] == pytest.approx(100 * model.required_tax_rate(chosen, 0.3))


def test_calculator_converts_rupiah_at_the_implied_rate():
    numbers = figs.calculator_numbers("Indonesia", 39.0, 100.0, 22.0)
    indonesia = figs.preset("Indonesia")
    assert numbers["amount_local"] == pytest.approx(39.0 * indonesia.local_per_usd)
    # the same dollar amount is a far larger share of a poorer economy
    assert numbers["cost_pct"] > 5 * figs.calculator_numbers("Finland", 39.0, 100.0)["cost_pct"]


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
        assert any(label.startswith(figs.BASE_SHORT[base]) for label in labels)


def _step_top(area, x: float) -> float:
    """The highest flat edge of a stepped area (fill_between with step) above ``x``."""
    vertices = area.get_paths()[0].vertices
    edges = zip(vertices[:-1], vertices[1:], strict=True)
    return max(y0 for (x0, y0), (x1, y1) in edges if y0 == y1 and min(x0, x1) <= x <= max(x0, x1))


def test_insurance_widget_redraws_what_the_model_computes():
    explorer = figs.insurance_explorer()
    explorer.widget()
    explorer.set(
        automation_rate=0.04, reinstatement_rate=0.02, retraining_lag=4, replacement_rate=0.8
    )
    assert explorer.last_error is None
    left, right = explorer.last_figure.axes
    share = figs.labour_share()
    path = model.transition_insurance_path(0.04, 0.02, 4, 0.8, share, 10, 30)
    # the stacked steps: the top of the upper area over each year is the year's total cost
    (upper,) = [c for c in left.collections if c.get_label() == "paid to people waiting for a job"]
    tops = [_step_top(upper, year) for year in path.index]
    assert np.allclose(tops, 100 * path["cost_share_of_gdp"])
    totals = model.insurance_total_by_lag(0.04, 0.02, figs.LAG_GRID, 0.8, share, 10, 30)
    assert np.allclose(_line(right, "total cost")[1], 100 * totals)


def test_insurance_uses_the_ilo_labour_share():
    assert figs.insurance_explorer().fixed["labour_share"] == pytest.approx(0.523)


def test_scheme_chart_has_one_bar_per_row_ending_at_its_value():
    schemes = figs.indonesia_schemes()
    for layout in ("wide", "narrow"):
        with drawing(layout):
            figure = figs.plot_scheme_costs(schemes)
        (axes,) = figure.axes
        ends = [p.get_x() + p.get_width() for p in axes.patches]
        assert np.allclose(sorted(ends), sorted(schemes["pct_of_gdp"]))
        # a log axis, so that programmes a thousand times smaller than a basic income show
        assert axes.get_xscale() == "log"
        assert all(p.get_x() == figs.SCHEME_FLOOR for p in axes.patches)


def test_driver_figures_come_from_the_gig_chapters_tables():
    # one source of truth: the counts and the contribution are not copied into a policy table
    facts = load("policy_country_facts")
    assert not facts["indicator"].str.contains("driver|bpjs").any()
    assert figs.online_drivers() == 1e6 * load("ojol_driver_estimates")["high_million"].max()
    insurance = load("ojol_social_insurance").set_index("item")["value"]
    assert figs.driver_contribution() == insurance["minimum total contribution (JKK + JKM)"]
    schemes = figs.indonesia_schemes().set_index("key")
    gdp = facts.query("country == 'Indonesia' and indicator == 'gdp'")["value"].iloc[0]
    expected = 100 * figs.online_drivers() * figs.driver_contribution() * 12 / gdp
    assert schemes.loc["drivers", "pct_of_gdp"] == pytest.approx(expected)


def test_jkp_chart_draws_what_the_model_computes():
    figure = figs.plot_jkp_replacement((3e6, 10e6))
    (axes,) = figure.axes
    table = figs.programmes()
    rates = model.jkp_monthly_rates(table, "PP 6/2025")
    _, line = _line(axes, "PP 6/2025, wage Rp10 million")
    expected = 100 * model.jkp_replacement(10e6, figs.JKP_MONTHS.astype(float), rates, 5e6)
    assert np.allclose(line, expected)
    text = figs.jkp_alt((3e6, 10e6))
    assert "30% after 6" in text
    # correction: the PP 37/2021 lines fall from month 4, not only after month 6
    assert "falls from month 4" in text


def test_calculator_offers_the_blt_kesra_scale():
    # the 2025 BLT Kesra is about US$4.6 per person a month to half the people; the page offers
    # US$5 and 50% coverage, the nearest positions
    controls = {c.name: c for c in figs.policy_calculator().controls}
    assert controls["monthly_amount_usd"].low <= 5
    assert 5 in controls["monthly_amount_usd"].page_values()
    assert 50 in controls["coverage_pct"].page_values()


def test_alt_texts_are_built_from_the_numbers():
    numbers = figs.calculator_numbers("Indonesia", 39.0, 100.0, 22.0)
    assert f"{numbers['cost_pct']:.1f}% of GDP" in figs.calculator_alt(
        "Indonesia", 39.0, 100.0, 22.0
    )
    schemes = figs.indonesia_schemes()
    text = figs.scheme_costs_alt(schemes)
    assert all(label in text for label in schemes["label"])
    path = model.transition_insurance_path(0.03, 0.03, 2, 0.6, 0.5)
    peak = 100 * path["cost_share_of_gdp"].max()
    assert f"{peak:.2f}% of GDP" in figs.insurance_alt(0.03, 0.03, 2, 0.6, 0.5)


def test_unknown_country_is_refused():
    with pytest.raises(ValueError, match="country must be one of"):
        figs.plot_calculator("Atlantis")


def test_calculator_opens_at_the_poverty_line_and_offers_the_texts_settings():
    explorer = figs.policy_calculator()
    controls = {control.name: control for control in explorer.controls}
    # correction: the calculator opened at US$40 while the text computed the poverty line
    assert explorer.defaults()["monthly_amount_usd"] == round(figs.poverty_line_usd())
    assert {5, 39, 250, 500, 1500} <= set(controls["monthly_amount_usd"].page_values())
    assert {3, 50, 100} == set(controls["coverage_pct"].page_values())


def test_page_states_stay_few():
    for builder in (figs.policy_calculator, figs.insurance_explorer):
        states = 1
        for control in builder().controls:
            states *= len(control.page_values())
        assert states <= 150, (builder.__name__, states)


def test_insurance_controls_read_in_percent():
    controls = {c.name: c for c in figs.insurance_explorer().controls}
    for name in ("automation_rate", "reinstatement_rate", "replacement_rate"):
        assert controls[name].unit == "%" and controls[name].scale == 100
    assert 0.15 in controls["replacement_rate"].page_values()


def test_summaries_name_the_result():
    assert "costs 9.2% of GDP" in figs.calculator_summary("Indonesia", 39.0, 100.0, 22.0)
    text = figs.insurance_summary(0.03, 0.01, 2, 0.6, 0.523)
    assert "still" in text and "year 30" in text
    assert "about zero" in figs.insurance_summary(0.03, 0.03, 2, 0.6, 0.523)
