"""Sphinx extension used by the book build (listed in _config.yml).

1. It marks the build as *static* before any notebook runs, so every InteractiveFigure renders
   its default figure and a how-to-make-it-live note instead of controls that would do nothing
   on a page without a kernel. Notebook kernels are child processes of the build and inherit it.
2. It removes script tags a static page does not need: the in-page-kernel (Thebe) loader, which
   the book does not use, and the inline scripts that Sphinx 7.4 with this theme emits twice
   (the duplicate raises a console error in every browser).
3. It renders the maths at build time as MathML (no MathJax: 300 kB less, and no raw TeX
   for a reader whose JavaScript is off or still loading).
4. It gives bibliography entries a valid ARIA role (an accessibility error otherwise).
5. It writes every chapter as a downloadable ``.ipynb`` that runs anywhere
   (:mod:`aicap.notebooks`: plain Markdown with this build's numbers, no outputs, a first cell
   that installs the book's package from the site when it is missing, e.g. on Colab), adds it
   to the page's download menu, and puts the package's wheel on the site.
6. It empties the execution cache when the book's package or data tables change (the cache
   notices only changes to a chapter's own code), so no page shows outdated results.
7. After the build it removes the theme's FontAwesome script from every page and cuts its icon
   fonts down to the icons the pages use (:mod:`aicap.icons`): 800 kB less per first visit.
8. ``AICAP_EDITION=student`` builds the student edition: solutions are left out (exercises
   stay), and notebook results are reused from the full build's execution cache.
9. It draws the states of every explorable figure a page shows (:mod:`aicap.explorable`), in
   worker processes while the chapters execute, keeps them beside the execution cache (same
   key: the package and the data) and puts them in ``_static/aicap/states/``.
10. It moves the figures embedded in pages as ``data:`` URIs into files of their own in
    ``_images/aicap/`` (named by their content), so a phone downloads only the narrow layout
    of each figure and only when the reader scrolls to it.
11. The role ``{setting}`label <figure: name=value, ...>``` links the text to an explorable
    figure: the link sets the figure to that setting, and the build fails if the page cannot
    show it (a value that is not one of the figure's page positions).
12. Two memos keep a rebuild with nothing changed short (``make bench`` measures it): numbered
    references read each target page's doctree once per build instead of once per reference
    (:class:`BookStandardDomain`), and pybtex looks each plugin up and decodes each field's
    LaTeX once (:func:`memoise_pybtex`). Sphinx 7.4 (the newest that Jupyter Book 1 allows)
    and pybtex 0.26 do neither; together they were more than half of such a rebuild.
"""

from __future__ import annotations

import concurrent.futures
import functools
import hashlib
import html
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from docutils import nodes
from sphinx.domains.std import StandardDomain
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

import aicap
from aicap.explorable import draw_states, is_drawn
from aicap.i18n import EDITION_FOLDER, SOURCE_LANGUAGE
from aicap.icons import trim_icons
from aicap.interactive import parse_setting, setting_problems
from aicap.notebooks import (
    DATA_FOLDER,
    WHEEL_FOLDER,
    BookIndex,
    book_labels,
    book_pages,
    is_myst_notebook,
    page_translations,
    reader_notebook,
    repository,
    site_url,
    strip_solutions,
    wheel_name,
)
from aicap.style import LAYOUT_NAMES

LOGGER = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"


def _asset_key(asset: Any) -> tuple[str, str]:
    filename = str(getattr(asset, "filename", asset) or "")
    body = str(getattr(asset, "attributes", {}).get("body", ""))
    return filename, body


def _is_thebe(asset: Any) -> bool:
    filename, body = _asset_key(asset)
    return "thebe" in filename.lower() or "THEBE" in body


def clean_page_assets(app, pagename, templatename, context, doctree) -> None:
    """Drop duplicate and Thebe scripts/styles from one page (in place, per page)."""
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if not assets:
            continue
        seen: set[tuple[str, str]] = set()
        kept = []
        for asset in assets:
            identity = _asset_key(asset)
            if _is_thebe(asset) or identity in seen:
                continue
            seen.add(identity)
            kept.append(asset)
        assets[:] = kept


