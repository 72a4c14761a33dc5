"""Known cases of the driver's-month and rating-deactivation models."""

import dataclasses
import itertools
import math

import numpy as np
import pytest

from aicap.data import load
from aicap.models import gig_precarity as gp


@pytest.fixture
def setup():
    """A complete parameter set (numbers chosen for the tests, not the book's assumptions)."""
    profile = np.ones(24)
    profile[7:10] = 1.6
    profile[0:5] = 0.2
    return {
        "demand_profile": profile,
        "commission": 0.2,
        "surge_cap": 1.5,
        "hours_per_day": 10,
        "days_per_month": 26,
        "trips_per_hour": 1.2,
        "max_trips_per_hour": 3,
        "demand_noise": 0.3,
        "fare_per_km": 2500.0,
        "min_fare": 8000.0,
        "trip_km": 5.0,
        "pickup_km": 1.0,
        "idle_km_per_hour": 6.0,
        "fuel_price": 10000.0,
        "km_per_litre": 40.0,
        "upkeep_per_km": 120.0,
        "daily_cost": 6000.0,
    }


# ---------------------------------------------------------------------------------------------
# A driver's month
# ---------------------------------------------------------------------------------------------


def test_no_commission_and_no_costs_means_earnings_equal_fares(setup):
    free = {
        **setup,
        "commission": 0.0,
        "fuel_price": 0.0,
        "upkeep_per_km": 0.0,
        "daily_cost": 0.0,
    }
    sim = gp.simulate_driver_months(**free, n_months=300, seed=3)
    assert sim.fares_monthly.sum() > 0
    assert np.allclose(sim.net_monthly, sim.fares_monthly)
    assert np.allclose(sim.net_hourly, sim.fares)
    assert np.all(sim.costs_monthly == 0) and np.all(sim.commission_monthly == 0)


def test_same_seed_same_result_and_another_seed_differs(setup):
    first = gp.simulate_driver_months(**setup, n_months=200, seed=11)
    again = gp.simulate_driver_months(**setup, n_months=200, seed=11)
    other = gp.simulate_driver_months(**setup, n_months=200, seed=12)
    assert np.array_equal(first.trips, again.trips)
    assert np.array_equal(first.net_monthly, again.net_monthly)
    assert not np.array_equal(first.net_monthly, other.net_monthly)


def test_hourly_arrays_add_up_to_the_monthly_totals(setup):
    sim = gp.simulate_driver_months(**setup, n_months=100, seed=1)
    assert sim.trips.shape == (100, 26, 10)
    for hourly, monthly in (
        (sim.fares, sim.fares_monthly),
        (sim.costs, sim.costs_monthly),
        (sim.net_hourly, sim.net_monthly),
    ):
        assert np.allclose(hourly.sum(axis=(1, 2), dtype=np.float64), monthly, rtol=1e-4)
    assert np.allclose(sim.commission_monthly, 0.2 * sim.fares_monthly)


def test_without_surge_or_noise_each_trip_pays_the_plain_fare(setup):
    plain = {**setup, "surge_cap": 1.0, "demand_noise": 0.0}
    sim = gp.simulate_driver_months(**plain, n_months=50, seed=2)
    fare = max(plain["min_fare"], plain["fare_per_km"] * plain["trip_km"])
    assert np.allclose(sim.fares, sim.trips * fare)
    assert np.all(sim.surge == 1.0)


def test_surge_stays_between_one_and_the_cap(setup):
    sim = gp.simulate_driver_months(**setup, n_months=50, seed=4)
    assert sim.surge.min() >= 1.0 and sim.surge.max() <= setup["surge_cap"] + 1e-6
    assert sim.surge.max() > 1.0


def test_trips_follow_the_capped_poisson_mean(setup):
    rng = np.random.default_rng(0)
    mean, cap = np.full(400_000, 1.3, dtype=np.float32), 3
    draws = gp.capped_poisson(mean, cap, rng)
    expected = sum(min(k, cap) * math.exp(-1.3) * 1.3**k / math.factorial(k) for k in range(40))
    assert draws.min() >= 0 and draws.max() == cap
    assert draws.mean() == pytest.approx(expected, abs=0.01)
    assert np.all(gp.capped_poisson(np.zeros(100), cap, rng) == 0)


