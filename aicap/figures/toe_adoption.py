"""Figures for the TOE-adoption chapter: plot functions, alt texts and interactive figures."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from aicap.data import load
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import toe_adoption as model
from aicap.style import PALETTE, new_figure

#: One colour per TOE dimension (and for reported outcomes), used by every figure here.
DIMENSION_COLOURS = {
    "Technology": PALETTE["blue"],
    "Organisation": PALETTE["orange"],
    "Environment": PALETTE["green"],
    "Outcome": PALETTE["purple"],
}
#: The chapter's default Bass coefficients (Sultan, Farley & Lehmann 1990; data table).
DEFAULT_P, DEFAULT_Q = 0.03, 0.38
NOT_CODED = "#f0f0f0"


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------------------------------------
# The coding matrix as a heat map
# ---------------------------------------------------------------------------------------------


def coding_codes(matrix: pd.DataFrame) -> np.ndarray:
    """Cell values the heat map draws: 0 where not coded, else 1 + the dimension's position."""
    codes = model.respondent_columns(matrix)
    order = list(DIMENSION_COLOURS)
    level = matrix["dimension"].map({d: i + 1 for i, d in enumerate(order)}).to_numpy()
    return matrix[codes].to_numpy() * level[:, None]


def plot_coding_matrix(matrix: pd.DataFrame) -> Figure:
    """Heat map of themes (rows) by respondent codes (columns), coloured by TOE dimension."""
    codes = model.respondent_columns(matrix)
    values = coding_codes(matrix)
    figure = new_figure(1, width=8.0, height=6.4)
    (axes,) = figure.axes
    axes.grid(False)
    colours = ListedColormap([NOT_CODED, *DIMENSION_COLOURS.values()])
    axes.imshow(values, cmap=colours, vmin=-0.5, vmax=len(DIMENSION_COLOURS) + 0.5, aspect="auto")
    labels = [f"{row.theme_code} {_short(row.theme, 50)}" for row in matrix.itertuples()]
    axes.set_yticks(range(len(matrix)), labels, fontsize=8.5)
    axes.set_xticks(range(len(codes)), codes)
    axes.xaxis.tick_top()
    axes.tick_params(length=0)
    # separate the dimensions with white lines, and count each theme's respondents at right
    dimension = matrix["dimension"].to_numpy()
    for row in np.nonzero(dimension[1:] != dimension[:-1])[0]:
        axes.axhline(row + 0.5, color="white", lw=3)
    axes.set_xticks(np.arange(len(codes) + 1) - 0.5, minor=True)
    axes.set_yticks(np.arange(len(matrix) + 1) - 0.5, minor=True)
    axes.grid(which="minor", color="white", lw=1.5)
    axes.tick_params(which="minor", length=0)
    for i, total in enumerate(matrix[codes].sum(axis=1)):
        axes.text(len(codes) - 0.3, i, str(int(total)), va="center", fontsize=9)
    axes.text(len(codes) - 0.3, -1.0, "n", va="center", fontsize=9, fontweight="bold")
    axes.set_xlim(-0.5, len(codes) + 0.3)
    for spine in axes.spines.values():
        spine.set_visible(False)
    handles = [Patch(color=colour, label=name) for name, colour in DIMENSION_COLOURS.items()]
    handles.append(Patch(facecolor=NOT_CODED, edgecolor="#bbbbbb", label="not attributed"))
    figure.legend(handles=handles, loc="outside lower center", ncols=5, fontsize=9)
    # above the column labels on top (the book's titles sit at a fixed height: aicap.style)
    axes.set_title("Who said what in the study's findings", pad=24)
    return figure


