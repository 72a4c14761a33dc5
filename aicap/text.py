"""Text built from the data: key-term lists for chapters, the glossary page, and the chapter
overviews of the instructor guide (read from the chapter files themselves)."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from IPython.display import Markdown

from aicap.data import data_dir, load


def chapter_label(chapter: str) -> str:
    """The MyST label of a chapter: ``creative_destruction`` -> ``chapter-creative-destruction``."""
    return "chapter-" + chapter.replace("_", "-")


def key_terms(chapter: str) -> Markdown:
    """The chapter's key terms, English and Indonesian, as a Markdown definition list."""
    terms = load("glossary")
    rows = terms[terms["chapter"] == chapter]
    if rows.empty:
        raise ValueError(f"chapter {chapter!r} has no terms in data/glossary.csv")
    lines = []
    for row in rows.itertuples():
        lines += [f"**{row.term}** (*{row.indonesian}*)", f": {row.definition}", ""]
    return Markdown("\n".join(lines))


def _initial(term: str) -> str:
    first = term.strip()[:1].upper()
    return first if first.isalpha() else "0–9"


def glossary(link_chapters: bool = True) -> Markdown:
    """Every row of ``data/glossary.csv``, A to Z, grouped under the initial letter of the term.

    Each entry gives the English term, its Indonesian equivalent, the definition and the
    chapter that introduces it: a cross-reference to the chapter's label when
    ``link_chapters`` is true (the book page), the chapter's file name otherwise. A term
    introduced in two chapters appears once for each.
    """
    terms = load("glossary")
    ordered = terms.assign(_key=terms["term"].str.strip().str.casefold()).sort_values(
        ["_key", "chapter"], kind="stable"
    )
    lines: list[str] = []
    letter = None
    for row in ordered.itertuples():
        if _initial(row.term) != letter:
            letter = _initial(row.term)
            lines += [f"**{letter}**", ""]
        where = f"{{ref}}`{chapter_label(row.chapter)}`" if link_chapters else f"`{row.chapter}`"
        lines += [
            f"**{row.term}** (*{row.indonesian}*)",
            f": {row.definition} *Chapter:* {where}.",
            "",
        ]
    return Markdown("\n".join(lines))


def glue(name: str, value: Any, display: bool = False) -> None:
    """Keep a computed value for the page's prose (``{glue:text}`name```), via myst-nb.

    Where myst-nb is not installed (a downloaded notebook on Colab), the value is only shown
    if ``display`` is true: the prose references are a feature of the built book.
    """
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        if display:
            from IPython.display import display as show

            show(value)
        return
    myst_glue(name, value, display=display)


# The instructor guide: chapter overviews read from the chapter files ------------------------

#: Assumptions behind the instructor guide's time estimates (the guide states them).
WORDS_PER_MINUTE = 200
MINUTES_PER_EXERCISE = 20

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_CODE_CELL = re.compile(r"^(`{3,})\{code-cell\}.*?^\1[ \t]*$", re.M | re.S)
_EXERCISE = re.compile(r"^(`{3,}|:{3,})\{exercise\}.*?^\1[ \t]*$", re.M | re.S)
_EXERCISE_OR_SOLUTION = re.compile(
    r"^(`{3,}|:{3,})\{(?:exercise|solution)\}.*?^\1[ \t]*$", re.M | re.S
)
_FENCED = re.compile(r"^(`{3,}).*?^\1[ \t]*$", re.M | re.S)
_DISPLAY_MATH = re.compile(r"^\$\$.*?^\$\$[ \t]*$", re.M | re.S)
_ADMONITION = re.compile(
    r"^(?P<fence>:{3,})\{admonition\}[ \t]+(?P<title>[^\n]+?)[ \t]*\n"
    r"(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.M | re.S,
)
_LIST_ITEM = re.compile(r"^(?:\d+[.)]|[-*+])[ \t]+(.*)$")


