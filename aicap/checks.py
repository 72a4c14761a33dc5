"""One rule for bad input, shared by every model: a clear ``ValueError`` naming the parameter.

Every public function of :mod:`aicap.models` declares what each parameter may be with
:func:`validated`, for example::

    @validated(automation_rate=Real(0, 0.5), retraining_lag=Count(0, 15), years=Count(1, 100))
    def automation_path(automation_rate, retraining_lag=2, years=30): ...

Before the function runs, each argument is checked and converted (a ``Real`` becomes a
``float``, a ``Count`` an ``int``, a ``Reals`` a float array). A number outside its range, NaN,
±inf, a non-number, a bool, a string, None, an array where a number is needed (or a number
where an array is), an empty array, or a fractional count raises ``ValueError``:
``"retraining_lag must be a whole number in [0, 15]; got 1.5"``. Never a silent NaN, a silent
truncation or a library's internal error.

The declarations also drive the property-based test (``tests/test_model_inputs.py``), which
calls every declared function with valid and invalid values (Hypothesis) and checks this rule,
and on valid values that results are finite and within the declared ``returns`` range.
"""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Real as _RealNumber
from typing import Any

import numpy as np
import pandas as pd


def _interval(low: float, high: float, include_low: bool = True, include_high: bool = True) -> str:
    left, right = "[" if include_low else "(", "]" if include_high else ")"
    return f"{left}{low:g}, {high:g}{right}"


def _is_number(value: Any) -> bool:
    """A real number that is not a bool (numpy scalars count; strings, None, arrays do not)."""
    return isinstance(value, _RealNumber | np.integer | np.floating) and not isinstance(
        value, bool | np.bool_
    )


