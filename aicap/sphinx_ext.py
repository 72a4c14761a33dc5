"""Sphinx extension used by the book build (listed in _config.yml).

It marks the build as *static* before any notebook runs, so every InteractiveFigure renders
its default figure and a how-to-make-it-live note instead of controls that would do nothing on
a page without a kernel. Notebook kernels are child processes of the build and inherit it.
"""

from __future__ import annotations

import os
from typing import Any


def setup(app: Any) -> dict[str, Any]:
    os.environ["AICAP_STATIC"] = "1"
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
