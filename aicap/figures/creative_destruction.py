"""Figures for the creative-destruction chapter: plot functions and interactive figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import creative_destruction as model
from aicap.style import PALETTE, new_figure

# ---------------------------------------------------------------------------------------------
# The race between automation and adaptation
# ---------------------------------------------------------------------------------------------


def plot_race(
    automation_rate: float = 0.03,
    reinstatement_rate: float = 0.03,
    retraining_lag: int = 2,
    wave_years: int = 10,
    years: int = 30,
) -> Figure:
    """Left: unemployment split into retraining and waiting. Right: jobs lost and created."""
    path = model.automation_path(
        automation_rate, reinstatement_rate, retraining_lag, wave_years, years
    )
    figure = new_figure(2, width=8.5, height=3.8)
    left, right = figure.axes
    pct = 100 * path
    left.stackplot(
        path.index,
        pct["retraining"],
        pct["waiting"],
        labels=["retraining", "trained, waiting for a new job"],
        colors=[PALETTE["orange"], PALETTE["vermillion"]],
        alpha=0.85,
    )
    left.plot(path.index, pct["unemployment"], color=PALETTE["black"], lw=1.5, label="unemployed")
    if wave_years:
        left.axvspan(
            0.5, wave_years + 0.5, color=PALETTE["sky"], alpha=0.12, lw=0, label="automation wave"
        )
    left.set(
        xlabel="year",
        ylabel="% of the labour force",
        title="Unemployment during the wave",
        xlim=(0, years),
    )
    left.set_ylim(0, max(1.0, 1.15 * pct["unemployment"].max()))
    left.legend(loc="upper right", fontsize=9)

    # each year's flow as a step one year wide: below zero jobs lost, above zero jobs created
    right.fill_between(
        path.index,
        -pct["displaced"],
        0,
        step="mid",
        lw=0,
        color=PALETTE["vermillion"],
        label="jobs automated away",
    )
    right.fill_between(
        path.index,
        0,
        pct["new_jobs"],
        step="mid",
        lw=0,
        color=PALETTE["green"],
        label="new jobs from new tasks",
    )
    right.plot(
        path.index,
        pct["hires"],
        color=PALETTE["blue"],
        marker="o",
        ms=3,
        lw=1.2,
        label="retrained workers hired",
    )
    right.axhline(0, color="#333333", lw=0.8)
    right.set(
        xlabel="year",
        ylabel="% of the labour force per year",
        title="Jobs lost and created each year",
        xlim=(0, years),
    )
    right.legend(loc="lower right", fontsize=9)
    return figure


def race_alt(
    automation_rate: float = 0.03,
    reinstatement_rate: float = 0.03,
    retraining_lag: int = 2,
    wave_years: int = 10,
    years: int = 30,
) -> str:
    """Alt text for :func:`plot_race`, with the numbers the reader would read off it."""
    path = model.automation_path(
        automation_rate, reinstatement_rate, retraining_lag, wave_years, years
    )
    summary = model.race_summary(path["unemployment"])
    recovery = (
        f"falls back below 0.5% by year {summary['recovery_year']}"
        if summary["recovery_year"] is not None
        else f"is still {100 * summary['final']:.1f}% in the last year"
    )
    return (
        f"Two charts of a {years}-year simulation. Automation removes {100 * automation_rate:g}% "
        f"of jobs and new tasks add {100 * reinstatement_rate:g}% each year for {wave_years} "
        f"years, and retraining takes {retraining_lag} years. Left: unemployment peaks at "
        f"{100 * summary['peak']:.1f}% of the labour force in year {summary['peak_year']} and "
        f"{recovery}. Right: jobs automated away (below zero) and new jobs created (above zero) "
        "in each year, and a line of retrained workers hired."
    )


@register
def race_explorer() -> InteractiveFigure:
    """Interactive: the jobless hump as automation, new tasks and retraining change."""
    return InteractiveFigure(
        title="The race between automation and adaptation",
        plot=plot_race,
        alt=race_alt,
        caption="Illustrative model (assumptions, not estimates): a labour force of 1, a wave "
        "of automation, new jobs from new tasks, and a retraining delay.",
        controls=[
            Control(
                "automation_rate",
                "Jobs automated per year",
                0.03,
                0.0,
                0.15,
                0.005,
                unit="share",
                help="Displacement effect.",
            ),
            Control(
                "reinstatement_rate",
                "New jobs from new tasks per year",
                0.03,
                0.0,
                0.15,
                0.005,
                unit="share",
                help="Reinstatement effect.",
            ),
            Control("retraining_lag", "Retraining time", 2, 0, 10, 1, unit="years"),
            Control("wave_years", "Length of the automation wave", 10, 0, 30, 1, unit="years"),
        ],
        fixed={"years": 30},
    )


# ---------------------------------------------------------------------------------------------
# Where the hump appears: peak unemployment over retraining time x new-task rate
# ---------------------------------------------------------------------------------------------

REINSTATEMENT_GRID = np.round(np.arange(0.0, 0.1001, 0.0025), 4)
LAG_GRID = np.arange(0, 11)


def plot_hump_map(automation_rate: float = 0.03, wave_years: int = 10, years: int = 30) -> Figure:
    """Heat map of peak unemployment for every retraining time and new-task rate."""
    peaks = 100 * model.peak_unemployment_grid(
        automation_rate, REINSTATEMENT_GRID, LAG_GRID, wave_years, years
    )
    figure = new_figure(1, width=7.0, height=4.2)
    (axes,) = figure.axes
    axes.grid(False)
    image = axes.pcolormesh(
        100 * REINSTATEMENT_GRID,
        LAG_GRID,
        peaks,
        cmap="cividis",
        shading="nearest",
        vmin=0,
        vmax=max(1.0, peaks.max()),
        rasterized=True,  # one image, not a vector shape per cell (see aicap.style)
    )
    levels = [level for level in (1, 2, 5, 10, 20) if peaks.min() < level < peaks.max()]
    if levels:
        contours = axes.contour(
            100 * REINSTATEMENT_GRID, LAG_GRID, peaks, levels=levels, colors="white", linewidths=1
        )
        axes.clabel(contours, fmt="%g%%", fontsize=9)
    axes.axvline(
        100 * automation_rate,
        color=PALETTE["orange"],
        lw=2,
        ls="--",
        label="new jobs = jobs automated",
    )
    axes.set(
        xlabel="new jobs from new tasks (% of employment per year)",
        ylabel="retraining time (years)",
        title=f"Peak unemployment when {100 * automation_rate:g}% of jobs are automated each year",
    )
    axes.legend(loc="upper right", fontsize=9)
    colorbar = figure.colorbar(image, ax=axes)
    colorbar.set_label("peak unemployment (% of labour force)")
    return figure


def hump_map_alt(automation_rate: float = 0.03, wave_years: int = 10, years: int = 30) -> str:
    """Alt text for :func:`plot_hump_map`."""
    peaks = 100 * model.peak_unemployment_grid(
        automation_rate, REINSTATEMENT_GRID, LAG_GRID, wave_years, years
    )
    at_balance = np.argmin(np.abs(REINSTATEMENT_GRID - automation_rate))
    return (
        "Heat map of peak unemployment, with retraining time from 0 to 10 years on the "
        f"vertical axis and new jobs from new tasks from 0 to {100 * REINSTATEMENT_GRID[-1]:g}% "
        f"per year on the horizontal axis, for {100 * automation_rate:g}% of jobs automated each "
        f"year over {wave_years} years. Peaks range from {peaks.min():.1f}% to "
        f"{peaks.max():.1f}%. Where new jobs match automation, the peak rises from "
        f"{peaks[0, at_balance]:.1f}% with no retraining delay to {peaks[-1, at_balance]:.1f}% "
        "with a 10-year delay; to the left of that line unemployment stays high."
    )


@register
def hump_map_explorer() -> InteractiveFigure:
    """Interactive: which combinations of retraining time and new tasks avoid the hump."""
    return InteractiveFigure(
        title="Where the jobless hump appears",
        plot=plot_hump_map,
        alt=hump_map_alt,
        caption="Each cell is one run of the illustrative model; darker means a lower peak.",
        controls=[
            Control(
                "automation_rate", "Jobs automated per year", 0.03, 0.0, 0.1, 0.005, unit="share"
            ),
            Control("wave_years", "Length of the automation wave", 10, 1, 30, 1, unit="years"),
        ],
        fixed={"years": 30},
    )


# ---------------------------------------------------------------------------------------------
# Real figures
# ---------------------------------------------------------------------------------------------


def plot_layoff_trackers(trackers: pd.DataFrame, claims: pd.DataFrame) -> Figure:
    """Bars of annual tech layoffs by tracker; hatched bars are partial years or projections."""
    figure = new_figure(1, width=7.0, height=4.0)
    (axes,) = figure.axes
    names = list(dict.fromkeys(trackers["tracker"]))
    years = sorted(trackers["year"].unique())
    width = 0.8 / len(names)
    colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"]]
    for i, (name, colour) in enumerate(zip(names, colours, strict=False)):
        rows = trackers[trackers["tracker"] == name].set_index("year").reindex(years)
        positions = np.arange(len(years)) + (i - (len(names) - 1) / 2) * width
        for position, (_, row) in zip(positions, rows.iterrows(), strict=True):
            if pd.isna(row["layoffs"]):
                continue
            hatch = "" if row["status"] == "complete" else "//"
            axes.bar(
                position,
                row["layoffs"] / 1000,
                width=width,
                color=colour,
                hatch=hatch,
                edgecolor="white",
                label=name if position == positions[0] else None,
            )
    seed = claims[claims["claim"] == "Tech layoffs worldwide"]
    partial_2025 = seed[seed["period"].str.startswith("January–July 2025")]
    if not partial_2025.empty and 2025 in years:
        axes.scatter(
            [years.index(2025)],
            partial_2025["value"] / 1000,
            marker="D",
            s=60,
            color=PALETTE["black"],
            zorder=3,
            label="source article: Jan–Jul 2025 (TrueUp)",
        )
    axes.set_xticks(range(len(years)), [str(y) for y in years])
    axes.set(ylabel="thousand employees", title="Tech layoffs per year: two trackers disagree")
    axes.legend(fontsize=9)
    axes.annotate(
        "hatched: part-year count or projection",
        xy=(0.01, 0.97),
        xycoords="axes fraction",
        va="top",
        fontsize=9,
        color="#444444",
    )
    return figure


def layoff_trackers_alt(trackers: pd.DataFrame, claims: pd.DataFrame) -> str:
    """Alt text for :func:`plot_layoff_trackers`, generated from the tables."""
    parts = []
    for name, rows in trackers.groupby("tracker", sort=False):
        values = ", ".join(
            f"{row.year}: {row.layoffs / 1000:.0f} thousand"
            + ("" if row.status == "complete" else f" ({row.status})")
            for row in rows.itertuples()
        )
        parts.append(f"{name} — {values}")
    return "Bar chart of tech-sector layoffs per year by tracker. " + "; ".join(parts) + "."


def plot_exposure(estimates: pd.DataFrame) -> Figure:
    """Horizontal bars of the headline shares, grouped by study."""
    figure = new_figure(1, width=7.5, height=4.6)
    (axes,) = figure.axes
    labels = [f"{row.study}: {row.measure} ({row.scope})" for row in estimates.itertuples()]
    studies = list(dict.fromkeys(estimates["study"]))
    colours = [PALETTE[name] for name in ("blue", "orange", "green", "purple", "sky")]
    colour_of = {study: colours[i % len(colours)] for i, study in enumerate(studies)}
    positions = np.arange(len(estimates))[::-1]
    axes.barh(positions, estimates["share_pct"], color=[colour_of[s] for s in estimates["study"]])
    for position, value in zip(positions, estimates["share_pct"], strict=True):
        axes.text(value + 1, position, f"{value:g}%", va="center", fontsize=9)
    axes.set_yticks(
        positions, [label if len(label) < 70 else label[:67] + "…" for label in labels], fontsize=8
    )
    axes.set(
        xlabel="% (each bar measures something different)",
        xlim=(0, 100),
        title="Headline shares of jobs touched by AI and automation",
    )
    axes.grid(axis="y", visible=False)
    return figure


def exposure_alt(estimates: pd.DataFrame) -> str:
    """Alt text for :func:`plot_exposure`."""
    items = "; ".join(
        f"{row.study}, {row.measure}, {row.scope}: {row.share_pct:g}%"
        for row in estimates.itertuples()
    )
    return f"Horizontal bar chart of headline shares from four studies. {items}."


def plot_agriculture(shares: pd.DataFrame) -> Figure:
    """Share of workers in agriculture over time, one line per country."""
    figure = new_figure(1, width=7.0, height=3.8)
    (axes,) = figure.axes
    for country, rows in shares.groupby("country", sort=False):
        axes.plot(rows["year"], rows["share_pct"], marker="o", label=country)
    axes.set(
        xlabel="year",
        ylabel="% of workers in agriculture",
        ylim=(0, 80),
        title="Earlier creative destruction was slow: the move out of farming",
    )
    axes.legend(fontsize=9)
    return figure


def agriculture_alt(shares: pd.DataFrame) -> str:
    """Alt text for :func:`plot_agriculture`."""
    parts = []
    for country, rows in shares.groupby("country", sort=False):
        first, last = rows.iloc[0], rows.iloc[-1]
        parts.append(
            f"{country} {first.share_pct:g}% in {first.year} to {last.share_pct:g}% in {last.year}"
        )
    return "Line chart of the share of workers in agriculture: " + "; ".join(parts) + "."
