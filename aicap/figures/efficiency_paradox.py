"""Figures for the efficiency-paradox chapter: plot functions and interactive figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import efficiency_paradox as model
from aicap.style import PALETTE, log_scale, new_figure

#: Elasticities on the horizontal axis of the rebound figure.
ELASTICITY_GRID = np.round(np.linspace(0.0, 3.0, 121), 4)
#: Pass-through shares on the horizontal axis of the income figure.
PASS_THROUGH_GRID = np.round(np.linspace(0.0, 1.0, 101), 4)
#: The bars of the rebound figure: model quantity and label.
REBOUND_BARS = {
    "price": "price\nper task",
    "time_per_task": "time\nper task",
    "output": "output",
    "hours": "hours\nworked",
}


def _fmt(value: float) -> str:
    """A number for labels: no trailing zeros, two decimals at most."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _ratio(value: float) -> str:
    """An after/before ratio for labels: ×20, ×1.64, ×0.0042."""
    if value >= 10:
        return f"×{value:.0f}"
    if value >= 0.1:
        return f"×{value:.2f}"
    return f"×{value:.2g}"


# ---------------------------------------------------------------------------------------------
# Widget 1: gain x elasticity -> hours
# ---------------------------------------------------------------------------------------------


def plot_rebound(gain: float = 0.5, pass_through: float = 1.0, elasticity: float = 1.5) -> Figure:
    """Left: hours worked after the gain for every elasticity. Right: the chosen case as bars."""
    curve = model.rebound_outcomes(gain, pass_through, ELASTICITY_GRID)
    point = model.rebound_outcomes(gain, pass_through, elasticity)
    threshold = float(model.break_even_elasticity(gain, pass_through))
    figure = new_figure(2, width=8.5, height=3.9)
    left, right = figure.axes

    hours = 100 * curve["hours"]
    left.axhline(100, color=PALETTE["grey"], lw=1, ls=":", label="hours before the gain")
    left.plot(ELASTICITY_GRID, hours, color=PALETTE["blue"], label="hours after the gain")
    if np.isfinite(threshold) and threshold <= ELASTICITY_GRID[-1]:
        left.axvline(
            threshold,
            color=PALETTE["orange"],
            ls="--",
            lw=1.6,
            label=f"break-even elasticity {threshold:.2f}",
        )
    else:
        note = (
            f"break-even elasticity {threshold:.1f}:\noff the chart"
            if np.isfinite(threshold)
            else "no break-even:\nthe price does not fall"
        )
        left.text(0.97, 0.95, note, transform=left.transAxes, ha="right", va="top", fontsize=9)
    left.plot(
        [elasticity],
        [100 * float(point["hours"])],
        marker="o",
        ms=8,
        color=PALETTE["black"],
        ls="none",
        label="your setting",
    )
    top = max(150.0, 1.08 * hours.max())
    left.set(
        xlabel="price elasticity of demand",
        ylabel="hours worked (before = 100)",
        title="More efficient, more work?",
        xlim=(0, ELASTICITY_GRID[-1]),
        ylim=(0, min(top, 400.0)),
    )
    left.legend(loc="upper left", fontsize=8.5)

    values = [100 * float(point[name]) for name in REBOUND_BARS]
    colours = [PALETTE["sky"], PALETTE["green"], PALETTE["orange"], PALETTE["blue"]]
    positions = np.arange(len(values))
    right.bar(positions, values, color=colours, width=0.65)
    right.axhline(100, color=PALETTE["grey"], lw=1, ls=":")
    for position, value in zip(positions, values, strict=True):
        right.text(position, value, f"{value:.0f}", ha="center", va="bottom", fontsize=9)
    right.set_xticks(positions, list(REBOUND_BARS.values()), fontsize=9)
    right.set(
        ylabel="index (before = 100)",
        title=f"Gain {100 * gain:.0f}%, pass-through {100 * pass_through:.0f}%, "
        f"elasticity {_fmt(elasticity)}",
        ylim=(0, 1.18 * max(values + [100.0])),
    )
    right.title.set_fontsize(10)
    right.grid(axis="x", visible=False)
    return figure


