"""One figure style for the whole book, and one way to show a figure with alt text.

The palette is Okabe & Ito's colour-blind-safe set. Figures are drawn on a white card, so they
stay legible in the site's light and dark modes alike. Figures are plain
:class:`matplotlib.figure.Figure` objects (not pyplot), so nothing is displayed twice.

**Layouts.** Every figure is drawn in two layouts by the same plot function: ``wide`` (7 inches,
shown at its natural size in a laptop's text column, so 9-point text reads as 9 points) and
``narrow`` (3.5 inches, side-by-side panels stacked, for phones, where it fills the screen's
width and its smallest text is at least 11 CSS pixels). A plot function asks for its axes with
:func:`new_figure`, which reads the layout being drawn (:func:`drawing`); a page shows the
layout that suits the screen with a ``<picture>`` element, which needs no JavaScript.

Figures are embedded as SVG images whose text is left as text (the reader's browser sets it in
a sans-serif font). Compared with a PNG, an SVG is a tenth of the bytes on a slow network,
sharp on every screen, and quicker to produce; heat maps inside it stay raster images
(``rasterized=True`` on the mesh). No text is set smaller than :data:`MIN_FONT_PT`.
"""

from __future__ import annotations

import functools
import html
import io
import math
import re
import textwrap
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from matplotlib.textpath import TextToPath
from matplotlib.ticker import Formatter, FuncFormatter, LogLocator
from matplotlib.transforms import Affine2D, Bbox

from aicap.i18n import SOURCE_LANGUAGE, edition_language, edition_numbers, translate

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
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
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

#: The smallest text a figure may carry, in points. In the wide layout (shown at its natural
#: size) that is 9 points on a laptop; in the narrow layout, 3.5 inches shown 327 CSS pixels
#: wide on a 375-pixel phone, it is 11.7 CSS pixels.
MIN_FONT_PT = 9.0


@dataclass(frozen=True)
class Layout:
    """One way of drawing a figure: its width (inches), base font size (points), whether
    side-by-side panels are stacked, and the CSS media query of the screens that show it
    (empty: every other screen)."""

    name: str
    width: float
    font_size: float
    stacked: bool
    media: str


#: The layouts every figure is drawn in, narrowest first (the order a ``<picture>`` lists
#: them). The wide layout is as wide as the text column of a 1280-pixel laptop screen (672 CSS
#: pixels), so it is never scaled down there.
LAYOUTS: tuple[Layout, ...] = (
    Layout("narrow", width=3.5, font_size=10.5, stacked=True, media="(max-width: 42em)"),
    Layout("wide", width=7.0, font_size=11.0, stacked=False, media=""),
)
LAYOUT_NAMES = tuple(layout.name for layout in LAYOUTS)
_LAYOUT = ContextVar("aicap_layout", default="wide")


def layout_named(name: str) -> Layout:
    """The :class:`Layout` called ``name``."""
    for layout in LAYOUTS:
        if layout.name == name:
            return layout
    raise ValueError(f"layout must be one of {list(LAYOUT_NAMES)}; got {name!r}")


def current_layout() -> Layout:
    """The layout being drawn now (``wide`` unless inside :func:`drawing`)."""
    return layout_named(_LAYOUT.get())


@contextmanager
def drawing(layout: str) -> Iterator[Layout]:
    """Draw figures in ``layout`` inside the ``with`` block."""
    token = _LAYOUT.set(layout_named(layout).name)
    try:
        yield current_layout()
    finally:
        _LAYOUT.reset(token)


def draw_layouts(plot: Callable[..., Figure], *args: Any, **kwargs: Any) -> dict[str, Figure]:
    """Call ``plot(*args, **kwargs)`` once in each layout: ``{layout name: Figure}``."""
    drawings = {}
    for layout in LAYOUTS:
        with drawing(layout.name):
            drawings[layout.name] = plot(*args, **kwargs)
    return drawings


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
    """A figure in the book's style with ``ncols`` panels, drawn in the current layout.

    ``width`` and ``height`` (inches) describe the figure as designed side by side; the layout
    decides the size it is drawn at: the wide layout keeps the height at the layout's width,
    the narrow one stacks the panels, each about as tall as it was designed but never flatter
    than 2.8 or taller than 3.6 inches. ``figure.axes`` lists the panels in the same order in
    every layout (left to right, or top to bottom).
    """
    layout = current_layout()
    matplotlib.rcParams.update(_RC)
    matplotlib.rcParams["font.size"] = layout.font_size
    if layout.stacked and ncols > 1:
        panel = min(3.6, max(2.8, 0.8 * height))
        figure = Figure(figsize=(layout.width, panel * ncols), dpi=DPI, layout="constrained")
        figure.subplots(ncols, 1)
    elif layout.stacked:
        panel = min(3.6, max(2.8, 0.8 * height))
        figure = Figure(figsize=(layout.width, panel), dpi=DPI, layout="constrained")
        figure.subplots(1, 1)
    else:
        figure = Figure(figsize=(layout.width, height), dpi=DPI, layout="constrained")
        figure.subplots(1, ncols)
    figure.aicap_layout = layout.name  # read by tests and by the page's <picture>
    return figure


