"""Sphinx extension used by the book build (listed in _config.yml).

1. It marks the build as *static* before any notebook runs, so every InteractiveFigure renders
   its default figure and a how-to-make-it-live note instead of controls that would do nothing
   on a page without a kernel. Notebook kernels are child processes of the build and inherit it.
2. It removes script tags a static page does not need: the in-page-kernel (Thebe) loader, which
   the book does not use, and the inline scripts that Sphinx 7.4 with this theme emits twice
   (the duplicate raises a console error in every browser).
3. It gives bibliography entries a valid ARIA role (an accessibility error otherwise).
"""

from __future__ import annotations

import os
from typing import Any


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


def setup(app: Any) -> dict[str, Any]:
    os.environ["AICAP_STATIC"] = "1"
    app.connect("html-page-context", clean_page_assets, priority=900)
    app.connect("html-page-context", fix_citation_roles, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
