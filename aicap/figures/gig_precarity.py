"""Figures for the gig-precarity chapter: plot functions, alt texts and interactive figures."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import blended_transform_factory, offset_copy

from aicap.data import load
from aicap.i18n import N_, _
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import gig_precarity as model
from aicap.style import PALETTE, current_layout, new_figure

#: Legal floors drawn on the Greater Jakarta earnings figures: ``(region, province)``. DKI
#: Jakarta sets only a UMP; the lowest and the highest UMK of the other Jabodetabek areas.
WAGE_PLACES = (
    ("DKI Jakarta", "DKI Jakarta"),
    ("Kabupaten Bogor", "Jawa Barat"),
    ("Kota Bekasi", "Jawa Barat"),
)
#: Months simulated for every driver's-month result in the chapter and for a widget redraw
#: (one number, so the text, the tables and the figures agree; `make bench` times a redraw).
N_MONTHS = 1000
#: Identical drivers followed in the rating simulations of the chapter.
N_DRIVERS = 2000
#: The seed of every simulation drawn in the chapter.
SEED = 2025
WAGE_COLOURS = (PALETTE["vermillion"], PALETTE["purple"], PALETTE["green"], PALETTE["sky"])


def _narrow() -> bool:
    """True while drawing the phone layout (legends go below panels, labels get shorter)."""
    return current_layout().name == "narrow"


def _narrow_lines(text: str, longest: int) -> str:
    """``text`` on two lines of about equal length on a phone when it is longer than
    ``longest`` characters (a translation longer than the English would run off the panel);
    unchanged in the wide layout and when it is short enough."""
    if not _narrow() or len(text) <= longest or " " not in text:
        return text
    for width in range((len(text) + 1) // 2, len(text) + 1):
        lines = textwrap.wrap(text, width, break_long_words=False)
        if len(lines) <= 2:
            return "\n".join(lines)
    return text


def _legend_below(axes, ncols: int = 1, lines: int = 1, on_figure: bool = False) -> None:
    """A legend under the panel, below its tick labels and its x-axis label (of ``lines``
    lines), so that it never covers the data or the labels; centred under the panel, or under
    the whole figure when ``on_figure``."""
    below = offset_copy(axes.transAxes, fig=axes.figure, y=-(32 + 15 * lines), units="points")
    if on_figure:
        below = blended_transform_factory(axes.figure.transFigure, below)
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=below,
        ncols=ncols,
        fontsize=9,
        frameon=False,
        borderaxespad=0.0,
        columnspacing=0.8,
        handlelength=1.6,
    )


def _ticks_inside(axes) -> None:
    """Keep only the tick marks inside the axes' limits (a label outside them would be drawn
    off the panel, or sit over another label)."""
    for axis, (low, high) in ((axes.xaxis, axes.get_xlim()), (axes.yaxis, axes.get_ylim())):
        low, high = min(low, high), max(low, high)
        axis.set_ticks([t for t in axis.get_ticklocs() if low - 1e-9 <= t <= high + 1e-9])


#: Rupiah in words, by the unit :func:`_rp` writes them in.
_RP_UNITS = {"thousand": N_("Rp{amount} thousand"), "million": N_("Rp{amount} million")}


def _rp(value: float, scale: float = 1000, unit: str = "thousand") -> str:
    """Rupiah in words for alt text: -2400 -> 'minus Rp2.4 thousand'."""
    digits = 2 if scale >= 1e6 else 1
    text = _(_RP_UNITS[unit]).format(amount=f"{abs(value) / scale:.{digits}f}")
    return _("minus {amount}").format(amount=text) if value < 0 else text


# ---------------------------------------------------------------------------------------------
# Inputs from the book's tables
# ---------------------------------------------------------------------------------------------


def default_driver_setup(zone: str = "Zone II (Greater Jakarta)") -> dict:
    """The model's parameters from the book's tables (assumptions, fares, fuel, commission)."""
    return model.driver_setup(
        load("ojol_driver_assumptions"),
        load("ojol_demand_profile"),
        load("ojol_fares"),
        load("fuel_prices"),
        load("ojol_commission_rules"),
        zone=zone,
    )


def wage_floors(places=WAGE_PLACES, on: str = "2025-01-01") -> pd.DataFrame:
    """The legal floor of each ``(region, province)``: its UMK where one is set, else the UMP."""
    return model.wage_floors(
        places, load("minimum_wages_2025"), load("minimum_wages_umk_2025"), on=on
    )


def wage_lines(places=WAGE_PLACES, on: str = "2025-01-01") -> dict[str, float]:
    """``{"UMK Kota Bekasi": monthly Rp, "UMP DKI Jakarta": ...}``: the legal floor of each place
    (:func:`aicap.models.gig_precarity.legal_floor`, from minimum_wages_umk_2025 where a UMK is
    set, else minimum_wages_2025)."""
    floors = wage_floors(places, on)
    return {f"{row.level} {region}": float(row.monthly_rp) for region, row in floors.iterrows()}


def incidence_defaults() -> dict[str, float]:
    """The commission-cap incidence model's assumed values (mark A), by parameter name."""
    table = load("commission_cap_assumptions")
    return {
        name: float(value) for name, value in zip(table["parameter"], table["value"], strict=True)
    }


def rating_defaults() -> dict[str, float]:
    """The rating model's assumed values (mark A), by parameter name."""
    table = load("rating_rule_assumptions")
    return {
        name: float(value) for name, value in zip(table["parameter"], table["value"], strict=True)
    }


# ---------------------------------------------------------------------------------------------
# Commission rules
# ---------------------------------------------------------------------------------------------


