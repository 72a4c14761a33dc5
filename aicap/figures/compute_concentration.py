"""Figures for the compute-concentration chapter: plot functions and interactive figures.

Every plot function draws both layouts (:mod:`aicap.style`): on a phone (``narrow``) legends
sit under their panel, labels are shorter and colour bars lie flat below a heat map.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import NullLocator
from matplotlib.transforms import offset_copy

from aicap.data import load
from aicap.i18n import N_, SOURCE_LANGUAGE, _, edition_language
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import compute_concentration as model
from aicap.style import CYCLE, PALETTE, current_layout, log_scale, new_figure

#: Colours of the incumbent firms (the entrant is drawn in black, dashed).
FIRM_COLOURS = [PALETTE[name] for name in CYCLE if name != "black"]


def _narrow() -> bool:
    return current_layout().name == "narrow"


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


def _firm_name(name: str) -> str:
    """A firm's name as the model writes it (``firm 1``, ``entrant``), in the edition's
    language."""
    if name == "entrant":
        return _("entrant")
    return _("firm {number}").format(number=name.removeprefix("firm "))


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _flop_text(value: float) -> str:
    """A training run's compute in words read aloud: ``3.8e+25`` in the English edition, as
    ``3.8×10²⁵`` in the others (whose number format then writes its decimal comma)."""
    text = f"{value:.1e}"
    if edition_language() == SOURCE_LANGUAGE:
        return text
    mantissa, exponent = text.split("e")
    return f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPTS)}"


def _firm_colour(name: str, index: int) -> str:
    return PALETTE["black"] if name == "entrant" else FIRM_COLOURS[index % len(FIRM_COLOURS)]


def _legend_below(axes, ncols: int = 1, lines: int = 1, fontsize: float = 9) -> None:
    """A legend under the panel, below its tick labels and its x-axis label (of ``lines``
    lines), so it never covers the data."""
    below = offset_copy(axes.transAxes, fig=axes.figure, y=-(24 + 15 * lines), units="points")
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=below,
        ncols=ncols,
        fontsize=fontsize,
        frameon=False,
        borderaxespad=0.0,
    )


def _legend_under_figure(axes, ncols: int = 1) -> None:
    """The legend of ``axes`` in the figure's bottom margin, under everything else (the
    figure's layout makes room for it)."""
    axes.figure.legend(
        *axes.get_legend_handles_labels(),
        loc="outside lower center",
        ncols=ncols,
        fontsize=9,
        frameon=False,
    )


def _ticks_inside(axes) -> None:
    """Keep only the tick marks inside the axes' limits (a label outside would stick out)."""
    for axis, (low, high) in ((axes.xaxis, axes.get_xlim()), (axes.yaxis, axes.get_ylim())):
        low, high = min(low, high), max(low, high)
        axis.set_ticks([t for t in axis.get_ticklocs() if low - 1e-9 <= t <= high + 1e-9])


# ---------------------------------------------------------------------------------------------
# The market that tips
# ---------------------------------------------------------------------------------------------


def _market(feedback, public_compute, entry_subsidy, n_firms, periods, entry_period, seed):
    return model.market_path(
        n_firms, feedback, public_compute, entry_subsidy, periods, entry_period, seed=seed
    )


def plot_market(
    feedback: float = 2.0,
    public_compute: float = 0.0,
    entry_subsidy: float = 0.0,
    n_firms: int = 4,
    periods: int = 80,
    entry_period: int | None = 20,
    highly_concentrated: float = 1800.0,
    seed: int = 0,
) -> Figure:
    """Top or left: each firm's market share over time. Bottom or right: the HHI over time."""
    path = _market(feedback, public_compute, entry_subsidy, n_firms, periods, entry_period, seed)
    figure = new_figure(2, width=7.0, height=4.6)
    left, right = figure.axes
    firms = [column for column in path.columns if column != "hhi"]
    for i, name in enumerate(firms):
        left.plot(
            path.index,
            100 * path[name],
            color=_firm_colour(name, i),
            ls="--" if name == "entrant" else "-",
            lw=1.8,
            label=_firm_name(name),
            clip_on=False,  # the entrant's line at 0% stays visible on the axis
            zorder=3 if name == "entrant" else 2,
        )
    if entry_period is not None:
        left.axvline(entry_period, color=PALETTE["grey"], lw=1, ls=":")
        left.text(
            entry_period + 1,
            50,
            _("entrant\narrives"),
            fontsize=9,
            color="#444444",
            va="center",
            bbox={"fc": "white", "ec": "none", "alpha": 0.85, "pad": 1.5},
            zorder=4,
        )
    left.set(
        xlabel=_("period"),
        ylabel=_("market share (%)"),
        title=_("Who serves the buyers"),
        xlim=(0, periods),
        ylim=(0, 100),
    )
    if _narrow():
        _legend_below(left, ncols=2, lines=1)
    else:  # under both panels, in the figure's own margin
        _legend_under_figure(left, ncols=4)

    # the HHI panel labels its lines directly: no legend to cover the curve or the axis label
    right.plot(path.index, path["hhi"], color=PALETTE["blue"])
    equal = 10_000 / n_firms
    right.axhline(highly_concentrated, color=PALETTE["vermillion"], ls="--", lw=1.2)
    right.axhline(equal, color=PALETTE["grey"], ls=":", lw=1.2)
    right.text(
        periods,
        highly_concentrated - 180,
        _("'highly concentrated' above {level}").format(level=f"{highly_concentrated:,.0f}"),
        ha="right",
        va="top",
        fontsize=9,
        color=PALETTE["vermillion"],
        bbox={"fc": "white", "ec": "none", "alpha": 0.85, "pad": 1.0},
    )
    right.text(
        periods,
        equal + 180,
        _("{count} equal firms: {hhi}").format(count=n_firms, hhi=f"{equal:,.0f}"),
        ha="right",
        va="bottom",
        fontsize=9,
        color="#444444",
        bbox={"fc": "white", "ec": "none", "alpha": 0.85, "pad": 1.0},
    )
    right.set(
        xlabel=_("period"),
        ylabel="HHI (0–10,000)",
        title=_("How concentrated it is"),
        xlim=(0, periods),
        ylim=(0, 10_500),
    )
    right.set_yticks([0, 2_500, 5_000, 7_500, 10_000], ["0", "2,500", "5,000", "7,500", "10,000"])
    return figure


