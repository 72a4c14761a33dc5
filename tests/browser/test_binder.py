"""Binder as mybinder.org builds it today, and a reader who presses the launch button.

repo2docker's python buildpack (repo2docker 2025.12 and later, see its
``buildpacks/python/__init__.py``) builds the image in this order, and so does this test:

1. the base environment: Python 3.11 with the packages of repo2docker's conda lock file, at
   the same versions (``tests/repo2docker_base.txt``: JupyterLab 4.4.9, notebook 7.4.7,
   ipywidgets 8.1.7 ...);
2. the whole repository copied into the reader's home;
3. ``pip install --no-cache-dir -r requirements.txt``;
4. ``pip install --no-cache-dir .``, because ``pyproject.toml`` has ``[project]`` and
   ``[build-system]`` (not editable: the package lands in site-packages, away from ``data/``);
5. ``postBuild``, as the reader, in the repository (which is also ``$HOME``).

Then JupyterLab is started from that environment and Chromium opens each chapter by the
launch button's path (``lab/tree/notebooks/<chapter>.ipynb``): it must open as a notebook, run
top to bottom with no error, and redraw its figure when a slider moves. A chapter's MyST source
must open as a notebook too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from aicap.interactive import load_registry

from ..conftest import CHAPTERS, ROOT
from .site import PageVisit

pytestmark = pytest.mark.binder

#: The base image's own packages (repo2docker's environment.yml for Python 3.11).
BASE = [
    "jupyterlab",
    "notebook",
    "ipywidgets",
    "ipykernel",
    "jupyter_server",
    "jupyter-resource-usage",
    "jupyter-offlinenotebook",
]
COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    "_build",
    ".git",
    "notebooks",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".ruff_cache",
    "build",
)


def _run(command, **options) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800, **options)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}"


@pytest.fixture(scope="module")
def binder_image(tmp_path_factory):
    """The environment and home directory repo2docker would build, step by step."""
    work = tmp_path_factory.mktemp("binder")
    env, home = work / "srv" / "conda" / "envs" / "notebook", work / "home" / "jovyan"
    _run([sys.executable, "-m", "venv", str(env)])
    pip = [str(env / "bin" / "python"), "-m", "pip", "install", "--no-cache-dir", "--quiet"]
    _run([*pip, "-c", str(ROOT / "tests" / "repo2docker_base.txt"), *BASE])  # 1
    shutil.copytree(ROOT, home, ignore=COPY_IGNORE)  # 2
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"AICAP_STATIC", "PYTHONPATH", "VIRTUAL_ENV", "AICAP_DATA_DIR"}
    }
    environment.update(
        HOME=str(home), PATH=f"{env / 'bin'}{os.pathsep}{environment.get('PATH', '')}"
    )
    _run([*pip, "-r", "requirements.txt"], cwd=home, env=environment)  # 3
    _run([*pip, "."], cwd=home, env=environment)  # 4
    _run(["./postBuild"], cwd=home, env=environment)  # 5
    return env, home, environment


def test_the_package_is_installed_as_repo2docker_installs_it(binder_image):
    env, home, environment = binder_image
    shown = subprocess.run(
        [
            str(env / "bin" / "python"),
            "-c",
            "import aicap, aicap.data as d; print(aicap.__file__); print(len(d.table_names()))",
        ],
        capture_output=True,
        text=True,
        cwd="/",
        env=environment,
        check=True,
    ).stdout.split()
    assert "site-packages" in shown[0], "pip install . must have replaced any editable install"
    assert int(shown[1]) > 20, "the data tables travel with the package"
    written = sorted(path.stem for path in (home / "notebooks").glob("*.ipynb"))
    assert written == sorted(path.stem for path in CHAPTERS)
    indonesian = sorted(path.stem for path in (home / "notebooks" / "id").glob("*.ipynb"))
    assert indonesian == written, "postBuild writes the Indonesian notebooks too"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def jupyterlab(binder_image):
    env, home, environment = binder_image
    port = _free_port()
    # the server's log goes to a file: a pipe nobody reads fills up and then blocks the server
    log = open(home.parent / "jupyterlab.log", "wb")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [
            str(env / "bin" / "jupyter"),
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.ip=127.0.0.1",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            f"--ServerApp.root_dir={home}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
            "--allow-root",  # the test may run as root; Binder's reader is not
        ],
        cwd=home,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail("JupyterLab did not start:\n" + _log_tail(home))
            time.sleep(0.5)
    yield base
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


def _log_tail(home: Path, characters: int = 3000) -> str:
    """The end of JupyterLab's log (the kernels' stderr is in it too)."""
    path = home.parent / "jupyterlab.log"
    return path.read_text(encoding="utf-8", errors="replace")[-characters:] if path.exists() else ""


@pytest.fixture
def shut_down_after(jupyterlab):
    """Shut the test's kernels down afterwards, so that chapters do not share the machine."""
    yield jupyterlab
    import http.cookiejar
    import urllib.request

    cookies = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
    opener.open(f"{jupyterlab}/lab", timeout=30).close()  # sets the _xsrf cookie
    xsrf = next((cookie.value for cookie in cookies if cookie.name == "_xsrf"), "")
    with opener.open(f"{jupyterlab}/api/sessions", timeout=30) as response:
        sessions = json.loads(response.read())
    for session in sessions:
        request = urllib.request.Request(
            f"{jupyterlab}/api/sessions/{session['id']}",
            method="DELETE",
            headers={"X-XSRFToken": xsrf},
        )
        opener.open(request, timeout=30).close()


