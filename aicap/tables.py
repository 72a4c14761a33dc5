"""Tables for reading: the one way a chapter shows a table to its reader.

A chapter's data are pandas DataFrames with programmer's column names (``cpu_only_rmax_pct``)
and raw numbers (``2169349.0``). :func:`show_table` shows one as a reader's table: headers in
words with units, thousands separators, sensible decimals, a dash for a missing value (with a
note saying so), verification marks explained under the table, numbers right-aligned and never
broken, and the whole table in a box that scrolls sideways on a phone (with a visible cue, see
``_static/aicap.css``). The same HTML shows in the built page and in a notebook.
"""

from __future__ import annotations

import html
import math
import numbers
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from aicap.data import MARKS
from aicap.i18n import _, edition_numbers

#: What a missing value looks like in a table.
MISSING = "–"

Format = str | Callable[[Any], str]


def format_number(value: Any) -> str:
    """A number as a reader reads it: ``2,169,349``, ``65.5``, ``0.29``, ``3``.

    Whole numbers get thousands separators and no decimals; others get two significant
    decimals below 10, one below 100 and none above.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return str(value)
    if float(value).is_integer():
        return f"{value:,.0f}"
    size = abs(value)
    places = 0 if size >= 100 else 1 if size >= 10 else 2
    return f"{value:,.{places}f}"


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


#: Columns whose numbers are labels, not quantities (years), written without separators.
_LABEL_COLUMNS = re.compile(r"(^|_)(year|years|tahun|period)($|_)", re.I)


_BREAKABLE = re.compile(r"\S*[-/–—]\S*")


def whole_tokens(text: str) -> str:
    """``text`` as HTML in which no token with a hyphen, slash or dash can be broken across
    lines (a case number, a date, a range)."""
    parts, position = [], 0
    for match in _BREAKABLE.finditer(text):
        parts.append(html.escape(text[position : match.start()]))
        parts.append(f'<span class="aicap-nobr">{html.escape(match.group())}</span>')
        position = match.end()
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def _cell(value: Any, form: Format | None, label: bool = False) -> str:
    if _is_missing(value):
        return MISSING
    if callable(form):
        return form(value)
    if isinstance(form, str):
        return form.format(value)
    if label and isinstance(value, numbers.Real) and float(value).is_integer():
        return f"{int(value)}"  # 2024, not 2,024
    return format_number(value)


def table_html(
    frame: pd.DataFrame | pd.Series,
    caption: str,
    *,
    columns: Mapping[str, str] | None = None,
    formats: Mapping[str, Format] | None = None,
    notes: Sequence[str] = (),
    index: bool | str = False,
) -> str:
    """The HTML of ``frame`` as a reader's table.

    ``columns`` maps column names to the headers a reader sees (only those columns are shown,
    in that order; all, as named, if omitted); ``formats`` maps a column name to a format
    string (``"{:,.1f}%"``) or a function of the value; ``notes`` are printed under the table;
    ``index`` shows the index as the first column, headed by the string given. A column named
    ``mark`` (the book's verification marks) is explained in a note.

    In the Indonesian edition the caption, headers, notes and text cells are translated (the
    chapter's own words from ``aicap/locale/id/LC_MESSAGES/chapters/<chapter>.po``, words from
    the data from its ``data`` catalogues: :mod:`aicap.i18n`) and every number is written the
    Indonesian way.
    """
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    if not caption.strip():
        raise ValueError("caption must say what the table shows")
    if index is not False:
        frame = frame.reset_index()
        first = frame.columns[0]
        header = index if isinstance(index, str) else str(first)
        columns = {first: header, **(columns or {c: c for c in frame.columns[1:]})}
    columns = dict(columns) if columns else {str(c): str(c) for c in frame.columns}
    unknown = [name for name in columns if name not in frame.columns]
    if unknown:
        raise ValueError(f"columns {unknown} are not in the table; it has {list(frame.columns)}")
    formats = dict(formats or {})
    shown = frame[list(columns)]
    numeric = {
        name: pd.api.types.is_numeric_dtype(shown[name])
        and not pd.api.types.is_bool_dtype(shown[name])
        for name in columns
    }
    head = "".join(
        f'<th scope="col" class="{"num" if numeric[name] else "text"}">'
        f"{whole_tokens(edition_numbers(_(label)))}</th>"
        for name, label in columns.items()
    )
    rows, missing = [], False
    for values in shown.itertuples(index=False, name=None):
        cells = []
        for name, value in zip(columns, values, strict=True):
            text = _cell(value, formats.get(name), label=bool(_LABEL_COLUMNS.search(str(name))))
            missing |= text == MISSING
            text = edition_numbers(_(text) if isinstance(value, str) else text)
            kind = "num" if numeric[name] else "text"
            cells.append(f'<td class="{kind}">{whole_tokens(text)}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    all_notes = [_(note) for note in notes]
    if missing:
        all_notes.append(_("{missing} no figure for that cell.").format(missing=MISSING))
    if "mark" in columns:
        used = sorted({str(v) for v in shown["mark"] if not _is_missing(v)})
        explained = "; ".join(f"{mark}: {_(MARKS[mark])}" for mark in used if mark in MARKS)
        all_notes.append(f"{_(columns['mark'])}: {explained}.")
    notes_html = "".join(
        f'<p class="aicap-table-notes">{html.escape(edition_numbers(note))}</p>'
        for note in all_notes
    )
    caption = edition_numbers(_(caption))
    label = html.escape(caption, quote=True)
    return (
        f'<div class="aicap-table" role="region" aria-label="{label}" tabindex="0">'
        f"<table><caption>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"{notes_html}</div>"
    )


def show_table(frame: pd.DataFrame | pd.Series, caption: str, **options: Any) -> None:
    """Display ``frame`` as a reader's table (see :func:`table_html` for the options)."""
    from IPython.display import HTML, display

    display(HTML(table_html(frame, caption, **options)))


def percent(places: int = 1) -> Callable[[Any], str]:
    """A format for shares already in percent: ``65.47`` -> ``65.5%``."""
    return lambda value: f"{value:,.{places}f}%"


def rupiah(value: Any) -> str:
    """Rupiah as Indonesians write them in English text: ``Rp5,690,752``."""
    if not isinstance(value, numbers.Real) or math.isnan(value):
        raise ValueError(f"rupiah needs a number; got {value!r}")
    return f"Rp{value:,.0f}"
