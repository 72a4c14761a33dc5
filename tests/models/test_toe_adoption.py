"""Known cases of the TOE chapter's models: Bass diffusion, coding matrix, scorecard."""

import math

import numpy as np
import pandas as pd
import pytest

from aicap.data import load
from aicap.models import toe_adoption as toe

PQ_CASES = [(0.03, 0.38), (0.01, 0.5), (0.1, 0.05), (0.2, 0.0), (0.005, 0.8)]

# ---------------------------------------------------------------------------------------------
# Bass diffusion: analytic solution against numerical integration
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("p", "q"), PQ_CASES)
def test_analytic_solution_matches_runge_kutta(p, q):
    t, numerical = toe.bass_numerical(p, q, years=40, steps_per_year=50, method="rk4")
    assert np.allclose(toe.bass_cumulative(t, p, q), numerical, atol=1e-8)


@pytest.mark.parametrize(("p", "q"), PQ_CASES)
def test_analytic_solution_matches_small_step_euler(p, q):
    t, numerical = toe.bass_numerical(p, q, years=40, steps_per_year=2000, method="euler")
    assert np.allclose(toe.bass_cumulative(t, p, q), numerical, atol=5e-4)


def test_euler_error_halves_when_the_step_halves():
    errors = []
    for steps in (100, 200, 400):
        t, numerical = toe.bass_numerical(
            0.03, 0.38, years=20, steps_per_year=steps, method="euler"
        )
        errors.append(np.abs(numerical - toe.bass_cumulative(t, 0.03, 0.38)).max())
    ratios = np.array(errors[:-1]) / np.array(errors[1:])
    assert np.allclose(ratios, 2.0, atol=0.05)  # first-order method


def test_without_imitation_the_curve_is_exponential():
    t = np.linspace(0, 50, 11)
    assert np.allclose(toe.bass_cumulative(t, 0.1, 0.0), 1 - np.exp(-0.1 * t))
    assert toe.years_to_half(0.1, 0.0) == pytest.approx(math.log(2) / 0.1)


def test_curve_starts_at_zero_rises_and_approaches_the_market_potential():
    t = np.linspace(0, 200, 2001)
    shares = toe.bass_cumulative(t, 0.03, 0.38, market_potential=0.6)
    assert shares[0] == 0.0
    assert np.all(np.diff(shares) >= 0)
    assert shares[-1] == pytest.approx(0.6)


def test_adoption_rate_is_the_derivative_of_the_cumulative_share():
    t = np.linspace(0.5, 20, 40)
    h = 1e-6
    slope = (toe.bass_cumulative(t + h, 0.03, 0.38) - toe.bass_cumulative(t - h, 0.03, 0.38)) / (
        2 * h
    )
    assert np.allclose(toe.bass_adoption_rate(t, 0.03, 0.38), slope, atol=1e-7)


@pytest.mark.parametrize(("p", "q"), [(0.03, 0.38), (0.01, 0.5), (0.05, 0.2)])
def test_peak_adoption_comes_at_log_q_over_p_divided_by_p_plus_q(p, q):
    expected = math.log(q / p) / (p + q)
    assert toe.peak_time(p, q) == pytest.approx(expected)
    t = np.linspace(0, 40, 400_001)
    rate = toe.bass_adoption_rate(t, p, q)
    assert t[np.argmax(rate)] == pytest.approx(expected, abs=1e-3)
    # a known property: at the peak, the share that has adopted is (q - p) / (2 q)
    assert toe.bass_cumulative(expected, p, q) == pytest.approx((q - p) / (2 * q))


def test_when_imitation_is_weaker_than_innovation_adoptions_only_fall():
    assert toe.peak_time(0.1, 0.05) == 0.0
    rate = toe.bass_adoption_rate(np.linspace(0, 30, 301), 0.1, 0.05)
    assert np.all(np.diff(rate) < 0)


def test_years_to_half_adoption_for_the_default_coefficients():
    half = toe.years_to_half(0.03, 0.38)
    assert half == pytest.approx(math.log(2 + 0.38 / 0.03) / 0.41)
    assert half == pytest.approx(6.55, abs=0.01)
    assert toe.bass_cumulative(half, 0.03, 0.38) == pytest.approx(0.5)


def test_time_to_share_inverts_the_curve():
    shares = np.array([0.0, 0.1, 0.5, 0.9, 0.99])
    times = toe.time_to_share(shares, 0.02, 0.45)
    assert np.allclose(toe.bass_cumulative(times, 0.02, 0.45), shares)


def test_vectorised_over_coefficients():
    p = np.array([0.01, 0.03, 0.05])
    halves = toe.years_to_half(p, 0.38)
    assert halves.shape == (3,)
    assert np.all(np.diff(halves) < 0)  # more outside push, faster diffusion
    assert halves[1] == pytest.approx(toe.years_to_half(0.03, 0.38))


