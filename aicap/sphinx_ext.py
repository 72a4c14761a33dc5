"""Sphinx extension used by the book build (listed in _config.yml).

1. It marks the build as *static* before any notebook runs, so every InteractiveFigure renders
   its default figure and a how-to-make-it-live note instead of controls that would do nothing
   on a page without a kernel. Notebook kernels are child processes of the build and inherit it.
2. It removes script tags a static page does not need: the in-page-kernel (Thebe) loader, which
   the book does not use, and the inline scripts that Sphinx 7.4 with this theme emits twice
   (the duplicate raises a console error in every browser).
3. It gives bibliography entries a valid ARIA role (an accessibility error otherwise).
4. It writes every chapter as a downloadable ``.ipynb`` (no outputs; a first cell that installs
   the book's package when it is missing, e.g. on Colab) and adds it to the page's download menu.
5. ``AICAP_EDITION=student`` builds the student edition: solutions are left out (exercises
   stay), and notebook results are reused from the full build's execution cache.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

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


def setup(app: Any) -> dict[str, Any]:
    os.environ["AICAP_STATIC"] = "1"
    app.connect("html-page-context", clean_page_assets, priority=900)
    app.connect("html-page-context", fix_citation_roles, priority=900)
    app.connect("html-page-context", offer_notebook_download, priority=400)
    app.connect("html-page-context", write_notebook_download, priority=600)
    app.connect("config-inited", student_edition)
    app.connect("build-finished", strip_solutions_from_sources)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
