"""The introduction's weighted average: the share of all jobs exposed to AI."""

import pytest

from aicap.models import introduction as model


def test_weighted_average_by_hand():
    # 40% formal, half of them exposed; 60% informal, a tenth exposed: 0.2 + 0.06 = 0.26
    assert model.economy_wide_exposure(0.4, 0.5, 0.1) == pytest.approx(0.26)


def test_equal_exposures_make_the_mix_irrelevant():
    for formal_share in (0.0, 0.25, 0.7, 1.0):
        assert model.economy_wide_exposure(formal_share, 0.4, 0.4) == pytest.approx(0.4)


def test_the_average_lies_between_the_exposures_and_leans_to_the_larger_group():
    low, high = 0.1, 0.7
    mostly_informal = model.economy_wide_exposure(0.2, high, low)
    mostly_formal = model.economy_wide_exposure(0.8, high, low)
    assert low < mostly_informal < mostly_formal < high
    assert mostly_informal < (low + high) / 2 < mostly_formal


def test_only_one_kind_of_job():
    assert model.economy_wide_exposure(1.0, 0.3, 0.9) == pytest.approx(0.3)
    assert model.economy_wide_exposure(0.0, 0.3, 0.9) == pytest.approx(0.9)


def test_every_formal_job_exposed_and_no_informal_one_gives_the_formal_share():
    assert model.economy_wide_exposure(0.422, 1.0, 0.0) == pytest.approx(0.422)


def test_needed_exposure_inverts_the_average():
    for formal_share, formal_exposure, informal_exposure in [(0.42, 0.6, 0.2), (0.1, 0.0, 0.95)]:
        headline = model.economy_wide_exposure(formal_share, formal_exposure, informal_exposure)
        needed = model.informal_exposure_needed(headline, formal_share, formal_exposure)
        assert needed == pytest.approx(informal_exposure)


def test_needed_exposure_by_hand():
    # half the jobs formal and all exposed: a 60% headline needs 20% of informal jobs exposed
    assert model.informal_exposure_needed(0.6, 0.5, 1.0) == pytest.approx(0.2)


def test_a_headline_out_of_reach_is_refused():
    # with 40% formal jobs, none exposed, even every informal job exposed gives only 60%
    with pytest.raises(ValueError, match="headline must lie between"):
        model.informal_exposure_needed(0.7, 0.4, 0.0)
    # and with every formal job exposed the headline cannot be below 40%
    with pytest.raises(ValueError, match="headline"):
        model.informal_exposure_needed(0.3, 0.4, 1.0)


@pytest.mark.parametrize(
    ("arguments", "name"),
    [
        ({"formal_share": 1.2, "formal_exposure": 0.5, "informal_exposure": 0.1}, "formal_share"),
        (
            {"formal_share": 0.4, "formal_exposure": -0.1, "informal_exposure": 0.1},
            "formal_exposure",
        ),
        (
            {"formal_share": 0.4, "formal_exposure": 0.5, "informal_exposure": 60},
            "informal_exposure",
        ),
    ],
)
def test_bad_shares_name_the_parameter_and_its_range(arguments, name):
    with pytest.raises(ValueError, match=rf"{name} must be a number in \[0, 1\]"):
        model.economy_wide_exposure(**arguments)


def test_no_informal_jobs_leaves_nothing_to_solve_for():
    with pytest.raises(ValueError, match=r"formal_share must be a number in \[0, 1\)"):
        model.informal_exposure_needed(0.5, 1.0, 0.5)
