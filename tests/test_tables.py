"""Tables for reading: words in headers, readable numbers, no NaN, marks explained, whole words."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from aicap.tables import MISSING, format_number, percent, rupiah, table_html


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2169349.0, "2,169,349"),
        (150000, "150,000"),
        (65.47, "65.5"),
        (0.294, "0.29"),
        (3, "3"),
        (-1.25, "-1.25"),
        ("Jawa Tengah", "Jawa Tengah"),
    ],
)
def test_numbers_read_as_a_reader_writes_them(value, text):
    assert format_number(value) == text


def _table(**options):
    frame = pd.DataFrame(
        {
            "province": ["Jawa Tengah", "DKI Jakarta"],
            "year": [2025, 2025],
            "ump_rp": [2169349.0, 5396761.0],
            "share_pct": [29.4, math.nan],
            "mark": ["P", "S"],
        }
    )
    return table_html(frame, "Minimum wages, 2025", **options)


def test_headers_are_the_readers_words_and_only_those_columns_show():
    html = _table(columns={"province": "Province", "ump_rp": "Minimum wage (Rp a month)"})
    assert '<th scope="col" class="text">Province</th>' in html
    assert "Minimum wage (Rp a month)" in html and "share_pct" not in html and "ump_rp" not in html
    assert "2,169,349" in html and "5,396,761" in html


def test_missing_values_are_a_dash_with_a_note_and_marks_are_explained():
    html = _table(columns={"province": "Province", "share_pct": "Share (%)", "mark": "Mark"})
    assert "NaN" not in html and "nan" not in html and "&lt;NA&gt;" not in html
    assert f">{MISSING}<" in html and "no figure for that cell" in html
    assert (
        "Mark: P: seen in the primary publisher" in html and "S: seen only in a secondary" in html
    )


def test_years_are_labels_without_thousands_separators():
    html = _table(columns={"province": "Province", "year": "Year"})
    assert ">2025<" in html and "2,025" not in html


def test_formats_and_numbers_stay_whole_in_their_cells():
    html = _table(
        columns={"ump_rp": "UMP", "share_pct": "Share"},
        formats={"ump_rp": rupiah, "share_pct": percent(1)},
    )
    assert "Rp2,169,349" in html and "29.4%" in html
    assert re.search(r'<td class="num">Rp2,169,349</td>', html)  # numbers: class num (nowrap)


def test_the_table_scrolls_in_a_labelled_box_and_needs_a_caption():
    html = _table()
    assert html.startswith(
        '<div class="aicap-table" role="region" aria-label="Minimum wages, 2025" tabindex="0">'
    )
    with pytest.raises(ValueError, match="caption"):
        table_html(pd.DataFrame({"a": [1]}), " ")
    with pytest.raises(ValueError, match=r"columns \['nope'\] are not in the table"):
        table_html(pd.DataFrame({"a": [1]}), "c", columns={"nope": "No"})
