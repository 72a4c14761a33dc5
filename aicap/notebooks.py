"""Chapters as plain ``.ipynb`` notebooks a reader can run anywhere: Colab, a local Jupyter,
Binder.

A chapter's source is a MyST Markdown notebook whose prose uses roles and directives that only
the book build understands (``{glue:text}`` numbers, ``{cite:p}`` citations, ``:::`` boxes,
exercises and solutions). :func:`reader_notebook` turns it into a notebook whose Markdown any
Jupyter shows: the numbers filled in from the chapter's own computation, citations as
"(Author Year)" with the references at the end, boxes as quotations, solutions folded in
``<details>`` (left out of the student edition), links into the book as links to its website.
No library converts MyST to plain Jupyter Markdown with resolved values offline (jupytext keeps
MyST; jupyterlab-myst renders it only inside JupyterLab and knows no glue or bibliography), so
the book does this itself for the subset its chapters use; a test checks that no MyST is left.

The first cell of every such notebook (:data:`BOOTSTRAP`) installs the book's package from the
book's website when it is missing or is another build, and does nothing otherwise, so the
notebook survives *Restart and run all*, a second notebook in the same environment and a re-run
after a failure. ``python -m aicap.notebooks <folder>`` runs every chapter and writes its
reader notebook into ``<folder>`` (Binder's ``postBuild`` does this).
"""

from __future__ import annotations

import functools
import hashlib
import html
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jupytext
import nbformat

from aicap.i18n import (
    EDITION_FOLDER,
    SOURCE_LANGUAGE,
    _,
    edition,
    edition_language,
    edition_numbers,
    translate,
)

#: Where a built site keeps the package's wheel (see :func:`aicap.sphinx_ext.publish_wheel`).
WHEEL_FOLDER = "_static/aicap/"
#: Where a built site keeps the data tables as CSV files, for readers who work by hand.
DATA_FOLDER = "_static/aicap/data/"

#: Code of the first cell of every reader notebook.
#: First lines of the set-up cell of a notebook of the edition in another language.
EDITION_LINES = {
    "id": (
        "# Edisi Bahasa Indonesia: the book's package writes its figures, tables and self-checks\n"
        "# in Indonesian (AICAP_LANG).\n"
        "import os\n\n"
        'os.environ["AICAP_LANG"] = "id"\n\n'
    )
}

BOOTSTRAP = """\
# Set-up. This notebook needs the book's Python package, aicap (its models, data and figures).
# This cell installs it from the book's website the first time and does nothing after that,
# so "Restart and run all" and the book's other notebooks work in the same environment.
BOOK = "{book_url}"
PACKAGE = "{wheel_url}"
BUILD = "{build_id}"

import importlib
import importlib.metadata
import subprocess
import sys


def _installed_build():
    try:
        import aicap

        return aicap.build_id()
    except Exception:  # not installed, or too old to say
        return None


def _editable():
    try:
        return '"editable": true' in (
            importlib.metadata.distribution("aicap").read_text("direct_url.json") or ""
        )
    except importlib.metadata.PackageNotFoundError:
        return False


_found = _installed_build()
if _found != BUILD and _found is not None and _editable():
    print("Using your own copy of the book's package (a checkout); this notebook was made for "
          "build " + BUILD[:12] + ".")
elif _found != BUILD:
    print("Installing the book's package from " + PACKAGE + " ...")
    command = [sys.executable, "-m", "pip", "install", "--quiet", PACKAGE]
    if _found is not None:  # another build of the package: replace it
        command[4:4] = ["--force-reinstall", "--no-deps"]
    if subprocess.run(command).returncode != 0:
        raise RuntimeError(
            "Could not install the book's package from " + PACKAGE + ". This notebook needs "
            "the internet once, to fetch it. Connect, then run this cell again (on Colab: "
            "Runtime > Run all). Without a connection you can still read the chapter on the "
            "book's website, " + BOOK + ", if it is saved on your computer."
        ) from None
    for name in [module for module in sys.modules if module.split(".")[0] == "aicap"]:
        del sys.modules[name]  # import the new copy, not one loaded before
    importlib.invalidate_caches()
    print("Installed.")
try:  # Colab shows ipywidgets 8 after this (elsewhere it is not needed)
    from google.colab import output

    output.enable_custom_widget_manager()
except ImportError:
    pass"""


