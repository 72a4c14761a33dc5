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
    draws = gp._capped_poisson(mean, cap, rng)
    expected = sum(min(k, cap) * math.exp(-1.3) * 1.3**k / math.factorial(k) for k in range(40))
    assert draws.min() >= 0 and draws.max() == cap
    assert draws.mean() == pytest.approx(expected, abs=0.01)
    assert np.all(gp._capped_poisson(np.zeros(100), cap, rng) == 0)


@pytest.mark.parametrize(("mean", "cap"), [(0.3, 1), (1.3, 3), (2.5, 6), (4.0, 2)])
def test_capped_poisson_draws_follow_the_capped_poisson_distribution(mean, cap):
    n = 400_000
    draws = gp._capped_poisson(np.full(n, mean, dtype=np.float32), cap, np.random.default_rng(3))
    poisson = [math.exp(-mean) * mean**k / math.factorial(k) for k in range(cap)]
    expected = [*poisson, 1 - sum(poisson)]  # the cap takes the whole upper tail
    observed = np.bincount(draws, minlength=cap + 1) / n
    for k, p in enumerate(expected):
        assert abs(observed[k] - p) < 5 * math.sqrt(p * (1 - p) / n) + 2**-16, k


@pytest.mark.parametrize("shape", [(0,), (1,), (3,), (5, 7), (2, 3, 5)])
def test_capped_poisson_keeps_any_shape(shape):
    draws = gp._capped_poisson(np.full(shape, 2.0), 4, np.random.default_rng(0))
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


@pytest.mark.parametrize("zone", ["Zone I", "Zone II (Greater Jakarta)", "Zone III"])
def test_each_zone_uses_its_own_fare_floor_and_minimum_fare(zone):
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
    fares = tables[2].set_index(["item", "zone"])
    setup = gp.driver_setup(*tables, zone=zone)
    assert setup["fare_per_km"] == fares.loc[("per-km fare", zone), "low_rp"]
    assert setup["min_fare"] == fares.loc[("minimum fare (first 4 km)", zone), "low_rp"]
    # at the bottom of each band the minimum fare is 4 km at the per-km floor (Kemenhub 2022)
    assert setup["min_fare"] == pytest.approx(4 * setup["fare_per_km"])


# ---------------------------------------------------------------------------------------------
# The legal floor: UMK where one is set, otherwise the UMP
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def wage_tables():
    return load("minimum_wages_2025"), load("minimum_wages_umk_2025")


def test_floors_come_from_the_umk_table_where_a_umk_exists(wage_tables):
    ump, umk = wage_tables
    ump_by = ump.set_index("province")["monthly_rp"]
    for row in umk[umk["valid_from"] == "2025-01-01"].itertuples():
        floor = gp.legal_floor(row.region, row.province, ump, umk)
        assert floor["level"] == "UMK"
        assert floor["monthly_rp"] == row.monthly_rp
        assert floor["monthly_rp"] >= ump_by[row.province]  # a UMK is at least the UMP


def test_the_greater_jakarta_floors_are_the_decreed_umk_not_west_javas_ump(wage_tables):
    ump, umk = wage_tables
    # Keputusan Gubernur Jawa Barat 561.7/Kep.798-Kesra/2024 (via news reports), in rupiah
    decreed = {
        "Kota Bekasi": 5_690_752,
        "Kabupaten Bekasi": 5_558_515,
        "Kota Depok": 5_195_721,
        "Kota Bogor": 5_126_897,
        "Kabupaten Bogor": 4_877_211,
    }
    ump_jabar = ump.set_index("province").loc["Jawa Barat", "monthly_rp"]
    for region, rupiah in decreed.items():
        floor = gp.legal_floor(region, "Jawa Barat", ump, umk)
        assert int(floor["monthly_rp"]) == rupiah
        assert floor["monthly_rp"] > 2 * ump_jabar
        assert "561.7/Kep.798-Kesra/2024" in floor["decree"]


