"""The chapter's figures and widgets show what the model says."""

import numpy as np
import pytest

from aicap.data import load
from aicap.figures import creative_destruction as figs
from aicap.models import creative_destruction as model


def _unemployment_line(figure):
    left = figure.axes[0]
    (line,) = [ln for ln in left.get_lines() if ln.get_label() == "unemployed"]
    return np.asarray(line.get_ydata(), dtype=float)


def test_race_widget_redraws_what_the_model_computes():
    explorer = figs.race_explorer()
    explorer.widget()
    explorer.set(retraining_lag=6, automation_rate=0.05, reinstatement_rate=0.05)
    expected = 100 * model.automation_path(0.05, 0.05, 6, 10, 30)["unemployment"].to_numpy()
    assert explorer.last_error is None
    assert np.allclose(_unemployment_line(explorer.last_figure), expected)


def test_race_widget_responds_to_each_control():
    explorer = figs.race_explorer()
    explorer.widget()
    before = _unemployment_line(explorer.last_figure)
    for name, value in [
        ("retraining_lag", 5),
        ("automation_rate", 0.08),
        ("reinstatement_rate", 0.0),
        ("wave_years", 25),
    ]:
        explorer.set(**{name: value})
        after = _unemployment_line(explorer.last_figure)
        assert not np.allclose(before, after), f"changing {name} did not change the figure"
        before = after


def test_race_alt_text_reports_the_peak():
    path = model.automation_path(0.05, 0.05, 4, 10, 30)
    peak = 100 * path["unemployment"].max()
    assert f"{peak:.1f}%" in figs.race_alt(0.05, 0.05, 4, 10, 30)


def test_hump_map_follows_the_automation_rate():
    explorer = figs.hump_map_explorer()
    explorer.widget()
    low = explorer.last_figure.axes[0].collections[0].get_array().max()
    explorer.set(automation_rate=0.08)
    high = explorer.last_figure.axes[0].collections[0].get_array().max()
    expected = (
        100
        * model.peak_unemployment_grid(0.08, figs.REINSTATEMENT_GRID, figs.LAG_GRID, 10, 30).max()
    )
    assert high == pytest.approx(expected)
    assert high > low


def test_layoff_chart_has_one_bar_per_row():
    trackers, claims = load("tech_layoffs_by_tracker"), load("layoff_claims_seed")
    figure = figs.plot_layoff_trackers(trackers, claims)
    heights = sorted(round(p.get_height() * 1000) for p in figure.axes[0].patches)
    assert heights == sorted(trackers["layoffs"].round(-0).astype(int).tolist())


def test_alt_texts_are_built_from_the_data():
    trackers, claims = load("tech_layoffs_by_tracker"), load("layoff_claims_seed")
    text = figs.layoff_trackers_alt(trackers, claims)
    for value in trackers["layoffs"]:
        assert f"{value / 1000:.0f} thousand" in text
    estimates = load("ai_exposure_estimates")
    assert all(f"{v:g}%" in figs.exposure_alt(estimates) for v in estimates["share_pct"])
