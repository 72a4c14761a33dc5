"""Figures for the TOE-adoption chapter: plot functions, alt texts and interactive figures."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from aicap.data import load
from aicap.i18n import N_, _
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import toe_adoption as model
from aicap.style import PALETTE, current_layout, new_figure

#: One colour per TOE dimension (and for reported outcomes), used by every figure here. The
#: names are the data's (``dimension`` column); figures show them translated, ``_(name)``.
DIMENSION_COLOURS = {
    N_("Technology"): PALETTE["blue"],
    N_("Organisation"): PALETTE["orange"],
    N_("Environment"): PALETTE["green"],
    N_("Outcome"): PALETTE["purple"],
}
#: The chapter's default Bass coefficients, read from the ``bass_coefficients`` table
#: (Sultan, Farley & Lehmann 1990), so that the number is written down only once.
_BASS = load("bass_coefficients").iloc[0]
DEFAULT_P, DEFAULT_Q = float(_BASS["p"]), float(_BASS["q"])
NOT_CODED = "#f0f0f0"


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _ticks_below(top: float, integer: bool = False) -> np.ndarray:
    """Round tick positions from 0 that stay within ``top`` (no label beyond the axis);
    whole numbers when ``integer``, so a live redraw's labels are never wider than two
    digits more than the first drawing's."""
    ticks = MaxNLocator(5, steps=[1, 2, 5, 10], integer=integer).tick_values(0.0, top)
    return ticks[(ticks >= 0) & (ticks <= top + 1e-9)]


def _narrow() -> bool:
    """Whether the figure being drawn is the phone layout."""
    return current_layout().name == "narrow"


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
    """Heat map of themes (rows) by respondent codes (columns), coloured by TOE dimension.

    On a phone the rows are labelled by theme code only (T1, O2, ...): the chapter prints the
    themes in a table beside the figure, so the grid keeps most of the width.
    """
    codes = model.respondent_columns(matrix)
    values = coding_codes(matrix)
    narrow = _narrow()
    figure = new_figure(1, width=8.0, height=6.4)
    if narrow:
        figure.set_size_inches(3.5, 5.6)
    (axes,) = figure.axes
    axes.grid(False)
    colours = ListedColormap([NOT_CODED, *DIMENSION_COLOURS.values()])
    axes.imshow(values, cmap=colours, vmin=-0.5, vmax=len(DIMENSION_COLOURS) + 0.5, aspect="auto")
    if narrow:
        labels = list(matrix["theme_code"])
    else:
        labels = [f"{row.theme_code} {_short(_(row.theme), 50)}" for row in matrix.itertuples()]
    axes.set_yticks(range(len(matrix)), labels, fontsize=9)
    axes.set_xticks(range(len(codes)), codes, fontsize=9)
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
        axes.text(len(codes) - 0.2, i, str(int(total)), va="center", fontsize=9)
    axes.text(len(codes) - 0.2, -0.95, "n", va="center", fontsize=9, fontweight="bold")
    axes.set_xlim(-0.5, len(codes) + 0.6)
    for spine in axes.spines.values():
        spine.set_visible(False)
    handles = [Patch(color=colour, label=_(name)) for name, colour in DIMENSION_COLOURS.items()]
    handles.append(Patch(facecolor=NOT_CODED, edgecolor="#bbbbbb", label=_("not attributed")))
    figure.legend(handles=handles, loc="outside lower center", ncols=2 if narrow else 5, fontsize=9)
    # above the column labels on top (the book's titles sit at a fixed height: aicap.style)
    title = _("Who said what") if narrow else _("Who said what in the study's findings")
    axes.set_title(title, pad=24)
    return figure


def coding_matrix_alt(matrix: pd.DataFrame) -> str:
    """Alt text for :func:`plot_coding_matrix`, listing each theme's respondents."""
    codes = model.respondent_columns(matrix)
    parts = []
    for row in matrix.itertuples():
        named = [code for code in codes if getattr(row, code) == 1]
        who = ", ".join(named) if named else _("no respondent named")
        parts.append(f"{row.theme_code} ({_(row.dimension)}) {_(row.theme)}: {who}")
    return _(
        "Grid of {themes} themes by {codes} respondent codes ({first} to {last}); a coloured "
        "cell means the study attributes the theme to that respondent. {details}."
    ).format(
        themes=len(matrix),
        codes=len(codes),
        first=codes[0],
        last=codes[-1],
        details="; ".join(parts),
    )


