"""Figures for the gig-precarity chapter: plot functions, alt texts and interactive figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from aicap.data import load
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import gig_precarity as model
from aicap.style import PALETTE, new_figure

#: Minimum wages drawn on the earnings figures: the two provinces of Greater Jakarta's fare zone.
WAGE_REGIONS = ("DKI Jakarta", "Jawa Barat")
#: Months simulated for a widget redraw (`make bench` reports the time it takes).
WIDGET_MONTHS = 1000
#: The seed of every simulation drawn in the chapter.
SEED = 2025
WAGE_COLOURS = (PALETTE["vermillion"], PALETTE["purple"], PALETTE["green"], PALETTE["sky"])


def _rp(value: float, scale: float = 1000, unit: str = "thousand") -> str:
    """Rupiah in words for alt text: -2400 -> 'minus Rp2.4 thousand'."""
    sign = "minus " if value < 0 else ""
    digits = 2 if scale >= 1e6 else 1
    return f"{sign}Rp{abs(value) / scale:.{digits}f} {unit}"


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


def wage_lines(regions=WAGE_REGIONS) -> dict[str, float]:
    """``{"UMP <region>": monthly Rp}`` for the given regions, from minimum_wages_2025."""
    wages = load("minimum_wages_2025").set_index("region")
    return {f"{wages.loc[r, 'level']} {r}": float(wages.loc[r, "monthly_rp"]) for r in regions}


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
    figure = new_figure(1, width=7.5, height=3.4)
    (axes,) = figure.axes
    positions = np.arange(len(rules))[::-1]
    labels = [f"{row.rule}\n{row.status}" for row in rules.itertuples()]
    axes.barh(positions, rules["commission_cap_pct"], color=PALETTE["blue"], label="commission cap")
    axes.barh(
        positions,
        rules["support_fee_pct"],
        left=rules["commission_cap_pct"],
        color=PALETTE["orange"],
        label="support fee",
    )
    for position, total in zip(positions, rules["total_pct"], strict=True):
        axes.text(total + 0.4, position, f"{total:g}%", va="center", fontsize=10)
    axes.set_yticks(positions, labels, fontsize=9)
    axes.set(
        xlabel="% of the fare the platform may keep",
        xlim=(0, 25),
        title="What the platform may keep from each fare",
    )
    axes.grid(axis="y", visible=False)
    axes.legend(loc="lower right", fontsize=9)
    return figure


def commission_rules_alt(rules: pd.DataFrame) -> str:
    """Alt text for :func:`plot_commission_rules`."""
    items = "; ".join(
        f"{row.rule}, {row.year}, {row.status}: {row.commission_cap_pct:g}% commission"
        + (f" plus {row.support_fee_pct:g}% support fee" if row.support_fee_pct else "")
        + f", {row.total_pct:g}% in total"
        for row in rules.itertuples()
    )
    return (
        f"Horizontal stacked bar chart of the share of a fare an ojol platform may keep. {items}."
    )


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


def driver_month(wages: dict[str, float], n_months: int = WIDGET_MONTHS, seed: int = SEED, **setup):
    """Run the month model and return ``(simulation, summary, shares below each wage)``."""
    sim = model.simulate_driver_months(**setup, n_months=n_months, seed=seed)
    summary = model.earnings_summary(sim)
    below = model.share_below(sim.net_monthly, list(wages.values()))
    return sim, summary, dict(zip(wages, below.tolist(), strict=True))


def plot_driver_month(
    wages: dict[str, float], n_months: int = WIDGET_MONTHS, seed: int = SEED, **setup
) -> Figure:
    """Left: net earnings per working hour. Right: net earnings per month, with minimum wages."""
    sim, summary, below = driver_month(wages, n_months, seed, **setup)
    figure = new_figure(2, width=8.5, height=3.9)
    left, right = figure.axes

    shares, edges = _hourly_histogram(sim.net_hourly)
    left.stairs(shares, edges, fill=True, color=PALETTE["blue"], alpha=0.85)
    left.axvline(0, color=PALETTE["black"], lw=1)
    left.set(
        xlabel="net earnings in one hour (thousand Rp)",
        ylabel="% of working hours",
        title="Each hour: often nothing, sometimes a loss",
    )
    left.annotate(
        f"{100 * summary['share_hours_losing']:.0f}% of hours\nlose money",
        xy=(0.97, 0.95),
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
        label=f"mean: {_rp(summary['mean_monthly'], 1e6, 'million')}",
    )
    for (name, wage), colour in zip(wages.items(), WAGE_COLOURS, strict=False):
        right.axvline(
            wage / 1e6,
            color=colour,
            lw=2,
            ls="--",
            label=f"{name}: {100 * below[name]:.0f}% of months below",
        )
    right.set(
        xlabel="net earnings in one month (million Rp)",
        ylabel="% of simulated months",
        title="Each month, against the minimum wage",
    )
    right.legend(loc="upper left", fontsize=8, bbox_to_anchor=(0.0, -0.2))
    return figure


def driver_month_alt(
    wages: dict[str, float], n_months: int = WIDGET_MONTHS, seed: int = SEED, **setup
) -> str:
    """Alt text for :func:`plot_driver_month`, from the same simulation."""
    _, summary, below = driver_month(wages, n_months, seed, **setup)
    wage_text = "; ".join(
        f"{name} (Rp{wage / 1e6:.2f} million): {100 * below[name]:.0f}% of months below"
        for name, wage in wages.items()
    )
    return (
        f"Two histograms from {n_months:,} simulated months of an ojol driver working "
        f"{setup['hours_per_day']} hours a day, {setup['days_per_month']} days a month, with a "
        f"{100 * setup['commission']:.0f}% commission, surge pricing up to "
        f"{setup['surge_cap']:.2f} times the fare and petrol at Rp{setup['fuel_price']:,.0f} a "
        f"litre. Left: net earnings per working hour, from {_rp(summary['p10_hourly'])} "
        f"(10th percentile) to {_rp(summary['p90_hourly'])} (90th); "
        f"{100 * summary['share_hours_losing']:.0f}% of hours lose money. Right: net earnings per "
        f"month, mean {_rp(summary['mean_monthly'], 1e6, 'million')}, 10th to 90th percentile "
        f"{_rp(summary['p10_monthly'], 1e6, 'million')} to "
        f"{_rp(summary['p90_monthly'], 1e6, 'million')}, "
        f"with minimum wages marked: {wage_text}."
    )


def _driver_explorer(title: str, controls: list[Control], caption: str) -> InteractiveFigure:
    setup = default_driver_setup()
    names = {control.name for control in controls}
    fixed = {key: value for key, value in setup.items() if key not in names}
    fixed.update(wages=wage_lines(), n_months=WIDGET_MONTHS, seed=SEED)
    return InteractiveFigure(
        title=title,
        plot=plot_driver_month,
        alt=driver_month_alt,
        caption=caption,
        controls=controls,
        fixed=fixed,
    )


@register
def driver_earnings_explorer() -> InteractiveFigure:
    """Interactive: commission, surge pricing, hours and fuel price -> earnings distribution."""
    setup = default_driver_setup()
    return _driver_explorer(
        "A driver's month: the platform's rules",
        [
            Control(
                "commission",
                "Platform take (commission + fee)",
                setup["commission"],
                0.0,
                0.4,
                0.01,
                unit="share of fare",
            ),
            Control(
                "surge_cap",
                "Highest surge multiplier",
                setup["surge_cap"],
                1.0,
                2.0,
                0.05,
                unit="× fare",
                help="Dynamic pricing raises fares in busy hours, up to this multiple.",
            ),
            Control("hours_per_day", "Hours worked per day", setup["hours_per_day"], 4, 14, 1),
            Control(
                "fuel_price", "Petrol price", setup["fuel_price"], 5000, 20000, 500, unit="Rp/litre"
            ),
        ],
        "Simulated months of a Greater Jakarta ojol driver (Zone II fares). Trips, demand and "
        "costs are assumptions of the book (data/ojol_driver_assumptions.csv); fares, the "
        "commission rule, petrol and minimum wages come from the data tables.",
    )


@register
def driver_assumptions_explorer() -> InteractiveFigure:
    """Interactive: the model's assumptions (trips, fuel economy, trip length, demand noise)."""
    setup = default_driver_setup()
    return _driver_explorer(
        "A driver's month: change the book's assumptions",
        [
            Control(
                "trips_per_hour",
                "Trips in an ordinary hour",
                setup["trips_per_hour"],
                0.3,
                2.5,
                0.1,
                unit="trips",
                help="An assumption: no public data.",
            ),
            Control(
                "km_per_litre",
                "Fuel economy",
                setup["km_per_litre"],
                25,
                70,
                1,
                unit="km/litre",
                help="An assumption: no public data.",
            ),
            Control("trip_km", "Length of a trip", setup["trip_km"], 2.0, 15.0, 0.5, unit="km"),
            Control(
                "demand_noise",
                "Day-to-day demand noise",
                setup["demand_noise"],
                0.0,
                0.6,
                0.05,
                unit="log sd",
            ),
        ],
        "The same model with the platform's rules fixed at their defaults; the controls are "
        "assumptions of the book that no public source measures.",
    )