def plot_commission_rules(rules: pd.DataFrame) -> Figure:
    """Stacked horizontal bars: commission and support fee the platform may keep, per rule."""
    narrow = _narrow()
    # a rule's name longer than the English's longest (22 characters) takes two lines on a
    # phone, or the labels squeeze the bars; the panel is then taller, to keep them apart
    labels = [_narrow_lines(_(row.rule), 22) + "\n" + _(row.status) for row in rules.itertuples()]
    lines = max(label.count("\n") + 1 for label in labels)
    figure = new_figure(1, width=7.5, height=3.4 if lines <= 2 else 4.4)
    (axes,) = figure.axes
    positions = np.arange(len(rules))[::-1]
    axes.barh(
        positions,
        rules["commission_cap_pct"],
        color=PALETTE["blue"],
        label=_("commission cap"),
    )
    axes.barh(
        positions,
        rules["support_fee_pct"],
        left=rules["commission_cap_pct"],
        color=PALETTE["orange"],
        label=_("support fee"),
    )
    for position, total in zip(positions, rules["total_pct"], strict=True):
        axes.text(total + 0.4, position, f"{total:g}%", va="center", fontsize=10)
    axes.set_yticks(positions, labels, fontsize=9)
    axes.set(
        xlabel=_("% of the fare") if narrow else _("% of the fare the platform may keep"),
        xlim=(0, 25),
        title=_("What the platform\nmay keep")
        if narrow
        else _("What the platform may keep from each fare"),
    )
    axes.set_xticks([0, 10, 20])
    axes.grid(axis="y", visible=False)
    # never over a bar or its label; on a phone centred under the figure, not the panel (which
    # the rules' names push to the right), or it runs off the figure's right edge
    _legend_below(axes, ncols=2, on_figure=narrow)
    return figure


def commission_rules_alt(rules: pd.DataFrame) -> str:
    """Alt text for :func:`plot_commission_rules`."""
    items = "; ".join(
        (
            _(
                "{rule}, {year}, {status}: {commission:g}% commission plus {fee:g}% support "
                "fee, {total:g}% in total"
            )
            if row.support_fee_pct
            else _("{rule}, {year}, {status}: {commission:g}% commission, {total:g}% in total")
        ).format(
            rule=_(row.rule),
            year=row.year,
            status=_(row.status),
            commission=row.commission_cap_pct,
            fee=row.support_fee_pct,
            total=row.total_pct,
        )
        for row in rules.itertuples()
    )
    return _(
        "Horizontal stacked bar chart of the share of a fare an ojol platform may keep. {items}."
    ).format(items=items)


# ---------------------------------------------------------------------------------------------
# A driver's month
# ---------------------------------------------------------------------------------------------

HOURLY_BIN = 2.0  # thousand Rp