def _book_root() -> Path:
    """The book's folder: the one holding ``data/`` (so ``$AICAP_DATA_DIR`` moves it too)."""
    return data_dir().parent


def _without_code(text: str) -> str:
    """A chapter's Markdown without its front matter and code cells."""
    return _CODE_CELL.sub("", _FRONT_MATTER.sub("", text, count=1))


def _admonition_body(markdown: str, title: str) -> str | None:
    """The body of the first ``{admonition}`` titled ``title`` (any case), options removed."""
    for match in _ADMONITION.finditer(markdown):
        if match["title"].strip().casefold() == title.casefold():
            lines = match["body"].splitlines()
            return "\n".join(line for line in lines if not re.match(r"^:[\w-]+:", line))
    return None


def _list_items(body: str) -> list[str]:
    """The top-level list items of a Markdown block, each joined onto one line."""
    items: list[str] = []
    for line in body.splitlines():
        item = _LIST_ITEM.match(line)
        if item:
            items.append(item[1].strip())
        elif items and line.startswith((" ", "\t")) and line.strip():
            items[-1] += " " + line.strip()
    return items


def _lower_first(phrase: str) -> str:
    """``What the book means`` -> ``what the book means``; acronyms (``AI``) are kept."""
    return phrase[:1].lower() + phrase[1:] if phrase[1:2].islower() else phrase


def _prose_words(text: str) -> int:
    """The number of words a student reads in a chapter: headings, paragraphs, boxes, lists.

    Not counted: code cells, exercises and their solutions, other fenced blocks (such as the
    bibliography), display equations, directive options, labels and the numbers of list
    items. A word is a whitespace-separated token with at least one letter or digit.
    """
    prose = _EXERCISE_OR_SOLUTION.sub("", _without_code(text))
    prose = _DISPLAY_MATH.sub("", _FENCED.sub("", prose))
    prose = re.sub(r"^:[\w-]+:.*$", "", prose, flags=re.M)  # directive options
    prose = re.sub(r"^\([^)\s]+\)=[ \t]*$", "", prose, flags=re.M)  # labels
    prose = re.sub(r"^:{3,}(\{[\w-]+\})?", "", prose, flags=re.M)  # fences (box titles stay)
    prose = re.sub(r"^[ \t]*\d+[.)][ \t]", "", prose, flags=re.M)  # numbers of list items
    return sum(1 for token in prose.split() if re.search(r"\w", token))


def chapter_overview(stem: str, chapters: str | Path | None = None) -> dict[str, Any]:
    """What an instructor needs to know about chapter ``stem``, read from its MyST file.

    ``chapters`` is the folder holding ``<stem>.md`` (the book's ``chapters/`` by default).
    The result has the chapter's ``label``, its ``title`` (the first ``#`` heading), the items
    of its *Learning objectives* admonition (``objectives``, MyST markup kept), the number and
    labels of its ``{exercise}`` directives, its prose ``words`` and two estimates that rest on
    assumptions: ``reading_minutes`` at ``WORDS_PER_MINUTE`` (rounded up) and
    ``exercise_minutes`` at ``MINUTES_PER_EXERCISE`` per exercise.

    A chapter without a *Learning objectives* box may say what it covers in an *In this
    chapter* box, as one sentence of topics separated by semicolons (the introduction does);
    the topics are then the objectives, and ``objectives_box`` names the box they came from.
    A chapter with neither raises ``ValueError`` naming its file.
    """
    folder = Path(chapters) if chapters is not None else _book_root() / "chapters"
    path = folder / f"{stem}.md"
    text = path.read_text(encoding="utf-8")
    markdown = _without_code(text)

    box = "Learning objectives"
    body = _admonition_body(markdown, box)
    objectives = _list_items(body) if body is not None else []
    if body is None and (topics := _admonition_body(markdown, "In this chapter")) is not None:
        box = "In this chapter"
        parts = (
            re.sub(r"^and\s+", "", part.strip()) for part in " ".join(topics.split()).split(";")
        )
        objectives = [_lower_first(part.rstrip(".").strip()) for part in parts if part.strip(" .")]
    if not objectives:
        raise ValueError(
            f"{path}: no learning objectives found; a chapter needs a "
            "':::{admonition} Learning objectives' box holding a numbered list"
        )
    title = re.search(r"^# (.+?)[ \t]*$", markdown, flags=re.M)
    if title is None:
        raise ValueError(f"{path}: no title (a line starting with '# ')")

    exercises = [block[0] for block in _EXERCISE.finditer(markdown)]
    words = _prose_words(text)
    return {
        "chapter": stem,
        "label": chapter_label(stem),
        "title": title[1],
        "objectives": objectives,
        "objectives_box": box,
        "exercises": len(exercises),
        "exercise_labels": [
            label
            for block in exercises
            for label in re.findall(r"^:label:[ \t]*(\S+)", block, re.M)
        ],
        "words": words,
        "reading_minutes": math.ceil(words / WORDS_PER_MINUTE),
        "exercise_minutes": MINUTES_PER_EXERCISE * len(exercises),
    }


