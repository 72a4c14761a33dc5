"""What a reader waits for: benchmark sections used by ``scripts/bench.py``.

* :func:`first_visits` — a first visit to each page at phone and laptop width, served with gzip
  as a web host serves it: bytes over the network, and the first contentful paint on a link
  throttled to 1 Mbit/s (50 ms latency) in Chromium.
* :func:`explorable_costs` — each explorable figure: its states (count, bytes on the site,
  bytes per move, seconds the build spent drawing them) and, in Chromium at phone width, the
  time from a key press on a slider to the new drawing painted (first move, which fetches, and
  moves that the prefetch already has).
* :func:`live_round_trips` — a live widget in a real chapter kernel (the whole chapter run
  first, so the kernel holds its data), driven as JupyterLab drives it: a ``comm_msg`` that sets
  a slider, the time to the new figure (the ``comm_msg`` that sets the Output widget's outputs
  to it), and the time until the kernel is idle again (the garbage collection after each redraw
  included).
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.site import CHROMIUM, FLAGS, PageVisit, serve  # noqa: E402

#: A 1 Mbit/s link with 50 ms latency (Chrome DevTools' emulation).
SLOW_LINK = {
    "offline": False,
    "latency": 50,
    "downloadThroughput": 1_000_000 / 8,
    "uploadThroughput": 1_000_000 / 8,
}


@dataclass
class Visit:
    page: str
    width: int
    bytes: int
    requests: int
    fcp_ms: float


def first_visits(site: Path, pages: list[str]) -> list[Visit]:
    """Bytes and first contentful paint of a first visit (empty cache) to each page."""
    from playwright.sync_api import sync_playwright

    visits = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name in pages:
            for width in (375, 1280):
                visit = PageVisit(browser, base, width=width)
                visit.open(f"{base}/{name}")
                sent, requests = visit.transferred(), len(visit.responses)
                visit.close()
                visit = PageVisit(browser, base, width=width)
                session = visit.context.new_cdp_session(visit.page)
                session.send("Network.enable")
                session.send("Network.emulateNetworkConditions", SLOW_LINK)
                visit.page.goto(f"{base}/{name}", wait_until="load")
                fcp = visit.page.evaluate(
                    "() => new Promise(resolve => { const seen = performance"
                    ".getEntriesByName('first-contentful-paint'); if (seen.length) "
                    "resolve(seen[0].startTime); else new PerformanceObserver(list => "
                    "resolve(list.getEntries()[0].startTime)).observe({type: 'paint', "
                    "buffered: true}); })"
                )
                visit.close()
                visits.append(Visit(name, width, sent, requests, fcp))
        browser.close()
    return visits


@dataclass
class Explorable:
    figure: str
    states: int
    site_bytes: int
    median_move_bytes: int
    draw_seconds: float
    first_move_ms: float
    later_moves_ms: list[float]


def _manifests(states_cache: Path) -> dict[str, float]:
    seconds: dict[str, float] = {}
    for manifest in states_cache.glob("*/*/manifest.json"):
        data = json.loads(manifest.read_text(encoding="utf-8"))
        name = data["figure"].split(":")[1]
        seconds[name] = seconds.get(name, 0.0) + data["seconds"]
    return seconds


_MOVE = """
async ([element, key]) => {
  const img = element.querySelector('figure.aicap-figure img');
  const input = element.querySelector('input[type=range]');
  const before = img.src;
  const start = performance.now();
  input.focus();
  input.dispatchEvent(new KeyboardEvent('keydown', {key}));
  input.value = String(Number(input.value) + (key === 'ArrowRight' ? 1 : -1));
  input.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise(resolve => { const check = () => (img.src !== before && img.complete)
    ? requestAnimationFrame(() => resolve()) : setTimeout(check, 2); check(); });
  return performance.now() - start;
}
"""


def explorable_costs(site: Path, states_cache: Path) -> list[Explorable]:
    """Sizes of every explorable figure's states, and the wait after a move in Chromium."""
    from playwright.sync_api import sync_playwright

    drawn = _manifests(states_cache)
    results = []
    folders = sorted(p for p in (site / "_static" / "aicap" / "states").iterdir() if p.is_dir())
    pages = sorted((site / "chapters").glob("*.html"))
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for folder in folders:
            files = sorted(folder.glob("narrow/*.json.gz")) + sorted(folder.glob("wide/*.json.gz"))
            sizes = sorted(path.stat().st_size for path in files)
            page = next(p for p in pages if f'id="explore-{folder.name}"' in p.read_text("utf-8"))
            visit = PageVisit(browser, base, width=375)
            tab = visit.open(f"{base}/chapters/{page.name}")
            element = tab.query_selector(f"#explore-{folder.name}")
            slider = element.query_selector("input[type=range]")
            waits = []
            if slider is not None:
                top = int(slider.get_attribute("max"))
                key = "ArrowRight" if int(slider.input_value()) < top else "ArrowLeft"
                for _ in range(min(6, top)):
                    waits.append(tab.evaluate(_MOVE, [element, key]))
                    tab.wait_for_timeout(300)  # let the prefetch of the next step finish
            visit.close()
            results.append(
                Explorable(
                    folder.name,
                    len(files) // 2,
                    sum(sizes),
                    sizes[len(sizes) // 2] if sizes else 0,
                    drawn.get(folder.name, float("nan")),
                    waits[0] if waits else float("nan"),
                    waits[1:],
                )
            )
        browser.close()
    return results


@dataclass
class RoundTrip:
    chapter: str
    figure: str
    to_figure_ms: list[float]
    to_idle_ms: list[float]


def _drain(client, timeout: float = 0.05) -> list[dict]:
    messages = []
    while True:
        try:
            messages.append(client.get_iopub_msg(timeout=timeout))
        except Exception:  # noqa: BLE001 - queue.Empty: nothing more for now
            return messages


def live_round_trips(chapter: Path, moves: int = 20) -> list[RoundTrip]:
    """Run ``chapter`` in a real kernel, then move the first slider of each of its live figures
    ``moves`` times, as a front end would, timing the new figure and the kernel's return to idle.
    """
    import jupytext
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3", cwd=str(chapter.parent))
    models: dict[str, dict[str, Any]] = {}
    try:
        notebook = jupytext.read(chapter, fmt="md:myst")
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            reply = client.execute_interactive(
                cell.source, timeout=600, output_hook=lambda message: _collect(message, models)
            )
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"{chapter.name}: a cell failed: {reply['content']}")
        results = []
        for box_id, box in models.items():
            if box["state"].get("_model_name") != "VBoxModel":
                continue
            children = [c.removeprefix("IPY_MODEL_") for c in box["state"].get("children", [])]
            sliders = [
                c
                for c in children
                if models.get(c, {}).get("state", {}).get("_model_name")
                in {"FloatSliderModel", "IntSliderModel"}
            ]
            outputs = [
                c
                for c in children
                if models.get(c, {}).get("state", {}).get("_model_name") == "OutputModel"
            ]
            if not sliders or not outputs:
                continue
            title = re.sub(r"<[^>]+>", "", str(models[children[0]]["state"].get("value", box_id)))
            slider = models[sliders[0]]["state"]
            to_figure, to_idle = [], []
            for move in range(moves):
                value = slider["min"] + ((move % 4) + 1) * slider["step"]
                message_id = uuid.uuid4().hex
                content = {
                    "comm_id": sliders[0],
                    "data": {"method": "update", "state": {"value": value}, "buffer_paths": []},
                }
                message = client.session.msg("comm_msg", content)
                message["header"]["msg_id"] = message_id
                message["parent_header"] = {}
                started = time.perf_counter()
                client.shell_channel.send(message)
                figure_at = None
                while True:
                    incoming = client.get_iopub_msg(timeout=60)
                    if incoming["parent_header"].get("msg_id") != message_id:
                        continue
                    kind = incoming["msg_type"]
                    data = incoming["content"].get("data", {})
                    # the Output widget's new figure: a comm message that sets the widget's
                    # outputs to it (its parent is the message that moved the slider)
                    if (
                        figure_at is None
                        and kind == "comm_msg"
                        and "<figure" in str(data.get("state", {}).get("outputs", ""))
                    ):
                        figure_at = time.perf_counter()
                    if kind == "status" and incoming["content"]["execution_state"] == "idle":
                        idle_at = time.perf_counter()
                        break
                if figure_at is not None:
                    to_figure.append(1000 * (figure_at - started))
                    to_idle.append(1000 * (idle_at - started))
            results.append(RoundTrip(chapter.stem, str(title), to_figure, to_idle))
        return results
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def _collect(message: dict, models: dict[str, dict[str, Any]]) -> None:
    """Keep each widget model's state as the kernel opens and updates it."""
    kind, content = message["msg_type"], message["content"]
    if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
        models[content["comm_id"]] = {"state": dict(content["data"].get("state", {}))}
    elif kind == "comm_msg" and content.get("comm_id") in models:
        models[content["comm_id"]]["state"].update(content["data"].get("state", {}))


def p(values: list[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank), NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))
