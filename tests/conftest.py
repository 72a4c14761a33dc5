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
    _strict_build("book")
    return SITE


def _strict_build(name: str, *options: str) -> None:
    """``jupyter-book build --all``, strictly (warnings are errors), with ``options``."""
    command = [
        str(Path(sys.executable).with_name("jupyter-book")),
        "build",
        "--all",
        "-n",
        "-W",
        "--keep-going",
        *options,
        str(ROOT),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        pytest.fail(
            f"strict {name} build failed:\n" + result.stdout[-6000:] + "\n" + result.stderr[-6000:]
        )


@pytest.fixture(scope="session")
def built_id_site(built_site) -> Path:
    """Build the Indonesian edition strictly (``make book-id`` without the copy into the
    English site) once per test session, after the English one.

    ``AICAP_ID_SITE=<dir>`` tests an already built Indonesian site instead."""
    if os.environ.get("AICAP_ID_SITE"):
        return Path(os.environ["AICAP_ID_SITE"])
    from aicap.i18n import edition_config

    folder = ROOT / "_build" / "id"
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "_config.yml"
    config.write_text(edition_config(ROOT / "_config.yml", "id"), encoding="utf-8")
    _strict_build("Indonesian", "--config", str(config), "--path-output", str(folder))
    return folder / "_build" / "html"