def _text_width(text: Text) -> float:
    """Width in points of ``text`` as matplotlib sets it (no renderer needed)."""
    content = text.get_text()
    if not content:
        return 0.0
    widths = [
        TextToPath().get_text_width_height_descent(line, text.get_fontproperties(), False)[0]
        for line in content.split("\n")
    ]
    return max(widths)


def _wrap(text: Text, room: float) -> None:
    """Break ``text`` into lines no wider than ``room`` points (at word boundaries)."""
    width = _text_width(text)
    if width <= room or " " not in text.get_text():
        return
    # the widest line sets the scale (a title may already hold line breaks)
    widest = max(text.get_text().split("\n"), key=len)
    content = " ".join(text.get_text().split())
    characters = max(8, int(len(widest) * room / width))
    text.set_text(textwrap.fill(content, characters))


def _texts(figure: Figure, ticks: bool = True) -> Iterator[Text]:
    """Every text of the figure a reader reads: titles, axis and tick labels (unless not
    ``ticks``), annotations and legends (walked directly:
    :meth:`~matplotlib.artist.Artist.findobj` is ten times slower)."""
    yield from figure.texts
    legends = list(figure.legends)
    for axes in figure.axes:
        yield from (axes.title, axes._left_title, axes._right_title)
        for axis in (axes.xaxis, axes.yaxis):
            yield axis.label
            if ticks:
                yield from axis.get_majorticklabels()
                yield from axis.get_minorticklabels()
        yield from axes.texts
        legends.append(axes.get_legend())
    for legend in filter(None, legends):
        yield legend.get_title()
        yield from legend.get_texts()


def text_problems(figure: Figure) -> list[str]:
    """What a reader could not read in a drawn figure: text that sticks out of the figure,
    tick labels of one axis that run into each other, and titles, axis labels and legends
    that overlap. Empty when every text is clear (tests call it at every layout)."""
    renderer = figure._get_renderer()
    figure.draw(renderer)  # every position at the figure's own dpi (an SVG save leaves 72)
    frame = figure.bbox
    problems = []

    def box(text: Text):
        return text.get_window_extent(renderer) if text.get_visible() and text.get_text() else None

    for text in _texts(figure):
        extent = box(text)
        if extent is not None and (
            extent.x0 < frame.x0 - 1
            or extent.y0 < frame.y0 - 1
            or extent.x1 > frame.x1 + 1
            or extent.y1 > frame.y1 + 1
        ):
            problems.append(f"text {text.get_text()!r} sticks out of the figure")
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            labels = [(t, box(t)) for t in axis.get_majorticklabels()]
            labels = [(t, b) for t, b in labels if b is not None]
            for (first, a), (second, b) in zip(labels, labels[1:], strict=False):
                if a.overlaps(b) and a.width > 0 and b.width > 0:
                    problems.append(
                        f"tick labels {first.get_text()!r} and {second.get_text()!r} overlap"
                    )
    named = []
    for axes in figure.axes:
        named += [axes.title, axes._left_title, axes._right_title, axes.xaxis.label]
        named.append(axes.yaxis.label)
        legend = axes.get_legend()
        if legend is not None and legend.get_visible():
            named.append(legend)
    boxes = []
    for artist in named:
        extent = artist.get_window_extent(renderer) if not isinstance(artist, Text) else box(artist)
        if extent is not None and extent.width > 0:
            boxes.append((artist, extent))
    for i, (first, a) in enumerate(boxes):
        for second, b in boxes[i + 1 :]:
            if a.overlaps(b):
                names = [getattr(x, "get_text", lambda: "legend")() for x in (first, second)]
                problems.append(f"{names[0]!r} and {names[1]!r} overlap")
    return problems


