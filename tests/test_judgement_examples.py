"""The judge's self-test (issue 18): "correct" means a sceptical finance director would accept it.

For every exercise with misconceptions, in the bank and in the pilot fixtures
(tests/data/judged), and for every shipped company: each ``caught`` example is not
correct AND its feedback names that misconception; each ``sound`` example is correct.
Then each detector alone, on the answers the issue quotes and on hostile input (fast,
never raising), the bank's validation of ``facts``, and how beliefs and money are printed.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from workshop.bank.loader import BankError, load_bank
from workshop.company.data import SCHEMAS
from workshop.kinds import check_safely
from workshop.kinds import judge as J
from workshop.kinds.judgement import GivenFact
from workshop.result import Result

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "judged"
COMPANIES = ("larkspur", "northway")
SOURCES = {"bank": ROOT / "exercises", "fixtures": FIXTURES}
_banks: dict = {}


@pytest.fixture(params=COMPANIES)
def company(request, monkeypatch):
    monkeypatch.setenv("WORKSHOP_COMPANY", request.param)
    for name in ("WORKSHOP_DATA_DIR", *(f"WORKSHOP_DATA_{n.upper()}" for n in SCHEMAS)):
        monkeypatch.delenv(name, raising=False)
    return request.param


def bank(company: str, source: str):
    key = (company, source)
    if key not in _banks:
        _banks[key] = load_bank(SOURCES[source])
    return _banks[key]


def judged(company: str, source: str):
    return [e for e in bank(company, source).exercises.values() if getattr(e, "misconceptions", None)]


def check(exercise, example):
    return check_safely(exercise, J.complete_example(exercise, example))


# --- Every example, every company ------------------------------------------------------------

@pytest.mark.parametrize("source", SOURCES)
def test_every_caught_example_is_caught_and_named(company, source):
    failures = []
    for exercise in judged(company, source):
        for m in exercise.misconceptions:
            for example in m.caught:
                result = check(exercise, example)
                if result.correct or m.belief not in result.text():
                    failures.append(f"{exercise.id} [{m.id}] {result.status}: {example!r}\n    {result.text()[:400]}")
    assert not failures, f"{company}: caught examples not caught by their misconception:\n" + "\n".join(failures)


@pytest.mark.parametrize("source", SOURCES)
def test_every_sound_example_is_correct(company, source):
    failures = []
    for exercise in judged(company, source):
        for example in exercise.sound:
            result = check(exercise, example)
            if not result.correct:
                failures.append(f"{exercise.id} {result.status}: {example!r}\n    {result.text()[:400]}")
    assert not failures, f"{company}: sound examples refused:\n" + "\n".join(failures)


@pytest.mark.parametrize("source", SOURCES)
def test_model_answers_satisfy_the_judge(company, source):
    failures = []
    for exercise in bank(company, source).exercises.values():
        if exercise.kind not in ("framing", "record") or getattr(exercise, "baseline", False):
            continue
        answers = exercise.model_answers if exercise.kind == "framing" else [exercise.key()]
        for answer in answers:
            result = check_safely(exercise, answer)
            if not result.correct:
                failures.append(f"{exercise.id}: {result.text()[:400]}")
    assert not failures, "\n".join(failures)


def test_the_fixtures_cover_every_detector_and_part_patterns(company):
    detectors = {m.detect for e in judged(company, "fixtures") for m in e.misconceptions if m.detect}
    assert detectors >= {"unsupported_number", "whole_problem", "revenue_as_margin", "week_as_year",
                         "payback_contradiction", "before_deadline", "inconsistent_numbers"}
    assert any(m.part for e in judged(company, "fixtures") for m in e.misconceptions)


# --- The answers issue 18 quotes ---------------------------------------------------------------

def fixture(company, exercise_id):
    return bank(company, "fixtures").exercises[exercise_id]


def test_the_issue_answers_are_not_correct(company):
    f = J._current_facts()
    cases = {
        "05.proposal-headline": f"a {f['ci_fix_cost'].text} fix would save all of the {f['ci_wait_cost_per_year'].text} a year "
                                f"and pay back in about {f['ci_payback_on_whole_problem'].text} weeks",
        "06.risk-statement": f"Checkout outages cost us {f['peak_revenue_per_hour'].text} in revenue an hour; "
                             "fixing it before Black Friday would save all of that.",
        "09.next-move": "I will write more code this month and ship 5 features myself",
    }
    for exercise_id, answer in cases.items():
        result = check_safely(fixture(company, exercise_id), answer)
        assert not result.correct, (exercise_id, result.text())
        assert "Mistaken belief" in result.text()
    pipeline = fixture(company, "04.rewrite-pipeline")
    for answer in ("Downtime costs $5,600 a minute (Gartner), so our slow builds cost us a fortune every week.",
                   "Our engineers wait 20 hours a week for builds, costing us time every week.",
                   "If builds stay slow we will lose every customer and $50 million by next year.",
                   "Our engineers wait 362 hours a week for builds; I made this number up.",
                   "The moon was in retrograde, per our dashboard, so builds cost us 362 hours a week."):
        assert not check_safely(pipeline, answer).correct, answer
    commit = fixture(company, "08.decision-comment")
    assert not check(commit, {"commit": "I still think B is better, so I will not commit to A."}).correct


# --- Detectors alone ---------------------------------------------------------------------------

def given(*pairs):
    return [GivenFact(fact=f, role=r) for f, r in pairs]


CI = (("ci_fix_saving_per_year", "saving"), ("ci_wait_cost_per_year", "whole_problem"), ("ci_fix_cost", "fix_cost"),
      ("ci_fix_saving_per_week", "saving"), ("ci_fix_payback_weeks", "payback"), ("ci_hours_per_week", "whole_problem"))
CHECKOUT = (("checkout_fix_saving_per_year", "saving"), ("addressed_margin_lost_per_year", "whole_problem"),
            ("checkout_fix_cost", "fix_cost"), ("peak_revenue_per_hour", "revenue"),
            ("peak_margin_lost_per_hour_down", "margin"), ("weeks_to_change_freeze", "deadline"),
            ("mitigation_cost", "context"))


def detectors(text, facts=CI, **kw):
    return {f.detector for f in J.judge(text, facts=given(*facts), **kw).findings}


def test_reading_numbers_and_units():
    q = J.read_quantities("It costs $1.2M a year, £40,000, $36k, 1,249,725 dollars, 362 hours a week, "
                          "$9,000 of margin for every hour it is down, 20%, and pays back in 3 weeks.")
    assert [(x.value, x.kind, x.period) for x in q] == [
        (1_200_000, "money", "year"), (40_000, "money", None), (36_000, "money", None), (1_249_725, "money", None),
        (362, "time", "week"), (9_000, "money", "hour"), (20, "percent", None), (3, "time", None)]
    assert q[-1].payback and q[4].unit == "hours" and not q[4].payback
    assert J.read_quantities("within two weeks")[0].bound


def test_honest_rounding():
    assert J.close(1.2e6, 1_249_725) and J.close(1e6, 1_249_725) and J.close(587_000, 586_649)
    assert J.close(3, 2.8125) and not J.close(20, 362) and not J.close(5_600, 150)


def test_unsupported_numbers(company):
    pipeline = (("ci_hours_per_week", "per_week"), ("ci_wait_cost_per_week", "per_week"))
    assert "unsupported_number" in detectors("Downtime costs $5,600 a minute, per Gartner.", pipeline)
    assert "unsupported_number" in detectors("We wait 20 hours a week for builds.", pipeline)
    assert "unsupported_number" in detectors("We will lose $50 million.", pipeline)
    f = J._current_facts()
    assert "unsupported_number" not in detectors(f"We wait {f['ci_hours_per_week'].text} hours a week.", pipeline)


def test_whole_problem_revenue_week_payback_deadline(company):
    f = J._current_facts()
    t = {k: v.text for k, v in f.items()}
    assert "whole_problem" in detectors(f"A {t['ci_fix_cost']} fix would save the {t['ci_wait_cost_per_year']} a year we lose.")
    assert "whole_problem" not in detectors(
        f"Waiting costs {t['ci_wait_cost_per_year']} a year; the fix saves {t['ci_fix_saving_per_year']} a year of it.")
    assert "week_as_year" in detectors(f"The fix saves {t['ci_fix_saving_per_week']} a year.")
    assert "payback_contradiction" in detectors(
        f"The {t['ci_fix_cost']} fix saves {t['ci_fix_saving_per_year']} a year and pays back in 20 weeks.")
    assert "payback_contradiction" not in detectors(
        f"The {t['ci_fix_cost']} fix saves {t['ci_fix_saving_per_year']} a year and pays back in {t['ci_fix_payback_weeks']} weeks.")
    assert "revenue_as_margin" in detectors(f"Each hour down costs us {t['peak_revenue_per_hour']}.", CHECKOUT)
    assert "revenue_as_margin" not in detectors(f"Each hour down costs us {t['peak_margin_lost_per_hour_down']} of margin.",
                                                CHECKOUT)
    assert "before_deadline" in detectors("We will do the rework before Black Friday.", CHECKOUT)
    assert "before_deadline" not in detectors("A mitigation before the freeze, and the rework after it.", CHECKOUT)


def test_own_numbers_must_agree():
    assert "inconsistent_numbers" in detectors("It costs $2,000 a week, or about $500,000 a year.", ())
    assert "inconsistent_numbers" not in detectors("It costs $2,000 a week, or about $95,000 a year.", ())
    assert "inconsistent_numbers" in detectors("A $20,000 fix saves $2,000 a week and pays back in 2 weeks.", ())
    assert "inconsistent_numbers" not in detectors("A $20,000 fix saves $2,000 a week and pays back in 10 weeks.", ())
    assert "inconsistent_numbers" not in detectors("It costs $2,000 a week and the fix saves $30,000 a year.", ())


@pytest.mark.parametrize("text", [
    "If checkout fails we lose every customer.", "It is 100% certain.", "The site will collapse.",
    "This is guaranteed to pay back.", "It will definitely fail on Black Friday.", "We will pay for it forever.",
    "I made this number up.", "My gut says $40,000.", "It's a guess, $40,000 a year.",
    "The moon was in retrograde, per our dashboard.", "Everyone knows the code is slow.", "Trust me, it costs $40,000.",
    "Checkout will 100% fail on Black Friday.", "Studies show slow builds cost millions.", "Everyone agrees it is slow.",
])
def test_red_flags(text):
    assert "red_flag" in detectors(text, ())


@pytest.mark.parametrize("text", [
    "Move 100% of card payments to the new provider after Black Friday, if the 5% share holds for two weeks.",
    "The exit clause guarantees we can leave within 90 days.",
    "Every customer who tries to pay while checkout is down is turned away.",
    "Conversion collapsed during last year's outage, per the dashboard.",
    "There is no risk-free option; the mitigation lowers the risk this peak.",
    "Checkout failed 3 times last peak season, per the incident log, costing about $9,000 of margin an hour.",
    "Deploy incidents made up 32% of outages last year, per the incident log.",
    "Every hour checkout is down costs us margin; our disaster recovery plan was tested last month.",
    "I'm committed to A and will pair on the first page.",
])
def test_no_red_flag_on_honest_text(text):
    assert "red_flag" not in detectors(text, ())


# --- Hostile input: fast, and never raising ----------------------------------------------------

HOSTILE = [
    "1," * 2_500, "$" * 5_000, "9" * 5_000, "$1," * 1_700, "every " * 900, "a " * 2_500, "(" * 5_000,
    "1.1." * 1_250, "pays back in " * 400, "before the freeze rework " * 200, "£1,000 a week, or " * 300,
    "\u2014 " * 2_500, "🙂" * 5_000, "x" * 5_000, "\n" * 5_000, "1 hour a week " * 350,
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile{i}" for i in range(len(HOSTILE))])
def test_hostile_text_is_judged_fast(text):
    facts = given(*CI, *CHECKOUT)
    values = J._current_facts()
    J.judge("warm up", facts=facts, fact_values=values)
    best = min(_timed(lambda: J.judge(text, facts=facts, fact_values=values)) for _ in range(5))
    assert best < 0.05, f"{best * 1000:.0f} ms"


def _timed(fn) -> float:
    """CPU time of this process: the machine is shared, and waiting for a core is not the judge's cost."""
    start = time.process_time()
    fn()
    return time.process_time() - start


