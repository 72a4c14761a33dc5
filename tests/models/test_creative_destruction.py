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
        ({"automation_rate": -0.1}, r"automation_rate must be in \[0, 0.5\]"),
        ({"automation_rate": 0.9}, r"automation_rate must be in \[0, 0.5\]"),
        ({"reinstatement_rate": float("nan")}, r"reinstatement_rate must be a number"),
        ({"retraining_lag": 2.5}, r"retraining_lag must be a whole number in \[0, 15\]"),
        ({"retraining_lag": 20}, r"retraining_lag must be a whole number in \[0, 15\]"),
        ({"years": 0}, r"years must be a whole number in \[1, 100\]"),
        ({"wave_years": 40, "years": 30}, r"wave_years must be a whole number in \[0, 30\]"),
    ],
)
def test_invalid_parameters_raise_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        cd.automation_path(**kwargs)