class Spec:
    """What one parameter may be. :meth:`check` returns the converted value or raises."""

    def check(self, name: str, value: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(frozen=True)
class Real(Spec):
    """A finite number in ``[low, high]`` (ends open when ``include_low``/``include_high`` are
    false); ``high`` may be ``math.inf`` for "no upper limit" (inf itself is still refused)."""

    low: float
    high: float
    include_low: bool = True
    include_high: bool = True

    def describe(self) -> str:
        return f"a number in {_interval(self.low, self.high, self.include_low, self.include_high)}"

    def check(self, name: str, value: Any) -> float:
        if not _is_number(value) or not math.isfinite(float(value)):
            raise ValueError(f"{name} must be {self.describe()}; got {value!r}")
        number = float(value)
        too_low = number < self.low if self.include_low else number <= self.low
        too_high = number > self.high if self.include_high else number >= self.high
        if too_low or too_high:
            raise ValueError(f"{name} must be {self.describe()}; got {value!r}")
        return number


@dataclass(frozen=True)
class Count(Spec):
    """A whole number in ``[low, high]`` (an int, or a float with no fractional part)."""

    low: int
    high: int

    def describe(self) -> str:
        return f"a whole number in [{self.low}, {self.high}]"

    def check(self, name: str, value: Any) -> int:
        whole = _is_number(value) and math.isfinite(float(value)) and float(value).is_integer()
        if not whole or not self.low <= value <= self.high:
            raise ValueError(f"{name} must be {self.describe()}; got {value!r}")
        return int(value)


@dataclass(frozen=True)
class Reals(Spec):
    """An array (list, tuple, Series or ndarray) of finite numbers in ``[low, high]``.

    ``min_size``/``max_size`` bound the number of values (at least 1 unless said otherwise);
    ``whole`` asks for whole numbers (returned as an int array); ``scalar`` also accepts a
    single number (returned as a 0-d array); ``ndim`` is the number of dimensions (``None``:
    any, for functions that broadcast a grid).
    """

    low: float = -math.inf
    high: float = math.inf
    min_size: int = 1
    max_size: int | None = None
    whole: bool = False
    scalar: bool = False
    ndim: int | None = 1

    def describe(self) -> str:
        kind = "whole numbers" if self.whole else "numbers"
        span = (
            f" in {_interval(self.low, self.high)}"
            if math.isfinite(self.low) or math.isfinite(self.high)
            else ""
        )
        size = f"at least {self.min_size} " if self.min_size else ""
        alone = ", or a single number" if self.scalar else ""
        return f"an array of {size}{kind}{span}{alone}"

    def check(self, name: str, value: Any) -> np.ndarray:
        fail = ValueError(f"{name} must be {self.describe()}; got {_short(value)}")
        if _is_number(value):
            if not self.scalar:
                raise fail
            values = np.asarray(float(value))
        else:
            if isinstance(value, str | bytes | Mapping) or value is None:
                raise fail
            try:
                items = list(np.ravel(np.asarray(value, dtype=object)))
            except (TypeError, ValueError):
                raise fail from None
            if not all(_is_number(item) for item in items):
                raise fail
            values = np.asarray(value, dtype=float)
            shaped = self.ndim is None or values.ndim == self.ndim
            if not shaped and not (self.scalar and values.ndim == 0):
                raise fail
        count = values.size
        if count < self.min_size or (self.max_size is not None and count > self.max_size):
            raise fail
        if (
            not np.all(np.isfinite(values))
            or np.any(values < self.low)
            or np.any(values > self.high)
        ):
            raise fail
        if self.whole:
            if not np.all(values == np.round(values)):
                raise fail
            return values.astype(int)
        return values


@dataclass(frozen=True)
class Choice(Spec):
    """One of a fixed set of values (compared with ``==``; bools only match bools)."""

    options: tuple[Any, ...]

    def describe(self) -> str:
        return "one of " + ", ".join(repr(option) for option in self.options)

    def check(self, name: str, value: Any) -> Any:
        for option in self.options:
            if type(option) is type(value) and option == value:
                return value
            if isinstance(option, str) and isinstance(value, str) and option == value:
                return value
        raise ValueError(f"{name} must be {self.describe()}; got {value!r}")


@dataclass(frozen=True)
class Flag(Spec):
    """True or False (not 1, 0 or "yes")."""

    def describe(self) -> str:
        return "True or False"

    def check(self, name: str, value: Any) -> bool:
        if not isinstance(value, bool | np.bool_):
            raise ValueError(f"{name} must be {self.describe()}; got {value!r}")
        return bool(value)


@dataclass(frozen=True)
class Table(Spec):
    """A DataFrame with at least the named columns and one row; ``example`` gives a valid one
    (for the tests: usually the book's own table, ``lambda: load("ojol_fares")``)."""

    columns: tuple[str, ...] = ()
    min_rows: int = 1
    example: Callable[[], pd.DataFrame] | None = None

    def describe(self) -> str:
        needs = f" with columns {list(self.columns)}" if self.columns else ""
        return f"a table (pandas DataFrame){needs} and at least {self.min_rows} row(s)"

    def check(self, name: str, value: Any) -> pd.DataFrame:
        if not isinstance(value, pd.DataFrame) or len(value) < self.min_rows:
            raise ValueError(f"{name} must be {self.describe()}; got {_short(value)}")
        missing = [column for column in self.columns if column not in value.columns]
        if missing:
            raise ValueError(f"{name} must be {self.describe()}; it lacks {missing}")
        return value


@dataclass(frozen=True)
class Text(Spec):
    """A non-empty string."""

    def describe(self) -> str:
        return "a non-empty string"

    def check(self, name: str, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{name} must be {self.describe()}; got {value!r}")
        return value


@dataclass(frozen=True)
class Optional(Spec):
    """``None``, or a value ``inner`` accepts."""

    inner: Spec

    def describe(self) -> str:
        return f"None or {self.inner.describe()}"

    def check(self, name: str, value: Any) -> Any:
        return None if value is None else self.inner.check(name, value)


@dataclass(frozen=True)
class Custom(Spec):
    """A value ``test`` accepts (returns the converted value or raises ``ValueError``);
    ``allowed`` describes it. For parameters no other spec fits (a dict of tables, say)."""

    test: Callable[[str, Any], Any]
    allowed: str
    example: Callable[[], Any] | None = None

    def describe(self) -> str:
        return self.allowed

    def check(self, name: str, value: Any) -> Any:
        return self.test(name, value)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


#: Every function declared with :func:`validated`, by ``module:name`` (for the tests).
DECLARED: dict[str, Callable] = {}


@dataclass(frozen=True)
class Relation:
    """A rule between parameters (``wave_years <= years``): ``holds`` takes the checked
    arguments; the error names the parameters in ``message``."""

    message: str
    holds: Callable[[dict[str, Any]], bool]


def broadcastable(*names: str) -> Relation:
    """The rule that the arrays ``names`` broadcast together (numpy's rule: equal sizes, or 1)."""

    def holds(arguments: dict[str, Any]) -> bool:
        try:
            np.broadcast_shapes(*(np.shape(arguments[name]) for name in names))
        except ValueError:
            return False
        return True

    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    return Relation(f"{listed} must have sizes that broadcast together (equal, or one)", holds)


def validated(
    *relations: Relation, returns: Real | None = None, **specs: Spec
) -> Callable[[Callable], Callable]:
    """Declare and enforce what each parameter of a model function may be.

    Every parameter of the function must have a spec. ``relations`` are rules between
    parameters, checked after each parameter on its own. ``returns`` bounds every number in the
    result (checked by the tests, not at run time). The declared function keeps its name,
    docstring and signature; ``function.specs`` holds the declarations.
    """

    def decorate(function: Callable) -> Callable:
        signature = inspect.signature(function)
        undeclared = [name for name in signature.parameters if name not in specs]
        unknown = [name for name in specs if name not in signature.parameters]
        if undeclared or unknown:
            raise TypeError(
                f"{function.__qualname__}: declare every parameter "
                f"(missing {undeclared}, not parameters {unknown})"
            )

        @functools.wraps(function)
        def checked(*args: Any, **kwargs: Any) -> Any:
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError as err:
                raise ValueError(f"{function.__name__}: {err}") from None
            bound.apply_defaults()
            for name, value in bound.arguments.items():
                bound.arguments[name] = specs[name].check(name, value)
            for relation in relations:
                if not relation.holds(bound.arguments):
                    shown = ", ".join(
                        f"{k}={v!r}" for k, v in bound.arguments.items() if k in relation.message
                    )
                    raise ValueError(f"{relation.message}; got {shown}")
            return function(*bound.args, **bound.kwargs)

        checked.specs = dict(specs)
        checked.relations = relations
        checked.returns = returns
        DECLARED[f"{function.__module__}:{function.__name__}"] = checked
        return checked

    return decorate


# -- the older helpers, kept for code that checks one value by hand ---------------------------


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
    return Real(low, high, include_low, include_high).check(name, value)


def require_int_in_range(name: str, value: int, low: int, high: int) -> int:
    """Return ``value`` as an int, or raise ValueError naming ``name`` and its allowed range."""
    return Count(low, high).check(name, value)


def require_all(name: str, values: Sequence[Any], spec: Spec) -> list[Any]:
    """Check every item of ``values`` with ``spec`` (each error names ``name``)."""
    return [spec.check(name, value) for value in values]
