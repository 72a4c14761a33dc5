import math

import pytest

from aicap.checks import require_in_range, require_int_in_range


def test_in_range_returns_float():
    assert require_in_range("rate", 1, 0, 2) == 1.0


@pytest.mark.parametrize("value", [-0.1, 2.1, math.nan, "1", None, True])
def test_out_of_range_names_parameter_and_range(value):
    with pytest.raises(ValueError, match=r"rate must be .*\[0, 2\]"):
        require_in_range("rate", value, 0, 2)


def test_open_interval_excludes_bounds():
    with pytest.raises(ValueError, match=r"\(0, 1\)"):
        require_in_range("share", 0, 0, 1, include_low=False, include_high=False)


@pytest.mark.parametrize("value", [1.5, -1, 11, "3"])
def test_int_range(value):
    with pytest.raises(ValueError, match=r"lag must be a whole number in \[0, 10\]"):
        require_int_in_range("lag", value, 0, 10)


def test_int_accepts_integral_float():
    assert require_int_in_range("lag", 3.0, 0, 10) == 3