def _mathml(latex: str, display: str) -> str:
    from latex2mathml.converter import convert

    return convert(latex.strip(), display=display)


def visit_math_html(self, node) -> None:
    """Inline maths as MathML, which browsers draw natively: nothing to download, nothing
    to run, and readable with JavaScript off."""
    self.body.append(_mathml(node.astext(), "inline"))
    raise nodes.SkipNode


def visit_displaymath_html(self, node) -> None:
    """Display maths as MathML in a box of its own that scrolls sideways when the equation is
    wider than the screen (with a shadow at the edge that hides more; keyboard-focusable)."""
    self.body.append(
        '<div class="aicap-math" tabindex="0" role="group" aria-label="equation">'
        f"{_mathml(node.astext(), 'block')}</div>"
    )
    raise nodes.SkipNode


def fix_citation_roles(app, pagename, templatename, context, doctree) -> None:
    """Give reference-list entries the ARIA role their list needs (docutils writes a role that
    screen readers and axe-core do not accept as a list item)."""
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def is_student_edition() -> bool:
    """True when building the student edition (``AICAP_EDITION=student``)."""
    return os.environ.get("AICAP_EDITION") == "student"


def student_edition(app, config) -> None:
    """Student edition: reuse the full build's executions and drawn states where the code is
    the same (the chapters lose their solutions as they are read: :func:`student_source`)."""
    if is_student_edition():
        config.hide_solutions = True
        full_build = Path(app.srcdir) / "_build"
        if config.language == "id":  # the Indonesian edition's kernels ran in Indonesian
            full_build = full_build / "id" / "_build"
        config.nb_execution_cache_path = str(full_build / ".jupyter_cache")


def student_source(app, docname, source) -> None:
    """Student edition: read every page without its solutions and without the code cells
    tagged ``solution`` that compute their answers, so no page, search index, download or
    notebook holds them."""
    if is_student_edition():
        source[0] = strip_solutions(source[0])


def strip_solutions_from_sources(app, exception) -> None:
    """Student edition: the downloadable page sources must not carry the solutions either."""
    if exception is not None or not is_student_edition():
        return
    for path in (Path(app.outdir) / "_sources").rglob("*.md*"):
        if path.suffix == ".ipynb":
            continue
        text = path.read_text(encoding="utf-8")
        path.write_text(strip_solutions(text), encoding="utf-8")


def _notebook_source(app, pagename: str) -> Path | None:
    """The MyST notebook of a chapter page (only chapters are offered as notebooks)."""
    if not pagename.startswith("chapters/"):
        return None
    source = Path(app.srcdir) / f"{pagename}.md"
    if source.exists() and is_myst_notebook(source.read_text(encoding="utf-8")):
        return source
    return None


def only_chapters_are_notebooks(app, pagename, templatename, context, doctree) -> None:
    """Pages that run code to build themselves (the glossary, the instructor guide) are not
    chapters: the theme offers them neither a launch button nor an executed notebook, whose
    run times would also make two builds differ."""
    if not pagename.startswith("chapters/"):
        app.env.metadata.get(pagename, {}).pop("kernelspec", None)


def offer_notebook_download(app, pagename, templatename, context, doctree) -> None:
    """Put ``.ipynb`` in the page's download menu (before the theme builds the menu)."""
    if _notebook_source(app, pagename):
        context["ipynb_source"] = f"{pagename}.ipynb"


