"""The theme's icons without FontAwesome's 1.5 MB script.

The book's theme (sphinx-book-theme on pydata-sphinx-theme) ships FontAwesome twice: a script of
1.5 MB (540 kB compressed, the heaviest file of every page) that turns ``<i class="fa-...">``
tags into SVG drawings, and webfonts that the theme's CSS uses for the same tags. The fonts alone
show every icon, so after a build :func:`trim_icons` removes the script from the pages and cuts
the fonts down to the glyphs of the icons that the built pages and the theme's scripts name,
and those its style sheets draw (admonition titles, toggles): about 40 of 2,000. A first
visit then downloads a few kilobytes of icons instead of 800 kB.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

#: An icon class such as ``fa-magnifying-glass`` (style classes like ``fa-solid`` match too and
#: simply have no glyph).
ICON_CLASS = re.compile(r"\bfa-[a-z0-9]+(?:-[a-z0-9]+)*")
#: The theme's CSS rule giving icon classes their code point: ``.fa-bars:before{content:"\f0c9"}``.
CSS_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:before,?)+)\{content:"\\([0-9a-fA-F]+)"\}')
#: The tag that loads the script (written by the theme's template, not by Sphinx).
SCRIPT_TAG = re.compile(
    r'[ \t]*<script\b[^>]*\bsrc="[^"]*_static/scripts/fontawesome\.js[^"]*"[^>]*>\s*</script>\n?'
)
SCRIPT = Path("_static") / "scripts" / "fontawesome.js"
WEBFONTS = Path("_static") / "vendor" / "fontawesome" / "webfonts"
THEME_CSS = Path("_static") / "styles" / "pydata-sphinx-theme.css"


def icon_codepoints(css: str) -> dict[str, int]:
    """Map every icon class the CSS defines to its code point in the icon fonts."""
    codepoints = {}
    for selectors, hexadecimal in CSS_RULE.findall(css):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):before", selectors):
            codepoints[name] = int(hexadecimal, 16)
    return codepoints


#: An icon a style sheet draws itself (admonition titles, "show the code" toggles, exercise
#: boxes): a character of the icon fonts' private-use area, written as it is or escaped.
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]|\\([ef][0-9a-fA-F]{3})\b")


def css_icons(css: str) -> set[int]:
    """Code points of the icons a style sheet uses outside ``.fa-*`` class rules (which only
    map classes to glyphs; the classes a page names are counted by :func:`icons_used`)."""
    outside_class_rules = CSS_RULE.sub("", css)
    return {
        int(escaped, 16) if escaped else ord(match.group(0))
        for match in _PRIVATE_USE.finditer(outside_class_rules)
        for escaped in [match.group(1)]
    }


def icons_used(texts: Iterable[str]) -> set[str]:
    """Every ``fa-*`` class named in ``texts`` (pages and scripts)."""
    return {name for text in texts for name in ICON_CLASS.findall(text)}


def drop_script(page: str) -> str:
    """The page without the tag that loads FontAwesome's script."""
    return SCRIPT_TAG.sub("", page)


def subset_font(path: Path, codepoints: set[int]) -> set[int]:
    """Rewrite the font at ``path`` (same format) with only the glyphs for ``codepoints``.

    Returns the code points it keeps (those the font has).
    """
    font = TTFont(path, recalcTimestamp=False)  # keep the original's date: the same bytes twice
    kept = codepoints & set(font.getBestCmap())
    options = subset.Options()
    options.flavor = font.flavor  # "woff2" for .woff2 files, None for .ttf
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(kept))
    subsetter.subset(font)
    subset.save_font(font, str(path), options)
    return kept


def trim_icons(site: Path, theme_dirs: Iterable[Path] = ()) -> dict[str, int]:
    """Drop FontAwesome's script from the built ``site`` and subset its icon fonts.

    Each font is cut from the theme's original (found under ``<theme dir>/static`` for the
    ``theme_dirs`` given), so a rebuild that adds an icon still finds it. Returns the bytes of
    each font file after subsetting, by file name. Raises ``ValueError`` when a page names an
    icon that the fonts lack (it would show as an empty box).
    """
    pages = sorted(site.rglob("*.html"))
    texts = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        trimmed = drop_script(text)
        if trimmed != text:
            page.write_text(trimmed, encoding="utf-8")
        texts.append(trimmed)
    scripts = [p for p in (site / "_static").rglob("*.js") if p.name != SCRIPT.name]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in scripts]
    for leftover in (site / SCRIPT, site / f"{SCRIPT}.map", site / f"{SCRIPT}.LICENSE.txt"):
        leftover.unlink(missing_ok=True)

    known = icon_codepoints((site / THEME_CSS).read_text(encoding="utf-8"))
    named = {name: known[name] for name in icons_used(texts) if name in known}
    styles = [p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.css")]
    drawn = {f"css:{codepoint:x}": codepoint for css in styles for codepoint in css_icons(css)}
    named |= drawn
    wanted = set(named.values())
    sizes, covered = {}, set()
    webfonts = WEBFONTS.relative_to("_static")
    for font in sorted((site / WEBFONTS).glob("*")):
        if font.suffix in {".woff2", ".ttf"}:
            originals = [Path(d) / "static" / webfonts / font.name for d in theme_dirs]
            original = next((path for path in originals if path.exists()), None)
            if original is not None:
                shutil.copyfile(original, font)
            covered |= subset_font(font, wanted)
            sizes[font.name] = font.stat().st_size
    missing = sorted(name for name, codepoint in named.items() if codepoint not in covered)
    if missing:
        raise ValueError(f"icons named on the pages but missing from the fonts: {missing}")
    return sizes
