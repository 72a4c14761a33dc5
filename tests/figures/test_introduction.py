"""The introduction's map of chapters to source documents."""

import numpy as np

from aicap.data import load
from aicap.figures import introduction as figs


def test_map_has_one_dot_per_row():
    sources = load("chapter_sources")
    figure = figs.plot_source_map(sources)
    dots = sum(len(c.get_offsets()) for c in figure.axes[0].collections)
    assert dots == len(sources)
    filled = figure.axes[0].collections[0].get_offsets()
    assert len(filled) == int((sources["role"] == "main").sum())
    assert np.all(np.asarray(filled) >= 0)


def test_map_alt_text_names_every_chapter_and_document():
    sources = load("chapter_sources")
    text = figs.source_map_alt(sources)
    for name in set(sources["topic"]) | set(sources["source_label"]):
        assert name in text


def test_every_source_document_is_mapped():
    keys = set(load("chapter_sources")["source_key"])
    assert len(keys) == 5
