"""The cost of waiting: builds, reviews, environments, approvals."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from workshop.impact._checks import non_negative, positive

WORKDAYS_PER_YEAR = 230  # about 46 working weeks of 5 days, after holidays and leave


@dataclass(frozen=True)
class WaitCost:
    hours_per_day: float
    cost_per_day: float
    hours_per_year: float
    cost_per_year: float

    def __getitem__(self, key: str) -> float:
        return asdict(self)[key]

    def keys(self):
        return asdict(self).keys()


def wait_cost(people, waits_per_day, minutes_each, hourly_cost, workdays_per_year=WORKDAYS_PER_YEAR,
              context_switch_minutes=0) -> WaitCost:
    """Team time lost to waiting, per day and per year.

    hours a day = people × waits a day × (minutes each + context-switch minutes) / 60;
    cost = hours × hourly cost. Example: 5 developers × 24 builds
    a day × 5 minutes = 10 hours a day, $1,000 a day at $100 an hour. Resuming an
    interrupted task takes about 23 minutes (G. Mark et al., CHI 2008), an upper bound
    for the context switch.
    """
    people = non_negative("people", people)
    waits_per_day = non_negative("waits_per_day", waits_per_day)
    minutes_each = non_negative("minutes_each", minutes_each)
    hourly_cost = non_negative("hourly_cost", hourly_cost)
    workdays_per_year = positive("workdays_per_year", workdays_per_year)
    context_switch_minutes = non_negative("context_switch_minutes", context_switch_minutes)
    hours_per_day = people * waits_per_day * (minutes_each + context_switch_minutes) / 60
    return WaitCost(
        hours_per_day=hours_per_day,
        cost_per_day=hours_per_day * hourly_cost,
        hours_per_year=hours_per_day * workdays_per_year,
        cost_per_year=hours_per_day * hourly_cost * workdays_per_year,
    )
