"""The book's one widget pattern: an interactive figure with a static twin.

An :class:`InteractiveFigure` joins a *plot function* (keyword parameters in, a matplotlib
Figure out) with the controls that set those parameters. It can show itself two ways:

* **static** (the built web page, no kernel): the figure at its default parameters with alt
  text, and a note listing what a reader can change and how to make the figure live;
* **live** (Binder, Jupyter, Colab): sliders and menus above the figure, which redraws when a
  value changes.

The static figure and the live one come from the same plot function, so they cannot drift
apart. The book build sets ``AICAP_STATIC=1`` (see :mod:`aicap.sphinx_ext`), so published
pages never contain controls that do nothing.
"""

from __future__ import annotations

import gc
import html
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from matplotlib.figure import Figure

from .style import figure_html, labels_fit, layout_of, reuse_layout


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's garbage collector for the ``with`` block (if it was running)."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


#: Every interactive figure of the book, by name, for tests and benchmarks.
REGISTRY: dict[str, Callable[[], InteractiveFigure]] = {}


def register(builder: Callable[[], InteractiveFigure]) -> Callable[[], InteractiveFigure]:
    """Decorator: record an interactive-figure builder under its function name."""
    REGISTRY[builder.__name__] = builder
    return builder


def is_static_build() -> bool:
    """True while the book is being built into static pages (no reader kernel)."""
    return os.environ.get("AICAP_STATIC") == "1"


@dataclass(frozen=True)
class Control:
    """One parameter a reader can change: a slider, or a menu when ``options`` is given.

    ``name`` is the keyword argument of the plot function; ``options`` is a tuple of
    ``(label, value)`` pairs.
    """

    name: str
    label: str
    default: Any
    low: float = 0.0
    high: float = 1.0
    step: float = 0.1
    unit: str = ""
    options: tuple[tuple[str, Any], ...] = ()
    help: str = ""

    def __post_init__(self) -> None:
        if self.options:
            if self.default not in [value for _, value in self.options]:
                raise ValueError(
                    f"control {self.name!r}: default {self.default!r} is not an option"
                )
            return
        if not self.low <= self.default <= self.high:
            raise ValueError(
                f"control {self.name!r}: default {self.default} outside [{self.low}, {self.high}]"
            )
        if self.step <= 0:
            raise ValueError(f"control {self.name!r}: step must be positive")

    @property
    def is_integer(self) -> bool:
        values = (self.low, self.high, self.step, self.default)
        return not self.options and all(float(v).is_integer() for v in values)

    def describe(self) -> str:
        """One line for the static page: what it is, its range and its default."""
        if self.options:
            labels = ", ".join(label for label, _ in self.options)
            default = next(label for label, value in self.options if value == self.default)
            text = f"{self.label}: one of {labels} (shown: {default})"
        else:
            unit = f" {self.unit}" if self.unit else ""
            text = f"{self.label}: {self.low:g} to {self.high:g}{unit} (shown: {self.default:g})"
        return f"{text}. {self.help}" if self.help else text

    def widget(self):
        """The ipywidgets control for this parameter."""
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        layout = widgets.Layout(width="100%", max_width="34rem")
        description = f"{self.label} ({self.unit})" if self.unit else self.label
        if self.options:
            return widgets.Dropdown(
                options=list(self.options),
                value=self.default,
                description=description,
                style=style,
                layout=layout,
            )
        slider = widgets.IntSlider if self.is_integer else widgets.FloatSlider
        kwargs = dict(
            min=self.low,
            max=self.high,
            step=self.step,
            value=self.default,
            description=description,
            continuous_update=False,
            style=style,
            layout=layout,
        )
        if self.is_integer:
            kwargs = {
                k: int(v) if k in {"min", "max", "step", "value"} else v for k, v in kwargs.items()
            }
        return slider(**kwargs)