def test_elasticities_match_finite_differences_and_sum_to_minus_one():
    p, q, h = 0.03, 0.38, 1e-6
    elasticities = toe.half_time_elasticities(p, q)
    base = toe.years_to_half(p, q)
    by_p = (toe.years_to_half(p * (1 + h), q) - base) / base / h
    by_q = (toe.years_to_half(p, q * (1 + h)) - base) / base / h
    assert elasticities["p"] == pytest.approx(by_p, rel=1e-4)
    assert elasticities["q"] == pytest.approx(by_q, rel=1e-4)
    # scaling p and q together by k scales time by 1/k, so the elasticities add up to -1
    assert elasticities["p"] + elasticities["q"] == pytest.approx(-1.0)


def test_lever_comparison_raises_one_coefficient_at_a_time():
    table = toe.lever_comparison(0.03, 0.38, [0, 50, 100])
    assert table.loc[0, "raise_p"] == pytest.approx(toe.years_to_half(0.03, 0.38))
    assert table.loc[0, "raise_q"] == pytest.approx(toe.years_to_half(0.03, 0.38))
    assert table.loc[2, "raise_p"] == pytest.approx(toe.years_to_half(0.06, 0.38))
    assert table.loc[2, "raise_q"] == pytest.approx(toe.years_to_half(0.03, 0.76))


def test_bass_path_splits_new_adopters_into_push_and_peers():
    path = toe.bass_path(0.03, 0.38, market_potential=0.8, years=20, steps_per_year=4)
    assert len(path) == 81
    assert np.allclose(path["new_adopters"], path["from_innovation"] + path["from_imitation"])
    assert np.allclose(path["adopted"], 0.8 * toe.bass_cumulative(path["t"], 0.03, 0.38))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: toe.bass_cumulative(1.0, 0.0, 0.38), r"p must be in \(0, 1\]"),
        (lambda: toe.bass_cumulative(1.0, -0.1, 0.38), r"p must be in \(0, 1\]"),
        (lambda: toe.bass_cumulative(1.0, 0.03, -0.2), r"q must be in \[0, 5\]"),
        (lambda: toe.bass_cumulative(1.0, 0.03, float("nan")), r"q must be a number"),
        (lambda: toe.bass_cumulative(-1.0, 0.03, 0.38), r"t must be in \[0, inf\]"),
        (lambda: toe.bass_cumulative(1.0, 0.03, 0.38, 0.0), r"market_potential must be in"),
        (lambda: toe.bass_path(years=0), r"years must be a whole number in \[1, 200\]"),
        (lambda: toe.bass_path(p=0.0), r"p must be in \(0, 1\]"),
        (lambda: toe.bass_numerical(0.03, 0.38, method="midpoint"), r"method must be one of"),
        (lambda: toe.time_to_share(1.0, 0.03, 0.38), r"share must be in \[0, 1\)"),
        (lambda: toe.years_to_half("fast", 0.38), r"p must be a number"),
        (lambda: toe.lever_comparison(0.5, 0.38, [300]), r"raised p would exceed"),
    ],
)
def test_bad_input_raises_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------------------------
# The coding matrix
# ---------------------------------------------------------------------------------------------


def _toy_matrix():
    return pd.DataFrame(
        {
            "theme_code": ["T1", "O1", "O2", "E1"],
            "dimension": ["Technology", "Organisation", "Organisation", "Environment"],
            "I1": [1, 0, 0, 1],
            "I2": [1, 1, 0, 0],
            "I10": [0, 1, 0, 0],
        }
    )


def test_counts_by_dimension_on_a_hand_checked_matrix():
    counts = toe.counts_by_dimension(_toy_matrix())
    assert list(counts.index) == ["Technology", "Organisation", "Environment"]
    assert counts.loc["Technology"].to_dict() == {
        "themes": 1,
        "themes_without_respondent": 0,
        "mentions": 2,
        "respondents": 2,
    }
    assert counts.loc["Organisation", "themes_without_respondent"] == 1
    assert counts.loc["Organisation", "respondents"] == 2


def test_respondent_columns_are_ordered_by_number():
    assert toe.respondent_columns(_toy_matrix()) == ["I1", "I2", "I10"]


def test_counts_by_respondent():
    counts = toe.counts_by_respondent(_toy_matrix())
    assert counts.loc["I1"].to_dict() == {"themes": 2, "toe_dimensions": 2}
    assert counts.loc["I10"].to_dict() == {"themes": 1, "toe_dimensions": 1}