class _EditionNumbers(Formatter):
    """Another formatter's tick labels, their numbers written as the edition writes them
    (``0,5`` and ``1.000`` in Indonesian)."""

    def __init__(self, inner: Formatter) -> None:
        self.inner = inner

    def set_axis(self, axis) -> None:
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs) -> None:
        self.inner.set_locs(locs)

    def __call__(self, value: float, pos: int | None = None) -> str:
        return edition_numbers(self.inner(value, pos))

    def format_ticks(self, values) -> list[str]:
        return [edition_numbers(label) for label in self.inner.format_ticks(values)]

    def get_offset(self) -> str:
        return edition_numbers(self.inner.get_offset())

    def format_data(self, value: float) -> str:
        return self.inner.format_data(value)

    def format_data_short(self, value: float) -> str:
        return self.inner.format_data_short(value)


def edition_figure(figure: Figure) -> None:
    """Write every number the figure shows as the edition writes numbers: its tick labels
    (each axis's formatters wrapped once) and its titles, labels, annotations and legends
    (each text rewritten once). Nothing to do in the English edition. The words themselves
    are translated where the plot function writes them (``_("...")``, :mod:`aicap.i18n`)."""
    if edition_language() == SOURCE_LANGUAGE:
        return
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            for formatter, setter in (
                (axis.get_major_formatter(), axis.set_major_formatter),
                (axis.get_minor_formatter(), axis.set_minor_formatter),
            ):
                if not isinstance(formatter, _EditionNumbers):
                    setter(_EditionNumbers(formatter))
    for text in _texts(figure, ticks=False):
        if not getattr(text, "_aicap_edition", False):
            text.set_text(edition_numbers(text.get_text()))
            text._aicap_edition = True


def fit_text(figure: Figure) -> None:
    """Make the figure's text legible and keep titles and axis labels inside their panel.

    Text smaller than :data:`MIN_FONT_PT` is set at that size, and a title or axis label longer
    than its panel is broken into lines. Panels are measured on the grid of the figure's
    axes, so this runs before matplotlib lays the figure out.
    """
    for text in _texts(figure):
        if text.get_fontsize() < MIN_FONT_PT:
            text.set_fontsize(MIN_FONT_PT)
    width, height = (72 * size for size in figure.get_size_inches())
    for axes in figure.axes:
        spec = axes.get_subplotspec()
        if spec is None:  # a colour bar or inset: it has its own room
            continue
        rows, cols = spec.get_gridspec().get_geometry()
        # room left once the tick labels and axis label beside the panel are placed
        panel_width = 0.78 * width / cols
        panel_height = 0.75 * height / rows
        for title in (axes.title, axes._left_title, axes._right_title):
            _wrap(title, panel_width)
        _wrap(axes.xaxis.label, panel_width)
        _wrap(axes.yaxis.label, panel_height)


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


_NUMBER = re.compile(r"-?\d+\.\d+")
_GEOMETRY = re.compile(r'\b(d|x|y|transform|style|points|width|height)="([^"]*)"')
_ID = re.compile(r'\sid="([^"]+)"')
_FONT = "'DejaVu Sans'"
#: What the reader's browser uses where DejaVu Sans is missing (most phones): fonts as wide or
#: narrower, so no label grows past the room matplotlib gave it.
FONT_STACK = "'DejaVu Sans', Verdana, Arial, Helvetica, sans-serif"


def _two_decimals(match: re.Match) -> str:
    text = f"{float(match.group()):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _lean_svg(svg: str) -> str:
    """Matplotlib's SVG without what a reader never sees: the XML prologue, the metadata block,
    element ids nothing refers to, and coordinates beyond a hundredth of a point."""
    svg = re.sub(r"\A<\?xml.*?\?>\s*<!DOCTYPE.*?>\s*", "", svg, flags=re.S)
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    referred = set(re.findall(r"#([\w.-]+)", svg))
    svg = _ID.sub(lambda m: m.group(0) if m.group(1) in referred else "", svg)
    svg = _GEOMETRY.sub(lambda m: f'{m.group(1)}="{_NUMBER.sub(_two_decimals, m.group(2))}"', svg)
    svg = svg.replace(f"{_FONT}, sans-serif", FONT_STACK).replace(_FONT, FONT_STACK)
    return svg.replace(" \n", "\n")


