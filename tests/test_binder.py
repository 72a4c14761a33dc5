"""Binder readers: the launch buttons point at the chapters' notebooks, and the repository meets
repo2docker's conventions. The route itself, as mybinder.org builds it, is exercised in
``tests/browser/test_binder.py``.
"""

from __future__ import annotations

import os
import re

import pytest
import yaml

from .conftest import CHAPTERS, ROOT

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def test_binder_configuration_follows_repo2docker_conventions():
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    requirements = [line for line in lines if line and not line.startswith(("#", " "))]
    # a lock file: every line an exact pin with hashes, and no local path (repo2docker
    # installs the package itself with `pip install .`, because pyproject.toml has
    # [project] and [build-system])
    pin = re.compile(r"^[\w.-]+(\[[\w,-]+\])?==[\w.+-]+( ;.*)? \\$")  # extras kept: bleach[css]
    assert requirements and all(pin.match(r) for r in requirements)
    assert "--hash=sha256:" in "\n".join(lines)
    assert not any(line.startswith(("-e", ".", "file:")) for line in requirements)
    assert any(line.startswith(("jupytext==", "jupyterlab==")) for line in requirements)
    post_build = (ROOT / "postBuild").read_text()
    assert post_build.startswith("#!/bin/bash\n") and "set -euo pipefail" in post_build
    assert "python -m aicap.notebooks . notebooks" in post_build
    assert os.access(ROOT / "postBuild", os.X_OK)
    assert not (ROOT / "binder").exists(), "a binder/ folder would hide the root configuration"
    assert not (ROOT / ".binder").exists()


@pytest.mark.build
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_launch_button_opens_this_chapters_notebook_in_jupyterlab(built_site, chapter):
    page = (built_site / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
    from aicap.notebooks import repository

    hub = CONFIG["launch_buttons"]["binderhub_url"].rstrip("/")
    url, branch = repository(CONFIG)  # _config.yml, or the forge's variables in CI
    owner_repo = url.removeprefix("https://github.com/")
    links = set(re.findall(r'href="(https://mybinder\.org/[^"]+)"', page))
    expected = f"{hub}/v2/gh/{owner_repo}/{branch}?urlpath=lab/tree/notebooks/{chapter.stem}.ipynb"
    assert links == {expected}


@pytest.mark.build
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_an_indonesian_page_launches_the_indonesian_notebook(built_id_site, chapter):
    page = (built_id_site / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="(https://mybinder\.org/[^"]+)"', page))
    assert len(links) == 1 and next(iter(links)).endswith(
        f"?urlpath=lab/tree/notebooks/id/{chapter.stem}.ipynb"
    ), links
