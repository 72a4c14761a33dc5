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
from aicap.i18n import N_, _
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import policy as model
from aicap.style import PALETTE, current_layout, log_scale, new_figure

#: The calculator's countries (their names as the data write them; translated where shown).
COUNTRIES = (N_("Indonesia"), N_("Finland"), N_("United States"))
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
    "formal wages (payroll)": N_("payroll"),
    "profits of AI-exposed firms": N_("AI profits"),
    "spending on compute": N_("compute"),
}
SHORT_COUNTRY = {"Indonesia": N_("Indonesia"), "Finland": N_("Finland"), "United States": N_("US")}


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

    left.plot(COVERAGE_GRID, numbers["curve_pct"], color=PALETTE["blue"], label=_("cost of scheme"))
    left.plot(
        [coverage_pct], [numbers["cost_pct"]], "o", color=PALETTE["blue"], ms=8, label=_("chosen")
    )
    top = numbers["curve_pct"].max()
    if chosen.tax_ratio is not None:
        left.axhline(
            100 * chosen.tax_ratio,
            color=PALETTE["orange"],
            ls="--",
            lw=1.8,
            label=_("all taxes today ({ratio:g}%)").format(ratio=100 * chosen.tax_ratio),
        )
        top = max(top, 100 * chosen.tax_ratio)
    else:  # the same legend at every setting, so that a redraw can keep the layout
        left.plot([], [], color=PALETTE["orange"], ls="--", lw=1.8, label=_("all taxes: no figure"))
    left.set(
        xlabel=_("people covered (% of population)"),
        ylabel=_("yearly cost (% of GDP)"),
        title=_("{country}: {amount} a month").format(
            country=_(SHORT_COUNTRY[country]), amount=_money(monthly_amount_usd, "USD")
        ),
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
            label=_("{base}, assumed {share:g}%").format(
                base=_(BASE_SHORT[row.base]), share=row.share_of_gdp_pct
            ),
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
        label=_("chosen base: {share:g}%").format(share=base_share_pct),
    )
    right.axhline(100, color=PALETTE["grey"], ls=":", lw=1.5, label=_("100%: the whole base"))
    log_scale(right, "x")
    log_scale(right, "y")
    right.yaxis.set_major_formatter(FuncFormatter(_tick_pct))
    right.set(
        xlabel=_("tax base (% of GDP, log scale)"),
        ylabel=_("tax rate needed (% of base)"),
        title=_("Raising {cost} of GDP").format(cost=_pct(numbers["cost_pct"])),
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
        _(" (about {amount})").format(amount=_money(numbers["amount_local"], chosen.currency))
        if chosen.currency != "USD"
        else ""
    )
    tax = (
        _(", against all tax revenue today of {ratio:g}% of GDP").format(
            ratio=100 * chosen.tax_ratio
        )
        if chosen.tax_ratio is not None
        else ""
    )
    bases = "; ".join(
        _("{base}, assumed {share:g}% of GDP: {rate}").format(
            base=_(row.base), share=row.share_of_gdp_pct, rate=_pct(row.rate_pct)
        )
        for row in numbers["bases"].itertuples()
    )
    return _(
        "Two charts for {country}. Paying US${amount:g} a month{local} to {coverage:g}% of "
        "{population:,.1f} million people costs {cost} of GDP a year{tax}; the first chart "
        "shows the cost rising in a straight line with the share of people covered. The second "
        "chart shows the tax rate needed to raise that sum: {rate} of a base worth {base:g}% of "
        "GDP, and on the book's assumed bases: {bases}."
    ).format(
        country=_(country),
        amount=monthly_amount_usd,
        local=local,
        coverage=coverage_pct,
        population=chosen.population / 1e6,
        cost=_pct(numbers["cost_pct"]),
        tax=tax,
        rate=_pct(numbers["rate_pct"]),
        base=base_share_pct,
        bases=bases,
    )