def test_without_a_umk_the_provincial_ump_applies(wage_tables):
    ump, umk = wage_tables
    ump_by = ump.set_index("province")["monthly_rp"]
    for region, province in (
        ("DKI Jakarta", "DKI Jakarta"),
        ("Kota Banjarbaru", "Kalimantan Selatan"),
    ):
        floor = gp.legal_floor(region, province, ump, umk)
        assert floor["level"] == "UMP" and floor["monthly_rp"] == ump_by[province]


def test_a_revised_umk_applies_from_its_date(wage_tables):
    ump, umk = wage_tables
    january = gp.legal_floor("Kota Surabaya", "Jawa Timur", ump, umk, on="2025-01-01")
    november = gp.legal_floor("Kota Surabaya", "Jawa Timur", ump, umk, on="2025-11-01")
    assert january["monthly_rp"] < november["monthly_rp"]
    assert "775/KPTS/013/2024" in january["decree"] and "771/013/2025" in november["decree"]


def test_wrong_province_or_a_umk_below_the_ump_fail_clearly(wage_tables):
    ump, umk = wage_tables
    with pytest.raises(ValueError, match="province must be one of"):
        gp.legal_floor("Kota Bekasi", "Jawa Barta", ump, umk)
    with pytest.raises(ValueError, match="lies in Jawa Barat, not in Banten"):
        gp.legal_floor("Kota Bekasi", "Banten", ump, umk)
    low = umk.copy()
    low.loc[low["region"] == "Kota Depok", "monthly_rp"] = 1_000_000
    with pytest.raises(ValueError, match="below the UMP"):
        gp.legal_floor("Kota Depok", "Jawa Barat", ump, low)


def test_wage_floors_lists_each_place(wage_tables):
    ump, umk = wage_tables
    places = [("DKI Jakarta", "DKI Jakarta"), ("Kota Semarang", "Jawa Tengah")]
    table = gp.wage_floors(places, ump, umk)
    assert list(table.index) == ["DKI Jakarta", "Kota Semarang"]
    assert list(table["level"]) == ["UMP", "UMK"]


# ---------------------------------------------------------------------------------------------
# Commission-cap incidence
# ---------------------------------------------------------------------------------------------

INCIDENCE = {
    "fare_per_trip": 13_000.0,
    "trips_per_hour": 1.2,
    "cost_per_trip": 1_500.0,
    "cost_per_hour": 2_500.0,
    "commission_before": 0.2,
}


def test_with_no_response_the_cap_gives_the_partial_equilibrium_gain():
    out = gp.commission_cap_incidence(
        **INCIDENCE,
        commission_after=0.1,
        passenger_fee_share=0.0,
        bonus_cut_share=0.0,
        entry_share=0.0,
    )
    before = (0.8 * 13_000 - 1_500) * 1.2 - 2_500
    assert out["hourly_before"] == pytest.approx(before)
    assert out["hourly_cap_only"] - before == pytest.approx(0.1 * 13_000 * 1.2)
    assert out["hourly_long_run"] == pytest.approx(out["hourly_cap_only"])
    assert out["driver_hours_ratio"] == pytest.approx(1.0)
    assert out["platform_revenue_ratio"] == pytest.approx(0.5)


def test_full_entry_returns_hourly_earnings_to_where_they_were():
    out = gp.commission_cap_incidence(
        **INCIDENCE,
        commission_after=0.1,
        passenger_fee_share=0.3,
        bonus_cut_share=0.2,
        demand_elasticity=0.7,
        entry_share=1.0,
    )
    assert out["hourly_long_run"] == pytest.approx(out["hourly_before"])
    assert out["trips_per_hour_long_run"] < out["trips_per_hour_before"]  # lower utilisation
    assert out["driver_hours_ratio"] > 1  # more driver-hours share the trips


