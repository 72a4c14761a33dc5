"""Figures for the creative-destruction chapter: plot functions and interactive figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import offset_copy

from aicap.i18n import N_, _
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import creative_destruction as model
from aicap.style import CYCLE, PALETTE, current_layout, new_figure

PALETTE_CYCLE = [PALETTE[name] for name in CYCLE]

# ---------------------------------------------------------------------------------------------
# The race between automation and adaptation
# ---------------------------------------------------------------------------------------------


#: Legend spacing that keeps a two-column legend inside a phone-width panel.
_COMPACT = dict(columnspacing=0.8, handlelength=1.2, handletextpad=0.4, borderaxespad=0.3)
#: The widest two-column legend (characters: the longest label of each column together) that
#: fits inside a panel of the race figure; the English labels (31) just fit.
_TWO_COLUMNS = 31


def _legend_inside(axes, loc: str) -> None:
    """The panel's legend inside it at ``loc``: in two columns when its labels are short
    enough for the panel's width, else in one (the panel leaves room for four rows)."""
    labels = axes.get_legend_handles_labels()[1]
    half = -(-len(labels) // 2)  # matplotlib fills the first column first
    width = max(map(len, labels[:half]), default=0) + max(map(len, labels[half:]), default=0)
    ncols = 2 if width <= _TWO_COLUMNS else 1
    axes.legend(loc=loc, ncols=ncols, fontsize=9, frameon=False, **_COMPACT)


def _legend_below(axes, ncols: int = 2, lines: int = 1) -> None:
    """A legend under the panel, below its tick labels and its x-axis label (of ``lines``
    lines), so it never covers the data."""
    below = offset_copy(axes.transAxes, fig=axes.figure, y=-(32 + 15 * lines), units="points")
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=below,
        ncols=ncols,
        fontsize=9,
        frameon=False,
        borderaxespad=0.0,
    )


def _ticks_inside(axes) -> None:
    """Keep only the tick marks inside the axes' limits (a tick label outside them would be
    drawn off the panel)."""
    for axis, (low, high) in ((axes.xaxis, axes.get_xlim()), (axes.yaxis, axes.get_ylim())):
        low, high = min(low, high), max(low, high)
        ticks = [t for t in axis.get_ticklocs() if low - 1e-9 <= t <= high + 1e-9]
        axis.set_ticks(ticks)


def plot_race(
    automation_rate: float = 0.03,
    reinstatement_rate: float = 0.03,
    retraining_lag: int = 2,
    wave_years: int = 10,
    years: int = 30,
) -> Figure:
    """Unemployment split into retraining and waiting; jobs lost and created each year.

    Side by side on a laptop, one above the other on a phone; legends sit under each panel.
    """
    path = model.automation_path(
        automation_rate, reinstatement_rate, retraining_lag, wave_years, years
    )
    figure = new_figure(2, width=7.0, height=4.4)
    first, second = figure.axes
    pct = 100 * path
    if wave_years:
        first.axvspan(
            0.5,
            wave_years + 0.5,
            color=PALETTE["sky"],
            alpha=0.25,
            lw=0,
            label=_("automation wave"),
        )
    first.stackplot(
        path.index,
        pct["retraining"],
        pct["waiting"],
        labels=[_("retraining"), _("trained, waiting")],
        colors=[PALETTE["orange"], PALETTE["vermillion"]],
        alpha=0.85,
    )
    first.plot(
        path.index, pct["unemployment"], color=PALETTE["black"], lw=1.5, label=_("unemployed")
    )
    first.set(
        xlabel=_("year"),
        ylabel=_("% of labour force"),
        title=_("Unemployment during the wave"),
        xlim=(0, years),
    )
    # head room above the data for the legend, so it never covers a line
    first.set_ylim(0, max(2.0, 1.75 * pct["unemployment"].max()))
    first.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    _legend_inside(first, "upper center")
    _ticks_inside(first)

    # each year's flow as a step one year wide: below zero jobs lost, above zero jobs created
    second.fill_between(
        path.index,
        -pct["displaced"],
        0,
        step="mid",
        lw=0,
        color=PALETTE["vermillion"],
        label=_("jobs automated"),
    )
    second.fill_between(
        path.index,
        0,
        pct["new_jobs"],
        step="mid",
        lw=0,
        color=PALETTE["green"],
        label=_("new jobs"),
    )
    second.plot(
        path.index,
        pct["hires"],
        color=PALETTE["blue"],
        marker="o",
        ms=3,
        lw=1.2,
        label=_("retrained, hired"),
    )
    second.axhline(0, color="#333333", lw=0.8)
    top = max(0.5, pct["new_jobs"].max(), pct["hires"].max())
    bottom = max(0.5, pct["displaced"].max())
    # room under the data for the legend
    second.set_ylim(-bottom - 0.9 * (top + bottom), 1.2 * top)
    second.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    second.set(
        xlabel=_("year"),
        ylabel=_("% of labour force a year"),
        title=_("Jobs lost and created each year"),
        xlim=(0, years),
    )
    _legend_inside(second, "lower center")
    _ticks_inside(second)
    return figure


