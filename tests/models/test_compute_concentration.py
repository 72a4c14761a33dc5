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
        ({"data_turnover": 1.5}, r"data_turnover must be a number in \[0.01, 1\]"),
        ({"noise": -0.1}, r"noise must be a number in \[0, 0.5\]"),
        ({"seed": 2.5}, r"seed must be a whole number"),
        ({"feedbacks": np.array([1.0, 4.5])}, r"feedbacks must be an array .* in \[0, 4\]"),
        ({"public_computes": np.array([-0.1])}, r"public_computes must be an array .* in \[0, 1\]"),
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
        ({"feedback": -0.1}, r"feedback must be .* in \[0, 4\]"),
        ({"feedback": float("nan")}, r"feedback must be .* in \[0, 4\]"),
        ({"public_compute": 1.5}, r"public_compute must be .* in \[0, 1\]"),
        ({"entry_subsidy": -1.0}, r"entry_subsidy must be .* in \[0, 1\]"),
        ({"periods": 0}, r"periods must be a whole number in \[1, 500\]"),
        ({"entry_period": 90, "periods": 60}, r"entry_period must be at most periods"),
        ({"data_turnover": 0.0}, r"data_turnover must be a number in \[0.01, 1\]"),
        ({"noise": 0.9}, r"noise must be a number in \[0, 0.5\]"),
        ({"seed": -1}, r"seed must be a whole number"),
    ],
)
def test_invalid_market_parameters_raise_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        cc.simulate_market(**kwargs)


def test_market_path_wants_single_numbers():
    with pytest.raises(ValueError, match=r"feedback must be a number in \[0, 4\]"):
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
        ([-0.1, 0.5], r"shares must be an array .* in \[0, 1\] \(fractions of the market"),
        ([31, 24, 11], "divide percentages by 100"),
        ([], r"shares must be an array of at least 1"),
        ([0.0, 0.0], "add up to more than 0"),
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
        (lambda: cc.annual_energy_twh(-5), r"power_mw must be .* in \[0, 100000\]"),
        (
            lambda: cc.accelerators_supported(500, 0.0, 1.3),
            r"kw_per_accelerator must be a number in",
        ),
        (lambda: cc.accelerators_supported(500, 1.4, 0.5), r"pue must be a number in \[1, 3\]"),
        (lambda: cc.training_days(1e25, 1e5, 1e15, 0.0), r"utilisation must be a number in"),
        (lambda: cc.purchase_bill(1e9, 2e4, 0.0), r"annual_output must be a number in"),
    ],
)
def test_invalid_arithmetic_inputs_raise_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------------------------
# Bounds from partial counts, and bad input to the inequality measures
# ---------------------------------------------------------------------------------------------


def test_cpu_only_at_most_from_a_lower_bound_on_accelerated_systems():
    assert cc.cpu_only_at_most_pct(0) == pytest.approx(100.0)
    assert cc.cpu_only_at_most_pct(500) == pytest.approx(0.0)
    assert cc.cpu_only_at_most_pct(125) == pytest.approx(75.0)
    assert cc.cpu_only_at_most_pct(88, list_size=100) == pytest.approx(12.0)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"accelerated_at_least": 501},
            r"accelerated_at_least must be at most list_size",
        ),
        ({"accelerated_at_least": -1}, r"accelerated_at_least must be"),
        ({"accelerated_at_least": 2.5}, r"accelerated_at_least must be a whole number"),
        ({"accelerated_at_least": 10, "list_size": 0}, r"list_size must be"),
    ],
)
def test_cpu_only_at_most_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        cc.cpu_only_at_most_pct(**kwargs)


@pytest.mark.parametrize("values", [[1, 2, np.inf], [1, np.nan], ["a", "b"], []])
def test_lorenz_and_gini_reject_non_finite_or_non_numbers(values):
    with pytest.raises(ValueError, match="values must be"):
        cc.gini(values)
    with pytest.raises(ValueError, match="values must be"):
        cc.lorenz_curve(values)


# ---------------------------------------------------------------------------------------------
# Facts the chapter corrected (issue 16): pinned so a later edit cannot undo them
# ---------------------------------------------------------------------------------------------


def test_the_forum_was_in_washington_on_19_november_2025():
    forum = load("musk_huang_forum").set_index("fact")["value"]
    assert forum["event"] == "U.S.–Saudi Investment Forum"
    assert "Washington" in forum["venue"]
    assert pd.Timestamp(forum["date"]) == pd.Timestamp("2025-11-19")
    assert forum["data centre announced (where it will be built)"] == "Saudi Arabia"
    claims = load("compute_claims_seed").set_index("claim")["value"]
    power = float(forum["data centre announced (power)"].split()[0])
    assert power == claims["planned AI data centre in the desert"]


