"""The efficiency paradox as a rebound (Jevons) model of one profession.

A profession produces *tasks* (scans read, posters drawn, cases handled). Everything is an
index with the situation before the productivity gain set to 1: one unit of output, one unit
of hours, a price of 1 and revenue of 1, of which a share ``labour_share`` is paid as wages
and the rest goes to the owners of the firm.

* **gain** ``g`` — the new tool lets a worker do ``1 + g`` times as many tasks per hour, so
  the time per task falls to ``1 / (1 + g)``;
* **pass-through** ``s`` — wages are the only cost, so the cost of a task falls from ``a`` to
  ``a / (1 + g)``: a saving of ``a g / (1 + g)`` per task (in units of the old price). A share
  ``s`` of that saving reaches the price, so the price becomes ``1 - s a g / (1 + g)``. With
  ``s = 1`` the price falls by the whole saving and the owners' margin per task is unchanged;
  with ``s = 0`` the price does not move and the owners keep the whole saving; in between the
  owners keep the share ``1 - s``. (A firm that kept its *percentage* mark-up instead would cut
  the price by ``1 / a`` times the saving: a pass-through above 1, outside this model's range.)
* **elasticity** ``e`` — demand for the tasks has a constant price elasticity, so output is
  ``price ** -e``;
* hours worked are output times time per task; the hourly wage is fixed, so workers' income
  moves with hours, and owners' income is revenue minus the wage bill.

Assumptions worth repeating: the tool itself costs nothing (wages are the only cost); the
profession can supply whatever is demanded at the fixed hourly wage; the elasticity is the same
over the whole range of prices; hours are the *total* hours of the profession, which may come
as more workers or as longer weeks (the model does not say which).

All functions are pure (numbers in, arrays or DataFrames out). Those that take arrays broadcast
them, so a figure can run the model on a whole grid in one call. Every parameter is declared
with :func:`aicap.checks.validated`: a value outside its range raises ``ValueError`` naming it.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from aicap.checks import Choice, Real, Reals, Relation, Table, broadcastable, validated

#: Allowed parameter ranges: (low, high). ``labour_share`` stays away from 0 and 1 (a price
#: that is all wages, or no wages at all, is a limit of the model, not a case of it).
RANGES = {
    "gain": (0.0, 1000.0),
    "pass_through": (0.0, 1.0),
    "elasticity": (0.0, 10.0),
    "labour_share": (0.01, 0.99),
}
#: The smallest gain for functions that need one (a best pass-through, a rebound share).
MIN_GAIN = 0.001
#: The smallest pass-through for the break-even elasticity (at 0 the price never falls and no
#: elasticity is enough).
MIN_PASS_THROUGH = 0.01

GAIN = Real(*RANGES["gain"])
POSITIVE_GAIN = Real(MIN_GAIN, RANGES["gain"][1])
PASS_THROUGH = Real(*RANGES["pass_through"])
ELASTICITY = Real(*RANGES["elasticity"])
LABOUR_SHARE = Real(*RANGES["labour_share"])
#: The array forms, for functions that broadcast a grid (one value, or an array of any shape).
GRID = dict(
    gain=Reals(*RANGES["gain"], scalar=True, ndim=None),
    pass_through=Reals(*RANGES["pass_through"], scalar=True, ndim=None),
    elasticity=Reals(*RANGES["elasticity"], scalar=True, ndim=None),
    labour_share=Reals(*RANGES["labour_share"], scalar=True, ndim=None),
)
#: Every quantity of the model is a non-negative index or share.
NON_NEGATIVE = Real(0, math.inf)

#: Quantities returned by :func:`rebound_outcomes`, in display order, with a short label.
QUANTITIES = {
    "time_per_task": "time per task",
    "price": "price per task",
    "output": "output (tasks done)",
    "hours": "hours worked (total)",
    "output_per_hour": "tasks per hour (productivity)",
    "margin": "owners' margin per task",
    "revenue": "revenue",
    "workers_income": "workers' income",
    "owners_income": "owners' income",
}

#: The parameters a preset must give, in the order of :func:`rebound_outcomes`.
PRESET_PARAMETERS = ("gain", "pass_through", "elasticity", "labour_share")
PROFESSIONS = ("radiologist", "designer")


def _presets_example() -> pd.DataFrame:
    from aicap.data import load

    return load("rebound_presets")


@validated(
    broadcastable("gain", "labour_share"),
    returns=NON_NEGATIVE,
    **{name: GRID[name] for name in ("gain", "labour_share")},
)
def cost_saving(gain: float | np.ndarray, labour_share: float | np.ndarray = 0.6) -> np.ndarray:
    """The fall in the cost of one task, in units of the old price: ``a g / (1 + g)``.

    Before the gain a task costs ``a`` (one hour at the hourly wage ``a``); after it, the task
    takes ``1 / (1 + g)`` hours, so it costs ``a / (1 + g)``.
    """
    return labour_share * gain / (1.0 + gain)


@validated(
    broadcastable("gain", "pass_through", "labour_share"),
    returns=Real(0, 1),
    **{name: GRID[name] for name in ("gain", "pass_through", "labour_share")},
)
def price_after(
    gain: float | np.ndarray,
    pass_through: float | np.ndarray,
    labour_share: float | np.ndarray = 0.6,
) -> np.ndarray:
    """Price per task after the gain (before = 1): ``1 - s a g / (1 + g)``.

    The price falls by the share ``s`` of the cost saving per task (:func:`cost_saving`).
    """
    return 1.0 - pass_through * cost_saving(gain, labour_share)


@validated(
    broadcastable("gain", "pass_through", "elasticity", "labour_share"),
    returns=NON_NEGATIVE,
    **GRID,
)
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
    pass_through : share of the cost saving per task passed into the price, ``s`` (0–1)
    elasticity : price elasticity of demand for the tasks, ``e`` (0–10, as a positive number)
    labour_share : wages as a share of revenue before the gain, ``a`` (0.01–0.99)

    The arguments broadcast against each other. Returns a dict of arrays with the keys of
    :data:`QUANTITIES`. ``revenue``, ``workers_income`` and ``owners_income`` are shares of
    revenue before the gain (so before, they are 1, ``a`` and ``1 - a``); the other entries
    are indices with the value before the gain equal to 1, except ``margin``, the price minus
    the cost of a task (``1 - a`` before the gain). Also returns
    ``workers_income_index`` and ``owners_income_index``: each income relative to its own
    level before the gain. ``hours`` are the profession's total hours: the model does not say
    whether they come as more workers or as longer weeks.
    """
    g, s, e, a = np.broadcast_arrays(gain, pass_through, elasticity, labour_share)
    time_per_task = 1.0 / (1.0 + g)
    saving = a * g / (1.0 + g)
    price = 1.0 - s * saving  # the price falls by the share s of the saving
    margin = (1.0 - a) + (1.0 - s) * saving  # written out: no cancellation when a is near 1
    output = price ** (-e)
    hours = output * time_per_task
    workers_income = a * hours  # the hourly wage (a, as before) times hours
    owners_income = output * margin
    return {
        "time_per_task": time_per_task,
        "price": price,
        "output": output,
        "hours": hours,
        "output_per_hour": 1.0 + g,
        "margin": margin,
        "revenue": price * output,
        "workers_income": workers_income,
        "owners_income": owners_income,
        "workers_income_index": hours.copy(),
        "owners_income_index": output * (1.0 + (1.0 - s) * saving / (1.0 - a)),
    }