def _hourly_histogram(net_hourly: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Share of working hours in each 2-thousand-rupiah bin of net earnings."""
    values = np.asarray(net_hourly, dtype=float).ravel(order="K") / 1000
    low = HOURLY_BIN * np.floor(values.min() / HOURLY_BIN)
    high = HOURLY_BIN * (np.floor(values.max() / HOURLY_BIN) + 1)
    edges = np.arange(low, high + HOURLY_BIN / 2, HOURLY_BIN)
    counts, edges = np.histogram(values, bins=edges)
    return 100 * counts / values.size, edges


def _monthly_histogram(net_monthly: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Share of months in each of 30 equal bins of net monthly earnings (million Rp)."""
    values = np.asarray(net_monthly, dtype=float) / 1e6
    low, high = values.min(), values.max()
    if high - low < 0.05:  # nearly identical months: give the bars some width
        low, high = low - 0.025, high + 0.025
    counts, edges = np.histogram(values, bins=30, range=(low, high))
    return 100 * counts / values.size, edges


def driver_month(wages: dict[str, float], n_months: int = N_MONTHS, seed: int = SEED, **setup):
    """Run the month model and return ``(simulation, summary, shares below each wage)``."""
    sim = model.simulate_driver_months(**setup, n_months=n_months, seed=seed)
    summary = model.earnings_summary(sim)
    below = model.share_below(sim.net_monthly, list(wages.values()))
    return sim, summary, dict(zip(wages, below.tolist(), strict=True))


def plot_driver_month(
    wages: dict[str, float], n_months: int = N_MONTHS, seed: int = SEED, **setup
) -> Figure:
    """Top or left: net earnings per working hour. Then: net earnings per month, with the legal
    floors. On a phone the panels are stacked, the titles short and the legend below."""
    sim, summary, below = driver_month(wages, n_months, seed, **setup)
    narrow = _narrow()
    figure = new_figure(2, width=8.5, height=3.9)
    left, right = figure.axes

    shares, edges = _hourly_histogram(sim.net_hourly)
    left.stairs(shares, edges, fill=True, color=PALETTE["blue"], alpha=0.85)
    left.axvline(0, color=PALETTE["black"], lw=1)
    left.set(
        xlabel=_("net per hour (thousand Rp)"),
        ylabel=_("% of working hours"),
        title=_("Each hour") if narrow else _("Each hour: often nothing, sometimes a loss"),
    )
    left.set_ylim(0, max(shares.max(), 1.0) * 1.35)  # room for the note above the bars
    _ticks_inside(left)
    left.annotate(
        _("{share:.0f}% of hours lose money").format(share=100 * summary["share_hours_losing"]),
        xy=(0.98, 0.96),
        xycoords="axes fraction",
        ha="right",
        va="top",
        fontsize=9,
    )

    shares, edges = _monthly_histogram(sim.net_monthly)
    right.stairs(shares, edges, fill=True, color=PALETTE["sky"], alpha=0.9)
    right.axvline(
        summary["mean_monthly"] / 1e6,
        color=PALETTE["black"],
        lw=1.5,
        label=_("mean month: {amount}").format(amount=_rp(summary["mean_monthly"], 1e6, "million")),
    )
    for (name, wage), colour in zip(wages.items(), WAGE_COLOURS, strict=False):
        right.axvline(
            wage / 1e6,
            color=colour,
            lw=2,
            ls="--",
            label=(
                _("{name}: {share:.0f}% of months below")
                if not narrow
                else _("{name}: {share:.0f}% below")
            ).format(name=name, share=100 * below[name]),
        )
    # the unit in the title, not in an x label, leaves the room under the panel to the legend
    right.set(
        ylabel=_("% of simulated months"),
        title=_("Each month: net, million Rp")
        if narrow
        else _("Each month: net earnings (million Rp)"),
    )
    _ticks_inside(right)
    _legend_below(right, ncols=1, lines=0)
    return figure


def driver_month_alt(
    wages: dict[str, float], n_months: int = N_MONTHS, seed: int = SEED, **setup
) -> str:
    """Alt text for :func:`plot_driver_month`, from the same simulation."""
    _sim, summary, below = driver_month(wages, n_months, seed, **setup)
    wage_text = "; ".join(
        _("{name} (Rp{wage:.2f} million): {share:.0f}% of months below").format(
            name=name, wage=wage / 1e6, share=100 * below[name]
        )
        for name, wage in wages.items()
    )
    return _(
        "Two histograms from {n_months:,} simulated months of an ojol driver working "
        "{hours} hours a day, {days} days a month, with "
        "{trips:g} trips in an ordinary hour, trips of {trip_km:g} km, "
        "a motorcycle doing {km_per_litre:g} km a litre, day-to-day demand noise "
        "{noise:g}, a {commission:.0f}% commission, surge "
        "pricing up to {surge:.2f} times the fare and petrol at "
        "Rp{fuel:,.0f} a litre. First: net earnings per working hour, from "
        "{p10_hourly} (10th percentile) to {p90_hourly} (90th); "
        "{losing:.0f}% of hours lose money. Second: net earnings "
        "per month, mean {mean}, 10th to 90th "
        "percentile {p10} to {p90}, with the legal floors marked: {wages}."
    ).format(
        n_months=n_months,
        hours=setup["hours_per_day"],
        days=setup["days_per_month"],
        trips=setup["trips_per_hour"],
        trip_km=setup["trip_km"],
        km_per_litre=setup["km_per_litre"],
        noise=setup["demand_noise"],
        commission=100 * setup["commission"],
        surge=setup["surge_cap"],
        fuel=setup["fuel_price"],
        p10_hourly=_rp(summary["p10_hourly"]),
        p90_hourly=_rp(summary["p90_hourly"]),
        losing=100 * summary["share_hours_losing"],
        mean=_rp(summary["mean_monthly"], 1e6, "million"),
        p10=_rp(summary["p10_monthly"], 1e6, "million"),
        p90=_rp(summary["p90_monthly"], 1e6, "million"),
        wages=wage_text,
    )


def driver_month_summary(
    wages: dict[str, float], n_months: int = N_MONTHS, seed: int = SEED, **setup
) -> str:
    """One sentence for the page to announce: the mean month against the lowest floor."""
    _sim, summary, below = driver_month(wages, n_months, seed, **setup)
    lowest = min(wages, key=wages.get)
    return _(
        "Mean month {mean}, {share:.0f}% of the lowest floor ({lowest}); "
        "{below:.0f}% of months below it."
    ).format(
        mean=_rp(summary["mean_monthly"], 1e6, "million"),
        share=100 * summary["mean_monthly"] / wages[lowest],
        lowest=lowest,
        below=100 * below[lowest],
    )


def _driver_explorer(title: str, controls: list[Control], caption: str) -> InteractiveFigure:
    setup = default_driver_setup()
    names = {control.name for control in controls}
    fixed = {key: value for key, value in setup.items() if key not in names}
    fixed.update(wages=wage_lines(), n_months=N_MONTHS, seed=SEED)
    return InteractiveFigure(
        title=title,
        plot=plot_driver_month,
        alt=driver_month_alt,
        caption=caption,
        controls=controls,
        fixed=fixed,
        summary=driver_month_summary,
    )


@register
def driver_earnings_explorer() -> InteractiveFigure:
    """Interactive: commission, surge pricing, hours and fuel price -> earnings distribution."""
    setup = default_driver_setup()
    return _driver_explorer(
        _("A driver's month: the platform's rules"),
        [
            Control(
                "commission",
                _("Platform take (commission + fee)"),
                setup["commission"],
                0.0,
                0.4,
                0.01,
                unit="%",
                scale=100,
                page=(0.0, 0.1, 0.2, 0.3, 0.4),
            ),
            Control(
                "surge_cap",
                _("Highest surge multiplier"),
                setup["surge_cap"],
                1.0,
                2.0,
                0.05,
                unit=_("× fare"),
                help=_(
                    "The surge cap: dynamic pricing raises fares in busy hours, up to this "
                    "multiple of the normal fare."
                ),
                page=(1.0, 1.1, 2.0),
            ),
            Control(
                "hours_per_day",
                _("Hours worked per day"),
                setup["hours_per_day"],
                4,
                14,
                1,
                page=(4, 10, 14),
            ),
            Control(
                "fuel_price",
                _("Petrol price"),
                setup["fuel_price"],
                5000,
                20000,
                500,
                unit=_("Rp/litre"),
                page=(5000, 10000, 20000),
            ),
        ],
        _(
            "Simulated months of a Greater Jakarta ojol driver (Zone II fares). Trips, demand "
            "and costs are assumptions of the book (table ojol_driver_assumptions, mark A); "
            "fares, the commission rule, petrol and the legal floors (the UMK where one is set, "
            "else the UMP) come from the data tables."
        ),
    )


@register
def driver_assumptions_explorer() -> InteractiveFigure:
    """Interactive: the model's assumptions (trips, fuel economy, trip length, demand noise)."""
    setup = default_driver_setup()
    return _driver_explorer(
        _("A driver's month: change the book's assumptions"),
        [
            Control(
                "trips_per_hour",
                _("Trips in an ordinary hour"),
                setup["trips_per_hour"],
                0.3,
                2.5,
                0.1,
                unit=_("trips"),
                help=_("An assumption: no public data."),
                page=(0.3, 0.7, 1.0, 1.5, 2.5),
            ),
            Control(
                "km_per_litre",
                _("Fuel economy"),
                setup["km_per_litre"],
                25,
                70,
                1,
                unit=_("km/litre"),
                help=_("An assumption: no public data."),
                page=(25, 45, 70),
            ),
            Control(
                "trip_km",
                _("Length of a trip"),
                setup["trip_km"],
                2.0,
                15.0,
                0.5,
                unit="km",
                page=(2.0, 5.0, 15.0),
            ),
            Control(
                "demand_noise",
                _("Day-to-day swings in demand"),
                setup["demand_noise"],
                0.0,
                0.6,
                0.05,
                help=_(
                    "0 means every day is ordinary; at 0.25 most days lie within about a "
                    "quarter of the usual demand, above or below."
                ),
                page=(0.0, 0.25, 0.6),
            ),
        ],
        _(
            "The same model with the platform's rules fixed at their defaults; the controls "
            "are assumptions of the book that no public source measures."
        ),
    )


def plot_hours_needed(table: pd.DataFrame, wages: dict[str, float]) -> Figure:
    """Mean and 10th–90th percentile of monthly net earnings against hours worked per day."""
    figure = new_figure(1, width=7.0, height=4.6)
    (axes,) = figure.axes
    hours = table.index.to_numpy()
    axes.fill_between(
        hours,
        table["p10"] / 1e6,
        table["p90"] / 1e6,
        color=PALETTE["sky"],
        alpha=0.35,
        lw=0,
        label=_("10th–90th percentile of months"),
    )
    axes.plot(hours, table["mean"] / 1e6, color=PALETTE["blue"], marker="o", ms=4, label=_("mean"))
    for (name, wage), colour in zip(wages.items(), WAGE_COLOURS, strict=False):
        axes.axhline(wage / 1e6, color=colour, lw=2, ls="--", label=name)
    narrow = _narrow()
    axes.set(
        xlabel=_("hours worked per day"),
        ylabel=_("net per month (million Rp)")
        if narrow
        else _("net earnings per month (million Rp)"),
        title=_("Longer days against the legal floor"),
    )
    axes.set_ylim(0, max(table["p90"].max(), max(wages.values())) / 1e6 * 1.1)
    axes.set_xticks([h for h in (4, 6, 8, 10, 12, 14, 16) if hours.min() <= h <= hours.max()])
    _ticks_inside(axes)
    _legend_below(axes, ncols=1 if narrow else 2)  # the dashed floors run across the panel
    return figure


def hours_needed_alt(table: pd.DataFrame, wages: dict[str, float]) -> str:
    """Alt text for :func:`plot_hours_needed`."""
    means = ", ".join(
        _("{hours} hours: Rp{value:.2f} million").format(hours=hours, value=value / 1e6)
        for hours, value in table["mean"].items()
    )
    wage_text = "; ".join(
        _("{name} Rp{wage:.2f} million").format(name=name, wage=wage / 1e6)
        for name, wage in wages.items()
    )
    return _(
        "Line chart of a driver's mean net earnings per month against hours worked per day, "
        "with a band from the 10th to the 90th percentile. Means: {means}. Dashed lines mark "
        "the legal floors for 2025: {wages}."
    ).format(means=means, wages=wage_text)


# ---------------------------------------------------------------------------------------------
# Ratings and deactivation
# ---------------------------------------------------------------------------------------------


def plot_rating_window(cutoff: float, noise: float, window: int, quality: float) -> Figure:
    """Left: chance of each star rating. Right: distribution of the average of the window."""
    probs = model.star_probabilities(quality, noise)
    averages, distribution = model.average_rating_distribution(quality, noise, window)
    risk = float(model.deactivation_probability(cutoff, noise, window, quality))
    mean, _spread = model.rating_moments(quality, noise)
    figure = new_figure(2, width=8.5, height=3.8)
    left, right = figure.axes

    left.bar(np.arange(1, 6), 100 * probs, color=PALETTE["orange"], width=0.7)
    for stars, p in zip(range(1, 6), probs, strict=True):
        left.text(stars, 100 * p + 1.5, f"{100 * p:.0f}%", ha="center", fontsize=9)
    # what the bars count is in the title and the tick labels, not in an x label: the page
    # measures a stacked panel's x label where it would cross the panel below
    left.set(
        ylabel=_("% of ratings"),
        ylim=(0, 112),
        title=_("Stars from one customer (mean {mean:.2f})").format(mean=float(mean)),
    )
    left.set_xticks(range(1, 6), [f"{k}★" for k in range(1, 6)])

    shares = 100 * distribution
    right.plot(averages, shares, color=PALETTE["blue"], lw=1.5, drawstyle="steps-mid")
    below = averages < cutoff - 1e-9
    right.fill_between(
        averages,
        0,
        np.where(below, shares, 0.0),
        step="mid",
        color=PALETTE["vermillion"],
        alpha=0.6,
        lw=0,
        label=_("deactivated: {risk}").format(risk=_percent(risk)),
    )
    right.axvline(
        cutoff,
        color=PALETTE["vermillion"],
        ls="--",
        lw=1.5,
        label=_("cut-off {cutoff:g}").format(cutoff=cutoff),
    )
    low = max(1.0, min(cutoff, float(mean)) - 0.6)
    right.set(
        xlabel=_("average of the last {window} ratings").format(window=window),
        ylabel=_("% chance"),
        xlim=(low, 5.02),
        title=_("The average the platform checks"),
    )
    right.legend(loc="upper left", fontsize=9)
    # whole-number ticks: no label wider than the panel above, so the y labels line up
    right.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    _ticks_inside(left)
    _ticks_inside(right)
    return figure


def rating_window_alt(cutoff: float, noise: float, window: int, quality: float) -> str:
    """Alt text for :func:`plot_rating_window`."""
    probs = model.star_probabilities(quality, noise)
    risk = float(model.deactivation_probability(cutoff, noise, window, quality))
    mean, _spread = model.rating_moments(quality, noise)
    stars = ", ".join(
        _("{stars} stars {share:.0f}%").format(stars=k, share=100 * p)
        for k, p in zip(range(1, 6), probs, strict=True)
    )
    return _(
        "Two charts for a driver of true quality {quality:g} stars rated with noise {noise:g}. "
        "Left: chance of each rating: {stars}; mean {mean:.2f} stars. Right: the "
        "distribution of the average of the last {window} ratings, with the cut-off at "
        "{cutoff:g} marked; the area below it, the chance of deactivation, is {risk}."
    ).format(
        quality=quality,
        noise=noise,
        stars=stars,
        mean=float(mean),
        window=window,
        cutoff=cutoff,
        risk=_percent(risk),
    )


def rating_window_summary(cutoff: float, noise: float, window: int, quality: float) -> str:
    """One sentence for the page to announce: the chance of deactivation at one check."""
    risk = float(model.deactivation_probability(cutoff, noise, window, quality))
    mean, _spread = model.rating_moments(quality, noise)
    return _(
        "Average rating {mean:.2f}; chance that the last {window} ratings average below "
        "{cutoff:g}: {risk}."
    ).format(mean=float(mean), window=window, cutoff=cutoff, risk=_percent(risk))


def _percent(share: float) -> str:
    """A chance in words that never rounds a small risk to a misleading 0.0%."""
    if share == 0:
        return "0%"
    if share < 0.001:
        return _("below 0.1%")
    return f"{100 * share:.1f}%"


@register
def rating_window_explorer() -> InteractiveFigure:
    """Interactive: how the cut-off, noise, window and quality set the risk of deactivation."""
    default = rating_defaults()
    return InteractiveFigure(
        title=_("Deactivated by the average of recent ratings"),
        plot=plot_rating_window,
        alt=rating_window_alt,
        summary=rating_window_summary,
        caption=_(
            "Illustrative model (assumptions, not a platform's real rule): each customer's "
            "satisfaction is the driver's quality plus noise, rounded to 1–5 stars."
        ),
        controls=[
            Control(
                "cutoff",
                _("Cut-off (lowest allowed average)"),
                default["cutoff"],
                4.0,
                4.9,
                0.05,
                unit=_("stars"),
                page=(4.0, 4.6, 4.9),
            ),
            Control(
                "noise",
                _("Rating noise"),
                default["noise"],
                0.0,
                1.5,
                0.05,
                unit=_("stars"),
                help=_("How much customers' ratings vary for reasons the driver cannot control."),
                page=(0.0, 0.5, 0.8, 1.5),
            ),
            Control(
                "window",
                _("Recent ratings averaged"),
                int(default["window"]),
                10,
                500,
                10,
                unit=_("ratings"),
                help=_("500 is the window reported for Uber; 50 is the book's short window."),
                page=(10, 50, 200, 500),
            ),
            Control(
                "quality",
                _("True quality of the driver"),
                default["quality"],
                4.0,
                5.0,
                0.05,
                unit=_("stars"),
                page=(4.0, 4.8, 5.0),
            ),
        ],
    )


CUTOFF_GRID = np.round(np.arange(4.0, 5.0001, 0.025), 3)
NOISE_GRID = np.round(np.arange(0.0, 1.5001, 0.05), 3)


def deactivation_grid(window: int, quality: float) -> np.ndarray:
    """Deactivation probability, shape ``(len(NOISE_GRID), len(CUTOFF_GRID))``."""
    return model.deactivation_probability(
        CUTOFF_GRID[None, :], NOISE_GRID[:, None], window, quality
    )


def plot_deactivation_map(window: int, quality: float) -> Figure:
    """Heat map of the deactivation probability over cut-off and rating noise."""
    risk = 100 * deactivation_grid(window, quality)
    figure = new_figure(1, width=7.0, height=4.2)
    (axes,) = figure.axes
    axes.grid(False)
    image = axes.pcolormesh(
        CUTOFF_GRID,
        NOISE_GRID,
        risk,
        cmap="cividis",
        shading="nearest",
        vmin=0,
        vmax=100,
        rasterized=True,  # one image, not a vector shape per cell (see aicap.style)
    )
    levels = [level for level in (1, 10, 50, 90) if risk.min() < level < risk.max()]
    if levels:
        contours = axes.contour(
            CUTOFF_GRID, NOISE_GRID, risk, levels=levels, colors="white", linewidths=1
        )
        axes.clabel(contours, fmt="%g%%", fontsize=9)
    default = rating_defaults()
    for name, noise in ((_("moderate"), default["noise"]), (_("harsh"), default["noise_harsh"])):
        axes.plot(default["cutoff"], noise, "o", color=PALETTE["orange"], ms=7, mec="white")
        axes.annotate(
            name,
            xy=(default["cutoff"], noise),
            xytext=(-8, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=9,
            color="white",
        )
    narrow = _narrow()
    axes.set(
        xlabel=_("cut-off (lowest allowed average)")
        if narrow
        else _("cut-off: lowest allowed average rating (stars)"),
        ylabel=_("rating noise (stars)"),
        title=_("Chance of deactivation, last {window} ratings, quality {quality:g}").format(
            window=window, quality=quality
        ),
    )
    _ticks_inside(axes)
    colorbar = figure.colorbar(image, ax=axes)
    colorbar.set_label(_("% chance") if narrow else _("% chance of deactivation"))
    return figure


def deactivation_map_alt(window: int, quality: float) -> str:
    """Alt text for :func:`plot_deactivation_map` (quoting the cell of the assumed rule)."""
    risk = 100 * deactivation_grid(window, quality)
    default = rating_defaults()
    noise_index = int(np.argmin(np.abs(NOISE_GRID - default["noise"])))
    harsh_index = int(np.argmin(np.abs(NOISE_GRID - default["noise_harsh"])))
    cut_index = int(np.argmin(np.abs(CUTOFF_GRID - default["cutoff"])))
    return _(
        "Heat map of the chance that a driver of true quality {quality:g} stars is deactivated "
        "after {window} ratings, with the cut-off from {cut_low:g} to "
        "{cut_high:g} stars on the horizontal axis and rating noise from 0 to "
        "{noise_high:g} stars on the vertical axis. Chances range from {risk_min:.0f}% "
        "to {risk_max:.0f}%, rising with both. With no noise the chance is "
        "{risk_none:.0f}% at a cut-off of {cutoff:g}; with noise "
        "{noise:g} (the book's moderate case, marked) it is "
        "{risk_moderate}, and with noise "
        "{noise_harsh:g} (the harsh case, marked) {risk_harsh}."
    ).format(
        quality=quality,
        window=window,
        cut_low=CUTOFF_GRID[0],
        cut_high=CUTOFF_GRID[-1],
        noise_high=NOISE_GRID[-1],
        risk_min=risk.min(),
        risk_max=risk.max(),
        risk_none=risk[0, cut_index],
        cutoff=CUTOFF_GRID[cut_index],
        noise=NOISE_GRID[noise_index],
        risk_moderate=_percent(risk[noise_index, cut_index] / 100),
        noise_harsh=NOISE_GRID[harsh_index],
        risk_harsh=_percent(risk[harsh_index, cut_index] / 100),
    )


def deactivation_map_summary(window: int, quality: float) -> str:
    """One sentence for the page to announce: the risk at the book's two cases."""
    default = rating_defaults()
    risks = [
        _percent(float(model.deactivation_probability(default["cutoff"], noise, window, quality)))
        for noise in (default["noise"], default["noise_harsh"])
    ]
    return _(
        "At a cut-off of {cutoff:g}: {moderate} with moderate customers, {harsh} "
        "with harsh customers."
    ).format(cutoff=default["cutoff"], moderate=risks[0], harsh=risks[1])


@register
def deactivation_map_explorer() -> InteractiveFigure:
    """Interactive: deactivation risk over cut-off x noise, for a window and a quality."""
    default = rating_defaults()
    return InteractiveFigure(
        title=_("Who is deactivated: cut-off and rating noise"),
        plot=plot_deactivation_map,
        alt=deactivation_map_alt,
        caption=_("Each cell is an exact calculation of the illustrative rating model."),
        controls=[
            Control(
                "window",
                _("Recent ratings averaged"),
                int(default["window"]),
                10,
                500,
                10,
                unit=_("ratings"),
                help=_("500 is the window reported for Uber; 50 is the book's short window."),
                page=(10, 50, 100, 200, 500),
            ),
            Control(
                "quality",
                _("True quality of the driver"),
                default["quality"],
                4.0,
                5.0,
                0.05,
                unit=_("stars"),
                page=(4.0, 4.5, 4.8, 4.9, 5.0),
            ),
        ],
        summary=deactivation_map_summary,
    )


def _noise_name(noise: float) -> str:
    """``moderate (0.5)``, ``harsh (0.8)`` for the book's two cases, else ``noise 0.6``."""
    default = rating_defaults()
    if noise == default["noise"]:
        return _("moderate ({noise:g})").format(noise=noise)
    if noise == default["noise_harsh"]:
        return _("harsh ({noise:g})").format(noise=noise)
    return _("noise {noise:g}").format(noise=noise)


def plot_rolling_checks(
    cutoff: float,
    noises,
    window: int,
    quality: float,
    windows,
    trips: int,
    n_drivers: int = N_DRIVERS,
    seed: int = SEED,
) -> Figure:
    """Share of identical careful drivers deactivated by each trip, checked after every trip.

    Left (top on a phone): one line per rating noise in ``noises`` (the window fixed at
    ``window``). Right: one line per window in ``windows``, at the harshest noise
    ``noises[-1]``. No one is checked before the window is full, so each line starts at its
    window. Legends sit below the panels, clear of the lines.
    """
    narrow = _narrow()
    figure = new_figure(2, width=8.5, height=4.2)
    left, right = figure.axes
    colours = [PALETTE[name] for name in ("green", "blue", "orange", "vermillion")]
    steps = np.arange(1, trips + 1)
    for noise, colour in zip(noises, colours, strict=False):
        out = model.simulate_rating_checks(
            cutoff, noise, int(window), quality, trips, n_drivers=n_drivers, seed=seed
        )
        left.plot(steps, 100 * out, color=colour, label=_noise_name(noise))
    left.set(
        xlabel=_("trips completed"),
        ylabel=_("% of drivers deactivated"),
        ylim=(0, 100),
        xlim=(0, trips),
        title=_("The customers: last {window} ratings").format(window=window),
    )
    # the upper left stays empty: nobody is checked before the window is full, and the
    # curves rise only later
    left.legend(fontsize=9, loc="upper left")
    _ticks_inside(left)

    harsh = noises[-1]
    for w, colour in zip(windows, colours[::-1], strict=False):
        out = model.simulate_rating_checks(
            cutoff, harsh, int(w), quality, trips, n_drivers=n_drivers, seed=seed
        )
        right.plot(
            steps, 100 * out, color=colour, label=_("last {window} ratings").format(window=w)
        )
        # named at its end: the curves cross the middle of the panel, not its right edge
        right.annotate(
            _("last {window}").format(window=w),
            xy=(trips, 100 * out[-1]),
            xytext=(-2, 3),
            textcoords="offset points",
            ha="right",
            va="bottom",
            fontsize=9,
            color=colour,
        )
    right.set(
        xlabel=_("trips completed"),
        ylabel=_("% of drivers deactivated") if narrow else None,
        ylim=(0, 100),
        xlim=(0, trips),
        title=_("The rule: {noise} customers").format(noise=_noise_name(harsh)),
    )
    _ticks_inside(right)
    return figure


def rolling_checks_alt(
    cutoff: float,
    noises,
    window: int,
    quality: float,
    windows,
    trips: int,
    n_drivers: int = N_DRIVERS,
    seed: int = SEED,
) -> str:
    """Alt text for :func:`plot_rolling_checks`, from the same simulations."""
    by_noise = []
    for noise in noises:
        out = model.simulate_rating_checks(
            cutoff, noise, int(window), quality, trips, n_drivers=n_drivers, seed=seed
        )
        by_noise.append(f"{_noise_name(noise)}, {_percent(out[-1])}")
    by_window = []
    for w in windows:
        out = model.simulate_rating_checks(
            cutoff, noises[-1], int(w), quality, trips, n_drivers=n_drivers, seed=seed
        )
        by_window.append(
            _("last {window} ratings, {share}").format(window=w, share=_percent(out[-1]))
        )
    return _(
        "Two line charts of the share of {n_drivers:,} simulated careful drivers (true quality "
        "{quality:g} stars) deactivated by each trip when the platform checks the average "
        "against a cut-off of {cutoff:g} after every trip, from the trip that fills the window. "
        "After {trips} trips, first chart, averaging the last {window} ratings, by how strictly "
        "customers rate: {by_noise}. Second chart, {harsh} customers, by window: {by_window}."
    ).format(
        n_drivers=n_drivers,
        quality=quality,
        cutoff=cutoff,
        trips=trips,
        window=window,
        by_noise="; ".join(by_noise),
        harsh=_noise_name(noises[-1]),
        by_window="; ".join(by_window),
    )


# ---------------------------------------------------------------------------------------------
# Who gains from a commission cap? (incidence and entry)
# ---------------------------------------------------------------------------------------------

INCIDENCE_STAGES = (
    N_("before the cap"),
    N_("cap only (nobody responds)"),
    N_("+ platform and passengers respond"),
    N_("+ new driver hours enter"),
)
_STAGE_LABELS = (
    N_("before\nthe cap"),
    N_("cap only"),
    N_("+ platform,\npassengers"),
    N_("+ new\ndrivers"),
)


def incidence_inputs(zone: str = "Zone II (Greater Jakarta)") -> dict[str, float]:
    """Averages of the chapter's simulated month (fare per trip, trips and costs per hour)."""
    sim = model.simulate_driver_months(**default_driver_setup(zone), n_months=N_MONTHS, seed=SEED)
    return model.incidence_inputs(sim)


def _incidence(
    commission_after, passenger_fee_share, bonus_cut_share, demand_elasticity, entry_share, inputs
):
    return model.commission_cap_incidence(
        **inputs,
        commission_after=commission_after,
        passenger_fee_share=passenger_fee_share,
        bonus_cut_share=bonus_cut_share,
        demand_elasticity=demand_elasticity,
        entry_share=entry_share,
    )


def plot_cap_incidence(
    commission_after: float,
    passenger_fee_share: float,
    bonus_cut_share: float,
    demand_elasticity: float,
    entry_share: float,
    inputs: dict,
) -> Figure:
    """Left: the driver's net earnings per hour at each stage. Right: changes after the cap."""
    out = _incidence(
        commission_after,
        passenger_fee_share,
        bonus_cut_share,
        demand_elasticity,
        entry_share,
        inputs,
    )
    figure = new_figure(2, width=8.5, height=3.9)
    left, right = figure.axes
    hourly = [
        out["hourly_before"],
        out["hourly_cap_only"],
        out["hourly_short_run"],
        out["hourly_long_run"],
    ]
    positions = np.arange(len(hourly))[::-1]
    colours = [PALETTE["black"], PALETTE["sky"], PALETTE["blue"], PALETTE["vermillion"]]
    left.barh(positions, np.array(hourly) / 1000, color=colours)
    for position, value in zip(positions, hourly, strict=True):
        left.text(value / 1000 + 0.2, position, f"{value / 1000:.1f}", va="center", fontsize=9)
    left.set_yticks(positions, [_(label) for label in _STAGE_LABELS], fontsize=8)
    left.set(
        xlabel=_("thousand Rp per hour"),
        xlim=(0, max(hourly) / 1000 * 1.3),
        title=_narrow_lines(_("Driver's net per hour"), 21),
    )
    _ticks_inside(left)
    left.grid(axis="y", visible=False)
    changes = {
        _("passenger\nprice"): out["passenger_price_change"],
        _("trips"): out["trips_ratio"] - 1,
        _("trips per\ndriver-hour"): out["trips_per_hour_long_run"] / out["trips_per_hour_before"]
        - 1,
        _("driver-\nhours"): out["driver_hours_ratio"] - 1,
        _("platform\nrevenue"): out["platform_revenue_ratio"] - 1,
    }
    positions = np.arange(len(changes))[::-1]
    values = 100 * np.array(list(changes.values()))
    right.barh(
        positions,
        values,
        color=[PALETTE["orange"] if v >= 0 else PALETTE["purple"] for v in values],
    )
    right.axvline(0, color=PALETTE["black"], lw=1)
    for position, value in zip(positions, values, strict=True):
        right.text(
            value + (1.5 if value >= 0 else -1.5),
            position,
            f"{value:+.0f}%",
            va="center",
            ha="left" if value >= 0 else "right",
            fontsize=9,
        )
    right.set_yticks(positions, list(changes), fontsize=8)
    right.set(
        xlabel=_("% change, long run"),
        xlim=(-75, 55),
        title=_narrow_lines(_("Long-run changes"), 21),
    )
    right.set_xticks([-50, -25, 0, 25, 50])
    right.grid(axis="y", visible=False)
    return figure


def cap_incidence_alt(
    commission_after: float,
    passenger_fee_share: float,
    bonus_cut_share: float,
    demand_elasticity: float,
    entry_share: float,
    inputs: dict,
) -> str:
    """Alt text for :func:`plot_cap_incidence`, from the same numbers."""
    out = _incidence(
        commission_after,
        passenger_fee_share,
        bonus_cut_share,
        demand_elasticity,
        entry_share,
        inputs,
    )
    stages = "; ".join(
        _("{stage}: Rp{value:.1f} thousand").format(stage=_(name), value=out[key] / 1000)
        for name, key in zip(
            INCIDENCE_STAGES,
            ("hourly_before", "hourly_cap_only", "hourly_short_run", "hourly_long_run"),
            strict=True,
        )
    )
    return _(
        "Two bar charts for a cap that lowers the platform's take from "
        "{before:.0f}% to {after:.0f}% of the fare, "
        "with the platform recovering {fee:.0f}% of its loss from "
        "passengers and {bonus:.0f}% of the rest from drivers (smaller "
        "bonuses or new fees), a "
        "demand elasticity of {elasticity:g} and {entry:.0f}% of the change "
        "in hourly earnings undone by new driver hours. First, the driver's net earnings per "
        "hour: {stages}. Second, long-run changes: passengers' price "
        "{price:+.1f}%, trips {trips:+.1f}%, "
        "driver-hours {hours:+.1f}%, platform revenue {revenue:+.1f}%."
    ).format(
        before=100 * inputs["commission_before"],
        after=100 * commission_after,
        fee=100 * passenger_fee_share,
        bonus=100 * bonus_cut_share,
        elasticity=demand_elasticity,
        entry=100 * entry_share,
        stages=stages,
        price=100 * out["passenger_price_change"],
        trips=100 * (out["trips_ratio"] - 1),
        hours=100 * (out["driver_hours_ratio"] - 1),
        revenue=100 * (out["platform_revenue_ratio"] - 1),
    )


def cap_incidence_summary(
    commission_after: float,
    passenger_fee_share: float,
    bonus_cut_share: float,
    demand_elasticity: float,
    entry_share: float,
    inputs: dict,
) -> str:
    """One sentence for the page to announce: where the driver's hourly net ends up."""
    out = _incidence(
        commission_after,
        passenger_fee_share,
        bonus_cut_share,
        demand_elasticity,
        entry_share,
        inputs,
    )
    return _(
        "Hourly net: {before} before the cap, {cap_only} if nobody responds, {long_run} in the "
        "long run."
    ).format(
        before=_rp(out["hourly_before"]),
        cap_only=_rp(out["hourly_cap_only"]),
        long_run=_rp(out["hourly_long_run"]),
    )


@register
def cap_incidence_explorer() -> InteractiveFigure:
    """Interactive: who gains from a lower commission cap once others respond."""
    default = incidence_defaults()
    rules = load("ojol_commission_rules")
    demanded = float(rules.loc[rules["status"] == "demanded", "total_pct"].iloc[0]) / 100
    return InteractiveFigure(
        title=_("Who gains from a commission cap?"),
        plot=plot_cap_incidence,
        alt=cap_incidence_alt,
        caption=_(
            "Steady-state averages of the chapter's simulated Greater Jakarta driver. How "
            "the platform, passengers and new drivers respond are assumptions of the book "
            "(table commission_cap_assumptions, mark A); full entry follows Hall, Horton & "
            "Knoepfle's finding for Uber fare changes in the United States."
        ),
        controls=[
            Control(
                "commission_after",
                _("Platform take after the cap"),
                demanded,
                0.0,
                0.2,
                0.01,
                unit="%",
                scale=100,
                page=(0.0, 0.05, 0.1, 0.15, 0.2),
            ),
            Control(
                "passenger_fee_share",
                _("Loss recovered from passengers"),
                default["passenger_fee_share"],
                0.0,
                1.0,
                0.05,
                unit="%",
                scale=100,
                page=(0.0, 0.5, 1.0),
            ),
            Control(
                "bonus_cut_share",
                _("Rest recovered from drivers"),
                default["bonus_cut_share"],
                0.0,
                1.0,
                0.05,
                unit="%",
                scale=100,
                help=_("By paying smaller bonuses, or by new fees on drivers where it pays none."),
                page=(0.0, 0.5, 1.0),
            ),
            Control(
                "entry_share",
                _("Gain undone by new driver hours"),
                default["entry_share"],
                0.0,
                1.0,
                0.05,
                unit="%",
                scale=100,
                help=_("100%: drivers enter until hourly earnings are back where they were."),
                page=(0.0, 0.5, 1.0),
            ),
        ],
        fixed={"demand_elasticity": default["demand_elasticity"], "inputs": incidence_inputs()},
        summary=cap_incidence_summary,
    )


# ---------------------------------------------------------------------------------------------
# How many drivers? (evidence check)
# ---------------------------------------------------------------------------------------------


def enrolment_shares(estimates: pd.DataFrame, enrolled: float) -> pd.DataFrame:
    """Share of drivers enrolled in social insurance under each published driver count.

    One row per distinct count (the ends of a range count separately), smallest first.
    """
    counts = sorted(
        {float(v) for v in estimates["low_million"]} | {float(v) for v in estimates["high_million"]}
    )
    return pd.DataFrame(
        {
            "drivers_million": counts,
            "enrolled_pct": [100 * enrolled / (value * 1e6) for value in counts],
        }
    )


def plot_driver_estimates(estimates: pd.DataFrame, enrolled: float) -> Figure:
    """Left (top on a phone): published driver counts. Right: the enrolment share each implies."""
    shares = enrolment_shares(estimates, enrolled)
    figure = new_figure(2, width=8.5, height=3.8)
    left, right = figure.axes
    names = [f"{row.year}\n" + _(row.label) for row in estimates.itertuples()]
    positions = np.arange(len(estimates))
    left.bar(positions, estimates["high_million"], color=PALETTE["sky"], label=_("upper end"))
    left.bar(positions, estimates["low_million"], color=PALETTE["blue"], label=_("lower end"))
    for i, row in enumerate(estimates.itertuples()):
        text = (
            f"{row.low_million:g}–{row.high_million:g}"
            if row.high_million != row.low_million
            else f"{row.low_million:g}"
        )
        left.text(i, row.high_million + 0.15, text, ha="center", fontsize=9)
    left.set_xticks(positions, names, fontsize=9)
    left.set(ylabel=_("million drivers"), title=_("Published counts of ojol drivers"))
    left.set_ylim(0, estimates["high_million"].max() * 1.25)
    left.grid(axis="x", visible=False)
    left.set_yticks([0, 2, 4, 6, 8])
    _ticks_inside(left)
    left.legend(fontsize=9, loc="upper left")

    positions = np.arange(len(shares))[::-1]
    right.barh(positions, shares["enrolled_pct"], color=PALETTE["green"])
    for position, value in zip(positions, shares["enrolled_pct"], strict=True):
        right.text(value + 0.3, position, f"{value:.1f}%", va="center", fontsize=9)
    right.set_yticks(
        positions, [_("{count:g} million").format(count=v) for v in shares["drivers_million"]]
    )
    right.set(
        xlabel=_("% enrolled in BPJS") if _narrow() else _("% enrolled in BPJS Ketenagakerjaan"),
        xlim=(0, shares["enrolled_pct"].max() * 1.3),
        title=_("{enrolled:,.0f} enrolled drivers are…").format(enrolled=enrolled),
    )
    right.grid(axis="y", visible=False)
    _ticks_inside(right)
    return figure


def driver_estimates_alt(estimates: pd.DataFrame, enrolled: float) -> str:
    """Alt text for :func:`plot_driver_estimates`."""
    shares = enrolment_shares(estimates, enrolled)
    counts = "; ".join(
        (
            _("{year}: {low:g} to {high:g} million ({kind}: {source})")
            if row.high_million != row.low_million
            else _("{year}: {low:g} million ({kind}: {source})")
        ).format(
            year=row.year,
            low=row.low_million,
            high=row.high_million,
            kind=_(row.kind),
            source=_(row.estimated_by),
        )
        for row in estimates.itertuples()
    )
    implied = "; ".join(
        _("{count:g} million drivers: {share:.1f}%").format(
            count=row.drivers_million, share=row.enrolled_pct
        )
        for row in shares.itertuples()
    )
    return _(
        "Two bar charts. First: published counts of ojol drivers: {counts}. "
        "Second: the share of drivers enrolled in social insurance implied by "
        "{enrolled:,.0f} enrolled drivers under each count: {implied}."
    ).format(counts=counts, enrolled=enrolled, implied=implied)
