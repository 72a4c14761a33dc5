"""Known cases of the rebound (Jevons) model of a profession."""

import math

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


def test_price_falls_by_the_passed_on_share_of_the_cost_saving():
    # Hand-solved: g = 0.5 and a = 0.6. A task took 1 hour at wage 0.6 and now takes 2/3 of an
    # hour, so its cost falls from 0.6 to 0.4: a saving of 0.2 of the old price.
    assert ep.cost_saving(0.5, 0.6) == pytest.approx(0.2)
    full = ep.rebound_outcomes(0.5, 1.0, 1.0, labour_share=0.6)
    assert full["price"] == pytest.approx(0.8)  # the whole saving reaches the customer
    assert full["margin"] == pytest.approx(0.4)  # the owners' margin per task is unchanged
    half = ep.rebound_outcomes(0.5, 0.5, 1.0, labour_share=0.6)
    assert half["price"] == pytest.approx(0.9)  # half the saving reaches the customer
    assert half["margin"] - 0.4 == pytest.approx(0.5 * 0.2)  # the firm keeps the other half
    none = ep.rebound_outcomes(0.5, 0.0, 1.0, labour_share=0.6)
    assert none["price"] == pytest.approx(1.0)
    assert none["margin"] - 0.4 == pytest.approx(0.2)  # the firm keeps the whole saving


def test_a_hand_solved_case():
    # g = 0.5, s = 1, e = 1, a = 0.6: P = 0.8, Q = 1 / 0.8 = 1.25, H = 1.25 / 1.5 = 5/6,
    # wages 0.6 * 5/6 = 0.5, profit 1.25 * 0.4 = 0.5, revenue 0.8 * 1.25 = 1.
    out = ep.rebound_outcomes(0.5, 1.0, 1.0, labour_share=0.6)
    assert out["output"] == pytest.approx(1.25)
    assert out["hours"] == pytest.approx(5 / 6)
    assert out["workers_income"] == pytest.approx(0.5)
    assert out["owners_income"] == pytest.approx(0.5)
    assert out["revenue"] == pytest.approx(1.0)
    assert out["owners_income_index"] == pytest.approx(1.25)
    # Elasticity 2: Q = 1 / 0.64 = 1.5625 and H = 1.5625 / 1.5 = 25/24, more hours than before.
    assert ep.rebound_outcomes(0.5, 1.0, 2.0, 0.6)["hours"] == pytest.approx(25 / 24)


def test_full_pass_through_keeps_the_owners_margin_so_their_income_follows_output():
    gains, shares = GAINS[:, None], np.array([[0.3, 0.6, 0.9]])
    out = ep.rebound_outcomes(gains, 1.0, 1.4, labour_share=shares)
    assert np.allclose(out["margin"], 1.0 - shares)
    assert np.allclose(out["owners_income_index"], out["output"])
    assert np.all(out["owners_income_index"] > 1.0)  # owners gain even at full pass-through


def test_zero_elasticity_cuts_hours_in_proportion_to_the_gain():
    for pass_through in (0.0, 0.4, 1.0):
        out = ep.rebound_outcomes(GAINS, pass_through, 0.0)
        assert np.allclose(out["output"], 1.0)
        assert np.allclose(out["hours"], 1.0 / (1.0 + GAINS))


def test_the_jevons_benchmark_needs_a_price_that_falls_with_the_time_per_task():
    # The benchmark (break-even exactly 1) is the limit s a -> 1: with the whole saving passed
    # on and a price that is almost all wages, the break-even is close to 1 for moderate gains.
    gains = GAINS[:4]
    near = ep.break_even_elasticity(gains, 1.0, 0.99)
    assert np.all(near > 1.0)
    assert np.allclose(near, 1.0, rtol=0.03)
    # With wages only 60% of the price, an elasticity of 1 is no longer enough.
    assert np.all(ep.rebound_outcomes(GAINS, 1.0, 1.0, 0.6)["hours"] < 1.0)


def test_margin_and_owners_income_stay_positive_when_the_price_is_almost_all_wages():
    out = ep.rebound_outcomes(1000.0, 1.0, 10.0, 0.99)
    assert out["margin"] == pytest.approx(0.01)
    assert out["owners_income"] == pytest.approx(out["output"] * 0.01)
    assert np.isfinite(out["owners_income_index"]) and out["owners_income_index"] > 0


def test_hours_cross_one_at_the_break_even_elasticity():
    gains = np.array([0.05, 0.5, 2.0, 239.0])
    shares = np.array([0.3, 0.8, 1.0, 1.0])
    wages = np.array([0.6, 0.9, 0.4, 0.9])
    threshold = ep.break_even_elasticity(gains, shares, wages)
    assert np.allclose(ep.rebound_outcomes(gains, shares, threshold, wages)["hours"], 1.0)
    assert np.all(ep.rebound_outcomes(gains, shares, threshold * 1.01, wages)["hours"] > 1.0)
    assert np.all(ep.rebound_outcomes(gains, shares, threshold * 0.99, wages)["hours"] < 1.0)


