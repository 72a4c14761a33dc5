"""AI adoption by small firms: coded interview evidence, a TOE scorecard and Bass diffusion.

Three small models for the TOE-adoption chapter (and one line of arithmetic on national
shares, :func:`relative_output_per_worker`), all pure (numbers and tables in, numbers,
arrays or DataFrames out):

* **coding matrix** — summaries of a respondents x themes table of 0/1 codes (who said what);
* **TOE readiness scorecard** — a *teaching device*, not a validated instrument: item ratings
  from 1 to 5 become scores from 0 to 100, averaged with weights within each dimension
  (technology, organisation, environment) and across dimensions, then turned into an
  "adoption likelihood" by a logistic curve whose midpoint and steepness are assumptions;
* **Bass diffusion** — the share of potential adopters who have adopted by time ``t`` when
  each non-adopter adopts at the rate ``p + q F(t)``: ``p`` is the *coefficient of innovation*
  (outside influence) and ``q`` the *coefficient of imitation* (influence of earlier
  adopters). The analytic solution with ``F(0) = 0`` is

  ``F(t) = (1 - exp(-(p + q) t)) / (1 + (q / p) exp(-(p + q) t))``,

  checked in the tests against the numerical integrators :func:`bass_numerical` provides.

Time is in years and ``p``, ``q`` are per year. Every public function declares its parameters
with :func:`aicap.checks.validated`: a bad value raises ``ValueError`` naming the parameter.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

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
from aicap.data import load

#: Allowed parameter ranges (low, high). ``p`` must be positive (the analytic solution divides
#: by it); 0.001 per year is far below any published estimate and keeps ``q / p`` finite.
RANGES = {
    "p": (0.001, 1.0),
    "q": (0.0, 5.0),
    "market_potential": (0.01, 1.0),
    "t": (0.0, 500.0),
    "years": (1, 200),
    "steps_per_year": (1, 10_000),
    "share": (0.0, 0.999),
    "rating": (1.0, 5.0),
    "weight": (0.0, 100.0),
    "index": (0.0, 100.0),
    "midpoint": (0.0, 100.0),
    "steepness": (0.0, 5.0),
    "increase_pct": (0.0, 1000.0),
    "share_pct": (0.1, 99.9),
    "other_output_pct": (0.0, 50.0),
}

#: The three TOE dimensions, in the order the book shows them.
DIMENSIONS = ("Technology", "Organisation", "Environment")

P = Real(*RANGES["p"])
Q = Real(*RANGES["q"])
M = Real(*RANGES["market_potential"])
YEARS = Count(*RANGES["years"])
STEPS = Count(*RANGES["steps_per_year"])
#: Functions that broadcast take one value or an array for ``p``, ``q`` (and ``t``, ``share``).
P_GRID = Reals(*RANGES["p"], scalar=True, ndim=None)
Q_GRID = Reals(*RANGES["q"], scalar=True, ndim=None)
PQ_BROADCAST = broadcastable("p", "q")
YEARS_OUT = Real(0, math.inf)


# ---------------------------------------------------------------------------------------------
# Input specs for tables and mappings
# ---------------------------------------------------------------------------------------------


def _book_items() -> pd.DataFrame:
    return load("toe_scorecard_items")


def _book_matrix() -> pd.DataFrame:
    return load("toe_coding_matrix")


def _example_ratings() -> dict[str, float]:
    firms = load("toe_example_firms").set_index("firm")
    return {code: float(firms.loc["snack producer", code]) for code in _book_items()["item_code"]}


def _number_mapping(low: float, high: float, allow_empty: bool = False):
    """A check for a mapping of names (str) to numbers in ``[low, high]`` (an empty mapping
    only when ``allow_empty``: no weights changed)."""
    spec = Real(low, high)

    def test(name: str, value):
        if not isinstance(value, Mapping) or not (value or allow_empty):
            raise ValueError(f"{name} must be a non-empty mapping of names to numbers")
        checked = {}
        for key, number in value.items():
            if not isinstance(key, str):
                raise ValueError(f"{name} must have names (str) as keys; got {key!r}")
            checked[key] = spec.check(f"{name}[{key!r}]", number)
        return checked

    return test


RATINGS = Custom(
    _number_mapping(*RANGES["rating"]),
    "a mapping of every item code to a rating in [1, 5]",
    example=_example_ratings,
)
ITEM_WEIGHTS = Optional(
    Custom(
        _number_mapping(*RANGES["weight"], allow_empty=True),
        "a mapping of item codes to weights in [0, 100]",
        example=lambda: {"OS1": 1.0},
    )
)
DIMENSION_WEIGHTS = Optional(
    Custom(
        _number_mapping(*RANGES["weight"], allow_empty=True),
        "a mapping of TOE dimensions to weights in [0, 100], not all zero",
        example=lambda: {"Technology": 2.0},
    )
)
ITEMS = Table(("item_code", "dimension", "item", "weight"), example=_book_items)
MATRIX = Table(("theme_code", "dimension"), example=_book_matrix)


def _profile_spec(name: str, value):
    if not isinstance(value, pd.Series) or value.empty:
        raise ValueError(f"{name} must be a non-empty Series of dimension scores (0–100)")
    spec = Real(0, 100)
    for dimension, score in value.items():
        spec.check(f"{name}[{dimension!r}]", score)
    return value.astype(float)


PROFILE = Custom(
    _profile_spec,
    "a Series of dimension scores in [0, 100], indexed by dimension",
    example=lambda: pd.Series([50.0, 40.0, 30.0], index=pd.Index(DIMENSIONS, name="dimension")),
)


def _ratings_fit_items(arguments: dict) -> bool:
    codes = set(arguments["items"]["item_code"])
    return set(arguments["ratings"]) == codes


def _item_weights_known(arguments: dict) -> bool:
    weights = arguments.get("item_weights") or {}
    return set(weights) <= set(arguments["items"]["item_code"])


RATINGS_FIT = Relation(
    "ratings must rate every item code of the scorecard table, and nothing else", _ratings_fit_items
)
ITEM_WEIGHTS_KNOWN = Relation(
    "item_weights may name only item codes of the scorecard table", _item_weights_known
)
DIMENSION_WEIGHTS_KNOWN = Relation(
    f"dimension_weights may name only the dimensions {list(DIMENSIONS)}",
    lambda a: set(a.get("dimension_weights") or {}) <= set(DIMENSIONS),
)
DIMENSION_WEIGHTS_NOT_ZERO = Relation(
    "dimension_weights must not all be zero",
    lambda a: (
        sum(({d: 1.0 for d in DIMENSIONS} | dict(a.get("dimension_weights") or {})).values()) > 0
    ),
)


# ---------------------------------------------------------------------------------------------
# Bass diffusion
# ---------------------------------------------------------------------------------------------


def _share(t, p, q) -> np.ndarray:
    """F(t) for checked arrays (no validation: the public functions do it)."""
    decay = np.exp(-(p + q) * t)
    return (1.0 - decay) / (1.0 + (q / p) * decay)


@validated(
    broadcastable("t", "p", "q"),
    returns=Real(0, 1),
    t=Reals(*RANGES["t"], scalar=True, ndim=None),
    p=P_GRID,
    q=Q_GRID,
    market_potential=M,
)
def bass_cumulative(t, p, q, market_potential: float = 1.0) -> np.ndarray:
    """Share of all firms that have adopted by time ``t`` (years), analytic Bass solution.

    ``t`` (0–500), ``p`` (0.001–1) and ``q`` (0–5) broadcast against each other. The result
    is ``market_potential * F(t)``, where ``market_potential`` (0.01–1) is the share of firms
    that will ever adopt.
    """
    return market_potential * _share(t, p, q)


@validated(
    broadcastable("t", "p", "q"),
    returns=Real(0, 10),
    t=Reals(*RANGES["t"], scalar=True, ndim=None),
    p=P_GRID,
    q=Q_GRID,
    market_potential=M,
)
def bass_adoption_rate(t, p, q, market_potential: float = 1.0) -> np.ndarray:
    """New adopters per year at time ``t``, as a share of all firms: ``m (p + q F)(1 - F)``."""
    share = _share(t, p, q)
    return market_potential * (p + q * share) * (1.0 - share)


@validated(returns=Real(0, 500), p=P, q=Q, market_potential=M, years=YEARS, steps_per_year=STEPS)
def bass_path(
    p: float = 0.03,
    q: float = 0.38,
    market_potential: float = 1.0,
    years: int = 30,
    steps_per_year: int = 10,
) -> pd.DataFrame:
    """One diffusion path as a table, on a grid of ``steps_per_year`` points per year.

    Columns: ``t`` (years), ``adopted`` (share of all firms that have adopted),
    ``new_adopters`` (adopters per year, share of all firms), and its two parts:
    ``from_innovation`` (``m p (1 - F)``, firms moved by the outside push) and
    ``from_imitation`` (``m q F (1 - F)``, firms moved by others who already adopted).
    """
    t = np.linspace(0.0, years, years * steps_per_year + 1)
    share = _share(t, p, q)  # F(t), share of potential adopters
    m = market_potential
    return pd.DataFrame(
        {
            "t": t,
            "adopted": m * share,
            "new_adopters": m * (p + q * share) * (1.0 - share),
            "from_innovation": m * p * (1.0 - share),
            "from_imitation": m * q * share * (1.0 - share),
        }
    )


@validated(returns=Real(0, 100), p=P, q=Q, years=Count(1, 100))
def bass_table(p: float = 0.03, q: float = 0.38, years: int = 10) -> pd.DataFrame:
    """Year by year, for a table a reader can check by hand (percent of potential adopters).

    Columns: ``year`` (1..``years``), ``adopted_pct`` (F at the end of the year, exact),
    ``new_pct`` (adopted during the year: F(t) - F(t - 1)), and ``yearly_steps_pct``: what the
    rule "new adopters = (p + q F)(1 - F)" gives when it is applied once a year to last year's
    F (Euler's method with a step of one year), which lags behind the exact curve.
    """
    year = np.arange(1, years + 1)
    exact = _share(year.astype(float), p, q)
    before = _share(year - 1.0, p, q)
    steps = np.zeros(years + 1)
    for i in range(years):
        steps[i + 1] = min(1.0, steps[i] + (p + q * steps[i]) * (1.0 - steps[i]))
    return pd.DataFrame(
        {
            "year": year,
            "adopted_pct": 100 * exact,
            "new_pct": 100 * (exact - before),
            "yearly_steps_pct": 100 * steps[1:],
        }
    )


@validated(
    Relation(
        "steps_per_year must be at least p + q (a step of more than 1/(p + q) years is unstable)",
        lambda a: a["steps_per_year"] >= a["p"] + a["q"],
    ),
    returns=Real(0, RANGES["years"][1]),
    p=P,
    q=Q,
    years=YEARS,
    steps_per_year=STEPS,
    method=Choice(("euler", "rk4")),
)
def bass_numerical(
    p: float,
    q: float,
    years: int = 30,
    steps_per_year: int = 100,
    method: str = "rk4",
) -> tuple[np.ndarray, np.ndarray]:
    """Integrate ``dF/dt = (p + q F)(1 - F)``, ``F(0) = 0`` step by step.

    ``method`` is ``"euler"`` (first order) or ``"rk4"`` (classical fourth-order Runge–Kutta),
    with a fixed step of ``1 / steps_per_year`` years. Returns ``(t, F)``. Written out by hand
    so the analytic formula can be checked against a method that does not use it.
    """

    def slope(share: float) -> float:
        return (p + q * share) * (1.0 - share)

    steps = years * steps_per_year
    h = 1.0 / steps_per_year
    share = np.zeros(steps + 1)
    for i in range(steps):
        f = share[i]
        if method == "euler":
            share[i + 1] = f + h * slope(f)
        else:
            k1 = slope(f)
            k2 = slope(f + 0.5 * h * k1)
            k3 = slope(f + 0.5 * h * k2)
            k4 = slope(f + h * k3)
            share[i + 1] = f + h * (k1 + 2 * k2 + 2 * k3 + k4) / 6.0
    return np.linspace(0.0, years, steps + 1), share


@validated(
    broadcastable("share", "p", "q"),
    returns=YEARS_OUT,
    share=Reals(*RANGES["share"], scalar=True, ndim=None),
    p=P_GRID,
    q=Q_GRID,
)
def time_to_share(share, p, q) -> np.ndarray:
    """Years until a fraction ``share`` (0 <= share <= 0.999) of potential adopters has adopted.

    Inverts the analytic solution: ``t = ln((1 + (q/p) s) / (1 - s)) / (p + q)``.
    Broadcasts over ``share``, ``p`` and ``q``.
    """
    return np.log((1.0 + (q / p) * share) / (1.0 - share)) / (p + q)


def _scalar(result: np.ndarray) -> np.ndarray | float:
    return float(result) if np.ndim(result) == 0 else result


@validated(PQ_BROADCAST, returns=YEARS_OUT, p=P_GRID, q=Q_GRID)
def years_to_half(p, q) -> np.ndarray | float:
    """Years until half of the potential adopters have adopted: ``ln(2 + q/p) / (p + q)``."""
    return _scalar(np.log(2.0 + q / p) / (p + q))


@validated(PQ_BROADCAST, returns=YEARS_OUT, p=P_GRID, q=Q_GRID)
def peak_time(p, q) -> np.ndarray | float:
    """Time (years) at which new adoptions per year peak.

    ``ln(q/p) / (p + q)`` when ``q > p``; otherwise adoptions are highest at the start
    (``t = 0``) and only fall.
    """
    ratio = np.where(q > p, q / p, 1.0)
    return _scalar(np.log(ratio) / (p + q))


@validated(PQ_BROADCAST, returns=Real(0, 1), p=P_GRID, q=Q_GRID)
def imitation_share(p, q) -> np.ndarray | float:
    """Share of all eventual adopters who adopt because of earlier adopters (the ``q`` term).

    Over the whole diffusion the outside push brings in ``∫ p (1 - F) dt = (p/q) ln(1 + q/p)``
    of the potential adopters (substitute ``dt = dF / ((p + qF)(1 - F))``), so imitation
    brings in ``1 - (p/q) ln(1 + q/p)``: 0 when ``q = 0``, about one half when ``q/p`` is
    about 2.5, and rising towards 1 as ``q/p`` grows.
    """
    ratio = q / p
    with np.errstate(divide="ignore", invalid="ignore"):
        pushed = np.where(ratio > 0, np.log1p(ratio) / np.where(ratio > 0, ratio, 1.0), 1.0)
    return _scalar(1.0 - pushed)


@validated(returns=Real(-1, 0), p=P, q=Q)
def half_time_elasticities(p: float, q: float) -> dict[str, float]:
    """Elasticities of the years to half adoption with respect to ``p`` and to ``q``.

    An elasticity of -0.3 means that raising the coefficient by 1% shortens the time to half
    adoption by about 0.3%. Computed from the analytic derivative of
    ``T = ln(2 + q/p) / (p + q)``: with ``r = q/p`` and ``A = r / ((2 + r) ln(2 + r))``,
    ``e_p = -A - p/(p + q)`` and ``e_q = A - q/(p + q)``.
    They depend on ``p`` and ``q`` only through ``r`` and add up to -1.
    """
    ratio = q / p
    first = ratio / ((2.0 + ratio) * math.log(2.0 + ratio))
    return {"p": float(-first - p / (p + q)), "q": float(first - q / (p + q))}


@validated(returns=Real(1, 100))
def equal_elasticity_ratio() -> float:
    """The ratio ``q/p`` at which the two elasticities of :func:`half_time_elasticities` are
    equal (both -1/2): above it the peer effect is the stronger lever per percent, below it the
    outside push is. Found by bisection on ``e_q(r) - e_p(r)``, which falls as ``r`` rises."""

    def gap(ratio: float) -> float:  # e_q - e_p as a function of r = q/p: negative above r*
        first = ratio / ((2.0 + ratio) * math.log(2.0 + ratio))
        return 2 * first - (ratio - 1.0) / (ratio + 1.0)

    low, high = 1.0, 100.0
    for _ in range(100):
        middle = 0.5 * (low + high)
        low, high = (middle, high) if gap(middle) > 0 else (low, middle)
    return float(0.5 * (low + high))


def _raised_within_ranges(arguments: dict) -> bool:
    factor = 1.0 + float(np.max(arguments["increases_pct"])) / 100.0
    return arguments["p"] * factor <= RANGES["p"][1] and arguments["q"] * factor <= RANGES["q"][1]


@validated(
    Relation(
        "p and q raised by the largest of increases_pct must stay within their ranges "
        f"(p at most {RANGES['p'][1]:g}, q at most {RANGES['q'][1]:g})",
        _raised_within_ranges,
    ),
    returns=Real(0, 1000),
    p=P,
    q=Q,
    increases_pct=Reals(*RANGES["increase_pct"]),
)
def lever_comparison(p: float, q: float, increases_pct) -> pd.DataFrame:
    """Years to half adoption when ``p`` alone, or ``q`` alone, is raised by some percent.

    ``increases_pct`` is an array of percentage increases (0–1000). Returns a DataFrame with
    columns ``increase_pct``, ``raise_p`` and ``raise_q`` (years to half adoption).
    """
    factor = 1.0 + increases_pct / 100.0
    return pd.DataFrame(
        {
            "increase_pct": increases_pct,
            "raise_p": np.log(2.0 + q / (p * factor)) / (p * factor + q),
            "raise_q": np.log(2.0 + q * factor / p) / (p + q * factor),
        }
    )


# ---------------------------------------------------------------------------------------------
# National shares: output per worker
# ---------------------------------------------------------------------------------------------


@validated(
    Relation(
        "other_output_pct must be less than 100 - output_share_pct",
        lambda a: a["other_output_pct"] < 100.0 - a["output_share_pct"],
    ),
    returns=Real(0, math.inf),
    output_share_pct=Real(*RANGES["share_pct"]),
    employment_share_pct=Real(*RANGES["share_pct"]),
    other_output_pct=Real(*RANGES["other_output_pct"]),
)
def relative_output_per_worker(
    output_share_pct: float, employment_share_pct: float, other_output_pct: float = 0.0
) -> float:
    """How many times the output per worker of the *other firms* exceeds a group's.

    A group (here: MSMEs) produces ``output_share_pct`` percent of output with
    ``employment_share_pct`` percent of the workers. The other firms (here: large firms)
    employ the remaining ``100 - employment_share_pct`` percent of the workers and produce what
    is left of output once ``other_output_pct`` points are set aside for output that belongs to
    no firm in the count (government services, imputed rent of owner-occupied homes, taxes on
    products). The result is ``((100 - o - x) / (100 - e)) / (o / e)``.
    """
    o, e, x = output_share_pct, employment_share_pct, other_output_pct
    return float(((100.0 - o - x) / (100.0 - e)) / (o / e))


# ---------------------------------------------------------------------------------------------
# The coding matrix: who said what
# ---------------------------------------------------------------------------------------------


def _codes(matrix: pd.DataFrame) -> list[str]:
    columns = [c for c in matrix.columns if str(c)[:1] == "I" and str(c)[1:].isdigit()]
    if not columns:
        raise ValueError("matrix has no respondent columns (named I1, I2, ...)")
    return sorted(columns, key=lambda c: int(c[1:]))


def _checked_matrix(matrix: pd.DataFrame) -> list[str]:
    codes = _codes(matrix)
    values = matrix[codes].to_numpy()
    if not np.isin(values, (0, 1)).all():
        raise ValueError("matrix cells must be 0 or 1 (coded or not)")
    return codes


@validated(matrix=MATRIX)
def respondent_columns(matrix: pd.DataFrame) -> list[str]:
    """The respondent-code columns of a coding matrix (``I1``, ``I2``, ...), in order."""
    return _codes(matrix)


@validated(returns=Real(0, 1000), matrix=MATRIX)
def counts_by_dimension(matrix: pd.DataFrame) -> pd.DataFrame:
    """For each dimension: themes, themes with no respondent named, mentions and respondents.

    ``mentions`` counts the 1s (a respondent named for a theme); ``respondents`` counts the
    distinct respondent codes named at least once in that dimension.
    """
    codes = _checked_matrix(matrix)
    rows = []
    order = [d for d in (*DIMENSIONS, "Outcome") if d in set(matrix["dimension"])]
    order += [d for d in dict.fromkeys(matrix["dimension"]) if d not in order]
    for dimension in order:
        part = matrix.loc[matrix["dimension"] == dimension, codes]
        rows.append(
            {
                "dimension": dimension,
                "themes": len(part),
                "themes_without_respondent": int((part.sum(axis=1) == 0).sum()),
                "mentions": int(part.to_numpy().sum()),
                "respondents": int((part.sum(axis=0) > 0).sum()),
            }
        )
    return pd.DataFrame(rows).set_index("dimension")


@validated(returns=Real(0, 1000), matrix=MATRIX)
def counts_by_respondent(matrix: pd.DataFrame) -> pd.DataFrame:
    """For each respondent code: themes attributed to them (all, and TOE themes only, leaving
    out the reported outcomes) and the TOE dimensions they touch."""
    codes = _checked_matrix(matrix)
    toe = matrix["dimension"].isin(DIMENSIONS)
    return pd.DataFrame(
        {
            "themes": matrix[codes].sum(axis=0).astype(int),
            "toe_themes": matrix.loc[toe, codes].sum(axis=0).astype(int),
            "toe_dimensions": [
                int(matrix.loc[toe & (matrix[code] == 1), "dimension"].nunique()) for code in codes
            ],
        },
        index=pd.Index(codes, name="respondent"),
    )


# ---------------------------------------------------------------------------------------------
# The TOE readiness scorecard (a teaching device)
# ---------------------------------------------------------------------------------------------


def _item_table(ratings, items, item_weights) -> pd.DataFrame:
    codes = list(items["item_code"])
    weights = dict(zip(codes, items["weight"].astype(float), strict=True))
    weights.update(item_weights or {})
    rating = np.array([ratings[code] for code in codes], dtype=float)
    weight = np.array([weights[code] for code in codes], dtype=float)
    dimensions = items["dimension"].to_numpy()
    for dimension in dict.fromkeys(dimensions):
        if weight[dimensions == dimension].sum() <= 0:
            raise ValueError(f"item_weights: the weights of {dimension} must not all be zero")
    return pd.DataFrame(
        {
            "item_code": codes,
            "dimension": dimensions,
            "item": items["item"].to_numpy(),
            "rating": rating,
            "score": 100.0 * (rating - 1.0) / 4.0,
            "weight": weight,
        }
    )


def _profile_from_table(table: pd.DataFrame) -> pd.Series:
    dimensions = table["dimension"].to_numpy()
    present = [d for d in DIMENSIONS if d in set(dimensions)]
    present += [d for d in dict.fromkeys(dimensions) if d not in present]
    score = table["score"].to_numpy()
    weight = table["weight"].to_numpy()
    values = []
    for dimension in present:
        mask = dimensions == dimension
        values.append(float(np.dot(score[mask], weight[mask]) / weight[mask].sum()))
    return pd.Series(values, index=pd.Index(present, name="dimension"), name="score")


def _index(profile: pd.Series, dimension_weights) -> float:
    weights = {dimension: 1.0 for dimension in profile.index}
    weights.update({d: w for d, w in (dimension_weights or {}).items() if d in weights})
    w = np.array([weights[d] for d in profile.index])
    return float(np.dot(w, profile.to_numpy()) / w.sum())


SCORECARD = dict(ratings=RATINGS, items=ITEMS, item_weights=ITEM_WEIGHTS)


@validated(RATINGS_FIT, ITEM_WEIGHTS_KNOWN, returns=Real(0, 100), **SCORECARD)
def item_scores(
    ratings: Mapping[str, float],
    items: pd.DataFrame,
    item_weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Each item's rating (1–5), its score (0–100) and its weight, one row per item.

    ``items`` is the scorecard table (columns ``item_code``, ``dimension``, ``item``,
    ``weight``). ``ratings`` maps every item code to a rating from 1 to 5; ``item_weights``
    optionally replaces some of the table's default weights (each 0–100). A rating r becomes
    the score ``100 (r - 1) / 4``.
    """
    return _item_table(ratings, items, item_weights)


@validated(RATINGS_FIT, ITEM_WEIGHTS_KNOWN, returns=Real(0, 100), **SCORECARD)
def readiness_profile(
    ratings: Mapping[str, float],
    items: pd.DataFrame,
    item_weights: Mapping[str, float] | None = None,
) -> pd.Series:
    """Score (0–100) of each TOE dimension: the weighted mean of its items' scores."""
    return _profile_from_table(_item_table(ratings, items, item_weights))


@validated(
    Relation(
        "dimension_weights may name only dimensions of profile",
        lambda a: set(a["dimension_weights"] or {}) <= set(a["profile"].index),
    ),
    Relation(
        "dimension_weights must not all be zero",
        lambda a: (
            sum(
                ({d: 1.0 for d in a["profile"].index} | dict(a["dimension_weights"] or {})).values()
            )
            > 0
        ),
    ),
    returns=Real(0, 100),
    profile=PROFILE,
    dimension_weights=DIMENSION_WEIGHTS,
)
def readiness_index(
    profile: pd.Series, dimension_weights: Mapping[str, float] | None = None
) -> float:
    """Overall readiness (0–100): the weighted mean of the dimension scores.

    ``dimension_weights`` maps dimension names to weights (0–100, not all zero); missing
    dimensions get weight 1 (equal weights by default).
    """
    return _index(profile, dimension_weights)


@validated(
    DIMENSION_WEIGHTS_KNOWN,
    DIMENSION_WEIGHTS_NOT_ZERO,
    ITEM_WEIGHTS_KNOWN,
    returns=Real(0, 100),
    items=ITEMS,
    dimension_weights=DIMENSION_WEIGHTS,
    item_weights=ITEM_WEIGHTS,
)
def effective_item_weights(
    items: pd.DataFrame,
    dimension_weights: Mapping[str, float] | None = None,
    item_weights: Mapping[str, float] | None = None,
) -> pd.Series:
    """Each item's share (percent) of the overall readiness index.

    An item's share is its weight within its dimension, divided by the sum of that
    dimension's item weights, times its dimension's weight divided by the sum of the dimension
    weights. The shares add up to 100. With the book's default weights each of the two
    weight-2 organisation items carries 2/5 x 1/3 of the index (13.3%), every other item 1/9
    (11.1%) or 1/5 x 1/3 (6.7%, the third organisation item).
    """
    ratings = {code: 1.0 for code in items["item_code"]}
    table = _item_table(ratings, items, item_weights)
    dimensions = [d for d in DIMENSIONS if d in set(table["dimension"])]
    dimensions += [d for d in dict.fromkeys(table["dimension"]) if d not in dimensions]
    weights = {d: 1.0 for d in dimensions} | dict(dimension_weights or {})
    total = sum(weights[d] for d in dimensions)
    within = table["weight"] / table.groupby("dimension")["weight"].transform("sum")
    across = table["dimension"].map(lambda d: weights[d] / total)
    return pd.Series(
        (100 * within * across).to_numpy(),
        index=pd.Index(table["item_code"], name="item_code"),
        name="share_pct",
    )


@validated(
    returns=Real(0, 1),
    index=Reals(*RANGES["index"], scalar=True, ndim=None),
    midpoint=Real(*RANGES["midpoint"]),
    steepness=Real(*RANGES["steepness"]),
)
def adoption_likelihood(index, midpoint: float = 50.0, steepness: float = 0.1):
    """Logistic 'adoption likelihood' (0–1) of a readiness index (0–100).

    ``1 / (1 + exp(-steepness (index - midpoint)))``: a firm at the ``midpoint`` gets 0.5.
    Both parameters are assumptions of the teaching device, not estimates. Vectorised over
    ``index``; returns a float for a scalar index.
    """
    return _scalar(1.0 / (1.0 + np.exp(-steepness * (index - midpoint))))


@validated(
    RATINGS_FIT,
    ITEM_WEIGHTS_KNOWN,
    DIMENSION_WEIGHTS_KNOWN,
    DIMENSION_WEIGHTS_NOT_ZERO,
    returns=Real(0, 100),
    ratings=RATINGS,
    items=ITEMS,
    dimension_weights=DIMENSION_WEIGHTS,
    item_weights=ITEM_WEIGHTS,
    midpoint=Real(*RANGES["midpoint"]),
    steepness=Real(*RANGES["steepness"]),
)
def score_firm(
    ratings: Mapping[str, float],
    items: pd.DataFrame,
    dimension_weights: Mapping[str, float] | None = None,
    item_weights: Mapping[str, float] | None = None,
    midpoint: float = 50.0,
    steepness: float = 0.1,
) -> dict:
    """The whole scorecard for one firm.

    Returns ``items`` (table of :func:`item_scores`), ``profile`` (dimension scores),
    ``index`` (overall readiness, 0–100), ``likelihood`` (logistic, 0–1) and ``weakest``
    (the dimension with the lowest score).
    """
    table = _item_table(ratings, items, item_weights)
    profile = _profile_from_table(table)
    index = _index(profile, dimension_weights)
    return {
        "items": table,
        "profile": profile,
        "index": index,
        "likelihood": float(1.0 / (1.0 + np.exp(-steepness * (index - midpoint)))),
        "weakest": str(profile.idxmin()),
    }
