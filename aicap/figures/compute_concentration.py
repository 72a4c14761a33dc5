"""Figures for the compute-concentration chapter: plot functions and interactive figures."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from aicap.data import load
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import compute_concentration as model
from aicap.style import CYCLE, PALETTE, log_scale, new_figure

#: Colours of the incumbent firms (the entrant is drawn in black, dashed).
FIRM_COLOURS = [PALETTE[name] for name in CYCLE if name != "black"]


def _highly_concentrated_2023() -> float:
    """The 2023 merger guidelines' 'highly concentrated' level, from data/hhi_thresholds."""
    thresholds = load("hhi_thresholds")
    row = thresholds[
        (thresholds["guidelines"] == 2023) & (thresholds["category"] == "highly concentrated")
    ]
    return float(row["hhi_above"].iloc[0])


def _assumption(name: str) -> float:
    table = load("compute_assumptions").set_index("name")
    return float(table.loc[name, "value"])


def _seed_value(claim: str) -> float:
    claims = load("compute_claims_seed")
    return float(claims.loc[claims["claim"] == claim, "value"].iloc[0])


def _firm_colour(name: str, index: int) -> str:
    return PALETTE["black"] if name == "entrant" else FIRM_COLOURS[index % len(FIRM_COLOURS)]


# ---------------------------------------------------------------------------------------------
# The market that tips
# ---------------------------------------------------------------------------------------------


def plot_market(
    n_firms: int = 4,
    feedback: float = 2.0,
    public_compute: float = 0.0,
    entry_subsidy: float = 0.0,
    periods: int = 80,
    entry_period: int | None = 20,
    highly_concentrated: float = 1800.0,
    seed: int = 0,
) -> Figure:
    """Left: each firm's market share over time. Right: the HHI over time."""
    path = model.market_path(
        n_firms, feedback, public_compute, entry_subsidy, periods, entry_period, seed=seed
    )
    figure = new_figure(2, width=8.5, height=4.6)
    left, right = figure.axes
    firms = [column for column in path.columns if column != "hhi"]
    for i, name in enumerate(firms):
        left.plot(
            path.index,
            100 * path[name],
            color=_firm_colour(name, i),
            ls="--" if name == "entrant" else "-",
            lw=1.8,
            label=name,
        )
    if entry_period is not None:
        left.axvline(entry_period, color=PALETTE["grey"], lw=1, ls=":")
        left.annotate(
            "entrant arrives",
            xy=(entry_period, 97),
            xytext=(3, 0),
            textcoords="offset points",
            fontsize=9,
            color="#444444",
            va="top",
        )
    left.set(
        xlabel="period",
        ylabel="market share (%)",
        title="Who serves the buyers",
        xlim=(0, periods),
        ylim=(0, 100),
    )
    left.legend(fontsize=8, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.2))

    right.plot(path.index, path["hhi"], color=PALETTE["blue"], label="HHI of the market")
    right.axhline(
        highly_concentrated,
        color=PALETTE["vermillion"],
        ls="--",
        lw=1.2,
        label=f"highly concentrated (above {highly_concentrated:,.0f})",
    )
    right.axhline(
        10_000 / n_firms,
        color=PALETTE["grey"],
        ls=":",
        lw=1.2,
        label=f"{n_firms} equal firms ({10_000 / n_firms:,.0f})",
    )
    right.set(
        xlabel="period",
        ylabel="Herfindahl–Hirschman index",
        title="How concentrated the market is",
        xlim=(0, periods),
        ylim=(0, 10_500),
    )
    right.legend(fontsize=8, ncol=1, loc="upper center", bbox_to_anchor=(0.5, -0.2))
    return figure


def market_alt(
    n_firms: int = 4,
    feedback: float = 2.0,
    public_compute: float = 0.0,
    entry_subsidy: float = 0.0,
    periods: int = 80,
    entry_period: int | None = 20,
    highly_concentrated: float = 1800.0,
    seed: int = 0,
) -> str:
    """Alt text for :func:`plot_market`, from the same simulation."""
    path = model.market_path(
        n_firms, feedback, public_compute, entry_subsidy, periods, entry_period, seed=seed
    )
    final = path.iloc[-1]
    firms = [column for column in path.columns if column != "hhi"]
    shares = ", ".join(f"{name} {100 * final[name]:.0f}%" for name in firms)
    entry = (
        f" The last firm enters in period {entry_period} with a subsidy worth "
        f"{100 * entry_subsidy:g}% of the incumbents' data and compute."
        if entry_period is not None
        else ""
    )
    verdict = "above" if final["hhi"] > highly_concentrated else "below"
    return (
        f"Two line charts of a {periods}-period simulated market with {n_firms} firms, feedback "
        f"strength {feedback:g} and public compute {public_compute:g}.{entry} Left: market "
        f"shares over time; in the last period they are {shares}. Right: the HHI goes from "
        f"{path['hhi'].iloc[0]:,.0f} to {final['hhi']:,.0f}, {verdict} the 'highly "
        f"concentrated' line at {highly_concentrated:,.0f}."
    )


