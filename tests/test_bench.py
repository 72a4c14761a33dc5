"""The pure helpers of scripts/bench.py (``make bench``), so the script cannot silently rot.

Nothing here times anything: benchmarks are measured by ``make bench``, never as tests.
"""

from __future__ import annotations

import gzip
import importlib.util
import sys

import numpy as np
import pytest

from aicap.interactive import Control

from .conftest import ROOT


def _load_bench():
    spec = importlib.util.spec_from_file_location("aicap_bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


@pytest.mark.parametrize("q", [0, 5, 50, 95, 99, 100])
@pytest.mark.parametrize("n", [1, 2, 7, 200])
def test_percentile_matches_numpy(q, n):
    values = list(np.random.default_rng(n).lognormal(size=n))
    assert bench.percentile(values, q) == pytest.approx(np.percentile(values, q))


def test_percentile_refuses_bad_input():
    with pytest.raises(ValueError, match="no values"):
        bench.percentile([], 50)
    with pytest.raises(ValueError, match="q must be"):
        bench.percentile([1.0], 101)


def test_summary_gives_median_and_95th_percentile():
    summary = bench.summarise([float(v) for v in range(1, 101)])  # 1..100
    assert summary.n == 100
    assert summary.median == pytest.approx(50.5)
    assert summary.p95 == pytest.approx(95.05)
    assert (summary.low, summary.high) == (1.0, 100.0)


def test_control_values_follow_the_slider_steps():
    floats = bench.control_values(Control("x", "X", 0.1, 0.0, 0.3, 0.1))
    assert floats == [0.0, 0.1, 0.2, 0.3]  # no 0.30000000000000004
    ints = bench.control_values(Control("n", "N", 4, 2, 8, 2))
    assert ints == [2, 4, 6, 8] and all(isinstance(v, int) for v in ints)
    uneven = bench.control_values(Control("y", "Y", 0.0, 0.0, 1.0, 0.3))
    assert uneven == [0.0, 0.3, 0.6, 0.9, 1.0]  # the slider's end is reachable
    menu = bench.control_values(Control("c", "C", "b", options=(("A", "a"), ("B", "b"))))
    assert menu == ["a", "b"]


def _registered_controls() -> list[list[Control]]:
    return [builder().controls for builder in bench.registered_widgets().values()]


def test_sampled_settings_respect_ranges_steps_and_options():
    controls = [
        Control("rate", "Rate", 0.03, 0.0, 0.15, 0.005),
        Control("lag", "Lag", 2, 0, 10, 1),
        Control("country", "Country", "id", options=(("Indonesia", "id"), ("Japan", "jp"))),
    ]
    for widget_controls in [controls, *_registered_controls()]:
        settings = bench.sample_settings(widget_controls, 200, seed=1)
        assert len(settings) == 200
        for control in widget_controls:
            values = [setting[control.name] for setting in settings]
            if control.options:
                assert set(values) <= {value for _, value in control.options}
                continue
            assert all(control.low <= v <= control.high for v in values), control.name
            steps = [(v - control.low) / control.step for v in values if v != control.high]
            assert all(abs(s - round(s)) < 1e-6 for s in steps), control.name
            if control.is_integer and control.scale == 1:  # whole numbers in the model's units
                assert all(isinstance(v, int) for v in values), control.name


def test_sampling_is_reproducible_and_varied():
    controls = [Control("rate", "Rate", 0.03, 0.0, 0.15, 0.005), Control("n", "N", 2, 0, 10, 1)]
    first = bench.sample_settings(controls, 200, seed="42:race")
    assert first == bench.sample_settings(controls, 200, seed="42:race")
    assert first != bench.sample_settings(controls, 200, seed="43:race")
    assert len({setting["rate"] for setting in first}) > 20  # not stuck on one value
    assert {setting["n"] for setting in first} == set(range(11))  # 200 draws reach every step


def test_verdict_gzip_and_formatting():
    assert bench.verdict(10.0, 10.0) == "yes" and bench.verdict(10.1, 10.0) == "no"
    body = b"<html>" + b"a" * 10_000
    assert bench.gzip_size(body) == len(gzip.compress(body, compresslevel=6)) < 200
    assert bench.format_bytes(1_234_567) == "1.23 MB" and bench.format_bytes(2500) == "2 kB"
    assert bench.format_ms(0.0042) == "4.20 ms" and bench.format_ms(0.25) == "250 ms"


def test_markdown_table_and_resource_kinds():
    table = bench.markdown_table(["a", "b"], [["1", "x|y"]]).splitlines()
    assert table == ["| a | b |", "| --- | --- |", "| 1 | x\\|y |"]
    assert bench.resource_kind("script", "http://h/x") == "scripts"
    assert bench.resource_kind("", "http://h/_static/a.css?v=1") == "styles"
    assert bench.resource_kind("", "http://h/f/MathJax_Main.woff") == "fonts"
    assert bench.resource_kind("fetch", "http://h/data.json") == "other"


def test_report_lists_missed_targets():
    rows = [
        bench.Row("1 build", "rebuild", "12.0 s", "median of 3", "≤ 10 s", "no"),
        bench.Row("2 chapter", "chapters/x.md", "4.0 s", "median of 3", "≤ 10 s", "yes"),
    ]
    loads = [("at start", "0.10, 0.20, 0.30")]
    report = bench.render_report([("CPU", "test CPU")], rows, "--quick", loads)
    assert "| 1 build | rebuild | 12.0 s | median of 3 | ≤ 10 s | no |" in report
    missed = report.split("## Targets missed")[1].split("##")[0]
    assert "rebuild" in missed and "chapters/x.md" not in missed
    assert "**CPU**: test CPU" in report and "at start: 0.10, 0.20, 0.30" in report
