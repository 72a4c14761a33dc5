"""The package's own words in the Indonesian edition: figures, alt text, controls, tables,
self-checks and the page script, kept in the package's catalogues (aicap/locale)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from aicap import i18n
from aicap.i18n import (
    edition_numbers,
    english_leftovers,
    package_messages_in_code,
    package_problems,
    update_package_catalogues,
)
from aicap.interactive import Control
from aicap.selfcheck import all_chapters, load_questions, selfcheck_html
from aicap.style import figure_svg, new_figure, svg_texts
from aicap.tables import table_html

from .conftest import ROOT

matplotlib.use("Agg")


@pytest.fixture
def indonesian(monkeypatch):
    monkeypatch.setenv("AICAP_LANG", "id")


def test_every_text_the_package_shows_is_translated():
    """Every marked text of the code, every self-check text and every table text of the
    chapters has an up-to-date Indonesian translation with the English's placeholders and
    numbers, and no catalogue keeps an entry the code no longer uses."""
    assert package_problems("id") == []


@pytest.mark.parametrize(
    "english, indonesian_text",
    [
        ("Rp3,456,789 a month", "Rp3.456.789 a month"),
        ("42.1% of jobs", "42,1% of jobs"),
        ("from 1.48 to 2.18", "from 1,48 to 2,18"),
        ("2,000 simulated months", "2.000 simulated months"),
        ("−0.5", "−0,5"),
        ("in 2025, on an H100, TOP500", "in 2025, on an H100, TOP500"),  # no separator: unchanged
        ("GPT-4.5 and v1.5", "GPT-4.5 and v1.5"),  # part of a name
        (
            "Gemini 1.0 Ultra took 3.5 months",
            "Gemini 1.0 Ultra took 3,5 months",
        ),  # a model's version
        ("it costs 42. Then", "it costs 42. Then"),  # a full stop, not a decimal point
    ],
)
def test_numbers_inside_texts_take_the_edition_format(indonesian, english, indonesian_text):
    assert edition_numbers(english) == indonesian_text


def test_the_english_edition_keeps_its_numbers(monkeypatch):
    monkeypatch.setenv("AICAP_LANG", "en")
    assert edition_numbers("Rp3,456,789 and 42.1%") == "Rp3,456,789 and 42.1%"


def test_a_figure_shows_its_ticks_and_labels_in_the_edition_format(monkeypatch):
    def draw():
        figure = new_figure()
        axes = figure.axes[0]
        axes.plot([0.0, 1.5], [1000.0, 2500.0])
        axes.annotate("peak 2,500.5", (1.5, 2500.0))
        axes.set_title("share 42.1%")
        return figure

    monkeypatch.setenv("AICAP_LANG", "en")
    english = svg_texts(figure_svg(draw()))
    monkeypatch.setenv("AICAP_LANG", "id")
    indonesian_texts = svg_texts(figure_svg(draw()))
    assert "0.2" in english and "peak 2,500.5" in english and "share 42.1%" in english
    assert "0,2" in indonesian_texts and "2400" in indonesian_texts  # a year-like tick: as is
    assert "peak 2.500,5" in indonesian_texts and "share 42,1%" in indonesian_texts
    assert "0.2" not in indonesian_texts


def test_a_figure_drawn_twice_keeps_the_edition_format(indonesian):
    """The numbers of a text are rewritten once: a second SVG of the same figure (a live
    redraw reuses the figure) does not swap its separators back."""
    figure = new_figure()
    figure.axes[0].set_title("42.1%")
    figure_svg(figure)
    assert "42,1%" in svg_texts(figure_svg(figure))


def test_a_control_reads_its_value_in_the_edition_format(indonesian):
    control = Control("take", "Take", 0.125, low=0.0, high=1.0, step=0.005, scale=100, unit="%")
    assert control.shown(0.125) == "12,5%"


def test_a_table_is_shown_in_the_edition_format(indonesian):
    frame = pd.DataFrame({"place": ["Kota Bekasi"], "monthly_rp": [5690752.0], "share": [None]})
    html = table_html(frame, "Floors", columns={"place": "Place", "monthly_rp": "Rp", "share": "%"})
    assert "5.690.752" in html and "5,690,752" not in html
    assert "tidak ada angka untuk sel itu" in html  # the note on a missing value, translated


def test_marks_that_cannot_be_translated_are_found(tmp_path, monkeypatch):
    module = tmp_path / "figures_demo.py"
    module.write_text(
        textwrap.dedent(
            """
            name = "x"
            a = _(f"share {name}")
            b = _("share " + name)
            c = N_(name)
            d = _("fine {share}").format(share=1)
            e = f"{_('inside an f-string')}"
            """
        ),
        encoding="utf-8",
    )
    problems = i18n._marking_problems(module)
    assert len(problems) == 3, problems
    texts = [text for _function, _line, text in i18n._marked_texts(module) if text]
    assert texts == ["fine {share}", "inside an f-string"] or sorted(texts) == sorted(
        ["fine {share}", "inside an f-string"]
    )


def test_a_chapters_table_texts_are_found(tmp_path):
    chapter = tmp_path / "demo.md"
    chapter.write_text(
        textwrap.dedent(
            """\
            ---
            jupytext:
              text_representation:
                extension: .md
                format_name: myst
            kernelspec:
              name: python3
              display_name: Python 3
            ---

            # Demo

            ```{code-cell} ipython3
            show_table(
                frame.sort_values("monthly_rp"),
                "Legal floors",
                columns={"province": "Province", "monthly_rp": "Rp per month"},
                formats={"monthly_rp": "{:,.0f}"},
                notes=["Source: the decree.", f"{share:.0f}%"],
            )
            show_table(frame, f"A {gain:.0f}% gain")
            title = translate("The Bass model (p = {p:g})").format(p=0.03)
            ```
            """
        ),
        encoding="utf-8",
    )
    found = list(i18n._chapter_table_texts(chapter))
    texts = sorted(text for text, _number in found if text)
    assert texts == sorted(
        [
            "Legal floors",
            "Province",
            "Rp per month",
            "Source: the decree.",
            "The Bass model (p = {p:g})",
        ]
    )
    assert sum(1 for text, _number in found if text is None) == 1  # the f-string caption


def test_the_catalogues_follow_the_code(tmp_path, monkeypatch):
    """New texts arrive untranslated, a changed text is marked outdated (fuzzy), a text the
    code dropped leaves its catalogue; the hand-kept data catalogue is left alone."""
    folder = tmp_path / "id" / "LC_MESSAGES"
    (folder / "figures").mkdir(parents=True)
    (folder / "figures" / "demo.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "total hours (before = 100)"\nmsgstr "total jam kerja (sebelum = 100)"\n\n'
        'msgid "a label the code dropped"\nmsgstr "label yang dibuang"\n',
        encoding="utf-8",
    )
    (folder / "data.po").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "May"\nmsgstr "Mei"\n', encoding="utf-8"
    )
    monkeypatch.setattr(i18n, "PACKAGE_LOCALE", tmp_path)
    monkeypatch.setattr(
        i18n,
        "package_messages_in_code",
        lambda: {
            "figures/demo.po": {
                "total hours (before = 1000)": [("aicap/figures/demo.py", 3)],
                "a new title": [("aicap/figures/demo.py", 9)],
            }
        },
    )
    update_package_catalogues("id")
    from babel.messages.pofile import read_po

    with (folder / "figures" / "demo.po").open("rb") as handle:
        catalogue = read_po(handle, locale="id")
    changed = catalogue.get("total hours (before = 1000)")
    assert changed.fuzzy and changed.string == "total jam kerja (sebelum = 100)"
    assert catalogue.get("a new title").string == ""
    assert catalogue.get("a label the code dropped") is None
    assert "Mei" in (folder / "data.po").read_text(encoding="utf-8")


def test_a_translation_must_keep_placeholders_and_numbers(tmp_path, monkeypatch):
    folder = tmp_path / "id" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "aicap.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "break-even {value:.2f}"\nmsgstr "titik impas {nilai:.2f}"\n\n'
        'msgid "the 2.5% line"\nmsgstr "garis 2,5%"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "PACKAGE_LOCALE", tmp_path)
    monkeypatch.setattr(
        i18n,
        "package_messages_in_code",
        lambda: {
            "aicap.po": {"break-even {value:.2f}": [("x.py", 1)], "the 2.5% line": [("x.py", 2)]}
        },
    )
    monkeypatch.setattr(i18n, "_chapters_folder", lambda: tmp_path / "no-chapters")
    problems = "\n".join(package_problems("id"))
    assert "placeholders differ in 'break-even {value:.2f}'" in problems
    assert "numbers not in the English ['2,5']" in problems


def test_leftover_english_is_found():
    assert english_leftovers("total hours before the gain, 42.1") == ["before", "the", "42.1"]
    assert english_leftovers("Jam kerja total (sebelum = 100), 42,1%") == []


@pytest.mark.parametrize("chapter", all_chapters())
def test_the_self_checks_read_in_indonesian(indonesian, chapter):
    """Each question, option and explanation is shown in Indonesian, with numbers in the
    Indonesian format (the values are stand-ins: only the words are checked)."""
    questions = load_questions(chapter)
    names = set().union(*(question.names() for question in questions))
    page = selfcheck_html(chapter, **{name: 1234.5 for name in names})
    text = re.sub(r"<[^>]+>", " ", page)
    assert english_leftovers(text) == []
    assert "1,234.5" not in text


def test_the_page_script_speaks_both_languages():
    """Every text the page script shows a reader (``say("...")``) has its Indonesian."""
    script = (ROOT / "aicap" / "static" / "aicap.js").read_text(encoding="utf-8")
    block = script[script.index("const WORDS") : script.index("const say")]
    known = set(re.findall(r'^\s*"((?:[^"\\]|\\.)*)":', block, re.M))
    said = re.findall(r'say\(((?:\s*"(?:[^"\\]|\\.)*"\s*\+?)+)\)', script)
    texts = {"".join(re.findall(r'"((?:[^"\\]|\\.)*)"', call)) for call in said}
    texts |= set(re.findall(r'say\(right \? "([^"]*)" : "([^"]*)"\)', script)[0])
    assert len(texts) >= 8
    assert texts <= known, sorted(texts - known)


def test_every_package_text_is_extracted_from_where_the_reader_sees_it():
    """The figures, the self-checks and the chapters' tables each have their catalogue."""
    names = set(package_messages_in_code())
    assert {f"selfchecks/{chapter}.po" for chapter in all_chapters()} <= names
    assert {f"chapters/{path.stem}.po" for path in (ROOT / "chapters").glob("*.md")} <= names
    assert {
        f"figures/{path.stem}.po" for path in (ROOT / "aicap" / "figures").glob("[!_]*.py")
    } <= names


