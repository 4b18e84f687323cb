"""Numbers as people type them, and what happens when one cannot be read."""
import decimal
import json
import subprocess
import sys

import pytest

import workshop
from workshop import Module
from workshop.progress import log as progress
from workshop.answers import AnswerProblem, as_number
from workshop.bank.loader import get_bank


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "p.jsonl"
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(path))
    return path


@pytest.mark.parametrize("typed, value", [
    ("about 4", 4), ("around 4 weeks", 4), ("~4", 4), ("approx. 4", 4), ("4 weeks", 4),
    ("$36k", 36_000), ("\\$36k", 36_000), ("36k", 36_000), ("36K", 36_000), ("1.2M", 1_200_000),
    ("$1.2m", 1_200_000), ("1.2 million", 1_200_000), ("1,150", 1150), ("$1,150.50", 1150.5),
    ("-$5", -5), ("$-5", -5), ("12.5%", 12.5), ("1_000", 1000), (".5", 0.5), ("10 hours a day", 10),
])
def test_common_forms_are_read(typed, value):
    assert as_number(typed) == pytest.approx(value)


@pytest.mark.parametrize("typed", ["about four", "1,15", "4 5", "36m", "4 m", "12-15", "US$ 5 or 6", "1.2.3"])
def test_ambiguous_or_unreadable_forms_are_refused_not_guessed(typed):
    with pytest.raises(AnswerProblem):
        as_number(typed)


def test_decimal_and_fraction_answers_are_numbers():
    assert workshop.check("00.build-wait", decimal.Decimal("10")).status == "correct"
    assert workshop.check("00.build-wait", decimal.Decimal("10.00")).status == "correct"


@pytest.mark.parametrize("huge", [10**400, -(10**400), decimal.Decimal("1e400"), "1e400", "9" * 60])
def test_huge_numbers_get_a_sentence_not_an_exception_name(huge):
    result = workshop.check("00.build-wait", huge)
    assert result.status == "not_attempted"
    assert "Error" not in result.feedback and "(" not in result.feedback.split(".")[0]
    assert "large" in result.feedback or "infinite" in result.feedback or "digits" in result.feedback


def test_bytes_that_are_not_text_are_not_a_correct_baseline():
    result = workshop.check("00.baseline-messy-code", b"\xff\xfe")
    assert result.status == "not_attempted" and "bytes" in result.feedback


def test_an_unreadable_answer_is_not_an_attempt_and_keeps_an_earlier_correct_one(log):
    m = Module("00")
    assert m.check("build-wait", 10).status == "correct"
    unreadable = m.check("build-wait", "about ten")
    assert unreadable.status == "not_attempted" and "couldn't read" in unreadable.feedback
    row = progress.standing()["00"]["00.build-wait"]
    assert row["status"] == "correct" and row["attempts"] == 1
    checks = [e for e in map(json.loads, log.read_text().splitlines()) if e["event"] == "check"]
    assert len(checks) == 1
    assert m.last_answer("build-wait") == "about ten"  # kept for the widget, so nothing typed is lost


def test_an_unreadable_first_answer_does_not_open_the_solution(log, monkeypatch):
    monkeypatch.setenv("WORKSHOP_SOLUTIONS", "after-attempt")
    m = Module("00")
    m.check("build-wait", "lots")
    assert not m.solution_available("build-wait")
    m.check("build-wait", "12")
    assert m.solution_available("build-wait")


def test_each_number_box_placeholder_fits_its_unit():
    from workshop.widgets import control_for

    number_kinds = [e for e in get_bank().exercises.values() if e.kind in ("numeric", "computed")]
    placeholders = {e.id: control_for(e).text.placeholder for e in number_kinds}
    for exercise in number_kinds:
        shown = placeholders[exercise.id]
        assert exercise.unit.split()[-1] in shown or ("dollar" in exercise.unit and "36k" in shown), (exercise.id, shown)
        assert "1150" not in shown
    assert len(set(placeholders.values())) > 1


def test_cli_warnings_name_no_internal_file(log):
    log.write_text('{"v": 1, "event": "check", "exercise": "02.x", "status": "correct"}\nnot json\n')
    out = subprocess.run([sys.executable, "-m", "workshop", "progress"], capture_output=True, text=True,
                         env={**__import__("os").environ, "PYTHONWARNINGS": "default"})
    assert out.returncode == 0
    assert "damaged" in out.stderr
    assert ".py" not in out.stderr and "UserWarning" not in out.stderr and "ProgressWarning" not in out.stderr


