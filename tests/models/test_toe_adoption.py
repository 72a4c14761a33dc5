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
        (lambda: toe.bass_cumulative(1.0, 0.0, 0.38), r"p must be an array .* in \[0.001, 1\]"),
        (lambda: toe.bass_cumulative(1.0, -0.1, 0.38), r"p must be an array .* in \[0.001, 1\]"),
        (lambda: toe.bass_cumulative(1.0, 0.03, -0.2), r"q must be an array .* in \[0, 5\]"),
        (lambda: toe.bass_cumulative(1.0, 0.03, float("nan")), r"q must be an array"),
        (lambda: toe.bass_cumulative(-1.0, 0.03, 0.38), r"t must be an array .* in \[0, 500\]"),
        (lambda: toe.bass_cumulative(1.0, 0.03, 0.38, 0.0), r"market_potential must be a number"),
        (lambda: toe.bass_path(years=0), r"years must be a whole number in \[1, 200\]"),
        (lambda: toe.bass_path(p=0.0), r"p must be a number in \[0.001, 1\]"),
        (lambda: toe.bass_path(years=2.5), r"years must be a whole number"),
        (lambda: toe.bass_numerical(0.03, 0.38, method="midpoint"), r"method must be one of"),
        (
            lambda: toe.bass_numerical(0.5, 4.0, steps_per_year=2),
            r"steps_per_year must be at least",
        ),
        (lambda: toe.time_to_share(1.0, 0.03, 0.38), r"share must be an array .* in \[0, 0.999\]"),
        (lambda: toe.years_to_half("fast", 0.38), r"p must be an array"),
        (lambda: toe.years_to_half([0.03, 0.05], [0.1, 0.2, 0.3]), r"p and q must have sizes"),
        (lambda: toe.lever_comparison(0.5, 0.38, [300]), r"p and q raised by the largest"),
        (lambda: toe.imitation_share(0.03, True), r"q must be an array"),
        (lambda: toe.bass_table(years=0), r"years must be a whole number in \[1, 100\]"),
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
    assert counts.loc["I1"].to_dict() == {"themes": 2, "toe_themes": 2, "toe_dimensions": 2}
    assert counts.loc["I10"].to_dict() == {"themes": 1, "toe_themes": 1, "toe_dimensions": 1}


def test_the_book_matrix_uses_nine_respondent_codes():
    matrix = load("toe_coding_matrix")
    counts = toe.counts_by_respondent(matrix)
    assert list(counts.index) == [f"I{i}" for i in range(1, 10)]
    assert (counts["themes"] > 0).all()  # every code I1..I9 is named at least once
    by_dimension = toe.counts_by_dimension(matrix)
    assert by_dimension["mentions"].sum() == matrix[list(counts.index)].to_numpy().sum()


def test_bad_matrices_are_refused():
    bad = _toy_matrix().assign(I1=[2, 0, 0, 1])
    with pytest.raises(ValueError, match="matrix cells must be 0 or 1"):
        toe.counts_by_dimension(bad)
    with pytest.raises(ValueError, match="matrix has no respondent columns"):
        toe.counts_by_dimension(_toy_matrix()[["theme_code", "dimension"]])
    with pytest.raises(
        ValueError, match=r"matrix must be a table .* \['theme_code', 'dimension'\]"
    ):
        toe.counts_by_dimension(_toy_matrix().drop(columns="dimension"))


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
    ratings.update({"OS1": 5, "OS2": 1, "OS3": 1})  # weights 2, 2, 1 in the table
    profile = toe.readiness_profile(ratings, items)
    assert profile["Organisation"] == pytest.approx((2 * 100 + 2 * 0 + 1 * 0) / 5)
    profile = toe.readiness_profile(ratings, items, item_weights={"OS1": 1, "OS2": 1})
    assert profile["Organisation"] == pytest.approx(100 / 3)


def test_dimension_weights_move_the_index_towards_the_heavier_dimension(items):
    ratings = _all(items, 1)
    ratings.update({"TS1": 5, "TS2": 5, "TS3": 5})
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
    ratings.update({"ES1": 1, "ES2": 1, "ES3": 2})
    assert toe.score_firm(ratings, items)["weakest"] == "Environment"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.pop("TS1"), r"ratings must rate every item code"),
        (lambda r: r.update({"X9": 3}), r"ratings must rate every item code"),
        (lambda r: r.update({"TS2": 6}), r"ratings\['TS2'\] must be a number in \[1, 5\]"),
        (lambda r: r.update({"TS2": 0.5}), r"ratings\['TS2'\] must be a number in \[1, 5\]"),
        (lambda r: r.update({"TS2": float("nan")}), r"ratings\['TS2'\] must be a number"),
    ],
)
def test_bad_ratings_are_refused(items, change, message):
    ratings = _all(items, 3)
    change(ratings)
    with pytest.raises(ValueError, match=message):
        toe.score_firm(ratings, items)


