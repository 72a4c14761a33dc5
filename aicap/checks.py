"""Input checks shared by every model: one wording for every bad-input error."""

from __future__ import annotations

import math
from numbers import Real


def require_in_range(
    name: str,
    value: float,
    low: float,
    high: float,
    *,
    include_low: bool = True,
    include_high: bool = True,
) -> float:
    """Return ``value`` as a float, or raise ValueError naming ``name`` and its allowed range."""
    left = "[" if include_low else "("
    right = "]" if include_high else ")"
    allowed = f"{left}{low:g}, {high:g}{right}"
    if isinstance(value, bool) or not isinstance(value, Real) or math.isnan(value):
        raise ValueError(f"{name} must be a number in {allowed}; got {value!r}")
    too_low = value < low if include_low else value <= low
    too_high = value > high if include_high else value >= high
    if too_low or too_high:
        raise ValueError(f"{name} must be in {allowed}; got {value!r}")
    return float(value)


def require_int_in_range(name: str, value: int, low: int, high: int) -> int:
    """Return ``value`` as an int, or raise ValueError naming ``name`` and its allowed range."""
    is_integral = (
        isinstance(value, Real) and not isinstance(value, bool) and float(value).is_integer()
    )
    if not is_integral or not low <= value <= high:
        raise ValueError(f"{name} must be a whole number in [{low}, {high}]; got {value!r}")
    return int(value)
