"""Benchmarks of the book: build, chapter execution, widget latency, page weight, Binder set-up.

Run with ``make bench`` (or ``.venv/bin/python scripts/bench.py [options]``). It prints one
table and writes it, with a description of the machine and of the method, to BENCHMARKS.md at
the repository root. Every number is a median or a 95th percentile of repeated runs; nothing
here is a timed test, and no test fails because this machine is slow.

Sections (each a function below):

1. ``bench_build``    cold build of the whole book (empty execution cache) and a rebuild with
                      nothing changed (execution cache hit), into temporary directories;
2. ``bench_chapters`` each chapter executed top to bottom in a fresh kernel, as the tests do;
3. ``bench_widgets``  each registered interactive figure: model calls, figure construction and
                      model + redraw, over random settings of its controls (fixed seed);
4. ``bench_first_visits`` bytes of a first visit to each page at 375 and 1280 px, served with
                      gzip, and its first contentful paint on a 1 Mbit/s link, in Chromium;
5. ``bench_binder``   installing requirements.txt into an empty virtual environment, and its size;
6. ``bench_explorables`` each explorable figure's states (bytes, bytes per move, build time) and
                      the wait from a key press to the new drawing, in Chromium;
7. ``bench_live``     live widgets in real chapter kernels: slider message to new figure and to
                      kernel idle (scripts/bench_reader.py).

Options: ``--quick`` (each build once, each chapter once; default: 2 cold builds, 3 rebuilds,
3 runs per chapter), ``--skip-build``, ``--skip-binder``,
``--site DIR`` (measure pages of an existing built site; implies ``--skip-build``),
``--samples N`` (random settings per widget, default 200), ``--output FILE``,
``--only SECTION`` (repeatable: build, chapters, widgets, pages, binder) and ``--widgets A,B``;
a run limited by ``--only`` or ``--widgets`` prints its table and writes no report unless
``--output`` is given.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import importlib
import importlib.metadata
import inspect
import math
import os
import pkgutil
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(Path(__file__).parent))  # bench_reader, beside this file
SEED = 20260109

#: Targets on this project's 2-core machine (see the issue that asked for these benchmarks).
REBUILD_TARGET_S = 10.0
EDITIONS_BUILD_RATIO = 2.0  # both editions built cold, as a multiple of the English alone
CHAPTER_TARGET_S = 10.0
REDRAW_TARGET_MS = 100.0
MODEL_TARGET_MS = 5.0
PAGE_TARGET_BYTES = 250_000
FCP_TARGET_MS = 3000.0
MOVE_TARGET_MS = 100.0

#: Packages whose versions matter for these numbers.
KEY_PACKAGES = [
    "jupyter-book",
    "Sphinx",
    "myst-nb",
    "sphinx-book-theme",
    "jupyter-cache",
    "nbclient",
    "ipykernel",
    "numpy",
    "pandas",
    "matplotlib",
    "ipywidgets",
    "playwright",
]

#: Chromium flags, as in tests/browser/test_site.py.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


# ---------------------------------------------------------------------------------------------
# Pure helpers (tested in tests/test_bench.py)
# ---------------------------------------------------------------------------------------------


class ControlLike(Protocol):
    """What the sampler needs of an :class:`aicap.interactive.Control`."""

    name: str
    default: Any
    low: float
    high: float
    step: float
    options: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Summary:
    """Median and 95th percentile of repeated measurements (same unit as the samples)."""

    n: int
    median: float
    p95: float
    low: float
    high: float


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    section: str
    item: str
    result: str
    detail: str
    target: str = "—"
    met: str = "—"


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) with linear interpolation between ranks (numpy's default)."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be in [0, 100]; got {q}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    fraction = position - below
    return ordered[below] + (ordered[above] - ordered[below]) * fraction


def summarise(values: Sequence[float]) -> Summary:
    """Median, 95th percentile, minimum and maximum of ``values``."""
    return Summary(
        n=len(values),
        median=percentile(values, 50),
        p95=percentile(values, 95),
        low=min(values),
        high=max(values),
    )


def control_values(control: ControlLike) -> list[Any]:
    """Every value a reader can give a control: its options, or its slider's steps.

    A slider moves from ``low`` in steps of ``step`` up to ``high`` (which is included even
    when it is not on the grid, as a slider dragged to its end reaches it). Integer controls
    (whole low, high, step and default: an IntSlider) give ints; float values are rounded to
    10 decimals to remove floating-point drift.
    """
    if control.options:
        return [value for _, value in control.options]
    low, high, step = control.low, control.high, control.step
    count = math.floor((high - low) / step + 1e-9) + 1
    integer = all(float(v).is_integer() for v in (low, high, step, control.default))
    if integer:
        values: list[Any] = [int(low) + k * int(step) for k in range(count)]
    else:
        values = [round(low + k * step, 10) for k in range(count)]
    if values[-1] < high - 1e-9:
        values.append(int(high) if integer else high)
    return values


def sample_settings(
    controls: Sequence[ControlLike], n: int, seed: int | str
) -> list[dict[str, Any]]:
    """``n`` random settings of ``controls`` (each value drawn uniformly from its steps)."""
    rng = random.Random(seed)
    grids = {control.name: control_values(control) for control in controls}
    return [{name: rng.choice(grid) for name, grid in grids.items()} for _ in range(n)]


def verdict(value: float, limit: float) -> str:
    """'yes' when ``value`` meets the target ``value <= limit``, else 'no'."""
    return "yes" if value <= limit else "no"


def gzip_size(body: bytes) -> int:
    """Bytes of ``body`` compressed by gzip at level 6 (what a typical web server sends)."""
    return len(gzip.compress(body, compresslevel=6))


def format_bytes(size: float) -> str:
    """Decimal units, as browsers' network panels show them: 1 kB = 1000 bytes."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.2f} MB"
    if size >= 1000:
        return f"{size / 1000:.0f} kB"
    return f"{size:.0f} B"


