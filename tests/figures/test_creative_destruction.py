"""The chapter's figures and widgets show what the model says."""

import numpy as np
import pytest

from aicap.data import load
from aicap.figures import creative_destruction as figs
from aicap.i18n import _
from aicap.models import creative_destruction as model


def _unemployment_line(figure):
    left = figure.axes[0]
    (line,) = [ln for ln in left.get_lines() if ln.get_label() == _("unemployed")]
    return np.asarray(line.get_ydata(), dtype=float)


def test_race_widget_redraws_what_the_model_computes():
    explorer = figs.race_explorer()
    explorer.widget()
    explorer.set(retraining_lag=6, automation_rate=0.05, reinstatement_rate=0.05)
    expected = 100 * model.automation_path(0.05, 0.05, 6, 10, 30)["unemployment"].to_numpy()
    assert explorer.last_error is None
    assert np.allclose(_unemployment_line(explorer.last_figure), expected)


def test_race_widget_responds_to_each_control():
    explorer = figs.race_explorer()
    explorer.widget()
    before = _unemployment_line(explorer.last_figure)
    for name, value in [
        ("retraining_lag", 5),
        ("automation_rate", 0.08),
        ("reinstatement_rate", 0.0),
        ("wave_years", 25),
    ]:
        explorer.set(**{name: value})
        after = _unemployment_line(explorer.last_figure)
        assert not np.allclose(before, after), f"changing {name} did not change the figure"
        before = after


def test_race_alt_text_reports_the_peak():
    path = model.automation_path(0.05, 0.05, 4, 10, 30)
    peak = 100 * path["unemployment"].max()
    assert f"{peak:.1f}%" in figs.race_alt(0.05, 0.05, 4, 10, 30)


def test_hump_map_follows_the_automation_rate():
    explorer = figs.hump_map_explorer()
    explorer.widget()
    low = explorer.last_figure.axes[0].collections[0].get_array().max()
    explorer.set(automation_rate=0.06)
    high = explorer.last_figure.axes[0].collections[0].get_array().max()
    expected = (
        100
        * model.peak_unemployment_grid(0.06, figs.REINSTATEMENT_GRID, figs.LAG_GRID, 10, 30).max()
    )
    assert high == pytest.approx(expected)
    assert high > low


def test_hump_map_can_show_the_lasting_loss():
    """Left of the dashed line the peak map hides what is left at the end; the other measure
    shows it, and right of the line nothing is left."""
    explorer = figs.hump_map_explorer()
    explorer.widget()
    explorer.set(measure="final")
    shown = np.asarray(explorer.last_figure.axes[0].collections[0].get_array()).reshape(
        len(figs.LAG_GRID), len(figs.REINSTATEMENT_GRID)
    )
    expected = 100 * model.final_unemployment_grid(
        0.03, figs.REINSTATEMENT_GRID, figs.LAG_GRID, 10, 30
    )
    assert np.allclose(shown, expected)
    right = figs.REINSTATEMENT_GRID >= 0.03
    assert np.allclose(shown[:, right], 0.0, atol=1e-9)
    assert shown[5, figs.REINSTATEMENT_GRID == 0.02][0] > 1
    assert "year 30" in figs.hump_map_alt(0.03, 10, 30, "final")


def test_page_states_stay_within_the_budget_and_reach_the_texts_settings():
    assert figs.race_explorer().page_state_count() <= 150
    assert figs.hump_map_explorer().page_state_count() <= 150
    race = {c.name: c.page_values() for c in figs.race_explorer().controls}
    assert {0.02, 0.03, 0.06} <= set(race["reinstatement_rate"])
    assert {0, 1, 2, 5} <= set(race["retraining_lag"])


def test_summaries_report_the_hump():
    text = figs.race_summary_text(0.03, 0.02, 5, 10, 30)
    final = 100 * model.automation_path(0.03, 0.02, 5, 10, 30)["unemployment"].iloc[-1]
    assert f"{final:.1f}%" in text and "still" in text
    assert "falls back below" in figs.race_summary_text()
    assert "dashed line" in figs.hump_map_summary()


def test_layoff_chart_has_one_bar_per_row():
    trackers = load("tech_layoffs_by_tracker")
    figure = figs.plot_layoff_trackers(trackers)
    heights = sorted(round(p.get_height() * 1000) for p in figure.axes[0].patches)
    assert heights == sorted(trackers["layoffs"].round(-0).astype(int).tolist())


def test_only_complete_years_are_compared():
    """The tracker ratio uses 2022-2024 only: 2025 is a part-year count and a projection."""
    trackers = load("tech_layoffs_by_tracker")
    full = figs.complete_years(trackers)
    assert full == [2022, 2023, 2024]
    by_year = trackers.pivot(index="year", columns="tracker", values="layoffs")
    ratios = by_year.loc[full, "TrueUp"] / by_year.loc[full, "Layoffs.fyi"]
    all_years = by_year["TrueUp"] / by_year["Layoffs.fyi"]
    assert ratios.max() < all_years.max()  # the 2025 row would stretch the range
    statuses = set(trackers.loc[trackers["year"] == 2025, "status"])
    assert statuses == {"partial", "projection"}
    text = figs.layoff_trackers_alt(trackers)
    assert "Only 2022–2024 are complete years" in text


