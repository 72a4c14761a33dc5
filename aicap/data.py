"""The one data loader: read a table from ``data/`` by name and validate it.

Every table is a CSV file ``data/<name>.csv`` with a metadata file ``data/<name>.toml`` beside
it. The metadata names the source, year, licence and verification mark, and declares every
column (type, unit, allowed range). :func:`load` checks the CSV against that declaration and
raises :class:`DataValidationError` naming the file and the problem. ``data/README.md`` is
generated from the metadata files (``python -m aicap.data readme``), so the description and the
checks cannot drift apart.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from aicap.i18n import N_

#: Verification marks, as defined for the book's facts (see data/README.md).
MARKS = {
    "P": N_("seen in the primary publisher's own page or document"),
    "S": N_("seen only in a secondary report quoting the primary source (both cited)"),
    "C": N_("computed from a copy of a public dataset (method given)"),
    "D": N_("derived by the book from other figures in this folder (method given)"),
    "A": N_("an assumption of the book, not a measurement: label it as such where it is used"),
    "seed": N_(
        "a claim made by one of the book's source documents, not yet checked: the chapter "
        "that uses it checks it"
    ),
    "book": N_(
        "written by the book's authors (definitions and teaching content, not measurements)"
    ),
}
COLUMN_TYPES = {"int", "float", "str"}


class DataValidationError(ValueError):
    """A data table does not match its declared schema."""


@dataclass(frozen=True)
class Column:
    """One declared column of a table."""

    name: str
    type: str
    description: str
    unit: str = ""
    min: float | None = None
    max: float | None = None
    allowed: tuple[str, ...] = ()
    nullable: bool = False


@dataclass(frozen=True)
class TableInfo:
    """A table's metadata, read from ``data/<name>.toml``."""

    name: str
    title: str
    description: str
    source: str
    year: str
    licence: str
    mark: str
    columns: tuple[Column, ...]
    urls: tuple[str, ...] = ()
    accessed: str = ""
    method: str = ""
    chapters: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: Source addresses that are a site's home page on purpose, each with the reason.
    home_pages: dict[str, str] = field(default_factory=dict)


def data_dir() -> Path:
    """The folder holding the book's tables (``$AICAP_DATA_DIR`` overrides it).

    The tables are the package ``aicap.datasets`` (the repository's ``data/`` folder, see
    ``pyproject.toml``), so they are found wherever the package is installed, and in the
    ``data/`` folder beside it when the package is imported from a checkout without being
    installed (Python run from the repository's folder, as Binder's ``postBuild`` does).
    """
    override = os.environ.get("AICAP_DATA_DIR")
    if override:
        return Path(override)
    try:
        return Path(str(resources.files("aicap.datasets")))
    except ModuleNotFoundError:  # imported from a checkout's own folder, not an install
        checkout = Path(__file__).resolve().parents[1] / "data"
        if checkout.is_dir():
            return checkout
        raise DataValidationError(
            "the book's data tables are missing: install the package (pip install .) or run "
            "from a checkout of the book"
        ) from None


def table_names() -> list[str]:
    """Names of all tables with a metadata file, sorted."""
    return sorted(path.stem for path in data_dir().glob("*.toml"))


def _fail(path: Path, problem: str) -> DataValidationError:
    return DataValidationError(f"{path.name}: {problem}")


@cache
def table_info(name: str) -> TableInfo:
    """Read and check the metadata of table ``name``."""
    path = data_dir() / f"{name}.toml"
    if not path.exists():
        known = ", ".join(table_names()) or "none"
        raise DataValidationError(f"no table named {name!r} in {data_dir()}; known tables: {known}")
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise _fail(path, f"is not valid TOML ({err})") from err
    required = ["title", "description", "source", "year", "licence", "mark", "columns"]
    missing = [key for key in required if key not in meta]
    if missing:
        raise _fail(path, f"missing metadata keys {missing}")
    if meta["mark"] not in MARKS:
        raise _fail(path, f"mark {meta['mark']!r} is not one of {sorted(MARKS)}")
    home_pages = meta.get("home_pages", {})
    if not isinstance(home_pages, dict) or not all(
        isinstance(reason, str) and reason.strip() for reason in home_pages.values()
    ):
        raise _fail(path, "home_pages must map each home-page address to the reason it is cited")
    columns = []
    for spec in meta["columns"]:
        if "name" not in spec or "type" not in spec or "description" not in spec:
            raise _fail(path, f"column {spec} needs name, type and description")
        if spec["type"] not in COLUMN_TYPES:
            raise _fail(
                path,
                f"column {spec['name']!r} has type {spec['type']!r}, not one of "
                f"{sorted(COLUMN_TYPES)}",
            )
        columns.append(
            Column(
                name=spec["name"],
                type=spec["type"],
                description=spec["description"],
                unit=spec.get("unit", ""),
                min=spec.get("min"),
                max=spec.get("max"),
                allowed=tuple(spec.get("allowed", ())),
                nullable=bool(spec.get("nullable", False)),
            )
        )
    return TableInfo(
        name=name,
        title=meta["title"],
        description=meta["description"],
        source=meta["source"],
        year=str(meta["year"]),
        licence=meta["licence"],
        mark=meta["mark"],
        columns=tuple(columns),
        urls=tuple(meta.get("urls", ())),
        accessed=meta.get("accessed", ""),
        method=meta.get("method", ""),
        chapters=tuple(meta.get("chapters", ())),
        notes=tuple(meta.get("notes", ())),
        home_pages=dict(home_pages),
    )