def format_ms(seconds: float) -> str:
    """Seconds shown as milliseconds with sensible precision."""
    ms = 1000 * seconds
    return f"{ms:.2f} ms" if ms < 10 else f"{ms:.0f} ms"


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table (pipes in cells are escaped)."""

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(headers), line(["---"] * len(headers)), *map(line, rows)])


def resource_kind(resource_type: str, url: str) -> str:
    """Group a browser resource type (or, for a static walk, a file name) for the table."""
    kinds = {"document": "HTML", "script": "scripts", "stylesheet": "styles"}
    kinds |= {"image": "images", "font": "fonts"}
    if resource_type in kinds:
        return kinds[resource_type]
    suffix = Path(urlparse(url).path).suffix.lower()
    by_suffix = {".html": "HTML", ".js": "scripts", ".css": "styles", ".woff2": "fonts"}
    by_suffix |= {".woff": "fonts", ".ttf": "fonts", ".png": "images", ".svg": "images"}
    by_suffix |= {".ico": "images", ".jpg": "images", ".gif": "images"}
    return by_suffix.get(suffix, "other")


# ---------------------------------------------------------------------------------------------
# Shared machinery
# ---------------------------------------------------------------------------------------------


def log(message: str) -> None:
    """Progress on stderr (the table goes to stdout)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed_run(command: list[str], cwd: Path, log_file: Path) -> tuple[float, int]:
    """Run ``command``, output to ``log_file``; return (wall-clock seconds, exit code)."""
    with log_file.open("w", encoding="utf-8") as output:
        start = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        return time.perf_counter() - start, result.returncode


def tail(path: Path, lines: int = 30) -> str:
    """The last lines of a log file."""
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def runs_text(values: Sequence[float]) -> str:
    """'runs: 7.9, 8.2, 8.8 s'."""
    return "runs: " + ", ".join(f"{v:.1f}" for v in values) + " s"


# ---------------------------------------------------------------------------------------------
# 1. Building the book
# ---------------------------------------------------------------------------------------------


def build_command(output: Path, config: Path | None = None) -> list[str]:
    """The strict build of ``make book``, into ``output`` instead of _build (``config``: the
    Indonesian edition's configuration, for its build)."""
    edition = ["--config", str(config)] if config else []
    return [
        str(BIN / "jupyter-book"),
        "build",
        "-n",
        "-W",
        "--keep-going",
        *edition,
        "--path-output",
        str(output),
        str(ROOT),
    ]


def bench_indonesian_build(english_seconds: float, workdir: Path) -> Row:
    """The Indonesian edition's cold build (its own jupyter-cache, as in ``make book``)."""
    from aicap.i18n import edition_config

    config = workdir / "id-config.yml"
    config.write_text(edition_config(ROOT / "_config.yml", "id"), encoding="utf-8")
    output = workdir / "cold-id"
    shutil.rmtree(output, ignore_errors=True)
    log(f"cold build of the Indonesian edition into {output}")
    seconds, code = timed_run(build_command(output, config), ROOT, workdir / "cold-id.log")
    ratio = (english_seconds + seconds) / english_seconds
    return Row(
        "1 build",
        "both editions, cold: English + Indonesian, as a multiple of the English build",
        f"{ratio:.2f}×",
        f"Indonesian edition {seconds:.0f} s" + (f"; BUILD FAILED (exit {code})" if code else ""),
        f"≤ {EDITIONS_BUILD_RATIO:g}×",
        "no" if code else verdict(ratio, EDITIONS_BUILD_RATIO),
    )