@register
def market_tipping_explorer() -> InteractiveFigure:
    """Interactive: when does a market with a data/compute feedback loop tip to one firm?"""
    return InteractiveFigure(
        title="A market with a data and compute feedback loop",
        plot=plot_market,
        alt=market_alt,
        caption="Illustrative model (assumptions, not estimates): buyers choose by quality, "
        "quality grows with each firm's data and compute, and data come from buyers. The last "
        "firm is an entrant arriving in period 20.",
        controls=[
            Control(
                "feedback",
                "Feedback strength",
                2.0,
                0.0,
                3.0,
                0.1,
                help="How strongly quality rises with a firm's data and compute.",
            ),
            Control("n_firms", "Number of firms (incl. the entrant)", 4, 2, 6, 1),
            Control(
                "public_compute",
                "Public compute",
                0.0,
                0.0,
                0.5,
                0.05,
                unit="share of market total",
                help="Shared compute and data every firm can use.",
            ),
            Control(
                "entry_subsidy",
                "Entry subsidy",
                0.0,
                0.0,
                1.0,
                0.05,
                unit="share of incumbents' stock",
                help="Data and compute given to the entrant when it arrives.",
            ),
        ],
        fixed={
            "periods": 80,
            "entry_period": 20,
            "highly_concentrated": _highly_concentrated_2023(),
        },
    )


# ---------------------------------------------------------------------------------------------
# Where the market tips: final HHI over feedback x public compute
# ---------------------------------------------------------------------------------------------

FEEDBACK_GRID = np.round(np.linspace(0.0, 3.0, 31), 3)
PUBLIC_GRID = np.round(np.linspace(0.0, 0.5, 21), 3)


def plot_tipping_map(
    n_firms: int = 4, periods: int = 150, highly_concentrated: float = 1800.0
) -> Figure:
    """Heat map of the final HHI for every feedback strength and level of public compute."""
    grid = model.final_hhi_grid(FEEDBACK_GRID, PUBLIC_GRID, n_firms, periods)
    figure = new_figure(1, width=7.0, height=4.2)
    (axes,) = figure.axes
    axes.grid(False)
    image = axes.pcolormesh(
        FEEDBACK_GRID,
        PUBLIC_GRID,
        grid,
        cmap="cividis",
        shading="nearest",
        vmin=0,
        vmax=10_000,
        rasterized=True,  # one image, not a vector shape per cell (see aicap.style)
    )
    threshold = model.tipping_threshold(n_firms, PUBLIC_GRID)
    inside = threshold <= FEEDBACK_GRID[-1]
    axes.plot(
        threshold[inside],
        PUBLIC_GRID[inside],
        color=PALETTE["orange"],
        lw=2,
        ls="--",
        label=f"tipping threshold: feedback = 1 + {n_firms} × public compute",
    )
    axes.set(
        xlabel="feedback strength",
        ylabel="public compute (share of market total)",
        title=f"HHI after {periods} periods, {n_firms} firms",
        xlim=(FEEDBACK_GRID[0] - 0.05, FEEDBACK_GRID[-1] + 0.05),
    )
    axes.legend(loc="upper left", fontsize=9, frameon=True, facecolor="white", framealpha=0.9)
    colorbar = figure.colorbar(image, ax=axes)
    colorbar.set_label("HHI (10,000 = one firm)")
    colorbar.ax.axhline(highly_concentrated, color=PALETTE["vermillion"], lw=2)
    return figure