@pytest.mark.parametrize("answer", [None, 12, 3.5, b"bytes", ["a"], {"a": 1, 2: None}, {"decision": None}, "", object(),
                                    "\x00\ud800", "$" + "9" * 400 + " a year"])
def test_the_judge_never_raises(answer):
    verdict = J.judge(answer, facts=given(*CI))
    assert isinstance(verdict, J.Verdict)


def test_framing_and_record_never_raise_on_hostile_answers(company):
    headline, record = fixture(company, "05.proposal-headline"), fixture(company, "07.two-way-record")
    for text in HOSTILE:
        assert check_safely(headline, text).status in ("correct", "partial", "incorrect", "not_attempted")
        assert check_safely(record, {"decision": text}).status in ("correct", "partial", "incorrect", "not_attempted")


# --- Validation, rendering, money --------------------------------------------------------------

def test_an_unknown_fact_is_a_validate_error_naming_file_and_id(tmp_path):
    text = (FIXTURES / "05_fixture.yaml").read_text(encoding="utf-8")
    (tmp_path / "05_fixture.yaml").write_text(text.replace("fact: ci_fix_cost,", "fact: ci_fix_costs,", 1), encoding="utf-8")
    with pytest.raises(BankError) as err:
        load_bank(tmp_path)
    message = str(err.value)
    assert "05_fixture.yaml" in message and "05.proposal-headline" in message and "unknown fact 'ci_fix_costs'" in message