def plot_hours_needed(table: pd.DataFrame, wages: dict[str, float]) -> Figure:
    """Mean and 10th–90th percentile of monthly net earnings against hours worked per day."""
    figure = new_figure(1, width=7.0, height=3.9)
    (axes,) = figure.axes
    hours = table.index.to_numpy()
    axes.fill_between(
        hours,
        table["p10"] / 1e6,
        table["p90"] / 1e6,
        color=PALETTE["sky"],
        alpha=0.35,
        lw=0,
        label="10th–90th percentile of months",
    )
    axes.plot(hours, table["mean"] / 1e6, color=PALETTE["blue"], marker="o", ms=4, label="mean")
    for (name, wage), colour in zip(wages.items(), WAGE_COLOURS, strict=False):
        axes.axhline(wage / 1e6, color=colour, lw=2, ls="--", label=name)
    axes.set(
        xlabel="hours worked per day (26 days a month)",
        ylabel="net earnings per month (million Rp)",
        title="How many hours a day to reach the minimum wage?",
    )
    axes.set_ylim(0, max(table["p90"].max(), max(wages.values())) / 1e6 * 1.1)
    axes.legend(fontsize=8, loc="upper left")
    return figure


def hours_needed_alt(table: pd.DataFrame, wages: dict[str, float]) -> str:
    """Alt text for :func:`plot_hours_needed`."""
    means = ", ".join(
        f"{hours} hours: Rp{value / 1e6:.2f} million" for hours, value in table["mean"].items()
    )
    wage_text = "; ".join(f"{name} Rp{wage / 1e6:.2f} million" for name, wage in wages.items())
    return (
        "Line chart of a driver's mean net earnings per month against hours worked per day, "
        f"with a band from the 10th to the 90th percentile. Means: {means}. Dashed lines mark "
        f"the minimum wages: {wage_text}."
    )


