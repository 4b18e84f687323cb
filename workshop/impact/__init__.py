"""Impact calculators: pure functions that turn technical facts into hours, money and risk.

Each docstring gives the formula and its source; impossible input raises ValueError
with a sentence that says what was wrong.
"""
from workshop.impact.costs import WaitCost, wait_cost
from workshop.impact.dora import (
    change_failure_rate,
    deployment_frequency,
    lead_time_for_changes,
    time_to_restore,
)
from workshop.impact.finance import npv, payback_period, roi
from workshop.impact.prioritise import cd3, delay_cost, schedule_by_cd3
from workshop.impact.reliability import annualised_loss, downtime_minutes, expected_loss, is_peak, season_revenue_a_minute
from workshop.impact.simulate import Simulation, simulate

__all__ = [
    "Simulation", "WaitCost", "annualised_loss", "cd3", "change_failure_rate", "delay_cost",
    "deployment_frequency", "downtime_minutes", "expected_loss", "lead_time_for_changes", "npv",
    "is_peak", "payback_period", "roi", "season_revenue_a_minute", "schedule_by_cd3", "simulate", "time_to_restore", "wait_cost",
]
