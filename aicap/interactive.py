"""The book's one widget pattern: an interactive figure with an explorable and a live twin.

An :class:`InteractiveFigure` joins a *plot function* (keyword parameters in, a matplotlib
Figure out) with the controls that set those parameters. It shows itself two ways:

* **explorable** (the built web page, no kernel): the figure at its default settings, drawn in
  every layout (:mod:`aicap.style`), and controls that move it. Each control has a few
  *page positions* (:attr:`Control.page`); the build draws the figure at every combination of
  them with this same plot function (:mod:`aicap.explorable`), and the page's script swaps in
  the drawing a reader asks for. With JavaScript off the reader sees the default figure, its
  alt text and a note on what the controls would change.
* **live** (Binder, Jupyter, Colab): sliders and menus above the figure, which redraws when a
  value changes; any value in a control's range can be set.

The static, explorable and live figures all come from the same plot function, so they cannot
drift apart. The book build sets ``AICAP_STATIC=1`` (see :mod:`aicap.sphinx_ext`).
"""

from __future__ import annotations

import gc
import html
import itertools
import json
import math
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from matplotlib.figure import Figure

from .i18n import _, edition_numbers
from .style import (
    LAYOUT_NAMES,
    LAYOUTS,
    drawing,
    figure_html,
    labels_fit,
    layout_of,
    reuse_layout,
)


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


#: Every interactive figure of the book, by name, for the build, tests and benchmarks.
REGISTRY: dict[str, Callable[[], InteractiveFigure]] = {}

#: The most combinations of page positions one figure may have: each is drawn at build time
#: in every layout, so this bounds the build's time and the site's size.
MAX_PAGE_STATES = 400


def load_registry() -> dict[str, Callable[[], InteractiveFigure]]:
    """Import every module of :mod:`aicap.figures` (registering their figures); the registry."""
    import importlib
    import pkgutil

    import aicap.figures

    for module in pkgutil.iter_modules(aicap.figures.__path__):
        importlib.import_module(f"aicap.figures.{module.name}")
    return REGISTRY


def register(builder: Callable[[], InteractiveFigure]) -> Callable[[], InteractiveFigure]:
    """Decorator: record an interactive-figure builder under its function name; the figures
    it builds know that name and module (the build uses them to draw the page's states)."""

    def build() -> InteractiveFigure:
        figure = builder()
        figure.name, figure.module = builder.__name__, builder.__module__
        return figure

    build.__name__, build.__qualname__ = builder.__name__, builder.__qualname__
    build.__doc__, build.__module__ = builder.__doc__, builder.__module__
    REGISTRY[builder.__name__] = build
    return build


def is_static_build() -> bool:
    """True while the book is being built into static pages (no reader kernel)."""
    return os.environ.get("AICAP_STATIC") == "1"


def _decimals(number: float) -> int:
    """Decimal places needed to write ``number`` (a step) exactly: 0.5 -> 1, 0.25 -> 2."""
    for places in range(7):
        if abs(round(number, places) - number) < 1e-9:
            return places
    return 6


