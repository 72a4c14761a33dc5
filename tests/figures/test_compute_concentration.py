"""The chapter's figures and widgets show what the models say."""

import numpy as np
import pandas as pd
import pytest

from aicap.data import load
from aicap.figures import compute_concentration as figs
from aicap.models import compute_concentration as model


def _line(axes, label):
    (line,) = [ln for ln in axes.get_lines() if ln.get_label() == label]
    return np.asarray(line.get_ydata(), dtype=float)


def test_market_widget_redraws_what_the_model_computes():
    explorer = figs.market_tipping_explorer()
    explorer.widget()
    explorer.set(feedback=1.6, n_firms=5, public_compute=0.1, entry_subsidy=0.4)
    assert explorer.last_error is None
    expected = model.market_path(5, 1.6, 0.1, 0.4, periods=80, entry_period=20)
    left, right = explorer.last_figure.axes
    for name in ["firm 1", "firm 4", "entrant"]:
        assert np.allclose(_line(left, name), 100 * expected[name].to_numpy())
    assert np.allclose(_line(right, "HHI of the market"), expected["hhi"].to_numpy())


def test_market_widget_responds_to_each_control():
    explorer = figs.market_tipping_explorer()
    explorer.widget()
    before = _line(explorer.last_figure.axes[1], "HHI of the market")
    for name, value in [
        ("feedback", 1.0),
        ("n_firms", 3),
        ("public_compute", 0.3),
        ("entry_subsidy", 0.8),
    ]:
        explorer.set(**{name: value})
        after = _line(explorer.last_figure.axes[1], "HHI of the market")
        assert not np.allclose(before, after), f"changing {name} did not change the figure"
        before = after


def test_market_widget_draws_the_guideline_threshold_from_the_data():
    explorer = figs.market_tipping_explorer()
    thresholds = load("hhi_thresholds")
    level = thresholds.query("guidelines == 2023 and category == 'highly concentrated'")
    assert explorer.fixed["highly_concentrated"] == float(level["hhi_above"].iloc[0])


def test_market_alt_text_reports_the_final_hhi():
    path = model.market_path(4, 2.0, 0.0, 0.0, periods=80, entry_period=20)
    assert f"{path['hhi'].iloc[-1]:,.0f}" in figs.market_alt(4, 2.0, 0.0, 0.0)


def test_tipping_map_follows_the_number_of_firms():
    explorer = figs.tipping_map_explorer()
    explorer.widget()
    explorer.set(n_firms=6, periods=100)
    drawn = explorer.last_figure.axes[0].collections[0].get_array()
    expected = model.final_hhi_grid(figs.FEEDBACK_GRID, figs.PUBLIC_GRID, 6, 100)
    assert np.allclose(np.asarray(drawn).reshape(expected.shape), expected)
    (line,) = [
        ln for ln in explorer.last_figure.axes[0].get_lines() if "threshold" in ln.get_label()
    ]
    assert np.allclose(line.get_xdata(), 1 + 6 * np.asarray(line.get_ydata()))


def test_datacentre_widget_matches_the_arithmetic():
    explorer = figs.datacentre_explorer()
    explorer.widget()
    explorer.set(power_mw=1000.0, kw_per_accelerator=2.0, pue=1.25, utilisation=0.5)
    left, right = explorer.last_figure.axes
    chips = float(model.accelerators_supported(1000.0, 2.0, 1.25))
    marker = [ln for ln in left.get_lines() if ln.get_marker() == "o"][0]
    assert marker.get_ydata()[0] == pytest.approx(chips / 1000)
    runs = explorer.fixed["runs"]
    expected = model.training_days(
        runs["flop"].to_numpy(), chips, explorer.fixed["peak_flop_per_s"], 0.5
    )
    widths = [patch.get_width() for patch in right.patches]
    assert np.allclose(sorted(widths), sorted(expected))


def test_datacentre_defaults_come_from_the_tables():
    explorer = figs.datacentre_explorer()
    defaults = explorer.defaults()
    claims = load("compute_claims_seed").set_index("claim")["value"]
    assumptions = load("compute_assumptions").set_index("name")["value"]
    assert defaults["power_mw"] == claims["planned AI data centre in the desert"]
    assert defaults["pue"] == assumptions["pue"]
    assert explorer.fixed["peak_flop_per_s"] == assumptions["peak_flop_per_s"]


def test_top500_lines_equal_the_table_with_a_gap():
    table = load("top500_accelerators")
    figure = figs.plot_top500(table, (90.0, 15.0))
    shares = model.top500_shares(table)
    drawn = _line(figure.axes[0], "CPU-only, share of total performance (Rmax)")
    assert np.isnan(drawn).sum() == 2  # the 2021 and 2022 lists
    assert np.allclose(drawn[~np.isnan(drawn)], shares["cpu_only_rmax_pct"].to_numpy())
    text = figs.top500_alt(table, (90.0, 15.0))
    assert f"{shares['cpu_only_rmax_pct'].iloc[-1]:.0f}%" in text


def test_frontier_trend_is_the_fitted_growth():
    frontier = load("epoch_frontier_compute")
    fit = model.growth_per_year(frontier["year"], frontier["largest_training_compute_flop"])
    figure = figs.plot_frontier_compute(frontier)
    (trend,) = [ln for ln in figure.axes[0].get_lines() if ln.get_label().startswith("trend")]
    years = np.asarray(trend.get_xdata(), dtype=float)
    ratio = np.asarray(trend.get_ydata())[1] / np.asarray(trend.get_ydata())[0]
    assert ratio == pytest.approx(fit["factor_per_year"] ** (years[1] - years[0]))
    assert f"{fit['factor_per_year']:.1f}" in figs.frontier_compute_alt(frontier)


def test_hhi_and_lorenz_figures_are_built_from_their_inputs():
    markets = pd.DataFrame(
        {"market": ["a", "b"], "hhi_low": [1_658.0, 5_000.0], "hhi_high": [2_022.0, 5_000.0]}
    )
    thresholds = load("hhi_thresholds")
    figure = figs.plot_hhi_ranges(markets, thresholds)
    lefts = sorted(patch.get_x() for patch in figure.axes[0].patches)
    assert lefts == pytest.approx([1_658.0, 5_000.0])
    text = figs.hhi_ranges_alt(markets, thresholds)
    assert "between 1,658 and 2,022" in text and "b: 5,000" in text
    org = load("epoch_large_models_by_organization")["models_at_least_1e24_flop"]
    text = figs.lorenz_alt({"organisations": org})
    assert f"Gini {model.gini(org):.2f}" in text