def tipping_map_alt(
    n_firms: int = 4, periods: int = 150, highly_concentrated: float = 1800.0
) -> str:
    """Alt text for :func:`plot_tipping_map`."""
    grid = model.final_hhi_grid(FEEDBACK_GRID, PUBLIC_GRID, n_firms, periods)
    tipped = grid[0] > 1.1 * 10_000 / n_firms  # well above the HHI of equal shares
    first = FEEDBACK_GRID[np.argmax(tipped)] if tipped.any() else None
    without = (
        "without public compute the market ends far from equal shares once feedback "
        f"strength reaches about {first:g}"
        if first is not None
        else "without public compute the market does not tip within the range shown"
    )
    return (
        f"Heat map of the HHI after {periods} periods in a simulated market of {n_firms} firms, "
        f"with feedback strength from 0 to {FEEDBACK_GRID[-1]:g} across and public compute from "
        f"0 to {PUBLIC_GRID[-1]:g} up. The HHI ranges from {grid.min():,.0f} (equal shares) to "
        f"{grid.max():,.0f}; {without}. A dashed line marks the theoretical tipping threshold, "
        f"feedback = 1 + {n_firms} times public compute: to its left the market stays shared, "
        "to its right it tips."
    )


@register
def tipping_map_explorer() -> InteractiveFigure:
    """Interactive: the tipping threshold as the number of firms and the time span change."""
    return InteractiveFigure(
        title="Where the market tips",
        plot=plot_tipping_map,
        alt=tipping_map_alt,
        caption="Each cell is one run of the illustrative model with all firms present from "
        "the start; bright cells are concentrated markets. The red mark on the colour bar is "
        "the 2023 'highly concentrated' level.",
        controls=[
            Control("n_firms", "Number of firms", 4, 2, 8, 1),
            Control("periods", "Periods simulated", 150, 20, 300, 10),
        ],
        fixed={"highly_concentrated": _highly_concentrated_2023()},
    )


# ---------------------------------------------------------------------------------------------
# TOP500: CPU-only share of systems and of performance
# ---------------------------------------------------------------------------------------------


def plot_top500(
    top500: pd.DataFrame,
    claimed_cpu_pct: tuple[float, float] | None = None,
    claim_years: tuple[int, int] = (2019, 2025),
) -> Figure:
    """CPU-only share of TOP500 systems and of TOP500 performance, with the source's claim."""
    shares = model.top500_shares(top500)
    years = np.arange(shares.index.min(), shares.index.max() + 1)
    full = shares.reindex(years)  # missing lists become gaps in the lines
    figure = new_figure(1, width=7.5, height=4.2)
    (axes,) = figure.axes
    axes.plot(
        full.index,
        full["cpu_only_systems_pct"],
        marker="o",
        ms=4,
        color=PALETTE["blue"],
        label="CPU-only, share of the 500 systems",
    )
    axes.plot(
        full.index,
        full["cpu_only_rmax_pct"],
        marker="s",
        ms=4,
        color=PALETTE["orange"],
        label="CPU-only, share of total performance (Rmax)",
    )
    if claimed_cpu_pct is not None:
        axes.plot(
            list(claim_years),
            list(claimed_cpu_pct),
            marker="D",
            ms=8,
            ls=":",
            color=PALETTE["black"],
            label="source article's claim",
        )
    axes.axvspan(2020.5, 2022.5, color=PALETTE["grey"], alpha=0.12, lw=0)
    axes.annotate(
        "lists not\ncomputed",
        xy=(2021.5, 4),
        ha="center",
        fontsize=8,
        color="#444444",
    )
    axes.set(
        xlabel="November list",
        ylabel="% CPU-only",
        ylim=(0, 100),
        title="How much of the TOP500 still runs on CPUs alone?",
    )
    axes.legend(fontsize=9, loc="lower left")
    return figure


def top500_alt(
    top500: pd.DataFrame,
    claimed_cpu_pct: tuple[float, float] | None = None,
    claim_years: tuple[int, int] = (2019, 2025),
) -> str:
    """Alt text for :func:`plot_top500`."""
    shares = model.top500_shares(top500)
    first, last = shares.index[0], shares.index[-1]
    claim = (
        f" Black diamonds mark the source article's claim: {claimed_cpu_pct[0]:g}% in about "
        f"{claim_years[0]} and {claimed_cpu_pct[1]:g}% in about {claim_years[1]}."
        if claimed_cpu_pct is not None
        else ""
    )
    return (
        f"Line chart of the TOP500 supercomputer lists from {first} to {last} (2021 and 2022 "
        "missing). The share of systems without an accelerator falls from "
        f"{shares.loc[first, 'cpu_only_systems_pct']:.0f}% to "
        f"{shares.loc[last, 'cpu_only_systems_pct']:.0f}%, while their share of total "
        f"performance falls from {shares.loc[first, 'cpu_only_rmax_pct']:.0f}% to "
        f"{shares.loc[last, 'cpu_only_rmax_pct']:.0f}%.{claim}"
    )


