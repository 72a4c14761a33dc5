"""Figures for the introduction: the map of chapters to source documents, and the interactive
figure on why a headline share of jobs exposed to AI depends on the mix of jobs."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import cache, reduce

import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from aicap.data import load
from aicap.i18n import N_, _
from aicap.interactive import Control, InteractiveFigure, register
from aicap.models import introduction as model
from aicap.style import PALETTE, current_layout, new_figure


def _layout(sources: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Chapters (topics) in reading order and source documents in order of first use."""
    topics = list(dict.fromkeys(sources["topic"]))
    documents = list(dict.fromkeys(sources["source_label"]))
    return topics, documents


def short_label(label: str) -> str:
    """A document's name without its description: ``Yudha (gig economy)`` -> ``Yudha``."""
    return label.split(" (")[0]


def _chapter_label(topic: str) -> str:
    """A chapter's name on two short lines, for the upright columns of the phone layout."""
    return textwrap.fill(topic, 14)


def _document_label(label: str) -> str:
    """``Prasetyo & Andrilla (MSMEs)`` -> its name wrapped to short lines, then the bracket."""
    name, _, rest = label.partition(" (")
    wrapped = textwrap.fill(name, 12)
    return f"{wrapped}\n({rest}" if rest else wrapped


def plot_source_map(sources: pd.DataFrame) -> Figure:
    """Dot matrix: filled where a chapter starts from a document, a ring where it draws on it.

    On a laptop the chapters are the rows and the documents the columns. On a phone the
    matrix is turned round: the five documents are the rows (short names) and the chapters the
    columns, named upwards on two lines, so that every label fits the narrow screen. The
    chapters carry the same names in both layouts and in the chapter's list.
    """
    narrow = current_layout().name == "narrow"
    topics, documents = _layout(sources)
    figure = new_figure(1, width=7.0, height=4.6)
    (axes,) = figure.axes
    axes.set_axisbelow(True)  # the grid runs behind the dots, not through them
    column = sources["source_label"].map(documents.index).to_numpy()
    row = sources["topic"].map(topics.index).to_numpy()
    if narrow:
        column, row = row, column
    main = (sources["role"] == "main").to_numpy()
    size = 130 if narrow else 260
    axes.scatter(column[main], row[main], s=size, color=PALETTE["blue"], label=_("starts from it"))
    axes.scatter(
        column[~main],
        row[~main],
        s=size,
        facecolors="white",
        edgecolors=PALETTE["blue"],
        linewidths=2,
        label=_("draws on part of it"),
    )
    if narrow:
        columns = [_chapter_label(_(topic)) for topic in topics]
        rows = [short_label(_(label)) for label in documents]
        axes.set_xticks(np.arange(len(columns)), columns, rotation=90, fontsize=9)
    else:
        columns = documents
        rows = [_(topic) for topic in topics]
        axes.set_xticks(
            np.arange(len(columns)), [_document_label(_(label)) for label in columns], fontsize=9
        )
    axes.set_yticks(np.arange(len(rows)), rows, fontsize=9 if narrow else 10)
    axes.set_xlim(-0.6, len(columns) - 0.4)
    axes.set_ylim(len(rows) - 0.4, -0.6)
    axes.set_title(
        _("Sources by chapter") if narrow else _("Which source document feeds which chapter")
    )
    figure.legend(
        loc="outside lower center",
        ncols=1 if narrow else 2,
        fontsize=9,
        frameon=False,
        columnspacing=0.8,
        handletextpad=0.3,
    )
    return figure


def source_map_alt(sources: pd.DataFrame) -> str:
    """Alt text for :func:`plot_source_map`, listing each chapter's documents."""
    topics, _documents = _layout(sources)
    parts = []
    for topic in topics:
        rows = sources[sources["topic"] == topic]
        main = ", ".join(_(label) for label in rows.loc[rows["role"] == "main", "source_label"])
        extra = ", ".join(
            _(label) for label in rows.loc[rows["role"] == "supporting", "source_label"]
        )
        if extra:
            part = _("{chapter}: starts from {main}, draws on {extra}")
        else:
            part = _("{chapter}: starts from {main}")
        parts.append(part.format(chapter=_(topic), main=main, extra=extra))
    opening = _(
        "Dot grid pairing each of the book's {count} chapters with the source documents it "
        "uses, in reading order."
    ).format(count=len(topics))
    return f"{opening} {'; '.join(parts)}."


