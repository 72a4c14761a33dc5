"""Sphinx's side of the book's two editions (see :mod:`aicap.i18n`), loaded by
:mod:`aicap.sphinx_ext`: it compiles the edition's catalogues with resolvable glue roles, gives
the chapter kernels the edition's language, writes glued numbers in the edition's format, puts
the language switch at the top of every page's text and gives Sphinx an Indonesian search."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.search import SearchLanguage
from sphinx.search import languages as search_languages
from sphinx.transforms.post_transforms import SphinxPostTransform

from aicap.i18n import (
    EDITIONS,
    LOCALE_DIR,
    SOURCE_LANGUAGE,
    compile_catalogues,
    indonesian_number,
    other_edition_link,
)

#: The switch's words, in the language of the page it leads to.
SWITCH_LABELS = {"id": "Baca halaman ini dalam bahasa Indonesia", "en": "Read this page in English"}


def _language(config) -> str:
    return config.language or SOURCE_LANGUAGE


def prepare_translation(app, config) -> None:
    """For an edition that is not the source: compile its catalogues into the build folder
    (where Sphinx reads them), and give the chapter kernels its language."""
    language = _language(config)
    if language not in EDITIONS:
        raise ValueError(f"language must be one of {sorted(EDITIONS)}, got {language!r}")
    os.environ["AICAP_LANG"] = language
    if language == SOURCE_LANGUAGE:
        return
    compiled = Path(app.doctreedir).parent / "locale"
    compile_catalogues(Path(app.srcdir) / LOCALE_DIR, compiled, language)
    config.locale_dirs = [str(compiled)]
    config.gettext_compact = False


class EditionNumbers(SphinxPostTransform):
    """Glued numbers in the edition's number format (after myst-nb has resolved them)."""

    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        if _language(self.config) != "id":
            return
        for node in list(self.document.findall(nodes.inline)):
            if "pasted-text" not in node.get("classes", []):
                continue
            text = node.astext()
            shown = indonesian_number(text)
            if shown != text:
                node.children = [nodes.Text(shown)]


def language_switch(app, pagename, templatename, context, doctree) -> None:
    """A plain link to this page in the other edition, at the top of the page's text (not in
    the header, which a phone's 375 px fill already), and its ``hreflang`` alternate."""
    editions = list(app.config.aicap_editions)
    language = _language(app.config)
    if len(editions) < 2 or language not in editions or "body" not in context:
        return
    link = other_edition_link(pagename, language, editions)
    label = SWITCH_LABELS[link["lang"]]
    context["body"] = (
        f'<p class="aicap-language"><a href="{link["href"]}" hreflang="{link["lang"]}" '
        f'lang="{link["lang"]}">{label}</a></p>\n' + context["body"]
    )
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" hreflang="{link["lang"]}" href="{link["href"]}">'
    )


class SearchIndonesian(SearchLanguage):
    """Sphinx has no Indonesian search; without one it stems Indonesian words with the English
    rules. Words are indexed as written (lower case, no stemming: the same in Python and in the
    page's script) without the commonest function words."""

    lang = "id"
    language_name = "Indonesian"
    stopwords = set(
        "yang dan di ke dari dengan untuk pada dalam ini itu atau adalah tidak akan oleh "
        "sebagai juga karena bahwa ada lebih dapat para saat hanya bisa telah sudah jika "
        "agar tetapi namun serta maka setiap satu dua tersebut kita anda mereka ia".split()
    )


def setup(app: Any) -> dict[str, Any]:
    search_languages.setdefault("id", SearchIndonesian)
    app.add_config_value("aicap_editions", [SOURCE_LANGUAGE], "html")
    app.connect("config-inited", prepare_translation, priority=400)
    app.add_post_transform(EditionNumbers)
    app.connect("html-page-context", language_switch)
    return {"parallel_read_safe": False, "parallel_write_safe": True, "version": "1"}
