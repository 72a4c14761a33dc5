"""The data layer: every table validates, and bad tables fail with a clear message."""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlsplit

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


# ---- Source addresses lead to the source, not to a site's front page ---------------------------


URL = re.compile(r"^https?://\S+$")


def _is_home_page(url: str) -> bool:
    """True for an address with no path beyond "/" and no query: a site's front page."""
    parts = urlsplit(url.strip())
    return parts.path in ("", "/") and not parts.query and not parts.fragment


def source_address_problems(name: str) -> list[str]:
    """Addresses in a table's metadata or cells that are a bare home page with no stated reason.

    A home page can be the right address (a tracker that is the site itself), but then the
    table's ``home_pages`` says why; otherwise the address must lead to the page or document
    the figures were taken from. Reasons given for addresses the table no longer uses, or for
    addresses that are not home pages, are reported too, so that the excuses stay current.
    """
    info = data.table_info(name)
    frame = data.load(name)
    urls = set(info.urls)
    for column in info.columns:
        if column.type == "str":
            for cell in frame[column.name].dropna():
                text = str(cell).strip()
                if URL.match(text):
                    urls.add(text)
    problems = [
        f"{name}: {url} is only a site's home page; give the address of the page or document "
        "the figures come from, or say why in home_pages"
        for url in sorted(urls)
        if _is_home_page(url) and url not in info.home_pages
    ]
    for url in sorted(info.home_pages):
        if url not in urls:
            problems.append(f"{name}: home_pages excuses {url}, which the table does not cite")
        elif not _is_home_page(url):
            problems.append(f"{name}: home_pages excuses {url}, which is not a home page")
    return problems


def test_source_addresses_are_not_bare_home_pages():
    problems = [p for name in data.table_names() for p in source_address_problems(name)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("https://www.kompas.com", True),
        ("https://www.kompas.com/", True),
        ("http://stat.fi", True),
        ("https://arahbanten.com/?p=6391", False),  # a WordPress article: the query names it
        ("https://money.kompas.com/read/2022/09/09/195503326/daftar", False),
        ("https://www.bps.go.id/id/pressrelease", False),
    ],
)
def test_home_page_recognised(url, home):
    assert _is_home_page(url) is home


def test_a_bare_home_page_fails_until_the_table_says_why(scratch):
    meta = scratch / "wef_jobs_outlook_2030.toml"
    text = meta.read_text(encoding="utf-8")
    broken = re.sub(r"^urls = \[", 'urls = ["https://www.kompas.com", ', text, count=1, flags=re.M)
    assert broken != text
    meta.write_text(broken, encoding="utf-8")
    data.clear_cache()
    problems = source_address_problems("wef_jobs_outlook_2030")
    assert problems and "https://www.kompas.com is only a site's home page" in problems[0]
    reason = 'home_pages = {"https://www.kompas.com" = "test reason"}'
    excused = broken.replace("\n[[columns]]", f"\n{reason}\n\n[[columns]]", 1)
    meta.write_text(excused, encoding="utf-8")
    data.clear_cache()
    assert source_address_problems("wef_jobs_outlook_2030") == []
    assert "(a home page: test reason)" in data.readme_text()


def test_a_home_page_in_a_cell_fails_too(scratch):
    csv = scratch / "wef_jobs_outlook_2030.csv"
    meta = scratch / "wef_jobs_outlook_2030.toml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace(
            "\n[[columns]]",
            '\n[[columns]]\nname = "src"\ntype = "str"\ndescription = "address"\n\n[[columns]]',
            1,
        ),
        encoding="utf-8",
    )
    header, *rows = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text(
        "\n".join([f"src,{header}"] + [f"https://www.detik.com/,{row}" for row in rows]) + "\n",
        encoding="utf-8",
    )
    data.clear_cache()
    problems = source_address_problems("wef_jobs_outlook_2030")
    assert any("https://www.detik.com/ is only a site's home page" in p for p in problems)


def test_home_page_reasons_must_be_given(scratch):
    meta = scratch / "wef_jobs_outlook_2030.toml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace(
            "\n[[columns]]", '\nhome_pages = {"https://www.kompas.com" = " "}\n\n[[columns]]', 1
        ),
        encoding="utf-8",
    )
    data.clear_cache()
    with pytest.raises(data.DataValidationError, match="home_pages must map"):
        data.table_info("wef_jobs_outlook_2030")