def rebound_alt(gain: float = 0.5, pass_through: float = 1.0, elasticity: float = 1.5) -> str:
    """Alt text for :func:`plot_rebound`, with the numbers a reader would read off it."""
    point = model.rebound_outcomes(gain, pass_through, elasticity)
    threshold = float(model.break_even_elasticity(gain, pass_through))
    low = 100 * float(model.rebound_outcomes(gain, pass_through, 0.0)["hours"])
    high = 100 * float(model.rebound_outcomes(gain, pass_through, ELASTICITY_GRID[-1])["hours"])
    if np.isfinite(threshold):
        where = (
            f"Hours rise above their old level only when the elasticity exceeds {threshold:.2f}."
        )
    else:
        where = "With no pass-through the price does not fall, so no elasticity raises hours."
    return (
        f"Two charts of the rebound model for a productivity gain of {100 * gain:.0f}% and "
        f"pass-through of {100 * pass_through:.0f}%. Left: a line of hours worked (before = 100) "
        f"against the price elasticity of demand from 0 to {ELASTICITY_GRID[-1]:g}, rising from "
        f"{low:.0f} to {high:.0f}. {where} Right: at an elasticity of {_fmt(elasticity)}, the "
        f"price per task is {100 * float(point['price']):.0f}, time per task "
        f"{100 * float(point['time_per_task']):.0f}, output {100 * float(point['output']):.0f} "
        f"and hours worked {100 * float(point['hours']):.0f}."
    )


@register
def rebound_explorer() -> InteractiveFigure:
    """Interactive: when does a productivity gain mean more hours of work?"""
    return InteractiveFigure(
        title="The rebound: efficiency, prices and hours",
        plot=plot_rebound,
        alt=rebound_alt,
        caption="Illustrative model (assumptions, not estimates): a productivity gain cuts the "
        "time per task, part of the saving lowers the price, and demand responds.",
        controls=[
            Control(
                "gain",
                "Productivity gain (more tasks per hour)",
                0.5,
                0.0,
                3.0,
                0.05,
                unit="share",
                help="0.5 means 50% more tasks an hour.",
            ),
            Control(
                "pass_through",
                "Share of the cost cut passed into the price",
                1.0,
                0.0,
                1.0,
                0.05,
                unit="share",
            ),
            Control(
                "elasticity",
                "Price elasticity of demand",
                1.5,
                0.0,
                3.0,
                0.05,
                help="How strongly the quantity demanded responds to the price.",
            ),
        ],
    )


# ---------------------------------------------------------------------------------------------
# Widget 2: who captures the gain -> workers' and owners' income
# ---------------------------------------------------------------------------------------------


