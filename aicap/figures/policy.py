"""Figures for the policy chapter: the policy calculator, transition insurance, scheme costs."""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from aicap.data import load
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import policy as model
from aicap.style import PALETTE, log_scale, new_figure

COUNTRIES = ("Indonesia", "Finland", "United States")
#: Grids the calculator draws its curves on (percent).
COVERAGE_GRID = np.linspace(0.0, 100.0, 101)
BASE_GRID = np.geomspace(0.1, 60.0, 120)
BASE_COLOURS = {
    "formal wages (payroll)": PALETTE["green"],
    "profits of AI-exposed firms": PALETTE["purple"],
    "spending on compute": PALETTE["vermillion"],
}


@cache
def _presets() -> dict[str, model.Preset]:
    return model.country_presets(load("policy_country_facts"))


def preset(country: str) -> model.Preset:
    """The calculator's inputs for ``country`` (one of :data:`COUNTRIES`)."""
    presets = _presets()
    if country not in presets:
        raise ValueError(f"country must be one of {sorted(presets)}; got {country!r}")
    return presets[country]


def assumed_bases(country: str) -> pd.DataFrame:
    """The book's assumed tax bases for ``country`` (mark A), as shares of GDP in percent."""
    bases = load("policy_tax_bases_assumed")
    return bases[bases["country"] == country].reset_index(drop=True)


def labour_share() -> float:
    """The world labour income share (ILO) as a fraction, from policy_country_facts."""
    facts = load("policy_country_facts")
    row = facts[(facts["country"] == "World") & (facts["indicator"] == "labour_income_share")]
    return float(row["value"].iloc[0]) / 100


# ---------------------------------------------------------------------------------------------
# The policy calculator
# ---------------------------------------------------------------------------------------------


def calculator_numbers(
    country: str = "Indonesia",
    monthly_amount_usd: float = 40.0,
    coverage_pct: float = 100.0,
    base_share_pct: float = 22.0,
) -> dict:
    """Everything the calculator figure and its alt text show, computed once by the model."""
    chosen = preset(country)
    amount_local = monthly_amount_usd * chosen.local_per_usd
    cost = model.scheme_cost(chosen.population, chosen.gdp, amount_local, coverage_pct / 100)
    curve = model.scheme_cost(chosen.population, chosen.gdp, amount_local, COVERAGE_GRID / 100)
    rate = model.required_tax_rate(cost["share_of_gdp"], base_share_pct / 100)
    rate_curve = model.required_tax_rate(cost["share_of_gdp"], BASE_GRID / 100)
    bases = assumed_bases(country)
    base_rates = model.required_tax_rate(
        cost["share_of_gdp"], bases["share_of_gdp_pct"].to_numpy() / 100
    )
    return {
        "preset": chosen,
        "amount_local": float(amount_local),
        "cost_pct": 100 * cost["share_of_gdp"],
        "recipients": cost["recipients"],
        "curve_pct": 100 * curve["share_of_gdp"],
        "rate_pct": 100 * rate,
        "rate_curve_pct": 100 * rate_curve,
        "bases": bases.assign(rate_pct=100 * np.atleast_1d(base_rates)),
    }


def _pct(value: float) -> str:
    """A percentage for titles and alt text: one decimal, or two significant digits if tiny."""
    return f"{value:,.1f}%" if abs(value) >= 0.1 or value == 0 else f"{value:.2g}%"


def _tick_pct(value: float, _position) -> str:
    return f"{value:,.0f}%" if value >= 1 else f"{value:g}%"


def _money(amount: float, currency: str) -> str:
    if currency == "IDR":
        return f"Rp{amount:,.0f}"
    return f"US${amount:,.0f}"


