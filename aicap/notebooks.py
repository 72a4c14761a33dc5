"""Chapters as plain ``.ipynb`` files, for readers who download them (Jupyter, Colab)."""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat

#: Code of the first cell of every downloaded notebook. Inside the book's own environment
#: (Binder, a local checkout) it does nothing; elsewhere it fetches and installs the package.
BOOTSTRAP = """\
# Set-up for running this notebook outside the book's environment (e.g. Colab).
# In Binder or a local copy of the book it does nothing.
import importlib
import importlib.util
import os
import subprocess
import sys

if importlib.util.find_spec("aicap") is None:
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", "--branch", "{branch}",
                    "{repository}", "aicap-book"], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "./aicap-book"],
                   check=True)
    os.environ["AICAP_DATA_DIR"] = os.path.abspath("aicap-book/data")
    importlib.invalidate_caches()
try:  # Colab needs this once for ipywidgets 8
    from google.colab import output

    output.enable_custom_widget_manager()
except ImportError:
    pass"""


def is_myst_notebook(text: str) -> bool:
    """True for a MyST Markdown notebook (a jupytext header naming the myst format)."""
    return text.startswith("---\njupytext:") and "format_name: myst" in text.split("\n---", 1)[0]


SOLUTION_BLOCK = re.compile(r"^:::\{solution\}.*?^:::[ \t]*\n?", flags=re.M | re.S)


def strip_solutions(text: str) -> str:
    """The chapter text without its ``{solution}`` blocks (exercises stay)."""
    return SOLUTION_BLOCK.sub("", text)


def download_notebook(
    source: Path, repository: str, branch: str = "main", *, student: bool = False
) -> str:
    """The chapter at ``source`` as ``.ipynb`` JSON: no outputs, set-up cell first.

    With ``student=True`` the solutions are left out.
    """
    text = source.read_text(encoding="utf-8")
    if student:
        text = strip_solutions(text)
    notebook = jupytext.reads(text, fmt="md:myst")
    setup = nbformat.v4.new_code_cell(BOOTSTRAP.format(repository=repository, branch=branch))
    setup.metadata["tags"] = ["setup"]
    notebook.cells.insert(0, setup)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    notebook.metadata.pop("jupytext", None)
    notebook.metadata.setdefault("language_info", {"name": "python"})
    nbformat.validate(notebook)
    return nbformat.writes(notebook)