def test_the_package_ships_its_catalogues():
    """The wheel carries every catalogue (a notebook on Colab installs only the wheel)."""
    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["package-data"]["aicap"]
    catalogues = list((ROOT / "aicap").glob("locale/*/LC_MESSAGES/**/*.po"))
    assert catalogues
    for path in catalogues:
        relative = path.relative_to(ROOT / "aicap").as_posix()
        assert any(Path(relative).match(pattern) for pattern in patterns), relative


@pytest.mark.parametrize("chapter", sorted(path.stem for path in (ROOT / "chapters").glob("*.md")))
def test_the_indonesian_notebook_finds_every_paragraph_in_the_catalogue(chapter):
    """The notebook downloaded from an Indonesian page is translated unit by unit, from the
    catalogue the page is built from: no heading, paragraph, list item or box title of the
    chapter's prose is left without its translation."""
    import jupytext

    from aicap.notebooks import _Translation, page_translations, translate_myst

    translation = _Translation(page_translations(ROOT, f"chapters/{chapter}", "id"))
    notebook = jupytext.read(ROOT / "chapters" / f"{chapter}.md", fmt="md:myst")
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            translate_myst(cell.source, translation)
    assert translation.missing == []
    assert translation.found > 50


def test_translating_myst_keeps_its_structure_code_and_maths():
    from aicap.notebooks import _Translation, translate_myst

    source = textwrap.dedent(
        """\
        (sec-x)=
        ## Two effects

        The first effect is large. It was measured in
        2023. It held.

        - **A point** that runs on
          to a second line,
        lazily continued.
        - Untranslated item.

        :::{admonition} Evidence check
        :class: tip
        Inside the box.
        :::

        $$
        x = 1
        $$

        ```python
        print("code")
        ```
        """
    )
    messages = {
        "Two effects": "Dua efek",
        "The first effect is large. It was measured in 2023. It held.": "Efek pertama besar.",
        "**A point** that runs on to a second line, lazily continued.": "**Satu hal** panjang.",
        "Evidence check": "Cek bukti",
        "Inside the box.": "Di dalam kotak.",
    }
    translation = _Translation(messages)
    result = translate_myst(source, translation)
    assert result.splitlines()[:4] == ["(sec-x)=", "## Dua efek", "", "Efek pertama besar."]
    assert "- **Satu hal** panjang.\n- Untranslated item." in result
    assert ":::{admonition} Cek bukti\n:class: tip\nDi dalam kotak.\n:::" in result
    assert "$$\nx = 1\n$$" in result and 'print("code")' in result
    assert translation.missing == ["Untranslated item."] and translation.found == 5
