"""Round 4's sceptical reviews (/work/wt/reviews/round4-*.md): the answers each one found wrongly praised.

Each review's list of answers the judge called correct, rebuilt as whole answers (the review
quotes them abridged; the rest is the exercise's own model answer). Company numbers come from
``workshop.company.facts``, so the same answers hold for both companies. The count caught per review is
the test: it may rise, never fall. ``SOUND`` holds the honest answers the same reviews say were
refused; they must pass.

Before the session-4 judge work (Larkspur): m0001 0/5, m0203 0/5, m0405 2/21, m0607 3/12, m0809 1/3, m10 0/5.
After it: m0001 2/5, m0203 3/5, m0405 14/21, m0607 8/12, m0809 1/3, m10 4/5 (32 of 51, from 9).
"""
from __future__ import annotations

import pytest

from workshop.bank.loader import load_bank
from tests.helpers import company  # noqa: F401  (the fixture: each shipped company)
from workshop.kinds import check_safely
from workshop.kinds import judge as J

# answers caught now, per review (raise these as the judge improves; never lower them)
EXPECTED = {"round4-m0001": 5, "round4-m0203": 5, "round4-m0405": 21, "round4-m0607": 11, "round4-m0809": 3,
            "round4-m10": 5}




def _money(value: float) -> str:
    from workshop.company.facts import money

    return money(round(value, -3))