def plot_income_split(
    gain: float = 0.5,
    pass_through: float = 0.5,
    elasticity: float = 0.8,
    labour_share: float = 0.6,
) -> Figure:
    """Left: incomes against pass-through. Right: revenue split before and after the gain."""
    curve = model.rebound_outcomes(gain, PASS_THROUGH_GRID, elasticity, labour_share)
    point = model.rebound_outcomes(gain, pass_through, elasticity, labour_share)
    figure = new_figure(2, width=8.5, height=3.9)
    left, right = figure.axes

    left.axhline(100, color=PALETTE["grey"], lw=1, ls=":")
    left.plot(
        PASS_THROUGH_GRID,
        100 * curve["workers_income_index"],
        color=PALETTE["blue"],
        label="workers' income",
    )
    left.plot(
        PASS_THROUGH_GRID,
        100 * curve["owners_income_index"],
        color=PALETTE["vermillion"],
        label="owners' income",
    )
    left.plot(
        [pass_through, pass_through],
        [100 * float(point["workers_income_index"]), 100 * float(point["owners_income_index"])],
        marker="o",
        ms=7,
        color=PALETTE["black"],
        ls="none",
        label="your setting",
    )
    left.set(
        xlabel="share of the cost cut passed into the price",
        ylabel="income (each before = 100)",
        title="Who gains from the productivity gain?",
        xlim=(0, 1),
    )
    left.set_ylim(bottom=0)
    left.legend(loc="best", fontsize=8.5)

    workers = [100 * labour_share, 100 * float(point["workers_income"])]
    owners = [100 * (1 - labour_share), 100 * float(point["owners_income"])]
    positions = np.arange(2)
    right.bar(positions, workers, width=0.55, color=PALETTE["blue"], label="workers (wages)")
    right.bar(
        positions,
        owners,
        width=0.55,
        bottom=workers,
        color=PALETTE["vermillion"],
        label="owners (profit)",
    )
    top = 1.3 * max(100.0, workers[1] + owners[1])
    for position, low, high in zip(positions, workers, owners, strict=True):
        if low > 0.06 * top:  # label a segment only where the number fits inside it
            right.text(position, low / 2, f"{low:.0f}", ha="center", va="center", color="white")
        if high > 0.06 * top:
            right.text(position, low + high / 2, f"{high:.0f}", ha="center", va="center")
    right.set_xticks(positions, ["before", "after"])
    right.set(ylabel="revenue (before = 100)", title="Revenue and how it is split", ylim=(0, top))
    right.grid(axis="x", visible=False)
    right.legend(loc="upper center", fontsize=8.5, ncols=2)
    return figure


def income_split_alt(
    gain: float = 0.5,
    pass_through: float = 0.5,
    elasticity: float = 0.8,
    labour_share: float = 0.6,
) -> str:
    """Alt text for :func:`plot_income_split`."""
    point = model.rebound_outcomes(gain, pass_through, elasticity, labour_share)
    ends = model.rebound_outcomes(gain, np.array([0.0, 1.0]), elasticity, labour_share)
    workers, owners = ends["workers_income_index"], ends["owners_income_index"]
    return (
        f"Two charts for a productivity gain of {100 * gain:.0f}%, an elasticity of demand of "
        f"{_fmt(elasticity)} and wages equal to {100 * labour_share:.0f}% of revenue before the "
        "gain. Left: lines of workers' and owners' income (each before = 100) against the share "
        f"of the cost cut passed into the price. From no pass-through to full pass-through, "
        f"workers' income goes from {100 * workers[0]:.0f} to {100 * workers[1]:.0f} and owners' "
        f"income from {100 * owners[0]:.0f} to {100 * owners[1]:.0f}. Right: stacked bars of "
        f"revenue before (100) and after ({100 * float(point['revenue']):.0f}) at "
        f"{100 * pass_through:.0f}% pass-through: wages {100 * labour_share:.0f} then "
        f"{100 * float(point['workers_income']):.0f}, profit {100 * (1 - labour_share):.0f} "
        f"then {100 * float(point['owners_income']):.0f}."
    )


@register
def income_split_explorer() -> InteractiveFigure:
    """Interactive: how the pass-through and the elasticity split the gain."""
    return InteractiveFigure(
        title="Who captures the gain: workers, owners or customers",
        plot=plot_income_split,
        alt=income_split_alt,
        caption="Illustrative model (assumptions, not estimates): the hourly wage is fixed, so "
        "workers' income follows hours; owners keep revenue minus wages.",
        controls=[
            Control(
                "gain",
                "Productivity gain (more tasks per hour)",
                0.5,
                0.0,
                3.0,
                0.05,
                unit="share",
            ),
            Control(
                "pass_through",
                "Share of the cost cut passed into the price",
                0.5,
                0.0,
                1.0,
                0.05,
                unit="share",
            ),
            Control("elasticity", "Price elasticity of demand", 0.8, 0.0, 3.0, 0.05),
            Control(
                "labour_share",
                "Wages as a share of revenue before the gain",
                0.6,
                0.1,
                0.9,
                0.05,
                unit="share",
            ),
        ],
    )


# ---------------------------------------------------------------------------------------------
# The two professions and the break-even elasticity
# ---------------------------------------------------------------------------------------------

