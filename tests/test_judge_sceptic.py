"""Round-2 reviewers' answers (issue 18, "feedback a sceptic trusts"): the judge's shared code.

Each answer is one a reviewer tried (abridged to one sentence). The literal numbers are
Larkspur's, so these run for Larkspur; the per-exercise examples in the YAML run for every
company in tests/test_judgement_examples.py.
"""
from __future__ import annotations

import pytest

from workshop.bank.loader import load_bank
from workshop.company.data import SCHEMAS
from workshop.kinds import check_safely
from workshop.kinds import judge as J

_bank = {}


@pytest.fixture(autouse=True)
def larkspur(monkeypatch):
    monkeypatch.setenv("WORKSHOP_COMPANY", "larkspur")
    for name in ("WORKSHOP_DATA_DIR", *(f"WORKSHOP_DATA_{n.upper()}" for n in SCHEMAS)):
        monkeypatch.delenv(name, raising=False)


def check(exercise_id, answer):
    if "bank" not in _bank:
        _bank["bank"] = load_bank()
    exercise = _bank["bank"].exercises[exercise_id]
    return check_safely(exercise, J.complete_example(exercise, answer))


def _fact(name: str) -> str:
    """A Larkspur fact as the learner reads it ("$19,000"): the tests follow the facts, not old copies of them."""
    from workshop.company import facts

    return str(facts.current()[name])


SAVING_RANGE = f"{_fact('mitigation_saving_low')} to {_fact('mitigation_saving_high')}"
RISK = "06.risk-statement"
PROBLEM = "Checkout outages at peak cost us about $117,000 of margin a year, per the incident log; "

# 1. A number is supported only by this exercise's facts, what follows from them, and its prompt.
UNSUPPORTED = [
    (RISK, PROBLEM + "the $54,000 rework in January, after the freeze, saves $150,000 a year."),  # sim p90, another fact
    (RISK, "Checkout outages cost us about $53,000 of margin a year per the incident log; the $54,000 rework in "
           "January, after the freeze, saves about $25,000 a year."),  # the average-minute figures
    ("05.proposal-headline", "Our CI logs show faster builds would give back about 170 hours a week, worth about "
                             "$1,400,000 a year of engineering time; the $36,000 fix pays back within a quarter."),
]


@pytest.mark.parametrize("exercise_id,answer", UNSUPPORTED)
def test_a_number_from_another_module_is_not_supported(exercise_id, answer):
    result = check(exercise_id, answer)
    assert not result.correct, result.text()


def test_a_number_the_prompt_states_supports_a_claim_but_a_published_average_does_not():
    ctx_text = ("| margin lost for each hour checkout is down at peak | about $7,000 |\n"
                "Published averages (such as Gartner's $5,600 a minute) describe larger firms.")
    stated = J.stated_numbers(ctx_text)
    assert [k.value for k in stated] == [7000.0]
    verdict = J.judge("It costs us $5,600 a minute.", facts=[], misconceptions=[], context=ctx_text)
    assert verdict.ok  # with no facts given, no number check runs at all...
    from workshop.kinds.judgement import Misconception
    m = Misconception(id="made-up", belief="b", feedback="f", detect="unsupported_number", caught=["a", "b", "c"])
    assert not J.judge("It costs us $5,600 a minute.", misconceptions=[m], context=ctx_text).ok
    assert J.judge("Each hour down costs us about $7,000 of margin at peak.", misconceptions=[m], context=ctx_text).ok


# 2. Honest ranges and hedges pass; a coincidence with an unrelated fact does not override the saving.
BASELINE = "10.baseline-again"
LAST_PEAK = "Last peak, checkout outages cost us about $100,000 of margin, per the incident log"
HONEST = [
    (BASELINE, LAST_PEAK + "; two weeks of load testing, pre-scaling and a queue page before the 10 November freeze, about "
                           "$12,000 plus the extra servers, could cut that by about " + SAVING_RANGE + " this peak."),
    (BASELINE, LAST_PEAK + "; $12,000 of hardening before the 10 November freeze could prevent at least "
                           f"{_fact('mitigation_saving_low')} of it this peak, though not a payment provider outage."),  # the low end
    (RISK, PROBLEM + "a $12,000 mitigation before the 10 November freeze would prevent about " + SAVING_RANGE + " of "
                     "that this peak, and the $54,000 rework in January would save about $82,000 a year."),  # $35,000 revenue
    ("04.rewrite-messy", "Checkout went down 5 times last peak, per the incident log, losing about $7,000 of margin an "
                         "hour; $12,000 of work before the 10 November freeze should prevent " + SAVING_RANGE + " of that "
                         "loss this peak."),
]


