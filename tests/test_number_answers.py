"""Numbers as people type them, and what happens when one cannot be read."""
import decimal
import json
import subprocess
import sys

import pytest

import workshop
from workshop import Module, progress
from workshop.answers import AnswerProblem, as_number
from workshop.bank import get_bank


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
