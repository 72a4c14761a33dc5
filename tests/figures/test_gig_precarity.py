"""The gig-precarity figures and widgets show what the models say."""

import numpy as np
import pytest

from aicap.data import load
from aicap.figures import gig_precarity as figs
from aicap.models import gig_precarity as model


def _mean_line(figure):
    right = figure.axes[1]
    (line,) = [ln for ln in right.get_lines() if ln.get_label().startswith("mean")]
    return float(np.asarray(line.get_xdata(), dtype=float)[0])


def _expected_mean(**changes):
    setup = {**figs.default_driver_setup(), **changes}
    sim = model.simulate_driver_months(**setup, n_months=figs.N_MONTHS, seed=figs.SEED)
    return sim.net_monthly.mean() / 1e6


def test_earnings_widget_redraws_what_the_model_computes():
    explorer = figs.driver_earnings_explorer()
    explorer.widget()
    explorer.set(commission=0.1, hours_per_day=12, surge_cap=1.5, fuel_price=12000)
    assert explorer.last_error is None
    expected = _expected_mean(commission=0.1, hours_per_day=12, surge_cap=1.5, fuel_price=12000)
    assert _mean_line(explorer.last_figure) == pytest.approx(expected)
    # both histograms show shares that add up to 100%
    for axes in explorer.last_figure.axes:
        (stairs,) = axes.patches
        assert stairs.get_data().values.sum() == pytest.approx(100)


@pytest.mark.parametrize(
    ("builder", "changes"),
    [
        (
            figs.driver_earnings_explorer,
            [("commission", 0.1), ("surge_cap", 1.6), ("hours_per_day", 6), ("fuel_price", 15000)],
        ),
        (
            figs.driver_assumptions_explorer,
            [
                ("trips_per_hour", 1.8),
                ("km_per_litre", 30),
                ("trip_km", 8.0),
                ("demand_noise", 0.5),
            ],
        ),
    ],
)
def test_driver_widgets_respond_to_each_control(builder, changes):
    explorer = builder()
    explorer.widget()
    before = _mean_line(explorer.last_figure)
    for name, value in changes:
        explorer.set(**{name: value})
        after = _mean_line(explorer.last_figure)
        assert after != pytest.approx(before), f"changing {name} did not change the figure"
        before = after


def test_lower_commission_raises_the_mean_by_the_fares_it_returns():
    high, low = _expected_mean(commission=0.2), _expected_mean(commission=0.1)
    setup = figs.default_driver_setup()
    sim = model.simulate_driver_months(**setup, n_months=figs.N_MONTHS, seed=figs.SEED)
    assert low - high == pytest.approx(0.1 * sim.fares_monthly.mean() / 1e6)


def test_driver_alt_text_reports_the_minimum_wage_comparison():
    setup, wages = figs.default_driver_setup(), figs.wage_lines()
    text = figs.driver_month_alt(wages, **setup)
    sim = model.simulate_driver_months(**setup, n_months=figs.N_MONTHS, seed=figs.SEED)
    below = model.share_below(sim.net_monthly, list(wages.values()))
    for name, share in zip(wages, below, strict=True):
        assert f"{name}" in text and f"{100 * share:.0f}% of months below" in text
    assert f"mean Rp{sim.net_monthly.mean() / 1e6:.2f} million" in text


def test_wage_lines_are_the_legal_floors_umk_where_set():
    umk = load("minimum_wages_umk_2025").set_index("region")["monthly_rp"]
    ump = load("minimum_wages_2025").set_index("province")["monthly_rp"]
    lines = figs.wage_lines()
    assert lines == {
        "UMP DKI Jakarta": ump["DKI Jakarta"],
        "UMK Kabupaten Bogor": umk["Kabupaten Bogor"],
        "UMK Kota Bekasi": umk["Kota Bekasi"],
    }
    # West Java's UMP is not a floor anywhere in Greater Jakarta
    assert ump["Jawa Barat"] not in lines.values()


def test_the_earnings_widget_draws_the_legal_floors():
    explorer = figs.driver_earnings_explorer()
    explorer.widget()
    right = explorer.last_figure.axes[1]
    drawn = sorted(
        float(np.asarray(line.get_xdata(), dtype=float)[0])
        for line in right.get_lines()
        if not line.get_label().startswith("mean")
    )
    assert drawn == pytest.approx(sorted(v / 1e6 for v in figs.wage_lines().values()))


def test_rating_widget_draws_the_exact_distribution():
    explorer = figs.rating_window_explorer()
    explorer.widget()
    explorer.set(cutoff=4.7, noise=0.6, window=100, quality=4.9)
    assert explorer.last_error is None
    right = explorer.last_figure.axes[1]
    line = right.get_lines()[0]
    averages, distribution = model.average_rating_distribution(4.9, 0.6, 100)
    assert np.allclose(line.get_xdata(), averages)
    assert np.allclose(line.get_ydata(), 100 * distribution)
    risk = float(model.deactivation_probability(4.7, 0.6, 100, 4.9))
    labels = [text.get_text() for text in right.get_legend().get_texts()]
    assert f"deactivated: {figs._percent(risk)}" in labels
    bars = [patch.get_height() for patch in explorer.last_figure.axes[0].patches]
    assert np.allclose(bars, 100 * model.star_probabilities(4.9, 0.6))


def test_deactivation_map_follows_window_and_quality():
    explorer = figs.deactivation_map_explorer()
    explorer.widget()
    explorer.set(window=200, quality=4.8)
    mesh = explorer.last_figure.axes[0].collections[0]
    expected = 100 * figs.deactivation_grid(200, 4.8)
    assert np.allclose(np.asarray(mesh.get_array()).reshape(expected.shape), expected)


