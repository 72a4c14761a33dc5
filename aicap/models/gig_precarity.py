"""Gig-economy precarity: a ride-hailing driver's month, and deactivation by ratings.

Two small models for the chapter on online motorcycle-taxi (*ojek online*) drivers.

**A driver's month.** A driver works the ``hours_per_day`` busiest hours of the day (an
hour-by-hour demand profile, relative to an ordinary hour = 1) on ``days_per_month`` days. Each
day has a random demand shock (rain, paydays, how many other drivers are online): a log-normal
factor with mean 1 and spread ``demand_noise``. In each hour the number of trips is Poisson with
mean ``trips_per_hour`` x relative demand, capped at ``max_trips_per_hour``. Dynamic pricing
multiplies the fare by the relative demand of the hour, between 1 and ``surge_cap``. The
platform keeps ``commission`` of every fare. The driver pays for fuel and upkeep on every
kilometre (trip, pickup and cruising while waiting for an order) and a fixed daily cost. All
money is in rupiah (Rp).

**Rating deactivation.** After every trip a customer gives 1 to 5 stars. A customer's
satisfaction is the driver's true ``quality`` plus normal noise of spread ``noise`` (traffic,
weather, mood, the price), rounded to the nearest star and kept between 1 and 5 (an ordered
probit). The platform deactivates the driver when the average of the last ``window`` ratings is
below ``cutoff``. The probability is computed exactly (the distribution of a sum of ratings, by
fast Fourier transform), with a normal approximation and a Monte Carlo check over many trips.

**The legal floor.** :func:`legal_floor` picks the minimum wage an employee would be owed in a
place: the city or regency minimum wage (UMK) where one is set, otherwise the province's UMP.

**Who gains from a commission cap?** :func:`commission_cap_incidence` is a steady-state
companion to the simulation: it lets the platform recover part of a cap through a passenger fee
or smaller driver bonuses, lets passengers ride less when the price rises, and lets new driver
hours enter until part of the drivers' gain per hour is gone (lower utilisation).

All functions are pure: numbers in, arrays or DataFrames out. Randomness comes only from the
``seed`` argument.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from aicap.checks import (
    Choice,
    Count,
    Custom,
    Optional,
    Real,
    Reals,
    Relation,
    Table,
    broadcastable,
    validated,
)

#: Allowed parameter ranges: (low, high), in the units of each function's docstring.
RANGES = {
    "commission": (0.0, 0.5),
    "surge_cap": (1.0, 3.0),
    "hours_per_day": (1, 16),
    "days_per_month": (1, 31),
    "trips_per_hour": (0.0, 4.0),
    "max_trips_per_hour": (1, 6),
    "demand_noise": (0.0, 1.0),
    "fare_per_km": (0.0, 10_000.0),
    "min_fare": (0.0, 50_000.0),
    "trip_km": (0.5, 30.0),
    "pickup_km": (0.0, 10.0),
    "idle_km_per_hour": (0.0, 40.0),
    "fuel_price": (0.0, 30_000.0),
    "km_per_litre": (10.0, 100.0),
    "upkeep_per_km": (0.0, 2_000.0),
    "daily_cost": (0.0, 100_000.0),
    "relative_demand": (0.0, 5.0),
    "n_months": (1, 20_000),
    "seed": (0, 2**32 - 1),
    # rating model
    "quality": (1.0, 5.0),
    "noise": (0.0, 3.0),
    "cutoff": (1.0, 5.0),
    "window": (1, 1_000),
    "trips": (1, 5_000),
    "n_drivers": (1, 20_000),
    # commission-cap incidence
    "fare_per_trip": (1.0, 200_000.0),
    "cost_per_trip": (0.0, 100_000.0),
    "cost_per_hour": (0.0, 100_000.0),
    "commission_before": (0.0, 0.5),
    "commission_after": (0.0, 0.5),
    "passenger_fee_share": (0.0, 1.0),
    "bonus_cut_share": (0.0, 1.0),
    "demand_elasticity": (0.0, 3.0),
    "entry_share": (0.0, 1.0),
}

#: The parameters of :func:`simulate_driver_months` a setup must give (besides n_months, seed).
SETUP_KEYS = (
    "demand_profile",
    "commission",
    "surge_cap",
    "hours_per_day",
    "days_per_month",
    "trips_per_hour",
    "max_trips_per_hour",
    "demand_noise",
    "fare_per_km",
    "min_fare",
    "trip_km",
    "pickup_km",
    "idle_km_per_hour",
    "fuel_price",
    "km_per_litre",
    "upkeep_per_km",
    "daily_cost",
)
_INTEGER_KEYS = {"hours_per_day", "days_per_month", "max_trips_per_hour"}

#: The ojol fare zones of the Ministry of Transportation (the zones of ``ojol_fares``).
ZONES = ("Zone I", "Zone II (Greater Jakarta)", "Zone III")


def _spec(name: str):
    """The declaration of parameter ``name`` from :data:`RANGES` (whole numbers as counts)."""
    low, high = RANGES[name]
    return Count(low, high) if name in _INTEGER_KEYS | {"n_months", "seed"} else Real(low, high)


#: The 24 hourly values of a demand profile (relative demand, 1 = an ordinary hour).
PROFILE = Reals(*RANGES["relative_demand"], min_size=24, max_size=24)
#: Every parameter of a driver's month, declared (see :func:`simulate_driver_months`).
DRIVER = {name: PROFILE if name == "demand_profile" else _spec(name) for name in SETUP_KEYS}
RUN = {"n_months": _spec("n_months"), "seed": _spec("seed")}


def _table_example(name: str):
    def example():
        from aicap.data import load

        return load(name)

    return example


def _example_setup() -> dict:
    """The book's own parameters (Zone II), for the tests of the declarations."""
    from aicap.data import load

    return driver_setup(
        load("ojol_driver_assumptions"),
        load("ojol_demand_profile"),
        load("ojol_fares"),
        load("fuel_prices"),
        load("ojol_commission_rules"),
    )


