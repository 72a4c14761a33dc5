"""Known cases of the rebound (Jevons) model of a profession."""

import numpy as np
import pytest

from aicap.data import load
from aicap.models import efficiency_paradox as ep

GAINS = np.array([0.1, 0.5, 1.0, 3.0, 239.0])


def test_no_gain_changes_nothing():
    out = ep.rebound_outcomes(0.0, 0.7, 2.0, labour_share=0.6)
    for name in ("price", "output", "hours", "revenue", "output_per_hour"):
        assert out[name] == pytest.approx(1.0)
    assert out["workers_income"] == pytest.approx(0.6)
    assert out["owners_income"] == pytest.approx(0.4)


def test_unit_elasticity_with_full_pass_through_leaves_hours_unchanged():
    out = ep.rebound_outcomes(GAINS, 1.0, 1.0)
    assert np.allclose(out["hours"], 1.0)
    assert np.allclose(out["output"], 1.0 + GAINS)  # output rises exactly with productivity
    assert np.allclose(out["revenue"], 1.0)


def test_zero_elasticity_cuts_hours_in_proportion_to_the_gain():
    for pass_through in (0.0, 0.4, 1.0):
        out = ep.rebound_outcomes(GAINS, pass_through, 0.0)
        assert np.allclose(out["output"], 1.0)
        assert np.allclose(out["hours"], 1.0 / (1.0 + GAINS))


def test_elastic_demand_raises_hours_and_inelastic_demand_lowers_them():
    gains = GAINS[:, None]
    rising = ep.rebound_outcomes(gains, 1.0, np.array([[1.2, 1.5, 2.0, 3.0]]))["hours"]
    assert rising.shape == (len(GAINS), 4)
    assert np.all(rising > 1.0)
    falling = ep.rebound_outcomes(gains, 1.0, np.array([[0.0, 0.5, 0.9]]))["hours"]
    assert np.all(falling < 1.0)


def test_full_pass_through_hours_follow_a_power_law():
    gain, elasticity = 0.5, 1.7
    hours = ep.rebound_outcomes(gain, 1.0, elasticity)["hours"]
    assert hours == pytest.approx((1 + gain) ** (elasticity - 1))


def test_hours_cross_one_at_the_break_even_elasticity():
    gains = np.array([0.05, 0.5, 2.0, 239.0])
    shares = np.array([0.3, 0.8, 1.0, 0.5])
    threshold = ep.break_even_elasticity(gains, shares)
    assert np.allclose(ep.rebound_outcomes(gains, shares, threshold)["hours"], 1.0)
    assert np.all(ep.rebound_outcomes(gains, shares, threshold * 1.01)["hours"] > 1.0)
    assert np.all(ep.rebound_outcomes(gains, shares, threshold * 0.99)["hours"] < 1.0)


def test_break_even_special_cases():
    assert np.allclose(ep.break_even_elasticity(GAINS, 1.0), 1.0)
    assert np.isinf(ep.break_even_elasticity(0.5, 0.0))
    assert ep.break_even_elasticity(0.0, 0.5) == pytest.approx(2.0)  # small-gain limit 1 / s
    assert ep.break_even_elasticity(1e-6, 0.5) == pytest.approx(2.0, rel=1e-5)


def test_incomes_add_up_to_revenue_and_workers_follow_hours():
    out = ep.rebound_outcomes(0.8, 0.6, 1.3, labour_share=0.7)
    assert out["workers_income"] + out["owners_income"] == pytest.approx(out["revenue"])
    assert out["workers_income_index"] == pytest.approx(out["hours"])
    assert out["owners_income_index"] == pytest.approx(out["owners_income"] / 0.3)


def test_no_pass_through_keeps_the_price_and_gives_the_saving_to_owners():
    gain, share = 1.0, 0.6
    out = ep.rebound_outcomes(gain, 0.0, 2.5, labour_share=share)
    assert out["price"] == pytest.approx(1.0)
    assert out["output"] == pytest.approx(1.0)
    saving = share * (1 - 1 / (1 + gain))
    assert out["owners_income"] == pytest.approx(1 - share + saving)


def test_rebound_effect_is_one_when_hours_are_unchanged():
    assert ep.rebound_effect(0.5, 1.0) == pytest.approx(1.0)
    assert ep.rebound_effect(0.5, 1 / 1.5) == pytest.approx(0.0)
    assert ep.rebound_effect(0.5, 1.2) > 1.0