@dataclass(frozen=True)
class Control:
    """One parameter a reader can change: a slider, or a menu when ``options`` is given.

    ``name`` is the keyword argument of the plot function; ``low``, ``high``, ``step`` and
    ``default`` are in the plot function's units; ``options`` is a tuple of ``(label, value)``
    pairs. A reader sees values times ``scale`` in ``unit``: a share of 0.03 with ``scale=100``
    and ``unit="%"`` reads "3%". ``page`` lists the values (plot-function units) the built page
    offers; left empty, it is every step of a short range, else both ends, the quarters and the
    default. A figure's page states are every combination of its controls' page values.
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
    scale: float = 1.0
    page: tuple[Any, ...] = ()

    def __post_init__(self) -> None:
        if self.options:
            values = [value for _, value in self.options]
            if self.default not in values:
                raise ValueError(
                    f"control {self.name!r}: default {self.default!r} is not an option"
                )
            strange = [value for value in self.page if value not in values]
            if strange:
                raise ValueError(f"control {self.name!r}: page values {strange} are not options")
            return
        if not self.low <= self.default <= self.high:
            raise ValueError(
                f"control {self.name!r}: default {self.default} outside [{self.low}, {self.high}]"
            )
        if self.step <= 0:
            raise ValueError(f"control {self.name!r}: step must be positive")
        if self.scale <= 0:
            raise ValueError(f"control {self.name!r}: scale must be positive")
        for value in self.page:
            off_grid = abs((value - self.low) / self.step - round((value - self.low) / self.step))
            if not self.low <= value <= self.high or off_grid > 1e-6:
                raise ValueError(
                    f"control {self.name!r}: page value {value} is not a step of the slider "
                    f"[{self.low}, {self.high}] by {self.step}"
                )

    @property
    def is_integer(self) -> bool:
        values = (self.low, self.high, self.step, self.default)
        return not self.options and all(float(v * self.scale).is_integer() for v in values)

    def _snap(self, value: float) -> Any:
        """``value`` on the slider's grid, as an int for whole-number controls."""
        steps = round((value - self.low) / self.step)
        snapped = round(self.low + steps * self.step, 10)
        whole = float(self.step).is_integer() and float(self.low).is_integer()
        return int(round(snapped)) if whole else snapped

    def page_values(self) -> tuple[Any, ...]:
        """The values the built page offers, in order (always holding the default)."""
        if self.options:
            values = self.page or tuple(value for _, value in self.options)
            order = [value for _, value in self.options]
            chosen = set(map(repr, values)) | {repr(self.default)}
            return tuple(value for value in order if repr(value) in chosen)
        if self.page:
            values = set(self.page)
        else:
            count = round((self.high - self.low) / self.step) + 1
            if count <= 7:
                values = {self.low + i * self.step for i in range(count)}
            else:
                values = {self.low + q * (self.high - self.low) for q in (0, 0.25, 0.5, 0.75, 1)}
        values.add(self.default)
        return tuple(sorted({self._snap(value) for value in values}))

    def shown(self, value: Any) -> str:
        """``value`` as a reader reads it: ``3%``, ``2 years``, ``1.5× fare``, ``US$5``,
        ``Indonesia``."""
        if self.options:
            return next(label for label, option in self.options if option == value)
        number = f"{value * self.scale:,.{_decimals(self.step * self.scale)}f}"
        if "." in number:
            number = number.rstrip("0").rstrip(".")
        number = edition_numbers(number)
        unit = self.unit
        if number == "1" and unit.endswith("s") and unit.isalpha():
            unit = unit[:-1]  # 1 year, 1 trip
        if not unit:
            return number
        if unit in ("US$", "Rp"):  # a currency goes before its amount: US$5
            return f"{unit}{number}"
        return f"{number}{unit}" if unit.startswith(("%", "×")) else f"{number} {unit}"

    def describe(self) -> str:
        """One line for the page's note: what it is, its range and its default."""
        if self.options:
            labels = ", ".join(label for label, _value in self.options)
            text = _("{label}: one of {options} (shown: {default})").format(
                label=self.label, options=labels, default=self.shown(self.default)
            )
        else:
            text = _("{label}: {low} to {high} (shown: {default})").format(
                label=self.label,
                low=self.shown(self.low),
                high=self.shown(self.high),
                default=self.shown(self.default),
            )
        return f"{text}. {edition_numbers(self.help)}" if self.help else text

    def label_with_unit(self) -> str:
        """The label with its unit, for a widget whose readout shows the bare number:
        "Take (%)", "Power per chip (with its servers, kW)"; unchanged when the label
        already names the unit ("Public compute (% of private stock)")."""
        if not self.unit or self.unit in self.label:
            return self.label
        if self.label.endswith(")"):
            return f"{self.label[:-1]}, {self.unit})"
        return f"{self.label} ({self.unit})"

    def widget(self):
        """The ipywidgets control for this parameter (in the units the reader reads)."""
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        layout = widgets.Layout(width="100%", max_width="34rem")
        description = self.label_with_unit()
        if self.options:
            return widgets.Dropdown(
                options=list(self.options),
                value=self.default,
                description=description,
                style=style,
                layout=layout,
            )
        values = [v * self.scale for v in (self.low, self.high, self.step, self.default)]
        common = dict(description=description, continuous_update=False, style=style, layout=layout)
        if self.is_integer:
            low, high, step, value = (int(round(v)) for v in values)
            return widgets.IntSlider(min=low, max=high, step=step, value=value, **common)
        places = _decimals(self.step * self.scale)
        low, high, step, value = (round(v, places + 6) for v in values)
        return widgets.FloatSlider(
            min=low,
            max=high,
            step=step,
            value=value,
            readout_format=f".{places}f",
            **common,
        )

    def from_widget(self, value: Any) -> Any:
        """A widget's value in the plot function's units."""
        if self.options:
            return value
        return self._snap(value / self.scale)

    def to_widget(self, value: Any) -> Any:
        """A value in the plot function's units as the widget holds it."""
        if self.options:
            return value
        shown = value * self.scale
        return int(round(shown)) if self.is_integer else round(shown, 10)