def calculator_summary(
    country: str = "Indonesia",
    monthly_amount_usd: float = 39.0,
    coverage_pct: float = 100.0,
    base_share_pct: float = 22.0,
) -> str:
    """One sentence for the page to announce after a move: the cost and the tax it needs."""
    numbers = calculator_numbers(country, monthly_amount_usd, coverage_pct, base_share_pct)
    return _(
        "In {country}, US${amount:g} a month for {coverage:g}% of people costs {cost} of GDP: "
        "a tax of {rate} on a base of {base:g}% of GDP."
    ).format(
        country=_(country),
        amount=monthly_amount_usd,
        coverage=coverage_pct,
        cost=_pct(numbers["cost_pct"]),
        rate=_pct(numbers["rate_pct"]),
        base=base_share_pct,
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
        title=_("Policy calculator: what a cash transfer costs and the tax it needs"),
        plot=plot_calculator,
        alt=calculator_alt,
        summary=calculator_summary,
        caption=_(
            "Population and GDP: BPS, World Bank, Statistics Finland (data/README.md). "
            "Indonesian amounts converted at the exchange rate implied by BPS's GDP per person. "
            "Tax bases are the book's assumptions (diamonds), not measurements."
        ),
        controls=[
            Control(
                "country",
                _("Country"),
                "Indonesia",
                options=tuple((_(name), name) for name in COUNTRIES),
            ),
            Control(
                "monthly_amount_usd",
                _("Payment per person per month"),
                line,
                5.0,
                1500.0,
                1.0,
                unit="US$",
                page=(5.0, line, 250.0, 500.0, 1500.0),
                help=_(
                    "Converted to the local currency at market exchange rates. The default is "
                    "Indonesia's poverty line."
                ),
            ),
            Control(
                "coverage_pct",
                _("People covered"),
                100.0,
                3.0,
                100.0,
                1.0,
                unit=_("% of population"),
                page=(3.0, 50.0, 100.0),
                help=_(
                    "100% is a universal basic income; a few percent is a targeted scheme "
                    "such as transition insurance."
                ),
            ),
            Control(
                "base_share_pct",
                _("Size of the tax base"),
                payroll,
                2.0,
                60.0,
                1.0,
                unit=_("% of GDP"),
                page=(2.0, payroll, 60.0),
                help=_("An assumption: how large the thing you tax is, relative to the economy."),
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
        label=_("paid to people retraining"),
    )
    left.fill_between(
        path.index,
        retraining,
        retraining + waiting,
        step="mid",
        lw=0,
        color=PALETTE["vermillion"],
        label=_("paid to people waiting for a job"),
    )
    if wave_years:
        left.axvspan(
            0.5,
            wave_years + 0.5,
            color=PALETTE["sky"],
            alpha=0.12,
            lw=0,
            label=_("automation wave"),
        )
    top = 100 * path["cost_share_of_gdp"].max()
    left.set(
        xlabel=_("year"),
        ylabel=_("yearly cost (% of GDP)"),
        title=_("Cost of transition insurance each year"),
        xlim=(0, years),
        ylim=(0, max(0.5, 1.3 * top)),
    )
    if narrow:
        _legend(left)
    else:  # under both panels: inside, it would cover the bars of some settings
        handles, labels = left.get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=3, fontsize=9)

    right.plot(LAG_GRID, totals, color=PALETTE["blue"], marker="o", ms=4, label=_("total cost"))
    chosen = int(np.flatnonzero(LAG_GRID == retraining_lag)[0]) if retraining_lag <= 10 else None
    if chosen is not None:
        right.plot(
            [retraining_lag],
            [totals[chosen]],
            "o",
            color=PALETTE["black"],
            ms=9,
            label=_("chosen retraining time"),
        )
    right.set(
        xlabel=_("retraining time (years)"),
        ylabel=_("total, % of a year's GDP")
        if narrow
        else _("total over {years} years (% of a year's GDP)").format(years=years),
        title=_("Faster retraining, smaller bill"),
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
    return _(
        "Two charts. Automation removes {automation:g}% of jobs and new tasks add "
        "{reinstatement:g}% each year for {wave} years; retraining takes {lag} years and "
        "insurance pays {replacement:g}% of average labour income (labour's share of GDP "
        "{share:.1f}%). First chart: the yearly cost peaks at {peak:.2f}% of GDP in year "
        "{peak_year} and is {end:.2f}% in year {years}. Second chart: the total over {years} "
        "years rises from {first:.1f}% of a year's GDP with no retraining delay to {last:.1f}% "
        "with a 10-year delay; the chosen setting costs {total:.1f}%."
    ).format(
        automation=100 * automation_rate,
        reinstatement=100 * reinstatement_rate,
        wave=wave_years,
        lag=retraining_lag,
        replacement=100 * replacement_rate,
        share=100 * labour_share,
        peak=cost.max(),
        peak_year=int(cost.idxmax()),
        end=cost.iloc[-1],
        years=years,
        first=totals[0],
        last=totals[-1],
        total=cost.sum(),
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
        _("still {cost:.1f}% in year {years}").format(cost=cost.iloc[-1], years=years)
        if cost.iloc[-1] >= 0.05
        else _("about zero by year {years}").format(years=years)
    )
    return _(
        "The insurance costs at most {peak:.2f}% of GDP a year and {total:.1f}% of a year's "
        "GDP in all; it is {end}."
    ).format(peak=cost.max(), total=cost.sum(), end=end)


@register
def insurance_explorer() -> InteractiveFigure:
    """Interactive: what transition insurance costs, and how retraining speed changes it."""
    return InteractiveFigure(
        title=_("Transition insurance during an automation wave"),
        plot=plot_insurance,
        alt=insurance_alt,
        summary=insurance_summary,
        caption=_(
            "Illustrative model (assumptions, not estimates): the automation race of the "
            "creative-destruction chapter, with every unemployed worker insured. Labour's share "
            "of income: ILO, world, 2024."
        ),
        controls=[
            Control(
                "automation_rate",
                _("Jobs automated per year"),
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
                _("New jobs from new tasks per year"),
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
                _("Retraining time"),
                2,
                0,
                10,
                1,
                unit=_("years"),
                page=(0, 1, 2, 5, 10),
            ),
            Control(
                "replacement_rate",
                _("Benefit (% of average labour income)"),
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
    "scheme": N_("costed by the book"),
    "programme": N_("what Indonesia spends"),
    "benchmark": N_("budget and taxes"),
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
                SCHEME_FLOOR * 1.1, position + 0.42, _(label), va="bottom", ha="left", fontsize=9
            )
        axes.set_yticks([])
        axes.set_ylim(positions[-1] - 0.6, positions[0] + 1.5)
    else:
        axes.set_yticks(positions, [_(label) for label in schemes["label"]], fontsize=9)
    axes.set(
        xlabel=_("% of GDP per year (log scale)"),
        xlim=(SCHEME_FLOOR, 60),
        title=_("Yearly cost (% of GDP)") if narrow else _("Indonesia: yearly cost, % of GDP"),
    )
    ticks = [0.001, 0.01, 0.1, 1, 10]
    axes.set_xticks(ticks, [f"{tick:g}%" for tick in ticks])
    axes.xaxis.set_minor_formatter(NullFormatter())
    handles = [
        Patch(color=SCHEME_COLOURS[kind], label=_(text)) for kind, text in SCHEME_KEYS.items()
    ]
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
        "scheme": _("scheme costed by the book"),
        "programme": _("real programme"),
        "benchmark": _("budget"),
    }
    items = "; ".join(
        _("{label} ({kind}): {cost} of GDP").format(
            label=_(row.label), kind=names[row.kind], cost=_pct(row.pct_of_gdp)
        )
        for row in schemes.itertuples()
    )
    return _(
        "Horizontal bar chart, on a log scale, of yearly costs as a share of Indonesia's GDP. "
        "{items}."
    ).format(items=items)


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
            label=_("{rule}, wage Rp{wage:g} million").format(rule=rule, wage=wage / 1e6),
        )
    axes.set(
        xlabel=_("months out of work"),
        ylabel=_("lost wages replaced (%)") if narrow else _("share of lost wages replaced (%)"),
        xlim=(1, JKP_MONTHS[-1]),
        ylim=(0, 70),
        title=_("What JKP's cash benefit replaces"),
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
                _(
                    "{rule}, wage Rp{wage:g} million: {after_3:.0f}% after 3 months, "
                    "{after_6:.0f}% after 6, {after_12:.0f}% after 12 and {after_24:.0f}% "
                    "after 24"
                ).format(
                    rule=rule,
                    wage=wage / 1e6,
                    after_3=numbers[(rule, wage, 3)],
                    after_6=numbers[(rule, wage, 6)],
                    after_12=numbers[(rule, wage, 12)],
                    after_24=numbers[(rule, wage, 24)],
                )
            )
    return _(
        "Line chart of the share of lost wages that JKP's cash benefit replaces, against the "
        "number of months a worker is out of work. Under PP 6/2025 the share is flat for six "
        "months and falls after month 6, when payments stop; under PP 37/2021 it already falls "
        "from month 4, when the rate drops. {parts}."
    ).format(parts="; ".join(parts))
