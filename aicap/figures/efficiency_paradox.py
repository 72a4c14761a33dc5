"""Figures for the efficiency-paradox chapter: plot functions and interactive figures.

Every plot function draws both layouts: side by side on a laptop, stacked on a phone, where
legends move under their panel and labels get shorter (``style.current_layout()``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.transforms import offset_copy

from aicap.i18n import N_, _
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import efficiency_paradox as model
from aicap.style import PALETTE, current_layout, log_scale, new_figure

#: Elasticities on the horizontal axis of the rebound figure.
ELASTICITY_GRID = np.round(np.linspace(0.0, 4.0, 161), 4)
#: Pass-through shares on the horizontal axis of the income figure.
PASS_THROUGH_GRID = np.round(np.linspace(0.0, 1.0, 101), 4)
#: The bars of the rebound figure: model quantity and label.
REBOUND_BARS = {
    "price": N_("price\nper task"),
    "time_per_task": N_("time\nper task"),
    "output": N_("output"),
    "hours": N_("total\nhours"),
}


def _narrow() -> bool:
    return current_layout().name == "narrow"


def _legend(axes, ncols: int = 1, lines: int = 1, inside: bool = False, **options) -> None:
    """A legend inside the panel on a laptop (``options``), under it on a phone (below the
    tick labels and an x-axis label of ``lines`` lines), so it never covers the data. With
    ``inside``, a phone's legend stays in the panel too, in two columns where the data leave
    room (for stacked panels, whose layout does not make room for a legend between them)."""
    if not _narrow():
        axes.legend(fontsize=9, **options)
        return
    if inside:
        axes.legend(
            loc="best",
            ncols=ncols,
            fontsize=9,
            frameon=True,
            framealpha=0.85,
            edgecolor="none",
            columnspacing=0.8,
            handlelength=1.4,
            handletextpad=0.4,
        )
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


def _ticks_inside(axes) -> None:
    """Keep only the ticks (major and minor) inside the axes' limits: a tick label outside them
    would be drawn off the panel."""
    for axis, (low, high) in ((axes.xaxis, axes.get_xlim()), (axes.yaxis, axes.get_ylim())):
        low, high = min(low, high), max(low, high)
        for minor in (False, True):
            ticks = [t for t in axis.get_ticklocs(minor=minor) if low * 0.999 <= t <= high * 1.001]
            axis.set_ticks(ticks, minor=minor)


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


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


# ---------------------------------------------------------------------------------------------
# Widget 1: gain x elasticity -> hours
# ---------------------------------------------------------------------------------------------


def _break_even(gain: float, pass_through: float, labour_share: float) -> float:
    """The break-even elasticity, or inf where the price does not fall (no pass-through)."""
    if pass_through < model.MIN_PASS_THROUGH:
        return float("inf")
    return float(model.break_even_elasticity(gain, pass_through, labour_share))


def plot_rebound(
    gain: float = 0.5,
    pass_through: float = 1.0,
    elasticity: float = 2.0,
    labour_share: float = 0.6,
) -> Figure:
    """First panel: hours after the gain for every elasticity. Second: the chosen case."""
    narrow = _narrow()
    curve = model.rebound_outcomes(gain, pass_through, ELASTICITY_GRID, labour_share)
    point = model.rebound_outcomes(gain, pass_through, elasticity, labour_share)
    threshold = _break_even(gain, pass_through, labour_share)
    figure = new_figure(2, width=8.5, height=4.2)
    first, second = figure.axes

    hours = 100 * curve["hours"]
    first.axhline(100, color=PALETTE["grey"], lw=1, ls=":", label=_("before the gain"))
    first.plot(ELASTICITY_GRID, hours, color=PALETTE["blue"], label=_("after the gain"))
    if np.isfinite(threshold) and threshold <= ELASTICITY_GRID[-1]:
        first.axvline(
            threshold,
            color=PALETTE["orange"],
            ls="--",
            lw=1.6,
            label=_("break-even {value:.2f}").format(value=threshold),
        )
    else:
        note = (
            _("break-even elasticity\n{value:.1f}: off the chart").format(value=threshold)
            if np.isfinite(threshold)
            else _("no break-even:\nthe price does not fall")
        )
        first.text(0.97, 0.95, note, transform=first.transAxes, ha="right", va="top", fontsize=9)
    first.plot(
        [elasticity],
        [100 * float(point["hours"])],
        marker="o",
        ms=8,
        color=PALETTE["black"],
        ls="none",
        label=_("your setting"),
    )
    top = max(150.0, 1.08 * hours.max())
    first.set(
        xlabel=_("price elasticity of demand"),
        ylabel=_("total hours (before = 100)"),
        title=_("More efficient, more work?"),
        xlim=(0, ELASTICITY_GRID[-1]),
        ylim=(0, min(top, 400.0)),
    )
    if narrow:  # head room for the legend inside the panel
        first.set_ylim(0, 1.45 * min(top, 400.0))
    _ticks_inside(first)
    _legend(first, ncols=2, inside=True, loc="upper left")

    values = [100 * float(point[name]) for name in REBOUND_BARS]
    colours = [PALETTE["sky"], PALETTE["green"], PALETTE["orange"], PALETTE["blue"]]
    positions = np.arange(len(values))
    second.bar(positions, values, color=colours, width=0.65)
    second.axhline(100, color=PALETTE["grey"], lw=1, ls=":")
    for position, value in zip(positions, values, strict=True):
        second.text(position, value, f"{value:.0f}", ha="center", va="bottom", fontsize=9)
    bars = {name: _(label) for name, label in REBOUND_BARS.items()}
    labels = [label.split("\n")[-1 if name == "hours" else 0] for name, label in bars.items()]
    second.set_xticks(positions, labels if narrow else list(bars.values()), fontsize=9)
    title = _(
        "Gain +{gain:.0f}%, pass-through {pass_through},\n"
        "elasticity {elasticity}, wages {wages} of price"
    ).format(
        gain=100 * gain,
        pass_through=_pct(pass_through),
        elasticity=_fmt(elasticity),
        wages=_pct(labour_share),
    )
    second.set(
        ylabel=_("index (before = 100)"), title=title, ylim=(0, 1.18 * max(values + [100.0]))
    )
    second.title.set_fontsize(9.5 if narrow else 10)
    second.grid(axis="x", visible=False)
    _ticks_inside(second)
    return figure


def rebound_alt(
    gain: float = 0.5,
    pass_through: float = 1.0,
    elasticity: float = 2.0,
    labour_share: float = 0.6,
) -> str:
    """Alt text for :func:`plot_rebound`, with the numbers a reader would read off it."""
    point = model.rebound_outcomes(gain, pass_through, elasticity, labour_share)
    threshold = _break_even(gain, pass_through, labour_share)
    ends = model.rebound_outcomes(
        gain, pass_through, np.array([0.0, ELASTICITY_GRID[-1]]), labour_share
    )["hours"]
    low, high = 100 * float(ends[0]), 100 * float(ends[1])
    if np.isfinite(threshold):
        where = _(
            "Hours rise above their old level only when the elasticity exceeds {threshold:.2f}."
        ).format(threshold=threshold)
    else:
        where = _("With no pass-through the price does not fall, so no elasticity raises hours.")
    return _(
        "Two charts of the rebound model for a productivity gain of {gain:.0f}%, "
        "pass-through of {pass_through:.0f}% of the cost saving and wages equal to "
        "{wages:.0f}% of the price. First: a line of total hours worked (before "
        "= 100) against the price elasticity of demand from 0 to {top:g}, "
        "going from {low:.0f} to {high:.0f}. {where} Second: at an elasticity of "
        "{elasticity}, the price per task is {price:.0f}, time per "
        "task {time:.0f}, output {output:.0f} and total hours {hours:.0f}."
    ).format(
        gain=100 * gain,
        pass_through=100 * pass_through,
        wages=100 * labour_share,
        top=ELASTICITY_GRID[-1],
        low=low,
        high=high,
        where=where,
        elasticity=_fmt(elasticity),
        price=100 * float(point["price"]),
        time=100 * float(point["time_per_task"]),
        output=100 * float(point["output"]),
        hours=100 * float(point["hours"]),
    )


def rebound_summary(
    gain: float = 0.5,
    pass_through: float = 1.0,
    elasticity: float = 2.0,
    labour_share: float = 0.6,
) -> str:
    """One sentence for the page after each move: hours up or down, and the break-even."""
    hours = 100 * float(
        model.rebound_outcomes(gain, pass_through, elasticity, labour_share)["hours"]
    )
    threshold = _break_even(gain, pass_through, labour_share)
    if hours > 100.05:
        sentence = _("Total hours rise to {hours:.0f} (before = 100); {need}.")
    elif hours < 99.95:
        sentence = _("Total hours fall to {hours:.0f} (before = 100); {need}.")
    else:
        sentence = _("Total hours stay at {hours:.0f} (before = 100); {need}.")
    need = (
        _("the break-even elasticity is {threshold:.2f}").format(threshold=threshold)
        if np.isfinite(threshold)
        else _("no elasticity is enough, because the price does not fall")
    )
    return sentence.format(hours=hours, need=need)


def _labour_share_control(page: tuple[float, ...]) -> Control:
    """The labour-share slider, shared by both widgets."""
    return Control(
        "labour_share",
        _("Wages as a share of the price before the gain"),
        0.6,
        0.2,
        0.95,
        0.05,
        unit="%",
        scale=100,
        help=_("The rest of the price is the owners' margin."),
        page=page,
    )


def _pass_through_control(default: float, page: tuple[float, ...]) -> Control:
    """The pass-through slider, shared by both widgets (their defaults differ)."""
    return Control(
        "pass_through",
        _("Share of the cost saving passed into the price"),
        default,
        0.0,
        1.0,
        0.05,
        unit="%",
        scale=100,
        help=_("100% means the price falls by the whole saving in the cost of a task."),
        page=page,
    )


def _gain_control(page: tuple[float, ...]) -> Control:
    return Control(
        "gain",
        _("Productivity gain (more tasks per hour)"),
        0.5,
        0.05,
        3.0,
        0.05,
        unit="%",
        scale=100,
        help=_("50% means 50% more tasks an hour."),
        page=page,
    )


@register
def rebound_explorer() -> InteractiveFigure:
    """Interactive: when does a productivity gain mean more hours of work?"""
    return InteractiveFigure(
        title=_("The rebound: efficiency, prices and hours"),
        plot=plot_rebound,
        alt=rebound_alt,
        summary=rebound_summary,
        caption=_(
            "Illustrative model (assumptions, not estimates): a productivity gain cuts the "
            "time and the wage cost of a task, part of that saving lowers the price, and demand "
            "responds. Hours are the profession's total hours."
        ),
        controls=[
            _gain_control(page=(0.05, 0.5, 3.0)),
            _pass_through_control(1.0, page=(0.0, 0.25, 0.5, 0.75, 1.0)),
            Control(
                "elasticity",
                _("Price elasticity of demand"),
                2.0,
                0.0,
                4.0,
                0.05,
                help=_("How strongly the quantity demanded responds to the price."),
                page=(0.0, 2.0, 4.0),
            ),
            _labour_share_control(page=(0.2, 0.6, 0.95)),
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
    """First panel: incomes against pass-through. Second: revenue split before and after."""
    narrow = _narrow()
    curve = model.rebound_outcomes(gain, PASS_THROUGH_GRID, elasticity, labour_share)
    point = model.rebound_outcomes(gain, pass_through, elasticity, labour_share)
    best = model.owners_best_pass_through(gain, elasticity, labour_share)
    best_owners = model.rebound_outcomes(gain, best, elasticity, labour_share)
    figure = new_figure(2, width=8.5, height=4.2)
    first, second = figure.axes

    owners = 100 * curve["owners_income_index"]
    workers = 100 * curve["workers_income_index"]
    first.axhline(100, color=PALETTE["grey"], lw=1, ls=":")
    first.plot(PASS_THROUGH_GRID, workers, color=PALETTE["blue"], label=_("workers' income"))
    first.plot(PASS_THROUGH_GRID, owners, color=PALETTE["vermillion"], label=_("owners' income"))
    first.axvline(best, color=PALETTE["vermillion"], ls=":", lw=1.4)
    first.plot(
        [best],
        [100 * float(best_owners["owners_income_index"])],
        marker="D",
        ms=8,
        color=PALETTE["vermillion"],
        ls="none",
        clip_on=False,
        label=_("owners' best {share:.0f}%").format(share=100 * best),
    )
    first.plot(
        [pass_through, pass_through],
        [100 * float(point["workers_income_index"]), 100 * float(point["owners_income_index"])],
        marker="o",
        ms=7,
        color=PALETTE["black"],
        ls="none",
        label=_("your setting"),
    )
    top = max(owners.max(), workers.max(), 100.0)
    first.set(
        xlabel=_("pass-through (% of the saving)"),
        ylabel=_("income (each before = 100)"),
        title=_("Who gains from the productivity gain?"),
        xlim=(-0.02, 1.02),
        ylim=(0, 1.35 * top),
    )
    first.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"])
    if narrow:  # head room for the legend inside the panel
        first.set_ylim(0, 1.7 * top)
    _ticks_inside(first)
    _legend(first, ncols=2, inside=True, loc="upper left")

    wage_bars = [100 * labour_share, 100 * float(point["workers_income"])]
    profit_bars = [100 * (1 - labour_share), 100 * float(point["owners_income"])]
    positions = np.arange(2)
    second.bar(positions, wage_bars, width=0.55, color=PALETTE["blue"], label=_("workers (wages)"))
    second.bar(
        positions,
        profit_bars,
        width=0.55,
        bottom=wage_bars,
        color=PALETTE["vermillion"],
        label=_("owners (profit)"),
    )
    height = 1.35 * max(100.0, wage_bars[1] + profit_bars[1])
    for position, low, high in zip(positions, wage_bars, profit_bars, strict=True):
        if low > 0.07 * height:  # label a segment only where the number fits inside it
            second.text(position, low / 2, f"{low:.0f}", ha="center", va="center", color="white")
        if high > 0.07 * height:
            second.text(position, low + high / 2, f"{high:.0f}", ha="center", va="center")
    second.set_xticks(positions, [_("before"), _("after")])
    second.set(
        ylabel=_("revenue (before = 100)"),
        title=_("Revenue and its split at {share}").format(share=_pct(pass_through)),
        ylim=(0, height),
    )
    second.title.set_fontsize(10 if narrow else 11)
    second.grid(axis="x", visible=False)
    _ticks_inside(second)
    second.legend(loc="upper center", fontsize=9, ncols=2, columnspacing=0.8, handlelength=1.4)
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
    share = model.owners_best_pass_through(gain, elasticity, labour_share)
    return _(
        "Two charts for a productivity gain of {gain:.0f}%, an elasticity of demand of "
        "{elasticity} and wages equal to {wages:.0f}% of revenue before the "
        "gain. First: lines of workers' and owners' income (each before = 100) against the "
        "share of the cost saving passed into the price. From no pass-through to full "
        "pass-through, workers' income goes from {workers_low:.0f} to "
        "{workers_high:.0f} and owners' income from {owners_low:.0f} to "
        "{owners_high:.0f}. Owners' income is highest at {best:.0f}% pass-through. "
        "Second: stacked bars of revenue before (100) and after "
        "({revenue:.0f}) at {pass_through:.0f}% pass-through: "
        "wages {wages:.0f} then {wages_after:.0f}, "
        "profit {profit:.0f} then {profit_after:.0f}."
    ).format(
        gain=100 * gain,
        elasticity=_fmt(elasticity),
        wages=100 * labour_share,
        workers_low=100 * workers[0],
        workers_high=100 * workers[1],
        owners_low=100 * owners[0],
        owners_high=100 * owners[1],
        best=100 * share,
        revenue=100 * float(point["revenue"]),
        pass_through=100 * pass_through,
        wages_after=100 * float(point["workers_income"]),
        profit=100 * (1 - labour_share),
        profit_after=100 * float(point["owners_income"]),
    )


def income_split_summary(
    gain: float = 0.5,
    pass_through: float = 0.5,
    elasticity: float = 0.8,
    labour_share: float = 0.6,
) -> str:
    """One sentence for the page after each move."""
    point = model.rebound_outcomes(gain, pass_through, elasticity, labour_share)
    best = model.owners_best_pass_through(gain, elasticity, labour_share)
    workers = 100 * (float(point["workers_income_index"]) - 1)
    owners = 100 * (float(point["owners_income_index"]) - 1)
    return _(
        "Workers' income {workers:+.0f}%, owners' {owners:+.0f}%; "
        "owners would choose {best:.0f}% pass-through."
    ).format(workers=workers, owners=owners, best=100 * best)


@register
def income_split_explorer() -> InteractiveFigure:
    """Interactive: how the pass-through and the elasticity split the gain."""
    return InteractiveFigure(
        title=_("Who captures the gain: workers, owners or customers"),
        plot=plot_income_split,
        alt=income_split_alt,
        summary=income_split_summary,
        caption=_(
            "Illustrative model (assumptions, not estimates): the hourly wage is fixed, so "
            "workers' income follows hours; owners keep revenue minus wages. The owners' best "
            "pass-through assumes the price may not rise above its old level."
        ),
        controls=[
            _gain_control(page=(0.05, 0.5, 3.0)),
            _pass_through_control(0.5, page=(0.0, 0.5, 1.0)),
            Control(
                "elasticity",
                _("Price elasticity of demand"),
                0.8,
                0.0,
                3.0,
                0.05,
                page=(0.0, 0.8, 1.8, 2.5, 3.0),
            ),
            _labour_share_control(page=(0.2, 0.6, 0.95)),
        ],
    )


# ---------------------------------------------------------------------------------------------
# The two professions and the break-even elasticity
# ---------------------------------------------------------------------------------------------

PROFESSION_BARS = {
    "price": N_("price"),
    "output": N_("output"),
    "hours": N_("hours"),
    "workers_income_index": N_("workers'\npay"),
    "owners_income_index": N_("owners'\nprofit"),
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
    narrow = _narrow()
    outcomes = profession_outcomes(presets)
    figure = new_figure(1, width=7.0, height=4.4)
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
            label=_(profession),
        )
        for x, value in zip(offset, values, strict=True):
            axes.text(
                x,
                value * (1.12 if value >= 1 else 0.89),
                _ratio(value),
                ha="center",
                va="bottom" if value >= 1 else "top",
                fontsize=9,
                rotation=90 if narrow else 0,
            )
    axes.axhline(1.0, color="#333333", lw=1)
    log_scale(axes, "y")
    low = min(0.5, outcomes.to_numpy().min() / (12 if narrow else 3))
    high = max(2.0, outcomes.to_numpy().max() * (8 if narrow else 4))
    axes.set_ylim(low, high)
    labels = [_(label) for label in PROFESSION_BARS.values()]
    axes.set_xticks(positions, labels, fontsize=9 if narrow else 10)
    axes.set(
        ylabel=_("after ÷ before (log scale)"),
        title=_("Two professions in the model (assumed values)"),
    )
    axes.grid(axis="x", visible=False)
    _ticks_inside(axes)
    if narrow:
        _legend(axes, ncols=2, lines=0)
    else:
        axes.legend(loc="upper center", fontsize=9, ncols=2)
    return figure


def professions_alt(presets: pd.DataFrame) -> str:
    """Alt text for :func:`plot_professions`."""
    outcomes = profession_outcomes(presets)
    parts = []
    for profession, row in outcomes.iterrows():
        params = model.preset_parameters(presets, profession)
        values = ", ".join(
            f"{_(label).replace(chr(10), ' ')} {_ratio(row[name])}"
            for name, label in PROFESSION_BARS.items()
        )
        parts.append(
            _(
                "{profession} (gain {gain:g}, pass-through {pass_through:g}, "
                "elasticity {elasticity:g}): {values}"
            ).format(
                profession=_(profession),
                gain=params["gain"],
                pass_through=params["pass_through"],
                elasticity=params["elasticity"],
                values=values,
            )
        )
    return _(
        "Bar chart on a log scale of what the rebound model predicts for two professions, as "
        "after divided by before; bars go up for rises and down for falls. {parts}."
    ).format(parts="; ".join(parts))


def plot_break_even(gains: dict[str, float], labour_share: float = 0.6) -> Figure:
    """Break-even elasticity against pass-through, one line per named gain (log scale)."""
    narrow = _narrow()
    shares = np.round(np.linspace(0.1, 1.0, 91), 4)
    figure = new_figure(1, width=7.0, height=4.2)
    (axes,) = figure.axes
    colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["purple"]]
    for i, (label, gain) in enumerate(gains.items()):
        axes.plot(
            100 * shares,
            model.break_even_elasticity(gain, shares, labour_share),
            color=colours[i % len(colours)],
            label=_(label),
        )
    axes.plot(
        100 * shares,
        1 / (shares * labour_share),
        color=PALETTE["black"],
        ls=":",
        lw=1.6,
        zorder=5,
        label=_("rule of thumb 1 ÷ (s × a)"),
    )
    log_scale(axes, "y")
    axes.set(
        xlabel=_("pass-through s (% of the cost saving passed into the price)"),
        ylabel=_("break-even elasticity (log scale)"),
        title=_("How responsive must demand be? (wages a = {wages:.0f}% of price)").format(
            wages=100 * labour_share
        ),
        xlim=(10, 100),
    )
    axes.title.set_fontsize(10)
    _ticks_inside(axes)
    if narrow:
        _legend(axes, ncols=2, lines=2)
    else:
        axes.legend(fontsize=9, loc="upper right")
    return figure


def break_even_alt(gains: dict[str, float], labour_share: float = 0.6) -> str:
    """Alt text for :func:`plot_break_even`."""
    parts = []
    for label, gain in gains.items():
        low, mid, high = model.break_even_elasticity(gain, np.array([0.1, 0.5, 1.0]), labour_share)
        parts.append(
            _(
                "{label}: {low:.1f} at 10% pass-through, {mid:.2f} at 50% and {high:.2f} at 100%"
            ).format(label=_(label), low=low, mid=mid, high=high)
        )
    return _(
        "Line chart on a log scale of the break-even elasticity, above which a productivity gain "
        "raises hours worked, against the share of the cost saving passed into the price (10% to "
        "100%), with wages {wages:.0f}% of the price. {parts}. A dotted line shows 1 divided by "
        "the pass-through times the wage share, the break-even for a very small gain; it lies "
        "almost on top of the line for the small gain."
    ).format(wages=100 * labour_share, parts="; ".join(parts))


# ---------------------------------------------------------------------------------------------
# Real figures: the layoff surveys
# ---------------------------------------------------------------------------------------------


def _survey_rows(surveys: pd.DataFrame) -> list[tuple[str, str, str, pd.Series]]:
    """One bar per survey, kind and period: (long label, short label, kind, shares)."""
    rows = []
    for (survey, kind, period), group in surveys.groupby(["survey", "kind", "period"], sort=False):
        shares = group.set_index("answer")["share_pct"]
        if kind == "reported":
            long = _("{survey}: AI replaced workers in {period}")
            short = _("{initials} {period}: happened")
        else:
            long = _("{survey}: expect AI layoffs in {period}")
            short = _("{initials} {period}: expected")
        initials = "".join(part[0] for part in survey.replace("Resume", "Resume ").split())
        rows.append(
            (
                long.format(survey=survey, period=period),
                short.format(initials=initials, period=period),
                kind,
                shares,
            )
        )
    return rows


def plot_surveys(surveys: pd.DataFrame, claims: pd.DataFrame) -> Figure:
    """Horizontal bars: what leaders reported, what they expected, and what the article says."""
    narrow = _narrow()
    figure = new_figure(1, width=7.0, height=4.0)
    (axes,) = figure.axes
    rows = _survey_rows(surveys)
    seed = claims[claims["claim"].str.contains("laid off")]
    positions = np.arange(len(rows) + len(seed))[::-1]
    for position, (_long, _short, kind, shares) in zip(positions, rows, strict=False):
        if kind == "reported":
            axes.barh(position, shares["yes"], color=PALETTE["blue"], label=_("said it happened"))
            total = shares["yes"]
        else:
            axes.barh(
                position,
                shares["definitely"],
                color=PALETTE["orange"],
                label=_("expect: definitely"),
            )
            axes.barh(
                position,
                shares["probably"],
                left=shares["definitely"],
                color=PALETTE["yellow"],
                label=_("expect: probably"),
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
            label=_("source article's claim"),
        )
        axes.text(row.value + 1, position, f"{row.value:g}%", va="center", fontsize=9)
    if narrow:
        labels = [row[1] for row in rows] + [_("Article: 2024")] * len(seed)
    else:
        labels = [row[0] for row in rows] + [_("Source article: laid off in 2024")] * len(seed)
    axes.set_yticks(positions, labels, fontsize=9)
    handles, names = axes.get_legend_handles_labels()
    unique = dict(zip(names, handles, strict=True))
    if narrow:
        below = offset_copy(axes.transAxes, fig=figure, y=-44, units="points")
        axes.legend(
            unique.values(),
            unique.keys(),
            loc="upper center",
            bbox_to_anchor=(0.4, 0.0),
            bbox_transform=below,
            ncols=2,
            fontsize=9,
            frameon=False,
            columnspacing=0.8,
            handlelength=1.4,
        )
    else:
        axes.legend(unique.values(), unique.keys(), fontsize=9, loc="lower right")
    axes.set(
        xlabel=_("% of business leaders asked"),
        xlim=(0, 60 if narrow else 100),
        title=_("Layoffs: reported, expected, quoted"),
    )
    axes.set_xticks([0, 25, 50] if narrow else [0, 20, 40, 60, 80, 100])
    axes.grid(axis="y", visible=False)
    _ticks_inside(axes)
    return figure


def surveys_alt(surveys: pd.DataFrame, claims: pd.DataFrame) -> str:
    """Alt text for :func:`plot_surveys`, generated from the tables."""
    parts = []
    for (survey, kind, period), group in surveys.groupby(["survey", "kind", "period"], sort=False):
        shares = group.set_index("answer")["share_pct"]
        if kind == "reported":
            parts.append(
                _("{survey}, AI replaced workers in {period}: {share:g}%").format(
                    survey=survey, period=period, share=shares["yes"]
                )
            )
        else:
            parts.append(
                _(
                    "{survey}, expect AI layoffs in {period}: {total:g}% "
                    "({definitely:g}% definitely, {probably:g}% probably)"
                ).format(
                    survey=survey,
                    period=period,
                    total=shares["definitely"] + shares["probably"],
                    definitely=shares["definitely"],
                    probably=shares["probably"],
                )
            )
    seed = claims[claims["claim"].str.contains("laid off")]
    parts += [
        _("the source article's claim of layoffs in 2024: {value:g}%").format(value=v)
        for v in seed["value"]
    ]
    return _("Horizontal bar chart of survey answers by business leaders. {parts}.").format(
        parts="; ".join(parts)
    )


# ---------------------------------------------------------------------------------------------
# Real figures: tech unemployment on two measures, beside all workers on the same footing
# ---------------------------------------------------------------------------------------------

#: The months the tech-unemployment chart compares.
TECH_MONTHS = ("2024-12", "2025-01", "2025-02")
#: The chart's series: column name and colour.
TECH_SERIES = {
    N_("tech occupations (CompTIA)"): PALETTE["blue"],
    N_("IT professionals (Janco)"): PALETTE["orange"],
    N_("all workers, not seasonally adjusted (BLS)"): PALETTE["grey"],
}
#: The series' names in the legend, where they must be short.
TECH_LEGEND = {
    "tech occupations (CompTIA)": N_("tech occupations (CompTIA)"),
    "IT professionals (Janco)": N_("IT professionals (Janco)"),
    "all workers, not seasonally adjusted (BLS)": N_("all workers (BLS, unadjusted)"),
}


def tech_unemployment_rates(comptia: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """One row per month of :data:`TECH_MONTHS`: CompTIA's tech-occupation rate, Janco's IT rate
    and the all-workers rate that, like Janco's (and the BLS industry rates), is not seasonally
    adjusted."""
    occupations = comptia.set_index("month")
    unadjusted = other[other["seasonally_adjusted"] == "no"]
    janco = unadjusted[unadjusted["series"] == "IT professionals (Janco)"].set_index("month")
    everyone = unadjusted[unadjusted["series"] == "all workers (BLS)"].set_index("month")
    names = list(TECH_SERIES)
    return pd.DataFrame(
        {
            names[0]: occupations["tech_unemployment_pct"],
            names[1]: janco["rate_pct"],
            names[2]: everyone["rate_pct"],
        }
    ).loc[list(TECH_MONTHS)]


def plot_tech_unemployment(comptia: pd.DataFrame, other: pd.DataFrame) -> Figure:
    """Grouped bars: two measures of US tech unemployment beside the unadjusted all-workers rate."""
    narrow = _narrow()
    rates = tech_unemployment_rates(comptia, other)
    figure = new_figure(1, width=7.0, height=4.0)
    (axes,) = figure.axes
    width = 0.8 / len(rates.columns)
    positions = np.arange(len(rates))
    for i, (column, colour) in enumerate(TECH_SERIES.items()):
        offset = positions + (i - (len(rates.columns) - 1) / 2) * width
        values = rates[column].to_numpy(dtype=float)
        axes.bar(offset, values, width=width, color=colour, label=_(TECH_LEGEND[column]))
        for x, value in zip(offset, values, strict=True):
            axes.text(x, value + 0.1, f"{value:.1f}", ha="center", va="bottom", fontsize=9)
    axes.set_xticks(positions, [_("Dec 2024"), _("Jan 2025"), _("Feb 2025")])
    axes.set(
        ylabel=_("unemployment rate (%)"),
        ylim=(0, 1.25 * float(rates.to_numpy().max())),
        title=_("US tech unemployment on two measures"),
    )
    axes.grid(axis="x", visible=False)
    _ticks_inside(axes)
    if narrow:
        _legend(axes, ncols=1, lines=0)
    else:
        below = offset_copy(axes.transAxes, fig=figure, y=-30, units="points")
        axes.legend(
            fontsize=9,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            bbox_transform=below,
            ncols=3,
            frameon=False,
        )
    return figure


def tech_unemployment_alt(comptia: pd.DataFrame, other: pd.DataFrame) -> str:
    """Alt text for :func:`plot_tech_unemployment`, generated from the tables."""
    rates = tech_unemployment_rates(comptia, other)
    parts = [
        f"{month}: " + ", ".join(f"{_(column)} {value:.1f}%" for column, value in row.items())
        for month, row in rates.iterrows()
    ]
    return _(
        "Grouped bar chart of US unemployment rates for three months: workers in tech "
        "occupations (CompTIA), IT professionals as Janco Associates counts them, and all "
        "workers, not seasonally adjusted. {parts}."
    ).format(parts="; ".join(parts))