@pytest.mark.parametrize("exercise_id,answer", HONEST)
def test_honest_ranges_and_hedges_pass(exercise_id, answer):
    result = check(exercise_id, answer)
    assert result.correct, result.text()


DISHONEST_RANGES = [
    ("04.rewrite-messy", "Checkout went down 5 times last peak, per the incident log, losing about $7,000 of margin an "
                         "hour; $12,000 of work before the 10 November freeze should prevent $90,000 to $120,000 of that "
                         "loss this peak."),  # more than the whole peak loss
    (BASELINE, LAST_PEAK + "; $12,000 of hardening before the 10 November freeze would save the $100,000 this peak."),
    # a number claimed as the saving, above every saving fact, though a sum of given figures
    ("06.risk-statement", "Per the incident log, checkout outages at peak cost us about $117,000 of margin a year. The "
                          "$54,000 rework, done in January after the freeze, saves about $150,000 a year; the $12,000 "
                          "mitigation protects this peak."),
]


@pytest.mark.parametrize("exercise_id,answer", DISHONEST_RANGES)
def test_a_range_above_the_saving_or_the_whole_problem_saved_is_still_caught(exercise_id, answer):
    result = check(exercise_id, answer)
    assert not result.correct, result.text()


# 3. Overstatement: certainty about outcomes nobody controls, unless negated or hedged.
@pytest.mark.parametrize("text", [
    "The $12,000 mitigation means checkout won't fail this Black Friday.",
    "The work guarantees every sale this peak.",
    "Moving to the new framework ends our slow releases for good.",
    "After the cleanup there will be no more outages.",
    "The rework would stop all 7 outages.",
    "With the queue page, checkout will never go down.",
    "After the mitigation Black Friday is safe.",
])
def test_overstatement_is_caught_and_taught(text):
    found = J.detect_overstatement(text)
    assert found and found[0].detector == "overstatement", text
    assert "range" in found[0].repair and "cannot prevent" in found[0].repair


@pytest.mark.parametrize("text", [
    "No plan can rule out an outage, but the mitigation should prevent about half of last peak's outage time.",
    "We can't guarantee checkout won't fail, but the queue page should make outages shorter.",
    "The rework should make deploy failures less likely; it cannot prevent capacity outages.",
    "We should see fewer outages this peak: about half of last peak's outage time.",
    "If we don't do the work, checkout could fail again this Black Friday.",
])
def test_hedged_or_negated_certainty_is_not_overstatement(text):
    assert not J.detect_overstatement(text), text


def test_overstatement_runs_on_every_free_text_answer():
    claim = "the $12,000 mitigation before the 10 November freeze means checkout won't fail this Black Friday."
    assert not check(RISK, PROBLEM + claim).correct  # 06 names this mistake in its own words
    result = check("05.proposal-headline", PROBLEM + claim)  # 05 has no misconception of its own for it
    assert not result.correct and "impossible" in (result.misconception or "")
    from typing import get_args
    from workshop.kinds.judgement import Detector
    assert "overstatement" in get_args(Detector) and "overstatement" in J.DETECTORS


# 4. Revenue called margin, and sales or lost orders counted as the loss or the saving.
@pytest.mark.parametrize("exercise_id,answer", [
    (RISK, "Checkout outages cost us about $585,000 of sales a year, per the incident log; the $54,000 rework in "
           "January, after the freeze, would save about $82,000 a year."),
    ("04.rewrite-messy", "Checkout went down 5 times last peak, per the incident log, losing about $35,000 of margin an "
                         "hour; $12,000 of work before the 10 November freeze should prevent " + SAVING_RANGE + " of that "
                         "loss this peak."),
    (RISK, PROBLEM + "the $54,000 rework in January, after the freeze, would save about $82,000 a year of lost orders."),
])
def test_revenue_called_margin_or_sales_counted_as_the_saving_is_caught(exercise_id, answer):
    result = check(exercise_id, answer)
    assert not result.correct, result.text()
    assert "margin" in result.text() or "revenue" in result.text().lower()


