"""Calculators against hand-worked values, invariants (hypothesis) and impossible input."""
import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.impact import (
    annualised_loss, cd3, change_failure_rate, delay_cost, deployment_frequency, downtime_minutes,
    expected_loss, lead_time_for_changes, npv, payback_period, roi, schedule_by_cd3, simulate,
    time_to_restore, wait_cost,
)

# -- hand-worked values -------------------------------------------------------------


def test_wait_cost_figures_example():
    # references/figures.md: 5 developers x 24 builds x 5 minutes = 10 h a day, $1,000 at $100/h
    cost = wait_cost(5, 24, 5, 100, workdays_per_year=230)
    assert cost.hours_per_day == pytest.approx(10) and cost.cost_per_day == pytest.approx(1000)
    assert cost["hours_per_year"] == pytest.approx(2300) and cost.cost_per_year == pytest.approx(230_000)


def test_wait_cost_adds_the_context_switch_to_each_wait():
    cost = wait_cost(30, 4, 20, 75, workdays_per_year=200, context_switch_minutes=10)
    assert cost.hours_per_day == pytest.approx(30 * 4 * 30 / 60)  # 60 h
    assert cost.cost_per_year == pytest.approx(60 * 75 * 200)


def test_error_budget_figures_example():
    assert downtime_minutes(0.999) == pytest.approx(43.2)
    assert downtime_minutes(0.9999) == pytest.approx(4.32)
    assert downtime_minutes(0.99, days=365) == pytest.approx(5256)
    assert downtime_minutes(1) == 0


def test_expected_and_annualised_loss():
    assert expected_loss(0.2, 500_000) == pytest.approx(100_000)
    assert expected_loss(probability=0.05, impact=1_000) == pytest.approx(50)
    assert annualised_loss(4, 18_000) == pytest.approx(72_000)


def test_cd3_and_the_figures_two_item_example():
    a = {"name": "A", "cost_of_delay_per_week": 10, "duration_weeks": 2}
    b = {"name": "B", "cost_of_delay_per_week": 30, "duration_weeks": 4}
    assert cd3(30, 4) == 7.5 and cd3(10, 2) == 5
    assert delay_cost([b, a]) == 180 and delay_cost([a, b]) == 200
    assert [i["name"] for i in schedule_by_cd3([a, b])] == ["B", "A"]


def test_schedule_accepts_objects():
    class Item:
        def __init__(self, cod, weeks):
            self.cost_of_delay_per_week, self.duration_weeks = cod, weeks
    x, y = Item(1, 1), Item(10, 1)
    assert schedule_by_cd3([x, y]) == [y, x]


def test_finance_hand_worked():
    assert roi(150_000, 100_000) == pytest.approx(0.5)
    assert payback_period(60_000, 5_000) == pytest.approx(12)
    assert npv(0.1, [-100, 110]) == pytest.approx(0)
    assert npv(0.08, [-1000, 500, 500, 500]) == pytest.approx(-1000 + 500 / 1.08 + 500 / 1.08**2 + 500 / 1.08**3)


def test_dora_metrics_and_bands():
    start = pd.Timestamp("2024-01-01")
    deploys = pd.DataFrame({
        "deployed_at": [start + pd.Timedelta(days=7 * i) for i in range(9)],
        "committed_at": [start + pd.Timedelta(days=7 * i) - pd.Timedelta(hours=48) for i in range(9)],
        "caused_incident": [True, False, False, False, False, False, False, False, True],
    })
    freq = deployment_frequency(deploys)
    assert freq.value == pytest.approx(9 / 8) and freq.band == "high"
    lead = lead_time_for_changes(deploys)
    assert lead.value == pytest.approx(48) and lead.band == "high"
    cfr = change_failure_rate(deploys)
    assert cfr.value == pytest.approx(2 / 9) and "between" in cfr.band
    incidents = pd.DataFrame({"minutes_to_restore": [30, 45, 50]})
    assert time_to_restore(incidents).band == "elite"
    assert time_to_restore(pd.DataFrame({"minutes_to_restore": [60 * 24 * 10]})).band == "low"


