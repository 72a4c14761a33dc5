"""The efficiency paradox as a rebound (Jevons) model of one profession.

A profession produces *tasks* (scans read, posters drawn, cases handled). Everything is an
index with the situation before the productivity gain set to 1: one unit of output, one unit
of hours, a price of 1 and revenue of 1, of which a share ``labour_share`` is paid as wages
and the rest goes to the owners of the firm.

* **gain** ``g`` — the new tool lets a worker do ``1 + g`` times as many tasks per hour, so
  the time per task falls to ``1 / (1 + g)``;
* **pass-through** ``s`` — the unit cost falls by the share ``g / (1 + g)``; a share ``s`` of
  that percentage cut reaches the price, so the price becomes ``1 - s g / (1 + g)`` (``s = 1``
  keeps the mark-up over cost unchanged; ``s = 0`` keeps the old price and the whole saving
  goes to the owners);
* **elasticity** ``e`` — demand for the tasks has a constant price elasticity, so output is
  ``price ** -e``;
* hours worked are output times time per task; the hourly wage is fixed, so workers' income
  moves with hours, and owners' income is revenue minus the wage bill.

All functions are pure (numbers in, arrays or DataFrames out) and broadcast over numpy arrays,
so a figure can run the model on a whole grid in one call.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from aicap.checks import require_in_range

#: Allowed parameter ranges: (low, high, include_low, include_high).
RANGES = {
    "gain": (0.0, 1000.0, True, True),
    "pass_through": (0.0, 1.0, True, True),
    "elasticity": (0.0, 10.0, True, True),
    "labour_share": (0.0, 1.0, False, False),
    "output_ratio": (0.0, 1e6, False, True),
}

#: Quantities returned by :func:`rebound_outcomes`, in display order, with a short label.
QUANTITIES = {
    "time_per_task": "time per task",
    "price": "price per task",
    "output": "output (tasks done)",
    "hours": "hours worked",
    "output_per_hour": "tasks per hour (work intensity)",
    "revenue": "revenue",
    "workers_income": "workers' income",
    "owners_income": "owners' income",
}

#: The parameters a preset must give, in the order of :func:`rebound_outcomes`.
PRESET_PARAMETERS = ("gain", "pass_through", "elasticity", "labour_share")


def _checked(name: str, value: float | np.ndarray) -> np.ndarray:
    """``value`` as a float array, or ValueError naming ``name`` and its allowed range.

    Vectorised: only the first offending element (if any) goes through the shared check,
    so the message has the book's one wording.
    """
    low, high, include_low, include_high = RANGES[name]
    array = np.asarray(value)
    scalar = array.ndim == 0
    if array.dtype == bool or not np.issubdtype(array.dtype, np.number):
        first = value if scalar or not array.size else array.ravel()[0]
        require_in_range(name, first, low, high, include_low=include_low, include_high=include_high)
        raise ValueError(f"{name} must be a number; got {value!r}")  # e.g. an array of bools
    array = array.astype(float)
    too_low = array < low if include_low else array <= low
    too_high = array > high if include_high else array >= high
    bad = np.isnan(array) | too_low | too_high
    if bad.any():
        require_in_range(
            name,
            value if scalar else float(array[bad].ravel()[0]),
            low,
            high,
            include_low=include_low,
            include_high=include_high,
        )
    return array


def price_after(gain: float | np.ndarray, pass_through: float | np.ndarray) -> np.ndarray:
    """Price per task after the gain (before = 1): ``1 - s g / (1 + g)``."""
    g = _checked("gain", gain)
    s = _checked("pass_through", pass_through)
    return 1.0 - s * g / (1.0 + g)


def rebound_outcomes(
    gain: float | np.ndarray,
    pass_through: float | np.ndarray,
    elasticity: float | np.ndarray,
    labour_share: float | np.ndarray = 0.6,
) -> dict[str, np.ndarray]:
    """Outcomes of a productivity gain for one profession, as indices (before = 1).

    Parameters
    ----------
    gain : proportional rise in tasks per hour, ``g`` (0–1000; 0.5 means 50% more tasks an hour)
    pass_through : share of the percentage cost cut passed into the price, ``s`` (0–1)
    elasticity : price elasticity of demand for the tasks, ``e`` (0–10, as a positive number)
    labour_share : wages as a share of revenue before the gain, ``a`` (strictly between 0 and 1)

    The arguments broadcast against each other. Returns a dict of arrays with the keys of
    :data:`QUANTITIES`. ``revenue``, ``workers_income`` and ``owners_income`` are shares of
    revenue before the gain (so before, they are 1, ``a`` and ``1 - a``); the other entries
    are indices with the value before the gain equal to 1. Also returns
    ``workers_income_index`` and ``owners_income_index``: each income relative to its own
    level before the gain.
    """
    g = _checked("gain", gain)
    s = _checked("pass_through", pass_through)
    e = _checked("elasticity", elasticity)
    a = _checked("labour_share", labour_share)
    g, s, e, a = np.broadcast_arrays(g, s, e, a)
    time_per_task = 1.0 / (1.0 + g)
    price = 1.0 - s * g / (1.0 + g)
    output = price ** (-e)
    hours = output * time_per_task
    revenue = price * output
    workers_income = a * hours  # the hourly wage (a, as before) times hours
    owners_income = revenue - workers_income
    return {
        "time_per_task": time_per_task,
        "price": price,
        "output": output,
        "hours": hours,
        "output_per_hour": 1.0 + g,
        "revenue": revenue,
        "workers_income": workers_income,
        "owners_income": owners_income,
        "workers_income_index": hours.copy(),
        "owners_income_index": owners_income / (1.0 - a),
    }


def rebound_table(
    gain: float,
    pass_through: float,
    elasticity: float,
    labour_share: float = 0.6,
) -> pd.DataFrame:
    """One scenario as a table: each quantity before and after the gain, and the % change.

    Incomes and revenue are shares of revenue before the gain; the other rows are indices
    (before = 1).
    """
    after = rebound_outcomes(gain, pass_through, elasticity, labour_share)
    before = {name: 1.0 for name in QUANTITIES}
    before["workers_income"] = float(labour_share)
    before["owners_income"] = 1.0 - float(labour_share)
    rows = [
        {
            "quantity": label,
            "before": before[name],
            "after": float(after[name]),
            "change_pct": 100.0 * (float(after[name]) / before[name] - 1.0),
        }
        for name, label in QUANTITIES.items()
    ]
    return pd.DataFrame(rows).set_index("quantity")


def break_even_elasticity(gain: float | np.ndarray, pass_through: float | np.ndarray) -> np.ndarray:
    """The elasticity above which the gain *raises* total hours worked.

    Hours are unchanged when ``price ** -e = 1 + g``, that is at
    ``e* = ln(1 + g) / -ln(1 - s g / (1 + g))``. With full pass-through ``e* = 1`` for every
    gain; for a small gain ``e*`` is close to ``1 / s``. Returns ``inf`` where no elasticity
    is enough (``s = 0``: the price does not fall). At ``g = 0`` it returns the limit for a
    small gain, ``1 / s``.
    """
    g = _checked("gain", gain)
    s = _checked("pass_through", pass_through)
    g, s = np.broadcast_arrays(g, s)
    with np.errstate(divide="ignore", invalid="ignore"):
        numerator = np.log1p(g)
        denominator = -np.log1p(-s * g / (1.0 + g))
        small_gain_limit = np.where(s > 0, 1.0 / np.where(s > 0, s, 1.0), np.inf)
        result = np.where(denominator > 0, numerator / denominator, np.inf)
    return np.where(g == 0, small_gain_limit, result)


def rebound_effect(gain: float | np.ndarray, hours: float | np.ndarray) -> np.ndarray:
    """Share of the expected saving in hours that is taken back by higher demand.

    If output did not change, hours would fall to ``1 / (1 + g)``. The rebound effect is
    ``(hours - 1 / (1 + g)) / (1 - 1 / (1 + g))``: 0 means the whole saving is kept as free
    time, 1 (100%) means hours are unchanged, above 1 is *backfire* (the Jevons paradox).
    Needs ``gain > 0``.
    """
    g = _checked("gain", gain)
    if np.any(g == 0):
        raise ValueError("gain must be in (0, 1000] for a rebound effect; got 0")
    h = np.asarray(hours, dtype=float)
    if np.any(np.isnan(h)) or np.any(h < 0):
        raise ValueError(f"hours must be a number in [0, inf); got {hours!r}")
    without_rebound = 1.0 / (1.0 + g)
    return (h - without_rebound) / (1.0 - without_rebound)


def gain_from_task_times(hours_before: float, hours_after: float) -> float:
    """The gain ``g`` when a task that took ``hours_before`` now takes ``hours_after``."""
    before = require_in_range("hours_before", hours_before, 0.0, 1e4, include_low=False)
    after = require_in_range("hours_after", hours_after, 0.0, before, include_low=False)
    return before / after - 1.0


def implied_elasticity(gain: float, output_ratio: float, pass_through: float = 1.0) -> float:
    """The elasticity at which output rises by ``output_ratio`` after the gain.

    Inverts ``output = price ** -e``: ``e = ln(output_ratio) / -ln(price)``. Needs a price that
    actually falls (``gain > 0`` and ``pass_through > 0``) and output that does not fall.
    """
    require_in_range("gain", gain, 0.0, RANGES["gain"][1], include_low=False)
    require_in_range("pass_through", pass_through, 0.0, 1.0, include_low=False)
    require_in_range("output_ratio", output_ratio, 1.0, RANGES["output_ratio"][1])
    price = float(price_after(gain, pass_through))
    elasticity = float(np.log(output_ratio) / -np.log(price))
    return require_in_range("elasticity", elasticity, *RANGES["elasticity"][:2])


def preset_parameters(presets: pd.DataFrame, profession: str) -> dict[str, float]:
    """The model parameters of one named preset from the ``rebound_presets`` table.

    Returns a dict with the keys of :data:`PRESET_PARAMETERS`, ready for
    ``rebound_outcomes(**params)``.
    """
    rows = presets[presets["profession"] == profession]
    if rows.empty:
        known = ", ".join(sorted(presets["profession"].unique()))
        raise ValueError(f"profession must be one of {known}; got {profession!r}")
    values = rows.set_index("parameter")["value"]
    missing = [name for name in PRESET_PARAMETERS if name not in values.index]
    if missing:
        raise ValueError(f"preset {profession!r} lacks parameters {missing}")
    params = {name: float(values[name]) for name in PRESET_PARAMETERS}
    for name, value in params.items():
        _checked(name, value)
    return params
