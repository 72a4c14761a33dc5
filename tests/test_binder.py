"""Binder readers: the launch buttons point at the chapters, and the chapters run in an
environment built from requirements.txt alone, opened the way JupyterLab + jupytext opens them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from .conftest import CHAPTERS, ROOT

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def test_binder_configuration_follows_repo2docker_conventions():
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    requirements = (ROOT / "requirements.txt").read_text().splitlines()
    assert "-e ." in requirements, "the book's package must be installed from requirements.txt"
    assert any(line.startswith("jupytext==") for line in requirements)
    post_build = (ROOT / "postBuild").read_text()
    assert post_build.startswith("#!/bin/bash\n") and "set -e" in post_build
    assert "jupytext-config set-default-viewer markdown myst" in post_build
    assert os.access(ROOT / "postBuild", os.X_OK)
    assert not (ROOT / "binder").exists(), "a binder/ folder would hide the root configuration"


@pytest.mark.build
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_launch_button_opens_this_chapter_in_jupyterlab(built_site, chapter):
    page = (built_site / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
    hub = CONFIG["launch_buttons"]["binderhub_url"].rstrip("/")
    owner_repo = CONFIG["repository"]["url"].removeprefix("https://github.com/")
    branch = CONFIG["repository"]["branch"]
    links = set(re.findall(r'href="(https://mybinder\.org/[^"]+)"', page))
    expected = f"{hub}/v2/gh/{owner_repo}/{branch}?urlpath=lab/tree/chapters/{chapter.stem}.md"
    assert links == {expected}
    target = ROOT / expected.split("lab/tree/", 1)[1]
    assert target == chapter and target.exists()


RUN_CHAPTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import jupytext
    import nbformat
    from nbclient import NotebookClient

    path = Path(sys.argv[1])
    notebook = jupytext.read(path)  # how JupyterLab + jupytext opens a .md notebook
    check = nbformat.v4.new_code_cell(f"import sys; assert sys.prefix == {sys.prefix!r}")
    notebook.cells.insert(0, check)
    NotebookClient(notebook, timeout=240, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    print("ran", path.name)
    """
)


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory) -> Path:
    """A virtual environment built from requirements.txt alone, as repo2docker builds it."""
    venv = tmp_path_factory.mktemp("binder") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "-r", "requirements.txt"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert install.returncode == 0, install.stderr[-4000:]
    return venv


@pytest.mark.binder
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_runs_in_a_fresh_environment_from_requirements(binder_env, chapter):
    env = {k: v for k, v in os.environ.items() if k not in {"AICAP_STATIC", "PYTHONPATH"}}
    env["PATH"] = f"{binder_env / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["JUPYTER_PATH"] = str(binder_env / "share" / "jupyter")
    command = [str(binder_env / "bin" / "python"), "-c", RUN_CHAPTER, str(chapter)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-6000:]
    assert f"ran {chapter.name}" in result.stdout
