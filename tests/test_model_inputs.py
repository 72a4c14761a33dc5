"""One rule for bad input, across every public model function (issue: no silent wrong answer).

Every public function of every module of :mod:`aicap.models` must be declared with
:func:`aicap.checks.validated`. Hypothesis then calls each one:

* with valid values drawn from its declarations: the result must be finite (no NaN or inf
  anywhere in it) and within its declared ``returns`` range, or, if the values break a
  declared relation between parameters, a ``ValueError`` naming them;
* with one parameter at a time set to a bad value of its kind (out of range, NaN, ±inf, a
  string, None, a bool, an array for a number, a number for an array, an empty array, a
  fractional count): it must raise ``ValueError`` naming that parameter.
"""

from __future__ import annotations

import importlib
import inspect
import math
import pkgutil
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import aicap.models
from aicap import checks

MODULES = [
    importlib.import_module(f"aicap.models.{info.name}")
    for info in pkgutil.iter_modules(aicap.models.__path__)
]


def _public_functions() -> list[tuple[str, Any]]:
    found = []
    for module in MODULES:
        for name, member in vars(module).items():
            function = inspect.unwrap(member) if callable(member) else None
            if (
                not name.startswith("_")
                and inspect.isfunction(function)
                and function.__module__ == module.__name__
            ):
                found.append((f"{module.__name__}:{name}", member))
    return found


PUBLIC = _public_functions()


def test_every_public_model_function_declares_its_parameters():
    undeclared = [name for name, function in PUBLIC if not hasattr(function, "specs")]
    assert not undeclared, f"declare these with aicap.checks.validated: {undeclared}"


DECLARED = [(name, function) for name, function in PUBLIC if hasattr(function, "specs")]


# -- strategies from the declarations ----------------------------------------------------------


def _bounded(low: float, high: float) -> tuple[float, float]:
    return (max(low, -1e6), min(high, 1e6))


def valid(spec: checks.Spec) -> st.SearchStrategy:
    if isinstance(spec, checks.Real):
        low, high = _bounded(spec.low, spec.high)
        return st.floats(
            low, high, exclude_min=not spec.include_low, exclude_max=not spec.include_high
        )
    if isinstance(spec, checks.Count):
        return st.integers(spec.low, min(spec.high, spec.low + 200))
    if isinstance(spec, checks.Reals):
        low, high = _bounded(spec.low, spec.high)
        element = (
            st.integers(math.ceil(low), math.floor(high)) if spec.whole else st.floats(low, high)
        )
        size = spec.max_size if spec.max_size is not None else spec.min_size + 8
        return st.lists(element, min_size=max(spec.min_size, 1), max_size=size).map(np.array)
    if isinstance(spec, checks.Choice):
        return st.sampled_from(spec.options)
    if isinstance(spec, checks.Flag):
        return st.booleans()
    if isinstance(spec, checks.Optional):
        return st.one_of(st.none(), valid(spec.inner))
    example = getattr(spec, "example", None)
    if example is None:
        raise AssertionError(f"{spec!r} needs an example= for the tests")
    return st.just(example())


def example_value(spec: checks.Spec) -> Any:
    """One valid value of ``spec``, chosen plainly (the middle of a range, the first option)."""
    if isinstance(spec, checks.Real):
        low, high = _bounded(spec.low, spec.high)
        return (low + high) / 2 if math.isfinite(spec.high) else low + 1.0
    if isinstance(spec, checks.Count):
        return spec.low
    if isinstance(spec, checks.Reals):
        low, high = _bounded(spec.low, spec.high)
        middle = (low + high) / 2 if math.isfinite(spec.high) else low + 1.0
        middle = round(middle) if spec.whole else middle
        return np.full(max(spec.min_size, 2) if spec.max_size is None else spec.min_size, middle)
    if isinstance(spec, checks.Choice):
        return spec.options[0]
    if isinstance(spec, checks.Flag):
        return False
    if isinstance(spec, checks.Optional):
        return None
    if getattr(spec, "example", None) is None:
        raise AssertionError(f"{spec!r} needs an example= for the tests")
    return spec.example()


