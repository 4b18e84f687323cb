"""Every exercise of every kind shows its model answer, through the API and through the widget's button.

Generic over the bank: a new kind (or a new exercise) is covered the moment it is in
``exercises/*.yaml``; a registered kind with no exercise in the bank fails here, so
its solution path cannot go untested.
"""
import html
import json
import re

import pytest

import workshop
from workshop import Module
from workshop.bank.loader import get_bank
from workshop.kinds import models
from workshop.bank.markdown import to_html

ALL = workshop.exercise_ids()


@pytest.fixture
def open_solutions(tmp_path, monkeypatch):
    log = tmp_path / "p.jsonl"
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(log))
    monkeypatch.setenv("WORKSHOP_SOLUTIONS", "open")
    return log


def _visible_text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _assert_real_solution(exercise, shown: str) -> None:
    expected = to_html(exercise.solution_markdown())
    assert expected and expected in shown, f"{exercise.id}: the model answer is not in what the learner sees"
    assert "<strong>Solution</strong>" in shown
    content = _visible_text(expected)
    assert len(content) >= 3, f"{exercise.id}: the solution shows almost nothing ({content!r})"
    assert "could not" not in _visible_text(shown), f"{exercise.id}: {shown}"


def _reveals(log) -> list[str]:
    if not log.exists():
        return []
    return [e["exercise"] for e in map(json.loads, log.read_text().splitlines()) if e["event"] == "reveal"]


@pytest.mark.parametrize("exercise_id", ALL)
def test_solution_opens_through_the_api(exercise_id, open_solutions):
    exercise = get_bank().exercises[exercise_id]
    shown = Module(exercise.module).solution(exercise.short_id)._repr_html_()
    _assert_real_solution(exercise, shown)
    assert _reveals(open_solutions) == [exercise_id]


@pytest.mark.parametrize("exercise_id", ALL)
def test_solution_opens_through_the_widget_button(exercise_id, open_solutions):
    exercise = get_bank().exercises[exercise_id]
    view = Module(exercise.module).show(exercise.short_id)
    assert not view.solution_button.disabled
    view.solution_button.click()
    _assert_real_solution(exercise, view.solution.value)
    assert _reveals(open_solutions) == [exercise_id]


def test_the_bank_exercises_every_registered_kind():
    """Otherwise a kind's solution path (the thing that broke for numeric) would go untested."""
    used = {e.kind for e in get_bank().exercises.values()}
    assert set(models()) <= used, f"kinds with no exercise in the bank: {sorted(set(models()) - used)}"


def test_a_failing_model_answer_says_so_and_logs_no_reveal(open_solutions, monkeypatch):
    exercise = get_bank().exercises["00.build-wait"]

    def broken(self):
        raise KeyError("nope")

    monkeypatch.setattr(type(exercise), "solution_markdown", broken)
    shown = Module("00").solution("build-wait")._repr_html_()
    assert "tell your facilitator" in shown
    assert _reveals(open_solutions) == []
