"""Issue 18, session 4: answers the module owners found judged wrongly, each fixed in judge code.

Every answer is built from ``workshop.facts`` so it holds for both companies. ``CAUGHT`` must not be
judged correct; ``SOUND`` must be.
"""
from __future__ import annotations

import pytest

from workshop.bank import load_bank
from workshop.data import SCHEMAS
from workshop.kinds import check_safely
from workshop.kinds import judge as J


@pytest.fixture(params=("larkspur", "northway"))
def company(request, monkeypatch):
    monkeypatch.setenv("WORKSHOP_COMPANY", request.param)
    for name in ("WORKSHOP_DATA_DIR", *(f"WORKSHOP_DATA_{n.upper()}" for n in SCHEMAS)):
        monkeypatch.delenv(name, raising=False)
    return request.param


_BANKS: dict = {}
CAUGHT = ["1-gross-called-net", "1-product", "2-average-minute"]
SOUND = ["1-net"]


def _check(company, exercise_id, answer):
    if company not in _BANKS:
        _BANKS[company] = load_bank("exercises").exercises
    exercise = _BANKS[company][exercise_id]
    return check_safely(exercise, J.complete_example(exercise, answer))


def _facts():
    f = J._current_facts()
    return {n: k.text for n, k in f.items()}, {n: k.value for n, k in f.items()}


def _money(value: float) -> str:
    from workshop.facts import money

    return money(round(value, -3))


def _money_exact(value: float) -> str:
    from workshop.facts import money

    return money(value)


def caught() -> dict[str, tuple[str, object]]:
    t, v = _facts()
    ci = (f"Faster builds would give our engineers back about {t['ci_fix_hours_saved_per_week']} hours a week, worth about "
          "{} a year of engineering time after running costs; the " + t["ci_fix_cost"] + " fix pays for itself within a "
          f"quarter if only {t['ci_breakeven_share_quarter_pct']} of that time becomes work.")
    hours, weeks, rate = v["ci_fix_hours_saved_per_week"], v["working_weeks_per_year"], v["loaded_hourly_cost"]
    freeze, cost, fc = t["change_freeze_date"], t["mitigation_cost"], t["checkout_fix_cost"]
    return {
        "2-average-minute": ("06.risk-statement",
                             "By the incident log, checkout outages from overload and failing outside services cost us about "
                             f"{t['addressed_margin_lost_per_year_average_minute']} of margin a year; a {cost} mitigation before "
                             f"the {freeze} freeze should prevent about half of this peak's loss, and the {fc} rework after the "
                             f"freeze saves about {_money(0.7 * v['addressed_margin_lost_per_year_average_minute'])} a year."),
        "1-gross-called-net": ("05.proposal-headline", ci.format(t["ci_fix_saving_per_year"])),
        "1-product": ("05.proposal-headline",
                      f"Faster builds give our engineers back {t['ci_fix_hours_saved_per_week']} hours a week x "
                      f"{t['working_weeks_per_year']} weeks x {_money_exact(rate)} an hour = "
                      f"{_money(1.06 * hours * weeks * rate)} a year of engineering time; the {t['ci_fix_cost']} fix pays "
                      f"back within a quarter if only {t['ci_breakeven_share_quarter_pct']} of that time becomes work."),
    }


def sound() -> dict[str, tuple[str, object]]:
    t, v = _facts()
    return {
        "1-net": ("05.proposal-headline",
                  f"Faster builds would give our engineers back about {t['ci_fix_hours_saved_per_week']} hours a week, "
                  f"worth about {t['ci_fix_net_saving_per_year']} a year of engineering time after running costs; the "
                  f"{t['ci_fix_cost']} fix pays for itself within a quarter if only {t['ci_breakeven_share_quarter_pct']} "
                  "of that time becomes work."),
    }


@pytest.mark.parametrize("name", CAUGHT)
def test_caught(company, name):
    exercise_id, answer = caught()[name]
    r = _check(company, exercise_id, answer)
    assert r.status != "correct", (name, answer)


@pytest.mark.parametrize("name", SOUND)
def test_sound(company, name):
    exercise_id, answer = sound()[name]
    r = _check(company, exercise_id, answer)
    assert r.status == "correct", (name, answer, r)