def test_platform_responses_take_back_part_of_the_gain():
    base = {**INCIDENCE, "commission_after": 0.1, "entry_share": 0.0}
    none = gp.commission_cap_incidence(**base)
    fee = gp.commission_cap_incidence(**base, passenger_fee_share=0.5)
    bonus = gp.commission_cap_incidence(**base, bonus_cut_share=0.5)
    assert fee["hourly_short_run"] < none["hourly_short_run"]  # fewer passengers
    assert fee["passenger_price_change"] == pytest.approx(0.5 * 0.1)
    assert bonus["hourly_short_run"] == pytest.approx(
        none["hourly_short_run"] - 0.5 * 0.1 * 13_000 * 1.2
    )


def test_incidence_inputs_reproduce_the_simulated_hourly_mean(setup):
    sim = gp.simulate_driver_months(**setup, n_months=200, seed=4)
    out = gp.commission_cap_incidence(**gp.incidence_inputs(sim), commission_after=0.1)
    assert out["hourly_before"] == pytest.approx(float(sim.net_monthly.mean()) / 260)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"commission_after": 0.3}, r"commission_after must be at most commission_before"),
        ({"commission_after": 0.1, "entry_share": 1.5}, r"entry_share must be .* \[0, 1\]"),
        ({"commission_after": 0.1, "passenger_fee_share": -0.1}, r"passenger_fee_share must"),
        ({"commission_after": 0.1, "cost_per_trip": 20_000.0}, r"net earnings per trip"),
        ({"commission_after": 0.0, "commission_before": 0.0}, r"commission_before must be"),
        ({"commission_after": 0.1, "trips_per_hour": 0.0}, r"trips_per_hour must be a number"),
    ],
)
def test_invalid_incidence_parameters_raise_clear_errors(change, message):
    with pytest.raises(ValueError, match=message):
        gp.commission_cap_incidence(**{**INCIDENCE, **change})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"commission": 0.6}, r"commission must be a number in \[0, 0.5\]"),
        ({"commission": float("nan")}, r"commission must be a number"),
        ({"surge_cap": 0.9}, r"surge_cap must be a number in \[1, 3\]"),
        ({"hours_per_day": 2.5}, r"hours_per_day must be a whole number in \[1, 16\]"),
        ({"hours_per_day": 0}, r"hours_per_day must be a whole number in \[1, 16\]"),
        ({"days_per_month": 40}, r"days_per_month must be a whole number in \[1, 31\]"),
        ({"fuel_price": -1.0}, r"fuel_price must be a number in \[0, 30000\]"),
        ({"km_per_litre": 0.0}, r"km_per_litre must be a number in \[10, 100\]"),
        ({"demand_profile": np.ones(12)}, r"demand_profile must be an array of at least 24"),
        ({"demand_profile": -np.ones(24)}, r"demand_profile must be .* in \[0, 5\]"),
        ({"demand_profile": [1.0] * 23 + [float("nan")]}, r"demand_profile must be"),
        ({"trip_km": "5"}, r"trip_km must be a number"),
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
        (lambda: gp.deactivation_probability(5.5, 0.8, 50), r"cutoff must .* \[1, 5\]"),
        (lambda: gp.deactivation_probability(4.6, -0.1, 50), r"noise must .* \[0, 3\]"),
        (lambda: gp.deactivation_probability(4.6, 0.8, 0), r"window must be a whole number"),
        (lambda: gp.deactivation_probability(4.6, 0.8, 2.5), r"window must be a whole number"),
        (lambda: gp.star_probabilities(0.5, 0.8), r"quality must be an array .* in \[1, 5\]"),
        (
            lambda: gp.simulate_rating_checks(4.6, 0.8, 50, trips=20),
            r"trips must be at least window",
        ),
    ],
)
def test_invalid_rating_parameters_raise_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------------------------
# One trip by hand, and the declarations of every function (the input rule)
# ---------------------------------------------------------------------------------------------