def test_nvidia_statement_is_about_the_top100_not_the_top500():
    nvidia = load("nvidia_sc25_supercomputers")
    cpu_only = nvidia[nvidia["item"] == "CPU-only systems"].set_index("year")
    assert set(cpu_only["scope"]) == {"TOP100"}
    assert cpu_only.loc[2019, "value"] == 70 and cpu_only.loc[2019, "qualifier"] == "nearly"
    assert cpu_only.loc[2025, "value"] == 15 and cpu_only.loc[2025, "qualifier"] == "below"
    claims = load("compute_claims_seed")
    claimed_then = claims.loc[claims["claim"] == "TOP500 supercomputers using CPUs", "value"]
    assert claimed_then.iloc[0] != cpu_only.loc[2019, "value"]  # the source's 90% is not NVIDIA's


def test_nvidia_count_agrees_with_the_book_count_of_the_2024_list():
    nvidia = load("nvidia_sc25_supercomputers").set_index("item")["value"]
    implied_2024 = (
        nvidia["NVIDIA GPU-accelerated systems"]
        - nvidia["increase in NVIDIA GPU-accelerated systems over one year"]
    )
    top500 = load("top500_accelerators").set_index("list")
    assert abs(implied_2024 - top500.loc["2024-11", "nvidia_systems"]) <= 1


def test_gpu_shipment_figures_do_not_add_up_and_the_table_says_so():
    gpus = load("datacentre_gpu_shipments").set_index("vendor")["units_million"]
    vendors = gpus[["NVIDIA", "AMD", "Intel"]].sum()
    assert vendors > gpus["all vendors"]  # the inconsistency the chapter shows
    share_of_total = gpus["NVIDIA"] / gpus["all vendors"]
    share_of_vendors = gpus["NVIDIA"] / vendors
    assert share_of_total > 0.95 and share_of_vendors < 0.85
    for share in (share_of_total, share_of_vendors):  # the verdict survives either reading
        assert cc.hhi([share]) > 1_800


def test_chapter_names_the_forum_correctly_and_has_a_summary():
    from pathlib import Path

    text = (Path(__file__).parents[2] / "chapters" / "compute_concentration.md").read_text(
        encoding="utf-8"
    )
    assert "Washington, D.C." in text
    assert "**That is wrong.**" in text
    assert "unsigned third-party content" in text
    assert "TOP100" in text
    assert "mixes two measures" not in text and "mix the two measures" not in text
    assert "\n## Summary\n" in text
    assert text.count("The maths (optional)") >= 3


# ---------------------------------------------------------------------------------------------
# A market that has tipped: hysteresis (wave-2 review: the threshold is only about an even
# market)
# ---------------------------------------------------------------------------------------------


def test_lock_in_limit_for_two_firms_is_the_threshold():
    for phi in (1.5, 2.0, 2.5):
        assert cc.lock_in_limit(2, phi) == pytest.approx((phi - 1) / 2, abs=1e-6)


def test_lock_in_limit_of_four_firms_at_feedback_two():
    # the leader's steady state merges with the unstable one at P = 1 / (2 * sqrt(3))
    assert cc.lock_in_limit(4, 2.0) == pytest.approx(1 / (2 * np.sqrt(3)), abs=1e-6)
    assert cc.lock_in_limit(4, 2.0) > (2.0 - 1.0) / 4


def test_without_feedback_above_one_nothing_stays_tipped():
    assert cc.lock_in_limit(4, 0.8) == 0.0
    assert cc.lock_in_limit(8, 1.0) == 0.0


@pytest.mark.parametrize(("n_firms", "phi"), [(3, 2.0), (4, 2.0), (4, 3.0), (6, 1.5)])
def test_a_tipped_market_stays_tipped_below_the_limit_and_untips_above(n_firms, phi):
    limit = cc.lock_in_limit(n_firms, phi)
    threshold = (phi - 1) / n_firms
    assert limit > threshold
    between = (threshold + limit) / 2
    kept = cc.simulate_market(n_firms, phi, between, periods=500, leader_stock=0.97)
    even = cc.simulate_market(n_firms, phi, between, periods=500)
    assert kept["shares"][-1].max() > 1.5 / n_firms  # still tipped
    assert even["hhi"][-1] == pytest.approx(10_000 / n_firms, rel=1e-3)  # still even
    above = cc.simulate_market(n_firms, phi, min(1.0, limit + 0.05), periods=500, leader_stock=0.97)
    assert above["hhi"][-1] == pytest.approx(10_000 / n_firms, rel=1e-2)


