"""Figures for the policy chapter: the policy calculator, transition insurance, scheme costs.

Every plot function is drawn in two layouts (``style.current_layout()``): on a phone
(``"narrow"``) legends move under their panel and labels get shorter, so that nothing sticks
out of the 3.5-inch column.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, NullFormatter
from matplotlib.transforms import offset_copy

from aicap.data import load
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import policy as model
from aicap.style import PALETTE, current_layout, log_scale, new_figure

COUNTRIES = ("Indonesia", "Finland", "United States")
#: Grids the calculator draws its curves on (percent).
COVERAGE_GRID = np.linspace(0.0, 100.0, 101)
BASE_GRID = np.geomspace(0.1, 60.0, 120)
BASE_COLOURS = {
    "formal wages (payroll)": PALETTE["green"],
    "profits of AI-exposed firms": PALETTE["purple"],
    "spending on compute": PALETTE["vermillion"],
}
#: The bases' names on a phone.
BASE_SHORT = {
    "formal wages (payroll)": "payroll",
    "profits of AI-exposed firms": "AI profits",
    "spending on compute": "compute",
}
SHORT_COUNTRY = {"Indonesia": "Indonesia", "Finland": "Finland", "United States": "US"}


def _narrow() -> bool:
    return current_layout().name == "narrow"


def _ticks_inside(*panels) -> None:
    """Keep only the ticks (major and minor) inside each panel's limits: a tick label outside
    them would be drawn off the panel."""
    for axes in panels:
        for axis, limits in ((axes.xaxis, axes.get_xlim()), (axes.yaxis, axes.get_ylim())):
            low, high = min(limits), max(limits)
            slack = 1e-6 * (high - low)
            for minor in (False, True):
                ticks = axis.get_ticklocs(minor=minor)
                ticks = [tick for tick in ticks if low - slack <= tick <= high + slack]
                axis.set_ticks(ticks, minor=minor)


def _legend(axes, lines: int = 1, ncols: int = 1, **options) -> None:
    """A legend inside the panel on a laptop (``options``), under the panel on a phone, below
    tick labels and an x-axis label of ``lines`` lines, so it never covers the data."""
    if not _narrow():
        axes.legend(fontsize=9, **options)
        return
    below = offset_copy(axes.transAxes, fig=axes.figure, y=-(30 + 14 * lines), units="points")
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=below,
        ncols=ncols,
        fontsize=9,
        frameon=False,
        borderaxespad=0.0,
        columnspacing=0.8,
        handlelength=1.4,
        handletextpad=0.4,
    )


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


def programmes() -> pd.DataFrame:
    """The ``policy_indonesia_programmes`` table (JKP, Kartu Prakerja, PKH, BLT, pesangon)."""
    return load("policy_indonesia_programmes")


def online_drivers() -> float:
    """The highest published estimate of Indonesia's online drivers (the gig chapter's table)."""
    return float(load("ojol_driver_estimates")["high_million"].max()) * 1e6


def driver_contribution() -> float:
    """A self-employed driver's minimum monthly JKK + JKM contribution, Rp (gig chapter's table)."""
    table = load("ojol_social_insurance")
    row = table[table["item"] == "minimum total contribution (JKK + JKM)"]
    if len(row) != 1:
        raise ValueError(
            "ojol_social_insurance lacks the row 'minimum total contribution (JKK + JKM)'"
        )
    return float(row["value"].iloc[0])


def indonesia_schemes() -> pd.DataFrame:
    """The table behind the scheme-cost chart, computed from the data tables."""
    return model.indonesia_scheme_costs(
        load("policy_country_facts"), programmes(), online_drivers(), driver_contribution()
    )


def poverty_line_usd() -> float:
    """Indonesia's poverty line (rupiah per person per month) in US dollars at the implied rate."""
    facts = load("policy_country_facts")
    row = facts[(facts["country"] == "Indonesia") & (facts["indicator"] == "poverty_line")]
    return float(row["value"].iloc[0]) / preset("Indonesia").local_per_usd


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
    monthly_amount_usd: float = 39.0,
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
    monthly_amount_usd: float = 39.0,
    coverage_pct: float = 100.0,
    base_share_pct: float = 22.0,
) -> Figure:
    """Left (top on a phone): cost as a share of GDP against coverage. Right (bottom): tax rate
    needed against the size of the base, with the book's assumed bases as diamonds."""
    numbers = calculator_numbers(country, monthly_amount_usd, coverage_pct, base_share_pct)
    chosen = numbers["preset"]
    figure = new_figure(2, width=7.0, height=4.4)
    # a little more room at the edges: the tick labels change width from one setting to the
    # next ("0.5" or "12"), and a redraw keeps the first layout
    if not _narrow():
        figure.get_layout_engine().set(w_pad=6 / 72)
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
            label=f"all taxes today ({100 * chosen.tax_ratio:g}%)",
        )
        top = max(top, 100 * chosen.tax_ratio)
    else:  # the same legend at every setting, so that a redraw can keep the layout
        left.plot([], [], color=PALETTE["orange"], ls="--", lw=1.8, label="all taxes: no figure")
    left.set(
        xlabel="people covered (% of population)",
        ylabel="yearly cost (% of GDP)",
        title=f"{SHORT_COUNTRY[country]}: {_money(monthly_amount_usd, 'USD')} a month",
        xlim=(0, 100),
        ylim=(0, 1.3 * top),
    )
    _legend(left, loc="upper left")

    right.plot(BASE_GRID, numbers["rate_curve_pct"], color=PALETTE["black"], lw=1.8)
    for row in numbers["bases"].itertuples():
        right.plot(
            [row.share_of_gdp_pct],
            [row.rate_pct],
            "D",
            color=BASE_COLOURS[row.base],
            ms=7,
            label=f"{BASE_SHORT[row.base]}, assumed {row.share_of_gdp_pct:g}%",
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
        label=f"chosen base: {base_share_pct:g}%",
    )
    right.axhline(100, color=PALETTE["grey"], ls=":", lw=1.5, label="100%: the whole base")
    log_scale(right, "x")
    log_scale(right, "y")
    right.yaxis.set_major_formatter(FuncFormatter(_tick_pct))
    right.set(
        xlabel="tax base (% of GDP, log scale)",
        ylabel="tax rate needed (% of base)",
        title=f"Raising {_pct(numbers['cost_pct'])} of GDP",
    )
    _legend(right, loc="upper right", frameon=True, framealpha=0.9, edgecolor="white")
    _ticks_inside(left, right)
    return figure