def _check_setup(name: str, value) -> dict:
    """A dict with every parameter of :func:`simulate_driver_months`, each in its range."""
    if not isinstance(value, dict):
        raise ValueError(
            f"{name} must be a dict of the parameters {list(SETUP_KEYS)}; got {value!r}"
        )
    missing = [key for key in SETUP_KEYS if key not in value]
    unknown = [key for key in value if key not in SETUP_KEYS]
    if missing or unknown:
        raise ValueError(f"{name} lacks {missing} or has unknown keys {unknown}")
    checked = {}
    for key, spec in DRIVER.items():
        try:
            checked[key] = spec.check(key, value[key])
        except ValueError as err:
            raise ValueError(f"{name}: {err}") from None
    return checked


SETUP = Custom(
    _check_setup,
    "a dict with every parameter of simulate_driver_months (see driver_setup)",
    example=_example_setup,
)


def _example_months() -> DriverMonths:
    return simulate_driver_months(**_example_setup(), n_months=3, seed=1)


def _check_months(name: str, value) -> DriverMonths:
    if not isinstance(value, DriverMonths):
        raise ValueError(f"{name} must be a result of simulate_driver_months; got {value!r:.80}")
    return value


MONTHS = Custom(_check_months, "a result of simulate_driver_months", example=_example_months)

# ---------------------------------------------------------------------------------------------
# A driver's month
# ---------------------------------------------------------------------------------------------


@validated(
    returns=Real(*RANGES["relative_demand"]),
    demand_profile=PROFILE,
    hours_per_day=_spec("hours_per_day"),
)
def busiest_hours(demand_profile, hours_per_day: int) -> np.ndarray:
    """Relative demand of the ``hours_per_day`` busiest hours, busiest first.

    The driver is assumed to work the busiest hours of the day; each extra hour of work is a
    quieter one.
    """
    profile = np.asarray(demand_profile, dtype=float)
    return np.sort(profile)[::-1][:hours_per_day]