def _hump_text(summary: dict, years: int) -> str:
    """The hump in words: its peak, and when (or whether) it closes."""
    if summary["recovery_year"] is not None:
        text = _(
            "unemployment peaks at {peak:.1f}% of the labour force in year {peak_year} and "
            "falls back below 0.5% by year {recovery_year}"
        )
    else:
        text = _(
            "unemployment peaks at {peak:.1f}% of the labour force in year {peak_year} and "
            "is still {final:.1f}% in year {years}"
        )
    return text.format(
        peak=100 * summary["peak"],
        peak_year=summary["peak_year"],
        recovery_year=summary["recovery_year"],
        final=100 * summary["final"],
        years=years,
    )


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
    return _(
        "Two charts of a {years}-year simulation. Automation removes {automation:g}% of jobs "
        "and new tasks add {reinstatement:g}% each year for {wave_years} years, and retraining "
        "takes {lag} years. First chart: {hump}. Second chart: jobs automated away (below "
        "zero) and new jobs created (above zero) in each year, and a line of retrained workers "
        "hired."
    ).format(
        years=years,
        automation=100 * automation_rate,
        reinstatement=100 * reinstatement_rate,
        wave_years=wave_years,
        lag=retraining_lag,
        hump=_hump_text(summary, years),
    )


def race_summary_text(
    automation_rate: float = 0.03,
    reinstatement_rate: float = 0.03,
    retraining_lag: int = 2,
    wave_years: int = 10,
    years: int = 30,
) -> str:
    """One sentence for the page to announce after a move: the hump's height and its end."""
    path = model.automation_path(
        automation_rate, reinstatement_rate, retraining_lag, wave_years, years
    )
    text = _hump_text(model.race_summary(path["unemployment"]), years)
    return text[0].upper() + text[1:] + "."


@register
def race_explorer() -> InteractiveFigure:
    """Interactive: the jobless hump as automation, new tasks and retraining change."""
    return InteractiveFigure(
        title=_("The race between automation and adaptation"),
        plot=plot_race,
        alt=race_alt,
        summary=race_summary_text,
        caption=_(
            "Illustrative model (assumptions, not estimates): a labour force of 1, a wave "
            "of automation, new jobs from new tasks, and a retraining delay. The highest settings "
            "are far outside anything observed."
        ),
        controls=[
            Control(
                "automation_rate",
                _("Jobs automated per year"),
                0.03,
                0.01,
                0.06,
                0.005,
                unit="%",
                scale=100,
                page=(0.01, 0.03, 0.06),
                help=_("Displacement effect: the share of jobs machines take over each year."),
            ),
            Control(
                "reinstatement_rate",
                _("New jobs from new tasks per year"),
                0.03,
                0.01,
                0.06,
                0.005,
                unit="%",
                scale=100,
                page=(0.01, 0.02, 0.03, 0.04, 0.06),
                help=_("Reinstatement effect: new jobs as a share of jobs, each year of the wave."),
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
                "wave_years",
                _("Length of the automation wave"),
                10,
                10,
                30,
                1,
                unit=_("years"),
                page=(10, 30),
            ),
        ],
        fixed={"years": 30},
    )