def _open_notebook(browser, base: str, path: str):
    visit = PageVisit(browser, base, width=1280)
    visit.page.set_default_timeout(120_000)
    # ?reset: a new reader's Binder has no saved workspace (no earlier notebook left open)
    page = visit.open(f"{base}/lab/tree/{path}?reset")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)
    # Wait as a reader does for "Python 3 (ipykernel) | Idle" in the status bar. Not the toolbar's
    # execution indicator: it says "idle" from the start, before the notebook has a kernel, and
    # JupyterLab 4.4 silently skips (clears) every cell *Run All* reaches before the kernel exists.
    expect(_kernel_status_bar(page)).to_have_text(re.compile(r"\| Idle$"), timeout=120_000)
    return visit, page


def _kernel_status_bar(page):
    return page.locator(".jp-StatusBar-TextItem[title^='Change kernel']").first


def _run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
    page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()
    page.wait_for_function(
        "() => { const prompts = Array.from(document.querySelectorAll('.jp-InputPrompt'));"
        " return prompts.length > 0 && !prompts.some(p => p.textContent.includes('*')) &&"
        " document.querySelector(\".jp-Notebook-ExecutionIndicator[data-status='idle']\"); }",
        timeout=600_000,
        polling=1000,
    )


def _kernel_status(page) -> str:
    shown = _kernel_status_bar(page)
    return shown.inner_text() if shown.count() else "not shown"


def _saved_notebook(page, path: Path, timeout: float = 600) -> dict:
    """Save the notebook as the reader would (Ctrl+S) and read what the kernel produced.

    JupyterLab draws only the cells near the viewport (windowing), so the page cannot show every
    cell's output at once; the saved file has them all. Saves again until every code cell ran."""
    deadline = time.monotonic() + timeout
    while True:
        page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
        page.keyboard.press("Escape")
        page.keyboard.press("Control+s")
        page.wait_for_timeout(1500)
        notebook = json.loads(path.read_text(encoding="utf-8"))
        code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
        if all(cell.get("execution_count") for cell in code) or time.monotonic() > deadline:
            return notebook
        page.wait_for_timeout(5000)


def _scroll_to(page, selector: str):
    """Scroll the notebook from the top, as a reader does, until ``selector`` is on screen."""
    scroller = page.locator(".jp-NotebookPanel .jp-WindowedPanel-outer").first
    scroller.evaluate("element => element.scrollTo(0, 0)")
    for _ in range(600):
        shown = page.locator(f"{selector} >> visible=true").first
        if shown.count():
            shown.scroll_into_view_if_needed()
            return shown
        scroller.evaluate("element => element.scrollBy(0, element.clientHeight * 0.7)")
        page.wait_for_timeout(150)
    raise AssertionError(f"nothing matches {selector} anywhere in the notebook")


