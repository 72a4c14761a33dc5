"""The book's one figure style: SVG embedding, log axes, and reusing a layout safely."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import numpy as np
import pytest

from aicap import style

SVG = "{http://www.w3.org/2000/svg}"


def _line_figure(top: float, ylabel: str = "share of the labour force (%)"):
    figure = style.new_figure(2, width=8.0, height=3.5)
    for axes in figure.axes:
        axes.plot([0, 1, 2], [0, top / 2, top])
        axes.set(xlabel="year", ylabel=ylabel, title="A title")
    return figure


def _svg_of(html: str) -> ET.Element:
    match = re.search(r'src="data:image/svg\+xml;charset=utf-8,([^"]+)"', html)
    assert match, "no SVG data URI in the HTML"
    return ET.fromstring(unquote(match.group(1)))


def test_figure_html_embeds_an_svg_whose_text_stays_text():
    html = style.figure_html(_line_figure(6), alt="Two line charts rising to 6.", caption="Cap")
    root = _svg_of(html)
    assert root.tag == f"{SVG}svg"
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")}
    assert {"year", "A title", "share of the labour force (%)"} <= texts
    assert 'alt="Two line charts rising to 6."' in html
    assert "<figcaption>Cap</figcaption>" in html
    assert re.search(r'width="768" height="336"', html)  # 8 x 3.5 inches at 96 pixels an inch


def test_figure_html_needs_alt_text():
    with pytest.raises(ValueError, match="alt must describe"):
        style.figure_html(_line_figure(6), alt="  ")


def test_the_same_figure_gives_the_same_svg():
    assert style.figure_svg(_line_figure(6)) == style.figure_svg(_line_figure(6))


def test_rasterized_meshes_become_one_image():
    figure = style.new_figure(1)
    (axes,) = figure.axes
    values = np.arange(200.0).reshape(10, 20)
    axes.pcolormesh(values, rasterized=True)
    root = ET.fromstring(style.figure_svg(figure))
    assert len(list(root.iter(f"{SVG}image"))) == 1
    assert len(list(root.iter(f"{SVG}path"))) < values.size  # not one shape per cell


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (0.5, "0.5"),
        (0.002, "0.002"),
        (1, "1"),
        (20, "20"),
        (1_000, "1,000"),
        (200_000, "200,000"),
        (1e6, "10⁶"),
        (2e9, "2×10⁹"),
        (1e-4, "10⁻⁴"),
        (0, ""),
        (-3, ""),
    ],
)
def test_log_tick_labels_are_plain_text(value, label):
    assert style.log_tick_label(value) == label


def test_log_scale_labels_twos_and_fives_only_on_short_axes():
    figure = style.new_figure(2)
    short, long = figure.axes
    for axes, top in ((short, 8.0), (long, 1e6)):
        axes.plot([1, top], [1, 2])
        style.log_scale(axes, "x")
    style.figure_svg(figure)  # draw, so the ticks are set
    assert short.get_xscale() == "log"
    short_minor = [t.get_text() for t in short.get_xticklabels(minor=True) if t.get_text()]
    long_minor = [t.get_text() for t in long.get_xticklabels(minor=True) if t.get_text()]
    assert {"2", "5"} <= set(short_minor)
    assert long_minor == []
    assert "$" not in "".join(t.get_text() for t in long.get_xticklabels())  # no TeX maths


def test_log_scale_refuses_an_unknown_axis():
    with pytest.raises(ValueError, match='which must be "x" or "y"'):
        style.log_scale(style.new_figure(1).axes[0], "z")


def test_reused_layout_places_axes_as_before():
    first = _line_figure(6)
    style.figure_svg(first)
    layout = style.layout_of(first)
    second = _line_figure(7)
    assert style.reuse_layout(second, layout)
    assert second.get_layout_engine() is None
    for axes, box in zip(second.axes, layout, strict=True):
        assert np.allclose(axes.get_position().bounds, box.bounds)


def test_reused_layout_is_refused_for_other_axes():
    first = _line_figure(6)
    style.figure_svg(first)
    assert not style.reuse_layout(style.new_figure(1), style.layout_of(first))
    assert not style.reuse_layout(style.new_figure(1), None)


def test_labels_fit_catches_wider_tick_labels_in_a_reused_layout():
    narrow = _line_figure(6)  # tick labels "0" to "6"
    style.figure_svg(narrow)
    assert style.labels_fit(narrow)
    wide = _line_figure(6_000_000)  # tick labels like "6,000,000" push the label out
    for axes in wide.axes:
        axes.yaxis.set_major_formatter(lambda value, _pos: f"{value:,.0f}")
    assert style.reuse_layout(wide, style.layout_of(narrow))
    style.figure_svg(wide)
    assert not style.labels_fit(wide)
    laid_out = _line_figure(6_000_000)  # the same figure laid out in full fits
    for axes in laid_out.axes:
        axes.yaxis.set_major_formatter(lambda value, _pos: f"{value:,.0f}")
    style.figure_svg(laid_out)
    assert style.labels_fit(laid_out)