def calculator_alt(
    country: str = "Indonesia",
    monthly_amount_usd: float = 39.0,
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
        f"{_pct(numbers['cost_pct'])} of GDP a year{tax}; the first chart shows the cost rising "
        f"in a straight line with the share of people covered. The second chart shows the tax "
        f"rate needed to raise that sum: {_pct(numbers['rate_pct'])} of a base worth "
        f"{base_share_pct:g}% of GDP, and on the book's assumed bases: {bases}."
    )


def calculator_summary(
    country: str = "Indonesia",
    monthly_amount_usd: float = 39.0,
    coverage_pct: float = 100.0,
    base_share_pct: float = 22.0,
) -> str:
    """One sentence for the page to announce after a move: the cost and the tax it needs."""
    numbers = calculator_numbers(country, monthly_amount_usd, coverage_pct, base_share_pct)
    return (
        f"In {country}, US${monthly_amount_usd:g} a month for {coverage_pct:g}% of people "
        f"costs {_pct(numbers['cost_pct'])} of GDP: a tax of {_pct(numbers['rate_pct'])} on a "
        f"base of {base_share_pct:g}% of GDP."
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
    line = float(round(poverty_line_usd()))
    return InteractiveFigure(
        title="Policy calculator: what a cash transfer costs and the tax it needs",
        plot=plot_calculator,
        alt=calculator_alt,
        summary=calculator_summary,
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
                line,
                5.0,
                1500.0,
                1.0,
                unit="US$",
                page=(5.0, line, 250.0, 500.0, 1500.0),
                help="Converted to the local currency at market exchange rates. The default is "
                "Indonesia's poverty line.",
            ),
            Control(
                "coverage_pct",
                "People covered",
                100.0,
                3.0,
                100.0,
                1.0,
                unit="% of population",
                page=(3.0, 50.0, 100.0),
                help="100% is a universal basic income; a few percent is a targeted scheme "
                "such as transition insurance.",
            ),
            Control(
                "base_share_pct",
                "Size of the tax base",
                payroll,
                2.0,
                60.0,
                1.0,
                unit="% of GDP",
                page=(2.0, payroll, 60.0),
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
    """Left (top on a phone): yearly insurance cost (% of GDP). Right (bottom): total cost
    over the simulation for each retraining time."""
    narrow = _narrow()
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
    figure = new_figure(2, width=7.0, height=4.0)
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
    if narrow:
        _legend(left)
    else:  # under both panels: inside, it would cover the bars of some settings
        handles, labels = left.get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=3, fontsize=9)

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
        ylabel="total, % of a year's GDP"
        if narrow
        else f"total over {years} years (% of a year's GDP)",
        title="Faster retraining, smaller bill",
        xlim=(-0.3, LAG_GRID[-1] + 0.3),
        # at least 100, so that the tick labels have three digits at every setting and the
        # axis label keeps its place when a redraw reuses the first layout
        ylim=(0, max(100.0, 1.15 * totals.max())),
    )
    _legend(right, ncols=2, loc="upper left")
    _ticks_inside(left, right)
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
        f"labour income (labour's share of GDP {100 * labour_share:.1f}%). First chart: the "
        f"yearly cost peaks at {cost.max():.2f}% of GDP in year {int(cost.idxmax())} and is "
        f"{cost.iloc[-1]:.2f}% in year {years}. Second chart: the total over {years} years "
        f"rises from {totals[0]:.1f}% of a year's GDP with no retraining delay to "
        f"{totals[-1]:.1f}% with a 10-year delay; the chosen setting costs {cost.sum():.1f}%."
    )