def bench_build(cold_runs: int, rebuild_runs: int, workdir: Path) -> tuple[list[Row], Path | None]:
    """Cold builds (fresh output, so an empty jupyter-cache) and rebuilds with nothing changed.

    Returns the rows and the site of the last successful build (for the page-weight section).
    """
    cold: list[float] = []
    failures: list[str] = []
    output = workdir / "cold-0"
    for run in range(cold_runs):
        output = workdir / f"cold-{run}"
        shutil.rmtree(output, ignore_errors=True)
        log(f"cold build {run + 1}/{cold_runs} into {output}")
        seconds, code = timed_run(build_command(output), ROOT, workdir / f"cold-{run}.log")
        cold.append(seconds)
        if code:
            failures.append(f"cold build {run + 1} exited {code}")
            log(tail(workdir / f"cold-{run}.log"))
    rebuild: list[float] = []
    for run in range(rebuild_runs):
        log(f"rebuild {run + 1}/{rebuild_runs} (nothing changed) into {output}")
        seconds, code = timed_run(build_command(output), ROOT, workdir / f"rebuild-{run}.log")
        rebuild.append(seconds)
        if code:
            failures.append(f"rebuild {run + 1} exited {code}")
            log(tail(workdir / f"rebuild-{run}.log"))
    failed = "; BUILD FAILED: " + ", ".join(failures) if failures else ""
    cold_median = percentile(cold, 50)
    rebuild_median = percentile(rebuild, 50)
    rows = [
        Row(
            "1 build",
            "cold build, every chapter executed (empty jupyter-cache)",
            f"{cold_median:.0f} s",
            f"median of {len(cold)}; {runs_text(cold)}{failed}",
        ),
        Row(
            "1 build",
            "rebuild with nothing changed (execution cache hit)",
            f"{rebuild_median:.1f} s",
            f"median of {len(rebuild)}; {runs_text(rebuild)}{failed}",
            f"≤ {REBUILD_TARGET_S:g} s",
            "no" if failures else verdict(rebuild_median, REBUILD_TARGET_S),
        ),
    ]
    if cold:
        rows.append(bench_indonesian_build(cold_median, workdir))
    site = output / "_build" / "html"
    return rows, (site if (site / "index.html").exists() else None)


# ---------------------------------------------------------------------------------------------
# 2. Executing each chapter
# ---------------------------------------------------------------------------------------------


def read_chapter(path: Path):
    """The chapter as a notebook, read exactly as tests/test_chapters.py reads it."""
    from myst_nb.core.read import read_myst_markdown_notebook
    from myst_parser.config.main import MdParserConfig

    config = MdParserConfig(enable_extensions={"colon_fence", "dollarmath", "amsmath"})
    return read_myst_markdown_notebook(path.read_text(encoding="utf-8"), config)


def execute_seconds(notebook, cwd: Path) -> float:
    """Seconds to execute ``notebook`` in a fresh python3 kernel (start to shutdown)."""
    from nbclient import NotebookClient

    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    if errors:
        raise RuntimeError(f"cell error: {errors[0].get('ename')}: {errors[0].get('evalue')}")
    return seconds


def bench_chapters(repeats: int) -> list[Row]:
    """Each chapter executed ``repeats`` times in live mode (no AICAP_STATIC), as the tests do.

    Chapters are run in turn (all chapters, then all again) so a burst of load elsewhere on the
    machine does not land on one chapter only. An empty notebook gives the kernel start-up cost
    that every chapter's time includes.
    """
    import nbformat

    chapters = sorted((ROOT / "chapters").glob("*.md"))
    saved = os.environ.pop("AICAP_STATIC", None)
    times: dict[str, list[float]] = {"(empty notebook: kernel start-up)": []}
    times |= {path.stem: [] for path in chapters}
    try:
        for run in range(repeats):
            log(f"chapters: run {run + 1}/{repeats}")
            empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
            times["(empty notebook: kernel start-up)"].append(
                execute_seconds(empty, ROOT / "chapters")
            )
            for path in chapters:
                times[path.stem].append(execute_seconds(read_chapter(path), path.parent))
    finally:
        if saved is not None:
            os.environ["AICAP_STATIC"] = saved
    rows = []
    for name, values in times.items():
        median = percentile(values, 50)
        is_chapter = not name.startswith("(")
        rows.append(
            Row(
                "2 chapter",
                f"chapters/{name}.md" if is_chapter else name,
                f"{median:.1f} s",
                f"median of {len(values)}; {runs_text(values)}",
                f"≤ {CHAPTER_TARGET_S:g} s" if is_chapter else "—",
                verdict(median, CHAPTER_TARGET_S) if is_chapter else "—",
            )
        )
    return rows


