"""The TOE chapter's figures and widgets show what the models and tables say."""

import numpy as np
import pytest

from aicap.data import load
from aicap.figures import toe_adoption as figs
from aicap.models import toe_adoption as model


def _line(axes, label):
    (line,) = [ln for ln in axes.get_lines() if ln.get_label() == label]
    return np.asarray(line.get_ydata(), dtype=float)


# ---------------------------------------------------------------------------------------------
# Bass widgets
# ---------------------------------------------------------------------------------------------


def test_bass_widget_redraws_what_the_model_computes():
    explorer = figs.bass_explorer()
    explorer.widget()
    explorer.set(p=0.01, q=0.5, market_potential=0.6)
    assert explorer.last_error is None
    expected = 100 * model.bass_path(0.01, 0.5, 0.6, 30)["adopted"].to_numpy()
    assert np.allclose(_line(explorer.last_figure.axes[0], "adopted"), expected)
    half = model.years_to_half(0.01, 0.5)
    marker = [ln for ln in explorer.last_figure.axes[0].get_lines() if "half" in ln.get_label()]
    assert marker[0].get_xdata()[0] == pytest.approx(half)
    assert marker[0].get_ydata()[0] == pytest.approx(30.0)  # half of the 60% who adopt


def test_bass_widget_responds_to_each_control():
    explorer = figs.bass_explorer()
    explorer.widget()
    before = _line(explorer.last_figure.axes[0], "adopted")
    for name, value in [("p", 0.08), ("q", 0.1), ("market_potential", 0.4)]:
        explorer.set(**{name: value})
        after = _line(explorer.last_figure.axes[0], "adopted")
        assert not np.allclose(before, after), f"changing {name} did not change the figure"
        before = after


def test_bass_split_areas_add_up_to_new_adopters():
    figure = figs.plot_bass(0.03, 0.38)
    right = figure.axes[1]
    top = right.collections[1].get_paths()[0].vertices[:, 1].max()
    expected = 100 * model.bass_path(0.03, 0.38)["new_adopters"].max()
    assert top == pytest.approx(expected, rel=1e-6)


def test_bass_alt_text_gives_half_and_peak_times():
    text = figs.bass_alt(0.03, 0.38)
    assert f"{model.years_to_half(0.03, 0.38):.1f} years" in text
    assert f"year {model.peak_time(0.03, 0.38):.1f}" in text
    assert "not reached within 30 years" in figs.bass_alt(0.005, 0.0)


def test_levers_widget_draws_the_lever_comparison():
    explorer = figs.levers_explorer()
    explorer.widget()
    explorer.set(p=0.02, q=0.5, max_increase_pct=150.0)
    table = model.lever_comparison(0.02, 0.5, np.linspace(0, 150, 101))
    axes = explorer.last_figure.axes[0]
    lines = {ln.get_label(): np.asarray(ln.get_ydata()) for ln in axes.get_lines()}
    assert np.allclose(lines["raise p only"], table["raise_p"])
    assert np.allclose(lines["raise q only"], table["raise_q"])


def test_levers_alt_reports_both_end_points():
    table = model.lever_comparison(0.03, 0.38, [0, 100])
    text = figs.levers_alt(0.03, 0.38, 100)
    assert f"{table['raise_p'].iloc[-1]:.1f} years" in text
    assert f"{table['raise_q'].iloc[-1]:.1f} years" in text


# ---------------------------------------------------------------------------------------------
# Scorecard widget
# ---------------------------------------------------------------------------------------------