@validated(gain=GAIN, pass_through=PASS_THROUGH, elasticity=ELASTICITY, labour_share=LABOUR_SHARE)
def rebound_table(
    gain: float,
    pass_through: float,
    elasticity: float,
    labour_share: float = 0.6,
) -> pd.DataFrame:
    """One scenario as a table: each quantity before and after the gain, and the % change.

    Incomes, revenue and the margin are shares of revenue before the gain; the other rows are
    indices (before = 1).
    """
    after = rebound_outcomes(gain, pass_through, elasticity, labour_share)
    before = {name: 1.0 for name in QUANTITIES}
    before["workers_income"] = labour_share
    before["owners_income"] = 1.0 - labour_share
    before["margin"] = 1.0 - labour_share
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


@validated(
    broadcastable("gain", "pass_through", "labour_share"),
    returns=Real(1, math.inf),
    gain=GRID["gain"],
    pass_through=Reals(MIN_PASS_THROUGH, 1.0, scalar=True, ndim=None),
    labour_share=GRID["labour_share"],
)
def break_even_elasticity(
    gain: float | np.ndarray,
    pass_through: float | np.ndarray,
    labour_share: float | np.ndarray = 0.6,
) -> np.ndarray:
    """The elasticity above which the gain *raises* total hours worked.

    Hours are unchanged when output rises exactly as fast as productivity, ``price ** -e =
    1 + g``, that is at ``e* = ln(1 + g) / -ln(1 - s a g / (1 + g))``. For a small gain ``e*``
    is close to ``1 / (s a)``, and it rises with the gain. It is near 1 only when the price
    falls almost in step with the time per task (``s a`` near 1). For gains below 1e-9 it
    returns the small-gain limit ``1 / (s a)``. Needs a pass-through of at least 1%: with none,
    the price does not fall and no elasticity is enough.
    """
    g, s, a = np.broadcast_arrays(gain, pass_through, labour_share)
    k = s * a  # the share of a fall in the time per task that reaches the price
    x = g / (1.0 + g)  # the fall in the time per task
    tiny = g < 1e-9
    safe_x = np.where(tiny, 0.5, x)
    exact = np.log1p(-safe_x) / np.log1p(-k * safe_x)
    return np.where(tiny, 1.0 / k, exact)


