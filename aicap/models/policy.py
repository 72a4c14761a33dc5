"""Paying for the safety net: the cost of cash transfers and the tax needed to fund them.

Two small models for the policy chapter.

* **The policy calculator.** A basic income or a transition insurance pays ``monthly_amount``
  to a share ``coverage`` of a country's ``population``. Its yearly cost is

  ``cost = population x coverage x monthly_amount x 12``

  and, divided by GDP, its share of the economy. A tax levied on a base worth ``base_share`` of
  GDP must then take ``cost share / base_share`` of that base. The arithmetic is static: no
  one changes how much they work or earn because of the transfer or the tax.

* **Transition insurance during an automation wave.** It reuses the creative-destruction race
  (:mod:`aicap.models.creative_destruction`): every unemployed worker (retraining or waiting
  for a new job) receives ``replacement_rate`` times the average labour income per worker. With
  a labour income share ``labour_share`` of GDP, the yearly cost as a share of GDP is
  ``unemployment x replacement_rate x labour_share``.

All functions are pure: numbers (or a table) in, numbers, arrays or DataFrames out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from aicap.checks import require_in_range
from aicap.models import creative_destruction as cd

#: Allowed parameter ranges: (low, high).
RANGES = {
    "population": (1.0, 2e10),
    "gdp": (1.0, 1e20),
    "monthly_amount": (0.0, 1e12),
    "coverage": (0.0, 1.0),
    "base_share": (0.0001, 1.0),
    "cost_share": (0.0, 1e6),
    "replacement_rate": (0.0, 1.0),
    "labour_share": (0.0, 1.0),
}
MONTHS_PER_YEAR = 12


def _check(name: str, value) -> np.ndarray:
    """Check a number, or every element of an array, against ``RANGES[name]``.

    Returns the value as a float array. Raises ValueError naming ``name`` and its range.
    """
    low, high = RANGES[name]
    if np.ndim(value) == 0:
        number = value.item() if isinstance(value, np.generic) else value
        return np.asarray(require_in_range(name, number, low, high))
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{name} must hold numbers in [{low:g}, {high:g}]; got {value!r}") from err
    if array.size == 0:
        raise ValueError(f"{name} must hold at least one number")
    if np.isnan(array).any():
        require_in_range(name, float("nan"), low, high)
    require_in_range(name, float(array.min()), low, high)
    require_in_range(name, float(array.max()), low, high)
    return array


def scheme_cost(
    population: float,
    gdp: float,
    monthly_amount: float | np.ndarray,
    coverage: float | np.ndarray = 1.0,
) -> dict[str, float | np.ndarray]:
    """Yearly cost of paying ``monthly_amount`` to a share ``coverage`` of the population.

    Parameters
    ----------
    population : people in the country (1 to 2e10)
    gdp : gross domestic product per year, in the same currency as ``monthly_amount``
    monthly_amount : payment per covered person per month (0 or more); may be an array
    coverage : share of the population that receives it (0–1); may be an array

    Returns
    -------
    dict with ``recipients`` (people), ``annual_cost`` (currency per year) and ``share_of_gdp``
    (a fraction: 0.05 means 5% of GDP). Array inputs broadcast; scalars give floats.
    """
    population = float(_check("population", population))
    gdp = float(_check("gdp", gdp))
    amount = _check("monthly_amount", monthly_amount)
    share = _check("coverage", coverage)
    amount, share = np.broadcast_arrays(amount, share)
    recipients = population * share
    annual_cost = recipients * amount * MONTHS_PER_YEAR
    out = {"recipients": recipients, "annual_cost": annual_cost, "share_of_gdp": annual_cost / gdp}
    if amount.ndim == 0:
        return {key: float(value) for key, value in out.items()}
    return out


def required_tax_rate(
    cost_share: float | np.ndarray, base_share: float | np.ndarray
) -> float | np.ndarray:
    """Tax rate on a base that raises revenue equal to ``cost_share`` of GDP.

    Both arguments are fractions of GDP (``base_share`` from 0.0001 to 1). The result is a
    fraction of the base and can exceed 1: a rate above 100% means the base is too small to
    pay for the scheme even if all of it were taken. Static: the base does not shrink when
    taxed.
    """
    cost = _check("cost_share", cost_share)
    base = _check("base_share", base_share)
    rate = cost / base
    return float(rate) if np.ndim(rate) == 0 else rate


def amount_for_cost(population: float, gdp: float, cost_share: float, coverage: float) -> float:
    """The monthly payment per recipient that a budget of ``cost_share`` of GDP can afford.

    The inverse of :func:`scheme_cost`. ``coverage`` must be above 0.
    """
    population = float(_check("population", population))
    gdp = float(_check("gdp", gdp))
    cost = float(_check("cost_share", cost_share))
    share = float(_check("coverage", coverage))
    if share == 0:
        raise ValueError("coverage must be in (0, 1] to compute an affordable amount; got 0")
    return cost * gdp / (population * share * MONTHS_PER_YEAR)


# ---------------------------------------------------------------------------------------------
# Country presets, built from the data table
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """One country's inputs for the calculator.

    ``gdp`` is in ``currency``; ``gdp_usd`` in US dollars; ``local_per_usd`` is how many units
    of the local currency buy one US dollar (1 for countries whose GDP is given in dollars).
    ``tax_ratio`` is tax revenue as a fraction of GDP, or None when the book has no figure.
    """

    country: str
    population: float
    gdp: float
    currency: str
    local_per_usd: float
    tax_ratio: float | None

    @property
    def gdp_usd(self) -> float:
        return self.gdp / self.local_per_usd

    @property
    def gdp_per_person_usd(self) -> float:
        return self.gdp_usd / self.population


def implied_exchange_rate(gdp_per_capita_local: float, gdp_per_capita_usd: float) -> float:
    """Local currency per US dollar implied by the same GDP per person in both currencies."""
    local = float(_check("gdp", gdp_per_capita_local))
    usd = float(_check("gdp", gdp_per_capita_usd))
    return local / usd


def country_presets(facts: pd.DataFrame) -> dict[str, Preset]:
    """Presets for every country with a population and a GDP in the ``policy_country_facts`` table.

    A GDP in a currency other than US dollars (Indonesia's, in rupiah) is converted with the
    exchange rate implied by the table's GDP per person in both currencies.
    """
    required = {"country", "indicator", "value", "unit"}
    if not required <= set(facts.columns):
        raise ValueError(f"facts needs the columns {sorted(required)}; got {list(facts.columns)}")
    presets = {}
    for country, rows in facts.groupby("country", sort=False):
        values = rows.set_index("indicator")["value"]
        units = rows.set_index("indicator")["unit"]
        if "population" not in values or "gdp" not in values:
            continue
        currency = str(units["gdp"]).split()[0]
        if currency == "USD":
            rate = 1.0
        elif {"gdp_per_capita", "gdp_per_capita_usd"} <= set(values.index):
            rate = implied_exchange_rate(values["gdp_per_capita"], values["gdp_per_capita_usd"])
        else:
            raise ValueError(f"{country}: GDP is in {currency} but no exchange rate can be derived")
        tax = float(values["tax_ratio"]) / 100 if "tax_ratio" in values else None
        presets[str(country)] = Preset(
            country=str(country),
            population=float(values["population"]),
            gdp=float(values["gdp"]),
            currency=currency,
            local_per_usd=float(rate),
            tax_ratio=tax,
        )
    return presets


# ---------------------------------------------------------------------------------------------
# Transition insurance during an automation wave
# ---------------------------------------------------------------------------------------------


def transition_insurance_path(
    automation_rate: float = 0.03,
    reinstatement_rate: float = 0.03,
    retraining_lag: int = 2,
    replacement_rate: float = 0.6,
    labour_share: float = 0.5,
    wave_years: int = 10,
    years: int = 30,
) -> pd.DataFrame:
    """Year-by-year cost of insuring every unemployed worker during an automation wave.

    The first five arguments set the race of :func:`aicap.models.creative_destruction.
    automation_path` (same ranges). Each unemployed worker receives ``replacement_rate``
    (0–1) times the average labour income per worker, which is ``labour_share`` (0–1) of GDP
    per worker. GDP is held at its level before the wave.

    Returns a DataFrame indexed by ``year`` with ``retraining``, ``waiting`` and
    ``unemployment`` (shares of the labour force) and ``cost_share_of_gdp`` (a fraction).
    """
    rho = float(_check("replacement_rate", replacement_rate))
    share = float(_check("labour_share", labour_share))
    path = cd.automation_path(
        automation_rate, reinstatement_rate, retraining_lag, wave_years, years
    )
    table = path[["retraining", "waiting", "unemployment"]].copy()
    table["cost_share_of_gdp"] = table["unemployment"] * rho * share
    return table


def insurance_total_by_lag(
    automation_rate: float,
    reinstatement_rate: float,
    retraining_lags: np.ndarray,
    replacement_rate: float,
    labour_share: float,
    wave_years: int = 10,
    years: int = 30,
) -> np.ndarray:
    """Total insurance cost over the whole simulation for each retraining lag.

    Sums the yearly costs (fractions of one year's GDP), so 0.1 means a tenth of a year's GDP
    spread over the years. Returns an array with one value per lag.
    """
    rho = float(_check("replacement_rate", replacement_rate))
    share = float(_check("labour_share", labour_share))
    lags = np.asarray(retraining_lags, dtype=int)
    paths = cd.unemployment_paths(automation_rate, reinstatement_rate, lags, wave_years, years)
    return paths.sum(axis=0) * rho * share


# ---------------------------------------------------------------------------------------------
# Indonesia: the cost of three schemes next to the budget
# ---------------------------------------------------------------------------------------------

SCHEME_LABELS = {
    "universal": "Basic income at the poverty line, everyone",
    "poor_only": "Poverty-line income, paid only to the poor",
    "drivers": "Social insurance for every online driver",
    "social_protection": "Social-protection budget 2024",
    "tax_revenue": "All tax revenue 2024",
}


def indonesia_scheme_costs(facts: pd.DataFrame) -> pd.DataFrame:
    """Yearly cost of three schemes in Indonesia and two budget benchmarks, in % of GDP.

    From the ``policy_country_facts`` table:

    * ``universal``: the poverty line paid every month to every resident;
    * ``poor_only``: the poverty line paid only to people counted as poor (perfect targeting;
      an upper bound, since the poor already have some income);
    * ``drivers``: the minimum monthly BPJS Ketenagakerjaan contribution for informal workers
      paid for every online driver, using the high estimate of their number;
    * benchmarks: the 2024 social-protection budget and all tax revenue (tax ratio).

    Returns a DataFrame with ``key``, ``label``, ``pct_of_gdp`` and ``kind`` ("scheme" or
    "benchmark").
    """
    rows = facts[facts["country"] == "Indonesia"].set_index("indicator")["value"]
    needed = [
        "population",
        "gdp",
        "poverty_line",
        "poor_people",
        "online_drivers_high",
        "bpjs_informal_min_contribution",
        "social_protection_budget",
        "tax_ratio",
    ]
    missing = [name for name in needed if name not in rows.index]
    if missing:
        raise ValueError(f"policy_country_facts lacks Indonesian indicators {missing}")
    population, gdp = float(rows["population"]), float(rows["gdp"])

    def share(amount: float, people: float) -> float:
        return 100 * scheme_cost(population, gdp, amount, people / population)["share_of_gdp"]

    values = {
        "universal": share(rows["poverty_line"], population),
        "poor_only": share(rows["poverty_line"], rows["poor_people"]),
        "drivers": share(rows["bpjs_informal_min_contribution"], rows["online_drivers_high"]),
        "social_protection": 100 * float(rows["social_protection_budget"]) / gdp,
        "tax_revenue": float(rows["tax_ratio"]),
    }
    return pd.DataFrame(
        {
            "key": list(values),
            "label": [SCHEME_LABELS[key] for key in values],
            "pct_of_gdp": [float(value) for value in values.values()],
            "kind": ["scheme"] * 3 + ["benchmark"] * 2,
        }
    )
