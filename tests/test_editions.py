"""Lecturers' editions: the student build has no solutions; downloads and PDFs work."""

from __future__ import annotations

import functools
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


# A run of 30 plain characters (letters, spaces, commas) inside one source line reads the same
# in the built page, the search sources and the notebooks: no markup, no entity, no line break.
_PLAIN = re.compile(r"[A-Za-z][a-z ,;]{29}")


@functools.cache
def _student_visible() -> str:
    """Every page's source as the student edition keeps it (solutions removed), and the
    book's package, which it ships."""
    pages = [p for p in ROOT.glob("*.md") if p.name != "instructor_guide.md"] + CHAPTERS
    code = sorted((ROOT / "aicap").rglob("*.py"))
    return "\n".join(
        [strip_solutions(p.read_text(encoding="utf-8")) for p in pages]
        + [p.read_text(encoding="utf-8") for p in code]
    )


def _distinctive(lines, visible: str) -> str | None:
    """The first plain 30-character run of these lines that no student page has."""
    for line in lines:
        for match in _PLAIN.finditer(line):
            if match.group() not in visible:
                return match.group()
    return None


def _solution_phrases(chapter: Path) -> list[str]:
    """A distinctive phrase from each solution of a chapter (to look for in built pages)."""
    text = chapter.read_text(encoding="utf-8")
    visible = _student_visible()
    blocks = re.findall(r"^:::\{solution\}.*?^:::$", text, flags=re.M | re.S)
    prose = [re.sub(r"^(`{3,}|~{3,}).*?^\1$", "", block, flags=re.M | re.S) for block in blocks]
    phrases = [
        _distinctive([ln for ln in block.splitlines()[1:] if not ln.startswith(":")], visible)
        for block in prose
    ]
    return [phrase for phrase in phrases if phrase]


@pytest.fixture(scope="session")
def student_site(built_site) -> Path:
    """Build the student edition as a lecturer does (`make student`), after the full build."""
    env = {k: v for k, v in os.environ.items() if k != "AICAP_SITE"}
    result = subprocess.run(["make", "student"], capture_output=True, text=True, cwd=ROOT, env=env)
    if result.returncode != 0:
        pytest.fail("student build failed:\n" + result.stdout[-4000:] + result.stderr[-4000:])
    return ROOT / "_build" / "student" / "_build" / "html"


def _texts_of(site: Path):
    """Every file of a site as text, states and the wheel unpacked: (name, text)."""
    import gzip as gz
    import zipfile

    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gz.decompress(data)
        if path.suffix == ".whl":
            with zipfile.ZipFile(path) as wheel:
                for member in wheel.namelist():
                    yield f"{path.name}/{member}", wheel.read(member).decode("utf-8", "replace")
            continue
        if path.suffix in {".woff2", ".woff", ".ttf", ".png", ".ico"}:
            continue
        yield str(path.relative_to(site)), data.decode("utf-8", "replace")


