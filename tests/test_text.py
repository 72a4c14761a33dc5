"""Key terms and the glossary page are built from the one glossary table; the instructor
guide's chapter overviews are read from the chapter files."""

from __future__ import annotations

import math
import re

import pytest
import yaml

from aicap.data import load
from aicap.text import (
    MINUTES_PER_EXERCISE,
    WORDS_PER_MINUTE,
    book_chapters,
    chapter_guide,
    chapter_label,
    chapter_overview,
    chapters_at_a_glance,
    glossary,
    key_terms,
)

from .conftest import ROOT


def test_glossary_shows_every_row():
    text = glossary().data
    terms = load("glossary")
    entries = re.findall(r"^\*\*(.+?)\*\* \(\*(.+?)\*\)$", text, flags=re.M)
    assert len(entries) == len(terms)
    assert sorted(entries) == sorted(zip(terms["term"], terms["indonesian"], strict=True))
    for definition in terms["definition"]:
        assert definition in text


def test_glossary_is_alphabetical_and_grouped_by_letter():
    text = glossary().data
    entries = re.findall(r"^\*\*(.+?)\*\* \(\*", text, flags=re.M)
    keys = [term.casefold() for term in entries]
    assert keys == sorted(keys)
    letters = re.findall(r"^\*\*(.)\*\*$", text, flags=re.M)
    assert letters == sorted(set(letters))
    assert set(letters) == {term.strip()[0].upper() for term in entries if term[0].isalpha()}


def test_glossary_links_each_term_to_its_chapter():
    text = glossary().data
    for chapter in set(load("glossary")["chapter"]):
        assert f"{{ref}}`{chapter_label(chapter)}`" in text
    assert "{ref}" not in glossary(link_chapters=False).data


def test_every_glossary_chapter_exists_with_its_label():
    for chapter in sorted(set(load("glossary")["chapter"])):
        path = ROOT / "chapters" / f"{chapter}.md"
        assert path.exists(), f"glossary.csv names chapter {chapter!r}, but {path} is missing"
        assert f"({chapter_label(chapter)})=" in path.read_text(encoding="utf-8")


def test_key_terms_lists_only_that_chapter():
    terms = load("glossary")
    rows = terms[terms["chapter"] == "creative_destruction"]
    text = key_terms("creative_destruction").data
    assert text.count("**") == 2 * len(rows)


def test_key_terms_of_an_unknown_chapter_fail_clearly():
    with pytest.raises(ValueError, match="has no terms"):
        key_terms("no_such_chapter")


def test_chapter_label_convention():
    assert chapter_label("creative_destruction") == "chapter-creative-destruction"


# The instructor guide's chapter overviews ---------------------------------------------------

HEADER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  name: python3
---
"""

MINI = (
    HEADER
    + """
(chapter-mini)=
# Mini chapter

:::{admonition} Learning objectives
:class: tip

After this chapter you should be able to:

1. explain one thing;
2. compute another thing
   over two lines.
:::

Some prose here.

```{code-cell} ipython3
# A comment, not a title
print("these words are code")
```

$$
E = m c^2
$$

## Exercises

:::{exercise}
:label: mini-ex-one

Solve it.
:::

:::{solution} mini-ex-one
:class: dropdown

The answer is long.
:::

:::{exercise}
:label: mini-ex-two

Again.
:::

