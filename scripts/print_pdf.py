"""Print chapter pages of the built site to PDF with Debian's Chromium (no LaTeX needed).

Usage: python scripts/print_pdf.py [--site _build/html] [--out _build/pdf] [chapter ...]
Writes one PDF per chapter (default: every chapter in chapters/), figures included.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--no-pdf-header-footer",
    "--virtual-time-budget=20000",
    "--run-all-compositor-stages-before-draw",
]


def chromium() -> str:
    """Path of the Chromium binary, or exit with a plain message."""
    names = ["chromium", "chromium-browser", "google-chrome"]
    path = os.environ.get("CHROMIUM_PATH") or next(filter(None, map(shutil.which, names)), None)
    if path is None:
        sys.exit("Chromium is needed to print PDFs: apt-get install chromium")
    return path


def print_page(page: Path, pdf: Path, browser: str) -> Path:
    """Print one built HTML page to ``pdf`` and return its path."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    command = [
        browser,
        *FLAGS,
        f"--user-data-dir={pdf.parent / '.chromium'}",
        f"--print-to-pdf={pdf}",
        page.resolve().as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise RuntimeError(f"Chromium wrote no PDF for {page}")
    return pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("chapters", nargs="*", help="chapter names (default: all)")
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "pdf")
    args = parser.parse_args(argv)
    names = args.chapters or sorted(p.stem for p in (ROOT / "chapters").glob("*.md"))
    browser = chromium()
    for name in names:
        page = args.site / "chapters" / f"{name}.html"
        if not page.exists():
            sys.exit(f"{page} not found: build the book first (make book)")
        pdf = print_page(page, args.out / f"{name}.pdf", browser)
        print(f"{pdf} ({pdf.stat().st_size // 1024} KB)")
    shutil.rmtree(args.out / ".chromium", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
