"""Sphinx extension used by the book build (listed in _config.yml).

1. It marks the build as *static* before any notebook runs, so every InteractiveFigure renders
   its default figure and a how-to-make-it-live note instead of controls that would do nothing
   on a page without a kernel. Notebook kernels are child processes of the build and inherit it.
2. It removes script tags a static page does not need: the in-page-kernel (Thebe) loader, which
   the book does not use, and the inline scripts that Sphinx 7.4 with this theme emits twice
   (the duplicate raises a console error in every browser).
3. It leaves MathJax off pages that have no equations of their own.
4. It gives bibliography entries a valid ARIA role (an accessibility error otherwise).
5. It writes every chapter as a downloadable ``.ipynb`` (no outputs; a first cell that installs
   the book's package when it is missing, e.g. on Colab) and adds it to the page's download menu.
6. It empties the execution cache when the book's package or data tables change (the cache
   notices only changes to a chapter's own code), so no page shows outdated results.
7. After the build it removes the theme's FontAwesome script from every page and cuts its icon
   fonts down to the icons the pages use (:mod:`aicap.icons`): 800 kB less per first visit.
8. ``AICAP_EDITION=student`` builds the student edition: solutions are left out (exercises
   stay), and notebook results are reused from the full build's execution cache.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

from aicap.icons import trim_icons
from aicap.notebooks import download_notebook, is_myst_notebook, strip_solutions


def _asset_key(asset: Any) -> tuple[str, str]:
    filename = str(getattr(asset, "filename", asset) or "")
    body = str(getattr(asset, "attributes", {}).get("body", ""))
    return filename, body


def _is_thebe(asset: Any) -> bool:
    filename, body = _asset_key(asset)
    return "thebe" in filename.lower() or "THEBE" in body


def clean_page_assets(app, pagename, templatename, context, doctree) -> None:
    """Drop duplicate and Thebe scripts/styles from one page (in place, per page)."""
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if not assets:
            continue
        seen: set[tuple[str, str]] = set()
        kept = []
        for asset in assets:
            identity = _asset_key(asset)
            if _is_thebe(asset) or identity in seen:
                continue
            seen.add(identity)
            kept.append(asset)
        assets[:] = kept


def _is_mathjax(app, asset: Any) -> bool:
    filename, body = _asset_key(asset)
    path = app.config.mathjax_path  # Sphinx puts "_static/" in front of a relative path
    return filename in (path, f"_static/{path}") or body.startswith("window.MathJax")


def drop_unused_maths(app, pagename, templatename, context, doctree) -> None:
    """Leave MathJax (300 kB) off pages with no equations of their own.

    Sphinx counts the equations of every page listed in a page's table of contents, so the
    front page would load MathJax for the chapters' equations.
    """
    if app.env.get_domain("math").data["has_equations"].get(pagename):
        return
    assets = context.get("script_files")
    if assets:
        assets[:] = [asset for asset in assets if not _is_mathjax(app, asset)]


def fix_citation_roles(app, pagename, templatename, context, doctree) -> None:
    """Give reference-list entries the ARIA role their list needs (docutils writes a role that
    screen readers and axe-core do not accept as a list item)."""
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def is_student_edition() -> bool:
    """True when building the student edition (``AICAP_EDITION=student``)."""
    return os.environ.get("AICAP_EDITION") == "student"


def student_edition(app, config) -> None:
    """Hide solutions when building the student edition; reuse the full build's executions."""
    if is_student_edition():
        config.hide_solutions = True
        config.nb_execution_cache_path = str(Path(app.srcdir) / "_build" / ".jupyter_cache")


def strip_solutions_from_sources(app, exception) -> None:
    """Student edition: the downloadable page sources must not carry the solutions either."""
    if exception is not None or not is_student_edition():
        return
    for path in (Path(app.outdir) / "_sources").rglob("*.md*"):
        if path.suffix == ".ipynb":
            continue
        text = path.read_text(encoding="utf-8")
        path.write_text(strip_solutions(text), encoding="utf-8")


def _notebook_source(app, pagename: str) -> Path | None:
    source = Path(app.srcdir) / f"{pagename}.md"
    if source.exists() and is_myst_notebook(source.read_text(encoding="utf-8")):
        return source
    return None


def offer_notebook_download(app, pagename, templatename, context, doctree) -> None:
    """Put ``.ipynb`` in the page's download menu (before the theme builds the menu)."""
    if _notebook_source(app, pagename):
        context["ipynb_source"] = f"{pagename}.ipynb"


def write_notebook_download(app, pagename, templatename, context, doctree) -> None:
    """Write ``_sources/<page>.ipynb``: no outputs, set-up cell first.

    Runs after the theme, which would otherwise put the executed notebook (with all its
    outputs, several hundred kB) at the same place.
    """
    source = _notebook_source(app, pagename)
    if source is None:
        return
    repository = app.config.html_theme_options.get("repository_url", "")
    branch = app.config.html_theme_options.get("repository_branch", "main")
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    notebook = download_notebook(source, repository, branch, student=is_student_edition())
    target.write_text(notebook, encoding="utf-8")


#: What the chapters read besides their own code: the book's package and its data tables.
INPUTS = ("aicap/**/*.py", "data/*.csv", "data/*.toml")
FINGERPRINT = "aicap-inputs.sha256"


def inputs_fingerprint(root: Path) -> str:
    """SHA-256 over the files of :data:`INPUTS` (names and contents) under ``root``."""
    digest = hashlib.sha256()
    for path in sorted({p for pattern in INPUTS for p in root.glob(pattern)}):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def refresh_execution_cache(app) -> None:
    """Empty the execution cache when the package or the data changed since it was filled.

    jupyter-cache keys a notebook on its own code cells, so a changed model, figure or data
    table would otherwise leave pages with outdated results. The fingerprint of the inputs
    is kept beside the cache; when it differs, the cache is emptied (every chapter runs again)
    and every page is read again (:func:`outdated_pages`).
    """
    cache = Path(app.env.mystnb_config.execution_cache_path)
    stamp = cache.parent / FINGERPRINT
    fingerprint = inputs_fingerprint(Path(app.srcdir))
    app.aicap_inputs_changed = not stamp.exists() or stamp.read_text().strip() != fingerprint
    if app.aicap_inputs_changed:
        shutil.rmtree(cache, ignore_errors=True)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(fingerprint + "\n")


def outdated_pages(app, env, added, changed, removed) -> list[str]:
    """Every page, when the package or the data changed (see :func:`refresh_execution_cache`)."""
    return sorted(env.found_docs) if getattr(app, "aicap_inputs_changed", False) else []


def trim_theme_icons(app, exception) -> None:
    """Drop FontAwesome's 1.5 MB script from the pages; keep only the icons used in its fonts."""
    if exception is None and app.builder.format == "html":
        trim_icons(Path(app.outdir), map(Path, app.builder.theme.get_theme_dirs()))


def setup(app: Any) -> dict[str, Any]:
    os.environ["AICAP_STATIC"] = "1"
    app.connect("html-page-context", clean_page_assets, priority=900)
    app.connect("html-page-context", fix_citation_roles, priority=900)
    app.connect("html-page-context", drop_unused_maths, priority=900)
    app.connect("html-page-context", offer_notebook_download, priority=400)
    app.connect("html-page-context", write_notebook_download, priority=600)
    app.connect("config-inited", student_edition)
    app.connect("builder-inited", refresh_execution_cache, priority=600)  # after myst-nb's
    app.connect("env-get-outdated", outdated_pages)
    app.connect("build-finished", strip_solutions_from_sources)
    app.connect("build-finished", trim_theme_icons)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
