"""Known cases of the policy calculator and the transition-insurance model."""

import numpy as np
import pytest

from aicap.data import load
from aicap.models import creative_destruction as cd
from aicap.models import policy as pm


def test_cost_by_hand():
    # 1,000 people, 100 a month, half covered: 500 x 100 x 12 = 600,000 a year
    cost = pm.scheme_cost(population=1000, gdp=6_000_000, monthly_amount=100, coverage=0.5)
    assert cost["recipients"] == pytest.approx(500)
    assert cost["annual_cost"] == pytest.approx(600_000)
    assert cost["share_of_gdp"] == pytest.approx(0.1)


def test_no_coverage_or_no_payment_costs_nothing():
    assert pm.scheme_cost(1e6, 1e9, 100, 0.0)["share_of_gdp"] == 0.0
    assert pm.scheme_cost(1e6, 1e9, 0.0, 1.0)["share_of_gdp"] == 0.0


def test_cost_is_linear_in_amount_and_coverage():
    base = pm.scheme_cost(1e6, 1e9, 50, 0.2)["share_of_gdp"]
    assert pm.scheme_cost(1e6, 1e9, 100, 0.2)["share_of_gdp"] == pytest.approx(2 * base)
    assert pm.scheme_cost(1e6, 1e9, 50, 0.6)["share_of_gdp"] == pytest.approx(3 * base)


def test_arrays_broadcast_and_match_single_calls():
    amounts, coverages = np.array([[10.0], [20.0]]), np.array([0.1, 0.5, 1.0])
    grid = pm.scheme_cost(2e6, 5e9, amounts, coverages)["share_of_gdp"]
    assert grid.shape == (2, 3)
    for i, amount in enumerate(amounts[:, 0]):
        for j, coverage in enumerate(coverages):
            single = pm.scheme_cost(2e6, 5e9, float(amount), float(coverage))
            assert grid[i, j] == pytest.approx(single["share_of_gdp"])


def test_tax_rate_is_cost_over_base_and_can_exceed_one():
    assert pm.required_tax_rate(0.05, 0.25) == pytest.approx(0.2)
    assert pm.required_tax_rate(0.09, 0.02) > 1  # a narrow base cannot pay for it
    rates = pm.required_tax_rate(0.1, np.array([0.1, 0.5, 1.0]))
    assert np.allclose(rates, [1.0, 0.2, 0.1])


def test_affordable_amount_inverts_the_cost():
    amount = pm.amount_for_cost(population=5e6, gdp=3e11, cost_share=0.02, coverage=0.4)
    cost = pm.scheme_cost(5e6, 3e11, amount, 0.4)["share_of_gdp"]
    assert cost == pytest.approx(0.02)
    with pytest.raises(ValueError, match=r"coverage must be in \(0, 1\]"):
        pm.amount_for_cost(5e6, 3e11, 0.02, 0.0)


def test_presets_from_the_data_table():
    presets = pm.country_presets(load("policy_country_facts"))
    assert set(presets) == {"Indonesia", "Finland", "United States"}
    indonesia, usa = presets["Indonesia"], presets["United States"]
    assert indonesia.currency == "IDR" and usa.currency == "USD"
    # BPS's GDP per person in rupiah and dollars imply about Rp15,850 per dollar
    assert indonesia.local_per_usd == pytest.approx(15_850, rel=0.001)
    assert usa.local_per_usd == 1.0 and usa.tax_ratio is None
    assert indonesia.tax_ratio == pytest.approx(0.1008)


def test_poverty_line_income_for_every_indonesian_is_about_nine_percent_of_gdp():
    indonesia = pm.country_presets(load("policy_country_facts"))["Indonesia"]
    facts = load("policy_country_facts").query("country == 'Indonesia'")
    line = float(facts.loc[facts["indicator"] == "poverty_line", "value"].iloc[0])
    cost = pm.scheme_cost(indonesia.population, indonesia.gdp, line, 1.0)
    assert cost["share_of_gdp"] == pytest.approx(0.091, abs=0.001)


