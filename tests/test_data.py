"""The data layer: every table validates, and bad tables fail with a clear message."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from aicap import data


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A private copy of one table, to break on purpose."""
    source = data.data_dir()
    for suffix in (".csv", ".toml"):
        shutil.copy(source / f"wef_jobs_outlook_2030{suffix}", tmp_path)
    monkeypatch.setenv("AICAP_DATA_DIR", str(tmp_path))
    data.clear_cache()
    yield tmp_path
    data.clear_cache()


def test_every_table_loads_with_declared_columns():
    names = data.table_names()
    assert names, "no tables found"
    for name in names:
        frame = data.load(name)
        info = data.table_info(name)
        assert list(frame.columns) == [c.name for c in info.columns]
        assert len(frame) > 0


def test_every_csv_has_metadata_and_vice_versa():
    folder = data.data_dir()
    csvs = {p.stem for p in folder.glob("*.csv")}
    tomls = {p.stem for p in folder.glob("*.toml")}
    assert csvs == tomls


def test_readme_is_generated_from_metadata():
    readme = (data.data_dir() / "README.md").read_text(encoding="utf-8")
    assert readme == data.readme_text(), "data/README.md is stale: run `make data-readme`"


def test_declared_types_are_applied():
    frame = data.load("tech_layoffs_by_tracker")
    assert pd.api.types.is_integer_dtype(frame["layoffs"])
    assert pd.api.types.is_integer_dtype(frame["year"])


def test_load_returns_a_copy():
    first = data.load("tech_layoffs_by_tracker")
    first.loc[0, "layoffs"] = -1
    assert data.load("tech_layoffs_by_tracker").loc[0, "layoffs"] != -1


def test_unknown_table_lists_known_ones():
    with pytest.raises(data.DataValidationError, match="no table named 'nope'.*known tables"):
        data.load("nope")


def _rewrite(folder, text):
    (folder / "wef_jobs_outlook_2030.csv").write_text(text, encoding="utf-8")
    data.clear_cache()


def test_wrong_columns_are_named(scratch):
    _rewrite(scratch, "flow,jobs\ncreated,1\n")
    with pytest.raises(data.DataValidationError, match=r"wef_jobs_outlook_2030.csv: columns"):
        data.load("wef_jobs_outlook_2030")


def test_non_number_is_named_with_line(scratch):
    _rewrite(scratch, "flow,jobs_million,share_of_current_jobs_pct\ncreated,many,14\n")
    with pytest.raises(data.DataValidationError, match=r"'jobs_million' line 2: 'many'"):
        data.load("wef_jobs_outlook_2030")


def test_out_of_range_is_named(scratch):
    _rewrite(scratch, "flow,jobs_million,share_of_current_jobs_pct\ncreated,170,140\n")
    with pytest.raises(data.DataValidationError, match=r"outside the declared max 100"):
        data.load("wef_jobs_outlook_2030")


def test_value_not_allowed_is_named(scratch):
    _rewrite(scratch, "flow,jobs_million,share_of_current_jobs_pct\nlost,170,14\n")
    with pytest.raises(data.DataValidationError, match=r"'lost' is not one of"):
        data.load("wef_jobs_outlook_2030")


def test_empty_required_cell_is_named(scratch):
    _rewrite(scratch, "flow,jobs_million,share_of_current_jobs_pct\ncreated,,14\n")
    with pytest.raises(data.DataValidationError, match=r"'jobs_million' is empty on line"):
        data.load("wef_jobs_outlook_2030")


def test_bad_mark_in_metadata(scratch):
    meta = scratch / "wef_jobs_outlook_2030.toml"
    meta.write_text(meta.read_text().replace('mark = "S"', 'mark = "X"'), encoding="utf-8")
    data.clear_cache()
    with pytest.raises(data.DataValidationError, match=r"mark 'X' is not one of"):
        data.load("wef_jobs_outlook_2030")
