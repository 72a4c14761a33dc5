"""Compute concentration: a market that tips, the measures of concentration, compute arithmetic.

Three groups of pure functions (numbers in, arrays or DataFrames out):

* **A market with a data/compute feedback loop.** Buyers choose among firms by a logit rule
  (McFadden 1974): a firm's share is proportional to its quality. Quality rises with the
  firm's stock of data and compute, which grows with its share of buyers. With strong enough
  feedback the market *tips* to one firm (Arthur 1989). Two policies are parameters: shared
  **public compute** available to every firm, and a one-off **entry subsidy** for a late
  entrant. See :func:`simulate_market`. :func:`tipping_threshold` says when an evenly shared
  market tips; :func:`lock_in_limit` says how much public compute a market that has already
  tipped needs before it returns to equal shares (more: the model has hysteresis).
* **Measures of concentration**: the Herfindahl–Hirschman index (HHI), the k-firm
  concentration ratio, bounds on the HHI when only the largest shares are published, the
  Lorenz curve and the Gini coefficient.
* **Compute arithmetic** a reader can redo by hand: a data-centre campus's energy per year,
  the accelerators it can power, days to train a model of given size, and a purchase bill as a
  share of world output.

Every public function declares its parameters with :func:`aicap.checks.validated`: a bad value
raises ``ValueError`` naming the parameter and what it may be.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from aicap.checks import (
    Choice,
    Count,
    Optional,
    Real,
    Reals,
    Relation,
    Table,
    broadcastable,
    validated,
)
from aicap.data import load

#: Allowed parameter ranges: (low, high).
RANGES = {
    "n_firms": (2, 8),
    "feedback": (0.0, 4.0),
    "public_compute": (0.0, 1.0),
    "entry_subsidy": (0.0, 1.0),
    "periods": (1, 500),
    "data_turnover": (0.01, 1.0),
    "noise": (0.0, 0.5),
    "seed": (0, 2**32 - 1),
}

#: Number of systems on every TOP500 list (by definition of the list).
TOP500_SIZE = 500
#: Hours in a (non-leap) year.
HOURS_PER_YEAR = 365 * 24
#: Seconds in a day.
SECONDS_PER_DAY = 24 * 60 * 60


class Shares(Reals):
    """Market shares as fractions (0–1); the description reminds that percentages need
    dividing by 100."""

    def describe(self) -> str:
        return super().describe() + " (fractions of the market: divide percentages by 100)"


N_FIRMS = Count(*RANGES["n_firms"])
PERIODS = Count(*RANGES["periods"])
TURNOVER = Real(*RANGES["data_turnover"])
NOISE = Real(*RANGES["noise"])
SEED = Count(*RANGES["seed"])
#: Firm 1's share of the private stock in period 0 (None: nearly equal stocks at random).
LEADER = Optional(Real(0.0, 1.0))
ENTRY = Optional(Count(*RANGES["periods"]))
ENTRY_WITHIN = Relation(
    "entry_period must be at most periods",
    lambda a: a["entry_period"] is None or a["entry_period"] <= a["periods"],
)
#: Everything the market returns (shares, stocks, HHI) lies in [0, 10,000].
MARKET_NUMBERS = Real(0.0, 10_000.0)
HHI_RANGE = Real(0.0, 10_000.0)

# ---------------------------------------------------------------------------------------------
# A market with a data/compute feedback loop
# ---------------------------------------------------------------------------------------------


def _starting_stocks(
    n: int, noise: float, seed: int, leader_stock: float | None = None
) -> np.ndarray:
    """The firms' stocks in period 0, adding up to 1 (see :func:`simulate_market`).

    Nearly equal stocks drawn at random (``noise``, ``seed``), or, with ``leader_stock``, firm 1
    holding that share and the others splitting the rest equally (a lone firm holds it all).
    """
    if leader_stock is not None and n > 1:
        start = np.full(n, (1.0 - leader_stock) / (n - 1))
        start[0] = leader_stock
        return start
    rng = np.random.default_rng(seed)
    start = 1.0 + noise * rng.uniform(-1.0, 1.0, n)
    return start / start.sum()


MARKET_SPECS = dict(
    n_firms=N_FIRMS,
    periods=PERIODS,
    entry_period=ENTRY,
    data_turnover=TURNOVER,
    noise=NOISE,
    seed=SEED,
    leader_stock=LEADER,
)


@validated(
    ENTRY_WITHIN,
    broadcastable("feedback", "public_compute", "entry_subsidy"),
    returns=MARKET_NUMBERS,
    feedback=Reals(*RANGES["feedback"], scalar=True, ndim=None),
    public_compute=Reals(*RANGES["public_compute"], scalar=True, ndim=None),
    entry_subsidy=Reals(*RANGES["entry_subsidy"], scalar=True, ndim=None),
    **MARKET_SPECS,
)
def simulate_market(
    n_firms: int = 4,
    feedback: float | np.ndarray = 1.5,
    public_compute: float | np.ndarray = 0.0,
    entry_subsidy: float | np.ndarray = 0.0,
    periods: int = 60,
    entry_period: int | None = None,
    data_turnover: float = 0.1,
    noise: float = 0.05,
    seed: int = 0,
    leader_stock: float | None = None,
) -> dict[str, np.ndarray]:
    """Simulate market shares when quality grows with data and compute.

    Each firm *i* has a stock :math:`D_i` of data and compute. The private stocks of all firms
    add up to 1 at the start (and return towards 1 over time), so every stock is a share of
    the market's total. In every period:

    1. quality is :math:`q_i = (D_i + P)^{\\phi}`, where ``P`` (``public_compute``) is shared
       compute and data every firm can use and :math:`\\phi` (``feedback``) says how strongly
       quality rises with data and compute;
    2. buyers choose by a logit rule, so firm *i*'s share is :math:`s_i = q_i / \\sum_j q_j`;
    3. stocks are renewed from the buyers served: :math:`D_i \\leftarrow (1-\\delta) D_i +
       \\delta s_i`, where :math:`\\delta` (``data_turnover``) is the share of the stock
       replaced each period.

    Firms start with nearly equal stocks; ``noise`` sets the size of the random differences
    (drawn with ``seed``). With ``leader_stock``, firm 1 starts with that share of the stock and
    the other incumbents split the rest equally (no randomness): ``leader_stock=0.97`` starts
    from a market that has already tipped. If ``entry_period`` is given, the last of the
    ``n_firms`` firms is an **entrant**: it has no share before that period and arrives with a
    stock equal to ``entry_subsidy`` times the incumbents' total stock. A subsidy of 0 means it
    arrives with no data at all, and then (with no public compute) its quality is 0 for any
    feedback strength above 0: in this model a firm with no data cannot win a buyer. With
    ``entry_period=None`` all firms start together and ``entry_subsidy`` plays no part.

    ``feedback``, ``public_compute`` and ``entry_subsidy`` broadcast against each other, so
    one call runs a grid of scenarios (same seed, same starting differences).

    Returns a dict of arrays: ``shares`` and ``stocks`` of shape
    ``(periods + 1, *batch_shape, n_firms)`` and ``hhi`` of shape
    ``(periods + 1, *batch_shape)`` (Herfindahl–Hirschman index, 0–10,000).
    """
    n = n_firms
    phi, public, subsidy = np.broadcast_arrays(feedback, public_compute, entry_subsidy)
    batch = phi.shape
    phi, public, subsidy = phi[..., None], public[..., None], subsidy[..., None]

    incumbents = n if entry_period is None else n - 1
    stocks = np.zeros((*batch, n))
    stocks[..., :incumbents] = _starting_stocks(incumbents, noise, seed, leader_stock)
    active = np.arange(n) < incumbents

    shares_out = np.empty((periods + 1, *batch, n))
    stocks_out = np.empty((periods + 1, *batch, n))
    for t in range(periods + 1):
        if entry_period is not None and t == entry_period:
            stocks[..., -1] = subsidy[..., 0] * stocks[..., :-1].sum(axis=-1)
            active = np.ones(n, dtype=bool)
        quality = np.where(active, np.power(stocks + public, phi), 0.0)
        shares = quality / quality.sum(axis=-1, keepdims=True)
        shares_out[t] = shares
        stocks_out[t] = stocks
        stocks = (1.0 - data_turnover) * stocks + data_turnover * shares
    hhi_path = 10_000.0 * np.square(shares_out).sum(axis=-1)
    return {"shares": shares_out, "stocks": stocks_out, "hhi": hhi_path}


@validated(
    ENTRY_WITHIN,
    returns=MARKET_NUMBERS,
    feedback=Real(*RANGES["feedback"]),
    public_compute=Real(*RANGES["public_compute"]),
    entry_subsidy=Real(*RANGES["entry_subsidy"]),
    **MARKET_SPECS,
)
def market_path(
    n_firms: int = 4,
    feedback: float = 1.5,
    public_compute: float = 0.0,
    entry_subsidy: float = 0.0,
    periods: int = 60,
    entry_period: int | None = None,
    data_turnover: float = 0.1,
    noise: float = 0.05,
    seed: int = 0,
    leader_stock: float | None = None,
) -> pd.DataFrame:
    """One scenario of :func:`simulate_market` as a table.

    Returns a DataFrame indexed by ``period`` (0..periods) with one column of market shares
    (fractions) per firm, named ``firm 1``, ``firm 2``, ... (the last is ``entrant`` when
    ``entry_period`` is given), and the column ``hhi``.
    """
    result = simulate_market(
        n_firms,
        feedback,
        public_compute,
        entry_subsidy,
        periods,
        entry_period,
        data_turnover,
        noise,
        seed,
        leader_stock,
    )
    names = [f"firm {i + 1}" for i in range(n_firms)]
    if entry_period is not None:
        names[-1] = "entrant"
    table = pd.DataFrame(result["shares"], columns=names)
    table["hhi"] = result["hhi"]
    table.index.name = "period"
    return table


@validated(
    broadcastable("n_firms", "public_compute"),
    returns=Real(1.0, 1.0 + RANGES["n_firms"][1] * RANGES["public_compute"][1]),
    n_firms=Reals(*RANGES["n_firms"], whole=True, scalar=True, ndim=None),
    public_compute=Reals(*RANGES["public_compute"], scalar=True, ndim=None),
)
def tipping_threshold(n_firms: int | np.ndarray, public_compute: float | np.ndarray) -> np.ndarray:
    """Feedback strength above which an **evenly shared** market tips: ``1 + n_firms * P``.

    Near equal shares, a firm with a slightly larger stock gains share in proportion to
    ``feedback / (1 + n_firms * public_compute)``; the even split is stable when that ratio is
    below 1 and unstable (the market tips) when it is above 1. ``n_firms * P`` is public compute
    measured against an average firm's own stock (1/n of the total). The threshold is about the
    stability of the even split only: a market that has already tipped can stay tipped below
    it (see :func:`lock_in_limit`).
    """
    return 1.0 + np.asarray(n_firms, dtype=float) * public_compute


def _lead_gain(n: int, phi: float, public: float, lead: np.ndarray) -> np.ndarray:
    """Next-period share minus stock of a leader holding ``lead`` when the n - 1 others share
    the rest equally (a steady state of :func:`simulate_market` where this is zero)."""
    rest = (1.0 - lead) / (n - 1)
    leader = (lead + public) ** phi
    others = (n - 1) * (rest + public) ** phi
    return leader / (leader + others) - lead


@validated(
    returns=Real(*RANGES["public_compute"]),
    n_firms=N_FIRMS,
    feedback=Real(*RANGES["feedback"]),
)
def lock_in_limit(n_firms: int, feedback: float) -> float:
    """The most public compute at which a market that has **already tipped** can stay tipped.

    A tipped steady state of :func:`simulate_market` has one leader with a stock (and share)
    ``x`` above ``1/n`` and the others equal. It exists while the leader's share of buyers at
    some ``x`` in ``(1/n, 1)`` is at least ``x`` (then its lead does not shrink). Above the
    tipping threshold it always exists; below it, it exists up to a limit found here by
    bisection, so between the threshold ``(feedback - 1) / n`` and this limit both an even and
    a tipped market are steady (the model is *bistable*: where the market ends depends on where
    it starts). Returns 0 for a feedback strength of 1 or less (then a firm's share of buyers is
    never more unequal than its stock, so no lead can sustain itself), and at most 1, the largest
    public compute the model takes. For two firms the limit equals the
    threshold.
    """
    n, phi = n_firms, feedback
    lead = np.linspace(1.0 / n, 1.0, 4001)[1:-1]
    low = max(0.0, (phi - 1.0) / n)
    high = RANGES["public_compute"][1]

    def tipped(public: float) -> bool:
        return bool(_lead_gain(n, phi, public, lead).max() >= 0.0)

    if phi <= 1.0:  # shares are no more unequal than stocks: a lead never pays for itself
        return 0.0
    if tipped(high):
        return high
    for _ in range(50):
        middle = (low + high) / 2
        low, high = (middle, high) if tipped(middle) else (low, middle)
    return float(low)


#: How far (in HHI points, on the 0–10,000 scale) a cell of :func:`final_hhi_grid` that is not
#: simulated may be from the period-by-period result: the size of floating-point rounding here.
GRID_HHI_TOLERANCE = 1e-9


def _settles_at_equal_shares(
    start: np.ndarray,
    phi: np.ndarray,
    public: np.ndarray,
    periods: int,
    delta: float,
    tolerance: float,
) -> np.ndarray:
    """Cells whose HHI after ``periods`` periods is provably within ``tolerance`` of 10,000/n.

    The proof, for one cell. Write ``x_i = D_i + P`` (stock plus public compute) and ``r`` for
    the spread of the stocks, largest minus smallest. A larger stock always wins a larger share,
    so the firms never change places. The stocks add up to 1, so their average is 1/n and,
    while the spread is at most its starting value ``r0``, every ``x_i`` lies in
    ``[lo, hi] = [1/n - r0 + P, 1/n + r0 + P]``. By the mean value theorem,
    ``s_max - s_min = phi * xi**(phi-1) * r / sum_j x_j**phi`` for some ``xi`` in ``[lo, hi]``,
    and ``sum_j x_j**phi >= n * m**phi`` with ``m = lo`` (or, if ``phi >= 1``, by convexity,
    the average ``m = 1/n + P``). So the spread of the shares is at most ``lam * r`` with
    ``lam = phi * max(lo**(phi-1), hi**(phi-1)) / (n * m**phi)``, and the next period's spread
    of the stocks is at most ``kappa * r`` with ``kappa = (1 - delta) + delta * lam``. If
    ``kappa < 1`` the spread never grows, the box holds in every period, and after ``periods``
    periods the spread of the shares is at most ``lam * kappa**periods * r0``. Finally
    ``HHI = 10,000 * (1/n + sum_i (s_i - 1/n)**2)`` because the shares add up to 1, and the
    sum is at most ``n/4`` times the squared spread of the shares (Bhatia–Davis inequality).
    """
    n = start.size
    spread = float(start.max() - start.min())
    low = 1.0 / n - spread + public
    high = 1.0 / n + spread + public
    floor = np.where(phi >= 1, 1.0 / n + public, low)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        lam = phi * np.maximum(low ** (phi - 1.0), high ** (phi - 1.0)) / (n * floor**phi)
        kappa = (1.0 - delta) + delta * lam
        excess = 10_000.0 * (n / 4) * (lam * kappa**periods * spread) ** 2
        proven = (low > 0) & (kappa < 1) & (excess < tolerance)
    return (phi == 0) | proven  # without feedback every firm has quality 1: equal shares


def _final_shares(
    start: np.ndarray, phi: np.ndarray, public: np.ndarray, periods: int, delta: float
) -> np.ndarray:
    """Shares after ``periods`` periods of :func:`simulate_market` (all firms from the start).

    ``start`` holds the ``n`` starting stocks; ``phi`` and ``public`` one value per cell.
    Returns shares of shape ``(n, cells)``. The same recurrence as :func:`simulate_market`,
    kept in place with firms along the first axis (sums over firms add whole rows) and only
    the current period stored; quality ``(D + P)**phi`` is computed as
    ``exp(phi * log(D + P))``.
    """
    n, cells = start.size, phi.size
    phi_rows = np.repeat(phi[None, :], n, axis=0)
    public_rows = np.repeat(public[None, :], n, axis=0)
    stocks = np.repeat(start[:, None], cells, axis=1)
    quality = np.empty_like(stocks)
    total = np.empty(cells)
    with np.errstate(divide="ignore"):  # a stock of exactly 0 has quality 0
        for _ in range(periods):
            np.add(stocks, public_rows, out=quality)
            np.log(quality, out=quality)
            quality *= phi_rows
            np.exp(quality, out=quality)
            np.add.reduce(quality, axis=0, out=total)
            np.divide(delta, total, out=total)
            quality *= total  # delta x share
            stocks *= 1.0 - delta
            stocks += quality
        np.add(stocks, public_rows, out=quality)
        np.log(quality, out=quality)
        quality *= phi_rows
        np.exp(quality, out=quality)
    quality /= quality.sum(axis=0)
    return quality


@validated(
    returns=HHI_RANGE,
    feedbacks=Reals(*RANGES["feedback"]),
    public_computes=Reals(*RANGES["public_compute"]),
    n_firms=N_FIRMS,
    periods=PERIODS,
    data_turnover=TURNOVER,
    noise=NOISE,
    seed=SEED,
    leader_stock=LEADER,
)
def final_hhi_grid(
    feedbacks: np.ndarray,
    public_computes: np.ndarray,
    n_firms: int = 4,
    periods: int = 150,
    data_turnover: float = 0.1,
    noise: float = 0.05,
    seed: int = 0,
    leader_stock: float | None = None,
) -> np.ndarray:
    """HHI in the last period for every (public compute, feedback) pair, all firms from the start.

    ``feedbacks`` and ``public_computes`` are one-dimensional; the other parameters are those
    of :func:`simulate_market` (same ranges). Returns an array of shape
    ``(len(public_computes), len(feedbacks))`` of HHI values (0–10,000): element ``[i, j]`` is
    ``simulate_market(n_firms, feedbacks[j], public_computes[i], 0.0, periods, None,
    data_turnover, noise, seed, leader_stock)["hhi"][-1]``.

    Two things make it faster than that call on the whole grid, without changing the model:
    only the current period is kept (not every period's shares and stocks), and a cell is
    simulated only if it has to be. A cell whose market provably returns to equal shares fast
    enough (see :func:`_settles_at_equal_shares`) gets the HHI of equal shares, 10,000/n; its
    true value is above that by less than :data:`GRID_HHI_TOLERANCE` (1e-9 HHI points). Every
    other cell runs the same period-by-period recurrence, equal to :func:`simulate_market` up
    to floating-point rounding.
    """
    n, delta = n_firms, data_turnover
    phi = feedbacks[None, :]
    public = public_computes[:, None]
    phi, public = (np.ravel(array) for array in np.broadcast_arrays(phi, public))
    start = _starting_stocks(n, noise, seed, leader_stock)
    hhi_final = np.full(phi.size, 10_000.0 / n)
    run = ~_settles_at_equal_shares(start, phi, public, periods, delta, GRID_HHI_TOLERANCE)
    if run.any():
        shares = _final_shares(start, phi[run], public[run], periods, delta)
        hhi_final[run] = 10_000.0 * np.square(shares).sum(axis=0)
    return hhi_final.reshape(public_computes.size, feedbacks.size)


# ---------------------------------------------------------------------------------------------
# Measures of concentration
# ---------------------------------------------------------------------------------------------

#: Shares of one market (one-dimensional), or of several markets along the last axis.
SHARES = Shares(0.0, 1.0, ndim=None)
SHARE_LIST = Shares(0.0, 1.0)
SHARES_AT_MOST_ONE = Relation(
    "shares must add up to at most 1 (along the last axis)",
    lambda a: bool(np.all(np.sum(a["shares"], axis=-1) <= 1 + 1e-6)),
)
SHARES_NOT_ZERO = Relation(
    "shares must add up to more than 0 (along the last axis): a market needs a firm with sales",
    lambda a: bool(np.all(np.sum(a["shares"], axis=-1) > 0)),
)


@validated(SHARES_AT_MOST_ONE, SHARES_NOT_ZERO, returns=HHI_RANGE, shares=SHARES)
def hhi(shares) -> float | np.ndarray:
    """Herfindahl–Hirschman index: the sum of squared market shares in percent (0–10,000).

    ``shares`` are fractions of the market (0–1) along the last axis; they may add up to
    less than 1 when only some firms are listed (the result is then a lower bound).
    A monopoly has 10,000; ``n`` equal firms have ``10,000 / n``.
    """
    result = 10_000.0 * np.square(shares).sum(axis=-1)
    return float(result) if np.ndim(result) == 0 else result


@validated(
    SHARES_AT_MOST_ONE, SHARES_NOT_ZERO, returns=Real(0, 1), shares=SHARE_LIST, k=Count(1, 1000)
)
def concentration_ratio(shares, k: int = 4) -> float:
    """CR\\ *k*: the combined share (fraction) of the ``k`` largest firms."""
    return float(np.sort(shares)[::-1][:k].sum())


@validated(
    Relation(
        "known_shares must add up to at most 1",
        lambda a: float(np.sum(a["known_shares"])) <= 1 + 1e-6,
    ),
    Relation(
        "known_shares must all be positive when they add up to less than 1",
        lambda a: (
            float(np.sum(a["known_shares"])) >= 1 - 1e-12 or float(np.min(a["known_shares"])) > 0
        ),
    ),
    returns=HHI_RANGE,
    known_shares=SHARE_LIST,
)
def hhi_bounds(known_shares) -> tuple[float, float]:
    """Lowest and highest HHI consistent with the published shares of the largest firms.

    ``known_shares`` are the shares (fractions) of the largest firms; the rest of the market,
    ``1 - sum(known_shares)``, belongs to firms no larger than the smallest listed one. The
    HHI is lowest when the rest is split among very many tiny firms (they add almost nothing)
    and highest when it is split into as few firms as possible, each as large as the smallest
    listed firm.
    """
    values = known_shares
    lower = 10_000.0 * float(np.square(values).sum())
    rest = max(0.0, 1.0 - float(values.sum()))
    if rest <= 1e-12:
        return lower, lower
    smallest = float(values.min())
    ratio = rest / smallest
    if not ratio < 1e12:  # so many firms of the smallest size that the leftover cannot matter
        return lower, lower + 10_000.0 * rest * smallest
    whole = math.floor(ratio + 1e-9)
    leftover = max(0.0, rest - whole * smallest)
    upper = lower + 10_000.0 * (whole * smallest**2 + leftover**2)
    return lower, float(upper)


#: Amounts of some kind per unit (models per organisation, say): at least one, none negative.
AMOUNTS = Reals(0.0, math.inf)
POSITIVE_TOTAL = Relation(
    "values must have a positive total", lambda a: float(np.sum(a["values"])) > 0
)


@validated(POSITIVE_TOTAL, returns=Real(0, 1), values=AMOUNTS)
def lorenz_curve(values) -> tuple[np.ndarray, np.ndarray]:
    """Points of the Lorenz curve of ``values`` (e.g. models per organisation).

    Returns ``(population_share, value_share)``: after sorting from smallest to largest, the
    share of units (x) that holds each cumulative share of the total (y); both start at 0
    and end at 1.
    """
    array = np.sort(values)
    population = np.arange(array.size + 1) / array.size
    cumulative = np.concatenate([[0.0], np.cumsum(array)]) / array.sum()
    return population, cumulative


@validated(POSITIVE_TOTAL, returns=Real(0, 1), values=AMOUNTS)
def gini(values) -> float:
    """Gini coefficient: twice the area between the Lorenz curve and the line of equality.

    0 when every unit has the same amount; ``1 - 1/n`` when one of ``n`` units has everything.
    """
    population, cumulative = lorenz_curve(values)
    area_under = np.sum(np.diff(population) * (cumulative[1:] + cumulative[:-1]) / 2)
    return float(min(1.0, max(0.0, 1.0 - 2.0 * area_under)))


THRESHOLD_COLUMNS = ("guidelines", "category", "hhi_above", "hhi_up_to")


@validated(
    Relation(
        "guidelines must be a year of the thresholds table",
        lambda a: a["guidelines"] in set(a["thresholds"]["guidelines"].tolist()),
    ),
    value=HHI_RANGE,
    thresholds=Table(THRESHOLD_COLUMNS, example=lambda: load("hhi_thresholds")),
    guidelines=Choice((2010, 2023)),
)
def classify_hhi(value: float, thresholds: pd.DataFrame, guidelines: int) -> str:
    """The category a merger-guidelines table gives to an HHI ``value``.

    ``thresholds`` has columns ``guidelines``, ``category``, ``hhi_above`` and ``hhi_up_to``
    (a category covers ``hhi_above < HHI <= hhi_up_to``; the lowest starts at 0 inclusive);
    ``guidelines`` is the year of the US guidelines, 2010 or 2023.
    """
    rows = thresholds[thresholds["guidelines"] == guidelines]
    for row in rows.itertuples():
        if (row.hhi_above < value or (row.hhi_above == 0 and value == 0)) and (
            value <= row.hhi_up_to
        ):
            return str(row.category)
    raise ValueError(f"value {value} is not covered by the {guidelines} thresholds")


@validated(
    Relation(
        "years and values must have the same length",
        lambda a: np.shape(a["years"]) == np.shape(a["values"]),
    ),
    Relation("years must not all be the same year", lambda a: float(np.ptp(a["years"])) > 0),
    Relation("values must all be positive", lambda a: bool(np.all(a["values"] > 0))),
    years=Reals(1900, 2100, min_size=2, whole=True),
    values=Reals(0.0, 1e40, min_size=2),
)
def growth_per_year(years, values) -> dict[str, float | None]:
    """Fit ``log10(values)`` on ``years`` (whole years) by least squares.

    Returns the growth ``factor_per_year``, the ``doubling_months`` it implies (``None`` when
    the fitted trend does not rise), and the fitted ``intercept`` and ``slope`` (of log10
    values on the year).
    """
    x = np.asarray(years, dtype=float)
    slope, intercept = np.polyfit(x - x.mean(), np.log10(values), 1)
    intercept -= slope * x.mean()
    factor = 10.0**slope
    doubling = 12.0 * math.log(2) / math.log(factor) if factor > 1 else None
    return {
        "factor_per_year": float(factor),
        "doubling_months": None if doubling is None else float(doubling),
        "slope": float(slope),
        "intercept": float(intercept),
    }


TOP500_COLUMNS = ("list", "systems_with_accelerator", "share_of_total_Rmax_pct")


@validated(
    returns=Real(0, 100),
    table=Table(TOP500_COLUMNS, example=lambda: load("top500_accelerators")),
)
def top500_shares(table: pd.DataFrame) -> pd.DataFrame:
    """TOP500 accelerator series as percentages of systems and of performance.

    ``table`` has the columns of ``data/top500_accelerators.csv``. Returns a DataFrame
    indexed by list ``year`` with ``accelerated_systems_pct`` (share of the 500 systems with
    an accelerator), ``accelerated_rmax_pct`` (their share of total Rmax, the list's measured
    performance) and the CPU-only complements of both.
    """
    out = pd.DataFrame(
        {
            "year": table["list"].str.slice(0, 4).astype(int).to_numpy(),
            "accelerated_systems_pct": 100.0
            * table["systems_with_accelerator"].to_numpy(dtype=float)
            / TOP500_SIZE,
            "accelerated_rmax_pct": table["share_of_total_Rmax_pct"].to_numpy(dtype=float),
        }
    ).set_index("year")
    out["cpu_only_systems_pct"] = 100.0 - out["accelerated_systems_pct"]
    out["cpu_only_rmax_pct"] = 100.0 - out["accelerated_rmax_pct"]
    return out


@validated(
    Relation(
        "accelerated_at_least must be at most list_size",
        lambda a: a["accelerated_at_least"] <= a["list_size"],
    ),
    returns=Real(0, 100),
    accelerated_at_least=Count(0, 10_000),
    list_size=Count(1, 10_000),
)
def cpu_only_at_most_pct(accelerated_at_least: int, list_size: int = TOP500_SIZE) -> float:
    """Largest possible percentage of CPU-only systems, given a floor on accelerated ones.

    When only some accelerated systems are counted (for example, those with one vendor's
    chips), at least ``accelerated_at_least`` of the ``list_size`` systems have an accelerator,
    so at most ``100 * (list_size - accelerated_at_least) / list_size`` percent run on CPUs
    alone.
    """
    return 100.0 * (list_size - accelerated_at_least) / list_size


# ---------------------------------------------------------------------------------------------
# Compute arithmetic
# ---------------------------------------------------------------------------------------------

POWER_MW = Reals(0.0, 100_000.0, scalar=True, ndim=None)


@validated(returns=Real(0, math.inf), power_mw=POWER_MW, load_factor=Real(0.0, 1.0))
def annual_energy_twh(power_mw: float | np.ndarray, load_factor: float = 1.0) -> np.ndarray:
    """Energy a facility of ``power_mw`` megawatts draws in a year, in terawatt-hours.

    ``load_factor`` is the average share of that power actually drawn (1 = all year at full
    power). 1 TWh = 1,000,000 MWh.
    """
    return power_mw * HOURS_PER_YEAR * load_factor / 1e6


@validated(
    returns=Real(0, math.inf),
    power_mw=POWER_MW,
    kw_per_accelerator=Real(0.1, 10.0),
    pue=Real(1.0, 3.0),
)
def accelerators_supported(
    power_mw: float | np.ndarray, kw_per_accelerator: float, pue: float
) -> np.ndarray:
    """How many accelerators a facility of ``power_mw`` can run.

    ``kw_per_accelerator`` is the IT power of one accelerator with its share of servers,
    memory and network (kilowatts); ``pue`` (power usage effectiveness) is total facility
    power divided by IT power, so cooling and power losses are included.
    """
    return power_mw * 1000.0 / (kw_per_accelerator * pue)


@validated(
    returns=Real(0, math.inf),
    flop=Reals(0.0, 1e32, scalar=True, ndim=None),
    accelerators=Real(1.0, 1e9),
    peak_flop_per_s=Real(1.0, 1e18),
    utilisation=Real(0.01, 1.0),
)
def training_days(
    flop: float | np.ndarray,
    accelerators: float,
    peak_flop_per_s: float,
    utilisation: float,
) -> np.ndarray:
    """Days to perform ``flop`` operations on ``accelerators`` chips.

    Each chip delivers ``peak_flop_per_s`` at best, of which a share ``utilisation`` is
    achieved on average during training.
    """
    return flop / (accelerators * peak_flop_per_s * utilisation) / SECONDS_PER_DAY


@validated(
    returns=Real(0, math.inf),
    units=Real(0.0, 1e13),
    price=Real(0.0, 1e9),
    annual_output=Real(1.0, 1e16),
)
def purchase_bill(units: float, price: float, annual_output: float) -> dict[str, float]:
    """Cost of buying ``units`` at ``price`` each, and that cost as a share of ``annual_output``.

    All money amounts in the same currency unit (e.g. US dollars).
    """
    cost = units * price
    return {"cost": cost, "share_of_output": cost / annual_output}