@validated(returns=Real(0, 1), gain=POSITIVE_GAIN, elasticity=ELASTICITY, labour_share=LABOUR_SHARE)
def owners_best_pass_through(
    gain: float,
    elasticity: float,
    labour_share: float = 0.6,
) -> float:
    """The pass-through, between 0 and 1, that gives the owners the highest income.

    Owners' income is ``P ** -e * (P - c)`` with ``c = a / (1 + g)`` the new cost of a task.
    For ``e > 1`` it is highest at the Lerner price ``P* = e c / (e - 1)``, a fixed mark-up on
    cost; for ``e <= 1`` it rises with the price. **Assumes** that the price may not rise above
    its old level (``s >= 0``) nor fall by more than the saving (``s <= 1``), and that the old
    price was not itself the owners' best (it is only at ``e = 1 / (1 - a)``): the pass-through
    that gives ``P*`` is ``(1 - P*) / saving``, cut to [0, 1]. The owners' best is *inside*
    the range only for elasticities between the bounds of :func:`interior_peak_elasticities`.
    """
    cost = labour_share / (1.0 + gain)
    saving = labour_share - cost
    if elasticity <= 1.0:
        return 0.0
    best_price = elasticity * cost / (elasticity - 1.0)
    return float(min(1.0, max(0.0, (1.0 - best_price) / saving)))


@validated(gain=POSITIVE_GAIN, labour_share=LABOUR_SHARE, returns=Real(1, math.inf))
def interior_peak_elasticities(gain: float, labour_share: float = 0.6) -> tuple[float, float]:
    """The elasticities between which owners do best with *partial* pass-through.

    Below the lower bound ``(1 + g) / (1 + g - a)`` the owners' best is to keep the old price
    (``s = 0``; they would even like to raise it); above the upper bound
    ``(1 + (1 - a) g) / ((1 - a)(1 + g))`` it is to pass on the whole saving (``s = 1``; they
    would even like to cut the price by more); in between it is a pass-through strictly between
    0 and 1. The same assumptions as :func:`owners_best_pass_through`.
    """
    g, a = gain, labour_share
    low = (1.0 + g) / (1.0 + g - a)
    high = (1.0 + (1.0 - a) * g) / ((1.0 - a) * (1.0 + g))
    return low, high


@validated(
    returns=Real(1, math.inf), elasticity=Real(1, RANGES["elasticity"][1], include_low=False)
)
def lerner_pass_through(elasticity: float) -> float:
    """The pass-through of a profit-maximising firm facing constant-elasticity demand.

    Its best price is ``e / (e - 1)`` times its marginal cost (the Lerner rule), so a fall in
    cost lowers the price by ``e / (e - 1)`` times as much: a pass-through *above* 1 (100%),
    for every elasticity above 1. (With other shapes of demand curve it can be below 1:
    pass-through depends on the curvature of demand, not on market power as such.)
    """
    return elasticity / (elasticity - 1.0)


@validated(labour_share=LABOUR_SHARE, returns=Real(1, math.inf))
def elasticity_where_old_price_is_best(labour_share: float = 0.6) -> float:
    """The one elasticity at which the old price (1) was the owners' profit-maximising price.

    With a cost of ``a`` per task, the Lerner price ``e a / (e - 1)`` equals 1 at
    ``e = 1 / (1 - a)``. At any other elasticity a firm free to set its price would not have
    charged 1 before the gain.
    """
    return 1.0 / (1.0 - labour_share)


@validated(
    returns=Real(-math.inf, math.inf),
    gain=POSITIVE_GAIN,
    hours=Reals(0, 1e6, scalar=True, ndim=None),
)
def rebound_effect(gain: float, hours: float | np.ndarray) -> np.ndarray:
    """Share of the expected saving in hours that is taken back by higher demand.

    If output did not change, hours would fall to ``1 / (1 + g)``. The rebound effect is
    ``(hours - 1 / (1 + g)) / (1 - 1 / (1 + g))``: 0 means the whole saving is kept as free
    time, 1 (100%) means hours are unchanged, above 1 is *backfire* (the Jevons paradox).
    Needs a gain of at least 0.001.
    """
    return (hours * (1.0 + gain) - 1.0) / gain


