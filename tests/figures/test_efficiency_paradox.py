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
    explorer.set(gain=2.0, pass_through=0.6, elasticity=2.2, labour_share=0.8)
    assert explorer.last_error is None
    left, right = explorer.last_figure.axes
    x, y = _line(left, "after the gain")
    expected = 100 * model.rebound_outcomes(2.0, 0.6, figs.ELASTICITY_GRID, 0.8)["hours"]
    assert np.allclose(x, figs.ELASTICITY_GRID)
    assert np.allclose(y, expected)
    point = model.rebound_outcomes(2.0, 0.6, 2.2, 0.8)
    _, marker = _line(left, "your setting")
    assert marker[0] == pytest.approx(100 * float(point["hours"]))
    heights = [patch.get_height() for patch in right.patches]
    assert heights == pytest.approx([100 * float(point[name]) for name in figs.REBOUND_BARS])


def test_rebound_widget_marks_the_break_even_elasticity():
    explorer = figs.rebound_explorer()
    explorer.widget()
    explorer.set(gain=0.5, pass_through=0.8)
    left = explorer.last_figure.axes[0]
    threshold = float(model.break_even_elasticity(0.5, 0.8, 0.6))
    assert threshold == pytest.approx(np.log(1.5) / -np.log(1 - 0.8 * 0.6 / 3))  # by hand
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
    for name, value in [
        ("gain", 1.5),
        ("pass_through", 0.3),
        ("elasticity", 0.4),
        ("labour_share", 0.8),
    ]:
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


def test_income_widget_marks_the_owners_best_pass_through():
    explorer = figs.income_split_explorer()
    explorer.widget()
    explorer.set(gain=0.5, elasticity=1.8, labour_share=0.6)
    left = explorer.last_figure.axes[0]
    (line,) = [ln for ln in left.get_lines() if ln.get_label().startswith("owners' best")]
    assert line.get_xdata()[0] == pytest.approx(0.5)  # hand-solved in the chapter's maths box
    assert "50%" in line.get_label()
    assert "highest at 50% pass-through" in figs.income_split_alt(0.5, 0.5, 1.8, 0.6)


def test_alt_texts_carry_the_numbers():
    point = model.rebound_outcomes(0.5, 1.0, 1.5, 0.6)
    assert f"total hours {100 * float(point['hours']):.0f}" in figs.rebound_alt(0.5, 1.0, 1.5)
    assert "exceeds 1.82" in figs.rebound_alt(0.5, 1.0, 2.0, 0.6)  # ln 1.5 / ln 1.25
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
    figure = figs.plot_break_even({"gain 0.5": 0.5}, labour_share=0.6)
    x, y = _line(figure.axes[0], "gain 0.5")  # x in percent
    assert np.allclose(y, model.break_even_elasticity(0.5, x / 100, 0.6))
    x, rule = _line(figure.axes[0], "rule of thumb 1 ÷ (s × a)")
    assert np.allclose(rule, 1 / (0.6 * x / 100))
    assert "1.82 at 100%" in figs.break_even_alt({"gain 0.5": 0.5}, labour_share=0.6)


def test_tech_unemployment_chart_shows_both_measures_from_the_tables():
    comptia, other = load("tech_unemployment_comptia"), load("it_unemployment_janco_bls")
    rates = figs.tech_unemployment_rates(comptia, other)
    assert list(rates.index) == list(figs.TECH_MONTHS)
    assert rates.loc["2025-01", "tech occupations (CompTIA)"] == pytest.approx(2.9)
    assert rates.loc["2025-01", "IT professionals (Janco)"] == pytest.approx(5.7)
    # like with like: all workers not seasonally adjusted, as Janco's rate is not
    assert rates.loc["2025-01", "all workers, not seasonally adjusted (BLS)"] == pytest.approx(4.4)
    figure = figs.plot_tech_unemployment(comptia, other)
    heights = sorted(p.get_height() for p in figure.axes[0].patches)
    assert heights == pytest.approx(sorted(rates.to_numpy().ravel()))
    text = figs.tech_unemployment_alt(comptia, other)
    assert "IT professionals (Janco) 5.7%" in text and "tech occupations (CompTIA) 2.9%" in text


def test_the_page_offers_few_states_and_every_setting_the_text_names():
    rebound, income = figs.rebound_explorer(), figs.income_split_explorer()
    assert rebound.page_state_count() <= 150 and income.page_state_count() <= 150
    positions = {c.name: c.page_values() for c in rebound.controls}
    assert 0.95 in positions["labour_share"] and 3.0 in positions["gain"]
    assert 0.0 in positions["pass_through"] and 0.5 in positions["pass_through"]
    assert 1.8 in {c.name: c.page_values() for c in income.controls}["elasticity"]


def test_summaries_say_the_result_to_notice():
    assert figs.rebound_summary(0.5, 1.0, 2.0, 0.6).startswith("Total hours rise to 104")
    assert "no elasticity is enough" in figs.rebound_summary(0.5, 0.0, 2.0, 0.6)
    text = figs.income_split_summary(0.5, 0.5, 1.8, 0.6)
    assert "owners would choose 50% pass-through" in text


def test_alt_text_changes_with_every_control():
    base = dict(gain=0.5, pass_through=0.5, elasticity=1.8, labour_share=0.6)
    for alt in (figs.rebound_alt, figs.income_split_alt):
        first = alt(**base)
        for name, value in (
            ("gain", 1.0),
            ("pass_through", 1.0),
            ("elasticity", 2.5),
            ("labour_share", 0.8),
        ):
            assert alt(**{**base, name: value}) != first, f"{alt.__name__}: {name}"


def test_phone_layout_puts_legends_under_the_panels():
    from aicap.style import drawing

    with drawing("narrow"):
        figure = figs.plot_rebound()
    legend = figure.axes[0].get_legend()
    assert legend is not None and legend.get_bbox_to_anchor() is not None
    with drawing("narrow"):
        surveys = figs.plot_surveys(load("survey_ai_layoffs"), load("musk_huang_claims_seed"))
    labels = [label.get_text() for label in surveys.axes[0].get_yticklabels()]
    assert all(len(label) <= 20 for label in labels), labels
