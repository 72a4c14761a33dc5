"""The introduction's map of chapters to source documents, and its interactive figure on the
mix of jobs behind a headline share of jobs exposed to AI."""

from pathlib import Path

import numpy as np
import pytest

from aicap.data import load
from aicap.figures import introduction as figs
from aicap.models import introduction as model
from aicap.style import drawing


def test_map_has_one_dot_per_row():
    sources = load("chapter_sources")
    figure = figs.plot_source_map(sources)
    dots = sum(len(c.get_offsets()) for c in figure.axes[0].collections)
    assert dots == len(sources)
    filled = figure.axes[0].collections[0].get_offsets()
    assert len(filled) == int((sources["role"] == "main").sum())
    assert np.all(np.asarray(filled) >= 0)


def test_map_alt_text_names_every_chapter_and_document():
    sources = load("chapter_sources")
    text = figs.source_map_alt(sources)
    for name in set(sources["topic"]) | set(sources["source_label"]):
        assert name in text


def test_every_source_document_is_mapped():
    keys = set(load("chapter_sources")["source_key"])
    assert len(keys) == 5


def test_the_main_source_audit_counts_what_the_paper_lists():
    """The paper claims 35 articles; its list has 34, 7 never cited, 1 cited work missing."""
    references = load("andre_nasrun_references")
    claimed = load("andre_nasrun_claims_seed").set_index("claim")["value"]
    listed = references["in_reference_list"] == "yes"
    cited = references["cited_in_text"] == "yes"
    assert claimed["articles in the re-read corpus"] == 35
    assert listed.sum() == 34
    assert (listed & ~cited).sum() == 7
    assert list(references.loc[~listed, "work"]) == ["Widiastuti & Lestari"]
    assert not references["work"].duplicated().any()


def test_the_forum_is_placed_in_washington_not_saudi_arabia():
    forum = load("musk_huang_forum").set_index("fact")
    assert "Washington" in forum.loc["venue", "value"]
    assert forum.loc["date", "value"] == "19 November 2025"
    assert forum.loc["data centre announced (where it will be built)", "value"] == "Saudi Arabia"
    assert forum.loc["place the Gate article gives", "mark"] == "seed"


def test_introduction_has_objectives_and_a_summary():
    from aicap.text import chapter_overview

    overview = chapter_overview("introduction")
    assert overview["objectives_box"] == "Learning objectives"
    assert len(overview["objectives"]) >= 3
    text = (Path(__file__).parents[2] / "chapters" / "introduction.md").read_text(encoding="utf-8")
    assert "\n## Summary\n" in text
    assert "unsigned" in text and "Washington" not in text  # the place comes from the data


def test_map_turns_round_on_a_phone_and_every_label_is_clear():
    """On a phone the five documents are the rows, so no label is squeezed or cut."""
    from aicap.style import drawing, figure_svg, text_problems

    sources = load("chapter_sources")
    for layout, rows in (("narrow", 5), ("wide", 6)):
        with drawing(layout):
            figure = figs.plot_source_map(sources)
            figure_svg(figure)
            assert len(figure.axes[0].get_yticks()) == rows
            assert not text_problems(figure), (layout, text_problems(figure))


def test_gate_feeds_the_policy_chapter_and_documents_are_described():
    sources = load("chapter_sources")
    assert ((sources["chapter"] == "policy") & (sources["source_key"] == "gate2025muskhuang")).any()
    documents = load("source_documents").set_index("key")
    assert set(documents.index) == set(sources["source_key"])
    assert "no figures" in documents.loc["yudha2025gig", "kind"]
    assert documents.loc["darmawan2025paradox", "date"] == "28 July 2025"


def test_the_corpus_check_says_the_count_adds_up():
    """34 listed + 1 cited but unlisted = 35 distinct works: the count is close; the problems are
    the unused entries and the missing one."""
    references = load("andre_nasrun_references")
    assert len(references) == 35
    assert references.loc[references["in_reference_list"] == "yes", "year"].min() == 2021


def test_map_names_chapters_as_the_chapter_list_does():
    """The same chapter names in both layouts of the map and in the chapter's list of links."""
    from aicap.style import drawing

    sources = load("chapter_sources")
    text = (Path(__file__).parents[2] / "chapters" / "introduction.md").read_text(encoding="utf-8")
    for chapter, topic in sources[["chapter", "topic"]].drop_duplicates().itertuples(index=False):
        label = "chapter-" + chapter.replace("_", "-")
        assert f"{{ref}}`{topic} <{label}>`" in text, topic
    with drawing("narrow"):
        axes = figs.plot_source_map(sources).axes[0]
        names = [t.get_text().replace("\n", " ") for t in axes.get_xticklabels()]
    assert names == list(dict.fromkeys(sources["topic"]))


def test_map_grid_runs_behind_the_dots_and_alt_text_fits_both_layouts():
    from aicap.style import drawing

    sources = load("chapter_sources")
    for layout in ("narrow", "wide"):
        with drawing(layout):
            assert figs.plot_source_map(sources).axes[0].get_axisbelow() is True
    text = figs.source_map_alt(sources)
    assert "rows" not in text and "columns" not in text  # the phone picture is turned round


# -- the interactive figure: the headline exposure share is a weighted average over the job mix


def _all_jobs_line(figure) -> float:
    (line,) = [ln for ln in figure.axes[0].get_lines() if ln.get_label().startswith("all jobs")]
    heights = set(np.asarray(line.get_ydata(), dtype=float))
    assert len(heights) == 1  # a horizontal line
    return heights.pop()


