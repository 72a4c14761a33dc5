"""Paying for the safety net: the cost of cash transfers and the tax needed to fund them.

Two small models for the policy chapter.

* **The policy calculator.** A basic income or a transition insurance pays ``monthly_amount``
  to a share ``coverage`` of a country's ``population``. Its yearly cost is

  ``cost = population x coverage x monthly_amount x 12``

  and, divided by GDP, its share of the economy. A tax levied on a base worth ``base_share`` of
  GDP must then take ``cost share / base_share`` of that base. The arithmetic is static: no
  one changes how much they work or earn because of the transfer or the tax.

* **Transition insurance during an automation wave.** It reuses the creative-destruction race
  (:mod:`aicap.models.creative_destruction`): each year of a wave machines take over a share of
  jobs, new tasks open new ones, and displaced workers need some years to retrain, so
  unemployment rises and then falls back (the jobless hump). Every unemployed worker
  (retraining or waiting for a new job) receives ``replacement_rate`` times the average labour
  income per member of the labour force. With a labour income share ``labour_share`` of GDP,
  the yearly cost as a share of GDP is ``unemployment x replacement_rate x labour_share``.

* **Perfect targeting.** :func:`poverty_gap_cost` prices filling every poor person's shortfall
  below the poverty line exactly, from the poverty-gap index (P1).

* **What Indonesia's job-loss insurance pays.** JKP (*Jaminan Kehilangan Pekerjaan*) pays a
  share of the last wage, capped, for at most six months; :func:`jkp_cash_benefit` and
  :func:`jkp_replacement` give the total and the share of lost wages it replaces, under the
  rules of PP 37/2021 and of PP 6/2025.

All functions are pure: numbers (or a table) in, numbers, arrays or DataFrames out. Every
public function declares its parameters with :func:`aicap.checks.validated`, so a bad value
raises a ``ValueError`` naming the parameter and its range.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from aicap.checks import Choice, Custom, Real, Reals, Relation, Table, broadcastable, validated
from aicap.data import load
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
    "months": (0.0, 600.0),
}
MONTHS_PER_YEAR = 12

POPULATION = Real(*RANGES["population"])
GDP = Real(*RANGES["gdp"])
#: One number or an array (of any shape) of numbers in a range, for the functions that
#: broadcast a grid.
AMOUNTS = Reals(*RANGES["monthly_amount"], scalar=True, ndim=None)
COVERAGES = Reals(*RANGES["coverage"], scalar=True, ndim=None)
COST_SHARES = Reals(*RANGES["cost_share"], scalar=True, ndim=None)
BASE_SHARES = Reals(*RANGES["base_share"], scalar=True, ndim=None)
REPLACEMENT = Real(*RANGES["replacement_rate"])
LABOUR_SHARE = Real(*RANGES["labour_share"])
#: A GDP per person, in any currency (the exchange rate divides one by the other).
PER_PERSON = Real(0.01, 1e12)
NON_NEGATIVE = Real(0, math.inf)


def _facts_example() -> pd.DataFrame:
    return load("policy_country_facts")


def _programmes_example() -> pd.DataFrame:
    return load("policy_indonesia_programmes")


FACTS = Table(("country", "indicator", "value", "unit"), example=_facts_example)
PROGRAMMES = Table(("programme", "item", "value"), example=_programmes_example)


def _text(name: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string; got {value!r}")
    return value


PROGRAMME_NAME = Custom(_text, "a programme named in the table", example=lambda: "JKP")
ITEM_NAME = Custom(_text, "an item of that programme", example=lambda: "wage cap for the benefit")


@validated(
    broadcastable("monthly_amount", "coverage"),
    returns=NON_NEGATIVE,
    population=POPULATION,
    gdp=GDP,
    monthly_amount=AMOUNTS,
    coverage=COVERAGES,
)
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
    amount, share = np.broadcast_arrays(monthly_amount, coverage)
    recipients = population * share
    annual_cost = recipients * amount * MONTHS_PER_YEAR
    out = {"recipients": recipients, "annual_cost": annual_cost, "share_of_gdp": annual_cost / gdp}
    if amount.ndim == 0:
        return {key: float(value) for key, value in out.items()}
    return out


@validated(
    broadcastable("cost_share", "base_share"),
    returns=NON_NEGATIVE,
    cost_share=COST_SHARES,
    base_share=BASE_SHARES,
)
def required_tax_rate(
    cost_share: float | np.ndarray, base_share: float | np.ndarray
) -> float | np.ndarray:
    """Tax rate on a base that raises revenue equal to ``cost_share`` of GDP.

    Both arguments are fractions of GDP (``base_share`` from 0.0001 to 1). The result is a
    fraction of the base and can exceed 1: a rate above 100% means the base is too small to
    pay for the scheme even if all of it were taken. Static: the base does not shrink when
    taxed.
    """
    rate = cost_share / base_share
    return float(rate) if np.ndim(rate) == 0 else rate


@validated(
    returns=NON_NEGATIVE,
    population=POPULATION,
    gdp=GDP,
    cost_share=Real(*RANGES["cost_share"]),
    coverage=Real(1e-9, 1.0),
)
def amount_for_cost(population: float, gdp: float, cost_share: float, coverage: float) -> float:
    """The monthly payment per recipient that a budget of ``cost_share`` of GDP can afford.

    The inverse of :func:`scheme_cost`. ``coverage`` must be above 0: at least 1e-9 (one
    person in a billion) and at most 1.
    """
    return cost_share * gdp / (population * coverage * MONTHS_PER_YEAR)


@validated(
    returns=NON_NEGATIVE,
    population=POPULATION,
    gdp=GDP,
    poverty_line=Real(*RANGES["monthly_amount"]),
    gap_index=Real(0.0, 100.0),
)
def poverty_gap_cost(population: float, gdp: float, poverty_line: float, gap_index: float) -> float:
    """Yearly cost, as a fraction of GDP, of raising every poor person exactly to the line.

    ``gap_index`` is the poverty-gap index (BPS's *indeks kedalaman kemiskinan*, P1), in
    percent: the average shortfall below ``poverty_line`` (a monthly amount per person),
    counting the non-poor as a shortfall of zero, as a percentage of the line. Perfect
    targeting of that shortfall costs ``P1/100 x line x 12 x population``. A lower bound: no
    scheme can find every poor person and pay each the exact gap.
    """
    return gap_index / 100 * poverty_line * MONTHS_PER_YEAR * population / gdp


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


@validated(returns=NON_NEGATIVE, gdp_per_capita_local=PER_PERSON, gdp_per_capita_usd=PER_PERSON)
def implied_exchange_rate(gdp_per_capita_local: float, gdp_per_capita_usd: float) -> float:
    """Local currency per US dollar implied by the same GDP per person in both currencies."""
    return gdp_per_capita_local / gdp_per_capita_usd


@validated(facts=FACTS)
def country_presets(facts: pd.DataFrame) -> dict[str, Preset]:
    """Presets for every country with a population and a GDP in the ``policy_country_facts`` table.

    A GDP in a currency other than US dollars (Indonesia's, in rupiah) is converted with the
    exchange rate implied by the table's GDP per person in both currencies.
    """
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
            rate = implied_exchange_rate(
                float(values["gdp_per_capita"]), float(values["gdp_per_capita_usd"])
            )
        else:
            raise ValueError(
                f"facts: {country}'s GDP is in {currency} but no exchange rate can be derived"
            )
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

#: The race's own declarations (aicap.models.creative_destruction), shared by both functions.
RACE = dict(
    automation_rate=cd.AUTOMATION,
    reinstatement_rate=cd.REINSTATEMENT,
    replacement_rate=REPLACEMENT,
    labour_share=LABOUR_SHARE,
    wave_years=cd.WAVE,
    years=cd.YEARS,
)


@validated(cd.WAVE_WITHIN_YEARS, returns=Real(0, 1), retraining_lag=cd.LAG, **RACE)
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

    The race is :func:`aicap.models.creative_destruction.automation_path` (same parameters
    and ranges): each year of the wave machines take over a share ``automation_rate`` of jobs,
    new tasks open ``reinstatement_rate`` new jobs, and a displaced worker can take one only
    after ``retraining_lag`` years. Each unemployed worker receives ``replacement_rate`` (0–1)
    times the average labour income per member of the labour force, which is ``labour_share``
    (0–1) of GDP per member. GDP is held at its level before the wave.

    Returns a DataFrame indexed by ``year`` with ``retraining``, ``waiting`` and
    ``unemployment`` (shares of the labour force) and ``cost_share_of_gdp`` (a fraction).
    """
    path = cd.automation_path(
        automation_rate, reinstatement_rate, retraining_lag, wave_years, years
    )
    table = path[["retraining", "waiting", "unemployment"]].copy()
    table["cost_share_of_gdp"] = table["unemployment"] * replacement_rate * labour_share
    return table


@validated(
    cd.WAVE_WITHIN_YEARS,
    returns=NON_NEGATIVE,
    retraining_lags=Reals(*cd.RANGES["retraining_lag"], whole=True),
    **RACE,
)
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

    Sums the yearly costs (fractions of one year's GDP, undiscounted), so 0.1 means a tenth of
    a year's GDP spread over the years. ``retraining_lags`` are whole years (0–15); a
    fractional lag is refused, not truncated. Returns an array with one value per lag.
    """
    paths = cd.unemployment_paths(
        automation_rate, reinstatement_rate, retraining_lags, wave_years, years
    )
    return paths.sum(axis=0) * replacement_rate * labour_share


# ---------------------------------------------------------------------------------------------
# Indonesia's job-loss insurance (JKP): what it pays
# ---------------------------------------------------------------------------------------------

#: JKP's cash benefit, month by month, as a share of the insured wage (policy_indonesia_programmes).
JKP_RULES = ("PP 37/2021", "PP 6/2025")


@validated(returns=Real(0, 1), programmes=PROGRAMMES, rule=Choice(JKP_RULES))
def jkp_monthly_rates(programmes: pd.DataFrame, rule: str) -> tuple[float, ...]:
    """JKP's benefit for each month of unemployment (fractions of the wage) under ``rule``.

    ``rule`` is ``"PP 37/2021"`` (45% for three months, then 25% for three) or ``"PP 6/2025"``
    (60% for six months); the rates and the number of months are read from the
    ``policy_indonesia_programmes`` table.
    """
    months = int(programme_value(programmes, "JKP", "maximum months of cash benefit"))
    if rule == "PP 6/2025":
        rate = programme_value(programmes, "JKP", "cash benefit each month (PP 6/2025)") / 100
        return (rate,) * months
    first = programme_value(programmes, "JKP", "cash benefit months 1–3 (PP 37/2021)") / 100
    later = programme_value(programmes, "JKP", "cash benefit months 4–6 (PP 37/2021)") / 100
    return (first,) * 3 + (later,) * (months - 3)


WAGES = Reals(*RANGES["monthly_amount"], scalar=True, ndim=None)
#: A wage to divide by: at least Rp1 (a share of a zero wage has no meaning).
PAID_WAGES = Reals(1.0, RANGES["monthly_amount"][1], scalar=True, ndim=None)
MONTHS = Reals(*RANGES["months"], scalar=True, ndim=None)
RATES = Reals(0.0, 1.0, max_size=120)


@validated(
    broadcastable("monthly_wage", "months_unemployed"),
    returns=NON_NEGATIVE,
    monthly_wage=WAGES,
    months_unemployed=MONTHS,
    rates=RATES,
    wage_cap=Real(*RANGES["monthly_amount"]),
)
def jkp_cash_benefit(
    monthly_wage: float | np.ndarray,
    months_unemployed: float | np.ndarray,
    rates: tuple[float, ...],
    wage_cap: float,
) -> float | np.ndarray:
    """Total JKP cash benefit for a worker out of work for ``months_unemployed`` months.

    Month ``m`` (1, 2, ...) pays ``rates[m - 1]`` times the wage, capped at ``wage_cap``;
    nothing is paid after ``len(rates)`` months. A part month is paid pro rata. ``monthly_wage``
    and ``wage_cap`` are in rupiah (0 or more); ``months_unemployed`` is 0 to 600. Arrays
    broadcast.
    """
    wage, months = np.broadcast_arrays(monthly_wage, months_unemployed)
    insured = np.minimum(wage, wage_cap)
    paid = sum(rate * np.clip(months - index, 0.0, 1.0) for index, rate in enumerate(rates))
    total = insured * paid
    return float(total) if np.ndim(total) == 0 else total


@validated(
    broadcastable("monthly_wage", "months_unemployed"),
    Relation(
        "months_unemployed must be above 0 for a replacement share",
        lambda a: bool(np.all(a["months_unemployed"] > 0)),
    ),
    returns=Real(0, 1),
    monthly_wage=PAID_WAGES,
    months_unemployed=MONTHS,
    rates=RATES,
    wage_cap=Real(*RANGES["monthly_amount"]),
)
def jkp_replacement(
    monthly_wage: float | np.ndarray,
    months_unemployed: float | np.ndarray,
    rates: tuple[float, ...],
    wage_cap: float,
) -> float | np.ndarray:
    """Share of the wages lost while out of work that JKP's cash benefit replaces (0–1).

    The total benefit of :func:`jkp_cash_benefit` divided by ``monthly_wage x
    months_unemployed``; ``monthly_wage`` must be at least Rp1 and ``months_unemployed`` above
    0.
    """
    wage, months = np.broadcast_arrays(monthly_wage, months_unemployed)
    share = jkp_cash_benefit(wage, months, rates, wage_cap) / (wage * months)
    return float(share) if np.ndim(share) == 0 else share


# ---------------------------------------------------------------------------------------------
# Indonesia: the cost of three schemes next to real programmes and the budget
# ---------------------------------------------------------------------------------------------


@validated(programmes=PROGRAMMES, programme=PROGRAMME_NAME, item=ITEM_NAME)
def programme_value(programmes: pd.DataFrame, programme: str, item: str) -> float:
    """The value of one row of the ``policy_indonesia_programmes`` table."""
    rows = programmes[(programmes["programme"] == programme) & (programmes["item"] == item)]
    if len(rows) != 1:
        raise ValueError(
            f"programmes needs exactly one row with programme {programme!r} and item "
            f"{item!r}; found {len(rows)}"
        )
    return float(rows["value"].iloc[0])


SCHEME_LABELS = {
    "universal": "Basic income at the poverty line, everyone",
    "poor_only": "Poverty line, paid only to the poor",
    "poverty_gap": "Filling each poor person's gap to the line",
    "drivers": "Social insurance for every online driver",
    "mbg_2026": "Free meals (MBG), budget 2026",
    "blt_2025": "BLT Kesra, Oct–Dec 2025",
    "prakerja_2023": "Kartu Prakerja budget 2023",
    "jkp_2023": "JKP cash benefits paid 2023",
    "social_protection": "Social-protection budget 2024",
    "tax_revenue": "All tax revenue 2025",
}
#: Shorter labels for a phone's narrow column.
SCHEME_SHORT_LABELS = {
    "universal": "Poverty line for everyone",
    "poor_only": "Poverty line for the poor",
    "poverty_gap": "Poor people's gap to the line",
    "drivers": "Insurance for online drivers",
    "mbg_2026": "Free meals (MBG) 2026",
    "blt_2025": "BLT Kesra 2025",
    "prakerja_2023": "Kartu Prakerja 2023",
    "jkp_2023": "JKP benefits paid 2023",
    "social_protection": "Social protection 2024",
    "tax_revenue": "All tax revenue 2025",
}
SCHEME_KINDS = {
    "universal": "scheme",
    "poor_only": "scheme",
    "poverty_gap": "scheme",
    "drivers": "scheme",
    "mbg_2026": "programme",
    "blt_2025": "programme",
    "prakerja_2023": "programme",
    "jkp_2023": "programme",
    "social_protection": "benchmark",
    "tax_revenue": "benchmark",
}
#: The Indonesian indicators :func:`indonesia_scheme_costs` needs from ``policy_country_facts``.
SCHEME_INDICATORS = (
    "population",
    "gdp",
    "gdp_2024",
    "gdp_2023",
    "poverty_line",
    "poor_people",
    "poverty_gap_index",
    "social_protection_budget",
    "tax_ratio",
)


@validated(
    returns=NON_NEGATIVE,
    facts=FACTS,
    programmes=PROGRAMMES,
    online_drivers=Real(1.0, 1e9),
    driver_contribution=Real(0.0, 1e9),
)
def indonesia_scheme_costs(
    facts: pd.DataFrame,
    programmes: pd.DataFrame,
    online_drivers: float,
    driver_contribution: float,
) -> pd.DataFrame:
    """Yearly cost of four schemes, four real programmes and two budget benchmarks, in % of GDP.

    From the ``policy_country_facts`` table (``facts``) and the ``policy_indonesia_programmes``
    table (``programmes``), each against the GDP of its own year where the table has it:

    * schemes (what the book costs, against the latest GDP): ``universal``, the poverty line
      paid every month to every resident; ``poor_only``, the poverty line paid only to people
      counted as poor (perfect targeting; an upper bound, since the poor already have some
      income); ``poverty_gap``, each poor person's shortfall below the line (the poverty-gap
      index, a lower bound); ``drivers``, the monthly contribution ``driver_contribution``
      (rupiah) paid for ``online_drivers`` drivers;
    * programmes (what the state spent or budgeted): the 2026 budget of free meals (MBG)
      against the latest GDP, the BLT Kesra of October–December 2025 (families x monthly
      payment x months) against 2025 GDP, the Kartu Prakerja budget of 2023 and JKP's cash
      benefits paid in 2023 (both against 2023 GDP);
    * benchmarks: the 2024 social-protection budget (against 2024 GDP) and all tax revenue
      (the latest tax ratio).

    Returns a DataFrame with ``key``, ``label``, ``short_label``, ``pct_of_gdp`` and ``kind``
    ("scheme", "programme" or "benchmark").
    """
    rows = facts[facts["country"] == "Indonesia"].set_index("indicator")["value"]
    missing = [name for name in SCHEME_INDICATORS if name not in rows.index]
    if missing:
        raise ValueError(f"facts lacks the Indonesian indicators {missing}")
    population, gdp = float(rows["population"]), float(rows["gdp"])

    def share(amount: float, people: float) -> float:
        return 100 * scheme_cost(population, gdp, amount, people / population)["share_of_gdp"]

    def value(programme: str, item: str) -> float:
        return programme_value(programmes, programme, item)

    blt = (
        value("BLT 2025", "families")
        * value("BLT 2025", "payment per family per month")
        * value("BLT 2025", "months paid")
    )
    gap = poverty_gap_cost(
        population, gdp, float(rows["poverty_line"]), float(rows["poverty_gap_index"])
    )
    values = {
        "universal": share(float(rows["poverty_line"]), population),
        "poor_only": share(float(rows["poverty_line"]), float(rows["poor_people"])),
        "poverty_gap": 100 * gap,
        "drivers": share(driver_contribution, min(online_drivers, population)),
        "mbg_2026": 100 * value("MBG", "budget 2026") / gdp,
        "blt_2025": 100 * blt / gdp,
        "prakerja_2023": 100 * value("Kartu Prakerja", "budget 2023") / float(rows["gdp_2023"]),
        "jkp_2023": 100 * value("JKP", "cash benefits paid in 2023") / float(rows["gdp_2023"]),
        "social_protection": 100
        * float(rows["social_protection_budget"])
        / float(rows["gdp_2024"]),
        "tax_revenue": float(rows["tax_ratio"]),
    }
    return pd.DataFrame(
        {
            "key": list(values),
            "label": [SCHEME_LABELS[key] for key in values],
            "short_label": [SCHEME_SHORT_LABELS[key] for key in values],
            "pct_of_gdp": [float(number) for number in values.values()],
            "kind": [SCHEME_KINDS[key] for key in values],
        }
    )