def test_a_misconception_prints_as_a_mistaken_belief_in_text_and_html():
    r = Result("05.x", "partial", "Not yet.", misconception="A confident forecast counts as evidence.",
               repair="Evidence is something already observed.")
    assert "Mistaken belief: \u201cA confident forecast counts as evidence.\u201d Why not: Evidence" in r.text()
    html = r._repr_html_()
    assert "Mistaken belief:" in html and "Why not:" in html and "Watch out for" not in html + r.text()
    assert "\u2716" in html  # a mark and words, not colour alone


def test_correct_framing_never_claims_a_listener_can_act(company):
    for exercise in bank(company, "bank").exercises.values():
        if exercise.kind == "framing" and not exercise.baseline:
            result = check_safely(exercise, exercise.model_answers[0])
            assert result.correct and "can act on this" not in result.feedback


def test_money_in_feedback_has_separators_and_no_scientific_notation(company):
    from workshop.company.currency import number, symbol, with_unit

    assert number(1_249_725.125) == "1,249,725" and number(2.8125) == "2.812" and number(0.0611413) == "0.06114"
    assert with_unit(1_249_725.125, "US dollars a year") == f"{symbol()}1,249,725 a year"
    assert with_unit(2.8, "weeks") == "2.8 weeks"
    bad = re.compile(r"\d[eE][+-]?\d|\d\.\d{5,}|\b\d+\.\d*[1-9]\d{4,}")
    for exercise in bank(company, "bank").exercises.values():
        if exercise.kind not in ("numeric", "computed"):
            continue
        answers = [exercise.key()] + [a for a, _ in exercise.wrong_answers()]
        for answer in answers:
            feedback = check_safely(exercise, answer).text()
            assert not bad.search(feedback), (exercise.id, feedback)


