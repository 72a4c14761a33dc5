"""Every text a chapter's figures and tables show a reader, in one edition: for translators.

Usage: python scripts/edition_figures.py <chapter> [--language id] [--out /tmp/figures]

Runs the chapter (``chapters/<chapter>.md``) in a fresh kernel as the book build does, in the
edition's language (``AICAP_LANG``), with each explorable figure's default drawing only. Prints
each table's rows and notes and, figure by figure, its alt text and every text drawn in it
(titles, labels, legends, ticks), and writes each drawing as ``<out>/<chapter>/<n>-<layout>.svg``
and, with Chromium, as a PNG at the width a reader sees it (``figure_sheet.render``). Lines
marked ``!`` hold a word of the English edition's vocabulary that the Indonesian catalogues never
use, or a number in the English format.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from figure_sheet import reader_size, render  # noqa: E402

from aicap.i18n import english_leftovers  # noqa: E402
from aicap.style import svg_texts  # noqa: E402

_IMAGE = re.compile(
    r'<(?:img|source)[^>]*?(?:src|srcset)="data:image/svg\+xml;charset=utf-8,([^"]*)"[^>]*>'
)
_ALT = re.compile(r'alt="([^"]*)"')


def chapter_outputs(chapter: str, language: str) -> list[str]:
    """The HTML outputs of the chapter run in ``language`` (one string per output)."""
    import jupytext
    from nbclient import NotebookClient

    source = ROOT / "chapters" / f"{chapter}.md"
    notebook = jupytext.read(source, fmt="md:myst")
    environment = {**os.environ, "AICAP_STATIC": "1", "AICAP_STATES": "skip"}
    environment["AICAP_LANG"] = language
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(source.parent)}},
    )
    client.execute(env=environment)
    return [
        output["data"]["text/html"]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "text/html" in output.get("data", {})
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapter")
    parser.add_argument("--language", default="id")
    parser.add_argument("--out", type=Path, default=Path("/tmp/figures"))
    arguments = parser.parse_args()
    folder = arguments.out / arguments.chapter
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    browser = shutil.which("chromium")
    number = 0
    for output in chapter_outputs(arguments.chapter, arguments.language):
        if 'class="aicap-table"' in output:
            print("\n=== table")
            for row in re.findall(r"<(?:caption|tr)[^>]*>(.*?)</(?:caption|tr)>", output, re.S):
                text = " | ".join(
                    " ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split())
                    for cell in re.split(r"</t[hd]>", row)
                    if cell.strip()
                )
                flags = english_leftovers(text)
                print(f"  {'!' if flags else ' '} {text}" + (f"   <- {flags}" if flags else ""))
            for note in re.findall(r'<p class="aicap-table-notes">(.*?)</p>', output, re.S):
                flags = english_leftovers(html.unescape(note))
                print(f"  {'!' if flags else ' '} note: {html.unescape(note)}")
        images = _IMAGE.findall(output)
        if not images:
            continue
        number += 1
        alt = html.unescape(next(iter(_ALT.findall(output)), ""))
        print(f"\n=== figure {number}\nalt: {alt}")
        if english_leftovers(alt):
            print(f"  ! alt text looks untranslated: {english_leftovers(alt)}")
        for layout, svg in zip(("narrow", "wide"), map(unquote, images), strict=False):
            path = folder / f"{number}-{layout}.svg"
            path.write_text(svg, encoding="utf-8")
            print(f"--- {layout}: {path}")
            for text in svg_texts(svg):
                flags = english_leftovers(text)
                print(f"  {'!' if flags else ' '} {text}" + (f"   <- {flags}" if flags else ""))
            if browser:  # as wide as a reader sees it (a 375-px phone, a laptop)
                render(path, path.with_suffix(".png"), *reader_size(svg))
    return 0


if __name__ == "__main__":
    sys.exit(main())