# Issue 25.6: honest rounding, a flipped ratio, 52 weeks, and no false precision in feedback.

def _payback():
    return get_bank().exercises["05.payback"]


@pytest.mark.parametrize("typed", ["3", "3 weeks", "about 3", 3, 3.0])
def test_an_honestly_rounded_about_answer_is_accepted(typed):
    exercise = _payback()
    assert exercise.tolerance.rounding, "05.payback asks for 'about' a number: honest rounding is accepted"
    assert 2.5 < exercise.key() < 3.5 and round(exercise.key()) == 3
    result = workshop.check("05.payback", typed)
    assert result.status == "correct", result.feedback
    assert "honestly rounded" in result.feedback


def test_rounding_is_judged_at_the_digit_the_learner_typed():
    from workshop.kinds.numeric import Tolerance, shown_step

    assert shown_step("3") == 1 and shown_step("2.6") == pytest.approx(0.1)
    assert shown_step("$590k") == 10_000 and shown_step("1,200") == 100 and shown_step(3.0) == 1
    tolerance = Tolerance(relative=0.02, rounding=0.1)
    assert tolerance.accepts(3, 2.8125, shown_step("3"))
    assert not tolerance.accepts(2.6, 2.8125, shown_step("2.6"))   # typed to a tenth: claims 2.6 ± 0.05
    assert not tolerance.accepts(100, 140, shown_step("100"))     # half a hundred, but 29% off
    assert tolerance.accepts(590_000, 586_649, shown_step("$590k"))
    assert not Tolerance(relative=0.02).accepts(3, 2.8125, 1.0)   # without `rounding`, exact arithmetic stays exact


def test_a_flipped_ratio_gets_its_own_message():
    result = workshop.check("05.payback", round(1 / _payback().key(), 2))
    assert result.status == "incorrect"
    assert "other way round" in result.feedback and result.misconception


def test_a_year_of_52_weeks_gets_its_own_message():
    from workshop.company.profiles import profile

    exercise = get_bank().exercises["05.fix-saving"]  # a yearly figure scaled up from a week
    weeks = profile()["working_weeks_per_year"]
    result = workshop.check("05.fix-saving", exercise.key() * 52 / weeks)
    assert result.status == "incorrect"
    assert "52 weeks" in result.feedback and f"{weeks:g} weeks" in result.feedback


_NUMBER_IN_TEXT = __import__("re").compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def significant_figures(number_text: str) -> int:
    digits = number_text.replace(",", "")
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0"))
    return len(digits.strip("0")) or 1


def test_significant_figures_counter():
    assert [significant_figures(t) for t in ("2.812", "587,000", "586,649", "0.36", "10", "2024")] == [4, 3, 6, 2, 1, 4]


def test_number_feedback_never_shows_false_precision():
    """No number in the feedback of a number exercise has more than 4 significant figures ("about 2.812 weeks")."""
    bank = get_bank()
    offenders = []
    for exercise in bank.exercises.values():
        if exercise.kind not in ("numeric", "computed"):
            continue
        key = exercise.key()
        answers = [key, key * 1.3, key * 0.7, key * 1.013, key * 10, -key, key * 52 / 46]
        answers += [value for value, _ in exercise.wrong_answers()]
        if key:
            answers.append(1 / key)
        for answer in answers:
            feedback = workshop.check(exercise.id, answer).feedback
            for number in _NUMBER_IN_TEXT.findall(feedback):
                if significant_figures(number) > 4 and number.replace(",", "") not in exercise.prompt.replace(",", ""):
                    offenders.append((exercise.id, answer, number, feedback[:100]))
    assert not offenders, offenders[:5]


def test_about_shows_the_digits_the_tolerance_means():
    from workshop.kinds.numeric import Tolerance, about

    assert about(2.8125, Tolerance(relative=0.02)) == "2.8"
    assert about(586_649, Tolerance(relative=0.01)) == "587,000"
    assert about(5.25, Tolerance(absolute=0.01)) == "5.25"
    assert about(56, Tolerance(absolute=0.5)) == "56"


def test_the_correct_payback_is_shown_as_the_prompt_would_say_it():
    key = _payback().key()
    feedback = workshop.check("05.payback", key).feedback
    assert f"about {key:.1f} weeks" in feedback and f"{key:.3f}" not in feedback, feedback