# --- Framing tags: the phrase that carries each element, or nothing --------------------------

def _marks(text):
    from workshop.framing import assess
    from workshop.framing.render import highlighted

    html = highlighted(text, assess(text).spans)
    return re.findall(r"<mark[^>]*>(.*?)<sup[^>]*>\[(.*?)\]</sup></mark>", html)


@pytest.mark.parametrize("text", [
    "The dashboard shows checkout failed 3 times last quarter.",
    "The incidents were costly: 3 outages last quarter cost us $40,000.",
    "The team waits 362 hours a week for builds, about $27,000 a week.",
    "Our engineers had 12 outages last year.",
])
def test_no_lone_function_word_is_tagged(text):
    from workshop.framing.lexicon import FUNCTION_WORDS

    for words, _ in _marks(text):
        lone = words.lower().split()
        assert not (len(lone) == 1 and (lone[0] in FUNCTION_WORDS or lone[0] in {"shows", "were", "team", "had"})), words
        assert words.lower() not in ("the team", "our team"), words


def test_a_future_pilot_is_not_evidence():
    from workshop.framing import assess

    assert not assess("We will run a pilot next month to cut build time by 20%, saving $50,000 a year.").elements["evidence"]
    assert not assess("A pilot next quarter would show a 20% cut, saving $50,000 a year.").elements["evidence"]
    assert assess("In last month's pilot this library cut development time by 20%.").elements["evidence"]


@pytest.mark.parametrize("text, agrees", [
    ("About 300 tickets a month, at $12 each, cost us $36,000 a month in support time.", False),
    ("About 300 tickets a month, at $12 each, cost us $3,600 a month in support time.", True),
    ("Each of our 10 engineers loses 2 hours a day to slow builds, 50 hours a day in total.", False),
    ("We run 20 deploys a week and each one takes 3 hours of an engineer's time, 60 hours a week.", True),
    ("Our 30 engineers each wait 12 hours a week, about $27,000 a week, per the CI log.", True),
])
def test_a_count_times_each_must_be_the_total(text, agrees):
    assert ("inconsistent_numbers" not in detectors(text, ())) == agrees
