"""Lecturers' editions: the student build has no solutions; downloads and PDFs work."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import nbformat
import pytest

from aicap.notebooks import BOOTSTRAP, strip_solutions
from aicap.style import PALETTE

from .conftest import CHAPTERS, ROOT

pytestmark = pytest.mark.build


def _solution_phrases(chapter: Path) -> list[str]:
    """A distinctive sentence from each solution of a chapter (to look for in built pages)."""
    text = chapter.read_text(encoding="utf-8")
    phrases = []
    for block in re.findall(r"^:::\{solution\}.*?^:::$", text, flags=re.M | re.S):
        prose = [ln for ln in block.splitlines()[1:] if re.match(r"[A-Z][a-z ,;]{29}", ln)]
        if prose:
            phrases.append(re.sub(r"[`*{}]", "", prose[0])[:30])
    return phrases


@pytest.fixture(scope="session")
def student_site(built_site) -> Path:
    """Build the student edition (reusing the full build's execution cache)."""
    out = ROOT / "_build" / "student"
    command = [
        str(Path(sys.executable).with_name("jupyter-book")),
        "build",
        "--all",
        "-n",
        "-W",
        "--keep-going",
        "--path-output",
        str(out),
        str(ROOT),
    ]
    env = {**os.environ, "AICAP_EDITION": "student"}
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    if result.returncode != 0:
        pytest.fail("student build failed:\n" + result.stdout[-4000:] + result.stderr[-4000:])
    return out / "_build" / "html"


def test_strip_solutions_keeps_exercises():
    text = ":::{exercise}\n:label: a\nQ\n:::\n\n:::{solution} a\n:class: dropdown\nA\n:::\nafter\n"
    assert strip_solutions(text) == ":::{exercise}\n:label: a\nQ\n:::\n\nafter\n"


@pytest.mark.parametrize(
    "chapter", [c for c in CHAPTERS if "{solution}" in c.read_text()], ids=lambda p: p.stem
)
def test_full_build_has_solutions_and_student_build_has_none(built_site, student_site, chapter):
    full = (built_site / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
    student = (student_site / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
    phrases = _solution_phrases(chapter)
    assert phrases, "could not pick solution sentences to look for"
    assert 'class="solution' in full
    assert 'class="solution' not in student
    for phrase in phrases:
        assert phrase in full, phrase
        assert phrase not in student, phrase
    assert student.count('class="exercise') == full.count('class="exercise') > 0
    for path in (student_site / "_sources" / "chapters").glob(f"{chapter.stem}.*"):
        assert "{solution}" not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_each_chapter_offers_a_runnable_ipynb(built_site, chapter):
    page = (built_site / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
    assert f"{chapter.stem}.ipynb" in page, "no .ipynb in the download menu"
    notebook = nbformat.read(built_site / "_sources" / "chapters" / f"{chapter.stem}.ipynb", 4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(not cell.outputs and cell.execution_count is None for cell in code)
    assert code[0].source.startswith(BOOTSTRAP.splitlines()[0])
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_download_setup_cell_is_harmless_where_the_package_exists(built_site, tmp_path):
    """In an environment that has the book's package, the first cell installs nothing."""
    notebook = json.loads(
        (built_site / "_sources" / "chapters" / f"{CHAPTERS[0].stem}.ipynb").read_text()
    )
    setup = "".join(notebook["cells"][0]["source"])
    result = subprocess.run(
        [sys.executable, "-c", setup], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "aicap-book").exists()


def test_chapter_prints_to_pdf_with_its_figures(built_site, tmp_path):
    import shutil

    browsers = ["chromium", "chromium-browser", "google-chrome"]
    if not (
        any(map(shutil.which, browsers)) or os.environ.get("CHROMIUM_PATH") or os.environ.get("CI")
    ):
        pytest.skip("Chromium is not installed: PDF printing not tested")
    chapter = CHAPTERS[0].stem if CHAPTERS[0].stem != "introduction" else CHAPTERS[1].stem
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "print_pdf.py"),
            "--site",
            str(built_site),
            "--out",
            str(tmp_path),
            chapter,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    pdf = (tmp_path / f"{chapter}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    figures = (built_site / "chapters" / f"{chapter}.html").read_text().count("data:image/svg")
    # the figures are vector drawings in the PDF: count drawing operations in the book's palette
    # (the page itself uses none of these colours, so a PDF without its figures has zero)
    assert _palette_operations(pdf) >= figures > 0


def _palette_operations(pdf: bytes) -> int:
    """How often the PDF's page streams set a fill or stroke colour of aicap's palette."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, flags=re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # an image or font, not a content stream
    found = re.findall(rb"([0-9.]+) ([0-9.]+) ([0-9.]+) (?:rg|RG)\b", b"\n".join(streams))
    palette = {
        tuple(round(int(colour[i : i + 2], 16) / 255, 3) for i in (1, 3, 5))
        for colour in PALETTE.values()
        if colour != "#000000"
    }
    return sum(tuple(round(float(v), 3) for v in rgb) in palette for rgb in found)
