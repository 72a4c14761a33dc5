"""Known cases of the compute-concentration models: the tipping market, concentration
measures and compute arithmetic."""

import numpy as np
import pandas as pd
import pytest

from aicap.data import load
from aicap.models import compute_concentration as cc

# ---------------------------------------------------------------------------------------------
# The market with a data/compute feedback loop
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n_firms", [2, 3, 5, 8])
def test_no_feedback_keeps_shares_equal(n_firms):
    result = cc.simulate_market(n_firms, feedback=0.0, periods=100, noise=0.3, seed=3)
    assert np.allclose(result["shares"], 1 / n_firms)
    assert np.allclose(result["hhi"], 10_000 / n_firms)


def test_weak_feedback_returns_to_equal_shares():
    path = cc.market_path(4, feedback=0.7, periods=200, noise=0.2, seed=1)
    final = path.iloc[-1].drop("hhi")
    assert np.allclose(final, 0.25, atol=0.005)


def test_strong_feedback_tips_the_market_to_the_firm_that_starts_ahead():
    result = cc.simulate_market(4, feedback=2.5, periods=150, noise=0.05, seed=7)
    first, last = result["stocks"][0], result["shares"][-1]
    assert last.max() > 0.99
    assert np.argmax(last) == np.argmax(first)  # a small head start decides who wins
    assert result["hhi"][-1] > 9_800


def test_shares_always_add_up_to_one():
    result = cc.simulate_market(
        5, np.linspace(0, 4, 9), 0.1, 0.5, periods=60, entry_period=10, seed=2
    )
    assert np.allclose(result["shares"].sum(axis=-1), 1.0)


@pytest.mark.parametrize(("n_firms", "public"), [(2, 0.0), (4, 0.0), (4, 0.25), (6, 0.1)])
def test_tipping_threshold_separates_stable_and_tipping_markets(n_firms, public):
    threshold = float(cc.tipping_threshold(n_firms, public))
    assert threshold == pytest.approx(1 + n_firms * public)
    below = cc.simulate_market(n_firms, threshold - 0.3, public, periods=300, seed=4)
    above = cc.simulate_market(n_firms, threshold + 0.3, public, periods=300, seed=4)
    assert below["hhi"][-1] == pytest.approx(10_000 / n_firms, rel=1e-3)
    assert above["hhi"][-1] > 1.3 * 10_000 / n_firms


def test_public_compute_keeps_a_tipping_market_shared():
    hhi = cc.simulate_market(4, 2.0, np.array([0.0, 0.35]), periods=200)["hhi"][-1]
    assert hhi[0] > 9_000
    assert hhi[1] == pytest.approx(2_500, rel=1e-3)


def test_entrant_without_data_gets_nothing_when_quality_needs_data():
    path = cc.market_path(4, 1.5, 0.0, 0.0, periods=60, entry_period=20)
    assert np.allclose(path["entrant"], 0.0)


def test_entrant_gets_an_equal_share_without_feedback():
    path = cc.market_path(4, 0.0, 0.0, 0.0, periods=40, entry_period=10)
    assert np.allclose(path.loc[:9, "entrant"], 0.0)
    assert np.allclose(path.loc[10:, ["firm 1", "firm 2", "firm 3", "entrant"]], 0.25)


def test_large_entry_subsidy_lets_the_entrant_take_a_tipping_market():
    small = cc.market_path(4, 2.5, 0.0, 0.05, periods=100, entry_period=20)
    large = cc.market_path(4, 2.5, 0.0, 1.0, periods=100, entry_period=20)
    assert small["entrant"].iloc[-1] < 0.01
    assert large["entrant"].iloc[-1] > 0.99


def test_same_seed_same_market_and_seeds_matter():
    first = cc.simulate_market(4, 1.8, seed=11)["shares"]
    again = cc.simulate_market(4, 1.8, seed=11)["shares"]
    other = cc.simulate_market(4, 1.8, seed=12)["shares"]
    assert np.array_equal(first, again)
    assert not np.allclose(first, other)


