"""The session-4 detectors, alone: numbers by the role they claim, published figures, likelihood, trials.

Each test states a rewording of a known mistake (caught) beside an honest answer in the same words
(passes), so a detector that reads phrases instead of roles fails here. Company numbers come from
``workshop.company.facts`` (Larkspur), never literals.
"""
from __future__ import annotations

import pytest

from workshop.company.data import SCHEMAS
from workshop.kinds import judge as J
from workshop.kinds.judgement import GivenFact


@pytest.fixture(autouse=True)
def larkspur(monkeypatch):
    monkeypatch.setenv("WORKSHOP_COMPANY", "larkspur")
    for name in ("WORKSHOP_DATA_DIR", *(f"WORKSHOP_DATA_{n.upper()}" for n in SCHEMAS)):
        monkeypatch.delenv(name, raising=False)


RISK = [GivenFact(fact=f, role=r) for f, r in (
    ("addressed_margin_lost_per_year", "whole_problem"), ("checkout_fix_saving_per_year", "saving"),
    ("mitigation_saving", "saving"), ("mitigation_saving_low", "saving"), ("mitigation_saving_high", "saving"),
    ("checkout_fix_cost", "fix_cost"), ("mitigation_cost", "fix_cost"),
    ("addressed_peak_margin_lost_per_year", "context"), ("mitigation_share_prevented_pct", "context"))]


def t(name: str) -> str:
    return J._current_facts()[name].text


def money(factor: float, name: str) -> str:
    from workshop.company.facts import money as fmt

    return fmt(round(factor * J._current_facts()[name].value, -3))


def names(text: str, facts=RISK) -> set[str]:
    return {f.detector for f in J.judge(text, facts=facts).findings}


def test_a_saving_claimed_in_other_words_is_held_to_the_saving_facts():
    rework = f"the {t('checkout_fix_cost')} rework after the freeze"
    for verb in ("is worth", "recoups the full", "buys back", "protects", "saves about"):
        assert "whole_problem" in names(f"{rework[0].upper()}{rework[1:]} {verb} {t('addressed_margin_lost_per_year')} a year."), verb
    high = money(1.2, "addressed_peak_margin_lost_per_year")
    assert "whole_problem" in names(f"A {t('mitigation_cost')} mitigation saves about {high} this peak.")
    mitigation_only = [f for f in RISK if not f.fact.startswith("checkout")]  # 10.baseline-again's facts
    assert "whole_problem" in names(f"A {t('mitigation_cost')} mitigation would protect {t('mitigation_saving_low')} to "
                                    f"{t('addressed_peak_margin_lost_per_year')} this peak.", mitigation_only)
    # the same verbs with the saving the facts give, or the whole problem as the partitive's whole, pass
    assert names(f"The {t('checkout_fix_cost')} rework after the freeze is worth about {t('checkout_fix_saving_per_year')} a year.") == set()
    assert "whole_problem" not in names(f"The {t('checkout_fix_cost')} rework saves {t('checkout_fix_saving_per_year')} of the "
                                        f"{t('addressed_margin_lost_per_year')} a year we lose.")


def test_a_share_is_held_to_the_share_facts():
    assert "unsupported_number" in names(f"A {t('mitigation_cost')} mitigation would prevent about 90% of the "
                                         f"{t('addressed_peak_margin_lost_per_year')} a year we lose at peak.")
    assert names(f"A {t('mitigation_cost')} mitigation would prevent about {t('mitigation_share_prevented_pct')} of the "
                 f"{t('addressed_peak_margin_lost_per_year')} a year we lose at peak, some {t('mitigation_saving')}.") == set()
    # with no facts at all, only a near-total share is an overclaim; a bar to clear is not a forecast
    assert J.judge("One sprint, about $16,000, would prevent 95% of them next quarter.").findings
    assert not J.judge("One sprint, about $16,000; if it prevents 60% of them or more, we keep it.").findings


def test_a_return_is_the_saving_over_its_own_cost():
    base = f"The {t('checkout_fix_cost')} rework after the freeze saves about {t('checkout_fix_saving_per_year')} a year"
    assert "payback_contradiction" in names(base + ", a 150% return.")
    assert "payback_contradiction" not in names(base + ", about a 50% return in the first year.")
    mitigation = f"A {t('mitigation_cost')} mitigation prevents {t('mitigation_saving_low')} to {t('mitigation_saving_high')}"
    assert "payback_contradiction" in names(mitigation + ", so it pays for itself six times over.")
    assert "payback_contradiction" not in names(mitigation + ", so it pays for itself about 2.5 times over.")