def test_table_reports_before_after_and_change():
    table = ep.rebound_table(0.5, 1.0, 1.0, labour_share=0.6)
    assert table.loc["hours worked", "change_pct"] == pytest.approx(0.0, abs=1e-9)
    assert table.loc["output (tasks done)", "after"] == pytest.approx(1.5)
    assert table.loc["workers' income", "before"] == pytest.approx(0.6)


def test_vectorised_grid_matches_single_runs():
    gains, elasticities = np.array([0.2, 1.0]), np.array([0.0, 0.8, 2.0])
    grid = ep.rebound_outcomes(gains[:, None], 0.7, elasticities[None, :])["hours"]
    for i, gain in enumerate(gains):
        for j, elasticity in enumerate(elasticities):
            single = ep.rebound_outcomes(float(gain), 0.7, float(elasticity))["hours"]
            assert grid[i, j] == pytest.approx(float(single))


def test_implied_elasticity_inverts_the_model():
    elasticity = ep.implied_elasticity(2.0, 2.5, pass_through=0.9)
    output = ep.rebound_outcomes(2.0, 0.9, elasticity)["output"]
    assert output == pytest.approx(2.5)


def test_presets_match_their_derivation_from_the_seed_claims():
    presets, claims = load("rebound_presets"), load("musk_huang_claims_seed")
    value = claims.set_index("claim")["value"]
    week = presets.query("profession == 'designer' and parameter == 'working_week_hours'")
    hours_before = float(week["value"].iloc[0]) * value.filter(like="draw a poster").iloc[0]
    hours_after = value.filter(like="AI needs").iloc[0] / 60
    gain = ep.gain_from_task_times(hours_before, hours_after)
    versions = value.filter(like="Versions").iloc[0]
    designer = ep.preset_parameters(presets, "designer")
    assert designer["gain"] == pytest.approx(gain)
    elasticity = ep.implied_elasticity(gain, versions, designer["pass_through"])
    assert designer["elasticity"] == pytest.approx(elasticity, abs=1e-4)
    radiologist = ep.rebound_outcomes(**ep.preset_parameters(presets, "radiologist"))
    assert radiologist["hours"] > 1.0  # the preset is chosen to tell Huang's story


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"gain": -0.1}, r"gain must be in \[0, 1000\]"),
        ({"gain": 5000}, r"gain must be in \[0, 1000\]"),
        ({"gain": "fast"}, r"gain must be a number in \[0, 1000\]"),
        ({"pass_through": 1.5}, r"pass_through must be in \[0, 1\]"),
        ({"pass_through": np.array([0.5, -0.2])}, r"pass_through must be in \[0, 1\]; got -0.2"),
        ({"elasticity": -1}, r"elasticity must be in \[0, 10\]"),
        ({"elasticity": float("nan")}, r"elasticity must be a number in \[0, 10\]"),
        ({"labour_share": 0.0}, r"labour_share must be in \(0, 1\)"),
        ({"labour_share": 1.0}, r"labour_share must be in \(0, 1\)"),
        ({"labour_share": True}, r"labour_share must be a number"),
    ],
)
def test_invalid_parameters_raise_clear_errors(kwargs, message):
    params = {"gain": 0.5, "pass_through": 1.0, "elasticity": 1.0, "labour_share": 0.6}
    with pytest.raises(ValueError, match=message):
        ep.rebound_outcomes(**{**params, **kwargs})


def test_invalid_inputs_of_the_helpers():
    with pytest.raises(ValueError, match=r"pass_through must be in \[0, 1\]"):
        ep.break_even_elasticity(0.5, 2.0)
    with pytest.raises(ValueError, match=r"gain must be in \(0, 1000\]"):
        ep.rebound_effect(0.0, 1.0)
    with pytest.raises(ValueError, match=r"pass_through must be in \(0, 1\]"):
        ep.implied_elasticity(1.0, 2.0, pass_through=0.0)
    with pytest.raises(ValueError, match=r"output_ratio must be in \[1, 1e\+06\]"):
        ep.implied_elasticity(1.0, 0.5)
    with pytest.raises(ValueError, match=r"hours_after must be in \(0, 40\]"):
        ep.gain_from_task_times(40, 50)
    with pytest.raises(ValueError, match=r"profession must be one of designer, radiologist"):
        ep.preset_parameters(load("rebound_presets"), "plumber")