def insurance_summary(
    automation_rate: float = 0.03,
    reinstatement_rate: float = 0.03,
    retraining_lag: int = 2,
    replacement_rate: float = 0.6,
    labour_share: float = 0.5,
    wave_years: int = 10,
    years: int = 30,
) -> str:
    """One sentence for the page to announce after a move: the peak, the total and the end."""
    path = model.transition_insurance_path(
        automation_rate,
        reinstatement_rate,
        retraining_lag,
        replacement_rate,
        labour_share,
        wave_years,
        years,
    )
    cost = 100 * path["cost_share_of_gdp"]
    end = (
        f"still {cost.iloc[-1]:.1f}% in year {years}"
        if cost.iloc[-1] >= 0.05
        else f"about zero by year {years}"
    )
    return (
        f"The insurance costs at most {cost.max():.2f}% of GDP a year and {cost.sum():.1f}% "
        f"of a year's GDP in all; it is {end}."
    )


@register
def insurance_explorer() -> InteractiveFigure:
    """Interactive: what transition insurance costs, and how retraining speed changes it."""
    return InteractiveFigure(
        title="Transition insurance during an automation wave",
        plot=plot_insurance,
        alt=insurance_alt,
        summary=insurance_summary,
        caption="Illustrative model (assumptions, not estimates): the automation race of the "
        "creative-destruction chapter, with every unemployed worker insured. Labour's share "
        "of income: ILO, world, 2024.",
        controls=[
            Control(
                "automation_rate",
                "Jobs automated per year",
                0.03,
                0.02,
                0.04,
                0.005,
                unit="%",
                scale=100,
                page=(0.02, 0.03, 0.04),
            ),
            Control(
                "reinstatement_rate",
                "New jobs from new tasks per year",
                0.03,
                0.01,
                0.04,
                0.005,
                unit="%",
                scale=100,
                page=(0.01, 0.03, 0.04),
            ),
            Control(
                "retraining_lag",
                "Retraining time",
                2,
                0,
                10,
                1,
                unit="years",
                page=(0, 1, 2, 5, 10),
            ),
            Control(
                "replacement_rate",
                "Benefit (% of average labour income)",
                0.6,
                0.15,
                1.0,
                0.05,
                unit="%",
                scale=100,
                page=(0.15, 0.6, 1.0),
            ),
        ],
        fixed={"labour_share": labour_share(), "wave_years": 10, "years": 30},
    )