def test_a_published_figure_used_as_ours_is_caught_and_quoted_for_scale_passes():
    assert "published_figure" in names("Per Google's research 53% of mobile visitors leave after 3 seconds, so we are "
                                       "losing half our sign-ups.", ())
    assert "published_figure" in names("Per Deloitte, 0.1 s faster means 8.4% more conversions, so making our site 1 second "
                                       "faster would raise sales by 84%.", ())
    assert "published_figure" not in names("Industry figures put downtime at $5,600 a minute, which is not our number; "
                                           "ours we measure from the incident log.", ())


def test_a_likelihood_needs_evidence_and_a_negated_caveat_is_a_hedge():
    for said in ("could well fail", "is likely to fail", "will almost certainly go down", "will fail"):
        assert "likelihood" in names(f"Checkout {said} on Black Friday.", ()), said
    assert "likelihood" not in names("Checkout is likely to fail again this peak: it went down 5 times last peak, per the "
                                     "incident log.", ())
    assert "likelihood" not in names("The mitigation makes checkout less likely to fail.", ())
    assert "overstatement" not in names("It should prevent part of the loss; it will not stop every outage.", ())
    for said in ("keeps Black Friday outage-free", "makes checkout bulletproof", "means zero checkout outages",
                 "means checkout stays up all peak"):
        assert "overstatement" in names(f"The mitigation {said}.", ()), said


def test_a_trial_with_its_gain_already_stated_is_caught_and_a_sound_trial_passes():
    for gain in ("it will cut our lead time by 40% and save $200,000 a year", "if they do, that's $1.2M more revenue a year",
                 "we think it will cut development time by 20% this year"):
        assert "trial_gain" in names(f"A two-week trial on the account page, to see whether it helps; {gain}.", ()), gain
    for sound in ("Two engineers, two weeks, about $12,000: a trial on one real feature shows whether this library gets "
                  "features to customers sooner and what a full switch costs; we decide before the spring launch.",
                  "A two-week trial, about $12,000 of their time; if it cuts lead time by 20% or more, we adopt it."):
        assert J.judge(sound).ok, sound


def test_a_sound_trial_is_a_sentence_not_a_list_of_words():
    from workshop.framing import assess

    a = assess("Two engineers, two weeks, about $12,000: a trial on one real feature shows whether this library gets "
               "features to customers sooner and what a full switch costs; we decide before the spring launch.")
    assert a.strong, a.feedback
    assert not assess("Revenue, churn, NPS, margin.").strong


def test_a_break_even_share_is_held_to_the_horizon_it_names():
    facts = [GivenFact(fact=f, role="context") for f in (
        "ci_breakeven_share_quarter_pct", "ci_breakeven_share_year_pct", "ci_breakeven_share_quarter_low_case_pct",
        "ci_breakeven_share_year_low_case_pct")] + [GivenFact(fact="ci_fix_cost", role="fix_cost")]
    fix = f"The {t('ci_fix_cost')} fix pays for itself"
    assert "inconsistent_numbers" in names(f"{fix} within a week if only {t('ci_breakeven_share_quarter_pct')} of that time "
                                           "becomes work.", facts)
    assert "inconsistent_numbers" in names(f"{fix} within a quarter if only 60% of that time becomes work.", facts)
    for share in ("ci_breakeven_share_quarter_pct", "ci_breakeven_share_quarter_low_case_pct"):
        assert "inconsistent_numbers" not in names(f"{fix} within a quarter even if only {t(share)} of that time becomes "
                                                   "work.", facts)


def test_the_freeze_is_not_a_gain_word_in_a_trial():
    """`free\\w*` once matched "freeze": a trial planned after the freeze read as a forecast gain."""
    from workshop.kinds.judge.trial import GAIN_BEFORE

    assert not GAIN_BEFORE.search("After the freeze, two engineers spend two weeks (about ")
    assert GAIN_BEFORE.search("it would free up about ")