def is_myst_notebook(text: str) -> bool:
    """True for a MyST Markdown notebook (a jupytext header naming the myst format)."""
    return text.startswith("---\njupytext:") and "format_name: myst" in text.split("\n---", 1)[0]


SOLUTION_BLOCK = re.compile(r"^(:{3,})\{solution\}.*?^\1[ \t]*\n?", flags=re.M | re.S)
#: A code cell tagged ``solution``: it computes an answer that only a solution shows.
SOLUTION_CELL = re.compile(
    r"^(`{3,})\{code-cell\}[^\n]*\n"  # the fence
    r":tags:[ \t]*\[[^\]\n]*\bsolution\b[^\]\n]*\][^\n]*\n"  # tags naming "solution"
    r".*?^\1[ \t]*\n?",  # up to the closing fence
    flags=re.M | re.S,
)


def strip_solutions(text: str) -> str:
    """The chapter text for the student edition: without its ``{solution}`` blocks and without
    the code cells tagged ``solution`` that compute their answers (exercises stay)."""
    return SOLUTION_CELL.sub("", SOLUTION_BLOCK.sub("", text))


# -- what the prose refers to ------------------------------------------------------------------


@dataclass
class BookIndex:
    """What a chapter's prose refers to, to write it out in plain Markdown.

    ``glue`` maps a glued name to its MIME bundle (``{"text/plain": ...}``); ``bibliography``
    is the path of ``references.bib``; ``labels`` maps a label to ``(page, title)``;
    ``book_url`` is the book's website (links into the book point there).
    """

    glue: dict[str, dict[str, Any]]
    bibliography: Path
    labels: dict[str, tuple[str, str]]
    book_url: str
    #: The edition whose pages the links lead to (the Indonesian one lives under ``id/``).
    language: str = "en"
    _entries: dict[str, Any] | None = field(default=None, repr=False)
    _labels: dict[str, str] | None = field(default=None, repr=False)

    def entries(self) -> dict[str, Any]:
        if self._entries is None:
            self._entries = dict(_bibliography(self.bibliography))
        return self._entries

    def labels_of_works(self) -> dict[str, str]:
        if self._labels is None:
            self._labels = citation_labels(self.bibliography)
        return self._labels

    def page_url(self, page: str, anchor: str = "") -> str:
        folder = "" if self.language == SOURCE_LANGUAGE else f"{EDITION_FOLDER[self.language]}/"
        return f"{self.book_url}{folder}{page}.html" + (f"#{anchor}" if anchor else "")


_LABEL_LINE = re.compile(
    r"^\((?P<label>[\w.-]+)\)=[ \t]*\n+(?P<hashes>#+)[ \t]+(?P<title>.+?)[ \t]*$", re.M
)


_EXERCISE_LABEL = re.compile(
    r"^:{3,}\{exercise\}[^\n]*\n(?::[\w-]+:[^\n]*\n)*?:label:[ \t]*(\S+)", re.M
)


def exercise_labels(text: str) -> list[str]:
    """The labels of a page's ``{exercise}`` boxes, in order (their numbers are 1, 2, ...)."""
    return _EXERCISE_LABEL.findall(text)


def book_pages(root: Path) -> list[str]:
    """Every page of the book's table of contents (``_toc.yml``), as ``chapters/x`` or ``x``."""
    import yaml  # installed with Jupyter Book

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", []):
        pages += [entry["file"] for entry in part.get("chapters", [])]
    return pages