def _capped_poisson(mean: np.ndarray, cap: int, rng: np.random.Generator) -> np.ndarray:
    """Draw ``min(Poisson(mean), cap)`` for every element of ``mean`` at once.

    Inverse-CDF sampling: one uniform number per element is compared with the ``cap``
    probabilities P(N <= 0), ..., P(N <= cap - 1), and the count is how many it exceeds.
    The uniform numbers have 16 random bits (a grid of 1/65,536), fine enough here: each
    64-bit output of the generator gives four of them, which is quicker than drawing them one
    by one (the same uniform distribution). Returns int8 counts with the shape of ``mean``.
    """
    mean = np.asarray(mean, dtype=np.float32)
    bits = rng.bit_generator.random_raw(-(-mean.size // 4)).view(np.uint16)[: mean.size]
    residual = bits.reshape(mean.shape).astype(np.float32)
    residual *= np.float32(2.0**-16)  # uniform on [0, 1); becomes u - P(N <= k) below
    term = np.exp(-mean)  # P(N = 0)
    residual -= term
    count = (residual >= 0).view(np.int8)
    for k in range(1, cap):
        term *= mean
        term *= np.float32(1.0 / k)  # P(N = k) from P(N = k - 1)
        residual -= term
        count += (residual >= 0).view(np.int8)
    return count


#: Months simulated per block: small blocks stay in the processor's cache (faster).
_BLOCK_MONTHS = 100


@dataclass(frozen=True)
class DriverMonths:
    """Result of :func:`simulate_driver_months`. Money in Rp.

    Arrays of shape ``(n_months, days_per_month, hours_per_day)``: ``trips`` (stored) and,
    computed when asked, ``demand`` (relative demand of each hour), ``surge`` (fare
    multiplier), ``fares`` (paid by passengers), ``costs`` (fuel, upkeep and a share of the
    daily cost) and ``net_hourly`` (the driver's share of fares minus costs). Arrays of shape
    ``(n_months,)``: ``fares_monthly``, ``commission_monthly`` (the platform's take),
    ``costs_monthly`` and ``net_monthly``. The hourly arrays are views whose memory runs hour
    by hour (the order :func:`simulate_driver_months` draws in), which keeps their arithmetic
    on long contiguous rows; any layout of ``trips`` gives the same numbers.
    """

    trips: np.ndarray
    day_shock: np.ndarray
    hour_demand: np.ndarray
    fare_per_trip: float
    surge_cap: float
    commission: float
    cost_per_trip: float
    cost_per_hour: float
    fares_monthly: np.ndarray
    commission_monthly: np.ndarray
    costs_monthly: np.ndarray
    net_monthly: np.ndarray

    def _by_hour(self) -> tuple[np.ndarray, np.ndarray]:
        """``(trips, demand)`` with axes (hour, month, day): the order in which
        :func:`simulate_driver_months` stores ``trips``, so the arithmetic runs on long rows.
        ``demand`` is a new array the caller may overwrite."""
        trips = self.trips.transpose(2, 0, 1)
        demand = np.multiply(self.hour_demand[:, None, None], self.day_shock[None, :, :])
        return trips, demand

    @property
    def demand(self) -> np.ndarray:
        _, demand = self._by_hour()
        return demand.transpose(1, 2, 0)

    @property
    def surge(self) -> np.ndarray:
        _, demand = self._by_hour()
        surge = np.clip(demand, np.float32(1.0), np.float32(self.surge_cap), out=demand)
        return surge.transpose(1, 2, 0)

    def _fares_by_hour(self) -> tuple[np.ndarray, np.ndarray]:
        """``(trips, fares)`` with axes (hour, month, day); ``fares`` is a new array."""
        trips, demand = self._by_hour()
        fares = np.clip(demand, np.float32(1.0), np.float32(self.surge_cap), out=demand)
        fares *= np.float32(self.fare_per_trip)
        fares *= trips
        return trips, fares

    @property
    def fares(self) -> np.ndarray:
        _, fares = self._fares_by_hour()
        return fares.transpose(1, 2, 0)

    def _costs_by_hour(self, trips: np.ndarray) -> np.ndarray:
        """Costs with axes (hour, month, day) for ``trips`` in that order; a new array."""
        costs = np.multiply(trips, np.float32(self.cost_per_trip))
        costs += np.float32(self.cost_per_hour)
        return costs

    @property
    def costs(self) -> np.ndarray:
        return self._costs_by_hour(self.trips.transpose(2, 0, 1)).transpose(1, 2, 0)

    @property
    def net_hourly(self) -> np.ndarray:
        trips, net = self._fares_by_hour()
        net *= np.float32(1.0 - self.commission)
        net -= self._costs_by_hour(trips)
        return net.transpose(1, 2, 0)


@validated(**DRIVER, **RUN)
def simulate_driver_months(
    *,
    demand_profile,
    commission: float,
    surge_cap: float,
    hours_per_day: int,
    days_per_month: int,
    trips_per_hour: float,
    max_trips_per_hour: int,
    demand_noise: float,
    fare_per_km: float,
    min_fare: float,
    trip_km: float,
    pickup_km: float,
    idle_km_per_hour: float,
    fuel_price: float,
    km_per_litre: float,
    upkeep_per_km: float,
    daily_cost: float,
    n_months: int = 2000,
    seed: int = 0,
) -> DriverMonths:
    """Simulate ``n_months`` independent months of one driver's work, hour by hour.

    Parameters (allowed ranges in :data:`RANGES`)
    ----------
    demand_profile : 24 values, relative demand in each hour of the day (1 = an ordinary hour)
    commission : share of each fare the platform keeps (0–0.5)
    surge_cap : highest fare multiplier of dynamic pricing (1 = no surge pricing; 1–3)
    hours_per_day, days_per_month : working time (whole hours 1–16, whole days 1–31)
    trips_per_hour : expected trips in an hour of ordinary demand (0–4)
    max_trips_per_hour : most trips that fit into one hour (1–6)
    demand_noise : spread (standard deviation of the logarithm) of the daily demand shock (0–1)
    fare_per_km, min_fare : fare in Rp per km of trip, and the lowest fare of a trip in Rp
    trip_km, pickup_km : km with the passenger, and km to reach the passenger, per trip
    idle_km_per_hour : km cruising for orders in an hour with no trip (none in a full hour)
    fuel_price : Rp per litre; km_per_litre : the motorcycle's fuel economy
    upkeep_per_km : oil, tyres, repairs and wear in Rp per km
    daily_cost : fixed cost per working day in Rp (mobile data, phone)
    n_months : number of simulated months (1–20,000); seed : random seed

    Returns
    -------
    :class:`DriverMonths`. The draws are made block by block (100 months at a time) with no
    loop over hours or trips. Every parameter is checked (:data:`DRIVER`): a value outside its
    range, NaN, a string or a demand profile without 24 values raises ``ValueError``.
    """
    rng = np.random.default_rng(seed)
    hour_demand = busiest_hours(demand_profile, hours_per_day).astype(np.float32)
    days, hours = days_per_month, hours_per_day

    # the day's demand shock: log-normal with mean 1
    log_shock = rng.standard_normal((n_months, days), dtype=np.float32)
    day_shock = np.exp(np.float32(demand_noise) * log_shock - np.float32(demand_noise**2 / 2))

    # internal layout (hour, month, day) keeps the arithmetic on long contiguous rows
    trips = np.empty((hours, n_months, days), dtype=np.int8)
    trips_monthly = np.empty(n_months)
    surged_trips = np.empty(n_months)  # sum over the month of trips x fare multiplier
    for start in range(0, n_months, _BLOCK_MONTHS):
        stop = min(start + _BLOCK_MONTHS, n_months)
        demand = hour_demand[:, None] * day_shock[start:stop].reshape(1, -1)
        block = _capped_poisson(np.float32(trips_per_hour) * demand, max_trips_per_hour, rng)
        trips[:, start:stop] = block.reshape(hours, stop - start, days)
        per_day = block.sum(axis=0, dtype=np.int16).reshape(stop - start, days)
        trips_monthly[start:stop] = per_day.sum(axis=1)
        surge = np.clip(demand, np.float32(1.0), np.float32(surge_cap), out=demand)
        surge *= block
        surged_trips[start:stop] = surge.sum(axis=0).reshape(stop - start, days).sum(axis=1)

    fare_per_trip = max(min_fare, fare_per_km * trip_km)
    cost_per_km = fuel_price / km_per_litre + upkeep_per_km
    # cruising km fall as the hour fills: idle_km_per_hour x (1 - trips / max_trips_per_hour)
    cost_per_trip = cost_per_km * (trip_km + pickup_km - idle_km_per_hour / max_trips_per_hour)
    cost_per_hour = cost_per_km * idle_km_per_hour + daily_cost / hours
    fares_monthly = fare_per_trip * surged_trips
    commission_monthly = commission * fares_monthly
    costs_monthly = cost_per_trip * trips_monthly + cost_per_hour * days * hours
    return DriverMonths(
        trips=trips.transpose(1, 2, 0),
        day_shock=day_shock,
        hour_demand=hour_demand,
        fare_per_trip=float(fare_per_trip),
        surge_cap=float(surge_cap),
        commission=float(commission),
        cost_per_trip=float(cost_per_trip),
        cost_per_hour=float(cost_per_hour),
        fares_monthly=fares_monthly,
        commission_monthly=commission_monthly,
        costs_monthly=costs_monthly,
        net_monthly=fares_monthly - commission_monthly - costs_monthly,
    )


@validated(returns=Real(0, 1), net_monthly=Reals(), thresholds=Reals(scalar=True))
def share_below(net_monthly: np.ndarray, thresholds) -> np.ndarray:
    """Share of simulated months whose net earnings are below each threshold (e.g. a wage).

    ``net_monthly`` holds the months' net earnings (Rp); ``thresholds`` one level or an array
    of levels (Rp). Returns one share (0–1) per threshold, in the shape of ``thresholds``.
    """
    net = np.asarray(net_monthly, dtype=float)
    levels = np.asarray(thresholds, dtype=float)
    return (net[:, None] < np.ravel(levels)[None, :]).mean(axis=0).reshape(levels.shape)


#: The parameters of :func:`one_trip` (all of them in a setup of :func:`driver_setup`).
TRIP_KEYS = (
    "fare_per_km",
    "min_fare",
    "trip_km",
    "pickup_km",
    "commission",
    "fuel_price",
    "km_per_litre",
    "upkeep_per_km",
)


@validated(**{name: DRIVER[name] for name in TRIP_KEYS})
def one_trip(
    *,
    fare_per_km: float,
    min_fare: float,
    trip_km: float,
    pickup_km: float,
    commission: float,
    fuel_price: float,
    km_per_litre: float,
    upkeep_per_km: float,
) -> dict[str, float]:
    """One trip worked out by hand: what the passenger pays and what the driver keeps (Rp).

    ``fare`` = max(``min_fare``, ``fare_per_km`` x ``trip_km``), with no surge;
    ``platform`` = ``commission`` x fare; ``driver_share`` = fare - platform; ``km`` =
    ``trip_km`` + ``pickup_km`` (to the passenger and with her); ``cost_per_km`` =
    ``fuel_price`` / ``km_per_litre`` + ``upkeep_per_km``; ``costs`` = km x cost_per_km; and
    ``net`` = driver_share - costs. The simulated month also charges the cruising between
    orders and the day's fixed cost, which no single trip carries.
    """
    fare = max(min_fare, fare_per_km * trip_km)
    platform = commission * fare
    km = trip_km + pickup_km
    cost_per_km = fuel_price / km_per_litre + upkeep_per_km
    costs = km * cost_per_km
    return {
        "fare": float(fare),
        "platform": float(platform),
        "driver_share": float(fare - platform),
        "km": float(km),
        "cost_per_km": float(cost_per_km),
        "costs": float(costs),
        "net": float(fare - platform - costs),
    }


def _sorted_percentiles(ordered: np.ndarray, percents) -> np.ndarray:
    """Percentiles of already sorted values, by numpy's default ('linear') method.

    The same numbers as ``np.percentile(values, percents)``; on a few hundred thousand hours,
    numpy's sort (SIMD) and this lookup take a fraction of the time of the selection inside
    ``np.percentile``.
    """
    positions = (ordered.size - 1) * (np.asarray(percents, dtype=float) / 100)
    below = np.floor(positions).astype(np.intp)
    above = np.minimum(below + 1, ordered.size - 1)
    fraction = positions - below
    low, high = ordered[below], ordered[above]
    step = high - low  # numpy's formula: from the lower value below the midpoint, else the upper
    return np.where(fraction < 0.5, low + step * fraction, high - step * (1 - fraction))


@validated(sim=MONTHS)
def earnings_summary(sim: DriverMonths) -> dict[str, float | None]:
    """Plain-number summary of :func:`simulate_driver_months` output (Rp unless a share).

    ``mean_monthly``, ``median_monthly``, ``p10_monthly``, ``p90_monthly``, ``sd_monthly``,
    ``cv_monthly`` (sd / mean of the driver's net; ``None`` when the mean is not positive, as
    a coefficient of variation is then meaningless), ``cv_platform`` (sd / mean of the
    platform's commission from this driver; ``None`` when it takes nothing), ``mean_hourly``,
    ``p10_hourly``, ``p90_hourly``,
    ``share_hours_losing`` (hours whose net is below zero), ``share_hours_empty`` (hours with
    no trip), ``mean_trips_per_day``, ``mean_fares_per_day`` and ``hours_per_month``.

    The hourly figures come from one sort of every working hour's net earnings (percentiles
    as numpy's default method gives them, the share below zero by binary search).
    """
    net = sim.net_monthly
    hourly = sim.net_hourly
    platform = sim.commission_monthly
    days, hours = hourly.shape[1], hourly.shape[2]
    mean = float(net.mean())
    platform_mean = float(platform.mean())
    mean_hourly = float(hourly.mean(dtype=np.float64))
    ordered = hourly.ravel(order="K")  # a view of the fresh array net_hourly made
    ordered.sort()  # in place: hourly is not used after this
    p10_hourly, p90_hourly = _sorted_percentiles(ordered, [10, 90])
    losing = int(np.searchsorted(ordered, ordered.dtype.type(0), side="left"))
    n_hours = sim.trips.size
    n_days = n_hours // hours
    return {
        "mean_monthly": mean,
        "median_monthly": float(np.median(net)),
        "p10_monthly": float(np.percentile(net, 10)),
        "p90_monthly": float(np.percentile(net, 90)),
        "sd_monthly": float(net.std()),
        "cv_monthly": float(net.std() / mean) if mean > 0 else None,
        "cv_platform": float(platform.std() / platform_mean) if platform_mean > 0 else None,
        "mean_hourly": mean_hourly,
        "p10_hourly": float(p10_hourly),
        "p90_hourly": float(p90_hourly),
        "share_hours_losing": losing / ordered.size,
        "share_hours_empty": float(n_hours - np.count_nonzero(sim.trips)) / n_hours,
        "mean_trips_per_day": float(sim.trips.sum(dtype=np.int64)) / n_days,
        "mean_fares_per_day": float(sim.fares_monthly.mean() / days),
        "hours_per_month": float(days * hours),
    }


@validated(
    setup=SETUP,
    hours_grid=Reals(*RANGES["hours_per_day"], whole=True),
    thresholds=Optional(Reals()),
    **RUN,
)
def earnings_by_hours(
    setup: dict,
    hours_grid,
    thresholds=None,
    n_months: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Run the month for each number of working hours per day.

    ``setup`` holds the parameters of :func:`simulate_driver_months` (its ``hours_per_day`` is
    replaced by each whole number of ``hours_grid``); ``thresholds`` are monthly levels in Rp
    (a wage, say), or ``None``. Returns a DataFrame indexed by ``hours_per_day`` with ``mean``,
    ``p10`` and ``p90`` of net monthly earnings (Rp) and, for each threshold ``i``,
    ``below_<i>``: the share of months below it.
    """
    rows = []
    levels = np.asarray([] if thresholds is None else thresholds, dtype=float)
    for hours in hours_grid:
        sim = simulate_driver_months(
            **{**setup, "hours_per_day": int(hours)}, n_months=n_months, seed=seed
        )
        net = sim.net_monthly
        row = {
            "hours_per_day": int(hours),
            "mean": float(net.mean()),
            "p10": float(np.percentile(net, 10)),
            "p90": float(np.percentile(net, 90)),
        }
        for i, level in enumerate(levels):
            row[f"below_{i}"] = float(np.mean(net < level))
        rows.append(row)
    return pd.DataFrame(rows).set_index("hours_per_day")


@validated(
    assumptions=Table(("parameter", "value"), example=_table_example("ojol_driver_assumptions")),
    demand_profile=Table(
        ("hour", "relative_demand"), example=_table_example("ojol_demand_profile")
    ),
    fares=Table(("item", "zone", "low_rp"), example=_table_example("ojol_fares")),
    fuel_prices=Table(("valid_from", "price_rp_per_litre"), example=_table_example("fuel_prices")),
    commission_rules=Table(
        ("status", "total_pct"), example=_table_example("ojol_commission_rules")
    ),
    zone=Choice(ZONES),
)
def driver_setup(
    assumptions: pd.DataFrame,
    demand_profile: pd.DataFrame,
    fares: pd.DataFrame,
    fuel_prices: pd.DataFrame,
    commission_rules: pd.DataFrame,
    zone: str = "Zone II (Greater Jakarta)",
) -> dict:
    """Build the parameters of :func:`simulate_driver_months` from the book's tables.

    * the assumptions (mark A) from ``assumptions`` (columns ``parameter``, ``value``) and the
      hourly profile from ``demand_profile`` (``hour``, ``relative_demand``);
    * the per-km fare: the bottom of ``zone``'s regulated band (surge pricing can raise it);
      the minimum fare: the bottom of the same zone's band for the first 4 km;
    * the fuel price: the latest row of ``fuel_prices`` (``price_rp_per_litre``);
    * the commission: the total take (commission + support fee) of the rule ``in force``.
    """
    values = dict(zip(assumptions["parameter"], assumptions["value"], strict=True))
    setup = {
        key: (int(values[key]) if key in _INTEGER_KEYS else float(values[key]))
        for key in SETUP_KEYS
        if key in values
    }
    profile = demand_profile.sort_values("hour")["relative_demand"].to_numpy(dtype=float)
    per_km = fares[(fares["item"] == "per-km fare") & (fares["zone"] == zone)]
    if per_km.empty:
        known = sorted(fares.loc[fares["item"] == "per-km fare", "zone"])
        raise ValueError(f"zone must be one of {known}; got {zone!r}")
    minimum = fares[(fares["item"] == "minimum fare (first 4 km)") & (fares["zone"] == zone)]
    if minimum.empty:
        raise ValueError(f"fares has no minimum fare for {zone!r}")
    in_force = commission_rules[commission_rules["status"] == "in force"]
    if in_force.empty:
        raise ValueError("commission_rules has no rule with status 'in force'")
    setup.update(
        demand_profile=profile,
        fare_per_km=float(per_km["low_rp"].iloc[0]),
        min_fare=float(minimum["low_rp"].iloc[0]),
        fuel_price=float(fuel_prices.sort_values("valid_from")["price_rp_per_litre"].iloc[-1]),
        commission=float(in_force["total_pct"].iloc[-1]) / 100,
    )
    missing = [key for key in SETUP_KEYS if key not in setup]
    if missing:
        raise ValueError(f"assumptions lacks the parameters {missing}")
    return _check_setup("assumptions", {key: setup[key] for key in SETUP_KEYS})


# ---------------------------------------------------------------------------------------------
# The legal floor: UMK where one is set, otherwise the UMP
# ---------------------------------------------------------------------------------------------


def _check_region(name: str, value) -> str:
    """A city (``Kota ...``), a regency (``Kabupaten ...``) or DKI Jakarta (which has no UMK)."""
    if not isinstance(value, str) or not (
        value == "DKI Jakarta" or value.startswith(("Kota ", "Kabupaten "))
    ):
        raise ValueError(
            f"{name} must be a city ('Kota ...'), a regency ('Kabupaten ...') or 'DKI Jakarta'; "
            f"got {value!r}"
        )
    return value


def _check_text(name: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string; got {value!r}")
    return value


def _check_date(name: str, value) -> str:
    import datetime

    try:
        datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(
            f"{name} must be an ISO date such as '2025-01-01'; got {value!r}"
        ) from None
    return value


def _check_places(name: str, value) -> list[tuple[str, str]]:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        raise ValueError(f"{name} must be a list of (region, province) pairs; got {value!r}")
    places = list(value)
    if not places or not all(isinstance(p, tuple | list) and len(p) == 2 for p in places):
        raise ValueError(
            f"{name} must be a non-empty list of (region, province) pairs; got {value!r}"
        )
    return [
        (_check_region(name, region), _check_text(name, province)) for region, province in places
    ]


REGION = Custom(
    _check_region,
    "a city ('Kota ...'), a regency ('Kabupaten ...') or 'DKI Jakarta'",
    example=lambda: "Kota Bekasi",
)
PROVINCE = Custom(_check_text, "a province of the UMP table", example=lambda: "Jawa Barat")
DATE = Custom(_check_date, "an ISO date such as '2025-01-01'", example=lambda: "2025-01-01")
UMP = Table(("province", "monthly_rp", "decree"), example=_table_example("minimum_wages_2025"))
UMK = Table(
    ("region", "province", "monthly_rp", "valid_from", "decree"),
    example=_table_example("minimum_wages_umk_2025"),
)
PLACES = Custom(
    _check_places,
    "a non-empty list of (region, province) pairs",
    example=lambda: [("DKI Jakarta", "DKI Jakarta"), ("Kota Banjarbaru", "Kalimantan Selatan")],
)


@validated(region=REGION, province=PROVINCE, ump=UMP, umk=UMK, on=DATE)
def legal_floor(
    region: str,
    province: str,
    ump: pd.DataFrame,
    umk: pd.DataFrame,
    on: str = "2025-01-01",
) -> dict:
    """The minimum wage an employee in ``region`` is owed on the date ``on`` (ISO date).

    The city or regency minimum wage (UMK) where ``umk`` has a row for ``region`` valid on
    ``on`` (the latest ``valid_from`` not after it); otherwise the provincial minimum wage
    (UMP) of ``province`` from ``ump``. Returns ``{"region", "province", "level",
    "monthly_rp", "decree"}``. A UMK below its province's UMP is an error in the tables.
    """
    by_province = ump.set_index("province")
    if province not in by_province.index:
        raise ValueError(f"province must be one of {sorted(by_province.index)}; got {province!r}")
    floor_ump = float(by_province.loc[province, "monthly_rp"])
    rows = umk[(umk["region"] == region) & (umk["valid_from"] <= on)]
    if rows.empty:
        return {
            "region": region,
            "province": province,
            "level": "UMP",
            "monthly_rp": floor_ump,
            "decree": str(by_province.loc[province, "decree"]),
        }
    row = rows.sort_values("valid_from").iloc[-1]
    if row["province"] != province:
        raise ValueError(f"{region} lies in {row['province']}, not in {province}")
    if float(row["monthly_rp"]) < floor_ump:
        raise ValueError(f"the UMK of {region} is below the UMP of {province}")
    return {
        "region": region,
        "province": province,
        "level": "UMK",
        "monthly_rp": float(row["monthly_rp"]),
        "decree": str(row["decree"]),
    }


@validated(places=PLACES, ump=UMP, umk=UMK, on=DATE)
def wage_floors(places, ump: pd.DataFrame, umk: pd.DataFrame, on: str = "2025-01-01"):
    """:func:`legal_floor` for each ``(region, province)`` pair, as a DataFrame by region."""
    rows = [legal_floor(region, province, ump, umk, on) for region, province in places]
    return pd.DataFrame(rows).set_index("region")


# ---------------------------------------------------------------------------------------------
# Who gains from a commission cap? Incidence and free entry (steady state)
# ---------------------------------------------------------------------------------------------


INCIDENCE = {
    "fare_per_trip": _spec("fare_per_trip"),
    # at least one trip in a hundred hours: an average of driving, not of waiting
    "trips_per_hour": Real(0.01, RANGES["trips_per_hour"][1]),
    "cost_per_trip": _spec("cost_per_trip"),
    "cost_per_hour": _spec("cost_per_hour"),
    "commission_before": Real(*RANGES["commission_before"], include_low=False),
    "commission_after": _spec("commission_after"),
    "passenger_fee_share": _spec("passenger_fee_share"),
    "bonus_cut_share": _spec("bonus_cut_share"),
    "demand_elasticity": _spec("demand_elasticity"),
    "entry_share": _spec("entry_share"),
}
CAP_BELOW_TAKE = Relation(
    "commission_after must be at most commission_before",
    lambda a: a["commission_after"] <= a["commission_before"],
)
TRIP_PAYS = Relation(
    "the driver's net earnings per trip must be above 0: (1 - commission_before) x "
    "fare_per_trip must exceed cost_per_trip",
    lambda a: (1.0 - a["commission_before"]) * a["fare_per_trip"] > a["cost_per_trip"],
)


@validated(CAP_BELOW_TAKE, TRIP_PAYS, **INCIDENCE)
def commission_cap_incidence(
    *,
    fare_per_trip: float,
    trips_per_hour: float,
    cost_per_trip: float,
    cost_per_hour: float,
    commission_before: float,
    commission_after: float,
    passenger_fee_share: float = 0.0,
    bonus_cut_share: float = 0.0,
    demand_elasticity: float = 0.5,
    entry_share: float = 0.0,
) -> dict[str, float]:
    """A driver's hourly net earnings before and after a cap on the commission (Rp per hour).

    A steady-state average, not a simulation. The cap cuts the platform's take per trip by
    ``loss = (commission_before - commission_after) x fare_per_trip``. The platform recovers
    ``passenger_fee_share`` of the loss with a fee on passengers, and ``bonus_cut_share`` of
    the rest by cutting drivers' bonuses. Passengers take fewer trips when they pay more
    (constant ``demand_elasticity``). In the short run the same driver hours share the trips;
    in the long run new driver hours enter until ``entry_share`` of the change in hourly net
    earnings is gone (1 = free entry returns it to the level before the cap), through fewer
    trips per driver-hour (lower utilisation).

    Returns ``hourly_before``, ``hourly_cap_only`` (the partial-equilibrium answer: no
    response from anyone), ``hourly_short_run``, ``hourly_long_run``,
    ``trips_per_hour_before``, ``trips_per_hour_short_run``, ``trips_per_hour_long_run``,
    ``passenger_price_change`` (share), ``trips_ratio`` (trips after / before),
    ``driver_hours_ratio`` (driver-hours after / before, long run) and
    ``platform_revenue_ratio`` (platform's revenue after / before, long run).

    The platform's "bonus cut" lowers what the driver receives per trip; where a platform pays
    no bonuses (as in the book's simulated month) it stands for any new charge on drivers.
    ``commission_before`` must be above 0 (there is a commission to cap) and the driver must
    net something on a trip before the cap (``TRIP_PAYS``).
    """
    f, u0 = float(fare_per_trip), float(trips_per_hour)
    loss = (commission_before - commission_after) * f
    passenger_fee = passenger_fee_share * loss
    bonus_cut = bonus_cut_share * (1.0 - passenger_fee_share) * loss
    net_trip_before = (1.0 - commission_before) * f - cost_per_trip
    # at least net_trip_before > 0: the bonus cut is a share of a loss below the fare's change
    net_trip_after = (1.0 - commission_after) * f - bonus_cut - cost_per_trip
    trips_ratio = (1.0 + passenger_fee / f) ** (-demand_elasticity)
    hourly_before = net_trip_before * u0 - cost_per_hour
    hourly_cap_only = ((1.0 - commission_after) * f - cost_per_trip) * u0 - cost_per_hour
    u_short = u0 * trips_ratio
    hourly_short = net_trip_after * u_short - cost_per_hour
    hourly_long = hourly_before + (1.0 - entry_share) * (hourly_short - hourly_before)
    # (hourly_long + cost_per_hour) / net_trip_after, written without the cancellation
    u_long = (
        entry_share * net_trip_before * u0 + (1.0 - entry_share) * net_trip_after * u_short
    ) / (net_trip_after)
    platform_per_trip = commission_after * f + passenger_fee + bonus_cut
    return {
        "hourly_before": float(hourly_before),
        "hourly_cap_only": float(hourly_cap_only),
        "hourly_short_run": float(hourly_short),
        "hourly_long_run": float(hourly_long),
        "trips_per_hour_before": u0,
        "trips_per_hour_short_run": float(u_short),
        "trips_per_hour_long_run": float(u_long),
        "passenger_price_change": float(passenger_fee / f),
        "trips_ratio": float(trips_ratio),
        "driver_hours_ratio": float(trips_ratio * u0 / u_long),
        "platform_revenue_ratio": float(platform_per_trip * trips_ratio / (commission_before * f)),
    }


@validated(sim=MONTHS)
def incidence_inputs(sim: DriverMonths) -> dict[str, float]:
    """The averages of a simulation that :func:`commission_cap_incidence` starts from.

    ``fare_per_trip`` (mean fare with surge), ``trips_per_hour``, ``cost_per_trip``,
    ``cost_per_hour`` and ``commission_before``. With them, ``hourly_before`` equals the
    simulation's mean net earnings per working hour. A simulation without a single trip has
    no average fare and is refused.
    """
    trips = float(sim.trips.sum(dtype=np.int64))
    if trips == 0:
        raise ValueError("sim has no trips, so it has no average fare per trip")
    hours = float(sim.trips.size)
    return {
        "fare_per_trip": float(sim.fares_monthly.sum() / trips),
        "trips_per_hour": trips / hours,
        "cost_per_trip": sim.cost_per_trip,
        "cost_per_hour": sim.cost_per_hour,
        "commission_before": sim.commission,
    }


# ---------------------------------------------------------------------------------------------
# Ratings and deactivation
# ---------------------------------------------------------------------------------------------

_STAR_EDGES = np.array([1.5, 2.5, 3.5, 4.5])
_erf = np.vectorize(math.erf, otypes=[float])


def _normal_cdf(x) -> np.ndarray:
    return 0.5 * (1.0 + _erf(np.asarray(x, dtype=float) / math.sqrt(2.0)))


QUALITY = Reals(*RANGES["quality"], scalar=True, ndim=None)
NOISE = Reals(*RANGES["noise"], scalar=True, ndim=None)
CUTOFF = Reals(*RANGES["cutoff"], scalar=True, ndim=None)
WINDOW = Count(*RANGES["window"])


@validated(broadcastable("quality", "noise"), returns=Real(0, 1), quality=QUALITY, noise=NOISE)
def star_probabilities(quality, noise) -> np.ndarray:
    """Probability of 1, 2, 3, 4 and 5 stars for one rating.

    A customer's satisfaction is ``quality + noise * Z`` (Z standard normal), rounded to the
    nearest star between 1 and 5. With ``noise = 0`` every rating is ``quality`` rounded
    (halves up). ``quality`` (1–5) and ``noise`` (0–3) broadcast; the result has their
    broadcast shape plus a last axis of 5.
    """
    q, s = np.broadcast_arrays(np.asarray(quality, dtype=float), np.asarray(noise, dtype=float))
    q, s = q[..., None], s[..., None]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        z = (_STAR_EDGES - q) / np.where(s > 0, s, 1.0)
    below_edge = np.where(s > 0, _normal_cdf(z), (q < _STAR_EDGES).astype(float))
    zeros, ones = np.zeros(q.shape), np.ones(q.shape)
    cumulative = np.concatenate([zeros, below_edge, ones], axis=-1)
    return np.diff(cumulative, axis=-1)


@validated(broadcastable("quality", "noise"), returns=Real(0, 5), quality=QUALITY, noise=NOISE)
def rating_moments(quality, noise) -> tuple[np.ndarray, np.ndarray]:
    """Mean and standard deviation of one star rating (in stars), in the broadcast shape."""
    probs = star_probabilities(quality, noise)
    stars = np.arange(1, 6)
    mean = (probs * stars).sum(axis=-1)
    var = (probs * stars**2).sum(axis=-1) - mean**2
    return mean, np.sqrt(np.clip(var, 0.0, None))


@validated(
    broadcastable("quality", "noise"),
    returns=Real(0, 5),
    quality=QUALITY,
    noise=NOISE,
    window=WINDOW,
)
def average_rating_distribution(quality, noise, window: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact distribution of the average of ``window`` independent ratings.

    Returns ``(averages, probabilities)``: the ``4 * window + 1`` possible averages
    (1, 1 + 1/window, ..., 5) and their probabilities, with a leading shape from broadcasting
    ``quality`` and ``noise``. The sum of ratings is a ``window``-fold convolution of the star
    probabilities, computed at once with the fast Fourier transform (probabilities below
    1e-13 are round-off and set to zero).
    """
    probs = star_probabilities(quality, noise)
    size = 4 * window + 1
    n_fft = 1 << (size - 1).bit_length()
    spectrum = np.fft.rfft(probs, n_fft, axis=-1)
    # raise to the power `window` in polar form (much faster than complex **)
    angle = window * np.angle(spectrum)
    spectrum = np.abs(spectrum) ** window * (np.cos(angle) + 1j * np.sin(angle))
    distribution = np.fft.irfft(spectrum, n_fft, axis=-1)[..., :size]
    distribution[distribution < 1e-13] = 0.0  # round-off of the transform, not probability
    distribution /= distribution.sum(axis=-1, keepdims=True)
    averages = 1.0 + np.arange(size) / window
    return averages, distribution


@validated(
    broadcastable("cutoff", "noise", "quality"),
    returns=Real(0, 1),
    cutoff=CUTOFF,
    noise=NOISE,
    window=WINDOW,
    quality=QUALITY,
)
def deactivation_probability(cutoff, noise, window: int, quality=5.0) -> np.ndarray:
    """Probability that the average of ``window`` ratings is below ``cutoff`` (exact).

    ``cutoff`` (1–5), ``noise`` (0–3) and ``quality`` (1–5) broadcast against each other, so
    one call fills a whole grid; ``window`` is a whole number of trips (1–1,000).
    """
    _, distribution = average_rating_distribution(quality, noise, window)
    cumulative = np.concatenate(
        [np.zeros((*distribution.shape[:-1], 1)), np.cumsum(distribution, axis=-1)], axis=-1
    )
    # number of possible sums s = 0, 1, ... (stars minus one) with 1 + s / window < cutoff
    below = np.ceil((np.asarray(cutoff, dtype=float) - 1.0) * window - 1e-9).astype(int)
    below = np.clip(below, 0, distribution.shape[-1])
    shape = np.broadcast_shapes(cumulative.shape[:-1], below.shape)
    table = np.broadcast_to(cumulative, (*shape, cumulative.shape[-1]))
    index = np.broadcast_to(below, shape)[..., None]
    return np.clip(np.take_along_axis(table, index, axis=-1)[..., 0], 0.0, 1.0)


@validated(
    broadcastable("cutoff", "noise", "quality"),
    returns=Real(0, 1),
    cutoff=CUTOFF,
    noise=NOISE,
    window=WINDOW,
    quality=QUALITY,
)
def deactivation_probability_normal(cutoff, noise, window: int, quality=5.0) -> np.ndarray:
    """Normal approximation: P(average < cutoff) ~ Phi(sqrt(window) (cutoff - mean) / sd).

    Good for large windows; shows why more ratings in the window lower the risk of a careful
    driver whose mean rating is above the cut-off.
    """
    mean, sd = rating_moments(quality, noise)
    gap = np.asarray(cutoff, dtype=float) - mean
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd > 0, math.sqrt(window) * gap / np.where(sd > 0, sd, 1.0), np.inf)
    z = np.where(sd > 0, z, np.where(gap > 0, np.inf, -np.inf))
    return _normal_cdf(z)


@validated(
    Relation(
        "trips must be at least window (the first check needs a full window)",
        lambda a: a["trips"] >= a["window"],
    ),
    returns=Real(0, 1),
    cutoff=_spec("cutoff"),
    noise=_spec("noise"),
    window=WINDOW,
    quality=_spec("quality"),
    trips=Count(*RANGES["trips"]),
    n_drivers=Count(*RANGES["n_drivers"]),
    seed=_spec("seed"),
)
def simulate_rating_checks(
    cutoff: float,
    noise: float,
    window: int,
    quality: float = 5.0,
    trips: int = 600,
    n_drivers: int = 2000,
    seed: int = 0,
) -> np.ndarray:
    """Share of drivers deactivated by each trip when the platform checks after every trip.

    Each of ``n_drivers`` identical drivers gets ``trips`` ratings. From trip ``window`` on,
    after every trip the platform compares the average of the last ``window`` ratings with
    ``cutoff``; the first time it is below, the driver is out. Returns an array of length
    ``trips``: element ``t - 1`` is the share of drivers deactivated by trip ``t``.
    """
    probs = star_probabilities(quality, noise)
    rng = np.random.default_rng(seed)
    uniform = rng.random((n_drivers, trips))
    stars = 1 + np.searchsorted(np.cumsum(probs)[:-1], uniform, side="right")
    totals = np.cumsum(stars, axis=1)
    last_window = (
        totals[:, window - 1 :] - np.pad(totals, ((0, 0), (1, 0)))[:, : trips - window + 1]
    )
    below = last_window < cutoff * window - 1e-9
    out_by_trip = np.logical_or.accumulate(below, axis=1).mean(axis=0)
    return np.concatenate([np.zeros(window - 1), out_by_trip])
