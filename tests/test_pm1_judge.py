"""Reviewer's afternoon answers the judge must not praise (05-07), for both companies."""
from __future__ import annotations

import pytest

from workshop.company import facts as F
from workshop.bank.loader import load_bank
from workshop.kinds import judge as J
from tests.helpers import company  # noqa: F401  (the fixture: each shipped company)




def fill(text: str) -> str:
    values = F.current()
    for name, fact in values.items():
        text = text.replace("{{" + name + "}}", str(getattr(fact, "text", fact)))
    return text


def test_break_even_share_for_the_wrong_horizon_is_caught(company):
    ex = load_bank().exercises["05.proposal-headline"]
    wrong = fill("Faster builds would give our engineers back about {{ci_fix_hours_saved_per_week}} hours a week, worth "
                 "{{ci_fix_net_saving_per_year}} a year in engineering time; the {{ci_fix_cost}} fix pays back within a "
                 "quarter if only {{ci_breakeven_share_year_pct}} of that time becomes work.")
    verdict = J.for_exercise(ex, wrong)
    assert not verdict.ok and "quarter" in verdict.first.saw
    right = wrong.replace(fill("{{ci_breakeven_share_year_pct}}"), fill("{{ci_breakeven_share_quarter_pct}}"))
    assert J.for_exercise(ex, right).ok
    year = wrong.replace("within a quarter", "within a year")
    assert J.for_exercise(ex, year).ok