def book_labels(root: Path, pages: list[str]) -> dict[str, tuple[str, str]]:
    """What the book's labels point at, read from the sources: ``label -> (page, text)``, the
    heading after a ``(label)=`` line, or ``Exercise N`` for an exercise's label."""
    labels: dict[str, tuple[str, str]] = {}
    for page in pages:
        path = root / f"{page}.md"
        if path.exists():
            text = path.read_text(encoding="utf-8")
            for match in _LABEL_LINE.finditer(text):
                labels[match["label"]] = (page, _plain(match["title"]))
            for number, label in enumerate(exercise_labels(text), start=1):
                labels[label] = (page, _("Exercise {number}").format(number=number))
    return labels


def _plain(text: str) -> str:
    return re.sub(r"[*_`]", "", text).strip()


# -- MyST to Jupyter Markdown --------------------------------------------------------------------


def page_translations(root: Path, page: str, language: str) -> dict[str, str] | None:
    """The translations of a page's text (``locale/<language>/LC_MESSAGES/<page>.po``, the
    catalogue the book's edition in that language is built from): English paragraph ->
    translation, outdated (fuzzy) and empty entries left out; ``None`` for the source language,
    which needs none."""
    from babel.messages.pofile import read_po

    if language == SOURCE_LANGUAGE:
        return None
    path = root / "locale" / language / "LC_MESSAGES" / f"{page}.po"
    if not path.exists():
        raise ValueError(f"no {language} catalogue for {page} ({path} is missing)")
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    return {
        message.id: message.string
        for message in catalogue
        if message.id and isinstance(message.string, str) and message.string and not message.fuzzy
    }


_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d+[.)])[ \t]+(?P<text>\S.*)$")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.+?)[ \t]*$")
_COLON_FENCE = re.compile(r"^(?P<fence>[ \t]*:{3,})(?P<name>\{[\w:-]+\})?[ \t]*(?P<argument>.*)$")
_CODE_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


@dataclass
class _Translation:
    """Translating one page's MyST Markdown: its catalogue, and what was and was not found."""

    messages: dict[str, str]
    found: int = 0
    missing: list[str] = field(default_factory=list)

    def text(self, lines: list[str]) -> str | None:
        """The translation of the text of ``lines`` (looked up as Sphinx extracts it: the
        lines joined by single spaces), or ``None``."""
        key = " ".join(line.strip() for line in lines).strip()
        if not key or not re.search(r"[A-Za-z]", key):
            return None
        translation = self.messages.get(key)
        if translation is None:
            self.missing.append(key)
        else:
            self.found += 1
        return translation