def test_vectorised_grid_matches_single_runs():
    feedbacks, publics = np.array([0.5, 1.5, 2.5]), np.array([0.0, 0.2])
    grid = cc.final_hhi_grid(feedbacks, publics, n_firms=3, periods=80)
    for i, public in enumerate(publics):
        for j, phi in enumerate(feedbacks):
            single = cc.market_path(3, float(phi), float(public), periods=80)
            assert grid[i, j] == pytest.approx(single["hhi"].iloc[-1])


def _plain_final_hhi(n_firms, feedback, public, periods, data_turnover=0.1, noise=0.05, seed=0):
    """The market of one cell, period by period, in plain Python: the slow reference."""
    rng = np.random.default_rng(seed)
    start = [1.0 + noise * u for u in rng.uniform(-1.0, 1.0, n_firms)]
    stocks = [value / sum(start) for value in start]
    for period in range(periods + 1):
        quality = [(stock + public) ** feedback for stock in stocks]
        shares = [q / sum(quality) for q in quality]
        if period < periods:
            stocks = [
                (1 - data_turnover) * stock + data_turnover * share
                for stock, share in zip(stocks, shares, strict=True)
            ]
    return 10_000 * sum(share**2 for share in shares)


@pytest.mark.parametrize(
    ("n_firms", "periods", "data_turnover", "noise", "seed"),
    [(4, 150, 0.1, 0.05, 0), (8, 300, 0.1, 0.05, 0), (2, 37, 0.5, 0.3, 9), (5, 500, 0.02, 0.5, 3)],
)
def test_grid_equals_a_plain_loop_over_cells_and_periods(
    n_firms, periods, data_turnover, noise, seed
):
    feedbacks = np.array([0.0, 0.4, 1.0, 1.3, 2.0, 3.5])
    publics = np.array([0.0, 0.05, 0.3, 1.0])
    grid = cc.final_hhi_grid(feedbacks, publics, n_firms, periods, data_turnover, noise, seed)
    assert grid.shape == (4, 6)
    for i, public in enumerate(publics):
        for j, phi in enumerate(feedbacks):
            expected = _plain_final_hhi(n_firms, phi, public, periods, data_turnover, noise, seed)
            assert grid[i, j] == pytest.approx(expected, rel=0, abs=1e-8)


@pytest.mark.parametrize(("n_firms", "periods"), [(2, 20), (4, 150), (6, 230), (8, 300)])
def test_widget_grid_equals_the_full_simulation(n_firms, periods):
    from aicap.figures.compute_concentration import FEEDBACK_GRID, PUBLIC_GRID

    grid = cc.final_hhi_grid(FEEDBACK_GRID, PUBLIC_GRID, n_firms, periods)
    full = cc.simulate_market(n_firms, FEEDBACK_GRID[None, :], PUBLIC_GRID[:, None], 0.0, periods)
    assert np.allclose(grid, full["hhi"][-1], rtol=0, atol=1e-8)
    # both ways of filling a cell are exercised: proven to settle, and simulated
    phi, public = (
        np.ravel(a) for a in np.broadcast_arrays(FEEDBACK_GRID[None, :], PUBLIC_GRID[:, None])
    )
    start = cc._starting_stocks(n_firms, 0.05, 0)
    settled = cc._settles_at_equal_shares(start, phi, public, periods, 0.1, cc.GRID_HHI_TOLERANCE)
    assert settled.any() and not settled.all()


def test_cells_proven_to_settle_are_within_the_tolerance_of_equal_shares():
    """The shortcut's proof, checked against the full simulation on random markets: every cell
    it lets skip ends within ``tolerance`` above the HHI of equal shares (and never below)."""
    rng = np.random.default_rng(2024)
    checked = 0
    for _ in range(150):
        n = int(rng.integers(2, 9))
        periods = int(rng.integers(1, 501))
        turnover, noise = float(rng.uniform(0.01, 1.0)), float(rng.uniform(0.0, 0.5))
        seed = int(rng.integers(0, 2**32))
        tolerance = float(10 ** rng.uniform(-9, 1))
        phi, public = rng.uniform(0.0, 4.0, 10), rng.uniform(0.0, 1.0, 10)
        start = cc._starting_stocks(n, noise, seed)
        settled = cc._settles_at_equal_shares(start, phi, public, periods, turnover, tolerance)
        if not settled.any():
            continue
        full = cc.simulate_market(
            n, phi[settled], public[settled], 0.0, periods, None, turnover, noise, seed
        )
        excess = full["hhi"][-1] - 10_000 / n
        assert np.all(excess > -1e-9)
        assert np.all(excess < tolerance)
        checked += int(settled.sum())
    assert checked > 100


