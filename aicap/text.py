"""Text built from the data: key-term lists for chapters and the glossary page."""

from __future__ import annotations

from IPython.display import Markdown

from aicap.data import load


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