def coding_matrix_alt(matrix: pd.DataFrame) -> str:
    """Alt text for :func:`plot_coding_matrix`, listing each theme's respondents."""
    codes = model.respondent_columns(matrix)
    parts = []
    for row in matrix.itertuples():
        named = [code for code in codes if getattr(row, code) == 1]
        who = ", ".join(named) if named else "no respondent named"
        parts.append(f"{row.theme_code} ({row.dimension}) {row.theme}: {who}")
    return (
        f"Grid of {len(matrix)} themes by {len(codes)} respondent codes ({codes[0]} to "
        f"{codes[-1]}); a coloured cell means the study attributes the theme to that "
        "respondent. " + "; ".join(parts) + "."
    )


# ---------------------------------------------------------------------------------------------
# National context
# ---------------------------------------------------------------------------------------------


def plot_digital_platforms(platforms: pd.DataFrame, msmes: pd.DataFrame) -> Figure:
    """MSMEs on digital platforms over time, against the total number of MSMEs."""
    total = msmes.query("indicator == 'number of MSMEs'").sort_values("year").iloc[-1]
    figure = new_figure(1, width=7.0, height=3.8)
    (axes,) = figure.axes
    actual = platforms[platforms["status"] == "actual"]
    target = platforms[platforms["status"] == "target"]
    axes.plot(
        actual["year"],
        actual["msmes_million"],
        marker="o",
        color=PALETTE["blue"],
        label="on digital platforms (reported)",
    )
    axes.plot(
        target["year"],
        target["msmes_million"],
        marker="o",
        ls="none",
        mfc="white",
        color=PALETTE["blue"],
        label="government target",
    )
    for row in platforms.itertuples():
        share = 100 * row.msmes_million / total["value"]
        axes.annotate(
            f"{share:.0f}%",
            (row.year, row.msmes_million),
            textcoords="offset points",
            xytext=(0, 8),
            ha="center",
            fontsize=9,
        )
    axes.axhline(total["value"], color=PALETTE["grey"], ls="--", lw=1.5)
    axes.text(
        2020.4,
        total["value"] - 2,
        f"all MSMEs ({int(total['year'])}): {total['value']:g} million",
        va="top",
        fontsize=9,
        color="#444444",
    )
    axes.set(
        xlabel="year",
        ylabel="million MSMEs",
        ylim=(0, 72),
        xlim=(2020, 2025.5),
        title="Indonesian MSMEs on digital platforms",
    )
    axes.legend(loc="center left", fontsize=9)
    return figure


def digital_platforms_alt(platforms: pd.DataFrame, msmes: pd.DataFrame) -> str:
    """Alt text for :func:`plot_digital_platforms`."""
    total = msmes.query("indicator == 'number of MSMEs'").sort_values("year").iloc[-1]
    points = "; ".join(
        f"{row.period}: {row.msmes_million:g} million"
        + (" (target)" if row.status == "target" else "")
        + f", {100 * row.msmes_million / total['value']:.0f}% of all MSMEs"
        for row in platforms.itertuples()
    )
    return (
        "Line chart of the number of Indonesian MSMEs registered on digital platforms, with a "
        f"dashed line at the {total['value']:g} million MSMEs counted in {int(total['year'])}. "
        f"{points}."
    )


def plot_ai_adoption(rates: pd.DataFrame) -> Figure:
    """Left: AI use over time in two surveys. Right: EU AI use by enterprise size."""
    figure = new_figure(2, width=8.5, height=3.9)
    left, right = figure.axes
    for survey, colour in (
        ("McKinsey State of AI", PALETTE["orange"]),
        ("US Census BTOS", PALETTE["blue"]),
    ):
        rows = rates[rates["survey"] == survey]
        left.plot(rows["year"], rows["share_pct"], marker="o", color=colour, label=survey)
    left.set(
        xlabel="year",
        ylabel="% of firms using AI",
        ylim=(0, 100),
        title="Same years, very different answers",
    )
    left.legend(fontsize=9, loc="upper left")
    eu = rates[(rates["survey"] == "Eurostat")]
    labels = [
        "all\n10+"
        if group == "all"
        else group.replace(" (", "\n")
        .replace(" or more employees)", "+")
        .replace(" employees)", "")
        for group in eu["group"]
    ]
    colours = [PALETTE["grey"]] + [PALETTE["green"]] * (len(eu) - 1)
    positions = np.arange(len(eu))
    right.bar(positions, eu["share_pct"], color=colours)
    for position, value in zip(positions, eu["share_pct"], strict=True):
        right.text(position, value + 0.8, f"{value:g}%", ha="center", fontsize=9)
    right.set_xticks(positions, labels, fontsize=9)
    right.set_xlabel("enterprise size (employees)")
    right.set(
        ylabel="% of enterprises using AI",
        ylim=(0, 40),
        title=f"EU, {int(eu['year'].iloc[0])}: AI use by firm size",
    )
    right.grid(axis="x", visible=False)
    return figure