def write_notebook_download(app, pagename, templatename, context, doctree) -> None:
    """Write ``_sources/<page>.ipynb``, the chapter as a notebook a reader runs anywhere
    (:func:`aicap.notebooks.reader_notebook`): plain Markdown with the numbers this build
    computed, no outputs, the set-up cell first.

    Runs after the theme, which would otherwise put the executed notebook (with all its
    outputs, several hundred kB) at the same place.
    """
    source = _notebook_source(app, pagename)
    if source is None:
        return
    glue_file = Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.glue.json"
    glue = json.loads(glue_file.read_text(encoding="utf-8")) if glue_file.exists() else {}
    language = app.config.language or SOURCE_LANGUAGE
    index = BookIndex(
        glue={key: output["data"] for key, output in glue.items()},
        bibliography=Path(app.srcdir) / "references.bib",
        labels=_labels(app),
        book_url=app.config.html_baseurl,
        language=language,
    )
    notebook = reader_notebook(
        source,
        index,
        page=pagename,
        wheel_url=f"{app.config.html_baseurl}{WHEEL_FOLDER}{wheel_name()}",
        build=aicap.build_id(),
        student=is_student_edition(),
        translations=page_translations(Path(app.srcdir), pagename, language),
    )
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(notebook, encoding="utf-8")


def launch_reader_notebooks(app, pagename, templatename, context, doctree) -> None:
    """Binder's launch button opens ``notebooks/<chapter>.ipynb``, the notebook Binder's
    ``postBuild`` writes for each chapter (prose with its numbers, as downloaded), not the MyST
    source, whose prose JupyterLab would show as raw roles; on an Indonesian page,
    ``notebooks/id/<chapter>.ipynb``, the Indonesian one."""
    if _notebook_source(app, pagename) is None:
        return
    stem = pagename.rsplit("/", 1)[-1]
    language = app.config.language or SOURCE_LANGUAGE
    folder = "" if language == SOURCE_LANGUAGE else f"{EDITION_FOLDER[language]}/"  # notebooks/id/
    for group in context.get("header_buttons", []):
        for button in group.get("buttons", []):
            url = button.get("url", "")
            if "urlpath=" in url and button.get("text") == "Binder":
                start, _, _ = url.partition("urlpath=")
                button["url"] = f"{start}urlpath=lab/tree/notebooks/{folder}{stem}.ipynb"


def _labels(app) -> dict[str, tuple[str, str]]:
    if not hasattr(app, "aicap_labels"):
        # the whole book's pages, also when only one chapter is built (make chapter)
        app.aicap_labels = book_labels(Path(app.srcdir), book_pages(Path(app.srcdir)))
    return app.aicap_labels


def apply_repository(app, config) -> None:
    """Point the launch, repository and download links at the book's repository and website
    (:func:`aicap.notebooks.repository`, :func:`aicap.notebooks.site_url`): ``_config.yml``
    says where, and the publishing workflow may override both from the forge's variables."""
    import yaml

    book = yaml.safe_load((Path(app.srcdir) / "_config.yml").read_text(encoding="utf-8"))
    url, branch = repository(book)
    config.html_theme_options["repository_url"] = url
    config.html_theme_options["repository_branch"] = branch
    config.html_baseurl = site_url(book)


def publish_wheel(app, exception) -> None:
    """Put the package's wheel (code and data tables, no chapters) on the site, where the
    reader notebooks install it from. Built from this checkout with the build's own
    setuptools (no download) and a fixed timestamp (the same files give the same wheel)."""
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.outdir) / WHEEL_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "315532800"}
    source = Path(app.srcdir)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "src"  # setuptools writes build/ beside its sources: not ours
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        for name in ("aicap", "data"):
            shutil.copytree(source / name, copy / name, ignore=ignore)
        for name in ("pyproject.toml", "README.md", "LICENSE", "LICENSE-TEXT.md"):
            shutil.copy2(source / name, copy / name)
        command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
        command += ["--no-build-isolation", "--wheel-dir", scratch, str(copy)]
        subprocess.run(command, check=True, env=environment, cwd=scratch)
        (wheel,) = Path(scratch).glob("aicap-*.whl")
        shutil.copyfile(wheel, folder / wheel_name())