def test_the_book_matrix_uses_nine_respondent_codes():
    matrix = load("toe_coding_matrix")
    counts = toe.counts_by_respondent(matrix)
    assert list(counts.index) == [f"I{i}" for i in range(1, 10)]
    assert (counts["themes"] > 0).all()  # every code I1..I9 is named at least once
    by_dimension = toe.counts_by_dimension(matrix)
    assert by_dimension["mentions"].sum() == matrix[list(counts.index)].to_numpy().sum()


def test_bad_matrices_are_refused():
    bad = _toy_matrix().assign(I1=[2, 0, 0, 1])
    with pytest.raises(ValueError, match="must be 0 or 1"):
        toe.counts_by_dimension(bad)
    with pytest.raises(ValueError, match="no respondent columns"):
        toe.counts_by_dimension(_toy_matrix()[["theme_code", "dimension"]])


# ---------------------------------------------------------------------------------------------
# The scorecard (teaching device)
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def items():
    return load("toe_scorecard_items")


def _all(items, rating):
    return {code: rating for code in items["item_code"]}


def test_lowest_and_highest_ratings_give_zero_and_one_hundred(items):
    assert toe.score_firm(_all(items, 1), items)["index"] == pytest.approx(0.0)
    assert toe.score_firm(_all(items, 5), items)["index"] == pytest.approx(100.0)
    middle = toe.score_firm(_all(items, 3), items)
    assert middle["index"] == pytest.approx(50.0)
    assert middle["likelihood"] == pytest.approx(0.5)  # the default midpoint is 50


def test_dimension_score_is_the_weighted_mean_of_its_items(items):
    ratings = _all(items, 3)
    ratings.update({"O1": 5, "O2": 1, "O3": 1})  # weights 2, 2, 1 in the table
    profile = toe.readiness_profile(ratings, items)
    assert profile["Organisation"] == pytest.approx((2 * 100 + 2 * 0 + 1 * 0) / 5)
    profile = toe.readiness_profile(ratings, items, item_weights={"O1": 1, "O2": 1})
    assert profile["Organisation"] == pytest.approx(100 / 3)


def test_dimension_weights_move_the_index_towards_the_heavier_dimension(items):
    ratings = _all(items, 1)
    ratings.update({"T1": 5, "T2": 5, "T3": 5})
    profile = toe.readiness_profile(ratings, items)
    assert toe.readiness_index(profile) == pytest.approx(100 / 3)
    only_technology = {"Technology": 1, "Organisation": 0, "Environment": 0}
    assert toe.readiness_index(profile, only_technology) == pytest.approx(100.0)


def test_the_logistic_curve_is_increasing_and_symmetric():
    index = np.linspace(0, 100, 101)
    likelihood = toe.adoption_likelihood(index, midpoint=40, steepness=0.2)
    assert np.all(np.diff(likelihood) > 0)
    assert toe.adoption_likelihood(40.0, 40, 0.2) == pytest.approx(0.5)
    assert toe.adoption_likelihood(55.0, 40, 0.2) + toe.adoption_likelihood(
        25.0, 40, 0.2
    ) == pytest.approx(1.0)
    assert np.allclose(toe.adoption_likelihood(index, 50, 0.0), 0.5)  # flat when steepness 0


def test_the_weakest_dimension_is_reported(items):
    ratings = _all(items, 4)
    ratings.update({"E1": 1, "E2": 1, "E3": 2})
    assert toe.score_firm(ratings, items)["weakest"] == "Environment"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.pop("T1"), r"missing \['T1'\]"),
        (lambda r: r.update({"X9": 3}), r"unknown \['X9'\]"),
        (lambda r: r.update({"T2": 6}), r"rating of T2 must be in \[1, 5\]"),
        (lambda r: r.update({"T2": 0.5}), r"rating of T2 must be in \[1, 5\]"),
    ],
)
def test_bad_ratings_are_refused(items, change, message):
    ratings = _all(items, 3)
    change(ratings)
    with pytest.raises(ValueError, match=message):
        toe.score_firm(ratings, items)


def test_bad_weights_are_refused(items):
    ratings = _all(items, 3)
    with pytest.raises(ValueError, match="must not all be zero"):
        toe.score_firm(ratings, items, dimension_weights=dict.fromkeys(toe.DIMENSIONS, 0))
    with pytest.raises(ValueError, match="unknown dimension 'Culture'"):
        toe.score_firm(ratings, items, dimension_weights={"Culture": 1})
    with pytest.raises(ValueError, match=r"weight of O1 must be in \[0, 100\]"):
        toe.score_firm(ratings, items, item_weights={"O1": -1})
    with pytest.raises(ValueError, match="item weights of Technology must not all be zero"):
        toe.score_firm(ratings, items, item_weights={"T1": 0, "T2": 0, "T3": 0})
    with pytest.raises(ValueError, match=r"midpoint must be in \[0, 100\]"):
        toe.adoption_likelihood(50, midpoint=150)
