"""The states of the book's explorable figures, drawn at build time.

An explorable figure on a built page (:meth:`aicap.interactive.InteractiveFigure.static_html`)
moves between drawings made when the book was built: one per combination of its controls'
page positions and per layout, each drawn by the figure's own plot function. This module draws
them into a folder, one small file per state::

    <folder>/<figure name>/<layout>/<key>.json.gz    {"svg", "alt", "summary", "width", "height"}
    <folder>/<figure name>/<layout>/manifest.json    what was drawn, its bytes and its time

A state file is gzip-compressed JSON (fixed timestamp: the same figure gives the same bytes).
The page's script fetches a state when a reader first asks for it and unpacks it in the browser
(``DecompressionStream``), so a move costs one request of a few kilobytes and the first visit
costs nothing. ``python -m aicap.explorable <module>:<name> <folder>`` draws one figure.
"""

from __future__ import annotations

import gzip
import importlib
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from .i18n import edition_numbers
from .interactive import MAX_PAGE_STATES, REGISTRY, InteractiveFigure
from .style import LAYOUT_NAMES

#: Written last into a finished layout folder; a folder without it is redrawn.
COMPLETE = "manifest.json"


def figure_named(reference: str) -> InteractiveFigure:
    """The interactive figure ``"<module>:<builder name>"`` (the page's ``data-aicap-figure``)."""
    module, _, name = reference.partition(":")
    if not module or not name:
        raise ValueError(f"a figure is named '<module>:<builder>'; got {reference!r}")
    importlib.import_module(module)
    if name not in REGISTRY:
        raise ValueError(f"{module} registers no interactive figure called {name!r}")
    return REGISTRY[name]()


def state_bytes(figure: InteractiveFigure, layout: str, values: dict[str, Any]) -> bytes:
    """One state's file: the drawing in ``layout`` at ``values`` with its alt text and
    summary, as gzip-compressed JSON."""
    drawn = figure.draw(layout, **values)
    params = figure.parameters(**values)
    width, height = (round(size * 96) for size in drawn.get_size_inches())
    state = {
        "svg": drawn.aicap_svg,
        "alt": edition_numbers(figure.alt(**params)),
        "summary": edition_numbers(figure.summary(**params)) if figure.summary else "",
        "width": width,
        "height": height,
    }
    text = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def draw_states(reference: str, layout: str, folder: Path) -> dict[str, Any]:
    """Draw every page state of figure ``reference`` in ``layout`` into
    ``folder/<name>/<layout>/`` and return its manifest (states, bytes, seconds).

    The files are written to a temporary folder first and moved into place when all are
    drawn, so an interrupted build leaves no half-drawn set behind.
    """
    if layout not in LAYOUT_NAMES:
        raise ValueError(f"layout must be one of {list(LAYOUT_NAMES)}; got {layout!r}")
    figure = figure_named(reference)
    if figure.page_state_count() > MAX_PAGE_STATES:
        raise ValueError(
            f"{reference} has {figure.page_state_count():,} page states, more than the "
            f"{MAX_PAGE_STATES} a figure may have: give its controls fewer page positions"
        )
    target = Path(folder) / figure.name / layout
    partial = target.with_name(f".{layout}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    started = time.perf_counter()
    sizes = []
    for key, values in figure.page_states():
        content = state_bytes(figure, layout, values)
        (partial / f"{key}.json.gz").write_bytes(content)
        sizes.append(len(content))
    manifest = {
        "figure": reference,
        "layout": layout,
        "states": len(sizes),
        "bytes": sum(sizes),
        "largest": max(sizes),
        "median": sorted(sizes)[len(sizes) // 2],
        "seconds": round(time.perf_counter() - started, 2),
        "full_layouts": figure.full_layouts,
    }
    (partial / COMPLETE).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)
    return manifest


def is_drawn(reference: str, layout: str, folder: Path) -> bool:
    """Whether ``folder`` already holds the finished states of ``reference`` in ``layout``."""
    name = reference.partition(":")[2]
    return (Path(folder) / name / layout / COMPLETE).exists()


if __name__ == "__main__":  # pragma: no cover - a tool for authors
    if len(sys.argv) != 3:
        sys.exit("usage: python -m aicap.explorable <module>:<figure> <folder>")
    for name in LAYOUT_NAMES:
        print(json.dumps(draw_states(sys.argv[1], name, Path(sys.argv[2]))))