def plot_calculator(
    country: str = "Indonesia",
    monthly_amount_usd: float = 40.0,
    coverage_pct: float = 100.0,
    base_share_pct: float = 22.0,
) -> Figure:
    """Left: cost as a share of GDP against coverage. Right: tax rate needed against the base."""
    numbers = calculator_numbers(country, monthly_amount_usd, coverage_pct, base_share_pct)
    chosen = numbers["preset"]
    figure = new_figure(2, width=8.5, height=4.0)
    left, right = figure.axes

    left.plot(COVERAGE_GRID, numbers["curve_pct"], color=PALETTE["blue"], label="cost of scheme")
    left.plot(
        [coverage_pct], [numbers["cost_pct"]], "o", color=PALETTE["blue"], ms=8, label="chosen"
    )
    top = numbers["curve_pct"].max()
    if chosen.tax_ratio is not None:
        left.axhline(
            100 * chosen.tax_ratio,
            color=PALETTE["orange"],
            ls="--",
            lw=1.8,
            label=f"all tax revenue today ({100 * chosen.tax_ratio:g}% of GDP)",
        )
        top = max(top, 100 * chosen.tax_ratio)
    left.set(
        xlabel="people covered (% of population)",
        ylabel="yearly cost (% of GDP)",
        title=f"{country}: {_money(monthly_amount_usd, 'USD')} a month each",
        xlim=(0, 100),
        ylim=(0, 1.15 * top),
    )
    left.legend(loc="upper left", fontsize=9)

    right.plot(BASE_GRID, numbers["rate_curve_pct"], color=PALETTE["black"], lw=1.8)
    for row in numbers["bases"].itertuples():
        right.plot(
            [row.share_of_gdp_pct],
            [row.rate_pct],
            "D",
            color=BASE_COLOURS[row.base],
            ms=7,
            label=f"{row.base} (assumed {row.share_of_gdp_pct:g}%)",
        )
    right.plot(
        [base_share_pct],
        [numbers["rate_pct"]],
        "o",
        mfc="none",
        mec=PALETTE["black"],
        mew=2,
        ms=12,
        zorder=5,
        label=f"chosen base: {base_share_pct:g}% of GDP",
    )
    right.axhline(100, color=PALETTE["grey"], ls=":", lw=1.5)
    right.annotate(
        "100%: the whole base",
        xy=(BASE_GRID[-1], 100),
        xytext=(0, 3),
        textcoords="offset points",
        ha="right",
        va="bottom",
        fontsize=9,
        color="#444444",
    )
    log_scale(right, "x")
    log_scale(right, "y")
    right.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    right.yaxis.set_major_formatter(FuncFormatter(_tick_pct))
    right.set(
        xlabel="tax base (% of GDP, log scale)",
        ylabel="tax rate needed (% of base, log scale)",
        title=f"Raising {_pct(numbers['cost_pct'])} of GDP",
    )
    right.legend(loc="lower left", fontsize=8)
    return figure


def calculator_alt(
    country: str = "Indonesia",
    monthly_amount_usd: float = 40.0,
    coverage_pct: float = 100.0,
    base_share_pct: float = 22.0,
) -> str:
    """Alt text for :func:`plot_calculator`, with the numbers a reader would read off it."""
    numbers = calculator_numbers(country, monthly_amount_usd, coverage_pct, base_share_pct)
    chosen = numbers["preset"]
    local = (
        f" (about {_money(numbers['amount_local'], chosen.currency)})"
        if chosen.currency != "USD"
        else ""
    )
    tax = (
        f", against all tax revenue today of {100 * chosen.tax_ratio:g}% of GDP"
        if chosen.tax_ratio is not None
        else ""
    )
    bases = "; ".join(
        f"{row.base}, assumed {row.share_of_gdp_pct:g}% of GDP: {_pct(row.rate_pct)}"
        for row in numbers["bases"].itertuples()
    )
    return (
        f"Two charts for {country}. Paying US${monthly_amount_usd:g} a month{local} to "
        f"{coverage_pct:g}% of {chosen.population / 1e6:,.1f} million people costs "
        f"{_pct(numbers['cost_pct'])} of GDP a year{tax}; the left chart shows the cost rising in "
        f"a straight line with the share of people covered. The right chart shows the tax rate "
        f"needed to raise that sum: {_pct(numbers['rate_pct'])} of a base worth "
        f"{base_share_pct:g}% of GDP, and on the book's assumed bases: {bases}."
    )