# ---------------------------------------------------------------------------------------------
# Where the hump appears: peak (or lasting) unemployment over retraining time x new-task rate
# ---------------------------------------------------------------------------------------------

REINSTATEMENT_GRID = np.round(np.arange(0.0, 0.1001, 0.0025), 4)
LAG_GRID = np.arange(0, 11)

#: What the map can colour: the top of the hump, or what is left at the end (the lasting loss).
MEASURES = {
    "peak": N_("Peak unemployment"),
    "final": N_("Unemployment left in year {years}"),
}


def hump_grid(
    automation_rate: float, wave_years: int, years: int, measure: str = "peak"
) -> np.ndarray:
    """The map's values, in percent: peak or last-year unemployment for every cell."""
    grid = model.peak_unemployment_grid if measure == "peak" else model.final_unemployment_grid
    return 100 * grid(automation_rate, REINSTATEMENT_GRID, LAG_GRID, wave_years, years)


def plot_hump_map(
    automation_rate: float = 0.03, wave_years: int = 10, years: int = 30, measure: str = "peak"
) -> Figure:
    """Heat map of peak (or last-year) unemployment for every retraining time and new-task rate."""
    values = hump_grid(automation_rate, wave_years, years, measure)
    narrow = current_layout().name == "narrow"
    figure = new_figure(1, width=7.0, height=4.6)
    (axes,) = figure.axes
    axes.grid(False)
    image = axes.pcolormesh(
        100 * REINSTATEMENT_GRID,
        LAG_GRID,
        values,
        cmap="cividis",
        shading="nearest",
        vmin=0,
        vmax=max(1.0, values.max()),
        rasterized=True,  # one image, not a vector shape per cell (see aicap.style)
    )
    steps = (1, 5, 10, 20) if measure == "peak" else (10, 30, 50)
    levels = [level for level in steps if values.min() < level < values.max()]
    if levels:
        contours = axes.contour(
            100 * REINSTATEMENT_GRID, LAG_GRID, values, levels=levels, colors="white", linewidths=1
        )
        axes.clabel(contours, fmt="%g%%", fontsize=9)
    axes.axvline(
        100 * automation_rate,
        color=PALETTE["orange"],
        lw=2,
        ls="--",
        label=_("dashed: new jobs = jobs automated"),
    )
    what = _(MEASURES[measure]).format(years=years)
    if narrow and measure == "final":
        what = _("Left in year {years}").format(years=years)
    title = (
        _("{what} (% of labour force), {automation:g}% automated a year")
        if narrow
        else _("{what} when {automation:g}% of jobs are automated each year")
    ).format(what=what, automation=100 * automation_rate)
    axes.set(
        xlabel=_("new jobs from new tasks (% a year)"),
        ylabel=_("retraining time (years)"),
        title=title,
    )
    axes.set_yticks([0, 2, 4, 6, 8, 10])
    axes.set_xticks([0, 2, 4, 6, 8, 10] if not narrow else [0, 5, 10])
    if narrow:  # the line named beside itself: a legend would crowd the colour bar
        axes.annotate(
            _("new jobs = automated"),
            xy=(100 * automation_rate, 10.4),
            xytext=(4, -2),
            textcoords="offset points",
            rotation=90,
            va="top",
            ha="left",
            fontsize=9,
            color="white",
        )
    else:
        _legend_below(axes, ncols=1)
    if narrow:  # under the map, so the map can use the phone's whole width
        colorbar = figure.colorbar(image, ax=axes, location="bottom", shrink=0.9, aspect=30)
    else:
        colorbar = figure.colorbar(image, ax=axes)
        colorbar.set_label(_("% of labour force"))
    _ticks_inside(colorbar.ax)
    return figure