def test_bad_weights_are_refused(items):
    ratings = _all(items, 3)
    with pytest.raises(ValueError, match="dimension_weights must not all be zero"):
        toe.score_firm(ratings, items, dimension_weights=dict.fromkeys(toe.DIMENSIONS, 0))
    with pytest.raises(ValueError, match="dimension_weights may name only the dimensions"):
        toe.score_firm(ratings, items, dimension_weights={"Culture": 1})
    with pytest.raises(ValueError, match=r"item_weights\['OS1'\] must be a number in \[0, 100\]"):
        toe.score_firm(ratings, items, item_weights={"OS1": -1})
    with pytest.raises(ValueError, match="the weights of Technology must not all be zero"):
        toe.score_firm(ratings, items, item_weights={"TS1": 0, "TS2": 0, "TS3": 0})
    with pytest.raises(ValueError, match=r"midpoint must be a number in \[0, 100\]"):
        toe.adoption_likelihood(50, midpoint=150)
    with pytest.raises(ValueError, match="items must be a table"):
        toe.score_firm(ratings, items.drop(columns="weight"))


def test_effective_item_weights_add_up_and_match_the_hand_calculation(items):
    shares = toe.effective_item_weights(items)
    assert shares.sum() == pytest.approx(100.0)
    # OS1 and OS2 weigh 2 of 5 within organisation, which is a third of the index
    assert shares["OS1"] == pytest.approx(100 * 2 / 5 / 3)
    assert shares["OS3"] == pytest.approx(100 * 1 / 5 / 3)
    assert shares["TS1"] == pytest.approx(100 / 9)
    # so the two "counted twice" items weigh 1.2 times a technology item, not twice
    assert shares["OS1"] / shares["TS1"] == pytest.approx(1.2)
    heavy = toe.effective_item_weights(items, {"Organisation": 3})
    assert heavy.sum() == pytest.approx(100.0)
    assert heavy["OS1"] == pytest.approx(100 * 2 / 5 * 3 / 5)


def test_the_index_is_the_effective_weights_times_the_item_scores(items):
    from aicap.figures.toe_adoption import example_firm_ratings

    ratings = example_firm_ratings("snack producer")
    weights = {"Technology": 0.25, "Organisation": 3, "Environment": 3}
    result = toe.score_firm(ratings, items, weights)
    shares = toe.effective_item_weights(items, weights)
    scores = result["items"].set_index("item_code")["score"]
    assert result["index"] == pytest.approx(float((shares * scores).sum() / 100))


def test_snack_producer_leads_the_cafe_exactly_when_the_weights_say_so(items):
    """The snack producer minus the café: -16.7 (T), +10 (O), -8.3 (E); so the snack producer
    ranks first exactly when 10 v_O > 16.7 v_T + 8.3 v_E."""
    from aicap.figures.toe_adoption import example_firm_ratings

    snack = toe.readiness_profile(example_firm_ratings("snack producer"), items)
    cafe = toe.readiness_profile(example_firm_ratings("café with POS"), items)
    gap = snack - cafe
    assert gap.round(2).to_dict() == {
        "Technology": -16.67,
        "Organisation": 10.0,
        "Environment": -8.33,
    }
    grid = (0.25, 1.0, 2.0, 3.0)
    for v_t in grid:
        for v_o in grid:
            for v_e in grid:
                weights = {"Technology": v_t, "Organisation": v_o, "Environment": v_e}
                a = toe.readiness_index(snack, weights)
                b = toe.readiness_index(cafe, weights)
                condition = (
                    gap["Organisation"] * v_o > -gap["Technology"] * v_t - gap["Environment"] * v_e
                )
                assert (a > b) == condition
    # organisation counting only as much as the environment is enough, if technology counts little
    weights = {"Technology": 0.25, "Organisation": 3, "Environment": 3}
    assert toe.readiness_index(snack, weights) > toe.readiness_index(cafe, weights)


# ---------------------------------------------------------------------------------------------
# Output per worker from two national shares
# ---------------------------------------------------------------------------------------------


def test_relative_output_per_worker_on_hand_checked_cases():
    # equal shares of output and workers: the same output per worker everywhere
    assert toe.relative_output_per_worker(50, 50) == pytest.approx(1.0)
    # 60% of output with 96% of workers: others make 40/4 = 10 per worker, the group 60/96
    assert toe.relative_output_per_worker(60, 96) == pytest.approx(10 / (60 / 96))
    # a group that is *more* productive than the rest gives a ratio below one
    assert toe.relative_output_per_worker(80, 20) < 1