# ---------------------------------------------------------------------------------------------
# 3. Interactive figures
# ---------------------------------------------------------------------------------------------


@dataclass
class CallTimer:
    """Times calls to some module-level functions while active, by wrapping them in place.

    Only outermost calls are recorded: a timed function calling another timed function is
    counted once, with the inner call's time inside it.
    """

    targets: list[tuple[ModuleType, str]]
    calls: list[tuple[str, float]] = field(default_factory=list)
    _depth: int = 0

    def _wrap(self, func: Callable[..., Any]) -> Callable[..., Any]:
        qualified = f"{func.__module__.rsplit('.', 1)[-1]}.{func.__name__}"

        @functools.wraps(func)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth:
                return func(*args, **kwargs)
            self._depth += 1
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.calls.append((qualified, time.perf_counter() - start))
                self._depth -= 1

        return timed

    @contextmanager
    def active(self) -> Iterator[CallTimer]:
        """Wrap the targets for the duration of the ``with`` block, then restore them."""
        originals = [(module, name, getattr(module, name)) for module, name in self.targets]
        wrapped: dict[int, Callable[..., Any]] = {}
        for module, name, func in originals:
            wrapped.setdefault(id(func), self._wrap(func))
            setattr(module, name, wrapped[id(func)])
        try:
            yield self
        finally:
            for module, name, func in originals:
                setattr(module, name, func)


def model_targets() -> list[tuple[ModuleType, str]]:
    """Every function defined in aicap.models.*, where it is defined and wherever a figure
    module imported it by name."""
    import aicap.figures
    import aicap.models

    functions: dict[int, str] = {}
    targets = []
    for info in pkgutil.iter_modules(aicap.models.__path__):
        module = importlib.import_module(f"aicap.models.{info.name}")
        for name, obj in vars(module).items():
            if inspect.isfunction(obj) and obj.__module__ == module.__name__:
                targets.append((module, name))
                functions[id(obj)] = name
    for info in pkgutil.iter_modules(aicap.figures.__path__):
        module = importlib.import_module(f"aicap.figures.{info.name}")
        targets += [(module, n) for n, obj in vars(module).items() if id(obj) in functions]
    return targets


def registered_widgets() -> dict[str, Callable[[], Any]]:
    """The interactive-figure registry, filled by importing every module in aicap.figures."""
    import aicap.figures
    from aicap.interactive import REGISTRY

    for info in pkgutil.iter_modules(aicap.figures.__path__):
        importlib.import_module(f"aicap.figures.{info.name}")
    return dict(sorted(REGISTRY.items()))


def bench_widgets(samples: int, seed: int, names: Sequence[str] | None = None) -> list[Row]:
    """Per widget, over ``samples`` random settings of its controls:

    * model: the slowest outermost call into aicap.models during one ``plot`` call;
    * plot only: ``plot(**params)``, the model plus building the matplotlib Figure (no drawing);
    * model + redraw: ``render(**params)``, what a live widget does on every change: plot, alt
      text (which recomputes the model), drawing and SVG encoding, and the HTML.
    """
    import matplotlib

    matplotlib.use("Agg")
    import aicap.style

    timer = CallTimer(model_targets())
    svg_timer = CallTimer([(aicap.style, "figure_svg")])
    rows = []
    widgets = registered_widgets()
    unknown = set(names or ()) - set(widgets)
    if unknown:
        raise SystemExit(f"unknown widgets {sorted(unknown)}; known: {', '.join(widgets)}")
    for name, builder in widgets.items():
        if names and name not in names:
            continue
        explorer = builder()
        for _ in range(2):  # warm-up: fonts, data tables, caches
            explorer.render()
        settings = sample_settings(explorer.controls, samples, f"{seed}:{name}")
        warm_layouts = explorer.full_layouts
        plot_s, render_s, svg_s, collect_s = [], [], [], []
        model_max, model_sum, n_calls = [], [], []
        functions: set[str] = set()
        errors, first_error = 0, ""
        log(f"widget {name}: {samples} settings")
        for setting in settings:
            params = {**explorer.fixed, **explorer.defaults(), **setting}
            try:
                timer.calls.clear()
                with timer.active():
                    start = time.perf_counter()
                    explorer.plot(**params)
                    plot_time = time.perf_counter() - start
                svg_timer.calls.clear()
                with svg_timer.active():
                    start = time.perf_counter()
                    explorer.render(**setting)
                    render_time = time.perf_counter() - start
                start = time.perf_counter()
                explorer.release_garbage()  # as the live widget does once the figure is shown
                collect_s.append(time.perf_counter() - start)
            except Exception as error:  # noqa: BLE001 - a live widget shows the message
                errors += 1
                first_error = first_error or f"{type(error).__name__}: {error}"
                continue
            explorer.last_figure = None
            plot_s.append(plot_time)
            render_s.append(render_time)
            svg_s.append(sum(seconds for _, seconds in svg_timer.calls))
            durations = [seconds for _, seconds in timer.calls]
            functions |= {function for function, _ in timer.calls}
            n_calls.append(len(durations))
            model_max.append(max(durations, default=0.0))
            model_sum.append(sum(durations))
        relaid = explorer.full_layouts - warm_layouts
        if first_error:
            log(f"widget {name}: {errors} settings failed, e.g. {first_error}")
        rows += widget_rows(
            name,
            errors,
            plot_s,
            render_s,
            svg_s,
            collect_s,
            model_max,
            model_sum,
            n_calls,
            functions,
            relaid,
        )
    return rows