# ---------------------------------------------------------------------------------------------
# Interactive: the headline exposure figure is a weighted average over the mix of jobs
# ---------------------------------------------------------------------------------------------

#: The IMF rows of ``ai_exposure_estimates`` drawn as reference lines, and their names.
IMF_STUDY = "IMF (Cazzaniga et al.)"
IMF_SCOPES = {
    "World": (N_("the world"), N_("world")),
    "Emerging markets": (N_("emerging markets"), N_("emerging")),
    "Advanced economies": (N_("advanced economies"), N_("advanced")),
}
#: Line styles of the reference lines, lowest share first.
IMF_STYLES = (
    {"color": PALETTE["orange"], "ls": "--"},
    {"color": PALETTE["purple"], "ls": "-."},
    {"color": PALETTE["vermillion"], "ls": ":"},
)
EXPOSED_COLOUR = PALETTE["blue"]
NOT_EXPOSED_COLOUR = "#cfe2f0"


@dataclass(frozen=True)
class JobMix:
    """Indonesia's workers split into formal and informal jobs (latest Sakernas round)."""

    year: int
    month: str
    informal_share: float  # fraction of employed people
    employed_million: float

    @property
    def formal_share(self) -> float:
        return 1.0 - self.informal_share


@cache
def job_mix() -> JobMix:
    """The latest round of ``informal_employment_share``: the informal share and all workers."""
    table = load("informal_employment_share").sort_values("year")
    latest = table.iloc[-1]
    return JobMix(
        year=int(latest["year"]),
        month=str(latest["month"]),
        informal_share=float(latest["share_pct"]) / 100,
        employed_million=float(latest["employed_million"]),
    )


@cache
def _imf_lines() -> tuple[tuple[float, tuple[str, ...]], ...]:
    """The IMF's shares of jobs exposed to AI (percent), lowest first, each with its scopes
    (the ``scope`` column's values); scopes with the same share share one line ("the world
    and emerging markets")."""
    table = load("ai_exposure_estimates")
    imf = table[table["study"] == IMF_STUDY].set_index("scope")["share_pct"]
    missing = sorted(set(IMF_SCOPES) - set(imf.index))
    if missing:
        raise ValueError(f"ai_exposure_estimates lacks the IMF rows {missing}")
    lines = []
    for share in sorted({float(imf[scope]) for scope in IMF_SCOPES}):
        scopes = tuple(scope for scope in IMF_SCOPES if float(imf[scope]) == share)
        lines.append((share, scopes))
    return tuple(lines)


def _and(texts) -> str:
    """``a and b`` (``a and b and c``) in the edition's language."""
    return reduce(
        lambda first, second: _("{first} and {second}").format(first=first, second=second), texts
    )


def imf_references() -> tuple[tuple[float, str, str], ...]:
    """The IMF's shares of jobs exposed to AI (percent), lowest first, each with a long and a
    short name of its scopes, written in the edition's language when it is called."""
    return tuple(
        (
            share,
            _and(_(IMF_SCOPES[scope][0]) for scope in scopes),
            ", ".join(_(IMF_SCOPES[scope][1]) for scope in scopes),
        )
        for share, scopes in _imf_lines()
    )


def job_mix_numbers(formal_exposure: float = 0.6, informal_exposure: float = 0.2) -> dict:
    """Everything the figure, its alt text and its summary show, in percent (millions for
    workers), computed once by the model."""
    mix = job_mix()
    economy = model.economy_wide_exposure(mix.formal_share, formal_exposure, informal_exposure)
    return {
        "mix": mix,
        "formal_pct": 100 * mix.formal_share,
        "informal_pct": 100 * mix.informal_share,
        "formal_exposure_pct": 100 * formal_exposure,
        "informal_exposure_pct": 100 * informal_exposure,
        # each kind of job's exposed workers as a share of all workers: the two shaded areas
        "formal_part_pct": 100 * mix.formal_share * formal_exposure,
        "informal_part_pct": 100 * mix.informal_share * informal_exposure,
        "economy_pct": 100 * economy,
        "exposed_million": economy * mix.employed_million,
        "references": imf_references(),
    }