# ---------------------------------------------------------------------------------------------
# Static: what schemes would cost in Indonesia, next to what the state spends and raises
# ---------------------------------------------------------------------------------------------

SCHEME_COLOURS = {
    "scheme": PALETTE["blue"],
    "programme": PALETTE["green"],
    "benchmark": PALETTE["orange"],
}
SCHEME_KEYS = {
    "scheme": "costed by the book",
    "programme": "what Indonesia spends",
    "benchmark": "budget and taxes",
}
#: Where the bars start on the log axis (% of GDP).
SCHEME_FLOOR = 0.001


def plot_scheme_costs(schemes: pd.DataFrame) -> Figure:
    """Horizontal bars of each scheme's cost and each benchmark, in percent of GDP, on a log
    axis so that programmes a thousand times smaller than a basic income still show.

    On a laptop each bar is named on the left; on a phone the name sits just above its bar.
    """
    narrow = _narrow()
    figure = new_figure(1, width=7.0, height=4.6)
    if narrow:
        figure.set_size_inches(figure.get_figwidth(), 5.6)
    (axes,) = figure.axes
    step = 2.0 if narrow else 1.0
    positions = step * np.arange(len(schemes))[::-1]
    values = schemes["pct_of_gdp"].to_numpy()
    axes.barh(
        positions,
        values - SCHEME_FLOOR,
        left=SCHEME_FLOOR,
        height=0.6 if narrow else 0.7,
        color=[SCHEME_COLOURS[kind] for kind in schemes["kind"]],
    )
    for position, value in zip(positions, values, strict=True):
        label = f"{value:.1f}%" if value >= 1 else f"{value:.2g}%"
        axes.text(value * 1.15, position, label, va="center", fontsize=9)
    log_scale(axes, "x")
    if narrow:
        for position, label in zip(positions, schemes["short_label"], strict=True):
            axes.text(
                SCHEME_FLOOR * 1.1, position + 0.42, label, va="bottom", ha="left", fontsize=9
            )
        axes.set_yticks([])
        axes.set_ylim(positions[-1] - 0.6, positions[0] + 1.5)
    else:
        axes.set_yticks(positions, list(schemes["label"]), fontsize=9)
    axes.set(
        xlabel="% of GDP per year (log scale)",
        xlim=(SCHEME_FLOOR, 60),
        title="Yearly cost (% of GDP)" if narrow else "Indonesia: yearly cost, % of GDP",
    )
    ticks = [0.001, 0.01, 0.1, 1, 10]
    axes.set_xticks(ticks, [f"{tick:g}%" for tick in ticks])
    axes.xaxis.set_minor_formatter(NullFormatter())
    handles = [Patch(color=SCHEME_COLOURS[kind], label=text) for kind, text in SCHEME_KEYS.items()]
    if narrow:
        below = offset_copy(axes.transAxes, fig=figure, y=-44, units="points")
        axes.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            bbox_transform=below,
            ncols=1,
            fontsize=9,
            frameon=False,
            borderaxespad=0.0,
        )
    else:  # under the whole figure: the bar labels make the panel narrower than the figure
        figure.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=9)
    axes.grid(axis="y", visible=False)
    return figure


