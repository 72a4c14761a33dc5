"""One figure style for the whole book, and one way to show a figure with alt text.

The palette is Okabe & Ito's colour-blind-safe set. Figures are drawn on a white card, so they
stay legible in the site's light and dark modes alike. Figures are plain
:class:`matplotlib.figure.Figure` objects (not pyplot), so nothing is displayed twice.
"""

from __future__ import annotations

import base64
import html
import io

import matplotlib
from matplotlib.figure import Figure

#: Okabe & Ito (2008) colours, safe for the common forms of colour blindness.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#767676",
}
#: The order in which series take colours.
CYCLE = ["blue", "orange", "green", "vermillion", "sky", "purple", "black"]

_RC = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.edgecolor": "#333333",
    "axes.labelcolor": "#222222",
    "text.color": "#222222",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "legend.frameon": False,
    "lines.linewidth": 2.2,
    "axes.prop_cycle": matplotlib.cycler(color=[PALETTE[name] for name in CYCLE]),
}

#: Resolution of the PNG images embedded in pages (pixels per inch).
DPI = 110


def new_figure(ncols: int = 1, *, width: float = 7.0, height: float = 4.0) -> Figure:
    """A figure in the book's style with ``ncols`` side-by-side axes (size in inches)."""
    matplotlib.rcParams.update(_RC)
    figure = Figure(figsize=(width, height), layout="constrained")
    figure.subplots(1, ncols)
    return figure


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes at the book's resolution."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def figure_html(figure: Figure, alt: str, caption: str = "") -> str:
    """An HTML ``<figure>`` holding the PNG image with its alt text (and optional caption).

    The image is embedded, so the page shows it without a kernel or any script.
    """
    if not alt.strip():
        raise ValueError("alt must describe the figure for readers who cannot see it")
    data = base64.b64encode(figure_png(figure)).decode("ascii")
    width, height = (round(size * DPI) for size in figure.get_size_inches())
    caption_html = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (
        '<figure class="aicap-figure">'
        f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
        f'width="{width}" height="{height}" style="max-width:100%;height:auto">'
        f"{caption_html}</figure>"
    )


def show_figure(figure: Figure, alt: str, caption: str = "") -> None:
    """Display a figure in the notebook or page, with alt text."""
    from IPython.display import HTML, display

    display(HTML(figure_html(figure, alt, caption)))