def ai_adoption_alt(rates: pd.DataFrame) -> str:
    """Alt text for :func:`plot_ai_adoption`."""
    parts = []
    for survey, rows in rates.groupby("survey", sort=False):
        values = ", ".join(
            f"{row.period}{'' if row.group == 'all' else ' ' + row.group}: {row.share_pct:g}%"
            for row in rows.itertuples()
        )
        parts.append(f"{survey} ({rows['measure'].iloc[0]}) — {values}")
    return (
        "Two charts of the share of firms using AI. Left, lines over time for McKinsey's survey "
        "and the US Census Bureau's survey; right, bars for EU enterprises by size. "
        + "; ".join(parts)
        + "."
    )


# ---------------------------------------------------------------------------------------------
# The TOE scorecard (a teaching device)
# ---------------------------------------------------------------------------------------------


def plot_scorecard(
    ratings: Mapping[str, float],
    items: pd.DataFrame | None = None,
    dimension_weights: Mapping[str, float] | None = None,
    midpoint: float = 50.0,
    steepness: float = 0.1,
    name: str = "the firm",
) -> Figure:
    """Left: the firm's item scores by dimension. Right: the logistic adoption likelihood."""
    items = load("toe_scorecard_items") if items is None else items
    result = model.score_firm(
        ratings, items, dimension_weights, midpoint=midpoint, steepness=steepness
    )
    table, profile = result["items"], result["profile"]
    figure = new_figure(2, width=8.5, height=4.2)
    left, right = figure.axes
    positions = np.arange(len(table))[::-1]
    colours = [DIMENSION_COLOURS[d] for d in table["dimension"]]
    left.barh(positions, table["score"], color=colours, height=0.7)
    left.set_yticks(positions, [_short(item, 32) for item in table["item"]], fontsize=9)
    left.set(xlim=(0, 100), xlabel="item score (0 = rating 1, 100 = rating 5)")
    left.set_title(f"Readiness profile: {name}", fontsize=11)
    left.grid(axis="y", visible=False)
    handles = [
        Patch(color=DIMENSION_COLOURS[d], label=f"{d}: {score:.0f}") for d, score in profile.items()
    ]
    figure.legend(
        handles=handles, loc="outside lower center", ncols=3, fontsize=9, title="dimension scores"
    )

    index = np.linspace(0, 100, 201)
    right.plot(
        index,
        model.adoption_likelihood(index, midpoint, steepness),
        color=PALETTE["black"],
        lw=1.8,
        label="logistic curve (assumed)",
    )
    right.plot(
        [result["index"]],
        [result["likelihood"]],
        marker="o",
        ms=10,
        color=PALETTE["vermillion"],
        ls="none",
        label=f"{name}: readiness {result['index']:.0f}",
    )
    right.vlines(result["index"], 0, result["likelihood"], color=PALETTE["vermillion"], ls=":")
    right.hlines(result["likelihood"], 0, result["index"], color=PALETTE["vermillion"], ls=":")
    right.set(
        xlim=(0, 100),
        ylim=(0, 1),
        xlabel="overall readiness index (0–100)",
        ylabel="adoption likelihood (teaching device)",
    )
    right.set_title(f"Likelihood {result['likelihood']:.2f} (not an estimate)", fontsize=11)
    right.legend(fontsize=8.5, loc="upper left")
    return figure