#: What a chapter's results depend on beyond its own code cells: the package (its code and its
#: self-check questions) and the data tables; in an edition that is not the source, also the
#: package's translations (``aicap/locale/<language>``: the words of its figures and tables).
INPUTS = ("aicap/**/*.py", "aicap/**/*.toml", "data/*.csv", "data/*.toml")
FINGERPRINT = "aicap-inputs.sha256"


def inputs_fingerprint(root: Path, language: str = "en") -> str:
    """SHA-256 over the files of :data:`INPUTS` (names and contents) under ``root``, and the
    package's catalogues of ``language`` unless it is the source language."""
    patterns = INPUTS
    if language and language != "en":
        patterns += (f"aicap/locale/{language}/**/*.po",)
    digest = hashlib.sha256()
    for path in sorted({p for pattern in patterns for p in root.glob(pattern)}):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def states_cache(app) -> Path:
    """Where the drawn states of explorable figures are kept: beside the execution cache."""
    return Path(app.env.mystnb_config.execution_cache_path).parent / "aicap-states"


def refresh_execution_cache(app) -> None:
    """Empty the execution cache when the package or the data changed since it was filled.

    jupyter-cache keys a notebook on its own code cells, so a changed model, figure or data
    table would otherwise leave pages with outdated results. The fingerprint of the inputs
    is kept beside the cache; when it differs, the cache and the drawn states of explorable
    figures are emptied (every chapter runs again, every state is drawn again) and every page
    is read again (:func:`outdated_pages`).
    """
    cache = Path(app.env.mystnb_config.execution_cache_path)
    stamp = cache.parent / FINGERPRINT
    fingerprint = inputs_fingerprint(Path(app.srcdir), app.config.language or "en")
    app.aicap_inputs_changed = not stamp.exists() or stamp.read_text().strip() != fingerprint
    if app.aicap_inputs_changed:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(states_cache(app), ignore_errors=True)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(fingerprint + "\n")


def outdated_pages(app, env, added, changed, removed) -> list[str]:
    """Every page, when the package or the data changed (see :func:`refresh_execution_cache`)."""
    return sorted(env.found_docs) if getattr(app, "aicap_inputs_changed", False) else []


def trim_theme_icons(app, exception) -> None:
    """Drop FontAwesome's 1.5 MB script from the pages; keep only the icons used in its fonts."""
    if exception is None and app.builder.format == "html":
        trim_icons(Path(app.outdir), map(Path, app.builder.theme.get_theme_dirs()))


# -- explorable figures: drawing their states -------------------------------------------------

_FIGURE_MARK = re.compile(r'data-aicap-figure="([\w.]+:\w+)"')


class _StateDrawer:
    """Draws explorable figures' states in worker processes (one job per figure and layout)
    while the build goes on; :meth:`wait` collects them."""

    def __init__(self) -> None:
        self.pool: concurrent.futures.ProcessPoolExecutor | None = None
        self.jobs: dict[tuple[str, str], concurrent.futures.Future] = {}

    def submit(self, reference: str, folder: Path) -> None:
        for layout in LAYOUT_NAMES:
            if (reference, layout) in self.jobs or is_drawn(reference, layout, folder):
                continue
            if self.pool is None:
                self.pool = concurrent.futures.ProcessPoolExecutor(
                    max_workers=os.cpu_count() or 2,
                    mp_context=multiprocessing.get_context("spawn"),
                )
            self.jobs[reference, layout] = self.pool.submit(draw_states, reference, layout, folder)

    def wait(self) -> list[dict[str, Any]]:
        manifests = [job.result() for job in self.jobs.values()]  # re-raises a worker's error
        self.jobs.clear()
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None
        return manifests


_DRAWER = _StateDrawer()


def one_chapter_build(app, config) -> None:
    """``make chapter`` builds one chapter alone: its links to the other pages cannot resolve
    there, so those warnings are let through (a full build still fails on them)."""
    if os.environ.get("AICAP_ONE_CHAPTER") == "1":
        config.suppress_warnings = [*config.suppress_warnings, "ref.ref", "ref.doc", "ref.any"]