def validate(frame: pd.DataFrame, info: TableInfo, path: Path) -> pd.DataFrame:
    """Check ``frame`` against ``info``; return it with declared types applied."""
    declared = [column.name for column in info.columns]
    if list(frame.columns) != declared:
        raise _fail(path, f"columns are {list(frame.columns)}, expected {declared}")
    if frame.empty:
        raise _fail(path, "has no rows")
    out = frame.copy()
    for column in info.columns:
        values = out[column.name]
        blank = values.isna()
        if blank.any() and not column.nullable:
            rows = [int(i) + 2 for i in values.index[blank]]  # +2: header line, 1-based lines
            raise _fail(path, f"column {column.name!r} is empty on line(s) {rows}")
        if column.type in {"int", "float"}:
            numbers = pd.to_numeric(values, errors="coerce")
            bad = numbers.isna() & ~blank
            if bad.any():
                row = int(values.index[bad][0]) + 2
                raise _fail(
                    path,
                    f"column {column.name!r} line {row}: {values[bad].iloc[0]!r} is not a number",
                )
            if column.type == "int":
                fractional = ~blank & (numbers % 1 != 0)
                if fractional.any():
                    row = int(values.index[fractional][0]) + 2
                    raise _fail(path, f"column {column.name!r} line {row}: not a whole number")
                numbers = numbers.astype("Int64") if column.nullable else numbers.astype("int64")
            else:
                numbers = numbers.astype("float64")
            for bound, outside in (
                ("min", numbers < (column.min if column.min is not None else float("-inf"))),
                ("max", numbers > (column.max if column.max is not None else float("inf"))),
            ):
                outside = outside.fillna(False).astype(bool)
                if outside.any():
                    row = int(values.index[outside][0]) + 2
                    limit = getattr(column, bound)
                    raise _fail(
                        path,
                        f"column {column.name!r} line {row}: "
                        f"{numbers[outside].iloc[0]} is outside the declared "
                        f"{bound} {limit}",
                    )
            out[column.name] = numbers
        else:
            text = values.astype("string")
            if column.allowed:
                wrong = ~blank & ~text.isin(column.allowed)
                if wrong.any():
                    row = int(values.index[wrong][0]) + 2
                    raise _fail(
                        path,
                        f"column {column.name!r} line {row}: "
                        f"{text[wrong].iloc[0]!r} is not one of "
                        f"{list(column.allowed)}",
                    )
            out[column.name] = text
    if "mark" in declared:
        unknown = set(out["mark"].dropna()) - set(MARKS)
        if unknown:
            raise _fail(path, f"unknown verification marks {sorted(unknown)}")
    return out


@cache
def _load_cached(name: str, directory: str) -> pd.DataFrame:
    info = table_info(name)
    path = Path(directory) / f"{name}.csv"
    if not path.exists():
        raise _fail(path, "is declared but the CSV file is missing")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise _fail(path, f"cannot be parsed as CSV ({err})") from err
    return validate(frame, info, path)


def load(name: str) -> pd.DataFrame:
    """Load table ``name`` from ``data/``, validated against ``data/<name>.toml``.

    Returns a fresh copy, so callers may modify it. Raises DataValidationError
    naming the file and the problem when the table does not match its declaration.
    """
    return _load_cached(name, str(data_dir())).copy()


def clear_cache() -> None:
    """Forget loaded tables (for tests that change the files)."""
    _load_cached.cache_clear()
    table_info.cache_clear()


def readme_text() -> str:
    """The text of ``data/README.md``, generated from every table's metadata."""
    lines = [
        "# Data tables",
        "",
        "<!-- Generated by `python -m aicap.data readme` from the *.toml files: edit those. -->",
        "",
        "Every figure the book prints comes from one of these tables or is computed from them.",
        "Each table `<name>.csv` has a metadata file `<name>.toml` that records its source,",
        "year, licence and verification mark and declares its columns; `aicap.data.load(name)`",
        "checks the CSV against that declaration.",
        "",
        "## Verification marks",
        "",
        "| mark | meaning |",
        "|---|---|",
    ]
    lines += [f"| {mark} | {meaning} |" for mark, meaning in MARKS.items()]
    lines += ["", "## Tables", ""]
    for name in table_names():
        info = table_info(name)
        lines += [f"### `{name}` — {info.title}", "", info.description, ""]
        lines += [f"- **Source:** {info.source}"]
        for url in info.urls:
            why = info.home_pages.get(url)
            lines += [f"  - <{url}>" + (f" (a home page: {why})" if why else "")]
        lines += [f"- **Year:** {info.year}"]
        if info.accessed:
            lines += [f"- **Accessed:** {info.accessed}"]
        lines += [f"- **Licence:** {info.licence}", f"- **Mark:** {info.mark}"]
        if info.method:
            lines += [f"- **Method:** {info.method}"]
        if info.chapters:
            lines += [f"- **Used in:** {', '.join(info.chapters)}"]
        for note in info.notes:
            lines += [f"- **Note:** {note}"]
        lines += ["", "| column | type | unit | allowed | description |", "|---|---|---|---|---|"]
        for column in info.columns:
            allowed = ", ".join(column.allowed)
            if column.min is not None or column.max is not None:
                low = "" if column.min is None else f"{column.min:g}"
                high = "" if column.max is None else f"{column.max:g}"
                allowed = f"{low} … {high}"
            if column.nullable:
                allowed = f"{allowed} (may be empty)".strip()
            lines += [
                f"| `{column.name}` | {column.type} | {column.unit} | {allowed} | "
                f"{column.description} |"
            ]
        lines += [""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m aicap.data readme`` writes data/README.md; ``check`` validates every table."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["readme"]:
        (data_dir() / "README.md").write_text(readme_text(), encoding="utf-8")
        print(f"wrote {data_dir() / 'README.md'}")
        return 0
    if args == ["check"]:
        for name in table_names():
            rows = len(load(name))
            print(f"{name}: {rows} rows ok")
        return 0
    print("usage: python -m aicap.data [readme|check]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