# ---------------------------------------------------------------------------------------------
# National context
# ---------------------------------------------------------------------------------------------


#: Marker of each agency that stated a digital-platform count (see msme_digital_platforms).
AGENCY_MARKERS = {
    "Kemenkop UKM": ("o", N_("Ministry of Cooperatives and SMEs")),
    "Kemenko Perekonomian": ("s", N_("Coordinating Ministry")),
}


def plot_digital_platforms(platforms: pd.DataFrame, msmes: pd.DataFrame) -> Figure:
    """MSMEs on digital platforms over time, by the agency that stated each count, beside
    BPS's survey count of businesses that sold online."""
    total = msmes.query("indicator == 'number of MSMEs'").sort_values("year").iloc[-1]
    narrow = _narrow()
    figure = new_figure(1, width=7.0, height=4.2)
    if narrow:
        figure.set_size_inches(3.5, 4.6)
    (axes,) = figure.axes
    actual = platforms[platforms["status"] == "actual"]
    target = platforms[platforms["status"] == "target"]
    survey = platforms[platforms["status"] == "BPS survey"]
    axes.plot(actual["year"], actual["msmes_million"], color=PALETTE["blue"], gid="reported")
    for agency, (marker, name) in AGENCY_MARKERS.items():
        rows = actual[actual["agency"] == agency]
        if len(rows):
            axes.plot(
                rows["year"],
                rows["msmes_million"],
                marker=marker,
                ls="none",
                color=PALETTE["blue"],
                label=_("stated by {agency}").format(agency=agency)
                if narrow
                else _("stated by the {name}").format(name=_(name)),
            )
    axes.plot(
        target["year"],
        target["msmes_million"],
        marker="o",
        ls="none",
        mfc="white",
        color=PALETTE["blue"],
        label=_("target for 2024"),
    )
    if len(survey):
        axes.plot(
            survey["year"],
            survey["msmes_million"],
            marker="D",
            color=PALETTE["vermillion"],
            label=_("selling online (BPS survey)"),
        )
    labelled = [actual.index[0], actual.index[-1], *target.index, *survey.index[-1:]]
    for row in platforms.loc[labelled].itertuples():
        share = 100 * row.msmes_million / total["value"]
        text = (_("{value:g} m") if narrow else _("{value:g} million")).format(
            value=row.msmes_million
        )
        if row.status != "BPS survey":
            text += f" ({share:.0f}%)"
        offset, align = (0, 8), "center"
        if row.status == "BPS survey":
            offset, align = (8, -3), "left"
        elif row.Index == actual.index[-1]:
            offset, align = (-8, 8), "right"
        axes.annotate(
            text,
            (row.year, row.msmes_million),
            textcoords="offset points",
            xytext=offset,
            ha=align,
            va="center" if row.status == "BPS survey" else "baseline",
            fontsize=9,
        )
    axes.axhline(total["value"], color=PALETTE["grey"], ls="--", lw=1.5)
    axes.text(
        2020.1,
        total["value"] - 2,
        _("all MSMEs ({year}): {value:g} million").format(
            year=int(total["year"]), value=total["value"]
        ),
        va="top",
        fontsize=9,
        color="#444444",
    )
    axes.set(
        xlabel=_("year"),
        ylabel=_("million firms"),
        ylim=(0, 72),
        xlim=(2019.9, 2025.4),
        title=_("MSMEs online") if narrow else _("Indonesian MSMEs on digital platforms"),
    )
    axes.set_yticks([0, 20, 40, 60])
    axes.set_xticks([2020, 2021, 2022, 2023, 2024, 2025])
    if narrow:
        axes.set_xticks([2020, 2022, 2024])
    figure.legend(loc="outside lower center", ncols=1 if narrow else 2, fontsize=9)
    axes.set_xlim(2019.9, 2025.4)
    return figure