# ---------------------------------------------------------------------------------------------
# Frontier training compute
# ---------------------------------------------------------------------------------------------


def plot_frontier_compute(frontier: pd.DataFrame) -> Figure:
    """Largest training run per year on a log scale, with the fitted exponential trend."""
    fit = model.growth_per_year(frontier["year"], frontier["largest_training_compute_flop"])
    figure = new_figure(1, width=7.5, height=4.2)
    (axes,) = figure.axes
    axes.scatter(
        frontier["year"],
        frontier["largest_training_compute_flop"],
        color=PALETTE["blue"],
        zorder=3,
        label="largest model published that year",
    )
    years = np.array([frontier["year"].min(), frontier["year"].max()], dtype=float)
    axes.plot(
        years,
        10 ** (fit["intercept"] + fit["slope"] * years),
        color=PALETTE["orange"],
        ls="--",
        label=f"trend: × {fit['factor_per_year']:.1f} per year",
    )
    # label the first, the largest and one in between (GPT-3, if present)
    picks = [(0, (8, -6), "left"), (len(frontier) - 1, (-8, 0), "right")]
    middle = np.flatnonzero(frontier["model"].str.startswith("GPT-3").to_numpy())
    if middle.size:
        picks.append((int(middle[0]), (8, -14), "left"))
    for index, offset, align in picks:
        row = frontier.iloc[index]
        axes.annotate(
            f"{row.model}\n({row.organization})",
            xy=(row.year, row.largest_training_compute_flop),
            xytext=offset,
            textcoords="offset points",
            ha=align,
            va="center",
            fontsize=8,
        )
    log_scale(axes, "y")
    axes.set(
        xlabel="year",
        ylabel="training compute (FLOP, log scale)",
        title="The largest AI training runs, 2010–2025",
    )
    axes.legend(fontsize=9, loc="lower right")
    return figure


def frontier_compute_alt(frontier: pd.DataFrame) -> str:
    """Alt text for :func:`plot_frontier_compute`."""
    fit = model.growth_per_year(frontier["year"], frontier["largest_training_compute_flop"])
    first, last = frontier.iloc[0], frontier.iloc[-1]
    return (
        "Scatter plot on a logarithmic scale of the largest AI training run published each "
        f"year, from {first.model} ({first.year}, {first.largest_training_compute_flop:.1e} "
        f"FLOP) to {last.model} ({last.year}, {last.largest_training_compute_flop:.1e} FLOP). "
        f"A fitted trend line rises by a factor of {fit['factor_per_year']:.1f} per year, a "
        f"doubling every {fit['doubling_months']:.1f} months."
    )


# ---------------------------------------------------------------------------------------------
# Concentration of AI inputs
# ---------------------------------------------------------------------------------------------


def plot_hhi_ranges(markets: pd.DataFrame, thresholds: pd.DataFrame) -> Figure:
    """HHI of several markets (a range where only the largest shares are known) vs thresholds.

    ``markets`` has columns ``market``, ``hhi_low`` and ``hhi_high``.
    """
    figure = new_figure(1, width=7.5, height=4.2)
    (axes,) = figure.axes
    positions = np.arange(len(markets))[::-1]
    for position, row in zip(positions, markets.itertuples(), strict=True):
        width = max(row.hhi_high - row.hhi_low, 60.0)
        axes.barh(position, width, left=row.hhi_low, height=0.5, color=PALETTE["blue"], alpha=0.85)
        text = (
            f"{row.hhi_low:,.0f}"
            if row.hhi_high - row.hhi_low < 1
            else f"{row.hhi_low:,.0f}–{row.hhi_high:,.0f}"
        )
        inside = row.hhi_high > 8_000
        axes.text(
            (row.hhi_low - 150) if inside else (row.hhi_low + width + 150),
            position,
            text,
            va="center",
            ha="right" if inside else "left",
            fontsize=9,
        )
    styles = iter([":", "-.", "--", (0, (1, 3))])
    for row in thresholds[thresholds["hhi_above"] > 0].itertuples():
        axes.axvline(
            row.hhi_above,
            color=PALETTE["vermillion"] if row.guidelines == 2023 else PALETTE["grey"],
            ls=next(styles, "-"),
            lw=1.5,
            label=f"{row.guidelines}: {row.category} above {row.hhi_above:,.0f}",
        )
    axes.set_yticks(positions, list(markets["market"]), fontsize=9)
    axes.set(
        xlabel="Herfindahl–Hirschman index (0–10,000)",
        xlim=(0, 10_000),
        title="How concentrated are the inputs of AI?",
    )
    axes.grid(axis="y", visible=False)
    axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.4, -0.2), ncol=2)
    return figure


