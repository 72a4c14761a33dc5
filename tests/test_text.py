"""Key terms and the glossary page are built from the one glossary table; the instructor
guide's chapter overviews and the course plan (RPS) are read from the chapter files."""

from __future__ import annotations

import math
import re

import pytest
import yaml

from aicap.data import load
from aicap.selfcheck import FOLDER as SELFCHECKS
from aicap.selfcheck import load_questions
from aicap.text import (
    COURSE_CPL,
    COURSE_CPMK,
    MINUTES_PER_EXERCISE,
    MINUTES_PER_SKS,
    READING_SPEED_RANGE,
    SEMESTER_WEIGHTS,
    SHORT_COURSE_WEIGHTS,
    WORDS_PER_MINUTE,
    book_chapters,
    chapter_guide,
    chapter_label,
    chapter_overview,
    chapter_parts,
    chapter_sections,
    chapters_at_a_glance,
    course_plan_facts,
    glossary,
    key_terms,
    meetings_per_chapter,
    rps_assessment_table,
    rps_cpl_table,
    rps_cpmk_table,
    rps_meeting_table,
    selfcheck_count,
    semester_plan,
    short_course_plan,
    short_course_table,
    study_time,
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


def test_chapter_overview_reading_time_is_words_at_130_a_minute_rounded_up(tmp_path):
    # B1–B2 readers of English read about 120–150 words a minute; the book assumes 130
    assert WORDS_PER_MINUTE == 130
    low, high = READING_SPEED_RANGE
    assert (low, high) == (120, 150) and low <= WORDS_PER_MINUTE <= high
    cases = [(0, 1), (130 - MINI_WORDS, 1), (131 - MINI_WORDS, 2)]
    cases += [(390 - MINI_WORDS, 3), (391 - MINI_WORDS, 4)]
    for extra, minutes in cases:
        padding = " ".join(["word"] * extra)
        text = MINI.replace("Some prose here.", f"Some prose here. {padding}")
        overview = chapter_overview(_write(tmp_path, f"pad{extra}", text), chapters=tmp_path)
        assert overview["words"] == MINI_WORDS + extra
        assert overview["reading_minutes"] == math.ceil((MINI_WORDS + extra) / 130) == minutes


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
    assert overview["exercises"] >= 3, f"{stem}: fewer than 3 exercises"
    assert len(overview["exercise_labels"]) == overview["exercises"], "unlabelled exercise"


def test_instructor_guide_names_only_real_exercises_and_every_chapter():
    # the guide's page: its own file and the chapter notes it includes
    guide = (ROOT / "instructor_guide.md").read_text(encoding="utf-8")
    included = re.findall(r"^```\{include\} (\S+)", guide, flags=re.M)
    guide += "".join((ROOT / name).read_text(encoding="utf-8") for name in included)
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


# The course plan (RPS) ----------------------------------------------------------------------


def _words(word: str, count: int) -> str:
    return " ".join([word] * count)


def _fruit_and_tractors(stem: str, fruit: int = 300, tractors: int = 300) -> str:
    """A chapter with a section on bananas and one on tractors, an objective and an exercise
    about each, and a code cell whose '## comment' must not start a section."""
    return (
        HEADER
        + f"""
({chapter_label(stem)})=
# Farms: two halves

:::{{admonition}} Learning objectives
:class: tip

1. explain why bananas ripen in the market;
2. compare the tractors farmers rent.
:::

## Bananas

Bananas ripen. {_words("banana", fruit)}

```{{code-cell}} ipython3
## not a heading: a comment in a code cell
print("tractor tractor tractor")
```

:::{{admonition}} Evidence check: who weighs the bananas?
Market traders weigh bananas.
:::

## Tractors

Tractors plough. {_words("tractor", tractors)}

### Try it: the tractor rental

Move the slider.

## Summary

Bananas and tractors.

## Exercises

:::{{exercise}}
:label: {stem}-ex-tractor
:class: by-hand

**Rent a tractor.** How many tractors does a farmer rent?
:::

:::{{solution}} {stem}-ex-tractor
:class: dropdown

Two tractors.
:::

:::{{exercise}}
:label: {stem}-ex-banana

**Critical thinking.** Why do bananas ripen faster in the market?
:::
"""
    )


def _questions(count: int) -> str:
    return "".join(
        f'[[question]]\nid = "q{n}"\ntext = "Which?"\n\n'
        '[[question.option]]\ntext = "A"\ncorrect = true\nwhy = "Right."\n\n'
        '[[question.option]]\ntext = "B"\nwhy = "Wrong."\n\n'
        for n in range(count)
    )


def test_chapter_sections_cut_at_level_two_headings_outside_code(tmp_path):
    stem = _write(tmp_path, "farm", _fruit_and_tractors("farm"))
    sections = chapter_sections(stem, chapters=tmp_path)
    assert [s["title"] for s in sections] == [None, "Bananas", "Tractors", "Summary", "Exercises"]
    assert [s["end"] for s in sections] == [False, False, False, True, True]
    assert sum(s["words"] for s in sections) == chapter_overview(stem, tmp_path)["words"]
    assert sections[1]["evidence"] == ["Evidence check: who weighs the bananas?"]
    assert sections[2]["try_it"] == ["Try it: the tractor rental"]
    assert "## not a heading" in sections[1]["text"]


@pytest.mark.parametrize("stem", _toc_chapters())
def test_the_sections_of_every_chapter_add_up_to_its_prose(stem):
    sections = chapter_sections(stem)
    assert sum(s["words"] for s in sections) == chapter_overview(stem)["words"]
    assert sum(1 for s in sections if not s["end"] and s["title"]) >= 2


def test_chapter_overview_reads_by_hand_titles_and_critical_exercises(tmp_path):
    overview = chapter_overview(_write(tmp_path, "farm", _fruit_and_tractors("farm")), tmp_path)
    assert overview["exercise_labels"] == ["farm-ex-tractor", "farm-ex-banana"]
    assert overview["by_hand"] == ["farm-ex-tractor"]
    assert overview["critical"] == ["farm-ex-banana"]
    assert overview["exercise_titles"] == {
        "farm-ex-tractor": "Rent a tractor",
        "farm-ex-banana": "Critical thinking",
    }


def test_selfcheck_count_reads_the_questions_file_when_there_is_one(tmp_path):
    (tmp_path / "farm.toml").write_text(_questions(3), encoding="utf-8")
    assert selfcheck_count("farm", tmp_path) == 3
    assert selfcheck_count("no_such_chapter", tmp_path) is None
    for path in sorted(SELFCHECKS.glob("*.toml")):
        assert selfcheck_count(path.stem) == len(load_questions(path.stem))


def test_chapter_parts_send_objectives_and_exercises_with_their_sections(tmp_path):
    stem = _write(tmp_path, "farm", _fruit_and_tractors("farm"))
    (tmp_path / "farm.toml").write_text(_questions(2), encoding="utf-8")
    first, second = chapter_parts(stem, 2, chapters=tmp_path, selfchecks=tmp_path)
    assert first["sections"] == ["Bananas"] and second["sections"] == ["Tractors"]
    assert [n for n, _ in first["objectives"]] == [1]
    assert [n for n, _ in second["objectives"]] == [2]
    assert [e["label"] for e in first["exercises"]] == ["farm-ex-banana"]
    assert [e["label"] for e in second["exercises"]] == ["farm-ex-tractor"]
    assert second["exercises"][0]["by_hand"] and not first["exercises"][0]["by_hand"]
    assert first["evidence"] and not second["evidence"]
    assert second["try_it"] and not first["try_it"]
    assert (first["selfchecks"], second["selfchecks"]) == (0, 2)
    assert first["words"] + second["words"] == chapter_overview(stem, tmp_path)["words"]
    for part in (first, second):
        assert part["reading_minutes"] == math.ceil(part["words"] / WORDS_PER_MINUTE)
        assert part["exercise_minutes"] == MINUTES_PER_EXERCISE * len(part["exercises"])
    (whole,) = chapter_parts(stem, 1, chapters=tmp_path, selfchecks=tmp_path)
    assert whole["sections"] == ["Bananas", "Tractors"] and len(whole["objectives"]) == 2


def test_chapter_parts_cut_where_the_reading_is_shared_most_evenly(tmp_path):
    text = _fruit_and_tractors("farm", fruit=50, tractors=50)
    text = text.replace(
        "## Summary", "## Grain\n\nGrain. " + _words("grain", 600) + "\n\n## Summary"
    )
    stem = _write(tmp_path, "farm", text)
    first, second = chapter_parts(stem, 2, chapters=tmp_path)
    assert first["sections"] == ["Bananas", "Tractors"] and second["sections"] == ["Grain"]


def test_chapter_parts_give_every_part_an_objective(tmp_path):
    text = _fruit_and_tractors("farm").replace("compare the tractors", "compare the bananas")
    stem = _write(tmp_path, "farm", text)
    first, second = chapter_parts(stem, 2, chapters=tmp_path)
    assert first["objectives"] and second["objectives"]
    with pytest.raises(ValueError, match="cannot be read in 3 meetings"):
        chapter_parts(stem, 3, chapters=tmp_path)


def test_meetings_go_to_the_longest_chapters(tmp_path):
    stems = [
        _write(tmp_path, "short", _fruit_and_tractors("short", 50, 50)),
        _write(tmp_path, "long", _fruit_and_tractors("long", 900, 900)),
        _write(tmp_path, "middle", _fruit_and_tractors("middle", 400, 400)),
    ]
    # "long" has a little more than twice the prose of "middle", less than three times
    assert meetings_per_chapter(stems, 3, tmp_path) == {"short": 1, "long": 1, "middle": 1}
    assert meetings_per_chapter(stems, 4, tmp_path) == {"short": 1, "long": 2, "middle": 1}
    assert meetings_per_chapter(stems, 5, tmp_path) == {"short": 1, "long": 3, "middle": 1}
    assert meetings_per_chapter(stems, 6, tmp_path) == {"short": 1, "long": 3, "middle": 2}
    with pytest.raises(ValueError, match="cannot cover"):
        meetings_per_chapter(stems, 2, tmp_path)


def test_short_course_pairs_the_shortest_neighbours(tmp_path):
    stems = [
        _write(tmp_path, "a", _fruit_and_tractors("a", 900, 900)),
        _write(tmp_path, "b", _fruit_and_tractors("b", 50, 50)),
        _write(tmp_path, "c", _fruit_and_tractors("c", 60, 60)),
        _write(tmp_path, "d", _fruit_and_tractors("d", 900, 900)),
    ]
    plan = short_course_plan(3, stems=stems, chapters=tmp_path, selfchecks=tmp_path)
    assert [[item["chapter"] for item in week["items"]] for week in plan] == [
        ["a"],
        ["b", "c"],
        ["d"],
    ]
    assert plan[1]["reading_minutes"] == math.ceil(plan[1]["words"] / WORDS_PER_MINUTE)
    assert sum(week["weight"] for week in plan) == (
        SHORT_COURSE_WEIGHTS["tugas"] + SHORT_COURSE_WEIGHTS["esai"]
    )
    assert plan[-1]["essay_weight"] == SHORT_COURSE_WEIGHTS["esai"]
    longer = short_course_plan(6, stems=stems, chapters=tmp_path, selfchecks=tmp_path)
    assert [len(week["items"]) for week in longer] == [1] * 6


def test_weights_add_up_to_the_whole_mark():
    assert sum(SEMESTER_WEIGHTS.values()) == 100
    # the course plan says case studies and the project make at least half of the mark (IKU 7)
    assert SEMESTER_WEIGHTS["tugas"] + SEMESTER_WEIGHTS["proyek"] >= 50
    assert sum(SHORT_COURSE_WEIGHTS.values()) == 100
    weeks = semester_plan()
    graded = sum(week["weight"] for week in weeks)
    assert graded + SEMESTER_WEIGHTS["partisipasi"] == 100
    table = rps_assessment_table().data
    assert table.rstrip().endswith("| **100%** |")
    for weight in SEMESTER_WEIGHTS.values():
        assert f"| {weight}% |" in table


def test_study_time_is_the_minutes_per_sks_times_the_credits():
    assert study_time(3) == {kind: 3 * minutes for kind, minutes in MINUTES_PER_SKS.items()}
    assert MINUTES_PER_SKS == {"TM": 50, "PT": 60, "BM": 60}
    with pytest.raises(ValueError, match="sks"):
        study_time(0)


@pytest.fixture(scope="module")
def semester():
    return semester_plan()


def test_semester_plan_has_fourteen_meetings_and_two_examinations(semester):
    assert [week["week"] for week in semester] == list(range(1, 17))
    kinds = [week["kind"] for week in semester]
    assert kinds[7] == "uts" and kinds[-1] == "uas" and kinds[-2] == "project"
    assert kinds.count("chapter") == 13
    taught = [week for week in semester if week["kind"] == "chapter"]
    assert list(dict.fromkeys(week["chapter"] for week in taught)) == _toc_chapters()
    for week in taught:
        assert week["objectives"], f"week {week['week']} has no Sub-CPMK"
        assert week["number"] == _toc_chapters().index(week["chapter"]) + 1
    uts = semester[7]
    assert set(uts["covers"]) == {w["chapter"] for w in semester[:7] if w["kind"] == "chapter"}


@pytest.mark.parametrize("stem", _toc_chapters())
def test_semester_plan_uses_every_objective_exercise_and_word_once(semester, stem):
    overview = chapter_overview(stem)
    weeks = [w for w in semester if w["kind"] == "chapter" and w["chapter"] == stem]
    objectives = [text for week in weeks for _, text in week["objectives"]]
    assert sorted(objectives) == sorted(overview["objectives"])
    labels = [e["label"] for week in weeks for e in week["exercises"]]
    assert sorted(labels) == sorted(overview["exercise_labels"])
    by_hand = [e["label"] for week in weeks for e in week["exercises"] if e["by_hand"]]
    assert sorted(by_hand) == sorted(overview["by_hand"])
    assert sum(week["words"] for week in weeks) == overview["words"]
    questions = [week["selfchecks"] for week in weeks]
    expected = len(load_questions(stem)) if (SELFCHECKS / f"{stem}.toml").exists() else None
    assert questions[-1] == expected and all(q == 0 for q in questions[:-1])


def test_the_meeting_table_lists_what_the_plan_holds(semester):
    table = rps_meeting_table().data
    assert table.startswith("```{list-table}\n") and table.endswith("```")
    rows = re.findall(r"^\* - (\d+)$", table, flags=re.M)
    assert rows == [str(week["week"]) for week in semester]
    assert f"{WORDS_PER_MINUTE} kata/menit" in table
    for week in (w for w in semester if w["kind"] == "chapter"):
        assert f"± {week['reading_minutes']} menit" in table
        for exercise in week["exercises"]:
            kind = "manual" if exercise["by_hand"] else "esai" if exercise["critical"] else "Python"
            line = re.search(rf"^[ *-]*\{{ref\}}`{exercise['label']}`.*$", table, flags=re.M)
            assert line and line[0].endswith(f"({kind})"), exercise["label"]
        if week["selfchecks"]:
            assert f"Bab {week['number']}: {week['selfchecks']} soal." in table
    for stem in _toc_chapters():
        for objective in chapter_overview(stem)["objectives"]:
            assert objective.rstrip(";.")[1:] in table, objective


def test_the_short_course_table_holds_every_exercise():
    table = short_course_table().data
    assert len(re.findall(r"^\* - \d+$", table, flags=re.M)) == 6
    for stem in _toc_chapters():
        for label in chapter_overview(stem)["exercise_labels"]:
            assert f"{{ref}}`{label}`" in table


def test_every_chapter_has_one_cpmk_and_every_cpl_is_used():
    taught = [stem for _, _, stems, _ in COURSE_CPMK for stem in stems]
    assert sorted(taught) == sorted(_toc_chapters())
    codes = [code for code, *_ in COURSE_CPL]
    used = {cpl for *_, cpls in COURSE_CPMK for cpl in cpls}
    assert used == set(codes) and len(codes) == len(set(codes))
    table = rps_cpmk_table().data
    for stem in _toc_chapters():
        assert f"<{chapter_label(stem)}>`" in table
    for code, *_ in COURSE_CPMK:
        assert f"| **{code}** " in table
    for code in codes:
        assert f"**{code}**" in rps_cpl_table().data


PLAN = ROOT / "course_plan.md"


def test_course_plan_page_is_a_notebook_after_the_guide_with_no_code_shown():
    text = PLAN.read_text(encoding="utf-8")
    guide = (ROOT / "instructor_guide.md").read_text(encoding="utf-8")
    header = re.match(r"---\n.*?\n---\n", guide, flags=re.S)[0]
    assert text.startswith(header)
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [entry["file"] for part in toc["parts"] for entry in part.get("chapters", [])]
    assert files.index("course_plan") == files.index("instructor_guide") + 1
    cells = re.findall(r"^```\{code-cell\}[^\n]*\n(.*?)^```", text, flags=re.M | re.S)
    assert len(cells) >= 5
    for cell in cells:
        tags = re.search(r"^:tags: \[(.*)\]", cell, flags=re.M)
        assert tags and {"remove-input", "remove-cell"} & {t.strip() for t in tags[1].split(",")}
    assert "(course-plan)=" in text and "{ref}`course plan <course-plan>`" in guide


def test_course_plan_numbers_come_from_the_plan_not_the_keyboard():
    text = PLAN.read_text(encoding="utf-8")
    prose = re.sub(r"^```\{code-cell\}.*?^```", "", text, flags=re.M | re.S)
    used = set(re.findall(r"\{glue:text\}`([\w]+)", prose))
    glued = {f"cp_{name}" for name in course_plan_facts()}
    glued |= set(re.findall(r'glue\("(\w+)"', text))
    glued |= {
        f"cp_{prefix}_{kind.lower()}" for prefix in ("short", "two") for kind in MINUTES_PER_SKS
    }
    assert used and used <= glued, f"not glued: {sorted(used - glued)}"
    # the assumptions are never typed into the prose
    for value in (WORDS_PER_MINUTE, MINUTES_PER_EXERCISE, *MINUTES_PER_SKS.values()):
        assert not re.search(rf"(?<![\w.]){value}(?![\w.])", prose), value