def widget_rows(
    name: str,
    errors: int,
    plot_s: list[float],
    render_s: list[float],
    svg_s: list[float],
    collect_s: list[float],
    model_max: list[float],
    model_sum: list[float],
    n_calls: list[int],
    functions: set[str],
    relaid: int = 0,
) -> list[Row]:
    """The three table rows of one widget."""
    if not render_s:
        return [Row("3 widget", name, "every setting failed", f"{errors} errors", "—", "no")]
    plot, render, svg = summarise(plot_s), summarise(render_s), summarise(svg_s)
    collect = summarise(collect_s)
    failed = f"; {errors} settings raised an error (not timed)" if errors else ""
    settings = f"{render.n} settings"
    rows = []
    if max(n_calls) == 0:
        rows.append(Row("3 widget", f"{name}: model", "no aicap.models call", settings))
    else:
        slowest, total = summarise(model_max), summarise(model_sum)
        calls = sum(n_calls) / len(n_calls)
        rows.append(
            Row(
                "3 widget",
                f"{name}: model call",
                f"p95 {format_ms(slowest.p95)}",
                f"slowest call per update, median {format_ms(slowest.median)}; "
                f"{calls:.1f} calls per update to {', '.join(sorted(functions))}, "
                f"together p95 {format_ms(total.p95)}; {settings}",
                f"≤ {MODEL_TARGET_MS:g} ms",
                verdict(1000 * slowest.p95, MODEL_TARGET_MS),
            )
        )
    rows.append(
        Row(
            "3 widget",
            f"{name}: plot only (model + Figure, no drawing)",
            f"p95 {format_ms(plot.p95)}",
            f"median {format_ms(plot.median)}; {settings}",
        )
    )
    rows.append(
        Row(
            "3 widget",
            f"{name}: model + redraw (render)",
            f"p95 {format_ms(render.p95)}",
            f"median {format_ms(render.median)}, of which drawing and SVG encoding median "
            f"{format_ms(svg.median)}; then, once the figure is shown, garbage collection "
            f"median {format_ms(collect.median)} (p95 {format_ms(collect.p95)}); "
            f"laid out in full {relaid} times (wider labels); {settings}{failed}",
            f"≤ {REDRAW_TARGET_MS:g} ms",
            verdict(1000 * render.p95, REDRAW_TARGET_MS),
        )
    )
    return rows


# ---------------------------------------------------------------------------------------------
# 4. Page weight of a first visit
# ---------------------------------------------------------------------------------------------


def site_pages(site: Path) -> list[str]:
    """The home page and every chapter page of a built site, relative to the site."""
    chapters = sorted(p.relative_to(site).as_posix() for p in (site / "chapters").glob("*.html"))
    return ["index.html", *chapters]


def bench_first_visits(site: Path) -> list[Row]:
    """A first visit to each page at phone and laptop width, served with gzip: bytes over the
    network, and the first contentful paint on a 1 Mbit/s link (scripts/bench_reader.py)."""
    import bench_reader

    rows = []
    for visit in bench_reader.first_visits(site, site_pages(site)):
        rows.append(
            Row(
                "4 page",
                f"{visit.page} at {visit.width} px",
                f"{format_bytes(visit.bytes)}; FCP {visit.fcp_ms / 1000:.2f} s",
                f"{visit.requests} requests, compressed as sent; first contentful paint with the "
                "link throttled to 1 Mbit/s, 50 ms latency",
                f"≤ {format_bytes(PAGE_TARGET_BYTES)}, FCP ≤ {FCP_TARGET_MS / 1000:g} s",
                "yes"
                if visit.bytes <= PAGE_TARGET_BYTES and visit.fcp_ms <= FCP_TARGET_MS
                else "no",
            )
        )
    return rows