def book_chapters(toc: str | Path | None = None) -> list[str]:
    """The file names (without ``.md``) of the chapters listed in ``_toc.yml``, in order."""
    import yaml  # installed with Jupyter Book; only the instructor guide needs it

    path = Path(toc) if toc is not None else _book_root() / "_toc.yml"
    parts = yaml.safe_load(path.read_text(encoding="utf-8")).get("parts", [])
    files = [entry["file"] for part in parts for entry in part.get("chapters", [])]
    return [file.split("/", 1)[1] for file in files if file.startswith("chapters/")]


def chapters_at_a_glance(stems: list[str] | None = None) -> Markdown:
    """A table of every chapter: objectives, exercises and the estimated minutes of work."""
    overviews = [chapter_overview(stem) for stem in (stems or book_chapters())]
    lines = [
        "| chapter | objectives | exercises | reading (min) | exercises (min) |",
        "|---|--:|--:|--:|--:|",
    ]
    for o in overviews:
        short = o["title"].split(":")[0]
        lines.append(
            f"| {{ref}}`{short} <{o['label']}>` | {len(o['objectives'])} | {o['exercises']} "
            f"| {o['reading_minutes']} | {o['exercise_minutes']} |"
        )
    totals = [sum(o[key] for o in overviews) for key in ("reading_minutes", "exercise_minutes")]
    exercises = sum(o["exercises"] for o in overviews)
    objectives = sum(len(o["objectives"]) for o in overviews)
    lines.append(
        f"| **all {len(overviews)} chapters** | {objectives} | {exercises} "
        f"| {totals[0]} | {totals[1]} |"
    )
    return Markdown("\n".join(lines))


def chapter_guide(stem: str) -> Markdown:
    """The generated part of a chapter's entry in the instructor guide, as MyST Markdown."""
    o = chapter_overview(stem)
    if o["exercise_labels"]:
        listed = ", ".join(f"{{ref}}`{label}`" for label in o["exercise_labels"])
        exercises = f"{o['exercises']}, about {o['exercise_minutes']} minutes: {listed}"
    else:
        exercises = "none"
    lines = [
        f"- **Page:** {{ref}}`{o['label']}` (file `chapters/{stem}.md`)",
        f"- **Reading:** about {o['reading_minutes']} minutes ({o['words']:,} words of prose)",
        f"- **Exercises:** {exercises}",
        "",
    ]
    if o["objectives_box"] == "Learning objectives":
        lines += ["**Learning objectives.** After this chapter a student should be able to:", ""]
        lines += [f"{number}. {item}" for number, item in enumerate(o["objectives"], start=1)]
    else:
        lines += [
            f"**What it covers** (the chapter's *{o['objectives_box']}* box; it has no "
            "learning objectives):",
            "",
        ]
        lines += [f"- {item}" for item in o["objectives"]]
    return Markdown("\n".join(lines))