def test_indonesia_scheme_table():
    schemes = pm.indonesia_scheme_costs(load("policy_country_facts")).set_index("key")
    assert list(schemes["kind"]) == ["scheme"] * 3 + ["benchmark"] * 2
    facts = load("policy_country_facts").query("country == 'Indonesia'")
    values = facts.set_index("indicator")["value"]
    poor_share = values["poor_people"] / values["population"]
    assert schemes.loc["poor_only", "pct_of_gdp"] == pytest.approx(
        poor_share * schemes.loc["universal", "pct_of_gdp"]
    )
    assert schemes.loc["tax_revenue", "pct_of_gdp"] == pytest.approx(values["tax_ratio"])
    assert schemes.loc["drivers", "pct_of_gdp"] < 0.01


def test_insurance_costs_nothing_without_unemployment():
    none = pm.transition_insurance_path(0.0, 0.05, 3, 0.6, 0.5)
    assert np.allclose(none["cost_share_of_gdp"], 0.0)
    instant = pm.transition_insurance_path(0.04, 0.04, 0, 0.6, 0.5)
    assert np.allclose(instant["cost_share_of_gdp"], 0.0)


def test_insurance_cost_is_unemployment_times_benefit():
    path = pm.transition_insurance_path(0.05, 0.02, 3, 0.7, 0.52, wave_years=12, years=40)
    race = cd.automation_path(0.05, 0.02, 3, 12, 40)
    assert np.allclose(path["cost_share_of_gdp"], race["unemployment"] * 0.7 * 0.52)


def test_totals_by_lag_match_single_runs_and_rise_with_the_lag():
    lags = np.arange(0, 8)
    totals = pm.insurance_total_by_lag(0.03, 0.03, lags, 0.6, 0.5, wave_years=10, years=30)
    for lag, total in zip(lags, totals, strict=True):
        single = pm.transition_insurance_path(0.03, 0.03, int(lag), 0.6, 0.5, 10, 30)
        assert total == pytest.approx(single["cost_share_of_gdp"].sum())
    assert totals[0] == pytest.approx(0.0)
    assert np.all(np.diff(totals) > 0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: pm.scheme_cost(0, 1e9, 10), r"population must be in \[1, 2e\+10\]"),
        (lambda: pm.scheme_cost(1e6, -5, 10), r"gdp must be in \[1, 1e\+20\]"),
        (lambda: pm.scheme_cost(1e6, 1e9, -10), r"monthly_amount must be in \[0, 1e\+12\]"),
        (lambda: pm.scheme_cost(1e6, 1e9, 10, 1.2), r"coverage must be in \[0, 1\]"),
        (lambda: pm.scheme_cost(1e6, 1e9, 10, float("nan")), r"coverage must be a number"),
        (lambda: pm.scheme_cost(1e6, 1e9, "ten"), r"monthly_amount must be a number"),
        (lambda: pm.scheme_cost(1e6, 1e9, np.array([1, -1])), r"monthly_amount must be in"),
        (lambda: pm.required_tax_rate(0.1, 0.0), r"base_share must be in \[0.0001, 1\]"),
        (lambda: pm.required_tax_rate(0.1, 1.5), r"base_share must be in \[0.0001, 1\]"),
        (
            lambda: pm.transition_insurance_path(replacement_rate=1.5),
            r"replacement_rate must be in \[0, 1\]",
        ),
        (lambda: pm.transition_insurance_path(labour_share=-0.1), r"labour_share must be in"),
        (
            lambda: pm.transition_insurance_path(retraining_lag=2.5),
            r"retraining_lag must be a whole number",
        ),
    ],
)
def test_invalid_inputs_raise_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_presets_need_an_exchange_rate_for_local_currencies():
    facts = load("policy_country_facts")
    no_rate = facts[~facts["indicator"].isin(["gdp_per_capita", "gdp_per_capita_usd"])]
    with pytest.raises(ValueError, match="Indonesia: GDP is in IDR"):
        pm.country_presets(no_rate)