def bench_explorables(site: Path) -> list[Row]:
    """Each explorable figure: its states on the site and the wait after a move in Chromium."""
    import bench_reader

    rows = []
    for item in bench_reader.explorable_costs(site, site.parent / "aicap-states"):
        later = bench_reader.median(item.later_moves_ms)
        rows.append(
            Row(
                "6 explorable",
                item.figure,
                f"first move {item.first_move_ms:.0f} ms; next {later:.0f} ms",
                f"{item.states} states × 2 layouts; {format_bytes(item.site_bytes)} on the site "
                f"(gzip files); {format_bytes(item.median_move_bytes)} per move (median state); "
                f"drawn in {item.draw_seconds:.0f} s of build time (both layouts); key press to "
                "new drawing painted, phone width, local server",
                f"≤ {MOVE_TARGET_MS:g} ms after the first move",
                verdict(later / 1000, MOVE_TARGET_MS / 1000),
            )
        )
    return rows


def bench_live(moves: int) -> list[Row]:
    """Live widgets in real chapter kernels: slider message to new figure, and to kernel idle."""
    import bench_reader

    rows = []
    for chapter in sorted((ROOT / "chapters").glob("*.md")):
        for trip in bench_reader.live_round_trips(chapter, moves):
            figure = bench_reader.p(trip.to_figure_ms, 50), bench_reader.p(trip.to_figure_ms, 95)
            idle = bench_reader.p(trip.to_idle_ms, 50), bench_reader.p(trip.to_idle_ms, 95)
            rows.append(
                Row(
                    "7 live",
                    f"{trip.chapter}: {trip.figure}",
                    f"figure p50 {figure[0]:.0f} / p95 {figure[1]:.0f} ms; idle p50 "
                    f"{idle[0]:.0f} / p95 {idle[1]:.0f} ms",
                    f"{len(trip.to_idle_ms)} slider moves sent as comm messages to a kernel that "
                    "ran the whole chapter; to the Output widget's new figure, and to the kernel "
                    "idle again (garbage collection included)",
                    f"idle p95 ≤ {REDRAW_TARGET_MS * 2:g} ms",
                    verdict(idle[1] / 1000, REDRAW_TARGET_MS * 2 / 1000),
                )
            )
    return rows


# ---------------------------------------------------------------------------------------------
# 5. The Binder environment
# ---------------------------------------------------------------------------------------------


def disk_usage(path: Path) -> int:
    """Bytes ``path`` occupies on disk (``du -sk``)."""
    result = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True)
    return 1024 * int(result.stdout.split()[0])


def bench_binder(workdir: Path) -> list[Row]:
    """Create an empty virtual environment and install requirements.txt into it, from the root
    (it holds ``-e .``); report the install time and the environment's size on disk."""
    python = shutil.which("python3") or sys.executable
    venv = Path(tempfile.mkdtemp(prefix="binder-env-", dir=workdir))
    log(f"binder: {python} -m venv {venv}")
    venv_s, code = timed_run([python, "-m", "venv", str(venv)], ROOT, workdir / "venv.log")
    if code:
        return [Row("5 binder", "virtual environment", "failed", tail(workdir / "venv.log", 3))]
    log("binder: pip install -r requirements.txt")
    command = [str(venv / "bin" / "pip"), "install", "-r", "requirements.txt"]
    install_s, code = timed_run(command, ROOT, workdir / "pip.log")
    pip_version = subprocess.run(
        [str(venv / "bin" / "pip"), "--version"], capture_output=True, text=True
    ).stdout.split()[1]
    size = disk_usage(venv)
    shutil.rmtree(venv, ignore_errors=True)
    status = f"FAILED (exit {code}): {tail(workdir / 'pip.log', 2)}; " if code else ""
    return [
        Row(
            "5 binder",
            "pip install -r requirements.txt into an empty venv",
            f"{install_s:.0f} s",
            f"{status}1 run; pip {pip_version} as python3 -m venv provides it (venv creation "
            f"{venv_s:.1f} s more); this machine's pip reads local wheel caches and indexes, "
            "so downloads cost next to nothing here",
        ),
        Row(
            "5 binder", "size of that environment on disk", format_bytes(size), "du -sk of the venv"
        ),
    ]