def digital_platforms_alt(platforms: pd.DataFrame, msmes: pd.DataFrame) -> str:
    """Alt text for :func:`plot_digital_platforms`."""
    total = msmes.query("indicator == 'number of MSMEs'").sort_values("year").iloc[-1]

    def point(row) -> str:
        period, value = _(row.period), row.msmes_million
        if row.status == "BPS survey":
            return _("{period}: {value:g} million businesses selling online (BPS)").format(
                period=period, value=value
            )
        share = 100 * row.msmes_million / total["value"]
        if row.status == "target":
            text = _("{period}: {value:g} million (target), {share:.0f}% of all MSMEs")
        else:
            text = _("{period}: {value:g} million (stated by {agency}), {share:.0f}% of all MSMEs")
        return text.format(period=period, value=value, agency=row.agency, share=share)

    points = "; ".join(point(row) for row in platforms.itertuples())
    return _(
        "Line chart of the number of Indonesian MSMEs registered on digital platforms, with a "
        "dashed line at the {total:g} million MSMEs counted in {year}, and a lower line for "
        "BPS's survey count of businesses that sold online. {points}."
    ).format(total=total["value"], year=int(total["year"]), points=points)


def plot_ai_adoption(rates: pd.DataFrame) -> Figure:
    """Left: AI use over time in two surveys. Right: EU AI use by enterprise size."""
    figure = new_figure(2, width=8.5, height=3.9)
    left, right = figure.axes
    for survey, colour in (
        ("McKinsey State of AI", PALETTE["orange"]),
        ("US Census BTOS", PALETTE["blue"]),
    ):
        rows = rates[rates["survey"] == survey]
        left.plot(rows["year"], rows["share_pct"], marker="o", color=colour, label=_(survey))
    left.set(
        xlabel=_("year"),
        ylabel=_("% using AI (own measure)"),
        ylim=(0, 100),
        xlim=(2016.5, 2024.7),
        title=_("Same years, very different answers"),
    )
    left.set_xticks([2017, 2019, 2021, 2023])
    left.legend(fontsize=9, loc="upper left")
    eu = rates[rates["survey"] == "Eurostat"]
    groups = list(dict.fromkeys(eu["group"]))
    years = sorted(set(eu["year"]))
    width = 0.8 / len(years)
    shades = [PALETTE["green"], PALETTE["blue"], PALETTE["orange"]]
    for row in eu.itertuples():
        k = years.index(row.year)
        position = groups.index(row.group) + (k - (len(years) - 1) / 2) * width
        right.bar(
            position,
            row.share_pct,
            width=width * 0.95,
            color=shades[k % len(shades)],
            label=f"{int(row.year)}" if row.group == groups[0] else None,
        )
        right.text(position, row.share_pct + 0.8, f"{row.share_pct:.0f}", ha="center", fontsize=8)
    labels = [_size_label(group) for group in groups]
    right.set_xticks(np.arange(len(groups)), labels, fontsize=9)
    right.set_xlabel(_("enterprise size (employees)"))
    top = float(eu["share_pct"].max())
    right.set(
        ylabel=_("% of enterprises using AI"),
        ylim=(0, 10 * np.ceil(1.15 * top / 10)),
        title=_("EU: AI use by firm size"),
    )
    right.legend(fontsize=8.5, loc="upper left")
    right.grid(axis="x", visible=False)
    return figure


def _size_label(group: str) -> str:
    """A tick label of the EU chart: the size class over its employees ("small (10–49
    employees)" → small / 10–49, "large (250 or more employees)" → large / 250+)."""
    if group == "all":
        return _("all\n10+")
    size, employees = group.split(" (", 1)
    employees = employees.replace(" or more employees)", "+").replace(" employees)", "")
    return f"{_(size)}\n{employees}"


def ai_adoption_alt(rates: pd.DataFrame) -> str:
    """Alt text for :func:`plot_ai_adoption`."""
    parts = []
    for survey, rows in rates.groupby("survey", sort=False):
        values = ", ".join(
            f"{_(row.period)}{'' if row.group == 'all' else ' ' + _(row.group)}: {row.share_pct:g}%"
            for row in rows.itertuples()
        )
        parts.append(f"{_(survey)} ({_(rows['measure'].iloc[0])}) — {values}")
    return _(
        "Two charts of the share of firms using AI. Left, lines over time for McKinsey's survey "
        "and the US Census Bureau's survey; right, bars for EU enterprises by size. {details}."
    ).format(details="; ".join(parts))


# ---------------------------------------------------------------------------------------------
# The TOE scorecard (a teaching device)
# ---------------------------------------------------------------------------------------------


