"""AI adoption by small firms: coded interview evidence, a TOE scorecard and Bass diffusion.

Three small models for the TOE-adoption chapter, all pure (numbers and tables in, numbers,
arrays or DataFrames out):

* **coding matrix** — summaries of a respondents x themes table of 0/1 codes (who said what);
* **TOE readiness scorecard** — a *teaching device*, not a validated instrument: item ratings
  from 1 to 5 become scores from 0 to 100, averaged with weights within each dimension
  (technology, organisation, environment) and across dimensions, then turned into an
  "adoption likelihood" by a logistic curve whose midpoint and steepness are assumptions;
* **Bass diffusion** — the share of potential adopters who have adopted by time ``t`` when
  each non-adopter adopts at the rate ``p + q F(t)``: ``p`` is the *coefficient of innovation*
  (external push: training, programmes, advertising) and ``q`` the *coefficient of imitation*
  (peer influence: seeing others adopt). The analytic solution with ``F(0) = 0`` is

  ``F(t) = (1 - exp(-(p + q) t)) / (1 + (q / p) exp(-(p + q) t))``,

  checked in the tests against the numerical integrators :func:`bass_numerical` provides.

Time is in years and ``p``, ``q`` are per year.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from aicap.checks import require_in_range, require_int_in_range

#: Allowed parameter ranges (low, high). ``p`` must be strictly positive (the analytic
#: solution divides by it).
RANGES = {
    "p": (0.0, 1.0),
    "q": (0.0, 5.0),
    "market_potential": (0.0, 1.0),
    "years": (1, 200),
    "steps_per_year": (1, 10_000),
    "share": (0.0, 1.0),
    "rating": (1.0, 5.0),
    "weight": (0.0, 100.0),
    "index": (0.0, 100.0),
    "midpoint": (0.0, 100.0),
    "steepness": (0.0, 5.0),
    "increase_pct": (0.0, 1000.0),
}

#: The three TOE dimensions, in the order the book shows them.
DIMENSIONS = ("Technology", "Organisation", "Environment")

# ---------------------------------------------------------------------------------------------
# Input checks
# ---------------------------------------------------------------------------------------------


def _check_values(name: str, values, low: float, high: float, **kwargs) -> np.ndarray:
    for item in np.ravel(np.asarray(values, dtype=object)):
        require_in_range(name, item, low, high, **kwargs)
    return np.asarray(values, dtype=float)


def _check_pq(p, q) -> tuple[np.ndarray, np.ndarray]:
    p_array = _check_values("p", p, *RANGES["p"], include_low=False)
    q_array = _check_values("q", q, *RANGES["q"])
    return p_array, q_array


def _check_market_potential(market_potential: float) -> float:
    return require_in_range(
        "market_potential", market_potential, *RANGES["market_potential"], include_low=False
    )


# ---------------------------------------------------------------------------------------------
# Bass diffusion
# ---------------------------------------------------------------------------------------------


def bass_cumulative(t, p, q, market_potential: float = 1.0) -> np.ndarray:
    """Share of all firms that have adopted by time ``t`` (years), analytic Bass solution.

    ``t`` (>= 0), ``p`` (> 0) and ``q`` (>= 0) broadcast against each other. The result is
    ``market_potential * F(t)``, where ``market_potential`` (0–1] is the share of firms that
    will ever adopt.
    """
    p_array, q_array = _check_pq(p, q)
    m = _check_market_potential(market_potential)
    t_array = _check_values("t", t, 0.0, np.inf)
    decay = np.exp(-(p_array + q_array) * t_array)
    return m * (1.0 - decay) / (1.0 + (q_array / p_array) * decay)


def bass_adoption_rate(t, p, q, market_potential: float = 1.0) -> np.ndarray:
    """New adopters per year at time ``t``, as a share of all firms: ``m (p + q F)(1 - F)``."""
    share = bass_cumulative(t, p, q)  # F(t); also checks t, p and q
    m = _check_market_potential(market_potential)
    return m * (np.asarray(p, float) + np.asarray(q, float) * share) * (1.0 - share)


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
    require_int_in_range("years", years, *RANGES["years"])
    require_int_in_range("steps_per_year", steps_per_year, *RANGES["steps_per_year"])
    p = require_in_range("p", p, *RANGES["p"], include_low=False)
    q = require_in_range("q", q, *RANGES["q"])
    m = _check_market_potential(market_potential)
    t = np.linspace(0.0, years, years * steps_per_year + 1)
    share = bass_cumulative(t, p, q)  # F(t), share of potential adopters
    return pd.DataFrame(
        {
            "t": t,
            "adopted": m * share,
            "new_adopters": m * (p + q * share) * (1.0 - share),
            "from_innovation": m * p * (1.0 - share),
            "from_imitation": m * q * share * (1.0 - share),
        }
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
    p = require_in_range("p", p, *RANGES["p"], include_low=False)
    q = require_in_range("q", q, *RANGES["q"])
    require_int_in_range("years", years, *RANGES["years"])
    require_int_in_range("steps_per_year", steps_per_year, *RANGES["steps_per_year"])
    if method not in {"euler", "rk4"}:
        raise ValueError(f"method must be one of ['euler', 'rk4']; got {method!r}")

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


def time_to_share(share, p, q) -> np.ndarray:
    """Years until a fraction ``share`` (0 <= share < 1) of potential adopters has adopted.

    Inverts the analytic solution: ``t = ln((1 + (q/p) s) / (1 - s)) / (p + q)``.
    Broadcasts over ``share``, ``p`` and ``q``.
    """
    s = _check_values("share", share, *RANGES["share"], include_high=False)
    p_array, q_array = _check_pq(p, q)
    return np.log((1.0 + (q_array / p_array) * s) / (1.0 - s)) / (p_array + q_array)


def years_to_half(p, q) -> np.ndarray | float:
    """Years until half of the potential adopters have adopted: ``ln(2 + q/p) / (p + q)``."""
    result = time_to_share(0.5, p, q)
    return float(result) if np.ndim(result) == 0 else result


def peak_time(p, q) -> np.ndarray | float:
    """Time (years) at which new adoptions per year peak.

    ``ln(q/p) / (p + q)`` when ``q > p``; otherwise adoptions are highest at the start
    (``t = 0``) and only fall.
    """
    p_array, q_array = _check_pq(p, q)
    with np.errstate(divide="ignore"):
        ratio = np.where(q_array > p_array, q_array / p_array, 1.0)
    result = np.log(ratio) / (p_array + q_array)
    return float(result) if np.ndim(result) == 0 else result


def half_time_elasticities(p: float, q: float) -> dict[str, float]:
    """Elasticities of the years to half adoption with respect to ``p`` and to ``q``.

    An elasticity of -0.3 means that raising the coefficient by 1% shortens the time to half
    adoption by about 0.3%. Computed from the analytic derivative of
    ``T = ln(2 + q/p) / (p + q)``.
    """
    p = require_in_range("p", p, *RANGES["p"], include_low=False)
    q = require_in_range("q", q, *RANGES["q"])
    total = p + q
    log_term = np.log(2.0 + q / p)
    half = log_term / total
    d_dp = (-q / p**2) / (2.0 + q / p) / total - log_term / total**2
    d_dq = (1.0 / p) / (2.0 + q / p) / total - log_term / total**2
    return {"p": float(d_dp * p / half), "q": float(d_dq * q / half)}


def lever_comparison(p: float, q: float, increases_pct) -> pd.DataFrame:
    """Years to half adoption when ``p`` alone, or ``q`` alone, is raised by some percent.

    ``increases_pct`` is an array of percentage increases (0–1000). Returns a DataFrame with
    columns ``increase_pct``, ``raise_p`` and ``raise_q`` (years to half adoption).
    """
    p = require_in_range("p", p, *RANGES["p"], include_low=False)
    q = require_in_range("q", q, *RANGES["q"])
    increases = _check_values("increases_pct", increases_pct, *RANGES["increase_pct"])
    factor = 1.0 + increases / 100.0
    p_raised = p * factor
    q_raised = q * factor
    for name, values, (_low, high) in (
        ("raised p", p_raised, RANGES["p"]),
        ("raised q", q_raised, RANGES["q"]),
    ):
        if np.any(values > high):
            raise ValueError(
                f"{name} would exceed its allowed maximum {high:g}; use smaller increases_pct"
            )
    return pd.DataFrame(
        {
            "increase_pct": increases,
            "raise_p": years_to_half(p_raised, q),
            "raise_q": years_to_half(p, q_raised),
        }
    )


# ---------------------------------------------------------------------------------------------
# The coding matrix: who said what
# ---------------------------------------------------------------------------------------------


def respondent_columns(matrix: pd.DataFrame) -> list[str]:
    """The respondent-code columns of a coding matrix (``I1``, ``I2``, ...), in order."""
    columns = [c for c in matrix.columns if c[:1] == "I" and c[1:].isdigit()]
    if not columns:
        raise ValueError("matrix has no respondent columns (named I1, I2, ...)")
    return sorted(columns, key=lambda c: int(c[1:]))


def counts_by_dimension(matrix: pd.DataFrame) -> pd.DataFrame:
    """For each dimension: themes, themes with no respondent named, mentions and respondents.

    ``mentions`` counts the 1s (a respondent named for a theme); ``respondents`` counts the
    distinct respondent codes named at least once in that dimension.
    """
    codes = respondent_columns(matrix)
    values = matrix[codes].to_numpy()
    if not np.isin(values, (0, 1)).all():
        raise ValueError("coding matrix cells must be 0 or 1")
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


def counts_by_respondent(matrix: pd.DataFrame) -> pd.DataFrame:
    """For each respondent code: themes attributed to them and TOE dimensions they touch."""
    codes = respondent_columns(matrix)
    toe = matrix["dimension"].isin(DIMENSIONS)
    return pd.DataFrame(
        {
            "themes": matrix[codes].sum(axis=0).astype(int),
            "toe_dimensions": [
                int(matrix.loc[toe & (matrix[code] == 1), "dimension"].nunique()) for code in codes
            ],
        },
        index=pd.Index(codes, name="respondent"),
    )


# ---------------------------------------------------------------------------------------------
# The TOE readiness scorecard (a teaching device)
# ---------------------------------------------------------------------------------------------


def item_scores(
    ratings: Mapping[str, float],
    items: pd.DataFrame,
    item_weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Each item's rating (1–5), its score (0–100) and its weight, one row per item.

    ``items`` is the scorecard table (columns ``item_code``, ``dimension``, ``item``,
    ``weight``). ``ratings`` maps every item code to a rating from 1 to 5; ``item_weights``
    optionally replaces some of the table's default weights (each >= 0). A rating r becomes
    the score ``100 (r - 1) / 4``.
    """
    codes = list(items["item_code"])
    missing = [code for code in codes if code not in ratings]
    unknown = [code for code in ratings if code not in codes]
    if missing or unknown:
        raise ValueError(
            f"ratings must give every item exactly; missing {missing}, unknown {unknown}"
        )
    weights = dict(zip(codes, items["weight"].astype(float), strict=True))
    for code, weight in (item_weights or {}).items():
        if code not in weights:
            raise ValueError(f"item_weights has unknown item {code!r}; known: {codes}")
        weights[code] = require_in_range(f"weight of {code}", weight, *RANGES["weight"])
    rating = np.array(
        [require_in_range(f"rating of {code}", ratings[code], *RANGES["rating"]) for code in codes]
    )
    weight = np.array([weights[code] for code in codes])
    dimensions = items["dimension"].to_numpy()
    for dimension in dict.fromkeys(dimensions):
        if weight[dimensions == dimension].sum() <= 0:
            raise ValueError(f"the item weights of {dimension} must not all be zero")
    table = pd.DataFrame(
        {
            "item_code": codes,
            "dimension": dimensions,
            "item": items["item"].to_numpy(),
            "rating": rating,
            "score": 100.0 * (rating - 1.0) / 4.0,
            "weight": weight,
        }
    )
    return table


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


