"""The Indonesian edition, built from the English pages and the catalogues in ``locale/id``:
the same pages, structure and numbers as the English, in Indonesian, with a language switch."""

from __future__ import annotations

import functools
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from aicap.i18n import catalogue_status, english_leftovers, indonesian_number
from aicap.selfcheck import unscramble
from aicap.style import svg_texts

from .conftest import ROOT

pytestmark = pytest.mark.build

#: Every page whose text the catalogues translate (all but the generated index and search).
TRANSLATED = [
    "index",
    "glossary",
    "chapters/introduction",
    "chapters/creative_destruction",
    "chapters/efficiency_paradox",
    "chapters/compute_concentration",
    "chapters/gig_precarity",
    "chapters/toe_adoption",
    "chapters/policy",
    "instructor_guide",
    "course_plan",
    "bibliography",
    "execution_status",
]
GENERATED = {"genindex", "search"}


def _pages(site: Path) -> set[str]:
    return {
        path.relative_to(site).with_suffix("").as_posix()
        for path in site.rglob("*.html")
        if not path.relative_to(site).parts[0].startswith(("_", "id"))
    } - GENERATED


@functools.cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _article(site: Path, page: str):
    return _soup(site / f"{page}.html").select_one("article.bd-article")


def test_every_page_has_its_indonesian_twin(built_site, built_id_site):
    assert _pages(built_id_site) == _pages(built_site)


@pytest.mark.parametrize("page", TRANSLATED)
def test_catalogue_is_complete_and_current(page):
    """No entry left untranslated, none outdated (fuzzy: its English changed since)."""
    rows = {row["page"]: row for row in catalogue_status(ROOT / "locale", "id")}
    assert page in rows, f"locale/id/LC_MESSAGES/{page}.po is missing (run make locale)"
    assert rows[page]["untranslated"] == 0 and rows[page]["fuzzy"] == 0, rows[page]


@pytest.mark.parametrize("page", sorted({"index", *TRANSLATED}))
def test_pages_say_their_language_and_link_to_the_other_edition(built_id_site, page):
    soup = _soup(built_id_site / f"{page}.html")
    assert soup.html["lang"] == "id"
    switch = soup.select_one(".aicap-language a")
    assert switch is not None and switch["hreflang"] == "en", "no language switch"
    # the Indonesian site is published at <site>/id/: the link must lead to the same page
    target = (Path("/site/id") / page).parent / switch["href"]
    assert target.resolve() == (Path("/site") / f"{page}.html").resolve()


def _counts(article) -> Counter:
    return Counter(
        {
            "sections": len(article.select("section")),
            "figures": len(article.select("img")),
            "tables": len(article.select("table")),
            "exercises": len(article.select(".exercise")),
            "solutions": len(article.select(".solution")),
            "explorable figures": len(article.select(".aicap-explorable")),
            "self-checks": len(article.select(".aicap-quiz")),
            "maths": len(article.select("math")),
            "citations": len(article.select("a[href*='id'][role='doc-biblioref']")),
            "links": len(article.select("a.reference.internal")),
        }
    )


@pytest.mark.parametrize("page", TRANSLATED)
def test_same_structure_as_the_english(built_site, built_id_site, page):
    assert _counts(_article(built_id_site, page)) == _counts(_article(built_site, page))


@pytest.mark.parametrize("page", TRANSLATED)
def test_same_glued_numbers_in_the_indonesian_format(built_site, built_id_site, page):
    """Every number the code glues into the English page is in the Indonesian one, by value
    and in the Indonesian format; glued words (a month, a place) may be translated."""

    def glued(site):
        return [node.get_text() for node in _article(site, page).select(".pasted-text")]

    english, indonesian = glued(built_site), glued(built_id_site)
    assert len(indonesian) == len(english), "a glued value was lost or added"
    numbers = Counter(indonesian_number(text) for text in english if _is_number(text))
    assert Counter(text for text in indonesian if _is_number(text)) == numbers


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[-−+]?[\d.,]+%?", text.strip()))


_SKIP = "pre, code, .cell_output, .output, .bibliography, .citation, math, .aicap-quiz"


def _paragraphs(article) -> set[str]:
    for node in article.select(_SKIP):
        node.decompose()
    texts = (" ".join(p.get_text(" ").split()) for p in article.select("p, li, h1, h2, h3"))
    return {text for text in texts if len(text) > 40 and re.search(r"[a-z]{4}", text)}


_ENGLISH_WORDS = {"the", "and", "of", "to", "is", "are", "that", "with", "for", "which", "this"}


