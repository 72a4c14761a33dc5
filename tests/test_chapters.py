"""Each chapter runs top to bottom in a fresh kernel, as a Binder reader would run it."""

from __future__ import annotations

import re

import nbformat
import pytest
from myst_nb.core.read import read_myst_markdown_notebook
from myst_parser.config.main import MdParserConfig
from nbclient import NotebookClient

from .conftest import CHAPTERS, ROOT

REQUIRED_SECTIONS = [
    "Learning objectives",
    "Evidence check",
    "Exercises",
    "Key terms",
    "References",
]


def read_chapter(path):
    config = MdParserConfig(enable_extensions={"colon_fence", "dollarmath", "amsmath"})
    return read_myst_markdown_notebook(path.read_text(encoding="utf-8"), config)


def test_there_are_chapters():
    assert CHAPTERS


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_executes_top_to_bottom(path, monkeypatch):
    """Live mode (no AICAP_STATIC): widgets are built, every cell must run without error."""
    monkeypatch.delenv("AICAP_STATIC", raising=False)
    notebook = read_chapter(path)
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    errors = [
        out
        for cell in notebook.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    assert not errors


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_is_a_myst_notebook_without_outputs(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\njupytext:"), "chapter needs the jupytext MyST header"
    assert "format_name: myst" in text
    notebook = read_chapter(path)
    nbformat.validate(notebook)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


@pytest.mark.parametrize(
    "path", [p for p in CHAPTERS if p.stem != "introduction"], ids=lambda p: p.stem
)
def test_chapter_has_the_required_parts(path):
    text = path.read_text(encoding="utf-8")
    for section in REQUIRED_SECTIONS:
        heading_or_box = rf"^(#+ |:::\{{admonition\}} ).*{section}"
        assert re.search(heading_or_box, text, flags=re.M | re.I), f"missing: {section}"
    assert len(re.findall(r"^:::\{exercise\}|^```\{exercise\}", text, flags=re.M)) >= 3
    assert len(re.findall(r"^:::\{solution\}|^```\{solution\}", text, flags=re.M)) >= 3
    assert "{bibliography}" in text
    assert ".show()" in text, "a chapter needs at least one interactive figure"


def test_chapters_do_not_edit_sys_path_or_read_shared():
    for path in CHAPTERS:
        text = path.read_text(encoding="utf-8")
        assert "sys.path" not in text, path.name
        assert "../shared" not in text and "shared/facts" not in text, path.name


def test_every_chapter_is_in_the_table_of_contents():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for path in CHAPTERS:
        assert f"chapters/{path.stem}" in toc, f"{path.name} is not in _toc.yml"


def _solution_code_blocks(text: str) -> list[str]:
    """Python code fenced inside {solution} directives."""
    blocks = []
    for solution in re.findall(r"^:::\{solution\}.*?^:::$", text, flags=re.M | re.S):
        blocks += re.findall(r"^```python\n(.*?)^```$", solution, flags=re.M | re.S)
    return blocks


SOLUTION_BLOCKS = [
    pytest.param(code, id=f"{path.stem}-{i}")
    for path in CHAPTERS
    for i, code in enumerate(_solution_code_blocks(path.read_text(encoding="utf-8")))
]


@pytest.mark.parametrize("code", SOLUTION_BLOCKS)
def test_solution_code_runs_as_written(code, capsys):
    exec(compile(code, "<solution>", "exec"), {})  # noqa: S102 - our own solution code
    assert capsys.readouterr().out.strip(), "a solution block should print its answer"