def invalid(spec: checks.Spec) -> list[Any]:
    """Values of the wrong kind for ``spec``: every one must be refused."""
    common = ["3", None, True, object()]
    if isinstance(spec, checks.Real):
        out = [math.nan, math.inf, -math.inf, np.array([1.0])]
        if math.isfinite(spec.low):
            out.append(spec.low - 1e-3 * (1 + abs(spec.low)))
        if math.isfinite(spec.high):
            out.append(spec.high + 1e-3 * (1 + abs(spec.high)))
        return out + common
    if isinstance(spec, checks.Count):
        return [spec.low + 0.5, spec.low - 1, spec.high + 1, math.nan, 1e12] + common
    if isinstance(spec, checks.Reals):
        out = [np.array([]), np.array([1.0, math.nan]), np.array([math.inf]), "abc", None]
        if not spec.scalar:
            out.append(1.0)
        if math.isfinite(spec.low):
            out.append(np.array([spec.low - 1.0]))
        if spec.whole:
            out.append(np.array([0.5]))
        return out
    if isinstance(spec, checks.Choice):
        return ["no such option", None, 3.5]
    if isinstance(spec, checks.Flag):
        return [1, "yes", None]
    if isinstance(spec, checks.Table):
        return [pd.DataFrame(), None, [1, 2], "table"]
    if isinstance(spec, checks.Text):
        return ["", "  ", None, 3]
    if isinstance(spec, checks.Optional):
        return [value for value in invalid(spec.inner) if value is not None]
    return [None, "x"]


def _numbers(result: Any) -> list[float]:
    """Every number in a result (arrays, frames, dicts, tuples), for the finiteness check."""
    if isinstance(result, pd.DataFrame | pd.Series):
        frame = result.to_frame() if isinstance(result, pd.Series) else result
        numeric = frame.select_dtypes("number")
        return list(np.ravel(numeric.to_numpy(dtype=float)))
    if isinstance(result, np.ndarray):
        return list(np.ravel(result.astype(float))) if result.dtype.kind in "biuf" else []
    if isinstance(result, dict):
        return [n for value in result.values() for n in _numbers(value)]
    if isinstance(result, list | tuple):
        return [n for value in result for n in _numbers(value)]
    if checks._is_number(result):
        return [float(result)]
    return []


@pytest.mark.parametrize(("name", "function"), DECLARED, ids=[n for n, _ in DECLARED])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_valid_values_give_finite_results_in_range(name, function, data):
    arguments = {
        param: data.draw(valid(spec), label=param) for param, spec in function.specs.items()
    }
    checked = {param: spec.check(param, arguments[param]) for param, spec in function.specs.items()}
    assume(all(relation.holds(checked) for relation in function.relations))
    result = function(**arguments)
    numbers = _numbers(result)
    assert all(math.isfinite(n) for n in numbers), f"{name}: NaN or inf in {result!r:.300}"
    if function.returns is not None:
        bounds = function.returns
        outside = [n for n in numbers if not bounds.low - 1e-9 <= n <= bounds.high + 1e-9]
        assert not outside, f"{name}: results outside {bounds.describe()}: {outside[:5]}"


def _valid_example(function) -> dict[str, Any]:
    """One valid set of arguments: the defaults where there are any, else a middle value."""
    signature = inspect.signature(inspect.unwrap(function))
    example = {}
    for param, spec in function.specs.items():
        default = signature.parameters[param].default
        example[param] = default if default is not inspect.Parameter.empty else example_value(spec)
    return example


@pytest.mark.parametrize(("name", "function"), DECLARED, ids=[n for n, _ in DECLARED])
def test_each_bad_value_is_refused_naming_its_parameter(name, function):
    base = _valid_example(function)
    for param, spec in function.specs.items():
        for bad in invalid(spec):
            arguments = {**base, param: bad}
            with pytest.raises(ValueError) as refused:
                function(**arguments)
            assert param in str(refused.value), (
                f"{name}({param}={bad!r}) raised {refused.value!r}, which does not name {param}"
            )
