"""The editions' machinery (aicap.i18n): catalogues, glued numbers, the language switch."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest

from aicap.i18n import (
    catalogue_problems,
    catalogue_status,
    compile_catalogues,
    edition_language,
    indonesian_number,
    localise_glue,
    markup_problems,
    other_edition_link,
    read_catalogues,
    translate,
)

from .conftest import ROOT

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The share was {glue:text}`cd_share:.1f`%."
msgstr "Pangsanya {glue:text}`cd_share:.1f`%."

#, fuzzy
msgid "A changed paragraph."
msgstr "Paragraf lama."

msgid "Not yet translated."
msgstr ""
"""


@pytest.mark.parametrize(
    ("english", "indonesian"),
    [
        ("42.1", "42,1"),
        ("3,456,789", "3.456.789"),
        ("1,234.5%", "1.234,5%"),
        ("-0.25", "-0,25"),
        ("2025", "2025"),
        ("Jawa Barat", "Jawa Barat"),
        ("1.2 million", "1.2 million"),  # not a plain number: words are the translator's
    ],
)
def test_glued_numbers_take_the_indonesian_format(english, indonesian):
    assert indonesian_number(english) == indonesian


def test_glue_roles_in_a_translation_point_at_their_page():
    text = "Pangsa {glue:text}`cd_share:.1f`% dan {glue:text}`cd_year` serta {glue:text}`x.md::k`."
    assert localise_glue(text, "creative_destruction.md") == (
        "Pangsa {glue:text}`creative_destruction.md::cd_share:.1f`% dan "
        "{glue:text}`creative_destruction.md::cd_year:s` serta {glue:text}`x.md::k`."
    )


def test_compiled_catalogue_leaves_out_fuzzy_and_empty_entries(tmp_path):
    source = tmp_path / "locale" / "id" / "LC_MESSAGES" / "chapters"
    source.mkdir(parents=True)
    (source / "creative_destruction.po").write_text(PO, encoding="utf-8")
    target = tmp_path / "compiled"
    (mo,) = compile_catalogues(tmp_path / "locale", target, "id")
    assert mo == target / "id" / "LC_MESSAGES" / "chapters" / "creative_destruction.mo"
    assert (target / "id" / "LC_MESSAGES" / "chapters" / "creative_destruction.po").exists()
    with mo.open("rb") as handle:
        translation = gettext.GNUTranslations(handle)
    assert translation.gettext("The share was {glue:text}`cd_share:.1f`%.") == (
        "Pangsanya {glue:text}`creative_destruction.md::cd_share:.1f`%."
    )
    # a fuzzy (outdated) entry shows the English, never the old translation
    assert translation.gettext("A changed paragraph.") == "A changed paragraph."
    assert translation.gettext("Not yet translated.") == "Not yet translated."
    before = mo.stat().st_mtime_ns
    compile_catalogues(tmp_path / "locale", target, "id")
    assert mo.stat().st_mtime_ns == before, "an unchanged catalogue must not be written again"


def test_status_counts_what_is_left(tmp_path):
    source = tmp_path / "id" / "LC_MESSAGES"
    source.mkdir(parents=True)
    (source / "index.po").write_text(PO, encoding="utf-8")
    assert catalogue_status(tmp_path, "id") == [
        {"page": "index", "entries": 3, "translated": 1, "fuzzy": 1, "untranslated": 1}
    ]


@pytest.mark.parametrize(
    ("page", "language", "href"),
    [
        ("index", "en", "id/index.html"),
        ("chapters/gig_precarity", "en", "../id/chapters/gig_precarity.html"),
        ("index", "id", "../index.html"),
        ("chapters/gig_precarity", "id", "../../chapters/gig_precarity.html"),
    ],
)
def test_the_switch_leads_to_the_same_page_in_the_other_edition(page, language, href):
    link = other_edition_link(page, language, ["en", "id"])
    assert link["href"] == href
    assert link["lang"] == ("id" if language == "en" else "en")


def test_an_unknown_language_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("AICAP_LANG", "fr")
    with pytest.raises(ValueError, match="AICAP_LANG must be one of"):
        edition_language()
    monkeypatch.setenv("AICAP_LANG", "id")
    assert edition_language() == "id"


def test_the_package_words_follow_the_edition(monkeypatch):
    monkeypatch.setenv("AICAP_LANG", "en")
    assert translate("August") == "August"
    monkeypatch.setenv("AICAP_LANG", "id")
    assert translate("August") == "Agustus"
    assert translate("a phrase with no translation yet") == "a phrase with no translation yet"


def test_every_translation_keeps_its_roles_and_maths():
    """Glued numbers, citations, cross-references, setting links and formulas of every
    translated entry are those of its English (a lost glue role would lose a number)."""
    assert catalogue_problems(ROOT / "locale", "id") == []


def test_a_changed_role_is_found():
    english = "See {ref}`the chapter <ch-x>`: {glue:text}`a:.1f`% {cite:p}`x` and $a+b$."
    kept = "Lihat {ref}`bab itu <ch-x>`: {glue:text}`a:.1f`% {cite:p}`x` dan $a+b$."
    assert markup_problems(english, kept) == []
    assert markup_problems(english, kept.replace("a:.1f", "a:.2f")) == [
        "missing glue:text: 'a:.1f'",
        "added glue:text: 'a:.2f'",
    ]
    assert markup_problems(english, kept.replace("<ch-x>", "<ch-y>"))
    assert markup_problems(english, kept.replace(" dan $a+b$", ""))


def test_the_glossary_defines_each_term_as_its_chapter_does():
    """The glossary page repeats each chapter's key-term definitions: in Indonesian too, the
    two must say the same (a reviewer's change to one must reach the other)."""
    catalogues = dict(read_catalogues(ROOT / "locale", "id"))
    chapters = {}
    for relative, catalogue in catalogues.items():
        if relative.parent.name == "chapters":
            for message in catalogue:
                if message.id and message.string:
                    chapters.setdefault(message.id, message.string)
    glossary = [message for message in catalogues[Path("glossary.po")] if message.id]
    compared = 0
    for message in glossary:
        english = re.match(r"^(.*) \*Chapter:\* ", message.id, re.S)
        if english and english.group(1) in chapters:
            compared += 1
            assert message.string.startswith(chapters[english.group(1)] + " *Bab:* "), message.id
    assert compared > 150, "the glossary's definitions were not found in the chapters"
