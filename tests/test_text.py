"""Key terms and the glossary page are built from the one glossary table."""

from __future__ import annotations

import re

import pytest

from aicap.data import load
from aicap.text import chapter_label, glossary, key_terms

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