def praised() -> dict[str, list[tuple[str, object]]]:
    """Each review's wrongly praised answers, for the company in use."""
    f = J._current_facts()
    t = {name: fact.text for name, fact in f.items()}
    v = {name: fact.value for name, fact in f.items()}
    cost, fc = t["mitigation_cost"], t["checkout_fix_cost"]
    peak, low, high, mid = (t["addressed_peak_margin_lost_per_year"], t["mitigation_saving_low"],
                            t["mitigation_saving_high"], t["mitigation_saving"])
    whole, saving = t["addressed_margin_lost_per_year"], t["checkout_fix_saving_per_year"]
    freeze = t["change_freeze_date"]
    base = f"2 engineers for 2 weeks before the {freeze} freeze ({cost} of their time) to load-test checkout and pre-scale it"
    ci = (t["ci_fix_cost"], t["ci_fix_saving_per_year"], t["ci_fix_hours_saved_per_week"])
    risk_lead = f"Checkout outages from overload and failing outside services cost us about {whole} of margin a year; "
    return {
        "round4-m0001": [  # the baseline, judged by 10.baseline-again
            ("10.baseline-again", f"{base} would cut our peak outage losses by 90%, about {_money(0.9 * v['addressed_peak_margin_lost_per_year'])} a year of margin, by the incident log."),
            ("10.baseline-again", f"{base} would protect {low} to {peak} of margin this peak, by the incident log."),
            ("10.baseline-again", f"Peak outages cost us {peak} of margin a year, by the incident log; {cost} of load testing before the {freeze} freeze would mean we no longer lose that money."),
            ("10.baseline-again", f"Load testing and pre-scaling checkout before the {freeze} freeze would protect {low} to {high} of margin this peak, judging by the incident log."),
            ("10.baseline-again", f"Two weeks ({cost}) of load testing before the {freeze} freeze buys back {mid} of margin this peak: a 4x return."),
        ],
        "round4-m0203": [  # 03.your-debate's recommendation; 02.diplomat-reply's invented sizes
            ("03.your-debate", {"recommendation": "We'll pilot it on one page after the freeze to see if it works; it will cut our lead time by 40% and save $200,000 a year."}),
            ("03.your-debate", {"recommendation": "A two-week trial on the account page after the freeze, to see whether faster pages lift sales; if they do, that's $1.2M more revenue a year."}),
            ("03.your-debate", {"recommendation": "Two engineers spend four weeks on a trial of the framework on the account page after the freeze, about $2,000 of their time; if changes reach customers sooner, we plan the rest."}),
            ("02.diplomat-reply", {"why": "The new look is quick, but the discount changes what customers pay; if a rule is wrong it would hit half our orders."}),
            ("02.diplomat-reply", {"why": "The new look is quick, but the discount changes what customers pay; a wrong rule means tens of thousands in refunds."}),
        ],
        "round4-m0405": [  # 04.rewrite-your-own, 04.rewrite-messy, 04.rewrite-library, 05.proposal-headline
            ("04.rewrite-your-own", "Per Google's research 53% of mobile visitors leave after 3 seconds, so we are losing half our sign-ups to the slow password reset; one sprint of work, about $16,000, would fix it."),
            ("04.rewrite-your-own", "Per Deloitte, 0.1 s faster means 8.4% more conversions, so making our site 1 second faster would raise sales by 84%, for one sprint of work, about $16,000."),
            ("04.rewrite-your-own", "Our support team handled about 300 tickets last month about failed password resets, roughly $3,600 in support time at $12 a ticket; a one-sprint fix costing $16,000 would eliminate them entirely."),
            ("04.rewrite-your-own", "Our support team handled about 300 tickets last month about failed password resets, roughly $3,600 in support time at $12 a ticket; a $20,000 fix would get that $3,600 a month back."),
            ("04.rewrite-your-own", "Our support team handled about 300 tickets last month about failed password resets, roughly $3,600 in support time at $12 a ticket; one sprint of work, about $16,000, would prevent 95% of them next quarter."),
            ("04.rewrite-your-own", "Our support team handled about 300 tickets last month about failed password resets, roughly $3,600 in support time at $12 a ticket, and we could hire one fewer engineer if one sprint, about $16,000, fixed it."),
            ("04.rewrite-your-own", "Password resets fail often, and without one sprint of work, about $16,000, sign-ups could drop by half by Christmas."),
            ("04.rewrite-messy", f"Checkout outages are costing us about {peak} of margin; two weeks of work for {cost} before the {freeze} freeze to load test and pre-scale checkout gets most of it back this peak."),
            ("04.rewrite-messy", f"Two weeks of work for {cost} before the {freeze} freeze to load test and pre-scale checkout would stop the loss from those outages this peak."),
            ("04.rewrite-messy", f"Two weeks of work for {cost} before the {freeze} freeze to load test and pre-scale checkout would prevent {low} to {high} of lost revenue this peak."),
            ("04.rewrite-messy", f"Two weeks of work for {cost} before the {freeze} freeze to load test and pre-scale checkout makes checkout bulletproof for the peak."),
            ("04.rewrite-messy", f"Checkout could well fail on Black Friday; two weeks of work for {cost} before the {freeze} freeze would prevent {low} to {high} of margin lost."),
            ("04.rewrite-messy", f"Checkout is likely to fail on Black Friday; two weeks of work for {cost} before the {freeze} freeze would prevent {low} to {high} of margin lost."),
            ("04.rewrite-messy", f"Two weeks of work for {cost} before the {freeze} freeze would prevent {low} to {high} of margin lost this peak, so it pays for itself six times over."),
            ("04.rewrite-library", "A two-week trial of this library on the gift-card pages will show whether this library helps; we think it will cut development time by 20% this year."),
            ("05.proposal-headline", f"By 12 weeks of CI logs, faster builds would give our engineers back {ci[1]} a year of engineering time; the {ci[0]} fix pays for itself within a week if only {t['ci_breakeven_share_quarter_pct']} of that time becomes work."),
            ("05.proposal-headline", f"By 12 weeks of CI logs, faster builds would give our engineers back {ci[1]} a year of engineering time; the {ci[0]} fix is recovered within a month."),
            ("05.proposal-headline", f"By 12 weeks of CI logs, faster builds would give our engineers back {ci[1]} a year of engineering time; within a month the {ci[0]} fix has earned itself back."),
            ("05.proposal-headline", f"By 12 weeks of CI logs, faster builds would give our engineers back {ci[1]} a year of engineering time; the {ci[0]} fix pays for itself within a quarter if only 60% of that time becomes work."),
            ("05.proposal-headline", f"By 12 weeks of CI logs, faster builds give our engineers back {ci[2]} hours a week, worth about {_money(0.5 * v['ci_fix_saving_per_year'])} a year; the {ci[0]} fix pays back within a quarter."),
            ("05.proposal-headline", f"By 12 weeks of CI logs, faster builds would be worth about {_money(1.06 * v['ci_fix_saving_per_year'])} a year of engineering time after running costs; the {ci[0]} fix pays back within a quarter."),
        ],
        "round4-m0607": [  # 06.risk-statement
            ("06.risk-statement", risk_lead + f"the {fc} rework after the freeze saves about {_money(1.3 * v['addressed_margin_lost_per_year'])} a year."),
            ("06.risk-statement", risk_lead + f"a {cost} mitigation before the {freeze} freeze saves about {_money(1.2 * v['addressed_peak_margin_lost_per_year'])} this peak, and the {fc} rework after the freeze saves about {saving} a year."),
            ("06.risk-statement", f"A {cost} mitigation before the {freeze} freeze prevents about half of this peak's loss, and the {fc} rework after the freeze recoups the full {whole} every year."),
            ("06.risk-statement", f"A {cost} mitigation before the {freeze} freeze prevents about half of this peak's loss, and the {fc} rework after the freeze is worth {whole} a year to us."),
            ("06.risk-statement", f"A {cost} mitigation before the {freeze} freeze protects the whole {peak} this peak, and the {fc} rework after the freeze saves about {saving} a year."),
            ("06.risk-statement", f"A {cost} mitigation before the {freeze} freeze keeps Black Friday outage-free, and the {fc} rework after the freeze saves about {saving} a year."),
            ("06.risk-statement", f"A {cost} mitigation before the {freeze} freeze makes checkout bulletproof for Black Friday, and the {fc} rework after the freeze saves about {saving} a year."),
            ("06.risk-statement", risk_lead + f"pricing every minute at the year's average, {_money(0.45 * v['addressed_margin_lost_per_year'])} of margin a year; a {cost} mitigation before the {freeze} freeze and the {fc} rework after it save about {_money(0.32 * v['addressed_margin_lost_per_year'])}."),
            ("06.risk-statement", risk_lead + f"a {cost} mitigation before the {freeze} freeze prevents about half of this peak's loss, and the {fc} rework after the freeze saves about {saving} a year, a 150% return."),
            ("06.risk-statement", risk_lead + f"a {cost} mitigation before the {freeze} freeze prevents about half of this peak's loss, and the {fc} rework after the freeze has paid for itself by next summer."),
            ("06.risk-statement", risk_lead + f"a {cost} mitigation before the {freeze} freeze prevents about half of this peak's loss, and the {fc} rework after the freeze saves about {saving} a year, a payback of 0.7 years."),
            ("06.risk-statement", risk_lead + f"mostly because of this peak season; the {fc} rework in January saves about {saving} a year."),
        ],
        "round4-m0809": [  # 09.commitment's unsourced gains, 08.decision-comment's certainty
            ("09.commitment", {"gain": "The team saves 40 hours a week of waiting for my reviews."}),
            ("09.commitment", {"gain": "The team stops waiting on me for about 200 days a quarter."}),
            ("08.decision-comment", {"decision": f"We will build the gift-card pages in Framework A so they are live before the change freeze on {freeze} for sure. We accept that mobile pages will be slower this season than Framework B would have made them."}),
        ],
        "round4-m10": [  # 10.baseline-again, the day's closing exercise
            ("10.baseline-again", f"{base} are worth the {peak} a year of margin we lose at peak, by the incident log."),
            ("10.baseline-again", f"{base} would prevent about 90% of the {peak} a year of margin we lose at peak, by the incident log."),
            ("10.baseline-again", f"{base} means zero checkout outages this peak and {low} to {high} of margin kept, by the incident log."),
            ("10.baseline-again", f"{base} means checkout stays up all peak and keeps {low} to {high} of margin, by the incident log."),
            ("10.baseline-again", f"Load-testing checkout, pre-scaling it and adding a queue page before the {freeze} freeze could cut that by {low} to {high} this peak, by the incident log."),
        ],
    }


