"""Cutting the theme's FontAwesome down to the icons the book uses (aicap.icons)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pydata_sphinx_theme
import pytest
from fontTools.ttLib import TTFont

from aicap import icons

THEME = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
THEME_FONTS = THEME / "static" / "vendor" / "fontawesome" / "webfonts"

CSS = (
    ".fa-solid{font-family:Font Awesome\\ 6 Free}"
    '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}'
    '.fa-github:before{content:"\\f09b"}.fa-rocket:before{content:"\\f135"}'
    '.fa-made-up:before{content:"\\e9ff"}'
)
SCRIPT = '    <script defer src="../_static/scripts/fontawesome.js?digest=55c2"></script>\n'


def test_codepoints_come_from_the_theme_css():
    codepoints = icons.icon_codepoints(CSS)
    assert codepoints["fa-bars"] == codepoints["fa-navicon"] == 0xF0C9
    assert codepoints["fa-github"] == 0xF09B
    assert "fa-solid" not in codepoints  # a style class, not an icon


def test_icons_used_finds_every_icon_class():
    page = '<i class="fa-solid fa-bars"></i><span class="fa-brands fa-github fa-lg"></span>'
    assert icons.icons_used([page, "x.classList.add('fa-xmark')"]) == {
        "fa-solid",
        "fa-bars",
        "fa-brands",
        "fa-github",
        "fa-lg",
        "fa-xmark",
    }


def test_drop_script_removes_only_the_fontawesome_tag():
    page = f"<head>\n{SCRIPT}    <script src='other.js'></script>\n</head>"
    assert icons.drop_script(page) == "<head>\n    <script src='other.js'></script>\n</head>"


@pytest.mark.parametrize("name", ["fa-solid-900.woff2", "fa-solid-900.ttf"])
def test_subset_font_keeps_only_the_asked_glyphs(tmp_path, name):
    font = tmp_path / name
    shutil.copy(THEME_FONTS / name, font)
    kept = icons.subset_font(font, {0xF0C9, 0xF135, 0x10FFFD})
    assert kept == {0xF0C9, 0xF135}  # the last is in no font
    cmap = set(TTFont(font).getBestCmap())
    assert {0xF0C9, 0xF135} <= cmap and len(cmap) < 10
    assert font.stat().st_size < (THEME_FONTS / name).stat().st_size / 20
    assert TTFont(font).flavor == ("woff2" if name.endswith("woff2") else None)


def _site(tmp_path: Path, page: str) -> Path:
    site = tmp_path / "html"
    (site / "_static" / "styles").mkdir(parents=True)
    (site / "_static" / "styles" / "pydata-sphinx-theme.css").write_text(CSS)
    (site / "_static" / "scripts").mkdir()
    (site / "_static" / "scripts" / "fontawesome.js").write_text("/* 1.5 MB */")
    (site / "_static" / "vendor" / "fontawesome" / "webfonts").mkdir(parents=True)
    (site / "index.html").write_text(page)
    return site


def test_trim_icons_drops_the_script_and_subsets_from_the_theme_originals(tmp_path):
    page = f'<head>\n{SCRIPT}</head><i class="fa-solid fa-bars"></i>'
    site = _site(tmp_path, page)
    fonts = site / icons.WEBFONTS
    (fonts / "fa-solid-900.woff2").write_bytes(b"an earlier build's subset")
    sizes = icons.trim_icons(site, [THEME])
    assert "fontawesome.js" not in (site / "index.html").read_text()
    assert not (site / icons.SCRIPT).exists()
    assert set(TTFont(fonts / "fa-solid-900.woff2").getBestCmap()) == {0xF0C9}
    assert sizes["fa-solid-900.woff2"] == (fonts / "fa-solid-900.woff2").stat().st_size


def test_trim_icons_refuses_an_icon_the_fonts_lack(tmp_path):
    site = _site(tmp_path, '<i class="fa-solid fa-made-up"></i>')
    shutil.copy(THEME_FONTS / "fa-solid-900.woff2", site / icons.WEBFONTS)
    with pytest.raises(ValueError, match="fa-made-up"):
        icons.trim_icons(site)