def test_leader_stock_sets_the_start_and_the_grid_follows_it():
    result = cc.simulate_market(4, 2.0, 0.0, periods=3, leader_stock=0.7)
    assert np.allclose(result["stocks"][0], [0.7, 0.1, 0.1, 0.1])
    grid = cc.final_hhi_grid(np.array([1.5, 2.0]), np.array([0.0, 0.27]), 4, 120, leader_stock=0.97)
    full = cc.simulate_market(
        4,
        np.array([1.5, 2.0])[None, :],
        np.array([0.0, 0.27])[:, None],
        0.0,
        120,
        leader_stock=0.97,
    )
    assert np.allclose(grid, full["hhi"][-1], rtol=0, atol=1e-8)


def test_entrant_without_data_gets_nothing_for_any_feedback_above_zero():
    for phi in (0.3, 0.9, 1.0, 2.0):
        path = cc.market_path(4, phi, 0.0, 0.0, periods=80, entry_period=20)
        assert path["entrant"].iloc[-1] == 0.0
    weak = cc.market_path(4, 0.5, 0.0, 0.0, periods=80, entry_period=20)
    assert weak["hhi"].iloc[-1] == pytest.approx(10_000 / 3, rel=1e-3)  # above 1,800


# ---------------------------------------------------------------------------------------------
# Measures: cases the chapter works by hand
# ---------------------------------------------------------------------------------------------


def test_merger_raises_the_hhi_by_twice_the_product_of_the_shares():
    before, after = cc.hhi([0.5, 0.3, 0.2]), cc.hhi([0.5, 0.5])
    assert before == pytest.approx(3_800)
    assert after - before == pytest.approx(2 * 30 * 20)


def test_gini_of_one_one_four_is_a_third():
    assert cc.gini([1, 1, 4]) == pytest.approx(1 / 3)


def test_growth_that_does_not_rise_has_no_doubling_time():
    fit = cc.growth_per_year([2000, 2001, 2002], [5.0, 4.0, 3.0])
    assert fit["factor_per_year"] < 1 and fit["doubling_months"] is None


def test_hhi_bounds_stay_finite_with_tiny_shares():
    low, high = cc.hhi_bounds([1e-300])
    assert np.isfinite(low) and np.isfinite(high) and high >= low


# ---------------------------------------------------------------------------------------------
# Indonesian facts the chapter added in the wave-2 review: pinned to their tables
# ---------------------------------------------------------------------------------------------


def test_kppu_xl_axis_screen_can_be_checked_by_hand():
    screens = load("kppu_merger_screens").set_index("year")
    xl = screens.loc[2013]
    assert xl["hhi_after"] - xl["hhi_before"] == xl["hhi_change"] == 251
    assert xl["hhi_after"] > xl["screen_hhi_above"] == 1_800
    assert xl["hhi_change"] > xl["screen_change_above"] == 150
    assert screens.loc[2022, "figures_are"] == "lower bounds"


def test_law_5_1999_share_tests_and_fines():
    law = load("competition_law_id").set_index("provision")["value"]
    assert law["Law 5/1999, Article 17(2)(c)"] == 50
    assert law["Law 5/1999, Article 25(2)(a)"] == 50
    assert law["Law 5/1999, Article 25(2)(b)"] == 75
    rules = load("competition_law_id").set_index("rule")["value"]
    assert rules["highest KPPU fine before the Job Creation Law"] == 25
    cases = load("kppu_digital_cases")
    google = cases[cases["respondent"] == "Google LLC"].iloc[0]
    assert google["fine_idr_billion"] > rules["highest KPPU fine before the Job Creation Law"]


def test_grab_case_names_its_four_metropolitan_markets():
    cases = load("kppu_digital_cases")
    grab = cases[cases["respondent"].str.contains("Grab")].iloc[0]
    for city in ("Jabodetabek", "Medan", "Makassar", "Surabaya"):
        assert city in grab["relevant_market"]
    assert set(cases["case_number"]) >= {"04/KPPU-I/2024", "02/KPPU-M/2025"}


def test_cloud_hhi_with_the_published_next_tier_is_just_below_1800():
    cloud = load("cloud_market_shares")
    top = cloud[cloud["row_type"] == "provider"]["share_pct"] / 100
    rest = cloud[cloud["row_type"] == "next tier (Q4 2022)"]["share_pct"] / 100
    low, high = cc.hhi_bounds(np.concatenate([top, rest]))
    assert 1_650 < low <= high < 1_800


def test_robot_bill_uses_measured_world_output():
    world = load("world_output").iloc[0]
    claims = load("compute_claims_seed").set_index("claim")["value"]
    bill = cc.purchase_bill(
        claims["Tesla target for humanoid robots"],
        claims["price of one humanoid robot"],
        world["gdp_usd_trillion"] * 1e12,
    )
    assert 0.15 < bill["share_of_output"] < 0.2