def plot_scorecard(
    ratings: Mapping[str, float],
    items: pd.DataFrame | None = None,
    dimension_weights: Mapping[str, float] | None = None,
    midpoint: float = 50.0,
    steepness: float = 0.1,
    name: str = N_("the firm"),
) -> Figure:
    """Left: the firm's item scores by dimension. Right: the logistic adoption likelihood."""
    items = load("toe_scorecard_items") if items is None else items
    result = model.score_firm(
        ratings, items, dimension_weights, midpoint=midpoint, steepness=steepness
    )
    table, profile = result["items"], result["profile"]
    name = _(name)
    narrow = _narrow()
    figure = new_figure(2, width=8.5, height=4.2)
    left, right = figure.axes
    positions = np.arange(len(table))[::-1]
    colours = [DIMENSION_COLOURS[d] for d in table["dimension"]]
    left.barh(positions, table["score"], color=colours, height=0.7)
    if narrow:  # codes only: the chapter's item table says what each code means
        labels = list(table["item_code"])
    else:
        labels = [_short(_(item), 31) for item in table["item"]]
    left.set_yticks(positions, labels, fontsize=9)
    left.set(xlim=(0, 100), xlabel=_("item score (0 = rating 1, 100 = 5)"))
    left.set_xticks([0, 50, 100] if narrow else [0, 20, 40, 60, 80, 100])
    left.set_title(_("Profile: {name}").format(name=name), fontsize=11)
    left.grid(axis="y", visible=False)
    handles = [
        Patch(color=DIMENSION_COLOURS[d], label=f"{_(d)}: {score:.0f}")
        for d, score in profile.items()
    ]
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=2 if narrow else 3,
        fontsize=9,
        title=_("dimension scores"),
    )

    index = np.linspace(0, 100, 201)
    right.plot(
        index,
        model.adoption_likelihood(index, midpoint, steepness),
        color=PALETTE["black"],
        lw=1.8,
        label=_("curve (assumed)"),
    )
    right.plot(
        [result["index"]],
        [result["likelihood"]],
        marker="o",
        ms=10,
        color=PALETTE["vermillion"],
        ls="none",
        label=_("readiness {index:.0f}").format(index=result["index"]),
    )
    right.vlines(result["index"], 0, result["likelihood"], color=PALETTE["vermillion"], ls=":")
    right.hlines(result["likelihood"], 0, result["index"], color=PALETTE["vermillion"], ls=":")
    right.set(
        xlim=(0, 100),
        ylim=(0, 1),
        xlabel=_("readiness index (0–100)"),
        ylabel=_("adoption likelihood"),
    )
    if narrow:  # no room for a legend inside the panel: the title says what the dot is
        right.set_title(
            _("Readiness {index:.0f}: likelihood {likelihood:.2f} (assumed curve)").format(
                index=result["index"], likelihood=result["likelihood"]
            ),
            fontsize=11,
        )
    else:
        right.set_title(
            _("Likelihood {likelihood:.2f} (not an estimate)").format(
                likelihood=result["likelihood"]
            ),
            fontsize=11,
        )
        right.legend(fontsize=9, loc="upper left")
    return figure


def scorecard_alt(
    ratings: Mapping[str, float],
    items: pd.DataFrame | None = None,
    dimension_weights: Mapping[str, float] | None = None,
    midpoint: float = 50.0,
    steepness: float = 0.1,
    name: str = N_("the firm"),
) -> str:
    """Alt text for :func:`plot_scorecard`."""
    items = load("toe_scorecard_items") if items is None else items
    result = model.score_firm(
        ratings, items, dimension_weights, midpoint=midpoint, steepness=steepness
    )
    scores = ", ".join(f"{_(d)} {s:.0f}" for d, s in result["profile"].items())
    item_text = "; ".join(f"{_(row.item)} {row.score:.0f}" for row in result["items"].itertuples())
    return _(
        "Two charts of the TOE scorecard, a teaching device, for {name}. Left: bars of nine "
        "item scores from 0 to 100 ({items}); dimension scores {scores}. Right: an assumed "
        "logistic curve; the overall readiness of {index:.0f} gives an adoption likelihood of "
        "{likelihood:.2f}. The weakest dimension is {weakest}."
    ).format(
        name=_(name),
        items=item_text,
        scores=scores,
        index=result["index"],
        likelihood=result["likelihood"],
        weakest=_(result["weakest"]),
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
        name=_("the {firm}").format(firm=_(firm)),
    )