@validated(
    returns=Real(0, math.inf),
    share_sped_up=Real(0.0, 0.999),
    speedup=Real(1.0, 1e6),
)
def gain_from_partial_speedup(share_sped_up: float, speedup: float) -> float:
    """The gain ``g`` when only part of a job gets faster.

    If a share ``share_sped_up`` of the time a task takes becomes ``speedup`` times as fast and
    the rest does not change, the time per task falls to ``(1 - share) + share / speedup``, so
    ``g = 1 / ((1 - share) + share / speedup) - 1``. However large the speed-up, ``g`` stays
    below ``share / (1 - share)`` (:func:`largest_gain_from_partial_speedup`).
    """
    return 1.0 / ((1.0 - share_sped_up) + share_sped_up / speedup) - 1.0


@validated(returns=Real(0, math.inf), share_sped_up=Real(0.0, 0.999))
def largest_gain_from_partial_speedup(share_sped_up: float) -> float:
    """The ceiling on the gain when only a share of the job can get faster: ``s / (1 - s)``."""
    return share_sped_up / (1.0 - share_sped_up)


_GAIN_BELOW_CEILING = Relation(
    "gain must be below share_sped_up / (1 - share_sped_up), the most a speed-up of that "
    "share can give",
    lambda a: a["gain"] < 0.999999 * a["share_sped_up"] / (1.0 - a["share_sped_up"]),
)


@validated(
    _GAIN_BELOW_CEILING,
    returns=Real(1, math.inf),
    share_sped_up=Real(0.001, 0.999),
    gain=Real(0.0, RANGES["gain"][1]),
)
def speedup_for_gain(share_sped_up: float, gain: float) -> float:
    """How many times faster the sped-up share of a job must become to give the gain ``g``.

    Solves ``1 / (1 + g) = (1 - share) + share / speedup`` for the speed-up. The gain must be
    below the ceiling ``share / (1 - share)``.
    """
    return share_sped_up / (1.0 / (1.0 + gain) - (1.0 - share_sped_up))


_AFTER_NOT_LONGER = Relation(
    "hours_after must be at most hours_before", lambda a: a["hours_after"] <= a["hours_before"]
)


@validated(
    _AFTER_NOT_LONGER,
    returns=Real(0, math.inf),
    hours_before=Real(1e-3, 1e4),
    hours_after=Real(1e-3, 1e4),
)
def gain_from_task_times(hours_before: float, hours_after: float) -> float:
    """The gain ``g`` when a task that took ``hours_before`` now takes ``hours_after``."""
    return hours_before / hours_after - 1.0


@validated(
    returns=Real(0, math.inf),
    gain=POSITIVE_GAIN,
    output_ratio=Real(1.0, 1e6),
    pass_through=Real(MIN_PASS_THROUGH, 1.0),
    labour_share=LABOUR_SHARE,
)
def implied_elasticity(
    gain: float,
    output_ratio: float,
    pass_through: float = 1.0,
    labour_share: float = 0.6,
) -> float:
    """The elasticity at which output rises by ``output_ratio`` after the gain.

    Inverts ``output = price ** -e``: ``e = ln(output_ratio) / -ln(price)``, with the price of
    :func:`price_after`. Needs a price that actually falls (a gain of at least 0.001 and a
    pass-through of at least 1%) and output that does not fall.
    """
    price = float(price_after(gain, pass_through, labour_share))
    return float(np.log(output_ratio) / -np.log(price))


@validated(
    presets=Table(("profession", "parameter", "value"), example=_presets_example),
    profession=Choice(PROFESSIONS),
)
def preset_parameters(presets: pd.DataFrame, profession: str) -> dict[str, float]:
    """The model parameters of one named preset from the ``rebound_presets`` table.

    Returns a dict with the keys of :data:`PRESET_PARAMETERS`, ready for
    ``rebound_outcomes(**params)``.
    """
    rows = presets[presets["profession"] == profession]
    if rows.empty:
        raise ValueError(f"profession {profession!r} has no rows in presets")
    values = rows.set_index("parameter")["value"]
    missing = [name for name in PRESET_PARAMETERS if name not in values.index]
    if missing:
        raise ValueError(f"presets lacks parameters {missing} for {profession!r}")
    params = {name: float(values[name]) for name in PRESET_PARAMETERS}
    checks = {"gain": GAIN, "pass_through": PASS_THROUGH, "elasticity": ELASTICITY}
    for name, spec in {**checks, "labour_share": LABOUR_SHARE}.items():
        spec.check(name, params[name])
    return params