def hhi_ranges_alt(markets: pd.DataFrame, thresholds: pd.DataFrame) -> str:
    """Alt text for :func:`plot_hhi_ranges`."""
    items = []
    for row in markets.itertuples():
        value = (
            f"{row.hhi_low:,.0f}"
            if row.hhi_high - row.hhi_low < 1
            else f"between {row.hhi_low:,.0f} and {row.hhi_high:,.0f}"
        )
        items.append(f"{row.market}: {value}")
    lines = "; ".join(
        f"{row.guidelines} guidelines, {row.category} above {row.hhi_above:,.0f}"
        for row in thresholds[thresholds["hhi_above"] > 0].itertuples()
    )
    return (
        "Horizontal bar chart of Herfindahl–Hirschman indices. "
        + "; ".join(items)
        + f". Vertical lines mark the merger-guideline levels ({lines})."
    )


def plot_lorenz(groups: dict[str, pd.Series]) -> Figure:
    """Lorenz curves: the share of units (x) that holds each share of the total (y)."""
    figure = new_figure(1, width=6.5, height=4.2)
    (axes,) = figure.axes
    axes.plot([0, 100], [0, 100], color=PALETTE["grey"], lw=1, ls=":", label="perfect equality")
    colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["purple"]]
    for (name, values), colour in zip(groups.items(), colours, strict=False):
        x, y = model.lorenz_curve(values)
        axes.plot(
            100 * x,
            100 * y,
            marker="o",
            ms=3,
            color=colour,
            label=f"{name} (Gini {model.gini(values):.2f})",
        )
    axes.set(
        xlabel="% of units, from the smallest to the largest",
        ylabel="% of large models",
        xlim=(0, 100),
        ylim=(0, 100),
        title="Lorenz curves of the largest training runs",
    )
    axes.legend(fontsize=9, loc="upper left")
    return figure


def lorenz_alt(groups: dict[str, pd.Series]) -> str:
    """Alt text for :func:`plot_lorenz`."""
    parts = []
    for name, values in groups.items():
        x, y = model.lorenz_curve(values)
        parts.append(
            f"{name}: {len(values)} units, Gini {model.gini(values):.2f}; the smaller half of "
            f"the units hold {100 * np.interp(0.5, x, y):.0f}% of the models"
        )
    return "Lorenz curves against the line of perfect equality. " + "; ".join(parts) + "."


# ---------------------------------------------------------------------------------------------
# Compute arithmetic: a data-centre campus
# ---------------------------------------------------------------------------------------------

POWER_GRID = np.linspace(0.0, 2000.0, 81)
_PARENTHESES = re.compile(r"\s*\(.*?\)")


def _duration(days: float) -> str:
    """A duration in the largest sensible unit."""
    seconds = days * 86_400
    units = (("years", 365 * 86_400), ("days", 86_400), ("hours", 3600), ("minutes", 60))
    for unit, size in units:
        if seconds >= size:
            amount = seconds / size
            return f"{amount:,.1f} {unit}" if amount < 10 else f"{amount:,.0f} {unit}"
    return f"{seconds:.1f} seconds"