def _blocks(figure) -> list[tuple[float, float, float]]:
    """(left, width, height) of every bar, in drawing order: each block's full height, then
    its exposed part."""
    return [(p.get_x(), p.get_width(), p.get_height()) for p in figure.axes[0].patches]


def test_job_mix_comes_from_the_latest_sakernas_round():
    table = load("informal_employment_share")
    latest = table.loc[table["year"].idxmax()]
    mix = figs.job_mix()
    assert mix.year == latest["year"] and mix.month == latest["month"]
    assert mix.informal_share == pytest.approx(latest["share_pct"] / 100)
    assert mix.employed_million == pytest.approx(latest["employed_million"])


def test_blocks_are_as_wide_as_the_job_mix_and_as_high_as_the_exposures():
    mix = figs.job_mix()
    figure = figs.plot_job_mix(0.7, 0.15)
    formal_full, formal_exposed, informal_full, informal_exposed = _blocks(figure)
    assert formal_full[:2] == pytest.approx((0.0, 100 * mix.formal_share))
    assert informal_full[:2] == pytest.approx((100 * mix.formal_share, 100 * mix.informal_share))
    assert formal_full[2] == informal_full[2] == 100
    assert formal_exposed[2] == pytest.approx(70) and informal_exposed[2] == pytest.approx(15)
    # the shaded area over the whole width is the line for all jobs
    area = formal_exposed[1] * formal_exposed[2] + informal_exposed[1] * informal_exposed[2]
    assert area / 100 == pytest.approx(_all_jobs_line(figure))


def test_widget_redraws_the_share_of_all_jobs_the_model_computes():
    explorer = figs.job_mix_explorer()
    explorer.widget()
    share = figs.job_mix().formal_share
    for formal_exposure, informal_exposure in [(0.9, 0.3), (0.1, 0.8), (0.45, 0.45)]:
        explorer.set(formal_exposure=formal_exposure, informal_exposure=informal_exposure)
        assert explorer.last_error is None
        expected = model.economy_wide_exposure(share, formal_exposure, informal_exposure)
        assert _all_jobs_line(explorer.last_figure) == pytest.approx(100 * expected)


def test_moving_formal_exposure_moves_the_line_by_the_formal_share_of_workers():
    explorer = figs.job_mix_explorer()
    explorer.widget()
    share = figs.job_mix().formal_share
    explorer.set(formal_exposure=0.2, informal_exposure=0.3)
    before = _all_jobs_line(explorer.last_figure)
    explorer.set(formal_exposure=0.8)
    after = _all_jobs_line(explorer.last_figure)
    assert after - before == pytest.approx(100 * share * 0.6)
    explorer.set(informal_exposure=0.5)
    assert _all_jobs_line(explorer.last_figure) - after == pytest.approx(100 * (1 - share) * 0.2)


def test_equal_exposures_give_that_share_whatever_the_mix():
    figure = figs.plot_job_mix(0.4, 0.4)
    assert _all_jobs_line(figure) == pytest.approx(40)


def test_reference_lines_are_the_imfs_shares():
    table = load("ai_exposure_estimates")
    imf = table[table["study"] == figs.IMF_STUDY].set_index("scope")["share_pct"]
    figure = figs.plot_job_mix()
    drawn = {
        float(ln.get_ydata()[0])
        for ln in figure.axes[0].get_lines()
        if ln.get_label().startswith("IMF")
    }
    assert drawn == {float(imf[scope]) for scope in figs.IMF_SCOPES}
    # one line per distinct share, naming every scope that has it
    for share, long, _ in figs.imf_references():
        for scope in figs.IMF_SCOPES:
            named = figs.IMF_SCOPES[scope][0] in long
            assert named == (float(imf[scope]) == share)


def test_alt_text_and_summary_change_with_every_control_and_carry_the_models_number():
    explorer = figs.job_mix_explorer()
    defaults = explorer.defaults()
    share = figs.job_mix().formal_share
    alt, summary = figs.job_mix_alt(**defaults), figs.job_mix_summary(**defaults)
    for control in explorer.controls:
        moved = {**defaults, control.name: control.high}
        assert figs.job_mix_alt(**moved) != alt, control.name
        assert figs.job_mix_summary(**moved) != summary, control.name
        expected = 100 * model.economy_wide_exposure(share, **moved)
        assert f"{expected:.1f}% of all jobs exposed" in figs.job_mix_alt(**moved)
        assert f"{expected:.1f}% of all jobs exposed" in figs.job_mix_summary(**moved)


def test_assumptions_are_labelled_as_such():
    explorer = figs.job_mix_explorer()
    assert explorer.caption.startswith("Teaching device, not an estimate")
    assert "assumption (mark A)" in explorer.caption
    assert figs.job_mix_alt().startswith("Teaching device, not an estimate")
    assert all("assumed" in control.label for control in explorer.controls)
    with drawing("wide"):
        legend = figs.plot_job_mix().legends[0]
    assert "exposed (assumed)" in [text.get_text() for text in legend.get_texts()]


def test_job_mix_controls_read_in_percent_and_page_states_stay_few():
    explorer = figs.job_mix_explorer()
    for control in explorer.controls:
        assert control.unit == "%" and control.scale == 100
        assert {0.0, 0.4, 1.0} <= set(control.page_values())
    assert explorer.page_state_count() <= 150


def test_job_mix_text_is_clear_in_both_layouts_at_the_chapters_settings():
    from aicap.style import figure_svg, text_problems

    for layout in ("narrow", "wide"):
        for values in [(0.6, 0.2), (1.0, 0.0), (0.4, 0.4), (0.0, 1.0)]:
            with drawing(layout):
                figure = figs.plot_job_mix(*values)
                figure_svg(figure)
                assert not text_problems(figure), (layout, values, text_problems(figure))