def test_sales_beside_the_margin_they_carry_is_honest():
    answer = ("Checkout went down 5 times last peak, per the incident log; an hour down loses about $35,000 of sales, "
              "about $7,000 of margin; $12,000 of work before the 10 November freeze should prevent "
              + SAVING_RANGE + " of that margin this peak.")
    result = check("04.rewrite-messy", answer)
    assert result.correct, result.text()


# 5. Records: each part is judged on its own, and the fallback is never another kind's belief.
def test_a_record_that_fails_without_a_misconception_gets_no_foreign_belief():
    result = check("02.diplomat-reply", {p: "" for p in ("why",)})
    assert not result.correct
    assert "reasons can stay in our heads" not in result.text()
    assert "Still to do" in result.text()


def test_each_part_is_judged_on_its_own():
    from workshop.kinds.judgement import Misconception
    m = Misconception(id="made-up", belief="A number from nowhere is fine.", feedback="f", detect="unsupported_number",
                      part="gain", caught=["a", "b", "c"])
    # the number sits in another part: a detector named only for "gain" does not read it
    assert J.judge({"gain": "Reviews get faster.", "stop": "I stop saving $300,000 a year of my time."},
                   misconceptions=[m]).ok
    verdict = J.judge({"gain": "Reviews save $300,000 a year.", "stop": "I stop reviewing alone."}, misconceptions=[m])
    assert not verdict.ok and verdict.first.misconception == "made-up"
    # built-in detectors run on every part; a range never spans two boxes
    assert not J.judge({"a": "The fix means checkout won't fail this peak.", "b": "We review it in January."}).ok


def test_keeping_or_protecting_the_whole_problem_is_the_whole_problem_credited():
    result = check("04.rewrite-messy", "Checkout went down 5 times last peak, per the incident log; for $12,000 of work "
                                       "before the 10 November freeze we keep that $100,000 of margin this peak.")
    assert not result.correct and "whole" in (result.misconception or "")


def test_an_exercise_without_facts_refuses_made_up_money_in_its_recommendation():
    """03.your-debate gives no company figures: "$300,000 a year" there is invented, and is refused."""
    result = check("03.your-debate", {
        "manager-question": "If we switch now, what slips from the Q3 roadmap, and what does it cost?",
        "leader-question": "Which choice still lets us hire and change the storefront quickly in two years?",
        "recommendation": "Switch to the new framework next quarter: it will save us $300,000 a year in development costs."})
    assert not result.correct, result




@pytest.mark.parametrize("stop_rule", ["If the trial misses the threshold, we definitely stop there.",
                                       "We will certainly stop the pilot if builds are not 30% faster."])
def test_a_stop_rule_for_our_own_work_is_not_an_overclaim(stop_rule):
    """Round 6 (03): 'we definitely stop there' was read as certainty about an outcome."""
    from workshop.kinds.judge.red_flags import RED_FLAGS

    assert not RED_FLAGS["absolute"][0].search(stop_rule)
    assert RED_FLAGS["absolute"][0].search("The rework will definitely stop the outages.")


@pytest.mark.parametrize("loss_words", ["is $35,000 out of the door", "sees $35,000 of sales walk away",
                                        "leaves $35,000 on the table", "means $35,000 is gone"])
def test_peak_revenue_an_hour_in_other_loss_words_is_revenue_as_margin(loss_words):
    """Round 6 (06): "$35,000 out of the door" (Larkspur's peak revenue an hour) passed as the loss."""
    revenue = _fact("peak_revenue_per_hour")
    answer = (f"Each hour of broken checkout at peak {loss_words.replace('$35,000', revenue)}; two engineers for "
              f"three weeks would protect an estimated {SAVING_RANGE} of margin this peak, by the incident log.")
    result = check("06.risk-statement", answer)
    assert result.status != "correct" and ("revenue" in result.feedback or "sales counted" in result.feedback), result.feedback
