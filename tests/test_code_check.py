"""A check run in a code cell shows Hint and Show solution under its result, like a widget exercise."""
import pytest

from workshop import Module


@pytest.fixture(autouse=True)
def fresh_log(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "p.jsonl"))
    monkeypatch.delenv("WORKSHOP_SOLUTIONS", raising=False)


def test_code_check_result_is_still_the_result():
    result = Module("05").check("hours-waited", 5)
    assert result.status == "incorrect" and repr(result) == "05.hours-waited: incorrect"
    bundle = result._repr_mimebundle_()
    assert bundle["text/plain"] == "05.hours-waited: incorrect"
    assert "application/vnd.jupyter.widget-view+json" in bundle and "Not yet" in bundle["text/html"]


def test_hint_button_climbs_the_ladder_in_a_code_cell():
    m = Module("05")
    controls = m.check("hours-waited", ...).controls()  # a blank is not an attempt
    exercise = m.exercises["hours-waited"]
    for _ in range(len(exercise.hints) + 2):
        controls.hint_button.click()
    assert f"Hint {len(exercise.hints)} of {len(exercise.hints)}" in controls.hints.value
    assert "last hint" in controls.hints.value


def test_solution_follows_the_policy_in_a_code_cell(monkeypatch):
    m = Module("05")
    blank = m.check("hours-waited", ...).controls()
    assert blank.solution_button.disabled and "first attempt" in blank.solution_button.tooltip
    tried = m.check("hours-waited", 12.5).controls()
    assert not tried.solution_button.disabled
    tried.solution_button.click()
    assert "Solution" in tried.solution.value
    monkeypatch.setenv("WORKSHOP_SOLUTIONS", "locked")
    locked = m.check("hours-waited", 12.5).controls()
    assert locked.solution_button.disabled and "locked" in locked.solution_button.tooltip
    locked.solution_button.click()  # a click that slips through still reveals nothing
    assert "locked" in locked.solution.value and "Solution" not in locked.solution.value


def test_another_modules_exercise_gets_no_controls():
    from workshop.result import Result

    result = Module("05").check("06.annual-loss", 1)
    assert type(result) is Result and not hasattr(result, "controls")


def test_every_exercise_can_show_its_solution(monkeypatch):
    """Numeric exercises once had no solution_markdown, so Show solution raised in the widget."""
    from workshop.bank.loader import get_bank

    monkeypatch.setenv("WORKSHOP_SOLUTIONS", "open")
    for exercise in get_bank().exercises.values():
        html = Module(exercise.module).solution_html(exercise.id)
        assert "Solution" in html, exercise.id