def _move_the_first_slider(page, console=()) -> None:
    """Scroll to the first slider, press the right arrow and wait for a new figure."""
    _scroll_to(page, ".widget-slider .noUi-handle")
    # JupyterLab may draw a cell's widgets again as it scrolls into view: settle, then find the
    # slider afresh, and let every check below look its elements up again (locators, not handles)
    page.wait_for_timeout(1500)
    slider = page.locator(".widget-slider .noUi-handle >> visible=true").first
    box = slider.locator("xpath=ancestor::div[contains(@class,'widget-vbox')][1]")
    image = box.locator(".widget-output img").first
    before = image.get_attribute("src")
    assert before and before.startswith("data:image/svg+xml"), "the live figure is not drawn"
    slider.focus()
    page.keyboard.press("ArrowRight")  # each redraw replaces the image element
    try:
        expect(image).not_to_have_attribute("src", before, timeout=60_000)
    except AssertionError:
        shown = box.locator(".widget-output").first.inner_text()[:300]
        readout = box.locator(".widget-readout").first.inner_text()
        status = page.locator(".jp-Notebook-ExecutionIndicator").first.get_attribute("data-status")
        images = box.locator(".widget-output img").count()
        later = image.get_attribute("src") != before
        raise AssertionError(
            f"no new figure after the move (readout {readout}, kernel {status}, {images} images, "
            f"changed later {later}): {shown}; console: {console[-10:]}"
        ) from None


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_the_launch_link_opens_the_chapter_runs_it_and_its_sliders_redraw(
    browser, binder_image, jupyterlab, shut_down_after, chapter
):
    visit, page = _open_notebook(browser, jupyterlab, f"notebooks/{chapter.stem}.ipynb")
    assert page.locator(".jp-NotebookPanel").count() >= 1
    _run_all(page)
    notebook = _saved_notebook(page, binder_image[1] / "notebooks" / f"{chapter.stem}.ipynb")
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    outputs = [output for cell in code for output in cell.get("outputs", [])]
    errors = [o for o in outputs if o["output_type"] == "error"]
    assert not errors, "\n".join(errors[0]["traceback"])[-2000:]
    not_run = [number for number, cell in enumerate(code, 1) if not cell.get("execution_count")]
    assert not not_run, (
        f"code cells {not_run[:10]} of {len(code)} did not run (kernel "
        f"{_kernel_status(page)}); the first: {''.join(code[not_run[0] - 1]['source'])[:200]}"
        f"\nJupyterLab's log ends:\n{_log_tail(binder_image[1])}"
    )
    printed = "".join("".join(o.get("text", "")) for o in outputs if o["output_type"] == "stream")
    assert "Installing the book's package" not in printed
    # every interactive figure a live widget (not its static drawing, not an error message)
    source = chapter.read_text(encoding="utf-8")
    explorers = [name for name in load_registry() if f"{name}().show()" in source]
    widgets = [
        cell
        for cell in code
        if any(
            "application/vnd.jupyter.widget-view+json" in o.get("data", {})
            for o in cell.get("outputs", [])
        )
    ]
    shows = [
        cell
        for cell in code
        if any(f"{name}().show()" in "".join(cell["source"]) for name in explorers)
    ]
    assert len(widgets) == len(shows) == len(explorers), (explorers, len(widgets), len(shows))
    if not explorers:
        visit.close()
        return
    _move_the_first_slider(page, visit.console_errors)
    assert not visit.foreign, visit.foreign[:5]
    visit.close()


def test_the_indonesian_launch_link_runs_the_chapter_in_indonesian(
    browser, binder_image, jupyterlab, shut_down_after
):
    """An Indonesian page's launch link (notebooks/id/...) opens the chapter in Indonesian; it
    runs, and its figures and tables come out in Indonesian."""
    from aicap.i18n import english_leftovers

    stem = "introduction"
    visit, page = _open_notebook(browser, jupyterlab, f"notebooks/id/{stem}.ipynb")
    _run_all(page)
    notebook = _saved_notebook(page, binder_image[1] / "notebooks" / "id" / f"{stem}.ipynb")
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    outputs = [output for cell in code for output in cell.get("outputs", [])]
    errors = [o for o in outputs if o["output_type"] == "error"]
    assert not errors, "\n".join(errors[0]["traceback"])[-2000:]
    assert all(cell.get("execution_count") for cell in code), "not every cell ran"
    html_outputs = [o.get("data", {}).get("text/html", "") for o in outputs]
    shown = " ".join("".join(html) if isinstance(html, list) else html for html in html_outputs)
    alts = re.findall(r'alt="([^"]*)"', shown)
    assert alts and all(not english_leftovers(alt) for alt in alts), alts[:3]
    visit.close()


def test_a_chapter_source_opens_as_a_notebook_too(browser, jupyterlab):
    visit, page = _open_notebook(browser, jupyterlab, "chapters/creative_destruction.md")
    assert page.locator(".jp-FileEditor").count() == 0, "the .md opened as a text file"
    visit.close()


def test_offline_reader_notebooks_are_what_binder_opens(binder_image):
    env, home, environment = binder_image
    text = (home / "notebooks" / "creative_destruction.ipynb").read_text(encoding="utf-8")
    assert "{glue:text}" not in text and ":::{" not in text and "{cite:p}" not in text
    assert Path(home / "chapters" / "creative_destruction.md").exists()
