"""Shared fixtures: the book root, chapter list and the built site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))
SITE = ROOT / "_build" / "html"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site() -> Path:
    """Build the whole book strictly (warnings are errors) once per test session.

    ``AICAP_SITE=<dir>`` tests an already built site instead (for quick local reruns).
    """
    if os.environ.get("AICAP_SITE"):
        return Path(os.environ["AICAP_SITE"])
    command = [
        str(Path(sys.executable).with_name("jupyter-book")),
        "build",
        "--all",
        "-n",
        "-W",
        "--keep-going",
        str(ROOT),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        pytest.fail(
            "strict book build failed:\n" + result.stdout[-6000:] + "\n" + result.stderr[-6000:]
        )
    return SITE