def plot_job_mix(formal_exposure: float = 0.6, informal_exposure: float = 0.2) -> Figure:
    """Indonesia's workers as two blocks as wide as their shares of workers (formal, informal),
    each shaded up to the share of its jobs exposed to AI; a line at the share of all jobs
    exposed (the shaded area spread over the whole width) and the IMF's shares as reference
    lines. On a phone the labels are shorter and the key is one column under the panel."""
    numbers = job_mix_numbers(formal_exposure, informal_exposure)
    mix = numbers["mix"]
    narrow = current_layout().name == "narrow"
    figure = new_figure(1, width=7.0, height=4.6)
    if narrow:  # room for three-line block labels and a one-column key under the panel
        figure.set_size_inches(figure.get_figwidth(), 5.6)
    (axes,) = figure.axes
    formal, informal = numbers["formal_pct"], numbers["informal_pct"]
    blocks = [
        (0.0, formal, numbers["formal_exposure_pct"]),
        (formal, informal, numbers["informal_exposure_pct"]),
    ]
    for left, width, exposed in blocks:
        axes.bar(left, 100, width, align="edge", color=NOT_EXPOSED_COLOUR, lw=0)
        axes.bar(left, exposed, width, align="edge", color=EXPOSED_COLOUR, lw=0)
    axes.axvline(formal, color="white", lw=3)  # the boundary between the two kinds of job
    axes.axhline(
        numbers["economy_pct"],
        color=PALETTE["black"],
        lw=2.8,
        zorder=4,
        # a white edge, so that the line shows on the dark exposed blocks too
        path_effects=[patheffects.withStroke(linewidth=4.6, foreground="white")],
        label=_("all jobs (weighted average)"),
    )
    for (share, long, short), style in zip(numbers["references"], IMF_STYLES, strict=False):
        name = short if narrow else long
        label = _("IMF: {scopes} ({share:g}%)").format(scopes=name, share=share)
        axes.axhline(share, lw=2, zorder=3, label=label, **style)
    kinds = (_("formal jobs"), _("informal jobs"))
    labels = [
        "\n".join(
            (
                kind,
                _("{share:.1f}% of workers").format(share=width),
                _("{share:.0f}% exposed").format(share=exposed),
            )
        )
        for kind, (_left, width, exposed) in zip(kinds, blocks, strict=True)
    ]
    axes.set_xticks([formal / 2, formal + informal / 2], labels, fontsize=9)
    axes.tick_params(axis="x", length=0)
    axes.set_yticks(range(0, 101, 20), [f"{tick}%" for tick in range(0, 101, 20)])
    if narrow:
        title = _("All jobs: {share:.1f}% exposed").format(share=numbers["economy_pct"])
    else:
        title = _("Indonesia, {month} {year}: {share:.1f}% of all jobs exposed").format(
            month=_(mix.month), year=mix.year, share=numbers["economy_pct"]
        )
    axes.set(xlim=(0, 100), ylim=(0, 100), ylabel=_("jobs exposed to AI"), title=title)
    axes.grid(visible=False)
    handles = [
        Patch(color=EXPOSED_COLOUR, label=_("exposed (assumed)")),
        Patch(color=NOT_EXPOSED_COLOUR, label=_("not exposed")),
        *axes.get_legend_handles_labels()[0],
    ]
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=1 if narrow else 2,
        fontsize=9,
        frameon=False,
        columnspacing=1.2,
        handlelength=2.4,
        handletextpad=0.5,
    )
    return figure


def _compared(value: float, reference: float) -> str:
    """``3.1 points below``, ``equal to`` or ``2.0 points above`` (to one decimal)."""
    gap = round(value - reference, 1)
    if gap == 0:
        return _("equal to")
    if gap > 0:
        return _("{gap:.1f} points above").format(gap=gap)
    return _("{gap:.1f} points below").format(gap=abs(gap))


