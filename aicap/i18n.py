"""The book's two editions: English (the source) and Bahasa Indonesia (from gettext catalogues).

The English MyST pages are the only source. ``make locale`` extracts their text with Sphinx's
gettext builder and updates ``locale/id/LC_MESSAGES/<page>.po`` with sphinx-intl, which marks
an entry whose English changed as *fuzzy* and adds new paragraphs untranslated. ``make book``
builds the Indonesian edition too, from the same sources, code and data with ``language = "id"``
into ``_build/html/id/``; Sphinx shows the English of every entry that is missing or fuzzy, so
a changed English paragraph is never silently replaced by an outdated translation, and
``python -m aicap.i18n status`` counts, page by page, what is left to translate.

Sphinx and myst-nb do the translating; this module (the language, catalogues, number format,
used in the kernels too) and :mod:`aicap.sphinx_i18n` (Sphinx's side) add what they do not:

- **Glued numbers in translated paragraphs.** Sphinx parses each translation as a small
  document of its own, which has no glue data, so ``{glue:text}`key``` would lose its number
  (with only a warning). The catalogues are compiled into the build folder with every such role
  written ``{glue:text}`page.md::key```, which myst-nb resolves from the page's own glue data
  after reading. Translators write the roles as the English has them.
- **Indonesian number format** for every glued number on an Indonesian page: 42,1 and
  3.456.789, not 42.1 and 3,456,789.
- **A language switch** at the top of every page's text: a plain link (no JavaScript) to the same
  page in the other edition, and ``<link rel="alternate" hreflang>`` in its head.
- **The language of the chapter kernels**: ``AICAP_LANG`` is set before any chapter runs, so the
  book's package can write its words in the edition's language (:func:`translate`, from the
  package's own catalogue ``aicap/locale/<language>/LC_MESSAGES/aicap.po``).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: The editions, by language code: the source language first.
EDITIONS = {"en": "English", "id": "Bahasa Indonesia"}
SOURCE_LANGUAGE = "en"
#: Where the translations live, relative to the book's root.
LOCALE_DIR = "locale"
#: The edition that is not the source is published under this folder of the site.
EDITION_FOLDER = {"id": "id"}

_GLUE_TEXT = re.compile(r"\{glue:text\}`([^`:]+(?::[^`]*)?)`")
#: A number as Python's format specifications write it (``,`` thousands, ``.`` decimals).
_NUMBER = re.compile(r"[-−+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?")


@contextlib.contextmanager
def edition(language: str) -> Iterator[None]:
    """Work in the edition in ``language`` inside the ``with`` block (sets ``AICAP_LANG``)."""
    if language not in EDITIONS:
        raise ValueError(f"language must be one of {sorted(EDITIONS)}, got {language!r}")
    before = os.environ.get("AICAP_LANG")
    os.environ["AICAP_LANG"] = language
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("AICAP_LANG", None)
        else:
            os.environ["AICAP_LANG"] = before


def edition_language() -> str:
    """The language of the edition being built or run: ``AICAP_LANG`` (default English)."""
    language = os.environ.get("AICAP_LANG", SOURCE_LANGUAGE) or SOURCE_LANGUAGE
    if language not in EDITIONS:
        raise ValueError(f"AICAP_LANG must be one of {sorted(EDITIONS)}, got {language!r}")
    return language


#: Where the package keeps its own catalogues: ``<language>/LC_MESSAGES/`` holds ``aicap.po``
#: (the words of the package's modules), ``figures/<chapter>.po`` (each chapter's figures) and
#: ``data.po`` (words the data write, such as month names: kept by hand, never extracted).
PACKAGE_LOCALE = Path(__file__).parent / LOCALE_DIR
#: The functions that mark the package's words for translation (babel's extraction keywords).
PACKAGE_KEYWORDS = {"_": None, "N_": None}
#: The catalogues kept by hand: words that come from the data, not from the package's code
#: (``data.po``, and ``data/<chapter>.po`` for words one chapter's data show in its figures).
DATA_CATALOGUES = ("data.po", "data/")


def _is_data_catalogue(name: str) -> bool:
    return name == DATA_CATALOGUES[0] or name.startswith(DATA_CATALOGUES[1])


@functools.cache
def _package_messages(language: str) -> dict[str, str]:
    """The translations of the package's own words (every catalogue under
    ``aicap/locale/<language>/LC_MESSAGES``), fuzzy ones left out."""
    messages: dict[str, str] = {}
    for _relative, catalogue in read_catalogues(PACKAGE_LOCALE, language):
        for message in catalogue:
            if message.id and isinstance(message.string, str) and message.string:
                if not message.fuzzy:
                    messages[message.id] = message.string
    return messages


def translate(text: str) -> str:
    """``text`` (English, as the data or the package write it) in the edition's language
    (:func:`edition_language`); the English itself where no translation is known yet."""
    language = edition_language()
    if language == SOURCE_LANGUAGE:
        return text
    return _package_messages(language).get(text, text)


#: The package's code writes ``_("words")`` where the words are shown: gettext's usual name.
_ = translate


def N_(text: str) -> str:  # noqa: N802 - gettext's usual name for a marker
    """Mark ``text`` for translation without translating it: for a constant defined when a
    module is imported, translated with ``_(constant)`` where it is drawn."""
    return text


#: A number written the English way inside a text: 3,456,789 or 42.1 (not 2025, not "H100",
#: not "1.5" inside a name such as "v1.5"); after "Rp" as well ("Rp3,456,789").
_NUMBER_IN_TEXT = re.compile(
    r"(?:(?<=Rp)|(?<![\w.,])(?<![A-Za-z]-))(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\w]|[.,]\d)"
)


#: Names whose number is a version, not a quantity: "Gemini 1.0 Ultra", "Claude 3.5".
_VERSIONED_NAME = re.compile(
    r"\b(?:Gemini|GPT|Claude|Llama|Grok|Mistral|Qwen|DeepSeek|Gemma|Phi|PaLM|Python)"
    r"[- ]?v?\d+(?:\.\d+)+"
)


def edition_numbers(text: str) -> str:
    """Every number in ``text`` written as the edition writes numbers: unchanged in English,
    ``42,1`` and ``Rp3.456.789`` in Indonesian. Apply once to a text (it swaps separators)."""
    if edition_language() == SOURCE_LANGUAGE or not text:
        return text
    swap = str.maketrans({",": ".", ".": ","})
    names = [match.span() for match in _VERSIONED_NAME.finditer(text)]

    def written(match: re.Match) -> str:
        inside_a_name = any(start <= match.start() < end for start, end in names)
        return match.group(0) if inside_a_name else match.group(1).translate(swap)

    return _NUMBER_IN_TEXT.sub(written, text)


def indonesian_number(text: str) -> str:
    """``"3,456,789.5"`` → ``"3.456.789,5"``; text that is not a plain number is unchanged."""
    if not _NUMBER.fullmatch(text.strip()):
        return text
    return text.translate(str.maketrans({",": ".", ".": ","}))


def localise_glue(translation: str, page_file: str) -> str:
    """Write every page-local ``{glue:text}`` role of a translation as a reference to
    ``page_file`` (the page's own file name), which Sphinx can resolve in a translation."""

    def reference(match: re.Match) -> str:
        key = match.group(1)
        if "::" in key:
            return match.group(0)
        # myst-nb reads ``page::key`` without a format as key ``page:`` and format ``key``:
        # give it the format a role without one has (``s``)
        return f"{{glue:text}}`{page_file}::{key if ':' in key else key + ':s'}`"

    return _GLUE_TEXT.sub(reference, translation)


def read_catalogues(source: Path, language: str) -> Iterator[tuple[Path, Any]]:
    """Each catalogue ``source/<language>/LC_MESSAGES/**/*.po`` as (its path relative to that
    folder, e.g. ``chapters/policy.po``; the babel catalogue), in file-name order."""
    from babel.messages.pofile import read_po

    catalogues = source / language / "LC_MESSAGES"
    for po in sorted(catalogues.rglob("*.po")):
        with po.open("rb") as handle:
            yield po.relative_to(catalogues), read_po(handle, locale=language)


def compile_catalogues(source: Path, target: Path, language: str) -> list[Path]:
    """Compile ``source/<language>/LC_MESSAGES/**/*.po`` into ``.mo`` files under ``target``
    (fuzzy entries left out), with glue roles made resolvable (:func:`localise_glue`).

    The rewritten ``.po`` is kept beside its ``.mo``: Sphinx finds catalogues by their ``.po``
    and re-reads a page whose catalogue changed. Files whose content is unchanged are not
    written again, so an unchanged translation does not make Sphinx read its page again."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import write_po

    written = []
    for relative, catalogue in read_catalogues(source, language):
        page_file = relative.with_suffix(".md").name
        for message in catalogue:
            if message.id and isinstance(message.string, str) and message.string:
                message.string = localise_glue(message.string, page_file)
        compiled = target / language / "LC_MESSAGES" / relative
        po_bytes, mo_bytes = io.BytesIO(), io.BytesIO()
        write_po(po_bytes, catalogue, width=0)
        write_mo(mo_bytes, catalogue, use_fuzzy=False)
        for path, content in ((compiled, po_bytes), (compiled.with_suffix(".mo"), mo_bytes)):
            if not path.exists() or path.read_bytes() != content.getvalue():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content.getvalue())
        written.append(compiled.with_suffix(".mo"))
    return written


_ROLE = re.compile(r"\{([a-z:-]+)\}`([^`]*)`")
_INLINE_MATH = re.compile(r"(?<![\\$])\$([^$]+)\$")
#: Roles whose text a reader sees and a translator translates: only their target must stay.
_LABELLED_ROLES = {"ref", "numref", "setting", "doc", "term", "download"}


def _markup(text: str) -> list[tuple[str, str]]:
    """The roles (with the part of each that must not change) and inline maths of ``text``."""
    found = []
    for name, content in _ROLE.findall(text):
        if name in _LABELLED_ROLES:
            target = re.search(r"<([^>]*)>\s*$", content)
            content = target.group(1) if target else ("" if name == "setting" else content)
        found.append((name, content))
    found += [("math", formula.strip()) for formula in _INLINE_MATH.findall(text)]
    return sorted(found)


def markup_problems(english: str, translation: str) -> list[str]:
    """What a translation lost, added or changed of its English's roles and maths: glued
    numbers, citations, cross-references, setting links and formulas must all be kept."""
    if not translation:
        return []
    source, target = _markup(english), _markup(translation)
    problems = [
        f"missing {name}: {content!r}" for name, content in source if (name, content) not in target
    ]
    problems += [
        f"added {name}: {content!r}" for name, content in target if (name, content) not in source
    ]
    if not problems and source != target:
        problems.append("a role or formula appears a different number of times")
    return problems


def catalogue_problems(source: Path, language: str) -> list[str]:
    """Every translated entry whose markup differs from its English (:func:`markup_problems`)."""
    found = []
    for relative, catalogue in read_catalogues(source, language):
        page = relative.with_suffix("").as_posix()
        for message in catalogue:
            if message.id and isinstance(message.string, str) and not message.fuzzy:
                for problem in markup_problems(message.id, message.string):
                    found.append(f"{page}: {problem} in {message.id[:60]!r}")
    return found


def catalogue_status(source: Path, language: str) -> list[dict[str, Any]]:
    """Per catalogue: how many entries are translated, fuzzy (outdated) and untranslated."""
    rows = []
    for relative, catalogue in read_catalogues(source, language):
        messages = [message for message in catalogue if message.id]
        fuzzy = sum(1 for message in messages if message.fuzzy)
        empty = sum(1 for message in messages if not message.string)
        rows.append(
            {
                "page": relative.with_suffix("").as_posix(),
                "entries": len(messages),
                "translated": len(messages) - fuzzy - empty,
                "fuzzy": fuzzy,
                "untranslated": empty,
            }
        )
    return rows


# ---- the package's own words (figures, controls, alt text) ----------------------------------


def package_catalogue_name(module: Path) -> str:
    """The catalogue of a module of the package: ``figures/<chapter>.po`` for a chapter's
    figures, ``aicap.po`` for the rest."""
    relative = module.resolve().relative_to(Path(__file__).resolve().parent)
    if relative.parts[0] == "figures":
        return f"figures/{relative.stem}.po"
    return "aicap.po"


def _marked_texts(module: Path) -> Iterator[tuple[str, int, str | None]]:
    """Each call of ``_`` or ``N_`` in ``module``: (function, line, its text or ``None``
    when the argument is not one string literal). Read from the syntax tree, so a call inside
    an f-string's braces counts too (babel's extractor does not see those)."""
    import ast

    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in PACKAGE_KEYWORDS and len(node.args) == 1:
                (argument,) = node.args
                literal = isinstance(argument, ast.Constant) and isinstance(argument.value, str)
                text = argument.value if literal else None
                if not literal and isinstance(argument, (ast.JoinedStr, ast.BinOp)):
                    text = ""  # a built string: never translatable
                yield node.func.id, node.lineno, text


def _selfcheck_texts(path: Path) -> Iterator[tuple[str, int]]:
    """Each text a reader sees in a chapter's self-check file (questions, options, their
    explanations, units), with the number of its question (1, 2, ...)."""
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for number, question in enumerate(data.get("question", []), start=1):
        parts = [question.get("text", ""), question.get("why", ""), question.get("unit", "")]
        for option in question.get("option", []):
            parts += [option.get("text", ""), option.get("why", "")]
        parts += [mistake.get("why", "") for mistake in question.get("mistake", [])]
        for text in parts:
            if text.strip() and not text.strip("%×"):
                continue  # a unit such as "%" is the same in every language
            if text.strip():
                yield text, number


#: The functions through which a chapter's code shows a table (:mod:`aicap.tables`).
_TABLE_CALLS = {"show_table", "table_html"}
#: A programmer's name (a column such as ``monthly_rp``), never shown to a reader as such.
_PROGRAMMER_NAME = re.compile(r"^[a-z0-9_.]+$")


def _chapter_table_texts(source: Path) -> Iterator[tuple[str | None, int]]:
    """The texts a chapter's code gives its tables (caption, headers, notes, text cells):
    every string literal inside a call of ``show_table``, except its ``formats`` and
    programmers' names (``monthly_rp``), the caption of every ``show_figure`` and the text of
    every ``translate("...")``, with the
    number of its code cell. ``None`` for an f-string with words in a table: its text cannot
    be looked up in a catalogue (write ``translate("... {x} ...").format(x=...)``)."""
    import ast

    import jupytext

    notebook = jupytext.read(source, fmt="md:myst")
    code_cells = (cell for cell in notebook.cells if cell.cell_type == "code")
    for number, cell in enumerate(code_cells, start=1):
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # a cell with IPython magics: no table in those
            continue
        for node in ast.walk(tree):
            function = node.func if isinstance(node, ast.Call) else None
            name = getattr(function, "id", None) or getattr(function, "attr", None)
            if name == "translate" and len(node.args) == 1:  # translate("... {x} ...")
                argument = node.args[0]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    yield argument.value, number
                continue
            if name == "show_figure":  # its caption (the alt text comes from the figures)
                for keyword in node.keywords:
                    value = keyword.value
                    if keyword.arg == "caption" and isinstance(value, ast.Constant):
                        yield value.value, number
                    elif keyword.arg == "caption" and isinstance(value, ast.JoinedStr):
                        yield None, number
                continue
            if name not in _TABLE_CALLS:
                continue
            skipped = {
                id(inner)
                for keyword in node.keywords
                if keyword.arg == "formats"
                for inner in ast.walk(keyword.value)
            }
            for inner in ast.walk(node):
                if isinstance(inner, ast.JoinedStr) and id(inner) not in skipped:
                    skipped |= {id(part) for part in ast.walk(inner)} - {id(inner)}
                    words = "".join(
                        part.value for part in inner.values if isinstance(part, ast.Constant)
                    )
                    if re.search(r"[A-Za-z]{2}", words):  # words, not just a number's format
                        yield None, number
            for inner in ast.walk(node):
                if id(inner) in skipped or not isinstance(inner, ast.Constant):
                    continue
                text = inner.value
                if isinstance(text, str) and text.strip() and not _PROGRAMMER_NAME.match(text):
                    yield text, number


def _chapters_folder() -> Path:
    """The book's chapters beside the package (in the book's checkout; absent once the
    package is installed from its wheel, which needs only the catalogues)."""
    return Path(__file__).resolve().parent.parent / "chapters"


def package_messages_in_code() -> dict[str, dict[str, list[tuple[str, int]]]]:
    """Every text the package's code marks with ``_("...")`` or ``N_("...")``, and every text
    of its self-check questions, by catalogue: ``{catalogue name: {English text: [(file,
    line or question number), ...]}}``."""
    package = Path(__file__).resolve().parent
    found: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for module in sorted(package.rglob("*.py")):
        where = module.relative_to(package.parent).as_posix()
        for _function, line, text in _marked_texts(module):
            if text:
                entries = found.setdefault(package_catalogue_name(module), {})
                entries.setdefault(text, []).append((where, line))
    for path in sorted((package / "selfchecks").glob("*.toml")):
        where = path.relative_to(package.parent).as_posix()
        entries = found.setdefault(f"selfchecks/{path.stem}.po", {})
        for text, number in _selfcheck_texts(path):
            entries.setdefault(text, []).append((where, number))
    for path in sorted(_chapters_folder().glob("*.md")):
        where = path.relative_to(package.parent).as_posix()
        for text, number in _chapter_table_texts(path):
            if text:
                entries = found.setdefault(f"chapters/{path.stem}.po", {})
                entries.setdefault(text, []).append((where, number))
    return found


def update_package_catalogues(language: str) -> list[Path]:
    """Bring the package's catalogues in ``language`` up to date with its code: new texts
    added untranslated, changed ones marked fuzzy (babel's merge), vanished ones dropped.
    The data's catalogues are kept by hand and left alone. Returns the catalogues written."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    folder = PACKAGE_LOCALE / language / "LC_MESSAGES"
    in_code = package_messages_in_code()
    names = set(in_code) | {path.relative_to(folder).as_posix() for path in folder.rglob("*.po")}
    written = []
    for name in sorted(n for n in names if not _is_data_catalogue(n)):
        path = folder / name
        if path.exists():
            with path.open("rb") as handle:
                catalogue = read_po(handle, locale=language)
        else:
            catalogue = Catalog(locale=language)
        # the same dates as before: a catalogue whose entries did not change is not rewritten
        template = Catalog(locale=language, creation_date=catalogue.creation_date)
        for text, places in in_code.get(name, {}).items():
            template.add(text, locations=places)
        catalogue.update(template)
        catalogue.revision_date = catalogue.creation_date
        catalogue.header_comment = (
            f"# Indonesian words of {name.removesuffix('.po')} (aicap.i18n): kept up to date by\n"
            f"# `python -m aicap.i18n package`; translate every entry, numbers as the English\n"
            f"# writes them (the figure shows them in the Indonesian format)."
        )
        buffer = io.BytesIO()
        write_po(buffer, catalogue, width=0, omit_header=False, ignore_obsolete=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != buffer.getvalue():
            path.write_bytes(buffer.getvalue())
            written.append(path)
    _package_messages.cache_clear()
    return written


_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _marking_problems(module: Path) -> list[str]:
    """Calls of ``_`` or ``N_`` that cannot be translated: anything but one string literal (an
    f-string, a formatted string; a variable with ``N_``) would never reach a catalogue."""
    import ast

    problems = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names = [inner for inner in ast.walk(node) if isinstance(inner, ast.Name)]
            stored = any(name.id == "_" and isinstance(name.ctx, ast.Store) for name in names)
            called = any(
                isinstance(inner, ast.Call) and getattr(inner.func, "id", None) == "_"
                for inner in ast.walk(node)
            )
            if stored and called:  # "a, _, b = ..." makes _ local: _("...") then fails
                problems.append(
                    f"{module.name}:{node.lineno}: {node.name}() assigns _ and calls _(): "
                    "name the unused value otherwise"
                )
    for function, line, text in _marked_texts(module):
        if text == "":
            problems.append(
                f"{module.name}:{line}: {function}() of a built string cannot be translated: "
                'write _("... {name} ...").format(name=...)'
            )
        elif text is None and function == "N_":
            problems.append(f"{module.name}:{line}: N_() takes one string literal")
    return problems


def package_problems(language: str) -> list[str]:
    """What keeps the package's words from showing in ``language``: a marked text without a
    translation (or an outdated one), a translation whose placeholders (``{share:.1f}``) or
    numbers differ from its English, an entry no code uses any more, a text translated two
    ways, and a marking babel cannot extract."""
    problems = []
    package = Path(__file__).resolve().parent
    for module in sorted(package.rglob("*.py")):
        problems += _marking_problems(module)
    for path in sorted(_chapters_folder().glob("*.md")):
        problems += [
            f"{path.name}: code cell {number}: a table's text written as an f-string cannot be "
            'translated: write "... {name} ...".format(name=...)'
            for text, number in _chapter_table_texts(path)
            if text is None
        ]
    in_code = package_messages_in_code()
    seen: dict[str, tuple[str, str]] = {}
    folder = PACKAGE_LOCALE / language / "LC_MESSAGES"
    catalogues = {
        relative.as_posix(): catalogue
        for relative, catalogue in read_catalogues(PACKAGE_LOCALE, language)
    }
    for name, texts in sorted(in_code.items()):
        catalogue = catalogues.get(name)
        for text, places in texts.items():
            message = catalogue.get(text) if catalogue is not None else None
            where = f"{places[0][0]}:{places[0][1]}"
            if message is None or not message.string:
                problems.append(f"{where}: not translated in {name}: {text!r}")
            elif message.fuzzy:
                problems.append(f"{where}: outdated (fuzzy) in {name}: {text!r}")
    for name, catalogue in sorted(catalogues.items()):
        used = in_code.get(name, {})
        for message in catalogue:
            if not message.id or not isinstance(message.string, str) or not message.string:
                continue
            if not _is_data_catalogue(name) and message.id not in used:
                problems.append(f"{folder.name}/{name}: not used by the code: {message.id!r}")
            if sorted(_PLACEHOLDER.findall(message.id)) != sorted(
                _PLACEHOLDER.findall(message.string)
            ):
                problems.append(f"{name}: placeholders differ in {message.id!r}")
            extra = set(_DIGITS.findall(message.string)) - set(_DIGITS.findall(message.id))
            if extra:
                problems.append(
                    f"{name}: numbers not in the English {sorted(extra)} in {message.id!r} "
                    "(write numbers as the English does)"
                )
            earlier = seen.setdefault(message.id, (name, message.string))
            if earlier[1] != message.string:
                problems.append(f"{name} and {earlier[0]} translate {message.id!r} two ways")
    return problems


_WORD = re.compile(r"[A-Za-z][a-z]{2,}")
#: A number written the English way where Indonesian is expected: a decimal point with one or
#: two decimals (42.1), or a thousands comma (3,456; not 0,006, an Indonesian decimal).
_ENGLISH_NUMBER = re.compile(
    r"(?<![\w.,])\d+\.\d{1,2}(?![\d.,])|(?<![\w.,])[1-9]\d{0,2},\d{3}(?!\d)"
)


#: English words no Indonesian sentence uses, even where a translation quotes an English name.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and with from for are this that each their which than".split()
)
_ASIDES = re.compile(r"\*[^*]+\*|“[^”]*”|\"[^\"]*\"|`[^`]*`|\[[^\]]*\]\([^)]*\)|\{[^}]*\}")


@functools.cache
def _english_only_words(language: str) -> frozenset[str]:
    """Words the English of every catalogue (the book's pages and the package's) uses and no
    translation into ``language`` does: a text holding one was most likely left in English.
    Names and terms that the translations keep (NVIDIA, ojol, *rebound*) are not among them."""
    english: set[str] = set()
    translated: set[str] = set()
    root = Path(__file__).resolve().parent.parent
    for folder in (root / LOCALE_DIR, PACKAGE_LOCALE):
        for relative, catalogue in read_catalogues(folder, language):
            if relative.name == "bibliography.po":  # titles of English works, kept as they are
                continue
            for message in catalogue:
                if message.id and isinstance(message.id, str):
                    english.update(word.lower() for word in _WORD.findall(message.id))
                    if isinstance(message.string, str):
                        # English glosses (*rebound*), quotations, roles and links aside
                        own = _ASIDES.sub(" ", message.string)
                        translated.update(word.lower() for word in _WORD.findall(own))
    return frozenset((english - translated) | _ENGLISH_FUNCTION_WORDS)


def english_leftovers(text: str, language: str = "id") -> list[str]:
    """What in ``text`` (shown in the edition in ``language``) looks untranslated: words only
    the English uses (:func:`_english_only_words`) and numbers in the English format."""
    words = _english_only_words(language)
    # a programmer's name (working_week_hours) and a model's version (Gemini 1.0) are no words
    text = _VERSIONED_NAME.sub(" ", re.sub(r"\w*_\w*", " ", text))
    found = [word for word in _WORD.findall(text) if word.lower() in words]
    return found + _ENGLISH_NUMBER.findall(text)


def other_edition_link(pagename: str, language: str, editions: list[str]) -> dict[str, str]:
    """The address (relative to page ``pagename``) of the same page in the other edition."""
    other = next(code for code in editions if code != language)
    up = "../" * pagename.count("/")
    if language == SOURCE_LANGUAGE:
        href = f"{up}{EDITION_FOLDER[other]}/{pagename}.html"
    else:
        href = f"{up}../{pagename}.html"
    return {"href": href, "lang": other, "label": EDITIONS[other]}


#: The book's title in each edition that is not the source.
TITLES = {"id": "AI dan Kapitalisme: buku ajar interaktif"}
#: Sphinx settings whose text the reader sees, in each edition that is not the source.
SETTINGS = {
    "id": {"nb_code_prompt_show": "Tampilkan kode", "nb_code_prompt_hide": "Sembunyikan kode"}
}


def edition_config(path: Path, language: str, execution_cache: Path | None = None) -> str:
    """The book's ``_config.yml`` for the edition in ``language``: the same book, with the
    edition's language, title and the language switch (Jupyter Book 1 has no option to set the
    language from the command line, jupyter-book issue 1791). ``execution_cache``: reuse the
    executed chapters of another build (the English one, for extracting the text)."""
    import yaml

    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
    if language != SOURCE_LANGUAGE:
        config["title"] = TITLES[language]
        sphinx_config["language"] = language
        sphinx_config["aicap_editions"] = [SOURCE_LANGUAGE, language]
        sphinx_config.update(SETTINGS[language])
    if execution_cache is not None:
        sphinx_config["nb_execution_cache_path"] = str(execution_cache)
    header = (
        f"# Generated by `python -m aicap.i18n config {language}` from _config.yml: do not edit.\n"
    )
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


# ---- command line ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aicap.i18n", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    status = commands.add_parser("status", help="what is left to translate, page by page")
    status.add_argument("--language", default="id", choices=sorted(set(EDITIONS) - {"en"}))
    status.add_argument("--root", type=Path, default=Path.cwd())
    commands.add_parser("check", help="translations whose roles or maths differ from the English")
    package = commands.add_parser(
        "package", help="update the package's catalogues (figures, controls) from its code"
    )
    package.add_argument("--language", default="id", choices=sorted(set(EDITIONS) - {"en"}))
    config = commands.add_parser("config", help="print an edition's Jupyter Book configuration")
    config.add_argument("language", choices=sorted(EDITIONS))
    config.add_argument("--root", type=Path, default=Path.cwd())
    config.add_argument("--execution-cache", type=Path, help="reuse this build's executions")
    arguments = parser.parse_args(argv)
    if arguments.command == "config":
        text = edition_config(
            arguments.root / "_config.yml", arguments.language, arguments.execution_cache
        )
        print(text, end="")
        return 0
    if arguments.command == "package":
        for path in update_package_catalogues(arguments.language):
            print(f"updated {path.relative_to(PACKAGE_LOCALE.parent.parent)}")
        problems = package_problems(arguments.language)
        print("\n".join(problems) or "every text of the package's code is translated")
        return 1 if problems else 0
    if arguments.command == "check":
        problems = catalogue_problems(Path.cwd() / LOCALE_DIR, "id")
        problems += package_problems("id")
        print("\n".join(problems) or "every translation keeps its English's roles and maths")
        return 1 if problems else 0
    rows = catalogue_status(arguments.root / LOCALE_DIR, arguments.language)
    rows += [  # the package's words: its figures, tables and self-checks (aicap/locale)
        {**row, "page": f"aicap: {row['page']}"}
        for row in catalogue_status(PACKAGE_LOCALE, arguments.language)
    ]
    print(f"{'page':38} {'entries':>7} {'done':>6} {'fuzzy':>6} {'to do':>6}")
    for row in rows:
        print(
            f"{row['page']:38} {row['entries']:7d} {row['translated']:6d} "
            f"{row['fuzzy']:6d} {row['untranslated']:6d}"
        )
    total = sum(row["entries"] for row in rows)
    done = sum(row["translated"] for row in rows)
    print(f"{'all pages':38} {total:7d} {done:6d}  ({100 * done / max(total, 1):.0f}% translated)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