def test_strong_feedback_never_counts_as_settled():
    start = cc._starting_stocks(4, 0.05, 0)
    phi = np.array([1.5, 2.0, 3.0])
    settled = cc._settles_at_equal_shares(start, phi, np.zeros(3), 500, 0.1, 1e3)
    assert not settled.any()  # above the tipping threshold: the market does not return


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_firms": 9}, r"n_firms must be a whole number in \[2, 8\]"),
        ({"periods": 501}, r"periods must be a whole number in \[1, 500\]"),
        ({"data_turnover": 1.5}, r"data_turnover must be in \[0.01, 1\]"),
        ({"noise": -0.1}, r"noise must be in \[0, 0.5\]"),
        ({"seed": 2.5}, r"seed must be a whole number"),
        ({"feedbacks": np.array([1.0, 4.5])}, r"feedback must be in \[0, 4\]"),
        ({"public_computes": np.array([-0.1])}, r"public_compute must be in \[0, 1\]"),
    ],
)
def test_invalid_grid_parameters_raise_clear_errors(kwargs, message):
    arguments = {"feedbacks": np.array([1.0, 2.0]), "public_computes": np.array([0.0, 0.1])}
    with pytest.raises(ValueError, match=message):
        cc.final_hhi_grid(**{**arguments, **kwargs})


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_firms": 1}, r"n_firms must be a whole number in \[2, 8\]"),
        ({"n_firms": 2.5}, r"n_firms must be a whole number in \[2, 8\]"),
        ({"feedback": -0.1}, r"feedback must be in \[0, 4\]"),
        ({"feedback": float("nan")}, r"feedback must be a number"),
        ({"public_compute": 1.5}, r"public_compute must be in \[0, 1\]"),
        ({"entry_subsidy": -1.0}, r"entry_subsidy must be in \[0, 1\]"),
        ({"periods": 0}, r"periods must be a whole number in \[1, 500\]"),
        ({"entry_period": 90, "periods": 60}, r"entry_period must be a whole number in \[1, 60\]"),
        ({"data_turnover": 0.0}, r"data_turnover must be in \[0.01, 1\]"),
        ({"noise": 0.9}, r"noise must be in \[0, 0.5\]"),
        ({"seed": -1}, r"seed must be a whole number"),
    ],
)
def test_invalid_market_parameters_raise_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        cc.simulate_market(**kwargs)


def test_market_path_wants_single_numbers():
    with pytest.raises(ValueError, match="feedback must be a single number"):
        cc.market_path(4, np.array([1.0, 2.0]))


# ---------------------------------------------------------------------------------------------
# Measures of concentration
# ---------------------------------------------------------------------------------------------


def test_hhi_of_a_monopoly_is_10000():
    assert cc.hhi([1.0]) == pytest.approx(10_000)
    assert cc.hhi([1.0, 0.0, 0.0]) == pytest.approx(10_000)


@pytest.mark.parametrize("n", [1, 2, 4, 5, 10, 100])
def test_hhi_of_n_equal_firms_is_10000_over_n(n):
    assert cc.hhi(np.full(n, 1 / n)) == pytest.approx(10_000 / n)


def test_hhi_of_a_known_share_vector_and_along_an_axis():
    assert cc.hhi([0.5, 0.3, 0.2]) == pytest.approx(2_500 + 900 + 400)
    rows = np.array([[0.5, 0.5], [1.0, 0.0]])
    assert np.allclose(cc.hhi(rows), [5_000, 10_000])


def test_concentration_ratio():
    shares = [0.05, 0.4, 0.1, 0.2, 0.25]
    assert cc.concentration_ratio(shares, 4) == pytest.approx(0.95)
    assert cc.concentration_ratio(shares, 1) == pytest.approx(0.4)


def test_hhi_bounds_from_the_largest_shares():
    low, high = cc.hhi_bounds([0.31, 0.24, 0.11])
    assert low == pytest.approx(961 + 576 + 121)
    # the other 34% at most as three firms of 11% and one of 1%
    assert high == pytest.approx(low + 3 * 121 + 1)
    assert cc.hhi_bounds([0.5, 0.5]) == pytest.approx((5_000, 5_000))