def states_wanted() -> bool:
    """False when ``AICAP_STATES=skip`` (``make chapter``'s quick preview): explorable figures
    then show their default drawing only, and moving a control says it cannot be loaded."""
    return os.environ.get("AICAP_STATES", "draw") != "skip"


def collect_explorables(app, doctree) -> None:
    """After a page is read: note the explorable figures it shows and start drawing them."""
    found = set()
    for node in doctree.findall(nodes.raw):
        found.update(_FIGURE_MARK.findall(node.astext()))
    if not hasattr(app.env, "aicap_explorables"):
        app.env.aicap_explorables = {}
    app.env.aicap_explorables[app.env.docname] = sorted(found)
    if states_wanted():
        for reference in found:
            _DRAWER.submit(reference, states_cache(app))


def purge_explorables(app, env, docname) -> None:
    getattr(env, "aicap_explorables", {}).pop(docname, None)


def publish_states(app, exception) -> None:
    """After the build: wait for the drawings, then copy every shown figure's states into
    ``_static/aicap/states/`` (hard links where the file system allows)."""
    if exception is not None:
        return
    manifests = _DRAWER.wait()
    if app.builder.format != "html" or not states_wanted():
        return
    folder = states_cache(app)
    explorables = getattr(app.env, "aicap_explorables", {})
    shown = sorted({reference for references in explorables.values() for reference in references})
    for reference in shown:  # pages read in an earlier build need their states too
        _DRAWER.submit(reference, folder)
    for manifest in manifests + _DRAWER.wait():
        LOGGER.info(
            f"[aicap] drew {manifest['states']} states of {manifest['figure']} "
            f"({manifest['layout']}) in {manifest['seconds']} s"
        )
    target = Path(app.outdir) / "_static" / "aicap" / "states"
    shutil.rmtree(target, ignore_errors=True)
    for reference in shown:
        name = reference.partition(":")[2]
        shutil.copytree(
            folder / name,
            target / name,
            copy_function=_link_or_copy,
            ignore=shutil.ignore_patterns("manifest.json"),  # a record of this build's timing
        )


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


# -- figures in files of their own -------------------------------------------------------------

_DATA_SVG = re.compile(r"data:image/svg\+xml;charset=utf-8,([^\"\s]+)")


def externalise_figures(app, pagename, templatename, context, doctree) -> None:
    """Move each SVG embedded in the page body into ``_images/aicap/<sha256>.svg``."""
    body = context.get("body")
    if not body or "data:image/svg+xml" not in body:
        return
    folder = Path(app.outdir) / "_images" / "aicap"
    folder.mkdir(parents=True, exist_ok=True)

    def to_file(match: re.Match) -> str:
        svg = unquote(match.group(1)).encode("utf-8")
        name = hashlib.sha256(svg).hexdigest()[:20] + ".svg"
        path = folder / name
        if not path.exists():
            path.write_bytes(svg)
        return context["pathto"](f"_images/aicap/{name}", 1)

    context["body"] = _DATA_SVG.sub(to_file, body)


# -- the {setting} role ------------------------------------------------------------------------


class setting_link(nodes.Inline, nodes.TextElement):
    """A link in the text that sets an explorable figure (see :func:`setting_role`)."""