def test_scorecard_widget_shows_the_model_score():
    explorer = figs.scorecard_explorer()
    explorer.widget()
    explorer.set(firm="food stall", weight_environment=3.0, weight_technology=0.5)
    assert explorer.last_error is None
    items = load("toe_scorecard_items")
    ratings = figs.example_firm_ratings("food stall")
    weights = {"Technology": 0.5, "Organisation": 1.0, "Environment": 3.0}
    result = model.score_firm(ratings, items, weights)
    left, right = explorer.last_figure.axes
    widths = sorted(round(bar.get_width(), 9) for bar in left.patches)
    assert widths == sorted(round(s, 9) for s in result["items"]["score"])
    (point,) = [ln for ln in right.get_lines() if "readiness" in ln.get_label()]
    assert point.get_xdata()[0] == pytest.approx(result["index"])
    assert point.get_ydata()[0] == pytest.approx(result["likelihood"])


def test_scorecard_weights_change_the_likelihood():
    explorer = figs.scorecard_explorer()
    explorer.widget()

    def likelihood():
        right = explorer.last_figure.axes[1]
        (point,) = [ln for ln in right.get_lines() if "readiness" in ln.get_label()]
        return point.get_ydata()[0]

    before = likelihood()
    for name, value in [
        ("weight_technology", 3.0),
        ("weight_organisation", 3.0),
        ("weight_environment", 0.25),
        ("firm", "café with POS"),
    ]:
        explorer.set(**{name: value})
        after = likelihood()
        assert after != pytest.approx(before), f"changing {name} did not change the figure"
        before = after


def test_unknown_example_firm_is_refused():
    with pytest.raises(ValueError, match="firm must be one of"):
        figs.example_firm_ratings("bank")


# ---------------------------------------------------------------------------------------------
# Static figures built from the tables
# ---------------------------------------------------------------------------------------------


def test_heat_map_colours_exactly_the_coded_cells():
    matrix = load("toe_coding_matrix")
    figure = figs.plot_coding_matrix(matrix)
    drawn = np.asarray(figure.axes[0].images[0].get_array())
    codes = model.respondent_columns(matrix)
    assert np.array_equal(drawn > 0, matrix[codes].to_numpy() == 1)
    text = figs.coding_matrix_alt(matrix)
    assert all(code in text for code in matrix["theme_code"])
    assert "no respondent named" in text


def test_ai_adoption_chart_uses_the_table():
    rates = load("firm_ai_adoption_rates")
    figure = figs.plot_ai_adoption(rates)
    heights = [bar.get_height() for bar in figure.axes[1].patches]
    assert heights == rates.loc[rates["survey"] == "Eurostat", "share_pct"].tolist()
    text = figs.ai_adoption_alt(rates)
    assert all(f"{value:g}%" in text for value in rates["share_pct"])


def test_digital_platform_chart_and_alt_use_the_table():
    platforms, msmes = load("msme_digital_platforms"), load("msme_indonesia")
    figure = figs.plot_digital_platforms(platforms, msmes)
    (line,) = [ln for ln in figure.axes[0].get_lines() if ln.get_gid() == "reported"]
    actual = platforms.loc[platforms["status"] == "actual", "msmes_million"]
    assert np.allclose(line.get_ydata(), actual)
    survey = platforms.loc[platforms["status"] == "BPS survey", "msmes_million"]
    assert np.allclose(_line(figure.axes[0], "selling online (BPS survey)"), survey)
    text = figs.digital_platforms_alt(platforms, msmes)
    assert all(f"{value:g} million" in text for value in platforms["msmes_million"])


# ---------------------------------------------------------------------------------------------
# Numbers written once, sources named
# ---------------------------------------------------------------------------------------------


def test_default_coefficients_and_caption_come_from_the_bass_table():
    row = load("bass_coefficients").iloc[0]
    assert (figs.DEFAULT_P, figs.DEFAULT_Q) == (row["p"], row["q"])
    caption = figs.bass_explorer().caption
    assert f"{int(row['applications'])} published applications" in caption
    assert row["study"] in caption