def _reads_english(text: str) -> bool:
    """A sentence (ten words or more, so not a title) in which more than one word in twelve
    is a common English function word (an Indonesian paragraph that names an English term in
    brackets has far fewer)."""
    words = re.findall(r"[a-z]+", text.lower())
    return len(words) >= 10 and sum(word in _ENGLISH_WORDS for word in words) > len(words) / 12


@pytest.mark.parametrize("page", TRANSLATED)
def test_no_english_paragraph_is_left(built_site, built_id_site, page):
    """No paragraph of the English page reappears, still in English, in the Indonesian one
    (the course plan is written in Indonesian in both editions)."""
    english = _paragraphs(BeautifulSoup(str(_article(built_site, page)), "html.parser"))
    indonesian = _paragraphs(BeautifulSoup(str(_article(built_id_site, page)), "html.parser"))
    left = sorted(text for text in english & indonesian if _reads_english(text))
    assert not left, f"{len(left)} paragraphs still in English, e.g. {left[:3]}"


def test_search_indexes_indonesian_words_as_written(built_id_site):
    """Indonesian words are searchable as written, not cut by English stemming rules."""
    index = (built_id_site / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1 : index.rindex(")")])["terms"]
    assert {"pengemudi", "kebijakan", "upah", "pekerja"} <= set(terms)
    assert not terms.get("yang") and not terms.get("dan"), "function words are not indexed"


CHAPTERS = [page for page in TRANSLATED if page.startswith("chapters/")]


def _package_texts(site: Path, page: str) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of the page that the book's package wrote: each figure's
    alt text and drawn texts (every state of an explorable figure, with its summary), the
    explorable figures' controls and notes, the tables and the self-check questions with
    their (scrambled) explanations."""
    article = _soup(site / f"{page}.html").select_one("article.bd-article")
    folder = (site / page).parent
    for image in article.select("figure.aicap-figure img, figure.aicap-figure source"):
        if image.get("alt"):
            yield "alt text", image["alt"]
        source = image.get("src") or image.get("srcset")
        if source and source.endswith(".svg"):
            for text in svg_texts((folder / source).read_text(encoding="utf-8")):
                yield f"figure {source}", text
    for explorable in article.select(".aicap-explorable"):
        for node in explorable.select(".aicap-controls, .aicap-about, .aicap-explorable-title"):
            yield "explorable figure", node.get_text(" ")
        name = explorable["data-aicap-figure"].partition(":")[2]
        for state in sorted((site / "_static" / "aicap" / "states" / name).glob("*/*.json.gz")):
            drawn = json.loads(gzip.decompress(state.read_bytes()))
            yield f"state {name}/{state.name}", drawn["alt"]
            yield f"state {name}/{state.name}", drawn["summary"]
            for text in svg_texts(drawn["svg"]):
                yield f"state {name}/{state.name}", text
    for table in article.select(".aicap-table"):
        yield "table", table.get_text(" ")
    for quiz in article.select(".aicap-quiz"):
        yield "self-check", quiz.get_text(" ")
        answers = json.loads(unscramble(quiz["data-answers"], quiz["data-quiz"]))
        for answer in answers.values():
            whys = answer["why"] if isinstance(answer["why"], list) else [answer["why"]]
            whys += [why for _value, why in answer.get("mistakes", [])]
            for why in whys:
                yield "self-check explanation", why


#: Names kept as they are in both editions: titles of reports, outlets, institutions, authors.
NAMES = (
    "Future of Jobs",
    "Global Trade Magazine",
    "The Verge",
    "Johns Hopkins University",
    "The State of AI",
    "Stewart",
    "Azure",
)


@pytest.mark.parametrize("page", CHAPTERS)
def test_figures_tables_and_self_checks_are_in_indonesian(built_id_site, page):
    """What the package draws and writes on an Indonesian page (figures, alt text, controls,
    tables, self-checks) is in Indonesian, numbers in the Indonesian format: no text holds a
    word only the English uses, or an English-format number."""
    leftovers = {}
    for where, text in _package_texts(built_id_site, page):
        for name in NAMES:
            text = text.replace(name, " ")
        found = english_leftovers(text)
        if found:
            leftovers.setdefault(f"{where}: {text[:90]!r}", found)
    assert not leftovers, "\n".join(f"{k} {v}" for k, v in list(leftovers.items())[:40])


@pytest.mark.parametrize("page", CHAPTERS)
def test_the_english_figures_stay_english(built_site, page):
    """The same texts in the English edition read as English (the check above can fail)."""
    texts = [text for _where, text in _package_texts(built_site, page)]
    assert sum(bool(english_leftovers(text)) for text in texts) > len(texts) / 10