def test_break_even_against_hand_solved_values():
    # g = 1, s = 1, a = 0.5: the saving is 0.25, so P = 0.75 and e* = ln 2 / ln(4/3).
    assert ep.break_even_elasticity(1.0, 1.0, 0.5) == pytest.approx(math.log(2) / math.log(4 / 3))
    # g = 0.5, s = 1, a = 0.6: P = 0.8 and e* = ln 1.5 / ln 1.25.
    assert ep.break_even_elasticity(0.5, 1.0, 0.6) == pytest.approx(math.log(1.5) / math.log(1.25))
    with pytest.raises(ValueError, match="pass_through"):  # no price cut: no break-even
        ep.break_even_elasticity(0.5, 0.0, 0.6)
    # The small-gain limit is 1 / (s a); larger gains need more.
    assert ep.break_even_elasticity(0.0, 0.5, 0.6) == pytest.approx(1 / 0.3)
    assert ep.break_even_elasticity(1e-6, 0.5, 0.6) == pytest.approx(1 / 0.3, rel=1e-5)
    rising = ep.break_even_elasticity(GAINS, 0.8, 0.6)
    assert np.all(np.diff(rising) > 0)
    assert np.all(rising > 1 / (0.8 * 0.6))


def test_owners_best_pass_through_against_hand_solved_values():
    # g = 0.5, a = 0.6: the new cost is 0.4 and the saving 0.2. At e = 1.8 the Lerner price is
    # 1.8 * 0.4 / 0.8 = 0.9, reached by passing on (1 - 0.9) / 0.2 = half the saving.
    assert ep.owners_best_pass_through(0.5, 1.8, 0.6) == pytest.approx(0.5)
    low, high = ep.interior_peak_elasticities(0.5, 0.6)
    assert low == pytest.approx(1.5 / 0.9)  # (1 + g) / (1 + g - a)
    assert high == pytest.approx(1.2 / 0.6)  # (1 + (1 - a) g) / ((1 - a)(1 + g))
    for elasticity in (0.8, 1.5):
        assert ep.owners_best_pass_through(0.5, elasticity, 0.6) == pytest.approx(0.0)
    for elasticity in (2.2, 3.0):
        assert ep.owners_best_pass_through(0.5, elasticity, 0.6) == pytest.approx(1.0)


def test_a_firm_already_at_its_best_price_passes_on_more_than_the_saving():
    # The old price 1 is the Lerner price for a cost of a only at e = 1 / (1 - a) = 2.5.
    e = ep.elasticity_where_old_price_is_best(0.6)
    assert e == pytest.approx(2.5)
    assert e * 0.6 / (e - 1) == pytest.approx(1.0)
    assert ep.lerner_pass_through(e) == pytest.approx(5 / 3)  # 167% of the saving
    assert ep.lerner_pass_through(3.0) == pytest.approx(1.5)
    # At that elasticity the owners would like to cut the price by more than the saving.
    assert e > ep.interior_peak_elasticities(0.5, 0.6)[1]


def test_owners_best_pass_through_is_where_their_income_peaks():
    shares = np.linspace(0.0, 1.0, 2001)
    for gain, wages in ((0.5, 0.6), (2.0, 0.4), (0.2, 0.8)):
        low, high = ep.interior_peak_elasticities(gain, wages)
        for elasticity in (0.9, float(low) * 0.98, (low + high) / 2, float(high) * 1.02, 4.0):
            income = ep.rebound_outcomes(gain, shares, elasticity, wages)["owners_income"]
            best = float(ep.owners_best_pass_through(gain, elasticity, wages))
            assert shares[np.argmax(income)] == pytest.approx(best, abs=1e-3)
            inside = 0.0 < best < 1.0
            assert inside == (low < elasticity < high)


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
    assert table.loc["hours worked (total)", "after"] == pytest.approx(5 / 6)
    assert table.loc["hours worked (total)", "change_pct"] == pytest.approx(100 * (5 / 6 - 1))
    assert table.loc["output (tasks done)", "after"] == pytest.approx(1.25)
    assert table.loc["workers' income", "before"] == pytest.approx(0.6)
    assert table.loc["owners' margin per task", "change_pct"] == pytest.approx(0.0, abs=1e-9)


def test_vectorised_grid_matches_single_runs():
    gains, elasticities = np.array([0.2, 1.0]), np.array([0.0, 0.8, 2.0])
    grid = ep.rebound_outcomes(gains[:, None], 0.7, elasticities[None, :])["hours"]
    for i, gain in enumerate(gains):
        for j, elasticity in enumerate(elasticities):
            single = ep.rebound_outcomes(float(gain), 0.7, float(elasticity))["hours"]
            assert grid[i, j] == pytest.approx(float(single))


