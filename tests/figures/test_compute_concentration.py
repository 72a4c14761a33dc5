"""The chapter's figures and widgets show what the models say, legibly in both layouts."""

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from aicap.data import load
from aicap.figures import compute_concentration as figs
from aicap.models import compute_concentration as model
from aicap.style import drawing, figure_svg, text_problems


def _line(axes, label):
    (line,) = [ln for ln in axes.get_lines() if ln.get_label() == label]
    return np.asarray(line.get_ydata(), dtype=float)


def _hhi_line(figure):
    """The HHI curve of the market figure: the panel's only line that is not horizontal."""
    lines = [ln for ln in figure.axes[1].get_lines() if len(ln.get_xdata()) > 2]
    (line,) = lines
    return np.asarray(line.get_ydata(), dtype=float)


def test_market_widget_redraws_what_the_model_computes():
    explorer = figs.market_tipping_explorer()
    explorer.widget()
    explorer.set(feedback=1.6, public_compute=0.1, entry_subsidy=0.4)
    assert explorer.last_error is None
    expected = model.market_path(4, 1.6, 0.1, 0.4, periods=80, entry_period=20)
    left = explorer.last_figure.axes[0]
    for name in ["firm 1", "firm 3", "entrant"]:
        assert np.allclose(_line(left, name), 100 * expected[name].to_numpy())
    assert np.allclose(_hhi_line(explorer.last_figure), expected["hhi"].to_numpy())


def test_market_widget_responds_to_each_control():
    explorer = figs.market_tipping_explorer()
    explorer.widget()
    before = _hhi_line(explorer.last_figure)
    for name, value in [("feedback", 1.0), ("public_compute", 0.3), ("entry_subsidy", 0.8)]:
        explorer.set(**{name: value})
        after = _hhi_line(explorer.last_figure)
        assert not np.allclose(before, after), f"changing {name} did not change the figure"
        before = after


def test_market_controls_show_shares_in_percent_and_the_page_has_few_states():
    explorer = figs.market_tipping_explorer()
    controls = {control.name: control for control in explorer.controls}
    assert controls["public_compute"].shown(0.3) == "30%"
    assert controls["entry_subsidy"].shown(0.45) == "45%"
    states = np.prod([len(control.page_values()) for control in explorer.controls])
    assert states <= 150


def test_market_widget_draws_the_guideline_threshold_from_the_data():
    explorer = figs.market_tipping_explorer()
    thresholds = load("hhi_thresholds")
    level = thresholds.query("guidelines == 2023 and category == 'highly concentrated'")
    assert explorer.fixed["highly_concentrated"] == float(level["hhi_above"].iloc[0])


def test_market_alt_text_and_summary_report_the_final_hhi():
    path = model.market_path(4, 2.0, 0.0, 0.0, periods=80, entry_period=20)
    final = f"{path['hhi'].iloc[-1]:,.0f}"
    assert final in figs.market_alt(2.0, 0.0, 0.0)
    assert final in figs.market_summary(2.0, 0.0, 0.0)


def test_market_summary_names_the_entrant_that_gets_nothing_with_weak_feedback():
    text = figs.market_summary(feedback=0.5)
    assert "the entrant has 0%" in text and "3,333" in text


def test_tipping_map_follows_the_number_of_firms_and_the_start():
    explorer = figs.tipping_map_explorer()
    explorer.widget()
    for start, leader in (("even", None), ("tipped", 0.97)):
        explorer.set(n_firms=6, periods=100, start=start)
        drawn = explorer.last_figure.axes[0].collections[0].get_array()
        expected = model.final_hhi_grid(
            figs.FEEDBACK_GRID, figs.PUBLIC_GRID, 6, 100, leader_stock=leader
        )
        assert np.allclose(np.asarray(drawn).reshape(expected.shape), expected)
    (line,) = [
        ln for ln in explorer.last_figure.axes[0].get_lines() if "threshold" in ln.get_label()
    ]
    assert np.allclose(line.get_xdata(), 1 + 6 * np.asarray(line.get_ydata()) / 100)


def test_tipped_start_draws_the_lock_in_limit_beyond_the_threshold():
    figure = figs.plot_tipping_map(4, 150, "tipped")
    (limit,) = [ln for ln in figure.axes[0].get_lines() if "stay tipped" in ln.get_label()]
    x, y = np.asarray(limit.get_xdata()), np.asarray(limit.get_ydata())
    two = int(np.argmin(np.abs(x - 2.0)))
    assert y[two] == pytest.approx(100 * model.lock_in_limit(4, 2.0))
    assert y[two] > 100 * (2.0 - 1.0) / 4  # above the threshold's 25%
    assert "stay tipped" in figs.tipping_map_alt(4, 150, "tipped")
    assert "stay tipped" not in figs.tipping_map_alt(4, 150, "even")


def test_tipping_map_summary_compares_simulation_and_formula():
    text = figs.tipping_map_summary(4, 300, "even")
    assert "25.0%" in text  # the formula's (2 - 1) / 4