@register
def policy_calculator() -> InteractiveFigure:
    """Interactive: the cost of a basic income or transition insurance, and the tax to fund it."""
    indonesia_payroll = assumed_bases("Indonesia")
    payroll = float(
        indonesia_payroll.loc[
            indonesia_payroll["base"] == "formal wages (payroll)", "share_of_gdp_pct"
        ].iloc[0]
    )
    return InteractiveFigure(
        title="Policy calculator: what a cash transfer costs and the tax it needs",
        plot=plot_calculator,
        alt=calculator_alt,
        caption="Population and GDP: BPS, World Bank, Statistics Finland (data/README.md). "
        "Indonesian amounts converted at the exchange rate implied by BPS's GDP per person. "
        "Tax bases are the book's assumptions (diamonds), not measurements.",
        controls=[
            Control(
                "country",
                "Country",
                "Indonesia",
                options=tuple((name, name) for name in COUNTRIES),
            ),
            Control(
                "monthly_amount_usd",
                "Payment per person per month",
                40.0,
                5.0,
                1500.0,
                5.0,
                unit="US$",
                help="Converted to the local currency at market exchange rates.",
            ),
            Control(
                "coverage_pct",
                "People covered",
                100.0,
                1.0,
                100.0,
                1.0,
                unit="% of population",
                help="100% is a universal basic income; a few percent is a targeted scheme "
                "such as transition insurance.",
            ),
            Control(
                "base_share_pct",
                "Size of the tax base",
                payroll,
                1.0,
                60.0,
                1.0,
                unit="% of GDP",
                help="An assumption: how large the thing you tax is, relative to the economy.",
            ),
        ],
    )


# ---------------------------------------------------------------------------------------------
# Transition insurance during an automation wave
# ---------------------------------------------------------------------------------------------

LAG_GRID = np.arange(0, 11)


def plot_insurance(
    automation_rate: float = 0.03,
    reinstatement_rate: float = 0.03,
    retraining_lag: int = 2,
    replacement_rate: float = 0.6,
    labour_share: float = 0.5,
    wave_years: int = 10,
    years: int = 30,
) -> Figure:
    """Left: yearly insurance cost (% of GDP). Right: total cost for each retraining time."""
    path = model.transition_insurance_path(
        automation_rate,
        reinstatement_rate,
        retraining_lag,
        replacement_rate,
        labour_share,
        wave_years,
        years,
    )
    totals = 100 * model.insurance_total_by_lag(
        automation_rate,
        reinstatement_rate,
        LAG_GRID,
        replacement_rate,
        labour_share,
        wave_years,
        years,
    )
    figure = new_figure(2, width=8.5, height=3.8)
    left, right = figure.axes
    per_person = 100 * replacement_rate * labour_share
    retraining = path["retraining"] * per_person
    waiting = path["waiting"] * per_person
    # each year's cost as a step one year wide, the two groups stacked
    left.fill_between(
        path.index,
        0,
        retraining,
        step="mid",
        lw=0,
        color=PALETTE["orange"],
        label="paid to people retraining",
    )
    left.fill_between(
        path.index,
        retraining,
        retraining + waiting,
        step="mid",
        lw=0,
        color=PALETTE["vermillion"],
        label="paid to people waiting for a job",
    )
    if wave_years:
        left.axvspan(
            0.5, wave_years + 0.5, color=PALETTE["sky"], alpha=0.12, lw=0, label="automation wave"
        )
    top = 100 * path["cost_share_of_gdp"].max()
    left.set(
        xlabel="year",
        ylabel="yearly cost (% of GDP)",
        title="Cost of transition insurance each year",
        xlim=(0, years),
        ylim=(0, max(0.5, 1.3 * top)),
    )
    left.legend(loc="upper right", fontsize=9, frameon=True, framealpha=0.9, edgecolor="white")

    right.plot(LAG_GRID, totals, color=PALETTE["blue"], marker="o", ms=4, label="total cost")
    chosen = int(np.flatnonzero(LAG_GRID == retraining_lag)[0]) if retraining_lag <= 10 else None
    if chosen is not None:
        right.plot(
            [retraining_lag],
            [totals[chosen]],
            "o",
            color=PALETTE["black"],
            ms=9,
            label="chosen retraining time",
        )
    right.set(
        xlabel="retraining time (years)",
        ylabel=f"total over {years} years (% of a year's GDP)",
        title="Faster retraining, smaller bill",
        xlim=(-0.3, LAG_GRID[-1] + 0.3),
        ylim=(0, max(1.0, 1.15 * totals.max())),
    )
    right.legend(loc="upper left", fontsize=9)
    return figure