@pytest.mark.parametrize(
    ("shares", "message"),
    [
        ([0.6, 0.6], "add up to at most 1"),
        ([-0.1, 0.5], r"fractions of the market in \[0, 1\]"),
        ([31, 24, 11], "divide percentages by 100"),
        ([], "at least one market share"),
    ],
)
def test_bad_shares_are_rejected(shares, message):
    with pytest.raises(ValueError, match=message):
        cc.hhi(shares)


def test_lorenz_and_gini_known_cases():
    x, y = cc.lorenz_curve([5, 5, 5, 5])
    assert np.allclose(x, y)
    assert cc.gini([5, 5, 5, 5]) == pytest.approx(0.0)
    assert cc.gini([0, 0, 0, 10]) == pytest.approx(1 - 1 / 4)
    with pytest.raises(ValueError, match="positive total"):
        cc.gini([0, 0])


def test_classify_hhi_with_the_guidelines_table():
    thresholds = load("hhi_thresholds")
    assert cc.classify_hhi(1_000, thresholds, 2010) == "unconcentrated"
    assert cc.classify_hhi(2_000, thresholds, 2010) == "moderately concentrated"
    assert cc.classify_hhi(2_000, thresholds, 2023) == "highly concentrated"
    assert cc.classify_hhi(1_800, thresholds, 2023) == "not highly concentrated"
    with pytest.raises(ValueError, match="guidelines must be one of"):
        cc.classify_hhi(2_000, thresholds, 1999)


def test_growth_per_year_of_a_doubling_series():
    years = np.arange(2000, 2011)
    fit = cc.growth_per_year(years, 2.0 ** (years - 2000))
    assert fit["factor_per_year"] == pytest.approx(2.0)
    assert fit["doubling_months"] == pytest.approx(12.0)


def test_top500_shares_are_percentages_of_500_systems():
    table = pd.DataFrame(
        {
            "list": ["2024-11"],
            "systems_with_accelerator": [209],
            "share_of_total_Rmax_pct": [82.6],
            "nvidia_systems": [183],
            "nvidia_share_Rmax_pct": [35.1],
            "method": ["same"],
        }
    )
    shares = cc.top500_shares(table)
    assert shares.loc[2024, "accelerated_systems_pct"] == pytest.approx(41.8)
    assert shares.loc[2024, "cpu_only_rmax_pct"] == pytest.approx(17.4)


# ---------------------------------------------------------------------------------------------
# Compute arithmetic
# ---------------------------------------------------------------------------------------------


def test_energy_of_a_campus():
    assert float(cc.annual_energy_twh(1.0)) == pytest.approx(8_760 / 1e6)
    assert float(cc.annual_energy_twh(500, load_factor=0.5)) == pytest.approx(2.19)


def test_accelerators_and_training_days():
    chips = float(cc.accelerators_supported(1.0, 1.0, 1.0))
    assert chips == pytest.approx(1_000)
    assert float(cc.accelerators_supported(1.0, 1.0, 2.0)) == pytest.approx(500)
    days = float(cc.training_days(86_400 * 1e15, 1.0, 1e15, 1.0))
    assert days == pytest.approx(1.0)
    assert float(cc.training_days(86_400 * 1e15, 2.0, 1e15, 0.5)) == pytest.approx(1.0)


def test_purchase_bill():
    bill = cc.purchase_bill(1e9, 2e4, 1e14)
    assert bill["cost"] == pytest.approx(2e13)
    assert bill["share_of_output"] == pytest.approx(0.2)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: cc.annual_energy_twh(-5), r"power_mw must be in"),
        (lambda: cc.accelerators_supported(500, 0.0, 1.3), r"kw_per_accelerator must be in"),
        (lambda: cc.accelerators_supported(500, 1.4, 0.5), r"pue must be in \[1, 3\]"),
        (lambda: cc.training_days(1e25, 1e5, 1e15, 0.0), r"utilisation must be in"),
        (lambda: cc.purchase_bill(1e9, 2e4, 0.0), r"annual_output must be in"),
    ],
)
def test_invalid_arithmetic_inputs_raise_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()