@pytest.mark.parametrize(("mean", "cap"), [(0.3, 1), (1.3, 3), (2.5, 6), (4.0, 2)])
def test_capped_poisson_draws_follow_the_capped_poisson_distribution(mean, cap):
    n = 400_000
    draws = gp.capped_poisson(np.full(n, mean, dtype=np.float32), cap, np.random.default_rng(3))
    poisson = [math.exp(-mean) * mean**k / math.factorial(k) for k in range(cap)]
    expected = [*poisson, 1 - sum(poisson)]  # the cap takes the whole upper tail
    observed = np.bincount(draws, minlength=cap + 1) / n
    for k, p in enumerate(expected):
        assert abs(observed[k] - p) < 5 * math.sqrt(p * (1 - p) / n) + 2**-16, k


@pytest.mark.parametrize("shape", [(0,), (1,), (3,), (5, 7), (2, 3, 5)])
def test_capped_poisson_keeps_any_shape(shape):
    draws = gp.capped_poisson(np.full(shape, 2.0), 4, np.random.default_rng(0))
    assert draws.shape == shape and draws.dtype == np.int8
    assert np.all((draws >= 0) & (draws <= 4))


def test_costs_of_an_empty_hour_are_the_cruising_and_daily_costs(setup):
    no_trips = {**setup, "trips_per_hour": 0.0}
    sim = gp.simulate_driver_months(**no_trips, n_months=20, seed=5)
    per_km = setup["fuel_price"] / setup["km_per_litre"] + setup["upkeep_per_km"]
    hour_cost = per_km * setup["idle_km_per_hour"] + setup["daily_cost"] / setup["hours_per_day"]
    assert np.all(sim.trips == 0)
    assert np.allclose(sim.net_hourly, -hour_cost)


def test_more_hours_earn_more_but_each_extra_hour_less(setup):
    table = gp.earnings_by_hours(setup, [1, 3, 14, 16], thresholds=[3e6], n_months=400, seed=1)
    assert np.all(np.diff(table["mean"]) > 0)
    assert np.all(np.diff(table["below_0"]) <= 0)
    gains = np.diff(table["mean"])
    assert gains[-1] < gains[0]  # the busiest hours come first


def test_share_below_counts_months():
    net = np.array([1.0, 2.0, 3.0, 4.0])
    assert np.allclose(gp.share_below(net, [0.5, 2.5, 10.0]), [0.0, 0.5, 1.0])


def test_summary_reports_volatility_and_losses(setup):
    sim = gp.simulate_driver_months(**setup, n_months=500, seed=6)
    summary = gp.earnings_summary(sim)
    assert summary["p10_monthly"] < summary["median_monthly"] < summary["p90_monthly"]
    assert 0 < summary["share_hours_losing"] < 1
    # the driver bears the costs, so her income varies more than the platform's commission
    assert summary["cv_monthly"] > summary["cv_platform"] > 0
    assert summary["hours_per_month"] == 260


def _plain_hourly(sim):
    """The hourly arrays by their plain formulas, in float32 as the model computes them."""
    demand = sim.day_shock[:, :, None] * sim.hour_demand
    surge = np.clip(demand, np.float32(1.0), np.float32(sim.surge_cap))
    fares = sim.trips * (np.float32(sim.fare_per_trip) * surge)
    costs = sim.trips * np.float32(sim.cost_per_trip) + np.float32(sim.cost_per_hour)
    net = np.float32(1.0 - sim.commission) * fares - costs
    return {"demand": demand, "surge": surge, "fares": fares, "costs": costs, "net_hourly": net}


@pytest.mark.parametrize("trips_layout", ["as simulated", "contiguous"])
def test_hourly_arrays_equal_their_plain_formulas(setup, trips_layout):
    sim = gp.simulate_driver_months(**setup, n_months=120, seed=8)
    if trips_layout == "contiguous":
        sim = dataclasses.replace(sim, trips=np.ascontiguousarray(sim.trips))
    for name, expected in _plain_hourly(sim).items():
        value = getattr(sim, name)
        assert value.shape == (120, 26, 10) and value.dtype == np.float32
        np.testing.assert_array_equal(value, expected, err_msg=name)


