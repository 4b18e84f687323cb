"""Session 5: a whole problem credited to the first step of a two-step plan is not excused by the
second step's saving ("the mitigation saves $62,000 this peak, and the rework saves $82,000 a year").

Answers are built from the current company's facts, so they hold for both companies.
"""
from __future__ import annotations

from tests.helpers import check_example as _check
from tests.helpers import company  # noqa: F401  (the fixture: each shipped company)
from workshop.kinds import judge as J
from workshop.kinds.judge.whole_problem import _another_step


def _t():
    return {n: k.text for n, k in J._current_facts().items()}


def test_whole_target_credited_to_the_first_step_is_caught(company):
    t = _t()
    answer = (f"Checkout outages cost us about {t['addressed_margin_lost_per_year']} of margin a year, mostly at peak; "
              f"a {t['mitigation_cost']} mitigation before the freeze saves about {t['mitigation_target_margin_lost_per_year']} "
              f"this peak, and the {t['checkout_fix_cost']} rework after the freeze saves about "
              f"{t['checkout_fix_saving_per_year']} a year.")
    result = _check(company, "06.risk-statement", answer)
    assert not result.correct, result.summary()


def test_the_saving_beside_the_whole_problem_still_excuses_it(company):
    t = _t()
    answer = (f"Checkout outages cost us about {t['addressed_margin_lost_per_year']} of margin a year, mostly at peak; "
              f"a {t['mitigation_cost']} mitigation before the freeze saves about {t['mitigation_saving']} this peak, "
              f"and the {t['checkout_fix_cost']} rework after the freeze saves about {t['checkout_fix_saving_per_year']} a year.")
    assert _check(company, "06.risk-statement", answer).correct


def test_another_step_reads_the_conjunction():
    class Q:
        def __init__(self, start, end):
            self.start, self.end = start, end
    text = "the mitigation saves $62,000 this peak, and the rework saves $82,000 a year"
    a, b = text.index("$62,000"), text.index("$82,000")
    assert _another_step(text, Q(b, b + 7), Q(a, a + 7))
    text3 = "outages cost us $117,000 a year, and the rework saves $82,000 of it"
    a, b = text3.index("$117"), text3.index("$82")
    assert not _another_step(text3, Q(b, b + 7), Q(a, a + 8))
    text2 = "the fix saves $586,000 of the $1.2 million"
    a, b = text2.index("$586,000"), text2.index("$1.2")
    assert not _another_step(text2, Q(a, a + 8), Q(b, b + 12))


def test_the_problem_then_the_rework_saving_of_it_stays_sound(company):
    t = _t()
    answer = (f"Checkout outages cost us about {t['addressed_margin_lost_per_year']} of margin a year, mostly at peak, and the "
              f"{t['checkout_fix_cost']} rework after the freeze saves about {t['checkout_fix_saving_per_year']} of it a year, "
              f"while a {t['mitigation_cost']} mitigation before the freeze saves about {t['mitigation_saving']} this peak.")
    assert _check(company, "06.risk-statement", answer).correct