def readiness_profile(
    ratings: Mapping[str, float],
    items: pd.DataFrame,
    item_weights: Mapping[str, float] | None = None,
) -> pd.Series:
    """Score (0–100) of each TOE dimension: the weighted mean of its items' scores."""
    return _profile_from_table(item_scores(ratings, items, item_weights))


def readiness_index(
    profile: pd.Series, dimension_weights: Mapping[str, float] | None = None
) -> float:
    """Overall readiness (0–100): the weighted mean of the dimension scores.

    ``dimension_weights`` maps dimension names to weights (>= 0, not all zero); missing
    dimensions get weight 1 (equal weights by default).
    """
    weights = {dimension: 1.0 for dimension in profile.index}
    for dimension, weight in (dimension_weights or {}).items():
        if dimension not in weights:
            raise ValueError(
                f"dimension_weights has unknown dimension {dimension!r}; "
                f"known: {list(profile.index)}"
            )
        weights[dimension] = require_in_range(f"weight of {dimension}", weight, *RANGES["weight"])
    w = np.array([weights[d] for d in profile.index])
    if w.sum() <= 0:
        raise ValueError("dimension_weights must not all be zero")
    return float(np.dot(w, profile.to_numpy()) / w.sum())


def adoption_likelihood(index, midpoint: float = 50.0, steepness: float = 0.1):
    """Logistic 'adoption likelihood' (0–1) of a readiness index (0–100).

    ``1 / (1 + exp(-steepness (index - midpoint)))``: a firm at the ``midpoint`` gets 0.5.
    Both parameters are assumptions of the teaching device, not estimates. Vectorised over
    ``index``; returns a float for a scalar index.
    """
    values = _check_values("index", index, *RANGES["index"])
    midpoint = require_in_range("midpoint", midpoint, *RANGES["midpoint"])
    steepness = require_in_range("steepness", steepness, *RANGES["steepness"])
    result = 1.0 / (1.0 + np.exp(-steepness * (values - midpoint)))
    return float(result) if np.ndim(result) == 0 else result


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
    table = item_scores(ratings, items, item_weights)
    profile = _profile_from_table(table)
    index = readiness_index(profile, dimension_weights)
    return {
        "items": table,
        "profile": profile,
        "index": index,
        "likelihood": adoption_likelihood(index, midpoint, steepness),
        "weakest": str(profile.idxmin()),
    }
