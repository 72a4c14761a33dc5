"""Figure for the introduction: the map of chapters to source documents."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from aicap.style import PALETTE, new_figure


def _layout(sources: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Chapters (topics) in reading order and source documents in order of first use."""
    topics = list(dict.fromkeys(sources["topic"]))
    documents = list(dict.fromkeys(sources["source_label"]))
    return topics, documents


def plot_source_map(sources: pd.DataFrame) -> Figure:
    """Dot matrix: filled where a chapter starts from a document, a ring where it draws on it."""
    topics, documents = _layout(sources)
    figure = new_figure(1, width=7.5, height=4.2)
    (axes,) = figure.axes
    x = sources["source_label"].map(documents.index).to_numpy()
    y = sources["topic"].map(topics.index).to_numpy()
    main = (sources["role"] == "main").to_numpy()
    axes.scatter(x[main], y[main], s=260, color=PALETTE["blue"], label="starts from this document")
    axes.scatter(
        x[~main],
        y[~main],
        s=260,
        facecolors="white",
        edgecolors=PALETTE["blue"],
        linewidths=2,
        label="draws on part of it",
    )
    axes.set_xticks(
        np.arange(len(documents)), [label.replace(" (", "\n(") for label in documents], fontsize=9
    )
    axes.set_yticks(np.arange(len(topics)), topics, fontsize=10)
    axes.set_xlim(-0.6, len(documents) - 0.4)
    axes.set_ylim(len(topics) - 0.4, -0.6)
    axes.set_title("Which source document feeds which chapter")
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, fontsize=9)
    return figure


def source_map_alt(sources: pd.DataFrame) -> str:
    """Alt text for :func:`plot_source_map`, listing each chapter's documents."""
    topics, _ = _layout(sources)
    parts = []
    for topic in topics:
        rows = sources[sources["topic"] == topic]
        main = ", ".join(rows.loc[rows["role"] == "main", "source_label"])
        extra = ", ".join(rows.loc[rows["role"] == "supporting", "source_label"])
        parts.append(f"{topic}: starts from {main}" + (f", draws on {extra}" if extra else ""))
    return (
        "Dot matrix of the book's chapters (rows, in reading order) against the five source "
        "documents (columns). " + "; ".join(parts) + "."
    )