def test_setting_aside_output_that_belongs_to_no_firm_lowers_the_ratio():
    base = toe.relative_output_per_worker(60.51, 96.92)
    assert base == pytest.approx(20.5, abs=0.05)
    low, high = (toe.relative_output_per_worker(60.51, 96.92, x) for x in (10, 6))
    assert low < high < base
    assert (round(low), round(high)) == (15, 17)
    assert toe.relative_output_per_worker(60, 96, 10) == pytest.approx((30 / 4) / (60 / 96))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0, 50), r"output_share_pct must be a number in \[0.1, 99.9\]"),
        ((100, 50), r"output_share_pct must be a number in \[0.1, 99.9\]"),
        ((50, 100), r"employment_share_pct must be a number in \[0.1, 99.9\]"),
        ((50, "most"), r"employment_share_pct must be a number"),
        ((60, 90, 45), r"other_output_pct must be less than 100 - output_share_pct"),
    ],
)
def test_relative_output_per_worker_refuses_bad_shares(args, message):
    with pytest.raises(ValueError, match=message):
        toe.relative_output_per_worker(*args)


# ---------------------------------------------------------------------------------------------
# Corrected facts in the chapter's tables (issue 16)
# ---------------------------------------------------------------------------------------------


def test_the_61_07_percent_gdp_share_is_dated_2018_not_2021():
    msmes = load("msme_indonesia")
    assert 2021 not in set(msmes["year"])
    value = msmes.set_index(["indicator", "year"])["value"]
    assert value["MSME share of GDP", 2018] == pytest.approx(61.07)
    # the statement that quotes it pairs it with the 2018 counts of firms and workers
    assert value["number of MSMEs", 2018] < value["number of MSMEs", 2019]
    assert value["workers in MSMEs", 2018] < value["workers in MSMEs", 2019]
    # 2019 workers were 2.21% more than 2018's (Katadata): the two rows agree to rounding
    assert value["workers in MSMEs", 2019] / value["workers in MSMEs", 2018] == pytest.approx(
        1.0221, abs=0.005
    )


def test_digital_platform_counts_name_the_agency_that_stated_them():
    platforms = load("msme_digital_platforms")
    actual = platforms[platforms["status"] == "actual"].sort_values("year")
    assert actual["msmes_million"].is_monotonic_increasing
    latest = actual.iloc[-1]
    assert latest["msmes_million"] == pytest.approx(27)
    assert latest["agency"] == "Kemenko Perekonomian"  # not the Ministry of Cooperatives
    assert (platforms.loc[platforms["status"] == "target", "agency"] == "President").all()


def test_eurostat_rows_cover_two_years_and_rise_with_firm_size():
    rates = load("firm_ai_adoption_rates")
    eu = rates[rates["survey"] == "Eurostat"]
    assert sorted(set(eu["year"])) == [2023.0, 2024.0]
    for _, rows in eu.groupby("year"):
        by_size = rows[rows["group"] != "all"]["share_pct"].to_numpy()
        assert np.all(np.diff(by_size) > 0)  # small < medium < large


def test_balikpapan_four_largest_sectors_exceed_80_percent_of_pdrb():
    # the head of BPS Balikpapan said these four sectors make up over 80% (Bisnis.com, 2020)
    region = load("toe_east_kalimantan").set_index(["place", "indicator", "year"])["value"]
    four = sum(
        region["Balikpapan", f"{sector} share of PDRB", 2019]
        for sector in ("manufacturing", "construction", "transport and storage", "trade")
    )
    assert 80 < four < 100
    assert (
        region["Balikpapan", "registered micro enterprises", 2025]
        < region["Balikpapan", "registered MSMEs", 2025]
    )


# ---------------------------------------------------------------------------------------------
# What the Bass model says about the two levers, beyond the default values
# ---------------------------------------------------------------------------------------------


def test_per_unit_the_push_is_the_stronger_lever_for_every_p_and_q():
    """dT/dp - dT/dq = -1 / (p (2p + q)) < 0: a unit of p always saves more time than a unit
    of q (derived in the chapter's maths box)."""
    h = 1e-7
    for p in (0.005, 0.01, 0.03, 0.1, 0.5):
        for q in (0.0, 0.05, 0.38, 0.8, 3.0):
            d_p = (toe.years_to_half(p + h, q) - toe.years_to_half(p - h, q)) / (2 * h)
            d_q = (toe.years_to_half(p, q + h) - toe.years_to_half(p, max(q - h, 0.0))) / (
                (q + h) - max(q - h, 0.0)
            )
            assert d_p - d_q == pytest.approx(-1 / (p * (2 * p + q)), rel=1e-3)
            assert d_p < d_q


