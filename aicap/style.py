"""One figure style for the whole book, and one way to show a figure with alt text.

The palette is Okabe & Ito's colour-blind-safe set. Figures are drawn on a white card, so they
stay legible in the site's light and dark modes alike. Figures are plain
:class:`matplotlib.figure.Figure` objects (not pyplot), so nothing is displayed twice.

Figures are embedded in pages as SVG images whose text is left as text (the reader's browser
sets it in a sans-serif font). Compared with a PNG, an SVG is a tenth of the bytes on a slow
network, sharp on every screen, and quicker to produce; heat maps inside it stay raster images
(``rasterized=True`` on the mesh).
"""

from __future__ import annotations

import functools
import html
import io
import math
from urllib.parse import quote

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath
from matplotlib.ticker import Formatter, FuncFormatter, LogLocator
from matplotlib.transforms import Affine2D, Bbox

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
    "axes.titley": 1.0,  # titles sit just above the axes (no top tick labels to avoid)
    "svg.fonttype": "none",  # text stays text: small files, sharp at any zoom
    "svg.hashsalt": "aicap",  # the same figure gives the same SVG (stable page builds)
}

#: Pixels per inch: the displayed size of a figure, and the resolution of raster parts
#: (heat maps) inside its SVG.
DPI = 96


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def log_tick_label(value: float) -> str:
    """A tick label on a log axis in plain text: ``0.5``, ``20``, ``10,000``, ``10⁹``,
    ``2×10⁹`` (no TeX-like maths, which is slow to set and varies between browsers)."""
    if not value > 0:
        return ""
    exponent = math.floor(math.log10(value) + 1e-9)
    if -3 <= exponent <= 5:
        return f"{value:,.6g}"
    mantissa = round(value / 10.0**exponent, 6)
    power = "10" + str(exponent).translate(_SUPERSCRIPTS)
    return power if mantissa == 1 else f"{mantissa:g}×{power}"


class _MinorLogLabels(Formatter):
    """Labels for the 2 and 5 ticks of a log axis, shown only when the axis spans less than
    two powers of ten (otherwise the powers of ten alone are labelled)."""

    def __call__(self, value: float, pos: int | None = None) -> str:
        low, high = sorted(self.axis.get_view_interval())
        return log_tick_label(value) if low > 0 and high / low < 100 else ""


def log_scale(axes: Axes, which: str = "y") -> None:
    """Put axis ``which`` ("x" or "y") of ``axes`` on a log scale, with minor ticks at 2 and 5
    times each power of ten: the steps a reader reads off, and a third of the default ticks to
    draw (a live figure redraws that much faster). Labels are plain text (:func:`log_tick_label`).
    """
    if which not in ("x", "y"):
        raise ValueError(f'which must be "x" or "y"; got {which!r}')
    getattr(axes, f"set_{which}scale")("log")
    axis = getattr(axes, f"{which}axis")
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: log_tick_label(value)))
    axis.set_minor_locator(LogLocator(subs=(2.0, 5.0)))
    axis.set_minor_formatter(_MinorLogLabels())


def new_figure(ncols: int = 1, *, width: float = 7.0, height: float = 4.0) -> Figure:
    """A figure in the book's style with ``ncols`` side-by-side axes (size in inches)."""
    matplotlib.rcParams.update(_RC)
    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    figure.subplots(1, ncols)
    return figure


def layout_of(figure: Figure) -> list[Bbox]:
    """Where each axes of a drawn figure sits (figure fractions), to reuse with
    :func:`reuse_layout`."""
    return [axes.get_position() for axes in figure.axes]


def reuse_layout(figure: Figure, layout: list[Bbox] | None) -> bool:
    """Place the axes of a new ``figure`` where ``layout`` says, instead of laying it out again.

    Matplotlib's constrained layout measures every label before drawing, which costs as much as
    the drawing itself. A live figure redrawn with other parameters has the same axes, so the
    layout of its first drawing can be reused; the margins then stay as they were. Returns
    False (and leaves the figure to lay itself out) when the figure's axes do not match.
    """
    if layout is None or len(layout) != len(figure.axes):
        return False
    figure.set_layout_engine(None)
    for axes, position in zip(figure.axes, layout, strict=True):
        axes.set_position(position)
    return True


def labels_fit(figure: Figure) -> bool:
    """After :func:`figure_svg`: whether every axis label (and so the tick labels it is placed
    beside) lies inside the figure and clear of the panel next to it.

    Matplotlib places each axis label beyond its tick labels when it draws, so this reads
    positions it has already computed (in points: SVG is drawn at 72 per inch) and measures one
    line height per label. It is what makes a reused layout safe: when a new setting widens the
    tick labels (``80`` instead of ``6``), the check fails and the figure is laid out again.
    """
    width, height = (72 * size for size in figure.get_size_inches())
    to_points = figure.dpi_scale_trans.inverted() + Affine2D().scale(72)
    boxes = [
        axes.get_position().transformed(figure.transFigure + to_points) for axes in figure.axes
    ]
    slack = 0.5  # points: rounding, not room
    for axes, box in zip(figure.axes, boxes, strict=True):
        for axis in (axes.xaxis, axes.yaxis):
            label = axis.label
            # how far the label reaches beyond its position; with no label, the tick labels
            # end ``labelpad`` points short of it
            if label.get_text():
                extent = _line_height(label.get_fontproperties())
            else:
                extent = -axis.labelpad
            x, y = label.get_position()  # points across the axis, axes fraction along it
            side = axis.get_label_position()
            if side == "left":
                beside = [b.x1 for b in boxes if b.x1 <= box.x0 and b.y0 < box.y1 and box.y0 < b.y1]
                fits = x - extent >= max(beside, default=0.0) - slack
            elif side == "right":
                fits = x + extent <= width + slack
            elif side == "bottom":
                fits = y - extent >= -slack
            else:
                fits = y + extent <= height + slack
            if not fits:
                return False
    return True


@functools.lru_cache(maxsize=32)
def _line_height(font: FontProperties) -> float:
    """Height in points of one line of text in ``font``, as matplotlib lays it out."""
    _, height, _ = TextToPath().get_text_width_height_descent("lp", font, ismath=False)
    return height


def figure_svg(figure: Figure) -> str:
    """The figure as SVG text (no date stamp, so the same figure always gives the same text)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", dpi=DPI, metadata={"Date": None})
    return buffer.getvalue()


def figure_html(figure: Figure, alt: str, caption: str = "") -> str:
    """An HTML ``<figure>`` holding the SVG image with its alt text (and optional caption).

    The image is embedded in the page as a ``data:`` URI, so it shows without a kernel, a script
    or a second request; percent-encoding (rather than base64) lets the page's gzip shrink it.
    """
    if not alt.strip():
        raise ValueError("alt must describe the figure for readers who cannot see it")
    data = quote(figure_svg(figure), safe=" /:;=,'()-._~!*+")
    width, height = (round(size * DPI) for size in figure.get_size_inches())
    caption_html = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (
        '<figure class="aicap-figure">'
        f'<img src="data:image/svg+xml;charset=utf-8,{data}" '
        f'alt="{html.escape(alt, quote=True)}" '
        f'width="{width}" height="{height}" style="max-width:100%;height:auto">'
        f"{caption_html}</figure>"
    )


def show_figure(figure: Figure, alt: str, caption: str = "") -> None:
    """Display a figure in the notebook or page, with alt text."""
    from IPython.display import HTML, display

    display(HTML(figure_html(figure, alt, caption)))