def test_the_150000_claim_matches_layoffs_fyi_2024_not_trueup():
    """The article's 'more than 150,000 since early 2024' is within 2% of Layoffs.fyi's 2024."""
    trackers = load("tech_layoffs_by_tracker").set_index(["tracker", "year"])["layoffs"]
    claims = load("layoff_claims_seed")
    claim = claims.loc[claims["period"] == "January 2024–July 2025", "value"].iloc[0]
    assert claims.loc[claims["period"] == "January 2024–July 2025", "cited_source"].iloc[0] == (
        "TrueUp"
    )
    assert 0 < trackers[("Layoffs.fyi", 2024)] / claim - 1 < 0.02
    assert trackers[("TrueUp", 2024)] / claim > 1.5


def test_checked_claims_name_who_said_what():
    checked = load("layoff_claims_checked")
    scale = checked[checked["case"] == "Scale AI"]
    assert scale["source"].str.contains("Jason Droege").any()
    assert not checked["source"].str.contains("Wang").any()
    ibm = checked[checked["case"] == "IBM"].set_index("fact")["value"]
    assert ibm["period of that projection"] == 5
    assert ibm["roles implied by the projection"] == 7800
    assert set(checked.loc[checked["case"] == "IBM", "date"]) == {"2023-05-01"}
    wef = checked[checked["case"] == "WEF"].set_index("fact")["value"]
    span = wef["last year of the employers' outlook"] - wef["first year of the employers' outlook"]
    seed = load("layoff_claims_seed").set_index("claim")["value"]
    assert span == 5
    assert seed["Years in which many employers expect to replace most automatable roles"] != span


def test_agriculture_shares_use_the_standard_british_reconstruction():
    shares = load("agriculture_employment_share")
    britain = shares[shares["country"] == "Britain"].set_index("year")
    assert britain.loc[1759, "share_pct"] == 37
    assert britain.loc[1759, "mark"] == "P"
    assert "Broadberry, Campbell & van Leeuwen (2013)" in britain.loc[1759, "source"]
    assert "England" not in set(shares["country"])  # the untraceable England rows are gone
    assert not shares["source"].str.contains("O'Rourke").any()
    indonesia = shares[shares["country"] == "Indonesia"]
    assert indonesia["source"].str.startswith("BPS, Keadaan Ketenagakerjaan Indonesia").all()


def test_glossary_uses_the_agreed_indonesian_terms():
    glossary = load("glossary")
    rows = glossary[glossary["chapter"] == "creative_destruction"].set_index("term")
    terms = rows["indonesian"]
    assert terms["displacement effect"] == "efek penggeseran tenaga kerja"
    # "pemulihan" reads as a cyclical recovery (native speaker's review, 2026-12-03)
    assert terms["reinstatement effect"] == "efek penciptaan tugas baru"
    assert terms["creative destruction"].startswith("penghancuran kreatif")  # the source's term
    assert terms["termination of employment"].startswith("pemutusan hubungan kerja (PHK)")
    # PHK is any ending of the employment relationship, not only a dismissal (UU 13/2003)
    phk = rows.loc["termination of employment", "definition"]
    assert "resignation" in phk and "Article 1 point 25" in phk
    assert "(" not in terms["layoff"]  # no brackets inside the glossary's brackets


def test_alt_texts_are_built_from_the_data():
    trackers = load("tech_layoffs_by_tracker")
    text = figs.layoff_trackers_alt(trackers)
    for value in trackers["layoffs"]:
        assert f"{value / 1000:.0f} thousand" in text
    estimates = load("ai_exposure_estimates")
    assert all(f"{v:g}%" in figs.exposure_alt(estimates) for v in estimates["share_pct"])
    shares = load("agriculture_employment_share")
    assert "Britain: 37% in 1759" in figs.agriculture_alt(shares)


def test_chapter_ends_with_a_summary_and_no_typed_ratio():
    from pathlib import Path

    text = (Path(__file__).parents[2] / "chapters" / "creative_destruction.md").read_text(
        encoding="utf-8"
    )
    assert "\n## Summary\n" in text
    assert "2.18" not in text  # the old range divided a projection by a part-year count
    assert "efek penggeseran tenaga kerja" in text
    assert "efek penciptaan tugas baru" in text
    assert "efek pemulihan" not in text
    assert "efek pemindahan" not in text  # reads as a transfer of staff (mutasi)


def test_every_country_has_a_pace_and_farm_workers_rose_in_indonesia():
    """Each country has two years or more (a speed), and Indonesia's farm workers rose while
    their share fell: a falling share is not a count of job losses."""
    shares = load("agriculture_employment_share")
    assert (shares.groupby("country")["year"].count() >= 2).all()
    us = shares[shares["country"] == "United States"].set_index("year")["share_pct"]
    assert us[1880] == 44.1 and us[1910] == 32.5
    indonesia = shares[shares["country"] == "Indonesia"].set_index("year")
    farm = indonesia["share_pct"] / 100 * indonesia["employed_million"]
    assert farm[2025] > farm[2016]
    assert indonesia.loc[2020, "share_pct"] - indonesia.loc[2019, "share_pct"] == pytest.approx(
        2.23
    )


def test_exposure_chart_marks_the_share_of_employers():
    estimates = load("ai_exposure_estimates")
    figure = figs.plot_exposure(estimates)
    hatched = [p for p in figure.axes[0].patches if p.get_hatch()]
    assert len(hatched) == int((estimates["share_of"] == "employers").sum()) == 1
    assert "of employers" in figs.exposure_alt(estimates)