def test_digital_platform_markers_follow_the_agency_column():
    platforms, msmes = load("msme_digital_platforms"), load("msme_indonesia")
    axes = figs.plot_digital_platforms(platforms, msmes).axes[0]
    for agency, (_marker, name) in figs.AGENCY_MARKERS.items():
        drawn = _line(axes, f"stated by the {name}")
        expected = platforms.loc[
            (platforms["status"] == "actual") & (platforms["agency"] == agency), "msmes_million"
        ]
        assert np.allclose(drawn, expected)
    assert "stated by Kemenko Perekonomian" in figs.digital_platforms_alt(platforms, msmes)


def test_chapter_cites_only_keys_that_exist_in_the_bibliography():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    text = (root / "chapters" / "toe_adoption.md").read_text(encoding="utf-8")
    bib = (root / "references.bib").read_text(encoding="utf-8")
    keys = {
        k.strip() for group in re.findall(r"\{cite:[pt]\}`([^`]+)`", text) for k in group.split(",")
    }
    assert keys
    missing = sorted(k for k in keys if not re.search(rf"@\w+\{{{re.escape(k)},", bib))
    assert not missing
    # the ministry's own publication is cited, with the news report beside it
    assert {"kemenkopukm2019data", "katadata_umkm_tenagakerja"} <= keys


# ---------------------------------------------------------------------------------------------
# Every figure reads on a phone and a laptop (issue 15)
# ---------------------------------------------------------------------------------------------

STATIC = {
    "coding matrix": lambda: figs.plot_coding_matrix(load("toe_coding_matrix")),
    "digital platforms": lambda: figs.plot_digital_platforms(
        load("msme_digital_platforms"), load("msme_indonesia")
    ),
    "AI adoption": lambda: figs.plot_ai_adoption(load("firm_ai_adoption_rates")),
    "scorecard": lambda: figs.plot_example_firm("café with POS", 0.25, 3.0, 3.0),
}


@pytest.mark.parametrize("layout", ["narrow", "wide"])
@pytest.mark.parametrize("name", sorted(STATIC))
def test_static_figures_are_clear_and_keep_room_for_their_data(name, layout):
    """No text sticks out or overlaps, and every panel keeps at least a quarter of the figure's
    width for its data (the phone version of the coding matrix once had a grid of zero width)."""
    from aicap.style import drawing, figure_svg, text_problems

    with drawing(layout):
        figure = STATIC[name]()
        figure_svg(figure)
        assert not text_problems(figure)
        for axes in figure.axes:
            assert axes.get_position().width > 0.25, f"{name} ({layout}): a squeezed panel"


def test_phone_coding_matrix_labels_rows_by_code_and_laptop_by_theme():
    from aicap.style import drawing

    matrix = load("toe_coding_matrix")
    with drawing("narrow"):
        narrow = figs.plot_coding_matrix(matrix)
    labels = [t.get_text() for t in narrow.axes[0].get_yticklabels()]
    assert labels == list(matrix["theme_code"])
    with drawing("wide"):
        wide = figs.plot_coding_matrix(matrix)
    assert wide.axes[0].get_yticklabels()[0].get_text().startswith("T1 Easy apps")


def test_summaries_say_the_result_to_notice():
    assert "push (p)" in figs.levers_summary(0.05, 0.2)  # q/p = 4
    assert "peer effect (q)" in figs.levers_summary(0.03, 0.38)
    assert "only raising p" in figs.levers_summary(0.03, 0.0)
    assert "only fall" in figs.bass_summary(0.05, 0.0)
    assert "79% of adopters are moved by peers" in figs.bass_summary()
    assert "café with POS" in figs.example_firm_summary("café with POS")


def test_alt_texts_change_with_every_control():
    for builder in (figs.scorecard_explorer, figs.bass_explorer, figs.levers_explorer):
        explorer = builder()
        base = explorer.alt(**explorer.parameters())
        for control in explorer.controls:
            values = control.page_values()
            other = next(v for v in values if v != control.default)
            changed = explorer.alt(**explorer.parameters(**{control.name: other}))
            assert changed != base, f"{explorer.name}: alt text ignores {control.name}"