def scorecard_alt(
    ratings: Mapping[str, float],
    items: pd.DataFrame | None = None,
    dimension_weights: Mapping[str, float] | None = None,
    midpoint: float = 50.0,
    steepness: float = 0.1,
    name: str = "the firm",
) -> str:
    """Alt text for :func:`plot_scorecard`."""
    items = load("toe_scorecard_items") if items is None else items
    result = model.score_firm(
        ratings, items, dimension_weights, midpoint=midpoint, steepness=steepness
    )
    scores = ", ".join(f"{d} {s:.0f}" for d, s in result["profile"].items())
    item_text = "; ".join(f"{row.item} {row.score:.0f}" for row in result["items"].itertuples())
    return (
        f"Two charts of the TOE scorecard, a teaching device, for {name}. Left: bars of nine "
        f"item scores from 0 to 100 ({item_text}); dimension scores {scores}. Right: an "
        f"assumed logistic curve; the overall readiness of {result['index']:.0f} gives an "
        f"adoption likelihood of {result['likelihood']:.2f}. The weakest dimension is "
        f"{result['weakest']}."
    )


def example_firm_ratings(firm: str) -> dict[str, float]:
    """The ratings of one of the hypothetical firms in ``toe_example_firms``."""
    firms = load("toe_example_firms").set_index("firm")
    if firm not in firms.index:
        raise ValueError(f"firm must be one of {list(firms.index)}; got {firm!r}")
    codes = load("toe_scorecard_items")["item_code"]
    return {code: float(firms.loc[firm, code]) for code in codes}


def _weights(weight_technology: float, weight_organisation: float, weight_environment: float):
    return {
        "Technology": weight_technology,
        "Organisation": weight_organisation,
        "Environment": weight_environment,
    }


def plot_example_firm(
    firm: str = "snack producer",
    weight_technology: float = 1.0,
    weight_organisation: float = 1.0,
    weight_environment: float = 1.0,
) -> Figure:
    """The scorecard of a hypothetical firm, with dimension weights the reader chooses."""
    return plot_scorecard(
        example_firm_ratings(firm),
        dimension_weights=_weights(weight_technology, weight_organisation, weight_environment),
        name=f"the {firm}",
    )


def example_firm_alt(
    firm: str = "snack producer",
    weight_technology: float = 1.0,
    weight_organisation: float = 1.0,
    weight_environment: float = 1.0,
) -> str:
    """Alt text for :func:`plot_example_firm`."""
    weights = _weights(weight_technology, weight_organisation, weight_environment)
    text = ", ".join(f"{d} {w:g}" for d, w in weights.items())
    return (
        scorecard_alt(example_firm_ratings(firm), dimension_weights=weights, name=f"the {firm}")
        + f" Dimension weights: {text}."
    )


@register
def scorecard_explorer() -> InteractiveFigure:
    """Interactive: a hypothetical firm's TOE readiness as the reader changes the weights."""
    firms = load("toe_example_firms")["firm"]
    weight_help = "How much this dimension counts in the overall readiness index."
    return InteractiveFigure(
        title="A TOE readiness scorecard (teaching device)",
        plot=plot_example_firm,
        alt=example_firm_alt,
        caption="Teaching device, not the study's instrument: hypothetical firms, ratings and "
        "weights chosen by the book's authors; the logistic curve is an assumption.",
        controls=[
            Control(
                "firm",
                "Hypothetical firm",
                "snack producer",
                options=tuple((name, name) for name in firms),
            ),
            Control(
                "weight_technology",
                "Weight on technology",
                1.0,
                0.25,
                3.0,
                0.25,
                help=weight_help,
            ),
            Control("weight_organisation", "Weight on organisation", 1.0, 0.25, 3.0, 0.25),
            Control("weight_environment", "Weight on environment", 1.0, 0.25, 3.0, 0.25),
        ],
    )


