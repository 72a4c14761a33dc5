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
    "Summary",
    "Check yourself",
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


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
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


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_at_least_half_the_exercises_need_no_code(path):
    """A lecturer can set most exercises without computers: by hand, a calculator or a
    spreadsheet (marked ``:class: by-hand``)."""
    text = path.read_text(encoding="utf-8")
    exercises = re.findall(r"^:::\{exercise\}[^\n]*\n((?::[\w-]+:[^\n]*\n)*)", text, flags=re.M)
    by_hand = [
        options for options in exercises if re.search(r"^:class:.*\bby-hand\b", options, re.M)
    ]
    assert exercises and 2 * len(by_hand) >= len(exercises), (
        f"{path.name}: {len(by_hand)} of {len(exercises)} exercises marked by-hand"
    )


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_every_setting_the_text_names_is_on_the_page(path):
    """Each {setting} link names a figure of this chapter and values among its page positions."""
    from aicap.interactive import parse_setting, setting_problems

    text = path.read_text(encoding="utf-8")
    shown = set(re.findall(r"figures\.(\w+)\(\)\.show\(\)", text))
    for content in re.findall(r"\{setting\}`([^`]+)`", text):
        _, figure, values = parse_setting(content)
        assert figure in shown, f"{path.name}: {figure} is not shown in this chapter"
        assert not setting_problems(figure, values), setting_problems(figure, values)


def _indonesian_forms(term: str, indonesian: str) -> list[str]:
    """The Indonesian forms a glossary row allows ("PHK; pengurangan karyawan (formal)"). A loan
    word counts ("backfire"), but not the English term glossed in brackets ("dorongan (nudge)")
    or its abbreviation ("RCT"); English notes ("on the road: ...") are dropped."""
    plain = indonesian.replace("*", "")
    bracketed = re.findall(r"\(([^)]*)\)", plain)
    main = re.sub(r"\([^)]*\)", " ", plain)
    english = term.lower()
    forms = []
    for text, loan_word_ok in [(main, True)] + [(b, False) for b in bracketed]:
        for part in re.split(r";| atau ", text):
            part = re.sub(
                r"^\s*(on the road|officially|in the decrees|in academic writing|for [\w ]+?)"
                r"\s*:?\s",
                "",
                part,
            )
            part = " ".join(part.split()).strip(" ,.:")
            is_english = part.lower() in english and not (loan_word_ok and part.lower() == english)
            if len(part) >= 3 and not is_english:
                forms.append(part)
    return forms


def test_indonesian_forms_of_a_glossary_row():
    assert _indonesian_forms("layoff", "PHK; pengurangan karyawan") == [
        "PHK",
        "pengurangan karyawan",
    ]
    assert _indonesian_forms("randomised controlled trial (RCT)", "uji acak (RCT)") == ["uji acak"]
    assert _indonesian_forms("nudge", "dorongan (nudge); on the road: insentif") == [
        "dorongan",
        "insentif",
    ]
    assert _indonesian_forms("backfire", "backfire; efek rebound di atas 100%") == [
        "backfire",
        "efek rebound di atas 100%",
    ]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_uses_its_indonesian_terms_in_the_running_text(path):
    """A student meets each key term's Indonesian form where the text explains the thing, not
    only in the list at the end."""
    from aicap.data import load

    text = path.read_text(encoding="utf-8").split("## Key terms")[0]
    body = " ".join(text.replace("*", "").split()).lower()
    terms = load("glossary")
    rows = terms[terms["chapter"] == path.stem]
    assert len(rows) >= 5, "a chapter needs its key terms in data/glossary.csv"
    missing = [
        f"{row.term}: {row.indonesian}"
        for row in rows.itertuples()
        if not any(form.lower() in body for form in _indonesian_forms(row.term, row.indonesian))
    ]
    assert not missing, f"Indonesian terms not used in the text: {missing}"