@dataclass
class InteractiveFigure:
    """A figure whose parameters a reader can change.

    ``plot`` takes the controls' values as keyword arguments (plus ``fixed``) and returns a
    Figure; ``alt`` returns the alt text for the same values.
    """

    title: str
    plot: Callable[..., Figure]
    controls: list[Control]
    alt: Callable[..., str]
    caption: str = ""
    fixed: dict[str, Any] = field(default_factory=dict)
    last_figure: Figure | None = field(default=None, init=False, repr=False)
    last_error: str | None = field(default=None, init=False)
    #: How many drawings were laid out in full (the first, and any whose labels grew).
    full_layouts: int = field(default=0, init=False)
    _widgets: dict[str, Any] = field(default_factory=dict, init=False, repr=False)
    _output: Any = field(default=None, init=False, repr=False)
    _holding: bool = field(default=False, init=False, repr=False)
    _layout: list | None = field(default=None, init=False, repr=False)

    def defaults(self) -> dict[str, Any]:
        """The parameters the static page shows."""
        return {control.name: control.default for control in self.controls}

    def render(self, **values: Any) -> str:
        """Draw the figure for ``values`` (defaults for any not given) and return its HTML.

        The first drawing is laid out in full; later ones reuse its layout
        (:func:`aicap.style.reuse_layout`), which halves the time a live redraw takes, unless
        the labels no longer fit (:func:`aicap.style.labels_fit`); then the figure is laid
        out again and its layout is the one reused from then on.

        Python's garbage collector is paused while drawing: a figure is tens of thousands of
        small objects, and a collection that starts in the middle of one can double the wait.
        The live widget collects once the new figure is on screen (:meth:`release_garbage`).
        """
        params = {**self.fixed, **self.defaults(), **values}
        self.last_figure = None
        with _collector_paused():
            alt = self.alt(**params)
            figure = self.plot(**params)
            reused = reuse_layout(figure, self._layout)
            content = figure_html(figure, alt, self.caption)
            if reused and not labels_fit(figure):  # wider labels: lay this one out in full
                figure, reused = self.plot(**params), False
                content = figure_html(figure, alt, self.caption)
        if not reused:
            self._layout = layout_of(figure)
            self.full_layouts += 1
        self.last_figure = figure
        return content

    @staticmethod
    def release_garbage() -> None:
        """Free the figures that earlier redraws left behind (after the reader sees the new
        one); nothing if the reader has switched the garbage collector off."""
        if gc.isenabled():
            gc.collect()

    def static_html(self) -> str:
        """The figure at default parameters and a note on how to change them."""
        items = "".join(f"<li>{html.escape(c.describe())}</li>" for c in self.controls)
        note = (
            '<div class="aicap-live-note" role="note">'
            f"<p><strong>Interactive figure: {html.escape(self.title)}.</strong> "
            "This page shows it at its default settings. In a live notebook you can change:</p>"
            f"<ul>{items}</ul>"
            "<p>To make it live, open this chapter on Binder with the launch button "
            "(rocket icon) at the top of the page, or download it as a notebook and run it "
            "in Jupyter or Colab.</p></div>"
        )
        return self.render() + note

    def widget(self):
        """Controls above the figure; the figure redraws whenever a value changes."""
        import ipywidgets as widgets

        self._widgets = {control.name: control.widget() for control in self.controls}
        self._output = widgets.Output()
        for control_widget in self._widgets.values():
            control_widget.observe(self._on_change, names="value")
        self._redraw()
        heading = widgets.HTML(f"<strong>{html.escape(self.title)}</strong>")
        return widgets.VBox([heading, *self._widgets.values(), self._output])

    def set(self, **values: Any) -> None:
        """Set controls as a reader would, redrawing once (builds the widget if needed)."""
        if not self._widgets:
            self.widget()
        unknown = set(values) - set(self._widgets)
        if unknown:
            raise ValueError(f"unknown controls {sorted(unknown)}; known: {sorted(self._widgets)}")
        self._holding = True
        try:
            for name, value in values.items():
                self._widgets[name].value = value
        finally:
            self._holding = False
        self._redraw()

    def current_values(self) -> dict[str, Any]:
        """The values the controls hold now."""
        return {name: control.value for name, control in self._widgets.items()}

    def _on_change(self, _change: dict) -> None:
        if not self._holding:
            self._redraw()

    def _redraw(self) -> None:
        from IPython.display import HTML, display

        try:
            content = self.render(**self.current_values())
            self.last_error = None
        except Exception as err:  # noqa: BLE001 - a reader must see the message, not a crash
            self.last_error = f"{type(err).__name__}: {err}"
            content = (
                '<div class="aicap-error" role="alert"><strong>These settings cannot be drawn.'
                f"</strong> {html.escape(str(err))}</div>"
            )
        self._output.clear_output(wait=True)
        with self._output:
            display(HTML(content))
        self.release_garbage()

    def show(self) -> None:
        """Display the figure: static on the built page, live in a running notebook."""
        from IPython.display import HTML, display

        if is_static_build():
            display(HTML(self.static_html()))
        else:
            display(self.widget())
