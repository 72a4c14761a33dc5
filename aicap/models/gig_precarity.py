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

All functions are pure: numbers in, arrays or DataFrames out. Randomness comes only from the
``seed`` argument.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from aicap.checks import require_in_range, require_int_in_range

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

# ---------------------------------------------------------------------------------------------
# A driver's month
# ---------------------------------------------------------------------------------------------


def _check_values(name: str, values) -> None:
    for item in np.ravel(values):
        require_in_range(name, item, *RANGES[name])


def _check_driver(params: dict, n_months: int, seed: int) -> np.ndarray:
    for name in SETUP_KEYS:
        if name == "demand_profile":
            continue
        if name in _INTEGER_KEYS:
            require_int_in_range(name, params[name], *RANGES[name])
        else:
            require_in_range(name, params[name], *RANGES[name])
    require_int_in_range("n_months", n_months, *RANGES["n_months"])
    require_int_in_range("seed", seed, *RANGES["seed"])
    profile = np.asarray(params["demand_profile"], dtype=float)
    if profile.shape != (24,):
        raise ValueError(f"demand_profile must hold 24 hourly values; got shape {profile.shape}")
    _check_values("relative_demand", profile)
    return profile


def busiest_hours(demand_profile, hours_per_day: int) -> np.ndarray:
    """Relative demand of the ``hours_per_day`` busiest hours, busiest first.

    The driver is assumed to work the busiest hours of the day; each extra hour of work is a
    quieter one.
    """
    require_int_in_range("hours_per_day", hours_per_day, *RANGES["hours_per_day"])
    profile = np.asarray(demand_profile, dtype=float)
    return np.sort(profile)[::-1][:hours_per_day]


def capped_poisson(mean: np.ndarray, cap: int, rng: np.random.Generator) -> np.ndarray:
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
    demand_noise : spread (log standard deviation) of the daily demand shock (0–1)
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
    loop over hours or trips.
    """
    params = {name: value for name, value in locals().items() if name in SETUP_KEYS}
    profile = _check_driver(params, n_months, seed)
    rng = np.random.default_rng(seed)
    hour_demand = busiest_hours(profile, hours_per_day).astype(np.float32)
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
        block = capped_poisson(np.float32(trips_per_hour) * demand, max_trips_per_hour, rng)
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


def share_below(net_monthly: np.ndarray, thresholds) -> np.ndarray:
    """Share of simulated months whose net earnings are below each threshold (e.g. a wage)."""
    net = np.asarray(net_monthly, dtype=float)
    levels = np.asarray(thresholds, dtype=float)
    return (net[:, None] < np.ravel(levels)[None, :]).mean(axis=0).reshape(levels.shape)


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


def earnings_summary(sim: DriverMonths) -> dict[str, float]:
    """Plain-number summary of :func:`simulate_driver_months` output (Rp unless a share).

    ``mean_monthly``, ``median_monthly``, ``p10_monthly``, ``p90_monthly``, ``sd_monthly``,
    ``cv_monthly`` (sd / mean of the driver's net), ``cv_platform`` (sd / mean of the
    platform's commission from this driver), ``mean_hourly``, ``p10_hourly``, ``p90_hourly``,
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
        "cv_monthly": float(net.std() / mean) if mean > 0 else float("nan"),
        "cv_platform": float(platform.std() / platform_mean) if platform_mean > 0 else float("nan"),
        "mean_hourly": mean_hourly,
        "p10_hourly": float(p10_hourly),
        "p90_hourly": float(p90_hourly),
        "share_hours_losing": losing / ordered.size,
        "share_hours_empty": (n_hours - np.count_nonzero(sim.trips)) / n_hours,
        "mean_trips_per_day": float(sim.trips.sum(dtype=np.int64)) / n_days,
        "mean_fares_per_day": float(sim.fares_monthly.mean() / days),
        "hours_per_month": float(days * hours),
    }