def plot_datacentre(
    power_mw: float = 500.0,
    kw_per_accelerator: float = 1.4,
    pue: float = 1.3,
    utilisation: float = 0.4,
    peak_flop_per_s: float = 1e15,
    runs: pd.DataFrame | None = None,
) -> Figure:
    """Left: accelerators a campus can power. Right: days to train record models on it.

    ``runs`` has columns ``label`` and ``flop``.
    """
    chips = float(model.accelerators_supported(power_mw, kw_per_accelerator, pue))
    energy = float(model.annual_energy_twh(power_mw))
    figure = new_figure(2, width=8.5, height=3.9)
    left, right = figure.axes
    left.plot(
        POWER_GRID,
        model.accelerators_supported(POWER_GRID, kw_per_accelerator, pue) / 1000,
        color=PALETTE["blue"],
        label="accelerators powered",
    )
    left.plot([power_mw], [chips / 1000], marker="o", ms=9, color=PALETTE["vermillion"])
    left.annotate(
        f"{power_mw:,.0f} MW: {chips / 1000:,.0f} thousand chips\n{energy:,.2f} TWh a year",
        xy=(power_mw, chips / 1000),
        xytext=(8, -4),
        textcoords="offset points",
        va="top",
        fontsize=9,
    )
    left.set(
        xlabel="campus power (MW)",
        ylabel="accelerators (thousands)",
        title="Chips a campus can run",
        xlim=(0, POWER_GRID[-1]),
        ylim=(0, None),
    )
    left.legend(fontsize=9, loc="upper left")

    if runs is None or runs.empty:
        runs = pd.DataFrame({"label": ["10²⁶ FLOP"], "flop": [1e26]})
    days = model.training_days(runs["flop"].to_numpy(), chips, peak_flop_per_s, utilisation)
    positions = np.arange(len(runs))[::-1]
    right.barh(positions, days, color=PALETTE["green"], height=0.6)
    for position, value in zip(positions, days, strict=True):
        right.text(value * 1.3, position, _duration(float(value)), va="center", fontsize=8)
    log_scale(right, "x")
    right.set_yticks(positions, list(runs["label"]), fontsize=8)
    right.set(
        xlabel="days on the whole campus (log scale)",
        title="Time to train record models",
        xlim=(min(1e-5, days.min() / 3), max(1e4, days.max() * 40)),
    )
    right.grid(axis="y", visible=False)
    return figure


def datacentre_alt(
    power_mw: float = 500.0,
    kw_per_accelerator: float = 1.4,
    pue: float = 1.3,
    utilisation: float = 0.4,
    peak_flop_per_s: float = 1e15,
    runs: pd.DataFrame | None = None,
) -> str:
    """Alt text for :func:`plot_datacentre`."""
    chips = float(model.accelerators_supported(power_mw, kw_per_accelerator, pue))
    energy = float(model.annual_energy_twh(power_mw))
    if runs is None or runs.empty:
        runs = pd.DataFrame({"label": ["10²⁶ FLOP"], "flop": [1e26]})
    days = model.training_days(runs["flop"].to_numpy(), chips, peak_flop_per_s, utilisation)
    timing = "; ".join(
        f"{label}: {_duration(float(value))}"
        for label, value in zip(runs["label"], days, strict=True)
    )
    return (
        f"Two charts for a data-centre campus of {power_mw:,.0f} MW, assuming "
        f"{kw_per_accelerator:g} kW per accelerator, a power usage effectiveness of {pue:g} "
        f"and {100 * utilisation:g}% utilisation. Left: the campus powers about "
        f"{chips:,.0f} accelerators and draws {energy:,.2f} TWh a year at full power. Right: "
        f"time to train each record model on the whole campus — {timing}."
    )


def frontier_runs(since: int = 2020) -> pd.DataFrame:
    """Record training runs from ``data/epoch_frontier_compute`` as ``label`` and ``flop``."""
    frontier = load("epoch_frontier_compute")
    rows = frontier[frontier["year"] >= since]
    return pd.DataFrame(
        {
            "label": [
                f"{_PARENTHESES.sub('', row.model)} ({row.year})" for row in rows.itertuples()
            ],
            "flop": rows["largest_training_compute_flop"].to_numpy(),
        }
    )


@register
def datacentre_explorer() -> InteractiveFigure:
    """Interactive: what a data-centre campus of a given size can do."""
    return InteractiveFigure(
        title="What a data-centre campus can do",
        plot=plot_datacentre,
        alt=datacentre_alt,
        caption="Arithmetic with labelled assumptions (not measurements): power per chip, "
        "power usage effectiveness and utilisation are assumed; record models from Epoch AI.",
        controls=[
            Control(
                "power_mw",
                "Campus power",
                _seed_value("planned AI data centre in the desert"),
                50.0,
                2000.0,
                50.0,
                unit="MW",
            ),
            Control(
                "kw_per_accelerator",
                "Power per accelerator (with its servers)",
                _assumption("kw_per_accelerator"),
                0.5,
                3.0,
                0.1,
                unit="kW",
            ),
            Control(
                "pue",
                "Power usage effectiveness",
                _assumption("pue"),
                1.0,
                2.0,
                0.05,
                help="Facility power ÷ IT power.",
            ),
            Control(
                "utilisation",
                "Utilisation during training",
                _assumption("utilisation"),
                0.1,
                0.8,
                0.05,
                unit="share of peak",
            ),
        ],
        fixed={"peak_flop_per_s": _assumption("peak_flop_per_s"), "runs": frontier_runs()},
    )