def test_implied_elasticity_inverts_the_model():
    elasticity = ep.implied_elasticity(2.0, 2.5, pass_through=0.9, labour_share=0.7)
    output = ep.rebound_outcomes(2.0, 0.9, elasticity, 0.7)["output"]
    assert output == pytest.approx(2.5)


def test_gain_when_only_part_of_the_job_gets_faster():
    # Half the time sped up twice: time per task 0.5 + 0.25 = 0.75, so g = 1 / 0.75 - 1 = 1/3.
    assert ep.gain_from_partial_speedup(0.5, 2.0) == pytest.approx(1 / 3)
    assert ep.gain_from_partial_speedup(0.4, 1.0) == pytest.approx(0.0)
    # However fast the sped-up part, g stays below share / (1 - share).
    assert ep.gain_from_partial_speedup(0.364, 1e6) == pytest.approx(0.364 / 0.636, rel=1e-4)


def test_speedup_for_gain_inverts_the_partial_speedup():
    for share, speedup in ((0.364, 2.0), (0.364, 11.0), (0.8, 3.0)):
        gain = ep.gain_from_partial_speedup(share, speedup)
        assert ep.speedup_for_gain(share, gain) == pytest.approx(speedup)
    # The radiologist preset's 50% needs reading (36.4% of the time) about 12 times as fast.
    assert ep.speedup_for_gain(0.364, 0.5) == pytest.approx(0.364 / (2 / 3 - 0.636))
    assert ep.largest_gain_from_partial_speedup(0.364) == pytest.approx(0.364 / 0.636)
    with pytest.raises(ValueError, match="gain must be below"):
        ep.speedup_for_gain(0.364, 0.6)


def test_presets_match_their_derivation_from_the_seed_claims():
    presets, claims = load("rebound_presets"), load("musk_huang_claims_seed")
    value = claims.set_index("claim")["value"]
    week = presets.query("profession == 'designer' and parameter == 'working_week_hours'")
    hours_before = float(week["value"].iloc[0]) * value.filter(like="draw a poster").iloc[0]
    hours_after = value.filter(like="AI needs").iloc[0] / 60
    assert hours_before / hours_after == pytest.approx(240)  # 40 hours of 60 minutes / 10
    designer = ep.preset_parameters(presets, "designer")
    assert designer["gain"] == pytest.approx(ep.gain_from_task_times(hours_before, hours_after))
    versions = value.filter(like="Versions").iloc[0]
    g, a = designer["gain"], designer["labour_share"]
    by_hand = math.log(versions) / -math.log(1 - a * g / (1 + g))  # full pass-through
    assert designer["pass_through"] == 1.0
    assert designer["elasticity"] == pytest.approx(by_hand, abs=1e-4)
    assert ep.rebound_outcomes(**designer)["hours"] == pytest.approx(versions / 240, rel=1e-4)


def test_the_radiologist_preset_tells_huangs_story_only_just():
    params = ep.preset_parameters(load("rebound_presets"), "radiologist")
    g, s, a = params["gain"], params["pass_through"], params["labour_share"]
    by_hand = math.log(1 + g) / -math.log(1 - s * a * g / (1 + g))
    assert params["elasticity"] > by_hand  # chosen so that hours rise
    assert ep.rebound_outcomes(**params)["hours"] > 1.0