def setting_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    try:
        label, figure_name, values = parse_setting(text)
        problems = setting_problems(figure_name, values)
    except ValueError as err:
        problems, label = [str(err)], text
    if problems:
        message = inliner.reporter.error("; ".join(problems), line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    node = setting_link(rawtext, label, figure=figure_name, values=json.dumps(values))
    return [node], []


def visit_setting_html(self, node) -> None:
    self.body.append(
        f'<a class="aicap-setting reference internal" href="#explore-{node["figure"]}" '
        f'data-aicap-figure="{node["figure"]}" '
        f'data-aicap-set="{html.escape(node["values"])}">'
    )


def depart_setting_html(self, node) -> None:
    self.body.append("</a>")


def _ignore(self, node) -> None:
    pass


def register_citation_labels(app, config) -> None:
    """Label each entry of the bibliography lists as the text cites it ("Acemoglu and Restrepo
    2019", "BPS 2025a"), the same label on every page: a pybtex style (``aicap``) whose labels
    are made once from all of ``references.bib``, so two chapters' lists can never give one
    label to two works (the default alpha labels are counted per list, and collided)."""
    from pybtex.plugin import register_plugin
    from pybtex.style.formatting.unsrt import Style as Unsorted
    from pybtex.style.labels import BaseLabelStyle

    from aicap.notebooks import citation_labels

    labels = citation_labels(Path(app.srcdir) / "references.bib")

    class BookLabels(BaseLabelStyle):
        def format_labels(self, sorted_entries):
            for entry in sorted_entries:
                yield labels[entry.key]

    class BookStyle(Unsorted):
        default_label_style = "aicap"
        default_sorting_style = "author_year_title"

    register_plugin("pybtex.style.labels", "aicap", BookLabels, force=True)
    register_plugin("pybtex.style.formatting", "aicap", BookStyle, force=True)
    config.bibtex_default_style = "aicap"


def csv_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{csv}`table``` links to the data table as a CSV file on the site (for a spreadsheet);
    the build fails if there is no such table."""
    from aicap.data import table_names

    table = text.strip()
    if table not in table_names():
        message = inliner.reporter.error(f"no data table called {table!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    depth = inliner.document.settings.env.docname.count("/")
    node = nodes.reference(
        rawtext, f"{table}.csv", refuri="../" * depth + f"{DATA_FOLDER}{table}.csv"
    )
    return [node], []


def publish_data_tables(app, exception) -> None:
    """Copy every data table (CSV, with its description) to ``_static/aicap/data/``."""
    if exception is not None or app.builder.format != "html":
        return
    from aicap.data import data_dir

    folder = Path(app.outdir) / DATA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(data_dir().glob("*.csv")) + [data_dir() / "README.md"]:
        shutil.copyfile(path, folder / path.name)


def add_header_link(app, config) -> None:
    """Put a link home in every page's header (``_templates/aicap-home.html``), after the
    menu button."""
    start = config.html_theme_options.get("article_header_start", ["toggle-primary-sidebar.html"])
    if isinstance(start, str):
        start = [start]
    config.html_theme_options["article_header_start"] = [*start, "aicap-home.html"]


def copy_static_files(app) -> None:
    """Put the book's script (``aicap/static/``) in the site's ``_static/``, before any page is
    written (each page names it with its checksum). Copied rather than listed in
    ``html_static_path``, whose absolute path would differ between two checkouts and so make
    two builds of one commit differ."""
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static"
    target.mkdir(parents=True, exist_ok=True)
    for path in STATIC.glob("*.js"):
        shutil.copyfile(path, target / path.name)


class FoldCode(SphinxPostTransform):
    """Fold every code cell's source behind a "Show the code" toggle (an HTML ``<details>``,
    no script needed), as if each cell were tagged ``hide-input``: the chapter's reasoning reads
    without the code, which stays one tap away. Runs just before myst-nb's own transform."""

    default_priority = 198
    formats = ("html",)

    def run(self, **kwargs) -> None:
        config = self.app.config
        for node in self.document.findall(nodes.container):
            if (
                node.get("nb_element") == "cell_code"
                and not node.get("hide_mode")
                and node.children
                and node.children[0].get("nb_element") == "cell_code_source"
            ):
                node["hide_mode"] = "input"
                node["prompt_show"] = config.nb_code_prompt_show
                node["prompt_hide"] = config.nb_code_prompt_hide