def test_per_percent_the_stronger_lever_depends_on_q_over_p():
    ratio = toe.equal_elasticity_ratio()
    assert 6.0 < ratio < 6.3
    at = toe.half_time_elasticities(1.0 / ratio, 1.0)
    assert at["p"] == pytest.approx(-0.5) and at["q"] == pytest.approx(-0.5)
    below = toe.half_time_elasticities(0.05, 0.2)  # q/p = 4: the push wins per percent too
    assert below["p"] < below["q"]
    assert below["p"] == pytest.approx(-0.57, abs=0.005)
    above = toe.half_time_elasticities(0.03, 0.38)  # q/p = 12.7: the peer effect wins
    assert above["q"] < above["p"]


def test_the_imitation_share_matches_the_integrated_q_term():
    for p, q in [(0.03, 0.38), (0.05, 0.1), (0.1, 0.05), (0.02, 0.8)]:
        path = toe.bass_path(p, q, years=200, steps_per_year=200)
        dt = path["t"].diff().iloc[1]
        integrated = np.trapezoid(path["from_imitation"], dx=dt)
        assert toe.imitation_share(p, q) == pytest.approx(integrated, abs=1e-4)
    assert toe.imitation_share(0.03, 0.0) == pytest.approx(0.0)
    assert toe.imitation_share(0.03, 0.38) == pytest.approx(0.79, abs=0.005)
    # about one half when q/p is about 2.5, and below it when the push is relatively strong
    assert toe.imitation_share(0.04, 0.1) == pytest.approx(0.5, abs=0.01)
    assert toe.imitation_share(0.05, 0.1) < 0.5


def test_the_levers_are_substitutes_a_push_saves_less_where_peers_are_strong():
    saved = [toe.years_to_half(0.03, q) - toe.years_to_half(0.05, q) for q in (0.2, 0.38, 0.6, 0.8)]
    assert np.all(np.diff(saved) < 0)
    assert saved[:3] == pytest.approx([2.22, 1.29, 0.85], abs=0.005)


def test_year_by_year_table_is_the_exact_curve_and_yearly_steps_lag_behind():
    table = toe.bass_table(0.03, 0.38, years=10)
    assert np.allclose(table["adopted_pct"], 100 * toe.bass_cumulative(table["year"], 0.03, 0.38))
    assert table["new_pct"].sum() == pytest.approx(table["adopted_pct"].iloc[-1])
    year_5 = table.set_index("year").loc[5]
    assert round(year_5["adopted_pct"]) == 33
    assert round(year_5["yearly_steps_pct"]) == 27
    assert (table["yearly_steps_pct"] < table["adopted_pct"]).all()


# ---------------------------------------------------------------------------------------------
# Facts corrected after the reviews
# ---------------------------------------------------------------------------------------------


def test_the_99_8_percent_is_traced_to_maksum_et_al_and_to_micro_firms():
    claims = load("toe_claims_seed").set_index("claim")
    assert "Maksum" in claims.loc["MSME share of all jobs", "cited_source"]
    msmes = load("msme_indonesia").set_index(["indicator", "year"])["value"]
    assert msmes["micro enterprise share of employment", 2019] < 90
    assert msmes["MSME share of employment", 2019] < claims.loc["MSME share of all jobs", "value"]


def test_the_ministry_s_gdp_share_is_its_value_added_over_bps_gdp():
    msmes = load("msme_indonesia").set_index(["indicator", "year"])["value"]
    share = 100 * msmes["MSME value added", 2019] / msmes["GDP at current prices", 2019]
    assert share == pytest.approx(msmes["MSME share of GDP", 2019], abs=0.01)


def test_the_study_s_pdrb_share_would_be_almost_all_of_the_rest_of_east_kalimantan():
    region = load("toe_east_kalimantan").set_index(["place", "indicator", "year"])["value"]
    rest = (
        100
        - region["East Kalimantan", "mining and quarrying share of PDRB", 2024]
        - region["East Kalimantan", "manufacturing share of PDRB", 2024]
    )
    claim = load("toe_claims_seed").set_index(["claim", "scope"])["value"]
    msme = claim["MSME share of regional GDP (PDRB)", "East Kalimantan province"]
    assert 0.9 < msme / rest < 1.0
    turnover = region["Balikpapan", "turnover of registered MSMEs", 2018]
    pdrb = region["Balikpapan", "PDRB at current prices", 2019]
    assert 100 * turnover / pdrb < 5


def test_bps_counts_far_fewer_businesses_selling_online_than_the_go_digital_count():
    platforms = load("msme_digital_platforms")
    survey = platforms[platforms["status"] == "BPS survey"].set_index("period")["msmes_million"]
    assert survey["2023"] == pytest.approx(3.81)
    actual = platforms[platforms["status"] == "actual"]
    assert actual["msmes_million"].max() / survey["2023"] > 7


def test_mckinsey_series_has_every_year_from_2017_to_2024():
    rates = load("firm_ai_adoption_rates")
    years = rates.loc[rates["survey"] == "McKinsey State of AI", "year"].astype(int).tolist()
    assert years == [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