def translate_myst(text: str, translation: _Translation) -> str:
    """A Markdown cell of a MyST page with its prose in another language: every heading,
    paragraph, list item, quotation, table cell and box title that the page's catalogue
    translates is replaced by its translation; code, maths, labels, directive options and
    anything not found are kept as they are (and counted in ``translation``)."""
    lines, out, i = text.split("\n"), [], 0
    ordered = False  # inside a numbered list

    def starts_block(line: str, ordered_items: bool = False) -> bool:
        """Whether ``line`` ends the paragraph before it. A numbered line ("2023. It ...")
        starts a list there only if it is "1." or follows items numbered the same way (the
        CommonMark rule), so a year at the start of a wrapped line stays in its sentence."""
        item = _LIST_ITEM.match(line)
        if item and item["marker"][0].isdigit() and item["marker"][:-1] != "1":
            item = item if ordered_items else None
        return bool(
            not line.strip()
            or item
            or _HEADING.match(line)
            or _COLON_FENCE.match(line)
            or _CODE_FENCE.match(line)
            or line.lstrip().startswith(("|", ">", "$$", ":::"))
            or re.match(r"^\([\w.-]+\)=$", line.strip())
        )

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or re.match(r"^\([\w.-]+\)=$", stripped):
            out.append(line)
            i += 1
            if not stripped and i < len(lines) and not _LIST_ITEM.match(lines[i]):
                ordered = ordered and lines[i].startswith((" ", "\t"))
        elif (fence := _CODE_FENCE.match(line)) or stripped.startswith("$$"):
            closing = fence.group(1) if fence else "$$"
            out.append(line)
            i += 1
            if not fence and stripped != "$$" and stripped.endswith("$$"):
                continue  # $$ ... $$ on one line
            while i < len(lines) and not lines[i].strip().startswith(closing):
                out.append(lines[i])
                i += 1
            if i < len(lines):
                out.append(lines[i])
                i += 1
        elif stripped.startswith(":::"):
            match = _COLON_FENCE.match(line)
            argument = match["argument"]
            labelled = match["name"] in ("{exercise}", "{solution}")  # the argument is a label
            translated = (
                translation.text([argument])
                if match["name"] and argument and not labelled
                else None
            )
            out.append(line if translated is None else line.replace(argument, translated, 1))
            i += 1
            while i < len(lines) and re.match(r"^[ \t]*:[\w-]+:", lines[i]):
                out.append(lines[i])  # the directive's options
                i += 1
        elif heading := _HEADING.match(line):
            translated = translation.text([heading["text"]])
            out.append(line if translated is None else f"{heading['hashes']} {translated}")
            i += 1
        elif stripped.startswith("|"):
            cells = line.split("|")
            if all(re.fullmatch(r"[ \t:-]*", cell) for cell in cells):
                out.append(line)  # the line under the header
            else:
                out.append(
                    "|".join(
                        cell
                        if (done := translation.text([cell])) is None
                        else cell.replace(cell.strip(), done)
                        for cell in cells
                    )
                )
            i += 1
        elif (item := _LIST_ITEM.match(line)) and (
            not item["marker"][0].isdigit() or item["marker"][:-1] == "1" or ordered
        ):
            ordered = item["marker"][0].isdigit()
            block, i = [item["text"]], i + 1
            # the item's text runs on to the next block (lazy continuation lines included)
            while i < len(lines) and not starts_block(lines[i], ordered):
                block.append(lines[i])
                i += 1
            translated = translation.text(block)
            if translated is None:
                out.append(line)
                out.extend(block[1:])
            else:
                out.append(f"{item['indent']}{item['marker']} {translated}")
        elif stripped.startswith(">"):
            block = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                block.append(lines[i].strip()[1:].strip())
                i += 1
            translated = translation.text(block)
            if translated is None:
                out.extend(f"> {quoted}" for quoted in block)
            else:
                out.append(f"> {translated}")
        else:
            indent = line[: len(line) - len(line.lstrip())]
            block, i = [line], i + 1
            while i < len(lines) and not starts_block(lines[i]):
                block.append(lines[i])
                i += 1
            translated = translation.text(block)
            if translated is None:
                out.extend(block)
            else:
                out.append(f"{indent}{translated}")
    return "\n".join(out)


def _format_glue(bundle: dict[str, Any], spec: str) -> str:
    from myst_nb.core.variables import format_plain_text

    # as the edition writes it: 42,1 and a month's name in Indonesian in the Indonesian one
    return edition_numbers(translate(format_plain_text(bundle["text/plain"], spec)))


def _surname(entry: Any) -> str:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if not people:
        return _plain(entry.fields.get("organization", entry.fields.get("title", "?")))
    names = [
        " ".join(person.last_names or person.first_names).replace("{", "").replace("}", "")
        for person in people
    ]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


def _year(entry: Any) -> str:
    return entry.fields.get("year", "n.d.")


def _bibliography(path: Path) -> Any:
    """The entries of ``path`` (pybtex), parsed once per content of the file: a build writes
    seven notebooks from one bibliography, and parsing it takes about half a second."""
    file = Path(path)
    return _parsed_bibliography(str(file), hashlib.sha256(file.read_bytes()).hexdigest())


@functools.lru_cache(maxsize=4)
def _parsed_bibliography(path: str, digest: str) -> Any:
    from pybtex.database import parse_file

    return parse_file(path).entries