```{bibliography}
:filter: docname in docnames
```
"""
)
# Words of prose in MINI: "Mini chapter" (2), "Learning objectives" (2), the lead-in (8), the
# two objectives (3 + 6), "Some prose here." (3) and "Exercises" (1).
MINI_WORDS = 25


def _write(folder, stem, text):
    (folder / f"{stem}.md").write_text(text, encoding="utf-8")
    return stem


def test_chapter_overview_reads_title_objectives_and_exercises(tmp_path):
    overview = chapter_overview(_write(tmp_path, "mini", MINI), chapters=tmp_path)
    assert overview["title"] == "Mini chapter"
    assert overview["label"] == "chapter-mini"
    assert overview["objectives"] == ["explain one thing;", "compute another thing over two lines."]
    assert overview["objectives_box"] == "Learning objectives"
    assert overview["exercises"] == 2
    assert overview["exercise_labels"] == ["mini-ex-one", "mini-ex-two"]
    assert overview["exercise_minutes"] == 2 * MINUTES_PER_EXERCISE == 40


def test_chapter_overview_counts_prose_words_only(tmp_path):
    assert (
        chapter_overview(_write(tmp_path, "mini", MINI), chapters=tmp_path)["words"] == MINI_WORDS
    )
    padding = " ".join(["word"] * 400)
    elsewhere = {
        "code": MINI.replace('print("these', f'print("{padding}'),
        "solution": MINI.replace("The answer is long.", padding),
        "exercise": MINI.replace("Solve it.", padding),
    }
    for stem, text in elsewhere.items():
        overview = chapter_overview(_write(tmp_path, stem, text), chapters=tmp_path)
        assert overview["words"] == MINI_WORDS, f"words in the {stem} were counted"


def test_chapter_overview_reading_time_is_words_at_200_a_minute_rounded_up(tmp_path):
    assert WORDS_PER_MINUTE == 200
    for extra, minutes in [(0, 1), (175, 1), (176, 2), (575, 3), (576, 4)]:
        padding = " ".join(["word"] * extra)
        text = MINI.replace("Some prose here.", f"Some prose here. {padding}")
        overview = chapter_overview(_write(tmp_path, f"pad{extra}", text), chapters=tmp_path)
        assert overview["words"] == MINI_WORDS + extra
        assert overview["reading_minutes"] == math.ceil((MINI_WORDS + extra) / 200) == minutes


def test_chapter_overview_without_objectives_fails_naming_the_file(tmp_path):
    text = HEADER + "\n# No objectives\n\nJust prose.\n"
    with pytest.raises(ValueError, match=r"no_objectives\.md.*learning objectives"):
        chapter_overview(_write(tmp_path, "no_objectives", text), chapters=tmp_path)
    empty_box = MINI.replace("1. explain one thing;\n2. compute another thing\n", "")
    empty_box = empty_box.replace("   over two lines.\n", "")
    with pytest.raises(ValueError, match="empty_box.md"):
        chapter_overview(_write(tmp_path, "empty_box", empty_box), chapters=tmp_path)


def test_chapter_overview_reads_an_in_this_chapter_box_as_topics(tmp_path):
    text = HEADER + (
        "\n# Intro\n\n:::{admonition} In this chapter\n:class: tip\n\n"
        "What *AI capitalism* means; the three challenges;\nand how to read the book.\n:::\n"
    )
    overview = chapter_overview(_write(tmp_path, "intro", text), chapters=tmp_path)
    assert overview["objectives_box"] == "In this chapter"
    assert overview["objectives"] == [
        "what *AI capitalism* means",
        "the three challenges",
        "how to read the book",
    ]
    assert overview["exercises"] == 0 and overview["exercise_minutes"] == 0


def _toc_chapters() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [entry["file"] for part in toc["parts"] for entry in part.get("chapters", [])]
    return [file.removeprefix("chapters/") for file in files if file.startswith("chapters/")]


def test_book_chapters_are_the_chapters_of_the_toc_in_order():
    assert book_chapters() == _toc_chapters()
    assert len(_toc_chapters()) >= 7


@pytest.mark.parametrize("stem", _toc_chapters())
def test_every_chapter_has_objectives_and_exercises_for_the_guide(stem):
    overview = chapter_overview(stem)
    assert len(overview["objectives"]) >= 2, f"{stem}: fewer than 2 learning objectives"
    assert overview["title"] and overview["words"] > 500
    if stem != "introduction":
        assert overview["exercises"] >= 3, f"{stem}: fewer than 3 exercises"
        assert len(overview["exercise_labels"]) == overview["exercises"], "unlabelled exercise"


def test_instructor_guide_names_only_real_exercises_and_every_chapter():
    guide = (ROOT / "instructor_guide.md").read_text(encoding="utf-8")
    labels = {
        label for stem in _toc_chapters() for label in chapter_overview(stem)["exercise_labels"]
    }
    referred = set(re.findall(r"\{ref\}`(?:[^`<]*<)?([\w-]+-ex-[\w-]+)>?`", guide))
    assert referred, "the guide refers to no exercise"
    assert referred <= labels, f"unknown exercise labels: {sorted(referred - labels)}"
    for stem in _toc_chapters():
        assert f'chapter_guide("{stem}")' in guide, f"the guide has no entry for {stem}"


def test_chapter_guide_lists_objectives_and_links_exercises():
    overview = chapter_overview("creative_destruction")
    text = chapter_guide("creative_destruction").data
    assert f"{{ref}}`{overview['label']}`" in text
    for number, objective in enumerate(overview["objectives"], start=1):
        assert f"{number}. {objective}" in text
    for label in overview["exercise_labels"]:
        assert f"{{ref}}`{label}`" in text
    table = chapters_at_a_glance().data
    assert table.count("\n|") == len(_toc_chapters()) + 2  # separator, chapters, totals