def earnings_by_hours(
    setup: dict,
    hours_grid,
    thresholds=(),
    n_months: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Run the month for each number of working hours per day.

    Returns a DataFrame indexed by ``hours_per_day`` with ``mean``, ``p10`` and ``p90`` of net
    monthly earnings (Rp) and, for each threshold ``i``, ``below_<i>``: the share of months
    below it.
    """
    rows = []
    levels = np.asarray(thresholds, dtype=float)
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
        for i, share in enumerate(np.atleast_1d(share_below(net, levels))):
            row[f"below_{i}"] = float(share)
        rows.append(row)
    return pd.DataFrame(rows).set_index("hours_per_day")


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
      the minimum fare: the bottom of the reported band;
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
    minimum = fares[fares["item"] == "minimum fare"]
    in_force = commission_rules[commission_rules["status"] == "in force"]
    setup.update(
        demand_profile=profile,
        fare_per_km=float(per_km["low_rp"].iloc[0]),
        min_fare=float(minimum["low_rp"].iloc[0]),
        fuel_price=float(fuel_prices.sort_values("valid_from")["price_rp_per_litre"].iloc[-1]),
        commission=float(in_force["total_pct"].iloc[-1]) / 100,
    )
    missing = [key for key in SETUP_KEYS if key not in setup]
    if missing:
        raise ValueError(f"the assumptions table lacks parameters {missing}")
    return {key: setup[key] for key in SETUP_KEYS}


# ---------------------------------------------------------------------------------------------
# Ratings and deactivation
# ---------------------------------------------------------------------------------------------

_STAR_EDGES = np.array([1.5, 2.5, 3.5, 4.5])
_erf = np.vectorize(math.erf, otypes=[float])


def _normal_cdf(x) -> np.ndarray:
    return 0.5 * (1.0 + _erf(np.asarray(x, dtype=float) / math.sqrt(2.0)))


def star_probabilities(quality, noise) -> np.ndarray:
    """Probability of 1, 2, 3, 4 and 5 stars for one rating.

    A customer's satisfaction is ``quality + noise * Z`` (Z standard normal), rounded to the
    nearest star between 1 and 5. With ``noise = 0`` every rating is ``quality`` rounded
    (halves up). ``quality`` (1–5) and ``noise`` (0–3) broadcast; the result has their
    broadcast shape plus a last axis of 5.
    """
    _check_values("quality", quality)
    _check_values("noise", noise)
    q, s = np.broadcast_arrays(np.asarray(quality, dtype=float), np.asarray(noise, dtype=float))
    q, s = q[..., None], s[..., None]
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (_STAR_EDGES - q) / np.where(s > 0, s, 1.0)
    below_edge = np.where(s > 0, _normal_cdf(z), (q < _STAR_EDGES).astype(float))
    zeros, ones = np.zeros(q.shape), np.ones(q.shape)
    cumulative = np.concatenate([zeros, below_edge, ones], axis=-1)
    return np.diff(cumulative, axis=-1)


def rating_moments(quality, noise) -> tuple[np.ndarray, np.ndarray]:
    """Mean and standard deviation of one star rating (in stars)."""
    probs = star_probabilities(quality, noise)
    stars = np.arange(1, 6)
    mean = (probs * stars).sum(axis=-1)
    var = (probs * stars**2).sum(axis=-1) - mean**2
    return mean, np.sqrt(np.clip(var, 0.0, None))


def average_rating_distribution(quality, noise, window: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact distribution of the average of ``window`` independent ratings.

    Returns ``(averages, probabilities)``: the ``4 * window + 1`` possible averages
    (1, 1 + 1/window, ..., 5) and their probabilities, with a leading shape from broadcasting
    ``quality`` and ``noise``. The sum of ratings is a ``window``-fold convolution of the star
    probabilities, computed at once with the fast Fourier transform (probabilities below
    1e-13 are round-off and set to zero).
    """
    require_int_in_range("window", window, *RANGES["window"])
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


def deactivation_probability(cutoff, noise, window: int, quality=5.0) -> np.ndarray:
    """Probability that the average of ``window`` ratings is below ``cutoff`` (exact).

    ``cutoff`` (1–5), ``noise`` (0–3) and ``quality`` (1–5) broadcast against each other, so
    one call fills a whole grid; ``window`` is a whole number of trips (1–1,000).
    """
    _check_values("cutoff", cutoff)
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


def deactivation_probability_normal(cutoff, noise, window: int, quality=5.0) -> np.ndarray:
    """Normal approximation: P(average < cutoff) ~ Phi(sqrt(window) (cutoff - mean) / sd).

    Good for large windows; shows why more ratings in the window lower the risk of a careful
    driver whose mean rating is above the cut-off.
    """
    _check_values("cutoff", cutoff)
    require_int_in_range("window", window, *RANGES["window"])
    mean, sd = rating_moments(quality, noise)
    gap = np.asarray(cutoff, dtype=float) - mean
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd > 0, math.sqrt(window) * gap / np.where(sd > 0, sd, 1.0), np.inf)
    z = np.where(sd > 0, z, np.where(gap > 0, np.inf, -np.inf))
    return _normal_cdf(z)


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
    _check_values("cutoff", cutoff)
    require_int_in_range("window", window, *RANGES["window"])
    require_int_in_range("trips", trips, window, RANGES["trips"][1])
    require_int_in_range("n_drivers", n_drivers, *RANGES["n_drivers"])
    require_int_in_range("seed", seed, *RANGES["seed"])
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