def citation_labels(bibliography: Path) -> dict[str, str]:
    """Each entry's label as the book cites it, "Surname Year" ("Acemoglu and Restrepo 2019"),
    with a, b, ... where two works share both (ordered by key): one label per work, the same
    in every chapter's list and in the notebooks."""
    entries = _bibliography(bibliography)
    groups: dict[str, list[str]] = {}
    for key in sorted(entries):
        groups.setdefault(f"{_surname(entries[key])} {_year(entries[key])}", []).append(key)
    labels = {}
    for base, keys in groups.items():
        for number, key in enumerate(keys):
            labels[key] = base if len(keys) == 1 else f"{base}{chr(ord('a') + number)}"
    return labels


@dataclass
class _Chapter:
    """What converting one chapter collects as it goes."""

    page: str
    index: BookIndex
    student: bool
    exercises: dict[str, int] = field(default_factory=dict)
    cited: list[str] = field(default_factory=list)

    def cite(self, keys: str, textual: bool) -> str:
        labels = self.index.labels_of_works()
        parts = []
        for key in (k.strip() for k in keys.split(",")):
            entry = self.index.entries().get(key)
            if entry is None:
                raise ValueError(f"{self.page}: citation {key!r} is not in references.bib")
            if key not in self.cited:
                self.cited.append(key)
            label, name = labels[key], _surname(entry)
            when = label[len(name) + 1 :]
            parts.append(f"[{name} ({when})](#ref-{key})" if textual else f"[{label}](#ref-{key})")
        return "; ".join(parts) if textual else "(" + "; ".join(parts) + ")"

    def reference(self, target: str) -> str:
        text, _sep, label = target.rpartition("<")
        if label.endswith(">"):
            text, label = text.strip(), label[:-1].strip()
        else:
            text, label = "", target.strip()
        if label in self.exercises:
            number = self.exercises[label]
            return f"[{text or _('Exercise {number}').format(number=number)}](#{label})"
        page, title = self.index.labels.get(label, ("", ""))
        if not page:
            raise ValueError(f"{self.page}: no label {label!r} in the book")
        text = text or title
        return (
            f"[{text}](#{label})"
            if page == self.page
            else f"[{text}]({self.index.page_url(page, label)})"
        )

    def document(self, target: str) -> str:
        text, _sep, page = target.rpartition("<")
        if page.endswith(">"):
            text, page = text.strip(), page[:-1].strip()
        else:
            text, page = target.strip(), target.strip()
        page = page.lstrip("/")
        return f"[{text}]({self.index.page_url(page)})"


_ROLE = re.compile(r"\{(?P<name>[\w:-]+)\}`(?P<content>[^`]+)`")
_FENCE = re.compile(r"^(?P<fence>:{3,})\{(?P<name>[\w-]+)\}(?P<argument>[^\n]*)\n", re.M)
_CODE_BLOCK = re.compile(r"^(?P<ticks>`{3,})(?P<info>[^\n]*)\n.*?^(?P=ticks)[ \t]*$", re.M | re.S)


def _roles(text: str, chapter: _Chapter) -> str:
    def replace(match: re.Match) -> str:
        name, content = match["name"], match["content"]
        if name == "glue:text" or name == "glue":
            key, _sep, spec = content.partition(":")
            key = key.split("::")[-1]
            if key not in chapter.index.glue:
                raise ValueError(f"{chapter.page}: no glued value {key!r}")
            return _format_glue(chapter.index.glue[key], spec)
        if name in ("cite:p", "cite", "cite:ps"):
            return chapter.cite(content, textual=False)
        if name in ("cite:t", "cite:ts"):
            return chapter.cite(content, textual=True)
        if name in ("ref", "numref"):
            return chapter.reference(content)
        if name == "doc":
            return chapter.document(content)
        if name == "setting":
            from aicap.interactive import parse_setting

            label, _figure, values = parse_setting(content)
            shown = ", ".join(f"{key} = {value}" for key, value in values.items())
            return _("**{label}** (in the interactive figure: {shown})").format(
                label=label, shown=shown
            )
        if name == "csv":
            table = content.strip()
            return f"[{table}.csv]({chapter.index.book_url}{DATA_FOLDER}{table}.csv)"
        if name in ("math",):
            return f"${content}$"
        return content  # emphasis-like roles: keep the words

    return _ROLE.sub(replace, text)