def test_datacentre_widget_matches_the_arithmetic():
    explorer = figs.datacentre_explorer()
    explorer.widget()
    explorer.set(power_mw=1000.0, kw_per_accelerator=2.0, pue=1.5, utilisation=0.6)
    left, right = explorer.last_figure.axes
    chips = float(model.accelerators_supported(1000.0, 2.0, 1.5))
    marker = [ln for ln in left.get_lines() if ln.get_marker() == "o"][0]
    assert marker.get_ydata()[0] == pytest.approx(chips / 1000)
    runs = explorer.fixed["runs"]
    expected = model.training_days(
        runs["flop"].to_numpy(), chips, explorer.fixed["peak_flop_per_s"], 0.6
    )
    widths = [patch.get_width() for patch in right.patches]
    assert np.allclose(sorted(widths), sorted(expected))
    assert f"{chips / 1000:,.0f} thousand chips" in figs.datacentre_summary(
        1000.0, 2.0, 1.5, 0.6, runs=runs
    )


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
    drawn = _line(figure.axes[0], "TOP500: CPU-only, share of total performance (Rmax)")
    assert np.isnan(drawn).sum() == 2  # the 2021 and 2022 lists
    assert np.allclose(drawn[~np.isnan(drawn)], shares["cpu_only_rmax_pct"].to_numpy())
    text = figs.top500_alt(table, (90.0, 15.0))
    assert f"{shares['cpu_only_rmax_pct'].iloc[-1]:.0f}%" in text


def test_top500_figure_draws_nvidia_top100_figures_and_the_2025_bound():
    table = load("top500_accelerators")
    nvidia = load("nvidia_sc25_supercomputers").set_index(["item", "scope", "year"])["value"]
    top100 = (
        (2019, float(nvidia[("CPU-only systems", "TOP100", 2019)])),
        (2025, 100 - float(nvidia[("accelerated systems", "TOP100", 2025)])),
    )
    bound = (
        2025,
        model.cpu_only_at_most_pct(int(nvidia[("NVIDIA GPU-accelerated systems", "TOP500", 2025)])),
    )
    figure = figs.plot_top500(table, (90.0, 15.0), top100_cpu_pct=top100, cpu_only_at_most=bound)
    (axes,) = figure.axes
    green = _line(axes, "TOP100 systems, CPU-only (NVIDIA, SC25)")
    assert np.allclose(green, [70.0, 12.0])
    (marker,) = [ln for ln in axes.get_lines() if ln.get_label().startswith("TOP500 systems, 2025")]
    assert marker.get_ydata()[0] == pytest.approx(100 * (500 - 218) / 500)
    assert axes.get_xlim()[1] >= 2025
    text = figs.top500_alt(table, (90.0, 15.0), top100_cpu_pct=top100, cpu_only_at_most=bound)
    assert "TOP100 only: 70% in 2019 and 12% in 2025" in text
    assert f"{bound[1]:.0f}% of the systems" in text


def test_frontier_trend_is_the_fitted_growth():
    frontier = load("epoch_frontier_compute")
    fit = model.growth_per_year(frontier["year"], frontier["largest_training_compute_flop"])
    figure = figs.plot_frontier_compute(frontier)
    (trend,) = [ln for ln in figure.axes[0].get_lines() if ln.get_label().startswith("trend")]
    years = np.asarray(trend.get_xdata(), dtype=float)
    ratio = np.asarray(trend.get_ydata())[1] / np.asarray(trend.get_ydata())[0]
    assert ratio == pytest.approx(fit["factor_per_year"] ** (years[1] - years[0]))
    assert f"{fit['factor_per_year']:.1f}" in figs.frontier_compute_alt(frontier)


MARKETS = pd.DataFrame(
    {
        "market": ["a market", "b market", "a count"],
        "short": ["a", "b", "c"],
        "hhi_low": [1_658.0, 6_700.0, 800.0],
        "hhi_high": [2_022.0, 9_500.0, 800.0],
        "is_market": [True, True, False],
    }
)


def test_hhi_figure_draws_guideline_levels_across_markets_only():
    thresholds = load("hhi_thresholds")
    figure = figs.plot_hhi_ranges(MARKETS, thresholds)
    (axes,) = figure.axes
    lefts = sorted(patch.get_x() for patch in axes.patches if np.isfinite(patch.get_y()))
    assert lefts == pytest.approx([800.0, 1_658.0, 6_700.0])
    # the vertical guideline segments stop at the rule above the counts that are not markets
    for collection in axes.collections:
        for segment in collection.get_segments():
            assert min(segment[:, 1]) >= 0.5 - 1e-9
    text = figs.hhi_ranges_alt(MARKETS, thresholds)
    assert "between 1,658 and 2,022" in text and "a count: 800 (not a market)" in text


def test_lorenz_alt_reports_the_gini():
    org = load("epoch_large_models_by_organization")["models_at_least_1e24_flop"]
    text = figs.lorenz_alt({"organisations": org})
    assert f"Gini {model.gini(org):.2f}" in text


def _static_figures():
    table = load("top500_accelerators")
    frontier = load("epoch_frontier_compute")
    org = load("epoch_large_models_by_organization")["models_at_least_1e24_flop"]
    country = load("epoch_large_models_by_country")["models_at_least_1e24_flop"]
    return {
        "top500": lambda: figs.plot_top500(
            table,
            (90.0, 15.0),
            top100_cpu_pct=((2019, 70.0), (2025, 12.0)),
            cpu_only_at_most=(2025, 56.4),
        ),
        "frontier": lambda: figs.plot_frontier_compute(frontier),
        "hhi": lambda: figs.plot_hhi_ranges(MARKETS, load("hhi_thresholds")),
        "lorenz": lambda: figs.plot_lorenz({"organisations": org, "countries": country}),
    }


@pytest.mark.parametrize("name", ["top500", "frontier", "hhi", "lorenz"])
@pytest.mark.parametrize("layout", ["narrow", "wide"])
def test_static_figures_have_clear_text_in_both_layouts(name, layout):
    """Nothing sticks out or overlaps, measured on a fresh drawing at the figure's own
    resolution (after the SVG is written, as the page draws it)."""
    with drawing(layout):
        figure = _static_figures()[name]()
        figure_svg(figure)
    FigureCanvasAgg(figure)
    figure.canvas.draw()
    assert not text_problems(figure), text_problems(figure)