# ---------------------------------------------------------------------------------------------
# Ratings and deactivation
# ---------------------------------------------------------------------------------------------


def plot_rating_window(cutoff: float, noise: float, window: int, quality: float) -> Figure:
    """Left: chance of each star rating. Right: distribution of the average of the window."""
    probs = model.star_probabilities(quality, noise)
    averages, distribution = model.average_rating_distribution(quality, noise, window)
    risk = float(model.deactivation_probability(cutoff, noise, window, quality))
    mean, _ = model.rating_moments(quality, noise)
    figure = new_figure(2, width=8.5, height=3.8)
    left, right = figure.axes

    left.bar(np.arange(1, 6), 100 * probs, color=PALETTE["orange"], width=0.7)
    for stars, p in zip(range(1, 6), probs, strict=True):
        left.text(stars, 100 * p + 1.5, f"{100 * p:.0f}%", ha="center", fontsize=9)
    left.set(
        xlabel="stars given by one customer",
        ylabel="% of ratings",
        ylim=(0, 112),
        title=f"One rating (mean {float(mean):.2f} stars)",
    )
    left.set_xticks(range(1, 6))

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
        label=f"deactivated: {100 * risk:.1f}%",
    )
    right.axvline(cutoff, color=PALETTE["vermillion"], ls="--", lw=1.5, label=f"cut-off {cutoff:g}")
    low = max(1.0, min(cutoff, float(mean)) - 0.6)
    right.set(
        xlabel=f"average of the last {window} ratings",
        ylabel="% chance",
        xlim=(low, 5.02),
        title="The average the platform checks",
    )
    right.legend(loc="upper left", fontsize=9)
    return figure