def _market_words(path: pd.DataFrame, highly_concentrated: float) -> tuple[str, bool]:
    """The firm with the largest final share, and whether the final HHI is above the line."""
    final = path.iloc[-1]
    firms = [column for column in path.columns if column != "hhi"]
    largest = max(firms, key=lambda name: final[name])
    return largest, bool(final["hhi"] > highly_concentrated)


def market_alt(
    feedback: float = 2.0,
    public_compute: float = 0.0,
    entry_subsidy: float = 0.0,
    n_firms: int = 4,
    periods: int = 80,
    entry_period: int | None = 20,
    highly_concentrated: float = 1800.0,
    seed: int = 0,
) -> str:
    """Alt text for :func:`plot_market`, from the same simulation."""
    path = _market(feedback, public_compute, entry_subsidy, n_firms, periods, entry_period, seed)
    final = path.iloc[-1]
    firms = [column for column in path.columns if column != "hhi"]
    shares = ", ".join(f"{_firm_name(name)} {100 * final[name]:.0f}%" for name in firms)
    entry = (
        " "
        + _(
            "The last firm enters in period {period} with a subsidy worth {subsidy:g}% of the "
            "incumbents' data and compute."
        ).format(period=entry_period, subsidy=100 * entry_subsidy)
        if entry_period is not None
        else ""
    )
    _largest, above = _market_words(path, highly_concentrated)
    market = _(
        "Two line charts of a {periods}-period simulated market with {firms} firms, feedback "
        "strength {feedback:g} and public compute {public:g}% of the market's private stock."
    ).format(periods=periods, firms=n_firms, feedback=feedback, public=100 * public_compute)
    first = _("First chart: market shares over time; in the last period they are {shares}.").format(
        shares=shares
    )
    second = (
        _(
            "Second chart: the HHI goes from {start} to {end}, above the 'highly concentrated' "
            "line at {level}."
        )
        if above
        else _(
            "Second chart: the HHI goes from {start} to {end}, below the 'highly concentrated' "
            "line at {level}."
        )
    ).format(
        start=f"{path['hhi'].iloc[0]:,.0f}",
        end=f"{final['hhi']:,.0f}",
        level=f"{highly_concentrated:,.0f}",
    )
    return f"{market}{entry} {first} {second}"


def market_summary(
    feedback: float = 2.0,
    public_compute: float = 0.0,
    entry_subsidy: float = 0.0,
    n_firms: int = 4,
    periods: int = 80,
    entry_period: int | None = 20,
    highly_concentrated: float = 1800.0,
    seed: int = 0,
) -> str:
    """One sentence for the page to announce: who leads at the end, and the HHI."""
    path = _market(feedback, public_compute, entry_subsidy, n_firms, periods, entry_period, seed)
    final = path.iloc[-1]
    largest, above = _market_words(path, highly_concentrated)
    text = _("In period {period} the largest firm ({firm}) has {share:.0f}% of buyers").format(
        period=periods, firm=_firm_name(largest), share=100 * final[largest]
    )
    if "entrant" in path.columns:
        text += _("; the entrant has {share:.0f}%").format(share=100 * final["entrant"])
    hhi = (
        _("; the HHI is {hhi}, above {level}.")
        if above
        else _("; the HHI is {hhi}, below {level}.")
    )
    return text + hhi.format(hhi=f"{final['hhi']:,.0f}", level=f"{highly_concentrated:,.0f}")