def _options(body: str) -> tuple[dict[str, str], str]:
    """Split a directive's ``:key: value`` lines off the top of its body."""
    options = {}
    lines = body.split("\n")
    while lines and re.match(r"^:[\w-]+:", lines[0]):
        key, _sep, value = lines.pop(0)[1:].partition(":")
        options[key.strip()] = value.strip()
    return options, "\n".join(lines).strip("\n")


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.split("\n"))


def _directives(text: str, chapter: _Chapter) -> str:
    """Colon-fenced directives (``:::{name}``), innermost content converted first."""
    out, position = [], 0
    while (start := _FENCE.search(text, position)) is not None:
        fence = start["fence"]
        end = re.compile(rf"^{fence}[ \t]*$", re.M).search(text, start.end())
        if end is None:
            raise ValueError(f"{chapter.page}: {fence}{{{start['name']}}} is never closed")
        out.append(text[position : start.start()])
        options, body = _options(text[start.end() : end.start()])
        body = _directives(body, chapter)
        out.append(_directive(start["name"], start["argument"].strip(), options, body, chapter))
        position = end.end()
    out.append(text[position:])
    return "".join(out)


def _directive(name: str, argument: str, options: dict, body: str, chapter: _Chapter) -> str:
    if name == "exercise":
        label = options.get("label", "")
        number = chapter.exercises.setdefault(label, len(chapter.exercises) + 1)
        anchor = f'<a id="{label}" name="{label}"></a>\n\n' if label else ""
        return f"{anchor}**{_('Exercise {number}').format(number=number)}.** {body}"
    if name == "solution":
        if chapter.student:
            return ""
        number = chapter.exercises.get(argument, "")
        summary = _("Solution to Exercise {number}").format(number=number)
        return f"<details>\n<summary>{summary}</summary>\n\n{body}\n\n</details>"
    title = argument or _(name.capitalize())
    if "dropdown" in options.get("class", ""):
        return f"<details>\n<summary>{html.escape(_plain(title))}</summary>\n\n{body}\n\n</details>"
    return _quote(f"**{title}**\n\n{body}")


def _references(chapter: _Chapter) -> str:
    """The works the chapter cited, A to Z, as a Markdown list (each with an anchor)."""
    from pybtex.database import Entry
    from pybtex.plugin import find_plugin

    style = find_plugin("pybtex.style.formatting", "plain")()
    entries = chapter.index.entries()
    keys = sorted(chapter.cited, key=lambda key: (_surname(entries[key]), _year(entries[key])))
    lines = []
    for key in keys:
        cited = entries[key]  # shared by every chapter of the build: changed only in a copy
        fields = {  # \url{...} is LaTeX, not text
            name: re.sub(r"\\url\{([^}]*)\}", r"\1", value) for name, value in cited.fields.items()
        }
        entry = Entry(cited.type, fields=fields, persons=cited.persons)
        text = style.format_entry(key, entry).text.render_as("markdown").replace("\n", " ")
        label = chapter.index.labels_of_works()[key]
        lines.append(f'- <a id="ref-{key}" name="ref-{key}"></a>**{label}.** {text}')
    return "\n".join(lines) if lines else _("(No works are cited in this chapter.)")


def reader_markdown(text: str, chapter: _Chapter) -> str:
    """One Markdown cell of a chapter in plain Jupyter Markdown (see the module's notes)."""
    blocks: list[str] = []

    def keep(match: re.Match) -> str:
        if match["info"].strip().startswith("{bibliography}"):
            return "\0REFERENCES\0"
        blocks.append(match.group(0))
        return f"\0CODE{len(blocks) - 1}\0"

    text = _CODE_BLOCK.sub(keep, text)
    text = re.sub(r"^\(([\w.-]+)\)=[ \t]*$", r'<a id="\1" name="\1"></a>', text, flags=re.M)
    text = _directives(text, chapter)
    text = _roles(text, chapter)
    text = re.sub(r"\0CODE(\d+)\0", lambda m: blocks[int(m.group(1))], text)
    return text