def rating_window_alt(cutoff: float, noise: float, window: int, quality: float) -> str:
    """Alt text for :func:`plot_rating_window`."""
    probs = model.star_probabilities(quality, noise)
    risk = float(model.deactivation_probability(cutoff, noise, window, quality))
    mean, _ = model.rating_moments(quality, noise)
    stars = ", ".join(f"{k} stars {100 * p:.0f}%" for k, p in zip(range(1, 6), probs, strict=True))
    return (
        f"Two charts for a driver of true quality {quality:g} stars rated with noise {noise:g}. "
        f"Left: chance of each rating: {stars}; mean {float(mean):.2f} stars. Right: the "
        f"distribution of the average of the last {window} ratings, with the cut-off at "
        f"{cutoff:g} marked; the area below it, the chance of deactivation, is {100 * risk:.1f}%."
    )


@register
def rating_window_explorer() -> InteractiveFigure:
    """Interactive: how the cut-off, noise, window and quality set the risk of deactivation."""
    default = rating_defaults()
    return InteractiveFigure(
        title="Deactivated by the average of recent ratings",
        plot=plot_rating_window,
        alt=rating_window_alt,
        caption="Illustrative model (assumptions, not a platform's real rule): each customer's "
        "satisfaction is the driver's quality plus noise, rounded to 1–5 stars.",
        controls=[
            Control(
                "cutoff",
                "Cut-off (lowest allowed average)",
                default["cutoff"],
                4.0,
                4.9,
                0.05,
                unit="stars",
            ),
            Control(
                "noise",
                "Rating noise",
                default["noise"],
                0.0,
                1.5,
                0.05,
                unit="stars",
                help="How much customers' ratings vary for reasons the driver cannot control.",
            ),
            Control(
                "window", "Ratings averaged", int(default["window"]), 10, 500, 10, unit="trips"
            ),
            Control(
                "quality",
                "True quality of the driver",
                default["quality"],
                4.0,
                5.0,
                0.05,
                unit="stars",
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
    axes.set(
        xlabel="cut-off: lowest allowed average rating (stars)",
        ylabel="rating noise (stars)",
        title=f"Chance of deactivation after {window} ratings (quality {quality:g})",
    )
    colorbar = figure.colorbar(image, ax=axes)
    colorbar.set_label("% chance of deactivation")
    return figure


def deactivation_map_alt(window: int, quality: float) -> str:
    """Alt text for :func:`plot_deactivation_map` (quoting the cell of the assumed rule)."""
    risk = 100 * deactivation_grid(window, quality)
    default = rating_defaults()
    noise_index = int(np.argmin(np.abs(NOISE_GRID - default["noise"])))
    cut_index = int(np.argmin(np.abs(CUTOFF_GRID - default["cutoff"])))
    return (
        f"Heat map of the chance that a driver of true quality {quality:g} stars is deactivated "
        f"after {window} ratings, with the cut-off from {CUTOFF_GRID[0]:g} to "
        f"{CUTOFF_GRID[-1]:g} stars on the horizontal axis and rating noise from 0 to "
        f"{NOISE_GRID[-1]:g} stars on the vertical axis. Chances range from {risk.min():.0f}% "
        f"to {risk.max():.0f}%, rising with both. With no noise the chance is "
        f"{risk[0, cut_index]:.0f}% at a cut-off of {CUTOFF_GRID[cut_index]:g}; with noise "
        f"{NOISE_GRID[noise_index]:g} it is {risk[noise_index, cut_index]:.1f}%."
    )


@register
def deactivation_map_explorer() -> InteractiveFigure:
    """Interactive: deactivation risk over cut-off x noise, for a window and a quality."""
    default = rating_defaults()
    return InteractiveFigure(
        title="Who is deactivated: cut-off and rating noise",
        plot=plot_deactivation_map,
        alt=deactivation_map_alt,
        caption="Each cell is an exact calculation of the illustrative rating model.",
        controls=[
            Control(
                "window", "Ratings averaged", int(default["window"]), 10, 500, 10, unit="trips"
            ),
            Control(
                "quality",
                "True quality of the driver",
                default["quality"],
                4.0,
                5.0,
                0.05,
                unit="stars",
            ),
        ],
    )


def plot_rolling_checks(
    cutoff: float, noise: float, quality: float, windows, trips: int, seed: int = SEED
) -> Figure:
    """Share of identical careful drivers deactivated by each trip, for several windows."""
    figure = new_figure(1, width=7.0, height=3.8)
    (axes,) = figure.axes
    colours = [PALETTE[name] for name in ("vermillion", "orange", "blue", "green")]
    for window, colour in zip(windows, colours, strict=False):
        out = model.simulate_rating_checks(cutoff, noise, int(window), quality, trips, seed=seed)
        axes.plot(np.arange(1, trips + 1), 100 * out, color=colour, label=f"last {window} ratings")
    axes.set(
        xlabel="trips completed",
        ylabel="% of drivers deactivated",
        ylim=(0, 100),
        xlim=(0, trips),
        title="Checked after every trip: the risk adds up",
    )
    axes.legend(fontsize=9, loc="upper left")
    return figure


def rolling_checks_alt(
    cutoff: float, noise: float, quality: float, windows, trips: int, seed: int = SEED
) -> str:
    """Alt text for :func:`plot_rolling_checks`."""
    parts = []
    for window in windows:
        out = model.simulate_rating_checks(cutoff, noise, int(window), quality, trips, seed=seed)
        parts.append(f"averaging the last {window} ratings, {100 * out[-1]:.0f}%")
    return (
        f"Line chart of the share of simulated careful drivers (true quality {quality:g} stars, "
        f"rating noise {noise:g}) deactivated by each trip when the platform checks the average "
        f"against a cut-off of {cutoff:g} after every trip. After {trips} trips: "
        + "; ".join(parts)
        + "."
    )


# ---------------------------------------------------------------------------------------------
# How many drivers? (evidence check)
# ---------------------------------------------------------------------------------------------


def enrolment_shares(estimates: pd.DataFrame, enrolled: float) -> pd.DataFrame:
    """Share of drivers enrolled in social insurance under each driver-count estimate."""
    rows = []
    for row in estimates.itertuples():
        for bound, value in (("low", row.low_million), ("high", row.high_million)):
            if bound == "high" and row.high_million == row.low_million:
                continue
            rows.append(
                {
                    "estimate": f"{row.year}: {value:g} million ({row.reported_by})",
                    "drivers_million": float(value),
                    "enrolled_pct": 100 * enrolled / (value * 1e6),
                }
            )
    return pd.DataFrame(rows)


def plot_driver_estimates(estimates: pd.DataFrame, enrolled: float) -> Figure:
    """Left: published driver counts. Right: the enrolment share each count implies."""
    shares = enrolment_shares(estimates, enrolled)
    figure = new_figure(2, width=8.5, height=3.8)
    left, right = figure.axes
    years = estimates["year"].astype(str)
    left.bar(years, estimates["high_million"], color=PALETTE["sky"], label="upper end")
    left.bar(years, estimates["low_million"], color=PALETTE["blue"], label="lower end")
    for i, row in enumerate(estimates.itertuples()):
        text = (
            f"{row.low_million:g}–{row.high_million:g}"
            if row.high_million != row.low_million
            else f"{row.low_million:g}"
        )
        left.text(i, row.high_million + 0.15, text, ha="center", fontsize=9)
    left.set(ylabel="million drivers", title="Published estimates of ojol drivers")
    left.set_ylim(0, estimates["high_million"].max() * 1.2)
    left.legend(fontsize=8, loc="upper left")

    positions = np.arange(len(shares))[::-1]
    right.barh(positions, shares["enrolled_pct"], color=PALETTE["green"])
    for position, value in zip(positions, shares["enrolled_pct"], strict=True):
        right.text(value + 0.3, position, f"{value:.1f}%", va="center", fontsize=9)
    right.set_yticks(positions, [f"{v:g} million" for v in shares["drivers_million"]])
    right.set(
        xlabel="% enrolled in BPJS Ketenagakerjaan",
        xlim=(0, shares["enrolled_pct"].max() * 1.3),
        title=f"{enrolled:,.0f} enrolled drivers are…",
    )
    right.grid(axis="y", visible=False)
    return figure


def driver_estimates_alt(estimates: pd.DataFrame, enrolled: float) -> str:
    """Alt text for :func:`plot_driver_estimates`."""
    shares = enrolment_shares(estimates, enrolled)
    counts = "; ".join(
        f"{row.year}: {row.low_million:g}"
        + (f" to {row.high_million:g}" if row.high_million != row.low_million else "")
        + f" million ({row.kind}, {row.reported_by})"
        for row in estimates.itertuples()
    )
    implied = "; ".join(
        f"{row.drivers_million:g} million drivers: {row.enrolled_pct:.1f}%"
        for row in shares.itertuples()
    )
    return (
        f"Two bar charts. Left: published estimates of the number of ojol drivers: {counts}. "
        f"Right: the share of drivers enrolled in social insurance implied by "
        f"{enrolled:,.0f} enrolled drivers under each estimate: {implied}."
    )