def test_chapter_facts_that_the_reviews_corrected():
    forum = load("musk_huang_forum").set_index("fact")["value"]
    assert "Washington" in forum["venue"] and "Saudi" not in forum["venue"]
    assert forum["date"] == "19 November 2025"
    assert forum["data centre announced (where it will be built)"] == "Saudi Arabia"
    riyadh = load("saudi_us_forum_riyadh").set_index("fact")["value"]
    assert riyadh["date"] == "2025-05-13" and "Riyadh" in riyadh["city"]
    other = load("it_unemployment_janco_bls").set_index(["series", "month", "seasonally_adjusted"])
    rate = other["rate_pct"]
    comptia = load("tech_unemployment_comptia").set_index("month")
    national = comptia.loc["2025-01", "national_unemployment_pct"]
    assert comptia.loc["2025-01", "tech_unemployment_pct"] < national  # CompTIA: below
    assert rate["IT professionals (Janco)", "2025-01", "no"] > national  # Janco: above
    # Year on year, January rose on CompTIA's measure too (the direction is not in dispute).
    jan = comptia["tech_unemployment_pct"]
    assert (
        jan["2025-01"] > jan["2024-01"]
        and comptia.loc["2025-02", "tech_unemployment_pct"] < jan["2024-02"]
    )
    # Like with like: the unadjusted all-workers rate is higher than the adjusted one.
    assert rate["all workers (BLS)", "2025-01", "no"] > rate["all workers (BLS)", "2025-01", "yes"]
    for month in ("2024-12", "2025-02"):  # Janco's rate is the BLS information-industry rate
        assert (
            rate["IT professionals (Janco)", month, "no"]
            == rate["information industry (BLS)", month, "no"]
        )
    hours = load("indonesia_working_hours")
    national_hours = hours[hours["where"] == "Indonesia"].set_index("item")["value"]
    split = national_hours.filter(like="share of employed working").sum()
    split += national_hours.filter(like="underemployed").sum()
    assert split == pytest.approx(100.0)  # full time + part time + underemployed
    assert national_hours.filter(like="1–34").iloc[0] == pytest.approx(
        national_hours.filter(like="not wanting").iloc[0]
        + national_hours.filter(like="underemployed").iloc[0]
    )
    gorontalo = hours.query("where == 'Gorontalo'")["value"].iloc[0]
    assert f"{gorontalo:.2f}" == "34.05"  # the chapter prints two decimals, as BPS does


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"gain": -0.1}, r"gain must be .*\[0, 1000\]"),
        ({"gain": 5000}, r"gain must be .*\[0, 1000\]"),
        ({"gain": "fast"}, r"gain must be .*\[0, 1000\]"),
        ({"pass_through": 1.5}, r"pass_through must be .*\[0, 1\]"),
        ({"pass_through": np.array([0.5, -0.2])}, r"pass_through must be .*\[0, 1\]"),
        ({"elasticity": -1}, r"elasticity must be .*\[0, 10\]"),
        ({"elasticity": float("nan")}, r"elasticity must be .*\[0, 10\]"),
        ({"labour_share": 0.0}, r"labour_share must be .*\[0.01, 0.99\]"),
        ({"labour_share": 1.0}, r"labour_share must be .*\[0.01, 0.99\]"),
        ({"labour_share": True}, r"labour_share must be"),
    ],
)
def test_invalid_parameters_raise_clear_errors(kwargs, message):
    params = {"gain": 0.5, "pass_through": 1.0, "elasticity": 1.0, "labour_share": 0.6}
    with pytest.raises(ValueError, match=message):
        ep.rebound_outcomes(**{**params, **kwargs})


def test_arrays_that_do_not_broadcast_are_refused_by_name():
    with pytest.raises(ValueError, match="gain, pass_through, elasticity and labour_share"):
        ep.rebound_outcomes(np.array([0.1, 0.2]), np.array([0.5, 0.6, 0.7]), 1.0)


def test_invalid_inputs_of_the_helpers():
    with pytest.raises(ValueError, match=r"pass_through must be .*\[0.01, 1\]"):
        ep.break_even_elasticity(0.5, 2.0)
    with pytest.raises(ValueError, match=r"labour_share must be .*\[0.01, 0.99\]"):
        ep.break_even_elasticity(0.5, 1.0, 1.0)
    with pytest.raises(ValueError, match=r"gain must be a number in \[0.001, 1000\]"):
        ep.owners_best_pass_through(0.0, 2.0)
    with pytest.raises(ValueError, match=r"elasticity must be a number in \[0, 10\]"):
        ep.owners_best_pass_through(0.5, -1.0)
    with pytest.raises(ValueError, match=r"gain must be a number in \[0.001, 1000\]"):
        ep.interior_peak_elasticities(0.0)
    with pytest.raises(ValueError, match=r"share_sped_up must be a number in \[0, 0.999\]"):
        ep.gain_from_partial_speedup(1.0, 2.0)
    with pytest.raises(ValueError, match=r"speedup must be a number in \[1, 1e\+06\]"):
        ep.gain_from_partial_speedup(0.5, 0.5)
    with pytest.raises(ValueError, match=r"gain must be a number in \[0.001, 1000\]"):
        ep.rebound_effect(0.0, 1.0)
    with pytest.raises(ValueError, match=r"hours must be"):
        ep.rebound_effect(0.2, float("inf"))  # issue 19: inf used to give inf
    with pytest.raises(ValueError, match=r"pass_through must be a number in \[0.01, 1\]"):
        ep.implied_elasticity(1.0, 2.0, pass_through=0.0)
    with pytest.raises(ValueError, match=r"output_ratio must be a number in \[1, 1e\+06\]"):
        ep.implied_elasticity(1.0, 0.5)
    with pytest.raises(ValueError, match=r"hours_after must be at most hours_before"):
        ep.gain_from_task_times(40, 50)
    with pytest.raises(ValueError, match=r"profession must be one of 'radiologist', 'designer'"):
        ep.preset_parameters(load("rebound_presets"), "plumber")
    with pytest.raises(ValueError, match=r"elasticity must be a number in \(1, 10\]"):
        ep.lerner_pass_through(1.0)