@register
def market_tipping_explorer() -> InteractiveFigure:
    """Interactive: when does a market with a data/compute feedback loop tip to one firm?"""
    return InteractiveFigure(
        title=_("A market with a data and compute feedback loop"),
        plot=plot_market,
        alt=market_alt,
        summary=market_summary,
        caption=_(
            "Illustrative model (assumptions, not estimates): buyers choose by quality, "
            "quality grows with each firm's data and compute, and data come from buyers. Three "
            "incumbents start almost equal; the fourth firm is an entrant arriving in period 20."
        ),
        controls=[
            Control(
                "feedback",
                _("Feedback strength"),
                2.0,
                0.0,
                3.0,
                0.1,
                page=(0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0),
                help=_(
                    "How strongly quality rises with a firm's data and compute: at 2, a firm "
                    "with 10% more data is about 20% more attractive."
                ),
            ),
            Control(
                "public_compute",
                _("Public compute (% of private stock)"),
                0.0,
                0.0,
                0.5,
                0.01,
                unit="%",
                scale=100,
                page=(0.0, 0.1, 0.3, 0.5),
                help=_("Shared compute and data every firm can use."),
            ),
            Control(
                "entry_subsidy",
                _("Entry subsidy (% of incumbent stock)"),
                0.0,
                0.0,
                1.0,
                0.05,
                unit="%",
                scale=100,
                page=(0.0, 0.2, 0.4, 0.45, 1.0),
                help=_("Data and compute given to the entrant when it arrives."),
            ),
        ],
        fixed={
            "n_firms": 4,
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
#: Where the tipping map's market starts: nearly equal, or with one firm far ahead.
STARTS = {"even": None, "tipped": 0.97}


def tipping_grid(n_firms: int, periods: int, start: str) -> np.ndarray:
    """The map's values: HHI after ``periods`` periods for every cell (see the model)."""
    return model.final_hhi_grid(
        FEEDBACK_GRID, PUBLIC_GRID, n_firms, periods, leader_stock=STARTS[start]
    )


def lock_in_curve(n_firms: int) -> np.ndarray:
    """For each feedback strength of the map, the most public compute at which a tipped market
    can stay tipped (:func:`aicap.models.compute_concentration.lock_in_limit`)."""
    return np.array([model.lock_in_limit(n_firms, float(phi)) for phi in FEEDBACK_GRID])


def plot_tipping_map(
    n_firms: int = 4, periods: int = 150, start: str = "even", highly_concentrated: float = 1800.0
) -> Figure:
    """Heat map of the final HHI for every feedback strength and level of public compute."""
    narrow = _narrow()
    grid = tipping_grid(n_firms, periods, start)
    figure = new_figure(1, width=7.0, height=4.6)
    (axes,) = figure.axes
    axes.grid(False)
    image = axes.pcolormesh(
        FEEDBACK_GRID,
        100 * PUBLIC_GRID,
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
        100 * PUBLIC_GRID[inside],
        color=PALETTE["orange"],
        lw=2,
        ls="--",
        label=(
            _("threshold: 1 + {firms} × public compute")
            if narrow
            else _("threshold: feedback = 1 + {firms} × public compute")
        ).format(firms=n_firms),
    )
    if start == "tipped":
        limit = lock_in_curve(n_firms)
        tips = limit > 0
        axes.plot(
            FEEDBACK_GRID[tips],
            100 * np.minimum(limit[tips], PUBLIC_GRID[-1]),
            color="white",
            lw=2,
            ls=":",
            label=_("a tipped market stays tipped below")
            if narrow
            else _("a tipped market can stay tipped below this"),
        )
    if narrow:
        title = (
            _("{firms} firms, {periods} periods")
            if start == "even"
            else _("{firms} firms, {periods} periods, tipped")
        )
    else:
        title = (
            _("HHI after {periods} periods, {firms} firms")
            if start == "even"
            else _("HHI after {periods} periods, {firms} firms, one far ahead")
        )
    axes.set(
        xlabel=_("feedback strength"),
        ylabel=_("public compute (%)") if narrow else _("public compute (% of private stock)"),
        title=title.format(firms=n_firms, periods=periods),
        xlim=(FEEDBACK_GRID[0] - 0.05, FEEDBACK_GRID[-1] + 0.05),
        ylim=(0, 100 * PUBLIC_GRID[-1]),
    )
    axes.set_xticks([0, 1, 2, 3])
    if narrow:
        _legend_under_figure(axes, ncols=1)
        colorbar = figure.colorbar(image, ax=axes, location="bottom", shrink=0.9, aspect=30)
        colorbar.set_label(_("HHI (10,000 = one firm)"), fontsize=9)
        colorbar.set_ticks([0, 5_000, 10_000], labels=["0", "5,000", "10,000"])
        colorbar.ax.axvline(highly_concentrated, color=PALETTE["vermillion"], lw=2)
    else:
        axes.legend(loc="upper left", fontsize=9, frameon=True, facecolor="white", framealpha=0.9)
        colorbar = figure.colorbar(image, ax=axes)
        colorbar.set_label(_("HHI (10,000 = one firm)"))
        colorbar.ax.axhline(highly_concentrated, color=PALETTE["vermillion"], lw=2)
    return figure


def _smallest_public_for_equal(grid: np.ndarray, n_firms: int, column: int) -> float | None:
    """The least public compute of the map at which the market of one feedback column ends
    within 1% of equal shares (None if none does)."""
    equal = grid[:, column] <= 1.01 * 10_000 / n_firms
    return float(PUBLIC_GRID[np.argmax(equal)]) if equal.any() else None


def _map_reading(n_firms: int, periods: int, start: str) -> str:
    grid = tipping_grid(n_firms, periods, start)
    column = int(np.argmin(np.abs(FEEDBACK_GRID - 2.0)))
    needed = _smallest_public_for_equal(grid, n_firms, column)
    formula = (2.0 - 1.0) / n_firms  # where 1 + n P reaches a feedback strength of 2
    start_words = _("from an even start") if start == "even" else _("with one firm far ahead")
    if needed is None:
        return _(
            "At feedback strength 2, {start}, no public compute on the map brings the market "
            "back to equal shares within {periods} periods"
        ).format(start=start_words, periods=periods)
    return _(
        "At feedback strength 2, {start}, the market ends evenly shared from public compute of "
        "{needed:.1f}% of the private stock (the threshold formula gives {formula:.1f}%)"
    ).format(start=start_words, needed=100 * needed, formula=100 * formula)


def tipping_map_alt(
    n_firms: int = 4, periods: int = 150, start: str = "even", highly_concentrated: float = 1800.0
) -> str:
    """Alt text for :func:`plot_tipping_map`."""
    grid = tipping_grid(n_firms, periods, start)
    extra = (
        " "
        + _(
            "A dotted white line marks the most public compute at which a market that has "
            "already tipped can stay tipped; between it and the dashed line both outcomes are "
            "possible."
        )
        if start == "tipped"
        else ""
    )
    heat_map = _(
        "Heat map of the HHI after {periods} periods in a simulated market of {firms} firms "
        "that starts {start}, with feedback strength from 0 to {feedback:g} across and public "
        "compute from 0 to {public:g}% of the private stock up."
    ).format(
        periods=periods,
        firms=n_firms,
        start=_("almost evenly shared") if start == "even" else _("with one firm holding 97%"),
        feedback=FEEDBACK_GRID[-1],
        public=100 * PUBLIC_GRID[-1],
    )
    ranges = _("The HHI ranges from {low} to {high}.").format(
        low=f"{grid.min():,.0f}", high=f"{grid.max():,.0f}"
    )
    threshold = _(
        "A dashed line marks the tipping threshold, feedback = 1 + {firms} times public compute."
    ).format(firms=n_firms)
    return f"{heat_map} {ranges} {threshold} {_map_reading(n_firms, periods, start)}.{extra}"


def tipping_map_summary(
    n_firms: int = 4, periods: int = 150, start: str = "even", highly_concentrated: float = 1800.0
) -> str:
    """One sentence for the page to announce after a move."""
    return _map_reading(n_firms, periods, start) + "."


@register
def tipping_map_explorer() -> InteractiveFigure:
    """Interactive: the tipping threshold as the number of firms, the time span and the start
    change."""
    return InteractiveFigure(
        title=_("Where the market tips"),
        plot=plot_tipping_map,
        alt=tipping_map_alt,
        summary=tipping_map_summary,
        caption=_(
            "Each cell is one run of the illustrative model with all firms present from "
            "the start; bright cells are concentrated markets. The red mark on the colour bar "
            "is the 2023 'highly concentrated' level."
        ),
        controls=[
            Control("n_firms", _("Number of firms"), 4, 2, 8, 1, page=(2, 3, 4, 6, 8)),
            Control(
                "periods",
                _("Periods simulated"),
                150,
                20,
                300,
                10,
                unit=_("periods"),
                page=(20, 50, 150, 300),
            ),
            Control(
                "start",
                _("The market starts"),
                "even",
                options=(
                    (_("almost evenly shared"), "even"),
                    (_("with one firm far ahead"), "tipped"),
                ),
            ),
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
    top100_cpu_pct: tuple[tuple[int, float], ...] | None = None,
    cpu_only_at_most: tuple[int, float] | None = None,
) -> Figure:
    """CPU-only share of TOP500 systems and of TOP500 performance, with the claims to check.

    ``claimed_cpu_pct`` is the source article's pair of figures, drawn at ``claim_years``;
    ``top100_cpu_pct`` are NVIDIA's (year, percent) figures for the TOP100; ``cpu_only_at_most``
    is a (year, percent) upper bound for the whole TOP500 in a year whose list was not computed.
    """
    narrow = _narrow()
    shares = model.top500_shares(top500)
    years = np.arange(shares.index.min(), shares.index.max() + 1)
    full = shares.reindex(years)  # missing lists become gaps in the lines
    figure = new_figure(1, width=7.0, height=4.6 if not narrow else 5.0)
    (axes,) = figure.axes
    axes.plot(
        full.index,
        full["cpu_only_systems_pct"],
        marker="o",
        ms=4,
        color=PALETTE["blue"],
        label=_("TOP500, share of systems")
        if narrow
        else _("TOP500: CPU-only, share of the systems"),
    )
    axes.plot(
        full.index,
        full["cpu_only_rmax_pct"],
        marker="s",
        ms=4,
        color=PALETTE["orange"],
        label=_("TOP500, share of performance")
        if narrow
        else _("TOP500: CPU-only, share of total performance (Rmax)"),
    )
    if cpu_only_at_most is not None:
        axes.plot(
            [cpu_only_at_most[0]],
            [cpu_only_at_most[1]],
            marker="v",
            ms=9,
            ls="none",
            color=PALETTE["blue"],
            label=(
                _("TOP500, {year}: at most this")
                if narrow
                else _("TOP500 systems, {year}: at most this (from NVIDIA's count)")
            ).format(year=cpu_only_at_most[0]),
        )
    if top100_cpu_pct is not None:
        axes.plot(
            [year for year, _value in top100_cpu_pct],
            [value for _year, value in top100_cpu_pct],
            marker="^",
            ms=8,
            ls="--",
            lw=1,
            color=PALETTE["green"],
            label="TOP100 (NVIDIA)" if narrow else _("TOP100 systems, CPU-only (NVIDIA, SC25)"),
        )
    if claimed_cpu_pct is not None:
        axes.plot(
            list(claim_years),
            list(claimed_cpu_pct),
            marker="D",
            ms=8,
            ls=":",
            color=PALETTE["black"],
            label=_("the article's claim") if narrow else _("source article's claim"),
        )
    axes.axvspan(2020.5, 2022.5, color=PALETTE["grey"], alpha=0.12, lw=0)
    axes.text(2021.5, 4, _("not\ncomputed"), ha="center", fontsize=9, color="#444444")
    last_year = max([int(shares.index.max()), *claim_years])
    axes.set(
        xlabel=_("November list"),
        ylabel=_("% CPU-only"),
        xlim=(shares.index.min() - 0.5, last_year + 0.5),
        ylim=(0, 100),
        title=_("How much still runs on CPUs alone?")
        if narrow
        else _("How much of the TOP500 still runs on CPUs alone?"),
    )
    axes.set_xticks([2010, 2015, 2020, 2025] if narrow else list(range(2010, last_year + 1, 2)))
    if narrow:
        _legend_under_figure(axes, ncols=1)
    else:
        axes.legend(fontsize=9, loc="lower left")
    return figure


def top500_alt(
    top500: pd.DataFrame,
    claimed_cpu_pct: tuple[float, float] | None = None,
    claim_years: tuple[int, int] = (2019, 2025),
    top100_cpu_pct: tuple[tuple[int, float], ...] | None = None,
    cpu_only_at_most: tuple[int, float] | None = None,
) -> str:
    """Alt text for :func:`plot_top500`."""
    shares = model.top500_shares(top500)
    first, last = shares.index[0], shares.index[-1]
    extra = ""
    if cpu_only_at_most is not None:
        extra += " " + _(
            "For {year}, whose list was not computed, a triangle marks the most that can be "
            "CPU-only given NVIDIA's count: {share:.0f}% of the systems."
        ).format(year=cpu_only_at_most[0], share=cpu_only_at_most[1])
    if top100_cpu_pct is not None:
        points = f" {_('and')} ".join(
            _("{share:g}% in {year}").format(share=value, year=year)
            for year, value in top100_cpu_pct
        )
        extra += " " + _(
            "Green triangles show NVIDIA's figures for the TOP100 only: {points}."
        ).format(points=points)
    if claimed_cpu_pct is not None:
        extra += " " + _(
            "Black diamonds mark the source article's claim: {then:g}% in {then_year} and "
            "{now:g}% in {now_year}."
        ).format(
            then=claimed_cpu_pct[0],
            then_year=claim_years[0],
            now=claimed_cpu_pct[1],
            now_year=claim_years[1],
        )
    return (
        _(
            "Line chart of the TOP500 supercomputer lists from {first} to {last} (2021 and 2022 "
            "missing). The share of systems without an accelerator falls from "
            "{systems_first:.0f}% to {systems_last:.0f}%, while their share of total "
            "performance falls from {performance_first:.0f}% to {performance_last:.0f}%."
        ).format(
            first=first,
            last=last,
            systems_first=shares.loc[first, "cpu_only_systems_pct"],
            systems_last=shares.loc[last, "cpu_only_systems_pct"],
            performance_first=shares.loc[first, "cpu_only_rmax_pct"],
            performance_last=shares.loc[last, "cpu_only_rmax_pct"],
        )
        + extra
    )


# ---------------------------------------------------------------------------------------------
# Frontier training compute
# ---------------------------------------------------------------------------------------------


def plot_frontier_compute(frontier: pd.DataFrame) -> Figure:
    """Largest training run per year on a log scale, with the fitted exponential trend."""
    narrow = _narrow()
    fit = model.growth_per_year(frontier["year"], frontier["largest_training_compute_flop"])
    figure = new_figure(1, width=7.0, height=4.4)
    (axes,) = figure.axes
    axes.scatter(
        frontier["year"],
        frontier["largest_training_compute_flop"],
        color=PALETTE["blue"],
        zorder=3,
        label=_("largest model published that year"),
    )
    years = np.array([frontier["year"].min(), frontier["year"].max()], dtype=float)
    axes.plot(
        years,
        10 ** (fit["intercept"] + fit["slope"] * years),
        color=PALETTE["orange"],
        ls="--",
        label=_("trend: × {factor:.1f} per year").format(factor=fit["factor_per_year"]),
    )
    # label the first, the largest and one in between (GPT-3, if present)
    picks = [(0, (2, 12), "left"), (len(frontier) - 1, (-8, 0), "right")]
    middle = np.flatnonzero(frontier["model"].str.startswith("GPT-3").to_numpy())
    if middle.size:
        picks.append((int(middle[0]), (8, -14), "left"))
    for index, offset, align in picks:
        row = frontier.iloc[index]
        name = re.sub(r"\s*\(.*?\)", "", row.model) if narrow else row.model
        axes.annotate(
            name if narrow else f"{row.model}\n({row.organization})",
            xy=(row.year, row.largest_training_compute_flop),
            xytext=offset,
            textcoords="offset points",
            ha=align,
            va="center",
            fontsize=9,
        )
    log_scale(axes, "y")
    axes.set(
        xlabel=_("year"),
        ylabel=_("training compute (FLOP, log scale)"),
        title=_("The largest training run each year")
        if narrow
        else _("The largest AI training run published each year"),
    )
    if narrow:
        axes.set_xticks([2010, 2015, 2020, 2025])
        _legend_under_figure(axes, ncols=1)
    else:
        axes.legend(fontsize=9, loc="lower right")
    _ticks_inside(axes)
    return figure


def frontier_compute_alt(frontier: pd.DataFrame) -> str:
    """Alt text for :func:`plot_frontier_compute`."""
    fit = model.growth_per_year(frontier["year"], frontier["largest_training_compute_flop"])
    first, last = frontier.iloc[0], frontier.iloc[-1]
    return _(
        "Scatter plot on a logarithmic scale of the largest AI training run published each "
        "year, from {first_model} ({first_year}, {first_flop} FLOP) to {last_model} "
        "({last_year}, {last_flop} FLOP). A fitted trend line rises by a factor of "
        "{factor:.1f} per year, a doubling every {months:.1f} months."
    ).format(
        first_model=first.model,
        first_year=first.year,
        first_flop=_flop_text(first.largest_training_compute_flop),
        last_model=last.model,
        last_year=last.year,
        last_flop=_flop_text(last.largest_training_compute_flop),
        factor=fit["factor_per_year"],
        months=fit["doubling_months"],
    )


# ---------------------------------------------------------------------------------------------
# Concentration of AI inputs
# ---------------------------------------------------------------------------------------------


def plot_hhi_ranges(markets: pd.DataFrame, thresholds: pd.DataFrame) -> Figure:
    """HHI of markets (a range where only the largest shares are known) against the guideline
    levels, and of counts that are not markets, drawn in grey without those levels.

    ``markets`` has columns ``market``, ``short`` (the label on a phone), ``hhi_low``,
    ``hhi_high`` and ``is_market`` (False for a count that is not a market, such as models per
    country: the guideline levels are not drawn across it).
    """
    narrow = _narrow()
    figure = new_figure(1, width=7.0, height=4.8 if not narrow else 5.2)
    (axes,) = figure.axes
    count = len(markets)
    positions = np.arange(count)[::-1]
    for position, row in zip(positions, markets.itertuples(), strict=True):
        width = max(row.hhi_high - row.hhi_low, 60.0)
        colour = PALETTE["blue"] if row.is_market else PALETTE["grey"]
        axes.barh(position, width, left=row.hhi_low, height=0.5, color=colour, alpha=0.85)
        text = (
            f"{row.hhi_low:,.0f}"
            if row.hhi_high - row.hhi_low < 1
            else f"{row.hhi_low:,.0f}–{row.hhi_high:,.0f}"
        )
        before = row.hhi_low + width > 7_000  # no room on the right: write it on the left
        axes.text(
            (row.hhi_low - 150) if before else (row.hhi_low + width + 150),
            position,
            text,
            va="center",
            ha="right" if before else "left",
            fontsize=9,
        )
    is_market = markets["is_market"].to_numpy(dtype=bool)
    rows = positions[is_market]
    top = count - 0.5
    bottom = float(rows.min()) - 0.5 if rows.size else top
    styles = iter([":", "-.", "--", (0, (1, 3))])
    for row in thresholds[thresholds["hhi_above"] > 0].itertuples():
        axes.vlines(
            row.hhi_above,
            bottom,
            top,
            color=PALETTE["vermillion"] if row.guidelines == 2023 else PALETTE["grey"],
            linestyles=next(styles, "-"),
            lw=1.5,
            label=_("{year}: {category} above {level}").format(
                year=row.guidelines, category=_(row.category), level=f"{row.hhi_above:,.0f}"
            ),
        )
    if not is_market.all():
        axes.axhline(bottom, color="#333333", lw=0.8)
        axes.barh(
            [np.nan],
            [0],
            color=PALETTE["grey"],
            label=_("grey: counts of models, not markets"),
        )
    labels = markets["short"] if narrow else markets["market"]
    axes.set_yticks(positions, [_(label) for label in labels], fontsize=9)
    axes.set_ylim(-0.6, count - 0.4)
    axes.set(
        xlabel="HHI (0–10,000)",
        xlim=(0, 10_000),
        title=_("HHI of AI's inputs") if narrow else _("How concentrated are the inputs of AI?"),
    )
    ticks = [0, 5_000, 10_000] if narrow else [0, 2_500, 5_000, 7_500, 10_000]
    axes.set_xticks(ticks, [f"{tick:,}" for tick in ticks])
    axes.grid(axis="y", visible=False)
    _legend_under_figure(axes, ncols=1 if narrow else 2)
    return figure


def hhi_ranges_alt(markets: pd.DataFrame, thresholds: pd.DataFrame) -> str:
    """Alt text for :func:`plot_hhi_ranges`."""
    items = []
    for row in markets.itertuples():
        value = (
            f"{row.hhi_low:,.0f}"
            if row.hhi_high - row.hhi_low < 1
            else _("between {low} and {high}").format(
                low=f"{row.hhi_low:,.0f}", high=f"{row.hhi_high:,.0f}"
            )
        )
        not_market = "" if row.is_market else " " + _("(not a market)")
        items.append(f"{_(row.market)}: {value}{not_market}")
    lines = "; ".join(
        _("{year} guidelines, {category} above {level}").format(
            year=row.guidelines, category=_(row.category), level=f"{row.hhi_above:,.0f}"
        )
        for row in thresholds[thresholds["hhi_above"] > 0].itertuples()
    )
    return (
        _("Horizontal bar chart of Herfindahl–Hirschman indices.")
        + " "
        + "; ".join(items)
        + ". "
        + _(
            "Vertical lines across the markets only mark the US merger-guideline levels ({lines})."
        ).format(lines=lines)
    )


def plot_lorenz(groups: dict[str, pd.Series]) -> Figure:
    """Lorenz curves: the share of units (x) that holds each share of the total (y)."""
    figure = new_figure(1, width=6.5, height=4.4)
    (axes,) = figure.axes
    axes.plot([0, 100], [0, 100], color=PALETTE["grey"], lw=1, ls=":", label=_("perfect equality"))
    colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["purple"]]
    for (name, values), colour in zip(groups.items(), colours, strict=False):
        x, y = model.lorenz_curve(values)
        axes.plot(
            100 * x,
            100 * y,
            marker="o",
            ms=3,
            color=colour,
            label=f"{_(name)} (Gini {model.gini(values):.2f})",
        )
    axes.set(
        xlabel=_("% of units, smallest first"),
        ylabel=_("% of large models"),
        xlim=(0, 100),
        ylim=(0, 100),
        title=_("Lorenz curves of the largest training runs"),
    )
    axes.legend(fontsize=9, loc="upper left")
    return figure


def lorenz_alt(groups: dict[str, pd.Series]) -> str:
    """Alt text for :func:`plot_lorenz`."""
    parts = []
    for name, values in groups.items():
        x, y = model.lorenz_curve(values)
        parts.append(
            _(
                "{group}: {count} units, Gini {gini:.2f}; the smaller half of the units hold "
                "{share:.0f}% of the models"
            ).format(
                group=_(name),
                count=len(values),
                gini=model.gini(values),
                share=100 * np.interp(0.5, x, y),
            )
        )
    return _("Lorenz curves against the line of perfect equality.") + " " + "; ".join(parts) + "."


# ---------------------------------------------------------------------------------------------
# Compute arithmetic: a data-centre campus
# ---------------------------------------------------------------------------------------------

POWER_GRID = np.linspace(0.0, 2000.0, 81)
_PARENTHESES = re.compile(r"\s*\(.*?\)")
#: Marks on the days axis a reader knows (days).
DURATION_TICKS = {
    N_("1 hour"): 1 / 24,
    N_("1 day"): 1.0,
    N_("1 month"): 30.0,
    N_("1 year"): 365.0,
}
#: The units of :func:`_duration`, largest first, with their length in seconds.
DURATION_UNITS = (
    (N_("{amount} years"), 365 * 86_400),
    (N_("{amount} days"), 86_400),
    (N_("{amount} hours"), 3600),
    (N_("{amount} minutes"), 60),
)


def _duration(days: float) -> str:
    """A duration in the largest sensible unit."""
    seconds = days * 86_400
    for unit, size in DURATION_UNITS:
        if seconds >= size:
            amount = seconds / size
            return _(unit).format(amount=f"{amount:,.1f}" if amount < 10 else f"{amount:,.0f}")
    return _("{amount} seconds").format(amount=f"{seconds:.1f}")


def _campus(power_mw, kw_per_accelerator, pue, utilisation, peak_flop_per_s, runs):
    chips = float(model.accelerators_supported(power_mw, kw_per_accelerator, pue))
    energy = float(model.annual_energy_twh(power_mw))
    if runs is None or runs.empty:
        runs = pd.DataFrame({"label": ["10²⁶ FLOP"], "flop": [1e26]})
    days = model.training_days(runs["flop"].to_numpy(), chips, peak_flop_per_s, utilisation)
    return chips, energy, runs, days


def plot_datacentre(
    power_mw: float = 500.0,
    kw_per_accelerator: float = 1.4,
    pue: float = 1.3,
    utilisation: float = 0.4,
    peak_flop_per_s: float = 1e15,
    runs: pd.DataFrame | None = None,
) -> Figure:
    """Top or left: accelerators a campus can power. Bottom or right: days to train record
    models on it.

    ``runs`` has columns ``label`` and ``flop``.
    """
    chips, energy, runs, days = _campus(
        power_mw, kw_per_accelerator, pue, utilisation, peak_flop_per_s, runs
    )
    figure = new_figure(2, width=7.0, height=4.0)
    left, right = figure.axes
    left.plot(
        POWER_GRID,
        model.accelerators_supported(POWER_GRID, kw_per_accelerator, pue) / 1000,
        color=PALETTE["blue"],
    )
    left.plot([power_mw], [chips / 1000], marker="o", ms=9, color=PALETTE["vermillion"])
    narrow = _narrow()
    left.text(
        0.04,
        0.96,
        _("{power} MW:{gap}{chips} thousand chips,\n{energy} TWh a year").format(
            power=f"{power_mw:,.0f}",
            gap="\n" if narrow else " ",
            chips=f"{chips / 1000:,.0f}",
            energy=f"{energy:,.2f}",
        ),
        transform=left.transAxes,
        va="top",
        fontsize=9,
    )
    left.set(
        xlabel=_("campus power (MW)"),
        ylabel=_("chips (thousands)"),
        title=_("Chips a campus can run"),
        xlim=(0, POWER_GRID[-1]),
        ylim=(
            0,
            1.3
            * float(model.accelerators_supported(POWER_GRID[-1], kw_per_accelerator, pue))
            / 1000,
        ),
    )
    left.set_xticks([0, 1000, 2000] if narrow else [0, 500, 1000, 1500, 2000])
    _ticks_inside(left)

    positions = np.arange(len(runs))[::-1]
    right.barh(positions, days, color=PALETTE["green"], height=0.6)
    for position, value in zip(positions, days, strict=True):
        long = value > 300  # a long bar carries its own label, inside
        right.text(
            value / 1.3 if long else value * 1.3,
            position,
            _duration(float(value)),
            va="center",
            ha="right" if long else "left",
            fontsize=9,
            color="white" if long else "#222222",
        )
    log_scale(right, "x")
    labels = runs["short"] if "short" in runs else runs["label"]
    right.set_yticks(positions, list(labels), fontsize=9)
    right.set(
        xlabel=_("time on the whole campus"),
        title=_("Time to train record runs"),
        xlim=(1e-3, 1e4),
    )
    ticks = {k: v for k, v in DURATION_TICKS.items() if k != "1 month"}
    if narrow:
        ticks.pop("1 hour")
    right.set_xticks(list(ticks.values()), [_(tick) for tick in ticks])
    right.xaxis.set_minor_locator(NullLocator())
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
    chips, energy, runs, days = _campus(
        power_mw, kw_per_accelerator, pue, utilisation, peak_flop_per_s, runs
    )
    timing = "; ".join(
        f"{label}: {_duration(float(value))}"
        for label, value in zip(runs["label"], days, strict=True)
    )
    return _(
        "Two charts for a data-centre campus of {power} MW, assuming {kw:g} kW per "
        "accelerator, a power usage effectiveness of {pue:g} and {utilisation:g}% utilisation. "
        "First chart: the campus powers about {chips} accelerators and draws {energy} TWh a "
        "year at full power. Second chart: time to train each record model on the whole "
        "campus — {timing}."
    ).format(
        power=f"{power_mw:,.0f}",
        kw=kw_per_accelerator,
        pue=pue,
        utilisation=100 * utilisation,
        chips=f"{chips:,.0f}",
        energy=f"{energy:,.2f}",
        timing=timing,
    )


def datacentre_summary(
    power_mw: float = 500.0,
    kw_per_accelerator: float = 1.4,
    pue: float = 1.3,
    utilisation: float = 0.4,
    peak_flop_per_s: float = 1e15,
    runs: pd.DataFrame | None = None,
) -> str:
    """One sentence for the page to announce: chips, and the time for the largest run."""
    chips, _energy, runs, days = _campus(
        power_mw, kw_per_accelerator, pue, utilisation, peak_flop_per_s, runs
    )
    return _("{chips} thousand chips; the largest run ({run}) takes {duration}.").format(
        chips=f"{chips / 1000:,.0f}",
        run=runs["label"].iloc[-1],
        duration=_duration(float(days[-1])),
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
            "short": [f"{row.model.split()[0]} {row.year}" for row in rows.itertuples()],
            "flop": rows["largest_training_compute_flop"].to_numpy(),
        }
    )


@register
def datacentre_explorer() -> InteractiveFigure:
    """Interactive: what a data-centre campus of a given size can do."""
    return InteractiveFigure(
        title=_("What a data-centre campus can do"),
        plot=plot_datacentre,
        alt=datacentre_alt,
        summary=datacentre_summary,
        caption=_(
            "Arithmetic with labelled assumptions (not measurements): power per chip, "
            "power usage effectiveness and utilisation are assumed; record models from Epoch AI."
        ),
        controls=[
            Control(
                "power_mw",
                _("Campus power"),
                _seed_value("planned AI data centre in the desert"),
                50.0,
                2000.0,
                50.0,
                unit="MW",
                page=(50.0, 500.0, 2000.0),
            ),
            Control(
                "kw_per_accelerator",
                _("Power per chip (with its servers)"),
                _assumption("kw_per_accelerator"),
                0.5,
                3.0,
                0.1,
                unit="kW",
                page=(0.5, 1.4, 3.0),
            ),
            Control(
                "pue",
                _("Power usage effectiveness"),
                _assumption("pue"),
                1.0,
                2.0,
                0.05,
                page=(1.0, 1.1, 1.3, 1.5, 2.0),
                help=_("Facility power ÷ IT power."),
            ),
            Control(
                "utilisation",
                _("Utilisation during training"),
                _assumption("utilisation"),
                0.1,
                0.8,
                0.05,
                unit="%",
                scale=100,
                page=(0.1, 0.4, 0.8),
                help=_("Share of the chips' peak speed a training run achieves."),
            ),
        ],
        fixed={"peak_flop_per_s": _assumption("peak_flop_per_s"), "runs": frontier_runs()},
    )