def _plain_summary(sim):
    """earnings_summary's hourly numbers from their definitions (numpy's percentile etc.)."""
    net = _plain_hourly(sim)["net_hourly"]
    p10, p90 = np.percentile(net, [10, 90])
    return {
        "mean_hourly": float(net.mean(dtype=np.float64)),
        "p10_hourly": float(p10),
        "p90_hourly": float(p90),
        "share_hours_losing": float((net < 0).mean()),
        "share_hours_empty": float((sim.trips == 0).mean()),
        "mean_trips_per_day": float(sim.trips.sum(axis=2, dtype=np.int64).mean()),
    }


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"surge_cap": 2.5, "demand_noise": 0.8, "max_trips_per_hour": 6, "trips_per_hour": 3.0},
        {"hours_per_day": 1, "days_per_month": 1},
        {"trips_per_hour": 0.0},
        {"commission": 0.0, "fuel_price": 0.0, "upkeep_per_km": 0.0, "daily_cost": 0.0},
    ],
)
@pytest.mark.parametrize("n_months", [1, 7, 300])
def test_summary_equals_the_plain_definitions(setup, change, n_months):
    sim = gp.simulate_driver_months(**{**setup, **change}, n_months=n_months, seed=13)
    trips_before = sim.trips.copy()
    summary = gp.earnings_summary(sim)
    for key, expected in _plain_summary(sim).items():
        assert summary[key] == pytest.approx(expected, rel=1e-12, abs=1e-9), key
    np.testing.assert_array_equal(sim.trips, trips_before)  # the summary changes nothing


@pytest.mark.parametrize("size", [1, 2, 3, 10, 1001, 40_000])
def test_percentiles_of_sorted_values_equal_numpys(size):
    rng = np.random.default_rng(size)
    values = rng.normal(0.0, 5000.0, size).astype(np.float32)
    values[: size // 3] = values[0]  # many equal values, as in hours without a trip
    percents = [0, 10, 33.3, 50, 90, 100]
    fast = gp._sorted_percentiles(np.sort(values), percents)
    np.testing.assert_allclose(fast, np.percentile(values, percents), rtol=1e-12, atol=0)


def test_setup_comes_from_the_tables():
    tables = [
        load(name)
        for name in (
            "ojol_driver_assumptions",
            "ojol_demand_profile",
            "ojol_fares",
            "fuel_prices",
            "ojol_commission_rules",
        )
    ]
    setup = gp.driver_setup(*tables)
    assert set(setup) == set(gp.SETUP_KEYS)
    rules = tables[4].set_index("status")
    assert setup["commission"] == pytest.approx(rules.loc["in force", "total_pct"] / 100)
    assert setup["fuel_price"] == tables[3]["price_rp_per_litre"].max()
    gp.simulate_driver_months(**setup, n_months=10, seed=0)  # the tables give a valid setup
    with pytest.raises(ValueError, match="zone must be one of"):
        gp.driver_setup(*tables, zone="Zone IX")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"commission": 0.6}, r"commission must be in \[0, 0.5\]"),
        ({"commission": float("nan")}, r"commission must be a number"),
        ({"surge_cap": 0.9}, r"surge_cap must be in \[1, 3\]"),
        ({"hours_per_day": 2.5}, r"hours_per_day must be a whole number in \[1, 16\]"),
        ({"hours_per_day": 0}, r"hours_per_day must be a whole number in \[1, 16\]"),
        ({"days_per_month": 40}, r"days_per_month must be a whole number in \[1, 31\]"),
        ({"fuel_price": -1.0}, r"fuel_price must be in \[0, 30000\]"),
        ({"km_per_litre": 0.0}, r"km_per_litre must be in \[10, 100\]"),
        ({"demand_profile": np.ones(12)}, r"demand_profile must hold 24 hourly values"),
        ({"demand_profile": -np.ones(24)}, r"relative_demand must be in \[0, 5\]"),
    ],
)
def test_invalid_driver_parameters_raise_clear_errors(setup, change, message):
    with pytest.raises(ValueError, match=message):
        gp.simulate_driver_months(**{**setup, **change}, n_months=10)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_months": 0}, r"n_months must be a whole number in \[1, 20000\]"),
        ({"seed": -1}, r"seed must be a whole number"),
    ],
)
def test_invalid_run_settings_raise_clear_errors(setup, kwargs, message):
    with pytest.raises(ValueError, match=message):
        gp.simulate_driver_months(**setup, **kwargs)


# ---------------------------------------------------------------------------------------------
# Ratings and deactivation
# ---------------------------------------------------------------------------------------------


def test_star_probabilities_are_a_distribution():
    probs = gp.star_probabilities(np.linspace(1, 5, 9)[:, None], np.array([0.0, 0.5, 2.0]))
    assert probs.shape == (9, 3, 5)
    assert np.allclose(probs.sum(axis=-1), 1.0)
    assert np.all(probs >= 0)


def test_without_noise_every_customer_gives_the_rounded_quality():
    assert np.allclose(gp.star_probabilities(4.7, 0.0), [0, 0, 0, 0, 1])
    assert np.allclose(gp.star_probabilities(4.4, 0.0), [0, 0, 0, 1, 0])
    assert np.allclose(gp.star_probabilities(4.5, 0.0), [0, 0, 0, 0, 1])  # halves round up


