"""The chapter's figures and widgets show what the rebound model says."""

import numpy as np
import pytest

from aicap.data import load
from aicap.figures import efficiency_paradox as figs
from aicap.models import efficiency_paradox as model


def _line(axes, label):
    (line,) = [ln for ln in axes.get_lines() if ln.get_label() == label]
    return np.asarray(line.get_xdata(), dtype=float), np.asarray(line.get_ydata(), dtype=float)


def test_rebound_widget_redraws_what_the_model_computes():
    explorer = figs.rebound_explorer()
    explorer.widget()
    explorer.set(gain=2.0, pass_through=0.6, elasticity=2.2)
    assert explorer.last_error is None
    left, right = explorer.last_figure.axes
    x, y = _line(left, "hours after the gain")
    expected = 100 * model.rebound_outcomes(2.0, 0.6, figs.ELASTICITY_GRID)["hours"]
    assert np.allclose(x, figs.ELASTICITY_GRID)
    assert np.allclose(y, expected)
    _, marker = _line(left, "your setting")
    assert marker[0] == pytest.approx(100 * float(model.rebound_outcomes(2.0, 0.6, 2.2)["hours"]))
    heights = [patch.get_height() for patch in right.patches]
    point = model.rebound_outcomes(2.0, 0.6, 2.2)
    assert heights == pytest.approx([100 * float(point[name]) for name in figs.REBOUND_BARS])


def test_rebound_widget_marks_the_break_even_elasticity():
    explorer = figs.rebound_explorer()
    explorer.widget()
    explorer.set(gain=0.5, pass_through=0.8)
    left = explorer.last_figure.axes[0]
    threshold = float(model.break_even_elasticity(0.5, 0.8))
    (vline,) = [ln for ln in left.get_lines() if ln.get_label().startswith("break-even")]
    assert vline.get_xdata()[0] == pytest.approx(threshold)
    assert f"{threshold:.2f}" in vline.get_label()
    explorer.set(pass_through=0.0)  # no price cut: no elasticity is enough, no line drawn
    left = explorer.last_figure.axes[0]
    assert not [ln for ln in left.get_lines() if ln.get_label().startswith("break-even")]


def test_rebound_widget_responds_to_each_control():
    explorer = figs.rebound_explorer()
    explorer.widget()
    before = explorer.last_figure.axes[1].patches[-1].get_height()
    for name, value in [("gain", 1.5), ("pass_through", 0.3), ("elasticity", 0.4)]:
        explorer.set(**{name: value})
        after = explorer.last_figure.axes[1].patches[-1].get_height()
        assert after != pytest.approx(before), f"changing {name} did not change the figure"
        before = after


def test_income_widget_redraws_what_the_model_computes():
    explorer = figs.income_split_explorer()
    explorer.widget()
    explorer.set(gain=1.0, pass_through=0.3, elasticity=1.4, labour_share=0.7)
    assert explorer.last_error is None
    left, right = explorer.last_figure.axes
    curve = model.rebound_outcomes(1.0, figs.PASS_THROUGH_GRID, 1.4, 0.7)
    _, workers = _line(left, "workers' income")
    _, owners = _line(left, "owners' income")
    assert np.allclose(workers, 100 * curve["workers_income_index"])
    assert np.allclose(owners, 100 * curve["owners_income_index"])
    point = model.rebound_outcomes(1.0, 0.3, 1.4, 0.7)
    heights = [patch.get_height() for patch in right.patches]
    expected = [70.0, 100 * float(point["workers_income"])]
    expected += [30.0, 100 * float(point["owners_income"])]
    assert heights == pytest.approx(expected)


def test_alt_texts_carry_the_numbers():
    point = model.rebound_outcomes(0.5, 1.0, 1.5)
    assert f"hours worked {100 * float(point['hours']):.0f}" in figs.rebound_alt(0.5, 1.0, 1.5)
    assert "no elasticity raises hours" in figs.rebound_alt(0.5, 0.0, 1.5)
    income = model.rebound_outcomes(0.5, 0.5, 0.8, 0.6)
    assert f"after ({100 * float(income['revenue']):.0f})" in figs.income_split_alt()
    surveys, claims = load("survey_ai_layoffs"), load("musk_huang_claims_seed")
    text = figs.surveys_alt(surveys, claims)
    for value in surveys["share_pct"]:
        assert f"{value:g}%" in text


def test_profession_figure_uses_the_presets():
    presets = load("rebound_presets")
    outcomes = figs.profession_outcomes(presets)
    assert list(outcomes.index) == ["radiologist", "designer"]
    params = model.preset_parameters(presets, "designer")
    expected = float(model.rebound_outcomes(**params)["hours"])
    assert outcomes.loc["designer", "hours"] == pytest.approx(expected)
    figure = figs.plot_professions(presets)
    tops = sorted(p.get_y() + p.get_height() for p in figure.axes[0].patches)
    assert tops == pytest.approx(sorted(outcomes.to_numpy().ravel()))
    assert "designer" in figs.professions_alt(presets)


def test_survey_chart_has_one_bar_per_row_and_claim():
    surveys, claims = load("survey_ai_layoffs"), load("musk_huang_claims_seed")
    figure = figs.plot_surveys(surveys, claims)
    widths = sorted(p.get_width() for p in figure.axes[0].patches)
    seed = claims.loc[claims["claim"].str.contains("laid off"), "value"].tolist()
    assert widths == pytest.approx(sorted(surveys["share_pct"].tolist() + seed))


def test_break_even_chart_follows_the_model():
    figure = figs.plot_break_even({"gain 0.5": 0.5})
    x, y = _line(figure.axes[0], "gain 0.5")
    assert np.allclose(y, model.break_even_elasticity(0.5, x))
