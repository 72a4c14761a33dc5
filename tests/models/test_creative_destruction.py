"""Known cases of the automation race model."""

import numpy as np
import pytest

from aicap.models import creative_destruction as cd


def test_no_automation_gives_a_flat_path():
    path = cd.automation_path(automation_rate=0.0, reinstatement_rate=0.05, retraining_lag=3)
    assert np.allclose(path["employment"], 1.0)
    assert np.allclose(path["unemployment"], 0.0)


def test_balanced_reinstatement_with_no_lag_gives_no_unemployment():
    path = cd.automation_path(automation_rate=0.04, reinstatement_rate=0.04, retraining_lag=0)
    assert path["displaced"].sum() > 0  # jobs really are lost ...
    assert np.allclose(path["unemployment"], 0.0)  # ... and refilled in the same year


def test_lag_creates_a_hump_that_closes_after_the_wave():
    wave, lag = 10, 3
    path = cd.automation_path(0.03, 0.03, lag, wave_years=wave, years=30)
    summary = cd.race_summary(path["unemployment"])
    assert summary["peak"] > 0.05  # about three years of displaced workers in training
    assert summary["recovery_year"] == wave + lag  # last cohort finishes lag years after
    assert summary["final"] == pytest.approx(0.0, abs=1e-12)


def test_too_few_new_tasks_leaves_lasting_unemployment():
    path = cd.automation_path(0.04, 0.01, retraining_lag=1, wave_years=10, years=30)
    summary = cd.race_summary(path["unemployment"])
    assert summary["recovery_year"] is None
    assert summary["final"] > 0.2


def test_stocks_add_up_to_the_labour_force():
    path = cd.automation_path(0.05, 0.02, 4, wave_years=12, years=40)
    total = path["employment"] + path["retraining"] + path["waiting"]
    assert np.allclose(total, 1.0)


def test_longer_retraining_never_lowers_the_peak():
    peaks = cd.peak_unemployment_grid(0.03, np.array([0.03]), np.arange(0, 11))[:, 0]
    assert np.all(np.diff(peaks) >= -1e-12)
    assert peaks[-1] > peaks[0]


def test_vectorised_grid_matches_single_runs():
    rates, lags = np.array([0.0, 0.02, 0.05]), np.array([0, 2, 5])
    grid = cd.peak_unemployment_grid(0.03, rates, lags, wave_years=8, years=25)
    for i, lag in enumerate(lags):
        for j, rate in enumerate(rates):
            single = cd.automation_path(0.03, rate, int(lag), wave_years=8, years=25)
            assert grid[i, j] == pytest.approx(single["unemployment"].max())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"automation_rate": -0.1}, r"automation_rate must be a number in \[0, 0.5\]"),
        ({"automation_rate": 0.9}, r"automation_rate must be a number in \[0, 0.5\]"),
        ({"reinstatement_rate": float("nan")}, r"reinstatement_rate must be a number"),
        ({"retraining_lag": 2.5}, r"retraining_lag must be a whole number in \[0, 15\]"),
        ({"retraining_lag": 20}, r"retraining_lag must be a whole number in \[0, 15\]"),
        ({"years": 0}, r"years must be a whole number in \[1, 100\]"),
        ({"wave_years": 40, "years": 30}, r"wave_years must be at most years"),
    ],
)
def test_invalid_parameters_raise_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        cd.automation_path(**kwargs)


@pytest.mark.parametrize("lag", [0, 1, 2, 5, 10])
@pytest.mark.parametrize("wave", [1, 5, 10, 30])
@pytest.mark.parametrize(("a", "r"), [(0.01, 0.01), (0.03, 0.03), (0.03, 0.06), (0.08, 0.1)])
def test_peak_rule_holds_whenever_new_tasks_keep_pace(a, r, lag, wave):
    """peak = 1 - (1 - a) ** min(L, W) for every r >= a, reached in year min(L, W)."""
    path = cd.automation_path(a, r, lag, wave_years=wave, years=60)
    summary = cd.race_summary(path["unemployment"])
    assert summary["peak"] == pytest.approx(cd.balanced_peak(a, lag, wave), abs=1e-12)
    if lag:
        assert summary["peak_year"] == min(lag, wave)


def test_plateau_rule_is_where_a_long_wave_settles():
    for a, lag in [(0.03, 2), (0.03, 5), (0.08, 5)]:
        path = cd.automation_path(a, a, lag, wave_years=80, years=80)
        assert path["unemployment"].iloc[60] == pytest.approx(cd.balanced_plateau(a, lag), 1e-6)
    # the rule of thumb L * a overstates both when L * a is large
    assert cd.balanced_peak(0.08, 5) < 0.4 and cd.balanced_plateau(0.08, 5) < 0.3


def test_a_shortfall_of_new_tasks_falls_after_the_wave_but_never_closes():
    """With r < a unemployment can fall once the wave ends (vacancies fill) but not to zero:
    what is left is the jobs never created."""
    path = cd.automation_path(0.03, 0.025, 5, wave_years=10, years=30)
    u = path["unemployment"]
    assert u.iloc[30] < u.iloc[10]
    lasting = path["displaced"].sum() - path["new_jobs"].sum()
    assert u.iloc[30] == pytest.approx(lasting)
    final = cd.final_unemployment_grid(0.03, np.array([0.025, 0.03]), np.array([5]), 10, 30)
    assert final[0, 0] == pytest.approx(lasting) and final[0, 1] == pytest.approx(0.0, abs=1e-12)


def test_a_longer_wave_raises_the_peak_only_when_new_tasks_fall_short():
    even = [cd.automation_path(0.03, 0.03, 2, w, 40)["unemployment"].max() for w in (10, 30)]
    short = [cd.automation_path(0.03, 0.02, 2, w, 40)["unemployment"].max() for w in (10, 30)]
    assert even[0] == pytest.approx(even[1])
    assert short[1] > 2 * short[0]