class KeepTableTokensWhole(SphinxPostTransform):
    """In the book's Markdown tables, keep each token with a hyphen, slash or dash on one line
    (``03/KPPU-I/2024``, ``2025-01-21``, ``Rp50–100``): the table scrolls instead."""

    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs) -> None:
        from aicap.tables import _BREAKABLE

        for entry in list(self.document.findall(nodes.entry)):
            for text in list(entry.findall(nodes.Text)):
                if isinstance(text.parent, nodes.literal) or not _BREAKABLE.search(text):
                    continue
                pieces, position = [], 0
                for match in _BREAKABLE.finditer(text):
                    pieces.append(nodes.Text(text[position : match.start()]))
                    pieces.append(
                        nodes.inline(match.group(), match.group(), classes=["aicap-nobr"])
                    )
                    position = match.end()
                pieces.append(nodes.Text(text[position:]))
                text.parent.replace(text, [piece for piece in pieces if piece.astext()])


#: Markup of the theme that screen readers and axe-core trip over, and its repair: the search
#: field's label hides its visible keyboard hint; the colour-mode button's icons carry titles
#: of their own beside the button's label.
THEME_MARKUP_FIXES = (
    (
        re.compile(r'(<button class="btn search-button-field[^"]*"[^>]*?) aria-label="Search"'),
        r"\1",
    ),
    (
        re.compile(r'(<i class="theme-switch [^"]*" data-mode="\w+")\s+title="[^"]*"'),
        r'\1 aria-hidden="true"',
    ),
    (re.compile(r'<summary aria-label="Toggle hidden content">'), "<summary>"),  # "Show the code"
    (
        re.compile(r'aria-label="Color mode" data-bs-title="Color mode"'),
        'aria-label="Colour mode: light, dark or as the device" data-bs-title="Colour mode"',
    ),
)


_UNVERSIONED = re.compile(r'((?:href|src)="((?:\.\./)*)_static/([^"?#]+\.(?:css|js)))"')


def _versioned(outdir: Path):
    """Give each ``_static`` CSS or JS reference that lacks one Sphinx's own ``?v=`` checksum.

    Sphinx writes the checksum only for files already in the output when the page is written:
    in a first build some extensions copy theirs later, so a cold and a warm build differ.
    """
    from sphinx.builders.html import _file_checksum

    def add(match: re.Match) -> str:
        checksum = _file_checksum(outdir, f"_static/{match.group(3)}")
        return f'{match.group(1)}?v={checksum}"' if checksum else match.group(0)

    return add


#: pydata-sphinx-theme loads the search index and its tools on every page, in the head and not
#: deferred, for a search-as-you-type box the book does not turn on (``search_as_you_type`` is
#: false: the search field opens search.html, which loads them itself). 40 kB and three
#: blocking requests less on every other page.
_SEARCH_SCRIPTS = re.compile(
    r'[ \t]*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)'
    r'[^"]*"></script>\n?'
)


def fix_theme_markup(app, exception) -> None:
    """Repair the theme's markup on every built page (see :data:`THEME_MARKUP_FIXES`),
    version its static files the same way in every build, and leave the search scripts to
    the search page."""
    if exception is not None or app.builder.format != "html":
        return
    versioned = _versioned(Path(app.outdir))
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = _UNVERSIONED.sub(versioned, text)
        if page.name != "search.html":
            fixed = _SEARCH_SCRIPTS.sub("", fixed)
        for pattern, replacement in THEME_MARKUP_FIXES:
            fixed = pattern.sub(replacement, fixed)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


# -- a rebuild with nothing changed: two memos ------------------------------------------------


class BookStandardDomain(StandardDomain):
    """Sphinx's standard domain, except that a numbered reference (``{numref}``) reads its
    target page's doctree from a memo kept for the build, instead of unpickling the page again
    for each reference (about 50 ms each for a chapter with its figures; the book has about
    170). The doctree is only read there (its ids and the type of the target node)."""

    def _resolve_numref_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        memo = builder.__dict__.setdefault("_aicap_read_only_doctrees", {})
        read = env.get_doctree

        def get_doctree(docname: str):
            if docname not in memo:
                memo[docname] = read(docname)
            return memo[docname]

        env.get_doctree = get_doctree
        try:
            return super()._resolve_numref_xref(
                env, fromdocname, builder, typ, target, node, contnode
            )
        finally:
            del env.get_doctree  # the environment's own method again


