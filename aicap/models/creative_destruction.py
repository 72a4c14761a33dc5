"""Creative destruction as a race: automation displaces workers, new tasks reinstate them.

A year-by-year version of the task-based view of Acemoglu & Restrepo (2019). The labour force
is fixed at 1 (shares of it). Each year of an automation wave:

* **displacement** — machines take over a share ``automation_rate`` of the tasks done by
  employed workers, who lose those jobs;
* **reinstatement** — new tasks appear and open new jobs equal to a share
  ``reinstatement_rate`` of employment;
* **retraining** — a displaced worker can take a new job only after ``retraining_lag`` years
  of retraining; new jobs wait (as vacancies) until someone qualified is ready.

Unemployment is everyone not employed: people retraining plus trained people still waiting for
a new job. (A statistical office would count many of them differently: see the chapter.) The
model has no new entrants to the labour force and no productivity effect; only displaced
workers fill the new jobs. All functions are pure: numbers in, arrays or DataFrames out.

Two results hold exactly when new tasks keep pace (``reinstatement_rate >= automation_rate``):
the peak is ``1 - (1 - a) ** min(L, W)``, reached in year ``min(L, W)`` before anyone is
rehired (:func:`balanced_peak`), and during a long wave unemployment settles towards
``L * a / (1 + L * a)`` (:func:`balanced_plateau`). When new tasks fall short, the shortfall
``max(0, displaced - new jobs)`` stays unemployed for good (:func:`final_unemployment_grid`).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from aicap.checks import Count, Real, Reals, Relation, broadcastable, validated

#: Allowed parameter ranges: (low, high). Rates are shares of employment per year.
RANGES = {
    "automation_rate": (0.0, 0.5),
    "reinstatement_rate": (0.0, 0.5),
    "retraining_lag": (0, 15),
    "wave_years": (0, 100),
    "years": (1, 100),
}

AUTOMATION = Real(*RANGES["automation_rate"])
REINSTATEMENT = Real(*RANGES["reinstatement_rate"])
LAG = Count(*RANGES["retraining_lag"])
WAVE = Count(*RANGES["wave_years"])
YEARS = Count(*RANGES["years"])
WAVE_WITHIN_YEARS = Relation(
    "wave_years must be at most years", lambda a: a["wave_years"] <= a["years"]
)
BROADCAST = broadcastable("automation_rate", "reinstatement_rate", "retraining_lag")
#: The grid functions take one value or an array of values for a rate or a lag.
GRID = dict(
    automation_rate=Reals(*RANGES["automation_rate"], scalar=True, ndim=None),
    reinstatement_rate=Reals(*RANGES["reinstatement_rate"], scalar=True, ndim=None),
    retraining_lag=Reals(*RANGES["retraining_lag"], whole=True, scalar=True, ndim=None),
    wave_years=WAVE,
    years=YEARS,
)


#: Every flow and stock is a non-negative share of the labour force; unfilled vacancies can add
#: up to more than 1 when new tasks far outrun retraining.
SHARES = Real(0, math.inf)


@validated(WAVE_WITHIN_YEARS, BROADCAST, returns=SHARES, **GRID)
def simulate_flows(
    automation_rate: float | np.ndarray,
    reinstatement_rate: float | np.ndarray,
    retraining_lag: int | np.ndarray,
    wave_years: int = 10,
    years: int = 30,
) -> dict[str, np.ndarray]:
    """Run the race for one or many scenarios at once.

    The three rate/lag arguments broadcast against each other, so one call runs a whole grid
    of scenarios. Returns a dict of arrays of shape ``(years + 1, *broadcast_shape)`` (year 0
    is the starting point, full employment), all shares of the labour force: ``employment``,
    ``unemployment``, ``displaced`` and ``new_jobs`` (flows in the year), ``hires``,
    ``retraining`` (still training), ``waiting`` (trained, no job yet) and ``vacancies``
    (new jobs still unfilled).
    """
    a, r, lag = np.broadcast_arrays(
        np.asarray(automation_rate, dtype=float),
        np.asarray(reinstatement_rate, dtype=float),
        np.asarray(retraining_lag, dtype=int),
    )
    names = ["employment", "displaced", "new_jobs", "hires", "retraining", "waiting", "vacancies"]
    out = {name: np.zeros((years + 1, *a.shape)) for name in names}
    out["employment"][0] = 1.0
    employment, waiting, vacancies = np.ones(a.shape), np.zeros(a.shape), np.zeros(a.shape)
    finished_total = np.zeros(a.shape)
    for t in range(1, years + 1):
        in_wave = t <= wave_years
        displaced = a * employment if in_wave else np.zeros(a.shape)
        new_jobs = r * employment if in_wave else np.zeros(a.shape)
        out["displaced"][t] = displaced
        # workers displaced in year t - lag finish retraining now (lag 0: straight away)
        start_year = t - lag
        finished = np.where(
            start_year >= 1,
            np.take_along_axis(out["displaced"], np.clip(start_year, 0, None)[None, ...], 0)[0],
            0.0,
        )
        finished_total += finished
        waiting = waiting + finished
        vacancies = vacancies + new_jobs
        hires = np.minimum(waiting, vacancies)
        waiting, vacancies = waiting - hires, vacancies - hires
        employment = employment - displaced + hires
        out["employment"][t] = employment
        out["new_jobs"][t] = new_jobs
        out["hires"][t] = hires
        out["retraining"][t] = out["displaced"][: t + 1].sum(axis=0) - finished_total
        out["waiting"][t] = waiting
        out["vacancies"][t] = vacancies
    # rounding can leave 1 - employment a hair below zero (-1e-16); unemployment is a share
    out["unemployment"] = np.clip(1.0 - out["employment"], 0.0, 1.0)
    return out


@validated(WAVE_WITHIN_YEARS, BROADCAST, returns=Real(0, 1), **GRID)
def unemployment_paths(
    automation_rate: float | np.ndarray,
    reinstatement_rate: float | np.ndarray,
    retraining_lag: int | np.ndarray,
    wave_years: int = 10,
    years: int = 30,
) -> np.ndarray:
    """Unemployment share in years 0..``years``, shape ``(years + 1, *broadcast_shape)``."""
    flows = simulate_flows(automation_rate, reinstatement_rate, retraining_lag, wave_years, years)
    return flows["unemployment"]


@validated(
    WAVE_WITHIN_YEARS,
    returns=SHARES,
    automation_rate=AUTOMATION,
    reinstatement_rate=REINSTATEMENT,
    retraining_lag=LAG,
    wave_years=WAVE,
    years=YEARS,
)
def automation_path(
    automation_rate: float = 0.03,
    reinstatement_rate: float = 0.03,
    retraining_lag: int = 2,
    wave_years: int = 10,
    years: int = 30,
) -> pd.DataFrame:
    """One scenario, year by year, as a table.

    Parameters
    ----------
    automation_rate : share of employed workers' tasks automated per year of the wave (0–0.5)
    reinstatement_rate : new jobs from new tasks per year of the wave, as a share of
        employment (0–0.5)
    retraining_lag : whole years a displaced worker needs before taking a new job (0–15)
    wave_years : number of years the automation wave lasts (0–``years``)
    years : length of the simulation in years (1–100)

    Returns
    -------
    DataFrame indexed by ``year`` (0..years) with the columns of :func:`simulate_flows`.
    """
    flows = simulate_flows(automation_rate, reinstatement_rate, retraining_lag, wave_years, years)
    table = pd.DataFrame({name: values for name, values in flows.items()})
    table.index.name = "year"
    columns = [
        "employment",
        "unemployment",
        "displaced",
        "new_jobs",
        "hires",
        "retraining",
        "waiting",
        "vacancies",
    ]
    return table[columns]


@validated(unemployment=Reals(0, 1), threshold=Real(0, 1, include_low=False))
def race_summary(unemployment: pd.Series | np.ndarray, threshold: float = 0.005) -> dict:
    """Describe a path's jobless hump.

    Returns ``peak`` (highest unemployment share), ``peak_year``, ``final`` (last year's
    share) and ``recovery_year``: the first year after the peak when unemployment is back
    below ``threshold`` (None if it never is within the simulation).
    """
    values = unemployment
    peak_year = int(np.argmax(values))
    below = np.nonzero(values[peak_year:] < threshold)[0]
    recovered = int(peak_year + below[0]) if values[peak_year] >= threshold and below.size else None
    return {
        "peak": float(values[peak_year]),
        "peak_year": peak_year,
        "final": float(values[-1]),
        "recovery_year": recovered,
    }


@validated(
    WAVE_WITHIN_YEARS,
    returns=Real(0, 1),
    automation_rate=AUTOMATION,
    reinstatement_rates=Reals(*RANGES["reinstatement_rate"]),
    retraining_lags=Reals(*RANGES["retraining_lag"], whole=True),
    wave_years=WAVE,
    years=YEARS,
)
def peak_unemployment_grid(
    automation_rate: float,
    reinstatement_rates: np.ndarray,
    retraining_lags: np.ndarray,
    wave_years: int = 10,
    years: int = 30,
) -> np.ndarray:
    """Peak unemployment for every (retraining lag, reinstatement rate) pair.

    Returns an array of shape ``(len(retraining_lags), len(reinstatement_rates))``.
    """
    lags = retraining_lags[:, None]
    rates = reinstatement_rates[None, :]
    paths = unemployment_paths(automation_rate, rates, lags, wave_years, years)
    return paths.max(axis=0)


@validated(
    WAVE_WITHIN_YEARS,
    returns=Real(0, 1),
    automation_rate=AUTOMATION,
    reinstatement_rates=Reals(*RANGES["reinstatement_rate"]),
    retraining_lags=Reals(*RANGES["retraining_lag"], whole=True),
    wave_years=WAVE,
    years=YEARS,
)
def final_unemployment_grid(
    automation_rate: float,
    reinstatement_rates: np.ndarray,
    retraining_lags: np.ndarray,
    wave_years: int = 10,
    years: int = 30,
) -> np.ndarray:
    """Unemployment in the last year (``years``) for every (retraining lag, reinstatement rate)
    pair: the lasting loss, once everyone displaced has had time to retrain (when
    ``years >= wave_years + max(retraining_lags)``).

    Returns an array of shape ``(len(retraining_lags), len(reinstatement_rates))``.
    """
    lags = retraining_lags[:, None]
    rates = reinstatement_rates[None, :]
    paths = unemployment_paths(automation_rate, rates, lags, wave_years, years)
    return paths[-1]


@validated(
    returns=Real(0, 1),
    automation_rate=AUTOMATION,
    retraining_lag=LAG,
    wave_years=WAVE,
)
def balanced_peak(automation_rate: float, retraining_lag: int, wave_years: int = 10) -> float:
    """Peak unemployment when new tasks keep pace with automation (r >= a), by hand.

    Nobody is rehired until the first group has retrained, so unemployment climbs for
    ``min(L, W)`` years: the peak is ``1 - (1 - a) ** min(L, W)``. Close to ``L * a`` when
    ``L * a`` is small. Matches :func:`automation_path` for every r >= a.
    """
    return float(1.0 - (1.0 - automation_rate) ** min(retraining_lag, wave_years))


@validated(returns=Real(0, 1), automation_rate=AUTOMATION, retraining_lag=LAG)
def balanced_plateau(automation_rate: float, retraining_lag: int) -> float:
    """The level unemployment settles towards in a long wave with r >= a: ``L a / (1 + L a)``.

    In that steady state each year's hires equal each year's displaced (``a E``), and ``L``
    years' worth of displaced workers are in training, so ``u = L a E`` with ``E + u = 1``.
    """
    load = retraining_lag * automation_rate
    return float(load / (1.0 + load))
