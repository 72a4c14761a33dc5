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
    assert re.search(r'width="672" height="336"', html)  # the wide layout: 7 x 3.5 inches


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


# -- layouts -----------------------------------------------------------------------------------


def _two_panels(title: str = "A title"):
    figure = style.new_figure(2, width=8.5, height=3.8)
    for axes in figure.axes:
        axes.plot([0, 1, 2], [0, 1, 4], label="a line")
        axes.set(xlabel="year", ylabel="share (%)", title=title)
    return figure


def test_every_plot_is_drawn_in_each_layout_with_the_same_panels():
    drawings = style.draw_layouts(_two_panels)
    assert set(drawings) == set(style.LAYOUT_NAMES) == {"narrow", "wide"}
    for name, figure in drawings.items():
        assert figure.aicap_layout == name
        assert figure.get_size_inches()[0] == style.layout_named(name).width
        assert len(figure.axes) == 2


def test_the_narrow_layout_stacks_panels_and_the_wide_one_sets_them_side_by_side():
    narrow, wide = (style.draw_layouts(_two_panels)[name] for name in ("narrow", "wide"))
    for figure in (narrow, wide):
        style.figure_svg(figure)  # lays the figure out
    top, bottom = (axes.get_position() for axes in narrow.axes)
    assert top.y0 > bottom.y1 and abs(top.x0 - bottom.x0) < 0.05
    left, right = (axes.get_position() for axes in wide.axes)
    assert right.x0 > left.x1 and abs(left.y0 - right.y0) < 0.05


def test_the_layout_outside_drawing_is_wide_and_an_unknown_one_is_refused():
    assert style.current_layout().name == "wide"
    with style.drawing("narrow"):
        assert style.current_layout().name == "narrow"
    assert style.current_layout().name == "wide"
    with pytest.raises(ValueError, match="layout must be one of"):
        style.layout_named("tablet")


def test_no_text_is_smaller_than_the_minimum():
    figure = _two_panels()
    figure.axes[0].annotate("tiny note", (1, 1), fontsize=6)
    figure.axes[0].legend(fontsize=7)
    root = ET.fromstring(style.figure_svg(figure))
    text = ET.tostring(root).decode()
    sizes = [float(m) for m in re.findall(r"font(?:-size)?: (?:[a-z]+ )*([\d.]+)px", text)]
    assert sizes and min(sizes) >= style.MIN_FONT_PT


def test_a_title_longer_than_its_panel_is_broken_into_lines():
    long_title = "Unemployment during the wave of automation, by who is waiting for work"
    with style.drawing("narrow"):
        figure = _two_panels(long_title)
    style.figure_svg(figure)
    assert "\n" in figure.axes[0].get_title()
    assert " ".join(figure.axes[0].get_title().split()) == long_title


def test_the_svg_is_lean_but_keeps_what_it_refers_to():
    svg = style.figure_svg(_two_panels())
    assert not svg.startswith("<?xml") and "<metadata>" not in svg
    assert not re.search(r'id="(?:axes|patch|line2d|text)_\d+"', svg)
    referred = set(re.findall(r"url\(#([\w-]+)\)", svg))
    assert referred and all(f'id="{name}"' in svg for name in referred)
    coordinates = re.findall(r'\bd="([^"]*)"', svg)
    assert coordinates and not re.search(r"\d\.\d{3}", " ".join(coordinates))
    assert style.FONT_STACK in svg


def test_figure_html_offers_the_narrow_layout_to_phones():
    html = style.figure_html(style.draw_layouts(_two_panels), alt="Two rising lines.")
    source = re.search(r'<source media="([^"]+)" srcset="([^"]+)" width="(\d+)"', html)
    assert source and source.group(1) == style.layout_named("narrow").media
    assert " " not in source.group(2) and source.group(2).startswith("data:image/svg+xml")
    assert int(source.group(3)) == round(style.layout_named("narrow").width * style.DPI)
    assert 'loading="lazy"' in html and 'class="dark-light"' in html
    with pytest.raises(ValueError, match="keyed by layout names"):
        style.figure_html({"tablet": _two_panels()}, alt="x")