# ---------------------------------------------------------------------------------------------
# Bass diffusion
# ---------------------------------------------------------------------------------------------


def plot_bass(
    p: float = DEFAULT_P,
    q: float = DEFAULT_Q,
    market_potential: float = 1.0,
    years: int = 30,
) -> Figure:
    """Left: share of MSMEs that have adopted. Right: new adopters a year, push vs peers."""
    path = model.bass_path(p, q, market_potential, years)
    reference = model.bass_path(DEFAULT_P, DEFAULT_Q, market_potential, years)
    figure = new_figure(2, width=8.5, height=3.9)
    left, right = figure.axes
    pct = 100 * path
    left.plot(
        reference["t"],
        100 * reference["adopted"],
        color=PALETTE["grey"],
        ls="--",
        lw=1.5,
        label=f"default p = {DEFAULT_P:g}, q = {DEFAULT_Q:g}",
    )
    left.plot(path["t"], pct["adopted"], color=PALETTE["blue"], label="adopted")
    half = model.years_to_half(p, q)
    if half <= years:
        left.axvline(half, color=PALETTE["vermillion"], ls=":", lw=1.5)
        left.plot(
            [half],
            [50 * market_potential],
            marker="o",
            color=PALETTE["vermillion"],
            ls="none",
            label=f"half of potential adopters: {half:.1f} years",
        )
    left.set(
        xlabel="years from launch",
        ylabel="% of MSMEs that have adopted",
        xlim=(0, years),
        ylim=(0, 100),
        title="Adoption over time",
    )
    figure.legend(
        handles=left.get_legend_handles_labels()[0],
        loc="outside lower center",
        ncols=3,
        fontsize=8.5,
    )

    right.stackplot(
        path["t"],
        pct["from_innovation"],
        pct["from_imitation"],
        labels=["moved by outside push (p)", "moved by peers (q)"],
        colors=[PALETTE["orange"], PALETTE["green"]],
        alpha=0.85,
    )
    peak = model.peak_time(p, q)
    right.axvline(peak, color=PALETTE["black"], ls=":", lw=1.2)
    right.set(
        xlabel="years from launch",
        ylabel="% of MSMEs adopting per year",
        xlim=(0, years),
        title=f"New adopters a year (peak at year {peak:.1f})",
    )
    right.set_ylim(0, max(1.0, 1.35 * pct["new_adopters"].max()))
    right.legend(fontsize=8.5, loc="upper right")
    return figure


def bass_alt(
    p: float = DEFAULT_P,
    q: float = DEFAULT_Q,
    market_potential: float = 1.0,
    years: int = 30,
) -> str:
    """Alt text for :func:`plot_bass`."""
    path = model.bass_path(p, q, market_potential, years)
    half = model.years_to_half(p, q)
    half_text = (
        f"half of the potential adopters have adopted after {half:.1f} years"
        if half <= years
        else f"half of the potential adopters is not reached within {years} years"
    )
    return (
        f"Two charts of the Bass diffusion model with p = {p:g}, q = {q:g} and "
        f"{100 * market_potential:g}% of MSMEs eventually adopting. Left: the share that has "
        f"adopted rises to {100 * path['adopted'].iloc[-1]:.0f}% after {years} years; "
        f"{half_text}; a dashed line shows the default p = {DEFAULT_P:g}, q = {DEFAULT_Q:g}. "
        f"Right: new adopters per year peak at {100 * path['new_adopters'].max():.1f}% of "
        f"MSMEs in year {model.peak_time(p, q):.1f}, split into firms moved by the outside "
        "push and firms moved by peers."
    )