def reader_notebook(
    source: Path,
    index: BookIndex,
    *,
    page: str,
    wheel_url: str,
    build: str,
    student: bool = False,
    translations: dict[str, str] | None = None,
) -> str:
    """The chapter at ``source`` as ``.ipynb`` JSON a reader runs anywhere: plain Markdown,
    no outputs, the set-up cell first, cell ids fixed by their content (the same chapter always
    gives the same file). With ``student=True`` the solutions are left out.

    In the edition of another language (:func:`aicap.i18n.edition_language`), the prose is
    the page's translation (``translations``, from :func:`page_translations`), the numbers
    are written as that edition writes them, and the set-up cell makes the package speak the
    edition's language, so figures, tables and self-checks follow."""
    language = edition_language()
    if language != SOURCE_LANGUAGE and translations is None:
        raise ValueError(f"a notebook of the {language!r} edition needs the page's translations")
    translation = _Translation(translations or {})
    text = source.read_text(encoding="utf-8")
    if student:
        text = strip_solutions(text)
    notebook = jupytext.reads(text, fmt="md:myst")
    chapter = _Chapter(page=page, index=index, student=student)
    for label in exercise_labels(text):  # number the exercises first: the prose may refer ahead
        chapter.exercises.setdefault(label, len(chapter.exercises) + 1)
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            if language != SOURCE_LANGUAGE:
                cell.source = translate_myst(cell.source, translation)
            cell.source = reader_markdown(cell.source, chapter)
        else:
            cell.outputs, cell.execution_count = [], None
            tags = cell.metadata.get("tags", [])
            if "remove-cell" in tags or "remove-input" in tags or "hide-input" in tags:
                cell.metadata["jupyter"] = {"source_hidden": True}
        cells.append(cell)
    notebook.cells = cells
    references = _references(chapter)
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and "\0REFERENCES\0" in cell.source:
            cell.source = cell.source.replace("\0REFERENCES\0", references)
    setup = nbformat.v4.new_code_cell(
        EDITION_LINES.get(language, "")
        + BOOTSTRAP.format(book_url=index.book_url, wheel_url=wheel_url, build_id=build)
    )
    setup.metadata["tags"] = ["setup"]
    notebook.cells.insert(0, setup)
    for number, cell in enumerate(notebook.cells):
        digest = hashlib.sha256(f"{number}\0{cell.cell_type}\0{cell.source}".encode()).hexdigest()
        cell["id"] = digest[:16]
    notebook.metadata.pop("jupytext", None)
    notebook.metadata.setdefault("language_info", {"name": "python"})
    nbformat.validate(notebook)
    return nbformat.writes(notebook)


# -- glue values by running a chapter (Binder's postBuild) --------------------------------------


def glue_of(notebook: nbformat.NotebookNode) -> dict[str, dict[str, Any]]:
    """The values a run notebook glued: ``name -> MIME bundle`` (as myst-nb reads them)."""
    from myst_nb.ext.glue import extract_glue_data_cell

    values = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            for key, output in extract_glue_data_cell(cell):
                values[key] = dict(output["data"])
    return values