def hump_map_alt(
    automation_rate: float = 0.03, wave_years: int = 10, years: int = 30, measure: str = "peak"
) -> str:
    """Alt text for :func:`plot_hump_map`."""
    values = hump_grid(automation_rate, wave_years, years, measure)
    at_balance = int(np.argmin(np.abs(REINSTATEMENT_GRID - automation_rate)))
    what = (
        _("peak unemployment")
        if measure == "peak"
        else _("unemployment in year {years}").format(years=years)
    )
    return _(
        "Heat map of {what}, with retraining time from 0 to 10 years on the vertical axis and "
        "new jobs from new tasks from 0 to {top:g}% per year on the horizontal axis, for "
        "{automation:g}% of jobs automated each year over {wave_years} years. Values range "
        "from {low:.1f}% to {high:.1f}%. Where new jobs match automation, the value is "
        "{balance_now:.1f}% with no retraining delay and {balance_late:.1f}% with a 10-year "
        "delay; with no new jobs at all it is {none:.1f}% with no delay."
    ).format(
        what=what,
        top=100 * REINSTATEMENT_GRID[-1],
        automation=100 * automation_rate,
        wave_years=wave_years,
        low=values.min(),
        high=values.max(),
        balance_now=values[0, at_balance],
        balance_late=values[-1, at_balance],
        none=values[0, 0],
    )


def hump_map_summary(
    automation_rate: float = 0.03, wave_years: int = 10, years: int = 30, measure: str = "peak"
) -> str:
    """One sentence for the page to announce after a move."""
    values = hump_grid(automation_rate, wave_years, years, measure)
    at_balance = int(np.argmin(np.abs(REINSTATEMENT_GRID - automation_rate)))
    if measure == "peak":
        return _(
            "On the dashed line the peak rises from {now:.1f}% with no delay to {late:.1f}% "
            "with 10 years of retraining."
        ).format(now=values[0, at_balance], late=values[-1, at_balance])
    return _(
        "Right of the dashed line nothing is left in year {years}; with no new jobs "
        "{none:.1f}% stay unemployed."
    ).format(years=years, none=values[0, 0])


@register
def hump_map_explorer() -> InteractiveFigure:
    """Interactive: which combinations of retraining time and new tasks avoid the hump."""
    return InteractiveFigure(
        title=_("Where the jobless hump appears"),
        plot=plot_hump_map,
        alt=hump_map_alt,
        summary=hump_map_summary,
        caption=_(
            "Each cell is one run of the illustrative model; darker means less unemployment."
        ),
        controls=[
            Control(
                "automation_rate",
                _("Jobs automated per year"),
                0.03,
                0.01,
                0.06,
                0.005,
                unit="%",
                scale=100,
                page=tuple(float(x) for x in np.round(np.arange(0.01, 0.0601, 0.005), 3)),
            ),
            Control(
                "wave_years",
                _("Length of the automation wave"),
                10,
                5,
                20,
                1,
                unit=_("years"),
                page=(5, 10, 20),
            ),
            Control(
                "measure",
                _("Colour shows"),
                "peak",
                options=((_("the peak"), "peak"), (_("what is left in year 30"), "final")),
            ),
        ],
        fixed={"years": 30},
    )


# ---------------------------------------------------------------------------------------------
# Real figures
# ---------------------------------------------------------------------------------------------


def complete_years(trackers: pd.DataFrame) -> list[int]:
    """Years that every tracker in the table counts in full (status ``complete``)."""
    status = trackers.pivot(index="year", columns="tracker", values="status")
    return sorted(int(year) for year in status.index[(status == "complete").all(axis=1)])