PROFESSION_BARS = {
    "price": "price",
    "output": "output",
    "hours": "hours",
    "workers_income_index": "workers'\nincome",
    "owners_income_index": "owners'\nincome",
}


def profession_outcomes(presets: pd.DataFrame) -> pd.DataFrame:
    """Each preset's outcomes (before = 1), one row per profession, columns of PROFESSION_BARS."""
    rows = {}
    for profession in dict.fromkeys(presets["profession"]):
        params = model.preset_parameters(presets, profession)
        result = model.rebound_outcomes(**params)
        rows[profession] = {name: float(result[name]) for name in PROFESSION_BARS}
    return pd.DataFrame.from_dict(rows, orient="index")


def plot_professions(presets: pd.DataFrame) -> Figure:
    """Bars up or down from 'before' on a log scale: the radiologist and the designer."""
    outcomes = profession_outcomes(presets)
    figure = new_figure(1, width=7.5, height=4.2)
    (axes,) = figure.axes
    colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"]]
    width = 0.8 / len(outcomes)
    positions = np.arange(len(PROFESSION_BARS))
    for i, (profession, row) in enumerate(outcomes.iterrows()):
        offset = positions + (i - (len(outcomes) - 1) / 2) * width
        values = row.to_numpy(dtype=float)
        axes.bar(
            offset,
            values - 1.0,
            bottom=1.0,
            width=width,
            color=colours[i % len(colours)],
            label=profession,
        )
        for x, value in zip(offset, values, strict=True):
            axes.text(
                x,
                value * (1.15 if value >= 1 else 0.87),
                _ratio(value),
                ha="center",
                va="bottom" if value >= 1 else "top",
                fontsize=8.5,
            )
    axes.axhline(1.0, color="#333333", lw=1)
    log_scale(axes, "y")
    low = min(0.5, outcomes.to_numpy().min() / 2.5)
    high = max(2.0, outcomes.to_numpy().max() * 2.5)
    axes.set_ylim(low, high)
    axes.set_xticks(positions, list(PROFESSION_BARS.values()))
    axes.set(
        ylabel="after ÷ before (log scale)",
        title="Two professions in the rebound model (assumed parameters)",
    )
    axes.grid(axis="x", visible=False)
    axes.legend(loc="upper left", fontsize=9)
    return figure


def professions_alt(presets: pd.DataFrame) -> str:
    """Alt text for :func:`plot_professions`."""
    outcomes = profession_outcomes(presets)
    parts = []
    for profession, row in outcomes.iterrows():
        params = model.preset_parameters(presets, profession)
        values = ", ".join(
            f"{label.replace(chr(10), ' ')} {_ratio(row[name])}"
            for name, label in PROFESSION_BARS.items()
        )
        parts.append(
            f"{profession} (gain {params['gain']:g}, pass-through {params['pass_through']:g}, "
            f"elasticity {params['elasticity']:g}): {values}"
        )
    return (
        "Bar chart on a log scale of what the rebound model predicts for two professions, as "
        "after divided by before; bars go up for rises and down for falls. "
        + "; ".join(parts)
        + "."
    )


def plot_break_even(gains: dict[str, float]) -> Figure:
    """Break-even elasticity against pass-through, one line per named gain (log scale)."""
    shares = np.round(np.linspace(0.1, 1.0, 91), 4)
    figure = new_figure(1, width=7.0, height=4.0)
    (axes,) = figure.axes
    colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["purple"]]
    for i, (label, gain) in enumerate(gains.items()):
        axes.plot(
            shares,
            model.break_even_elasticity(gain, shares),
            color=colours[i % len(colours)],
            label=label,
        )
    axes.plot(shares, 1 / shares, color=PALETTE["grey"], ls=":", lw=1.5, label="1 ÷ pass-through")
    log_scale(axes, "y")
    axes.set(
        xlabel="share of the cost cut passed into the price",
        ylabel="break-even elasticity (log scale)",
        title="How responsive must demand be for hours to rise?",
        xlim=(0.1, 1.0),
    )
    axes.legend(fontsize=9)
    return figure