def test_one_trip_is_the_arithmetic_a_student_does_by_hand():
    out = gp.one_trip(
        fare_per_km=2300.0,
        min_fare=9200.0,
        trip_km=5.0,
        pickup_km=1.5,
        commission=0.2,
        fuel_price=10000.0,
        km_per_litre=45.0,
        upkeep_per_km=100.0,
    )
    assert out["fare"] == pytest.approx(11500.0)  # 5 km x Rp2,300, above the minimum fare
    assert out["driver_share"] == pytest.approx(9200.0)
    assert out["cost_per_km"] == pytest.approx(10000 / 45 + 100)
    assert out["costs"] == pytest.approx(6.5 * (10000 / 45 + 100))
    assert out["net"] == pytest.approx(9200.0 - 6.5 * (10000 / 45 + 100))
    free = {"commission": 0.0, "fuel_price": 0.0, "km_per_litre": 45.0, "upkeep_per_km": 0.0}
    short = gp.one_trip(fare_per_km=2300.0, min_fare=9200.0, trip_km=2.0, pickup_km=1.0, **free)
    assert short["fare"] == short["net"] == 9200.0  # a short trip pays the minimum fare


def test_one_trip_agrees_with_the_simulation_without_cruising(setup):
    """With no cruising and no daily cost, a month's net is its trips times one trip's net
    (no surge, no noise)."""
    plain = {**setup, "surge_cap": 1.0, "demand_noise": 0.0, "idle_km_per_hour": 0.0}
    plain["daily_cost"] = 0.0
    sim = gp.simulate_driver_months(**plain, n_months=20, seed=3)
    trip = gp.one_trip(**{key: plain[key] for key in gp.TRIP_KEYS})
    trips = sim.trips.sum(axis=(1, 2))
    assert np.allclose(sim.net_monthly, trips * trip["net"])


def test_the_zones_are_those_of_the_fares_table():
    assert set(gp.ZONES) == set(load("ojol_fares")["zone"])


def test_a_losing_month_has_no_coefficient_of_variation(setup):
    sim = gp.simulate_driver_months(**{**setup, "trips_per_hour": 0.0}, n_months=20, seed=1)
    summary = gp.earnings_summary(sim)
    assert summary["mean_monthly"] < 0
    assert summary["cv_monthly"] is None and summary["cv_platform"] is None
    with pytest.raises(ValueError, match="sim has no trips"):
        gp.incidence_inputs(sim)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda w: gp.legal_floor("Bekasi", "Jawa Barat", *w), r"region must be a city \('Kota"),
        (lambda w: gp.legal_floor("Kota Bekasi", "", *w), r"province must be a non-empty"),
        (lambda w: gp.legal_floor("Kota Bekasi", "Jawa Barat", *w, on="1/1/25"), r"on must be"),
        (lambda w: gp.wage_floors("Kota Bekasi", *w), r"places must be a list"),
        (lambda w: gp.wage_floors([], *w), r"places must be a non-empty list"),
        (lambda w: gp.legal_floor("Kota Bekasi", "Jawa Barat", None, w[1]), r"ump must be a table"),
    ],
)
def test_bad_places_dates_and_tables_are_refused_by_name(call, message):
    wages = (load("minimum_wages_2025"), load("minimum_wages_umk_2025"))
    with pytest.raises(ValueError, match=message):
        call(wages)


def test_a_setup_with_a_bad_or_missing_value_is_refused(setup):
    with pytest.raises(ValueError, match=r"setup: commission must be a number"):
        gp.earnings_by_hours({**setup, "commission": 0.9}, [8], n_months=5)
    with pytest.raises(ValueError, match=r"setup lacks \['daily_cost'\]"):
        gp.earnings_by_hours({k: v for k, v in setup.items() if k != "daily_cost"}, [8])
    with pytest.raises(ValueError, match=r"hours_grid must be an array"):
        gp.earnings_by_hours(setup, [8.5])
    table = gp.earnings_by_hours(setup, [8, 9], n_months=5)
    assert list(table.columns) == ["mean", "p10", "p90"]  # no thresholds, no shares


def test_a_zone_outside_the_list_is_refused():
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
    with pytest.raises(ValueError, match=r"zone must be one of 'Zone I'"):
        gp.driver_setup(*tables, zone="Zone IV")