# ---------------------------------------------------------------------------------------------
# Machine description and report
# ---------------------------------------------------------------------------------------------


def _first_match(path: str, pattern: str) -> str | None:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return None
    match = re.search(pattern, text, flags=re.M)
    return match.group(1).strip() if match else None


def describe_machine() -> list[tuple[str, str]]:
    """CPU, cores, memory, OS, Python, key packages, browser and date, as (label, value) pairs."""
    memory_kb = _first_match("/proc/meminfo", r"^MemTotal:\s+(\d+)")
    os_name = _first_match("/etc/os-release", r'^PRETTY_NAME="?([^"\n]+)') or platform.system()
    versions = []
    for package in KEY_PACKAGES:
        try:
            versions.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    chromium = shutil.which("chromium")
    browser = "not installed"
    if chromium:
        browser = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout
    return [
        ("date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", _first_match("/proc/cpuinfo", r"^model name\s*:\s*(.+)") or platform.processor()),
        ("cores", f"{os.cpu_count()} logical CPUs"),
        ("memory", f"{int(memory_kb) / 1024**2:.1f} GiB" if memory_kb else "unknown"),
        ("OS", f"{os_name}, Linux kernel {platform.release()}"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("packages", ", ".join(versions)),
        ("browser", browser.strip()),
    ]


METHOD = """\
## How each number is measured

Times are wall-clock (`time.perf_counter`). The targets are those of the issue that asked for
these benchmarks, for this project's 2-core machine. A target that is missed is marked `no`; the
numbers are never adjusted. Other work on the machine while the benchmark ran (see the load
averages above) makes the times longer, never shorter.

1. **Build.** `jupyter-book build -n -W --keep-going --path-output <tmp> .` (the strict
   build of `make book`, into a temporary directory so `_build` is untouched). *Cold*: a new
   output directory, hence an empty jupyter-cache and no drawn states, so every chapter is
   executed and every explorable figure drawn; the operating system's file cache and
   matplotlib's font cache are warm. *Rebuild*: the same command again into the same directory
   with nothing changed: Sphinx finds no page to re-read (it would re-read every page if the
   package, its self-check questions or the data had changed), and nothing is executed or
   drawn again.
2. **Chapters.** Each `chapters/*.md` is read with `myst_nb`'s
   `read_myst_markdown_notebook` and executed with `nbclient` in a fresh `python3` kernel, in
   live mode (widgets built, no `AICAP_STATIC`) exactly as `tests/test_chapters.py` does. The
   time includes starting and stopping the kernel; the empty-notebook row shows that share.
3. **Widgets.** Every module in `aicap.figures` is imported to fill `REGISTRY`. For each
   interactive figure, settings are drawn at random (seeded, per widget) from every control's
   values: options for menus, `low + k·step` for sliders (integers for integer sliders). After
   two untimed warm-up renders, each setting is timed three ways:
   *model call*: while `plot(**params)` runs, every function defined in `aicap.models.*` is
   wrapped with a timer and the outermost calls are recorded (a model function calling another
   counts once); the row gives the 95th percentile of the slowest such call per update, and
   the calls' total. This is the pure model a widget recomputes, without data loading or
   matplotlib. *Plot only*: `plot(**params)`, the model plus building the matplotlib `Figure`
   (matplotlib lays out and draws nothing yet). *Model + redraw*: `render(**params)`, which is
   what a live widget runs on every change: `plot`, the alt text (which recomputes the model),
   drawing and encoding the SVG (`aicap.style.figure_svg`, timed separately inside it; the
   layout of the first drawing is reused, as in a live widget), and the HTML. `render` pauses
   Python's garbage collector; the collection the live widget runs after showing the figure
   (`release_garbage`) is timed on its own and given in the detail column. Displaying the
   HTML in the notebook front end is not included.
4. **Pages.** The built site is served on 127.0.0.1 by Python's `http.server` (no
   compression). Each page is opened in a new Chromium context (empty cache, 1280×900), via
   Playwright, until the network is idle; every response's URL, resource type and body size is
   recorded. *gzip* compresses each body with Python's gzip at level 6, the size a compressing
   web server would send (images and fonts are already compressed and barely shrink). Figures
   are SVGs embedded in the HTML as `data:` URIs, so they count as HTML. 1 MB = 1,000,000 bytes.
5. **Binder.** `python3 -m venv <tmp>` then `<tmp>/bin/pip install -r requirements.txt` from the
   repository root (it installs `-e .`), timed once, and `du -sk` of the environment. pip on this
   machine is configured with local wheel directories and package indexes on disk, so this
   measures unpacking and installing more than downloading; on Binder, downloads add time, and
   so does `postBuild`, which this does not run.
"""


def render_report(
    machine: list[tuple[str, str]], rows: list[Row], flags: str, loads: list[tuple[str, str]]
) -> str:
    """The whole BENCHMARKS.md; ``loads`` are (moment, load averages) pairs."""
    table = results_table(rows)
    missed = [
        f"- {row.item}: {row.result} (target {row.target})" for row in rows if row.met == "no"
    ]
    machine_lines = [f"- **{label}**: {value}" for label, value in machine]
    moments = "; ".join(f"{moment}: {load}" for moment, load in loads)
    machine_lines.append(f"- **load average** (1, 5, 15 min) {moments}")
    machine_lines.append(f"- **command**: `scripts/bench.py {flags}`")
    return "\n".join(
        [
            "# Benchmarks",
            "",
            "Written by `make bench` (`scripts/bench.py`); do not edit by hand, run it again. It",
            "is not part of `make book` or `make test`, and nothing here is a timed test.",
            "",
            "## Machine",
            "",
            *machine_lines,
            "",
            "## Results",
            "",
            table,
            "",
            "## Targets missed",
            "",
            *(missed or ["None."]),
            "",
            METHOD,
        ]
    )


def results_table(rows: list[Row]) -> str:
    """The one results table."""
    headers = ["section", "what", "result", "detail", "target", "met?"]
    cells = [[r.section, r.item, r.result, r.detail, r.target, r.met] for r in rows]
    return markdown_table(headers, cells)


def load_average() -> str:
    """The 1, 5 and 15 minute load averages."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


#: Sections that ``--only`` can pick.
SECTIONS = ("build", "chapters", "widgets", "pages", "binder", "explorables", "live")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="each build once and each chapter once"
    )
    parser.add_argument("--skip-build", action="store_true", help="skip section 1")
    parser.add_argument("--skip-binder", action="store_true", help="skip section 5")
    parser.add_argument("--site", type=Path, help="built site for section 4 (implies --skip-build)")
    parser.add_argument("--samples", type=int, default=200, help="random settings per widget")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the widget settings")
    parser.add_argument(
        "--only",
        choices=SECTIONS,
        action="append",
        help="run only this section (repeatable); the table is printed, BENCHMARKS.md is kept",
    )
    parser.add_argument(
        "--widgets", help="comma-separated widget names to measure (default: every widget)"
    )
    parser.add_argument(
        "--output", type=Path, help="where to write the report (default: BENCHMARKS.md)"
    )
    args = parser.parse_args(argv)
    if args.output is None and not args.only and not args.widgets:
        args.output = ROOT / "BENCHMARKS.md"
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    flags = " ".join(sys.argv[1:] if argv is None else argv) or "(no options)"
    wanted = set(args.only or SECTIONS)
    if args.site is not None or args.skip_build:
        wanted.discard("build")
    if args.skip_binder:
        wanted.discard("binder")
    loads = [("at start", load_average())]
    machine = describe_machine()
    rows: list[Row] = []
    site = args.site
    with tempfile.TemporaryDirectory(prefix="aicap-bench-") as tmp:
        workdir = Path(tmp)
        if "build" in wanted:
            runs = (1, 1) if args.quick else (2, 3)  # (cold builds, rebuilds)
            build_rows, site = bench_build(*runs, workdir)
            rows += build_rows
            loads.append(("after builds", load_average()))
        if "chapters" in wanted:
            rows += bench_chapters(1 if args.quick else 3)
            loads.append(("after chapters", load_average()))
        if "widgets" in wanted:
            names = args.widgets.split(",") if args.widgets else None
            rows += bench_widgets(args.samples, args.seed, names)
            loads.append(("after widgets", load_average()))
        if "pages" in wanted:
            if site is not None:
                rows += bench_first_visits(site)
            else:
                rows.append(Row("4 page", "(skipped)", "—", "no site: build skipped and no --site"))
        if "explorables" in wanted:
            if site is not None:
                rows += bench_explorables(site)
            else:
                rows.append(Row("6 explorable", "(skipped)", "—", "no site"))
        if "live" in wanted:
            rows += bench_live(10 if args.quick else 30)
        if "binder" in wanted:
            rows += bench_binder(workdir)
    loads.append(("at end", load_average()))
    print(results_table(rows))
    if args.output is not None:
        args.output.write_text(render_report(machine, rows, flags, loads), encoding="utf-8")
        log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