def break_even_alt(gains: dict[str, float]) -> str:
    """Alt text for :func:`plot_break_even`."""
    parts = []
    for label, gain in gains.items():
        low, mid, high = model.break_even_elasticity(gain, np.array([0.1, 0.5, 1.0]))
        parts.append(
            f"{label}: {low:.1f} at 10% pass-through, {mid:.2f} at 50% and {high:.2f} at 100%"
        )
    return (
        "Line chart on a log scale of the break-even elasticity, above which a productivity gain "
        "raises hours worked, against the share of the cost cut passed into the price (10% to "
        "100%). " + "; ".join(parts) + ". A dotted line shows 1 divided by the pass-through."
    )


# ---------------------------------------------------------------------------------------------
# Real figures: the layoff surveys
# ---------------------------------------------------------------------------------------------


def plot_surveys(surveys: pd.DataFrame, claims: pd.DataFrame) -> Figure:
    """Horizontal bars: what leaders reported, what they expected, and what the article says."""
    figure = new_figure(1, width=7.5, height=3.8)
    (axes,) = figure.axes
    rows = []
    for (survey, kind, period), group in surveys.groupby(["survey", "kind", "period"], sort=False):
        shares = group.set_index("answer")["share_pct"]
        verb = "AI replaced workers in" if kind == "reported" else "expect AI layoffs in"
        rows.append((f"{survey}: {verb} {period}", kind, shares))
    seed = claims[claims["claim"].str.contains("laid off")]
    positions = np.arange(len(rows) + len(seed))[::-1]
    for position, (_, kind, shares) in zip(positions, rows, strict=False):
        if kind == "reported":
            axes.barh(position, shares["yes"], color=PALETTE["blue"], label="said it happened")
            total = shares["yes"]
        else:
            axes.barh(
                position, shares["definitely"], color=PALETTE["orange"], label="expect: definitely"
            )
            axes.barh(
                position,
                shares["probably"],
                left=shares["definitely"],
                color=PALETTE["yellow"],
                label="expect: probably",
            )
            total = shares["definitely"] + shares["probably"]
        axes.text(total + 1, position, f"{total:g}%", va="center", fontsize=9)
    for position, row in zip(positions[len(rows) :], seed.itertuples(), strict=True):
        axes.barh(
            position,
            row.value,
            color="white",
            edgecolor=PALETTE["black"],
            hatch="//",
            label="source article's claim",
        )
        axes.text(row.value + 1, position, f"{row.value:g}%", va="center", fontsize=9)
    labels = [label for label, _, _ in rows] + ["Source article: laid off in 2024"] * len(seed)
    axes.set_yticks(positions, labels, fontsize=9)
    handles, names = axes.get_legend_handles_labels()
    unique = dict(zip(names, handles, strict=True))
    axes.legend(unique.values(), unique.keys(), fontsize=8.5, loc="lower right")
    axes.set(
        xlabel="% of business leaders asked",
        xlim=(0, 100),
        title="Layoffs: reported, expected, quoted",
    )
    axes.grid(axis="y", visible=False)
    return figure


def surveys_alt(surveys: pd.DataFrame, claims: pd.DataFrame) -> str:
    """Alt text for :func:`plot_surveys`, generated from the tables."""
    parts = []
    for (survey, kind, period), group in surveys.groupby(["survey", "kind", "period"], sort=False):
        shares = group.set_index("answer")["share_pct"]
        if kind == "reported":
            parts.append(f"{survey}, AI replaced workers in {period}: {shares['yes']:g}%")
        else:
            parts.append(
                f"{survey}, expect AI layoffs in {period}: "
                f"{shares['definitely'] + shares['probably']:g}% "
                f"({shares['definitely']:g}% definitely, {shares['probably']:g}% probably)"
            )
    seed = claims[claims["claim"].str.contains("laid off")]
    parts += [f"the source article's claim of layoffs in 2024: {v:g}%" for v in seed["value"]]
    return "Horizontal bar chart of survey answers by business leaders. " + "; ".join(parts) + "."