def example_firm_alt(
    firm: str = "snack producer",
    weight_technology: float = 1.0,
    weight_organisation: float = 1.0,
    weight_environment: float = 1.0,
) -> str:
    """Alt text for :func:`plot_example_firm`."""
    weights = _weights(weight_technology, weight_organisation, weight_environment)
    text = ", ".join(f"{_(d)} {w:g}" for d, w in weights.items())
    name = _("the {firm}").format(firm=_(firm))
    return (
        scorecard_alt(example_firm_ratings(firm), dimension_weights=weights, name=name)
        + " "
        + _("Dimension weights: {weights}.").format(weights=text)
    )


def example_firm_summary(
    firm: str = "snack producer",
    weight_technology: float = 1.0,
    weight_organisation: float = 1.0,
    weight_environment: float = 1.0,
) -> str:
    """One sentence for the page to announce: the firm's readiness and likelihood."""
    weights = _weights(weight_technology, weight_organisation, weight_environment)
    result = model.score_firm(
        example_firm_ratings(firm), load("toe_scorecard_items"), dimension_weights=weights
    )
    text = _(
        "The {firm}: readiness {index:.0f} of 100, likelihood {likelihood:.2f}; its weakest "
        "context is {weakest}."
    ).format(
        firm=_(firm),
        index=result["index"],
        likelihood=result["likelihood"],
        weakest=_(result["weakest"]).lower(),
    )
    return text[:1].upper() + text[1:]  # a translation may begin with the firm's name


#: Page positions of the weight sliders: the ends, equal weights and three times as much.
WEIGHT_POSITIONS = (0.25, 1.0, 3.0)


@register
def scorecard_explorer() -> InteractiveFigure:
    """Interactive: a hypothetical firm's TOE readiness as the reader changes the weights."""
    firms = load("toe_example_firms")["firm"]
    weight_help = _("How much this context counts in the overall readiness index.")
    return InteractiveFigure(
        title=_("A TOE readiness scorecard (teaching device)"),
        plot=plot_example_firm,
        alt=example_firm_alt,
        summary=example_firm_summary,
        caption=_(
            "Teaching device, not the study's instrument: hypothetical firms, ratings and "
            "weights chosen by the book's authors; the logistic curve is an assumption."
        ),
        controls=[
            Control(
                "firm",
                _("Hypothetical firm"),
                "snack producer",
                options=tuple((_(name), name) for name in firms),
            ),
            Control(
                "weight_technology",
                _("Weight on technology"),
                1.0,
                0.25,
                3.0,
                0.25,
                unit="×",
                help=weight_help,
                page=WEIGHT_POSITIONS,
            ),
            Control(
                "weight_organisation",
                _("Weight on organisation"),
                1.0,
                0.25,
                3.0,
                0.25,
                unit="×",
                page=(0.25, 1.0, 2.0, 3.0),
            ),
            Control(
                "weight_environment",
                _("Weight on environment"),
                1.0,
                0.25,
                3.0,
                0.25,
                unit="×",
                page=WEIGHT_POSITIONS,
            ),
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
        label=_("default (p = {p:g}, q = {q:g})").format(p=DEFAULT_P, q=DEFAULT_Q),
    )
    left.plot(path["t"], pct["adopted"], color=PALETTE["blue"], label=_("adopted"))
    half = model.years_to_half(p, q)
    if half <= years:
        left.axvline(half, color=PALETTE["vermillion"], ls=":", lw=1.5)
        left.plot(
            [half],
            [50 * market_potential],
            marker="o",
            color=PALETTE["vermillion"],
            ls="none",
            label=_("half adopted: {half:.1f} years").format(half=half),
        )
    left.set(
        xlabel=_("years from launch"),
        ylabel=_("% that have adopted"),
        xlim=(0, years),
        ylim=(0, 100),
        title=_("Adoption over time"),
    )

    right.stackplot(
        path["t"],
        pct["from_innovation"],
        pct["from_imitation"],
        labels=[_("moved by outside push (p)"), _("moved by peers (q)")],
        colors=[PALETTE["orange"], PALETTE["green"]],
        alpha=0.85,
    )
    peak = model.peak_time(p, q)
    right.axvline(peak, color=PALETTE["black"], ls=":", lw=1.2)
    right.set(
        xlabel=_("years from launch (peak: year {peak:.1f})").format(peak=peak),
        ylabel=_("% adopting a year"),
        xlim=(0, years),
        title=_("New adopters a year"),
    )
    top = max(1.0, 1.35 * float(pct["new_adopters"].max()))
    right.set_ylim(0, top)
    right.set_yticks(_ticks_below(top, integer=True))
    handles = left.get_legend_handles_labels()[0]
    if _narrow():  # one legend under both panels: a phone has no room inside them
        handles += right.get_legend_handles_labels()[0]
    else:
        right.legend(fontsize=9, loc="upper right")
    figure.legend(
        handles=handles, loc="outside lower center", ncols=1 if _narrow() else 3, fontsize=9
    )
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
        _("half of the potential adopters have adopted after {half:.1f} years").format(half=half)
        if half <= years
        else _("half of the potential adopters is not reached within {years} years").format(
            years=years
        )
    )
    return _(
        "Two charts of the Bass diffusion model with p = {p:g}, q = {q:g} and {potential:g}% "
        "of MSMEs eventually adopting. Left: the share that has adopted rises to {end:.0f}% "
        "after {years} years; {half_text}; a dashed line shows the default p = {default_p:g}, "
        "q = {default_q:g}. Right: new adopters per year peak at {peak_share:.1f}% of MSMEs in "
        "year {peak:.1f}, split into firms moved by the outside push and firms moved by peers."
    ).format(
        p=p,
        q=q,
        potential=100 * market_potential,
        end=100 * path["adopted"].iloc[-1],
        years=years,
        half_text=half_text,
        default_p=DEFAULT_P,
        default_q=DEFAULT_Q,
        peak_share=100 * path["new_adopters"].max(),
        peak=model.peak_time(p, q),
    )