def test_rating_alt_text_reports_the_risk():
    risk = float(model.deactivation_probability(4.6, 0.8, 50, 5.0))
    assert f"{100 * risk:.1f}%" in figs.rating_window_alt(4.6, 0.8, 50, 5.0)


def test_commission_chart_has_the_rules_of_the_table():
    rules = load("ojol_commission_rules")
    figure = figs.plot_commission_rules(rules)
    widths = [patch.get_width() for patch in figure.axes[0].patches]
    n = len(rules)
    assert np.allclose(widths[:n], rules["commission_cap_pct"])
    assert np.allclose(widths[n:], rules["support_fee_pct"])
    for total in rules["total_pct"]:
        assert f"{total:g}% in total" in figs.commission_rules_alt(rules)


def test_enrolment_shares_divide_by_each_estimate():
    estimates = load("ojol_driver_estimates")
    shares = figs.enrolment_shares(estimates, 350_000)
    assert shares["drivers_million"].tolist() == [2.0, 2.5, 4.0, 7.0]
    assert np.allclose(shares["enrolled_pct"], 100 * 350_000 / (shares["drivers_million"] * 1e6))
    figure = figs.plot_driver_estimates(estimates, 350_000)
    widths = [patch.get_width() for patch in figure.axes[1].patches]
    assert np.allclose(widths, shares["enrolled_pct"])


def test_rolling_checks_figure_matches_the_simulation():
    figure = figs.plot_rolling_checks(4.6, [0.5, 0.8], 50, 5.0, [25, 100], 120, n_drivers=500)
    left, right = figure.axes
    for line, noise in zip(left.get_lines(), [0.5, 0.8], strict=True):
        expected = model.simulate_rating_checks(4.6, noise, 50, 5.0, 120, 500, seed=figs.SEED)
        assert np.allclose(line.get_ydata(), 100 * expected)
    for line, window in zip(right.get_lines(), [25, 100], strict=True):
        expected = model.simulate_rating_checks(4.6, 0.8, window, 5.0, 120, 500, seed=figs.SEED)
        assert np.allclose(line.get_ydata(), 100 * expected)
    text = figs.rolling_checks_alt(4.6, [0.5, 0.8], 50, 5.0, [25, 100], 120, n_drivers=500)
    assert "500 simulated careful drivers" in text


def test_rating_defaults_hold_a_moderate_and_a_harsh_case():
    rating = figs.rating_defaults()
    moderate = model.star_probabilities(rating["quality"], rating["noise"])[-1]
    harsh = model.star_probabilities(rating["quality"], rating["noise_harsh"])[-1]
    # calibration (an assumption): ratings crowd at the top; the harsh case is the extreme
    assert moderate > 0.8 > harsh
    mean, _ = model.rating_moments(rating["quality"], rating["noise"])
    assert float(mean) > rating["cutoff"] + 0.2


def test_cap_incidence_widget_draws_the_model():
    explorer = figs.cap_incidence_explorer()
    explorer.widget()
    explorer.set(
        commission_after=0.1, passenger_fee_share=0.0, bonus_cut_share=0.0, entry_share=0.0
    )
    assert explorer.last_error is None
    bars = [patch.get_width() for patch in explorer.last_figure.axes[0].patches]
    inputs = figs.incidence_inputs()
    out = model.commission_cap_incidence(
        **inputs,
        commission_after=0.1,
        entry_share=0.0,
        demand_elasticity=figs.incidence_defaults()["demand_elasticity"],
    )
    assert bars[0] == pytest.approx(out["hourly_before"] / 1000)
    assert bars[3] == pytest.approx(out["hourly_cap_only"] / 1000)  # nobody responds
    explorer.set(entry_share=1.0)
    bars = [patch.get_width() for patch in explorer.last_figure.axes[0].patches]
    assert bars[3] == pytest.approx(bars[0])  # full entry undoes the gain per hour


def test_the_largest_count_is_a_platforms_statement_not_a_press_estimate():
    estimates = load("ojol_driver_estimates")
    largest = estimates.loc[estimates["high_million"].idxmax()]
    assert largest["kind"] == "platform statement" and "Maxim" in largest["estimated_by"]
    figure = figs.plot_driver_estimates(estimates, 350_000)
    ticks = [tick.get_text() for tick in figure.axes[0].get_xticklabels()]
    assert ticks == [f"{row.year}\n{row.label}" for row in estimates.itertuples()]


@pytest.mark.parametrize(
    "builder",
    [
        figs.driver_earnings_explorer,
        figs.driver_assumptions_explorer,
        figs.rating_window_explorer,
        figs.deactivation_map_explorer,
        figs.cap_incidence_explorer,
    ],
)
def test_each_widget_announces_a_summary_that_follows_its_controls(builder):
    explorer = builder()
    first = explorer.summary(**explorer.parameters())
    control = explorer.controls[0]
    other = (
        control.page_values()[0]
        if control.default != control.page_values()[0]
        else (control.page_values()[-1])
    )
    moved = explorer.summary(**explorer.parameters(**{control.name: other}))
    assert first and moved and first != moved and len(first) < 200


def test_small_risks_are_not_rounded_to_nothing():
    assert figs._percent(0.0) == "0%"
    assert figs._percent(0.0004) == "below 0.1%"
    assert figs._percent(0.054) == "5.4%"