def plot_layoff_trackers(trackers: pd.DataFrame) -> Figure:
    """Bars of annual tech layoffs by tracker; hatched bars are part-year counts or projections.

    A dashed line separates the complete years, which can be compared, from the incomplete
    ones, which cannot.
    """
    figure = new_figure(1, width=7.0, height=4.0)
    (axes,) = figure.axes
    names = list(dict.fromkeys(trackers["tracker"]))
    years = sorted(trackers["year"].unique())
    width = 0.8 / len(names)
    colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"]]
    for i, (name, colour) in enumerate(zip(names, colours, strict=False)):
        rows = trackers[trackers["tracker"] == name].set_index("year").reindex(years)
        positions = np.arange(len(years)) + (i - (len(names) - 1) / 2) * width
        for position, (_year, row) in zip(positions, rows.iterrows(), strict=True):
            if pd.isna(row["layoffs"]):
                continue
            complete = row["status"] == "complete"
            axes.bar(
                position,
                row["layoffs"] / 1000,
                width=width,
                color=colour,
                hatch="" if complete else "//",
                edgecolor="white",
                label=name if position == positions[0] else None,
            )
            if not complete:
                axes.annotate(
                    _(str(row["status"])),
                    xy=(position, row["layoffs"] / 1000),
                    xytext=(0, 3),
                    textcoords="offset points",
                    ha="center",
                    fontsize=9,
                    color="#444444",
                )
    full = complete_years(trackers)
    if full and full[-1] != years[-1]:
        axes.axvline(years.index(full[-1]) + 0.5, color="#555555", lw=1, ls="--")
    axes.set_xticks(range(len(years)), [str(y) for y in years])
    axes.set(
        ylabel=_("thousand employees"),
        title=_("Tech layoffs per year: two trackers disagree"),
        ylim=(0, 1.35 * trackers["layoffs"].max() / 1000),
    )
    axes.set_xlabel(_("year (hatched: incomplete)"))
    _legend_below(axes)
    _ticks_inside(axes)
    axes.annotate(
        _("complete years {first}–{last}: compare these").format(first=full[0], last=full[-1])
        if full
        else _("no complete year"),
        xy=(0.01, 0.97),
        xycoords="axes fraction",
        va="top",
        fontsize=9,
        color="#444444",
    )
    return figure


#: One tracker's year in the alt text, by its status (column ``status``).
LAYOFF_YEAR = {
    "complete": N_("{year}: {thousands:.0f} thousand"),
    "partial": N_("{year}: {thousands:.0f} thousand (partial)"),
    "projection": N_("{year}: {thousands:.0f} thousand (projection)"),
}


def layoff_trackers_alt(trackers: pd.DataFrame) -> str:
    """Alt text for :func:`plot_layoff_trackers`, generated from the table."""
    parts = []
    for name, rows in trackers.groupby("tracker", sort=False):
        values = ", ".join(
            _(LAYOFF_YEAR[row.status]).format(year=row.year, thousands=row.layoffs / 1000)
            for row in rows.itertuples()
        )
        parts.append(f"{name} — {values}")
    full = complete_years(trackers)
    span = (
        " "
        + _("Only {first}–{last} are complete years in both trackers.").format(
            first=full[0], last=full[-1]
        )
        if full
        else ""
    )
    chart = _("Bar chart of tech-sector layoffs per year by tracker.")
    return chart + " " + "; ".join(parts) + "." + span


def plot_exposure(estimates: pd.DataFrame) -> Figure:
    """Horizontal bars of the headline shares, one colour per study.

    On a laptop each bar is named on the left; on a phone, whose column is too narrow for
    that, the name sits just above its bar. A hatched bar is a share of employers, not of
    jobs (column ``share_of``).
    """
    narrow = current_layout().name == "narrow"
    figure = new_figure(1, width=7.0, height=5.2)
    (axes,) = figure.axes
    studies = list(dict.fromkeys(estimates["study"]))
    colours = [PALETTE[name] for name in ("blue", "orange", "green", "purple", "sky")]
    colour_of = {study: colours[i % len(colours)] for i, study in enumerate(studies)}
    step = 2.0 if narrow else 1.0
    positions = step * np.arange(len(estimates))[::-1]
    employers = (estimates["share_of"] == "employers").to_numpy()
    axes.barh(
        positions,
        estimates["share_pct"],
        height=0.55 if narrow else 0.7,
        color=[colour_of[s] for s in estimates["study"]],
        hatch=["//" if e else "" for e in employers],
        edgecolor="white",
    )
    for position, value in zip(positions, estimates["share_pct"], strict=True):
        axes.text(value + 1, position, f"{value:g}%", va="center", fontsize=9)
    if narrow:
        for position, label in zip(positions, estimates["short_label"], strict=True):
            axes.text(0, position + 0.38, _(label), va="bottom", ha="left", fontsize=9)
        axes.set_yticks([])
        axes.set_ylim(positions[-1] - 0.5, positions[0] + 1.3)
    else:
        axes.set_yticks(positions, [_(label) for label in estimates["short_label"]], fontsize=9)
    axes.set(
        xlabel=_("% of jobs (*: % of employers)"),
        xlim=(0, 100),
        title=_("Headline numbers on AI and jobs: each measures something else"),
    )
    axes.grid(axis="y", visible=False)
    _ticks_inside(axes)
    return figure