def bass_summary(
    p: float = DEFAULT_P,
    q: float = DEFAULT_Q,
    market_potential: float = 1.0,
    years: int = 30,
) -> str:
    """One sentence for the page to announce: time to half adoption and the peak."""
    half = model.years_to_half(p, q)
    peak = model.peak_time(p, q)
    peers = 100 * model.imitation_share(p, q)
    peak_text = (
        _("new adoptions peak in year {peak:.1f}").format(peak=peak)
        if peak > 0
        else _("new adoptions only fall")
    )
    return _(
        "Half of the potential adopters after {half:.1f} years; {peak_text}; {peers:.0f}% of "
        "adopters are moved by peers."
    ).format(half=half, peak_text=peak_text, peers=peers)


@register
def bass_explorer() -> InteractiveFigure:
    """Interactive: how the coefficients of innovation and imitation shape diffusion."""
    return InteractiveFigure(
        title=_("How AI adoption could spread among MSMEs (Bass model)"),
        plot=plot_bass,
        alt=bass_alt,
        summary=bass_summary,
        caption=_(
            "Bass (1969) model; default coefficients are the average of {applications} "
            "published applications reviewed by {study}, not estimates for AI or Indonesia."
        ).format(applications=int(_BASS["applications"]), study=_BASS["study"]),
        controls=[
            Control(
                "p",
                _("Coefficient of innovation p (outside push)"),
                DEFAULT_P,
                0.005,
                0.1,
                0.005,
                unit=_("per year"),
                help=_("Influence from outside the group of firms: training, programmes, media."),
                page=(0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1),
            ),
            Control(
                "q",
                _("Coefficient of imitation q (peer influence)"),
                DEFAULT_Q,
                0.0,
                0.8,
                0.02,
                unit=_("per year"),
                help=_("Influence of firms that have already adopted: example, word of mouth."),
                page=(0.0, 0.1, 0.2, 0.38, 0.6, 0.8),
            ),
            Control(
                "market_potential",
                _("Share of MSMEs that ever adopt"),
                1.0,
                0.2,
                1.0,
                0.05,
                unit="%",
                scale=100,
                help=_("An assumption: not every firm has a use for AI."),
                page=(0.2, 0.5, 1.0),
            ),
        ],
        fixed={"years": 30},
    )