def sound() -> list[tuple[str, object]]:
    """Honest answers the same reviews found refused: they must be judged correct."""
    f = J._current_facts()
    t = {name: fact.text for name, fact in f.items()}
    cost, freeze, low, high = t["mitigation_cost"], t["change_freeze_date"], t["mitigation_saving_low"], t["mitigation_saving_high"]
    return [
        pytest.param("04.rewrite-messy", f"Checkout went down {t['incidents_peak_last']} times last peak season, per the incident log, and each hour down costs about {t['peak_margin_lost_per_hour_down']} of margin; a {cost} investment of two weeks before the {freeze} freeze (more if it overruns to 4 weeks), plus extra servers we still have to price, should prevent {low} to {high} of that loss this peak; it will not stop every outage.",
                     marks=pytest.mark.xfail(reason="04.rewrite-messy's own `no-cost` pattern (YAML, s4-m0405) reads "
                                             "'a $12,000 investment' as no cost; the judge no longer does", strict=False)),
        ("04.rewrite-library", "Two engineers, two weeks, about $12,000: a trial on one real feature shows whether this library gets features to customers sooner and what a full switch costs; we decide before the spring launch."),
    ]


def _caught(exercises, exercise_id, answer) -> bool:
    exercise = exercises[exercise_id]
    return check_safely(exercise, J.complete_example(exercise, answer)).status != "correct"


@pytest.fixture(scope="module")
def banks():
    return {}


def _exercises(company, banks):
    if company not in banks:
        banks[company] = load_bank("exercises").exercises
    return banks[company]


def test_round4_praised_answers_are_caught(company, banks):
    exercises = _exercises(company, banks)
    counts = {}
    for review, answers in praised().items():
        counts[review] = [a for e, a in answers if not _caught(exercises, e, a)]
    report = {r: f"{len(praised()[r]) - len(missed)}/{len(praised()[r])}" for r, missed in counts.items()}
    print(company, report)
    for review, missed in counts.items():
        caught = len(praised()[review]) - len(missed)
        assert caught >= EXPECTED[review], f"{company} {review}: {report[review]} caught; still praised: {missed}"


@pytest.mark.parametrize("index", range(2))
def test_round4_sound_answers_pass(company, banks, index):
    exercises = _exercises(company, banks)
    case = sound()[index]
    exercise_id, answer = case.values if hasattr(case, "values") else case
    if hasattr(case, "marks") and case.marks and _caught(exercises, exercise_id, answer):
        pytest.xfail(case.marks[0].kwargs["reason"])
    assert not _caught(exercises, exercise_id, answer), (exercise_id, answer)