def _rubric_phrases() -> list[str]:
    """Distinctive phrases from the instructor notes (several from each chapter's notes)."""
    visible = _student_visible()
    phrases = []
    for path in sorted((ROOT / "instructor").glob("*.md")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n")[1:]:
            phrase = _distinctive(paragraph.splitlines(), visible)
            if phrase:
                phrases.append(phrase)
    return phrases


def _solution_only_glue(chapter: Path) -> set[str]:
    """Glued names that only a solution's text uses."""
    text = chapter.read_text(encoding="utf-8")
    solutions = "".join(re.findall(r"^:::\{solution\}.*?^:::$", text, flags=re.M | re.S))
    rest = strip_solutions(text)
    used = set(re.findall(r"\{glue:text\}`([\w.-]+)", solutions))
    return {name for name in used if f"`{name}" not in rest and f"`{name}:" not in rest}


def test_the_student_edition_has_nothing_to_find(built_site, student_site):
    """No solution sentence, no rubric, no instructor page, anywhere in the student edition:
    pages, search index, sources, notebooks, states, the wheel."""
    phrases = [phrase for chapter in CHAPTERS for phrase in _solution_phrases(chapter)]
    phrases += _rubric_phrases()
    assert len(phrases) > 20, "could not pick solution and rubric sentences to look for"
    full = "\n".join(text for _, text in _texts_of(built_site))
    assert all(phrase in full for phrase in _solution_phrases(CHAPTERS[1]))  # the check can find
    leaks = [
        f"{name}: {phrase!r}"
        for name, text in _texts_of(student_site)
        for phrase in phrases
        if phrase in text
    ]
    assert not leaks, "\n".join(leaks[:20])
    assert not (student_site / "instructor_guide.html").exists()
    glued = ROOT / "_build" / "student" / "_build" / "jupyter_execute" / "chapters"
    for chapter in CHAPTERS:
        hidden = _solution_only_glue(chapter)
        data = glued / f"{chapter.stem}.glue.json"
        computed = set(json.loads(data.read_text())) if data.exists() else set()
        assert not hidden & computed, (
            f"{chapter.name}: the student edition computes {hidden & computed}"
        )


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
        text = path.read_text(encoding="utf-8")
        assert "{solution}" not in text and "Solution to Exercise" not in text, path.name


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
    """In an environment that has this build's package, the first cell installs nothing."""
    notebook = json.loads(
        (built_site / "_sources" / "chapters" / f"{CHAPTERS[0].stem}.ipynb").read_text()
    )
    setup = "".join(notebook["cells"][0]["source"])
    result = subprocess.run(
        [sys.executable, "-c", setup], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Installing" not in result.stdout and not list(tmp_path.iterdir())


@pytest.mark.parametrize("edition", ["en", "id"])
def test_chapter_prints_to_pdf_with_its_figures(request, edition, tmp_path):
    """`make pdf` prints each edition's chapters (the Indonesian ones from its own pages)."""
    import shutil

    built_site = request.getfixturevalue("built_site" if edition == "en" else "built_id_site")
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
    figures = (
        (built_site / "chapters" / f"{chapter}.html").read_text().count('<img class="dark-light"')
    )
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


def _normal(text: str) -> str:
    return " ".join(text.split())


@functools.cache
def _indonesian_solution_phrases() -> list[str]:
    """A distinctive phrase of the Indonesian translation of each solution paragraph: the
    catalogue entries whose English is a solution's text and nowhere else in the page."""
    from aicap.i18n import read_catalogues

    entries = [
        (relative, message)
        for relative, catalogue in read_catalogues(ROOT / "locale", "id")
        for message in catalogue
        if message.id and message.string
    ]
    # the package's own words (figures, self-checks) are on every page of both editions: a
    # phrase that is also one of them tells nothing about a solution
    package_words = "\n".join(
        message.string
        for _relative, catalogue in read_catalogues(ROOT / "aicap" / "locale", "id")
        for message in catalogue
        if message.id and isinstance(message.string, str)
    )
    phrases = []
    for chapter in CHAPTERS:
        text = chapter.read_text(encoding="utf-8")
        blocks = re.findall(r"^:::\{solution\}.*?^:::$", text, flags=re.M | re.S)
        solutions, rest = _normal("\n".join(blocks)), _normal(strip_solutions(text))
        own = [
            message
            for relative, message in entries
            if relative.stem == chapter.stem
            and len(message.id) > 60
            and _normal(message.id) in solutions
            and _normal(message.id) not in rest
        ]
        others = "\n".join(m.string for _, m in entries if m not in own) + package_words
        for message in own:
            run = next(
                (
                    found.group()
                    for found in _PLAIN.finditer(message.string)
                    if found.group() not in others
                ),
                None,
            )
            if run:
                phrases.append(run)
    return phrases


def test_the_indonesian_student_edition_has_nothing_to_find(built_id_site, student_site):
    """The Indonesian student edition (id/ of the student site) holds no sentence of the
    Indonesian solutions and no instructor page, while the full Indonesian edition has them."""
    phrases = _indonesian_solution_phrases()
    assert len(phrases) > 20, "could not pick Indonesian solution sentences to look for"
    full = "\n".join(text for _, text in _texts_of(built_id_site))
    assert all(phrase in full for phrase in phrases)  # the check can find them
    indonesian = student_site / "id"
    assert (indonesian / "index.html").exists(), "no Indonesian student edition"
    leaks = [
        f"{name}: {phrase!r}"
        for name, text in _texts_of(indonesian)
        for phrase in phrases
        if phrase in text
    ]
    assert not leaks, "\n".join(leaks[:20])
    assert not (indonesian / "instructor_guide.html").exists()