def plot_levers(p: float = DEFAULT_P, q: float = DEFAULT_Q, max_increase_pct: float = 100.0):
    """Years to half adoption as ``p`` alone or ``q`` alone is raised by up to some percent."""
    increases = np.linspace(0.0, max_increase_pct, 101)
    table = model.lever_comparison(p, q, increases)
    narrow = _narrow()
    figure = new_figure(1, width=7.0, height=3.9)
    if narrow:
        figure.set_size_inches(3.5, 3.9)
    (axes,) = figure.axes
    axes.plot(
        table["increase_pct"], table["raise_p"], color=PALETTE["orange"], label=_("raise p only")
    )
    axes.plot(
        table["increase_pct"],
        table["raise_q"],
        color=PALETTE["green"],
        ls="--",
        label=_("raise q only"),
    )
    axes.set(
        xlabel=_("increase in the coefficient (%)"),
        ylabel=_("years to half adoption"),
        xlim=(0, 1.06 * max_increase_pct),
        title=_("Which lever works faster?"),
    )
    axes.set_xticks(_ticks_below(max_increase_pct, integer=True))
    top = 1.1 * float(table[["raise_p", "raise_q"]].to_numpy().max())
    axes.set_ylim(0, top)
    axes.set_yticks(_ticks_below(top, integer=True))
    figure.legend(
        loc="outside lower center",
        ncols=2,
        fontsize=9,
        title=_("starting from p = {p:g}, q = {q:g}").format(p=p, q=q),
        title_fontsize=9,
    )
    return figure


def levers_alt(p: float = DEFAULT_P, q: float = DEFAULT_Q, max_increase_pct: float = 100.0):
    """Alt text for :func:`plot_levers`."""
    table = model.lever_comparison(p, q, [0.0, max_increase_pct])
    base, end = table.iloc[0], table.iloc[-1]
    elasticities = model.half_time_elasticities(p, q)
    return _(
        "Line chart of years until half of potential adopters have adopted, starting from "
        "{start:.1f} years with p = {p:g} and q = {q:g}. Raising p by {increase:g}% brings it "
        "to {end_p:.1f} years; raising q by the same percentage brings it to {end_q:.1f} years. "
        "Elasticities at the start: {elasticity_p:.2f} for p and {elasticity_q:.2f} for q."
    ).format(
        start=base["raise_p"],
        p=p,
        q=q,
        increase=max_increase_pct,
        end_p=end["raise_p"],
        end_q=end["raise_q"],
        elasticity_p=elasticities["p"],
        elasticity_q=elasticities["q"],
    )


def levers_summary(p: float = DEFAULT_P, q: float = DEFAULT_Q, max_increase_pct: float = 100.0):
    """One sentence for the page to announce: which lever is stronger per percent here."""
    elasticity = model.half_time_elasticities(p, q)
    if q == 0:
        return _("With q = 0 there are no peers to imitate: only raising p helps.")
    stronger = _("the peer effect (q)") if elasticity["q"] < elasticity["p"] else _("the push (p)")
    return _(
        "q/p = {ratio:.1f}: per percent, {stronger} is the stronger lever here "
        "(elasticities {elasticity_p:.2f} for p, {elasticity_q:.2f} for q)."
    ).format(
        ratio=q / p,
        stronger=stronger,
        elasticity_p=elasticity["p"],
        elasticity_q=elasticity["q"],
    )


@register
def levers_explorer() -> InteractiveFigure:
    """Interactive: compare a percentage push on p with the same push on q."""
    return InteractiveFigure(
        title=_("Outside push or peer effects: which lever works faster"),
        plot=plot_levers,
        alt=levers_alt,
        summary=levers_summary,
        caption=_(
            "Bass model: each line raises one coefficient by the same percentage and keeps "
            "the other fixed."
        ),
        controls=[
            Control(
                "p",
                _("Starting p (outside push)"),
                DEFAULT_P,
                0.005,
                0.1,
                0.005,
                _("per year"),
                page=(0.005, 0.01, 0.03, 0.05, 0.1),
            ),
            Control(
                "q",
                _("Starting q (peer influence)"),
                DEFAULT_Q,
                0.0,
                0.8,
                0.02,
                _("per year"),
                page=(0.0, 0.1, 0.2, 0.38, 0.6, 0.8),
            ),
            Control(
                "max_increase_pct",
                _("Largest increase shown"),
                100.0,
                10.0,
                200.0,
                10.0,
                "%",
                page=(10.0, 100.0, 200.0),
            ),
        ],
    )