def figure_svg(figure: Figure) -> str:
    """The figure as lean SVG text, its text made legible (:func:`fit_text`); the same figure
    always gives the same text (no date stamp, fixed ids). Its numbers are written as the
    edition writes them (:func:`edition_figure`)."""
    edition_figure(figure)
    fit_text(figure)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", dpi=DPI, metadata={"Date": None})
    return _lean_svg(buffer.getvalue())


_SVG_TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.S)


def svg_texts(svg: str) -> list[str]:
    """The texts a reader reads in an SVG that :func:`figure_svg` drew (``svg.fonttype:
    none`` keeps them as text), in drawing order, each with its spaces normalised."""
    texts = (html.unescape(re.sub(r"<[^>]+>", " ", text)) for text in _SVG_TEXT.findall(svg))
    return [" ".join(text.split()) for text in texts if text.strip()]


def _drawn_svg(figure: Figure) -> str:
    """The figure's SVG text: the one :meth:`aicap.interactive.InteractiveFigure.draw` already
    made (``figure.aicap_svg``), or a new one. Drawing a figure as SVG is most of a redraw's
    time, so it is done once."""
    return getattr(figure, "aicap_svg", None) or figure_svg(figure)


def svg_data_uri(svg: str) -> str:
    """``svg`` as a percent-encoded ``data:`` URI (gzip shrinks it well, unlike base64). Spaces
    are encoded too, so the URI can stand in a ``srcset``."""
    return "data:image/svg+xml;charset=utf-8," + quote(svg, safe="/:;=,'()-._~!*+")


def _size(figure: Figure) -> tuple[int, int]:
    width, height = figure.get_size_inches()
    return round(width * DPI), round(height * DPI)


def figure_html(
    drawings: Mapping[str, Figure] | Figure, alt: str, caption: str = "", *, lazy: bool = True
) -> str:
    """An HTML ``<figure>`` showing each layout's SVG to the screens it suits, with alt text.

    ``drawings`` maps layout names to figures (:func:`draw_layouts`); a single Figure is shown
    in its own layout only. The images are embedded as ``data:`` URIs, so a notebook shows them
    without a second request; the book build moves them into files of their own (see
    :mod:`aicap.sphinx_ext`), so a phone downloads only the narrow one. ``lazy`` lets the
    browser fetch a figure only when the reader scrolls near it.
    """
    if not alt.strip():
        raise ValueError("alt must describe the figure for readers who cannot see it")
    alt, caption = edition_numbers(alt), edition_numbers(translate(caption)) if caption else ""
    if isinstance(drawings, Figure):
        drawings = {getattr(drawings, "aicap_layout", "wide"): drawings}
    known = [layout for layout in LAYOUTS if layout.name in drawings]
    if not known or len(known) != len(drawings):
        raise ValueError(f"drawings must be keyed by layout names {list(LAYOUT_NAMES)}")
    *narrower, widest = known
    sources = ""
    for layout in narrower:
        width, height = _size(drawings[layout.name])
        uri = svg_data_uri(_drawn_svg(drawings[layout.name]))
        sources += (
            f'<source media="{layout.media}" srcset="{uri}" width="{width}" height="{height}">'
        )
    width, height = _size(drawings[widest.name])
    caption_html = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    loading = ' loading="lazy"' if lazy else ""
    return (
        '<figure class="aicap-figure"><picture>'
        f"{sources}"
        f'<img class="dark-light" src="{svg_data_uri(_drawn_svg(drawings[widest.name]))}" '
        f'alt="{html.escape(alt, quote=True)}" width="{width}" height="{height}"{loading} '
        'decoding="async">'
        f"</picture>{caption_html}</figure>"
    )


def show_figure(
    plot: Callable[..., Figure] | Figure, *args: Any, alt: str, caption: str = "", **kwargs: Any
) -> None:
    """Display a figure with alt text: ``show_figure(plot_function, *arguments, alt=...)``
    draws it in every layout (phone and laptop); a Figure already drawn shows in its own
    layout only."""
    from IPython.display import HTML, display

    drawings = plot if isinstance(plot, Figure) else draw_layouts(plot, *args, **kwargs)
    display(HTML(figure_html(drawings, alt, caption)))