#: One bar of the exposure chart in its alt text, by what its share is a share of.
SHARE_OF = {
    "jobs": N_("{study}, {measure}, {scope}: {share:g}% of jobs"),
    "employers": N_("{study}, {measure}, {scope}: {share:g}% of employers"),
}


def exposure_alt(estimates: pd.DataFrame) -> str:
    """Alt text for :func:`plot_exposure`."""
    items = "; ".join(
        _(SHARE_OF[row.share_of]).format(
            study=row.study, measure=_(row.measure), scope=_(row.scope), share=row.share_pct
        )
        for row in estimates.itertuples()
    )
    return _("Horizontal bar chart of headline shares from four studies. {items}.").format(
        items=items
    )


def plot_agriculture(shares: pd.DataFrame) -> Figure:
    """Share of workers in agriculture: the long history (Britain, France, the United States)
    and, in a panel of its own, Indonesia's recent years."""
    figure = new_figure(2, width=7.0, height=4.2)
    history, recent = figure.axes
    colours = dict(zip(dict.fromkeys(shares["country"]), PALETTE_CYCLE, strict=False))
    for country, rows in shares.groupby("country", sort=False):
        axes = recent if country == "Indonesia" else history
        axes.plot(
            rows["year"], rows["share_pct"], marker="o", label=_(country), color=colours[country]
        )
        if axes is history:  # named at the end of its line: no legend to cover the data
            last = rows.iloc[-1]
            axes.annotate(
                _("US") if country == "United States" else _(country),
                xy=(last["year"], last["share_pct"]),
                xytext=(0, -16),
                textcoords="offset points",
                ha="right" if last["year"] > 1880 else "center",
                fontsize=9,
                color=colours[country],
            )
    history.set(
        xlabel=_("year"),
        ylabel=_("% of workers in farming"),
        ylim=(0, 60),
        title=_("Earlier waves: a few points a decade"),
    )
    history.set_xticks([1750, 1800, 1850, 1900])
    history.set_xlim(1740, 1925)
    indonesia = shares.loc[shares["country"] == "Indonesia", "share_pct"]
    recent.set(
        xlabel=_("year (August survey)"),
        ylabel=_("% of workers in farming"),
        ylim=(np.floor(indonesia.min()) - 2, np.ceil(indonesia.max()) + 1),
        title=_("Indonesia: down, then up in the pandemic"),
    )
    recent.set_xticks([2016, 2019, 2022, 2025])
    recent.set_xlim(2015.5, 2025.5)
    _ticks_inside(history)
    _ticks_inside(recent)
    return figure


def agriculture_alt(shares: pd.DataFrame) -> str:
    """Alt text for :func:`plot_agriculture`."""
    parts = []
    for country, rows in shares.groupby("country", sort=False):
        points = ", ".join(
            _("{share:g}% in {year}").format(share=row.share_pct, year=row.year)
            for row in rows.itertuples()
        )
        parts.append(f"{_(country)}: {points}")
    charts = _(
        "Two line charts of the share of workers in agriculture, the first for Britain, France "
        "and the United States, the second for Indonesia."
    )
    return charts + " " + "; ".join(parts) + "."