def insurance_alt(
    automation_rate: float = 0.03,
    reinstatement_rate: float = 0.03,
    retraining_lag: int = 2,
    replacement_rate: float = 0.6,
    labour_share: float = 0.5,
    wave_years: int = 10,
    years: int = 30,
) -> str:
    """Alt text for :func:`plot_insurance`."""
    path = model.transition_insurance_path(
        automation_rate,
        reinstatement_rate,
        retraining_lag,
        replacement_rate,
        labour_share,
        wave_years,
        years,
    )
    totals = 100 * model.insurance_total_by_lag(
        automation_rate,
        reinstatement_rate,
        LAG_GRID,
        replacement_rate,
        labour_share,
        wave_years,
        years,
    )
    cost = 100 * path["cost_share_of_gdp"]
    return (
        f"Two charts. Automation removes {100 * automation_rate:g}% of jobs and new tasks add "
        f"{100 * reinstatement_rate:g}% each year for {wave_years} years; retraining takes "
        f"{retraining_lag} years and insurance pays {100 * replacement_rate:g}% of average "
        f"labour income (labour's share of GDP {100 * labour_share:.1f}%). Left: the yearly cost "
        f"peaks at {cost.max():.2f}% of GDP in year {int(cost.idxmax())} and is "
        f"{cost.iloc[-1]:.2f}% in year {years}. Right: the total over {years} years rises "
        f"from {totals[0]:.1f}% of a year's GDP with no retraining delay to {totals[-1]:.1f}% "
        f"with a 10-year delay; the chosen setting costs {cost.sum():.1f}%."
    )


@register
def insurance_explorer() -> InteractiveFigure:
    """Interactive: what transition insurance costs, and how retraining speed changes it."""
    return InteractiveFigure(
        title="Transition insurance during an automation wave",
        plot=plot_insurance,
        alt=insurance_alt,
        caption="Illustrative model (assumptions, not estimates): the automation race of the "
        "creative-destruction chapter, with every unemployed worker insured. Labour's share "
        "of income: ILO, world, 2024.",
        controls=[
            Control(
                "automation_rate",
                "Jobs automated per year",
                0.03,
                0.0,
                0.1,
                0.005,
                unit="share",
            ),
            Control(
                "reinstatement_rate",
                "New jobs from new tasks per year",
                0.03,
                0.0,
                0.1,
                0.005,
                unit="share",
            ),
            Control("retraining_lag", "Retraining time", 2, 0, 10, 1, unit="years"),
            Control(
                "replacement_rate",
                "Benefit as a share of average labour income",
                0.6,
                0.0,
                1.0,
                0.05,
                unit="share",
            ),
        ],
        fixed={"labour_share": labour_share(), "wave_years": 10, "years": 30},
    )


# ---------------------------------------------------------------------------------------------
# Static: what schemes would cost in Indonesia, next to what the state spends and raises
# ---------------------------------------------------------------------------------------------


def plot_scheme_costs(schemes: pd.DataFrame) -> Figure:
    """Horizontal bars of each scheme's cost and each benchmark, in percent of GDP."""
    figure = new_figure(1, width=7.5, height=3.6)
    (axes,) = figure.axes
    positions = np.arange(len(schemes))[::-1]
    colours = [
        PALETTE["blue"] if kind == "scheme" else PALETTE["orange"] for kind in schemes["kind"]
    ]
    axes.barh(positions, schemes["pct_of_gdp"], color=colours)
    for position, value in zip(positions, schemes["pct_of_gdp"], strict=True):
        axes.text(value + 0.15, position, _pct(value), va="center", fontsize=9)
    axes.set_yticks(positions, schemes["label"], fontsize=9)
    axes.set(xlabel="% of GDP per year", xlim=(0, 1.2 * schemes["pct_of_gdp"].max()))
    figure.suptitle(
        "Indonesia: cash schemes (blue) against today's budget (orange)",
        fontsize=12,
        fontweight="bold",
    )
    axes.grid(axis="y", visible=False)
    return figure


def scheme_costs_alt(schemes: pd.DataFrame) -> str:
    """Alt text for :func:`plot_scheme_costs`."""
    items = "; ".join(f"{row.label}: {_pct(row.pct_of_gdp)} of GDP" for row in schemes.itertuples())
    return f"Horizontal bar chart of yearly costs as a share of Indonesia's GDP. {items}."
