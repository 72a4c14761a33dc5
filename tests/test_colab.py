"""The downloaded notebook runs anywhere, as on Colab or a reader's own Jupyter.

A reader downloads a chapter's ``.ipynb`` from the built site and opens it, alone, in an empty
folder, in an environment that has the scientific Python stack but not the book's package.
The built site is served locally in place of the published one (the notebook's set-up cell
installs the package from the site's address, here pointed at the local server). The
notebook must run top to bottom, survive a restart and a second run, let a second chapter's
notebook run in the same environment, say plainly what to do when it cannot download the
package, and run again once it can.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from aicap.notebooks import site_url

from .browser.site import serve
from .conftest import ROOT
from .test_indonesian_edition import _reads_english

pytestmark = pytest.mark.build

RUN = textwrap.dedent(
    """
    import sys
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(sys.argv[1], as_version=4)
    try:
        NotebookClient(notebook, timeout=600, kernel_name="python3").execute()
        print("RAN")
    except CellExecutionError as error:
        print("FAILED", str(error)[-1500:])
    outputs = [o.get("text", "") for c in notebook.cells if c.cell_type == "code"
               for o in c.get("outputs", []) if o.get("output_type") == "stream"]
    print("OUTPUT", " ".join(outputs)[:3000])
    import json, re
    pages = [o["data"]["text/html"] for c in notebook.cells if c.cell_type == "code"
             for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
    print("ALT", json.dumps(re.findall(r'alt="([^"]*)"', " ".join(pages))[:6]))
    """
)


@pytest.fixture(scope="module")
def reader_env(tmp_path_factory) -> Path:
    """A fresh environment with the scientific stack (the lock file) and no aicap."""
    env = tmp_path_factory.mktemp("colab") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    install = subprocess.run(
        [
            str(env / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--require-hashes",
            "-r",
            str(ROOT / "requirements.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert install.returncode == 0, install.stderr[-4000:]
    found = subprocess.run(
        [str(env / "bin" / "python"), "-c", "import aicap"], capture_output=True, cwd=env
    )
    assert found.returncode != 0, "the reader's environment must not have the book's package"
    return env


def _downloaded(built_site: Path, stem: str, folder: Path, base: str) -> Path:
    """The chapter's notebook as a reader downloads it, pointed at ``base`` for the site."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    text = (built_site / "_sources" / "chapters" / f"{stem}.ipynb").read_text(encoding="utf-8")
    published = site_url(config)
    assert published in text, "the set-up cell installs from the book's site"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{stem}.ipynb"
    target.write_text(text.replace(published, base.rstrip("/") + "/"), encoding="utf-8")
    return target


def _run(env: Path, notebook: Path) -> str:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"AICAP_STATIC", "PYTHONPATH", "AICAP_DATA_DIR", "VIRTUAL_ENV"}
    }
    environment["PATH"] = f"{env / 'bin'}{os.pathsep}{environment.get('PATH', '')}"
    result = subprocess.run(
        [str(env / "bin" / "python"), "-c", RUN, notebook.name],
        cwd=notebook.parent,
        capture_output=True,
        text=True,
        timeout=1500,
        env=environment,
    )
    return result.stdout + result.stderr


#: What the Indonesian edition calls an exercise and its solution (as its pages do).
WORDS = {
    "en": ("Exercise", "Solution to Exercise", "References"),
    "id": ("Latihan", "Solusi untuk Latihan", "Daftar pustaka"),
}


@pytest.mark.parametrize("edition", ["en", "id"])
def test_the_downloaded_notebook_reads_as_plain_markdown(request, edition):
    """The notebook a reader downloads from a page is in that page's language: plain
    Markdown, every solution folded under its exercise, the references at the end."""
    built_site = request.getfixturevalue("built_site" if edition == "en" else "built_id_site")
    exercise, solution, references = WORDS[edition]
    for path in sorted((built_site / "_sources" / "chapters").glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        markdown = "\n".join(
            "".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown"
        )
        raw = re.findall(
            r"\{(?:glue|cite|ref|doc|setting|csv)[:\w]*\}`|^:::|\{bibliography\}", markdown, re.M
        )
        assert not raw, f"{path.name}: raw MyST left: {raw[:5]}"
        solutions = markdown.count(f"<summary>{solution} ")
        exercises = len(re.findall(rf"\*\*{exercise} \d+\.\*\*", markdown))
        assert solutions == exercises > 0, f"{path.name}: every solution under its exercise"
        assert "(" in markdown and references in markdown
        if edition == "id":
            setup = "".join(notebook["cells"][0]["source"])
            assert 'os.environ["AICAP_LANG"] = "id"' in setup, "the package must speak Indonesian"
            english = [
                text
                for cell in notebook["cells"]
                if cell["cell_type"] == "markdown"
                for text in re.sub(r"```.*?```", "", "".join(cell["source"]), flags=re.S).split(
                    "\n\n"
                )
                if _reads_english(text) and "ref-" not in text  # the reference list: as published
            ]
            assert not english, f"{path.name}: English prose left: {english[:3]}"


def test_it_runs_alone_survives_a_restart_and_a_second_chapter(built_site, reader_env, tmp_path):
    with serve(built_site) as base:
        first = _downloaded(built_site, "creative_destruction", tmp_path / "one", base)
        output = _run(reader_env, first)
        assert "RAN" in output and "Installing the book's package" in output, output[-3000:]
        again = _run(reader_env, first)  # a restarted kernel, Run all
        assert "RAN" in again and "Installing" not in again, again[-3000:]
        second = _downloaded(built_site, "gig_precarity", tmp_path / "two", base)
        other = _run(reader_env, second)
        assert "RAN" in other and "Installing" not in other, other[-3000:]


def test_offline_it_says_what_to_do_and_runs_once_it_can(built_site, reader_env, tmp_path):
    subprocess.run(
        [str(reader_env / "bin" / "python"), "-m", "pip", "uninstall", "--yes", "--quiet", "aicap"],
        check=True,
    )
    with serve(built_site) as base:
        notebook = _downloaded(built_site, "policy", tmp_path / "offline", base)
    offline = _run(reader_env, notebook)  # the server is gone: no connection
    assert "FAILED" in offline and "Could not install the book's package" in offline
    assert "needs the internet once" in offline
    with serve(built_site) as base:  # back online: the same notebook, run again
        notebook = _downloaded(built_site, "policy", tmp_path / "offline", base)
        online = _run(reader_env, notebook)
    assert "RAN" in online, online[-3000:]


def test_the_indonesian_notebook_runs_alone_in_indonesian(built_id_site, reader_env, tmp_path):
    """Downloaded from an Indonesian page, a chapter runs alone and survives a restart, and its
    figures speak Indonesian (their alt text, which the package writes)."""
    from aicap.i18n import english_leftovers

    with serve(built_id_site) as base:
        notebook = _downloaded(built_id_site, "introduction", tmp_path / "id", base)
        output = _run(reader_env, notebook)
        assert "RAN" in output, output[-3000:]
        again = _run(reader_env, notebook)
        assert "RAN" in again, again[-3000:]
    alts = json.loads(output.split("ALT", 1)[1].strip().splitlines()[0])
    assert alts, "the chapter showed no figure"
    assert all(not english_leftovers(alt) for alt in alts), alts