def job_mix_alt(formal_exposure: float = 0.6, informal_exposure: float = 0.2) -> str:
    """Alt text for :func:`plot_job_mix`, written from the same numbers."""
    numbers = job_mix_numbers(formal_exposure, informal_exposure)
    mix = numbers["mix"]
    references = numbers["references"]
    lines = reduce(
        lambda earlier, line: _("{earlier} and {line}").format(earlier=earlier, line=line),
        (
            _("{share:g}% for {scopes}").format(share=share, scopes=long)
            for share, long, _short in references
        ),
    )
    nearest = min(references, key=lambda line: abs(line[0] - numbers["economy_pct"]))
    sentences = (
        _("Teaching device, not an estimate."),
        _(
            "Two blocks side by side stand for Indonesia's {workers:.1f} million workers in "
            "{month} {year}, each as wide as its share of workers: formal jobs {formal:.1f}%, "
            "informal jobs {informal:.1f}%."
        ).format(
            workers=mix.employed_million,
            month=_(mix.month),
            year=mix.year,
            formal=numbers["formal_pct"],
            informal=numbers["informal_pct"],
        ),
        _(
            "Each block is shaded up to the share of its jobs exposed to AI, set by the reader "
            "as an assumption: {formal_exposure:.0f}% of formal jobs and "
            "{informal_exposure:.0f}% of informal jobs, which are {formal_part:.1f}% and "
            "{informal_part:.1f}% of all workers."
        ).format(
            formal_exposure=numbers["formal_exposure_pct"],
            informal_exposure=numbers["informal_exposure_pct"],
            formal_part=numbers["formal_part_pct"],
            informal_part=numbers["informal_part_pct"],
        ),
        _(
            "A black line marks their sum, the weighted average: {economy:.1f}% of all jobs "
            "exposed, about {exposed:.1f} million workers."
        ).format(economy=numbers["economy_pct"], exposed=numbers["exposed_million"]),
        _(
            "Broken reference lines mark the IMF's shares of jobs exposed, {lines}; the line "
            "for all jobs is {compared} the IMF's {share:g}% for {scopes}."
        ).format(
            lines=lines,
            compared=_compared(numbers["economy_pct"], nearest[0]),
            share=nearest[0],
            scopes=nearest[1],
        ),
    )
    return " ".join(sentences)


def job_mix_summary(formal_exposure: float = 0.6, informal_exposure: float = 0.2) -> str:
    """One sentence for the page to announce after a move: the share of all jobs exposed."""
    numbers = job_mix_numbers(formal_exposure, informal_exposure)
    return _(
        "{economy:.1f}% of all jobs exposed: {formal_exposure:.0f}% of formal jobs "
        "({formal:.1f}% of workers) and {informal_exposure:.0f}% of informal jobs "
        "({informal:.1f}%), weighted by their shares of workers."
    ).format(
        economy=numbers["economy_pct"],
        formal_exposure=numbers["formal_exposure_pct"],
        formal=numbers["formal_pct"],
        informal_exposure=numbers["informal_exposure_pct"],
        informal=numbers["informal_pct"],
    )


#: The page positions of both controls: every 10%.
EXPOSURE_POSITIONS = tuple(step / 10 for step in range(11))


@register
def job_mix_explorer() -> InteractiveFigure:
    """Interactive: the share of all jobs exposed to AI as a weighted average over the job mix."""
    mix = job_mix()
    return InteractiveFigure(
        title=_("Why the headline share of jobs exposed to AI depends on the mix of jobs"),
        plot=plot_job_mix,
        alt=job_mix_alt,
        summary=job_mix_summary,
        caption=_(
            "Teaching device, not an estimate. Widths: Indonesia's workers in formal and "
            "informal jobs, BPS Sakernas, {month} {year} (mark S). Heights: the share of each "
            "kind of job exposed to AI, which you set; the chapter's setting is the book's "
            "assumption (mark A). Lines: the IMF's shares of jobs exposed to AI (world and "
            "advanced economies mark P, emerging markets mark S). Exposed means that AI could "
            "do some of a job's tasks; it may help the worker or replace them."
        ).format(month=_(mix.month), year=mix.year),
        controls=[
            Control(
                "formal_exposure",
                _("Formal jobs exposed to AI (assumed)"),
                0.6,
                0.0,
                1.0,
                0.05,
                unit="%",
                scale=100,
                page=EXPOSURE_POSITIONS,
                help=_(
                    "An assumption: the share of formal jobs (employees, and employers with "
                    "permanent workers) with tasks that AI could do."
                ),
            ),
            Control(
                "informal_exposure",
                _("Informal jobs exposed to AI (assumed)"),
                0.2,
                0.0,
                1.0,
                0.05,
                unit="%",
                scale=100,
                page=EXPOSURE_POSITIONS,
                help=_(
                    "An assumption: the share of informal jobs (own-account, casual and family "
                    "work) with tasks that AI could do."
                ),
            ),
        ],
    )