def test_without_noise_a_driver_above_the_cutoff_is_never_deactivated():
    for window in (1, 10, 300):
        assert gp.deactivation_probability(4.6, 0.0, window, quality=4.7) == 0.0
        assert gp.deactivation_probability(4.99, 0.0, window, quality=5.0) == 0.0
        assert gp.deactivation_probability(4.6, 0.0, window, quality=4.0) == 1.0


def test_the_ceiling_lowers_a_perfect_drivers_mean_rating():
    mean, sd = gp.rating_moments(5.0, np.array([0.0, 0.5, 1.0]))
    assert mean[0] == 5.0 and sd[0] == 0.0
    assert mean[2] < mean[1] < 5.0  # noise can only pull a 5-star driver down


def test_exact_probability_matches_brute_force_enumeration():
    quality, noise, cutoff, window = 4.8, 0.9, 4.4, 3
    probs = gp.star_probabilities(quality, noise)
    brute = sum(
        np.prod([probs[s - 1] for s in stars])
        for stars in itertools.product(range(1, 6), repeat=window)
        if np.mean(stars) < cutoff
    )
    assert gp.deactivation_probability(cutoff, noise, window, quality) == pytest.approx(brute)


def test_an_average_exactly_at_the_cutoff_is_not_below_it():
    # two ratings averaging exactly 4.5 (a 4 and a 5) must count as safe at a cut-off of 4.5
    p4, p5 = gp.star_probabilities(4.5, 0.3)[3:]
    risk = gp.deactivation_probability(4.5, 0.3, 2, quality=4.5)
    assert risk == pytest.approx(1 - 2 * p4 * p5 - p5**2)


def test_normal_approximation_agrees_for_long_windows():
    exact = gp.deactivation_probability(4.65, 0.8, 400, quality=5.0)
    approx = gp.deactivation_probability_normal(4.65, 0.8, 400, quality=5.0)
    assert exact == pytest.approx(approx, abs=0.02)


def test_risk_rises_with_the_cutoff_and_the_noise_and_falls_with_the_window():
    cutoffs = np.linspace(4.0, 4.9, 10)
    assert np.all(np.diff(gp.deactivation_probability(cutoffs, 0.8, 50)) >= 0)
    noises = np.linspace(0.3, 1.5, 10)
    assert np.all(np.diff(gp.deactivation_probability(4.6, noises, 50)) >= 0)
    windows = [10, 50, 200]
    risks = [float(gp.deactivation_probability(4.6, 0.8, w)) for w in windows]
    assert risks[0] > risks[1] > risks[2]


def test_grid_matches_single_calls():
    cutoffs, noises = np.array([4.2, 4.6, 4.8]), np.array([0.2, 0.8, 1.4])
    grid = gp.deactivation_probability(cutoffs[None, :], noises[:, None], 40, quality=4.9)
    for i, noise in enumerate(noises):
        for j, cutoff in enumerate(cutoffs):
            single = gp.deactivation_probability(cutoff, noise, 40, quality=4.9)
            assert grid[i, j] == pytest.approx(float(single))


def test_simulated_checks_match_the_exact_probability_at_the_first_check():
    window, cutoff, noise = 50, 4.6, 0.8
    out = gp.simulate_rating_checks(cutoff, noise, window, 5.0, trips=60, n_drivers=20000, seed=1)
    exact = float(gp.deactivation_probability(cutoff, noise, window))
    assert np.all(out[: window - 1] == 0)
    assert out[window - 1] == pytest.approx(exact, abs=4 * math.sqrt(exact / 20000) + 1e-3)
    assert np.all(np.diff(out) >= 0)  # once out, always out
    same = gp.simulate_rating_checks(cutoff, noise, window, 5.0, trips=60, n_drivers=20000, seed=1)
    assert np.array_equal(out, same)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: gp.deactivation_probability(5.5, 0.8, 50), r"cutoff must be in \[1, 5\]"),
        (lambda: gp.deactivation_probability(4.6, -0.1, 50), r"noise must be in \[0, 3\]"),
        (lambda: gp.deactivation_probability(4.6, 0.8, 0), r"window must be a whole number"),
        (lambda: gp.deactivation_probability(4.6, 0.8, 2.5), r"window must be a whole number"),
        (lambda: gp.star_probabilities(0.5, 0.8), r"quality must be in \[1, 5\]"),
        (
            lambda: gp.simulate_rating_checks(4.6, 0.8, 50, trips=20),
            r"trips must be a whole number in \[50, 5000\]",
        ),
    ],
)
def test_invalid_rating_parameters_raise_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()