def scheme_costs_alt(schemes: pd.DataFrame) -> str:
    """Alt text for :func:`plot_scheme_costs`."""
    names = {
        "scheme": "scheme costed by the book",
        "programme": "real programme",
        "benchmark": "budget",
    }
    items = "; ".join(
        f"{row.label} ({names[row.kind]}): {_pct(row.pct_of_gdp)} of GDP"
        for row in schemes.itertuples()
    )
    return (
        "Horizontal bar chart, on a log scale, of yearly costs as a share of Indonesia's GDP. "
        f"{items}."
    )


# ---------------------------------------------------------------------------------------------
# Static: how much of a lost wage Indonesia's job-loss insurance (JKP) replaces
# ---------------------------------------------------------------------------------------------

JKP_MONTHS = np.arange(1, 25)


def jkp_numbers(wages: tuple[float, ...] = (3_000_000.0, 10_000_000.0)) -> pd.DataFrame:
    """Share of lost wages JKP replaces, by months out of work, for each rule and wage (Rp)."""
    table = programmes()
    cap = model.programme_value(table, "JKP", "wage cap for the benefit")
    rows = []
    for rule in model.JKP_RULES:
        rates = model.jkp_monthly_rates(table, rule)
        for wage in wages:
            share = model.jkp_replacement(wage, JKP_MONTHS.astype(float), rates, cap)
            rows += [
                {"rule": rule, "wage": wage, "months": int(m), "replacement_pct": 100 * float(v)}
                for m, v in zip(JKP_MONTHS, share, strict=True)
            ]
    return pd.DataFrame(rows)


def plot_jkp_replacement(wages: tuple[float, ...] = (3_000_000.0, 10_000_000.0)) -> Figure:
    """Lines: the share of lost wages JKP's cash benefit replaces, by months out of work."""
    numbers = jkp_numbers(wages)
    narrow = _narrow()
    figure = new_figure(1, width=7.0, height=3.8)
    if narrow:  # room for the legend under the panel
        figure.set_size_inches(figure.get_figwidth(), 4.4)
    (axes,) = figure.axes
    colours = {"PP 37/2021": PALETTE["grey"], "PP 6/2025": PALETTE["blue"]}
    styles = dict(zip(wages, ["-", "--", ":"], strict=False))
    for (rule, wage), rows in numbers.groupby(["rule", "wage"], sort=False):
        axes.plot(
            rows["months"],
            rows["replacement_pct"],
            styles[wage],
            color=colours[rule],
            lw=2,
            label=f"{rule}, wage Rp{wage / 1e6:g} million",
        )
    axes.set(
        xlabel="months out of work",
        ylabel="lost wages replaced (%)" if narrow else "share of lost wages replaced (%)",
        xlim=(1, JKP_MONTHS[-1]),
        ylim=(0, 70),
        title="What JKP's cash benefit replaces",
    )
    _legend(axes, ncols=1, loc="upper right")
    _ticks_inside(axes)
    return figure


def jkp_alt(wages: tuple[float, ...] = (3_000_000.0, 10_000_000.0)) -> str:
    """Alt text for :func:`plot_jkp_replacement`."""
    numbers = jkp_numbers(wages).set_index(["rule", "wage", "months"])["replacement_pct"]
    parts = []
    for rule in model.JKP_RULES:
        for wage in wages:
            parts.append(
                f"{rule}, wage Rp{wage / 1e6:g} million: {numbers[(rule, wage, 3)]:.0f}% after "
                f"3 months, {numbers[(rule, wage, 6)]:.0f}% after 6, "
                f"{numbers[(rule, wage, 12)]:.0f}% after 12 and "
                f"{numbers[(rule, wage, 24)]:.0f}% after 24"
            )
    return (
        "Line chart of the share of lost wages that JKP's cash benefit replaces, against the "
        "number of months a worker is out of work. Under PP 6/2025 the share is flat for six "
        "months and falls after month 6, when payments stop; under PP 37/2021 it already falls "
        "from month 4, when the rate drops. " + "; ".join(parts) + "."
    )