def run_chapter(source: Path, timeout: int = 300, attempts: int = 3) -> dict[str, dict[str, Any]]:
    """Run the chapter at ``source`` in a fresh kernel and return what it glued.

    The kernel runs as the book's build does (``AICAP_STATIC``: figures drawn, no widget
    built): only the glued values are wanted, and no widget traffic is needed for them. A run
    in which one cell gets no answer for ``timeout`` seconds is started again in a fresh kernel,
    up to ``attempts`` times: with ipykernel 7 and nbclient a kernel now and then leaves a
    request unanswered although it is idle (seen while building Binder's notebooks).
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    environment = {**os.environ, "AICAP_STATIC": "1"}  # the kernel's, not this process's
    for attempt in range(1, attempts + 1):
        notebook = jupytext.read(source, fmt="md:myst")
        client = NotebookClient(
            notebook,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(source.parent)}},
        )
        try:
            client.execute(env=environment)
        except (CellTimeoutError, DeadKernelError, TimeoutError) as problem:
            if attempt == attempts:
                raise
            print(f"{source.name}: {type(problem).__name__}; running it again", file=sys.stderr)
        else:
            return glue_of(notebook)
    raise ValueError(f"attempts must be at least 1; got {attempts}")


def write_reader_notebooks(
    root: Path, folder: Path, book_url: str, languages: tuple[str, ...] = ("en", "id")
) -> list[Path]:
    """Run every chapter of the book at ``root`` once and write its reader notebook to
    ``folder`` (English) and ``folder/<edition folder>`` for each other language (``id/``:
    the Indonesian one, whose glued words and numbers the conversion puts in Indonesian)."""
    import aicap
    from aicap.text import book_chapters

    pages = [f"chapters/{stem}" for stem in book_chapters(root / "_toc.yml")]
    labels = {}  # each edition's names of the book's labels ("Exercise 3", "Latihan 3")
    for language in languages:
        with edition(language):
            labels[language] = book_labels(root, book_pages(root))
    written = []
    for page in pages:
        source = root / f"{page}.md"
        glue = run_chapter(source)
        for language in languages:
            with edition(language):
                index = BookIndex(
                    glue, root / "references.bib", labels[language], book_url, language
                )
                notebook = reader_notebook(
                    source,
                    index,
                    page=page,
                    wheel_url=f"{book_url}{WHEEL_FOLDER}{wheel_name()}",
                    build=aicap.build_id(),
                    translations=page_translations(root, page, language),
                )
            where = folder if language == SOURCE_LANGUAGE else folder / EDITION_FOLDER[language]
            where.mkdir(parents=True, exist_ok=True)
            target = where / f"{source.stem}.ipynb"
            target.write_text(notebook, encoding="utf-8")
            written.append(target)
    return written


def repository(config: dict[str, Any]) -> tuple[str, str]:
    """The book's repository address and branch: ``_config.yml``'s ``repository`` (the one
    place a fork edits), unless the publishing workflow sets ``AICAP_REPOSITORY_URL`` /
    ``AICAP_REPOSITORY_BRANCH`` from the forge's own variables."""
    settings = config.get("repository", {})
    url = os.environ.get("AICAP_REPOSITORY_URL") or settings.get("url", "")
    branch = os.environ.get("AICAP_REPOSITORY_BRANCH") or settings.get("branch", "main")
    return url.rstrip("/"), branch


def site_url(config: dict[str, Any]) -> str:
    """The book's website, ending in ``/``: ``AICAP_SITE_URL`` if the publishing workflow sets
    it, else ``html.baseurl`` of ``_config.yml``, else the GitHub Pages address of the
    repository (``https://github.com/owner/name`` -> ``https://owner.github.io/name/``)."""
    url = os.environ.get("AICAP_SITE_URL") or config.get("html", {}).get("baseurl", "")
    if not url:
        repo = repository(config)[0]
        match = re.match(r"https://github\.com/([^/]+)/([^/]+)$", repo)
        if match is None:
            raise ValueError(f"cannot tell the book's website from repository.url {repo!r}")
        url = f"https://{match[1].lower()}.github.io/{match[2]}/"
    return url if url.endswith("/") else url + "/"


def wheel_name() -> str:
    """The file name of the package's wheel (as ``pip wheel`` names it)."""
    import aicap

    return f"aicap-{aicap.__version__}-py3-none-any.whl"


if __name__ == "__main__":  # pragma: no cover - Binder's postBuild
    if len(sys.argv) != 3:
        sys.exit("usage: python -m aicap.notebooks <book folder> <output folder>")
    root = Path(sys.argv[1]).resolve()
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    for path in write_reader_notebooks(root, Path(sys.argv[2]), site_url(config)):
        print("wrote", path)