@register
def bass_explorer() -> InteractiveFigure:
    """Interactive: how the coefficients of innovation and imitation shape diffusion."""
    return InteractiveFigure(
        title="How AI adoption could spread among MSMEs (Bass model)",
        plot=plot_bass,
        alt=bass_alt,
        caption="Bass (1969) model; default coefficients are the average of 213 published "
        "applications (Sultan, Farley & Lehmann 1990), not estimates for AI or Indonesia.",
        controls=[
            Control(
                "p",
                "Coefficient of innovation p (outside push)",
                DEFAULT_P,
                0.005,
                0.1,
                0.005,
                unit="per year",
                help="Training, government programmes, advertising.",
            ),
            Control(
                "q",
                "Coefficient of imitation q (peer influence)",
                DEFAULT_Q,
                0.0,
                0.8,
                0.02,
                unit="per year",
                help="Word of mouth, seeing competitors adopt, incubators and networks.",
            ),
            Control(
                "market_potential",
                "Share of MSMEs that ever adopt",
                1.0,
                0.2,
                1.0,
                0.05,
                unit="share",
                help="An assumption: not every firm has a use for AI.",
            ),
        ],
        fixed={"years": 30},
    )


def plot_levers(p: float = DEFAULT_P, q: float = DEFAULT_Q, max_increase_pct: float = 100.0):
    """Years to half adoption as ``p`` alone or ``q`` alone is raised by up to some percent."""
    increases = np.linspace(0.0, max_increase_pct, 101)
    table = model.lever_comparison(p, q, increases)
    figure = new_figure(1, width=7.0, height=3.9)
    (axes,) = figure.axes
    axes.plot(
        table["increase_pct"],
        table["raise_p"],
        color=PALETTE["orange"],
        label="raise p: outside push (training, programmes)",
    )
    axes.plot(
        table["increase_pct"],
        table["raise_q"],
        color=PALETTE["green"],
        label="raise q: peer effects (networks, incubators)",
    )
    axes.set(
        xlabel="increase in the coefficient (%)",
        ylabel="years to half adoption",
        xlim=(0, max_increase_pct),
        title=f"Which lever shortens diffusion more? (p = {p:g}, q = {q:g})",
    )
    axes.set_ylim(0, 1.1 * float(table[["raise_p", "raise_q"]].to_numpy().max()))
    axes.legend(fontsize=9, loc="lower left")
    return figure


def levers_alt(p: float = DEFAULT_P, q: float = DEFAULT_Q, max_increase_pct: float = 100.0):
    """Alt text for :func:`plot_levers`."""
    table = model.lever_comparison(p, q, [0.0, max_increase_pct])
    base, end = table.iloc[0], table.iloc[-1]
    elasticities = model.half_time_elasticities(p, q)
    return (
        f"Line chart of years until half of potential adopters have adopted, starting from "
        f"{base['raise_p']:.1f} years with p = {p:g} and q = {q:g}. Raising p by "
        f"{max_increase_pct:g}% brings it to {end['raise_p']:.1f} years; raising q by the same "
        f"percentage brings it to {end['raise_q']:.1f} years. Elasticities at the start: "
        f"{elasticities['p']:.2f} for p and {elasticities['q']:.2f} for q."
    )


@register
def levers_explorer() -> InteractiveFigure:
    """Interactive: compare a percentage push on p with the same push on q."""
    return InteractiveFigure(
        title="Outside push or peer effects: which lever works faster",
        plot=plot_levers,
        alt=levers_alt,
        caption="Bass model: each line changes one coefficient and keeps the other fixed.",
        controls=[
            Control("p", "Starting p (outside push)", DEFAULT_P, 0.005, 0.1, 0.005, "per year"),
            Control("q", "Starting q (peer influence)", DEFAULT_Q, 0.0, 0.8, 0.02, "per year"),
            Control("max_increase_pct", "Largest increase shown", 100.0, 10.0, 200.0, 10.0, "%"),
        ],
    )