def memoise_pybtex() -> None:
    """Do pybtex's two slowest steps once per value: looking a plugin up (pybtex 0.26 scans
    every installed package's entry points each time; formatting the book's references asks
    about 700 times) and decoding a field's LaTeX into text (about 11,000 times for about a
    thousand distinct fields). Together they were several seconds of every build. Plugins
    registered at run time are still found first, as in pybtex; the decoded text is a string,
    so sharing it changes nothing else."""
    import codecs

    import latexcodec  # noqa: F401 - registers the "ulatex" codec
    import pybtex.plugin
    import pybtex.richtext
    from pybtex.markup import LaTeXParser

    if getattr(pybtex.plugin, "_aicap_memoised", False):
        return
    runtime = pybtex.plugin._RUNTIME_PLUGINS
    installed = functools.cache(pybtex.plugin._load_entry_point)

    def load_entry_point(group, name, use_aliases=False):
        for search_group in [group, group + ".aliases"] if use_aliases else [group]:
            klass = runtime.get(search_group, {}).get(name)
            if klass is not None:
                return klass
        return installed(group, name, use_aliases)

    decoded = functools.cache(lambda latex: codecs.decode(latex, "ulatex"))

    def from_latex(cls, latex):
        return LaTeXParser(decoded(latex)).parse()

    pybtex.plugin._load_entry_point = load_entry_point
    pybtex.richtext.Text.from_latex = classmethod(from_latex)
    pybtex.plugin._aicap_memoised = True


def setup(app: Any) -> dict[str, Any]:
    os.environ["AICAP_STATIC"] = "1"
    app.setup_extension("aicap.sphinx_i18n")  # the edition's language (English or Indonesian)
    app.add_domain(BookStandardDomain, override=True)
    memoise_pybtex()
    app.add_node(
        setting_link,
        html=(visit_setting_html, depart_setting_html),
        latex=(_ignore, _ignore),
        text=(_ignore, _ignore),
        man=(_ignore, _ignore),
        texinfo=(_ignore, _ignore),
    )
    app.add_role("setting", setting_role)
    app.add_post_transform(FoldCode)
    app.add_post_transform(KeepTableTokensWhole)
    app.connect("build-finished", fix_theme_markup)
    app.connect("config-inited", add_header_link)
    app.connect("builder-inited", copy_static_files)
    app.connect("config-inited", one_chapter_build)
    app.add_js_file("aicap.js", defer="defer")
    app.connect("doctree-read", collect_explorables)
    app.connect("env-purge-doc", purge_explorables)
    app.connect("build-finished", publish_states)
    app.connect("html-page-context", externalise_figures, priority=950)
    app.connect("html-page-context", clean_page_assets, priority=900)
    app.connect("html-page-context", fix_citation_roles, priority=900)
    app.add_html_math_renderer("mathml", (visit_math_html, None), (visit_displaymath_html, None))
    app.connect("html-page-context", only_chapters_are_notebooks, priority=400)
    app.connect("html-page-context", offer_notebook_download, priority=400)
    app.connect("html-page-context", write_notebook_download, priority=600)
    app.connect("html-page-context", launch_reader_notebooks, priority=600)
    app.connect("config-inited", student_edition)
    app.connect("source-read", student_source)
    app.add_role("csv", csv_role)
    app.connect("build-finished", publish_data_tables)
    app.connect("config-inited", apply_repository)
    app.connect("config-inited", register_citation_labels)
    app.connect("build-finished", publish_wheel)
    app.connect("builder-inited", refresh_execution_cache, priority=600)  # after myst-nb's
    app.connect("env-get-outdated", outdated_pages)
    app.connect("build-finished", strip_solutions_from_sources)
    app.connect("build-finished", trim_theme_icons)
    return {"parallel_read_safe": False, "parallel_write_safe": True, "version": "2"}
