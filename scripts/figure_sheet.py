"""Look at a chapter's figures as a phone and a laptop draw them (an author's tool).

After ``make chapter CH=<chapter>``, every figure of the page is an SVG file in
``_build/one-<chapter>/_build/html/_images/aicap/`` (both layouts). This script renders each
with Debian's Chromium at the width a reader sees it (narrow layout: 327 CSS pixels, a 375-px
phone; wide: its natural 672 pixels), writes PNG files to look at, and prints each figure's
smallest text in CSS pixels (11 is the least allowed on a phone, 12 on a laptop).

    .venv/bin/python scripts/figure_sheet.py <chapter> [output folder]
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHONE_WIDTH = 327  # CSS pixels of a figure on a 375-pixel phone


def reader_size(svg: str) -> tuple[int, int]:
    """CSS pixels (width, height) at which a reader sees a figure's SVG: a narrow drawing
    fills a 375-px phone (:data:`PHONE_WIDTH`), a wide one shows at its natural size."""
    view = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    width_pt, height_pt = float(view[1]), float(view[2])
    shown = PHONE_WIDTH if width_pt < 300 else round(width_pt * 96 / 72)
    return shown, round(height_pt * shown / width_pt) + 4


def render(svg: Path, out: Path, width: int, height: int) -> None:
    page = out.with_suffix(".html")
    page.write_text(
        f'<html><body style="margin:0;background:#fff"><img src="{svg.as_uri()}" '
        f'style="width:{width}px;display:block"></body></html>',
        encoding="utf-8",
    )
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--hide-scrollbars",
            f"--screenshot={out}",
            f"--window-size={width},{height}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    page.unlink()


def main(chapter: str, folder: Path) -> None:
    images = ROOT / "_build" / f"one-{chapter}" / "_build" / "html" / "_images" / "aicap"
    page = ROOT / "_build" / f"one-{chapter}" / "_build" / "html" / "chapters" / f"{chapter}.html"
    if not page.exists():
        sys.exit(f"build the chapter first: make chapter CH={chapter}")
    html = page.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    used = re.findall(r'(?:src|srcset)="\.\./_images/aicap/([\w]+\.svg)"', html)
    for number, name in enumerate(dict.fromkeys(used), start=1):
        svg = images / name
        text = svg.read_text(encoding="utf-8")
        shown, height = reader_size(text)
        narrow = shown == PHONE_WIDTH
        scale = shown / float(re.search(r'viewBox="0 0 ([\d.]+)', text)[1])
        sizes = [float(s) for s in re.findall(r"font(?:-size)?:\s*(?:[a-z]+ )*([\d.]+)px", text)]
        smallest = min(sizes) * scale if sizes else float("nan")
        title = re.search(r"<text[^>]*>([^<]{4,60})</text>", text)
        out = folder / f"{number:02d}-{'phone' if narrow else 'laptop'}.png"
        render(svg, out, shown, height)
        flag = "" if smallest >= (11 if narrow else 12) - 0.05 else "  <-- too small"
        label = title[1] if title else ""
        print(f"{out.name}: smallest text {smallest:.1f} px{flag}  {label}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    target = (
        Path(sys.argv[2])
        if len(sys.argv) > 2
        else Path(tempfile.gettempdir()) / (f"figures-{sys.argv[1]}")
    )
    main(sys.argv[1], target)
    print(f"PNG files in {target}")