@dataclass
class InteractiveFigure:
    """A figure whose parameters a reader can change.

    ``plot`` takes the controls' values as keyword arguments (plus ``fixed``) and returns a
    Figure; ``alt`` returns the alt text for the same values, and the optional ``summary`` one
    short sentence with the result a reader should notice (the page announces it after each
    move, after the name and value of the control that moved).
    """

    title: str
    plot: Callable[..., Figure]
    controls: list[Control]
    alt: Callable[..., str]
    caption: str = ""
    fixed: dict[str, Any] = field(default_factory=dict)
    summary: Callable[..., str] | None = None
    #: Set by :func:`register`: the builder's name and module.
    name: str = ""
    module: str = ""
    last_figure: Figure | None = field(default=None, init=False, repr=False)
    last_error: str | None = field(default=None, init=False)
    #: How many drawings were laid out in full (the first of each layout, and any whose labels
    #: grew).
    full_layouts: int = field(default=0, init=False)
    _widgets: dict[str, Any] = field(default_factory=dict, init=False, repr=False)
    _layout_choice: Any = field(default=None, init=False, repr=False)
    _output: Any = field(default=None, init=False, repr=False)
    _holding: bool = field(default=False, init=False, repr=False)
    _layouts: dict[str, list] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        names = [control.name for control in self.controls]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.title!r}: two controls share a name: {names}")

    def defaults(self) -> dict[str, Any]:
        """The parameters the page shows first."""
        return {control.name: control.default for control in self.controls}

    def parameters(self, **values: Any) -> dict[str, Any]:
        """Every keyword argument of the plot function for ``values`` (defaults elsewhere)."""
        unknown = set(values) - {control.name for control in self.controls}
        if unknown:
            known = sorted(control.name for control in self.controls)
            raise ValueError(f"unknown controls {sorted(unknown)}; known: {known}")
        return {**self.fixed, **self.defaults(), **values}

    def draw(self, layout: str = "wide", **values: Any) -> Figure:
        """Draw the figure for ``values`` in ``layout``, reusing that layout's first drawing.

        The first drawing in each layout is laid out in full; later ones reuse its placement of
        the axes (:func:`aicap.style.reuse_layout`), which halves the time a redraw takes and
        keeps the figure still while a reader moves a control, unless the labels no longer fit
        (:func:`aicap.style.labels_fit`); then the figure is laid out again and that layout is
        reused from then on. Returns the figure, already drawn as SVG text
        (``figure.aicap_svg``).
        """
        from .style import figure_svg

        params = self.parameters(**values)
        with drawing(layout):
            figure = self.plot(**params)
            reused = reuse_layout(figure, self._layouts.get(layout))
            figure.aicap_svg = figure_svg(figure)
            if reused and not labels_fit(figure):  # wider labels: lay this one out in full
                figure, reused = self.plot(**params), False
                figure.aicap_svg = figure_svg(figure)
        if not reused:
            self._layouts[layout] = layout_of(figure)
            self.full_layouts += 1
        return figure

    def render(self, layout: str = "wide", **values: Any) -> str:
        """The HTML of the figure for ``values`` in one layout (a live redraw).

        Python's garbage collector is paused while drawing: a figure is tens of thousands of
        small objects, and a collection that starts in the middle of one can double the wait.
        The live widget collects once the new figure is on screen (:meth:`release_garbage`).
        """
        self.last_figure = None
        with _collector_paused():
            params = self.parameters(**values)
            alt = self.alt(**params)
            figure = self.draw(layout, **values)
            content = figure_html(figure, alt, self.caption, lazy=False)
        self.last_figure = figure
        return content

    @staticmethod
    def release_garbage() -> None:
        """Free the figures that earlier redraws left behind (after the reader sees the new
        one); nothing if the reader has switched the garbage collector off.

        The objects that existed when the widget was built are frozen (:func:`gc.freeze` in
        :meth:`widget`), so this collection looks only at what the redraws made: a few
        milliseconds instead of a pass over a whole chapter's data.
        """
        if gc.isenabled():
            gc.collect()

    # -- the page's explorable figure ---------------------------------------------------------

    def page_states(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every setting the built page offers: ``(key, values)``, where ``key`` joins the
        position of each control's value among its page values (``"3-3-2-1"``)."""
        positions = [control.page_values() for control in self.controls]
        for indices in itertools.product(*(range(len(values)) for values in positions)):
            values = {
                control.name: positions[i][index]
                for i, (control, index) in enumerate(zip(self.controls, indices, strict=True))
            }
            yield "-".join(map(str, indices)), values

    def page_state_count(self) -> int:
        """How many settings the built page offers."""
        return math.prod(len(control.page_values()) for control in self.controls)

    def _control_html(self, control: Control) -> str:
        ident = f"aicap-{self.name}-{control.name}"
        values = control.page_values()
        index = values.index(control.default if control.options else control._snap(control.default))
        shown = [control.shown(value) for value in values]
        data = (
            f'data-name="{control.name}" '
            f'data-values="{html.escape(json.dumps(list(values)))}" '
            f'data-shown="{html.escape(json.dumps(shown))}" '
            f'data-default="{index}"'
        )
        label = f'<label for="{ident}">{html.escape(control.label)}</label>'
        if control.options:
            options = "".join(
                f'<option value="{i}"{" selected" if i == index else ""}>'
                f"{html.escape(text)}</option>"
                for i, text in enumerate(shown)
            )
            field_html = f'<select id="{ident}" {data}>{options}</select>'
            output = ""
        else:
            field_html = (
                f'<input type="range" id="{ident}" min="0" max="{len(values) - 1}" step="1" '
                f'value="{index}" aria-valuetext="{html.escape(shown[index])}" {data}>'
            )
            output = (
                f'<output for="{ident}" aria-hidden="true">{html.escape(shown[index])}</output>'
            )
        field_html = f'<div class="aicap-field">{field_html}{output}</div>'
        return f'<div class="aicap-control">{label}{field_html}</div>'

    def static_html(self) -> str:
        """The explorable figure: default drawing in every layout, hidden controls the page's
        script reveals, a line the script fills after each move, and a note on the settings."""
        drawings = {layout.name: self.draw(layout.name) for layout in LAYOUTS}
        figure = figure_html(drawings, self.alt(**self.parameters()), self.caption)
        count = self.page_state_count()
        positions = "".join(
            f"<li>{html.escape(control.label)}: "
            f"{html.escape(', '.join(control.shown(v) for v in control.page_values()))}</li>"
            for control in self.controls
        )
        ranges = "".join(f"<li>{html.escape(c.describe())}</li>" for c in self.controls)
        controls = "".join(self._control_html(control) for control in self.controls)
        title = html.escape(self.title)
        about = _(
            "This interactive figure was drawn at {count} settings when the book was built; "
            "with JavaScript on, the controls above the figure move between them:"
        ).format(count=edition_numbers(f"{count:,}"))
        launch = _(
            "To open one, use the launch button (rocket icon) at the top of the page for "
            "Binder, or download the chapter as a notebook (download icon) for Jupyter or Colab."
        )
        return (
            f'<div class="aicap-explorable" id="explore-{self.name}" '
            f'data-aicap-figure="{self.module}:{self.name}" '
            f'data-layouts="{" ".join(LAYOUT_NAMES)}">'
            f'<p class="aicap-explorable-title"><strong>{title}</strong></p>'
            f'<form class="aicap-controls" hidden '
            f'aria-label="{html.escape(_("Settings of the figure"))}: {title}">'
            f"{controls}"
            f'<button type="button" class="aicap-reset">'
            f"{html.escape(_('Back to the chapter’s setting'))}</button>"
            "</form>"
            f"{figure}"
            '<p class="aicap-now" aria-live="polite"></p>'
            '<details class="aicap-about"><summary>'
            f"{html.escape(_('About this figure’s settings'))}</summary>"
            f"<p>{html.escape(about)}</p>"
            f"<ul>{positions}</ul>"
            f"<p>{html.escape(_('In a live notebook you can set any value in each range:'))}</p>"
            f"<ul>{ranges}</ul>"
            f"<p>{html.escape(launch)}</p></details></div>"
        )

    # -- the live figure ----------------------------------------------------------------------

    def widget(self):
        """Controls above the figure; the figure redraws whenever a value changes."""
        import ipywidgets as widgets

        self._widgets = {control.name: control.widget() for control in self.controls}
        self._layout_choice = widgets.ToggleButtons(
            options=[(_("Laptop layout"), "wide"), (_("Phone layout"), "narrow")],
            value="wide",
            description=_("Figure"),
            style={"description_width": "initial", "button_width": "auto"},
        )
        self._output = widgets.Output()
        for control_widget in [*self._widgets.values(), self._layout_choice]:
            control_widget.observe(self._on_change, names="value")
        gc.collect()
        gc.freeze()  # what exists now is not the redraws' garbage (see release_garbage)
        self._redraw()
        heading = widgets.HTML(f"<strong>{html.escape(self.title)}</strong>")
        return widgets.VBox([heading, *self._widgets.values(), self._layout_choice, self._output])

    def set(self, **values: Any) -> None:
        """Set controls as a reader would (plot-function units), redrawing once (builds the
        widget if needed)."""
        if not self._widgets:
            self.widget()
        self.parameters(**values)  # refuses unknown controls
        controls = {control.name: control for control in self.controls}
        self._holding = True
        try:
            for name, value in values.items():
                self._widgets[name].value = controls[name].to_widget(value)
        finally:
            self._holding = False
        self._redraw()

    def current_values(self) -> dict[str, Any]:
        """The values the controls hold now, in the plot function's units."""
        return {
            control.name: control.from_widget(self._widgets[control.name].value)
            for control in self.controls
        }

    def _on_change(self, _change: dict) -> None:
        if not self._holding:
            self._redraw()

    def _redraw(self) -> None:
        """Draw the figure for the controls' values into the output area of the widget.

        The new figure is set as the Output widget's ``outputs`` (one state update), not printed
        inside ``with output:``: that capture follows the parent header of the message being
        handled, and with ipykernel 7 JupyterLab sends a slider's change to a kernel subshell
        (another thread), where the display could miss the widget and the figure stay as it was.
        """
        layout = self._layout_choice.value if self._layout_choice is not None else "wide"
        try:
            content = self.render(layout, **self.current_values())
            self.last_error = None
        except Exception as err:  # noqa: BLE001 - a reader must see the message, not a crash
            self.last_error = f"{type(err).__name__}: {err}"
            content = (
                '<div class="aicap-error" role="alert"><strong>'
                f"{html.escape(_('These settings cannot be drawn.'))}"
                f"</strong> {html.escape(str(err))}</div>"
            )
        shown = {"output_type": "display_data", "data": {"text/html": content}, "metadata": {}}
        self._output.outputs = (shown,)
        self.release_garbage()

    def show(self) -> None:
        """Display the figure: explorable on the built page, live in a running notebook."""
        from IPython.display import HTML, display

        if is_static_build():
            display(HTML(self.static_html()))
        else:
            display(self.widget())


# -- settings named in a chapter's text (the book's {setting} role) ---------------------------

_SETTING = re.compile(r"^(?P<label>.+?)\s*<(?P<figure>\w+)\s*:\s*(?P<values>[^>]*)>$", re.S)


def parse_setting(text: str) -> tuple[str, str, dict[str, Any]]:
    """``"label <figure: name=value, ...>"`` -> (label, figure, {name: value}).

    A value is a number, a number with ``%`` (divided by 100: ``10%`` is 0.1) or a word (a
    menu option such as ``Indonesia``)."""
    match = _SETTING.match(" ".join(text.split()))
    if match is None:
        raise ValueError(f"a setting is written 'label <figure: name=value, ...>'; got {text!r}")
    values: dict[str, Any] = {}
    for pair in filter(None, (part.strip() for part in match["values"].split(","))):
        name, equals, raw = (piece.strip() for piece in pair.partition("="))
        if not equals or not name:
            raise ValueError(f"{pair!r} in setting {text!r} is not name=value")
        try:
            value: Any = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
            value = int(value) if value.is_integer() and "." not in raw else value
        except ValueError:
            value = raw
        values[name] = value
    if not values:
        raise ValueError(f"setting {text!r} names no control")
    return match["label"], match["figure"], values


def setting_problems(figure_name: str, values: dict[str, Any]) -> list[str]:
    """Why a setting cannot be shown on the page (empty when it can)."""
    builder = load_registry().get(figure_name)
    if builder is None:
        return [f"no interactive figure is called {figure_name!r}"]
    figure = builder()
    controls = {control.name: control for control in figure.controls}
    problems = []
    for name, value in values.items():
        control = controls.get(name)
        if control is None:
            problems.append(f"{figure_name} has no control {name!r} (it has {sorted(controls)})")
            continue
        positions = control.page_values()
        if not any(
            position == value
            or (
                isinstance(position, int | float)
                and isinstance(value, int | float)
                and math.isclose(position, value, rel_tol=1e-9, abs_tol=1e-12)
            )
            for position in positions
        ):
            shown = ", ".join(control.shown(p) for p in positions)
            problems.append(f"{name}={value!r} is not a page position of {figure_name} ({shown})")
    return problems