# -- invariants ------------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=500)
amounts = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@given(people=counts, extra=st.integers(1, 50), waits=counts, minutes=amounts, rate=amounts)
def test_cost_grows_with_people(people, extra, waits, minutes, rate):
    assert wait_cost(people + extra, waits, minutes, rate).cost_per_year >= wait_cost(people, waits, minutes, rate).cost_per_year


@given(st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=1, max_size=20))
def test_npv_at_rate_zero_is_the_sum(flows):
    assert npv(0, flows) == pytest.approx(sum(flows), abs=1e-6)


items = st.lists(
    st.fixed_dictionaries({"cost_of_delay_per_week": st.integers(0, 100), "duration_weeks": st.integers(1, 10)}),
    min_size=1, max_size=6,
)


@settings(max_examples=60)
@given(items)
def test_ordering_by_cd3_minimises_delay_cost(backlog):
    best = min(delay_cost(p) for p in itertools.permutations(backlog))
    assert delay_cost(schedule_by_cd3(backlog)) == pytest.approx(best)


@given(st.floats(0, 1), st.floats(0, 1e7))
def test_expected_loss_never_exceeds_impact(p, impact):
    assert 0 <= expected_loss(p, impact) <= impact


# -- simulation ----------------------------------------------------------------------


def test_simulate_is_reproducible_and_summarises():
    model = lambda p, loss: p * loss  # noqa: E731
    inputs = {"p": (0.1, 0.2, 0.4), "loss": {"low": 1e5, "likely": 2e5, "high": 5e5, "dist": "pert"}}
    a = simulate(model, inputs, n=20_000, seed=7, threshold=100_000)
    b = simulate(model, inputs, n=20_000, seed=7, threshold=100_000)
    assert np.array_equal(a.samples, b.samples)
    s = a.summary
    assert s["p10"] < s["p50"] < s["p90"] and 0 <= s["prob_above"] <= 1
    # mean of a product of independent inputs = product of means
    assert s["mean"] == pytest.approx((0.7 / 3) * ((1e5 + 4 * 2e5 + 5e5) / 6), rel=0.03)
    assert a.prob_above(100_000) == pytest.approx(s["prob_above"])


def test_simulate_constants_and_degenerate_ranges():
    sim = simulate(lambda x, y: x + y, {"x": 3, "y": (2, 2, 2)}, n=10, seed=1)
    assert np.all(sim.samples == 5)


# -- impossible input ------------------------------------------------------------------


@pytest.mark.parametrize("call, message", [
    (lambda: wait_cost(-1, 1, 1, 1), "people cannot be negative"),
    (lambda: wait_cost(1, 1, -5, 1), "minutes_each cannot be negative"),
    (lambda: wait_cost(1, 1, 1, 1, workdays_per_year=0), "greater than zero"),
    (lambda: downtime_minutes(1.2), "between 0 and 1"),
    (lambda: downtime_minutes(99.9), "write 99.9% as 0.999"),
    (lambda: expected_loss(5, 100), "write 5% as 0.05"),
    (lambda: expected_loss(-0.1, 100), "probability"),
    (lambda: cd3(10, 0), "duration_weeks must be greater than zero"),
    (lambda: delay_cost([{"cost_of_delay_per_week": 1}]), "needs 'duration_weeks'"),
    (lambda: payback_period(100, 0), "never pays back"),
    (lambda: npv(-1, [1]), "greater than -1"),
    (lambda: npv(0.1, []), "at least one"),
    (lambda: roi(10, 0), "greater than zero"),
    (lambda: wait_cost("5", 1, 1, 1), "must be a number"),
    (lambda: wait_cost(math.nan, 1, 1, 1), "finite"),
    (lambda: simulate(lambda x: x, {"x": (3, 1, 2)}), "low <= likely <= high"),
    (lambda: simulate(lambda x: x, {"x": "lots"}), "must be a number"),
    (lambda: simulate(lambda x: x, {"x": 1}, n=0), "positive whole number"),
    (lambda: time_to_restore(pd.DataFrame({"minutes_to_restore": [-1]})), "cannot be negative"),
])
def test_impossible_input_raises_a_clear_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()
